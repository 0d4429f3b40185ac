package validate

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/dictfmt"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/pipeline"
)

// Read reads the suite file path of the named suite (SuiteTabari or
// SuitePetrarch).
func Read(suite, path string) (*Suite, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("validate: %w", err)
	}
	defer f.Close()
	switch suite {
	case SuiteTabari:
		return ReadTabari(path, f)
	case SuitePetrarch:
		return ReadPetrarch(path, f)
	}
	return nil, fmt.Errorf("validate: unknown suite %q (want %s or %s)", suite, SuiteTabari, SuitePetrarch)
}

// Dictionaries loads the dictionaries the suite names, in the suite's
// format. Bad lines are skipped: the set comes with an ErrorList of them
// (see dictfmt.LoadFiles), which a caller may print and go on.
func (s *Suite) Dictionaries() (*dictfmt.Set, error) {
	format := dictfmt.FormatPetrarch
	if s.Name == SuiteTabari {
		format = dictfmt.FormatTabari
	}
	set, err := dictfmt.LoadFiles(format, s.Dicts...)
	if set == nil {
		return nil, err
	}
	if set.Actors == nil || set.Verbs == nil {
		return nil, fmt.Errorf("validate: %s names no actor or no verb dictionary", s.Path)
	}
	return set, err
}

// CoderConfig returns the event coder configuration the suites are run
// with: every event the peers code is wanted, so reciprocal events of
// paired codes, statements (root 01/02 in the WEIS-like test codes), actors
// without a country and codes outside the CAMEO table are all coded, and a
// source or target the parse does not give is found by the peers' word-order
// rule (event.Config.Shallow).
func CoderConfig() event.Config {
	c := event.DefaultConfig()
	c.Reciprocal = true
	c.Statements = true
	c.Nationless = true
	c.ForeignCodes = true
	c.Shallow = true
	return c
}

// Runner codes the records of a suite with its dictionaries.
type Runner struct {
	suite *Suite
	set   *dictfmt.Set
	p     *pipeline.Pipeline
}

// NewRunner returns a runner for the suite with the dictionary set (from
// Suite.Dictionaries).
func NewRunner(s *Suite, set *dictfmt.Set) (*Runner, error) {
	if set == nil || set.Actors == nil || set.Verbs == nil {
		return nil, errors.New("validate: a runner needs actor and verb dictionaries")
	}
	cfg := pipeline.DefaultConfig()
	cfg.Actors, cfg.Verbs = set.Actors, set.Verbs
	cc := CoderConfig()
	cfg.Coder = &cc
	p, err := pipeline.New(cfg)
	if err != nil {
		return nil, err
	}
	return &Runner{suite: s, set: set, p: p}, nil
}

// Run codes every record in order and calls fn with each result (when fn
// is not nil); it returns the results. It stops early, with ctx's error,
// when ctx is done.
func (r *Runner) Run(ctx context.Context, fn func(Result)) ([]Result, error) {
	var out []Result
	for _, rec := range r.suite.Records {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		if rec.Expect == expectOptionsOnly {
			continue
		}
		res := r.Record(rec)
		out = append(out, res)
		if fn != nil {
			fn(res)
		}
	}
	return out, nil
}

// Record codes one record from its raw text and compares the events with
// the expected ones.
func (r *Runner) Record(rec Record) Result {
	res := Result{ID: rec.ID, Expect: rec.Expect.String(), Expected: tripleStrings(rec.Events)}
	text := strings.Join(strings.Fields(rec.Text), " ")
	var got []Triple
	if phrase, _, ok := r.set.Discards.Match(text); ok {
		res.Discarded = phrase
	} else {
		a := r.p.Analyse(&dyad.Article{Doc: rec.ID, Title: rec.ID, Text: text, Published: rec.Date})
		got = Triples(a.Events)
	}
	res.Got = tripleStrings(got)
	if res.Got == nil {
		res.Got = []string{}
	}
	if res.Expected == nil {
		res.Expected = []string{}
	}
	switch rec.Expect {
	case ExpectEvents:
		res.Pass = matches(dedupe(rec.Events), got)
	default:
		res.Pass = len(got) == 0
	}
	return res
}

// Triples returns the (source, target, code) triples of events, each once,
// sorted. An actor without a code is "---".
func Triples(evs []dyad.Event) []Triple {
	var out []Triple
	for _, e := range evs {
		t := Triple{Source: actorCode(&e.Source), Target: actorCode(e.Target), Code: e.CAMEO}
		out = append(out, t)
	}
	return dedupe(out)
}

// dedupe returns the triples each once, sorted.
func dedupe(ts []Triple) []Triple {
	seen := map[Triple]bool{}
	var out []Triple
	for _, t := range ts {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

func actorCode(a *dyad.ActorRef) string {
	switch {
	case a == nil:
		return "---"
	case a.Code != "":
		return a.Code
	case a.Country != "" || a.Sector != "":
		c := a.Country
		if c == "" {
			c = "---"
		}
		return c + a.Sector
	}
	return "---"
}

// Explain codes one record as Record does and returns the pipeline's
// explanation of it (actors, events, near misses), for `dyad validate
// --explain`.
func (r *Runner) Explain(rec Record) *pipeline.Explanation {
	text := strings.Join(strings.Fields(rec.Text), " ")
	return r.p.Explain(&dyad.Article{Doc: rec.ID, Title: rec.ID, Text: text, Published: rec.Date})
}
