package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/httpapi"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/testutil"
)

// analyserFunc turns a func into an httpapi.Analyser.
type analyserFunc func(*dyad.Article) *dyad.Analysis

func (f analyserFunc) Analyse(a *dyad.Article) *dyad.Analysis { return f(a) }

// bare analyses nothing: the article's text and metadata only.
var bare = analyserFunc(func(a *dyad.Article) *dyad.Analysis {
	return &dyad.Analysis{Doc: a.Doc, URL: a.URL, Title: a.Title, Published: a.Published, Text: a.Text,
		Sentences: []dyad.Sentence{}, Actors: []dyad.Actor{}, Events: []dyad.Event{}, Quotes: []dyad.Quote{},
		Places: []dyad.Place{}, Warnings: []string{}}
})

// errorBody is an error response.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func TestErrors(t *testing.T) {
	db, _ := openStore(t)
	readOnly := newServer(t, db, httpapi.Config{})
	writable := newServer(t, db, httpapi.Config{Token: "s3cret", Analyser: bare, MaxBodyBytes: 1000})
	auth := http.Header{"Authorization": {"Bearer s3cret"}}
	line := `{"id": "x", "text": "Officials met in Rome on Monday."}` + "\n"
	tests := []struct {
		name   string
		server string // "" for the read-only server
		method string
		path   string
		body   string
		header http.Header
		status int
		code   string
	}{
		{"unknown endpoint", "", "GET", "/api/nothing", "", nil, 404, "not_found"},
		{"unknown endpoint, other method", "", "DELETE", "/api/nothing", "", nil, 404, "not_found"},
		{"unknown file", "", "GET", "/nothing.js", "", nil, 404, "not_found"},
		{"unknown article", "", "GET", "/api/articles/999999", "", nil, 404, "not_found"},
		{"article ID not a number", "", "GET", "/api/articles/abc", "", nil, 400, "invalid"},
		{"article ID zero", "", "GET", "/api/articles/0", "", nil, 400, "invalid"},
		{"unknown actor", "", "GET", "/api/actors/Nobody%20At%20All", "", nil, 404, "not_found"},
		{"unknown actor with a slash", "", "GET", "/api/actors/AC%2FDC", "", nil, 404, "not_found"},
		{"bad quad", "", "GET", "/api/events?quad=7", "", nil, 400, "invalid"},
		{"quad not a number", "", "GET", "/api/events?quad=two", "", nil, 400, "invalid"},
		{"bad date", "", "GET", "/api/events?from=2016-13-01", "", nil, 400, "invalid"},
		{"bad sort", "", "GET", "/api/events?sort=random", "", nil, 400, "invalid"},
		{"bad mode", "", "GET", "/api/events?mode=maybe", "", nil, 400, "invalid"},
		{"limit zero", "", "GET", "/api/events?limit=0", "", nil, 400, "invalid"},
		{"limit too large", "", "GET", "/api/events?limit=100000", "", nil, 400, "invalid"},
		{"negative offset", "", "GET", "/api/events?offset=-1", "", nil, 400, "invalid"},
		{"misspelt parameter", "", "GET", "/api/events?actr=USA", "", nil, 400, "invalid"},
		{"repeated parameter", "", "GET", "/api/events?actor=USA&actor=SYR", "", nil, 400, "invalid"},
		{"country not ISO alpha-3", "", "GET", "/api/events?country=Syria", "", nil, 400, "invalid"},
		{"root not two digits", "", "GET", "/api/events?root=1", "", nil, 400, "invalid"},
		{"CAMEO code not digits", "", "GET", "/api/events?cameo=04a", "", nil, 400, "invalid"},
		{"text with nothing to find", "", "GET", "/api/events?text=-war", "", nil, 400, "invalid"},
		{"value too long", "", "GET", "/api/events?actor=" + strings.Repeat("a", 1001), "", nil, 400, "invalid"},
		{"bad interval", "", "GET", "/api/timeline?interval=year", "", nil, 400, "invalid"},
		{"bad grouping", "", "GET", "/api/timeline?by=actor", "", nil, 400, "invalid"},
		{"paging a timeline", "", "GET", "/api/timeline?offset=10", "", nil, 400, "invalid"},
		{"bad node", "", "GET", "/api/network?node=planet", "", nil, 400, "invalid"},
		{"too many edges", "", "GET", "/api/network?limit=5000", "", nil, 400, "invalid"},
		{"bad map filter", "", "GET", "/api/map?to=yesterday", "", nil, 400, "invalid"},
		{"bad actor sort", "", "GET", "/api/actors?sort=age", "", nil, 400, "invalid"},
		{"bad actor type", "", "GET", "/api/actors?type=alien", "", nil, 400, "invalid"},
		{"bad quote sort", "", "GET", "/api/quotes?sort=goldstein", "", nil, 400, "invalid"},
		{"bad search kind", "", "GET", "/api/search?kind=video", "", nil, 400, "invalid"},
		{"search with nothing to find", "", "GET", "/api/search?q=-war", "", nil, 400, "invalid"},
		{"parameters on an article", "", "GET", "/api/articles/1?verbose=1", "", nil, 400, "invalid"},
		{"DELETE events", "", "DELETE", "/api/events", "", nil, 405, "method_not_allowed"},
		{"POST events", "", "POST", "/api/events", "", nil, 405, "method_not_allowed"},
		{"PUT articles", "", "PUT", "/api/articles", "", nil, 405, "method_not_allowed"},
		{"GET articles", "", "GET", "/api/articles", "", nil, 405, "method_not_allowed"},
		{"POST an article", "", "POST", "/api/articles/1", "", nil, 405, "method_not_allowed"},
		{"POST to the UI", "", "POST", "/", "", nil, 405, "method_not_allowed"},
		{"write to a read-only server", "", "POST", "/api/articles", line, auth, 403, "forbidden"},
		{"write without a token", "w", "POST", "/api/articles", line, nil, 401, "unauthorized"},
		{"write with another scheme", "w", "POST", "/api/articles", line, http.Header{"Authorization": {"Basic czNjcmV0"}}, 401, "unauthorized"},
		{"write with a wrong token", "w", "POST", "/api/articles", line, http.Header{"Authorization": {"Bearer guess"}}, 403, "forbidden"},
		{"write HTML", "w", "POST", "/api/articles", line,
			http.Header{"Authorization": {"Bearer s3cret"}, "Content-Type": {"text/html"}}, 415, "unsupported_media_type"},
		{"write too much", "w", "POST", "/api/articles", strings.Repeat(line, 30), auth, 413, "too_large"},
		{"write a broken line", "w", "POST", "/api/articles", line + "{\"text\": \n", auth, 400, "invalid"},
		{"write a line that is not an article", "w", "POST", "/api/articles", `{"title": 5}` + "\n", auth, 400, "invalid"},
		{"write nothing", "w", "POST", "/api/articles", "", auth, 400, "invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := readOnly.URL
			if tt.server == "w" {
				base = writable.URL
			}
			res, body := do(t, tt.method, base+tt.path, tt.body, tt.header)
			if res.StatusCode != tt.status {
				t.Errorf("status %d, want %d; body %s", res.StatusCode, tt.status, body)
			}
			if ct := res.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			var e errorBody
			if err := json.Unmarshal(body, &e); err != nil {
				t.Fatalf("%v in %s", err, body)
			}
			if e.Error.Code != tt.code || e.Error.Message == "" {
				t.Errorf("error = %+v, want code %q and a message", e.Error, tt.code)
			}
			if tt.status == 405 && res.Header.Get("Allow") == "" {
				t.Error("405 without an Allow header")
			}
			if tt.status == 401 && !strings.HasPrefix(res.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("401 with WWW-Authenticate %q", res.Header.Get("WWW-Authenticate"))
			}
		})
	}
	// Nothing was written by the refused writes.
	var info struct{ Articles int }
	getJSON(t, readOnly.URL, "/api/info", http.StatusOK, &info)
	if info.Articles != 5 {
		t.Errorf("%d articles after refused writes, want 5", info.Articles)
	}
}

