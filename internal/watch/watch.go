package watch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
)

// ErrConfig marks a configuration that cannot be used.
var ErrConfig = errors.New("watch: bad configuration")

// Config controls a watcher. DefaultConfig documents the defaults.
type Config struct {
	// UserAgent is sent with every request; its product token (before
	// the first "/") is matched against robots.txt groups.
	UserAgent string
	// PerHost is the least time between the end of one request to a host
	// and the start of the next; a longer robots.txt Crawl-delay wins.
	PerHost time.Duration
	// Parallel bounds the hosts requested at once.
	Parallel int
	// Workers bounds the pages analysed at once.
	Workers int
	// Timeout bounds one request, body included.
	Timeout time.Duration
	// MaxBytes bounds a feed's or page's body.
	MaxBytes int64
	// Retries is how many times a request that met a server error or a
	// network failure is tried again within a round; Backoff is the wait
	// before the first retry, doubled for each next one.
	Retries int
	Backoff time.Duration
	// MaxFailures is how many rounds an item may fail temporarily before
	// it is given up.
	MaxFailures int
	// Batch is the number of analyses stored per PutAnalyses call.
	Batch int
	// RobotsTTL is how long a robots.txt is kept before it is read again.
	RobotsTTL time.Duration
	// Forget is how long an item's state is kept after it was last seen
	// in a feed.
	Forget time.Duration
	// Client makes the requests; nil means a client with the default
	// transport (which follows up to 10 redirects).
	Client *http.Client
	// Clock is the time the watcher waits on; nil means the real one.
	Clock Clock
}

// DefaultUserAgent is the User-Agent of DefaultConfig.
const DefaultUserAgent = "dyad/dev (+https://github.com/dyad-project/dyad)"

// DefaultConfig returns the configuration of `dyad watch` without flags.
func DefaultConfig() Config {
	return Config{
		UserAgent:   DefaultUserAgent,
		PerHost:     time.Second,
		Parallel:    4,
		Workers:     runtime.GOMAXPROCS(0),
		Timeout:     30 * time.Second,
		MaxBytes:    5 << 20,
		Retries:     2,
		Backoff:     2 * time.Second,
		MaxFailures: 5,
		Batch:       50,
		RobotsTTL:   time.Hour,
		Forget:      30 * 24 * time.Hour,
	}
}

// Store is what a watcher asks the store: whether it holds an article
// under a link (see dyad.ArticleStore).
type Store interface {
	HasArticle(ctx context.Context, url, hash string) (id int64, ok bool, err error)
}

// Writer stores batches of analyses (see dyad.ArticleStore.PutAnalyses).
type Writer interface {
	PutAnalyses(ctx context.Context, as []*dyad.Analysis) (dyad.PutResult, error)
}

// Analyser analyses an article; *pipeline.Pipeline is one.
type Analyser interface {
	Analyse(a *dyad.Article) *dyad.Analysis
}

// Watcher polls feeds and stores the analyses of their new items. Its
// rounds must not overlap.
type Watcher struct {
	cfg      Config
	store    Store
	writer   Writer
	analyser Analyser
	fetch    *fetcher
	round    int
}

// New returns a watcher that checks links in store, analyses pages with a
// and stores the analyses with w.
func New(cfg Config, store Store, w Writer, a Analyser) (*Watcher, error) {
	switch {
	case cfg.UserAgent == "":
		return nil, fmt.Errorf("%w: empty User-Agent", ErrConfig)
	case cfg.PerHost < 0, cfg.Timeout <= 0, cfg.Backoff < 0, cfg.RobotsTTL < 0, cfg.Forget <= 0:
		return nil, fmt.Errorf("%w: negative or zero duration", ErrConfig)
	case cfg.Parallel < 1, cfg.Workers < 1, cfg.Batch < 1, cfg.MaxBytes < 1, cfg.MaxFailures < 1, cfg.Retries < 0:
		return nil, fmt.Errorf("%w: a count is below its minimum", ErrConfig)
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{}
	}
	if cfg.Clock == nil {
		cfg.Clock = realClock{}
	}
	return &Watcher{cfg: cfg, store: store, writer: w, analyser: a, fetch: newFetcher(cfg)}, nil
}

