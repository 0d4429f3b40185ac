package clean_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/clean"
	"github.com/dyad-project/dyad/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/seeds")

// golden is what testdata/seeds/<id>.json keeps for a seed article: offsets,
// kinds and rules, never the article's text.
type golden struct {
	Blocks          []goldenBlock `json:"blocks"`
	Headline        dyad.Span     `json:"headline"`
	Published       string        `json:"published"`
	PublishedSource string        `json:"published_source"`
}

type goldenBlock struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  string `json:"kind"`
	Rule  string `json:"rule,omitempty"`
	Para  int    `json:"para"`
}

// seedGold is the part of a seed's gold annotation these tests use.
type seedGold struct {
	Title     string `json:"title"`
	Published string `json:"published"`
	Events    []struct {
		Sentence string `json:"sentence"`
		Optional bool   `json:"optional"`
		Note     string `json:"note"`
	} `json:"events"`
}

// TestSeeds checks the five seed articles (read from ../shared) against
// their gold annotation: the headline is the gold title, no sentence the
// gold codes an event in is boilerplate, and every sentence the gold notes
// as a photo caption is a caption. It also compares blocks and dates with
// the golden files in testdata/seeds (-update rewrites them).
func TestSeeds(t *testing.T) {
	dir := testutil.Shared(t, "seeds/articles")
	goldDir := testutil.Shared(t, "seeds/gold")
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Skipf("skipping: no seed articles in %s", dir)
	}
	for _, p := range paths {
		id := strings.TrimSuffix(filepath.Base(p), ".txt")
		t.Run(id, func(t *testing.T) {
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			text := string(raw)
			var gold seedGold
			gb, err := os.ReadFile(filepath.Join(goldDir, id+".json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(gb, &gold); err != nil {
				t.Fatal(err)
			}
			blocks := clean.Blocks(text)
			span, ok := clean.Headline(text, blocks)
			if !ok || text[span.Start:span.End] != gold.Title {
				t.Errorf("headline %q, want %q", text[span.Start:span.End], gold.Title)
			}
			kindOf := func(sentence string) (dyad.Block, bool) {
				for _, b := range blocks {
					if strings.Contains(text[b.Start:b.End], sentence) {
						return b, true
					}
				}
				return dyad.Block{}, false
			}
			for _, e := range gold.Events {
				b, found := kindOf(e.Sentence)
				switch {
				case !found:
					t.Errorf("gold sentence in no block: %q", e.Sentence)
				case strings.Contains(e.Note, "caption"):
					if b.Kind != dyad.KindCaption {
						t.Errorf("caption is %s (%q): %q", b.Kind, b.Rule, e.Sentence)
					}
				case !e.Optional && b.Kind != dyad.KindBody && b.Kind != dyad.KindHeadline:
					t.Errorf("coded sentence is %s (%q): %q", b.Kind, b.Rule, e.Sentence)
				}
			}
			date, src := clean.InferPublished(text, blocks)
			if date != "" && date != gold.Published {
				t.Errorf("published %s from %s, gold %s", date, src, gold.Published)
			}

			got := golden{Headline: span, Published: date, PublishedSource: src}
			for _, b := range blocks {
				got.Blocks = append(got.Blocks, goldenBlock{b.Start, b.End, string(b.Kind), b.Rule, b.Para})
			}
			path := filepath.Join("testdata", "seeds", id+".json")
			if *update {
				out, err := json.MarshalIndent(got, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, append(out, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wb, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			var want golden
			if err := json.Unmarshal(wb, &want); err != nil {
				t.Fatal(err)
			}
			if want.Headline != got.Headline || want.Published != got.Published || want.PublishedSource != got.PublishedSource {
				t.Errorf("headline/published = %v %q %q, golden %v %q %q", got.Headline, got.Published, got.PublishedSource,
					want.Headline, want.Published, want.PublishedSource)
			}
			if len(want.Blocks) != len(got.Blocks) {
				t.Fatalf("%d blocks, golden %d", len(got.Blocks), len(want.Blocks))
			}
			for i := range want.Blocks {
				if want.Blocks[i] != got.Blocks[i] {
					t.Errorf("block %d = %+v, golden %+v", i, got.Blocks[i], want.Blocks[i])
				}
			}
		})
	}
}

// BenchmarkBlocks measures block classification and date inference over the
// seed articles.
func BenchmarkBlocks(b *testing.B) {
	dir := testutil.Shared(b, "seeds/articles")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(paths) == 0 {
		b.Skipf("skipping: no seed articles in %s", dir)
	}
	var texts []string
	size := 0
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(raw))
		size += len(raw)
	}
	b.SetBytes(int64(size))
	n, blocks := 0, 0
	for b.Loop() {
		for _, text := range texts {
			bs := clean.Blocks(text)
			clean.InferPublished(text, bs)
			blocks += len(bs)
			n++
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(n)/sec, "articles/s")
	b.ReportMetric(float64(blocks)/sec, "blocks/s")
}
