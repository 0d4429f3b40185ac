// Package testutil finds the reference material that tests read from
// ../shared at test time, and skips a test with a clear message where it is
// absent.
package testutil

import (
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot returns the directory holding go.mod, found by walking up from the
// working directory of the test.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testutil: no go.mod above the test's directory")
		}
		dir = parent
	}
}

// SharedDir returns the shared reference folder: $DYAD_SHARED when set, else
// ../shared beside the repository. It returns "" when neither exists.
func SharedDir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("DYAD_SHARED"); d != "" {
		if _, err := os.Stat(d); err == nil {
			return d
		}
		return ""
	}
	d := filepath.Join(filepath.Dir(RepoRoot(t)), "shared")
	if _, err := os.Stat(d); err != nil {
		return ""
	}
	return d
}

// Shared returns the path of rel inside the shared folder, or skips the test
// with a message naming what is missing.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	d := SharedDir(t)
	if d == "" {
		t.Skipf("skipping: the shared reference folder (../shared or $DYAD_SHARED) is absent; this test needs %s", rel)
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipping: %s is absent from the shared reference folder", p)
	}
	return p
}
