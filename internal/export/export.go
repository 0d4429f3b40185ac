// Package export writes stored events (dyad.StoredEvent) in the layouts
// event-data users already load: JSON Lines, CSV with a header row (R,
// pandas), the GDELT 2.0 event table (61 tab-separated columns), the ICEWS
// coded-event table (20 tab-separated columns with a header) and PLOVER
// JSON. Each layout is one function from an event to a record, so each can
// be tested and reused on its own; docs/STORE.md says how dyad's fields map
// to each layout's columns.
package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/dyad-project/dyad"
)

// ErrFormat reports a format name New does not know.
var ErrFormat = errors.New("export: unknown format")

// Formats lists the names New accepts.
var Formats = []string{"jsonl", "csv", "gdelt", "icews", "plover"}

// Writer writes events one at a time in one format.
type Writer interface {
	Write(e *dyad.StoredEvent) error
	// Flush writes what is buffered; call it once at the end.
	Flush() error
}

// New returns a Writer of the named format on w. The CSV and ICEWS header
// rows are written with the first event (or by Flush when there is none).
func New(format string, w io.Writer) (Writer, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	switch format {
	case "jsonl":
		return &jsonWriter{w: bw, record: func(e *dyad.StoredEvent) (any, bool) { return JSONRecord(e), true }}, nil
	case "plover":
		return &jsonWriter{w: bw, record: func(e *dyad.StoredEvent) (any, bool) {
			p, ok := PLOVERRecord(e)
			return p, ok
		}}, nil
	case "csv":
		return &csvWriter{bw: bw, w: csv.NewWriter(bw)}, nil
	case "gdelt":
		return &tsvWriter{w: bw, record: GDELTRecord}, nil
	case "icews":
		return &tsvWriter{w: bw, header: ICEWSColumns, record: ICEWSRecord}, nil
	}
	return nil, fmt.Errorf("%w %q (want %s)", ErrFormat, format, strings.Join(Formats, ", "))
}

// jsonWriter writes one JSON object per line.
type jsonWriter struct {
	w      *bufio.Writer
	record func(*dyad.StoredEvent) (any, bool)
}

func (j *jsonWriter) Write(e *dyad.StoredEvent) error {
	r, ok := j.record(e)
	if !ok {
		return nil
	}
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("export: event %d: %w", e.GlobalID, err)
	}
	j.w.Write(b)
	return j.w.WriteByte('\n')
}

func (j *jsonWriter) Flush() error { return j.w.Flush() }

// JSONRecord returns the event as JSON Lines export writes it: the event as
// in `dyad extract` output (docs/OUTPUT.md) plus global_id, article_id,
// doc, url, published, day, lead and sentence_text; evidence is [] rather
// than null when empty.
func JSONRecord(e *dyad.StoredEvent) *dyad.StoredEvent {
	if e.Evidence != nil {
		return e
	}
	c := *e
	c.Evidence = []dyad.Evidence{}
	return &c
}

// csvWriter writes RFC 4180 CSV with a header row.
type csvWriter struct {
	bw     *bufio.Writer
	w      *csv.Writer
	header bool
}

func (c *csvWriter) writeHeader() error {
	if c.header {
		return nil
	}
	c.header = true
	return c.w.Write(CSVColumns)
}

func (c *csvWriter) Write(e *dyad.StoredEvent) error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	return c.w.Write(CSVRecord(e))
}

func (c *csvWriter) Flush() error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	return c.bw.Flush()
}

// CSVColumns is the header row of the CSV export: one flat column per
// field, named for R and pandas (lower case, underscores).
var CSVColumns = []string{
	"global_id", "article_id", "doc", "url", "published", "event_id", "sentence", "lead", "day", "date",
	"source_name", "source_country", "source_sector", "source_code", "source_text",
	"target_name", "target_country", "target_sector", "target_code", "target_text",
	"cameo", "root", "plover", "quad", "goldstein", "mode",
	"place_text", "place_name", "place_country", "place_admin1", "place_lat", "place_lon", "place_geonameid",
	"trigger", "trigger_start", "trigger_end", "sentence_text",
}

// CSVRecord returns an event's CSV row, in CSVColumns order. Absent values
// (no target, no date, no place) are empty cells.
func CSVRecord(e *dyad.StoredEvent) []string {
	var t dyad.ActorRef
	if e.Target != nil {
		t = *e.Target
	}
	var date string
	if e.Date != nil {
		date = *e.Date
	}
	var p [7]string
	if pl := e.Place; pl != nil {
		p = [7]string{pl.Text, pl.Name, pl.Country, pl.Admin1, ftoa(pl.Lat), ftoa(pl.Lon), geonameID(pl.GeonameID)}
	}
	return []string{
		itoa64(e.GlobalID), itoa64(e.ArticleID), e.Doc, e.URL, e.Published, e.ID, strconv.Itoa(e.Sentence), bool01(e.Lead), e.Day, date,
		e.Source.Name, e.Source.Country, e.Source.Sector, e.Source.Code, e.Source.Text,
		t.Name, t.Country, t.Sector, t.Code, t.Text,
		e.CAMEO, e.Root, e.PLOVER, strconv.Itoa(e.Quad), ftoa(e.Goldstein), e.Mode,
		p[0], p[1], p[2], p[3], p[4], p[5], p[6],
		e.Trigger.Text, strconv.Itoa(e.Trigger.Start), strconv.Itoa(e.Trigger.End), e.SentenceText,
	}
}

// tsvWriter writes tab-separated rows, with an optional header.
type tsvWriter struct {
	w       *bufio.Writer
	header  []string
	started bool
	record  func(*dyad.StoredEvent) []string
}

func (t *tsvWriter) writeRow(fields []string) error {
	for i, f := range fields {
		if i > 0 {
			t.w.WriteByte('\t')
		}
		t.w.WriteString(tsvField(f))
	}
	return t.w.WriteByte('\n')
}

func (t *tsvWriter) start() error {
	if t.started {
		return nil
	}
	t.started = true
	if t.header == nil {
		return nil
	}
	return t.writeRow(t.header)
}

func (t *tsvWriter) Write(e *dyad.StoredEvent) error {
	if err := t.start(); err != nil {
		return err
	}
	return t.writeRow(t.record(e))
}

func (t *tsvWriter) Flush() error {
	if err := t.start(); err != nil {
		return err
	}
	return t.w.Flush()
}

// tsvField makes a value safe for a tab-separated file, which has no
// quoting: tabs and line breaks become spaces.
func tsvField(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, s)
}

// publisher returns the host of a URL without "www.", or "".
func publisher(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

func bool01(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// geonameID returns a gazetteer ID, or "" for 0 (a country).
func geonameID(id int) string {
	if id == 0 {
		return ""
	}
	return strconv.Itoa(id)
}
