package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/dyad-project/dyad/internal/dictfmt"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/validate"
)

func init() {
	register("validate", "run the TABARI or PETRARCH validation suite from raw text and print the pass rate",
		func(m *Main) Command { return &validateCmd{m: m} })
}

// validateCmd is `dyad validate --suite tabari|petrarch FILE`.
type validateCmd struct {
	m *Main
}

func (c *validateCmd) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	suite := fs.String("suite", "", "the suite: "+validate.SuiteTabari+" (Validate.text) or "+validate.SuitePetrarch+" (PETR.UnitTest.records.xml)")
	asJSON := fs.Bool("json", false, "print each record's result as a JSON object instead of a line of text")
	failed := fs.Bool("failed", false, "print only the records that failed (and the summary)")
	explainID := fs.String("explain", "", "explain the record with this id (actors, events, near misses, tokens) instead of running the suite")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad validate --suite tabari|petrarch [flags] FILE

Runs a peer's validation suite: every record is coded from its raw text by
dyad's pipeline with the dictionaries the suite names (TABARI: the files of
Validate.project beside FILE; PETRARCH: the PETR.Validate.* files its
<Environment> names, in ../dictionaries), and its events are compared with the
expected (source, target, event) triples. Prints one line per record, PASS or
FAIL with expected and coded events, then a last line
{"suite":..., "records":N, "passed":N, "rate":F}. Bad dictionary lines are
reported on stderr and skipped.

Flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 || *suite == "" {
		fs.Usage()
		return exitError{2}
	}
	s, err := validate.Read(*suite, fs.Arg(0))
	if err != nil {
		return err
	}
	set, err := s.Dictionaries()
	var list dictfmt.ErrorList
	switch {
	case set == nil:
		return err
	case errors.As(err, &list):
		for _, e := range list {
			fmt.Fprintf(c.m.Stderr, "dyad validate: %v (skipped)\n", e)
		}
	}
	r, err := validate.NewRunner(s, set)
	if err != nil {
		return err
	}
	if *explainID != "" {
		for _, rec := range s.Records {
			if rec.ID == *explainID {
				res := r.Record(rec)
				fmt.Fprintln(c.m.Stdout, resultLine(res))
				printExplanation(c.m.Stdout, r.Explain(rec), -1, true, true)
				return nil
			}
		}
		return fmt.Errorf("no record with id %q in %s", *explainID, s.Path)
	}
	enc := json.NewEncoder(c.m.Stdout)
	var werr error
	results, err := r.Run(ctx, func(res validate.Result) {
		if werr != nil || (*failed && res.Pass) {
			return
		}
		if *asJSON {
			werr = enc.Encode(res)
			return
		}
		_, werr = fmt.Fprintln(c.m.Stdout, resultLine(res))
	})
	if err != nil {
		return err
	}
	if werr != nil {
		return werr
	}
	return enc.Encode(validate.Summarise(s.Name, results))
}

// resultLine formats a result as "PASS ID  expected [...]  got [...]".
func resultLine(r validate.Result) string {
	status := "FAIL"
	if r.Pass {
		status = "PASS"
	}
	exp := "[" + strings.Join(r.Expected, "; ") + "]"
	if len(r.Expected) == 0 {
		exp = r.Expect
	}
	line := fmt.Sprintf("%s %s  expected %s  got [%s]", status, r.ID, exp, strings.Join(r.Got, "; "))
	if r.Discarded != "" {
		line += "  (discarded: " + r.Discarded + ")"
	}
	return line
}

// setDicts applies the --dict and --dict-format flags of extract and
// explain: without a format the folders are dyad dictionaries layered over
// the embedded ones; with one, the single folder holds PETRARCH or TABARI
// dictionaries that replace the embedded actor and verb dictionaries (a kind
// the folder lacks stays embedded). Every bad line is reported.
func setDicts(cfg *pipeline.Config, format string, dirs []string) error {
	if format == "" {
		cfg.DictDirs = dirs
		return nil
	}
	if len(dirs) != 1 {
		return fmt.Errorf("--dict-format %s needs exactly one --dict folder, not %d", format, len(dirs))
	}
	actors, verbs, err := dictfmt.Load(format, dirs[0])
	if err != nil {
		return err
	}
	cfg.Actors, cfg.Verbs = actors, verbs
	return nil
}
