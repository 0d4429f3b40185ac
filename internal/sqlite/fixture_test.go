package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/cameo"
	"github.com/dyad-project/dyad/internal/sqlite"
)

// openTemp opens a store in a new file of the test's temporary directory,
// with a fixed ingestion time.
func openTemp(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { db.Close() })
	return db
}

// builder assembles a hand-made analysis whose offsets point into its text.
type builder struct {
	a *dyad.Analysis
}

// article starts an analysis: the title is the headline (paragraph 0), each
// paragraph a list of sentences joined by spaces, paragraphs separated by a
// blank line.
func article(doc, url, published, title string, paras ...[]string) *builder {
	a := &dyad.Analysis{Doc: doc, URL: url, Title: title, Published: published,
		Actors: []dyad.Actor{}, Events: []dyad.Event{}, Quotes: []dyad.Quote{}, Places: []dyad.Place{},
		Warnings: []string{}}
	if published != "" {
		a.PublishedSource = dyad.PublishedFromInput
	}
	var text strings.Builder
	add := func(s string, kind dyad.SentenceKind, para int) {
		start := text.Len()
		text.WriteString(s)
		a.Sentences = append(a.Sentences, dyad.Sentence{Start: start, End: text.Len(), Text: s, Kind: kind, Para: para})
	}
	add(title, dyad.KindHeadline, 0)
	for i, p := range paras {
		text.WriteString("\n\n")
		for j, s := range p {
			if j > 0 {
				text.WriteString(" ")
			}
			add(s, dyad.KindBody, i+1)
		}
	}
	a.Text = text.String()
	return &builder{a: a}
}

// sentence returns the index of the sentence holding byte offset off.
func (b *builder) sentence(off int) int {
	for i, s := range b.a.Sentences {
		if s.Start <= off && off < s.End {
			return i
		}
	}
	panic(fmt.Sprintf("offset %d is in no sentence", off))
}

// actor adds an actor mentioned by every occurrence of each of the texts
// (an occurrence inside an earlier mention is skipped).
func (b *builder) actor(name, country, sector, code, typ string, texts ...string) *builder {
	ac := dyad.Actor{ID: fmt.Sprintf("a%d", len(b.a.Actors)+1), Name: name, Country: country, Sector: sector,
		Code: code, Type: typ, Entries: []string{"test.actors:" + fmt.Sprint(len(b.a.Actors)+1)}, Mentions: []dyad.Mention{}}
	for _, tx := range texts {
		for from := 0; ; {
			i := strings.Index(b.a.Text[from:], tx)
			if i < 0 {
				break
			}
			start := from + i
			from = start + len(tx)
			inside := false
			for _, m := range ac.Mentions {
				if m.Start <= start && start < m.End {
					inside = true
				}
			}
			if !inside {
				ac.Mentions = append(ac.Mentions, dyad.Mention{Start: start, End: from, Text: tx,
					Sentence: b.sentence(start), Via: dyad.ViaDictionary})
			}
		}
	}
	if len(ac.Mentions) == 0 {
		panic("no mention of " + name)
	}
	b.a.Actors = append(b.a.Actors, ac)
	return b
}

// ref returns a reference to the actor named name by its first mention
// written as text.
func (b *builder) ref(name, text string) *dyad.ActorRef {
	for _, ac := range b.a.Actors {
		if ac.Name != name {
			continue
		}
		for _, m := range ac.Mentions {
			if m.Text == text {
				return &dyad.ActorRef{Name: ac.Name, Country: ac.Country, Sector: ac.Sector, Code: ac.Code,
					Text: m.Text, Start: m.Start, End: m.End}
			}
		}
	}
	panic("no mention " + text + " of " + name)
}

// place returns the place first written as text.
func (b *builder) place(text, name, country, admin1 string, lat, lon float64, geonameid int) *dyad.Place {
	i := strings.Index(b.a.Text, text)
	if i < 0 {
		panic("no place " + text)
	}
	p := dyad.Place{Text: text, Name: name, Country: country, Admin1: admin1, Lat: lat, Lon: lon,
		Start: i, End: i + len(text), Sentence: b.sentence(i), GeonameID: geonameid}
	b.a.Places = append(b.a.Places, p)
	return &p
}