func TestErrorMessages(t *testing.T) {
	db, _ := openStore(t)
	ts := newServer(t, db, httpapi.Config{})
	tests := []struct {
		path, want string
	}{
		{"/api/events?quad=7", `parameter "quad": "7" is not a whole number from 1 to 4`},
		{"/api/events?from=2016-13-01", `date "2016-13-01" is not YYYY-MM-DD`},
		{"/api/events?actr=USA", `unknown parameter "actr" (this endpoint takes actor, article_id, `},
		{"/api/actors/AC%2FDC", `no actor named "AC/DC"`},
		{"/api/articles/999999", "not found"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			_, body := do(t, http.MethodGet, ts.URL+tt.path, "", nil)
			var e errorBody
			if err := json.Unmarshal(body, &e); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(e.Error.Message, tt.want) {
				t.Errorf("message %q, want it to start with %q", e.Error.Message, tt.want)
			}
		})
	}
}

func TestErrorCode(t *testing.T) {
	tests := []struct {
		err    error
		code   string
		status int
	}{
		{fmt.Errorf("sqlite: find: %w", dyad.ErrInvalid), httpapi.ECodeInvalid, 400},
		{fmt.Errorf("sqlite: get article 3: %w", dyad.ErrNotFound), httpapi.ECodeNotFound, 404},
		{fmt.Errorf("reading: %w", &http.MaxBytesError{Limit: 10}), httpapi.ECodeTooLarge, 413},
		{fmt.Errorf("query: %w", context.DeadlineExceeded), httpapi.ECodeTimeout, 503},
		{httpapi.Errorf(httpapi.ECodeForbidden, "no"), httpapi.ECodeForbidden, 403},
		{fmt.Errorf("wrapped: %w", httpapi.Errorf(httpapi.ECodeUnauthorized, "who?")), httpapi.ECodeUnauthorized, 401},
		{errors.New("disk on fire"), httpapi.ECodeInternal, 500},
	}
	for _, tt := range tests {
		t.Run(tt.err.Error(), func(t *testing.T) {
			if got := httpapi.ErrorCode(tt.err); got != tt.code {
				t.Errorf("code %q, want %q", got, tt.code)
			}
			if got := httpapi.ErrorStatus(httpapi.ErrorCode(tt.err)); got != tt.status {
				t.Errorf("status %d, want %d", got, tt.status)
			}
		})
	}
	if msg := httpapi.ErrorMessage(errors.New("disk on fire at /var/db")); msg != "internal error" {
		t.Errorf("an internal error tells the client %q", msg)
	}
	if msg := httpapi.ErrorMessage(fmt.Errorf("sqlite: x: %w: quad class 9 is not 1 to 4", dyad.ErrInvalid)); msg != "quad class 9 is not 1 to 4" {
		t.Errorf("invalid message %q", msg)
	}
}

