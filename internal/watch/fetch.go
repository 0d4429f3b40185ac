package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// Fetch errors. A *FetchError wraps one of them or a network error.
var (
	// ErrStatus marks a response whose status is neither 2xx nor 304.
	ErrStatus = errors.New("watch: HTTP status")
	// ErrDisallowed marks a URL the host's robots.txt disallows.
	ErrDisallowed = errors.New("watch: disallowed by robots.txt")
	// ErrRobots marks a host whose robots.txt could not be read (a 5xx
	// status or a network error): nothing is fetched from it this round.
	ErrRobots = errors.New("watch: robots.txt unavailable")
	// ErrTooLarge marks a body longer than Config.MaxBytes.
	ErrTooLarge = errors.New("watch: body too large")
	// ErrNotHTML marks a page whose content type is not HTML.
	ErrNotHTML = errors.New("watch: not HTML")
	// ErrFeed marks a feed that cannot be parsed as RSS, Atom or JSON Feed.
	ErrFeed = errors.New("watch: not a feed")
)

// reason is a message for a person that wraps a sentinel without
// printing the sentinel's own text.
type reason struct {
	msg  string
	kind error
}

func (r *reason) Error() string { return r.msg }
func (r *reason) Unwrap() error { return r.kind }

// because returns a reason of kind kind.
func because(kind error, format string, args ...any) error {
	return &reason{msg: fmt.Sprintf(format, args...), kind: kind}
}

// FetchError is a failed request, after any retries.
type FetchError struct {
	URL string
	// Status is the last response's status, or 0 when there was none.
	Status int
	// Attempts is how many requests were made.
	Attempts int
	Err      error
}

func (e *FetchError) Error() string {
	msg := e.URL + ": " + e.Err.Error()
	if e.Attempts > 1 {
		msg += fmt.Sprintf(" (after %d attempts)", e.Attempts)
	}
	return msg
}

// Unwrap returns the reason.
func (e *FetchError) Unwrap() error { return e.Err }

// Temporary reports whether trying again later may succeed: a 5xx status,
// 408 or 429, an unreadable robots.txt, or a network failure. A 4xx
// status, a disallowed URL, a body too large or not HTML are permanent.
func (e *FetchError) Temporary() bool {
	switch {
	case e.Status >= 500, e.Status == http.StatusRequestTimeout, e.Status == http.StatusTooManyRequests:
		return true
	case e.Status != 0:
		return false
	case errors.Is(e.Err, ErrRobots):
		return true
	}
	return !errors.Is(e.Err, ErrDisallowed) && !errors.Is(e.Err, ErrTooLarge) &&
		!errors.Is(e.Err, ErrNotHTML) && !errors.Is(e.Err, ErrFeed)
}

// retryable reports whether a failed attempt is tried again at once (after
// a backoff): server errors and network failures, not 4xx statuses.
func (e *FetchError) retryable() bool {
	if e.Status != 0 {
		return e.Status >= 500
	}
	return e.Temporary() && !errors.Is(e.Err, ErrRobots)
}

