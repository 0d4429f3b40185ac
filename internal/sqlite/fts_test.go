package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/dyad-project/dyad"
)

func TestFTSMatch(t *testing.T) {
	tests := []struct {
		name, q, want string
	}{
		{"word", "ceasefire", `("ceasefire")`},
		{"words", "Ceasefire  Syria", `("ceasefire") AND ("syria")`},
		{"phrase", `"peace talks" Geneva`, `("peace talks") AND ("geneva")`},
		{"prefix", "negotiat*", `("negotiat"*)`},
		{"or", "truce OR ceasefire talks", `("truce" OR "ceasefire") AND ("talks")`},
		{"not", "talks -Syria -\"United Nations\"", `(("talks")) NOT ("syria" OR "united nations")`},
		{"punctuation splits words", "U.S.-led (coalition)", `("u s led") AND ("coalition")`},
		{"fts syntax is text", `NEAR(a b) col:x ^y "z`, `("near a") AND ("b") AND ("col x") AND ("y") AND ("z")`},
		{"lower-case or is a word", "truce or ceasefire", `("truce") AND ("or") AND ("ceasefire")`},
		{"leading OR is ignored", "OR truce", `("truce")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ftsMatch(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("ftsMatch(%q) = %s, want %s", tt.q, got, tt.want)
			}
		})
	}
	for _, q := range []string{"", "   ", "-truce", `"" - *`, "OR"} {
		if _, err := ftsMatch(q); !errors.Is(err, dyad.ErrInvalid) {
			t.Errorf("ftsMatch(%q): %v, want ErrInvalid", q, err)
		}
	}
}

func TestParseSnippet(t *testing.T) {
	tests := []struct {
		name, in, want string
		spans          []dyad.Span
	}{
		{"none", "no match here", "no match here", []dyad.Span{}},
		{"two", "…the \x02talks\x03 in \x02Geneva\x03…", "…the talks in Geneva…", []dyad.Span{{Start: 7, End: 12}, {Start: 16, End: 22}}},
		{"unclosed", "a \x02b", "a b", []dyad.Span{}},
		{"empty", "a \x02\x03b", "a b", []dyad.Span{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, spans := parseSnippet(tt.in)
			if got != tt.want || !reflect.DeepEqual(spans, tt.spans) {
				t.Errorf("parseSnippet(%q) = %q %v, want %q %v", tt.in, got, spans, tt.want, tt.spans)
			}
		})
	}
}

// FuzzFTSMatch checks that whatever a user types, the translation is either
// refused as invalid or accepted by FTS5: no query can raise an FTS5 syntax
// error.
func FuzzFTSMatch(f *testing.F) {
	for _, s := range []string{"ceasefire", `"peace talks" -Syria`, "a OR b OR", `NEAR("a" b, 2)`, "x* -y*", `"unclosed`,
		"col:val", "^start", "AND OR NOT", "(((", "Davutoğlu's", "-\"\"", "'single'"} {
		f.Add(s)
	}
	db, err := Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	f.Fuzz(func(t *testing.T, q string) {
		m, err := ftsMatch(q)
		if err != nil {
			if !errors.Is(err, dyad.ErrInvalid) {
				t.Fatalf("ftsMatch(%q): %v", q, err)
			}
			return
		}
		var n int
		if err := db.db.QueryRow("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", m).Scan(&n); err != nil {
			t.Fatalf("ftsMatch(%q) = %s, which FTS5 refuses: %v", q, m, err)
		}
	})
}
