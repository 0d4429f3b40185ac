package parse_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/data"
	"github.com/dyad-project/dyad/internal/conllu"
	"github.com/dyad-project/dyad/internal/parse"
	"github.com/dyad-project/dyad/internal/testutil"
)

func defaultModel(t testing.TB) *parse.Model {
	t.Helper()
	m, err := parse.Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return m
}

// checkTree fails unless heads form one tree over n words with one root.
func checkTree(t *testing.T, words []string, a []parse.Analysis) {
	t.Helper()
	n := len(words)
	roots := 0
	for i, x := range a {
		if x.Head == -1 {
			roots++
			if x.Rel != "root" {
				t.Errorf("word %d %q is the root with relation %q", i, words[i], x.Rel)
			}
			continue
		}
		if x.Head < 0 || x.Head >= n || x.Head == i {
			t.Fatalf("word %d %q has head %d", i, words[i], x.Head)
		}
		if x.Rel == "" || x.Rel == "root" {
			t.Errorf("word %d %q has relation %q", i, words[i], x.Rel)
		}
		if x.UPOS == "" || x.XPOS == "" || x.Lemma == "" && strings.TrimSpace(words[i]) != "" {
			t.Errorf("word %d %q: empty tag or lemma %+v", i, words[i], x)
		}
	}
	if n > 0 && roots != 1 {
		t.Fatalf("%d roots, want 1", roots)
	}
	for i := range a {
		k := i
		for steps := 0; a[k].Head != -1; steps++ {
			if steps > n {
				t.Fatalf("cycle through word %d", i)
			}
			k = a[k].Head
		}
	}
}

func TestAnnotateRobust(t *testing.T) {
	m := defaultModel(t)
	long := make([]string, 0, 300)
	for len(long) < 300 {
		long = append(long, strings.Fields("The ministers met in Geneva on Tuesday , and the talks , which lasted 14 hours , ended without a deal .")...)
	}
	long = long[:300]
	tests := []struct {
		name  string
		words []string
	}{
		{"empty", nil},
		{"one word", []string{"Hello"}},
		{"one punctuation mark", []string{"."}},
		{"300 words", long},
		{"all caps headline", strings.Fields("REBELS SEIZE AIRPORT AS PEACE TALKS COLLAPSE")},
		{"title case headline", strings.Fields("Rebels Seize Airport as Peace Talks Collapse")},
		{"unknown words", strings.Fields("The zorblax fliggered the snarfwidget quibbly .")},
		{"dash ellipsis quotes", []string{"He", "said", "--", "``", "no", "''", "...", "and", "left", "\u2014", "fast", "\u2026"}},
		{"url and numbers", strings.Fields("See https://example.com/news?id=7 for 250,000 people and $ 3.5 billion on 12/03/2015 .")},
		{"odd tokens", []string{"", " ", "\t", "\x00", "\xff\xfe", "🙂", "a\u00a0b"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := m.AnnotateWords(tc.words)
			if len(a) != len(tc.words) {
				t.Fatalf("%d analyses for %d words", len(a), len(tc.words))
			}
			checkTree(t, tc.words, a)
		})
	}
}

func TestHeadlineTags(t *testing.T) {
	m := defaultModel(t)
	tests := []struct {
		name  string
		kind  dyad.SentenceKind
		words []string
		want  []string // UPOS
	}{
		{"lower case", dyad.KindBody, strings.Fields("rebels seize the airport ."), strings.Fields("NOUN VERB DET NOUN PUNCT")},
		{"capitals", dyad.KindBody, strings.Fields("REBELS SEIZE THE AIRPORT"), strings.Fields("NOUN VERB DET NOUN")},
		{"title case headline", dyad.KindHeadline, strings.Fields("Rebels Seize the Airport"), strings.Fields("NOUN VERB DET NOUN")},
		{"title case headline with names", dyad.KindHeadline, strings.Fields("Kerry Warns Assad Over Talks"), strings.Fields("PROPN VERB PROPN ADP NOUN")},
		{"capitals with name", dyad.KindHeadline, strings.Fields("KERRY WARNS ASSAD OVER TALKS"), strings.Fields("PROPN VERB PROPN ADP NOUN")},
		{"capitals with US", dyad.KindBody, strings.Fields("US TROOPS LEAVE BASE"), strings.Fields("PROPN NOUN VERB NOUN")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := dyad.Sentence{Kind: tc.kind}
			for _, w := range tc.words {
				s.Tokens = append(s.Tokens, dyad.Token{Text: w, Norm: w, SpaceAfter: true})
			}
			m.Annotate(&s)
			var upos []string
			for i, tk := range s.Tokens {
				upos = append(upos, tk.UPOS)
				if tk.Text != tc.words[i] {
					t.Errorf("token %d text changed to %q", i, tk.Text)
				}
			}
			if strings.Join(upos, " ") != strings.Join(tc.want, " ") {
				t.Errorf("Annotate(%q) tags %v, want %v", tc.words, upos, tc.want)
			}
		})
	}
}

