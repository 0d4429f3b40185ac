package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/conllu"
	"github.com/dyad-project/dyad/internal/parse"
	"github.com/dyad-project/dyad/internal/segment"
)

func init() {
	register("parse", "tag, lemmatise and parse text into CoNLL-U; --eval scores a treebank",
		func(m *Main) Command { return &parseCmd{m: m} })
}

// parseCmd is `dyad parse [--model FILE] [FILE|-]` and
// `dyad parse --eval FILE.conllu`.
type parseCmd struct {
	m *Main
}

func (c *parseCmd) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	eval := fs.String("eval", "", "score the model on the gold words of this CoNLL-U `file` instead of parsing text")
	modelPath := fs.String("model", "", "read the model from this `file` instead of the embedded one")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad parse [flags] [FILE|-]

Splits plain text (FILE, or standard input) into sentences and tokens, tags,
lemmatises and parses them, and writes CoNLL-U: one block per sentence with
"# sent_id" and "# text" comments; HEAD 0 is the root; MISC has SpaceAfter=No
and TokenRange=START:END (byte offsets into the input).

With --eval, parses the gold words of a CoNLL-U treebank and prints as the
last line of standard output one JSON object with the sentence and token
counts, the UPOS, XPOS, UAS and LAS accuracies (fractions, CoNLL 2018 style:
punctuation included, LAS on universal relations) and the tagging and parsing
speed in tokens per second on one goroutine. Per-relation scores go to
standard error.

Flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	model, err := loadParseModel(*modelPath)
	if err != nil {
		return err
	}
	if *eval != "" {
		if fs.NArg() > 0 {
			return fmt.Errorf("--eval takes no other argument")
		}
		return c.eval(model, *eval)
	}
	if fs.NArg() > 1 {
		return fmt.Errorf("at most one input file")
	}
	var r io.Reader = c.m.Stdin
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	text, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return writeParsed(ctx, c.m.Stdout, model, string(text))
}

func loadParseModel(path string) (*parse.Model, error) {
	if path == "" {
		return parse.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parse.Load(f)
}

// writeParsed segments text, annotates every sentence and writes CoNLL-U.
func writeParsed(ctx context.Context, w io.Writer, model *parse.Model, text string) error {
	bw := bufio.NewWriter(w)
	for i, s := range segment.Text(text) {
		if err := ctx.Err(); err != nil {
			return err
		}
		model.Annotate(&s)
		if err := conllu.Write(bw, toCoNLLU(&s, i+1)); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// toCoNLLU turns an annotated sentence into a CoNLL-U block.
func toCoNLLU(s *dyad.Sentence, id int) *conllu.Sentence {
	out := &conllu.Sentence{Comments: []string{
		" sent_id = " + strconv.Itoa(id),
		" text = " + s.Text,
	}}
	for i, t := range s.Tokens {
		misc := "TokenRange=" + strconv.Itoa(t.Start) + ":" + strconv.Itoa(t.End)
		if !t.SpaceAfter {
			misc = "SpaceAfter=No|" + misc
		}
		out.Words = append(out.Words, conllu.Word{
			ID: i + 1, Form: t.Text, Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS, Feats: "_",
			Head: t.Head + 1, Deprel: t.Rel, Deps: "_", Misc: misc,
		})
	}
	return out
}

// eval scores the model on a treebank: detail on stderr, the JSON summary
// as the last line of stdout.
func (c *parseCmd) eval(model *parse.Model, path string) error {
	gold, err := conllu.ReadFile(path)
	if err != nil {
		return err
	}
	sc := model.Evaluate(gold)
	fmt.Fprintf(c.m.Stderr, "%-12s %7s %7s\n", "relation", "count", "LAS")
	for _, r := range sc.Relations {
		fmt.Fprintf(c.m.Stderr, "%-12s %7d %7.4f\n", r.Rel, r.Count, r.LAS)
	}
	fmt.Fprintf(c.m.Stderr, "lemma %.4f  LAS with subtypes %.4f\n", sc.Lemma, sc.LASFull)
	out := struct {
		Sentences  int     `json:"sentences"`
		Tokens     int     `json:"tokens"`
		UPOS       float64 `json:"upos"`
		XPOS       float64 `json:"xpos"`
		UAS        float64 `json:"uas"`
		LAS        float64 `json:"las"`
		TokensPerS float64 `json:"tokens_per_s"`
	}{sc.Sentences, sc.Tokens, round4(sc.UPOS), round4(sc.XPOS), round4(sc.UAS), round4(sc.LAS), float64(int(sc.TokensPerS))}
	b, err := json.Marshal(out)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(c.m.Stdout, string(b))
	return err
}

func round4(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 4, 64), 64)
	return v
}
