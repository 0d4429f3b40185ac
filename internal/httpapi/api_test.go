package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/cameo"
	"github.com/dyad-project/dyad/internal/httpapi"
)

// getJSON GETs a path, checks the status, and decodes the body into out.
func getJSON(t *testing.T, base, path string, status int, out any) {
	t.Helper()
	res, body := do(t, http.MethodGet, base+path, "", nil)
	if res.StatusCode != status {
		t.Fatalf("GET %s: status %d, want %d; body %s", path, res.StatusCode, status, body)
	}
	if ct := res.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("GET %s: Content-Type %q", path, ct)
	}
	if err := json.Unmarshal(body, out); err != nil {
		t.Fatalf("GET %s: %v in %s", path, err, body)
	}
}

// eventsPage is the answer of GET /api/events.
type eventsPage struct {
	Total  int                `json:"total"`
	Limit  int                `json:"limit"`
	Offset int                `json:"offset"`
	Next   string             `json:"next"`
	Events []dyad.StoredEvent `json:"events"`
}

func keys(es []dyad.StoredEvent) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.Doc+"/"+e.ID)
	}
	return out
}

// allEvents are the fixture's events in date order.
var allEvents = []string{
	"kerry-geneva/e1", "kerry-geneva/e2", "kerry-geneva/e3", "azaz-shelling/e1",
	"us-sanctions/e1", "us-sanctions/e2", "us-sanctions/e3", "aleppo-bombing/e1", "aid-airdrop/e1",
}

func TestEvents(t *testing.T) {
	db, ids := openStore(t)
	ts := newServer(t, db, httpapi.Config{})
	tests := []struct {
		name  string
		query string
		want  []string
		total int // when not len(want)
	}{
		{"all", "", allEvents, 0},
		{"USA to SYR", "source=USA&target=SYR", []string{"kerry-geneva/e1", "us-sanctions/e1", "aid-airdrop/e1"}, 0},
		{"actor by name, any case", "actor=john+kerry", []string{"kerry-geneva/e1", "kerry-geneva/e2"}, 0},
		{"country either side", "country=RUS", []string{"kerry-geneva/e2", "kerry-geneva/e3", "aleppo-bombing/e1"}, 0},
		{"country lower-cased", "source_country=syr", []string{"us-sanctions/e2", "us-sanctions/e3"}, 0},
		{"target country", "target_country=USA", []string{"us-sanctions/e2", "us-sanctions/e3"}, 0},
		{"sector", "sector=MIL", []string{"azaz-shelling/e1", "aleppo-bombing/e1", "aid-airdrop/e1"}, 0},
		{"root", "root=19", []string{"azaz-shelling/e1", "aleppo-bombing/e1"}, 0},
		{"CAMEO prefix", "cameo=1", []string{"azaz-shelling/e1", "us-sanctions/e1", "us-sanctions/e2", "us-sanctions/e3", "aleppo-bombing/e1"}, 0},
		{"PLOVER", "plover=THREATEN", []string{"us-sanctions/e1"}, 0},
		{"quad", "quad=2", []string{"aid-airdrop/e1"}, 0},
		{"mode", "mode=future", []string{}, 0},
		{"dates", "from=2016-03-01&to=2016-04-10", []string{"us-sanctions/e1", "us-sanctions/e2", "us-sanctions/e3", "aleppo-bombing/e1"}, 0},
		{"place", "place=aleppo", []string{"us-sanctions/e1", "aleppo-bombing/e1"}, 0},
		{"place country", "place_country=CHE", []string{"kerry-geneva/e1", "kerry-geneva/e2"}, 0},
		{"text", "text=sanctions", []string{"us-sanctions/e1", "us-sanctions/e2", "us-sanctions/e3"}, 0},
		{"doc", "doc=aid-airdrop", []string{"aid-airdrop/e1"}, 0},
		{"article", fmt.Sprintf("article_id=%d", ids["kerry-geneva"]), []string{"kerry-geneva/e1", "kerry-geneva/e2", "kerry-geneva/e3"}, 0},
		{"newest first, one page", "sort=-date&limit=2", []string{"aid-airdrop/e1", "aleppo-bombing/e1"}, 9},
		{"most conflictual first", "sort=goldstein&limit=4", []string{"azaz-shelling/e1", "aleppo-bombing/e1", "us-sanctions/e1", "us-sanctions/e2"}, 9},
		{"most cooperative first", "sort=-goldstein&limit=2", []string{"aid-airdrop/e1", "kerry-geneva/e3"}, 9},
		{"second page", "limit=4&offset=4", []string{"us-sanctions/e1", "us-sanctions/e2", "us-sanctions/e3", "aleppo-bombing/e1"}, 9},
		{"white space trimmed", "source=+USA+&target=SYR%20", []string{"kerry-geneva/e1", "us-sanctions/e1", "aid-airdrop/e1"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var page eventsPage
			getJSON(t, ts.URL, "/api/events?"+tt.query, http.StatusOK, &page)
			if got := keys(page.Events); !slices.Equal(got, tt.want) {
				t.Errorf("events = %v, want %v", got, tt.want)
			}
			total := tt.total
			if total == 0 {
				total = len(tt.want)
			}
			if page.Total != total {
				t.Errorf("total = %d, want %d", page.Total, total)
			}
		})
	}
}