func TestNormalisedTokens(t *testing.T) {
	m := defaultModel(t)
	tests := []struct {
		name  string
		words []string
		i     int
		upos  string
	}{
		{"long dash", strings.Fields("The talks -- held in Geneva -- failed ."), 2, "PUNCT"},
		{"ellipsis", strings.Fields("We waited ... and waited ."), 2, "PUNCT"},
		{"number with commas", strings.Fields("About 250,000 people fled ."), 1, "NUM"},
		{"url", strings.Fields("Read more at http://www.example.com/story.html ."), 3, "X"},
		{"hyphenated name", strings.Fields("Syrian President Bashar al-Assad spoke on Monday ."), 3, "PROPN"},
		{"hyphenated participle", strings.Fields("The US-backed rebels advanced ."), 1, "VERB"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			upos, _ := m.Tag(tc.words)
			if upos[tc.i] != tc.upos && !(tc.upos == "X" && upos[tc.i] == "PROPN") {
				t.Errorf("Tag(%q)[%d] = %s, want %s (all: %v)", tc.words, tc.i, upos[tc.i], tc.upos, upos)
			}
		})
	}
}

func TestLemma(t *testing.T) {
	m := defaultModel(t)
	tests := []struct{ word, xpos, want string }{
		{"went", "VBD", "go"},
		{"children", "NNS", "child"},
		{"talks", "NNS", "talk"},
		{"warned", "VBD", "warn"},
		{"seeking", "VBG", "seek"},
		{"Assad", "NNP", "Assad"},
		{"is", "VBZ", "be"},
		{"n't", "RB", "not"},
		{"better", "JJR", "good"},
		{"WARNED", "VBD", "warn"},
		{"zorblaxed", "VBD", "zorblax"},
	}
	t.Run("hyphenated word", func(t *testing.T) {
		a := m.AnnotateWords(strings.Fields("The US-backed forces shelled al-Assad 's positions ."))
		if a[1].Lemma != "US-back" || a[4].Lemma != "al-Assad" {
			t.Errorf("lemmas %q %q, want US-back al-Assad", a[1].Lemma, a[4].Lemma)
		}
	})
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			if got := m.Lemma(tc.word, tc.xpos); got != tc.want {
				t.Errorf("Lemma(%q, %s) = %q, want %q", tc.word, tc.xpos, got, tc.want)
			}
		})
	}
}

func TestAnnotateSentence(t *testing.T) {
	m := defaultModel(t)
	text := "Rebels seized the airport on Sunday."
	var s dyad.Sentence
	for i, w := range []string{"Rebels", "seized", "the", "airport", "on", "Sunday", "."} {
		start := strings.Index(text, w)
		s.Tokens = append(s.Tokens, dyad.Token{Start: start, End: start + len(w), Text: w, Norm: w, SpaceAfter: i < 5})
	}
	m.Annotate(&s)
	want := []struct {
		upos, lemma string
		head        int
		rel         string
	}{
		{"NOUN", "rebel", 1, "nsubj"},
		{"VERB", "seize", -1, "root"},
		{"DET", "the", 3, "det"},
		{"NOUN", "airport", 1, "obj"},
		{"ADP", "on", 5, "case"},
		{"PROPN", "Sunday", 1, "obl"},
		{"PUNCT", ".", 1, "punct"},
	}
	for i, w := range want {
		tk := s.Tokens[i]
		if tk.UPOS != w.upos || tk.Lemma != w.lemma || tk.Head != w.head || strings.Split(tk.Rel, ":")[0] != w.rel {
			t.Errorf("token %d %q = %s %s %d %s, want %+v", i, tk.Text, tk.UPOS, tk.Lemma, tk.Head, tk.Rel, w)
		}
	}
	var empty dyad.Sentence
	m.Annotate(&empty)
}

