package story_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/story"
)

func TestSyndication(t *testing.T) {
	arts, order := loadFixture(t)
	x := mustIndex(t, story.DefaultConfig())
	res := addAll(t, x, arts, order)
	tests := []struct {
		name, doc, dupOf string
	}{
		{"wire original", "wire-geneva", ""},
		{"republished with other boilerplate", "paper-geneva", "wire-geneva"},
		{"new headline, same wire body", "trimmed-geneva", "wire-geneva"},
		{"own reporting of the same meeting", "own-geneva", ""},
		{"another happening", "warn-1", ""},
		{"second report of it", "warn-2", ""},
		{"attack", "aleppo-1", ""},
		{"other attack", "homs-1", ""},
		{"second report of the attack", "aleppo-2", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := res[tt.doc].Article
			if a.DupOf != tt.dupOf {
				t.Fatalf("%s: DupOf = %q (similarity %.2f), want %q", tt.doc, a.DupOf, a.Similarity, tt.dupOf)
			}
			if tt.dupOf != "" {
				if !a.Copy || a.Similarity < 0.8 {
					t.Errorf("%s: Copy = %v, Similarity = %.2f; want a copy at 0.8 or more", tt.doc, a.Copy, a.Similarity)
				}
				if a.Story != res[tt.dupOf].Article.Story {
					t.Errorf("%s: story %d, its original's is %d", tt.doc, a.Story, res[tt.dupOf].Article.Story)
				}
			} else if a.Copy {
				t.Errorf("%s: Copy set on an original", tt.doc)
			}
		})
	}
}

func TestEarliestCopy(t *testing.T) {
	arts, _ := loadFixture(t)
	x := mustIndex(t, story.DefaultConfig())
	// The republication (dated the 12th) arrives first, then the wire
	// original and its lightly edited copy (both dated the 11th).
	res := addAll(t, x, arts, []string{"paper-geneva", "wire-geneva", "trimmed-geneva"})

	if got := res["wire-geneva"].Relinked; len(got) != 1 || got[0].Doc != "paper-geneva" || got[0].DupOf != "wire-geneva" {
		t.Errorf("wire-geneva relinked %+v, want paper-geneva now a copy of wire-geneva", got)
	}
	// paper-geneva came first, so it is the one counted; the others count
	// as copies.
	for _, tt := range []struct {
		doc  string
		copy bool
	}{{"paper-geneva", false}, {"trimmed-geneva", true}} {
		if a, _ := x.Article(tt.doc); a.DupOf != "wire-geneva" || a.Copy != tt.copy {
			t.Errorf("%s: DupOf %q, Copy %v; want a copy of wire-geneva, Copy %v", tt.doc, a.DupOf, a.Copy, tt.copy)
		}
	}
	w, _ := x.Article("wire-geneva")
	if w.DupOf != "" || !w.Copy {
		t.Errorf("wire-geneva: DupOf %q, Copy %v; want the earliest copy, counted as a copy since it came second", w.DupOf, w.Copy)
	}
	// The three are one story whose title is the earliest article's.
	s, _ := x.Story(w.Story)
	if len(s.Docs) != 3 || s.TitleDoc != "wire-geneva" || s.First != "2016-02-11" || s.Last != "2016-02-12" {
		t.Errorf("story = %+v, want 3 docs titled by wire-geneva, 2016-02-11 to 2016-02-12", s.StoryState)
	}
	// The meeting is counted once: one article, two copies.
	e, _ := x.Event(mentionEvent(t, res["wire-geneva"], "e1"))
	if e.Articles != 1 || e.Copies != 2 || e.Mentions != 3 {
		t.Errorf("meeting: articles %d copies %d mentions %d; want 1, 2, 3", e.Articles, e.Copies, e.Mentions)
	}
}

