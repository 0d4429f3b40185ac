package httpapi

import (
	"errors"
	"net/url"
	"testing"

	"github.com/dyad-project/dyad"
)

func TestEventFilterParams(t *testing.T) {
	tests := []struct {
		name  string
		query string
		want  dyad.EventFilter
		err   bool
	}{
		{"defaults", "", dyad.EventFilter{Page: dyad.Page{Limit: 50}}, false},
		{"every field", "actor=Angela+Merkel&source=USA&target=SYRGOV&country=deu&source_country=USA&target_country=SYR" +
			"&sector=GOV&cameo=042&root=04&plover=CONSULT&quad=1&mode=negated&from=2016-01-01&to=2016-12-31" +
			"&place=Geneva&place_country=che&text=%22peace+talks%22&doc=ex-001&article_id=7&sort=-goldstein&limit=10&offset=30",
			dyad.EventFilter{Actor: "Angela Merkel", Source: "USA", Target: "SYRGOV", Country: "DEU", SourceCountry: "USA",
				TargetCountry: "SYR", Sector: "GOV", CAMEO: "042", Root: "04", PLOVER: "CONSULT", Quad: 1, Mode: "negated",
				From: "2016-01-01", To: "2016-12-31", Place: "Geneva", PlaceCountry: "CHE", Text: `"peace talks"`, Doc: "ex-001",
				ArticleID: 7, Sort: "-goldstein", Page: dyad.Page{Limit: 10, Offset: 30}}, false},
		{"empty values are absent", "actor=&quad=&sort=", dyad.EventFilter{Page: dyad.Page{Limit: 50}}, false},
		{"unknown parameter", "sources=USA", dyad.EventFilter{}, true},
		{"quad out of range", "quad=5", dyad.EventFilter{}, true},
		{"article ID negative", "article_id=-3", dyad.EventFilter{}, true},
		{"limit over the largest page", "limit=501", dyad.EventFilter{}, true},
		{"a day that does not exist", "from=2016-01-01&to=2016-02-30", dyad.EventFilter{}, true},
		{"invalid UTF-8", "actor=%ff", dyad.EventFilter{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			p := newParams(v)
			got := p.eventFilter(true, 50, 500)
			err = p.finish()
			if tt.err {
				if !errors.Is(err, dyad.ErrInvalid) {
					t.Errorf("error %v, want one wrapping dyad.ErrInvalid", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("filter = %+v\nwant     %+v", got, tt.want)
			}
		})
	}
}

// FuzzEventFilterParams checks that any query either fails with
// dyad.ErrInvalid or gives a filter the store accepts, within the page
// bounds, that encodes to a query giving the same filter back.
func FuzzEventFilterParams(f *testing.F) {
	for _, s := range []string{
		"", "source=USA&target=SYR", "quad=4&sort=-date&limit=10&offset=20",
		"country=syr&from=2016-01-01&to=2016-12-31", "text=%22peace+talks%22+-rumour+negotiat*",
		"root=19&cameo=190", "actor=a&actor=b", "%zz", "limit=99999999999999999999",
		"place=%C3%A9vian&place_country=che", "actor=+%C2%A0Angela+Merkel%C2%A0+", "text=-war", "mode=future&quad=0",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		p := newParams(v)
		got := p.eventFilter(true, 50, 500)
		if err := p.finish(); err != nil {
			if !errors.Is(err, dyad.ErrInvalid) {
				t.Fatalf("error %v does not wrap dyad.ErrInvalid", err)
			}
			return
		}
		if err := got.Validate(); err != nil {
			t.Fatalf("accepted %q, which the store refuses: %v", raw, err)
		}
		if got.Limit < 1 || got.Limit > 500 || got.Offset < 0 {
			t.Fatalf("page %+v out of bounds", got.Page)
		}
		q := encodeEventFilter(got)
		p2 := newParams(q)
		again := p2.eventFilter(true, 50, 500)
		if err := p2.finish(); err != nil {
			t.Fatalf("%q: its encoding %q is refused: %v", raw, q.Encode(), err)
		}
		if again != got {
			t.Fatalf("%q: %+v encodes to %q, which reads back as %+v", raw, got, q.Encode(), again)
		}
	})
}