// slowStore blocks every event query until its context ends, as a
// database does on a query that takes too long.
type slowStore struct{ dyad.Store }

func (s slowStore) FindEvents(ctx context.Context, f dyad.EventFilter) ([]dyad.StoredEvent, int, error) {
	<-ctx.Done()
	return nil, 0, fmt.Errorf("slow: %w", ctx.Err())
}

// brokenStore panics on every event query.
type brokenStore struct{ dyad.Store }

func (brokenStore) FindEvents(context.Context, dyad.EventFilter) ([]dyad.StoredEvent, int, error) {
	panic("broken on purpose")
}

func TestTimeoutAndPanic(t *testing.T) {
	db, _ := openStore(t)
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	tests := []struct {
		name   string
		store  dyad.Store
		status int
		code   string
		logged string
	}{
		{"deadline", slowStore{db}, 503, "timeout", "request timed out"},
		{"panic", brokenStore{db}, 500, "internal", "broken on purpose"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newServer(t, tt.store, httpapi.Config{RequestTimeout: 50 * time.Millisecond, Logger: log})
			res, body := do(t, http.MethodGet, ts.URL+"/api/events", "", nil)
			var e errorBody
			if err := json.Unmarshal(body, &e); err != nil {
				t.Fatalf("%v in %s", err, body)
			}
			if res.StatusCode != tt.status || e.Error.Code != tt.code {
				t.Errorf("status %d, code %q; want %d, %q", res.StatusCode, e.Error.Code, tt.status, tt.code)
			}
			if !strings.Contains(logs.String(), tt.logged) {
				t.Errorf("log lacks %q: %s", tt.logged, logs.String())
			}
		})
	}
}

