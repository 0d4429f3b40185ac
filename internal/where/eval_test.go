package where_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/testutil"
)

// TestUNERPrecision runs Find over the Universal NER English EWT dev set
// (web text with LOC/ORG/PER spans, read from ../shared at test time) and
// measures precision: the share of the places found that overlap a LOC span.
// Recall against all LOC spans is low by design (most are lower-case,
// bare country names or not in a gazetteer) and only reported.
func TestUNERPrecision(t *testing.T) {
	g := gazetteer(t)
	path := testutil.Shared(t, "reference/uner-english-ewt/en_ewt-ud-dev.iob2")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type gold struct {
		start, end int
		tag        string
	}
	var (
		text      strings.Builder
		sents     []dyad.Sentence
		golds     []gold
		inEntity  bool
		sentStart = -1
		tp, fp    int
		locs      int
	)
	flush := func() {
		txt := text.String()
		for _, p := range g.Find(txt, sents) {
			tag := ""
			for _, gd := range golds {
				if p.Start < gd.end && gd.start < p.End {
					tag = gd.tag
				}
			}
			if tag == "LOC" {
				tp++
			} else {
				fp++
				s := sents[p.Sentence]
				t.Logf("not a LOC span (%s): %q in %q", tag, p.Text, txt[s.Start:s.End])
			}
		}
		for _, gd := range golds {
			if gd.tag == "LOC" {
				locs++
			}
		}
		text.Reset()
		sents, golds = nil, nil
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			flush()
			continue
		case strings.HasPrefix(line, "#"):
			continue
		case line == "":
			if sentStart >= 0 {
				sents = append(sents, dyad.Sentence{Start: sentStart, End: text.Len(), Kind: dyad.KindBody})
				text.WriteString("\n")
			}
			sentStart, inEntity = -1, false
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			t.Fatalf("bad line %q", line)
		}
		if sentStart < 0 {
			sentStart = text.Len()
		} else {
			text.WriteByte(' ')
		}
		start := text.Len()
		text.WriteString(cols[1])
		switch {
		case strings.HasPrefix(cols[2], "B-"):
			golds = append(golds, gold{start, text.Len(), cols[2][2:]})
			inEntity = true
		case strings.HasPrefix(cols[2], "I-") && inEntity:
			golds[len(golds)-1].end = text.Len()
		default:
			inEntity = false
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	flush()
	if tp+fp == 0 {
		t.Fatal("no places found")
	}
	precision := float64(tp) / float64(tp+fp)
	t.Logf("UNER EWT dev: %d places found, %d on LOC spans: precision %.3f; recall of all %d LOC spans %.3f",
		tp+fp, tp, precision, locs, float64(tp)/float64(locs))
	if precision < 0.93 {
		t.Errorf("precision %.3f, want at least 0.93", precision)
	}
}
