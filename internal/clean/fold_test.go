package clean_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/transform"

	"github.com/dyad-project/dyad/internal/clean"
)

func ExampleQuotes() {
	s, _, _ := transform.String(clean.Quotes(), "“Assad’s future,” he said, ‘is open’ «today»")
	fmt.Println(s)
	// Output: "Assad's future," he said, 'is open' "today"
}

func ExampleDashes() {
	s, _, _ := transform.String(clean.Dashes(), "2014–2015 — a war ― and a truce")
	fmt.Println(s)
	// Output: 2014-2015 -- a war -- and a truce
}

func ExampleEllipsis() {
	s, _, _ := transform.String(clean.Ellipsis(), "the modality is… that’s")
	fmt.Println(s)
	// Output: the modality is... that’s
}

func ExampleSpaces() {
	s, _, _ := transform.String(clean.Spaces(), "the\u00a0DAESH\u2009group")
	fmt.Printf("%q\n", s)
	// Output: "the DAESH group"
}

func ExampleZeroWidth() {
	s, _, _ := transform.String(clean.ZeroWidth(), "nego\u00adtiate\u200b now\ufeff")
	fmt.Printf("%q\n", s)
	// Output: "negotiate now"
}

func ExampleCompat() {
	// Full-width letters and ligatures fold; the superscript keeps its
	// meaning; "e" + combining acute is composed.
	s, _, _ := transform.String(clean.Compat(), "ＵＮ ﬁghters 5 km² cafe\u0301")
	fmt.Println(s)
	// Output: UN fighters 5 km² café
}

func ExampleFold() {
	fmt.Println(clean.Fold("I don’t think Russia wants that — “no”…"))
	// Output: I don't think Russia wants that -- "no"...
}

func ExampleNewFolder() {
	r := transform.NewReader(strings.NewReader("Kerry’s\u00a0visit – day two"), clean.NewFolder())
	var b strings.Builder
	buf := make([]byte, 4)
	for {
		n, err := r.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	fmt.Println(b.String())
	// Output: Kerry's visit - day two
}

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ASCII unchanged", "Kerry said \"no\" -- it's over...", "Kerry said \"no\" -- it's over..."},
		{"curly apostrophes and primes", "n’t ‘a’ ‛b′", "n't 'a' 'b'"},
		{"curly and angle double quotes", "“a” „b“ «c» ″", `"a" "b" "c" "`},
		{"en dash, minus and hyphens", "a–b −5 x‐y z‑w", "a-b -5 x-y z-w"},
		{"em dash and bar", "a—b―c", "a--b--c"},
		{"ellipsis", "…", "..."},
		{"unicode spaces", "a\u00a0b\u2002c\u202fd\u3000e", "a b c d e"},
		{"zero-width removed", "\ufeffa\u200bb\u200cc\u200dd\u2060e\u00adf", "abcdef"},
		{"full-width", "ＡＢＣ１２３！", "ABC123!"},
		{"ligature", "ﬁnal", "final"},
		{"mathematical bold", "\U0001D400\U0001D401", "AB"},
		{"superscript kept", "m² ½", "m² ½"},
		{"NFC composition", "Mu\u0308nchen", "München"},
		{"Arabic letters unchanged", "بشار الأسد", "بشار الأسد"},
		{"invalid UTF-8 kept", "a\xffb’", "a\xffb'"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clean.Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestFoldLong checks folding of a text longer than the transform buffers.
func TestFoldLong(t *testing.T) {
	in := strings.Repeat("Assad’s “war” — … \u00a0", 2000)
	want := strings.Repeat(`Assad's "war" -- ...  `, 2000)
	if got := clean.Fold(in); got != want {
		t.Errorf("Fold of a long text differs: got %d bytes, want %d", len(got), len(want))
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "a’b", "\xff\xfe", "ＡＢ…—", "e\u0301\u00ad"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := clean.Fold(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("Fold(%q) = %q is not valid UTF-8", s, out)
		}
		if again := clean.Fold(out); utf8.ValidString(s) && again != out {
			t.Fatalf("Fold is not idempotent: %q -> %q -> %q", s, out, again)
		}
	})
}
