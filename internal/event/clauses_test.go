package event_test

import (
	"testing"
)

// TestClauseSubjects codes events whose source is not the trigger's own
// subject in the parse: a dateline parsed as a second subject, a finite
// conjunct joined to a gerund, a sentence-final participle adjunct, a time
// phrase between subject and verb; and a bare "(to)" pattern that must not
// match an infinitive.
func TestClauseSubjects(t *testing.T) {
	runDyadCases(t, []dyadCase{
		{
			name:   "dateline parsed as a second subject",
			text:   "Headline here\nKARLSTAD — The Freedonian government suspended peace talks with the Sylvanian Front on Sunday.",
			actors: map[string]string{"Freedonian government": "FRE", "Sylvanian Front": "SYL"},
			want:   []string{"FRE>SYL 16"},
		},
		{
			name:   "participle adjunct after an object-controlled infinitive",
			text:   "Freedonia on Wednesday ordered three Sylvanian diplomats to leave the country within 72 hours, accusing Sylvania of spying on its army.",
			actors: map[string]string{"Freedonia": "FRE", "Sylvanian diplomats": "SYL", "Sylvania": "SYL"},
			want:   []string{"FRE>SYL 11"},
			not:    []string{"SYL>FRE 11", "SYL>SYL 11"},
		},
		{
			name:   "finite conjunct joined to a gerund shares the main subject",
			text:   "The Freedonian Foreign Office accused the Sylvanian government of allowing the rebels to operate from its soil and threatened Sylvania with sanctions.",
			actors: map[string]string{"Freedonian Foreign Office": "FRE", "Sylvanian government": "SYL", "Sylvania": "SYL"},
			want:   []string{"FRE>SYL 11", "FRE>SYL 13"},
		},
		{
			name:   "participle between commas describes its noun",
			text:   "Freedonian soldiers, accusing Sylvania of provocations, fired on the border post.",
			actors: map[string]string{"Freedonian soldiers": "FRE", "Sylvania": "SYL"},
			want:   []string{"FRE>SYL 11"},
		},
		{
			name:   "dispatched forces to monitor them is no export",
			text:   "The Freedonian defence ministry said it had detected Sylvanian warships and had dispatched its own forces to monitor them.",
			actors: map[string]string{"Freedonian defence ministry": "FRE", "Sylvanian warships": "SYL"},
			not:    []string{"FRE>SYL 06", "FRE>FRE 06"},
		},
	})
}