func TestParseAPI(t *testing.T) {
	m := defaultModel(t)
	words := strings.Fields("The army shelled the town .")
	upos, xpos := m.Tag(words)
	heads, rels := m.Parse(words, upos, xpos)
	if len(heads) != len(words) || len(rels) != len(words) {
		t.Fatalf("Parse returned %d heads, %d rels", len(heads), len(rels))
	}
	if heads[2] != -1 || rels[2] != "root" || heads[1] != 2 || rels[1] != "nsubj" || heads[4] != 2 || rels[4] != "obj" {
		t.Errorf("Parse(%v) = %v %v", words, heads, rels)
	}
	// Unknown tags fall back to the tagger's.
	h2, _ := m.Parse(words, nil, []string{"??"})
	if len(h2) != len(words) {
		t.Errorf("Parse with missing tags: %v", h2)
	}
}

func TestConcurrentUse(t *testing.T) {
	m := defaultModel(t)
	sents := [][]string{
		strings.Fields("The president met the prime minister in Paris ."),
		strings.Fields("Protesters clashed with police , officials said ."),
		strings.Fields("Troops withdrew from the border on Friday after talks ."),
	}
	want := make([][]parse.Analysis, len(sents))
	for i, s := range sents {
		want[i] = m.AnnotateWords(s)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				i := (g + k) % len(sents)
				got := m.AnnotateWords(sents[i])
				if fmt.Sprint(got) != fmt.Sprint(want[i]) {
					errs <- fmt.Sprintf("goroutine %d: sentence %d differs", g, i)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// Floors for the shipped model on EWT dev, just below its measured scores
// (see data/README.md), so that a change that breaks the model fails.
const (
	floorUPOS = 0.948
	floorXPOS = 0.941
	floorUAS  = 0.848
	floorLAS  = 0.815
	floorLem  = 0.966
)

func TestDevAccuracy(t *testing.T) {
	path := testutil.Shared(t, "reference/ud-english-ewt/en_ewt-ud-dev.conllu")
	gold, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := defaultModel(t)
	sc := m.Evaluate(gold)
	t.Logf("dev: %d sentences, %d words: UPOS %.4f XPOS %.4f lemma %.4f UAS %.4f LAS %.4f (%.0f words/s)",
		sc.Sentences, sc.Tokens, sc.UPOS, sc.XPOS, sc.Lemma, sc.UAS, sc.LAS, sc.TokensPerS)
	if sc.Sentences != 2001 || sc.Tokens != 25147 {
		t.Errorf("scored %d sentences, %d words; want 2001, 25147", sc.Sentences, sc.Tokens)
	}
	for _, c := range []struct {
		name       string
		got, floor float64
	}{
		{"UPOS", sc.UPOS, floorUPOS},
		{"XPOS", sc.XPOS, floorXPOS},
		{"UAS", sc.UAS, floorUAS},
		{"LAS", sc.LAS, floorLAS},
		{"lemma", sc.Lemma, floorLem},
	} {
		if c.got < c.floor {
			t.Errorf("dev %s %.4f below the floor %.4f", c.name, c.got, c.floor)
		}
	}
}

func BenchmarkAnnotate(b *testing.B) {
	path := testutil.Shared(b, "reference/ud-english-ewt/en_ewt-ud-dev.conllu")
	gold, err := conllu.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	m := defaultModel(b)
	var sents [][]string
	n := 0
	for _, s := range gold {
		sents = append(sents, s.Forms())
		n += len(s.Words)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			m.AnnotateWords(s)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkLoad measures reading the embedded model, which Default does once.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := parse.Unmarshal(data.ParserModel); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/load")
}

func TestFiniteVerb(t *testing.T) {
	m := defaultModel(t)
	tests := []struct {
		name  string
		words []string
		i     int // the verb
		xpos  string
		root  bool
	}{
		{"no other verb", strings.Fields("Talks resumed on Monday ."), 1, "VBD", true},
		{"after a determiner and noun", strings.Fields("The negotiations resumed in Geneva ."), 2, "VBD", true},
		{"participle with a finite verb", strings.Fields("The talks , resumed on Monday , failed again ."), 3, "VBN", false},
		{"participle after an auxiliary", strings.Fields("The talks were resumed on Monday ."), 3, "VBN", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := m.AnnotateWords(tc.words)
			if a[tc.i].XPOS != tc.xpos || (a[tc.i].Head == -1) != tc.root {
				t.Errorf("%q: %q tagged %s with head %d, want %s (root %v)", tc.words, tc.words[tc.i], a[tc.i].XPOS, a[tc.i].Head, tc.xpos, tc.root)
			}
		})
	}
}
