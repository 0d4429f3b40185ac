package sqlite_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlite"
	"github.com/dyad-project/dyad/internal/story"
)

// meetingParas is the body of a wire story about two presidents meeting.
var meetingParas = [][]string{
	{"Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday to discuss trade and energy cooperation between the two countries."},
	{"The two leaders signed agreements on a new gas pipeline and on joint investment in railways, according to officials in the Kremlin."},
	{"Analysts said both governments wanted to show that they were not isolated as tensions with Western countries grew."},
}

// meeting builds an account of the meeting with the event of Putin meeting
// Xi in Moscow.
func meeting(doc, url, published, title string, paras ...[]string) *dyad.Analysis {
	b := article(doc, url, published, title, paras...)
	b.actor("Vladimir Putin", "RUS", "GOV", "RUSGOV", dyad.TypePerson, "Vladimir Putin").
		actor("Xi Jinping", "CHN", "GOV", "CHNGOV", dyad.TypePerson, "Xi Jinping")
	moscow := b.place("Moscow", "Moscow", "RUS", "Moscow", 55.75222, 37.61556, 524901)
	b.event(b.ref("Vladimir Putin", "Vladimir Putin"), b.ref("Xi Jinping", "Xi Jinping"), "040", "met",
		dyad.ModeAsserted, "2016-03-08", moscow)
	return b.a
}

