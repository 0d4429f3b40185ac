package ingest_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
	"github.com/dyad-project/dyad/internal/testutil"
)

// seedRecord is a line of seeds.jsonl decoded independently of the reader.
type seedRecord struct {
	ID        string  `json:"id"`
	URL       *string `json:"url"`
	Title     *string `json:"title"`
	Published *string `json:"published"`
	Text      string  `json:"text"`
}

func readSeedRecords(t *testing.T, path string) []seedRecord {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var recs []seedRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var r seedRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestSeeds reads the five seed articles from ../shared both as JSON Lines
// and as a directory of text files.
func TestSeeds(t *testing.T) {
	jsonlPath := testutil.Shared(t, "seeds/seeds.jsonl")
	dir := testutil.Shared(t, "seeds/articles")
	recs := readSeedRecords(t, jsonlPath)
	if len(recs) != 5 {
		t.Fatalf("seeds.jsonl has %d records, want 5", len(recs))
	}

	var fromJSONL []item
	f, err := os.Open(jsonlPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := ingest.ReadJSONL(f, jsonlPath, collect(&fromJSONL)); err != nil {
		t.Fatal(err)
	}
	var fromDir []item
	if err := ingest.Walk(context.Background(), []string{dir}, nil, collect(&fromDir)); err != nil {
		t.Fatal(err)
	}
	if len(fromJSONL) != 5 || len(fromDir) != 5 {
		t.Fatalf("read %d articles from JSON Lines and %d from the directory, want 5 and 5", len(fromJSONL), len(fromDir))
	}
	for i, r := range recs {
		a, err := fromJSONL[i].a, fromJSONL[i].err
		if err != nil {
			t.Fatalf("record %d: %v", i+1, err)
		}
		want := &dyad.Article{Doc: r.ID, Text: r.Text, Origin: dyad.Origin{Path: jsonlPath, Line: i + 1}}
		if r.URL != nil {
			want.URL = *r.URL
		}
		if r.Title != nil && *r.Title != "" {
			want.Title, want.Text = *r.Title, *r.Title+"\n\n"+r.Text
		}
		if r.Published != nil && *r.Published != "" {
			want.Published, want.PublishedSource = *r.Published, dyad.PublishedFromInput
		}
		if *a != *want {
			t.Errorf("record %d:\n got %+v\nwant %+v", i+1, *a, *want)
		}
		if a.Published == "" {
			t.Errorf("record %d (%s) has no publication date", i+1, a.Doc)
		}

		// The directory holds the same articles as text files named after
		// the ids; they sort in the same order.
		d, err := fromDir[i].a, fromDir[i].err
		if err != nil {
			t.Fatalf("file %d: %v", i+1, err)
		}
		if d.Doc != r.ID || d.Text != r.Text || d.Origin.Path != filepath.Join(dir, r.ID+".txt") || d.Title != "" || d.Published != "" {
			t.Errorf("file %s: doc %q, %d bytes of text, origin %+v; want doc %q, %d bytes", r.ID, d.Doc, len(d.Text), d.Origin, r.ID, len(r.Text))
		}
	}
}
