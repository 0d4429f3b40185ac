package event_test

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/parse"
	"github.com/dyad-project/dyad/internal/segment"
)

// articleInput parses a short article (a headline line, then body
// sentences) and marks every occurrence of each actor name as a mention of
// the country code it maps to.
func articleInput(t *testing.T, m *parse.Model, text string, actors map[string]string) event.Input {
	t.Helper()
	sents := segment.Text(text)
	if len(sents) == 0 {
		t.Fatalf("no sentences in %q", text)
	}
	names := make([]string, 0, len(actors))
	for n := range actors {
		names = append(names, n)
	}
	sort.Strings(names)
	var ms event.MentionList
	for i := range sents {
		s := &sents[i]
		s.Kind = dyad.KindBody
		m.Annotate(s)
		for _, n := range names {
			for from := s.Start; ; {
				j := strings.Index(text[from:s.End], n)
				if j < 0 {
					break
				}
				start := from + j
				end := start + len(n)
				from = end
				ref := dyad.ActorRef{Name: n, Country: actors[n], Sector: "GOV", Code: actors[n] + "GOV", Text: n, Start: start, End: end}
				ms = append(ms, event.SentenceMention{Sentence: i, MentionRef: event.MentionRef{Start: start, End: end, Actor: ref}})
			}
		}
	}
	return event.Input{Text: text, Sentences: sents, Mentions: ms}
}

// TestJudgedActs codes judgements of acts ("condemned the attack"),
// threats whose target is in a clause, joint acts of coordinated subjects
// and the verb patterns added with them, on parsed text written for the
// test.
func TestJudgedActs(t *testing.T) {
	runDyadCases(t, []dyadCase{
		{
			name:   "condemned the attack refers back to its perpetrator",
			text:   "Freedonian forces attacked Sylvanian troops on Monday. Sylvania condemned the attack.",
			actors: map[string]string{"Freedonian forces": "FRE", "Sylvania": "SYL", "Sylvanian troops": "SYL"},
			want:   []string{"FRE>SYL 19", "SYL>FRE 11"},
		},
		{
			name:   "agent in the by-phrase of the judged act",
			text:   "The minister of Sylvania welcomed the announcement by Freedonia of new aid.",
			actors: map[string]string{"Freedonia": "FRE", "minister of Sylvania": "SYL"},
			want:   []string{"SYL>FRE 05"},
		},
		{
			name:   "an indefinite act does not refer back",
			text:   "Freedonia attacked Sylvania on Monday. Ruritania condemned an attack in the capital.",
			actors: map[string]string{"Freedonia": "FRE", "Sylvania": "SYL", "Ruritania": "RUR"},
			want:   []string{"FRE>SYL 19"},
			not:    []string{"RUR>FRE 11"},
		},
		{
			name:   "exercises around a place, condemned later",
			text:   "Freedonia began military exercises around Sylvania on Tuesday. Sylvania condemned the exercises.",
			actors: map[string]string{"Freedonia": "FRE", "Sylvania": "SYL"},
			want:   []string{"FRE>SYL 15", "SYL>FRE 11"},
		},
		{
			name:   "threat on a condition",
			text:   "Freedonia warned that it could impose new tariffs unless Sylvania ends its blockade.",
			actors: map[string]string{"Freedonia": "FRE", "Sylvania": "SYL"},
			want:   []string{"FRE>SYL 13"},
		},
		{
			name:   "coordinated subject meets in both directions",
			text:   "Freedonia and Sylvania met in Geneva on Thursday.",
			actors: map[string]string{"Freedonia": "FRE", "Sylvania": "SYL"},
			want:   []string{"FRE>SYL 04", "SYL>FRE 04"},
		},
		{
			name:   "willing to work with",
			text:   "The minister said Freedonia was willing to work with Sylvania.",
			actors: map[string]string{"Freedonia": "FRE", "Sylvania": "SYL"},
			want:   []string{"FRE>SYL 03"},
		},
		{
			name:   "stood in solidarity with",
			text:   "Freedonia stood in solidarity with Sylvania.",
			actors: map[string]string{"Freedonia": "FRE", "Sylvania": "SYL"},
			want:   []string{"FRE>SYL 05"},
		},
	})
}

// dyadCase is a sentence with the actors in it and the asserted events
// (SRC>TGT root) it must and must not yield.
type dyadCase struct {
	name   string
	text   string
	actors map[string]string
	want   []string
	not    []string
}

// runDyadCases codes each case with the default parser and coder and
// checks its asserted events with a target.
func runDyadCases(t *testing.T, cases []dyadCase) {
	t.Helper()
	m, err := parse.Default()
	if err != nil {
		t.Skipf("skipping: no parser model: %v", err)
	}
	c, err := event.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := articleInput(t, m, tc.text, tc.actors)
			evs, misses := c.Explain(in)
			var got []string
			for _, ev := range evs {
				if ev.Mode != dyad.ModeAsserted || ev.Target == nil {
					continue
				}
				got = append(got, ev.Source.Country+">"+ev.Target.Country+" "+ev.Root)
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %s; got %q\n%s", w, got, explainText(evs, misses))
				}
			}
			for _, n := range tc.not {
				if slices.Contains(got, n) {
					t.Errorf("unwanted %s; got %q", n, got)
				}
			}
		})
	}
}