func TestMergeEvents(t *testing.T) {
	arts, order := loadFixture(t)
	x := mustIndex(t, story.DefaultConfig())
	res := addAll(t, x, arts, order)
	ev := func(doc, id string) int64 { return mentionEvent(t, res[doc], id) }

	tests := []struct {
		name string
		a, b int64
		same bool
	}{
		{"wire copy mentions the wire's meeting", ev("wire-geneva", "e1"), ev("paper-geneva", "e1"), true},
		{"met (040) and held negotiations (046): one meeting", ev("wire-geneva", "e1"), ev("own-geneva", "e1"), true},
		{"warned (130) and threatened (138): one threat", ev("warn-1", "e1"), ev("warn-2", "e1"), true},
		{"meeting and threat between the same dyad on the same day", ev("wire-geneva", "e1"), ev("warn-1", "e1"), false},
		{"threat and accusation of the same day", ev("warn-1", "e1"), ev("warn-1", "e2"), false},
		{"shelling (194) and bombardment (190) of Aleppo by army and regime", ev("aleppo-1", "e1"), ev("aleppo-2", "e1"), true},
		{"attacks in Aleppo and near Homs on the same day", ev("aleppo-1", "e1"), ev("homs-1", "e1"), false},
		{"army attacks rebels, rebels attack army", ev("aleppo-1", "e1"), ev("aleppo-1", "e2"), false},
		{"future events stay alone", ev("wire-geneva", "e2"), ev("paper-geneva", "e2"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if (tt.a == tt.b) != tt.same {
				t.Errorf("events %d and %d: same = %v, want %v", tt.a, tt.b, tt.a == tt.b, tt.same)
			}
		})
	}

	t.Run("counts", func(t *testing.T) {
		e, _ := x.Event(ev("wire-geneva", "e1"))
		want := story.EventState{
			ID: e.ID, Source: "USA", Target: "RUS", CAMEO: "040", Root: "04", Mode: dyad.ModeAsserted,
			Date: "2016-02-11", Place: e.Place, Mentions: 4, Articles: 2, Copies: 2,
			Outlets:     []string{"eveningpost.example.co.uk", "globalwire.example"},
			CopyOutlets: []string{"citynews.example.org", "dailyherald.example"},
			FirstSeen:   "2016-02-11", LastSeen: "2016-02-12", IsRoot: true, Story: e.Story, Merges: true,
		}
		if !reflect.DeepEqual(e, want) {
			t.Errorf("meeting =\n%+v\nwant\n%+v", e, want)
		}
		if e.Place.Name != "Geneva" || e.Place.Country != "CHE" {
			t.Errorf("meeting place = %+v, want Geneva", e.Place)
		}
		if a, s := e.Counts(true); a != 4 || s != 4 {
			t.Errorf("Counts(true) = %d, %d; want 4, 4", a, s)
		}
		if a, s := e.Counts(false); a != 2 || s != 2 {
			t.Errorf("Counts(false) = %d, %d; want 2, 2", a, s)
		}
	})
	t.Run("place of a mention without place", func(t *testing.T) {
		e, _ := x.Event(ev("warn-2", "e1"))
		if e.Place.Name != "Washington" || e.CAMEO != "130" || e.Articles != 2 || e.Mentions != 2 {
			t.Errorf("threat = %+v, want the Washington threat of warn-1 with 2 articles", e)
		}
	})
	t.Run("rebels keyed apart from the state", func(t *testing.T) {
		e, _ := x.Event(ev("aleppo-1", "e1"))
		if e.Source != "SYR" || e.Target != "SYR/REB" {
			t.Errorf("Aleppo shelling: %s -> %s, want SYR -> SYR/REB", e.Source, e.Target)
		}
	})
	t.Run("future events", func(t *testing.T) {
		e, _ := x.Event(ev("wire-geneva", "e2"))
		if e.Merges || e.Mentions != 1 || e.Mode != dyad.ModeFuture {
			t.Errorf("future strike = %+v, want an event of its own", e)
		}
	})
}

