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
// word "Name=CODE" is an actor mention.
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
		if strings.HasSuffix(w, "ed") || w == "meet" {
			upos = "VERB"
		}
		lemma := strings.ToLower(w)
		if l, ok := linearLemmas[lemma]; ok {
			lemma = l
		}
		s.Tokens = append(s.Tokens, dyad.Token{Text: w, Norm: w, Lemma: lemma, UPOS: upos,
			Start: start, End: b.Len(), Head: -1})
		if code != "" {
			ms = append(ms, event.SentenceMention{MentionRef: event.MentionRef{Start: start, End: b.Len(),
				Actor: dyad.ActorRef{Name: w, Code: code}}})
		}
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
