package httpapi_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/httpapi"
	"github.com/dyad-project/dyad/internal/sqlite"
	"github.com/dyad-project/dyad/internal/story"
)

// hospitalParas is the body of a wire story about the United States
// threatening Syria with sanctions, with a curly quote and a no-break
// space before the trigger.
var hospitalParas = [][]string{
	{"WASHINGTON\u00a0\u2014 The United States threatened Syria with fresh sanctions on Tuesday after the bombing of a hospital in Aleppo killed at least twenty people."},
	{"\u201cThose responsible will pay a price,\u201d a State Department spokesman told reporters, adding that the measures would target officials and banks."},
	{"Syrian officials denied that government aircraft had struck the hospital and blamed rebel groups for the attack."},
}

// threat adds the event of the United States threatening Syria over the
// bombing in Aleppo to an account of it.
func threat(d *draft, trigger string) *dyad.Analysis {
	d.actor("United States", "USA", "", "USA", dyad.TypeState, "United States").
		actor("Syria", "SYR", "", "SYR", dyad.TypeState, "Syria")
	d.event(d.ref("United States", "United States"), d.ref("Syria", "Syria", trigger), "1312", trigger, "2016-03-08", "Tuesday",
		d.at("Aleppo", aleppo))
	return d.a
}

// storyFixture returns a wire story (2016-03-08), a portal's copy of it
// published a day later, another outlet's account of the same threat and
// an unrelated story about a Turkish border crossing.
func storyFixture() []*dyad.Analysis {
	wire := threat(newDraft("wire-threat", "https://wire.example/world/us-syria-sanctions", "2016-03-08",
		"US threatens Syria with sanctions over hospital bombing", hospitalParas...), "threatened")
	portal := threat(newDraft("portal-threat", "https://portal.example/2016/03/09/us-syria", "2016-03-09",
		"US threatens Syria with sanctions over hospital bombing",
		append(slices.Clone(hospitalParas), []string{"Copyright 2016 Wire News. All rights reserved."})...), "threatened")
	daily := threat(newDraft("daily-threat", "https://daily.example/mideast/aleppo-hospital", "2016-03-08",
		"Washington warns Damascus after Aleppo hospital strike",
		[]string{"The United States on Tuesday warned Syria that it would impose new sanctions over an air strike on a hospital in Aleppo, officials said."},
		[]string{"Doctors at the hospital said the building was hit twice in the early hours."}), "warned")
	border := newDraft("border-crossing", "https://coast.example/turkey/border", "2016-03-01",
		"Turkey reopens border crossing for aid convoys",
		[]string{"Turkey reopened the Oncupinar border crossing on Monday to let aid convoys reach camps near Azaz, a Turkish official said."})
	border.actor("Turkey", "TUR", "", "TUR", dyad.TypeState, "Turkey")
	border.event(border.ref("Turkey", "Turkey"), nil, "0233", "reopened", "2016-02-29", "Monday", border.at("Azaz", azaz))
	return []*dyad.Analysis{wire, portal, daily, border.a}
}

