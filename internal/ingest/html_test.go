package ingest_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// storyParagraphs is the body of the generated test pages; it names no
// date, so a date found comes from the markup under test.
var storyParagraphs = []string{
	"Government troops recaptured the northern border town of Karsk after a week of fighting, the defence ministry said in a statement.",
	"Rebel commanders denied the town had fallen and said their fighters had withdrawn to the hills to avoid casualties among civilians.",
	"Aid agencies said thousands of residents had fled towards the river crossing and called on both sides to open a humanitarian corridor.",
}

// page returns a news page with head and the standard story, the story
// preceded by before inside <article>.
func page(head, before string) string {
	return "<!DOCTYPE html><html><head>" + head + "</head><body>" +
		"<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article>" + before +
		"<p>" + strings.Join(storyParagraphs, "</p>\n<p>") + "</p></article>" +
		"<footer><p>Copyright The Daily Example. All rights reserved.</p></footer></body></html>"
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestReadHTMLNewsPages(t *testing.T) {
	tests := []struct {
		file      string
		doc       string
		title     string
		url       string
		published string
		body      []string // paragraphs, in order, after the title
		absent    []string // boilerplate that must not be in the text
	}{
		{
			file:      "news.html",
			doc:       "news",
			title:     "Port workers end strike as talks resume in Valmora",
			url:       "https://ledger.example.com/world/2021/03/14/port-workers-end-strike",
			published: "2021-03-14",
			body: []string{
				"Dock workers in the port city of Valmora ended a nine-day strike on Sunday after the national shipping authority agreed to reopen wage talks, union leaders said.",
				"The Federation of Port Workers said its members would return to the container terminals on Monday morning. The stoppage had left more than forty cargo ships waiting at anchor outside the harbour.",
				`"We did not walk out lightly, and we are not walking back in because we are tired," the federation's general secretary, Ilse Okonkwo, told reporters outside the union headquarters. "We are walking back in because the authority has finally put an offer on the table."`,
				"Transport Minister Pieter Vandam welcomed the decision and said the government would not interfere in the negotiations, which are due to begin on Wednesday in the capital.",
				"Business groups had warned that the strike was costing regional exporters tens of millions of euros a day, and farmers had complained that perishable goods were rotting on the quayside.",
				"Police said a small demonstration outside the port gates on Saturday had passed off peacefully, with no arrests.",
			},
			absent: []string{
				"cookies", "Accept all", // cookie banner
				"Subscribe", "Opinion", "Home", // navigation and breadcrumbs
				"Advertisement", "Brightwatt", // advertising, top and inline
				"Read more", "Fuel prices climb", // related links
				"Most read", "cup final", // sidebar
				"newsletter", "morning briefing", // sign-up box
				"Share on", "Copyright", "Privacy policy", // share tools, footer
				"Maritime Correspondent", // byline
			},
		},
		{
			file:      "wire.htm", // windows-1252, declared by http-equiv
			doc:       "wire",
			title:     "Floods force thousands from homes in river delta",
			url:       "https://courier.example.net/news/floods-delta",
			published: "2019-11-08",
			body: []string{
				"More than 12,000 people were evacuated from villages in the Serra river delta on Friday after two days of heavy rain burst embankments, the regional emergency service said.",
				"Rescue crews in boats moved families from rooftops in the low-lying district of Porto Lindo, where water reached the first floor of many houses. One café owner said the river had risen “faster than anyone had seen in forty years”.",
				"The regional governor, Helena Duarte, declared a state of emergency and asked the national government to send army engineers to shore up the remaining dykes. “We need every pair of hands we can get,” she told local radio.",
				"Forecasters expect the rain to ease on Sunday, but warned that river levels would keep rising until the middle of next week as water flows down from the hills.",
			},
			absent: []string{"Classifieds", "Obituaries", "Delta Motors", "Related stories", "dyke repair funding", "harbour", "All rights reserved", "since 1921"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			a, err := ingest.ReadHTML(path, readTestdata(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if a.Doc != tt.doc || a.Title != tt.title || a.URL != tt.url || a.Published != tt.published ||
				a.PublishedSource != dyad.PublishedFromInput || a.Origin != (dyad.Origin{Path: path}) {
				t.Errorf("got doc %q title %q url %q published %q (%q) origin %+v\nwant doc %q title %q url %q published %q (input)",
					a.Doc, a.Title, a.URL, a.Published, a.PublishedSource, a.Origin, tt.doc, tt.title, tt.url, tt.published)
			}
			if !strings.HasPrefix(a.Text, tt.title+"\n\n") {
				t.Errorf("text does not start with the title and a blank line: %.100q", a.Text)
			}
			if strings.Count(a.Text, tt.title) != 1 {
				t.Errorf("the headline appears %d times in the text, want once", strings.Count(a.Text, tt.title))
			}
			// Every paragraph of the story is there, whole, in order,
			// separated by blank lines.
			paras := strings.Split(a.Text, "\n\n")
			pos := 0
			for _, want := range tt.body {
				i := pos
				for i < len(paras) && paras[i] != want {
					i++
				}
				if i == len(paras) {
					t.Errorf("paragraph missing or out of order: %q\ntext:\n%s", want, a.Text)
					continue
				}
				pos = i + 1
			}
			for _, s := range tt.absent {
				if strings.Contains(a.Text, s) {
					t.Errorf("boilerplate %q in the text:\n%s", s, a.Text)
				}
			}
		})
	}
}

func TestReadHTMLDates(t *testing.T) {
	tests := []struct {
		name   string
		head   string
		before string // markup before the story, inside <article>
		want   string
	}{
		{"article:published_time", `<meta property="article:published_time" content="2021-06-01T10:00:00+02:00">`, "", "2021-06-01"},
		{"og:published_time", `<meta property="og:published_time" content="2021-06-02">`, "", "2021-06-02"},
		{"published beats modified and date",
			`<meta property="article:modified_time" content="2021-06-09T10:00:00Z"><meta name="date" content="2021-06-08"><meta property="article:published_time" content="2021-06-03T10:00:00Z">`,
			"", "2021-06-03"},
		{"JSON-LD article beats WebPage",
			`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},{"@type":["NewsArticle"],"datePublished":"2020-01-05T08:00:00+01:00","dateModified":"2020-01-06"}]}</script>`,
			"", "2020-01-05"},
		{"JSON-LD list of objects",
			`<script type="application/ld+json">[{"@type":"Organization","name":"The Daily Example"},{"@type":"ReportageNews","datePublished":"2020-01-07"}]</script>`,
			"", "2020-01-07"},
		{"invalid JSON-LD is ignored",
			`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-08",}</script><meta name="pubdate" content="2020-01-09">`,
			"", "2020-01-09"},
		{"microdata", "", `<span itemprop="datePublished" content="2020-02-03T12:00:00Z"></span>`, "2020-02-03"},
		{"pubdate", `<meta name="pubdate" content="20200304">`, "", "2020-03-04"},
		{"date", `<meta name="date" content="2020/03/05">`, "", "2020-03-05"},
		{"DC.date.issued", `<meta name="DC.date.issued" content="2018-07-01">`, "", "2018-07-01"},
		{"parsely-pub-date", `<meta name="parsely-pub-date" content="2017-04-05T10:00:00Z">`, "", "2017-04-05"},
		{"sailthru.date", `<meta name="sailthru.date" content="Tue, 14 Jun 2016 09:00:00 -0400">`, "", "2016-06-14"},
		{"time pubdate", "", `<p class="byline">Staff reporter <time pubdate datetime="2012-09-30T21:00:00-07:00">Sunday night</time></p>`, "2012-09-30"},
		{"time in the article", "", `<p class="byline">Staff reporter <time datetime="2013-01-02">Wednesday</time></p>`, "2013-01-02"},
		{"the local date wins over the same instant in UTC",
			`<meta property="article:published_time" content="2019-10-18T22:04:00Z"><meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200">`,
			"", "2019-10-19"},
		{"a different instant does not override",
			`<meta property="article:published_time" content="2019-10-18T22:04:00Z"><meta name="date" content="Sat, 19 Oct 2019 09:00:00 +0200">`,
			"", "2019-10-18"},
		{"epoch placeholder skipped",
			`<meta property="article:published_time" content="1970-01-01T00:00:00Z"><meta name="DC.date.issued" content="2011-11-11">`,
			"", "2011-11-11"},
		{"unparseable value skipped",
			`<meta property="article:published_time" content="yesterday"><meta name="date" content="2011-11-12">`,
			"", "2011-11-12"},
		{"date in the URL as a last resort", `<meta property="og:url" content="https://news.example.com/2019/05/02/karsk-recaptured">`, "", "2019-05-02"},
		{"no date", `<title>Karsk recaptured</title>`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ingest.ReadHTML("page.html", []byte(page(tt.head, tt.before)))
			if err != nil {
				t.Fatal(err)
			}
			wantSource := dyad.PublishedFromInput
			if tt.want == "" {
				wantSource = dyad.PublishedUnknown
			}
			if a.Published != tt.want || a.PublishedSource != wantSource {
				t.Errorf("published %q (%q), want %q (%q)", a.Published, a.PublishedSource, tt.want, wantSource)
			}
		})
	}
}

func TestReadHTMLTitleAndURL(t *testing.T) {
	tests := []struct {
		name   string
		head   string
		before string
		title  string
		url    string
		text   string // the start of Text
	}{
		{
			name:  "og:title and og:url",
			head:  `<title>Troops retake Karsk | The Daily Example</title><meta property="og:title" content="Troops retake border town of Karsk"><meta property="og:url" content="https://daily.example.com/world/karsk"><link rel="canonical" href="https://daily.example.com/karsk">`,
			title: "Troops retake border town of Karsk",
			url:   "https://daily.example.com/world/karsk",
			text:  "Troops retake border town of Karsk\n\n" + storyParagraphs[0] + "\n\n",
		},
		{
			name:  "title element and canonical link",
			head:  `<title>Troops retake border town of Karsk</title><link rel="canonical" href="https://daily.example.com/karsk">`,
			title: "Troops retake border town of Karsk",
			url:   "https://daily.example.com/karsk",
			text:  "Troops retake border town of Karsk\n\n" + storyParagraphs[0],
		},
		{
			name:  "white space in the title is collapsed",
			head:  "<meta property=\"og:title\" content=\"Troops retake\n   Karsk\">",
			title: "Troops retake Karsk",
			text:  "Troops retake Karsk\n\n" + storyParagraphs[0],
		},
		{
			name:   "a headline repeating the title is not repeated",
			head:   `<meta property="og:title" content="Troops retake Karsk: officials">`,
			before: `<h1>Troops retake Karsk : Officials</h1>`,
			title:  "Troops retake Karsk: officials",
			text:   "Troops retake Karsk: officials\n\n" + storyParagraphs[0],
		},
		{
			name:   "a different headline is kept",
			head:   `<meta property="og:title" content="Karsk: the week in review">`,
			before: `<h1>Troops retake Karsk</h1>`,
			title:  "Karsk: the week in review",
			text:   "Karsk: the week in review\n\nTroops retake Karsk\n\n" + storyParagraphs[0],
		},
		{
			name:  "a relative canonical link is no URL",
			head:  `<meta property="og:title" content="Troops retake Karsk"><link rel="canonical" href="/karsk">`,
			title: "Troops retake Karsk",
			text:  "Troops retake Karsk\n\n" + storyParagraphs[0],
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ingest.ReadHTML("page.html", []byte(page(tt.head, tt.before)))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || a.URL != tt.url {
				t.Errorf("title %q url %q, want %q %q", a.Title, a.URL, tt.title, tt.url)
			}
			if !strings.HasPrefix(a.Text, tt.text) {
				t.Errorf("text starts %.200q\nwant %q", a.Text, tt.text)
			}
		})
	}
}

func TestReadHTMLParagraphs(t *testing.T) {
	before := `<p>First line<br>second line</p><ul><li>One item</li><li>Another   item</li></ul><blockquote>A quoted passage.</blockquote>`
	a, err := ingest.ReadHTML("page.html", []byte(page(`<meta property="og:title" content="Karsk">`, before)))
	if err != nil {
		t.Fatal(err)
	}
	want := "Karsk\n\nFirst line\nsecond line\n\nOne item\n\nAnother item\n\nA quoted passage.\n\n" + strings.Join(storyParagraphs, "\n\n")
	if a.Text != want {
		t.Errorf("text\n got %q\nwant %q", a.Text, want)
	}
}

func TestReadHTMLEncoding(t *testing.T) {
	cp1252 := func(s string) []byte {
		b, err := charmap.Windows1252.NewEncoder().String(s)
		if err != nil {
			panic(err)
		}
		return []byte(b)
	}
	cp1251 := func(s string) []byte {
		b, err := charmap.Windows1251.NewEncoder().String(s)
		if err != nil {
			panic(err)
		}
		return []byte(b)
	}
	utf16 := func(s string) []byte {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
		if err != nil {
			panic(err)
		}
		return []byte(b)
	}
	story := `<p class="lead">Talks in Zürich between the two delegations broke up without agreement, a spokesman said.</p>`
	storyRu := `<p class="lead">The newspaper Известия said talks in Moscow had broken up without agreement.</p>`
	const invalid = "<html><head><title>Z\xfcrich talks</title></head><body><p>x</p></body></html>"
	tests := []struct {
		name string
		data []byte
		want string // a paragraph of the text
		err  *wantErr
	}{
		{name: "UTF-8", data: []byte(page(`<meta charset="utf-8">`, story)), want: "Talks in Zürich"},
		{name: "UTF-8 with a byte order mark", data: append([]byte("\uFEFF"), page("", story)...), want: "Talks in Zürich"},
		{name: "meta charset windows-1252", data: cp1252(page(`<meta charset="windows-1252">`, story)), want: "Talks in Zürich"},
		{name: "meta charset latin1 label", data: cp1252(page(`<meta charset='ISO-8859-1'>`, story)), want: "Talks in Zürich"},
		{name: "http-equiv windows-1251", data: cp1251(page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, storyRu)), want: "The newspaper Известия said"},
		{name: "malformed http-equiv", data: cp1251(page(`<meta http-equiv="content-type" content="text/html;charset= windows-1251;">`, storyRu)), want: "The newspaper Известия said"},
		{name: "UTF-16 with a byte order mark", data: utf16(page(`<meta charset="utf-16">`, story)), want: "Talks in Zürich"},
		{name: "valid UTF-8 is read as UTF-8 whatever is declared", data: []byte(page(`<meta charset="windows-1252">`, story)), want: "Talks in Zürich"},
		{name: "invalid UTF-8, no charset", data: []byte(invalid),
			err: &wantErr{"page.html: invalid UTF-8 at byte 20", 0, 20, ingest.ErrEncoding}},
		{name: "invalid UTF-8, declared UTF-8", data: []byte(`<meta charset="UTF-8">` + invalid),
			err: &wantErr{"page.html: invalid UTF-8 at byte 42", 0, 42, ingest.ErrEncoding}},
		{name: "invalid UTF-8, offset counts the byte order mark", data: []byte("\uFEFF" + invalid),
			err: &wantErr{"page.html: invalid UTF-8 at byte 23", 0, 23, ingest.ErrEncoding}},
		{name: "unknown charset", data: []byte(`<meta charset="klingon-8">` + invalid),
			err: &wantErr{`page.html: invalid UTF-8 at byte 46, and the declared charset "klingon-8" is unknown`, 0, 46, ingest.ErrEncoding}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ingest.ReadHTML("page.html", tt.data)
			if tt.err != nil {
				if a != nil {
					t.Fatalf("got article %+v, want error", *a)
				}
				checkErr(t, err, *tt.err)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Text, tt.want) || !utf8.ValidString(a.Text) {
				t.Errorf("text lacks %q:\n%s", tt.want, a.Text)
			}
		})
	}
}

func TestReadHTMLNoText(t *testing.T) {
	tests := []struct {
		name string
		data string
	}{
		{"empty file", ""},
		{"empty body", `<html><head><title>Nothing here</title></head><body></body></html>`},
		{"scripts only", `<html><body><script>var story = "Troops retake Karsk";</script></body></html>`},
		{"not HTML at all", "\x00\x01\x02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ingest.ReadHTML("empty.html", []byte(tt.data))
			if a != nil {
				t.Fatalf("got article %+v, want ErrNoText", *a)
			}
			var ie *ingest.Error
			if !errors.As(err, &ie) || !errors.Is(err, ingest.ErrNoText) || ie.Path != "empty.html" || ie.Line != 0 || ie.Offset != -1 ||
				!strings.HasPrefix(err.Error(), "empty.html: no main text found") {
				t.Errorf("error %v, want empty.html: no main text found (ErrNoText)", err)
			}
		})
	}
}
