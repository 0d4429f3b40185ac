// Package pipeline wires dyad's stages together: it takes a dyad.Article from
// an ingest reader and returns the dyad.Analysis that `dyad extract` prints
// and the stores keep.
//
//	ingest -> clean -> segment -> parse -> actor -> when, where -> quote -> event
//
// Each stage lives in its own package under internal/; this is the one place
// that knows their order.
package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/data"
	"github.com/dyad-project/dyad/internal/actor"
	"github.com/dyad-project/dyad/internal/clean"
	"github.com/dyad-project/dyad/internal/dict"
	"github.com/dyad-project/dyad/internal/quote"
	"github.com/dyad-project/dyad/internal/segment"
	"github.com/dyad-project/dyad/internal/when"
	"github.com/dyad-project/dyad/internal/where"
)

// Config controls an analysis. The zero value is usable; DefaultConfig
// documents the defaults.
type Config struct {
	// Published is the publication date (YYYY-MM-DD) to use for articles
	// whose input gives none, before inferring one from the text.
	Published string
	// DictDirs are user dictionary folders layered, in order, over the
	// embedded dictionaries: an entry there adds to or overrides the default.
	DictDirs []string
}

// DefaultConfig returns the configuration `dyad extract` uses without flags.
func DefaultConfig() Config { return Config{} }

// ErrBadConfig reports a configuration that cannot be used.
var ErrBadConfig = errors.New("pipeline: bad configuration")

// Pipeline analyses articles. It is safe for concurrent use.
type Pipeline struct {
	cfg    Config
	actors *actor.Finder
	gaz    *where.Gazetteer
}

// New returns a pipeline with the embedded models and dictionaries loaded.
func New(cfg Config) (*Pipeline, error) {
	if cfg.Published != "" {
		if _, err := time.Parse("2006-01-02", cfg.Published); err != nil {
			return nil, fmt.Errorf("%w: published date %q is not YYYY-MM-DD", ErrBadConfig, cfg.Published)
		}
	}
	p := &Pipeline{cfg: cfg}
	var err error
	if p.actors, err = loadActors(cfg.DictDirs); err != nil {
		return nil, err
	}
	if p.gaz, err = where.Default(); err != nil {
		return nil, err
	}
	return p, nil
}

// loadActors returns the actor finder over the embedded dictionaries, with
// the user's dictionary folders layered over them.
func loadActors(dirs []string) (*actor.Finder, error) {
	if len(dirs) == 0 {
		return actor.Default()
	}
	fsyss := []fs.FS{data.Actors}
	for _, d := range dirs {
		if st, err := os.Stat(d); err != nil {
			return nil, fmt.Errorf("%w: dictionary folder: %w", ErrBadConfig, err)
		} else if !st.IsDir() {
			return nil, fmt.Errorf("%w: dictionary folder %s is not a directory", ErrBadConfig, d)
		}
		fsyss = append(fsyss, os.DirFS(d))
	}
	d, err := dict.LoadActors(fsyss...)
	if err != nil {
		return nil, err
	}
	return actor.New(d), nil
}

// Analyse runs every stage over one article.
func (p *Pipeline) Analyse(a *dyad.Article) *dyad.Analysis {
	out, _ := p.analyse(a, nil)
	return out
}

// AnalyseTimed is Analyse that also adds the time each stage took to t.
func (p *Pipeline) AnalyseTimed(a *dyad.Article, t *Timings) *dyad.Analysis {
	out, _ := p.analyse(a, t)
	t.Articles++
	t.Sentences += len(out.Sentences)
	for _, s := range out.Sentences {
		t.Tokens += len(s.Tokens)
	}
	return out
}

// Actors runs the stages up to actor finding and returns the actor stage's
// full result (mentions with their tokens, unknown-name candidates), for
// `dyad actors`.
func (p *Pipeline) Actors(a *dyad.Article) *actor.Result {
	_, r := p.analyse(a, nil)
	return r
}

func (p *Pipeline) analyse(a *dyad.Article, t *Timings) (*dyad.Analysis, *actor.Result) {
	lap := newLap(t)
	text := a.Text
	out := &dyad.Analysis{
		Doc:             a.Doc,
		URL:             a.URL,
		Title:           a.Title,
		Published:       a.Published,
		PublishedSource: a.PublishedSource,
		Text:            text,
	}
	if out.Published != "" && out.PublishedSource == "" {
		out.PublishedSource = dyad.PublishedFromInput
	}

	blocks := clean.Blocks(text)
	if out.Title == "" {
		if h, ok := clean.Headline(text, blocks); ok {
			out.Title = text[h.Start:h.End]
		} else {
			out.Warnings = append(out.Warnings, "no headline found")
		}
	}
	if out.Published == "" && p.cfg.Published != "" {
		out.Published, out.PublishedSource = p.cfg.Published, dyad.PublishedFromFlag
	}
	if out.Published == "" {
		out.Published, out.PublishedSource = clean.InferPublished(text, blocks)
		if out.Published == "" {
			out.Warnings = append(out.Warnings, "no publication date: relative dates are left unresolved")
		}
	}

	lap.done(StageClean)

	out.Sentences = segment.Sentences(text, blocks)
	lap.done(StageSegment)
	actors := p.actors.Find(text, out.Sentences, out.Published)
	out.Actors = actors.Actors()
	lap.done(StageActor)
	times := when.Find(text, out.Sentences, out.Published)
	_ = times
	lap.done(StageWhen)
	out.Places = p.gaz.Find(text, out.Sentences)
	lap.done(StageWhere)
	out.Quotes = quote.Find(text, out.Sentences, quote.NewActorIndex(out.Actors))
	lap.done(StageQuote)
	return out, actors
}
