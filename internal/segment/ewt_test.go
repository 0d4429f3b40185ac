package segment_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/segment"
	"github.com/dyad-project/dyad/internal/testutil"
)

// ewtSentence is one sentence of a UD treebank: its text and the byte spans
// of its syntactic words in that text.
type ewtSentence struct {
	text   string
	words  [][2]int
	newPar bool // the sentence opens a paragraph
}

// readEWT reads the sentences of a CoNLL-U file whose words can be found, in
// order, in the sentence text (a few EWT words are corrected spellings and
// cannot).
func readEWT(t testing.TB, path string) []ewtSentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []ewtSentence
	var cur ewtSentence
	ok, pos := true, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# text = "):
			cur.text = strings.TrimPrefix(line, "# text = ")
			ok, pos = true, 0
		case strings.HasPrefix(line, "# newpar") || strings.HasPrefix(line, "# newdoc"):
			cur.newPar = true
		case line == "":
			if ok && cur.text != "" && len(cur.words) > 0 {
				out = append(out, cur)
			}
			cur = ewtSentence{}
		case line[0] == '#':
		default:
			cols := strings.Split(line, "\t")
			if len(cols) < 2 || strings.ContainsAny(cols[0], "-.") {
				continue // multiword token ranges and empty nodes
			}
			k := strings.Index(cur.text[pos:], cols[1])
			if k < 0 || strings.TrimSpace(cur.text[pos:pos+k]) != "" {
				ok = false
				continue
			}
			cur.words = append(cur.words, [2]int{pos + k, pos + k + len(cols[1])})
			pos += k + len(cols[1])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestEWTTokens compares Tokens with the words of the UD English EWT
// development set (read from ../shared at test time) and reports the span
// F1. EWT splits most hyphenated compounds ("war - torn") while dyad keeps
// them whole, so the score is also given with EWT's hyphen splits merged.
func TestEWTTokens(t *testing.T) {
	path := testutil.Shared(t, "reference/ud-english-ewt/en_ewt-ud-dev.conllu")
	sents := readEWT(t, path)
	if len(sents) < 1000 {
		t.Fatalf("read only %d EWT sentences", len(sents))
	}
	var gold, goldMerged, got, match, matchMerged int
	for _, s := range sents {
		toks := segment.Tokens(s.text, 0, len(s.text))
		spans := map[[2]int]bool{}
		for _, tk := range toks {
			spans[[2]int{tk.Start, tk.End}] = true
		}
		got += len(toks)
		gold += len(s.words)
		for _, w := range s.words {
			if spans[w] {
				match++
			}
		}
		merged := mergeHyphens(s.text, s.words)
		goldMerged += len(merged)
		for _, w := range merged {
			if spans[w] {
				matchMerged++
			}
		}
	}
	f1 := func(m, g int) float64 { return 2 * float64(m) / float64(g+got) }
	exact, withMerge := f1(match, gold), f1(matchMerged, goldMerged)
	t.Logf("EWT dev: %d sentences, %d words; token span F1 %.4f, with hyphen compounds merged %.4f", len(sents), gold, exact, withMerge)
	if withMerge < 0.98 {
		t.Errorf("token span F1 with hyphen compounds merged = %.4f, want >= 0.98", withMerge)
	}
}

// mergeHyphens joins EWT's "war", "-", "torn" (written without spaces) into
// one span, as dyad tokenises hyphenated compounds.
func mergeHyphens(text string, words [][2]int) [][2]int {
	var out [][2]int
	for i := 0; i < len(words); i++ {
		w := words[i]
		for i+2 < len(words) && text[words[i+1][0]:words[i+1][1]] == "-" &&
			words[i+1][0] == w[1] && words[i+2][0] == words[i+1][1] {
			w[1] = words[i+2][1]
			i += 2
		}
		out = append(out, w)
	}
	return out
}

// TestEWTSentences joins the sentences of each EWT development paragraph
// with a space, splits the paragraph again and reports boundary precision
// and recall. EWT is web text (e-mail, reviews, forums): many of its
// sentences end without punctuation or start in lower case, which no
// punctuation-based splitter can recover, so recall is low by nature; the
// test guards precision, which is what matters for news.
func TestEWTSentences(t *testing.T) {
	path := testutil.Shared(t, "reference/ud-english-ewt/en_ewt-ud-dev.conllu")
	sents := readEWT(t, path)
	var tp, fp, fn int
	flush := func(par []string) {
		if len(par) < 2 {
			return
		}
		text := strings.Join(par, " ")
		gold := map[int]bool{}
		pos := 0
		for _, s := range par[:len(par)-1] {
			pos += len(s) + 1
			gold[pos] = true
		}
		blocks := []dyad.Block{{Span: dyad.Span{Start: 0, End: len(text)}, Kind: dyad.KindBody}}
		got := segment.Sentences(text, blocks)
		for _, s := range got[1:] {
			if gold[s.Start] {
				tp++
				delete(gold, s.Start)
			} else {
				fp++
			}
		}
		fn += len(gold)
	}
	var par []string
	for _, s := range sents {
		if s.newPar {
			flush(par)
			par = par[:0]
		}
		par = append(par, s.text)
	}
	flush(par)
	p := float64(tp) / float64(tp+fp)
	r := float64(tp) / float64(tp+fn)
	t.Logf("EWT dev paragraphs: %d boundaries; precision %.3f, recall %.3f", tp+fn, p, r)
	if p < 0.9 {
		t.Errorf("sentence boundary precision %.3f, want >= 0.9", p)
	}
}
