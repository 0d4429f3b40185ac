package pipeline_test

import (
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/pipeline"
)

// TestPublishedPrecedence checks where an analysis takes its publication
// date from: the input, then --published, then the text, and a web
// archive's capture date only when nothing else gives one.
func TestPublishedPrecedence(t *testing.T) {
	const dated = "Ministers agree on grain corridor\n\nANKARA, March 3 (Wire) - Turkish and Ukrainian ministers agreed on Tuesday to reopen the grain corridor.\n"
	const withYear = "Ministers agree on grain corridor\n\nANKARA, March 3, 2016 (Wire) - Turkish and Ukrainian ministers agreed on Tuesday to reopen the grain corridor.\n"
	const undated = "Ministers agree on grain corridor\n\nTurkish and Ukrainian ministers agreed on Tuesday to reopen the grain corridor.\n"
	tests := []struct {
		name       string
		flag       string
		text       string
		published  string
		source     string
		wantDate   string
		wantSource string
	}{
		{"input wins", "2020-01-01", dated, "2016-03-04", "", "2016-03-04", dyad.PublishedFromInput},
		{"feed date kept", "", dated, "2016-03-04", dyad.PublishedFromFeed, "2016-03-04", dyad.PublishedFromFeed},
		{"flag over crawl date", "2020-01-01", undated, "2016-03-09", dyad.PublishedFromCrawl, "2020-01-01", dyad.PublishedFromFlag},
		{"text over crawl date", "", withYear, "2016-03-09", dyad.PublishedFromCrawl, "2016-03-03", dyad.PublishedFromDateline},
		{"crawl date without other", "", undated, "2016-03-09", dyad.PublishedFromCrawl, "2016-03-09", dyad.PublishedFromCrawl},
		{"no date at all", "", undated, "", "", "", dyad.PublishedUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := pipeline.DefaultConfig()
			cfg.Published = tt.flag
			p, err := pipeline.New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			a := p.Analyse(&dyad.Article{Doc: "d", Text: tt.text, Published: tt.published, PublishedSource: tt.source})
			if a.Published != tt.wantDate || a.PublishedSource != tt.wantSource {
				t.Errorf("published %q from %q, want %q from %q", a.Published, a.PublishedSource, tt.wantDate, tt.wantSource)
			}
		})
	}
}
