package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/conllu"
)

// parseEvalSample is a two-sentence gold treebank written for this test.
const parseEvalSample = `# sent_id = 1
1	Troops	troop	NOUN	NNS	_	2	nsubj	_	_
2	left	leave	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	city	city	NOUN	NN	_	2	obj	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = 2
1	Talks	talk	NOUN	NNS	_	2	nsubj	_	_
2	resumed	resume	VERB	VBD	_	0	root	_	_
3	on	on	ADP	IN	_	4	case	_	_
4	Monday	Monday	PROPN	NNP	_	2	obl	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	_

`

func TestParseEval(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gold.conllu")
	if err := os.WriteFile(path, []byte(parseEvalSample), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb}
	if status := m.Run(context.Background(), []string{"parse", "--eval", path}); status != 0 {
		t.Fatalf("status %d; stderr: %s", status, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var got map[string]float64
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &got); err != nil {
		t.Fatalf("last line is not JSON: %q: %v", lines[len(lines)-1], err)
	}
	for _, k := range []string{"sentences", "tokens", "upos", "xpos", "uas", "las", "tokens_per_s"} {
		if _, ok := got[k]; !ok {
			t.Errorf("JSON lacks %q: %v", k, got)
		}
	}
	if got["sentences"] != 2 || got["tokens"] != 10 {
		t.Errorf("sentences %v tokens %v, want 2 and 10", got["sentences"], got["tokens"])
	}
	if got["uas"] < 0.8 || got["upos"] < 0.8 {
		t.Errorf("scores too low on easy sentences: %v", got)
	}
}

func TestParseText(t *testing.T) {
	text := "Rebels seized the airport on Sunday. The army said it would retake it.\n"
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(text), Stdout: &out, Stderr: &errb}
	if status := m.Run(context.Background(), []string{"parse"}); status != 0 {
		t.Fatalf("status %d; stderr: %s", status, errb.String())
	}
	sents, err := conllu.ReadAll(&out)
	if err != nil {
		t.Fatalf("output is not CoNLL-U: %v", err)
	}
	if len(sents) != 2 {
		t.Fatalf("%d sentences, want 2", len(sents))
	}
	for _, s := range sents {
		roots := 0
		for _, w := range s.Words {
			if w.Head == 0 {
				roots++
			}
			if w.UPOS == "_" || w.Deprel == "_" || !strings.Contains(w.Misc, "TokenRange=") {
				t.Errorf("word %+v lacks annotation", w)
			}
		}
		if roots != 1 {
			t.Errorf("sentence %v has %d roots", s.Comments, roots)
		}
	}
	if sents[0].Words[1].Lemma != "seize" {
		t.Errorf("lemma of %q = %q", sents[0].Words[1].Form, sents[0].Words[1].Lemma)
	}
}

func TestParseEmptyInput(t *testing.T) {
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	if status := m.Run(context.Background(), []string{"parse", "-"}); status != 0 {
		t.Fatalf("status %d; stderr: %s", status, errb.String())
	}
	if out.Len() != 0 {
		t.Errorf("output for empty input: %q", out.String())
	}
}
