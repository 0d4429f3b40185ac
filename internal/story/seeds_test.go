package story_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/cameo"
	"github.com/dyad-project/dyad/internal/clean"
	"github.com/dyad-project/dyad/internal/story"
	"github.com/dyad-project/dyad/internal/testutil"
)

// goldArticle is the part of a seed's gold annotation the tests use.
type goldArticle struct {
	ID        string  `json:"id"`
	URL       *string `json:"url"`
	Outlet    *string `json:"outlet"`
	Published string  `json:"published"`
	Title     string  `json:"title"`
	Actors    []struct {
		Name   string `json:"name"`
		Key    string `json:"key"`
		Sector string `json:"sector"`
	} `json:"actors"`
	Events []struct {
		Sentence     string  `json:"sentence"`
		SourceKey    string  `json:"source_key"`
		SourceSector string  `json:"source_sector"`
		SourceName   string  `json:"source_name"`
		TargetKey    *string `json:"target_key"`
		TargetSector *string `json:"target_sector"`
		TargetName   *string `json:"target_name"`
		CAMEO        string  `json:"cameo"`
		Date         *string `json:"date"`
		Location     *string `json:"location"`
		Mode         string  `json:"mode"`
	} `json:"events"`
}

// goldRef is the actor reference of a gold actor key: a country for an
// ISO 3166 alpha-3 key, else an organisation.
func goldRef(key, sector, name string) dyad.ActorRef {
	if len(key) == 3 && strings.ToUpper(key) == key {
		return dyad.ActorRef{Country: key, Sector: sector, Name: name}
	}
	return dyad.ActorRef{Code: key, Sector: sector, Name: name}
}

// seedAnalysis builds an analysis of a seed article from its text (one
// sentence a block, classified by internal/clean) and its GOLD events and
// actors, so that the test does not depend on the event coder.
func seedAnalysis(t testing.TB, g *goldArticle, text string) *dyad.Analysis {
	t.Helper()
	a := &dyad.Analysis{Doc: g.ID, Published: g.Published, Title: g.Title, Text: text}
	if g.URL != nil {
		a.URL = *g.URL
	}
	for _, b := range clean.Blocks(text) {
		a.Sentences = append(a.Sentences, dyad.Sentence{
			Start: b.Start, End: b.End, Text: text[b.Start:b.End], Kind: b.Kind, Rule: b.Rule, Para: b.Para,
		})
	}
	for _, ga := range g.Actors {
		r := goldRef(ga.Key, ga.Sector, ga.Name)
		a.Actors = append(a.Actors, dyad.Actor{Name: ga.Name, Country: r.Country, Code: r.Code, Sector: ga.Sector})
	}
	for i, ge := range g.Events {
		sent := -1
		probe := ge.Sentence
		if len(probe) > 40 {
			probe = probe[:40]
		}
		for k, s := range a.Sentences {
			if strings.Contains(s.Text, probe) {
				sent = k
				break
			}
		}
		if sent < 0 {
			t.Errorf("%s: gold event %d: sentence %q not found in the text", g.ID, i, probe)
		}
		e := dyad.Event{
			ID: fmt.Sprintf("e%d", i+1), Sentence: sent,
			Source: goldRef(ge.SourceKey, ge.SourceSector, ge.SourceName),
			CAMEO:  ge.CAMEO, Root: cameo.Root(ge.CAMEO), Mode: ge.Mode, Date: ge.Date,
		}
		if ge.TargetKey != nil {
			var sector, name string
			if ge.TargetSector != nil {
				sector = *ge.TargetSector
			}
			if ge.TargetName != nil {
				name = *ge.TargetName
			}
			r := goldRef(*ge.TargetKey, sector, name)
			e.Target = &r
		}
		if ge.Location != nil {
			e.Place = &dyad.Place{Text: *ge.Location, Name: *ge.Location}
		}
		a.Events = append(a.Events, e)
	}
	return a
}