// Clock is the time a watcher reads and waits on. Tests give a fake one
// to check the spacing of requests without waiting.
type Clock interface {
	Now() time.Time
	// Sleep waits for d, or returns ctx's error when it ends first.
	Sleep(ctx context.Context, d time.Duration) error
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// response is a completed request.
type response struct {
	status int
	header http.Header
	body   []byte
}

// fetcher makes polite requests: one at a time per host, spaced, robots.txt
// honoured, retried with backoff.
type fetcher struct {
	cfg    Config
	client *http.Client
	clock  Clock
	// agent is the product token of the User-Agent ("dyad"), which
	// robots.txt groups are matched against.
	agent string

	mu    sync.Mutex
	hosts map[string]*host
}

// host is what the fetcher knows of one host (scheme://host:port).
type host struct {
	// slot holds a token while a request to the host is under way.
	slot chan struct{}
	// last is when the last request ended (zero before the first).
	last time.Time
	// delay is the spacing: Config.PerHost or the Crawl-delay if longer.
	delay time.Duration

	robots        *robotstxt.Group
	robotsExpires time.Time
	// robotsErr is set when robots.txt could not be read in round
	// robotsRound; the host is then skipped until the next round.
	robotsErr   error
	robotsRound int
}

func newFetcher(cfg Config) *fetcher {
	agent, _, _ := strings.Cut(cfg.UserAgent, "/")
	agent = strings.ToLower(strings.TrimSpace(agent))
	return &fetcher{cfg: cfg, client: cfg.Client, clock: cfg.Clock, agent: agent, hosts: map[string]*host{}}
}

// hostKey returns the key of u's host: scheme, host and port.
func hostKey(u *url.URL) string { return u.Scheme + "://" + u.Host }

func (f *fetcher) host(key string) *host {
	f.mu.Lock()
	defer f.mu.Unlock()
	h := f.hosts[key]
	if h == nil {
		h = &host{slot: make(chan struct{}, 1), delay: f.cfg.PerHost}
		f.hosts[key] = h
	}
	return h
}

// allowed reports whether robots.txt lets the fetcher get u, reading the
// host's robots.txt first when it is not cached. It returns ErrDisallowed
// or ErrRobots in a *FetchError, or ctx's error.
func (f *fetcher) allowed(ctx context.Context, u *url.URL, round int) error {
	h := f.host(hostKey(u))
	if err := f.loadRobots(ctx, h, u, round); err != nil {
		return err
	}
	if !h.robots.Test(u.RequestURI()) {
		return &FetchError{URL: u.String(), Err: because(ErrDisallowed, "disallowed by robots.txt")}
	}
	return nil
}

// loadRobots reads u's host's robots.txt unless it is cached. A 2xx
// response is parsed; a 4xx one (no robots.txt) allows everything; a 5xx
// one or a network failure, after the retries, disallows everything until
// the next round, as the robots exclusion protocol asks (RFC 9309).
func (f *fetcher) loadRobots(ctx context.Context, h *host, u *url.URL, round int) error {
	if h.robotsErr != nil && h.robotsRound == round {
		return h.robotsErr
	}
	if h.robots != nil && f.clock.Now().Before(h.robotsExpires) {
		return nil
	}
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	resp, err := f.get(ctx, h, ru.String(), nil, "text/plain", robotsMaxBytes)
	var fe *FetchError
	switch {
	case err == nil:
	case errors.As(err, &fe) && fe.Status >= 400 && fe.Status < 500:
		resp = &response{status: fe.Status}
	case ctx.Err() != nil:
		return ctx.Err()
	default:
		h.robotsErr = &FetchError{URL: u.String(), Err: because(ErrRobots, "robots.txt unavailable: %v", failureReason(err))}
		h.robotsRound = round
		return h.robotsErr
	}
	data, perr := robotstxt.FromStatusAndBytes(resp.status, resp.body)
	if perr != nil {
		// A robots.txt that cannot be parsed at all restricts nothing
		// (RFC 9309 asks crawlers to parse what they can).
		data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	}
	h.robots = data.FindGroup(f.agent)
	h.delay = max(f.cfg.PerHost, h.robots.CrawlDelay)
	h.robotsErr = nil
	h.robotsExpires = f.clock.Now().Add(f.cfg.RobotsTTL)
	return nil
}

// robotsMaxBytes is the most of a robots.txt read, as RFC 9309 allows.
const robotsMaxBytes = 500 << 10

// get requests rawURL with the extra header hdr, politely, and returns a
// 2xx or 304 response, or a *FetchError. Server errors and network
// failures are tried again, Config.Retries times, after a backoff that
// doubles from Config.Backoff (or the server's Retry-After, when longer).
func (f *fetcher) get(ctx context.Context, h *host, rawURL string, hdr http.Header, accept string, limit int64) (*response, error) {
	backoff := f.cfg.Backoff
	for attempt := 1; ; attempt++ {
		resp, err := f.once(ctx, h, rawURL, hdr, accept, limit)
		if err == nil {
			return resp, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		fe := err.(*FetchError)
		fe.Attempts = attempt
		if attempt > f.cfg.Retries || !fe.retryable() {
			return nil, fe
		}
		wait := backoff
		if resp != nil {
			if ra := retryAfter(resp.header, f.clock.Now()); ra > wait {
				wait = min(ra, maxRetryAfter)
			}
		}
		if err := f.clock.Sleep(ctx, wait); err != nil {
			return nil, err
		}
		backoff *= 2
	}
}

// maxRetryAfter bounds the wait a Retry-After header can ask for before a
// retry within the round.
const maxRetryAfter = time.Minute

// once makes one request in the host's slot, waiting for the spacing
// since the previous one ends. On a failed response it returns the
// response too, for its headers.
func (f *fetcher) once(ctx context.Context, h *host, rawURL string, hdr http.Header, accept string, limit int64) (*response, error) {
	select {
	case h.slot <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() {
		h.last = f.clock.Now()
		<-h.slot
	}()
	if !h.last.IsZero() {
		if err := f.clock.Sleep(ctx, h.last.Add(h.delay).Sub(f.clock.Now())); err != nil {
			return nil, err
		}
	}
	rctx, cancel := context.WithTimeout(ctx, f.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, &FetchError{URL: rawURL, Err: err}
	}
	for k, vs := range hdr {
		req.Header[k] = vs
	}
	req.Header.Set("User-Agent", f.cfg.UserAgent)
	req.Header.Set("Accept", accept)
	res, err := f.client.Do(req)
	if err != nil {
		return nil, &FetchError{URL: rawURL, Err: unwrapURLError(err)}
	}
	defer res.Body.Close()
	resp := &response{status: res.StatusCode, header: res.Header}
	if res.StatusCode == http.StatusNotModified {
		return resp, nil
	}
	if res.StatusCode < 200 || res.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10)) // lets the connection be reused
		return resp, &FetchError{URL: rawURL, Status: res.StatusCode,
			Err: because(ErrStatus, "HTTP status %d %s", res.StatusCode, http.StatusText(res.StatusCode))}
	}
	if res.ContentLength > limit {
		return resp, &FetchError{URL: rawURL, Err: because(ErrTooLarge, "body too large: %d bytes, more than %d", res.ContentLength, limit)}
	}
	body, err := io.ReadAll(io.LimitReader(res.Body, limit+1))
	if err != nil {
		return resp, &FetchError{URL: rawURL, Err: unwrapURLError(err)}
	}
	if int64(len(body)) > limit {
		return resp, &FetchError{URL: rawURL, Err: because(ErrTooLarge, "body too large: more than %d bytes", limit)}
	}
	resp.body = body
	return resp, nil
}

// unwrapURLError drops the *url.Error around a network error: FetchError
// already names the URL.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// retryAfter returns the wait a Retry-After header asks for, in seconds or
// as an HTTP date; 0 without one.
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return t.Sub(now)
	}
	return 0
}

// isHTML reports whether a response is an HTML page: by its Content-Type,
// else by sniffing the body.
func isHTML(header http.Header, body []byte) (string, bool) {
	ct := header.Get("Content-Type")
	if ct == "" {
		ct = http.DetectContentType(body)
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return ct, false
	}
	return mt, mt == "text/html" || mt == "application/xhtml+xml"
}
