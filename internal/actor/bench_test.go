package actor_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/data"
	"github.com/dyad-project/dyad/internal/actor"
	"github.com/dyad-project/dyad/internal/dict"
	"github.com/dyad-project/dyad/internal/segment"
	"github.com/dyad-project/dyad/internal/testutil"
)

// benchText is a news-style text of our own, used when the seed articles
// are absent.
const benchText = `Kerry urges restraint as rebels advance

US Secretary of State John Kerry on Tuesday urged the Syrian regime and opposition forces to respect the truce, after talks with Russian Foreign Minister Sergey Lavrov in Geneva.

The top US diplomat said Moscow and Washington agreed that the so-called Islamic State and al-Nusra Front were outside the ceasefire. He added that the regime must allow aid into besieged towns.

Syrian President Bashar al-Assad said his government would fight on. Hezbollah fighters and Iranian advisers have backed Assad's forces around Aleppo, according to the Britain-based Syrian Observatory for Human Rights.

UN envoy Staffan de Mistura said the two sides had narrowed their differences. British Foreign Secretary Philip Hammond called the talks a step forward, while American officials said they remained cautious.`

type article struct {
	text, published string
	sents           []dyad.Sentence
	tokens          int
}

func benchArticles(b *testing.B) []article {
	var texts []seed
	if d := sharedSeeds(b); d != nil {
		texts = d
	} else {
		texts = []seed{{Text: benchText, Published: "2016-02-23"}}
	}
	var out []article
	for _, s := range texts {
		a := article{text: s.Text, published: s.Published, sents: segment.Text(s.Text)}
		for _, st := range a.sents {
			a.tokens += len(st.Tokens)
		}
		out = append(out, a)
	}
	return out
}

// sharedSeeds reads the seed articles, or returns nil when they are
// absent.
func sharedSeeds(b *testing.B) []seed {
	if testutil.SharedDir(b) == "" {
		return nil
	}
	if _, err := os.Stat(filepath.Join(testutil.SharedDir(b), "seeds", "seeds.jsonl")); err != nil {
		return nil
	}
	return readSeeds(b)
}

// BenchmarkFind finds the actors of the seed articles (or of a text of our
// own) with the full default dictionaries loaded.
func BenchmarkFind(b *testing.B) {
	f, err := actor.Default()
	if err != nil {
		b.Fatal(err)
	}
	arts := benchArticles(b)
	tokens := 0
	for _, a := range arts {
		tokens += a.tokens
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			f.Find(a.text, a.sents, a.published)
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(tokens*b.N)/sec, "tokens/s")
	b.ReportMetric(float64(len(arts)*b.N)/sec, "articles/s")
}

// BenchmarkLoad loads and indexes the default dictionaries and reports the
// heap they hold.
func BenchmarkLoad(b *testing.B) {
	var heap float64
	for i := 0; i < b.N; i++ {
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		d, err := dict.LoadActors(dictFSB())
		if err != nil {
			b.Fatal(err)
		}
		f := actor.New(d)
		runtime.GC()
		runtime.ReadMemStats(&m1)
		heap = float64(m1.HeapAlloc-m0.HeapAlloc) / (1 << 20)
		runtime.KeepAlive(f)
	}
	b.ReportMetric(heap, "MB-heap")
}

func TestBenchTextFinds(t *testing.T) {
	r := find(t, benchText, "2016-02-23")
	names := map[string]bool{}
	for _, a := range r.Actors() {
		names[a.Name] = true
	}
	for _, n := range []string{"John Kerry", "Sergey Lavrov", "Bashar al-Assad", "Staffan de Mistura", "Philip Hammond",
		"Islamic State", "al-Nusra Front", "Hezbollah", "Syrian Observatory for Human Rights"} {
		if !names[n] {
			t.Errorf("no %s in\n%s", n, dump(r))
		}
	}
	if strings.Count(dump(r), "\n") < 12 {
		t.Errorf("few actors:\n%s", dump(r))
	}
}

func dictFSB() fs.FS { return data.Actors }