func TestEventsFields(t *testing.T) {
	db, ids := openStore(t)
	ts := newServer(t, db, httpapi.Config{})
	var page eventsPage
	getJSON(t, ts.URL, "/api/events?doc=kerry-geneva&limit=1", http.StatusOK, &page)
	if page.Limit != 1 || page.Offset != 0 || page.Total != 3 {
		t.Errorf("envelope = %d/%d/%d, want limit 1, offset 0, total 3", page.Limit, page.Offset, page.Total)
	}
	e := page.Events[0]
	if e.ArticleID != ids["kerry-geneva"] || e.CAMEO != "0233" || e.Quad != 1 || e.Day != "2016-02-11" ||
		e.Source.Code != "USAGOV" || e.Target == nil || e.Target.Code != "SYRGOV" || e.Place == nil || e.Place.Name != "Geneva" ||
		e.Trigger.Text != "urged" || !strings.Contains(e.SentenceText, "urged the Syrian government") {
		t.Errorf("event = %+v", e)
	}
	if want := "/api/events?doc=kerry-geneva&limit=1&offset=1"; page.Next != want {
		t.Errorf("next = %q, want %q", page.Next, want)
	}
}

// TestEventsPages follows the next links through every page.
func TestEventsPages(t *testing.T) {
	db, _ := openStore(t)
	ts := newServer(t, db, httpapi.Config{})
	var got []string
	path := "/api/events?limit=2"
	for pages := 0; path != ""; pages++ {
		if pages > 10 {
			t.Fatal("too many pages")
		}
		var page eventsPage
		getJSON(t, ts.URL, path, http.StatusOK, &page)
		got = append(got, keys(page.Events)...)
		path = page.Next
	}
	if !slices.Equal(got, allEvents) {
		t.Errorf("pages gave %v, want %v", got, allEvents)
	}
}

