package conllu_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/conllu"
	"github.com/dyad-project/dyad/internal/testutil"
)

// sample is a news-style sentence with a multiword token and an empty node.
const sample = `# sent_id = 1
# text = Rebels won't talk.
1	Rebels	rebel	NOUN	NNS	Number=Plur	4	nsubj	4:nsubj	_
2-3	won't	_	_	_	_	_	_	_	_
2	wo	will	AUX	MD	VerbForm=Fin	4	aux	4:aux	_
3	n't	not	PART	RB	Polarity=Neg	4	advmod	4:advmod	_
3.1	talk	talk	VERB	VB	_	_	_	1:conj	_
4	talk	talk	VERB	VB	VerbForm=Inf	0	root	0:root	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	4:punct	_

`

func TestReadWriteRoundTrip(t *testing.T) {
	got, err := conllu.ReadAll(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("got %d sentences, want 1", len(got))
	}
	s := got[0]
	if len(s.Words) != 5 || len(s.Multiword) != 1 || len(s.Empty) != 1 {
		t.Fatalf("words %d multiword %d empty %d, want 5 1 1", len(s.Words), len(s.Multiword), len(s.Empty))
	}
	if v, ok := s.Comment("text"); !ok || v != "Rebels won't talk." {
		t.Errorf("Comment(text) = %q, %v", v, ok)
	}
	if w := s.Words[3]; w.Form != "talk" || w.Head != 0 || w.Deprel != "root" || w.SpaceAfter() {
		t.Errorf("word 4 = %+v", w)
	}
	var buf bytes.Buffer
	if err := conllu.Write(&buf, s); err != nil {
		t.Fatal(err)
	}
	if buf.String() != sample {
		t.Errorf("round trip:\n%s\nwant:\n%s", buf.String(), sample)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{"too few columns", "1\tRebels\trebel\n\n"},
		{"word ID out of order", "2\tRebels\trebel\tNOUN\tNNS\t_\t0\troot\t_\t_\n\n"},
		{"head beyond sentence", "1\tRebels\trebel\tNOUN\tNNS\t_\t7\troot\t_\t_\n\n"},
		{"bad head", "1\tRebels\trebel\tNOUN\tNNS\t_\tx\troot\t_\t_\n\n"},
		{"empty column", "1\tRebels\t\tNOUN\tNNS\t_\t0\troot\t_\t_\n\n"},
		{"bad range", "3-2\tfoo\t_\t_\t_\t_\t_\t_\t_\t_\n\n"},
		{"comment inside sentence", "1\tRebels\trebel\tNOUN\tNNS\t_\t0\troot\t_\t_\n# x\n\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := conllu.ReadAll(strings.NewReader(tc.in))
			if !errors.Is(err, conllu.ErrSyntax) {
				t.Fatalf("err = %v, want ErrSyntax", err)
			}
			var e *conllu.Error
			if !errors.As(err, &e) || e.Line < 1 {
				t.Errorf("err = %v, want *Error with a line", err)
			}
		})
	}
}

func TestReaderResumesAfterError(t *testing.T) {
	in := "1\tbad\n\n" + sample
	r := conllu.NewReader(strings.NewReader(in))
	if _, err := r.Read(); !errors.Is(err, conllu.ErrSyntax) {
		t.Fatalf("first Read: %v, want ErrSyntax", err)
	}
	s, err := r.Read()
	if err != nil || len(s.Words) != 5 {
		t.Fatalf("second Read: %v, %v", s, err)
	}
	if _, err := r.Read(); err != io.EOF {
		t.Fatalf("third Read: %v, want io.EOF", err)
	}
}

func TestEmptyAndBlankInput(t *testing.T) {
	for _, in := range []string{"", "\n\n\n", "  \n"} {
		got, err := conllu.ReadAll(strings.NewReader(in))
		if err != nil || len(got) != 0 {
			t.Errorf("ReadAll(%q) = %v, %v", in, got, err)
		}
	}
}

func TestWriteSanitises(t *testing.T) {
	s := &conllu.Sentence{Words: []conllu.Word{{ID: 1, Form: "a\tb", Head: conllu.NoHead}}}
	var buf bytes.Buffer
	if err := conllu.Write(&buf, s); err != nil {
		t.Fatal(err)
	}
	want := "1\ta b\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
	back, err := conllu.ReadAll(&buf)
	if err != nil || len(back) != 1 {
		t.Fatalf("reading back: %v %v", back, err)
	}
}

// TestTreebankRoundTrip reads and rewrites the EWT dev treebank byte for byte.
func TestTreebankRoundTrip(t *testing.T) {
	path := testutil.Shared(t, "reference/ud-english-ewt/en_ewt-ud-dev.conllu")
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sents, err := conllu.ReadAll(bytes.NewReader(want))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2001 {
		t.Errorf("got %d sentences, want 2001", len(sents))
	}
	var buf bytes.Buffer
	for _, s := range sents {
		if err := conllu.Write(&buf, s); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Error("rewritten treebank differs from the original")
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("# c\n1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n")
	f.Add("1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t2\tx\t_\t_\n2\tb\t_\t_\t_\t_\t0\troot\t_\t_\n\n")
	f.Add("0.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		first, err := conllu.ReadAll(strings.NewReader(in))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		for _, s := range first {
			if err := conllu.Write(&buf, s); err != nil {
				t.Fatal(err)
			}
		}
		second, err := conllu.ReadAll(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("re-reading written output: %v\n%q", err, buf.String())
		}
		var buf2 bytes.Buffer
		for _, s := range second {
			conllu.Write(&buf2, s)
		}
		if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
			t.Fatalf("not stable:\n%q\n%q", buf.String(), buf2.String())
		}
		if len(first) != len(second) {
			t.Fatalf("%d sentences, then %d", len(first), len(second))
		}
		// Writing makes each value safe for its column (a carriage return
		// inside a field becomes a space), so values may change once; the
		// structure may not.
		for i := range first {
			if len(first[i].Words) != len(second[i].Words) || len(first[i].Multiword) != len(second[i].Multiword) {
				t.Fatalf("sentence %d changed", i)
			}
			for j, m := range first[i].Multiword {
				if n := second[i].Multiword[j]; m.First != n.First || m.Last != n.Last {
					t.Fatalf("sentence %d: multiword %d-%d became %d-%d", i, m.First, m.Last, n.First, n.Last)
				}
			}
		}
		third, err := conllu.ReadAll(bytes.NewReader(buf2.Bytes()))
		if err != nil || !reflect.DeepEqual(second, third) {
			t.Fatalf("written output does not read back the same: %v", err)
		}
	})
}
