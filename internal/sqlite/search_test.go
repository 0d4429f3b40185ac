package sqlite_test

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
)

func TestSearch(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	putFixture(t, db)
	key := func(h dyad.SearchHit) string { return h.Kind + ":" + h.Doc }
	tests := []struct {
		name string
		f    dyad.SearchFilter
		want []string // kind:doc, in order; nil to check the set only
		set  []string
	}{
		{"everything, newest first", dyad.SearchFilter{}, []string{
			"article:geneva-ceasefire", "quote:geneva-ceasefire", "article:ankara-talks", "quote:ankara-talks",
			"article:helmand-attack", "quote:helmand-attack", "article:gas-warning"}, nil},
		{"word in articles and quotes", dyad.SearchFilter{Query: "migration"}, nil,
			[]string{"article:ankara-talks", "quote:ankara-talks"}},
		{"inflection", dyad.SearchFilter{Query: "punishing"}, nil, []string{"article:helmand-attack", "quote:helmand-attack"}},
		{"articles only", dyad.SearchFilter{Query: "migration", Kind: dyad.HitArticle}, []string{"article:ankara-talks"}, nil},
		{"quotes only", dyad.SearchFilter{Query: "Taliban", Kind: dyad.HitQuote}, []string{"quote:helmand-attack"}, nil},
		{"phrase", dyad.SearchFilter{Query: `"illegal migration"`}, nil, []string{"article:ankara-talks", "quote:ankara-talks"}},
		{"phrase in the wrong order", dyad.SearchFilter{Query: `"migration illegal"`}, []string{}, nil},
		{"OR", dyad.SearchFilter{Query: "ceasefire OR checkpoint", Kind: dyad.HitArticle}, nil,
			[]string{"article:geneva-ceasefire", "article:helmand-attack"}},
		{"NOT", dyad.SearchFilter{Query: "said -Taliban"}, nil, []string{"article:ankara-talks", "article:geneva-ceasefire"}},
		{"prefix", dyad.SearchFilter{Query: "critic*"}, []string{"article:ankara-talks"}, nil},
		{"diacritics and case", dyad.SearchFilter{Query: "DAVUTOĞLU"}, []string{"article:ankara-talks"}, nil},
		{"punctuation is ignored", dyad.SearchFilter{Query: "(gas) Russia!"}, []string{"article:gas-warning"}, nil},
		{"all words must match", dyad.SearchFilter{Query: "gas Taliban"}, []string{}, nil},
		{"actor", dyad.SearchFilter{Actor: "Angela Merkel"}, []string{"article:ankara-talks", "quote:ankara-talks"}, nil},
		{"actor by code with query", dyad.SearchFilter{Query: "ceasefire", Actor: "IGOUNO"}, nil,
			[]string{"article:geneva-ceasefire", "quote:geneva-ceasefire"}},
		{"dates", dyad.SearchFilter{From: "2016-01-01", To: "2016-02-10"}, []string{"article:ankara-talks", "quote:ankara-talks"}, nil},
		{"doc", dyad.SearchFilter{Doc: "gas-warning"}, []string{"article:gas-warning"}, nil},
		{"page", dyad.SearchFilter{Page: dyad.Page{Limit: 2, Offset: 1}}, []string{"quote:geneva-ceasefire", "article:ankara-talks"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, total, err := db.Search(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, h := range hits {
				got = append(got, key(h))
			}
			if tt.want != nil && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
			if tt.set != nil {
				g := append([]string(nil), got...)
				w := append([]string(nil), tt.set...)
				if !reflect.DeepEqual(sortStrings(g), sortStrings(w)) {
					t.Errorf("got %v, want %v in any order", got, tt.set)
				}
			}
			if tt.f.Limit == 0 && total != len(hits) {
				t.Errorf("total %d, %d hits", total, len(hits))
			}
		})
	}
}

func TestSearchSnippets(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	putFixture(t, db)
	hits, _, err := db.Search(ctx, dyad.SearchFilter{Query: "migration"})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if len(h.Highlights) == 0 {
			t.Errorf("%s hit %q has no highlight", h.Kind, h.Snippet)
		}
		for _, s := range h.Highlights {
			if w := strings.ToLower(h.Snippet[s.Start:s.End]); w != "migration" {
				t.Errorf("%s hit highlights %q in %q", h.Kind, w, h.Snippet)
			}
		}
		if strings.ContainsAny(h.Snippet, "\x02\x03") {
			t.Errorf("snippet keeps its markers: %q", h.Snippet)
		}
		if h.Kind == dyad.HitQuote && (h.Quote == nil || h.Quote.Speaker == nil || h.Quote.Speaker.Name != "Angela Merkel" || h.QuoteID == 0) {
			t.Errorf("quote hit without its quote: %+v", h)
		}
		if h.Title != "Germany and Turkey agree to curb migration" {
			t.Errorf("hit title %q", h.Title)
		}
	}
	hits, _, err = db.Search(ctx, dyad.SearchFilter{Doc: "helmand-attack", Kind: dyad.HitArticle})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || !strings.HasPrefix(hits[0].Snippet, "Taliban fighters attack police checkpoint in Helmand Taliban") ||
		!strings.HasSuffix(hits[0].Snippet, "…") || len(hits[0].Snippet) > 210 {
		t.Errorf("listing snippet %q", hits[0].Snippet)
	}
}

func sortStrings(s []string) []string {
	slices.Sort(s)
	return s
}
