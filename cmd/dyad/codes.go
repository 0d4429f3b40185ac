package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/dyad-project/dyad/internal/cameo"
)

func init() {
	register("codes", "print the CAMEO event codes with their PLOVER type, QuadClass and Goldstein value",
		func(m *Main) Command { return &codesCmd{m: m} })
}

// codesCmd is `dyad codes [--format text|json|csv] [CODE]...`.
type codesCmd struct {
	m *Main
}

func (c *codesCmd) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("codes", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	format := fs.String("format", "text", "output format: text, json or csv")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad codes [flags] [CODE]...

Prints dyad's table of CAMEO event codes: label, root, PLOVER event type (with
mode and context where the code implies one), QuadClass (1 verbal cooperation,
2 material cooperation, 3 verbal conflict, 4 material conflict) and Goldstein
value. Given codes such as 19 or 0211, prints only those codes and the codes
below them. Codes keep their leading zero: 042, not 42.

Flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	codes, err := selectCodes(fs.Args())
	if err != nil {
		return err
	}
	switch *format {
	case "text":
		return writeCodesText(c.m.Stdout, codes)
	case "json":
		enc := json.NewEncoder(c.m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(codes)
	case "csv":
		return writeCodesCSV(c.m.Stdout, codes)
	}
	return fmt.Errorf("unknown format %q (want text, json or csv)", *format)
}

// selectCodes returns every code when prefixes is empty, else each named code
// and the codes below it, in table order.
func selectCodes(prefixes []string) ([]cameo.Code, error) {
	all := cameo.All()
	if len(prefixes) == 0 {
		return all, nil
	}
	for _, p := range prefixes {
		if !cameo.Valid(p) {
			return nil, fmt.Errorf("unknown CAMEO code %q (codes are 2 to 4 digits with the leading zero, e.g. 042)", p)
		}
	}
	var out []cameo.Code
	for _, c := range all {
		for _, p := range prefixes {
			if strings.HasPrefix(c.Code, p) {
				out = append(out, c)
				break
			}
		}
	}
	return out, nil
}

func writeCodesText(w io.Writer, codes []cameo.Code) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CODE\tQUAD\tGOLDSTEIN\tPLOVER\tMODE\tCONTEXT\tLABEL")
	for _, c := range codes {
		// Indent by depth so the hierarchy shows.
		code := strings.Repeat(" ", len(c.Code)-2) + c.Code
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\n", code, c.Quad, goldstein(c.Goldstein),
			dash(c.PLOVER), dash(c.Mode), dash(c.Context), c.Label)
	}
	return tw.Flush()
}

func writeCodesCSV(w io.Writer, codes []cameo.Code) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"code", "label", "root", "parent", "plover", "mode", "context", "quad", "goldstein"})
	for _, c := range codes {
		cw.Write([]string{c.Code, c.Label, c.Root, c.Parent, c.PLOVER, c.Mode, c.Context,
			strconv.Itoa(c.Quad), goldstein(c.Goldstein)})
	}
	cw.Flush()
	return cw.Error()
}

func goldstein(g float64) string { return strconv.FormatFloat(g, 'f', 1, 64) }

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