// TestIngest POSTs the repository's example JSON Lines to a writable
// server with the real pipeline.
func TestIngest(t *testing.T) {
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	db := openEmpty(t)
	ts := newServer(t, db, httpapi.Config{Token: "s3cret", Analyser: p})
	body, err := os.ReadFile(filepath.Join(testutil.RepoRoot(t), "examples", "articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	header := http.Header{"Authorization": {"Bearer s3cret"}, "Content-Type": {"application/x-ndjson"}}
	type result struct {
		Read, Stored, Duplicates int
		Articles                 []struct {
			Doc       string
			ID        int64
			Duplicate bool
		}
	}
	post := func(body string, status int) result {
		t.Helper()
		res, b := do(t, http.MethodPost, ts.URL+"/api/articles", body, header)
		if res.StatusCode != status {
			t.Fatalf("POST: status %d, want %d: %s", res.StatusCode, status, b)
		}
		var r result
		if status == http.StatusOK {
			if err := json.Unmarshal(b, &r); err != nil {
				t.Fatal(err)
			}
		}
		return r
	}
	first := post(string(body), http.StatusOK)
	if first.Read != 3 || first.Stored != 3 || first.Duplicates != 0 || len(first.Articles) != 3 || first.Articles[0].Doc != "ex-001" {
		t.Fatalf("first POST = %+v", first)
	}
	var v articleView
	getJSON(t, ts.URL, fmt.Sprintf("/api/articles/%d", first.Articles[1].ID), http.StatusOK, &v)
	if v.Article.Doc != "ex-002" || !strings.Contains(v.Article.Text, "Helmand") {
		t.Errorf("stored article = %s: %.60q", v.Article.Doc, v.Article.Text)
	}
	again := post(string(body), http.StatusOK)
	if again.Stored != 0 || again.Duplicates != 3 || !again.Articles[2].Duplicate || again.Articles[2].ID != first.Articles[2].ID {
		t.Errorf("second POST = %+v, want 3 duplicates of the first", again)
	}
	// One broken line: nothing of the body is stored.
	post(`{"id": "new", "text": "A new article about talks in Vienna."}`+"\n"+`{"id": 1, "text": 2}`+"\n", http.StatusBadRequest)
	var info struct{ Articles int }
	getJSON(t, ts.URL, "/api/info", http.StatusOK, &info)
	if info.Articles != 3 {
		t.Errorf("%d articles stored, want 3", info.Articles)
	}
}

func TestConfig(t *testing.T) {
	db, _ := openStore(t)
	if _, err := httpapi.New(db, httpapi.Config{Token: "t"}); !errors.Is(err, httpapi.ErrConfig) {
		t.Errorf("a token without an analyser: %v, want ErrConfig", err)
	}
	if _, err := httpapi.New(db, httpapi.Config{DefaultPage: 100, MaxPage: 10}); !errors.Is(err, httpapi.ErrConfig) {
		t.Errorf("a default page over the largest: %v, want ErrConfig", err)
	}
}

// TestStatic checks the embedded UI: its files, their types, caching, the
// security headers, and that nothing in it loads from elsewhere.
func TestStatic(t *testing.T) {
	db, _ := openStore(t)
	ts := newServer(t, db, httpapi.Config{})
	res, body := do(t, http.MethodGet, ts.URL+"/", "", nil)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/html; charset=utf-8" ||
		!bytes.Contains(body, []byte(`<script type="module" src="/js/app.js">`)) {
		t.Fatalf("GET /: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	for k, want := range map[string]string{
		"Content-Security-Policy": "default-src 'self'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
	} {
		if got := res.Header.Get(k); !strings.HasPrefix(got, want) {
			t.Errorf("%s: %q, want %q", k, got, want)
		}
	}
	etag := res.Header.Get("ETag")
	res, body = do(t, http.MethodGet, ts.URL+"/", "", http.Header{"If-None-Match": {etag}})
	if res.StatusCode != http.StatusNotModified || len(body) != 0 {
		t.Errorf("revalidation: %d with %d bytes, want 304", res.StatusCode, len(body))
	}
	res, body = do(t, http.MethodHead, ts.URL+"/style.css", "", nil)
	if res.StatusCode != 200 || len(body) != 0 || res.Header.Get("Content-Type") != "text/css; charset=utf-8" {
		t.Errorf("HEAD /style.css: %d, %d bytes, %s", res.StatusCode, len(body), res.Header.Get("Content-Type"))
	}

	// Every module that a module imports is served, as JavaScript, and no
	// file names an address elsewhere.
	imports := regexp.MustCompile(`(?m)^import .* from '(\.[^']+)';$`)
	external := regexp.MustCompile(`(?i)(src|href)=["']?(https?:)?//|url\(["']?(https?:)?//|fetch\(["'` + "`" + `]https?:|@import`)
	seen := map[string]bool{}
	queue := []string{"/js/app.js"}
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		if seen[path] {
			continue
		}
		seen[path] = true
		res, body := do(t, http.MethodGet, ts.URL+path, "", nil)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/javascript; charset=utf-8" {
			t.Errorf("GET %s: %d %s", path, res.StatusCode, res.Header.Get("Content-Type"))
			continue
		}
		if m := external.Find(body); m != nil {
			t.Errorf("%s loads from elsewhere: %s", path, m)
		}
		for _, m := range imports.FindAllSubmatch(body, -1) {
			queue = append(queue, resolve(path, string(m[1])))
		}
	}
	if len(seen) < 10 {
		t.Errorf("only %d modules reached from /js/app.js", len(seen))
	}
	for _, path := range []string{"/", "/style.css", "/favicon.svg"} {
		_, body := do(t, http.MethodGet, ts.URL+path, "", nil)
		if m := external.Find(body); m != nil {
			t.Errorf("%s loads from elsewhere: %s", path, m)
		}
	}
}

// resolve returns the path of a relative import from a module's path.
func resolve(from, rel string) string {
	dir := from[:strings.LastIndex(from, "/")]
	for strings.HasPrefix(rel, "../") {
		dir = dir[:strings.LastIndex(dir, "/")]
		rel = rel[3:]
	}
	return dir + "/" + strings.TrimPrefix(rel, "./")
}

// TestServe runs the real server on a loopback port and stops it.
func TestServe(t *testing.T) {
	db, _ := openStore(t)
	s, err := httpapi.New(db, httpapi.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln, time.Second) }()
	var info struct{ Events int }
	getJSON(t, "http://"+ln.Addr().String(), "/api/info", http.StatusOK, &info)
	if info.Events != 9 {
		t.Errorf("%d events, want 9", info.Events)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after its context ended")
	}
}
