package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/httpapi"
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
