package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/storetest"
)

// TestPostgresEndToEnd ingests the examples into PostgreSQL and into a
// SQLite file and requires the same exports from both; a second ingest
// stores nothing new.
func TestPostgresEndToEnd(t *testing.T) {
	url := storetest.PostgresURL(t)
	file := filepath.Join(t.TempDir(), "dyad.db")
	examples := filepath.Join("..", "..", "examples")
	for _, db := range []string{url, file} {
		if status, _, stderr := run(t, "", "ingest", "--db", db, examples); status != 0 {
			t.Fatalf("ingest --db %s: status %d\n%s", db, status, stderr)
		}
	}
	status, _, stderr := run(t, "", "ingest", "--db", url, examples)
	if status != 0 {
		t.Fatalf("second ingest: status %d\n%s", status, stderr)
	}
	for _, format := range []string{"jsonl", "csv", "gdelt"} {
		_, want, werr := run(t, "", "export", "--db", file, "--format", format)
		status, got, gerr := run(t, "", "export", "--db", url, "--format", format)
		if status != 0 {
			t.Fatalf("export --format %s: status %d\n%s", format, status, gerr)
		}
		if strings.Count(want, "\n") < 5 {
			t.Fatalf("export --format %s from SQLite has too few lines:\n%s\n%s", format, want, werr)
		}
		if got != want {
			t.Errorf("export --format %s differs between PostgreSQL and SQLite:\n%s\nSQLite:\n%s", format, got, want)
		}
	}
}