// Stats reports one round.
type Stats struct {
	// Feeds counts the feeds polled, Unchanged those that answered 304
	// Not Modified, FeedsFailed those that failed.
	Feeds, Unchanged, FeedsFailed int
	// Items counts the distinct links listed by the feeds that changed;
	// New those neither stored nor given up before this round.
	Items, New int
	// Fetched counts the pages fetched, Stored the analyses stored,
	// Duplicates those whose text was already stored, Failed the new items
	// that failed (Disallowed of them by robots.txt).
	Fetched, Stored, Duplicates, Failed, Disallowed int
	// Failures are the feeds and items that failed, feeds first, each in
	// list order.
	Failures []Failure
	Elapsed  time.Duration
}

// String is the round's log line.
func (s *Stats) String() string {
	return fmt.Sprintf("%d feeds polled (%d unchanged, %d failed), %d items, %d new, %d fetched, %d stored, %d duplicates, %d failed (%d disallowed) in %s",
		s.Feeds, s.Unchanged, s.FeedsFailed, s.Items, s.New, s.Fetched, s.Stored, s.Duplicates, s.Failed, s.Disallowed,
		s.Elapsed.Round(time.Millisecond))
}

// Failure is a feed or an item that failed in a round.
type Failure struct {
	// URL is the feed's or the item's.
	URL string
	// Feed reports a feed (else an item).
	Feed bool
	// Err is the reason: a *FetchError, an *ingest.Error, or a store error.
	Err error
	// Retry reports that the item will be tried again in a later round.
	Retry bool
}

func (f Failure) String() string {
	kind := "item"
	if f.Feed {
		kind = "feed"
	}
	msg := kind + " " + f.URL + ": " + failureReason(f.Err)
	if f.Retry {
		msg += " (will retry)"
	}
	return msg
}

// failureReason is err without the URL its message starts with.
func failureReason(err error) string {
	var fe *FetchError
	if errors.As(err, &fe) {
		return strings.TrimPrefix(err.Error(), fe.URL+": ")
	}
	var ie *ingest.Error
	if errors.As(err, &ie) {
		return ie.Err.Error()
	}
	return err.Error()
}

// pending is an item of the round that the store does not hold.
type pending struct {
	feedItem
	u *url.URL
	// feeds are the indexes of the feeds listing the item.
	feeds []int
	res   chan outcome
}

// outcome is what became of a pending item.
type outcome struct {
	a   *dyad.Analysis
	err error // nil when a is set
}

// polled is the result of polling one feed.
type polled struct {
	items     []feedItem
	changed   bool // a 2xx response: items are the feed's
	validator FeedState
	err       error
}

