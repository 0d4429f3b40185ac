package score_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/cameo"
	"github.com/dyad-project/dyad/internal/ingest"
	"github.com/dyad-project/dyad/internal/output"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/score"
	"github.com/dyad-project/dyad/internal/testutil"
)

// The held-out corpus (testdata/heldout, see its README) is 32 news articles
// written for the project in the styles of different outlets, with gold
// annotations made before dyad was run on them. Articles whose id ends in an
// even number are the dev half, the others the test half.

// heldoutFloor is what the full held-out set must keep scoring: the last
// figures measured, rounded down to two decimals, less 0.02 (first 0.181 and
// 0.928; then 0.439 and 0.933; then 0.537 and 0.938 on 24 articles; now
// 0.515 and 0.952 on 32, the eight dev articles added being harder, so the
// event floor stays). Raise them when dyad improves; never lower them to pass.
var heldoutFloor = struct {
	rootF1, actorRecall float64
}{rootF1: 0.51, actorRecall: 0.93}

// heldoutDir returns testdata/heldout at the repository root.
func heldoutDir(t testing.TB) string {
	t.Helper()
	return filepath.Join(testutil.RepoRoot(t), "testdata", "heldout")
}

// heldoutGold reads the gold files of the held-out corpus, keeping those
// whose name keep accepts, as a gold folder for score.ReadGold.
func heldoutGold(t testing.TB, keep func(name string) bool) fstest.MapFS {
	t.Helper()
	dir := filepath.Join(heldoutDir(t), "gold")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") || !keep(e.Name()) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fsys[e.Name()] = &fstest.MapFile{Data: b}
	}
	return fsys
}

// isDev reports whether a held-out file or id belongs to the dev half: its
// number (the last digits before any extension) is even.
func isDev(name string) bool {
	base := strings.TrimSuffix(name, filepath.Ext(name))
	if base == "" {
		return false
	}
	return (base[len(base)-1]-'0')%2 == 0
}