func TestStories(t *testing.T) {
	arts, order := loadFixture(t)
	want := []string{
		"aleppo-1 aleppo-2",
		"homs-1",
		"own-geneva paper-geneva trimmed-geneva wire-geneva",
		"warn-1 warn-2",
	}
	reversed := make([]string, len(order))
	for i, d := range order {
		reversed[len(order)-1-i] = d
	}
	// The story's title is the headline of its earliest article, by date
	// and then arrival.
	tests := []struct {
		name  string
		order []string
		title string
	}{
		{"file order", order, "US and Russia agree to push for Syria truce after Geneva talks"},
		{"reverse order", reversed, "Kerry and Lavrov hold marathon talks in Geneva as Syria ceasefire plan takes shape"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := mustIndex(t, story.DefaultConfig())
			addAll(t, x, arts, tt.order)
			if got := partition(x); !reflect.DeepEqual(got, want) {
				t.Errorf("stories =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			w, _ := x.Article("wire-geneva")
			s, _ := x.Story(w.Story)
			if s.Title != tt.title ||
				s.First != "2016-02-11" || s.Last != "2016-02-12" {
				t.Errorf("Geneva story: %+v", s.StoryState)
			}
		})
	}
}

// synth builds a small article with one event, for the merging rules.
func synth(doc, outlet, published string, events ...story.Event) story.Article {
	for i := range events {
		events[i].ID = "e1"
		if events[i].Mode == "" {
			events[i].Mode = dyad.ModeAsserted
		}
	}
	return story.Article{Doc: doc, Outlet: outlet, Published: published, Title: doc, Body: doc, Events: events}
}

var (
	geneva = story.Place{Name: "Geneva", Country: "CHE", Lat: 46.2022, Lon: 6.1457, GeonameID: 2660646}
	zurich = story.Place{Name: "Zurich", Country: "CHE", Lat: 47.3667, Lon: 8.55, GeonameID: 2657896}
	swiss  = story.Place{Country: "CHE"}
)

func TestMergeRules(t *testing.T) {
	usRu := func(code, date string, p story.Place) story.Event {
		return story.Event{Source: "USA", SourceSector: "GOV", Target: "RUS", TargetSector: "GOV", CAMEO: code, Date: date, Place: p}
	}
	arts := []story.Article{
		synth("a", "one", "2016-02-11", usRu("040", "2016-02-11", geneva)),
		synth("b", "two", "2016-02-11", usRu("040", "2016-02-11", zurich)),          // same code and day, another city
		synth("c", "three", "2016-02-11", usRu("046", "2016-02-11", story.Place{})), // same family, no place
		synth("d", "four", "2016-02-12", usRu("040", "", swiss)),                    // next day, country only
		synth("e", "five", "2016-02-11", story.Event{Source: "USA", SourceSector: "MIL", Target: "RUS", TargetSector: "GOV", CAMEO: "040", Date: "2016-02-11"}),
		synth("f", "six", "2016-02-14", usRu("04", "2016-02-14", geneva)), // three days later
		synth("g", "seven", "2016-02-11", story.Event{Source: "USA", SourceSector: "GOV", Target: "RUS", TargetSector: "GOV", CAMEO: "040", Date: "2016-02-11", Mode: dyad.ModeHypothetical}),
		synth("h", "eight", "2016-02-11", usRu("04", "2016-02-11", geneva)), // bare root
		synth("i", "nine", "2016-02-11", story.Event{Source: "USA", SourceSector: "GOV", Target: "RUS", TargetSector: "GOV", CAMEO: "040", Date: "2016-02-11", Mode: dyad.ModeHypothetical}),
	}
	oneADay := story.DefaultConfig()
	oneADay.OneADay = true
	family3 := story.DefaultConfig()
	family3.Family = 3
	modes := story.DefaultConfig()
	modes.MergeModes = []string{dyad.ModeAsserted, dyad.ModeHypothetical}

	tests := []struct {
		name string
		cfg  story.Config
		want string // groups of docs sharing one merged event
	}{
		{"default", story.DefaultConfig(), "a c d e h|b|f|g|i"},
		{"one a day", oneADay, "a b|c|d|e|f|g|h|i"},
		{"3-digit family", family3, "a d e h|b|c|f|g|i"},
		{"hypothetical events merge with their own mode", modes, "a c d e h|b|f|g i"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := mustIndex(t, tt.cfg)
			groups := map[int64][]string{}
			var ids []int64
			for _, a := range arts {
				res, err := x.Add(a)
				if err != nil {
					t.Fatal(err)
				}
				id := res.Mentions[0].Event
				if _, ok := groups[id]; !ok {
					ids = append(ids, id)
				}
				groups[id] = append(groups[id], a.Doc)
			}
			var got []string
			for _, id := range ids {
				got = append(got, strings.Join(groups[id], " "))
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("merged groups = %q, want %q", g, tt.want)
			}
		})
	}
}

func TestOneADayCounts(t *testing.T) {
	cfg := story.DefaultConfig()
	cfg.OneADay = true
	x := mustIndex(t, cfg)
	ev := story.Event{Source: "USA", SourceSector: "GOV", Target: "RUS", TargetSector: "GOV", CAMEO: "040", Date: "2016-02-11"}
	var last story.AddResult
	for i, outlet := range []string{"one", "two", "two", "three"} {
		e := ev
		e.Lead = i == 2
		res, err := x.Add(synth(string(rune('a'+i)), outlet, "2016-02-11", e))
		if err != nil {
			t.Fatal(err)
		}
		last = res
	}
	if len(last.Events) != 1 {
		t.Fatalf("events touched: %d", len(last.Events))
	}
	e := last.Events[0]
	if e.Mentions != 4 || e.Articles != 4 || len(e.Outlets) != 3 || !e.IsRoot || e.Source != "USA/GOV" {
		t.Errorf("one-a-day event = %+v; want 4 mentions, 4 articles, 3 sources, root, source USA/GOV", e)
	}
}

