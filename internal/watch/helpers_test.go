package watch_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/watch"
)

// fakeClock is a clock whose Sleep advances the time at once.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2016, 3, 1, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d > 0 {
		c.mu.Lock()
		c.now = c.now.Add(d)
		c.mu.Unlock()
	}
	return nil
}

// hit is a request a site received.
type hit struct {
	path   string
	at     time.Time // on the test's clock
	header http.Header
}

// site is a test web server: fixed routes, every request recorded.
type site struct {
	t      testing.TB
	srv    *httptest.Server
	clock  watch.Clock
	mu     sync.Mutex
	routes map[string]http.HandlerFunc
	hits   []hit
}

// newSite starts a server whose robots.txt is robots ("" for none: 404).
func newSite(t testing.TB, clock watch.Clock, robots string) *site {
	s := &site{t: t, clock: clock, routes: map[string]http.HandlerFunc{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	if robots != "" {
		s.handle("/robots.txt", text("text/plain", robots))
	}
	return s
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits = append(s.hits, hit{path: r.URL.RequestURI(), at: s.clock.Now(), header: r.Header.Clone()})
	h := s.routes[r.URL.Path]
	s.mu.Unlock()
	if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, "dyad-test/1.0 ") {
		s.t.Errorf("%s: User-Agent %q", r.URL.Path, ua)
	}
	if h == nil {
		http.NotFound(w, r)
		return
	}
	h(w, r)
}

func (s *site) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes[path] = h
}

// url returns the site's URL of path.
func (s *site) url(path string) string { return s.srv.URL + path }

// count returns how many requests path received.
func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, h := range s.hits {
		if h.path == path {
			n++
		}
	}
	return n
}

func (s *site) allHits() []hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]hit(nil), s.hits...)
}

// text serves body with a content type.
func text(contentType, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		fmt.Fprint(w, body)
	}
}

// newsPage returns an article page; date "" leaves the publication date
// out, title "" the headline.
func newsPage(title, date string, paras ...string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head>")
	if title != "" {
		fmt.Fprintf(&b, "<title>%s</title><meta property=\"og:title\" content=\"%s\">", title, title)
	}
	if date != "" {
		fmt.Fprintf(&b, "<meta property=\"article:published_time\" content=\"%sT08:00:00Z\">", date)
	}
	b.WriteString("</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article>")
	if title != "" {
		fmt.Fprintf(&b, "<h1>%s</h1>", title)
	}
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString("</article><footer><p>Copyright The Harbour Ledger. All rights reserved.</p></footer></body></html>")
	return b.String()
}

// story returns three paragraphs about a place, different for each place.
func story(place string) []string {
	return []string{
		fmt.Sprintf("Port workers in %s ended a nine-day strike on Sunday after the shipping authority agreed to reopen wage talks, union leaders said.", place),
		fmt.Sprintf("The authority's director told reporters in %s that negotiators would meet the union on Tuesday and that cargo handling would resume at once.", place),
		fmt.Sprintf("Exporters in %s had warned that the stoppage was costing the regional economy several million dollars a day.", place),
	}
}

// rssItem is an item of a test feed.
type rssItem struct {
	title, link, date string // date as RFC 1123, "" for none
}

func rss(items ...rssItem) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>The Harbour Ledger</title><link>http://ledger.test/</link><description>News</description>`)
	for _, it := range items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link>", it.title, it.link)
		if it.date != "" {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>", it.date)
		}
		b.WriteString("</item>")
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

func atom(items ...rssItem) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Coast Wire</title><id>urn:coast-wire</id><updated>2016-03-02T10:00:00Z</updated>`)
	for i, it := range items {
		fmt.Fprintf(&b, `<entry><title>%s</title><id>urn:coast-wire:%d</id><link rel="alternate" href="%s"/>`, it.title, i, it.link)
		if it.date != "" {
			fmt.Fprintf(&b, "<published>%s</published><updated>%s</updated>", it.date, it.date)
		}
		b.WriteString("</entry>")
	}
	b.WriteString("</feed>")
	return b.String()
}

// memStore is an in-memory store: links and texts, like the SQLite store's
// duplicate rules.
type memStore struct {
	mu      sync.Mutex
	byURL   map[string]int64
	byHash  map[string]int64
	stored  []*dyad.Analysis
	batches int
}

func newMemStore() *memStore {
	return &memStore{byURL: map[string]int64{}, byHash: map[string]int64{}}
}

func (m *memStore) HasArticle(ctx context.Context, url, hash string) (int64, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if id, ok := m.byHash[hash]; ok {
		return id, true, nil
	}
	if id, ok := m.byURL[url]; ok && url != "" {
		return id, true, nil
	}
	return 0, false, nil
}

func (m *memStore) PutAnalyses(ctx context.Context, as []*dyad.Analysis) (dyad.PutResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.batches++
	var res dyad.PutResult
	for _, a := range as {
		h := dyad.ContentHash(a.Text)
		id, dup := m.byHash[h]
		if !dup && a.URL != "" {
			id, dup = m.byURL[a.URL]
		}
		if !dup {
			m.stored = append(m.stored, a)
			id = int64(len(m.stored))
			m.byHash[h] = id
			if a.URL != "" {
				m.byURL[a.URL] = id
			}
			res.Stored++
		} else {
			res.Duplicates++
		}
		res.IDs = append(res.IDs, id)
		res.Duplicate = append(res.Duplicate, dup)
	}
	return res, nil
}

func (m *memStore) urls() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for _, a := range m.stored {
		out = append(out, a.URL)
	}
	return out
}

// copyAnalyser "analyses" an article by copying it.
type copyAnalyser struct{}

func (copyAnalyser) Analyse(a *dyad.Article) *dyad.Analysis {
	return &dyad.Analysis{Doc: a.Doc, URL: a.URL, Title: a.Title, Published: a.Published,
		PublishedSource: a.PublishedSource, Text: a.Text}
}

// testConfig is a configuration for a fake clock.
func testConfig(clock watch.Clock) watch.Config {
	cfg := watch.DefaultConfig()
	cfg.UserAgent = "dyad-test/1.0 (+https://github.com/dyad-project/dyad)"
	cfg.Clock = clock
	cfg.Workers = 2
	cfg.Timeout = 5 * time.Second
	return cfg
}

func newWatcher(t *testing.T, cfg watch.Config, store *memStore) *watch.Watcher {
	t.Helper()
	w, err := watch.New(cfg, store, store, copyAnalyser{})
	if err != nil {
		t.Fatal(err)
	}
	return w
}
