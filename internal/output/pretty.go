package output

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/dyad-project/dyad"
)

// prettyWriter prints one article at a time in a form meant for reading:
// the headline, the date, then events, quotes, actors and places, each
// pointing back at its sentence.
type prettyWriter struct {
	w *bufio.Writer
	n int
}

func (p *prettyWriter) Flush() error { return p.w.Flush() }

func (p *prettyWriter) Write(a *dyad.Analysis) error {
	w := p.w
	if p.n > 0 {
		fmt.Fprintln(w)
	}
	p.n++
	rule := strings.Repeat("=", 78)
	fmt.Fprintln(w, rule)
	fmt.Fprintf(w, "%s  %s\n", a.Doc, a.Title)
	date := a.Published
	if date == "" {
		date = "unknown"
	} else if a.PublishedSource != "" {
		date += " (from " + a.PublishedSource + ")"
	}
	fmt.Fprintf(w, "published %s", date)
	if a.URL != "" {
		fmt.Fprintf(w, "  %s", a.URL)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, rule)

	kinds := map[dyad.SentenceKind]int{}
	for _, s := range a.Sentences {
		kinds[s.Kind]++
	}
	fmt.Fprintf(w, "sentences: %d (headline %d, body %d, caption %d, boilerplate %d)\n",
		len(a.Sentences), kinds[dyad.KindHeadline], kinds[dyad.KindBody], kinds[dyad.KindCaption], kinds[dyad.KindBoilerplate])
	for _, s := range a.Sentences {
		if s.Kind == dyad.KindBoilerplate || s.Kind == dyad.KindCaption {
			label := string(s.Kind)
			if s.Rule != "" {
				label += ":" + s.Rule
			}
			fmt.Fprintf(w, "  [%s] %s\n", label, clip(s.Text, 70))
		}
	}

	if len(a.Events) > 0 {
		fmt.Fprintf(w, "\nevents (%d):\n", len(a.Events))
		for _, e := range a.Events {
			target := "-"
			if e.Target != nil {
				target = actorLabel(*e.Target)
			}
			date := "date ?"
			if e.Date != nil {
				date = *e.Date
			}
			place := ""
			if e.Place != nil {
				place = " @ " + e.Place.Name
			}
			fmt.Fprintf(w, "  %s  %s -> %s  CAMEO %s %s (%s, quad %d, %+.1f) [%s] %s%s\n",
				e.ID, actorLabel(e.Source), target, e.CAMEO, e.PLOVER, e.Trigger.Text, e.Quad, e.Goldstein, e.Mode, date, place)
			if e.Sentence >= 0 && e.Sentence < len(a.Sentences) {
				fmt.Fprintf(w, "      \"%s\"\n", clip(a.Sentences[e.Sentence].Text, 100))
			}
		}
	}
	if len(a.Quotes) > 0 {
		fmt.Fprintf(w, "\nquotes (%d):\n", len(a.Quotes))
		for _, q := range a.Quotes {
			who := "unattributed"
			if q.Speaker != nil {
				who = actorLabel(*q.Speaker)
			}
			fmt.Fprintf(w, "  %s %s: \"%s\"\n", who, q.Verb, clip(q.Text, 90))
		}
	}
	if len(a.Actors) > 0 {
		fmt.Fprintf(w, "\nactors (%d):\n", len(a.Actors))
		for _, ac := range a.Actors {
			fmt.Fprintf(w, "  %-4s %-28s %-3s %-4s %-10s %d mention(s)\n",
				ac.ID, clip(ac.Name, 28), dash(ac.Country), dash(ac.Sector), dash(ac.Code), len(ac.Mentions))
		}
	}
	if len(a.Places) > 0 {
		fmt.Fprintf(w, "\nplaces (%d):\n", len(a.Places))
		for _, pl := range a.Places {
			fmt.Fprintf(w, "  %-20s %s, %s %s (%.4f, %.4f)\n", clip(pl.Text, 20), pl.Name, pl.Admin1, pl.Country, pl.Lat, pl.Lon)
		}
	}
	for _, warn := range a.Warnings {
		fmt.Fprintf(w, "warning: %s\n", warn)
	}
	return nil
}

func actorLabel(r dyad.ActorRef) string {
	code := r.Code
	if code == "" {
		code = r.Country + r.Sector
	}
	name := r.Name
	if name == "" {
		name = r.Text
	}
	if code == "" {
		return name
	}
	return fmt.Sprintf("%s (%s)", name, code)
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// clip shortens s to at most n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