// putStories stores, through the story index, a wire story, a portal's copy
// of it, another outlet's account of the same meeting and an unrelated
// story about floods, and returns their IDs.
func putStories(t testing.TB, db *sqlite.DB) []int64 {
	t.Helper()
	ctx := context.Background()
	wire := meeting("wire-1", "https://wire.example/world/putin-xi", "2016-03-08",
		"Putin meets Xi in Moscow for talks on trade and energy", meetingParas...)
	portal := meeting("portal-1", "https://portal.example/2016/03/putin-xi", "2016-03-09",
		"Putin meets Xi in Moscow for talks on trade and energy",
		append(append([][]string{}, meetingParas...), []string{"Copyright 2016 Wire News."})...)
	daily := meeting("daily-1", "https://daily.example/asia/xi-visit", "2016-03-08",
		"Kremlin hosts Chinese leader for energy talks",
		[]string{"Russian President Vladimir Putin met his counterpart Xi Jinping at the Kremlin in Moscow on Tuesday, the Chinese foreign ministry said."},
		[]string{"Xi arrived in the Russian capital on Monday for a two-day state visit focused on energy deals and trade."})
	fb := article("floods-1", "https://coast.example/local/floods", "2016-03-07",
		"Floods force thousands from their homes in Kenya",
		[]string{"Kenyan police arrested three protesters in Kisumu on Monday after residents blocked a road to demand help with flooding."},
		[]string{"Heavy rains caused rivers to burst their banks in western Kenya, forcing more than four thousand people to leave their homes."})
	fb.actor("Kenyan police", "KEN", "COP", "KENCOP", dyad.TypeOrganisation, "Kenyan police").
		actor("Kenyan protesters", "KEN", "OPP", "KENOPP", dyad.TypeGroup, "protesters")
	kisumu := fb.place("Kisumu", "Kisumu", "KEN", "Kisumu", -0.10221, 34.76171, 191245)
	fb.event(fb.ref("Kenyan police", "Kenyan police"), fb.ref("Kenyan protesters", "protesters"), "173", "arrested",
		dyad.ModeAsserted, "2016-03-07", kisumu)

	x, err := db.StoryIndex(ctx, story.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	res, err := x.PutAnalyses(ctx, []*dyad.Analysis{wire, portal, daily, fb.a})
	if err != nil {
		t.Fatal(err)
	}
	if res.Stored != 4 {
		t.Fatalf("stored %d articles, want 4", res.Stored)
	}
	return res.IDs
}

func TestStoryStore(t *testing.T) {
	db := openTemp(t)
	ids := putStories(t, db)
	wire, portal, daily, floods := ids[0], ids[1], ids[2], ids[3]
	ctx := context.Background()

	sts, total, err := db.FindStories(ctx, dyad.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := []dyad.StoredStory{
		{ID: 1, Title: "Putin meets Xi in Moscow for talks on trade and energy", TitleArticle: wire,
			First: "2016-03-08", Last: "2016-03-09", Articles: 3, Copies: 1, Events: 1},
		{ID: 2, Title: "Floods force thousands from their homes in Kenya", TitleArticle: floods,
			First: "2016-03-07", Last: "2016-03-07", Articles: 1, Events: 1},
	}
	if total != 2 || !reflect.DeepEqual(sts, want) {
		t.Fatalf("FindStories = %d %+v\nwant 2 %+v", total, sts, want)
	}

	d, err := db.GetStory(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	for _, a := range d.Docs {
		docs = append(docs, a.Doc)
	}
	if strings.Join(docs, " ") != "wire-1 portal-1 daily-1" {
		t.Errorf("story 1 articles %v, want wire-1 portal-1 daily-1", docs)
	}
	if p := d.Docs[1]; p.ID != portal || p.DupOf != wire || !p.Copy || p.Similarity < 0.8 || p.Outlet != "portal.example" ||
		p.Published != "2016-03-09" || p.Events != 1 {
		t.Errorf("portal article %+v: want a copy of %d", p, wire)
	}
	if a := d.Docs[2]; a.ID != daily || a.DupOf != 0 || a.Copy || a.Title != "Kremlin hosts Chinese leader for energy talks" {
		t.Errorf("daily article %+v", a)
	}
	if len(d.MergedEvents) != 1 {
		t.Fatalf("story 1 has %d merged events, want 1", len(d.MergedEvents))
	}
	ev := d.MergedEvents[0]
	wantEv := dyad.MergedEvent{ID: ev.ID, Source: "RUS", Target: "CHN", CAMEO: "040", Root: "04", Mode: "asserted",
		Date: "2016-03-08", Place: &dyad.MergedPlace{Name: "Moscow", Country: "RUS", Lat: 55.75222, Lon: 37.61556, GeonameID: 524901},
		Mentions: 3, Articles: 2, Sources: 2, Copies: 1, Outlets: []string{"daily.example", "wire.example"},
		CopyOutlets: []string{"portal.example"}, FirstSeen: "2016-03-08", LastSeen: "2016-03-09", IsRoot: true, Story: 1}
	if !reflect.DeepEqual(ev, wantEv) {
		t.Errorf("merged event\n%+v\nwant\n%+v", ev, wantEv)
	}
	wantActors := []dyad.NameCount{{Name: "Vladimir Putin", Count: 3}, {Name: "Xi Jinping", Count: 3}}
	if !reflect.DeepEqual(d.TopActors, wantActors) {
		t.Errorf("top actors %+v, want %+v", d.TopActors, wantActors)
	}
	wantPlaces := []dyad.NameCount{{Name: "Moscow", Country: "RUS", Count: 3}}
	if !reflect.DeepEqual(d.TopPlaces, wantPlaces) {
		t.Errorf("top places %+v, want %+v", d.TopPlaces, wantPlaces)
	}

	m, err := db.GetMergedEvent(ctx, ev.ID, dyad.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Reports) != 3 || m.ReportsTotal != 3 {
		t.Fatalf("%d reports of %d, want 3 of 3", len(m.Reports), m.ReportsTotal)
	}
	// By publication date, then article ID: the wire and the daily of the
	// 8th, then the portal's copy of the 9th.
	for i, w := range []struct {
		id     int64
		outlet string
		copy   bool
		dupOf  int64
	}{{wire, "wire.example", false, 0}, {daily, "daily.example", false, 0}, {portal, "portal.example", true, wire}} {
		r := m.Reports[i]
		if r.ArticleID != w.id || r.Outlet != w.outlet || r.Copy != w.copy || r.DupOf != w.dupOf || r.ID != "e1" || r.CAMEO != "040" {
			t.Errorf("report %d: article %d outlet %q copy %t dup_of %d event %s %s, want %+v",
				i, r.ArticleID, r.Outlet, r.Copy, r.DupOf, r.ID, r.CAMEO, w)
		}
		art, err := db.GetArticle(ctx, r.ArticleID)
		if err != nil {
			t.Fatal(err)
		}
		if r.Title != art.Title || r.URL != art.URL {
			t.Errorf("report %d: title %q url %q, want %q %q", i, r.Title, r.URL, art.Title, art.URL)
		}
		if end := r.SentenceStart + len(r.SentenceText); end > len(art.Text) || art.Text[r.SentenceStart:end] != r.SentenceText {
			t.Errorf("report %d: sentence_start %d does not locate %q", i, r.SentenceStart, r.SentenceText)
		}
		if r.Trigger.Start < r.SentenceStart || art.Text[r.Trigger.Start:r.Trigger.End] != "met" {
			t.Errorf("report %d: trigger %+v", i, r.Trigger)
		}
	}

	// Pages of reports: windows of the same order, with the same total.
	pages := []struct {
		name string
		page dyad.Page
		want []int64
	}{
		{"first", dyad.Page{Limit: 1}, []int64{wire}},
		{"middle", dyad.Page{Limit: 1, Offset: 1}, []int64{daily}},
		{"rest", dyad.Page{Offset: 1}, []int64{daily, portal}},
		{"past the end", dyad.Page{Limit: 2, Offset: 3}, nil},
	}
	for _, tt := range pages {
		t.Run("reports/"+tt.name, func(t *testing.T) {
			m, err := db.GetMergedEvent(ctx, ev.ID, tt.page)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, r := range m.Reports {
				got = append(got, r.ArticleID)
			}
			if !slices.Equal(got, tt.want) || m.ReportsTotal != 3 || m.Mentions != 3 {
				t.Errorf("reports of articles %v of %d (mentions %d), want %v of 3", got, m.ReportsTotal, m.Mentions, tt.want)
			}
		})
	}
	if _, err := db.GetMergedEvent(ctx, ev.ID, dyad.Page{Offset: -1}); !errors.Is(err, dyad.ErrInvalid) {
		t.Errorf("GetMergedEvent with a negative offset: %v, want ErrInvalid", err)
	}

	for _, id := range []int64{0, 99} {
		if _, err := db.GetStory(ctx, id); !errors.Is(err, dyad.ErrNotFound) {
			t.Errorf("GetStory(%d): %v, want ErrNotFound", id, err)
		}
		if _, err := db.GetMergedEvent(ctx, id, dyad.Page{}); !errors.Is(err, dyad.ErrNotFound) {
			t.Errorf("GetMergedEvent(%d): %v, want ErrNotFound", id, err)
		}
	}
}

func TestFindStoriesFilters(t *testing.T) {
	db := openTemp(t)
	putStories(t, db)
	ctx := context.Background()
	tests := []struct {
		name  string
		f     dyad.StoryFilter
		want  []int64
		total int
	}{
		{"all", dyad.StoryFilter{}, []int64{1, 2}, 2},
		{"actor key", dyad.StoryFilter{Actor: "KEN"}, []int64{2}, 1},
		{"actor key of a target", dyad.StoryFilter{Actor: "CHN"}, []int64{1}, 1},
		{"text", dyad.StoryFilter{Text: "pipeline"}, []int64{1}, 1},
		{"text matching the copy only", dyad.StoryFilter{Text: "copyright"}, []int64{1}, 1},
		{"from", dyad.StoryFilter{From: "2016-03-08"}, []int64{1}, 1},
		{"to", dyad.StoryFilter{To: "2016-03-07"}, []int64{2}, 1},
		{"overlapping", dyad.StoryFilter{From: "2016-03-09", To: "2016-03-10"}, []int64{1}, 1},
		{"min articles", dyad.StoryFilter{MinArticles: 2}, []int64{1}, 1},
		{"oldest first", dyad.StoryFilter{Sort: dyad.SortDate}, []int64{2, 1}, 2},
		{"newest first", dyad.StoryFilter{Sort: dyad.SortDateDesc}, []int64{1, 2}, 2},
		{"most articles", dyad.StoryFilter{Sort: dyad.SortArticles}, []int64{1, 2}, 2},
		{"second page", dyad.StoryFilter{Sort: dyad.SortDate, Page: dyad.Page{Limit: 1, Offset: 1}}, []int64{1}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sts, total, err := db.FindStories(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, s := range sts {
				got = append(got, s.ID)
			}
			if total != tt.total || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %d %v, want %d %v", total, got, tt.total, tt.want)
			}
		})
	}
}

func TestFindMergedEventsFilters(t *testing.T) {
	db := openTemp(t)
	ids := putStories(t, db)
	ctx := context.Background()
	// Event 1 is the meeting (three reports), event 2 the arrest.
	tests := []struct {
		name  string
		f     dyad.MergedEventFilter
		want  []int64
		total int
	}{
		{"all", dyad.MergedEventFilter{}, []int64{1, 2}, 2},
		{"actor", dyad.MergedEventFilter{Actor: "CHN"}, []int64{1}, 1},
		{"actor key with sector", dyad.MergedEventFilter{Actor: "KEN/OPP"}, []int64{2}, 1},
		{"source prefix", dyad.MergedEventFilter{Source: "KE"}, []int64{2}, 1},
		{"target is not source", dyad.MergedEventFilter{Target: "RUS"}, nil, 0},
		{"cameo", dyad.MergedEventFilter{CAMEO: "17"}, []int64{2}, 1},
		{"from", dyad.MergedEventFilter{From: "2016-03-09"}, []int64{1}, 1},
		{"to", dyad.MergedEventFilter{To: "2016-03-07"}, []int64{2}, 1},
		{"min sources", dyad.MergedEventFilter{MinSources: 2}, []int64{1}, 1},
		{"story", dyad.MergedEventFilter{Story: 2}, []int64{2}, 1},
		{"article", dyad.MergedEventFilter{ArticleID: ids[1]}, []int64{1}, 1},
		{"oldest first", dyad.MergedEventFilter{Sort: dyad.SortDate}, []int64{2, 1}, 2},
		{"newest first", dyad.MergedEventFilter{Sort: dyad.SortDateDesc}, []int64{1, 2}, 2},
		{"most sources", dyad.MergedEventFilter{Sort: dyad.SortSources}, []int64{1, 2}, 2},
		{"most mentions, page", dyad.MergedEventFilter{Sort: dyad.SortMentions, Page: dyad.Page{Limit: 1}}, []int64{1}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, total, err := db.FindMergedEvents(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, e := range evs {
				got = append(got, e.ID)
				if e.Reports != nil {
					t.Errorf("event %d has reports in a list", e.ID)
				}
			}
			if total != tt.total || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %d %v, want %d %v", total, got, tt.total, tt.want)
			}
		})
	}
}

func TestStoryFilterValidation(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	for _, f := range []dyad.StoryFilter{{From: "March"}, {Sort: "goldstein"}, {Text: "-only"}, {MinArticles: -1},
		{Page: dyad.Page{Limit: -1}}} {
		if _, _, err := db.FindStories(ctx, f); !errors.Is(err, dyad.ErrInvalid) {
			t.Errorf("FindStories(%+v): %v, want ErrInvalid", f, err)
		}
	}
	for _, f := range []dyad.MergedEventFilter{{To: "2016-13-01"}, {Sort: "name"}, {MinSources: -2},
		{Page: dyad.Page{Offset: -1}}} {
		if _, _, err := db.FindMergedEvents(ctx, f); !errors.Is(err, dyad.ErrInvalid) {
			t.Errorf("FindMergedEvents(%+v): %v, want ErrInvalid", f, err)
		}
	}
	// An empty store answers with empty lists, not nil.
	sts, total, err := db.FindStories(ctx, dyad.StoryFilter{})
	if err != nil || total != 0 || sts == nil {
		t.Errorf("FindStories on an empty store: %v %d %v", sts, total, err)
	}
}
