package watch_test

import (
	"context"
	"errors"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
	"github.com/dyad-project/dyad/internal/watch"
)

// twoOutlets serves an RSS feed and an Atom feed from two hosts. The
// ledger's robots.txt disallows /private/; one Atom page has neither
// title nor date, which the feed gives.
func twoOutlets(t *testing.T, clock watch.Clock) (ledger, wire *site, feeds []watch.Feed) {
	ledger = newSite(t, clock, "User-agent: *\nDisallow: /private/\n")
	wire = newSite(t, clock, "")
	ledger.handle("/rss.xml", text("application/rss+xml", rss(
		rssItem{"Valmora strike ends", ledger.url("/world/valmora-strike"), "Tue, 01 Mar 2016 09:00:00 GMT"},
		rssItem{"Members only", ledger.url("/private/briefing"), "Tue, 01 Mar 2016 10:00:00 GMT"},
		rssItem{"Karsk dockers return", "/world/karsk-dockers", "Mon, 29 Feb 2016 18:00:00 GMT"},
	)))
	ledger.handle("/world/valmora-strike", text("text/html; charset=utf-8",
		newsPage("Valmora port strike ends as wage talks resume", "2016-03-01", story("Valmora")...)))
	ledger.handle("/world/karsk-dockers", text("text/html", newsPage("Karsk dockers return to work", "2016-02-29", story("Karsk")...)))
	ledger.handle("/private/briefing", text("text/html", newsPage("Briefing", "2016-03-01", story("Ostrava")...)))

	wire.handle("/atom.xml", text("application/atom+xml", atom(
		rssItem{"Talks resume in Brava harbour dispute", wire.url("/news/brava"), "2016-03-02T07:30:00+01:00"},
		rssItem{"Duplicate of Valmora", wire.url("/news/valmora-copy"), "2016-03-02T08:00:00Z"},
	)))
	wire.handle("/news/brava", text("text/html", newsPage("", "", story("Brava")...)))
	wire.handle("/news/valmora-copy", text("text/html",
		newsPage("Valmora port strike ends as wage talks resume", "2016-03-01", story("Valmora")...)))
	feeds = []watch.Feed{{URL: ledger.url("/rss.xml"), Line: 1}, {URL: wire.url("/atom.xml"), Line: 2}}
	return ledger, wire, feeds
}

func TestRoundStoresNewItems(t *testing.T) {
	clock := newFakeClock()
	ledger, wire, feeds := twoOutlets(t, clock)
	store := newMemStore()
	w := newWatcher(t, testConfig(clock), store)
	st := watch.NewState()
	stats, err := w.Round(context.Background(), feeds, st)
	if err != nil {
		t.Fatal(err)
	}
	want := &watch.Stats{Feeds: 2, Items: 5, New: 5, Fetched: 4, Stored: 3, Duplicates: 1, Failed: 1, Disallowed: 1}
	if counts(stats) != counts(want) {
		t.Errorf("stats\n got %v\nwant %v", stats, want)
	}
	if len(stats.Failures) != 1 || !errors.Is(stats.Failures[0].Err, watch.ErrDisallowed) || stats.Failures[0].Retry {
		t.Errorf("failures %v, want the private page, disallowed for good", stats.Failures)
	}
	if n := ledger.count("/private/briefing"); n != 0 {
		t.Errorf("the page robots.txt disallows was requested %d times", n)
	}
	// Oldest first: Karsk (29 February), Valmora, Brava; the copy of
	// Valmora is a duplicate.
	wantURLs := []string{ledger.url("/world/karsk-dockers"), ledger.url("/world/valmora-strike"), wire.url("/news/brava")}
	if got := store.urls(); !slices.Equal(got, wantURLs) {
		t.Errorf("stored %q, want %q", got, wantURLs)
	}
	brava := store.stored[2]
	if brava.Title != "Talks resume in Brava harbour dispute" || !strings.HasPrefix(brava.Text, brava.Title+"\n\n") {
		t.Errorf("page without a title: title %q, text %.60q; want the feed's title first", brava.Title, brava.Text)
	}
	if brava.Published != "2016-03-02" || brava.PublishedSource != dyad.PublishedFromInput {
		t.Errorf("page without a date: published %q (%s), want the feed's 2016-03-02", brava.Published, brava.PublishedSource)
	}
	if valmora := store.stored[1]; valmora.Published != "2016-03-01" || !strings.HasSuffix(valmora.Doc, "/world/valmora-strike") ||
		strings.Contains(valmora.Doc, "http") {
		t.Errorf("valmora: doc %q, published %q", valmora.Doc, valmora.Published)
	}
	if s := st.Items[wire.url("/news/valmora-copy")]; !s.Done {
		t.Errorf("the duplicate is not remembered: %+v", s)
	}
	if s := st.Items[ledger.url("/private/briefing")]; !s.Done {
		t.Errorf("the disallowed page is not remembered: %+v", s)
	}
	if ledger.count("/robots.txt") != 1 || wire.count("/robots.txt") != 1 {
		t.Errorf("robots.txt read %d and %d times, want once per host", ledger.count("/robots.txt"), wire.count("/robots.txt"))
	}
}

