package story_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/cameo"
	"github.com/dyad-project/dyad/internal/story"
)

// fixture is the format of testdata/outlets.json: articles written for the
// tests, with their events coded by hand.
type fixture struct {
	Places   map[string]dyad.Place `json:"places"`
	Articles []struct {
		Doc       string      `json:"doc"`
		URL       string      `json:"url"`
		Published string      `json:"published"`
		Lines     [][2]string `json:"lines"`
		Actors    []string    `json:"actors"`
		Places    []string    `json:"places"`
		Events    []struct {
			S     int    `json:"s"`
			Src   string `json:"src"`
			Tgt   string `json:"tgt"`
			CAMEO string `json:"cameo"`
			Mode  string `json:"mode"`
			Date  string `json:"date"`
			Place string `json:"place"`
		} `json:"events"`
	} `json:"articles"`
}

var kinds = map[string]dyad.SentenceKind{
	"H": dyad.KindHeadline, "B": dyad.KindBody, "C": dyad.KindCaption, "X": dyad.KindBoilerplate,
}

// loadFixture reads testdata/outlets.json into analyses, one sentence a
// line, keyed by doc, and returns the docs in file order.
func loadFixture(t testing.TB) (map[string]*dyad.Analysis, []string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "outlets.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f fixture
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatalf("outlets.json: %v", err)
	}
	place := func(name string) *dyad.Place {
		p, ok := f.Places[name]
		if !ok {
			t.Fatalf("outlets.json: place %q not in the places table", name)
		}
		p.Text = name
		return &p
	}
	out := map[string]*dyad.Analysis{}
	var order []string
	for _, fa := range f.Articles {
		a := &dyad.Analysis{Doc: fa.Doc, URL: fa.URL, Published: fa.Published}
		var text strings.Builder
		for i, l := range fa.Lines {
			kind, ok := kinds[l[0]]
			if !ok {
				t.Fatalf("%s: line %d: unknown kind %q", fa.Doc, i, l[0])
			}
			if i > 0 {
				text.WriteString("\n\n")
			}
			start := text.Len()
			text.WriteString(l[1])
			a.Sentences = append(a.Sentences, dyad.Sentence{
				Start: start, End: text.Len(), Text: l[1], Kind: kind, Para: i,
			})
		}
		a.Text = text.String()
		for _, k := range fa.Actors {
			r := ref(k)
			a.Actors = append(a.Actors, dyad.Actor{Name: r.Name, Country: r.Country, Sector: r.Sector, Code: r.Code})
		}
		for _, p := range fa.Places {
			a.Places = append(a.Places, *place(p))
		}
		for i, fe := range fa.Events {
			if fe.S < 0 || fe.S >= len(a.Sentences) {
				t.Fatalf("%s: event %d: sentence %d out of range", fa.Doc, i, fe.S)
			}
			e := dyad.Event{
				ID: fmt.Sprintf("e%d", i+1), Sentence: fe.S, Source: ref(fe.Src),
				CAMEO: fe.CAMEO, Root: cameo.Root(fe.CAMEO), Mode: fe.Mode,
			}
			if fe.Tgt != "" {
				r := ref(fe.Tgt)
				e.Target = &r
			}
			if fe.Date != "" {
				d := fe.Date
				e.Date = &d
			}
			if fe.Place != "" {
				e.Place = place(fe.Place)
			}
			a.Events = append(a.Events, e)
		}
		out[fa.Doc] = a
		order = append(order, fa.Doc)
	}
	return out, order
}

// ref parses "USA GOV" (a country and a sector), "USA" (a country) or
// "IGOUNO" (an organisation's code) into an actor reference.
func ref(s string) dyad.ActorRef {
	f := strings.Fields(s)
	if len(f[0]) == 3 && strings.ToUpper(f[0]) == f[0] {
		r := dyad.ActorRef{Country: f[0], Name: s}
		if len(f) > 1 {
			r.Sector = f[1]
		}
		return r
	}
	return dyad.ActorRef{Code: f[0], Name: f[0]}
}

// mustIndex returns a new index or fails the test.
func mustIndex(t testing.TB, cfg story.Config) *story.Index {
	t.Helper()
	x, err := story.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// addAll adds the analyses in order and returns the results by doc.
func addAll(t testing.TB, x *story.Index, arts map[string]*dyad.Analysis, order []string) map[string]story.AddResult {
	t.Helper()
	out := map[string]story.AddResult{}
	for _, doc := range order {
		res, err := x.Add(story.FromAnalysis(arts[doc], ""))
		if err != nil {
			t.Fatalf("Add(%s): %v", doc, err)
		}
		out[doc] = res
	}
	return out
}

// mentionEvent returns the merged event id of the mention of event id in an
// add result.
func mentionEvent(t testing.TB, res story.AddResult, eventID string) int64 {
	t.Helper()
	for _, m := range res.Mentions {
		if m.EventID == eventID {
			return m.Event
		}
	}
	t.Fatalf("%s: no mention of %s", res.Article.Doc, eventID)
	return 0
}

// partition returns the stories as sorted doc lists, sorted, for comparing
// clusterings regardless of story ids.
func partition(x *story.Index) []string {
	var out []string
	for _, s := range x.Stories() {
		docs := append([]string(nil), s.Docs...)
		sort.Strings(docs)
		out = append(out, strings.Join(docs, " "))
	}
	sort.Strings(out)
	return out
}
