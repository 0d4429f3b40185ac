package httpapi_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/cameo"
	"github.com/dyad-project/dyad/internal/httpapi"
	"github.com/dyad-project/dyad/internal/ingest"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/sqlite"
	"github.com/dyad-project/dyad/internal/testutil"
)

// draft assembles a hand-made analysis whose offsets point into its text,
// for a store to serve before the pipeline codes events itself.
type draft struct {
	a *dyad.Analysis
}

// newDraft starts an analysis: the title is the headline, then paragraphs
// (each a list of sentences joined by a space) separated by blank lines.
func newDraft(doc, url, published, title string, paras ...[]string) *draft {
	a := &dyad.Analysis{Doc: doc, URL: url, Title: title, Published: published, PublishedSource: dyad.PublishedFromInput,
		Actors: []dyad.Actor{}, Events: []dyad.Event{}, Quotes: []dyad.Quote{}, Places: []dyad.Place{}, Warnings: []string{}}
	var b strings.Builder
	sentence := func(s string, kind dyad.SentenceKind, para int) {
		start := b.Len()
		b.WriteString(s)
		a.Sentences = append(a.Sentences, dyad.Sentence{Start: start, End: b.Len(), Text: s, Kind: kind, Para: para})
	}
	sentence(title, dyad.KindHeadline, 0)
	for i, p := range paras {
		b.WriteString("\n\n")
		for j, s := range p {
			if j > 0 {
				b.WriteString(" ")
			}
			sentence(s, dyad.KindBody, i+1)
		}
	}
	a.Text = b.String()
	return &draft{a: a}
}