func TestConditionalGet(t *testing.T) {
	clock := newFakeClock()
	s := newSite(t, clock, "")
	const etag, lastMod = `"v1"`, "Tue, 01 Mar 2016 09:00:00 GMT"
	feed := rss(rssItem{"Valmora strike ends", s.url("/valmora"), lastMod})
	s.handle("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		text("application/rss+xml", feed)(w, r)
	})
	s.handle("/valmora", text("text/html", newsPage("Valmora port strike ends", "2016-03-01", story("Valmora")...)))
	store := newMemStore()
	w := newWatcher(t, testConfig(clock), store)
	st := watch.NewState()
	feeds := []watch.Feed{{URL: s.url("/rss.xml"), Line: 1}}
	if _, err := w.Round(context.Background(), feeds, st); err != nil {
		t.Fatal(err)
	}
	if got := st.Feeds[feeds[0].URL]; got != (watch.FeedState{ETag: etag, LastModified: lastMod}) {
		t.Errorf("validators %+v", got)
	}
	stats, err := w.Round(context.Background(), feeds, st)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Unchanged != 1 || stats.Items != 0 || stats.Fetched != 0 {
		t.Errorf("second round %v, want the feed unchanged", stats)
	}
	hits := s.allHits()
	last := hits[len(hits)-1]
	if last.path != "/rss.xml" || last.header.Get("If-None-Match") != etag || last.header.Get("If-Modified-Since") != lastMod {
		t.Errorf("last request %s with If-None-Match %q, If-Modified-Since %q", last.path,
			last.header.Get("If-None-Match"), last.header.Get("If-Modified-Since"))
	}
	if n := s.count("/valmora"); n != 1 {
		t.Errorf("page fetched %d times, want 1", n)
	}
}

func TestRetries(t *testing.T) {
	clock := newFakeClock()
	s := newSite(t, clock, "")
	s.handle("/rss.xml", text("application/rss+xml", rss(
		rssItem{"Flaky", s.url("/flaky"), ""},
		rssItem{"Gone", s.url("/gone"), ""},
		rssItem{"Down", s.url("/down"), ""},
	)))
	var flaky atomic.Int32
	s.handle("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if flaky.Add(1) == 1 {
			http.Error(w, "overloaded", http.StatusInternalServerError)
			return
		}
		text("text/html", newsPage("Brava harbour reopens", "2016-03-02", story("Brava")...))(w, r)
	})
	s.handle("/down", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusBadGateway)
	})
	// /gone is not routed: 404.
	cfg := testConfig(clock)
	cfg.Retries = 2
	cfg.MaxFailures = 2
	store := newMemStore()
	w := newWatcher(t, cfg, store)
	st := watch.NewState()
	feeds := []watch.Feed{{URL: s.url("/rss.xml"), Line: 1}}
	stats, err := w.Round(context.Background(), feeds, st)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Stored != 1 || stats.Failed != 2 {
		t.Errorf("stats %v, want 1 stored, 2 failed", stats)
	}
	if got := s.count("/flaky"); got != 2 {
		t.Errorf("500 then 200: %d requests, want 2", got)
	}
	if got := s.count("/gone"); got != 1 {
		t.Errorf("404: %d requests, want 1 (no retry)", got)
	}
	if got := s.count("/down"); got != 3 {
		t.Errorf("502: %d requests, want 3 (two retries)", got)
	}
	var gone, down *watch.Failure
	for i, f := range stats.Failures {
		switch f.URL {
		case s.url("/gone"):
			gone = &stats.Failures[i]
		case s.url("/down"):
			down = &stats.Failures[i]
		}
	}
	var fe *watch.FetchError
	if gone == nil || gone.Retry || !errors.As(gone.Err, &fe) || fe.Status != 404 || !strings.Contains(gone.String(), "404") {
		t.Errorf("404 failure %+v, want reported, not retried", gone)
	}
	if down == nil || !down.Retry {
		t.Errorf("502 failure %+v, want retried next round", down)
	}
	if _, ok := st.Feeds[feeds[0].URL]; ok {
		t.Error("validators kept although an item will be retried")
	}

	// Next round: only the page that failed temporarily is tried again,
	// and given up after MaxFailures rounds.
	stats, err = w.Round(context.Background(), feeds, st)
	if err != nil {
		t.Fatal(err)
	}
	if stats.New != 1 || s.count("/gone") != 1 || s.count("/down") != 6 || s.count("/flaky") != 2 {
		t.Errorf("second round %v; requests: gone %d, down %d, flaky %d", stats, s.count("/gone"), s.count("/down"), s.count("/flaky"))
	}
	if d := st.Items[s.url("/down")]; !d.Done || d.Failures != 2 {
		t.Errorf("down after two rounds: %+v, want given up", d)
	}
}

