package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/dyad-project/dyad"
)

func init() {
	register("events", "list the stored events, or with --merged the merged events (GDELT-style counts)",
		func(m *Main) Command { return &eventsCmd{m: m} })
}

// eventsCmd is `dyad events --db FILE [--merged] [--json] [filters]`.
type eventsCmd struct {
	m *Main
}

func (c *eventsCmd) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("events", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	dbPath := fs.String("db", "", "the database 'dyad ingest' wrote: a SQLite file or a postgres:// URL")
	merged := fs.Bool("merged", false, "list merged events (one per happening, with mention, source and article counts)")
	asJSON := fs.Bool("json", false, "print JSON Lines")
	actor := fs.String("actor", "", "source or target: an actor name or CAMEO code prefix; with --merged a merge key prefix (USA, SYR/REB)")
	source := fs.String("source", "", "source, as for --actor")
	target := fs.String("target", "", "target, as for --actor")
	code := fs.String("cameo", "", "CAMEO event code or code prefix (04, 042)")
	from := fs.String("from", "", "first day (YYYY-MM-DD); with --merged, events last seen on or after it")
	to := fs.String("to", "", "last day (YYYY-MM-DD), inclusive; with --merged, events first seen on or before it")
	storyID := fs.Int64("story", 0, "with --merged: events mentioned by an article of this story")
	minSources := fs.Int("min-sources", 0, "with --merged: events reported by at least this many outlets")
	sortBy := fs.String("sort", "", "with --merged: order by id (default), date, -date, sources or mentions")
	limit := fs.Int("limit", 0, "print at most this many events (0: all)")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad events --db FILE [--merged] [--json] [flags]

Prints the events stored by 'dyad ingest' that match every filter given, one
a line: global id, day, source -> target, CAMEO code, mode and document.
With --merged, prints the merged events instead: one line per happening with
its id, first and last seen dates, source -> target merge keys, CAMEO code,
mentions, sources (distinct outlets), articles and whether a mention is in a
headline or lead (root).

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
	page := dyad.Page{Limit: *limit}
	if *merged {
		f := dyad.MergedEventFilter{Actor: *actor, Source: *source, Target: *target, CAMEO: *code, From: *from,
			To: *to, Story: *storyID, MinSources: *minSources, Sort: *sortBy, Page: page}
		if err := f.Validate(); err != nil {
			fs.Usage()
			return err
		}
		db, err := openDB(ctx, *dbPath, false)
		if err != nil {
			return err
		}
		defer db.Close()
		return printMerged(ctx, c.m.Stdout, db, f, *asJSON)
	}
	if *sortBy != "" || *storyID != 0 || *minSources != 0 {
		fs.Usage()
		return fmt.Errorf("%w: --sort, --story and --min-sources need --merged", dyad.ErrInvalid)
	}
	f := dyad.EventFilter{Actor: *actor, Source: *source, Target: *target, CAMEO: *code, From: *from, To: *to, Page: page}
	if err := f.Validate(); err != nil {
		fs.Usage()
		return err
	}
	db, err := openDB(ctx, *dbPath, false)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.ScanEvents(ctx, f, func(e *dyad.StoredEvent) error {
		if *asJSON {
			return writeJSONLine(c.m.Stdout, e)
		}
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Name
		}
		_, err := fmt.Fprintf(c.m.Stdout, "%d\t%s\t%s -> %s\t%s\t%s\t%s\n",
			e.GlobalID, dash(e.Day), e.Source.Name, tgt, e.CAMEO, e.Mode, e.Doc)
		return err
	})
}

// mergedPage is how many merged events the command asks the store for at a
// time.
const mergedPage = 10000

// printMerged prints the merged events f selects (f.Limit of them, 0 for
// all), asking the store for a page at a time.
func printMerged(ctx context.Context, w io.Writer, db dyad.StoryStore, f dyad.MergedEventFilter, asJSON bool) error {
	left := f.Limit
	for {
		f.Limit = mergedPage
		if left > 0 && left < mergedPage {
			f.Limit = left
		}
		evs, _, err := db.FindMergedEvents(ctx, f)
		if err != nil {
			return err
		}
		for i := range evs {
			e := &evs[i]
			if asJSON {
				if err := writeJSONLine(w, e); err != nil {
					return err
				}
				continue
			}
			if _, err := fmt.Fprintf(w, "%d\t%s\t%s\t%s -> %s\t%s\tmentions=%d\tsources=%d\tarticles=%d\troot=%t\n",
				e.ID, dash(e.FirstSeen), dash(e.LastSeen), e.Source, dash(e.Target), e.CAMEO,
				e.Mentions, e.Sources, e.Articles, e.IsRoot); err != nil {
				return err
			}
		}
		if left > 0 {
			if left -= len(evs); left == 0 {
				return nil
			}
		}
		if len(evs) < f.Limit {
			return nil
		}
		f.Offset += len(evs)
	}
}

// writeJSONLine writes v as one line of JSON.
func writeJSONLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
