package actor_test

import (
	"testing"

	"github.com/dyad-project/dyad/internal/segment"
)

// TestItPronoun checks that "it" as the subject of a verb of doing refers
// to the actor that was the subject before, and the expletive "it" to none.
func TestItPronoun(t *testing.T) {
	// dep gives a token of the second sentence its tag, relation and head.
	type dep struct{ word, upos, lemma, rel, head string }
	tests := []struct {
		name string
		text string
		deps []dep
		want string // the country "It" stands for, "" for none
	}{
		{"subject of a verb of saying",
			"Venezuela rejected the claim on Monday. It accused Guyana of provocations.",
			[]dep{{"It", "PRON", "it", "nsubj", "accused"}, {"accused", "VERB", "accuse", "root", ""}}, "VEN"},
		{"expletive before an adjective",
			"Venezuela rejected the claim on Monday. It is unclear what happens next.",
			[]dep{{"It", "PRON", "it", "nsubj", "unclear"}, {"is", "AUX", "be", "cop", "unclear"}, {"unclear", "ADJ", "unclear", "root", ""}}, ""},
		{"subject of seem",
			"Venezuela rejected the claim on Monday. It seems that talks will resume.",
			[]dep{{"It", "PRON", "it", "nsubj", "seems"}, {"seems", "VERB", "seem", "root", ""}}, ""},
		{"passive report",
			"Venezuela rejected the claim on Monday. It was reported that talks will resume.",
			[]dep{{"It", "PRON", "it", "nsubj", "reported"}, {"was", "AUX", "be", "aux:pass", "reported"}, {"reported", "VERB", "report", "root", ""}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := segment.Text(tt.text)
			toks := sents[len(sents)-1].Tokens
			index := map[string]int{}
			for k := range toks {
				index[toks[k].Text] = k
				toks[k].UPOS, toks[k].Rel, toks[k].Head = "X", "dep", -1
			}
			for _, d := range tt.deps {
				tok := &toks[index[d.word]]
				tok.UPOS, tok.Lemma, tok.Rel = d.upos, d.lemma, d.rel
				if d.head != "" {
					tok.Head = index[d.head]
				}
			}
			r := defaultFinder(t).Find(tt.text, sents, "2024-05-01")
			a, _ := mentionOf(r, "It", 0)
			switch {
			case tt.want == "" && a != nil:
				t.Errorf("It: got %s, want no actor\n%s", a.Name, dump(r))
			case tt.want != "" && a == nil:
				t.Errorf("It: no actor\n%s", dump(r))
			case tt.want != "" && a.Country != tt.want:
				t.Errorf("It: country %q, want %q\n%s", a.Country, tt.want, dump(r))
			}
		})
	}
}
