package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/watch"
)

func init() {
	register("watch", "poll RSS and Atom feeds and store the analyses of their new articles",
		func(m *Main) Command { return &watchCmd{m: m} })
}

// watchCmd is `dyad watch --feeds FILE --db ADDR [flags]`.
type watchCmd struct {
	m *Main
}

// projectURL is the address in the default User-Agent, where a site's
// operator learns what the crawler is.
const projectURL = "https://github.com/dyad-project/dyad"

func (c *watchCmd) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	def := watch.DefaultConfig()
	feedsPath := fs.String("feeds", "", "the feed list: one RSS or Atom feed URL per line, # comments")
	dbPath := fs.String("db", "", "the database to store into: a SQLite file (created if absent) or a postgres:// URL")
	statePath := fs.String("state", "", "the state file (feed validators, items given up); default: the SQLite file's path + \".watch.json\"; required with a postgres:// URL")
	every := fs.Duration("every", 10*time.Minute, "the time from the start of one round to the start of the next")
	once := fs.Bool("once", false, "poll once and exit (for cron and tests)")
	perHost := fs.Duration("per-host", def.PerHost, "the least time between two requests to one host (a longer robots.txt Crawl-delay wins)")
	parallel := fs.Int("parallel", def.Parallel, "hosts requested at once")
	userAgent := fs.String("user-agent", "dyad/"+version()+" (+"+projectURL+")", "the User-Agent header; its first word is matched against robots.txt")
	timeout := fs.Duration("timeout", def.Timeout, "the longest one request may take, body included")
	maxBytes := fs.Int64("max-bytes", def.MaxBytes, "the largest feed or page, in bytes")
	retries := fs.Int("retries", def.Retries, "retries, with exponential backoff, after a server error or a network failure")
	backoff := fs.Duration("backoff", def.Backoff, "the wait before the first retry")
	maxFailures := fs.Int("max-failures", def.MaxFailures, "rounds an item may fail temporarily before it is given up")
	batchSize := fs.Int("batch", def.Batch, "articles stored per transaction")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "number of articles analysed at once")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad watch --feeds FILE --db ADDR [flags]

Polls the RSS and Atom feeds listed in FILE every --every, fetches the page
of each item the database does not hold, analyses it and stores it, like
'dyad ingest'. The page's title and date come first; the feed's stand in
when the page has none. One line is logged per round.

Requests are polite: one at a time per host, --per-host apart; robots.txt
honoured; a User-Agent naming dyad; conditional GETs of feeds (ETag,
Last-Modified); timeouts and a size limit; retries with backoff for server
errors and network failures, none for 4xx. Pages that are not HTML are
skipped. The state file keeps the feeds' validators and the items given up,
so a restart fetches nothing it already has. Interrupting (Ctrl-C) stores
what was analysed. See docs/WATCH.md.

Flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *feedsPath == "" || *dbPath == "" || fs.NArg() > 0 || *every <= 0 {
		fs.Usage()
		return exitError{2}
	}
	if *statePath == "" {
		if isPostgres(*dbPath) {
			return errors.New("--state is required with a PostgreSQL database")
		}
		*statePath = *dbPath + ".watch.json"
	}
	feeds, err := readFeeds(*feedsPath)
	if err != nil {
		return err
	}
	st, err := watch.LoadState(*statePath)
	if err != nil {
		return err
	}

	cfg := watch.DefaultConfig()
	cfg.UserAgent = *userAgent
	cfg.PerHost = *perHost
	cfg.Parallel = *parallel
	cfg.Workers = *workers
	cfg.Timeout = *timeout
	cfg.MaxBytes = *maxBytes
	cfg.Retries = *retries
	cfg.Backoff = *backoff
	cfg.MaxFailures = *maxFailures
	cfg.Batch = *batchSize
	p, db, stories, err := openStoring(ctx, *dbPath, pipeline.DefaultConfig())
	if err != nil {
		return err
	}
	defer db.Close()
	w, err := watch.New(cfg, db, stories, p)
	if err != nil {
		return err
	}

	failed := false
	for round := 1; ; round++ {
		start := time.Now()
		stats, err := w.Round(ctx, feeds, st)
		if serr := st.Save(*statePath); serr != nil && err == nil {
			err = serr
		}
		for _, f := range stats.Failures {
			fmt.Fprintf(c.m.Stderr, "dyad watch: %s\n", f)
		}
		fmt.Fprintf(c.m.Stderr, "dyad watch: round %d at %s: %s\n", round, start.Format(time.DateTime), stats)
		failed = failed || stats.FeedsFailed > 0 || stats.Failed > 0
		switch {
		case ctx.Err() != nil:
			fmt.Fprintln(c.m.Stderr, "dyad watch: stopped")
			return nil
		case err != nil && *once:
			return err
		case err != nil:
			// The items that could not be stored are tried again next
			// round: a watcher outlives a database that is briefly busy.
			fmt.Fprintf(c.m.Stderr, "dyad watch: %v\n", err)
		case *once:
			if failed {
				return errSilent
			}
			return nil
		}
		t := time.NewTimer(time.Until(start.Add(*every)))
		select {
		case <-ctx.Done():
			t.Stop()
			fmt.Fprintln(c.m.Stderr, "dyad watch: stopped")
			return nil
		case <-t.C:
		}
		// The list is read again each round, so that it can be edited
		// without a restart; a list with errors leaves the last one in use.
		if fresh, err := readFeeds(*feedsPath); err != nil {
			fmt.Fprintf(c.m.Stderr, "dyad watch: %v\ndyad watch: keeping the previous feed list\n", err)
		} else {
			feeds = fresh
		}
	}
}

// readFeeds reads the feed list at path.
func readFeeds(path string) ([]watch.Feed, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("feed list: %w", err)
	}
	defer f.Close()
	feeds, err := watch.ParseFeeds(path, f)
	if err != nil {
		return nil, err
	}
	if len(feeds) == 0 {
		return nil, fmt.Errorf("feed list %s: no feed", path)
	}
	return feeds, nil
}

// version is the module version dyad was built as ("dev" for a build from
// a working tree).
func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}
