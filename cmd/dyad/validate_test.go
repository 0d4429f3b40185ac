package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/validate"
)

// validateFiles is a small TABARI-format suite with its own dictionaries.
var validateFiles = map[string]string{
	"Mini.project": "Mini suite\n<actorsfile> Mini.actors\n<verbsfile> Mini.verbs\n<agentsfile> Mini.agents\n<textfile> Mini.text\n",
	"Mini.actors":  "RIVENDELL_ [RIV]\nTHE_SHIRE_ [SHI]\nBREE_ [BRE]\nGLORP [G7]\n",
	"Mini.agents":  "SOLDIERS_ [~MIL]\n",
	"Mini.verbs":   "ACCUS [112]\nPRAIS [041]\n",
	"Mini.text": `990101  MINI-01
Rivendell accused the Shire of hoarding grain on Monday.
/*\n{ RIV / SHI / 112 } */

990102  MINI-02
Bree praised Rivendell on Tuesday for its help with the harvest.
/*\n{ BRE / RIV / 041 } */

990103  MINI-03
Bree praised Rivendell on Tuesday for its help with the harvest.
/*\n{ BRE / SHI / 041 } */

990104  MINI-04
The weather was fine in Bree all through the long summer.
/*\n{---} */
`,
}

func TestValidateCommand(t *testing.T) {
	dir := t.TempDir()
	for name, body := range validateFiles {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	if st := m.Run(context.Background(), []string{"validate", "--suite", "tabari", filepath.Join(dir, "Mini.text")}); st != 0 {
		t.Fatalf("status %d: %s", st, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 5 {
		t.Fatalf("got %d lines, want 4 records and a summary:\n%s", len(lines), out.String())
	}
	wantStart := []string{"PASS MINI-01", "PASS MINI-02", "FAIL MINI-03  expected [BRE / SHI / 041]  got [BRE / RIV / 041]", "PASS MINI-04"}
	for i, w := range wantStart {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want it to start with %q", i, lines[i], w)
		}
	}
	var sum validate.Summary
	if err := json.Unmarshal([]byte(lines[4]), &sum); err != nil {
		t.Fatal(err)
	}
	if sum != (validate.Summary{Suite: "tabari", Records: 4, Passed: 3, Rate: 0.75}) {
		t.Errorf("summary = %+v", sum)
	}
	// The bad actor code is reported with its file and line, and skipped.
	if !strings.Contains(errb.String(), "Mini.actors:4:") {
		t.Errorf("stderr does not report Mini.actors:4: %s", errb.String())
	}
}

func TestValidateUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"no file", []string{"validate", "--suite", "tabari"}, 2},
		{"no suite", []string{"validate", "x.text"}, 2},
		{"unknown suite", []string{"validate", "--suite", "keds", "x.text"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
			if st := m.Run(context.Background(), tt.args); st != tt.want {
				t.Errorf("status %d, want %d: %s", st, tt.want, errb.String())
			}
		})
	}
}

func TestExtractDictFormat(t *testing.T) {
	dir := t.TempDir()
	for name, body := range validateFiles {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Extract leaves out actors without a country by default, so these
	// dictionaries use country codes.
	// The bad code line makes a strict load fail, naming file and line.
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	art := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(art, []byte("Bree praises Rivendell\n\nBree praised Rivendell on Tuesday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if st := m.Run(context.Background(), []string{"extract", "--dict-format", "tabari", "--dict", dir, art}); st == 0 ||
		!strings.Contains(errb.String(), "Mini.actors:4:") {
		t.Fatalf("status %d, stderr %s: want a failure naming Mini.actors:4", st, errb.String())
	}
	if err := os.WriteFile(filepath.Join(dir, "Mini.actors"), []byte("RIVENDELL_ [NOR]\nBREE_ [SWE]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errb.Reset()
	if st := m.Run(context.Background(), []string{"extract", "--dict-format", "tabari", "--dict", dir, art}); st != 0 {
		t.Fatalf("status %d: %s", st, errb.String())
	}
	if !strings.Contains(out.String(), `"cameo":"041"`) {
		t.Errorf("no praise event coded with the TABARI dictionaries:\n%s", out.String())
	}
}
