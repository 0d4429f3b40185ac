package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlite"
)

// exportDB stores two hand-made analyses with three events and returns the
// database's path.
func exportDB(t *testing.T) string {
	t.Helper()
	ref := func(name, country, sector, code, text string, start int) dyad.ActorRef {
		return dyad.ActorRef{Name: name, Country: country, Sector: sector, Code: code, Text: text, Start: start, End: start + len(text)}
	}
	date := "2016-02-08"
	text1 := "Germany pledges aid to Turkey\n\nGermany promised on Monday to send aid to Turkey, and Turkish police attacked protesters in Ankara."
	de, tr := ref("Germany", "DEU", "", "DEU", "Germany", 31), ref("Turkey", "TUR", "", "TUR", "Turkey", 72)
	police, crowd := ref("Turkish police", "TUR", "COP", "TURCOP", "Turkish police", 84), ref("protesters", "TUR", "CVL", "TURCVL", "protesters", 108)
	a1 := &dyad.Analysis{Doc: "aid", URL: "https://news.example/aid", Title: "Germany pledges aid to Turkey", Published: "2016-02-09",
		Text: text1,
		Sentences: []dyad.Sentence{
			{Start: 0, End: 29, Text: text1[0:29], Kind: dyad.KindHeadline},
			{Start: 31, End: len(text1), Text: text1[31:], Kind: dyad.KindBody, Para: 1},
		},
		Events: []dyad.Event{
			{ID: "e1", Sentence: 1, Source: de, Target: &tr, CAMEO: "033", Root: "03", PLOVER: "AGREE", Quad: 1, Goldstein: 5.2,
				Mode: dyad.ModeAsserted, Date: &date, Trigger: dyad.Trigger{Text: "promised", Start: 39, End: 47}},
			{ID: "e2", Sentence: 1, Source: police, Target: &crowd, CAMEO: "180", Root: "18", PLOVER: "ASSAULT", Quad: 4, Goldstein: -9,
				Mode: dyad.ModeAsserted, Trigger: dyad.Trigger{Text: "attacked", Start: 99, End: 107},
				Place: &dyad.Place{Text: "Ankara", Name: "Ankara", Country: "TUR", Admin1: "Ankara", Lat: 39.92, Lon: 32.85, GeonameID: 323786}},
		},
	}
	text2 := "Russia warns Ukraine\n\nRussia warned Ukraine it may cut gas."
	a2 := &dyad.Analysis{Doc: "gas", Title: "Russia warns Ukraine", Published: "2015-11-30", Text: text2,
		Sentences: []dyad.Sentence{{Start: 0, End: 20, Text: text2[:20], Kind: dyad.KindHeadline}},
		Events: []dyad.Event{{ID: "e1", Sentence: 0, Source: ref("Russia", "RUS", "", "RUS", "Russia", 0),
			Target: &dyad.ActorRef{Name: "Ukraine", Country: "UKR", Code: "UKR", Text: "Ukraine", Start: 13, End: 20},
			CAMEO:  "130", Root: "13", PLOVER: "THREATEN", Quad: 3, Goldstein: -4.4, Mode: dyad.ModeHypothetical,
			Trigger: dyad.Trigger{Text: "warns", Start: 7, End: 12}}},
	}
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.PutAnalyses(context.Background(), []*dyad.Analysis{a1, a2}); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestExportCommand(t *testing.T) {
	db := exportDB(t)
	lines := func(s string) []string { return strings.Split(strings.TrimSuffix(s, "\n"), "\n") }
	tests := []struct {
		name   string
		args   []string
		status int
		check  func(t *testing.T, stdout string)
	}{
		{"jsonl, all, by date", []string{"--db", db}, 0, func(t *testing.T, out string) {
			ls := lines(out)
			if len(ls) != 3 {
				t.Fatalf("%d lines, want 3", len(ls))
			}
			var e dyad.StoredEvent
			if err := json.Unmarshal([]byte(ls[0]), &e); err != nil {
				t.Fatal(err)
			}
			if e.Doc != "gas" || e.CAMEO != "130" || e.Target == nil || e.Published != "2015-11-30" {
				t.Errorf("first event %+v, want the gas warning", e)
			}
		}},
		{"country filter", []string{"--db", db, "--country", "TUR", "--format", "csv"}, 0, func(t *testing.T, out string) {
			recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 3 || recs[0][0] != "global_id" {
				t.Fatalf("%d CSV records, header %v", len(recs), recs[0])
			}
		}},
		{"source and quad", []string{"--db", db, "--source", "TUR", "--quad", "4", "--format", "gdelt"}, 0, func(t *testing.T, out string) {
			ls := lines(out)
			if len(ls) != 1 {
				t.Fatalf("%d lines, want 1", len(ls))
			}
			if f := strings.Split(ls[0], "\t"); len(f) != 61 || f[26] != "180" || f[51] != "4" {
				t.Errorf("GDELT row %q", ls[0])
			}
		}},
		{"icews with dates", []string{"--db", db, "--from", "2016-01-01", "--to", "2016-12-31", "--format", "icews"}, 0, func(t *testing.T, out string) {
			ls := lines(out)
			if len(ls) != 3 || !strings.HasPrefix(ls[0], "Event ID\t") {
				t.Fatalf("ICEWS output %q", out)
			}
			for _, l := range ls {
				if n := len(strings.Split(l, "\t")); n != 20 {
					t.Errorf("%d columns in %q", n, l)
				}
			}
		}},
		{"plover, text, mode", []string{"--db", db, "--text", "gas", "--mode", "hypothetical", "--format", "plover"}, 0, func(t *testing.T, out string) {
			var p map[string]any
			if err := json.Unmarshal([]byte(out), &p); err != nil {
				t.Fatal(err)
			}
			if p["event"] != "THREATEN" || p["doc"] != "gas" {
				t.Errorf("PLOVER record %v", p)
			}
		}},
		{"cameo prefix, doc, limit", []string{"--db", db, "--cameo", "1", "--doc", "aid", "--limit", "1", "--sort", "-goldstein"}, 0,
			func(t *testing.T, out string) {
				if ls := lines(out); len(ls) != 1 || !strings.Contains(ls[0], `"cameo":"180"`) {
					t.Errorf("output %q", out)
				}
			}},
		{"no match", []string{"--db", db, "--actor", "Nobody"}, 0, func(t *testing.T, out string) {
			if out != "" {
				t.Errorf("output %q, want none", out)
			}
		}},
		{"bad date", []string{"--db", db, "--from", "2016"}, 1, nil},
		{"bad format", []string{"--db", db, "--format", "xml"}, 1, nil},
		{"missing database", []string{"--db", filepath.Join(t.TempDir(), "none.db")}, 1, nil},
		{"no database flag", []string{}, 2, nil},
		{"stray argument", []string{"--db", db, "events"}, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, stdout, stderr := runDyad(t, "", append([]string{"export"}, tt.args...)...)
			if status != tt.status {
				t.Fatalf("status %d, want %d; stderr:\n%s", status, tt.status, stderr)
			}
			if tt.check != nil {
				tt.check(t, stdout)
			}
		})
	}
}

func TestExportToFile(t *testing.T) {
	db := exportDB(t)
	out := filepath.Join(t.TempDir(), "events.tsv")
	status, stdout, stderr := runDyad(t, "", "export", "--db", db, "--format", "gdelt", "-o", out)
	if status != 0 || stdout != "" {
		t.Fatalf("status %d, stdout %q, stderr %s", status, stdout, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), "\n"); n != 3 {
		t.Errorf("%d rows in the file, want 3", n)
	}
}