// seedArticles reads the five seeds with their gold annotations.
func seedArticles(t testing.TB) ([]story.Article, map[string]string) {
	t.Helper()
	goldDir := testutil.Shared(t, "seeds/gold")
	artDir := testutil.Shared(t, "seeds/articles")
	files, err := filepath.Glob(filepath.Join(goldDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files in %s: %v", goldDir, err)
	}
	sort.Strings(files)
	var arts []story.Article
	texts := map[string]string{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldArticle
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		text, err := os.ReadFile(filepath.Join(artDir, g.ID+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		outlet := ""
		if g.Outlet != nil {
			outlet = *g.Outlet
		}
		arts = append(arts, story.FromAnalysis(seedAnalysis(t, &g, string(text)), outlet))
		texts[g.ID] = string(text)
	}
	return arts, texts
}

func TestSeedStories(t *testing.T) {
	arts, _ := seedArticles(t)
	wide := story.DefaultConfig()
	wide.StoryWindow, wide.StoryMaxSpan = 400, 400
	tests := []struct {
		name string
		cfg  story.Config
	}{
		{"default", story.DefaultConfig()},
		// Months apart, the time window alone separates the seeds; with a
		// window of a year and more, their content must.
		{"no time window", wide},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := mustIndex(t, tt.cfg)
			res := map[string]story.AddResult{}
			for _, a := range arts {
				r, err := x.Add(a)
				if err != nil {
					t.Fatal(err)
				}
				res[a.Doc] = r
				if r.Article.DupOf != "" || r.Article.Copy {
					t.Errorf("%s: near-duplicate of %q (similarity %.2f); the seeds are five different articles",
						a.Doc, r.Article.DupOf, r.Article.Similarity)
				}
				if len(r.Article.Signature) == 0 {
					t.Errorf("%s: no signature", a.Doc)
				}
			}
			stories := x.Stories()
			if len(stories) != len(arts) {
				t.Fatalf("%d stories, want %d:\n%s", len(stories), len(arts), strings.Join(partition(x), "\n"))
			}
			for _, s := range stories {
				if len(s.Docs) != 1 || s.Title == "" || s.First == "" {
					t.Errorf("story %d: %+v", s.ID, s)
				}
			}
			// 000 and 002 both report the US position that Assad has to go
			// (1041, USA -> SYR): related, but months apart, so two events.
			e000, e002 := demandEvents(x, res["000_2e8b89d8e2bb12bf"]), demandEvents(x, res["002_6ac47cdfdbf4e2e5"])
			if len(e000) == 0 || len(e002) == 0 {
				t.Fatalf("no USA -> SYR 1041 events: 000 %v, 002 %v", e000, e002)
			}
			for _, id := range e000 {
				for _, other := range e002 {
					if id == other {
						t.Errorf("000 and 002 share the 1041 event %d", id)
					}
				}
			}
		})
	}
}

// demandEvents returns the merged USA -> SYR 1041 events of an add result.
func demandEvents(x *story.Index, r story.AddResult) []int64 {
	var out []int64
	for _, id := range r.Article.Events {
		if e, _ := x.Event(id); e.CAMEO == "1041" && e.Source == "USA" && e.Target == "SYR" {
			out = append(out, id)
		}
	}
	return out
}

// perturb returns a republished version of an article: its boilerplate and
// caption lines replaced by other outlets' ones, and five words of its body,
// spread over it, changed.
func perturb(text string) string {
	blocks := clean.Blocks(text)
	total := 0
	for _, b := range blocks {
		if b.Kind == dyad.KindBody {
			total += len(strings.Fields(text[b.Start:b.End]))
		}
	}
	change := map[int]bool{}
	for k := 1; k <= 5; k++ {
		change[total*k/6] = true
	}
	var out []string
	n := 0
	for _, b := range blocks {
		line := text[b.Start:b.End]
		switch b.Kind {
		case dyad.KindBoilerplate, dyad.KindCaption:
			continue
		case dyad.KindBody:
			words := strings.Fields(line)
			for i := range words {
				if change[n] {
					words[i] = "reportedly"
				}
				n++
			}
			line = strings.Join(words, " ")
		}
		out = append(out, line)
		if b.Kind == dyad.KindHeadline {
			out = append(out, "By Staff Writers", "Advertisement")
		}
	}
	out = append(out, "Share this article", "© 2016 Example News. All rights reserved.")
	return strings.Join(out, "\n\n")
}

func TestSeedPerturbation(t *testing.T) {
	arts, texts := seedArticles(t)
	x := mustIndex(t, story.DefaultConfig())
	for _, a := range arts {
		if _, err := x.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	for _, orig := range arts {
		t.Run(orig.Doc, func(t *testing.T) {
			text := perturb(texts[orig.Doc])
			a := &dyad.Analysis{Doc: orig.Doc + "-copy", URL: "https://republisher.example/" + orig.Doc, Text: text}
			d, err := time.Parse("2006-01-02", orig.Published)
			if err != nil {
				t.Fatal(err)
			}
			a.Published = d.AddDate(0, 0, 1).Format("2006-01-02")
			for _, b := range clean.Blocks(text) {
				a.Sentences = append(a.Sentences, dyad.Sentence{Start: b.Start, End: b.End, Text: text[b.Start:b.End], Kind: b.Kind, Para: b.Para})
			}
			res, err := x.Add(story.FromAnalysis(a, ""))
			if err != nil {
				t.Fatal(err)
			}
			got := res.Article
			if got.DupOf != orig.Doc || got.Similarity < 0.8 || !got.Copy {
				t.Errorf("perturbed copy: DupOf %q, similarity %.2f, copy %v; want a copy of %s", got.DupOf, got.Similarity, got.Copy, orig.Doc)
			}
			o, _ := x.Article(orig.Doc)
			if got.Story != o.Story {
				t.Errorf("copy in story %d, original in %d", got.Story, o.Story)
			}
		})
	}
}
