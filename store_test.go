package dyad_test

import (
	"errors"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
)

func TestContentHash(t *testing.T) {
	// The SHA-256 of "abc" from FIPS 180-2.
	if got := dyad.ContentHash("abc"); got != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("ContentHash(abc) = %s", got)
	}
}

func TestParseQuery(t *testing.T) {
	w := func(words ...string) dyad.Term { return dyad.Term{Words: words} }
	tests := []struct {
		name string
		q    string
		want dyad.Query
	}{
		{"words", "Ceasefire Syria", dyad.Query{All: [][]dyad.Term{{w("ceasefire")}, {w("syria")}}}},
		{"phrase", `"peace talks"`, dyad.Query{All: [][]dyad.Term{{w("peace", "talks")}}}},
		{"prefix", "negotiat*", dyad.Query{All: [][]dyad.Term{{{Words: []string{"negotiat"}, Prefix: true}}}}},
		{"or chain", "a OR b OR c d", dyad.Query{All: [][]dyad.Term{{w("a"), w("b"), w("c")}, {w("d")}}}},
		{"negation", `talks -"united nations"`, dyad.Query{All: [][]dyad.Term{{w("talks")}}, None: []dyad.Term{w("united", "nations")}}},
		{"dash inside a word", "U.S.-led", dyad.Query{All: [][]dyad.Term{{w("u", "s", "led")}}}},
		{"lone dash", "talks - truce", dyad.Query{All: [][]dyad.Term{{w("talks")}, {w("truce")}}}},
		{"unclosed phrase", `"peace talks`, dyad.Query{All: [][]dyad.Term{{w("peace", "talks")}}}},
		{"diacritics kept for the adapter", "Davutoğlu", dyad.Query{All: [][]dyad.Term{{w("davutoğlu")}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := dyad.ParseQuery(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseQuery(%q) = %+v, want %+v", tt.q, got, tt.want)
			}
		})
	}
	for _, q := range []string{"", "-truce", "OR", `"" ... !`} {
		if _, err := dyad.ParseQuery(q); !errors.Is(err, dyad.ErrInvalid) {
			t.Errorf("ParseQuery(%q): %v, want ErrInvalid", q, err)
		}
	}
}

func TestActorValueIsCode(t *testing.T) {
	tests := []struct {
		v    string
		want bool
	}{
		{"USA", true}, {"IGOUNO", true}, {"USAGOV2", true}, {"Usa", false}, {"Angela Merkel", false}, {"", false}, {"NATO ", false},
	}
	for _, tt := range tests {
		t.Run(tt.v, func(t *testing.T) {
			if got := dyad.ActorValueIsCode(tt.v); got != tt.want {
				t.Errorf("ActorValueIsCode(%q) = %v", tt.v, got)
			}
		})
	}
}

func TestFilterValidate(t *testing.T) {
	tests := []struct {
		name string
		err  error
	}{
		{"event ok", (&dyad.EventFilter{From: "2016-01-01", To: "2016-12-31", Quad: 4, Mode: dyad.ModeNegated, Sort: dyad.SortGoldsteinDesc}).Validate()},
		{"quote ok", (&dyad.QuoteFilter{Sort: dyad.SortDateDesc}).Validate()},
		{"search ok", (&dyad.SearchFilter{Query: "talks", Kind: dyad.HitQuote}).Validate()},
		{"timeline ok", (&dyad.TimelineOptions{Interval: dyad.IntervalWeek, By: dyad.GroupRoot}).Validate()},
		{"network ok", (&dyad.NetworkOptions{Node: dyad.NodeName, Limit: 10}).Validate()},
		{"actor ok", (&dyad.ActorFilter{Sort: dyad.SortArticles}).Validate()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err != nil {
				t.Error(tt.err)
			}
		})
	}
	bad := []struct {
		name string
		err  error
	}{
		{"impossible date", (&dyad.EventFilter{To: "2016-02-30"}).Validate()},
		{"negative offset", (&dyad.EventFilter{Page: dyad.Page{Offset: -1}}).Validate()},
		{"quote date", (&dyad.QuoteFilter{From: "yesterday"}).Validate()},
		{"search query", (&dyad.SearchFilter{Query: "-only"}).Validate()},
		{"network limit", (&dyad.NetworkOptions{Limit: -1}).Validate()},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			if !errors.Is(tt.err, dyad.ErrInvalid) {
				t.Errorf("error %v, want ErrInvalid", tt.err)
			}
		})
	}
}

// FuzzParseQuery checks that any input parses without panicking into terms
// of non-empty words, or is refused as invalid.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"ceasefire", `"peace talks" -Syria`, "a OR b OR", "x* -y*", `"unclosed`, "-", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := dyad.ParseQuery(s)
		if err != nil {
			if !errors.Is(err, dyad.ErrInvalid) {
				t.Fatalf("ParseQuery(%q): %v", s, err)
			}
			return
		}
		if len(q.All) == 0 {
			t.Fatalf("ParseQuery(%q) has no clause and no error", s)
		}
		for _, c := range q.All {
			for _, term := range c {
				checkTerm(t, s, term)
			}
		}
		for _, term := range q.None {
			checkTerm(t, s, term)
		}
	})
}

func checkTerm(t *testing.T, s string, term dyad.Term) {
	t.Helper()
	if len(term.Words) == 0 {
		t.Fatalf("ParseQuery(%q): a term without words", s)
	}
	for _, w := range term.Words {
		if w == "" || !utf8.ValidString(w) && utf8.ValidString(s) {
			t.Fatalf("ParseQuery(%q): bad word %q", s, w)
		}
	}
}
