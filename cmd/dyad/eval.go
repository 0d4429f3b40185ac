package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/output"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/score"
)

func init() {
	register("eval", "score events, quotes and actors against gold annotations (as shared/tools/score.py)",
		func(m *Main) Command { return &evalCmd{m: m} })
}

// evalCmd is `dyad eval [flags] GOLD_DIR OUTPUT.jsonl` and
// `dyad eval [flags] GOLD_DIR --input ARTICLE...`.
type evalCmd struct {
	m *Main
}

func (c *evalCmd) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	asJSON := fs.Bool("json", false, "print one JSON object, exactly as score.py --json prints it")
	perDoc := fs.Bool("per-doc", false, "first print each article's missed and extra (source, target, root) triples, as score.py --per-doc does")
	input := fs.Bool("input", false, "the arguments after GOLD_DIR are articles to analyse (files, directories or - for JSON Lines on stdin) instead of an output file")
	save := fs.String("save", "", "with --input, also write the analyses as JSON Lines to this file")
	published := fs.String("published", "", "with --input, the publication date (YYYY-MM-DD) for articles whose input gives none")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "with --input, number of articles analysed at once")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad eval [flags] GOLD_DIR OUTPUT.jsonl
       dyad eval [flags] GOLD_DIR --input ARTICLE...

Scores extracted events against gold annotations and prints precision, recall
and F1 of (source, target, CAMEO root) triples, of (source, target, QuadClass)
triples and of (source, target) dyads, event date accuracy, quote recall and
attribution, and actor recall. The figures are those of the reference scorer
shared/tools/score.py, to the last digit.

GOLD_DIR is a folder of gold/*.json files (such as the seeds folder) or the
gold folder itself. OUTPUT.jsonl is what 'dyad extract' prints; with --input,
eval runs the extractor on the articles first. Flags may come before or after
the arguments.

Flags:`)
		fs.PrintDefaults()
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
	if len(pos) < 2 || (!*input && len(pos) != 2) {
		fs.Usage()
		return exitError{2}
	}
	if *save != "" && !*input {
		return fmt.Errorf("--save needs --input")
	}

	gold, err := score.LoadGold(pos[0])
	if err != nil {
		return err
	}
	var (
		sys    *score.System
		failed int
	)
	if *input {
		sys, failed, err = c.extract(ctx, pos[1:], *published, *workers, *save)
	} else {
		sys, err = readSystemFile(pos[1])
	}
	if err != nil {
		return err
	}
	res, err := score.Score(gold, sys)
	if err != nil {
		return err
	}

	switch {
	case *asJSON:
		err = res.WriteJSON(c.m.Stdout)
	default:
		if *perDoc {
			if err := res.WritePerDoc(c.m.Stdout); err != nil {
				return err
			}
		}
		err = res.WriteText(c.m.Stdout)
	}
	if err != nil {
		return err
	}
	if res.GoldDocs > 0 && res.WithOutput == 0 {
		fmt.Fprintln(c.m.Stderr, "dyad eval: warning: no output document has the id of a gold article")
	}
	if failed > 0 {
		fmt.Fprintf(c.m.Stderr, "dyad eval: %d document(s) could not be read\n", failed)
		return errSilent
	}
	return nil
}

func readSystemFile(path string) (*score.System, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := score.ReadSystem(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// extract analyses the articles and reads the analyses back as the scorer
// reads an output file, so that both ways of running eval score the same
// bytes. Documents that cannot be read are reported and counted.
func (c *evalCmd) extract(ctx context.Context, inputs []string, published string, workers int, save string) (*score.System, int, error) {
	cfg := pipeline.DefaultConfig()
	cfg.Published = published
	p, err := pipeline.New(cfg)
	if err != nil {
		return nil, 0, err
	}
	var lines bytes.Buffer
	failed := 0
	err = analyseAll(ctx, p, inputs, c.m, workers, func(a *dyad.Analysis, err error) error {
		if err != nil {
			failed++
			fmt.Fprintf(c.m.Stderr, "dyad eval: %v\n", err)
			return nil
		}
		b, err := output.Marshal(a)
		if err != nil {
			return err
		}
		lines.Write(b)
		return lines.WriteByte('\n')
	})
	if err != nil {
		return nil, failed, err
	}
	if save != "" {
		if err := os.WriteFile(save, lines.Bytes(), 0o644); err != nil {
			return nil, failed, err
		}
	}
	s, err := score.ReadSystem(&lines)
	return s, failed, err
}
