package when_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-project/dyad/internal/segment"
	"github.com/dyad-project/dyad/internal/when"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenExpr is what the golden file keeps of an expression: offsets and
// resolution, not the article's words.
type goldenExpr struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Date  string `json:"date"`
	Since bool   `json:"since,omitempty"`
	Rule  string `json:"rule"`
}

// TestGolden compares the expressions found in the seed articles with
// testdata/seeds.golden.json; run with -update to rewrite it.
func TestGolden(t *testing.T) {
	got := map[string][]goldenExpr{}
	for _, s := range readSeeds(t) {
		out := []goldenExpr{}
		for _, e := range when.Find(s.Text, segment.Text(s.Text), s.Published) {
			out = append(out, goldenExpr{e.Start, e.End, e.Date, e.Since, e.Rule})
		}
		got[s.ID] = out
	}
	b, err := json.MarshalIndent(got, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	path := filepath.Join("testdata", "seeds.golden.json")
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(b, want) {
		t.Errorf("expressions differ from %s; run go test -update and review the diff", path)
	}
}
