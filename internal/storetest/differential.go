package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlite"
	"github.com/dyad-project/dyad/internal/story"
)

// Putter stores batches of analyses; a store's story index writer is one.
type Putter interface {
	PutAnalyses(ctx context.Context, as []*dyad.Analysis) (dyad.PutResult, error)
}

// Target is a store under test, empty, and the writer that fills it and
// its story index (story.DefaultConfig()). Its clock must return Now, so
// that GetArticle's ingestion times agree.
type Target struct {
	Store  dyad.Store
	Writer Putter
}

// Now is the ingestion time both stores of Differential must record.
var Now = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// batchSize is how many analyses Differential stores per batch.
const batchSize = 4

// Differential stores Corpus in a new SQLite store and in the target, in
// the same batches, and requires the same results from both for every
// query of the matrix: identical JSON, identical totals, and errors of the
// same kind (dyad.ErrInvalid, dyad.ErrNotFound). Searches with a query are
// compared as sets of hits with the same total, because the order among
// hits of different relevance is the adapter's (docs/STORE.md); their
// highlights must lie inside their snippets.
func Differential(t *testing.T, target Target) {
	ctx := context.Background()
	ref, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "ref.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	ref.Now = func() time.Time { return Now }
	refW, err := ref.StoryIndex(ctx, story.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	as := Corpus(t)
	for i := 0; i < len(as); i += batchSize {
		batch := as[i:min(i+batchSize, len(as))]
		want, err := refW.PutAnalyses(ctx, batch)
		if err != nil {
			t.Fatal(err)
		}
		got, err := target.Writer.PutAnalyses(ctx, batch)
		if err != nil {
			t.Fatal(err)
		}
		same(t, fmt.Sprintf("PutAnalyses batch %d", i/batchSize), got, nil, want, nil)
	}
	// The corpus must give every kind of query rows to compare.
	_, nEv, err := ref.FindEvents(ctx, dyad.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	_, nQ, err := ref.FindQuotes(ctx, dyad.QuoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	top, nM, err := ref.FindMergedEvents(ctx, dyad.MergedEventFilter{Sort: dyad.SortMentions, Page: dyad.Page{Limit: 1}})
	if err != nil {
		t.Fatal(err)
	}
	sts, _, err := ref.FindStories(ctx, dyad.StoryFilter{Sort: dyad.SortArticles, Page: dyad.Page{Limit: 1}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("corpus: %d analyses, %d events, %d quotes, %d merged events", len(as), nEv, nQ, nM)
	if nEv < 20 || nQ < 5 || len(top) == 0 || top[0].Mentions < 2 || len(sts) == 0 || sts[0].Copies < 1 {
		t.Fatalf("the corpus is too poor to compare: %d events, %d quotes, merged %+v, stories %+v", nEv, nQ, top, sts)
	}
	for _, c := range queries(as) {
		t.Run(c.name, func(t *testing.T) {
			got, gerr := c.run(ctx, target.Store)
			want, werr := c.run(ctx, ref)
			if c.unordered {
				got, want = unorder(t, got), unorder(t, want)
			}
			same(t, c.name, got, gerr, want, werr)
		})
	}
}

// query is one case of the matrix: it runs against a store and returns
// something to compare as JSON.
type query struct {
	name      string
	run       func(ctx context.Context, s dyad.Store) (any, error)
	unordered bool // a search with a query: compare hits as a set
}

// page is a result list with its total.
type page struct {
	Rows  any `json:"rows"`
	Total int `json:"total"`
}

func queries(as []*dyad.Analysis) []query {
	var qs []query
	ev := func(name string, f dyad.EventFilter) {
		qs = append(qs, query{name: "events/" + name, run: func(ctx context.Context, s dyad.Store) (any, error) {
			rows, n, err := s.FindEvents(ctx, f)
			return page{rows, n}, err
		}})
		qs = append(qs, query{name: "scan/" + name, run: func(ctx context.Context, s dyad.Store) (any, error) {
			var rows []dyad.StoredEvent
			err := s.ScanEvents(ctx, f, func(e *dyad.StoredEvent) error { rows = append(rows, *e); return nil })
			return rows, err
		}})
		for _, o := range []dyad.TimelineOptions{{}, {Interval: dyad.IntervalDay, By: dyad.GroupQuad},
			{Interval: dyad.IntervalWeek, By: dyad.GroupRoot}} {
			qs = append(qs, query{name: "timeline/" + name + "/" + o.Interval + o.By, run: func(ctx context.Context, s dyad.Store) (any, error) {
				return s.Timeline(ctx, f, o)
			}})
		}
		for _, o := range []dyad.NetworkOptions{{}, {Node: dyad.NodeCountry}, {Node: dyad.NodeName, Limit: 3}} {
			qs = append(qs, query{name: "network/" + name + "/" + o.Node, run: func(ctx context.Context, s dyad.Store) (any, error) {
				return s.Network(ctx, f, o)
			}})
		}
		qs = append(qs, query{name: "map/" + name, run: func(ctx context.Context, s dyad.Store) (any, error) {
			return s.MapPoints(ctx, f)
		}})
	}
	ev("all", dyad.EventFilter{})
	for _, sort := range []string{dyad.SortDateDesc, dyad.SortGoldstein, dyad.SortGoldsteinDesc} {
		ev("sort"+sort, dyad.EventFilter{Sort: sort})
	}
	ev("page", dyad.EventFilter{Page: dyad.Page{Limit: 5, Offset: 3}})
	ev("offset", dyad.EventFilter{Sort: dyad.SortDateDesc, Page: dyad.Page{Offset: 4}})
	ev("actor-code", dyad.EventFilter{Actor: "USA"})
	ev("actor-name", dyad.EventFilter{Actor: "vladimir putin"})
	ev("source", dyad.EventFilter{Source: "RUS"})
	ev("target", dyad.EventFilter{Target: "TUR"})
	ev("country", dyad.EventFilter{Country: "SYR"})
	ev("sides", dyad.EventFilter{SourceCountry: "RUS", TargetCountry: "TUR"})
	ev("sector", dyad.EventFilter{Sector: "GOV"})
	ev("cameo", dyad.EventFilter{CAMEO: "04"})
	ev("root", dyad.EventFilter{Root: "11", Quad: 3})
	ev("plover", dyad.EventFilter{PLOVER: "CONSULT"})
	ev("mode", dyad.EventFilter{Mode: dyad.ModeAsserted})
	ev("dates", dyad.EventFilter{From: "2015-12-01", To: "2016-02-29"})
	ev("place", dyad.EventFilter{Place: "moscow"})
	ev("place-country", dyad.EventFilter{PlaceCountry: "AFG"})
	ev("text", dyad.EventFilter{Text: "sanctions -korea"})
	ev("text-phrase", dyad.EventFilter{Text: `"nuclear test" OR ceasefire`})
	ev("doc", dyad.EventFilter{Doc: "t-kabul"})
	ev("article", dyad.EventFilter{ArticleID: 3})

	for _, f := range []dyad.ActorFilter{{}, {Sort: dyad.SortArticles}, {Sort: dyad.SortEvents}, {Sort: dyad.SortName},
		{Query: "pres"}, {Query: "USA"}, {Country: "RUS"}, {Sector: "GOV", Page: dyad.Page{Limit: 2, Offset: 1}},
		{Type: "person"}, {ArticleID: 1}} {
		qs = append(qs, query{name: "actors/" + jsonName(f), run: func(ctx context.Context, s dyad.Store) (any, error) {
			rows, n, err := s.FindActors(ctx, f)
			return page{rows, n}, err
		}})
	}
	for _, f := range []dyad.QuoteFilter{{}, {Sort: dyad.SortDateDesc}, {Speaker: "Vladimir Putin"}, {Speaker: "AFG"},
		{About: "AFG"}, {Text: "trust OR lives"}, {From: "2016-01-01"}, {To: "2016-01-31"}, {Doc: "t-aid"},
		{ArticleID: 4}, {Page: dyad.Page{Limit: 2, Offset: 1}}} {
		qs = append(qs, query{name: "quotes/" + jsonName(f), run: func(ctx context.Context, s dyad.Store) (any, error) {
			rows, n, err := s.FindQuotes(ctx, f)
			return page{rows, n}, err
		}})
	}
	for _, f := range []dyad.SearchFilter{{}, {Kind: dyad.HitArticle}, {Kind: dyad.HitQuote, Page: dyad.Page{Limit: 3}},
		{Actor: "RUS"}, {From: "2016-01-01", To: "2016-03-01"}, {Doc: "t-geneva"},
		{Query: "talks"}, {Query: "attack*"}, {Query: `"nuclear test"`}, {Query: "sanctions -korea"},
		{Query: "geneve OR kabul"}, {Query: "Genève", Kind: dyad.HitArticle}, {Query: "negotiat* ceasefire"},
		{Query: "trust", Kind: dyad.HitQuote}, {Query: "said", Actor: "USA"}, {Query: "president", From: "2016-01-01"},
		{Query: "nothingmatchesthis"}} {
		qs = append(qs, query{name: "search/" + jsonName(f), unordered: f.Query != "",
			run: func(ctx context.Context, s dyad.Store) (any, error) {
				rows, n, err := s.Search(ctx, f)
				return page{rows, n}, err
			}})
	}
	for id := int64(0); id <= int64(len(as))+1; id++ {
		qs = append(qs, query{name: fmt.Sprintf("article/%d", id), run: func(ctx context.Context, s dyad.Store) (any, error) {
			return s.GetArticle(ctx, id)
		}})
	}
	for _, a := range as[:3] {
		qs = append(qs, query{name: "has/" + a.Doc, run: func(ctx context.Context, s dyad.Store) (any, error) {
			id, ok, err := s.HasArticle(ctx, a.URL, dyad.ContentHash(a.Text))
			return []any{id, ok}, err
		}})
	}
	for _, f := range []dyad.MergedEventFilter{{}, {Sort: dyad.SortDate}, {Sort: dyad.SortDateDesc},
		{Sort: dyad.SortSources, Page: dyad.Page{Limit: 4}}, {Sort: dyad.SortMentions}, {Actor: "RUS"},
		{Source: "USA"}, {Target: "TUR"}, {CAMEO: "04"}, {From: "2016-01-01", To: "2016-02-29"}, {Story: 1},
		{ArticleID: 2}, {MinSources: 2}} {
		qs = append(qs, query{name: "merged/" + jsonName(f), run: func(ctx context.Context, s dyad.Store) (any, error) {
			rows, n, err := s.FindMergedEvents(ctx, f)
			return page{rows, n}, err
		}})
	}
	for id := int64(0); id <= 6; id++ {
		for _, pg := range []dyad.Page{{}, {Limit: 1}, {Limit: 1, Offset: 1}, {Offset: 2}, {Limit: -1}} {
			qs = append(qs, query{name: fmt.Sprintf("merged-event/%d/%s", id, jsonName(pg)), run: func(ctx context.Context, s dyad.Store) (any, error) {
				return s.GetMergedEvent(ctx, id, pg)
			}})
		}
	}
	for _, f := range []dyad.StoryFilter{{}, {Sort: dyad.SortDate}, {Sort: dyad.SortDateDesc}, {Sort: dyad.SortArticles},
		{From: "2016-01-01"}, {To: "2015-12-31"}, {Actor: "RUS"}, {Text: "moscow"}, {MinArticles: 2},
		{Page: dyad.Page{Limit: 2, Offset: 1}}} {
		qs = append(qs, query{name: "stories/" + jsonName(f), run: func(ctx context.Context, s dyad.Store) (any, error) {
			rows, n, err := s.FindStories(ctx, f)
			return page{rows, n}, err
		}})
	}
	for id := int64(0); id <= int64(len(as))+1; id++ {
		qs = append(qs, query{name: fmt.Sprintf("story/%d", id), run: func(ctx context.Context, s dyad.Store) (any, error) {
			return s.GetStory(ctx, id)
		}})
	}

	// Bad filters: the same kind of error from both.
	badEvents := []dyad.EventFilter{{From: "2016-13-01"}, {To: "yesterday"}, {Quad: 5}, {Mode: "maybe"},
		{Sort: "size"}, {Page: dyad.Page{Limit: -1}}, {Text: "-only -negative"}, {Text: `"" *`}}
	for i, f := range badEvents {
		qs = append(qs, query{name: fmt.Sprintf("bad/events/%d", i), run: func(ctx context.Context, s dyad.Store) (any, error) {
			rows, n, err := s.FindEvents(ctx, f)
			return page{rows, n}, err
		}})
		qs = append(qs, query{name: fmt.Sprintf("bad/map/%d", i), run: func(ctx context.Context, s dyad.Store) (any, error) {
			return s.MapPoints(ctx, f)
		}})
	}
	qs = append(qs,
		query{name: "bad/timeline", run: func(ctx context.Context, s dyad.Store) (any, error) {
			return s.Timeline(ctx, dyad.EventFilter{}, dyad.TimelineOptions{Interval: "hour"})
		}},
		query{name: "bad/network", run: func(ctx context.Context, s dyad.Store) (any, error) {
			return s.Network(ctx, dyad.EventFilter{}, dyad.NetworkOptions{Node: "planet"})
		}},
		query{name: "bad/actors", run: func(ctx context.Context, s dyad.Store) (any, error) {
			rows, n, err := s.FindActors(ctx, dyad.ActorFilter{Sort: "height"})
			return page{rows, n}, err
		}},
		query{name: "bad/quotes", run: func(ctx context.Context, s dyad.Store) (any, error) {
			rows, n, err := s.FindQuotes(ctx, dyad.QuoteFilter{Sort: dyad.SortGoldstein})
			return page{rows, n}, err
		}},
		query{name: "bad/search", run: func(ctx context.Context, s dyad.Store) (any, error) {
			rows, n, err := s.Search(ctx, dyad.SearchFilter{Query: "-war"})
			return page{rows, n}, err
		}},
		query{name: "bad/search-kind", run: func(ctx context.Context, s dyad.Store) (any, error) {
			rows, n, err := s.Search(ctx, dyad.SearchFilter{Kind: "video"})
			return page{rows, n}, err
		}},
		query{name: "bad/merged", run: func(ctx context.Context, s dyad.Store) (any, error) {
			rows, n, err := s.FindMergedEvents(ctx, dyad.MergedEventFilter{MinSources: -1})
			return page{rows, n}, err
		}},
		query{name: "bad/stories", run: func(ctx context.Context, s dyad.Store) (any, error) {
			rows, n, err := s.FindStories(ctx, dyad.StoryFilter{Text: "-x"})
			return page{rows, n}, err
		}},
	)
	return qs
}

// jsonName names a filter by its JSON, for subtest names.
func jsonName(v any) string {
	b, _ := json.Marshal(v)
	s := strings.Trim(string(b), "{}")
	if s == "" {
		return "all"
	}
	return s
}

// errKind names the store error an error wraps.
func errKind(err error) string {
	switch {
	case err == nil:
		return "nil"
	case errors.Is(err, dyad.ErrInvalid):
		return "ErrInvalid"
	case errors.Is(err, dyad.ErrNotFound):
		return "ErrNotFound"
	}
	return "other error: " + err.Error()
}

// same fails the test unless got and want encode to the same JSON and the
// errors are of the same kind.
func same(t *testing.T, name string, got any, gerr error, want any, werr error) {
	t.Helper()
	if gk, wk := errKind(gerr), errKind(werr); gk != wk {
		t.Fatalf("%s: error %s (%v), SQLite %s (%v)", name, gk, gerr, wk, werr)
	}
	if werr != nil {
		return
	}
	g, err := json.MarshalIndent(got, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	w, err := json.MarshalIndent(want, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if string(g) != string(w) {
		t.Errorf("%s differs from SQLite:\n%s", name, diff(string(w), string(g)))
	}
}

// diff returns the first lines where two texts differ, with context.
func diff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		if i < len(wl) && i < len(gl) && wl[i] == gl[i] {
			continue
		}
		from := max(0, i-3)
		return fmt.Sprintf("line %d\nSQLite:\n%s\ngot:\n%s", i+1,
			strings.Join(wl[from:min(len(wl), i+4)], "\n"), strings.Join(gl[from:min(len(gl), i+4)], "\n"))
	}
	return ""
}

// unorder turns a page of search hits into its total and the sorted
// identities of its hits (kind, article, quote), after checking that every
// highlight lies inside its snippet. The rows keep what both stores must
// agree on; snippets and rank order are the adapter's.
func unorder(t *testing.T, v any) any {
	p, ok := v.(page)
	if !ok {
		return v
	}
	hits, _ := p.Rows.([]dyad.SearchHit)
	ids := make([]string, 0, len(hits))
	for _, h := range hits {
		ids = append(ids, fmt.Sprintf("%s/%d/%d", h.Kind, h.ArticleID, h.QuoteID))
		if len(h.Highlights) == 0 {
			t.Errorf("hit %s %d/%d: no highlight in snippet %q", h.Kind, h.ArticleID, h.QuoteID, h.Snippet)
		}
		for _, sp := range h.Highlights {
			if sp.Start < 0 || sp.End > len(h.Snippet) || sp.Start >= sp.End {
				t.Errorf("hit %s %d: highlight %v outside snippet %q", h.Kind, h.ArticleID, sp, h.Snippet)
			}
		}
	}
	sort.Strings(ids)
	return page{ids, p.Total}
}
