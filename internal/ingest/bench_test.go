package ingest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
)

// benchJSONL returns n JSON Lines records of news-sized text (about 3 KB).
func benchJSONL(n int) []byte {
	var buf bytes.Buffer
	body := ""
	for len(body) < 3000 {
		for _, p := range storyParagraphs {
			body += p + "\n\n"
		}
	}
	for i := 0; i < n; i++ {
		rec := map[string]any{
			"id":        fmt.Sprintf("bench-%d", i),
			"url":       fmt.Sprintf("https://news.example.com/%d", i),
			"title":     "Troops retake border town",
			"published": "2021-06-01T10:00:00+02:00",
			"text":      body,
		}
		line, err := json.Marshal(rec)
		if err != nil {
			panic(err)
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

func BenchmarkReadJSONL(b *testing.B) {
	const n = 1000
	data := benchJSONL(n)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	articles := 0
	for i := 0; i < b.N; i++ {
		err := ingest.ReadJSONL(bytes.NewReader(data), "bench.jsonl", func(a *dyad.Article, err error) error {
			if err != nil {
				return err
			}
			articles++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
}

func BenchmarkReadHTML(b *testing.B) {
	data := readTestdata(b, "news.html")
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ingest.ReadHTML("news.html", data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkWARC reads a gzip-per-record archive laid out as Common Crawl
// News writes one: "pages" extracts its HTML pages, "framing" reads an
// archive of the same size whose responses are not HTML, which measures
// the WARC and gzip reading alone.
func BenchmarkWARC(b *testing.B) {
	recs := testRecords(b)
	var pages, other [][]byte
	for range 50 {
		pages = append(pages, recs...)
		for _, r := range recs {
			r = bytes.ReplaceAll(r, []byte("text/html"), []byte("text/xml!"))
			other = append(other, bytes.ReplaceAll(r, []byte("xhtml+xml"), []byte("xhtml+xm!")))
		}
	}
	for _, bc := range []struct {
		name string
		recs [][]byte
	}{{"pages", pages}, {"framing", other}} {
		b.Run(bc.name, func(b *testing.B) {
			data, _ := archive(perRecord, bc.recs...)
			b.SetBytes(int64(len(data)))
			articles := 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				err := ingest.ReadWARC(bytes.NewReader(data), "bench.warc.gz", func(a *dyad.Article, err error) error {
					if err != nil {
						return err
					}
					articles++
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(bc.recs)*b.N)/b.Elapsed().Seconds(), "records/s")
			b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