// heldoutSystem runs the default pipeline over the held-out articles and
// reads its JSON Lines back as score.py would read `dyad extract` output.
func heldoutSystem(t testing.TB) (*score.System, int) {
	t.Helper()
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(heldoutDir(t), "articles.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines bytes.Buffer
	n := 0
	err = ingest.ReadJSONL(f, path, func(a *dyad.Article, err error) error {
		if err != nil {
			return err
		}
		b, err := output.Marshal(p.Analyse(a))
		if err != nil {
			return err
		}
		n++
		lines.Write(b)
		return lines.WriteByte('\n')
	})
	if err != nil {
		t.Fatal(err)
	}
	s, err := score.ReadSystem(&lines)
	if err != nil {
		t.Fatal(err)
	}
	return s, n
}

// TestHeldout scores the pipeline on the held-out corpus, logs the figures of
// the dev half, the test half and the whole, and fails when the whole falls
// below heldoutFloor.
func TestHeldout(t *testing.T) {
	sys, n := heldoutSystem(t)
	halves := []struct {
		name string
		keep func(string) bool
	}{
		{"dev", isDev},
		{"test", func(name string) bool { return !isDev(name) }},
		{"all", func(string) bool { return true }},
	}
	var all *score.Result
	for _, h := range halves {
		g, err := score.ReadGold(heldoutGold(t, h.keep))
		if err != nil {
			t.Fatal(err)
		}
		res, err := score.Score(g, sys)
		if err != nil {
			t.Fatal(err)
		}
		if res.WithOutput != res.GoldDocs {
			t.Errorf("%s: %d of %d gold articles have output", h.name, res.WithOutput, res.GoldDocs)
		}
		var b strings.Builder
		if err := res.WriteText(&b); err != nil {
			t.Fatal(err)
		}
		t.Logf("held-out %s (%d articles):\n%s", h.name, res.GoldDocs, b.String())
		all = res
	}
	if all.GoldDocs != n {
		t.Errorf("%d gold files for %d articles", all.GoldDocs, n)
	}
	root, _ := all.View(score.ViewRoot)
	if root.F1 < heldoutFloor.rootF1 {
		t.Errorf("held-out event F1 (root) = %.3f, below the floor %.2f", root.F1, heldoutFloor.rootF1)
	}
	if all.ActorRecall.Value < heldoutFloor.actorRecall {
		t.Errorf("held-out actor recall = %.3f, below the floor %.2f", all.ActorRecall.Value, heldoutFloor.actorRecall)
	}
}

// heldoutGoldDoc is the part of a gold file that TestHeldoutGold checks.
type heldoutGoldDoc struct {
	ID     string `json:"id"`
	Split  string `json:"split"`
	Actors []struct {
		Name     string   `json:"name"`
		Key      string   `json:"key"`
		Sector   string   `json:"sector"`
		Mentions []string `json:"mentions"`
	} `json:"actors"`
	Quotes []struct {
		Speaker    string `json:"speaker"`
		SpeakerKey string `json:"speaker_key"`
		StartsWith string `json:"starts_with"`
	} `json:"quotes"`
	Events []struct {
		Sentence  string  `json:"sentence"`
		SourceKey string  `json:"source_key"`
		TargetKey string  `json:"target_key"`
		Root      string  `json:"cameo_root"`
		CAMEO     string  `json:"cameo"`
		Date      *string `json:"date"`
		Mode      string  `json:"mode"`
		Optional  bool    `json:"optional"`
	} `json:"events"`
}

// TestHeldoutGold checks that the gold annotations agree with the articles
// and with the CAMEO table: one gold file per article, the split named after
// the id's parity, every mention, quote start and event sentence found in the
// text, every code valid with its root, every event key an actor's key, and
// only asserted events required (score.py counts asserted system events only).
func TestHeldoutGold(t *testing.T) {
	path := filepath.Join(heldoutDir(t), "articles.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	texts := map[string]string{}
	err = ingest.ReadJSONL(f, path, func(a *dyad.Article, err error) error {
		if err != nil {
			return err
		}
		texts[a.Doc] = a.Text
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) != 32 {
		t.Errorf("%d held-out articles, want 32", len(texts))
	}
	gold := heldoutGold(t, func(string) bool { return true })
	if len(gold) != len(texts) {
		t.Errorf("%d gold files for %d articles", len(gold), len(texts))
	}
	names := make([]string, 0, len(gold))
	for name := range gold {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		file := gold[name]
		t.Run(name, func(t *testing.T) {
			var g heldoutGoldDoc
			if err := json.Unmarshal(file.Data, &g); err != nil {
				t.Fatal(err)
			}
			text, ok := texts[g.ID]
			if !ok {
				t.Fatalf("no article with id %q", g.ID)
			}
			if g.ID+".json" != name {
				t.Errorf("file %s holds id %s", name, g.ID)
			}
			if want := map[bool]string{true: "dev", false: "test"}[isDev(g.ID)]; g.Split != want {
				t.Errorf("split %q, want %q", g.Split, want)
			}
			keys := map[string]bool{}
			for _, a := range g.Actors {
				keys[a.Key] = true
				if a.Key == "" || a.Sector == "" {
					t.Errorf("actor %q has no key or sector", a.Name)
				}
				for _, m := range a.Mentions {
					if !strings.Contains(text, m) {
						t.Errorf("actor %q: mention %q is not in the text", a.Name, m)
					}
				}
			}
			for _, q := range g.Quotes {
				if !strings.Contains(text, q.StartsWith) {
					t.Errorf("quote %q is not in the text", q.StartsWith)
				}
				if !keys[q.SpeakerKey] {
					t.Errorf("quote %q: speaker key %s is no actor's", q.StartsWith, q.SpeakerKey)
				}
			}
			for _, e := range g.Events {
				if !strings.Contains(text, e.Sentence) {
					t.Errorf("event sentence %q is not in the text", e.Sentence)
				}
				if !cameo.Valid(e.CAMEO) || cameo.Root(e.CAMEO) != e.Root {
					t.Errorf("event %s->%s: code %s with root %s", e.SourceKey, e.TargetKey, e.CAMEO, e.Root)
				}
				if !keys[e.SourceKey] || !keys[e.TargetKey] {
					t.Errorf("event %s->%s %s: a key that is no actor's", e.SourceKey, e.TargetKey, e.CAMEO)
				}
				if e.Mode != "asserted" && !e.Optional {
					t.Errorf("event %s->%s %s: a %s event is required", e.SourceKey, e.TargetKey, e.CAMEO, e.Mode)
				}
			}
		})
	}
}
