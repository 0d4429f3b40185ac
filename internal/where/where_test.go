package where_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/where"
)

func gazetteer(t testing.TB) *where.Gazetteer {
	t.Helper()
	g, err := where.Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// describe renders a place as "Text=Name/ISO3" plus "/admin1" for a
// region-level place, for comparing with the tables.
func describe(p dyad.Place) string {
	return p.Text + "=" + p.Name + "/" + p.Country
}

func TestFind(t *testing.T) {
	g := gazetteer(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"locative", "Kerry addressed the ministerial council in Belgrade on Thursday.",
			[]string{"Belgrade=Belgrade/SRB"}},
		{"landmark then city", "Putin received the delegation at the Kremlin in Moscow late on Tuesday.",
			[]string{"Moscow=Moscow/RUS"}},
		{"country possessive and province", "Monitors counted 3,000 dead last year in Syria's Aleppo province.",
			[]string{"Aleppo=Aleppo/SYR"}},
		{"city comma country", "The two ministers met in Moscow, Russia on Tuesday.",
			[]string{"Moscow=Moscow/RUS"}},
		{"city comma state", "The storm flooded parts of Paris, Texas overnight.",
			[]string{"Paris=Paris/USA"}},
		{"state abbreviation", "The mayor of Lawrence, Kan., said the bridge would reopen.",
			[]string{"Lawrence=Lawrence/USA"}},
		{"country after preposition", "Rebels could fight the militants in Syria before the election.",
			[]string{"Syria=Syria/SYR"}},
		{"dateline dash", "DAMASCUS – Government forces shelled the suburbs overnight.",
			[]string{"DAMASCUS=Damascus/SYR"}},
		{"dateline agency", "MOSCOW (Reuters) - Russia said on Friday it would extend the truce.",
			[]string{"MOSCOW=Moscow/RUS"}},
		{"dateline with country", "BEIRUT, Lebanon — Hezbollah fighters crossed the border at dawn.",
			[]string{"BEIRUT=Beirut/LBN"}},
		{"dateline with date", "WASHINGTON, Dec 3 (Reuters) - The Pentagon announced new sanctions.",
			[]string{"WASHINGTON=Washington/USA"}},
		{"based suffix", "The army plans to drive out Raqqa-based fighters before winter.",
			[]string{"Raqqa=Ar Raqqah/SYR"}},
		{"around", "The truce held in the eastern Ghouta region around Damascus since the weekend.",
			[]string{"Damascus=Damascus/SYR"}},
		{"airbase", "Russia's buildup at Syria's Latakia airbase alarmed the allies.",
			[]string{"Latakia=Latakia/SYR"}},
		{"list after preposition", "The ministers discussed conflicts in Yemen, Libya and Ukraine.",
			[]string{"Yemen=Yemen/YEM", "Libya=Libya/LBY", "Ukraine=Ukraine/UKR"}},
		{"capital of possessive country", "Opposition groups gathered in Saudi Arabia's capital Riyadh this week.",
			[]string{"Riyadh=Riyadh/SAU"}},
		{"demonym city of", "Shelling hit the Syrian city of Homs again.",
			[]string{"Homs=Homs/SYR"}},
		{"motion", "Thousands fled to Turkey last week.",
			[]string{"Turkey=Turkey/TUR"}},
		{"multi-word alternate", "The group will meet on Friday in New York with the envoys.",
			[]string{"New York=New York City/USA"}},
		{"exonym", "Talks resumed in Kiev after a pause.",
			[]string{"Kiev=Kyiv/UKR"}},
		{"bare capital", "The delegation's Moscow visit ended without a deal.",
			[]string{"Moscow=Moscow/RUS"}},
		{"event noun after the", "The plan was drafted in the Vienna process last month.",
			[]string{"Vienna=Vienna/AUT"}},
		{"geneva is swiss", "The United States hoped peace talks in Geneva would resume.",
			[]string{"Geneva=Geneva/CHE"}},
		{"context country picks tripoli", "Lebanese troops deployed in Tripoli after the clashes.",
			[]string{"Tripoli=Tripoli/LBN"}},
		{"other context country picks tripoli", "Libyan militias clashed in Tripoli on Sunday.",
			[]string{"Tripoli=Tripoli/LBY"}},
		{"capital beats namesake", "Speaking in Washington, the minister welcomed the deal.",
			[]string{"Washington=Washington/USA"}},
		{"qualifier picks namesake", "The festival returns to London, Ontario in May.",
			[]string{"London=London/CAN"}},
		{"arabic article dropped", "Syrian government troops advanced near Qusayr overnight.",
			[]string{"Qusayr=Al Quşayr/SYR"}},

		// Traps.
		{"surname alone", "Kerry said the talks had been substantive.", nil},
		{"person named like a town", "British Foreign Secretary Philip Hammond met his counterpart. Later, Hammond said Britain could wait.", nil},
		{"person after preposition", "The Pentagon said Defense Secretary Ash Carter had talked to Carter's staff.", nil},
		{"actors", "Assad's forces attacked the Nusra Front and Hezbollah positions.", nil},
		{"part of an organisation's name", "The Washington Post reported the deal first.", nil},
		{"month", "In March, the ceasefire collapsed.", nil},
		{"month after in", "The fighting resumed in August after a lull.", nil},
		{"common word", "Reading the statement, the minister smiled.", nil},
		{"adjectival abbreviation", "US officials said the plan had failed.", nil},
		{"bare country", "Russia has been conducting air strikes since September.", nil},
		{"given name", "He gave the papers to Jackson before the meeting.", nil},
		{"modifier after the", "The envoy was close to the Bush administration.", nil},
		{"sentence-initial word", "Mobile phone networks were down across the region.", nil},
		{"institution", "Lavrov said in Kremlin talks that nothing had changed.", nil},
		{"acronyms", "The OSCE and DAESH were mentioned; ISIL too.", nil},
		{"magazine", "He read the story in Time magazine.", nil},
		{"title", "President Jackson signed the order.", nil},
		{"name particle", "Cleric Muqtada al-Sadr said the attack was criminal.", nil},
		{"all-caps headline word without dash", "BREAKING NEWS about the talks", nil},
		{"title-case headline", "Russian Jets Pound Rebels In Aleppo As Talks Stall", []string{"Aleppo=Aleppo/SYR"}},
		{"capitals headline", "RUSSIAN JETS POUND REBELS IN ALEPPO", []string{"ALEPPO=Aleppo/SYR"}},
		{"title-case headline without preposition", "Kerry Says Assad Must Go After Moscow Talks", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range g.Find(tt.text, split(tt.text)) {
				got = append(got, describe(p))
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("Find(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestFindFields(t *testing.T) {
	g := gazetteer(t)
	text := "Kerry spoke in London.\nBombs fell in Syria's Aleppo province.\nRebels fought in Syria."
	places := g.Find(text, split(text))
	if len(places) != 3 {
		t.Fatalf("got %d places, want 3: %+v", len(places), places)
	}
	for i, p := range places {
		if p.Text != text[p.Start:p.End] {
			t.Errorf("place %d: Text %q, text[%d:%d] = %q", i, p.Text, p.Start, p.End, text[p.Start:p.End])
		}
		if p.Sentence != i {
			t.Errorf("place %d (%s): sentence %d, want %d", i, p.Text, p.Sentence, i)
		}
	}
	london, aleppo, syria := places[0], places[1], places[2]
	if london.GeonameID != 2643743 || london.Admin1 != "England" || london.Country != "GBR" {
		t.Errorf("London = %+v", london)
	}
	// A province is a region-level place: its own GeoNames id, located at
	// its most populous city.
	if aleppo.Admin1 != "Aleppo" || aleppo.Country != "SYR" || aleppo.GeonameID != 170062 ||
		math.Abs(aleppo.Lat-36.2012) > 1e-3 || math.Abs(aleppo.Lon-37.1612) > 1e-3 {
		t.Errorf("Aleppo province = %+v", aleppo)
	}
	// A country has GeonameID 0 and its capital's coordinates.
	if syria.GeonameID != 0 || syria.Admin1 != "" || math.Abs(syria.Lat-33.5102) > 1e-3 || math.Abs(syria.Lon-36.2913) > 1e-3 {
		t.Errorf("Syria = %+v", syria)
	}
}

func TestFindWithoutSentences(t *testing.T) {
	g := gazetteer(t)
	text := "Fighting resumed near Aleppo."
	got := g.Find(text, nil)
	if len(got) != 1 || got[0].Name != "Aleppo" || got[0].Sentence != 0 {
		t.Errorf("Find without sentences = %+v", got)
	}
	if got := g.Find("", nil); len(got) != 0 {
		t.Errorf("Find(\"\") = %+v", got)
	}
	// Boilerplate is skipped.
	sents := []dyad.Sentence{{Start: 0, End: len(text), Kind: dyad.KindBoilerplate}}
	if got := g.Find(text, sents); len(got) != 0 {
		t.Errorf("Find on boilerplate = %+v", got)
	}
}

func TestLookup(t *testing.T) {
	g := gazetteer(t)
	tests := []struct {
		name, place, country string
		want                 string // Name/Country/Admin1, "" for not found
	}{
		{"capital wins", "Moscow", "", "Moscow/RUS/Moscow"},
		{"country narrows", "Moscow", "USA", "Moscow/USA/Idaho"},
		{"iso2 code", "Moscow", "us", "Moscow/USA/Idaho"},
		{"alternate name", "Raqqa", "SYR", "Ar Raqqah/SYR/Raqqa"},
		{"country", "Syria", "", "Syria/SYR/"},
		{"country alias", "Britain", "", "United Kingdom/GBR/"},
		{"abbreviation", "U.S.", "", "United States/USA/"},
		{"diacritics folded", "Bogota", "", "Bogotá/COL/Bogota D.C."},
		{"unknown", "Nowhereville", "", ""},
		{"wrong country", "Aleppo", "FRA", ""},
		{"unknown country", "Aleppo", "XXX", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := g.Lookup(tt.place, tt.country)
			got := ""
			if ok {
				got = p.Name + "/" + p.Country + "/" + p.Admin1
				if p.Text != tt.place {
					t.Errorf("Text = %q, want %q", p.Text, tt.place)
				}
			}
			if got != tt.want {
				t.Errorf("Lookup(%q, %q) = %q, want %q", tt.place, tt.country, got, tt.want)
			}
		})
	}
}

func TestCountry(t *testing.T) {
	g := gazetteer(t)
	for _, code := range []string{"SYR", "SY", "syr"} {
		c, ok := g.Country(code)
		if !ok || c.ISO2 != "SY" || c.ISO3 != "SYR" || c.Name != "Syria" || c.Capital != "Damascus" ||
			math.Abs(c.Lat-33.5102) > 1e-3 || c.Population < 1_000_000 {
			t.Errorf("Country(%q) = %+v, %v", code, c, ok)
		}
		if p := c.Place(); p.Country != "SYR" || p.GeonameID != 0 || p.Lat != c.Lat {
			t.Errorf("Country(%q).Place() = %+v", code, p)
		}
	}
	if c, ok := g.Country("XXX"); ok {
		t.Errorf("Country(XXX) = %+v", c)
	}
	st := g.Stats()
	if st.Countries < 240 || st.Regions < 3000 || st.Places < 30000 || st.Names < st.Places {
		t.Errorf("Stats = %+v", st)
	}
}

func TestNearest(t *testing.T) {
	places := []dyad.Place{
		{Text: "Syria", Sentence: 1, Start: 100, End: 105},
		{Text: "Aleppo", Sentence: 1, Start: 140, End: 146, GeonameID: 170063},
		{Text: "Moscow", Sentence: 2, Start: 200, End: 206, GeonameID: 524901},
	}
	tests := []struct {
		name       string
		sent       int
		start, end int
		want       string
	}{
		{"closer before", 1, 110, 115, "Syria"},
		{"closer after", 1, 130, 135, "Aleppo"},
		{"inside", 1, 141, 143, "Aleppo"},
		{"tie prefers a city", 1, 120, 125, "Aleppo"},
		{"other sentence", 2, 0, 1, "Moscow"},
		{"no place", 3, 0, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := where.Nearest(places, tt.sent, tt.start, tt.end)
			if got := p.Text; got != tt.want || ok != (tt.want != "") {
				t.Errorf("Nearest(%d, %d, %d) = %q, %v; want %q", tt.sent, tt.start, tt.end, got, ok, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		lines []int
	}{
		{"empty", "", nil},
		{"unknown row", "C\tSY\tSYR\tSyria\tDamascus\t33.5\t36.3\t100\t1\nX\tfoo\n", []int{2}},
		{"short rows", "C\tSY\tSYR\nA\tSY.01\n", []int{1, 2}},
		{"bad numbers", "C\tSY\tSYR\tSyria\tDamascus\tnorth\t36.3\t100\t1\n" +
			"C\tLB\tLBN\tLebanon\tBeirut\t33.9\t35.5\tmany\t1\n", []int{1, 2}},
		{"region before its country", "A\tSY.09\tAleppo\tAleppo\t170062\t36.2\t37.1\t100\n", []int{1}},
		{"bad place", "C\tSY\tSYR\tSyria\tDamascus\t33.5\t36.3\t100\t1\n" +
			"P\tx\tAleppo\tAleppo\t\tSY\t09\t36.2\t37.1\t100\tPPLA\n" +
			"P\t1\tAleppo\tAleppo\t\tZZ\t09\t36.2\t37.1\t100\tPPLA\n" +
			"P\t2\tAleppo\tAleppo\t\tSY\t09\t136.2\t37.1\t100\tPPLA\n", []int{2, 3, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := where.Parse(strings.NewReader(tt.input))
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, where.ErrGazetteer) {
				t.Errorf("error %v does not wrap ErrGazetteer", err)
			}
			var list where.ErrorList
			if len(tt.lines) == 0 {
				return
			}
			if !errors.As(err, &list) {
				t.Fatalf("error %T is not an ErrorList: %v", err, err)
			}
			var lines []int
			for _, e := range list {
				lines = append(lines, e.Line)
			}
			if fmt.Sprint(lines) != fmt.Sprint(tt.lines) {
				t.Errorf("bad lines %v, want %v (%v)", lines, tt.lines, err)
			}
		})
	}
}

func TestParseSmall(t *testing.T) {
	input := "# a comment\n" +
		"C\tSY\tSYR\tSyria\tDamascus\t33.5102\t36.2913\t16906283\t1\n" +
		"A\tSY.09\tAleppo\tAleppo\t170062\t36.2012\t37.1612\t2098210\n" +
		"P\t170063\tAleppo\tAleppo\tHalab;Haleb\tSY\t09\t36.2012\t37.1612\t2098210\tPPLA\n"
	g, err := where.Parse(strings.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	text := "Shells fell on Halab and in Syria's Aleppo province."
	var got []string
	for _, p := range g.Find(text, nil) {
		got = append(got, fmt.Sprintf("%s=%s/%s/%s/%d", p.Text, p.Name, p.Country, p.Admin1, p.GeonameID))
	}
	want := "Halab=Aleppo/SYR/Aleppo/170063; Aleppo=Aleppo/SYR/Aleppo/170062"
	if strings.Join(got, "; ") != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// ExampleGazetteer_Find shows the places of a short news text: the dateline,
// a province qualified by its country, and a country after "in"; "Kerry" and
// the bare "Russia" are not places.
func ExampleGazetteer_Find() {
	g, err := where.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "BEIRUT, Lebanon — Kerry said Russia's jets struck Syria's Idlib province and would stay in Syria."
	for _, p := range g.Find(text, nil) {
		fmt.Printf("%d-%d %s: %s (%s) %.4f,%.4f\n", p.Start, p.End, p.Text, p.Name, p.Country, p.Lat, p.Lon)
	}
	// Output:
	// 0-6 BEIRUT: Beirut (LBN) 33.8933,35.5016
	// 60-65 Idlib: Idlib (SYR) 35.9306,36.6339
	// 93-98 Syria: Syria (SYR) 33.5102,36.2913
}
