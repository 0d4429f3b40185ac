package event_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/dict"
	"github.com/dyad-project/dyad/internal/event"
)

const peerVerbs = `block SAY [023]
verb said
block WARN [160]
verb warned
- * their ^ about + [162]
block RISEN [---]
verb risen
- death toll * [223]
block ACT [100]
verb acted
- indicated should * [1011]
block SHOULD [101]
verb should
block LEFT [032]
verb left
block PARADE [017]
verb parade
`

// ptok is a token of a parsed test sentence: word, part of speech, head
// (index, -1 for the root), relation and the actor code of a mention
// ("" for none).
type ptok struct {
	word, upos string
	head       int
	rel, code  string
}

// parsedInput builds a one-sentence input with a parse from toks.
func parsedInput(toks []ptok) event.Input {
	var b strings.Builder
	s := dyad.Sentence{}
	var ms event.MentionList
	for i, tk := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(tk.word)
		s.Tokens = append(s.Tokens, dyad.Token{Text: tk.word, Norm: tk.word, Lemma: strings.ToLower(tk.word), UPOS: tk.upos,
			XPOS: map[string]string{"VERB": "VBD", "AUX": "MD"}[tk.upos], Start: start, End: b.Len(), Head: tk.head, Rel: tk.rel})
		if tk.code != "" {
			ms = append(ms, event.SentenceMention{MentionRef: event.MentionRef{Start: start, End: b.Len(),
				Actor: dyad.ActorRef{Name: tk.word, Code: tk.code}}})
		}
	}
	s.Text, s.End = b.String(), b.Len()
	return event.Input{Text: s.Text, Sentences: []dyad.Sentence{s}, Mentions: ms}
}

