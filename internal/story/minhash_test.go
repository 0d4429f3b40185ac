package story

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func hashes(s string) []uint64 {
	var out []uint64
	eachWord(s, func(h uint64) { out = append(out, h) })
	return out
}

func TestEachWord(t *testing.T) {
	tests := []struct {
		name, a, b string
		words      int
	}{
		{"quote styles", "Assad’s “departure” — soon", "assad's \"departure\" -- soon", 4},
		{"case and accents", "ÉLYSÉE Palace", "élysée palace", 2},
		{"spacing and punctuation", "Kerry,  Lavrov\n\nmet.", "kerry lavrov met", 3},
		{"digits", "At least 25 killed", "at least 25 killed", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := hashes(tt.a), hashes(tt.b)
			if len(a) != tt.words || len(b) != tt.words {
				t.Fatalf("%d and %d words, want %d", len(a), len(b), tt.words)
			}
			for i := range a {
				if a[i] != b[i] {
					t.Errorf("word %d differs", i)
				}
			}
		})
	}
	if hashes("Kerry")[0] == hashes("Lavrov")[0] {
		t.Error("different words hash alike")
	}
}

// shingleSet returns the exact set of k-word shingles of a list of words.
func shingleSet(words []string, k int) map[string]bool {
	out := map[string]bool{}
	for i := 0; i+k <= len(words); i++ {
		out[strings.Join(words[i:i+k], " ")] = true
	}
	return out
}

func TestJaccardEstimate(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 3000)
	for i := range vocab {
		vocab[i] = string(rune('a'+i%26)) + strings.Repeat(string(rune('a'+i/26%26)), 1+i/676)
	}
	base := make([]string, 500)
	for i := range base {
		base[i] = vocab[rng.IntN(len(vocab))]
	}
	m := newMinhasher(5, 128)
	sa, sb := make([]uint16, 128), make([]uint16, 128)
	mins := make([]uint32, 128)
	m.signature(strings.Join(base, " "), sa, mins)
	for _, changed := range []int{0, 5, 20, 50, 100, 250} {
		other := append([]string(nil), base...)
		for k := 0; k < changed; k++ {
			other[rng.IntN(len(other))] = vocab[rng.IntN(len(vocab))]
		}
		a, b := shingleSet(base, 5), shingleSet(other, 5)
		inter := 0
		for s := range a {
			if b[s] {
				inter++
			}
		}
		truth := float64(inter) / float64(len(a)+len(b)-inter)
		m.signature(strings.Join(other, " "), sb, mins)
		est := jaccard(sa, sb)
		// Three standard errors of a 128-hash estimate.
		if tol := 3 * math.Sqrt(truth*(1-truth)/128); math.Abs(est-truth) > tol+1e-9 {
			t.Errorf("%d words changed: estimate %.3f, true Jaccard %.3f (tolerance %.3f)", changed, est, truth, tol)
		}
	}
}

func TestSignatureDeterministic(t *testing.T) {
	text := "The two sides reached common ground for a third round of talks on the future of the country."
	s1, s2 := make([]uint16, 64), make([]uint16, 64)
	mins := make([]uint32, 64)
	newMinhasher(5, 64).signature(text, s1, mins)
	newMinhasher(5, 64).signature(text, s2, mins)
	for i := range s1 {
		if s1[i] != s2[i] {
			t.Fatal("two minhashers disagree: seeds are not fixed")
		}
	}
	if n := newMinhasher(5, 64).signature("too short", s1, mins); n != 0 {
		t.Errorf("two words gave %d shingles", n)
	}
}

func TestLSHCandidateCap(t *testing.T) {
	l := newLSH(16, 8)
	sig := make([]uint16, 128)
	for i := range sig {
		sig[i] = uint16(i * 7)
	}
	for id := int32(0); id < 1000; id++ {
		l.insert(id, sig)
	}
	var got []int32
	l.candidates(sig, 50, func(id int32) { got = append(got, id) })
	if len(got) != 50 || got[0] != 999 {
		t.Errorf("candidates: %d, first %v; want the 50 newest", len(got), got[:1])
	}
	other := append([]uint16(nil), sig...)
	for i := range other {
		if i%8 == 0 {
			other[i]++ // every band differs
		}
	}
	n := 0
	l.candidates(other, 50, func(int32) { n++ })
	if n != 0 {
		t.Errorf("%d candidates for a signature sharing no band", n)
	}
}

func TestEventDay(t *testing.T) {
	pub, _ := parseDay("2015-12-17")
	dayOf := func(s string) int32 { d, _ := parseDay(s); return d }
	tests := []struct {
		name, date string
		want       int32
	}{
		{"full date", "2015-12-15", dayOf("2015-12-15")},
		{"none", "", pub},
		{"month of publication", "2015-12", pub},
		{"earlier month", "2014-09", dayOf("2014-09-01")},
		{"year of publication", "2015", pub},
		{"earlier year", "2014", dayOf("2014-01-01")},
		{"garbage", "Tuesday", pub},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := eventDay(tt.date, pub); got != tt.want {
				t.Errorf("eventDay(%q) = %s, want %s", tt.date, formatDay(got), formatDay(tt.want))
			}
		})
	}
	if eventDay("", noDay) != noDay {
		t.Error("no date and no fallback should stay unknown")
	}
}

func TestPlacesCompatible(t *testing.T) {
	x, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	aleppo := Place{Name: "Aleppo", Country: "SYR", Lat: 36.2012, Lon: 37.1612, GeonameID: 170063}
	// A district of Aleppo a few kilometres from the centre.
	district := Place{Name: "Bustan al-Qasr", Country: "SYR", Lat: 36.19, Lon: 37.13, GeonameID: 1}
	homs := Place{Name: "Homs", Country: "SYR", Lat: 34.724, Lon: 36.7256, GeonameID: 169577}
	syria := Place{Country: "SYR"}
	iraq := Place{Country: "IRQ"}
	named := Place{Name: "aleppo"}
	tests := []struct {
		name string
		a, b Place
		want bool
	}{
		{"unknown", aleppo, Place{}, true},
		{"same city", aleppo, aleppo, true},
		{"district within the radius", aleppo, district, true},
		{"cities 160 km apart", aleppo, homs, false},
		{"city and its country", aleppo, syria, true},
		{"city and another country", aleppo, iraq, false},
		{"name without coordinates", Place{Name: "Aleppo"}, named, true},
		{"different names without coordinates", Place{Name: "Homs"}, named, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := x.placesCompatible(x.placeOfID(tt.a), x.placeOfID(tt.b)); got != tt.want {
				t.Errorf("compatible = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestLeadWords(t *testing.T) {
	got := strings.Join(leadWords("Kerry said on Tuesday that the US and Russia agreed to 250 new talks in Moscow, Kerry said.", 60), " ")
	if want := "kerry russia agreed talks moscow"; got != want {
		t.Errorf("leadWords = %q, want %q", got, want)
	}
	if got := strings.Join(leadWords("Kerry Lavrov Moscow", 2), " "); got != "kerry lavrov" {
		t.Errorf("leadWords with a limit of 2 = %q", got)
	}
}
