package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
	"github.com/dyad-project/dyad/internal/pipeline"
)

func init() {
	register("explain", "show, sentence by sentence, why each event was or was not coded",
		func(m *Main) Command { return &explainCmd{m: m} })
}

// explainCmd is `dyad explain [--doc ID] [--sentence N] FILE...`.
type explainCmd struct {
	m *Main
}

func (c *explainCmd) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	doc := fs.String("doc", "", "explain only the article with this id")
	sentence := fs.Int("sentence", -1, "explain only the sentence with this index (as in the output's events)")
	tokens := fs.Bool("tokens", false, "also print each sentence's tokens with their tags and dependencies")
	all := fs.Bool("all", false, "also show sentences with no actor, event or near miss")
	published := fs.String("published", "", "publication date (YYYY-MM-DD) for articles whose input gives none")
	var dicts stringList
	fs.Var(&dicts, "dict", "a folder of user dictionaries layered over the embedded ones (repeatable)")
	dictFormat := fs.String("dict-format", "", "read the --dict folder as PETRARCH or TABARI dictionaries (petrarch|tabari), used instead of the embedded ones")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad explain [flags] [FILE|DIR|-]...

For each sentence: its kind, the actors found in it (and how), its dates and
places, every event coded with the spans and dictionary entries that produced
it, and the verbs or nouns of the verb dictionary that produced no event, with
the reason.

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
	if err := setDicts(&cfg, *dictFormat, dicts); err != nil {
		return err
	}
	p, err := pipeline.New(cfg)
	if err != nil {
		return err
	}
	found, failed := 0, 0
	err = ingest.Walk(ctx, fs.Args(), c.m.Stdin, func(a *dyad.Article, err error) error {
		if err != nil {
			failed++
			fmt.Fprintf(c.m.Stderr, "dyad explain: %v\n", err)
			return nil
		}
		if *doc != "" && a.Doc != *doc {
			return nil
		}
		found++
		x := p.Explain(a)
		printExplanation(c.m.Stdout, x, *sentence, *tokens, *all)
		return nil
	})
	if err != nil {
		return err
	}
	if found == 0 {
		if *doc != "" {
			return fmt.Errorf("no article with id %q", *doc)
		}
		return fmt.Errorf("no article read")
	}
	if failed > 0 {
		return errSilent
	}
	return nil
}

func printExplanation(w io.Writer, x *pipeline.Explanation, only int, tokens, all bool) {
	a := x.Analysis
	fmt.Fprintf(w, "### %s  %s\n", a.Doc, a.Title)
	pub := a.Published
	if pub == "" {
		pub = "unknown (relative dates stay unresolved)"
	} else {
		pub += " (from " + a.PublishedSource + ")"
	}
	fmt.Fprintf(w, "published %s\n", pub)
	for _, warn := range a.Warnings {
		fmt.Fprintf(w, "warning: %s\n", warn)
	}
	for i, s := range a.Sentences {
		if only >= 0 && i != only {
			continue
		}
		var lines []string
		add := func(format string, args ...any) { lines = append(lines, fmt.Sprintf(format, args...)) }
		for _, ac := range a.Actors {
			for _, m := range ac.Mentions {
				if m.Sentence != i {
					continue
				}
				entries := ""
				if len(ac.Entries) > 0 {
					entries = "  entries " + strings.Join(ac.Entries, ", ")
				}
				add("actor  %q [%d,%d) -> %s (%s) via %s%s", m.Text, m.Start, m.End, ac.Name, codeOf(ac.Code, ac.Country, ac.Sector), m.Via, entries)
			}
		}
		for _, t := range x.Times {
			if t.Sentence == i {
				date := t.Date
				if date == "" {
					date = "unresolved"
				}
				since := ""
				if t.Since {
					since = " (start of an ongoing state)"
				}
				add("date   %q [%d,%d) -> %s%s  rule %s", t.Text, t.Start, t.End, date, since, t.Rule)
			}
		}
		for _, pl := range a.Places {
			if pl.Sentence == i {
				add("place  %q [%d,%d) -> %s, %s %s (%.4f, %.4f)", pl.Text, pl.Start, pl.End, pl.Name, pl.Admin1, pl.Country, pl.Lat, pl.Lon)
			}
		}
		for _, q := range a.Quotes {
			if q.Sentence == i {
				who := "no speaker found"
				if q.Speaker != nil {
					who = fmt.Sprintf("%s (%s) from %q", q.Speaker.Name, q.Speaker.Code, q.Speaker.Text)
				}
				add("quote  [%d,%d) verb %q, speaker %s", q.Start, q.End, q.Verb, who)
			}
		}
		for _, e := range a.Events {
			if e.Sentence != i {
				continue
			}
			target := "no target"
			if e.Target != nil {
				target = fmt.Sprintf("%s (%s)", e.Target.Name, e.Target.Code)
			}
			date := "no date"
			if e.Date != nil {
				date = *e.Date
			}
			add("EVENT  %s  %s (%s) -> %s  CAMEO %s %s, %s, quad %d, Goldstein %+.1f, %s", e.ID, e.Source.Name, e.Source.Code,
				target, e.CAMEO, e.PLOVER, e.Mode, e.Quad, e.Goldstein, date)
			add("         trigger %q [%d,%d)", e.Trigger.Text, e.Trigger.Start, e.Trigger.End)
			for _, ev := range e.Evidence {
				span := ""
				if ev.Text != "" {
					span = fmt.Sprintf(" %q [%d,%d)", ev.Text, ev.Start, ev.End)
				}
				entry := ""
				if ev.Entry != "" {
					entry = "  " + ev.Entry
				}
				add("         %-7s%s%s", ev.Role, span, entry)
			}
		}
		for _, m := range x.Misses {
			if m.Sentence == i {
				add("no event: %q [%d,%d) %s: %s", m.Trigger.Text, m.Trigger.Start, m.Trigger.End, m.Entry, m.Reason)
			}
		}
		if len(lines) == 0 && !all && only < 0 {
			continue
		}
		rule := ""
		if s.Rule != "" {
			rule = ":" + s.Rule
		}
		fmt.Fprintf(w, "\n[%d] %s%s [%d,%d)  %s\n", i, s.Kind, rule, s.Start, s.End, strings.Join(strings.Fields(s.Text), " "))
		if tokens {
			for j, t := range s.Tokens {
				head := "root"
				if t.Head >= 0 && t.Head < len(s.Tokens) {
					head = fmt.Sprintf("%d:%s", t.Head, s.Tokens[t.Head].Text)
				}
				fmt.Fprintf(w, "    %3d %-16s %-6s %-5s %-10s <- %s\n", j, t.Text, t.UPOS, t.XPOS, t.Rel, head)
			}
		}
		for _, l := range lines {
			fmt.Fprintf(w, "    %s\n", l)
		}
	}
	fmt.Fprintln(w)
}

// codeOf returns an actor's CAMEO code, or its country and sector when it
// has none.
func codeOf(code, country, sector string) string {
	if code != "" {
		return code
	}
	if country+sector == "" {
		return "no code"
	}
	return country + sector
}
