package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/dyad-project/dyad/internal/httpapi"
	"github.com/dyad-project/dyad/internal/pipeline"
)

func init() {
	register("serve", "serve a database over HTTP: a JSON API and a web explorer",
		func(m *Main) Command { return &serveCmd{m: m} })
}

// serveCmd is `dyad serve --db FILE [--addr HOST:PORT] [--token T]`.
type serveCmd struct {
	m *Main
}

func (c *serveCmd) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	def := httpapi.DefaultConfig()
	dbPath := fs.String("db", "", "the database 'dyad ingest' wrote: a SQLite file or a postgres:// URL")
	addr := fs.String("addr", "127.0.0.1:8080", "the address to listen on (host:port; port 0 picks a free one)")
	token := fs.String("token", "", "enable writes (POST /api/articles) for requests with 'Authorization: Bearer TOKEN'; also read from $DYAD_TOKEN")
	timeout := fs.Duration("timeout", def.RequestTimeout, "the longest a read request may take")
	ingestTimeout := fs.Duration("ingest-timeout", def.IngestTimeout, "the longest a POST of articles may take")
	maxBody := fs.Int64("max-body", def.MaxBodyBytes, "the largest POST body, in bytes")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad serve --db FILE [flags]

Serves the database over HTTP: the web explorer at / (events, timeline,
network, map, articles with their evidence highlighted, actors, search) and
the JSON API under /api/ described in docs/API.md. The server is read-only
unless a token is given; then POST /api/articles with JSON Lines articles
and "Authorization: Bearer TOKEN" analyses and stores them. It listens on
the loopback interface by default; put a TLS proxy in front of it before
exposing it.

Flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dbPath == "" || fs.NArg() > 0 {
		fs.Usage()
		return exitError{2}
	}
	if *token == "" {
		*token = os.Getenv("DYAD_TOKEN")
	}
	// Opening creates a missing file; a read-only server over nothing is
	// a mistyped path.
	if _, err := os.Stat(*dbPath); err != nil && *token == "" && !isPostgres(*dbPath) {
		return fmt.Errorf("database: %w (run 'dyad ingest --db %s ...' first)", err, *dbPath)
	}
	cfg := httpapi.Config{
		Token:          *token,
		RequestTimeout: *timeout,
		IngestTimeout:  *ingestTimeout,
		MaxBodyBytes:   *maxBody,
		Logger:         c.m.Logger,
	}
	if cfg.Token != "" {
		p, err := pipeline.New(pipeline.DefaultConfig())
		if err != nil {
			return err
		}
		cfg.Analyser = p
	}
	db, err := openDB(ctx, *dbPath, true)
	if err != nil {
		return err
	}
	defer db.Close()
	srv, err := httpapi.New(db, cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	mode := "read-only"
	if cfg.Token != "" {
		mode = "writes enabled with the token"
	}
	fmt.Fprintf(c.m.Stderr, "dyad serve: http://%s/ (%s, %s); Ctrl-C stops\n", ln.Addr(), db.Addr(), mode)
	return srv.Serve(ctx, ln, 10*time.Second)
}