func TestSameArticleMentions(t *testing.T) {
	x := mustIndex(t, story.DefaultConfig())
	e := story.Event{Source: "USA", Target: "RUS", CAMEO: "040", Date: "2016-02-11", Mode: dyad.ModeAsserted}
	a := synth("a", "one", "2016-02-11")
	a.Events = []story.Event{e, e, e}
	a.Events[1].ID, a.Events[2].ID = "e2", "e3"
	res, err := x.Add(a)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) != 1 || res.Events[0].Mentions != 3 || res.Events[0].Articles != 1 || len(res.Article.Events) != 1 {
		t.Errorf("three mentions in one article: %+v", res.Events)
	}
}

func TestSnapshotRestore(t *testing.T) {
	arts, order := loadFixture(t)
	whole := mustIndex(t, story.DefaultConfig())
	addAll(t, whole, arts, order)

	half := mustIndex(t, story.DefaultConfig())
	addAll(t, half, arts, order[:4])
	raw, err := json.Marshal(half.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	var snap story.Snapshot
	if err := json.Unmarshal(raw, &snap); err != nil {
		t.Fatal(err)
	}
	restored, err := story.Restore(story.DefaultConfig(), &snap)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(restored.Snapshot(), half.Snapshot()) {
		t.Fatal("restored snapshot differs from the original")
	}
	addAll(t, restored, arts, order[4:])
	if got, want := restored.Snapshot(), whole.Snapshot(); !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", " ")
		w, _ := json.MarshalIndent(want, "", " ")
		t.Errorf("adding after a restore differs from adding at once:\n%s\nwant\n%s", g, w)
	}

	t.Run("bad snapshots", func(t *testing.T) {
		tests := []struct {
			name   string
			change func(s *story.Snapshot)
		}{
			{"signature length", func(s *story.Snapshot) { s.Articles[0].Signature = s.Articles[0].Signature[:10] }},
			{"story out of range", func(s *story.Snapshot) { s.Articles[1].Story = 99 }},
			{"event out of range", func(s *story.Snapshot) { s.Articles[0].Events = append(s.Articles[0].Events, 99) }},
			{"unknown dup_of", func(s *story.Snapshot) { s.Articles[1].DupOf = "nowhere" }},
			{"event ids", func(s *story.Snapshot) { s.Events[0].ID = 7 }},
			{"duplicate doc", func(s *story.Snapshot) { s.Articles[1].Doc = s.Articles[0].Doc }},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var s story.Snapshot
				if err := json.Unmarshal(raw, &s); err != nil {
					t.Fatal(err)
				}
				tt.change(&s)
				if _, err := story.Restore(story.DefaultConfig(), &s); !errors.Is(err, story.ErrState) {
					t.Errorf("Restore: %v, want ErrState", err)
				}
			})
		}
	})
}

func TestAddErrors(t *testing.T) {
	x := mustIndex(t, story.DefaultConfig())
	if _, err := x.Add(synth("a", "one", "2016-02-11")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		a    story.Article
	}{
		{"no doc", synth("", "one", "2016-02-11")},
		{"doc added twice", synth("a", "two", "2016-02-11")},
		{"bad date", synth("b", "one", "11 Feb 2016")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := x.Add(tt.a); !errors.Is(err, story.ErrArticle) {
				t.Errorf("Add: %v, want ErrArticle", err)
			}
		})
	}
	if x.Len() != 1 {
		t.Errorf("Len = %d after failed adds, want 1", x.Len())
	}
}

func TestUndatedArticle(t *testing.T) {
	x := mustIndex(t, story.DefaultConfig())
	ev := story.Event{Source: "USA", Target: "RUS", CAMEO: "040"}
	if _, err := x.Add(synth("a", "one", "2016-02-11", ev)); err != nil {
		t.Fatal(err)
	}
	res, err := x.Add(synth("b", "two", "", ev))
	if err != nil {
		t.Fatal(err)
	}
	if res.Article.Date != "2016-02-11" || res.Article.Published != "" || res.Events[0].Articles != 2 {
		t.Errorf("undated article: %+v, event %+v; want dated by the newest date seen and merged", res.Article, res.Events[0])
	}
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *story.Config)
	}{
		{"bands do not divide hashes", func(c *story.Config) { c.Bands = 10 }},
		{"threshold above 1", func(c *story.Config) { c.DupThreshold = 1.5 }},
		{"family 4", func(c *story.Config) { c.Family = 4 }},
		{"negative window", func(c *story.Config) { c.Window = -1 }},
		{"no weights", func(c *story.Config) { c.EventWeight, c.ActorWeight, c.PlaceWeight, c.WordWeight = 0, 0, 0, 0 }},
		{"zero shingle", func(c *story.Config) { c.ShingleWords = 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := story.DefaultConfig()
			tt.change(&c)
			if _, err := story.New(c); !errors.Is(err, story.ErrConfig) {
				t.Errorf("New: %v, want ErrConfig", err)
			}
		})
	}
	if err := (func() *story.Config { c := story.DefaultConfig(); return &c }()).Validate(); err != nil {
		t.Errorf("DefaultConfig: %v", err)
	}
}

