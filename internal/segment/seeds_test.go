package segment_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/clean"
	"github.com/dyad-project/dyad/internal/segment"
	"github.com/dyad-project/dyad/internal/testutil"
)

// seedArticles reads the seed articles from ../shared, keyed by file stem.
func seedArticles(tb testing.TB) map[string]string {
	tb.Helper()
	dir := testutil.Shared(tb, "seeds/articles")
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		tb.Skipf("skipping: no seed articles in %s", dir)
	}
	out := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(p), ".txt")] = string(b)
	}
	return out
}

// TestSeeds checks the seed articles: the offset invariants hold, and every
// sentence the gold annotation codes an event in comes out as exactly one
// sentence.
func TestSeeds(t *testing.T) {
	arts := seedArticles(t)
	goldDir := testutil.Shared(t, "seeds/gold")
	for id, text := range arts {
		t.Run(id, func(t *testing.T) {
			ss := segment.Text(text)
			checkInvariants(t, text, ss)
			if len(ss) == 0 || ss[0].Kind == dyad.KindBody {
				t.Fatalf("no headline sentence before the body")
			}
			have := map[string]bool{}
			for _, s := range ss {
				have[s.Text] = true
			}
			b, err := os.ReadFile(filepath.Join(goldDir, id+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var gold struct {
				Events []struct {
					Sentence string `json:"sentence"`
				} `json:"events"`
			}
			if err := json.Unmarshal(b, &gold); err != nil {
				t.Fatal(err)
			}
			for _, e := range gold.Events {
				if !have[e.Sentence] {
					t.Errorf("gold sentence not segmented as one sentence: %q", e.Sentence)
				}
			}
		})
	}
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata/seeds")

// goldenSentence is what testdata/seeds/<id>.json keeps of a sentence:
// offsets and kinds, never the article's text.
type goldenSentence struct {
	Span   [2]int   `json:"span"`
	Kind   string   `json:"kind"`
	Rule   string   `json:"rule,omitempty"`
	Tokens [][2]int `json:"tokens"`
}

// TestSeedsGolden compares the sentence and token offsets of the seed
// articles with testdata/seeds (-update rewrites the files).
func TestSeedsGolden(t *testing.T) {
	for id, text := range seedArticles(t) {
		t.Run(id, func(t *testing.T) {
			var got []goldenSentence
			for _, s := range segment.Text(text) {
				g := goldenSentence{Span: [2]int{s.Start, s.End}, Kind: string(s.Kind), Rule: s.Rule}
				for _, tk := range s.Tokens {
					g.Tokens = append(g.Tokens, [2]int{tk.Start, tk.End})
				}
				got = append(got, g)
			}
			out, err := json.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, '\n')
			path := filepath.Join("testdata", "seeds", id+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, out, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			var w []goldenSentence
			if err := json.Unmarshal(want, &w); err != nil {
				t.Fatal(err)
			}
			if len(w) != len(got) {
				t.Fatalf("%d sentences, golden %d", len(got), len(w))
			}
			for i := range w {
				a, b := got[i], w[i]
				if a.Span != b.Span || a.Kind != b.Kind || a.Rule != b.Rule || len(a.Tokens) != len(b.Tokens) {
					t.Errorf("sentence %d = %v %s %q (%d tokens) %q, golden %v %s %q (%d tokens)", i, a.Span, a.Kind, a.Rule,
						len(a.Tokens), text[a.Span[0]:a.Span[1]], b.Span, b.Kind, b.Rule, len(b.Tokens))
					continue
				}
				for j := range a.Tokens {
					if a.Tokens[j] != b.Tokens[j] {
						t.Errorf("sentence %d token %d = %q %v, golden %v", i, j, text[a.Tokens[j][0]:a.Tokens[j][1]], a.Tokens[j], b.Tokens[j])
						break
					}
				}
			}
		})
	}
}

// FuzzSentences checks that any bytes, valid UTF-8 or not, segment without
// panicking and keep the offset invariants, and that Tokens on any span
// stays inside it.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"", "Kerry said. \"Yes.\"", "U.S.\n\nThe end... Mr. X", "a\xffb. C", "‘If’ — “no” … ’s n’t",
		"1. Foo\r\n2. Bar", "http://x.org/(a). b@c.de #x @y", "\u200b\u00ad\u00a0", "'90s U.S.-led $1.2bn 10:30am",
		"A. B. C. D.", "?!?!... ---", "\"\"\"''' ((( )))",
	} {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		ss := segment.Text(text)
		checkInvariants(t, text, ss)
		toks := segment.Tokens(text, start, end)
		lo, hi := max(start, 0), min(end, len(text))
		prev := lo
		for _, tk := range toks {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > hi {
				t.Fatalf("token [%d,%d) outside [%d,%d) or out of order", tk.Start, tk.End, prev, hi)
			}
			if tk.Text != text[tk.Start:tk.End] {
				t.Fatalf("token text %q is not its span", tk.Text)
			}
			if utf8.ValidString(tk.Text) && !utf8.ValidString(tk.Norm) {
				t.Fatalf("norm %q of valid token %q is not valid UTF-8", tk.Norm, tk.Text)
			}
			prev = tk.End
		}
	})
}

// BenchmarkSentences measures segmentation of the seed articles (blocks
// classified beforehand).
func BenchmarkSentences(b *testing.B) {
	arts := seedArticles(b)
	type doc struct {
		text   string
		blocks []dyad.Block
	}
	var docs []doc
	var bytes int
	for _, text := range arts {
		docs = append(docs, doc{text, clean.Blocks(text)})
		bytes += len(text)
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	var sents, toks int
	for b.Loop() {
		for _, d := range docs {
			ss := segment.Sentences(d.text, d.blocks)
			sents += len(ss)
			for _, s := range ss {
				toks += len(s.Tokens)
			}
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(sents)/sec, "sentences/s")
	b.ReportMetric(float64(toks)/sec, "tokens/s")
}

// BenchmarkCleanSegment measures clean and segment together, as the
// pipeline runs them, in articles per second.
func BenchmarkCleanSegment(b *testing.B) {
	arts := seedArticles(b)
	var texts []string
	var bytes int
	for _, text := range arts {
		texts = append(texts, text)
		bytes += len(text)
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, text := range texts {
			blocks := clean.Blocks(text)
			clean.InferPublished(text, blocks)
			segment.Sentences(text, blocks)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