// Round polls feeds once, fetches and analyses the pages of their new
// items and stores the analyses in batches, and updates st. Failures of
// feeds and items are in the Stats; the error is ctx's when the round
// was interrupted (after storing what was analysed), or the store's when
// storing failed for every analysis of a batch. st is updated in either
// case, for the caller to save.
func (w *Watcher) Round(ctx context.Context, feeds []Feed, st *State) (*Stats, error) {
	w.round++
	start := w.cfg.Clock.Now()
	stats := &Stats{Feeds: len(feeds)}
	st.forget(feeds, start.Add(-w.cfg.Forget))

	results := w.pollFeeds(ctx, feeds, st)
	if err := ctx.Err(); err != nil {
		stats.Elapsed = w.cfg.Clock.Now().Sub(start)
		return stats, err
	}

	// The items of every changed feed, each link once, in feed order.
	var items []*pending
	byLink := map[string]*pending{}
	for i, r := range results {
		switch {
		case r.err != nil:
			stats.FeedsFailed++
			stats.Failures = append(stats.Failures, Failure{URL: feeds[i].URL, Feed: true, Err: r.err,
				Retry: isTemporary(r.err)})
			continue
		case !r.changed:
			stats.Unchanged++
			continue
		}
		for _, fi := range r.items {
			if p := byLink[fi.link]; p != nil {
				p.feeds = append(p.feeds, i)
				continue
			}
			u, _ := url.Parse(fi.link) // parseFeed built it
			p := &pending{feedItem: fi, u: u, feeds: []int{i}}
			byLink[fi.link] = p
			items = append(items, p)
		}
	}
	stats.Items = len(items)

	// Keep the items neither given up nor stored.
	fresh := items[:0]
	for _, p := range items {
		if s, ok := st.Items[p.link]; ok {
			s.Seen = start
			st.Items[p.link] = s
			if s.Done {
				continue
			}
		}
		// An empty hash matches no stored article: every stored text has
		// a SHA-256. A failed check is not fatal: PutAnalyses skips an
		// article whose URL is stored.
		if _, ok, err := w.store.HasArticle(ctx, p.link, ""); err == nil && ok {
			delete(st.Items, p.link)
			continue
		}
		fresh = append(fresh, p)
	}
	items = fresh
	stats.New = len(items)
	// Oldest first, for the story index; undated items last, in feed order.
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].published, items[j].published
		if a.IsZero() || b.IsZero() {
			return !a.IsZero() && b.IsZero()
		}
		return a.Before(b)
	})

	unresolved := make([]bool, len(feeds))
	err := w.fetchAll(ctx, items, stats, st, start, unresolved)

	// A feed's validators are kept only when every new item it lists was
	// dealt with: otherwise the next poll would answer 304 and the item
	// that failed temporarily, or was interrupted, would never be fetched.
	for i, r := range results {
		if !r.changed {
			continue
		}
		if unresolved[i] || r.validator == (FeedState{}) {
			delete(st.Feeds, feeds[i].URL)
		} else {
			st.Feeds[feeds[i].URL] = r.validator
		}
	}
	stats.Elapsed = w.cfg.Clock.Now().Sub(start)
	return stats, err
}

// isTemporary reports whether a failure may pass by itself.
func isTemporary(err error) bool {
	var fe *FetchError
	return errors.As(err, &fe) && fe.Temporary()
}

// pollFeeds polls every feed, hosts in parallel, and returns the results
// in feed order.
func (w *Watcher) pollFeeds(ctx context.Context, feeds []Feed, st *State) []polled {
	results := make([]polled, len(feeds))
	groups := map[string][]int{}
	var keys []string
	for i, f := range feeds {
		u, err := url.Parse(f.URL)
		if err != nil {
			results[i].err = &FetchError{URL: f.URL, Err: err}
			continue
		}
		k := hostKey(u)
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	w.perHost(ctx, keys, func(key string) {
		for _, i := range groups[key] {
			if ctx.Err() != nil {
				results[i].err = ctx.Err()
				continue
			}
			results[i] = w.pollFeed(ctx, feeds[i].URL, st.Feeds[feeds[i].URL])
		}
	})
	return results
}

// perHost runs fn for each host key, at most Config.Parallel at once.
func (w *Watcher) perHost(ctx context.Context, keys []string, fn func(key string)) {
	sem := make(chan struct{}, w.cfg.Parallel)
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
				defer func() { <-sem }()
			case <-ctx.Done():
			}
			fn(k)
		}()
	}
	wg.Wait()
}

// feedAccept is the Accept header of a feed request.
const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"

// pollFeed fetches a feed with a conditional GET and parses it.
func (w *Watcher) pollFeed(ctx context.Context, feedURL string, old FeedState) polled {
	u, err := url.Parse(feedURL)
	if err != nil {
		return polled{err: &FetchError{URL: feedURL, Err: err}}
	}
	if err := w.fetch.allowed(ctx, u, w.round); err != nil {
		return polled{err: err}
	}
	hdr := http.Header{}
	if old.ETag != "" {
		hdr.Set("If-None-Match", old.ETag)
	}
	if old.LastModified != "" {
		hdr.Set("If-Modified-Since", old.LastModified)
	}
	resp, err := w.fetch.get(ctx, w.fetch.host(hostKey(u)), feedURL, hdr, feedAccept, w.cfg.MaxBytes)
	if err != nil {
		return polled{err: err}
	}
	if resp.status == http.StatusNotModified {
		return polled{}
	}
	items, err := parseFeed(feedURL, resp.body)
	if err != nil {
		return polled{err: &FetchError{URL: feedURL, Err: err}}
	}
	return polled{items: items, changed: true, validator: FeedState{
		ETag:         resp.header.Get("ETag"),
		LastModified: resp.header.Get("Last-Modified"),
	}}
}

