package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs a dyad command line in-process and returns its exit status and
// output.
func run(t *testing.T, stdin string, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	status = m.Run(context.Background(), args)
	return status, out.String(), errb.String()
}

const borderArticle = `Russia warns Turkey over border incident

Photo by: Reuters

MOSCOW, March 1 (Reuters) - Russian Foreign Minister Sergey Lavrov warned Turkey on Tuesday that it would face consequences after a Russian patrol came under fire near the Syrian border.

"Turkey will answer for this provocation," Lavrov told reporters in Moscow, standing beside Dmitri Valkov, the head of the Volga Monitoring Group.

Advertisement
`

func TestExtractBatchGoesOnAfterABadDocument(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "border.txt")
	if err := os.WriteFile(good, []byte(borderArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	lines := `{"id": "one", "published": "2016-03-01", "title": "Lavrov warns Turkey", "text": "Russian Foreign Minister Sergey Lavrov warned Turkey on Tuesday."}
{"id": "broken", "text": 
{"id": "two", "published": "2016-03-02", "text": "Turkey rejects Russian warning\n\nTurkey's foreign ministry rejected the warning on Wednesday."}
`
	status, stdout, stderr := run(t, lines, "extract", good, "-")
	if status != 1 {
		t.Errorf("exit status %d, want 1 (one document failed)", status)
	}
	if !strings.Contains(stderr, "stdin:2:") {
		t.Errorf("stderr does not name the bad line (stdin:2): %q", stderr)
	}
	var docs []string
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var a struct {
			Doc       string           `json:"doc"`
			Title     string           `json:"title"`
			Published string           `json:"published"`
			Sentences []map[string]any `json:"sentences"`
			Events    []any            `json:"events"`
			Warnings  []string         `json:"warnings"`
		}
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("output line is not JSON: %v: %s", err, line)
		}
		if a.Sentences == nil || a.Events == nil || a.Warnings == nil {
			t.Errorf("%s: arrays must be present, not null: %s", a.Doc, line)
		}
		docs = append(docs, a.Doc)
		if a.Doc == "border" {
			if a.Title != "Russia warns Turkey over border incident" {
				t.Errorf("border: title %q", a.Title)
			}
			if a.Published != "" {
				t.Errorf("border: a dateline without a year gave published %q", a.Published)
			}
		}
	}
	if got := strings.Join(docs, ","); got != "border,one,two" {
		t.Errorf("documents %s, want border,one,two in input order", got)
	}
}

func TestExtractPublishedFlagAndPretty(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "border.txt")
	if err := os.WriteFile(path, []byte(borderArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	status, stdout, stderr := run(t, "", "extract", "--published", "2016-03-01", "--format", "pretty", path)
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	for _, want := range []string{"border  Russia warns Turkey over border incident", "published 2016-03-01 (from flag)",
		"[boilerplate:photo-credit] Photo by: Reuters", "[boilerplate:advertisement] Advertisement"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("pretty output lacks %q:\n%s", want, stdout)
		}
	}
	if status, _, stderr := run(t, "", "extract", "--published", "1 March", path); status == 0 || !strings.Contains(stderr, "YYYY-MM-DD") {
		t.Errorf("a bad --published was accepted (status %d, %q)", status, stderr)
	}
}

func TestExtractDeterministic(t *testing.T) {
	_, a, _ := run(t, "", "extract", "-j", "1", "../../examples")
	_, b, _ := run(t, "", "extract", "-j", "4", "../../examples")
	if a == "" || a != b {
		t.Errorf("output differs between -j 1 and -j 4 (or is empty)")
	}
}

func TestActorsUnknown(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "border.txt")
	if err := os.WriteFile(path, []byte(borderArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	status, stdout, stderr := run(t, "", "actors", "--unknown", path)
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	if !strings.Contains(stdout, "Dmitri Valkov") {
		t.Errorf("the unknown name is not listed:\n%s", stdout)
	}
	if strings.Contains(stdout, "× Moscow") {
		t.Errorf("a place is listed as an unknown actor:\n%s", stdout)
	}
	status, stdout, _ = run(t, "", "actors", path)
	if status != 0 || !strings.Contains(stdout, "Sergey Lavrov") || !strings.Contains(stdout, "RUSGOV") {
		t.Errorf("actors listing lacks Lavrov (status %d):\n%s", status, stdout)
	}
}

func TestBenchJSON(t *testing.T) {
	status, stdout, stderr := run(t, "", "bench", "-t", "1ms", "-j", "2", "--json", "../../examples")
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	var r benchReport
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("not JSON: %v: %s", err, stdout)
	}
	if r.Articles != 5 || r.Rounds < 1 || r.ArticlesPerS <= 0 || r.ParallelPerS <= 0 || r.HeapMB <= 0 {
		t.Errorf("implausible report: %+v", r)
	}
	var share float64
	for _, s := range r.StageShare {
		share += s
	}
	if share < 0.99 || share > 1.01 {
		t.Errorf("stage shares add up to %.3f, want 1", share)
	}
}

func TestExplain(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "border.txt")
	if err := os.WriteFile(path, []byte(borderArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	status, stdout, stderr := run(t, "", "explain", "--published", "2016-03-01", "--tokens", path)
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	for _, want := range []string{
		"### border  Russia warns Turkey over border incident",
		`actor  "Russian Foreign Minister Sergey Lavrov"`,
		`date   "on Tuesday"`,
		"EVENT  e",
		"trigger \"warned\"",
		"nsubj",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("explain output lacks %q:\n%s", want, stdout)
		}
	}
	if status, _, stderr := run(t, "", "explain", "--doc", "nosuch", path); status == 0 || !strings.Contains(stderr, "nosuch") {
		t.Errorf("an unknown --doc was not reported (status %d, %q)", status, stderr)
	}
}
