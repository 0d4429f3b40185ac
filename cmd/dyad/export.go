package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/export"
)

func init() {
	register("export", "write the stored events as JSON Lines, CSV, GDELT, ICEWS or PLOVER",
		func(m *Main) Command { return &exportCmd{m: m} })
}

// exportCmd is `dyad export --db FILE [--format F] [filters]`.
type exportCmd struct {
	m *Main
}

func (c *exportCmd) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	dbPath := fs.String("db", "", "the database 'dyad ingest' wrote: a SQLite file or a postgres:// URL")
	format := fs.String("format", "jsonl", "output format: "+strings.Join(export.Formats, ", "))
	outPath := fs.String("o", "", "write to this file instead of standard output")
	var f dyad.EventFilter
	fs.StringVar(&f.Actor, "actor", "", "source or target actor: a name, or a CAMEO code prefix in capitals (USA, SYRREB)")
	fs.StringVar(&f.Source, "source", "", "source actor, as for --actor")
	fs.StringVar(&f.Target, "target", "", "target actor, as for --actor")
	fs.StringVar(&f.Country, "country", "", "source or target country (ISO 3166 alpha-3)")
	fs.StringVar(&f.SourceCountry, "source-country", "", "source country")
	fs.StringVar(&f.TargetCountry, "target-country", "", "target country")
	fs.StringVar(&f.Sector, "sector", "", "source or target sector (GOV, MIL, REB, ...)")
	fs.StringVar(&f.CAMEO, "cameo", "", "CAMEO event code or code prefix (19, 042, 0211)")
	fs.StringVar(&f.Root, "root", "", "CAMEO root (01 to 20)")
	fs.StringVar(&f.PLOVER, "plover", "", "PLOVER event type (AGREE, ASSAULT, ...)")
	fs.IntVar(&f.Quad, "quad", 0, "QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict)")
	fs.StringVar(&f.Mode, "mode", "", "asserted, hypothetical, negated or future")
	fs.StringVar(&f.From, "from", "", "first day (YYYY-MM-DD) of the event's date, else the publication date")
	fs.StringVar(&f.To, "to", "", "last day (YYYY-MM-DD), inclusive")
	fs.StringVar(&f.Place, "place", "", "name of the event's place")
	fs.StringVar(&f.PlaceCountry, "place-country", "", "country of the event's place")
	fs.StringVar(&f.Doc, "doc", "", "events of this document only")
	fs.StringVar(&f.Text, "text", "", `events of articles matching this search ("quoted phrase", prefix*, -not, a OR b)`)
	fs.StringVar(&f.Sort, "sort", "", "order: date (default), -date, goldstein or -goldstein")
	fs.IntVar(&f.Limit, "limit", 0, "write at most this many events (0: all)")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad export --db FILE [flags]

Writes the events stored by 'dyad ingest' that match every filter given:
  jsonl   one event per line: the event as 'dyad extract' prints it, plus
          global_id, article_id, doc, url, published, day, lead, sentence_text
  csv     one row per event with a header row, flat columns (R, pandas)
  gdelt   the GDELT 2.0 event table: 61 tab-separated columns, no header
  icews   the ICEWS event table: 20 tab-separated columns with a header
  plover  one PLOVER JSON object per line (events with a PLOVER type only)
docs/STORE.md says how dyad's fields fill each format's columns.

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
	if err := f.Validate(); err != nil {
		return err
	}
	db, err := openDB(ctx, *dbPath, false)
	if err != nil {
		return err
	}
	defer db.Close()
	var out io.Writer = c.m.Stdout
	var file *os.File
	if *outPath != "" {
		var err error
		if file, err = os.Create(*outPath); err != nil {
			return err
		}
		out = file
	}
	w, err := export.New(*format, out)
	if err != nil {
		return err
	}

	err = db.ScanEvents(ctx, f, w.Write)
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if errors.Is(err, dyad.ErrInvalid) {
		fs.Usage()
	}
	return err
}
