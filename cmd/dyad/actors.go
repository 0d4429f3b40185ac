package main

import (
	"context"
	"flag"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/actor"
	"github.com/dyad-project/dyad/internal/ingest"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/where"
)

func init() {
	register("actors", "list the actors found in articles, or (--unknown) the names the dictionaries lack",
		func(m *Main) Command { return &actorsCmd{m: m} })
}

// actorsCmd is `dyad actors [--unknown] [FILE|DIR|-]...`.
type actorsCmd struct {
	m *Main
}

func (c *actorsCmd) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("actors", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	unknown := fs.Bool("unknown", false, "list names no dictionary knows, with counts, contexts and a dictionary line to paste")
	published := fs.String("published", "", "publication date (YYYY-MM-DD) for articles whose input gives none")
	min := fs.Int("min", 1, "with --unknown: list only names seen at least this many times")
	var dicts stringList
	fs.Var(&dicts, "dict", "a folder of user dictionaries layered over the embedded ones (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad actors [--unknown] [flags] [FILE|DIR|-]...

Without --unknown, prints every actor found in the inputs with its codes and
how many articles and mentions name it. With --unknown, prints the capitalised
names the dictionaries do not know, most frequent first, each with up to three
contexts and a dictionary entry ready to paste into a user dictionary
(dyad extract --dict DIR).

Flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError{2}
	}
	cfg := pipeline.DefaultConfig()
	cfg.Published = *published
	cfg.DictDirs = dicts
	p, err := pipeline.New(cfg)
	if err != nil {
		return err
	}
	var results []*actor.Result
	failed := 0
	err = ingest.Walk(ctx, fs.Args(), c.m.Stdin, func(a *dyad.Article, err error) error {
		if err != nil {
			failed++
			fmt.Fprintf(c.m.Stderr, "dyad actors: %v\n", err)
			return nil
		}
		results = append(results, p.Actors(a))
		return nil
	})
	if err != nil {
		return err
	}
	if *unknown {
		gaz, err := where.Default()
		if err != nil {
			return err
		}
		var us []actor.Unknown
		for _, u := range actor.Unknowns(results...) {
			// A name the gazetteer knows is a place, not an actor to add.
			if _, ok := gaz.Lookup(u.Text, ""); !ok {
				us = append(us, u)
			}
		}
		c.printUnknown(us, *min)
	} else {
		c.printKnown(results)
	}
	if failed > 0 {
		return errSilent
	}
	return nil
}

func (c *actorsCmd) printUnknown(us []actor.Unknown, min int) {
	n := 0
	for _, u := range us {
		if u.Count < min {
			continue
		}
		n++
		fmt.Fprintf(c.m.Stdout, "%d× %s (%s)\n", u.Count, u.Text, u.Type)
		for _, ctx := range u.Contexts {
			fmt.Fprintf(c.m.Stdout, "    … %s\n", strings.Join(strings.Fields(ctx), " "))
		}
		for _, line := range strings.Split(strings.TrimRight(u.Suggest, "\n"), "\n") {
			fmt.Fprintf(c.m.Stdout, "    | %s\n", line)
		}
		fmt.Fprintln(c.m.Stdout)
	}
	fmt.Fprintf(c.m.Stderr, "%d unknown name(s)\n", n)
}

// printKnown prints one line per actor across all articles, keyed by name
// and code, most mentioned first.
func (c *actorsCmd) printKnown(results []*actor.Result) {
	type row struct {
		name, country, sector, code, typ string
		articles, mentions               int
		via                              map[string]int
	}
	rows := map[string]*row{}
	for _, r := range results {
		for _, a := range r.Actors() {
			k := a.Name + "\x00" + a.Code
			rw := rows[k]
			if rw == nil {
				rw = &row{name: a.Name, country: a.Country, sector: a.Sector, code: a.Code, typ: a.Type, via: map[string]int{}}
				rows[k] = rw
			}
			rw.articles++
			rw.mentions += len(a.Mentions)
			for _, m := range a.Mentions {
				rw.via[m.Via]++
			}
		}
	}
	list := make([]*row, 0, len(rows))
	for _, r := range rows {
		list = append(list, r)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].mentions != list[j].mentions {
			return list[i].mentions > list[j].mentions
		}
		if list[i].name != list[j].name {
			return list[i].name < list[j].name
		}
		return list[i].code < list[j].code
	})
	tw := tabwriter.NewWriter(c.m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tCODE\tCOUNTRY\tSECTOR\tTYPE\tARTICLES\tMENTIONS\tVIA")
	for _, r := range list {
		var via []string
		for _, k := range []string{dyad.ViaDictionary, dyad.ViaTitle, dyad.ViaCoreference, dyad.ViaUnknown} {
			if r.via[k] > 0 {
				via = append(via, fmt.Sprintf("%s %d", k, r.via[k]))
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\n", r.name, dash(r.code), dash(r.country), dash(r.sector), r.typ,
			r.articles, r.mentions, strings.Join(via, ", "))
	}
	tw.Flush()
}