func TestRateLimit(t *testing.T) {
	tests := []struct {
		name   string
		robots string
		gap    time.Duration
	}{
		{"per host", "", 3 * time.Second},
		{"crawl delay", "User-agent: *\nCrawl-delay: 7\n", 7 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			a := newSite(t, clock, tt.robots)
			b := newSite(t, clock, tt.robots)
			var items []rssItem
			for _, place := range []string{"Valmora", "Karsk", "Brava", "Ostrava"} {
				for _, s := range []*site{a, b} {
					path := "/news/" + strings.ToLower(place)
					s.handle(path, text("text/html", newsPage(place+" port strike ends", "2016-03-01", story(place+s.url(""))...)))
					items = append(items, rssItem{place, s.url(path), ""})
				}
			}
			a.handle("/rss.xml", text("application/rss+xml", rss(items...)))
			cfg := testConfig(clock)
			cfg.PerHost = 3 * time.Second
			store := newMemStore()
			w := newWatcher(t, cfg, store)
			stats, err := w.Round(context.Background(), []watch.Feed{{URL: a.url("/rss.xml")}}, watch.NewState())
			if err != nil {
				t.Fatal(err)
			}
			if stats.Stored != 8 {
				t.Fatalf("stats %v, want 8 stored", stats)
			}
			for _, s := range []*site{a, b} {
				hits := s.allHits()
				if len(hits) < 5 {
					t.Fatalf("%d requests, want at least 5", len(hits))
				}
				for i := 1; i < len(hits); i++ {
					if gap := hits[i].at.Sub(hits[i-1].at); gap < tt.gap {
						t.Errorf("%s then %s after %s, want at least %s", hits[i-1].path, hits[i].path, gap, tt.gap)
					}
				}
			}
		})
	}
}

func TestRestartFetchesNothingNew(t *testing.T) {
	clock := newFakeClock()
	ledger, wire, feeds := twoOutlets(t, clock)
	ledger.handle("/world/missing", http.NotFound)
	ledger.handle("/rss.xml", text("application/rss+xml", rss(
		rssItem{"Valmora strike ends", ledger.url("/world/valmora-strike"), "Tue, 01 Mar 2016 09:00:00 GMT"},
		rssItem{"Missing", ledger.url("/world/missing"), ""},
	)))
	statePath := filepath.Join(t.TempDir(), "watch.json")
	store := newMemStore()
	for round := range 2 {
		// A fresh watcher each time, as after a restart: only the store
		// and the state file carry over.
		st, err := watch.LoadState(statePath)
		if err != nil {
			t.Fatal(err)
		}
		before := len(ledger.allHits()) + len(wire.allHits())
		stats, err := newWatcher(t, testConfig(clock), store).Round(context.Background(), feeds, st)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Save(statePath); err != nil {
			t.Fatal(err)
		}
		pages := len(ledger.allHits()) + len(wire.allHits()) - before - 4 // two feeds, two robots.txt
		switch round {
		case 0:
			if stats.Stored != 2 || stats.Failed != 1 || stats.Duplicates != 1 || pages != 4 {
				t.Errorf("first run: %v, %d pages requested", stats, pages)
			}
		case 1:
			if stats.New != 0 || stats.Fetched != 0 || pages != 0 {
				t.Errorf("second run: %v, %d pages requested, want none", stats, pages)
			}
		}
	}
}

func TestPageFailures(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
		maxSize int64
		want    error
	}{
		{"not html", text("application/pdf", "%PDF-1.4 Valmora port strike"), 0, watch.ErrNotHTML},
		{"too large", text("text/html", newsPage("Valmora port strike ends", "2016-03-01", story("Valmora")...)), 600, watch.ErrTooLarge},
		{"no text", text("text/html", "<html><head><title>Valmora</title></head><body></body></html>"), 0, ingest.ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			s := newSite(t, clock, "")
			s.handle("/rss.xml", text("application/rss+xml", rss(rssItem{"Valmora", s.url("/page"), ""})))
			s.handle("/page", tt.handler)
			cfg := testConfig(clock)
			if tt.maxSize > 0 {
				cfg.MaxBytes = tt.maxSize
			}
			st := watch.NewState()
			stats, err := newWatcher(t, cfg, newMemStore()).Round(context.Background(), []watch.Feed{{URL: s.url("/rss.xml")}}, st)
			if err != nil {
				t.Fatal(err)
			}
			if stats.Failed != 1 || len(stats.Failures) != 1 || stats.Failures[0].Retry {
				t.Fatalf("stats %v, failures %v; want one permanent failure", stats, stats.Failures)
			}
			if tt.want != nil && !errors.Is(stats.Failures[0].Err, tt.want) {
				t.Errorf("failure %v, want %v", stats.Failures[0].Err, tt.want)
			}
			if !st.Items[s.url("/page")].Done || s.count("/page") != 1 {
				t.Errorf("state %+v, %d requests", st.Items[s.url("/page")], s.count("/page"))
			}
		})
	}
}

