package watch_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/watch"
)

// BenchmarkRound measures a round over a local feed of 40 new items: feed
// parsing, fetching, page extraction and storing (the analysis is a copy,
// so the pipeline's cost is left out).
func BenchmarkRound(b *testing.B) {
	const n = 40
	s := newSite(b, realClock{}, "")
	var items []rssItem
	for i := range n {
		path := fmt.Sprintf("/news/%d", i)
		place := fmt.Sprintf("Valmora-%d", i)
		s.handle(path, text("text/html", newsPage(place+" port strike ends", "2016-03-01", story(place)...)))
		items = append(items, rssItem{place, s.url(path), ""})
	}
	s.handle("/rss.xml", text("application/rss+xml", rss(items...)))
	cfg := watch.DefaultConfig()
	cfg.UserAgent = "dyad-test/1.0 (+https://github.com/dyad-project/dyad)"
	cfg.PerHost = 0
	feeds := []watch.Feed{{URL: s.url("/rss.xml")}}
	b.ResetTimer()
	for b.Loop() {
		store := newMemStore()
		w, err := watch.New(cfg, store, store, copyAnalyser{})
		if err != nil {
			b.Fatal(err)
		}
		stats, err := w.Round(context.Background(), feeds, watch.NewState())
		if err != nil || stats.Stored != n {
			b.Fatalf("stats %v, error %v", stats, err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "items/s")
}

// realClock is the real time, for the benchmark's site.
type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	time.Sleep(d)
	return ctx.Err()
}
