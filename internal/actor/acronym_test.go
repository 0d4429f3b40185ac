package actor_test

import (
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/actor"
	"github.com/dyad-project/dyad/internal/parse"
	"github.com/dyad-project/dyad/internal/segment"
)

// findParsed finds the actors of a parsed article whose first line is its
// headline and the rest body text, as the pipeline gives them.
func findParsed(t *testing.T, text, published string) *actor.Result {
	t.Helper()
	m, err := parse.Default()
	if err != nil {
		t.Skipf("skipping: no parser model: %v", err)
	}
	sents := segment.Text(text)
	for i := range sents {
		sents[i].Kind = dyad.KindBody
		if i == 0 {
			sents[i].Kind = dyad.KindHeadline
		}
		m.Annotate(&sents[i])
	}
	return defaultFinder(t).Find(text, sents, published)
}

// TestArticleContext checks readings that depend on the article around a
// phrase: acronyms it defines, armed groups it names, body sentences full
// of names, the object of a verb of charging, and domestic offices.
func TestArticleContext(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"an acronym the article defines beats the dictionary's",
			"Freedonia and RSF sign truce\n\nKARLSTAD (Reuters) - The Freedonian army and the paramilitary Rapid Support Forces (RSF) signed a truce on Saturday. The RSF said its fighters would respect it.",
			[]want{{mention: "RSF", n: 0, name: "Rapid Support Forces", code: "IMG", noCountry: true},
				{mention: "RSF", n: 2, name: "Rapid Support Forces", code: "IMG"},
				{mention: "Rapid Support Forces", name: "Rapid Support Forces"}}},
		{"an unknown armed group is a militarised group",
			"Clashes in the north\n\nThe Free Karlstad Army attacked a police checkpoint near the border on Monday.",
			[]want{{mention: "Free Karlstad Army", code: "IMG", noCountry: true}}},
		{"a body sentence of names is not a headline in title case",
			"Talks in Nairobi\n\nKenyan President Wilbur Rotich met Ethiopian Prime Minister Abebe Alemu in Nairobi on Friday.",
			[]want{{mention: "Kenyan President Wilbur Rotich", name: "Wilbur Rotich", country: "KEN"},
				{mention: "Ethiopian Prime Minister Abebe Alemu", name: "Abebe Alemu", country: "ETH"}}},
		{"accused the government of: the charge does not make the agent a modifier",
			"Protests in Kenya\n\nKenyan police fired tear gas at protesters in Nairobi on Tuesday. The opposition leader accused the government of brutality.",
			[]want{{mention: "government", country: "KEN", sector: "GOV"},
				{mention: "opposition leader", country: "KEN"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := findParsed(t, tt.text, "2025-05-20")
			for _, w := range tt.want {
				a, _ := mentionOf(r, w.mention, w.n)
				switch {
				case a == nil:
					t.Errorf("no mention %q (#%d)\n%s", w.mention, w.n, dump(r))
				case w.name != "" && a.Name != w.name:
					t.Errorf("%q: name %q, want %q\n%s", w.mention, a.Name, w.name, dump(r))
				case w.country != "" && a.Country != w.country:
					t.Errorf("%q: country %q, want %q\n%s", w.mention, a.Country, w.country, dump(r))
				case w.noCountry && a.Country != "":
					t.Errorf("%q: country %q, want none", w.mention, a.Country)
				case w.code != "" && a.Code != w.code:
					t.Errorf("%q: code %q, want %q", w.mention, a.Code, w.code)
				case w.sector != "" && a.Sector != w.sector:
					t.Errorf("%q: sector %q, want %q", w.mention, a.Sector, w.sector)
				}
			}
		})
	}
}