func TestTimeline(t *testing.T) {
	db, _ := openStore(t)
	ts := newServer(t, db, httpapi.Config{})
	type point struct {
		Period, Key string
		Count       int
	}
	tests := []struct {
		name, query string
		want        []point
	}{
		{"month by quad", "interval=month&by=quad", []point{
			{"2016-02", "1", 3}, {"2016-02", "4", 1}, {"2016-03", "3", 3}, {"2016-04", "2", 1}, {"2016-04", "4", 1}}},
		{"default: month, one series", "", []point{{"2016-02", "", 4}, {"2016-03", "", 3}, {"2016-04", "", 2}}},
		{"week by root, filtered", "interval=week&by=root&source=USA", []point{
			{"2016-02-08", "02", 1}, {"2016-02-08", "04", 1}, {"2016-03-07", "13", 1}, {"2016-04-18", "07", 1}}},
		{"day", "interval=day&root=19", []point{{"2016-02-20", "", 1}, {"2016-04-02", "", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res struct {
				Interval string `json:"interval"`
				Points   []point
			}
			getJSON(t, ts.URL, "/api/timeline?"+tt.query, http.StatusOK, &res)
			if !slices.Equal(res.Points, tt.want) {
				t.Errorf("points = %v, want %v", res.Points, tt.want)
			}
		})
	}
}

func TestNetwork(t *testing.T) {
	db, _ := openStore(t)
	ts := newServer(t, db, httpapi.Config{})
	var res struct {
		Node  string `json:"node"`
		Nodes []struct {
			ID              string
			Events, Out, In int
		}
		Edges []dyad.Edge
	}
	getJSON(t, ts.URL, "/api/network?node=country", http.StatusOK, &res)
	var edges []string
	for _, e := range res.Edges {
		edges = append(edges, fmt.Sprintf("%s>%s:%d", e.Source, e.Target, e.Count))
	}
	if want := []string{"USA>SYR:3", "RUS>SYR:2", "SYR>USA:2", "TUR>SYR:1", "USA>RUS:1"}; !slices.Equal(edges, want) {
		t.Errorf("edges = %v, want %v", edges, want)
	}
	var nodes []string
	for _, n := range res.Nodes {
		nodes = append(nodes, fmt.Sprintf("%s:%d/%d/%d", n.ID, n.Events, n.Out, n.In))
	}
	if want := []string{"RUS:3/2/1", "SYR:8/2/6", "TUR:1/1/0", "USA:6/4/2"}; !slices.Equal(nodes, want) {
		t.Errorf("nodes = %v, want %v", nodes, want)
	}
	if res.Node != "country" || res.Edges[0].Goldstein != 1.67 {
		t.Errorf("node %q, first edge %+v", res.Node, res.Edges[0])
	}

	getJSON(t, ts.URL, "/api/network?limit=1&source=SYR", http.StatusOK, &res)
	if len(res.Edges) != 1 || res.Node != "code" || res.Edges[0].Source != "SYRGOV" || res.Edges[0].Target != "USA" || res.Edges[0].Count != 2 {
		t.Errorf("SYR's top edge by code = %+v (node %q)", res.Edges, res.Node)
	}
}

func TestMap(t *testing.T) {
	db, _ := openStore(t)
	ts := newServer(t, db, httpapi.Config{})
	var res struct{ Points []dyad.MapPoint }
	getJSON(t, ts.URL, "/api/map", http.StatusOK, &res)
	var got []string
	for _, p := range res.Points {
		got = append(got, fmt.Sprintf("%s/%s:%d", p.Name, p.Country, p.Count))
	}
	if want := []string{"Aleppo/SYR:2", "Geneva/CHE:2", "Azaz/SYR:1", "Deir ez-Zor/SYR:1"}; !slices.Equal(got, want) {
		t.Errorf("points = %v, want %v", got, want)
	}
	getJSON(t, ts.URL, "/api/map?quad=4", http.StatusOK, &res)
	if len(res.Points) != 2 {
		t.Errorf("material conflict at %d places, want 2", len(res.Points))
	}
}

func TestActors(t *testing.T) {
	db, _ := openStore(t)
	ts := newServer(t, db, httpapi.Config{})
	var res struct {
		Total  int
		Next   string
		Actors []dyad.ActorSummary
	}
	getJSON(t, ts.URL, "/api/actors?q=kerry", http.StatusOK, &res)
	if res.Total != 1 || res.Actors[0].Name != "John Kerry" || res.Actors[0].AsSource != 2 || res.Actors[0].Quotes != 1 ||
		len(res.Actors[0].Roles) != 1 || res.Actors[0].Roles[0].Code != "USAGOV" || res.Actors[0].Roles[0].First != "2016-02-12" {
		t.Errorf("actors = %+v", res)
	}
	getJSON(t, ts.URL, "/api/actors?sort=name&limit=3", http.StatusOK, &res)
	var names []string
	for _, a := range res.Actors {
		names = append(names, a.Name)
	}
	if want := []string{"John Kerry", "Kurdish militia", "Russia"}; !slices.Equal(names, want) || res.Total != 13 {
		t.Errorf("first actors by name = %v of %d, want %v of 13", names, res.Total, want)
	}
	if want := "/api/actors?limit=3&offset=3&sort=name"; res.Next != want {
		t.Errorf("next = %q, want %q", res.Next, want)
	}
	getJSON(t, ts.URL, "/api/actors?country=SYR&type=group", http.StatusOK, &res)
	if res.Total != 3 {
		t.Errorf("%d Syrian groups, want 3 (civilians, rebels, militia)", res.Total)
	}
}

// profile is the answer of GET /api/actors/{name}.
type profile struct {
	Actor    dyad.ActorSummary
	AsSource []rootRow `json:"as_source"`
	AsTarget []rootRow `json:"as_target"`
}

type rootRow struct {
	Root, Label  string
	Count        int
	Goldstein    float64
	Counterparts []struct {
		Name, Code string
		Count      int
	}
}

// summary prints root rows as "root:count[counterpart×n ...]".
func summary(rows []rootRow) []string {
	out := []string{}
	for _, r := range rows {
		var cps []string
		for _, c := range r.Counterparts {
			cps = append(cps, fmt.Sprintf("%s×%d", c.Name, c.Count))
		}
		out = append(out, fmt.Sprintf("%s:%d[%s]", r.Root, r.Count, strings.Join(cps, " ")))
	}
	return out
}

func TestActor(t *testing.T) {
	db, _ := openStore(t)
	ts := newServer(t, db, httpapi.Config{})
	tests := []struct {
		name, path     string
		actor          string
		source, target []string
	}{
		{"a person, any case", "/api/actors/john%20kerry", "John Kerry",
			[]string{"02:1[Syrian government×1]", "04:1[Sergei Lavrov×1]"}, []string{}},
		{"both sides", "/api/actors/United%20States", "United States",
			[]string{"13:1[Syria×1]"}, []string{"11:1[Syrian officials×1]", "12:1[Syrian officials×1]"}},
		{"done to", "/api/actors/Syrian%20government", "Syrian government",
			[]string{}, []string{"02:1[John Kerry×1]", "03:1[Russia×1]"}},
		{"a state", "/api/actors/" + url.PathEscape("Syria"), "Syria",
			[]string{}, []string{"13:1[United States×1]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p profile
			getJSON(t, ts.URL, tt.path, http.StatusOK, &p)
			if p.Actor.Name != tt.actor {
				t.Errorf("actor = %q, want %q", p.Actor.Name, tt.actor)
			}
			if got := summary(p.AsSource); !slices.Equal(got, tt.source) {
				t.Errorf("as source = %v, want %v", got, tt.source)
			}
			if got := summary(p.AsTarget); !slices.Equal(got, tt.target) {
				t.Errorf("as target = %v, want %v", got, tt.target)
			}
		})
	}
	var p profile
	getJSON(t, ts.URL, "/api/actors/John%20Kerry", http.StatusOK, &p)
	if p.AsSource[0].Label != "Appeal" || p.AsSource[0].Goldstein != 3.4 || p.AsSource[0].Counterparts[0].Code != "SYRGOV" {
		t.Errorf("John Kerry's first root = %+v", p.AsSource[0])
	}
}

func TestQuotes(t *testing.T) {
	db, _ := openStore(t)
	ts := newServer(t, db, httpapi.Config{})
	tests := []struct {
		query string
		want  []string
	}{
		{"speaker=John+Kerry", []string{"The regime must open the roads now,"}},
		{"speaker=USAGOV", []string{"The regime must open the roads now,"}},
		{"about=Syrian+government", []string{"The regime must open the roads now,"}},
		{"about=Russia", []string{}},
		{"text=roads", []string{"The regime must open the roads now,"}},
		{"from=2016-03-01", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var res struct {
				Total  int
				Quotes []dyad.StoredQuote
			}
			getJSON(t, ts.URL, "/api/quotes?"+tt.query, http.StatusOK, &res)
			got := []string{}
			for _, q := range res.Quotes {
				got = append(got, q.Text)
			}
			if !slices.Equal(got, tt.want) || res.Total != len(tt.want) {
				t.Errorf("quotes = %q (total %d), want %q", got, res.Total, tt.want)
			}
		})
	}
}

