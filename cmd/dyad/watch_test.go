package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-project/dyad/internal/sqlite"
)

// watchedSite serves a news feed, its pages and a robots.txt, and counts
// the requests per path.
type watchedSite struct {
	srv  *httptest.Server
	mu   sync.Mutex
	hits map[string]int
	// conditional counts the feed requests answered 304.
	conditional int
	// etag is the feed's current version.
	etag string
}

func newWatchedSite(t *testing.T) *watchedSite {
	s := &watchedSite{hits: map[string]int{}, etag: `"feed-1"`}
	pages := map[string]string{
		"/world/valmora-strike": watchPage("Valmora dock workers end strike as wage talks resume", "2016-03-01",
			"Dock workers in the port city of Valmora ended a nine-day strike on Sunday after the shipping authority agreed to reopen wage talks, union leaders said.",
			"Transport Minister Elena Varga met union leaders in Valmora on Monday and promised that negotiators would present a new offer within two weeks."),
		"/world/karsk-border": watchPage("Troops withdraw from Karsk border post", "",
			"Government troops withdrew from a border post near Karsk on Tuesday after a week of clashes with rebel fighters, the defence ministry said.",
			"Aid agencies called on both sides to open a humanitarian corridor for civilians trapped near the river crossing."),
		"/members/briefing": watchPage("Members briefing", "2016-03-01", "This page is for members only and must not be fetched by crawlers."),
	}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		switch {
		case r.URL.Path == "/robots.txt":
			fmt.Fprint(w, "User-agent: dyad\nDisallow: /members/\n")
		case r.URL.Path == "/feed.xml":
			s.mu.Lock()
			etag := s.etag
			unchanged := r.Header.Get("If-None-Match") == etag
			if unchanged {
				s.conditional++
			}
			s.mu.Unlock()
			if unchanged {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Ledger</title><link>%[1]s/</link><description>World news</description>
<item><title>Valmora strike ends</title><link>%[1]s/world/valmora-strike</link><pubDate>Tue, 01 Mar 2016 09:00:00 GMT</pubDate></item>
<item><title>Troops withdraw from Karsk</title><link>%[1]s/world/karsk-border</link><pubDate>Wed, 02 Mar 2016 11:00:00 GMT</pubDate></item>
<item><title>Members briefing</title><link>%[1]s/members/briefing</link></item>
<item><title>Removed story</title><link>%[1]s/world/removed</link></item>
</channel></rss>`, s.srv.URL)
		case pages[r.URL.Path] != "":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, pages[r.URL.Path])
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *watchedSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func watchPage(title, date string, paras ...string) string {
	meta := ""
	if date != "" {
		meta = `<meta property="article:published_time" content="` + date + `T08:00:00Z">`
	}
	return "<!DOCTYPE html><html><head><title>" + title + "</title>" + meta + "</head><body><nav><a href=\"/\">Home</a></nav><article><h1>" +
		title + "</h1><p>" + strings.Join(paras, "</p>\n<p>") + "</p></article><footer>Copyright Harbour Ledger</footer></body></html>"
}

func TestWatchCommand(t *testing.T) {
	s := newWatchedSite(t)
	dir := t.TempDir()
	feeds := filepath.Join(dir, "feeds.txt")
	writeFile(t, feeds, "# test feeds\n"+s.srv.URL+"/feed.xml\n")
	db := filepath.Join(dir, "news.db")
	args := []string{"watch", "--once", "--feeds", feeds, "--db", db, "--per-host", "10ms", "--backoff", "10ms"}

	status, _, stderr := run(t, "", args...)
	if status != 1 {
		t.Errorf("first run: exit status %d, want 1 (one page is gone); stderr:\n%s", status, stderr)
	}
	for _, want := range []string{"1 feeds polled", "4 items, 4 new, 2 fetched, 2 stored", "2 failed (1 disallowed)", "/world/removed: HTTP status 404 Not Found"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("first run: stderr lacks %q:\n%s", want, stderr)
		}
	}
	if n := countArticles(t, db); n != 2 {
		t.Errorf("%d articles stored, want 2", n)
	}
	if s.count("/members/briefing") != 0 {
		t.Error("the page robots.txt disallows was fetched")
	}
	if _, err := os.Stat(db + ".watch.json"); err != nil {
		t.Errorf("no state file next to the database: %v", err)
	}
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	id, ok, err := store.HasArticle(context.Background(), s.srv.URL+"/world/karsk-border", "")
	if err != nil || !ok {
		t.Fatalf("the Karsk page is not stored under its link: %v", err)
	}
	karsk, err := store.GetArticle(context.Background(), id)
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	if karsk.Published != "2016-03-02" {
		t.Errorf("a page without a date was stored as published %q, want the feed's 2016-03-02", karsk.Published)
	}

	// A second run, as after a restart: the feed answers 304 and no page
	// is fetched again.
	before := map[string]int{}
	for _, p := range []string{"/world/valmora-strike", "/world/karsk-border", "/world/removed"} {
		before[p] = s.count(p)
	}
	status, _, stderr = run(t, "", args...)
	if status != 0 {
		t.Errorf("second run: exit status %d; stderr:\n%s", status, stderr)
	}
	if !strings.Contains(stderr, "1 unchanged") || s.conditional != 1 {
		t.Errorf("second run: the feed was not fetched conditionally (%d); stderr:\n%s", s.conditional, stderr)
	}
	for p, n := range before {
		if s.count(p) != n {
			t.Errorf("second run fetched %s again", p)
		}
	}

	// The feed changes but lists the same items: the stored pages are
	// known to the database by their links, the others to the state file.
	s.mu.Lock()
	s.etag = `"feed-2"`
	s.mu.Unlock()
	status, _, stderr = run(t, "", args...)
	if status != 0 || !strings.Contains(stderr, "4 items, 0 new, 0 fetched") {
		t.Errorf("third run: status %d, stderr:\n%s", status, stderr)
	}
	for p, n := range before {
		if s.count(p) != n {
			t.Errorf("third run fetched %s again", p)
		}
	}
	if n := countArticles(t, db); n != 2 {
		t.Errorf("%d articles stored after three runs, want 2", n)
	}
}

func TestWatchCommandErrors(t *testing.T) {
	dir := t.TempDir()
	feeds := filepath.Join(dir, "feeds.txt")
	writeFile(t, feeds, "https://ledger.example/rss.xml\nftp://ledger.example/feed\nnot a url\n")
	tests := []struct {
		name   string
		args   []string
		status int
		want   string
	}{
		{"no feeds flag", []string{"watch", "--db", filepath.Join(dir, "x.db")}, 2, "Usage: dyad watch"},
		{"bad lines", []string{"watch", "--once", "--feeds", feeds, "--db", filepath.Join(dir, "x.db")}, 1, "feeds.txt:2: URL \"ftp://ledger.example/feed\" is not http or https"},
		{"postgres without state", []string{"watch", "--feeds", feeds, "--db", "postgres://localhost/dyad"}, 1, "--state is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, _, stderr := run(t, "", tt.args...)
			if status != tt.status || !strings.Contains(stderr, tt.want) {
				t.Errorf("status %d, stderr:\n%s\nwant status %d and %q", status, stderr, tt.status, tt.want)
			}
		})
	}
}

// cancelWriter collects output and calls cancel once it contains mark.
type cancelWriter struct {
	mu     sync.Mutex
	buf    strings.Builder
	mark   string
	cancel context.CancelFunc
}

func (w *cancelWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if strings.Contains(w.buf.String(), w.mark) {
		w.cancel()
	}
	return len(p), nil
}

func TestWatchCommandStopsOnInterrupt(t *testing.T) {
	s := newWatchedSite(t)
	dir := t.TempDir()
	feeds := filepath.Join(dir, "feeds.txt")
	writeFile(t, feeds, s.srv.URL+"/feed.xml\n")
	db := filepath.Join(dir, "news.db")
	state := filepath.Join(dir, "state.json")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Cancelled after the first round, while waiting an hour for the next.
	errw := &cancelWriter{mark: "round 1 at", cancel: cancel}
	m := &Main{Stdin: strings.NewReader(""), Stdout: &strings.Builder{}, Stderr: errw}
	status := m.Run(ctx, []string{"watch", "--every", "1h", "--feeds", feeds, "--db", db, "--state", state, "--per-host", "10ms"})
	out := errw.buf.String()
	if status != 0 || !strings.HasSuffix(out, "dyad watch: stopped\n") {
		t.Errorf("status %d, stderr:\n%s\nwant 0 and a clean stop", status, out)
	}
	if strings.Contains(out, "round 2") {
		t.Errorf("a second round ran before the interval:\n%s", out)
	}
	if _, err := os.Stat(state); err != nil {
		t.Errorf("state not saved: %v", err)
	}
	if n := countArticles(t, db); n != 2 {
		t.Errorf("%d articles stored, want 2", n)
	}
}
