// Package validate runs the validation suites of dyad's peers, TABARI and
// PETRARCH: a suite file (TABARI's Validate.text, PETRARCH's unit-test XML)
// with the dictionaries it names in, and per-record results (expected and
// coded (source, target, event) triples, pass or fail) and a pass rate out.
// Every record is coded from its raw text by dyad's own pipeline; the parse
// trees of the PETRARCH file are never read.
package validate

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// ErrSuite is wrapped by the errors of a suite file that cannot be read.
var ErrSuite = errors.New("validate: bad suite file")

// The suites, as named on the command line.
const (
	SuiteTabari   = "tabari"
	SuitePetrarch = "petrarch"
)

// Triple is one expected or coded event: source and target actor codes
// ("---" for none) and the event code.
type Triple struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
}

// String returns "SOURCE / TARGET / CODE", as TABARI writes an event.
func (t Triple) String() string { return t.Source + " / " + t.Target + " / " + t.Code }

// Expect is what a record must produce.
type Expect uint8

// The kinds of expectation.
const (
	// ExpectEvents: exactly the record's Events, in any order.
	ExpectEvents Expect = iota
	// ExpectNone: no event ({---}, noevents="True", or no expectation).
	ExpectNone
	// ExpectDiscard: the sentence or story is discarded ({###},
	// error="storydiscard" or "sentencediscard"), so no event.
	ExpectDiscard
	// ExpectComplex: TABARI's "too complex to code" ({+++}), so no event.
	ExpectComplex
	// ExpectError: PETRARCH rejects the input (error="bad_input_parse",
	// "dateline"), so no event.
	ExpectError
)

var expectNames = [...]string{"events", "none", "discard", "complex", "error"}

// String returns the name of the expectation.
func (e Expect) String() string {
	if int(e) < len(expectNames) {
		return expectNames[e]
	}
	return fmt.Sprintf("Expect(%d)", e)
}

// Record is one test record of a suite.
type Record struct {
	// ID is the record's identifier ("DEMO-01").
	ID string
	// Category is the PETRARCH category ("DEMO"), or the TABARI ID's
	// prefix before its last "-".
	Category string
	// Date is the record's date, YYYY-MM-DD.
	Date string
	// Text is the story text, as written (line breaks kept).
	Text string
	// Line is the line of the suite file the record starts at.
	Line int
	// Expect and Events say what the record must produce.
	Expect Expect
	Events []Triple
	// Options are the option changes that take effect at this record
	// (PETRARCH <Config> elements before it, TABARI "{ OPTION: ... }" lines
	// in its comment), in order, as "NAME=VALUE".
	Options []string
}

// Suite is a validation suite read from its file.
type Suite struct {
	// Name is SuiteTabari or SuitePetrarch.
	Name string
	// Path is the suite file.
	Path string
	// Dicts are the dictionary files the suite names, as paths next to
	// the suite file or in the folder the suite's format keeps them in.
	Dicts []string
	// Records are the records to run, in file order.
	Records []Record
	// Skipped counts the records of the file that the suite itself does
	// not run (after TABARI's FINAL-01, PETRARCH records marked
	// sentence="false" or of a category its <Include> omits).
	Skipped int
}

// Result is the outcome of one record.
type Result struct {
	ID       string   `json:"id"`
	Pass     bool     `json:"pass"`
	Expect   string   `json:"expect"`
	Expected []string `json:"expected"`
	Got      []string `json:"got"`
	// Discarded names the discard phrase that dropped the record, if any.
	Discarded string `json:"discarded,omitempty"`
}

// Summary is the last line `dyad validate` prints.
type Summary struct {
	Suite   string  `json:"suite"`
	Records int     `json:"records"`
	Passed  int     `json:"passed"`
	Rate    float64 `json:"rate"`
}

// Summarise counts the passed records of results.
func Summarise(suite string, results []Result) Summary {
	s := Summary{Suite: suite, Records: len(results)}
	for _, r := range results {
		if r.Pass {
			s.Passed++
		}
	}
	if s.Records > 0 {
		s.Rate = float64(s.Passed) / float64(s.Records)
	}
	return s
}

// matches reports whether got holds exactly the triples of want, as
// multisets.
func matches(want, got []Triple) bool {
	if len(want) != len(got) {
		return false
	}
	a, b := tripleStrings(want), tripleStrings(got)
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// tripleStrings returns the triples as sorted strings.
func tripleStrings(ts []Triple) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.String()
	}
	sort.Strings(out)
	return out
}

// category returns the part of a TABARI record ID before its last "-",
// upper-cased: "DEMO" for "DEMO-01".
func category(id string) string {
	if i := strings.LastIndexByte(id, '-'); i > 0 {
		return strings.ToUpper(id[:i])
	}
	return strings.ToUpper(id)
}