func TestSearch(t *testing.T) {
	db, ids := openStore(t)
	ts := newServer(t, db, httpapi.Config{})
	var res struct {
		Total int
		Hits  []dyad.SearchHit
	}
	getJSON(t, ts.URL, "/api/search?q=sanction*", http.StatusOK, &res)
	if res.Total != 1 || res.Hits[0].ArticleID != ids["us-sanctions"] || len(res.Hits[0].Highlights) == 0 {
		t.Errorf("search sanction* = %+v", res)
	}
	h := res.Hits[0].Highlights[0]
	if got := res.Hits[0].Snippet[h.Start:h.End]; !strings.EqualFold(got, "sanctions") {
		t.Errorf("highlight %q, want sanctions", got)
	}
	getJSON(t, ts.URL, "/api/search?q=regime&kind=quote", http.StatusOK, &res)
	if res.Total != 1 || res.Hits[0].Kind != dyad.HitQuote || res.Hits[0].Quote.Speaker.Name != "John Kerry" {
		t.Errorf("quote search = %+v", res)
	}
	getJSON(t, ts.URL, "/api/search?limit=2", http.StatusOK, &res)
	if res.Total != 6 || len(res.Hits) != 2 {
		t.Errorf("everything: %d hits of %d, want 2 of 6 (5 articles, 1 quote)", len(res.Hits), res.Total)
	}
}

