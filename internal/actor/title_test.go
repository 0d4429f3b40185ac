package actor_test

import "testing"

// TestTitleInApposition checks that a person named with an honorific takes
// the codes of a description in apposition, after or before the name
// (title.go), and that an office ending in a plural noun is still one
// person's title ("Minister for Foreign Affairs").
func TestTitleInApposition(t *testing.T) {
	tests := []struct {
		name string
		text string
		want want
	}{
		{"office after the name",
			"On Monday, Mr. Hiro Tanaka, Minister for Foreign Affairs of Japan, held talks in Hanoi.",
			want{mention: "Mr. Hiro Tanaka", country: "JPN", sector: "GOV"}},
		{"office of a state after the name",
			"Ms. Lena Berg, Minister of Foreign Affairs of Sweden, arrived in Oslo.",
			want{mention: "Ms. Lena Berg", country: "SWE", sector: "GOV"}},
		{"a UN coordinator before the name",
			"The United Nations Humanitarian Coordinator in Sudan, Ms. Rita Moss, condemned the shelling.",
			want{mention: "Ms. Rita Moss", code: "IGOUNO"}},
		{"an organisation's office before the name",
			"The UN envoy for Yemen, Mr. Omar Haddad, urged both sides to talk.",
			want{mention: "Mr. Omar Haddad", code: "IGOUNO"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := find(t, tt.text, "2024-05-01")
			w := tt.want
			a, _ := mentionOf(r, w.mention, 0)
			switch {
			case a == nil:
				t.Errorf("no mention %q\n%s", w.mention, dump(r))
			case w.country != "" && (a.Country != w.country || a.Sector != w.sector):
				t.Errorf("%q: %s %s, want %s %s\n%s", w.mention, a.Country, a.Sector, w.country, w.sector, dump(r))
			case w.code != "" && len(a.Code) < len(w.code) || w.code != "" && a.Code[:len(w.code)] != w.code:
				t.Errorf("%q: code %q, want %s...\n%s", w.mention, a.Code, w.code, dump(r))
			}
		})
	}
}
