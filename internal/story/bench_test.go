package story_test

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/story"
)

var corpusSize = flag.Int("story.n", 10000, "articles in BenchmarkCorpus")

// generator makes a synthetic news stream: articles spread over days,
// bodies of Zipf-distributed words, a few events between random dyads, and
// the shapes real streams have: one article in ten republishes a recent one
// with a word or two changed, and three in ten report a recent article's
// happening again in their own words.
type generator struct {
	rng       *rand.Rand
	zipf      *rand.Zipf
	vocab     []string
	actors    []string
	places    []story.Place
	codes     []string
	perDay    int
	recent    []story.Article
	recentIdx []int // article numbers of recent
	nRecent   int
	start     time.Time
}

func newGenerator(perDay int) *generator {
	rng := rand.New(rand.NewPCG(7, 11))
	g := &generator{
		rng:       rng,
		zipf:      rand.NewZipf(rng, 1.1, 2, 49999),
		vocab:     make([]string, 50000),
		actors:    make([]string, 80),
		places:    make([]story.Place, 400),
		codes:     []string{"010", "020", "036", "040", "042", "043", "046", "051", "057", "061", "071", "111", "112", "120", "130", "138", "141", "173", "190", "193", "194", "195"},
		perDay:    perDay,
		recent:    make([]story.Article, 256),
		recentIdx: make([]int, 256),
		start:     time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	const letters = "abcdefghijklmnopqrstuvwxyz"
	for i := range g.vocab {
		n := 3 + rng.IntN(7)
		b := make([]byte, n)
		for k := range b {
			b[k] = letters[rng.IntN(len(letters))]
		}
		g.vocab[i] = string(b)
	}
	for i := range g.actors {
		g.actors[i] = fmt.Sprintf("%c%c%c", 'A'+i/26%26, 'A'+i%26, 'A'+rng.IntN(26))
	}
	for i := range g.places {
		g.places[i] = story.Place{
			Name: fmt.Sprintf("City%d", i), Country: g.actors[i%len(g.actors)],
			Lat: -60 + 120*rng.Float64(), Lon: -180 + 360*rng.Float64(), GeonameID: 1000 + i,
		}
	}
	return g
}

func (g *generator) words(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(g.vocab[g.zipf.Uint64()])
	}
	return b.String()
}

// next returns article i and the index of the article whose happening it
// reports again or copies, -1 for a new happening.
func (g *generator) next(i int) (story.Article, int) {
	date := g.start.AddDate(0, 0, i/g.perDay).Format("2006-01-02")
	a := story.Article{
		Doc:       fmt.Sprintf("syn-%d", i),
		Outlet:    fmt.Sprintf("outlet%d.example", g.rng.IntN(2000)),
		Published: date,
	}
	var base *story.Article
	from := -1
	if g.nRecent > 0 {
		k := g.rng.IntN(min(g.nRecent, len(g.recent)))
		base, from = &g.recent[k], g.recentIdx[k]
	}
	switch r := g.rng.Float64(); {
	case base != nil && r < 0.1: // a republished copy
		words := strings.Fields(base.Body)
		for k := 0; k < 2; k++ {
			words[g.rng.IntN(len(words))] = g.vocab[g.rng.IntN(len(g.vocab))]
		}
		a.Title, a.Body = base.Title, strings.Join(words, " ")
		a.Events, a.Actors, a.Places = base.Events, base.Actors, base.Places
	case base != nil && r < 0.4: // the same happening in other words
		title := strings.Fields(base.Title)
		a.Title = strings.Join(title[:len(title)/2], " ") + " " + g.words(5)
		a.Body = a.Title + "\n" + g.words(150)
		a.Events = append([]story.Event{base.Events[0]}, g.events(date, 2)...)
		a.Actors, a.Places = base.Actors, base.Places
	default:
		from = -1
		a.Title = g.words(10)
		a.Body = a.Title + "\n" + g.words(160)
		a.Events = g.events(date, 3)
		for _, e := range a.Events {
			a.Actors = append(a.Actors, e.Source, e.Target)
			a.Places = append(a.Places, e.Place)
		}
	}
	g.recent[g.nRecent%len(g.recent)] = a
	g.recentIdx[g.nRecent%len(g.recentIdx)] = i
	g.nRecent++
	return a, from
}

