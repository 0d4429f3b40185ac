package quote_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-project/dyad/internal/quote"
	"github.com/dyad-project/dyad/internal/segment"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenQuote is what the golden file keeps of a quotation: offsets, verb
// and the offsets of the speaker's mention, not the article's words.
type goldenQuote struct {
	Start        int    `json:"start"`
	End          int    `json:"end"`
	Verb         string `json:"verb"`
	SpeakerStart int    `json:"speaker_start"`
	SpeakerEnd   int    `json:"speaker_end"`
}

// TestGolden compares the quotations found in the seed articles, with the
// capitalised-name stand-in for the actor stage, with
// testdata/seeds.golden.json; run with -update to rewrite it.
func TestGolden(t *testing.T) {
	got := map[string][]goldenQuote{}
	for _, s := range readSeeds(t) {
		out := []goldenQuote{}
		for _, q := range quote.Find(s.Text, segment.Text(s.Text), quote.NewActorIndex(capitalisedActors(s.Text))) {
			g := goldenQuote{Start: q.Start, End: q.End, Verb: q.Verb, SpeakerStart: -1, SpeakerEnd: -1}
			if q.Speaker != nil {
				g.SpeakerStart, g.SpeakerEnd = q.Speaker.Start, q.Speaker.End
			}
			out = append(out, g)
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
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(b, want) {
		t.Errorf("quotations differ from %s; run go test -update and review the diff", path)
	}
}