// indexWord returns the offset of the first occurrence of word in s at or
// after from that is not part of a longer word ("Russia" is not in
// "Russian"), or -1.
func indexWord(s, word string, from int) int {
	for from <= len(s) {
		i := strings.Index(s[from:], word)
		if i < 0 {
			return -1
		}
		start, end := from+i, from+i+len(word)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (start == 0 || !isWordRune(before)) && (end == len(s) || !isWordRune(after)) {
			return start
		}
		from = start + 1
	}
	return -1
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// find returns the span of the first occurrence of text at or after from.
func (d *draft) find(text string, from int) dyad.Span {
	i := indexWord(d.a.Text, text, from)
	if i < 0 {
		panic(fmt.Sprintf("%s: no %q after byte %d", d.a.Doc, text, from))
	}
	return dyad.Span{Start: i, End: i + len(text)}
}

// sentenceAt returns the index of the sentence holding a byte offset.
func (d *draft) sentenceAt(off int) int {
	for i, s := range d.a.Sentences {
		if s.Start <= off && off < s.End {
			return i
		}
	}
	panic(fmt.Sprintf("%s: byte %d is in no sentence", d.a.Doc, off))
}

// actor adds an actor mentioned by each occurrence of the texts, skipping
// occurrences inside an earlier mention ("Kerry" in "John Kerry").
func (d *draft) actor(name, country, sector, code, typ string, texts ...string) *draft {
	ac := dyad.Actor{ID: fmt.Sprintf("a%d", len(d.a.Actors)+1), Name: name, Country: country, Sector: sector, Code: code,
		Type: typ, Mentions: []dyad.Mention{}}
	taken := func(sp dyad.Span) bool {
		for _, other := range d.a.Actors {
			for _, m := range other.Mentions {
				if (dyad.Span{Start: m.Start, End: m.End}).Overlaps(sp) {
					return true
				}
			}
		}
		for _, m := range ac.Mentions {
			if (dyad.Span{Start: m.Start, End: m.End}).Overlaps(sp) {
				return true
			}
		}
		return false
	}
	for _, t := range texts {
		for from := 0; ; {
			i := indexWord(d.a.Text, t, from)
			if i < 0 {
				break
			}
			sp := dyad.Span{Start: i, End: i + len(t)}
			from = sp.End
			if !taken(sp) {
				ac.Mentions = append(ac.Mentions, dyad.Mention{Start: sp.Start, End: sp.End, Text: t,
					Sentence: d.sentenceAt(sp.Start), Via: dyad.ViaDictionary})
			}
		}
	}
	if len(ac.Mentions) == 0 {
		panic("no mention of " + name)
	}
	d.a.Actors = append(d.a.Actors, ac)
	return d
}

// ref returns the actor named name as its first mention written text, or
// the first after the word after when one is given.
func (d *draft) ref(name, text string, after ...string) *dyad.ActorRef {
	from := 0
	if len(after) > 0 {
		from = d.find(after[0], 0).End
	}
	for _, ac := range d.a.Actors {
		if ac.Name != name {
			continue
		}
		for _, m := range ac.Mentions {
			if m.Text == text && m.Start >= from {
				return &dyad.ActorRef{Name: ac.Name, Country: ac.Country, Sector: ac.Sector, Code: ac.Code,
					Text: m.Text, Start: m.Start, End: m.End}
			}
		}
	}
	panic(fmt.Sprintf("%s: no mention %q of %s", d.a.Doc, text, name))
}

// place adds the place first written as text.
func (d *draft) place(text, name, country, admin1 string, lat, lon float64, geonameid int) *dyad.Place {
	sp := d.find(text, 0)
	p := dyad.Place{Text: text, Name: name, Country: country, Admin1: admin1, Lat: lat, Lon: lon,
		Start: sp.Start, End: sp.End, Sentence: d.sentenceAt(sp.Start), GeonameID: geonameid}
	d.a.Places = append(d.a.Places, p)
	return &p
}

// event adds an asserted event whose trigger is the first occurrence of
// trigger after the source mention, coded from the CAMEO tables; dateText,
// when set, is the date's evidence.
func (d *draft) event(src, tgt *dyad.ActorRef, code, trigger, date, dateText string, place *dyad.Place) *draft {
	c, ok := cameo.Lookup(code)
	if !ok {
		panic("no CAMEO code " + code)
	}
	tr := d.find(trigger, src.End)
	e := dyad.Event{ID: fmt.Sprintf("e%d", len(d.a.Events)+1), Sentence: d.sentenceAt(tr.Start), Source: *src, Target: tgt,
		CAMEO: code, Root: c.Root, PLOVER: c.PLOVER, Quad: c.Quad, Goldstein: c.Goldstein, Mode: dyad.ModeAsserted,
		Place: place, Trigger: dyad.Trigger{Text: trigger, Start: tr.Start, End: tr.End},
		Evidence: []dyad.Evidence{
			{Role: "source", Text: src.Text, Start: src.Start, End: src.End},
			{Role: "verb", Text: trigger, Start: tr.Start, End: tr.End, Entry: "fixture.verbs:1 " + code},
		}}
	if tgt != nil {
		e.Evidence = append(e.Evidence, dyad.Evidence{Role: "target", Text: tgt.Text, Start: tgt.Start, End: tgt.End})
	}
	if date != "" {
		e.Date = &date
	}
	if dateText != "" {
		sp := d.find(dateText, 0)
		e.Evidence = append(e.Evidence, dyad.Evidence{Role: "date", Text: dateText, Start: sp.Start, End: sp.End})
	}
	d.a.Events = append(d.a.Events, e)
	return d
}

// quote adds a quote of the words text.
func (d *draft) quote(text string, speaker *dyad.ActorRef, verb string) *draft {
	sp := d.find(text, 0)
	d.a.Quotes = append(d.a.Quotes, dyad.Quote{Text: text, Start: sp.Start, End: sp.End, Speaker: speaker, Verb: verb,
		Sentence: d.sentenceAt(sp.Start)})
	return d
}

// Places of the fixture.
var (
	geneva    = [...]any{"Geneva", "CHE", "Geneva", 46.20222, 6.14569, 2660646}
	aleppo    = [...]any{"Aleppo", "SYR", "Aleppo", 36.20124, 37.16117, 170063}
	deirEzZor = [...]any{"Deir ez-Zor", "SYR", "Deir ez-Zor", 35.33588, 40.14084, 170794}
	azaz      = [...]any{"Azaz", "SYR", "Aleppo", 36.58662, 37.04628, 171128}
)

func (d *draft) at(text string, p [6]any) *dyad.Place {
	return d.place(text, p[0].(string), p[1].(string), p[2].(string), p[3].(float64), p[4].(float64), p[5].(int))
}

// fixture returns five analysed articles written for these tests, about
// Syria in early 2016. Three hold events from the United States to Syria;
// the text is full of what breaks byte offsets in JavaScript: no-break
// spaces, dashes, curly quotes and an emoji.
func fixture() []*dyad.Analysis {
	kerry := newDraft("kerry-geneva", "https://news.example/2016/02/kerry-geneva", "2016-02-12",
		"Kerry presses Syria on aid access",
		[]string{"GENEVA\u00a0\u2014 US Secretary of State John Kerry on Thursday urged the Syrian government to let aid convoys reach besieged towns, after talks with Russian Foreign Minister Sergei Lavrov."},
		[]string{"\u201cThe regime must open the roads now,\u201d Kerry told reporters in Geneva."},
		[]string{"Russia promised to press Damascus to comply."})
	kerry.actor("John Kerry", "USA", "GOV", "USAGOV", dyad.TypePerson, "John Kerry", "Kerry").
		actor("Syrian government", "SYR", "GOV", "SYRGOV", dyad.TypeOrganisation, "Syrian government", "Damascus", "regime").
		actor("Sergei Lavrov", "RUS", "GOV", "RUSGOV", dyad.TypePerson, "Sergei Lavrov").
		actor("Russia", "RUS", "", "RUS", dyad.TypeState, "Russia")
	genevaP := kerry.at("Geneva", geneva)
	kerry.event(kerry.ref("John Kerry", "John Kerry"), kerry.ref("Syrian government", "Syrian government"), "0233", "urged",
		"2016-02-11", "Thursday", genevaP).
		event(kerry.ref("John Kerry", "John Kerry"), kerry.ref("Sergei Lavrov", "Sergei Lavrov"), "040", "talks",
			"2016-02-11", "", genevaP).
		event(kerry.ref("Russia", "Russia"), kerry.ref("Syrian government", "Damascus"), "030", "promised",
			"", "", nil).
		quote("The regime must open the roads now,", kerry.ref("John Kerry", "Kerry", "now"), "told")

	sanctions := newDraft("us-sanctions", "https://news.example/2016/03/sanctions", "2016-03-08",
		"US threatens Syria with new sanctions",
		[]string{"The United States threatened Syria with fresh sanctions on Tuesday over the bombing of a hospital in Aleppo."},
		[]string{"Syrian officials rejected the charge and accused Washington of \u201chypocrisy\u201d."})
	sanctions.actor("United States", "USA", "", "USA", dyad.TypeState, "United States", "Washington").
		actor("Syria", "SYR", "", "SYR", dyad.TypeState, "Syria").
		actor("Syrian officials", "SYR", "GOV", "SYRGOV", dyad.TypeOrganisation, "Syrian officials")
	aleppoP := sanctions.at("Aleppo", aleppo)
	sanctions.event(sanctions.ref("United States", "United States"), sanctions.ref("Syria", "Syria", "threatened"), "1312", "threatened",
		"2016-03-08", "Tuesday", aleppoP).
		event(sanctions.ref("Syrian officials", "Syrian officials"), sanctions.ref("United States", "Washington"), "120", "rejected",
			"", "", nil).
		event(sanctions.ref("Syrian officials", "Syrian officials"), sanctions.ref("United States", "Washington"), "112", "accused",
			"", "", nil)

	airdrop := newDraft("aid-airdrop", "", "2016-04-20",
		"\u201cBread at last\u201d: aid falls on a besieged city",
		[]string{"Residents shared photos of the parcels \U0001F4E6 on social media.",
			"The US military said it had dropped food and medicine to civilians in Deir ez-Zor on Tuesday."})
	airdrop.actor("US military", "USA", "MIL", "USAMIL", dyad.TypeOrganisation, "US military").
		actor("Syrian civilians", "SYR", "CVL", "SYRCVL", dyad.TypeGroup, "civilians")
	dzP := airdrop.at("Deir ez-Zor", deirEzZor)
	airdrop.event(airdrop.ref("US military", "US military"), airdrop.ref("Syrian civilians", "civilians"), "073", "dropped",
		"2016-04-19", "Tuesday", dzP)

	bombing := newDraft("aleppo-bombing", "https://news.example/2016/04/aleppo", "2016-04-02",
		"Russian jets bomb rebels in northern Syria",
		[]string{"Russian warplanes bombed rebel positions north of Aleppo on Saturday, a monitoring group said."})
	bombing.actor("Russian military", "RUS", "MIL", "RUSMIL", dyad.TypeOrganisation, "Russian warplanes").
		actor("Syrian rebels", "SYR", "REB", "SYRREB", dyad.TypeGroup, "rebel positions")
	bombing.event(bombing.ref("Russian military", "Russian warplanes"), bombing.ref("Syrian rebels", "rebel positions"), "195",
		"bombed", "2016-04-02", "Saturday", bombing.at("Aleppo", aleppo))

	border := newDraft("azaz-shelling", "https://news.example/2016/02/azaz", "2016-02-20",
		"Turkey shells Kurdish fighters in northern Syria",
		[]string{"Turkish artillery shelled Kurdish militia positions around Azaz for a second day, a Turkish official said."})
	border.actor("Turkish military", "TUR", "MIL", "TURMIL", dyad.TypeOrganisation, "Turkish artillery").
		actor("Kurdish militia", "SYR", "REB", "SYRREB", dyad.TypeGroup, "Kurdish militia")
	border.event(border.ref("Turkish military", "Turkish artillery"), border.ref("Kurdish militia", "Kurdish militia"), "194",
		"shelled", "", "", border.at("Azaz", azaz))

	return []*dyad.Analysis{kerry.a, sanctions.a, airdrop.a, bombing.a, border.a}
}

// openStore returns a store in a temporary file holding the fixture, and
// the IDs of its articles by document name.
func openStore(t testing.TB) (*sqlite.DB, map[string]int64) {
	t.Helper()
	db := openEmpty(t)
	as := fixture()
	res, err := db.PutAnalyses(context.Background(), as)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for i, a := range as {
		ids[a.Doc] = res.IDs[i]
	}
	return db, ids
}

// openEmpty returns an empty store in a temporary file.
func openEmpty(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { db.Close() })
	return db
}

// ingestExamples analyses the repository's examples/ with the real
// pipeline and stores them, as `dyad ingest` does; it returns their IDs
// by document name.
func ingestExamples(t testing.TB, db *sqlite.DB) map[string]int64 {
	t.Helper()
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var as []*dyad.Analysis
	dir := filepath.Join(testutil.RepoRoot(t), "examples")
	err = ingest.Walk(context.Background(), []string{dir}, nil, func(a *dyad.Article, err error) error {
		if err != nil {
			return err
		}
		as = append(as, p.Analyse(a))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.PutAnalyses(context.Background(), as)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for i, a := range as {
		ids[a.Doc] = res.IDs[i]
	}
	return ids
}

// newServer serves a store with a configuration over httptest.
func newServer(t testing.TB, store dyad.Store, cfg httpapi.Config) *httptest.Server {
	t.Helper()
	s, err := httpapi.New(store, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// do sends a request and returns the response with its body read.
func do(t testing.TB, method, url, body string, header http.Header) (*http.Response, []byte) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}