// openStoryStore returns a store holding the story fixture, stored through
// the story index as `dyad ingest` stores, and the IDs of its articles by
// document name.
func openStoryStore(t testing.TB) (*sqlite.DB, map[string]int64) {
	t.Helper()
	db := openEmpty(t)
	ctx := context.Background()
	x, err := db.StoryIndex(ctx, story.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	as := storyFixture()
	res, err := x.PutAnalyses(ctx, as)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for i, a := range as {
		ids[a.Doc] = res.IDs[i]
	}
	return db, ids
}

// storiesPage is the answer of GET /api/stories.
type storiesPage struct {
	Total   int                `json:"total"`
	Next    string             `json:"next"`
	Stories []dyad.StoredStory `json:"stories"`
}

// mergedPage is the answer of GET /api/merged-events.
type mergedPage struct {
	Total  int                `json:"total"`
	Next   string             `json:"next"`
	Events []dyad.MergedEvent `json:"merged_events"`
}

func TestStories(t *testing.T) {
	db, ids := openStoryStore(t)
	ts := newServer(t, db, httpapi.Config{})

	var page storiesPage
	getJSON(t, ts.URL, "/api/stories", http.StatusOK, &page)
	if page.Total != 2 || len(page.Stories) != 2 {
		t.Fatalf("stories: %+v, want 2", page)
	}
	threatStory := page.Stories[0]
	if threatStory.Title != "US threatens Syria with sanctions over hospital bombing" || threatStory.Articles != 3 ||
		threatStory.Copies != 1 || threatStory.Events != 1 || threatStory.First != "2016-03-08" || threatStory.Last != "2016-03-09" {
		t.Errorf("first story %+v", threatStory)
	}
	tests := []struct {
		name  string
		query string
		want  []int64
	}{
		{"actor key, any case", "actor=tur", []int64{2}},
		{"text", "text=hospital", []int64{1}},
		{"period", "from=2016-03-05&to=2016-03-31", []int64{1}},
		{"size", "min_articles=2", []int64{1}},
		{"oldest first", "sort=date", []int64{2, 1}},
		{"page", "sort=articles&limit=1&offset=1", []int64{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p storiesPage
			getJSON(t, ts.URL, "/api/stories?"+tt.query, http.StatusOK, &p)
			var got []int64
			for _, s := range p.Stories {
				got = append(got, s.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("stories %v, want %v", got, tt.want)
			}
		})
	}
	var first storiesPage
	getJSON(t, ts.URL, "/api/stories?limit=1", http.StatusOK, &first)
	if first.Next != "/api/stories?limit=1&offset=1" {
		t.Errorf("next = %q", first.Next)
	}

	var one struct {
		Story dyad.StoryDetail `json:"story"`
	}
	getJSON(t, ts.URL, fmt.Sprintf("/api/stories/%d", threatStory.ID), http.StatusOK, &one)
	st := one.Story
	var docs []string
	for _, a := range st.Docs {
		docs = append(docs, a.Doc)
	}
	if !slices.Equal(docs, []string{"wire-threat", "portal-threat", "daily-threat"}) {
		t.Errorf("story articles %v", docs)
	}
	if st.Docs[1].DupOf != ids["wire-threat"] || st.Docs[0].DupOf != 0 || st.Docs[2].DupOf != 0 {
		t.Errorf("copy links %+v: want portal-threat only, a copy of wire-threat", st.Docs)
	}
	if len(st.MergedEvents) != 1 || st.MergedEvents[0].Mentions != 3 || st.MergedEvents[0].Sources != 2 ||
		st.MergedEvents[0].Source != "USA" || st.MergedEvents[0].Target != "SYR" {
		t.Errorf("story merged events %+v", st.MergedEvents)
	}
	if len(st.TopActors) != 2 || st.TopActors[0] != (dyad.NameCount{Name: "Syria", Count: 3}) ||
		len(st.TopPlaces) != 1 || st.TopPlaces[0] != (dyad.NameCount{Name: "Aleppo", Country: "SYR", Count: 3}) {
		t.Errorf("top actors %+v, places %+v", st.TopActors, st.TopPlaces)
	}
}

func TestMergedEvents(t *testing.T) {
	db, ids := openStoryStore(t)
	ts := newServer(t, db, httpapi.Config{})

	tests := []struct {
		name  string
		query string
		want  []string
	}{
		{"all", "", []string{"USA>SYR", "TUR>"}},
		{"actor key, any case", "actor=syr", []string{"USA>SYR"}},
		{"source", "source=TUR", []string{"TUR>"}},
		{"cameo", "cameo=13", []string{"USA>SYR"}},
		{"from", "from=2016-03-02", []string{"USA>SYR"}},
		{"to", "to=2016-03-01", []string{"TUR>"}},
		{"min sources", "min_sources=2", []string{"USA>SYR"}},
		{"story", "story=2", []string{"TUR>"}},
		{"article", fmt.Sprintf("article_id=%d", ids["portal-threat"]), []string{"USA>SYR"}},
		{"oldest first", "sort=date", []string{"TUR>", "USA>SYR"}},
		{"most sources", "sort=sources&limit=1", []string{"USA>SYR"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p mergedPage
			getJSON(t, ts.URL, "/api/merged-events?"+tt.query, http.StatusOK, &p)
			var got []string
			for _, e := range p.Events {
				got = append(got, e.Source+">"+e.Target)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("merged events %v, want %v", got, tt.want)
			}
		})
	}

	var p mergedPage
	getJSON(t, ts.URL, "/api/merged-events?source=USA", http.StatusOK, &p)
	if len(p.Events) != 1 {
		t.Fatalf("USA merged events: %+v", p)
	}
	var one struct {
		Event dyad.MergedEvent `json:"merged_event"`
	}
	getJSON(t, ts.URL, fmt.Sprintf("/api/merged-events/%d", p.Events[0].ID), http.StatusOK, &one)
	ev := one.Event
	if ev.Mentions != 3 || ev.Articles != 2 || ev.Copies != 1 || !slices.Equal(ev.Outlets, []string{"daily.example", "wire.example"}) ||
		!slices.Equal(ev.CopyOutlets, []string{"portal.example"}) || ev.Place == nil || ev.Place.Name != "Aleppo" {
		t.Errorf("merged event %+v", ev)
	}
	var reports []string
	for _, r := range ev.Reports {
		reports = append(reports, fmt.Sprintf("%s %s %s %t", r.Doc, r.Outlet, r.Trigger.Text, r.Copy))
		sent := r.SentenceText
		if s, e := r.Trigger.Start-r.SentenceStart, r.Trigger.End-r.SentenceStart; s < 0 || e > len(sent) || sent[s:e] != r.Trigger.Text {
			t.Errorf("report %s: the trigger %+v is not at its offset in the sentence %q (start %d)",
				r.Doc, r.Trigger, sent, r.SentenceStart)
		}
		if !strings.Contains(sent, "Syria") {
			t.Errorf("report %s: sentence %q", r.Doc, sent)
		}
	}
	want := []string{"daily-threat daily.example warned false", "wire-threat wire.example threatened false",
		"portal-threat portal.example threatened true"}
	if ids["daily-threat"] < ids["wire-threat"] {
		t.Fatal("the fixture's IDs are not in order")
	}
	want[0], want[1] = want[1], want[0] // same day: by article ID
	if !slices.Equal(reports, want) {
		t.Errorf("reports\n%q\nwant\n%q", reports, want)
	}
	if ev.Reports[2].DupOf != ids["wire-threat"] || ev.Reports[2].Title == "" {
		t.Errorf("the copy's report %+v", ev.Reports[2])
	}

	// The reports page by page, following the next links.
	type reportPage struct {
		Total  int              `json:"total"`
		Limit  int              `json:"limit"`
		Offset int              `json:"offset"`
		Next   string           `json:"next"`
		Event  dyad.MergedEvent `json:"merged_event"`
	}
	var paged []string
	next := fmt.Sprintf("/api/merged-events/%d?limit=2", ev.ID)
	for n := 0; next != ""; n++ {
		if n == 3 {
			t.Fatalf("more than 2 pages of 3 reports; last link %s", next)
		}
		var rp reportPage
		getJSON(t, ts.URL, next, http.StatusOK, &rp)
		if rp.Total != 3 || rp.Event.ReportsTotal != 3 || rp.Limit != 2 || rp.Offset != 2*n || rp.Event.Mentions != 3 {
			t.Errorf("%s: total %d reports_total %d limit %d offset %d", next, rp.Total, rp.Event.ReportsTotal, rp.Limit, rp.Offset)
		}
		for _, r := range rp.Event.Reports {
			paged = append(paged, fmt.Sprintf("%s %s %s %t", r.Doc, r.Outlet, r.Trigger.Text, r.Copy))
		}
		next = rp.Next
	}
	if !slices.Equal(paged, want) {
		t.Errorf("paged reports\n%q\nwant\n%q", paged, want)
	}
	var dflt reportPage
	getJSON(t, ts.URL, fmt.Sprintf("/api/merged-events/%d", ev.ID), http.StatusOK, &dflt)
	if dflt.Limit != 50 || dflt.Offset != 0 || dflt.Next != "" || dflt.Total != 3 {
		t.Errorf("default page: limit %d offset %d next %q total %d", dflt.Limit, dflt.Offset, dflt.Next, dflt.Total)
	}
}

func TestStoryErrors(t *testing.T) {
	db, _ := openStoryStore(t)
	ts := newServer(t, db, httpapi.Config{})
	tests := []struct {
		path   string
		status int
		code   string
	}{
		{"/api/stories/99", http.StatusNotFound, httpapi.ECodeNotFound},
		{"/api/stories/x", http.StatusBadRequest, httpapi.ECodeInvalid},
		{"/api/stories/1?full=1", http.StatusBadRequest, httpapi.ECodeInvalid},
		{"/api/stories?sort=goldstein", http.StatusBadRequest, httpapi.ECodeInvalid},
		{"/api/stories?from=March", http.StatusBadRequest, httpapi.ECodeInvalid},
		{"/api/stories?text=-only", http.StatusBadRequest, httpapi.ECodeInvalid},
		{"/api/stories?min_articles=0", http.StatusBadRequest, httpapi.ECodeInvalid},
		{"/api/merged-events/0", http.StatusBadRequest, httpapi.ECodeInvalid},
		{"/api/merged-events/12345", http.StatusNotFound, httpapi.ECodeNotFound},
		{"/api/merged-events/1?limit=0", http.StatusBadRequest, httpapi.ECodeInvalid},
		{"/api/merged-events/1?offset=-1", http.StatusBadRequest, httpapi.ECodeInvalid},
		{"/api/merged-events/1?limit=100000", http.StatusBadRequest, httpapi.ECodeInvalid},
		{"/api/merged-events/1?sort=date", http.StatusBadRequest, httpapi.ECodeInvalid},
		{"/api/merged-events?cameo=x", http.StatusBadRequest, httpapi.ECodeInvalid},
		{"/api/merged-events?quad=1", http.StatusBadRequest, httpapi.ECodeInvalid},
		{"/api/merged-events?story=-1", http.StatusBadRequest, httpapi.ECodeInvalid},
		{"/api/merged-events?limit=100000", http.StatusBadRequest, httpapi.ECodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			var body struct {
				Error httpapi.Error `json:"error"`
			}
			getJSON(t, ts.URL, tt.path, tt.status, &body)
			if body.Error.Code != tt.code || body.Error.Message == "" {
				t.Errorf("error %+v, want code %s", body.Error, tt.code)
			}
		})
	}
}