// articleView is the answer of GET /api/articles/{id}.
type articleView struct {
	Article struct {
		ID    int64  `json:"id"`
		Doc   string `json:"doc"`
		Text  string `json:"text"`
		Title string `json:"title"`
		dyad.Analysis
	} `json:"article"`
	Spans []httpapi.Span `json:"spans"`
}

func TestArticle(t *testing.T) {
	db, ids := openStore(t)
	ts := newServer(t, db, httpapi.Config{})
	var v articleView
	getJSON(t, ts.URL, fmt.Sprintf("/api/articles/%d", ids["kerry-geneva"]), http.StatusOK, &v)
	want := fixture()[0]
	if v.Article.ID != ids["kerry-geneva"] || v.Article.Text != want.Text || v.Article.Title != want.Title ||
		len(v.Article.Events) != 3 || len(v.Article.Quotes) != 1 || len(v.Article.Actors) != 4 {
		t.Fatalf("article = %+v", v.Article)
	}
	byKind := map[string][]string{}
	for _, sp := range v.Spans {
		if got := v.Article.Text[sp.Start:sp.End]; got != sp.Text {
			t.Errorf("span %s [%d,%d) holds %q, says %q", sp.Kind, sp.Start, sp.End, got, sp.Text)
		}
		byKind[sp.Kind] = append(byKind[sp.Kind], sp.Text+"/"+strings.Join(sp.Events, ","))
	}
	wantKinds := map[string][]string{
		"source":  {"John Kerry/e1,e2", "Russia/e3"},
		"target":  {"Syrian government/e1", "Sergei Lavrov/e2", "Damascus/e3"},
		"trigger": {"urged/e1", "talks/e2", "promised/e3"},
		"date":    {"Thursday/e1"},
		"quote":   {"The regime must open the roads now,/"},
		"speaker": {"Kerry/"},
		"place":   {"Geneva/e1,e2"},
	}
	for kind, w := range wantKinds {
		if !slices.Equal(byKind[kind], w) {
			t.Errorf("%s spans = %q, want %q", kind, byKind[kind], w)
		}
	}
	if n := len(byKind["mention"]); n != 8 {
		t.Errorf("%d mention spans, want 8", n)
	}
}

