package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const evalGold = `{"id": "warning", "actors": [{"name": "Sergey Lavrov", "key": "RUS"}, {"name": "Turkey", "key": "TUR"}],
 "quotes": [{"speaker": "Sergey Lavrov", "speaker_key": "RUS", "starts_with": "Turkey will answer for this"}],
 "events": [{"source_key": "RUS", "target_key": "TUR", "cameo_root": "13", "cameo": "130", "date": "2016-03-01"},
  {"source_key": "TUR", "target_key": "RUS", "cameo_root": "04", "cameo": "040", "optional": true}]}`

const evalOutput = `{"doc": "warning", "events": [{"source": {"name": "Sergey Lavrov", "country": "RUS"}, "target": {"name": "Turkey", "country": "TUR"}, "cameo": "130", "root": "13", "mode": "asserted", "date": "2016-03-01"},
{"source": {"country": "RUS"}, "target": {"country": "TUR"}, "cameo": "190", "root": "19", "mode": "hypothetical"}], "quotes": [], "actors": []}
`

const evalArticle = `Russia warns Turkey over border incident

MOSCOW, March 1 (Reuters) - Russian Foreign Minister Sergey Lavrov warned Turkey on Tuesday that it would face consequences after a Russian patrol came under fire near the Syrian border.

"Turkey will answer for this provocation," Lavrov told reporters in Moscow.
`

// evalDir writes a seeds-like folder (gold/ inside), an output file and an
// article, and returns their paths.
func evalDir(t *testing.T) (seeds, out, article string) {
	t.Helper()
	dir := t.TempDir()
	seeds = filepath.Join(dir, "seeds")
	if err := os.MkdirAll(filepath.Join(seeds, "gold"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		filepath.Join(seeds, "gold", "warning.json"): evalGold,
		filepath.Join(dir, "out.jsonl"):              strings.ReplaceAll(evalOutput, "\n{", "{"),
		filepath.Join(dir, "warning.txt"):            evalArticle,
	}
	for p, body := range files {
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return seeds, filepath.Join(dir, "out.jsonl"), filepath.Join(dir, "warning.txt")
}

func runEval(t *testing.T, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	status = m.Run(context.Background(), append([]string{"eval"}, args...))
	return status, out.String(), errb.String()
}

func TestEvalCommand(t *testing.T) {
	seeds, out, _ := evalDir(t)
	wantJSON := `{"root": {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}, ` +
		`"quad": {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}, ` +
		`"dyad": {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}, ` +
		`"date_accuracy": 1.0, "quote_recall": 0.0, "quote_attribution": null, "actor_recall": 1.0, ` +
		`"docs": {"gold": 1, "with_output": 1}}` + "\n"
	tests := []struct {
		name     string
		args     []string
		status   int
		stdout   string // exact, or "" to skip
		contains []string
	}{
		{name: "json, flag first", args: []string{"--json", seeds, out}, stdout: wantJSON},
		{name: "json, flag last, gold folder itself", args: []string{filepath.Join(seeds, "gold"), out, "--json"}, stdout: wantJSON},
		{name: "table", args: []string{seeds, out},
			contains: []string{"root    1.000      1.000   1.000  1   0   0", "quote attribution  n/a", "docs               1"}},
		{name: "per-doc", args: []string{seeds, "--per-doc", out},
			contains: []string{"warning missed: [] extra: []\nevents"}},
		{name: "one argument", args: []string{seeds}, status: 2},
		{name: "three arguments", args: []string{seeds, out, out}, status: 2},
		{name: "save without input", args: []string{"--save", "x.jsonl", seeds, out}, status: 1},
		{name: "missing output file", args: []string{seeds, out + ".missing"}, status: 1},
		{name: "missing gold", args: []string{seeds + ".missing", out}, status: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, stdout, stderr := runEval(t, tc.args...)
			if status != tc.status {
				t.Fatalf("status %d, want %d; stderr: %s", status, tc.status, stderr)
			}
			if tc.stdout != "" && stdout != tc.stdout {
				t.Errorf("stdout:\n%s\nwant:\n%s", stdout, tc.stdout)
			}
			for _, want := range tc.contains {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, stdout)
				}
			}
		})
	}
}

// TestEvalInput checks that scoring the articles directly gives the same
// figures as scoring what `dyad extract` prints for them.
func TestEvalInput(t *testing.T) {
	seeds, _, article := evalDir(t)
	saved := filepath.Join(t.TempDir(), "saved.jsonl")
	status, direct, stderr := runEval(t, seeds, "--input", article, "--json", "--save", saved, "-j", "1")
	if status != 0 {
		t.Fatalf("eval --input: status %d; stderr: %s", status, stderr)
	}
	if !strings.Contains(direct, `"with_output": 1}`) {
		t.Errorf("the article was not scored as the gold's: %s", direct)
	}

	var extracted, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &extracted, Stderr: &errb}
	if st := m.Run(context.Background(), []string{"extract", article}); st != 0 {
		t.Fatalf("extract: status %d; stderr: %s", st, errb.String())
	}
	b, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, extracted.Bytes()) {
		t.Errorf("--save wrote\n%s\nextract printed\n%s", b, extracted.Bytes())
	}
	status, viaFile, stderr := runEval(t, "--json", seeds, saved)
	if status != 0 {
		t.Fatalf("eval on the extract output: status %d; stderr: %s", status, stderr)
	}
	if direct != viaFile {
		t.Errorf("eval --input printed\n%s\neval on the extract output printed\n%s", direct, viaFile)
	}

	status, _, stderr = runEval(t, seeds, "--input", article+".missing")
	if status != 1 || !strings.Contains(stderr, "could not be read") {
		t.Errorf("a missing article: status %d, stderr %q", status, stderr)
	}
}
