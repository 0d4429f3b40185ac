// Package httpapi serves a dyad store over HTTP: it takes a dyad.Store and
// answers JSON requests for events, timelines, dyad networks, map points,
// actors, quotes, articles, full-text search, stories and merged events with
// their reports (docs/API.md), and serves the web UI embedded from web/. With a bearer token it also accepts articles as
// JSON Lines, analyses them and stores them.
//
// Every error leaves as {"error": {"code", "message"}}, its status code
// taken from one table (error.go). Requests are bounded in time (server
// timeouts and a deadline on each request's context) and in size.
package httpapi

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/dyad-project/dyad"
)

// Analyser turns an article into an analysis; *pipeline.Pipeline is one.
type Analyser interface {
	Analyse(a *dyad.Article) *dyad.Analysis
}

// Config shapes a server. The zero value serves read-only with the defaults
// of DefaultConfig.
type Config struct {
	// Token, when not empty, enables writes: a POST must carry
	// "Authorization: Bearer <Token>". Without it the server is read-only.
	Token string
	// Analyser analyses the articles POSTed; required with a Token.
	Analyser Analyser

	// RequestTimeout bounds each read request (its context's deadline).
	RequestTimeout time.Duration
	// IngestTimeout bounds a POST of articles, which reads, analyses and
	// stores them all.
	IngestTimeout time.Duration
	// MaxBodyBytes bounds a POSTed body.
	MaxBodyBytes int64
	// DefaultPage and MaxPage are the default and largest page size of a
	// list, and MaxEdges the most edges a network returns.
	DefaultPage int
	MaxPage     int
	MaxEdges    int

	// Logger receives request failures; nil discards them.
	Logger *slog.Logger
}

// DefaultConfig returns the configuration `dyad serve` uses without flags.
func DefaultConfig() Config {
	return Config{
		RequestTimeout: 30 * time.Second,
		IngestTimeout:  10 * time.Minute,
		MaxBodyBytes:   32 << 20,
		DefaultPage:    50,
		MaxPage:        500,
		MaxEdges:       1000,
	}
}

// ErrConfig reports a configuration the server cannot run with.
var ErrConfig = errors.New("httpapi: bad configuration")

// Server is the HTTP face of a store. It is safe for concurrent use.
type Server struct {
	store dyad.Store
	cfg   Config
	log   *slog.Logger
	mux   *http.ServeMux
	web   *assets
}

// New returns a server over store. Zero fields of cfg take their
// DefaultConfig values.
func New(store dyad.Store, cfg Config) (*Server, error) {
	def := DefaultConfig()
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = def.RequestTimeout
	}
	if cfg.IngestTimeout <= 0 {
		cfg.IngestTimeout = def.IngestTimeout
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = def.MaxBodyBytes
	}
	if cfg.MaxPage <= 0 {
		cfg.MaxPage = def.MaxPage
	}
	if cfg.DefaultPage <= 0 {
		cfg.DefaultPage = min(def.DefaultPage, cfg.MaxPage)
	}
	if cfg.MaxEdges <= 0 {
		cfg.MaxEdges = def.MaxEdges
	}
	if cfg.DefaultPage > cfg.MaxPage {
		return nil, fmt.Errorf("%w: default page %d is larger than the largest page %d", ErrConfig, cfg.DefaultPage, cfg.MaxPage)
	}
	if cfg.Token != "" && cfg.Analyser == nil {
		return nil, fmt.Errorf("%w: a token enables writes, which need an analyser", ErrConfig)
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	web, err := loadAssets()
	if err != nil {
		return nil, err
	}
	s := &Server{store: store, cfg: cfg, log: log, mux: http.NewServeMux(), web: web}
	s.routes()
	return s, nil
}

