package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/dyad-project/dyad/internal/conllu"
	"github.com/dyad-project/dyad/internal/parse"
)

func init() {
	register("train", "train the tagger, lemmatiser and parser model on a UD treebank",
		func(m *Main) Command { return &trainCmd{m: m} })
}

// trainCmd is `dyad train --treebank DIR --out FILE`.
type trainCmd struct {
	m *Main
}

func (c *trainCmd) Run(ctx context.Context, args []string) error {
	def := parse.DefaultTrainOptions()
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	treebank := fs.String("treebank", "", "`dir`ectory of UD English EWT (en_ewt-ud-train.conllu, en_ewt-ud-dev.conllu)")
	trainFile := fs.String("train", "", "training CoNLL-U `file` (default: DIR/en_ewt-ud-train.conllu)")
	devFile := fs.String("dev", "", "CoNLL-U `file` to score the new model on (default: DIR/en_ewt-ud-dev.conllu when present)")
	out := fs.String("out", "", "write the model to this `file` (e.g. data/model/parser-en-ewt.bin.gz)")
	limit := fs.Int("limit", 0, "train on the first `n` sentences only (0: all), for quick runs")
	opt := def
	fs.IntVar(&opt.TagEpochs, "tag-epochs", def.TagEpochs, "tagger training epochs")
	fs.IntVar(&opt.ParseEpochs, "parse-epochs", def.ParseEpochs, "parser training epochs")
	fs.IntVar(&opt.Folds, "folds", def.Folds, "jackknife folds for the parser's training tags")
	fs.Uint64Var(&opt.Seed, "seed", def.Seed, "random seed")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad train --treebank DIR --out FILE [flags]

Trains the part-of-speech tagger, lemmatiser and dependency parser on a
Universal Dependencies treebank and writes the compressed model. Training is
deterministic: the same treebank, flags and Go toolchain give the same bytes.
The shipped model data/model/parser-en-ewt.bin.gz is rebuilt with the
defaults (see data/README.md). Progress goes to standard error; the dev
scores, when a dev file is found, to standard output as JSON.

Flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *out == "" {
		return fmt.Errorf("--out is required")
	}
	if *trainFile == "" {
		if *treebank == "" {
			return fmt.Errorf("--treebank or --train is required")
		}
		*trainFile = filepath.Join(*treebank, "en_ewt-ud-train.conllu")
	}
	if *devFile == "" && *treebank != "" {
		p := filepath.Join(*treebank, "en_ewt-ud-dev.conllu")
		if _, err := os.Stat(p); err == nil {
			*devFile = p
		}
	}
	sents, err := conllu.ReadFile(*trainFile)
	if err != nil {
		return err
	}
	if *limit > 0 && *limit < len(sents) {
		sents = sents[:*limit]
	}
	opt.Logf = func(format string, args ...any) {
		fmt.Fprintf(c.m.Stderr, format+"\n", args...)
	}
	start := time.Now()
	model, err := parse.Train(sents, opt)
	if err != nil {
		return err
	}
	b, err := model.Marshal()
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(c.m.Stderr, "train: wrote %s (%d bytes) in %v\n", *out, len(b), time.Since(start).Round(time.Second))
	if *devFile == "" {
		return nil
	}
	dev, err := conllu.ReadFile(*devFile)
	if err != nil {
		return err
	}
	sc := model.Evaluate(dev)
	sc.Relations = nil
	enc := json.NewEncoder(c.m.Stdout)
	return enc.Encode(sc)
}
