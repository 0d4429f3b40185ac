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
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/clean"
	"github.com/dyad-project/dyad/internal/segment"
)

// Config controls an analysis. The zero value is usable; DefaultConfig
// documents the defaults.
type Config struct {
	// Published is the publication date (YYYY-MM-DD) to use for articles
	// whose input gives none, before inferring one from the text.
	Published string
}

// DefaultConfig returns the configuration `dyad extract` uses without flags.
func DefaultConfig() Config { return Config{} }

// ErrBadConfig reports a configuration that cannot be used.
var ErrBadConfig = errors.New("pipeline: bad configuration")

// Pipeline analyses articles. It is safe for concurrent use.
type Pipeline struct {
	cfg Config
}

// New returns a pipeline with the embedded models and dictionaries loaded.
func New(cfg Config) (*Pipeline, error) {
	if cfg.Published != "" {
		if _, err := time.Parse("2006-01-02", cfg.Published); err != nil {
			return nil, fmt.Errorf("%w: published date %q is not YYYY-MM-DD", ErrBadConfig, cfg.Published)
		}
	}
	return &Pipeline{cfg: cfg}, nil
}

// Analyse runs every stage over one article.
func (p *Pipeline) Analyse(a *dyad.Article) *dyad.Analysis {
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

	out.Sentences = segment.Sentences(text, blocks)
	return out
}
