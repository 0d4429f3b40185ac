package where_test

import (
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/where"
)

// FuzzFind checks that Find never panics and that every place it returns
// points at its own text inside its sentence, in text order.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"BEIRUT, Lebanon — Hezbollah fighters crossed the border.",
		"MOSCOW (Reuters) - Talks in Syria's Aleppo province and Raqqa-based fighters near Moscow, Russia.",
		"Kerry met Philip Hammond in London. Hammond said U.S.-Russia talks in the U.S. would go on in St. John's.",
		"in in in Syria's's -- - — ( ) , ,",
		"Al-Quşayr Ḩalab Bogotá D.C. N.Y. Calif.",
		"\xff\xfe in Aleppo",
	} {
		f.Add(s)
	}
	g, err := where.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sents := split(text)
		places := g.Find(text, sents)
		if !sort.SliceIsSorted(places, func(i, j int) bool { return places[i].Start < places[j].Start }) {
			t.Errorf("places out of order: %+v", places)
		}
		for _, p := range places {
			checkPlace(t, text, sents, p)
		}
		for _, p := range g.Find(text, nil) {
			checkPlace(t, text, []dyad.Sentence{{Start: 0, End: len(text)}}, p)
		}
	})
}

func checkPlace(t *testing.T, text string, sents []dyad.Sentence, p dyad.Place) {
	t.Helper()
	if p.Start < 0 || p.End > len(text) || p.Start >= p.End || p.Text != text[p.Start:p.End] {
		t.Fatalf("bad offsets %d-%d for %q in %q", p.Start, p.End, p.Text, text)
	}
	if p.Sentence < 0 || p.Sentence >= len(sents) {
		t.Fatalf("bad sentence %d", p.Sentence)
	}
	if s := sents[p.Sentence]; p.Start < s.Start || p.End > s.End {
		t.Fatalf("place %q at %d-%d outside its sentence %d-%d", p.Text, p.Start, p.End, s.Start, s.End)
	}
	if p.Name == "" || len(p.Country) != 3 || p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
		t.Fatalf("bad place %+v", p)
	}
	if utf8.ValidString(text) && !utf8.ValidString(p.Text) {
		t.Fatalf("place text %q splits a character", p.Text)
	}
}

// FuzzParse checks that Parse never panics on a malformed gazetteer and that
// what it accepts can be searched.
func FuzzParse(f *testing.F) {
	f.Add("C\tSY\tSYR\tSyria\tDamascus\t33.5102\t36.2913\t16906283\t1\n" +
		"A\tSY.09\tAleppo\tAleppo\t170062\t36.2012\t37.1612\t2098210\n" +
		"P\t170063\tAleppo\tAleppo\tHalab;Haleb\tSY\t09\t36.2012\t37.1612\t2098210\tPPLA\n")
	f.Add("# comment\nC\tSY\tSYR\tSyria\t\t0\t0\t0\t0\nP\t1\tX\tX\t\tSY\t\t0\t0\t0\tPPL\n")
	f.Add("X\n\n\t\t\t")
	f.Fuzz(func(t *testing.T, input string) {
		g, err := where.Parse(strings.NewReader(input))
		if err != nil {
			return
		}
		g.Lookup("Aleppo", "")
		g.Country("SYR")
		text := "Shells fell in Aleppo, Syria and on Halab."
		for _, p := range g.Find(text, nil) {
			if p.Text != text[p.Start:p.End] {
				t.Fatalf("bad place %+v", p)
			}
		}
	})
}
