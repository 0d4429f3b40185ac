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
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/parse"
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
	// Actors and Verbs, when set, replace the embedded actor and verb
	// dictionaries (DictDirs then layers nothing over the actors): a
	// dictionary set read in another format (package dictfmt) or a
	// validation suite's own.
	Actors *dict.Actors
	Verbs  *dict.Verbs
	// Coder, when set, replaces the event coder's default configuration.
	Coder *event.Config
	// PeerCodes composes actor codes as TABARI and PETRARCH do
	// (actor.Finder.PeerCodes), for their validation suites.
	PeerCodes bool
	// PeerAgentLists, with PeerCodes, gives an agent before a list of
	// actors to each of them, as PETRARCH does (actor.Finder.AgentLists).
	PeerAgentLists bool
}

// DefaultConfig returns the configuration `dyad extract` uses without flags.
func DefaultConfig() Config { return Config{} }

// ErrBadConfig reports a configuration that cannot be used.
var ErrBadConfig = errors.New("pipeline: bad configuration")

// Pipeline analyses articles. It is safe for concurrent use.
type Pipeline struct {
	cfg    Config
	parser *parse.Model
	actors *actor.Finder
	gaz    *where.Gazetteer
	coder  *event.Coder
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
	if p.parser, err = parse.Default(); err != nil {
		return nil, err
	}
	if cfg.Actors != nil {
		p.actors = actor.New(cfg.Actors)
	} else if p.actors, err = loadActors(cfg.DictDirs); err != nil {
		return nil, err
	}
	if cfg.PeerCodes {
		p.actors = p.actors.PeerCodes()
		if cfg.PeerAgentLists {
			p.actors = p.actors.AgentLists()
		}
	}
	if p.gaz, err = where.Default(); err != nil {
		return nil, err
	}
	if cfg.Verbs != nil {
		p.coder = event.New(cfg.Verbs)
	} else if p.coder, err = event.Default(); err != nil {
		return nil, err
	}
	if cfg.Coder != nil {
		p.coder = p.coder.WithConfig(*cfg.Coder)
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
	out, _, _ := p.analyse(a, nil, nil)
	return out
}

// Explanation is an analysis with what `dyad explain` shows besides it.
type Explanation struct {
	*dyad.Analysis
	// Times are the temporal expressions found, resolved.
	Times []dyad.TimeExpr
	// Misses are the verbs and nouns of the verb dictionary that produced
	// no event, and why.
	Misses []event.Miss
}

// Explain is Analyse that also keeps what explains the events.
func (p *Pipeline) Explain(a *dyad.Article) *Explanation {
	x := &Explanation{}
	x.Analysis, _, x.Misses = p.analyse(a, nil, x)
	return x
}

// AnalyseTimed is Analyse that also adds the time each stage took to t.
func (p *Pipeline) AnalyseTimed(a *dyad.Article, t *Timings) *dyad.Analysis {
	out, _, _ := p.analyse(a, t, nil)
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
	_, r, _ := p.analyse(a, nil, nil)
	return r
}

func (p *Pipeline) analyse(a *dyad.Article, t *Timings, x *Explanation) (*dyad.Analysis, *actor.Result, []event.Miss) {
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
	// A web archive's capture date is only a bound on the publication
	// date: the flag and the text's own dates come first.
	var crawled string
	if out.PublishedSource == dyad.PublishedFromCrawl {
		crawled, out.Published, out.PublishedSource = out.Published, "", ""
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
		if out.Published == "" && crawled != "" {
			out.Published, out.PublishedSource = crawled, dyad.PublishedFromCrawl
		}
		if out.Published == "" {
			out.Warnings = append(out.Warnings, "no publication date: relative dates are left unresolved")
		}
	}

	lap.done(StageClean)

	out.Sentences = segment.Sentences(text, blocks)
	lap.done(StageSegment)
	for i := range out.Sentences {
		// Boilerplate is never coded, so it is not worth parsing.
		if out.Sentences[i].Kind != dyad.KindBoilerplate {
			p.parser.Annotate(&out.Sentences[i])
		}
	}
	lap.done(StageParse)
	actors := p.actors.Find(text, out.Sentences, out.Published)
	out.Actors = actors.Actors()
	lap.done(StageActor)
	times := when.Find(text, out.Sentences, out.Published)
	if x != nil {
		x.Times = times
	}
	lap.done(StageWhen)
	out.Places = p.gaz.Find(text, out.Sentences)
	lap.done(StageWhere)
	out.Quotes = quote.Find(text, out.Sentences, quote.NewActorIndex(out.Actors))
	lap.done(StageQuote)
	in := event.Input{Text: text, Published: out.Published, Sentences: out.Sentences,
		Mentions: actorMentions{actors}, Times: times, Places: out.Places}
	var misses []event.Miss
	if x != nil {
		out.Events, misses = p.coder.Explain(in)
	} else {
		out.Events = p.coder.Code(in)
	}
	lap.done(StageEvent)
	return out, actors, misses
}

// actorMentions lets the event coder see the actor stage's mentions, one
// reference per actor where a phrase names several ("Russia and Iran").
type actorMentions struct{ r *actor.Result }

func (m actorMentions) In(sentence int) []event.MentionRef {
	ms := m.r.MentionsIn(sentence)
	out := make([]event.MentionRef, 0, len(ms))
	for _, x := range ms {
		out = append(out, event.MentionRef{Start: x.Start, End: x.End, Actor: actor.Ref(x)})
	}
	return out
}