// event adds an event triggered by the first occurrence of trigger, with
// the code's PLOVER type, quad class and Goldstein value from the CAMEO
// tables.
func (b *builder) event(src, tgt *dyad.ActorRef, code, trigger, mode, date string, place *dyad.Place) *builder {
	c, ok := cameo.Lookup(code)
	if !ok {
		panic("no CAMEO code " + code)
	}
	i := strings.Index(b.a.Text, trigger)
	if i < 0 {
		panic("no trigger " + trigger)
	}
	e := dyad.Event{ID: fmt.Sprintf("e%d", len(b.a.Events)+1), Sentence: b.sentence(i), Source: *src, Target: tgt,
		CAMEO: code, Root: c.Root, PLOVER: c.PLOVER, Quad: c.Quad, Goldstein: c.Goldstein, Mode: mode, Place: place,
		Trigger: dyad.Trigger{Text: trigger, Start: i, End: i + len(trigger)},
		Evidence: []dyad.Evidence{
			{Role: "source", Text: src.Text, Start: src.Start, End: src.End},
			{Role: "verb", Text: trigger, Start: i, End: i + len(trigger), Entry: "test.verbs:1 " + code},
		}}
	if date != "" {
		e.Date = &date
	}
	b.a.Events = append(b.a.Events, e)
	return b
}

// quote adds the quote whose words are text, said by speaker.
func (b *builder) quote(text string, speaker *dyad.ActorRef, verb string) *builder {
	i := strings.Index(b.a.Text, text)
	if i < 0 {
		panic("no quote " + text)
	}
	b.a.Quotes = append(b.a.Quotes, dyad.Quote{Text: text, Start: i, End: i + len(text), Speaker: speaker,
		Verb: verb, Sentence: b.sentence(i)})
	return b
}

