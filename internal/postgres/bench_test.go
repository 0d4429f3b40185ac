package postgres_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlite"
	"github.com/dyad-project/dyad/internal/storetest"
	"github.com/dyad-project/dyad/internal/story"
)

// benchStores returns the story index writers and stores the benchmarks
// compare: PostgreSQL and a SQLite file.
func benchStores(b *testing.B) map[string]struct {
	w storetest.Putter
	s dyad.Store
} {
	ctx := context.Background()
	pg := open(b, storetest.PostgresURL(b))
	pw, err := pg.StoryIndex(ctx, story.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	lite, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { lite.Close() })
	lw, err := lite.StoryIndex(ctx, story.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	return map[string]struct {
		w storetest.Putter
		s dyad.Store
	}{"postgres": {pw, pg}, "sqlite": {lw, lite}}
}

// copies returns n analyses: the corpus over and over, each copy with its
// own text and URL, so that none is a duplicate.
func copies(as []*dyad.Analysis, n, from int) []*dyad.Analysis {
	out := make([]*dyad.Analysis, n)
	for i := range out {
		a := *as[(from+i)%len(as)]
		a.Text += fmt.Sprintf("\n\nCopy %d.", from+i)
		if a.URL != "" {
			a.URL += fmt.Sprintf("?copy=%d", from+i)
		}
		out[i] = &a
	}
	return out
}

// BenchmarkPutAnalyses stores batches of 16 analyses with their story
// index, in PostgreSQL and in SQLite.
func BenchmarkPutAnalyses(b *testing.B) {
	as := storetest.Corpus(b)
	for name, st := range benchStores(b) {
		b.Run(name, func(b *testing.B) {
			const batch = 16
			n := 0
			for b.Loop() {
				if _, err := st.w.PutAnalyses(context.Background(), copies(as, batch, n)); err != nil {
					b.Fatal(err)
				}
				n += batch
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkFindEvents runs a filtered, sorted page of events over 500
// stored articles.
func BenchmarkFindEvents(b *testing.B) {
	as := storetest.Corpus(b)
	for name, st := range benchStores(b) {
		for i := 0; i < 500; i += 50 {
			if _, err := st.w.PutAnalyses(context.Background(), copies(as, 50, i)); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(name, func(b *testing.B) {
			f := dyad.EventFilter{Actor: "RUS", From: "2015-01-01", Sort: dyad.SortDateDesc, Page: dyad.Page{Limit: 20}}
			for b.Loop() {
				if _, _, err := st.s.FindEvents(context.Background(), f); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
		})
	}
}
