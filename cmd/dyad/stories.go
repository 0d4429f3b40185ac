package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/dyad-project/dyad"
)

func init() {
	register("stories", "list the stories: stored articles about the same happening",
		func(m *Main) Command { return &storiesCmd{m: m} })
}

// storiesCmd is `dyad stories --db FILE [--json] [-v] [filters]`.
type storiesCmd struct {
	m *Main
}

func (c *storiesCmd) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("stories", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	dbPath := fs.String("db", "", "the database 'dyad ingest' wrote: a SQLite file or a postgres:// URL")
	asJSON := fs.Bool("json", false, "print JSON Lines: each story with its articles, merged events, top actors and places")
	verbose := fs.Bool("v", false, "also print each story's articles (id, doc, title; copies marked)")
	from := fs.String("from", "", "stories with an article dated on or after this day (YYYY-MM-DD)")
	to := fs.String("to", "", "stories with an article dated on or before this day (YYYY-MM-DD)")
	actor := fs.String("actor", "", "stories with a merged event whose source or target key starts with this (USA, SYR/REB)")
	text := fs.String("text", "", "stories with an article matching this search query")
	minArticles := fs.Int("min-articles", 0, "stories with at least this many articles")
	sortBy := fs.String("sort", "", "order by id (default), date, -date or articles")
	limit := fs.Int("limit", 0, "print at most this many stories (0: all)")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad stories --db FILE [--json] [-v] [flags]

Prints the stories 'dyad ingest' found that match every filter given, one a
line: id, first and last date, number of articles, number of merged events,
title. With -v, each article of the story follows on its own indented line;
a copy of another article shows the id of the article it copies.

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
	f := dyad.StoryFilter{From: *from, To: *to, Actor: *actor, Text: *text, MinArticles: *minArticles,
		Sort: *sortBy, Page: dyad.Page{Limit: *limit}}
	if err := f.Validate(); err != nil {
		fs.Usage()
		return err
	}
	db, err := openDB(ctx, *dbPath, false)
	if err != nil {
		return err
	}
	defer db.Close()
	return printStories(ctx, c.m.Stdout, db, f, *asJSON, *verbose)
}

// storyPage is how many stories the command asks the store for at a time.
const storyPage = 10000

// printStories prints the stories f selects (f.Limit of them, 0 for all),
// asking the store for a page at a time, and for each story's members when
// they are to be printed.
func printStories(ctx context.Context, w io.Writer, db dyad.StoryStore, f dyad.StoryFilter, asJSON, verbose bool) error {
	left := f.Limit
	for {
		f.Limit = storyPage
		if left > 0 && left < storyPage {
			f.Limit = left
		}
		sts, _, err := db.FindStories(ctx, f)
		if err != nil {
			return err
		}
		for i := range sts {
			if err := printStory(ctx, w, db, &sts[i], asJSON, verbose); err != nil {
				return err
			}
		}
		if left > 0 {
			if left -= len(sts); left == 0 {
				return nil
			}
		}
		if len(sts) < f.Limit {
			return nil
		}
		f.Offset += len(sts)
	}
}

func printStory(ctx context.Context, w io.Writer, db dyad.StoryStore, s *dyad.StoredStory, asJSON, verbose bool) error {
	if !asJSON && !verbose {
		_, err := fmt.Fprintf(w, "%d\t%s\t%s\tarticles=%d\tevents=%d\t%s\n",
			s.ID, dash(s.First), dash(s.Last), s.Articles, s.Events, s.Title)
		return err
	}
	d, err := db.GetStory(ctx, s.ID)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSONLine(w, d)
	}
	if _, err := fmt.Fprintf(w, "%d\t%s\t%s\tarticles=%d\tevents=%d\t%s\n",
		d.ID, dash(d.First), dash(d.Last), d.Articles, d.Events, d.Title); err != nil {
		return err
	}
	for _, a := range d.Docs {
		copyOf := ""
		if a.DupOf != 0 {
			copyOf = fmt.Sprintf("\tcopy of %d", a.DupOf)
		}
		if _, err := fmt.Fprintf(w, "  %d\t%s\t%s%s\n", a.ID, a.Doc, a.Title, copyOf); err != nil {
			return err
		}
	}
	return nil
}