// pageAccept is the Accept header of a page request.
const pageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

// fetchAll fetches, reads and analyses the pending items, hosts in
// parallel, and stores the analyses in item order. It records each item's
// outcome in stats and st, and marks in unresolved the feeds with an item
// that may succeed in a later round.
func (w *Watcher) fetchAll(ctx context.Context, items []*pending, stats *Stats, st *State, now time.Time, unresolved []bool) error {
	for _, p := range items {
		p.res = make(chan outcome, 1)
	}
	groups := map[string][]*pending{}
	var keys []string
	for _, p := range items {
		k := hostKey(p.u)
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], p)
	}

	type job struct {
		p   *pending
		art *dyad.Article
	}
	jobs := make(chan job)
	var analysts sync.WaitGroup
	for range w.cfg.Workers {
		analysts.Add(1)
		go func() {
			defer analysts.Done()
			for j := range jobs {
				j.p.res <- outcome{a: w.analyser.Analyse(j.art)}
			}
		}()
	}
	var fetched sync.Mutex
	go func() {
		w.perHost(ctx, keys, func(key string) {
			for _, p := range groups[key] {
				if ctx.Err() != nil {
					p.res <- outcome{err: ctx.Err()}
					continue
				}
				art, ok, err := w.fetchPage(ctx, p)
				if ok {
					fetched.Lock()
					stats.Fetched++
					fetched.Unlock()
				}
				if err != nil {
					p.res <- outcome{err: err}
					continue
				}
				select {
				case jobs <- job{p, art}:
				case <-ctx.Done():
					p.res <- outcome{err: ctx.Err()}
				}
			}
		})
		close(jobs)
	}()

	s := &storer{w: w, stats: stats, st: st, now: now, unresolved: unresolved}
	var err error
	for _, p := range items {
		o := <-p.res
		switch {
		case o.err == nil:
			s.batch = append(s.batch, p)
			s.analyses = append(s.analyses, o.a)
			if len(s.batch) >= w.cfg.Batch {
				if ferr := s.flush(); ferr != nil && err == nil {
					err = ferr
				}
			}
		case ctx.Err() != nil && (errors.Is(o.err, context.Canceled) || errors.Is(o.err, context.DeadlineExceeded)):
			s.unresolve(p)
		default:
			s.fail(p, o.err)
		}
	}
	analysts.Wait()
	// What was analysed before an interruption is stored too: a batch is
	// atomic, so this cannot leave anything half-stored.
	if ferr := s.flush(); ferr != nil && err == nil {
		err = ferr
	}
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// fetchPage fetches an item's page and reads it into an article. ok
// reports that a page was received, even if it then failed.
func (w *Watcher) fetchPage(ctx context.Context, p *pending) (art *dyad.Article, ok bool, err error) {
	if err := w.fetch.allowed(ctx, p.u, w.round); err != nil {
		return nil, false, err
	}
	resp, err := w.fetch.get(ctx, w.fetch.host(hostKey(p.u)), p.link, nil, pageAccept, w.cfg.MaxBytes)
	if err != nil {
		return nil, false, err
	}
	if resp.status == http.StatusNotModified {
		// Only a conditional request may be answered 304; a server that
		// does anyway sent no page.
		return nil, false, &FetchError{URL: p.link, Status: resp.status,
			Err: because(ErrStatus, "HTTP status 304 without a conditional request")}
	}
	if mt, html := isHTML(resp.header, resp.body); !html {
		return nil, true, &FetchError{URL: p.link, Err: because(ErrNotHTML, "not HTML: %s", mt)}
	}
	art, err = ingest.ReadHTML(p.link, resp.body)
	if err != nil {
		return nil, true, err
	}
	w.complete(art, p)
	return art, true, nil
}

