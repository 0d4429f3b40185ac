package dyad_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestNoticeCreditsEveryModule checks that NOTICE names every Go module the
// build and the tests use, so a new dependency cannot land uncredited.
func TestNoticeCreditsEveryModule(t *testing.T) {
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goBin); err != nil {
		if goBin, err = exec.LookPath("go"); err != nil {
			t.Skip("no go command to list the modules with")
		}
	}
	out, err := exec.Command(goBin, "list", "-deps", "-test",
		"-f", "{{with .Module}}{{if not .Main}}{{.Path}}{{end}}{{end}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	notice, err := os.ReadFile("NOTICE")
	if err != nil {
		t.Fatal(err)
	}
	credited := map[string]bool{}
	for _, line := range strings.Split(string(notice), "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			credited[f[0]] = true
		}
	}
	seen := map[string]bool{}
	for _, m := range strings.Fields(string(out)) {
		if !seen[m] && !credited[m] {
			t.Errorf("NOTICE does not credit the module %s (a line starting with its path)", m)
		}
		seen[m] = true
	}
}