// fixture returns four analysed articles written for these tests: talks in
// Ankara (2016-02-08), an attack in Helmand (2015-10-21), ceasefire talks
// in Geneva (2016-02-27, no URL) and an undated warning (no URL, no date).
func fixture() []*dyad.Analysis {
	b1 := article("ankara-talks", "https://news.example/2016/02/ankara-talks", "2016-02-08",
		"Germany and Turkey agree to curb migration",
		[]string{"German Chancellor Angela Merkel met Turkish Prime Minister Ahmet Davutoglu in Ankara on Monday."},
		[]string{"Merkel said Germany would provide more money for refugee camps.",
			`"We want to reduce illegal migration across the Aegean," Merkel told reporters.`},
		[]string{"Davutoglu criticised the European Union for slow payments to Turkey."})
	b1.actor("Germany", "DEU", "", "DEU", dyad.TypeState, "Germany").
		actor("Turkey", "TUR", "", "TUR", dyad.TypeState, "Turkey").
		actor("Angela Merkel", "DEU", "GOV", "DEUGOV", dyad.TypePerson, "Angela Merkel", "Merkel").
		actor("Ahmet Davutoglu", "TUR", "GOV", "TURGOV", dyad.TypePerson, "Ahmet Davutoglu", "Davutoglu").
		actor("European Union", "", "IGO", "IGOEEC", dyad.TypeOrganisation, "European Union")
	ankara := b1.place("Ankara", "Ankara", "TUR", "Ankara", 39.91987, 32.85427, 323786)
	b1.event(b1.ref("Germany", "Germany"), b1.ref("Turkey", "Turkey"), "030", "agree", dyad.ModeAsserted, "", nil).
		event(b1.ref("Angela Merkel", "Angela Merkel"), b1.ref("Ahmet Davutoglu", "Ahmet Davutoglu"), "040", "met",
			dyad.ModeAsserted, "2016-02-08", ankara).
		event(b1.ref("Germany", "Germany"), nil, "071", "provide", dyad.ModeFuture, "", nil).
		event(b1.ref("Ahmet Davutoglu", "Davutoglu"), b1.ref("European Union", "European Union"), "111", "criticised",
			dyad.ModeAsserted, "", nil).
		quote("We want to reduce illegal migration across the Aegean,", b1.ref("Angela Merkel", "Merkel"), "told")

	b2 := article("helmand-attack", "https://news.example/2015/10/helmand", "2015-10-21",
		"Taliban fighters attack police checkpoint in Helmand",
		[]string{"Taliban militants attacked a police checkpoint in Helmand province on Tuesday, killing six officers."},
		[]string{"Afghan President Ashraf Ghani condemned the attack.",
			`"The Taliban will be punished for this crime," Ghani said in a statement.`})
	b2.actor("Taliban", "", "REB", "TAL", dyad.TypeGroup, "Taliban").
		actor("Afghan police", "AFG", "COP", "AFGCOP", dyad.TypeOrganisation, "police").
		actor("Ashraf Ghani", "AFG", "GOV", "AFGGOV", dyad.TypePerson, "Ashraf Ghani", "Ghani")
	helmand := b2.place("Helmand province", "Helmand", "AFG", "Helmand", 31.0, 64.0, 1140026)
	b2.event(b2.ref("Taliban", "Taliban"), b2.ref("Afghan police", "police"), "190", "attack", dyad.ModeAsserted, "", nil).
		event(b2.ref("Taliban", "Taliban"), b2.ref("Afghan police", "police"), "193", "attacked", dyad.ModeAsserted,
			"2015-10-20", helmand).
		event(b2.ref("Ashraf Ghani", "Ashraf Ghani"), b2.ref("Taliban", "Taliban"), "111", "condemned",
			dyad.ModeAsserted, "2015-10-21", nil).
		quote("The Taliban will be punished for this crime,", b2.ref("Ashraf Ghani", "Ghani"), "said")

	b3 := article("geneva-ceasefire", "", "2016-02-27",
		"Syrian ceasefire talks to resume in Geneva",
		[]string{"United Nations envoy Staffan de Mistura said talks between the Syrian government and the opposition would resume in March."},
		[]string{`"Everyone must respect the ceasefire in Syria," de Mistura said in Geneva.`})
	b3.actor("United Nations", "", "IGO", "IGOUNO", dyad.TypeOrganisation, "United Nations").
		actor("Staffan de Mistura", "", "IGO", "IGOUNO", dyad.TypePerson, "Staffan de Mistura", "de Mistura").
		actor("Syria", "SYR", "GOV", "SYRGOV", dyad.TypeState, "Syrian government", "Syria").
		actor("Syrian opposition", "SYR", "OPP", "SYROPP", dyad.TypeGroup, "opposition")
	geneva := b3.place("Geneva", "Geneva", "CHE", "Geneva", 46.20222, 6.14569, 2660646)
	b3.event(b3.ref("Staffan de Mistura", "Staffan de Mistura"), b3.ref("Syria", "Syrian government"), "036", "resume",
		dyad.ModeFuture, "2016-03", geneva).
		quote("Everyone must respect the ceasefire in Syria,", b3.ref("Staffan de Mistura", "de Mistura"), "said")

	b4 := article("gas-warning", "", "",
		"Russia warns Ukraine over gas supplies",
		[]string{"Russia warned Ukraine that it could cut gas supplies before the winter."})
	b4.actor("Russia", "RUS", "", "RUS", dyad.TypeState, "Russia").
		actor("Ukraine", "UKR", "", "UKR", dyad.TypeState, "Ukraine")
	b4.event(b4.ref("Russia", "Russia"), b4.ref("Ukraine", "Ukraine"), "130", "warned", dyad.ModeAsserted, "", nil)
	b4.a.Warnings = []string{"no publication date: relative dates are left unresolved"}

	return []*dyad.Analysis{b1.a, b2.a, b3.a, b4.a}
}

// putFixture stores the fixture and returns the IDs of its articles.
func putFixture(t testing.TB, db *sqlite.DB) []int64 {
	t.Helper()
	res, err := db.PutAnalyses(context.Background(), fixture())
	if err != nil {
		t.Fatal(err)
	}
	if res.Stored != 4 {
		t.Fatalf("stored %d articles, want 4", res.Stored)
	}
	return res.IDs
}

// eventKeys names events as doc/id, in order.
func eventKeys(es []dyad.StoredEvent) []string {
	keys := make([]string, len(es))
	for i, e := range es {
		keys[i] = e.Doc + "/" + e.ID
	}
	return keys
}
