package ingest_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
)

// FuzzJSONL checks that ReadJSONL never panics, that every article's Text
// is its line's title + "\n\n" + text, or text, and that every error names
// a line of the input.
func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","title":"Rebels seize port","published":"2016-05-04","text":"Rebels seized the port."}`,
		`{"id":7,"url":null,"text":"One."}` + "\n\n" + `{"text":"Two.","published":"2015-12-03T23:30:00-05:00"}`,
		"\uFEFF" + `{"text":"bom"}` + "\r\n" + `{"text":`,
		`{"title":"","text":""}`,
		`[1,2]`,
		`{"text":"caf` + "\xe9" + `"}`,
		`{"text":"\u00e9\ud800"}`,
		"\n \t\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Split(data, []byte("\n"))
		lastLine := 0
		err := ingest.ReadJSONL(bytes.NewReader(data), "fuzz.jsonl", func(a *dyad.Article, err error) error {
			if err != nil {
				var ie *ingest.Error
				if !errors.As(err, &ie) {
					t.Fatalf("error %v is not an *ingest.Error", err)
				}
				if ie.Line < 1 || ie.Line > len(lines) || ie.Line <= lastLine {
					t.Fatalf("error %q names line %d; input has %d lines, previous call was line %d", err, ie.Line, len(lines), lastLine)
				}
				if !errors.Is(err, ingest.ErrNotArticle) && !errors.Is(err, ingest.ErrEncoding) && !errors.Is(err, ingest.ErrNoText) {
					t.Fatalf("error %q matches no sentinel", err)
				}
				lastLine = ie.Line
				return nil
			}
			n := a.Origin.Line
			if n < 1 || n > len(lines) || n <= lastLine {
				t.Fatalf("article at line %d; input has %d lines, previous call was line %d", n, len(lines), lastLine)
			}
			lastLine = n
			line := lines[n-1]
			if n == 1 {
				line = bytes.TrimPrefix(line, []byte("\uFEFF"))
			}
			var rec struct {
				Title *string `json:"title"`
				Text  *string `json:"text"`
			}
			if err := json.Unmarshal(line, &rec); err != nil || rec.Text == nil {
				t.Fatalf("article from line %d %q, which does not decode: %v", n, line, err)
			}
			want := *rec.Text
			if rec.Title != nil && *rec.Title != "" {
				want = *rec.Title + "\n\n" + *rec.Text
			}
			if a.Text != want {
				t.Fatalf("line %d: text %q, want %q", n, a.Text, want)
			}
			if a.Doc == "" || !utf8.ValidString(a.Text) {
				t.Fatalf("line %d: empty doc or invalid UTF-8: %+v", n, *a)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("ReadJSONL returned %v though the callback never fails", err)
		}
	})
}

// FuzzHTML checks that ReadHTML never panics and returns either a
// well-formed article or an *ingest.Error wrapping a sentinel.
func FuzzHTML(f *testing.F) {
	for _, name := range []string{"news.html", "wire.htm"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		page(`<meta property="article:published_time" content="2021-06-01T10:00:00+02:00">`, ""),
		page(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2020-01-05"}]}</script>`, "<h1>Karsk</h1>"),
		`<meta charset="windows-1251"><p>` + "\xc8\xe7\xe2\xe5\xf1\xf2\xe8\xff" + `</p>`,
		"<table><tr><td>a<td>b</table><br><br>",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ingest.ReadHTML("fuzz.html", data)
		if err != nil {
			var ie *ingest.Error
			if a != nil || !errors.As(err, &ie) || ie.Path != "fuzz.html" {
				t.Fatalf("ReadHTML = %v, %v; want nil and an *ingest.Error", a, err)
			}
			if !errors.Is(err, ingest.ErrNotArticle) && !errors.Is(err, ingest.ErrEncoding) && !errors.Is(err, ingest.ErrNoText) {
				t.Fatalf("error %q matches no sentinel", err)
			}
			return
		}
		if !utf8.ValidString(a.Text) || strings.TrimSpace(a.Text) == "" {
			t.Fatalf("text %q is empty or not UTF-8", a.Text)
		}
		if a.Title != "" && !strings.HasPrefix(a.Text, a.Title+"\n\n") {
			t.Fatalf("text %q does not start with title %q", a.Text, a.Title)
		}
		if a.Published != "" {
			if _, err := fmt.Sscanf(a.Published, "%4d-%2d-%2d", new(int), new(int), new(int)); err != nil || len(a.Published) != 10 || a.PublishedSource != dyad.PublishedFromInput {
				t.Fatalf("published %q (%q) is not YYYY-MM-DD from the input", a.Published, a.PublishedSource)
			}
		}
	})
}

