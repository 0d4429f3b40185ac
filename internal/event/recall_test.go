package event_test

import (
	"slices"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/parse"
)

// TestReportedThreats codes threats made as consequences (consequence.go):
// a retaliation or consequences announced in a clause a speaker reports,
// with the one threatened found in the clause, in the clause that governs
// it, or in what the speaker did just before.
func TestReportedThreats(t *testing.T) {
	runDyadCases(t, []dyadCase{
		{
			name:   "consequences fall on the doer of the act that has them",
			text:   "The Freedonian foreign ministry said on Friday that any Sylvanian incursion into its waters would have consequences.",
			actors: map[string]string{"Freedonian foreign ministry": "FRE", "Sylvanian": "SYL"},
			want:   []string{"FRE>SYL 13"},
		},
		{
			name:   "retaliatory measures after summoning an envoy",
			text:   "The Sylvanian government summoned the Freedonian ambassador and said it would take retaliatory measures.",
			actors: map[string]string{"Sylvanian government": "SYL", "Freedonian ambassador": "FRE"},
			want:   []string{"SYL>FRE 04", "SYL>FRE 13"},
		},
		{
			name:   "the one told to understand that acts will not go unanswered",
			text:   "\"Sylvania must understand that such provocations will not go unanswered,\" the Freedonian president said.",
			actors: map[string]string{"Sylvania": "SYL", "Freedonian president": "FRE"},
			want:   []string{"FRE>SYL 13"},
		},
		{
			name:   "consequences of no one's act threaten no one",
			text:   "Sylvania said on Monday that the drought would have consequences for Freedonia's harvest.",
			actors: map[string]string{"Sylvania": "SYL", "Freedonia": "FRE"},
			not:    []string{"SYL>FRE 13"},
		},
		{
			name:   "countermeasures against drills named before, joint drills both ways",
			text:   "Freedonia and Sylvania began joint naval drills on Monday. Ruritania warned last week that it would take countermeasures against the drills.",
			actors: map[string]string{"Freedonia": "FRE", "Sylvania": "SYL", "Ruritania": "RUR"},
			want:   []string{"FRE>SYL 06", "SYL>FRE 06", "RUR>FRE 13", "RUR>SYL 13"},
		},
	})
}

// TestClauseRepairs codes clauses whose parse went wrong in ways a parser
// often goes wrong (clauses.go), and objects that name what they are not.
func TestClauseRepairs(t *testing.T) {
	runDyadCases(t, []dyadCase{
		{
			name:   "demanded that: the complementiser read as an object",
			text:   "The Freedonian government demanded that Sylvania hand over the suspects.",
			actors: map[string]string{"Freedonian government": "FRE", "Sylvania": "SYL"},
			want:   []string{"FRE>SYL 10"},
		},
		{
			name:   "demanded that: the verb of the clause read as a noun",
			text:   "The rebels have demanded that the Sylvanian government end its raids on villages.",
			actors: map[string]string{"rebels": "FRE", "Sylvanian government": "SYL"},
			want:   []string{"FRE>SYL 10"},
		},
		{
			name:   "rejected what it called: a free relative names the thing rejected",
			text:   "The Sylvanian foreign ministry rejected what it called Freedonia's provocations on Tuesday.",
			actors: map[string]string{"Sylvanian foreign ministry": "SYL", "Freedonia": "FRE"},
			want:   []string{"SYL>FRE 12"},
			not:    []string{"SYL>FRE 04"},
		},
		{
			name:   "a list object split by the parser",
			text:   "Later, President Miro Kallas thanked the United States, Sylvania and Caricom for their support.",
			actors: map[string]string{"President Miro Kallas": "FRE", "United States": "USA", "Sylvania": "SYL", "Caricom": "CRB"},
			want:   []string{"FRE>USA 05", "FRE>SYL 05", "FRE>CRB 05"},
		},
	})
}

