// Package output writes analysed articles (dyad.Analysis) for people and
// programs: JSON Lines, the stable machine contract documented in
// docs/OUTPUT.md, and a pretty form for a person at a terminal.
package output

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-project/dyad"
)

// Formats lists the names accepted by New.
var Formats = []string{"jsonl", "pretty"}

// Writer writes analyses one at a time.
type Writer interface {
	Write(a *dyad.Analysis) error
	Flush() error
}

// New returns a Writer for the named format.
func New(format string, w io.Writer) (Writer, error) {
	switch format {
	case "jsonl", "json", "":
		return &jsonlWriter{w: bufio.NewWriterSize(w, 64<<10)}, nil
	case "pretty":
		return &prettyWriter{w: bufio.NewWriterSize(w, 64<<10)}, nil
	}
	return nil, fmt.Errorf("output: unknown format %q (want %s)", format, strings.Join(Formats, " or "))
}

type jsonlWriter struct{ w *bufio.Writer }

func (j *jsonlWriter) Write(a *dyad.Analysis) error {
	b, err := Marshal(a)
	if err != nil {
		return err
	}
	j.w.Write(b)
	return j.w.WriteByte('\n')
}

func (j *jsonlWriter) Flush() error { return j.w.Flush() }

// Marshal encodes an analysis as one line of JSON. Empty arrays are written
// as [] rather than null, so consumers never need to tell the two apart.
func Marshal(a *dyad.Analysis) ([]byte, error) {
	c := *a
	if c.Sentences == nil {
		c.Sentences = []dyad.Sentence{}
	}
	if c.Actors == nil {
		c.Actors = []dyad.Actor{}
	}
	for i := range c.Actors {
		if c.Actors[i].Mentions == nil {
			c.Actors[i].Mentions = []dyad.Mention{}
		}
	}
	if c.Events == nil {
		c.Events = []dyad.Event{}
	}
	for i := range c.Events {
		if c.Events[i].Evidence == nil {
			c.Events[i].Evidence = []dyad.Evidence{}
		}
	}
	if c.Quotes == nil {
		c.Quotes = []dyad.Quote{}
	}
	if c.Places == nil {
		c.Places = []dyad.Place{}
	}
	if c.Warnings == nil {
		c.Warnings = []string{}
	}
	return json.Marshal(&c)
}
