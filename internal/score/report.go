package score

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteJSON writes the result as one line, byte for byte what
// `score.py --json` prints: Python's json.dumps of its summary, with ", " and
// ": " separators, floats in Python's repr and null for an undefined ratio.
func (r *Result) WriteJSON(w io.Writer) error {
	var b strings.Builder
	b.WriteByte('{')
	for i, name := range Views {
		c := r.Views[i]
		fmt.Fprintf(&b, `%q: {"precision": %s, "recall": %s, "f1": %s, "tp": %d, "fp": %d, "fn": %d}, `,
			name, reprFloat(c.Precision), reprFloat(c.Recall), reprFloat(c.F1), c.TP, c.FP, c.FN)
	}
	for _, f := range []struct {
		name string
		r    Ratio
	}{
		{"date_accuracy", r.DateAccuracy},
		{"quote_recall", r.QuoteRecall},
		{"quote_attribution", r.QuoteAttribution},
		{"actor_recall", r.ActorRecall},
	} {
		fmt.Fprintf(&b, "%q: %s, ", f.name, ratioJSON(f.r))
	}
	fmt.Fprintf(&b, `"docs": {"gold": %d, "with_output": %d}}`+"\n", r.GoldDocs, r.WithOutput)
	_, err := io.WriteString(w, b.String())
	return err
}

func ratioJSON(r Ratio) string {
	if !r.Defined() {
		return "null"
	}
	return reprFloat(r.Value)
}

// WritePerDoc writes one line per gold article with its missed and extra
// triples under the root view, as `score.py --per-doc` prints them:
//
//	DOC missed: ["('USA', 'SYR', '13')"] extra: []
func (r *Result) WritePerDoc(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, d := range r.Docs {
		v := d.Views[0]
		fmt.Fprintf(bw, "%s missed: %s extra: %s\n", d.Doc, reprStrings(v.Missed), reprStrings(v.Extra))
	}
	return bw.Flush()
}

// reprStrings is Python's repr of a list of str.
func reprStrings(ss []string) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = reprString(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// WriteText writes the result as a table for a person: the event figures of
// each view, then the date, quote and actor figures with their counts.
func (r *Result) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "events\tprecision\trecall\tF1\ttp\tfp\tfn")
	for i, name := range Views {
		c := r.Views[i]
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\n", name, c.Precision, c.Recall, c.F1, c.TP, c.FP, c.FN)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, f := range []struct {
		name, counts string
		r            Ratio
	}{
		{"date accuracy", "(%d of %d matched dated gold events given the gold date)", r.DateAccuracy},
		{"quote recall", "(%d of %d gold quotes found)", r.QuoteRecall},
		{"quote attribution", "(%d of %d found quotes attributed)", r.QuoteAttribution},
		{"actor recall", "(%d of %d gold actors found)", r.ActorRecall},
	} {
		v := "n/a"
		if f.r.Defined() {
			v = fmt.Sprintf("%.3f", f.r.Value)
		}
		fmt.Fprintf(tw, "%s\t%s\t"+f.counts+"\n", f.name, v, f.r.Hits, f.r.Total)
	}
	fmt.Fprintf(tw, "docs\t%d\t(%d with output)\n", r.GoldDocs, r.WithOutput)
	return tw.Flush()
}
