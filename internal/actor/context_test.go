package actor_test

import (
	"sort"
	"strings"
	"testing"
)

// TestContext checks how an agent takes its country from the words around
// it (context.go).
func TestContext(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"a list of states after of",
			"The foreign ministers of Norway and Finland met in Oslo on Monday.",
			[]want{{mention: "foreign ministers of Norway and Finland", country: "FIN", sector: "GOV"}}},
		{"a group after from",
			"Fighters from Hezbollah crossed the border overnight.",
			[]want{{mention: "Fighters from Hezbollah", name: "Hezbollah"}}},
		{"a spokesman for a government",
			"A spokesman for the Kenyan government denied the report on Tuesday.",
			[]want{{mention: "spokesman for the Kenyan government", country: "KEN", sector: "GOV"}}},
		{"a spokesperson for a ministry",
			"A spokesperson for Iran's foreign ministry rejected the claim.",
			[]want{{mention: "spokesperson for Iran's foreign ministry", country: "IRN"}}},
		{"the home country of the article",
			"Kenya's president called for calm on Monday. The Kenyan opposition rejected the appeal. Protesters blocked roads in several towns.",
			[]want{{mention: "Protesters", country: "KEN", sector: "OPP"}}},
		{"no home country when two states share the story",
			"Peru and Chile signed a trade deal on Monday. Protesters gathered outside the venue.",
			[]want{{mention: "Protesters", noCountry: true}}},
		{"a state named as the place of the sentence",
			"Soldiers opened fire on a crowd in Mali on Sunday, witnesses said.",
			[]want{{mention: "Soldiers", country: "MLI", sector: "MIL"}}},
		{"a ministry seated in a capital",
			"The Foreign Office in Islamabad summoned the envoy.",
			[]want{{mention: "Foreign Office", country: "PAK", sector: "GOV"}}},
		{"a group's government in a capital",
			"Officials said the Taliban government in Kabul had rejected the demand.",
			[]want{{mention: "Taliban government", country: "AFG", sector: "GOV"}}},
		{"a title after the name",
			"Maria Lopez, the foreign minister of Peru, arrived in Lima on Monday.",
			[]want{{mention: "Maria Lopez", country: "PER", sector: "GOV", via: "title"}}},
		{"an agent opening a headline",
			"Government suspends talks with rebels\n\nThe Colombian government suspended talks on Sunday. Colombia's defence minister said the army would act.",
			[]want{{mention: "Government", country: "COL", sector: "GOV"}}},
		{"a regional organisation",
			"Caricom leaders met on Friday to discuss the border dispute.",
			[]want{{mention: "Caricom leaders", name: "Caribbean Community", code: "IGOCRB"}}},
		{"a UN mission",
			"The UN Verification Mission in Colombia urged both sides to respect the truce.",
			[]want{{mention: "UN Verification Mission in Colombia", code: "IGOUNO"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := find(t, tt.text, "2024-05-01")
			for _, w := range tt.want {
				a, m := mentionOf(r, w.mention, w.n)
				if a == nil {
					t.Errorf("no mention %q\n%s", w.mention, dump(r))
					continue
				}
				if w.noCountry && a.Country != "" {
					t.Errorf("%q: country %q, want none\n%s", w.mention, a.Country, dump(r))
				}
				if w.country != "" {
					// A mention may stand for several actors ("of Norway
					// and Finland"): one of them must be the one wanted.
					var got []string
					for _, x := range r.Mentions() {
						if x.Text == w.mention {
							got = append(got, x.Actor.Country)
						}
					}
					sort.Strings(got)
					if !strings.Contains(" "+strings.Join(got, " ")+" ", " "+w.country+" ") {
						t.Errorf("%q: countries %v, want %s\n%s", w.mention, got, w.country, dump(r))
					}
				}
				if w.name != "" && a.Name != w.name {
					t.Errorf("%q: name %q, want %q", w.mention, a.Name, w.name)
				}
				if w.sector != "" && a.Sector != w.sector {
					t.Errorf("%q: sector %q, want %q", w.mention, a.Sector, w.sector)
				}
				if w.code != "" && a.Code != w.code {
					t.Errorf("%q: code %q, want %q", w.mention, a.Code, w.code)
				}
				if w.via != "" && m.Via != w.via {
					t.Errorf("%q: via %q, want %q", w.mention, m.Via, w.via)
				}
			}
		})
	}
}

// TestOfListGivesEachState checks that an agent before a list of states
// after "of" is an actor of each.
func TestOfListGivesEachState(t *testing.T) {
	r := find(t, "The defence ministers of Ghana and Togo signed the pact.", "2024-05-01")
	var got []string
	for _, m := range r.Mentions() {
		if strings.HasPrefix(m.Text, "defence ministers of") {
			got = append(got, m.Actor.Code)
		}
	}
	sort.Strings(got)
	if strings.Join(got, " ") != "GHAGOVMIL TGOGOVMIL" {
		t.Errorf("codes %v, want [GHAGOVMIL TGOGOVMIL]\n%s", got, dump(r))
	}
}
