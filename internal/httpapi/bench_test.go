package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/httpapi"
	"github.com/dyad-project/dyad/internal/story"
)

// BenchmarkEvents measures GET /api/events through the whole handler
// (parameters, store query on an SQLite file, JSON) over 1,000 articles
// and 1,800 events, with three kinds of filter in turn.
func BenchmarkEvents(b *testing.B) {
	db := openEmpty(b)
	var batch []*dyad.Analysis
	for i := range 200 {
		for _, a := range fixture() {
			a.Doc = fmt.Sprintf("%s-%d", a.Doc, i)
			if a.URL != "" {
				a.URL += fmt.Sprintf("?copy=%d", i)
			}
			a.Text += fmt.Sprintf("\n\nCopy %d.", i)
			batch = append(batch, a)
		}
	}
	if _, err := db.PutAnalyses(context.Background(), batch); err != nil {
		b.Fatal(err)
	}
	s, err := httpapi.New(db, httpapi.Config{})
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	queries := []string{
		"/api/events?source=USA&target=SYR&limit=50",
		"/api/events?sort=-date&limit=50",
		"/api/events?root=19&from=2016-03-01&limit=50&offset=100",
	}
	requests, events := 0, 0
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, queries[requests%len(queries)], nil))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
		var page struct{ Events []json.RawMessage }
		if err := json.Unmarshal(w.Body.Bytes(), &page); err != nil {
			b.Fatal(err)
		}
		requests++
		events += len(page.Events)
	}
	b.ReportMetric(float64(requests)/b.Elapsed().Seconds(), "requests/s")
	b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkStories measures the story endpoints through the whole handler
// over 800 articles stored through the story index (200 copies of the
// story fixture, each copy of the fixture dated a day later): story and
// merged event lists, a story page and a merged event with its reports.
func BenchmarkStories(b *testing.B) {
	db := openEmpty(b)
	ctx := context.Background()
	x, err := db.StoryIndex(ctx, story.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	day := time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := range 200 {
		var batch []*dyad.Analysis
		for _, a := range storyFixture() {
			a.Doc = fmt.Sprintf("%s-%d", a.Doc, i)
			a.URL += fmt.Sprintf("?run=%d", i)
			a.Text += fmt.Sprintf("\n\nRun %d.", i)
			a.Published = day.AddDate(0, 0, 2*i).Format(time.DateOnly)
			batch = append(batch, a)
		}
		if _, err := x.PutAnalyses(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	s, err := httpapi.New(db, httpapi.Config{})
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	queries := []string{
		"/api/stories?sort=-date&limit=50",
		"/api/merged-events?sort=sources&limit=50",
		"/api/merged-events?actor=USA&from=2016-06-01&limit=50",
		"/api/stories/1",
		"/api/merged-events/2",
		"/api/merged-events/2?limit=500",
	}
	for _, q := range queries {
		b.Run(strings.TrimPrefix(q, "/api/"), func(b *testing.B) {
			requests, size := 0, 0
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, q, nil))
				if w.Code != http.StatusOK {
					b.Fatalf("status %d: %s", w.Code, w.Body)
				}
				requests++
				size += w.Body.Len()
			}
			b.ReportMetric(float64(requests)/b.Elapsed().Seconds(), "requests/s")
			b.ReportMetric(float64(size)/float64(requests), "bytes/request")
		})
	}
}
