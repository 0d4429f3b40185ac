package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"strings"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
	"github.com/dyad-project/dyad/internal/output"
	"github.com/dyad-project/dyad/internal/pipeline"
)

func init() {
	register("extract", "analyse articles and print their events, actors, quotes and places as JSON Lines",
		func(m *Main) Command { return &extractCmd{m: m} })
}

// extractCmd is `dyad extract [flags] [FILE|DIR|-]...`.
type extractCmd struct {
	m *Main
}

func (c *extractCmd) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	format := fs.String("format", "jsonl", "output format: "+strings.Join(output.Formats, " or "))
	published := fs.String("published", "", "publication date (YYYY-MM-DD) for articles whose input gives none")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "number of articles analysed at once")
	var dicts stringList
	fs.Var(&dicts, "dict", "a folder of user dictionaries layered over the embedded ones (repeatable)")
	dictFormat := fs.String("dict-format", "", "read the --dict folder as PETRARCH or TABARI dictionaries (petrarch|tabari), used instead of the embedded ones")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad extract [flags] [FILE|DIR|-]...

Reads articles (.txt: headline on the first line; .jsonl: one article per line
with id, url, title, published, text; .html/.htm: a saved web page; a directory:
every such file below it; -: JSON Lines on standard input) and prints one JSON
object per article. A document that cannot be read is reported on stderr and
the others go on; the exit status is 1 when any failed.

Flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		fs.Usage()
		return exitError{2}
	}
	w, err := output.New(*format, c.m.Stdout)
	if err != nil {
		return err
	}
	cfg := pipeline.DefaultConfig()
	cfg.Published = *published
	if err := setDicts(&cfg, *dictFormat, dicts); err != nil {
		return err
	}
	p, err := pipeline.New(cfg)
	if err != nil {
		return err
	}
	failed := 0
	err = analyseAll(ctx, p, inputs, c.m, *workers, func(a *dyad.Analysis, err error) error {
		if err != nil {
			failed++
			fmt.Fprintf(c.m.Stderr, "dyad extract: %v\n", err)
			return nil
		}
		return w.Write(a)
	})
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		fmt.Fprintf(c.m.Stderr, "dyad extract: %d document(s) failed\n", failed)
		return errSilent
	}
	return nil
}

// analyseAll reads every input, analyses articles on several goroutines and
// calls fn with each analysis (or read error) in input order, so output is
// deterministic whatever the number of workers.
func analyseAll(ctx context.Context, p *pipeline.Pipeline, inputs []string, m *Main, workers int,
	fn func(*dyad.Analysis, error) error) error {
	if workers < 1 {
		workers = 1
	}
	type result struct {
		a   *dyad.Analysis
		err error
	}
	type job struct {
		art *dyad.Article
		res chan result
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job)
	order := make(chan chan result, 4*workers)
	for range workers {
		go func() {
			for j := range jobs {
				j.res <- result{a: p.Analyse(j.art)}
			}
		}()
	}
	walkErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		walkErr <- ingest.Walk(ctx, inputs, m.Stdin, func(a *dyad.Article, err error) error {
			res := make(chan result, 1)
			select {
			case order <- res:
			case <-ctx.Done():
				return ctx.Err()
			}
			if err != nil {
				res <- result{err: err}
				return nil
			}
			select {
			case jobs <- job{art: a, res: res}:
				return nil
			case <-ctx.Done():
				res <- result{err: ctx.Err()}
				return ctx.Err()
			}
		})
	}()
	var fnErr error
	for res := range order {
		r := <-res
		if fnErr == nil {
			if fnErr = fn(r.a, r.err); fnErr != nil {
				cancel()
			}
		}
	}
	if fnErr != nil {
		return fnErr
	}
	return <-walkErr
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(v string) error {
	*l = append(*l, v)
	return nil
}
