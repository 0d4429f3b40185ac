package event_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/dict"
	"github.com/dyad-project/dyad/internal/event"
)

const linearVerbs = `block ACCUSE [112]
verb accuse
- * of spying [1121]
block MEET [036:036]
verb meet
block RESTORE [---]
verb restore
- * ties [064]
`

var linearLemmas = map[string]string{"accused": "accuse", "restored": "restore", "was": "be"}

// linearInput builds a one-sentence input from space-separated words: a
// word "Name=CODE" is an actor mention, "Name=-" one without a code.
func linearInput(t *testing.T, words string) event.Input {
	t.Helper()
	var b strings.Builder
	s := dyad.Sentence{}
	var ms event.MentionList
	for i, w := range strings.Fields(words) {
		code := ""
		if name, c, ok := strings.Cut(w, "="); ok {
			w, code = name, c
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(w)
		upos := "NOUN"
		switch {
		case strings.HasSuffix(w, "ed") || w == "meet":
			upos = "VERB"
		case w == "," || w == ".":
			upos = "PUNCT"
		}
		lemma := strings.ToLower(w)
		if l, ok := linearLemmas[lemma]; ok {
			lemma = l
		}
		s.Tokens = append(s.Tokens, dyad.Token{Text: w, Norm: w, Lemma: lemma, UPOS: upos,
			Start: start, End: b.Len(), Head: -1})
		if code == "-" {
			code = "" // a name coded [---]: a mention without a code
		} else if code == "" {
			continue
		}
		ms = append(ms, event.SentenceMention{MentionRef: event.MentionRef{Start: start, End: b.Len(),
			Actor: dyad.ActorRef{Name: w, Code: code}}})
	}
	s.Text, s.End = b.String(), b.Len()
	return event.Input{Text: s.Text, Sentences: []dyad.Sentence{s}, Mentions: ms}
}

func TestLinear(t *testing.T) {
	v, err := dict.ParseVerbs("verbs.txt", []byte(linearVerbs))
	if err != nil {
		t.Fatal(err)
	}
	cfg := event.DefaultConfig()
	cfg.Linear, cfg.Nationless, cfg.Reciprocal, cfg.ForeignCodes = true, true, true, true
	tests := []struct {
		name  string
		words string
		by    event.CodeBy
		want  []string
	}{
		{"pattern after the verb", "Arnor=ARN accused Gondor=GON of spying", event.CodeByClause,
			[]string{"ARN>GON 1121"}},
		{"default code", "Arnor=ARN accused Gondor=GON yesterday", event.CodeByClause, []string{"ARN>GON 112"}},
		{"null code without its pattern", "Arnor=ARN restored order in Gondor=GON", event.CodeByClause, nil},
		{"pattern word inside the clause", "Arnor=ARN restored full ties with Gondor=GON", event.CodeByClause,
			[]string{"ARN>GON 064"}},
		{"compound source meets itself", "Arnor=ARN and Gondor=GON will meet", event.CodeByClause,
			[]string{"ARN>GON 036", "GON>ARN 036"}},
		{"passive", "Gondor=GON was accused by Arnor=ARN", event.CodeByClause, []string{"ARN>GON 112"}},
		{"source carried to the next clause", "Arnor=ARN accused Gondor=GON and restored ties with Rohan=ROH",
			event.CodeByClause, []string{"ARN>GON 112", "ARN>ROH 064"}},
		{"code by sentence", "Arnor=ARN accused Gondor=GON and restored ties with Rohan=ROH",
			event.CodeBySentence, []string{"ARN>GON 112"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cfg
			c.CodeBy = tt.by
			evs := event.New(v).WithConfig(c).Code(linearInput(t, tt.words))
			var got []string
			for _, e := range evs {
				tgt := "---"
				if e.Target != nil {
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

func TestMinWords(t *testing.T) {
	v, err := dict.ParseVerbs("verbs.txt", []byte(linearVerbs))
	if err != nil {
		t.Fatal(err)
	}
	cfg := event.DefaultConfig()
	cfg.Linear, cfg.Nationless, cfg.ForeignCodes, cfg.MinWords = true, true, true, 5
	in := linearInput(t, "Arnor=ARN accused Gondor=GON")
	if evs := event.New(v).WithConfig(cfg).Code(in); len(evs) != 0 {
		t.Errorf("a three-word sentence was coded with MinWords 5: %v", evs)
	}
	cfg.MinWords = 3
	if evs := event.New(v).WithConfig(cfg).Code(in); len(evs) != 1 {
		t.Errorf("got %d events with MinWords 3, want 1", len(evs))
	}
}

const markVerbs = `set CURRENCY
+ dollar~
+ swiss franc
block ACT [100]
verb act~
- * program~ [103]
- in_ * [075]
- * &CURRENCY [070]
block ACCUSE [112]
verb accuse
block SWAP [---]
verb swapped
- % * [067]
- * with % [068]
block GREET [---]
verb greeted
- % * [044:045]
`

// TestLinearOptions tests the marks of TABARI's patterns (stems, joined
// words) and the coder options the peers' suites set.
func TestLinearOptions(t *testing.T) {
	v, err := dict.ParseVerbs("marks.txt", []byte(markVerbs))
	if err != nil {
		t.Fatal(err)
	}
	base := event.DefaultConfig()
	base.Linear, base.Nationless, base.ForeignCodes = true, true, true
	tests := []struct {
		name  string
		words string
		set   func(*event.Config)
		want  []string
	}{
		{"stem head and stem pattern word", "Arnor=ARN acted on programs with Gondor=GON", nil, []string{"ARN>GON 103"}},
		{"joined word right before the verb", "Arnor=ARN in actions against Gondor=GON", nil, []string{"ARN>GON 075"}},
		{"joined word not right before the verb", "Arnor=ARN in new actions against Gondor=GON", nil,
			[]string{"ARN>GON 100"}},
		{"stem set member", "Arnor=ARN acted with dollars for Gondor=GON", nil, []string{"ARN>GON 070"}},
		{"two-word set member", "Arnor=ARN acted with swiss francs for Gondor=GON", nil, []string{"ARN>GON 100"}},
		{"compound before the verb", "Rohan=ROH and Gondor=GON swapped prisoners", nil, []string{"GON>ROH 067", "ROH>GON 067"}},
		{"compound after the verb", "Arnor=ARN swapped prisoners with Rohan=ROH and Gondor=GON", nil,
			[]string{"GON>ROH 068", "ROH>GON 068"}},
		{"compound with a paired code", "Rohan=ROH and Gondor=GON greeted",
			func(c *event.Config) { c.Reciprocal = true }, []string{"GON>ROH 045", "ROH>GON 044"}},
		{"no compound", "Rohan=ROH swapped prisoners", nil, nil},
		{"neither nor", "Neither Rohan=ROH nor Gondor=GON accused Arnor=ARN", nil, []string{"GON>ARN 112", "ROH>ARN 112"}},
		{"a name without a code is no target", "Arnor=ARN accused Boromir=- in Gondor=GON", nil, []string{"ARN>GON 112"}},
		{"a verb's word after an article is a noun", "Arnor=ARN signed the accused Gondor=GON", nil, nil},
		{"no comma clause skipped", "Arnor=ARN accused , as Rohan=ROH said , Gondor=GON", nil, []string{"ARN>ROH 112"}},
		{"internal comma clause skipped", "Arnor=ARN accused , as Rohan=ROH said , Gondor=GON",
			func(c *event.Config) { c.Commas = event.Commas{Min: 2, Max: 10} }, []string{"ARN>GON 112"}},
		{"comma clause too long", "Arnor=ARN accused , as Rohan=ROH said , Gondor=GON",
			func(c *event.Config) { c.Commas = event.Commas{Min: 4, Max: 10} }, []string{"ARN>ROH 112"}},
		{"terminal comma clause skipped", "Arnor=ARN accused , Gondor=GON said",
			func(c *event.Config) { c.Commas = event.Commas{EMin: 1, EMax: 4} }, nil},
		{"default source before the verb", "Fxrnost accused Gondor=GON",
			func(c *event.Config) { c.Defaults = event.Defaults{Source: "DEF", Prior: true} }, []string{"DEF>GON 112"}},
		{"no default source without PRIOR", "Fxrnost accused Gondor=GON and Rohan=ROH",
			func(c *event.Config) { c.Defaults = event.Defaults{Source: "DEF"} }, []string{"GON>ROH 112"}},
		{"default target after the verb", "Arnor=ARN accused Fxrnost",
			func(c *event.Config) { c.Defaults = event.Defaults{Target: "TGT", After: true} }, []string{"ARN>TGT 112"}},
		{"no target", "Arnor=ARN accused Fxrnost", func(c *event.Config) { c.NoTarget = true }, []string{"ARN>--- 112"}},
		{"too many verbs", "Arnor=ARN accused Gondor=GON and accused Rohan=ROH",
			func(c *event.Config) { c.Complex = event.Complexity{Verbs: 2} }, nil},
		{"too many conjunctions", "Arnor=ARN accused Gondor=GON or Rohan=ROH and Ithilien",
			func(c *event.Config) { c.Complex = event.Complexity{Conj: 1} }, nil},
		{"no actor before the verb", "Yesterday accused Gondor=GON and Rohan=ROH",
			func(c *event.Config) { c.Complex = event.Complexity{NoActorPrior: true} }, nil},
		{"actor before the verb", "Arnor=ARN accused Gondor=GON",
			func(c *event.Config) { c.Complex = event.Complexity{Verbs: 2, NoActorPrior: true} }, []string{"ARN>GON 112"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base
			if tt.set != nil {
				tt.set(&c)
			}
			evs := event.New(v).WithConfig(c).Code(linearInput(t, tt.words))
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
