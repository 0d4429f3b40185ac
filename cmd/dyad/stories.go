package main

import (
	"context"
	"flag"
	"fmt"
)

func init() {
	register("stories", "list the stories: stored articles about the same happening",
		func(m *Main) Command { return &storiesCmd{m: m} })
}

// storiesCmd is `dyad stories --db FILE [--json] [-v]`.
type storiesCmd struct {
	m *Main
}

func (c *storiesCmd) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("stories", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	dbPath := fs.String("db", "", "the SQLite database file written by 'dyad ingest'")
	asJSON := fs.Bool("json", false, "print JSON Lines, articles included")
	verbose := fs.Bool("v", false, "also print each story's articles (id, doc, title; copies marked)")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad stories --db FILE [--json] [-v]

Prints the stories 'dyad ingest' found, one a line: id, first and last date,
number of articles, number of merged events, title. With -v, each article of
the story follows on its own indented line; a copy of another article shows
the id of the article it copies.

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
	db, err := openExisting(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	sts, err := db.Stories(ctx)
	if err != nil {
		return err
	}
	for i := range sts {
		s := &sts[i]
		if *asJSON {
			if err := writeJSONLine(c.m.Stdout, s); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(c.m.Stdout, "%d\t%s\t%s\tarticles=%d\tevents=%d\t%s\n",
			s.ID, dash(s.First), dash(s.Last), s.Articles, s.Events, s.Title)
		if !*verbose {
			continue
		}
		for _, a := range s.Docs {
			copyOf := ""
			if a.DupOf != 0 {
				copyOf = fmt.Sprintf("\tcopy of %d", a.DupOf)
			}
			fmt.Fprintf(c.m.Stdout, "  %d\t%s\t%s%s\n", a.ID, a.Doc, a.Title, copyOf)
		}
	}
	return nil
}