// TestActsAndIntents codes the doers of acts named by nouns, joint acts and
// intents (judged.go, code.go, special.go).
func TestActsAndIntents(t *testing.T) {
	runDyadCases(t, []dyadCase{
		{
			name:   "the by-phrase of the judged act hung on the verb",
			text:   "The Sylvanian president welcomed the decision by the government of Freedonia to reopen the border.",
			actors: map[string]string{"Sylvanian president": "SYL", "government of Freedonia": "FRE"},
			want:   []string{"SYL>FRE 05"},
		},
		{
			name:   "the agent of an event noun",
			text:   "The attack by Freedonian militias on Sylvanian troops killed four soldiers.",
			actors: map[string]string{"Freedonian militias": "FRE", "Sylvanian troops": "SYL"},
			want:   []string{"FRE>SYL 19"},
		},
		{
			name:   "the launch refers back to what was fired",
			text:   "Freedonia fired two ballistic missiles into the sea on Sunday. Sylvania condemned the launch.",
			actors: map[string]string{"Freedonia": "FRE", "Sylvania": "SYL"},
			want:   []string{"SYL>FRE 11"},
		},
		{
			name:   "offered to mediate between two parties",
			text:   "Freedonia offered to mediate between Sylvania and Ruritania.",
			actors: map[string]string{"Freedonia": "FRE", "Sylvania": "SYL", "Ruritania": "RUR"},
			want:   []string{"FRE>SYL 03", "FRE>RUR 03"},
		},
		{
			name:   "pledged to provide aid",
			text:   "Freedonia pledged to provide humanitarian aid to Sylvania.",
			actors: map[string]string{"Freedonia": "FRE", "Sylvania": "SYL"},
			want:   []string{"FRE>SYL 03"},
		},
		{
			name:   "agreed to set up a commission: an intent of both",
			text:   "Freedonia and Sylvania agreed on Thursday to set up a joint commission on their border.",
			actors: map[string]string{"Freedonia": "FRE", "Sylvania": "SYL"},
			want:   []string{"FRE>SYL 03", "SYL>FRE 03"},
			not:    []string{"FRE>SYL 05"},
		},
	})
}

// TestParseRepairs codes sentences whose subject or target a parser hides:
// a subject name read as an adjective, a verb coordinated with a noun, a
// dateline taken for the subject, a partitive before the target, force
// placed in a state.
func TestParseRepairs(t *testing.T) {
	runDyadCases(t, []dyadCase{
		{
			name:   "the target behind a partitive",
			text:   "Freedonian police fired tear gas at thousands of Sylvanian protesters on Tuesday.",
			actors: map[string]string{"Freedonian police": "FRE", "Sylvanian protesters": "SYL"},
			want:   []string{"FRE>SYL 17"},
		},
		{
			name:   "a verb coordinated with the object of the verb before",
			text:   "Amnesty International condemned the use of live ammunition and called on the Freedonian authorities to investigate.",
			actors: map[string]string{"Amnesty International": "AMN", "Freedonian authorities": "FRE"},
			want:   []string{"AMN>FRE 02"},
		},
		{
			name:   "a dateline parsed as the subject",
			text:   "KARLSTAD, Freedonia, May 20 (Reuters) - The Freedonian army and the Sylvanian Front signed a ceasefire agreement on Saturday after talks, mediators said.",
			actors: map[string]string{"Freedonian army": "FRE", "Sylvanian Front": "SYL"},
			want:   []string{"FRE>SYL 05", "SYL>FRE 05"},
		},
		{
			name:   "force used in a state",
			text:   "Freedonian jets struck targets in southern Sylvania on Sunday.",
			actors: map[string]string{"Freedonian jets": "FRE", "Sylvania": "SYL"},
			want:   []string{"FRE>SYL 19"},
		},
		{
			name:   "the strikes refer to the striker, not to a later denied act",
			text:   "Freedonian jets struck Sylvania on Sunday. The Ruritanian militia denied firing rockets at Freedonia. Sylvania condemned the strikes.",
			actors: map[string]string{"Freedonian jets": "FRE", "Sylvania": "SYL", "Ruritanian militia": "RUR", "Freedonia": "FRE"},
			want:   []string{"FRE>SYL 19", "SYL>FRE 11"},
			not:    []string{"SYL>RUR 11"},
		},
		{
			name:   "a threat met with a firm response",
			text:   "Freedonia summoned the Sylvanian envoy and warned that any incursion would be met with a firm response.",
			actors: map[string]string{"Freedonia": "FRE", "Sylvanian envoy": "SYL"},
			want:   []string{"FRE>SYL 13"},
		},
	})
}

// TestOnePhraseTwoParties codes a joint act of one phrase that names two
// actors, as the actor stage gives it: two mentions of one span.
func TestOnePhraseTwoParties(t *testing.T) {
	m, err := parse.Default()
	if err != nil {
		t.Skipf("skipping: no parser model: %v", err)
	}
	c, err := event.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "GENEVA - The foreign ministers of Freedonia and Sylvania agreed on Thursday to set up a joint commission, both sides said."
	phrase := "foreign ministers of Freedonia and Sylvania"
	in := articleInput(t, m, text, map[string]string{phrase: "FRE"})
	ms := in.Mentions.(event.MentionList)
	second := ms[0]
	second.Actor.Country, second.Actor.Code, second.Actor.Name = "SYL", "SYLGOV", "Sylvanian foreign minister"
	in.Mentions = append(ms, second)
	evs, misses := c.Explain(in)
	var got []string
	for _, ev := range evs {
		if ev.Mode == dyad.ModeAsserted && ev.Target != nil {
			got = append(got, ev.Source.Country+">"+ev.Target.Country+" "+ev.Root)
		}
	}
	for _, w := range []string{"FRE>SYL 03", "SYL>FRE 03"} {
		if !slices.Contains(got, w) {
			t.Errorf("missing %s; got %q\n%s", w, got, explainText(evs, misses))
		}
	}
}