// TestLinearPeerParse tests the linear coder's PETRARCH reading of the
// parse (Config.ParsePhrases), its new actors, its closing reporting
// clauses and TABARI's nouns.
func TestLinearPeerParse(t *testing.T) {
	v, err := dict.ParseVerbs("peer.txt", []byte(peerVerbs))
	if err != nil {
		t.Fatal(err)
	}
	base := event.DefaultConfig()
	base.Linear, base.Nationless, base.ForeignCodes = true, true, true
	parse := func(c *event.Config) { c.ParsePhrases = true }
	tests := []struct {
		name string
		toks []ptok
		set  func(*event.Config)
		want []string
	}{
		{"conjunction of nouns begins no clause", []ptok{
			{"Eriador", "PROPN", 1, "nmod:poss", "ERI"}, {"death", "NOUN", 3, "compound", ""},
			{"and", "CCONJ", 1, "cc", ""}, {"toll", "NOUN", 4, "nsubj", ""}, {"risen", "VERB", -1, "root", ""},
			{"in", "ADP", 6, "case", ""}, {"Osgiliath", "PROPN", 4, "obl", "OSG"},
		}, parse, []string{"ERI>OSG 223"}},
		{"without the parse the conjunction begins a clause", []ptok{
			{"Eriador", "PROPN", 1, "nmod:poss", "ERI"}, {"death", "NOUN", 3, "compound", ""},
			{"and", "CCONJ", 1, "cc", ""}, {"toll", "NOUN", 4, "nsubj", ""}, {"risen", "VERB", -1, "root", ""},
			{"in", "ADP", 6, "case", ""}, {"Osgiliath", "PROPN", 4, "obl", "OSG"},
		}, nil, nil},
		{"possessor of an actor's phrase", []ptok{
			{"Dagolath", "PROPN", 2, "nmod:poss", "DAG"}, {"deputy", "NOUN", 2, "compound", ""},
			{"Telemar", "PROPN", 3, "nsubj", "DAGGOV"}, {"left", "VERB", -1, "root", ""},
			{"for", "ADP", 5, "case", ""}, {"Gondor", "PROPN", 3, "obl", "GON"},
		}, parse, []string{"DAGGOV>GON 032"}},
		{"a noun phrase skipped by ^", []ptok{
			{"Ithilen", "PROPN", 1, "nsubj", "ITH"}, {"warned", "VERB", -1, "root", ""}, {"their", "PRON", 3, "nmod:poss", ""},
			{"populations", "NOUN", 1, "obj", ""}, {"about", "ADP", 5, "case", ""}, {"Amroth", "PROPN", 1, "obl", "DOL"},
		}, parse, []string{"ITH>DOL 162"}},
		{"an auxiliary defers to its verb", []ptok{
			{"Ethiopia", "PROPN", 1, "nsubj", "ETH"}, {"indicated", "VERB", -1, "root", ""}, {"should", "AUX", 3, "aux", ""},
			{"acted", "VERB", 1, "ccomp", ""}, {"against", "ADP", 5, "case", ""}, {"Libya", "PROPN", 3, "obl", "LBY"},
		}, parse, []string{"ETH>LBY 1011"}},
		{"a noun with a determiner is no verb", []ptok{
			{"Gollum", "PROPN", 1, "nsubj", "HOB"}, {"joined", "VERB", -1, "root", ""}, {"an", "DET", 4, "det", ""},
			{"Gondor", "PROPN", 4, "compound", "GON"}, {"parade", "NOUN", 1, "obj", ""},
		}, parse, nil},
		{"new actors from noun phrases", []ptok{
			{"Gryffindor", "PROPN", 3, "nmod:poss", ""}, {"'s", "PART", 0, "case", ""}, {"head", "NOUN", 3, "compound", ""},
			{"McGonagall", "PROPN", 4, "nsubj", ""}, {"left", "VERB", -1, "root", ""}, {"for", "ADP", 7, "case", ""},
			{"the", "DET", 7, "det", ""}, {"Ministry", "PROPN", 4, "obl", ""}, {"on", "ADP", 9, "case", ""},
			{"Wednesday", "PROPN", 4, "obl", ""},
		}, func(c *event.Config) { c.NewActorLength = 4 }, []string{`"GRYFFINDOR HEAD MCGONAGALL">"THE MINISTRY" 032`}},
		{"closing reporting clause", []ptok{
			{"Arnor", "PROPN", 1, "nsubj", "ARN"}, {"left", "VERB", -1, "root", ""}, {"for", "ADP", 3, "case", ""},
			{"Gondor", "PROPN", 1, "obl", "GON"}, {"on", "ADP", 5, "case", ""}, {"Monday", "PROPN", 1, "obl", ""},
			{",", "PUNCT", 1, "punct", ""}, {"a", "DET", 9, "det", ""},
			{"senior", "ADJ", 9, "amod", ""}, {"official", "NOUN", 10, "nsubj", "GOV"}, {"said", "VERB", 1, "parataxis", ""},
		}, func(c *event.Config) { c.NoTarget = true }, []string{"ARN>GON 032", "GOV>--- 023"}},
		{"no reporting clause after today", []ptok{
			{"Arnor", "PROPN", 1, "nsubj", "ARN"}, {"left", "VERB", -1, "root", ""}, {"for", "ADP", 3, "case", ""},
			{"Gondor", "PROPN", 1, "obl", "GON"}, {"on", "ADP", 5, "case", ""}, {"Monday", "PROPN", 1, "obl", ""},
			{",", "PUNCT", 1, "punct", ""}, {"an", "DET", 8, "det", ""},
			{"official", "NOUN", 9, "nsubj", "GOV"}, {"said", "VERB", 1, "parataxis", ""}, {"today", "NOUN", 9, "obl", ""},
		}, func(c *event.Config) { c.NoTarget = true }, []string{"ARN>GON 032"}},
		{"TABARI's nouns join", []ptok{
			{"Ithilen", "PROPN", 1, "nmod:poss", "ITH"}, {"sheep", "NOUN", 4, "nsubj", ""}, {"and", "CCONJ", 3, "cc", ""},
			{"goats", "NOUN", 1, "conj", ""}, {"warned", "VERB", -1, "root", ""}, {"of", "ADP", 6, "case", ""},
			{"Amroth", "PROPN", 4, "obl", "DOL"},
		}, func(c *event.Config) { c.NounConj = &event.NounConj{Words: []string{"sheep", "goat"}} }, []string{"ITH>DOL 160"}},
		{"other nouns begin a clause", []ptok{
			{"Ithilen", "PROPN", 1, "nmod:poss", "ITH"}, {"sheep", "NOUN", 4, "nsubj", ""}, {"and", "CCONJ", 3, "cc", ""},
			{"pigs", "NOUN", 1, "conj", ""}, {"warned", "VERB", -1, "root", ""}, {"of", "ADP", 6, "case", ""},
			{"Amroth", "PROPN", 4, "obl", "DOL"},
		}, func(c *event.Config) { c.NounConj = &event.NounConj{Words: []string{"sheep", "goat"}} }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base
			if tt.set != nil {
				tt.set(&c)
			}
			evs := event.New(v).WithConfig(c).Code(parsedInput(tt.toks))
			var got []string
			for _, e := range evs {
				tgt := "---"
				if e.Target != nil && e.Target.Code != "" {
					tgt = e.Target.Code
				}
				got = append(got, e.Source.Code+">"+tgt+" "+e.CAMEO)
			}
			sort.Strings(got)
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