func TestFromAnalysis(t *testing.T) {
	arts, _ := loadFixture(t)
	a := story.FromAnalysis(arts["paper-geneva"], "")
	if a.Outlet != "dailyherald.example" {
		t.Errorf("Outlet = %q", a.Outlet)
	}
	if a.Title != "US and Russia agree to push for Syria truce after Geneva talks" {
		t.Errorf("Title = %q", a.Title)
	}
	for _, bad := range []string{"Advertisement", "By Global Wire", "Photo:", "Follow the Daily Herald", "©"} {
		if strings.Contains(a.Body, bad) {
			t.Errorf("Body keeps %q", bad)
		}
	}
	if !strings.HasPrefix(a.Body, "US and Russia agree") || !strings.Contains(a.Body, "fled their homes") {
		t.Errorf("Body = %q", a.Body)
	}
	// Lead: the headline and the first two body paragraphs.
	lead := map[string]bool{}
	for _, e := range a.Events {
		lead[e.ID] = e.Lead
	}
	if !lead["e1"] || lead["e2"] || lead["e3"] {
		t.Errorf("lead flags = %v, want only e1", lead)
	}
	if got := strings.Join(a.Actors, " "); got != "IGOUNO ISIL RUS SYR USA" {
		t.Errorf("Actors = %q", got)
	}
	if e := a.Events[0]; e.Source != "USA" || e.SourceSector != "GOV" || e.Target != "RUS" || e.Place.GeonameID != 2660646 {
		t.Errorf("event = %+v", e)
	}
	if got := story.FromAnalysis(arts["paper-geneva"], "Daily Herald").Outlet; got != "Daily Herald" {
		t.Errorf("explicit outlet = %q", got)
	}
}

func TestActorKey(t *testing.T) {
	tests := []struct {
		name, country, code, actor, want string
	}{
		{"state", "USA", "USAGOV", "John Kerry", "USA"},
		{"organisation", "", "IGOUNO", "United Nations", "IGOUNO"},
		{"unknown group", "", "", "al-Nusra Front", "AL_NUSRA_FRONT"},
		{"nothing", "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := story.ActorKey(tt.country, tt.code, tt.actor); got != tt.want {
				t.Errorf("ActorKey = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOutlet(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.BBC.co.uk/news/world-123", "bbc.co.uk"},
		{"http://example.com:8080/a", "example.com"},
		{"not a url", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			if got := story.Outlet(tt.url); got != tt.want {
				t.Errorf("Outlet(%q) = %q, want %q", tt.url, got, tt.want)
			}
		})
	}
}

// FuzzAdd adds an article and an identical second one from another outlet:
// neither may fail, and the second must be a copy of the first whenever
// the first has a signature.
func FuzzAdd(f *testing.F) {
	f.Add("Kerry met Lavrov in Geneva on Thursday to discuss a truce in Syria, officials said, after weeks of talks and setbacks on every side.", "2016-02-11", "040", "2016-02")
	f.Add("", "", "", "")
	f.Add("a b c", "2016-13-40", "1", "x")
	f.Fuzz(func(t *testing.T, body, published, code, date string) {
		x := mustIndex(t, story.DefaultConfig())
		ev := story.Event{ID: "e1", Source: "USA", Target: "RUS", CAMEO: code, Mode: dyad.ModeAsserted, Date: date}
		a := story.Article{Doc: "a", Outlet: "one", Published: published, Body: body, Events: []story.Event{ev}}
		r1, err := x.Add(a)
		if err != nil {
			if !errors.Is(err, story.ErrArticle) {
				t.Fatalf("Add: %v", err)
			}
			return
		}
		a.Doc, a.Outlet = "b", "two"
		r2, err := x.Add(a)
		if err != nil {
			t.Fatalf("second Add: %v", err)
		}
		if len(r1.Article.Signature) > 0 && r2.Article.DupOf != "a" {
			t.Errorf("identical body not a copy: %+v", r2.Article)
		}
		if r1.Article.Story != r2.Article.Story && r2.Article.DupOf != "" {
			t.Errorf("copy in another story")
		}
	})
}
