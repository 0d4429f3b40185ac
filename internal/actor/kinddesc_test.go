package actor_test

import (
	"testing"

	"github.com/dyad-project/dyad/internal/segment"
)

// TestKindDescriptions checks that "the group", "the alliance" and "the
// island" refer back to the last actor of their kind (kinddesc.go).
func TestKindDescriptions(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"the group after a named armed group",
			"The ELN freed two hostages on Monday. The group said it wanted new talks.",
			[]want{{mention: "group", name: "National Liberation Army"}}},
		{"the guerrilla group after a named armed group",
			"Troops clashed with the FARC near the border. The guerrilla group later withdrew into the hills.",
			[]want{{mention: "guerrilla group", name: "Revolutionary Armed Forces of Colombia"}}},
		{"the alliance after NATO",
			"NATO defence ministers met in Brussels on Thursday. The alliance said it would send more troops east.",
			[]want{{mention: "alliance", name: "North Atlantic Treaty Organization"}}},
		{"the alliance after its spokesperson",
			"A NATO spokesperson said on Friday that the alliance would stand by its members.",
			[]want{{mention: "alliance", name: "North Atlantic Treaty Organization"}}},
		{"the island after an island state",
			"China held naval drills near Taiwan on Monday. The island's defence ministry condemned the drills.",
			[]want{{mention: "island", country: "TWN"}, {mention: "island's defence ministry", country: "TWN"}}},
		{"an unknown office owned by a capital, and the island's leader",
			"China held drills near Taiwan. Beijing's Taiwan Affairs Office accused the island's leader of lying.",
			[]want{{mention: "Taiwan Affairs Office", country: "CHN", code: "CHNGOV"}, {mention: "island's leader", country: "TWN"}}},
		{"the island is not a continental state",
			"Kenya closed its border on Monday. The island was hit by a storm.",
			[]want{{mention: "island", absent: true}}},
		{"a group of people is no description",
			"The ELN freed two hostages. A group of farmers blocked the road, and the group of seven met.",
			[]want{{mention: "group", absent: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := find(t, tt.text, "2024-05-01")
			for _, w := range tt.want {
				a, _ := mentionOf(r, w.mention, w.n)
				if w.absent {
					if a != nil {
						t.Errorf("%q: got %s, want no actor\n%s", w.mention, a.Name, dump(r))
					}
					continue
				}
				if a == nil {
					t.Errorf("no mention %q\n%s", w.mention, dump(r))
					continue
				}
				if w.name != "" && a.Name != w.name {
					t.Errorf("%q: name %q, want %q\n%s", w.mention, a.Name, w.name, dump(r))
				}
				if w.country != "" && a.Country != w.country {
					t.Errorf("%q: country %q, want %q\n%s", w.mention, a.Country, w.country, dump(r))
				}
				if w.code != "" && a.Code != w.code {
					t.Errorf("%q: code %q, want %q\n%s", w.mention, a.Code, w.code, dump(r))
				}
			}
		})
	}
}

// TestCapitalAsParty checks that a capital that is the object of a verb or
// of "with" stands for its government, and one after "in" does not, as the
// parse says.
func TestCapitalAsParty(t *testing.T) {
	type tag struct{ word, upos, rel string }
	tests := []struct {
		name    string
		text    string
		tags    []tag
		capital string
		country string // "" when the capital must not be an actor
	}{
		{"object of with", "Tokyo lodged a protest with Pyongyang on Friday.",
			[]tag{{"lodged", "VERB", "root"}, {"Pyongyang", "PROPN", "obl"}}, "Pyongyang", "PRK"},
		{"talks with a capital", "The minister said Tehran was open to talks with Washington.",
			[]tag{{"said", "VERB", "root"}, {"Washington", "PROPN", "nmod"}}, "Washington", "USA"},
		{"object of a verb", "The ministry accused Georgetown of lying.",
			[]tag{{"accused", "VERB", "root"}, {"Georgetown", "PROPN", "obj"}}, "Georgetown", "GUY"},
		{"a place after in", "The two ministers met in Pyongyang on Friday.",
			[]tag{{"met", "VERB", "root"}, {"Pyongyang", "PROPN", "obl"}}, "Pyongyang", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := segment.Text(tt.text)
			for s := range sents {
				for k := range sents[s].Tokens {
					tok := &sents[s].Tokens[k]
					tok.UPOS, tok.Rel = "X", "dep"
					for _, g := range tt.tags {
						if tok.Text == g.word {
							tok.UPOS, tok.Rel = g.upos, g.rel
						}
					}
				}
			}
			r := defaultFinder(t).Find(tt.text, sents, "2024-05-01")
			a, _ := mentionOf(r, tt.capital, 0)
			switch {
			case tt.country == "" && a != nil:
				t.Errorf("%q: got %s, want no actor\n%s", tt.capital, a.Name, dump(r))
			case tt.country != "" && a == nil:
				t.Errorf("%q: no actor\n%s", tt.capital, dump(r))
			case tt.country != "" && a.Country != tt.country:
				t.Errorf("%q: country %q, want %q\n%s", tt.capital, a.Country, tt.country, dump(r))
			}
		})
	}
}

// TestSideIsNotNamedGroup checks that an agent naming a side, not one
// group, does not take a named group met before.
func TestSideIsNotNamedGroup(t *testing.T) {
	r := find(t, "Hezbollah fighters crossed the border on Monday. The opposition condemned the raid.", "2024-05-01")
	if a, _ := mentionOf(r, "opposition", 0); a != nil && a.Name == "Hezbollah" {
		t.Errorf("the opposition taken as Hezbollah\n%s", dump(r))
	}
	r = find(t, "Hezbollah fighters crossed the border on Monday. The militant group later withdrew.", "2024-05-01")
	if a, _ := mentionOf(r, "militant group", 0); a == nil || a.Name != "Hezbollah" {
		t.Errorf("the militant group not taken as Hezbollah\n%s", dump(r))
	}
}