// handlerFunc is a handler that returns its error for writeError.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// route registers the handlers of one path, one per method. HEAD is
// served by GET; any other method gets 405 with an Allow header.
func (s *Server) route(pattern string, timeout time.Duration, methods map[string]handlerFunc) {
	allow := make([]string, 0, len(methods)+1)
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost} {
		if methods[m] != nil || m == http.MethodHead && methods[http.MethodGet] != nil {
			allow = append(allow, m)
		}
	}
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		m := r.Method
		if m == http.MethodHead {
			m = http.MethodGet
		}
		h := methods[m]
		if h == nil {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			s.writeError(w, r, Errorf(ECodeMethodNotAllowed, "%s does not take %s (it takes %s)",
				r.URL.Path, r.Method, strings.Join(allow, ", ")))
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		r = r.WithContext(ctx)
		if err := h(w, r); err != nil {
			s.writeError(w, r, err)
		}
	})
}

// routes registers every endpoint (docs/API.md lists them).
func (s *Server) routes() {
	rt := s.cfg.RequestTimeout
	get := func(h handlerFunc) map[string]handlerFunc { return map[string]handlerFunc{http.MethodGet: h} }
	s.route("/api/info", rt, get(s.handleInfo))
	s.route("/api/codes", rt, get(s.handleCodes))
	s.route("/api/events", rt, get(s.handleEvents))
	s.route("/api/timeline", rt, get(s.handleTimeline))
	s.route("/api/network", rt, get(s.handleNetwork))
	s.route("/api/map", rt, get(s.handleMap))
	s.route("/api/actors", rt, get(s.handleActors))
	s.route("/api/actors/{name...}", rt, get(s.handleActor))
	s.route("/api/quotes", rt, get(s.handleQuotes))
	s.route("/api/search", rt, get(s.handleSearch))
	s.route("/api/articles", s.cfg.IngestTimeout, map[string]handlerFunc{http.MethodPost: s.handleIngest})
	s.route("/api/articles/{id}", rt, get(s.handleArticle))
	s.route("/api/stories", rt, get(s.handleStories))
	s.route("/api/stories/{id}", rt, get(s.handleStory))
	s.route("/api/merged-events", rt, get(s.handleMergedEvents))
	s.route("/api/merged-events/{id}", rt, get(s.handleMergedEvent))
	// API paths that name nothing are 404 whatever the method.
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, Errorf(ECodeNotFound, "no such endpoint: %s (see docs/API.md)", r.URL.Path))
	})
	s.route("/", rt, get(s.web.serve))
}

// Handler returns the server's handler: the routes behind the security
// headers and a guard against panics.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		// Everything the UI loads comes from this server: no CDN, no tiles,
		// no fonts from elsewhere, and no inline scripts or styles.
		h.Set("Content-Security-Policy", "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.writeError(w, r, fmt.Errorf("panic: %v", v))
			}
		}()
		s.mux.ServeHTTP(w, r)
	})
}

// Serve answers requests on ln until ctx is done, then shuts down
// gracefully, giving requests in flight up to grace to finish.
func (s *Server) Serve(ctx context.Context, ln net.Listener, grace time.Duration) error {
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		// A request body is read within the request's deadline; the write
		// timeout leaves a little after it to report a timeout. Ingestion
		// extends both for its own requests.
		ReadTimeout:    s.cfg.RequestTimeout,
		WriteTimeout:   s.cfg.RequestTimeout + 5*time.Second,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:    func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	done := make(chan error, 1)
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), grace)
		defer cancel()
		done <- hs.Shutdown(sctx)
	}()
	if err := hs.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return <-done
}

// authorize checks the bearer token of a write.
func (s *Server) authorize(r *http.Request) error {
	if s.cfg.Token == "" {
		return Errorf(ECodeForbidden, "this server is read-only; start it with --token to accept articles")
	}
	auth := r.Header.Get("Authorization")
	if auth == "" {
		return Errorf(ECodeUnauthorized, `writes need the header "Authorization: Bearer <token>"`)
	}
	scheme, token, ok := strings.Cut(auth, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return Errorf(ECodeUnauthorized, `the Authorization header is not "Bearer <token>"`)
	}
	// Comparing digests takes the same time whatever the token's length.
	got, want := sha256.Sum256([]byte(strings.TrimSpace(token))), sha256.Sum256([]byte(s.cfg.Token))
	if subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
		return Errorf(ECodeForbidden, "wrong token")
	}
	return nil
}