// complete fills in what the page lacks from the feed: the item's link is
// the article's URL (the store's key for it), the feed's title and date
// stand in for missing ones.
func (w *Watcher) complete(a *dyad.Article, p *pending) {
	a.Doc = docID(p.link)
	a.URL = p.link
	a.Origin = dyad.Origin{Path: p.link}
	if a.Title == "" && p.title != "" {
		a.Title = p.title
		if first, _, _ := strings.Cut(a.Text, "\n\n"); collapseSpace(first) != p.title {
			a.Text = p.title + "\n\n" + a.Text
		}
	}
	if a.Published == "" && !p.published.IsZero() {
		a.Published = p.published.Format(time.DateOnly)
		a.PublishedSource = dyad.PublishedFromInput
	}
}

// storer stores analyses in batches and records the outcomes.
type storer struct {
	w          *Watcher
	stats      *Stats
	st         *State
	now        time.Time
	unresolved []bool
	batch      []*pending
	analyses   []*dyad.Analysis
}

// flush stores the pending batch. When the batch fails, each analysis is
// stored on its own, so that one bad analysis costs only itself; the error
// is the store's when none could be stored.
func (s *storer) flush() error {
	if len(s.batch) == 0 {
		return nil
	}
	batch, analyses := s.batch, s.analyses
	s.batch, s.analyses = nil, nil
	// Storing is not interrupted: what was analysed is kept.
	ctx := context.Background()
	res, err := s.w.writer.PutAnalyses(ctx, analyses)
	if err == nil {
		s.stored(batch, res)
		return nil
	}
	failed := 0
	var last error
	for i, p := range batch {
		res, err := s.w.writer.PutAnalyses(ctx, analyses[i:i+1])
		if err != nil {
			failed++
			last = err
			s.stats.Failed++
			s.stats.Failures = append(s.stats.Failures, Failure{URL: p.link, Err: fmt.Errorf("not stored: %w", err), Retry: true})
			s.unresolve(p)
			continue
		}
		s.stored([]*pending{p}, res)
	}
	if failed == len(batch) {
		return fmt.Errorf("watch: storing: %w", last)
	}
	return nil
}

func (s *storer) stored(batch []*pending, res dyad.PutResult) {
	for i, p := range batch {
		if i < len(res.Duplicate) && res.Duplicate[i] {
			s.stats.Duplicates++
			// The store keeps the text under another link, so the link
			// alone would not stop it being fetched again.
			s.st.Items[p.link] = ItemState{Done: true, Reason: "duplicate of a stored article", Seen: s.now}
			continue
		}
		s.stats.Stored++
		delete(s.st.Items, p.link)
	}
}

// fail records an item that failed: given up when the failure is
// permanent or has happened Config.MaxFailures times.
func (s *storer) fail(p *pending, err error) {
	s.stats.Failed++
	if errors.Is(err, ErrDisallowed) {
		s.stats.Disallowed++
	}
	is := s.st.Items[p.link]
	is.Seen = s.now
	is.Reason = failureReason(err)
	retry := isTemporary(err)
	if retry {
		is.Failures++
		if is.Failures >= s.w.cfg.MaxFailures {
			retry = false
			is.Reason = fmt.Sprintf("gave up after %d rounds: %s", is.Failures, is.Reason)
		}
	}
	is.Done = !retry
	s.st.Items[p.link] = is
	if retry {
		s.unresolve(p)
	}
	s.stats.Failures = append(s.stats.Failures, Failure{URL: p.link, Err: err, Retry: retry})
}

// unresolve marks the feeds of an item that a later round must see again.
func (s *storer) unresolve(p *pending) {
	for _, i := range p.feeds {
		s.unresolved[i] = true
	}
}