// FuzzWARC checks that ReadWARC never panics and ends, that every error is
// an *ingest.Error wrapping a sentinel and naming a byte of the file, in
// file order, and that every article is well formed.
func FuzzWARC(f *testing.F) {
	recs := testRecords(f)
	for _, l := range []layout{plain, perRecord, splitMembers} {
		data, _ := archive(l, recs[1], recs[2], recs[6])
		f.Add(data)
	}
	small := response("urn:uuid:s", "https://gazette.example/s", httpResponse(200, chunked([]byte("<p>Rebels took the port on Sunday.</p>"), 7), "Content-Type: text/html", "Transfer-Encoding: chunked")).bytes()
	f.Add(small)
	f.Add(gzipBytes(small))
	f.Add(append(append([]byte("junk\r\n"), small...), small[:40]...))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\n<p>x\r\n\r\n"))
	f.Add([]byte{0x1f, 0x8b, 0x08})
	f.Fuzz(func(t *testing.T, data []byte) {
		last := 0
		err := ingest.ReadWARC(bytes.NewReader(data), "fuzz.warc", func(a *dyad.Article, err error) error {
			if err != nil {
				var ie *ingest.Error
				if !errors.As(err, &ie) || ie.Path != "fuzz.warc" {
					t.Fatalf("error %v (%T) is not an *ingest.Error for the file", err, err)
				}
				if !errors.Is(err, ingest.ErrNotArticle) && !errors.Is(err, ingest.ErrEncoding) && !errors.Is(err, ingest.ErrNoText) {
					t.Fatalf("error %q matches no sentinel", err)
				}
				if ie.Offset < last || ie.Offset > len(data) {
					t.Fatalf("error %q at byte %d; file has %d bytes, previous error at %d", err, ie.Offset, len(data), last)
				}
				last = ie.Offset
				return nil
			}
			if a.Doc == "" || !utf8.ValidString(a.Text) || strings.TrimSpace(a.Text) == "" {
				t.Fatalf("malformed article %+v", *a)
			}
			if a.Title != "" && !strings.HasPrefix(a.Text, a.Title+"\n\n") {
				t.Fatalf("text %q does not start with title %q", a.Text, a.Title)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("ReadWARC returned %v though the callback never fails", err)
		}
	})
}

// FuzzFeed checks that ReadFeed never panics, that every error is an
// *ingest.Error wrapping a sentinel, and that every article is well
// formed.
func FuzzFeed(f *testing.F) {
	f.Add([]byte(rssFeed))
	f.Add([]byte(atomFeed))
	f.Add([]byte(`<rss version="2.0"><channel><item><title>T</title><description>&lt;p&gt;Text.</description></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>X</p></div></content></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","content_text":"Text."}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := ingest.ReadFeed(bytes.NewReader(data), "fuzz.rss", func(a *dyad.Article, err error) error {
			if err != nil {
				var ie *ingest.Error
				if !errors.As(err, &ie) || ie.Path != "fuzz.rss" {
					t.Fatalf("error %v (%T) is not an *ingest.Error for the file", err, err)
				}
				if !errors.Is(err, ingest.ErrNotArticle) && !errors.Is(err, ingest.ErrNoText) {
					t.Fatalf("error %q matches no sentinel", err)
				}
				return nil
			}
			if a.Doc == "" || !utf8.ValidString(a.Text) || strings.TrimSpace(a.Text) == "" {
				t.Fatalf("malformed article %+v", *a)
			}
			if a.Title != "" && !strings.HasPrefix(a.Text, a.Title+"\n\n") {
				t.Fatalf("text %q does not start with title %q", a.Text, a.Title)
			}
			if a.Published != "" && (len(a.Published) != 10 || a.PublishedSource != dyad.PublishedFromFeed) {
				t.Fatalf("published %q (%q)", a.Published, a.PublishedSource)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("ReadFeed returned %v though the callback never fails", err)
		}
	})
}
