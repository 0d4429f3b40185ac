package sqlite_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
)

func TestFindEventsFilters(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	ids := putFixture(t, db)

	all := []string{"helmand-attack/e2", "helmand-attack/e1", "helmand-attack/e3",
		"ankara-talks/e1", "ankara-talks/e2", "ankara-talks/e3", "ankara-talks/e4",
		"geneva-ceasefire/e1", "gas-warning/e1"}
	tests := []struct {
		name string
		f    dyad.EventFilter
		want []string
	}{
		{"all, by date", dyad.EventFilter{}, all},
		{"newest first, undated last", dyad.EventFilter{Sort: dyad.SortDateDesc}, []string{
			"geneva-ceasefire/e1", "ankara-talks/e1", "ankara-talks/e2", "ankara-talks/e3", "ankara-talks/e4",
			"helmand-attack/e1", "helmand-attack/e3", "helmand-attack/e2", "gas-warning/e1"}},
		{"most conflictual first", dyad.EventFilter{Sort: dyad.SortGoldstein, Page: dyad.Page{Limit: 4}}, []string{
			"helmand-attack/e2", "helmand-attack/e1", "gas-warning/e1", "helmand-attack/e3"}},
		{"most cooperative first", dyad.EventFilter{Sort: dyad.SortGoldsteinDesc, Page: dyad.Page{Limit: 2}}, []string{
			"ankara-talks/e3", "ankara-talks/e1"}},
		{"actor by name, either side", dyad.EventFilter{Actor: "ahmet davutoglu"}, []string{"ankara-talks/e2", "ankara-talks/e4"}},
		{"actor by country code prefix", dyad.EventFilter{Actor: "TUR"}, []string{
			"ankara-talks/e1", "ankara-talks/e2", "ankara-talks/e4"}},
		{"lower-case value is a name only", dyad.EventFilter{Actor: "tur"}, nil},
		{"source by code", dyad.EventFilter{Source: "TAL"}, []string{"helmand-attack/e2", "helmand-attack/e1"}},
		{"target by name", dyad.EventFilter{Target: "Taliban"}, []string{"helmand-attack/e3"}},
		{"source and target", dyad.EventFilter{Source: "DEU", Target: "TUR"}, []string{"ankara-talks/e1", "ankara-talks/e2"}},
		{"country either side", dyad.EventFilter{Country: "AFG"}, []string{"helmand-attack/e2", "helmand-attack/e1", "helmand-attack/e3"}},
		{"source country", dyad.EventFilter{SourceCountry: "AFG"}, []string{"helmand-attack/e3"}},
		{"target country", dyad.EventFilter{TargetCountry: "SYR"}, []string{"geneva-ceasefire/e1"}},
		{"sector", dyad.EventFilter{Sector: "IGO"}, []string{"ankara-talks/e4", "geneva-ceasefire/e1"}},
		{"CAMEO root as prefix", dyad.EventFilter{CAMEO: "19"}, []string{"helmand-attack/e2", "helmand-attack/e1"}},
		{"CAMEO exact code", dyad.EventFilter{CAMEO: "193"}, []string{"helmand-attack/e2"}},
		{"root", dyad.EventFilter{Root: "11"}, []string{"helmand-attack/e3", "ankara-talks/e4"}},
		{"PLOVER type", dyad.EventFilter{PLOVER: "AGREE"}, []string{"ankara-talks/e1", "geneva-ceasefire/e1"}},
		{"quad class", dyad.EventFilter{Quad: 3}, []string{"helmand-attack/e3", "ankara-talks/e4", "gas-warning/e1"}},
		{"mode", dyad.EventFilter{Mode: dyad.ModeFuture}, []string{"ankara-talks/e3", "geneva-ceasefire/e1"}},
		{"date range", dyad.EventFilter{From: "2015-10-21", To: "2016-02-08"}, []string{
			"helmand-attack/e1", "helmand-attack/e3", "ankara-talks/e1", "ankara-talks/e2", "ankara-talks/e3", "ankara-talks/e4"}},
		{"month date counts as its first day", dyad.EventFilter{From: "2016-03-01"}, []string{"geneva-ceasefire/e1"}},
		{"place name", dyad.EventFilter{Place: "helmand"}, []string{"helmand-attack/e2"}},
		{"place as written", dyad.EventFilter{Place: "Helmand province"}, []string{"helmand-attack/e2"}},
		{"place country", dyad.EventFilter{PlaceCountry: "CHE"}, []string{"geneva-ceasefire/e1"}},
		{"article text", dyad.EventFilter{Text: "refugee camps"}, []string{
			"ankara-talks/e1", "ankara-talks/e2", "ankara-talks/e3", "ankara-talks/e4"}},
		{"doc", dyad.EventFilter{Doc: "gas-warning"}, []string{"gas-warning/e1"}},
		{"article ID", dyad.EventFilter{ArticleID: ids[2]}, []string{"geneva-ceasefire/e1"}},
		{"combined", dyad.EventFilter{Country: "TUR", Quad: 1, Mode: dyad.ModeAsserted}, []string{"ankara-talks/e1", "ankara-talks/e2"}},
		{"page", dyad.EventFilter{Page: dyad.Page{Limit: 3, Offset: 2}}, all[2:5]},
		{"offset only", dyad.EventFilter{Page: dyad.Page{Offset: 7}}, all[7:]},
		{"past the end", dyad.EventFilter{Page: dyad.Page{Limit: 5, Offset: 20}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, total, err := db.FindEvents(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if keys := eventKeys(got); !reflect.DeepEqual(keys, tt.want) && !(len(keys) == 0 && len(tt.want) == 0) {
				t.Errorf("got  %v\nwant %v", keys, tt.want)
			}
			wantTotal := len(tt.want)
			if tt.f.Limit > 0 || tt.f.Offset > 0 {
				f := tt.f
				f.Page = dyad.Page{}
				_, wantTotal, _ = db.FindEvents(ctx, f)
			}
			if total != wantTotal {
				t.Errorf("total %d, want %d", total, wantTotal)
			}
			var scanned []dyad.StoredEvent
			err = db.ScanEvents(ctx, tt.f, func(e *dyad.StoredEvent) error {
				scanned = append(scanned, *e)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(eventKeys(scanned), eventKeys(got)) {
				t.Errorf("ScanEvents gave %v, FindEvents %v", eventKeys(scanned), eventKeys(got))
			}
		})
	}
}

func TestStoredEventFields(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	ids := putFixture(t, db)
	got, _, err := db.FindEvents(ctx, dyad.EventFilter{Doc: "ankara-talks"})
	if err != nil {
		t.Fatal(err)
	}
	fx := fixture()[0]
	for i, e := range got {
		if !reflect.DeepEqual(e.Event, fx.Events[i]) {
			t.Errorf("event %d:\n got %+v\nwant %+v", i, e.Event, fx.Events[i])
		}
		if e.ArticleID != ids[0] || e.Doc != fx.Doc || e.URL != fx.URL || e.Published != fx.Published || e.GlobalID == 0 {
			t.Errorf("event %d: article fields %d %q %q %q %d", i, e.ArticleID, e.Doc, e.URL, e.Published, e.GlobalID)
		}
		if e.SentenceText != fx.Sentences[e.Sentence].Text {
			t.Errorf("event %d: sentence text %q", i, e.SentenceText)
		}
	}
	// Lead: the headline and the first body paragraph only.
	if lead := []bool{got[0].Lead, got[1].Lead, got[2].Lead, got[3].Lead}; !reflect.DeepEqual(lead, []bool{true, true, false, false}) {
		t.Errorf("lead flags %v", lead)
	}
	if got[0].Day != "2016-02-08" {
		t.Errorf("day of an undated event %q, want the publication date", got[0].Day)
	}
	undated, _, err := db.FindEvents(ctx, dyad.EventFilter{Doc: "gas-warning"})
	if err != nil {
		t.Fatal(err)
	}
	if undated[0].Day != "" || undated[0].Date != nil {
		t.Errorf("event of an undated article: day %q date %v", undated[0].Day, undated[0].Date)
	}
}

func TestFilterValidation(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	tests := []struct {
		name string
		run  func() error
	}{
		{"bad from", func() error { _, _, err := db.FindEvents(ctx, dyad.EventFilter{From: "2016-2-8"}); return err }},
		{"bad quad", func() error { _, _, err := db.FindEvents(ctx, dyad.EventFilter{Quad: 5}); return err }},
		{"bad mode", func() error { _, _, err := db.FindEvents(ctx, dyad.EventFilter{Mode: "maybe"}); return err }},
		{"bad sort", func() error { _, _, err := db.FindEvents(ctx, dyad.EventFilter{Sort: "cameo"}); return err }},
		{"negative limit", func() error {
			_, _, err := db.FindEvents(ctx, dyad.EventFilter{Page: dyad.Page{Limit: -1}})
			return err
		}},
		{"text without words", func() error { _, _, err := db.FindEvents(ctx, dyad.EventFilter{Text: `" - "`}); return err }},
		{"bad interval", func() error {
			_, err := db.Timeline(ctx, dyad.EventFilter{}, dyad.TimelineOptions{Interval: "year"})
			return err
		}},
		{"bad grouping", func() error {
			_, err := db.Timeline(ctx, dyad.EventFilter{}, dyad.TimelineOptions{By: "actor"})
			return err
		}},
		{"bad node", func() error {
			_, err := db.Network(ctx, dyad.EventFilter{}, dyad.NetworkOptions{Node: "sector"})
			return err
		}},
		{"bad filter in aggregate", func() error { _, err := db.MapPoints(ctx, dyad.EventFilter{To: "soon"}); return err }},
		{"bad actor sort", func() error { _, _, err := db.FindActors(ctx, dyad.ActorFilter{Sort: "age"}); return err }},
		{"bad quote sort", func() error {
			_, _, err := db.FindQuotes(ctx, dyad.QuoteFilter{Sort: dyad.SortGoldstein})
			return err
		}},
		{"bad kind", func() error { _, _, err := db.Search(ctx, dyad.SearchFilter{Kind: "event"}); return err }},
		{"only negative terms", func() error { _, _, err := db.Search(ctx, dyad.SearchFilter{Query: "-taliban"}); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.run(); !errors.Is(err, dyad.ErrInvalid) {
				t.Errorf("error %v, want ErrInvalid", err)
			}
		})
	}
}

func TestTimeline(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	putFixture(t, db)
	tests := []struct {
		name string
		f    dyad.EventFilter
		o    dyad.TimelineOptions
		want []dyad.TimelinePoint
	}{
		{"month", dyad.EventFilter{}, dyad.TimelineOptions{}, []dyad.TimelinePoint{
			{Period: "2015-10", Count: 3, Goldstein: -7.33},
			{Period: "2016-02", Count: 4, Goldstein: 2.6},
			{Period: "2016-03", Count: 1, Goldstein: 4},
		}},
		{"week by quad", dyad.EventFilter{}, dyad.TimelineOptions{Interval: dyad.IntervalWeek, By: dyad.GroupQuad}, []dyad.TimelinePoint{
			{Period: "2015-10-19", Key: "3", Count: 1, Goldstein: -2},
			{Period: "2015-10-19", Key: "4", Count: 2, Goldstein: -10},
			{Period: "2016-02-08", Key: "1", Count: 2, Goldstein: 2.5},
			{Period: "2016-02-08", Key: "2", Count: 1, Goldstein: 7.4},
			{Period: "2016-02-08", Key: "3", Count: 1, Goldstein: -2},
			{Period: "2016-02-29", Key: "1", Count: 1, Goldstein: 4},
		}},
		{"day by root, filtered", dyad.EventFilter{Country: "AFG"}, dyad.TimelineOptions{Interval: dyad.IntervalDay, By: dyad.GroupRoot}, []dyad.TimelinePoint{
			{Period: "2015-10-20", Key: "19", Count: 1, Goldstein: -10},
			{Period: "2015-10-21", Key: "11", Count: 1, Goldstein: -2},
			{Period: "2015-10-21", Key: "19", Count: 1, Goldstein: -10},
		}},
		{"nothing", dyad.EventFilter{Country: "FRA"}, dyad.TimelineOptions{}, []dyad.TimelinePoint{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.Timeline(ctx, tt.f, tt.o)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestNetwork(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	putFixture(t, db)
	tests := []struct {
		name string
		f    dyad.EventFilter
		o    dyad.NetworkOptions
		want []dyad.Edge
	}{
		{"codes", dyad.EventFilter{}, dyad.NetworkOptions{}, []dyad.Edge{
			{Source: "TAL", Target: "AFGCOP", Count: 2, Goldstein: -10, Quad: [4]int{0, 0, 0, 2}},
			{Source: "AFGGOV", Target: "TAL", Count: 1, Goldstein: -2, Quad: [4]int{0, 0, 1, 0}},
			{Source: "DEU", Target: "TUR", Count: 1, Goldstein: 4, Quad: [4]int{1, 0, 0, 0}},
			{Source: "DEUGOV", Target: "TURGOV", Count: 1, Goldstein: 1, Quad: [4]int{1, 0, 0, 0}},
			{Source: "IGOUNO", Target: "SYRGOV", Count: 1, Goldstein: 4, Quad: [4]int{1, 0, 0, 0}},
			{Source: "RUS", Target: "UKR", Count: 1, Goldstein: -4.4, Quad: [4]int{0, 0, 1, 0}},
			{Source: "TURGOV", Target: "IGOEEC", Count: 1, Goldstein: -2, Quad: [4]int{0, 0, 1, 0}},
		}},
		{"countries, top 2", dyad.EventFilter{}, dyad.NetworkOptions{Node: dyad.NodeCountry, Limit: 2}, []dyad.Edge{
			{Source: "", Target: "AFG", Count: 2, Goldstein: -10, Quad: [4]int{0, 0, 0, 2}},
			{Source: "DEU", Target: "TUR", Count: 2, Goldstein: 2.5, Quad: [4]int{2, 0, 0, 0}},
		}},
		{"names, filtered", dyad.EventFilter{Doc: "helmand-attack", Quad: 4}, dyad.NetworkOptions{Node: dyad.NodeName}, []dyad.Edge{
			{Source: "Taliban", Target: "Afghan police", Count: 2, Goldstein: -10, Quad: [4]int{0, 0, 0, 2}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.Network(ctx, tt.f, tt.o)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestMapPoints(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	putFixture(t, db)
	got, err := db.MapPoints(ctx, dyad.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := []dyad.MapPoint{
		{Name: "Ankara", Country: "TUR", Admin1: "Ankara", GeonameID: 323786, Lat: 39.91987, Lon: 32.85427, Count: 1, Goldstein: 1, Quad: [4]int{1, 0, 0, 0}},
		{Name: "Geneva", Country: "CHE", Admin1: "Geneva", GeonameID: 2660646, Lat: 46.20222, Lon: 6.14569, Count: 1, Goldstein: 4, Quad: [4]int{1, 0, 0, 0}},
		{Name: "Helmand", Country: "AFG", Admin1: "Helmand", GeonameID: 1140026, Lat: 31, Lon: 64, Count: 1, Goldstein: -10, Quad: [4]int{0, 0, 0, 1}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	got, err = db.MapPoints(ctx, dyad.EventFilter{Quad: 4})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Name != "Helmand" {
		t.Errorf("material conflict points %+v, want Helmand only", got)
	}
}

func TestFindActors(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	fx := fixture()
	// Merkel again, a year later and in another role, to see both roles.
	later := article("merkel-later", "", "2017-03-01", "Merkel visits Washington",
		[]string{"Former chancellor candidate Angela Merkel arrived in Washington."})
	later.actor("Angela Merkel", "DEU", "ELI", "DEUELI", dyad.TypePerson, "Angela Merkel", "Merkel")
	if _, err := db.PutAnalyses(ctx, append(fx, later.a)); err != nil {
		t.Fatal(err)
	}
	names := func(ss []dyad.ActorSummary) []string {
		var out []string
		for _, s := range ss {
			out = append(out, s.Name)
		}
		return out
	}
	tests := []struct {
		name  string
		f     dyad.ActorFilter
		want  []string
		total int
	}{
		{"most mentioned", dyad.ActorFilter{Page: dyad.Page{Limit: 3}}, []string{"Angela Merkel", "Syria", "Taliban"}, 14},
		{"by name", dyad.ActorFilter{Sort: dyad.SortName, Page: dyad.Page{Limit: 3}}, []string{"Afghan police", "Ahmet Davutoglu", "Angela Merkel"}, 14},
		{"by events", dyad.ActorFilter{Sort: dyad.SortEvents, Page: dyad.Page{Limit: 2}}, []string{"Taliban", "Afghan police"}, 14},
		{"name contains", dyad.ActorFilter{Query: "merk"}, []string{"Angela Merkel"}, 1},
		{"code prefix", dyad.ActorFilter{Query: "SYR"}, []string{"Syria", "Syrian opposition"}, 2},
		{"country and type", dyad.ActorFilter{Country: "TUR", Type: dyad.TypePerson}, []string{"Ahmet Davutoglu"}, 1},
		{"sector", dyad.ActorFilter{Sector: "IGO", Sort: dyad.SortName}, []string{"European Union", "Staffan de Mistura", "United Nations"}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, total, err := db.FindActors(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(names(got), tt.want) || total != tt.total {
				t.Errorf("got %v (%d), want %v (%d)", names(got), total, tt.want, tt.total)
			}
		})
	}
	got, _, err := db.FindActors(ctx, dyad.ActorFilter{Query: "angela merkel"})
	if err != nil {
		t.Fatal(err)
	}
	want := dyad.ActorSummary{Name: "Angela Merkel", Type: dyad.TypePerson, Articles: 2, Mentions: 5,
		AsSource: 1, AsTarget: 0, Quotes: 1, Roles: []dyad.ActorRole{
			{Code: "DEUGOV", Country: "DEU", Sector: "GOV", Articles: 1, First: "2016-02-08", Last: "2016-02-08"},
			{Code: "DEUELI", Country: "DEU", Sector: "ELI", Articles: 1, First: "2017-03-01", Last: "2017-03-01"},
		}}
	if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestFindQuotes(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	putFixture(t, db)
	tests := []struct {
		name string
		f    dyad.QuoteFilter
		want []string // first word of each quote
	}{
		{"all, oldest first", dyad.QuoteFilter{}, []string{"The", "We", "Everyone"}},
		{"newest first", dyad.QuoteFilter{Sort: dyad.SortDateDesc}, []string{"Everyone", "We", "The"}},
		{"speaker by name", dyad.QuoteFilter{Speaker: "angela merkel"}, []string{"We"}},
		{"speaker by code", dyad.QuoteFilter{Speaker: "IGO"}, []string{"Everyone"}},
		{"about an actor named inside", dyad.QuoteFilter{About: "Taliban"}, []string{"The"}},
		{"about by code", dyad.QuoteFilter{About: "SYR"}, []string{"Everyone"}},
		{"about someone not quoted on", dyad.QuoteFilter{About: "Ahmet Davutoglu"}, nil},
		{"words", dyad.QuoteFilter{Text: "punish"}, []string{"The"}},
		{"dates", dyad.QuoteFilter{From: "2016-01-01", To: "2016-02-10"}, []string{"We"}},
		{"doc", dyad.QuoteFilter{Doc: "geneva-ceasefire"}, []string{"Everyone"}},
		{"page", dyad.QuoteFilter{Page: dyad.Page{Limit: 1, Offset: 1}}, []string{"We"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, total, err := db.FindQuotes(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var words []string
			for _, q := range got {
				words = append(words, strings.Fields(q.Text)[0])
				if q.Speaker == nil || q.Doc == "" || q.GlobalID == 0 {
					t.Errorf("quote %q lacks speaker or article: %+v", q.Text, q)
				}
			}
			if !reflect.DeepEqual(words, tt.want) {
				t.Errorf("got %v, want %v", words, tt.want)
			}
			if tt.f.Limit == 0 && total != len(tt.want) {
				t.Errorf("total %d, want %d", total, len(tt.want))
			}
		})
	}
}