func (g *generator) events(date string, n int) []story.Event {
	out := make([]story.Event, n)
	for k := range out {
		src := g.rng.IntN(len(g.actors))
		tgt := (src + 1 + g.rng.IntN(len(g.actors)-1)) % len(g.actors)
		out[k] = story.Event{
			ID: fmt.Sprintf("e%d", k+1), Sentence: k + 1,
			Source: g.actors[src], SourceSector: "GOV", Target: g.actors[tgt], TargetSector: "GOV",
			CAMEO: g.codes[g.rng.IntN(len(g.codes))], Mode: dyad.ModeAsserted, Date: date,
			Place: g.places[g.rng.IntN(len(g.places))], Lead: k == 0,
		}
	}
	return out
}

// heap returns the live heap after a collection.
func heap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// corpusStats are what adding a synthetic corpus found.
type corpusStats struct {
	tenths       []time.Duration // CPU time spent adding each tenth
	copies       int             // articles found to be copies
	stories      int             // stories started
	misclustered int             // articles not in the story of the happening they report
}

// addCorpus adds n synthetic articles, generated a batch at a time off the
// clock. An article is misclustered when it reports a recent article's
// happening (or copies it) but lands in another story, or reports a new
// happening but joins an existing story.
func addCorpus(b *testing.B, x *story.Index, n int) corpusStats {
	g := newGenerator(1000)
	batch := max(1, min(4096, n/10))
	type gen struct {
		a    story.Article
		from int
	}
	arts := make([]gen, 0, batch)
	st := corpusStats{tenths: make([]time.Duration, 10)}
	storyOf := make([]int64, n)
	for i := 0; i < n; {
		b.StopTimer()
		arts = arts[:0]
		for k := 0; k < batch && i+k < n; k++ {
			a, from := g.next(i + k)
			arts = append(arts, gen{a, from})
		}
		b.StartTimer()
		t0 := cpuTime()
		for k, ga := range arts {
			res, err := x.Add(ga.a)
			if err != nil {
				b.Fatal(err)
			}
			if res.Article.Copy {
				st.copies++
			}
			if res.NewStory {
				st.stories++
			}
			storyOf[i+k] = res.Article.Story
			if ga.from < 0 && !res.NewStory || ga.from >= 0 && storyOf[ga.from] != res.Article.Story {
				st.misclustered++
			}
		}
		st.tenths[min(9, i*10/n)] += cpuTime() - t0
		i += len(arts)
	}
	return st
}

// BenchmarkAdd adds b.N synthetic articles to one index.
func BenchmarkAdd(b *testing.B) {
	x, err := story.New(story.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	before := heap()
	b.ResetTimer()
	st := addCorpus(b, x, b.N)
	b.StopTimer()
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N)/secs, "articles/s")
	b.ReportMetric(float64(int64(heap())-int64(before))/float64(b.N), "B/article")
	b.ReportMetric(float64(st.copies)/float64(b.N), "copies/article")
	b.ReportMetric(float64(st.misclustered)/float64(b.N), "misclustered/article")
	runtime.KeepAlive(x)
}

// BenchmarkCorpus builds an index of -story.n synthetic articles (10,000 by
// default; run with -benchtime=1x for 100,000 or 1,000,000) and reports the
// CPU time per article over the first and the last tenth of the corpus,
// which stay about equal when the cost per article does not grow with the
// corpus (batches of n/10 articles, so n should be a multiple of 10).
func BenchmarkCorpus(b *testing.B) {
	n := *corpusSize
	for it := 0; it < b.N; it++ {
		b.StopTimer()
		x, err := story.New(story.DefaultConfig())
		if err != nil {
			b.Fatal(err)
		}
		before := heap()
		b.StartTimer()
		st := addCorpus(b, x, n)
		b.StopTimer()
		var total time.Duration
		for _, d := range st.tenths {
			total += d
		}
		per := float64(n) / 10
		b.ReportMetric(float64(n)/total.Seconds(), "articles/cpu-s")
		b.ReportMetric(float64(st.tenths[0].Nanoseconds())/per, "cpu-ns/article-first10%")
		b.ReportMetric(float64(st.tenths[9].Nanoseconds())/per, "cpu-ns/article-last10%")
		b.ReportMetric(float64(int64(heap())-int64(before))/float64(n), "B/article")
		b.ReportMetric(float64(st.copies)/float64(n), "copies/article")
		b.ReportMetric(float64(st.stories)/float64(n), "stories/article")
		b.ReportMetric(float64(st.misclustered)/float64(n), "misclustered/article")
		runtime.KeepAlive(x)
	}
}