func TestArticleSpans(t *testing.T) {
	text := "Ministers met in Rome. They agreed."
	tests := []struct {
		name string
		a    *dyad.Analysis
		want []string
	}{
		{"spans out of the text are dropped", &dyad.Analysis{Text: text, Quotes: []dyad.Quote{
			{Start: 0, End: 99}, {Start: 5, End: 5}, {Start: -1, End: 3}, {Start: 17, End: 21}}},
			[]string{"quote:17-21:Rome"}},
		{"one span per kind and range, events merged, longest first", &dyad.Analysis{Text: text, Events: []dyad.Event{
			{ID: "e1", Source: dyad.ActorRef{Name: "ministers", Start: 0, End: 9}, Trigger: dyad.Trigger{Start: 10, End: 13}},
			{ID: "e2", Source: dyad.ActorRef{Name: "ministers", Start: 0, End: 9}, Trigger: dyad.Trigger{Start: 28, End: 34}},
		}, Quotes: []dyad.Quote{{Start: 0, End: 22}}},
			[]string{"quote:0-22:Ministers met in Rome.", "source:0-9:Ministers[e1 e2]", "trigger:10-13:met[e1]", "trigger:28-34:agreed[e2]"}},
		{"captions and boilerplate, not body sentences", &dyad.Analysis{Text: text, Sentences: []dyad.Sentence{
			{Start: 0, End: 22, Kind: dyad.KindBody}, {Start: 23, End: 35, Kind: dyad.KindBoilerplate}},
			Places: []dyad.Place{{Start: 17, End: 21}}},
			[]string{"place:17-21:Rome", "boilerplate:23-35:They agreed."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range httpapi.ArticleSpans(tt.a) {
				s := fmt.Sprintf("%s:%d-%d:%s", sp.Kind, sp.Start, sp.End, sp.Text)
				if len(sp.Events) > 0 {
					s += fmt.Sprint(sp.Events)
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("spans = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestInfoAndCodes(t *testing.T) {
	db, _ := openStore(t)
	ts := newServer(t, db, httpapi.Config{})
	var info struct {
		Articles, Events, Quotes int
		Writable                 bool
		WorldMap                 bool `json:"world_map"`
	}
	getJSON(t, ts.URL, "/api/info", http.StatusOK, &info)
	if info.Articles != 5 || info.Events != 9 || info.Quotes != 1 || info.Writable {
		t.Errorf("info = %+v", info)
	}
	// The map's outlines are served exactly when info says so.
	res, _ := do(t, http.MethodGet, ts.URL+"/geo/world.json", "", nil)
	if (res.StatusCode == http.StatusOK) != info.WorldMap {
		t.Errorf("world_map %v but /geo/world.json answers %d", info.WorldMap, res.StatusCode)
	}
	var codes struct {
		Codes []cameo.Code
		Quads []struct {
			Quad  int
			Label string
		}
	}
	getJSON(t, ts.URL, "/api/codes", http.StatusOK, &codes)
	if len(codes.Codes) != len(cameo.All()) || len(codes.Quads) != 4 || codes.Quads[3].Label != "Material conflict" {
		t.Errorf("codes: %d codes, quads %+v", len(codes.Codes), codes.Quads)
	}
}

// TestExamples serves the repository's examples as `dyad ingest` stores
// them: every article opens, and its spans point at their text.
func TestExamples(t *testing.T) {
	db := openEmpty(t)
	ids := ingestExamples(t, db)
	if len(ids) != 5 {
		t.Fatalf("ingested %d examples, want 5", len(ids))
	}
	ts := newServer(t, db, httpapi.Config{})
	for doc, id := range ids {
		var v articleView
		getJSON(t, ts.URL, fmt.Sprintf("/api/articles/%d", id), http.StatusOK, &v)
		if v.Article.Doc != doc || v.Article.Text == "" {
			t.Errorf("%s: article %q with %d bytes of text", doc, v.Article.Doc, len(v.Article.Text))
		}
		for _, sp := range v.Spans {
			if v.Article.Text[sp.Start:sp.End] != sp.Text {
				t.Errorf("%s: span %+v does not match the text", doc, sp)
			}
		}
	}
	var res struct {
		Total int
		Hits  []dyad.SearchHit
	}
	getJSON(t, ts.URL, "/api/search?kind=article&q="+url.QueryEscape(`"cessation of hostilities"`), http.StatusOK, &res)
	if res.Total != 1 || res.Hits[0].ArticleID != ids["geneva-talks"] {
		t.Errorf("search for a phrase = %+v, want the Geneva talks", res)
	}
}
