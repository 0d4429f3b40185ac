package sqlite_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/dyad-project/dyad"
)

// BenchmarkPutAnalyses measures the store alone: analyses written per
// second, in batches of 100, each a copy of a fixture article (4 to 5
// sentences, 2 to 5 actors, 1 to 4 events, a quote) made unique by its URL
// and a line appended to its text.
func BenchmarkPutAnalyses(b *testing.B) {
	ctx := context.Background()
	db := openTemp(b)
	fx := fixture()
	const batchSize = 100
	events := 0
	batch := make([]*dyad.Analysis, 0, batchSize)
	flush := func() {
		res, err := db.PutAnalyses(ctx, batch)
		if err != nil {
			b.Fatal(err)
		}
		if res.Stored != len(batch) {
			b.Fatalf("stored %d of %d", res.Stored, len(batch))
		}
		batch = batch[:0]
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := *fx[i%len(fx)]
		a.Doc = fmt.Sprintf("%s-%d", a.Doc, i)
		a.URL = fmt.Sprintf("https://bench.example/%d", i)
		a.Text += fmt.Sprintf("\n\nCopy %d.", i)
		events += len(a.Events)
		batch = append(batch, &a)
		if len(batch) == batchSize {
			flush()
		}
	}
	if len(batch) > 0 {
		flush()
	}
	b.StopTimer()
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N)/sec, "analyses/s")
	b.ReportMetric(float64(events)/sec, "events/s")
}