func TestFeedFailures(t *testing.T) {
	tests := []struct {
		name  string
		route string
		h     http.HandlerFunc
		retry bool
	}{
		{"robots.txt down", "/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", 503) }, true},
		{"not a feed", "/rss.xml", text("text/html", "<html><body><p>Valmora</p></body></html>"), false},
		{"feed gone", "/other", http.NotFound, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			s := newSite(t, clock, "")
			s.handle(tt.route, tt.h)
			cfg := testConfig(clock)
			stats, err := newWatcher(t, cfg, newMemStore()).Round(context.Background(), []watch.Feed{{URL: s.url("/rss.xml")}}, watch.NewState())
			if err != nil {
				t.Fatal(err)
			}
			if stats.FeedsFailed != 1 || len(stats.Failures) != 1 || !stats.Failures[0].Feed || stats.Failures[0].Retry != tt.retry {
				t.Errorf("stats %v, failures %v", stats, stats.Failures)
			}
			if tt.route == "/robots.txt" && s.count("/rss.xml") != 0 {
				t.Error("the feed was fetched although robots.txt could not be read")
			}
		})
	}
}

// cancelAnalyser cancels the round after analysing n articles.
type cancelAnalyser struct {
	n      atomic.Int32
	after  int32
	cancel context.CancelFunc
}

func (c *cancelAnalyser) Analyse(a *dyad.Article) *dyad.Analysis {
	if c.n.Add(1) == c.after {
		c.cancel()
	}
	return copyAnalyser{}.Analyse(a)
}

func TestCancelStoresWhatWasAnalysed(t *testing.T) {
	clock := newFakeClock()
	s := newSite(t, clock, "")
	var items []rssItem
	places := []string{"Valmora", "Karsk", "Brava", "Ostrava", "Tamsk", "Lerin"}
	for _, place := range places {
		path := "/news/" + strings.ToLower(place)
		s.handle(path, text("text/html", newsPage(place+" port strike ends", "2016-03-01", story(place)...)))
		items = append(items, rssItem{place, s.url(path), ""})
	}
	s.handle("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		text("application/rss+xml", rss(items...))(w, r)
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	an := &cancelAnalyser{after: 2, cancel: cancel}
	cfg := testConfig(clock)
	cfg.Workers = 1
	store := newMemStore()
	w, err := watch.New(cfg, store, store, an)
	if err != nil {
		t.Fatal(err)
	}
	st := watch.NewState()
	feeds := []watch.Feed{{URL: s.url("/rss.xml")}}
	stats, err := w.Round(ctx, feeds, st)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if n := len(store.urls()); n < 2 || n == len(places) || n != stats.Stored {
		t.Errorf("%d stored (stats %v), want the analysed ones only, at least 2", n, stats)
	}
	if _, ok := st.Feeds[feeds[0].URL]; ok {
		t.Error("validators kept after an interrupted round")
	}
	// The next round fetches the rest.
	stats, err = w.Round(context.Background(), feeds, st)
	if err != nil {
		t.Fatal(err)
	}
	if len(store.urls()) != len(places) || stats.Fetched != stats.New {
		t.Errorf("after the next round %d stored (stats %v), want %d", len(store.urls()), stats, len(places))
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(*watch.Config)
	}{
		{"no user agent", func(c *watch.Config) { c.UserAgent = "" }},
		{"no workers", func(c *watch.Config) { c.Workers = 0 }},
		{"negative spacing", func(c *watch.Config) { c.PerHost = -time.Second }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := watch.DefaultConfig()
			tt.edit(&cfg)
			if _, err := watch.New(cfg, newMemStore(), newMemStore(), copyAnalyser{}); !errors.Is(err, watch.ErrConfig) {
				t.Errorf("error %v, want ErrConfig", err)
			}
		})
	}
}

// counts is the counts of a round.
func counts(s *watch.Stats) [10]int {
	return [10]int{s.Feeds, s.Unchanged, s.FeedsFailed, s.Items, s.New, s.Fetched, s.Stored, s.Duplicates, s.Failed, s.Disallowed}
}
