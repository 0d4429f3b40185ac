package score_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/dyad-project/dyad/internal/score"
	"github.com/dyad-project/dyad/internal/testutil"
)

// BenchmarkScore scores the perfect output for the seed articles.
func BenchmarkScore(b *testing.B) {
	dir := testutil.Shared(b, "seeds/gold")
	g, err := score.LoadGold(filepath.Dir(dir))
	if err != nil {
		b.Fatal(err)
	}
	var lines bytes.Buffer
	for _, d := range readGoldDocs(b, dir) {
		j, err := json.Marshal(synth{}.output(d))
		if err != nil {
			b.Fatal(err)
		}
		lines.Write(j)
		lines.WriteByte('\n')
	}
	b.ResetTimer()
	for b.Loop() {
		s, err := score.ReadSystem(bytes.NewReader(lines.Bytes()))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := score.Score(g, s); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*g.Len())/b.Elapsed().Seconds(), "docs/s")
}
