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
	c.Linear = true
	return c
}

// Runner codes the records of a suite with its dictionaries.
type Runner struct {
	suite *Suite
	set   *dictfmt.Set
	p     *pipeline.Pipeline
	// cfg is the coder configuration in force: the suite's defaults with
	// the options of the records read so far applied.
	cfg event.Config
	// byConfig holds a pipeline per coder configuration used.
	byConfig map[event.Config]*pipeline.Pipeline
	// agentCodes are the groups of three letters of the agents' codes;
	// agentFirst the first groups of the codes of agents that follow a
	// nationality's code.
	agentCodes, agentFirst map[string]bool
	// fwd is TABARI's story forwarding state.
	fwd forward
	// nounConj lists TABARI's nouns and adjectives (event.Config.NounConj).
	nounConj *event.NounConj
}

// NewRunner returns a runner for the suite with the dictionary set (from
// Suite.Dictionaries).
func NewRunner(s *Suite, set *dictfmt.Set) (*Runner, error) {
	if set == nil || set.Actors == nil || set.Verbs == nil {
		return nil, errors.New("validate: a runner needs actor and verb dictionaries")
	}
	r := &Runner{suite: s, set: set, byConfig: map[event.Config]*pipeline.Pipeline{},
		agentCodes: map[string]bool{}, agentFirst: map[string]bool{}}
	r.nounConj = &event.NounConj{Words: set.Nominals}
	if err := r.use(r.startConfig()); err != nil {
		return nil, err
	}
	for _, ag := range set.Actors.Agents() {
		for c := ag.Code; len(c) >= 3; c = c[3:] {
			r.agentCodes[c[:3]] = true
		}
		if !ag.Before && len(ag.Code) >= 3 {
			r.agentFirst[ag.Code[:3]] = true
		}
	}
	return r, nil
}

// startConfig returns the coder configuration the suite starts with:
// CoderConfig; for PETRARCH noun phrases read from the parse; for TABARI
// its default minimum sentence length and comma clauses, its nouns and
// adjectives and the settings of the suite's .options file (see
// applyOption), if any.
func (r *Runner) startConfig() event.Config {
	cfg := CoderConfig()
	if r.suite.Name != SuiteTabari {
		cfg.ParsePhrases = true
		return cfg
	}
	cfg.MinWords = tabariMinWords
	cfg.Commas = tabariCommas
	cfg.NounConj = r.nounConj
	o := r.set.Options
	if o == nil {
		return cfg
	}
	keys := make([]string, 0, len(o.Set))
	for k := range o.Set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if v := o.Set[k]; v == "TRUE" {
			applyOption(&cfg, "SET: "+k)
		} else {
			applyOption(&cfg, "SET: "+k+" = "+v)
		}
	}
	for _, key := range []string{"DEFAULT", "COMPLEX"} {
		for _, v := range o.Other[key] {
			applyOption(&cfg, key+": "+v)
		}
	}
	return cfg
}

// use makes cfg the coder configuration in force.
func (r *Runner) use(cc event.Config) error {
	r.cfg = cc
	if p, ok := r.byConfig[cc]; ok {
		r.p = p
		return nil
	}
	cfg := pipeline.DefaultConfig()
	cfg.Actors, cfg.Verbs = r.set.Actors, r.set.Verbs
	cfg.Coder = &cc
	cfg.PeerCodes = true
	cfg.PeerAgentLists = r.suite.Name == SuitePetrarch
	p, err := pipeline.New(cfg)
	if err != nil {
		return err
	}
	r.byConfig[cc], r.p = p, p
	return nil
}

// apply applies the options of a record (see Options).
func (r *Runner) apply(rec Record) error {
	if len(rec.Options) == 0 {
		return nil
	}
	cc := r.cfg
	for _, o := range rec.Options {
		if v, ok := strings.CutPrefix(o, "FORWARD:"); ok {
			r.fwd.option(v)
			continue
		}
		applyOption(&cc, o)
	}
	return r.use(cc)
}

// Run codes every record in order and calls fn with each result (when fn
// is not nil); it returns the results. It stops early, with ctx's error,
// when ctx is done.
func (r *Runner) Run(ctx context.Context, fn func(Result)) ([]Result, error) {
	var out []Result
	after := r.optionsAfter()
	for _, rec := range r.suite.Records {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		if !after {
			if err := r.apply(rec); err != nil {
				return out, err
			}
		}
		if rec.Expect != expectOptionsOnly {
			res := r.Record(rec)
			out = append(out, res)
			if fn != nil {
				fn(res)
			}
		}
		if after {
			if err := r.apply(rec); err != nil {
				return out, err
			}
		}
	}
	return out, nil
}

// optionsAfter reports whether a record's options take effect after it is
// coded: TABARI reads the "{ OPTION: ... }" lines of a record's comment,
// which follows its text; PETRARCH's <Config> elements come before the
// record they change.
func (r *Runner) optionsAfter() bool { return r.suite.Name == SuiteTabari }

// Record codes one record from its raw text and compares the events with
// the expected ones.
func (r *Runner) Record(rec Record) Result {
	res := Result{ID: rec.ID, Expect: rec.Expect.String(), Expected: tripleStrings(rec.Events)}
	text := strings.Join(strings.Fields(rec.Text), " ")
	var got []Triple
	var a *dyad.Analysis
	text, fs, fe := r.fwd.text(r.set.Actors, rec, text)
	defer func() { r.fwd.coded(rec, a, fs, fe) }()
	if phrase, _, ok := r.set.Discards.MatchOn(text, rec.Date); ok {
		res.Discarded = phrase
	} else {
		a = r.p.Analyse(&dyad.Article{Doc: rec.ID, Title: rec.ID, Text: text, Published: rec.Date})
		got = Triples(a.Events)
		for i := range got {
			got[i].Source, got[i].Target = r.agentOnly(got[i].Source), r.agentOnly(got[i].Target)
		}
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

// agentOnly returns code with the peers' mark of no country in front
// ("---" for PETRARCH, "~" for TABARI) when it is agents' codes alone
// ("GOV", "LEGREL"): it begins with the code of an agent that follows a
// nationality, and each of its groups of three letters is an agent's
// ("NGOARN", with a country, is not).
func (r *Runner) agentOnly(code string) string {
	only := len(code) >= 3 && r.agentFirst[code[:3]]
	for c := code; len(c) >= 3 && only; c = c[3:] {
		only = r.agentCodes[c[:3]]
	}
	if only {
		if r.suite.Name == SuiteTabari {
			return "~" + code // TABARI's form: { ARN / ~MOS / 064 }
		}
		return "---" + code
	}
	return code
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
	r.optionsUpTo(rec)
	text := strings.Join(strings.Fields(rec.Text), " ")
	return r.p.Explain(&dyad.Article{Doc: rec.ID, Title: rec.ID, Text: text, Published: rec.Date})
}

// optionsUpTo puts in force the options of the suite's records up to and
// including rec, as Run would have.
func (r *Runner) optionsUpTo(rec Record) {
	cfg := r.startConfig()
	for _, x := range r.suite.Records {
		if x.ID == rec.ID && x.Line == rec.Line && r.optionsAfter() {
			break
		}
		for _, o := range x.Options {
			applyOption(&cfg, o)
		}
		if x.ID == rec.ID && x.Line == rec.Line {
			break
		}
	}
	if err := r.use(cfg); err != nil {
		return
	}
}
