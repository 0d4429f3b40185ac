package where_test

import (
	"io/fs"
	"runtime"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/data"
	"github.com/dyad-project/dyad/internal/where"
)

// benchArticle is a news-style article of our own, with datelines, places,
// people and organisations.
var benchArticle = strings.Repeat(`BEIRUT, Lebanon — Syrian government forces pushed into the outskirts of Aleppo on Tuesday, a monitoring group said, as Russian jets struck rebel-held areas in Idlib province.
US Secretary of State John Kerry, speaking in Washington after talks with British Foreign Secretary Philip Hammond, said the ceasefire agreed in Geneva could still hold.
The Syrian Observatory for Human Rights, a UK-based monitor, said at least 40 people were killed near Raqqa and in the eastern Ghouta region around Damascus.
Russia's buildup at Syria's Latakia airbase has raised concerns in Ankara, while Iranian officials met their counterparts in Moscow, Russia.
Hammond said Britain would host a donors' conference in London next month, and Kerry will travel to Riyadh and then to New York for a UN meeting.
`, 4)

func BenchmarkFind(b *testing.B) {
	g := gazetteer(b)
	sents := split(benchArticle)
	b.ReportAllocs()
	b.SetBytes(int64(len(benchArticle)))
	b.ResetTimer()
	places := 0
	for i := 0; i < b.N; i++ {
		places = len(g.Find(benchArticle, sents))
	}
	b.StopTimer()
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N*len(sents))/secs, "sentences/s")
	b.ReportMetric(float64(b.N)/secs, "articles/s")
	b.ReportMetric(float64(places), "places/article")
}

func BenchmarkLoad(b *testing.B) {
	raw, err := fs.ReadFile(data.Gazetteer, where.DefaultPath)
	if err != nil {
		b.Fatal(err)
	}
	var before, after runtime.MemStats
	var g *where.Gazetteer
	for i := 0; i < b.N; i++ {
		g = nil
		runtime.GC()
		runtime.ReadMemStats(&before)
		if g, err = where.Load(data.Gazetteer, where.DefaultPath); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(len(raw)), "gz-bytes")
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MiB")
	b.ReportMetric(float64(g.Stats().Names), "names")
	runtime.KeepAlive(g)
}
