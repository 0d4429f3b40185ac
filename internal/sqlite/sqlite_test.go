package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlite"
)

func TestOpenTwiceKeepsSchemaAndData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	v1, err := db.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v1 < 1 {
		t.Fatalf("schema version %d after open, want at least 1", v1)
	}
	if _, err := db.PutAnalyses(ctx, fixture()); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("second open: %v", err)
	}
	defer db.Close()
	v2, err := db.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v2 != v1 {
		t.Errorf("schema version %d after the second open, want %d", v2, v1)
	}
	_, total, err := db.FindEvents(ctx, dyad.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if total != 9 {
		t.Errorf("%d events after reopening, want 9", total)
	}
}

func TestOpenSettings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	// Inspect the file with a plain connection: WAL is a property of the
	// file, FTS5 of the linked SQLite.
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var mode string
	if err := raw.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	var fts int
	if err := raw.QueryRow("SELECT sqlite_compileoption_used('ENABLE_FTS5')").Scan(&fts); err != nil {
		t.Fatal(err)
	}
	if fts != 1 {
		t.Error("SQLite was built without FTS5")
	}
	var n int
	if err := raw.QueryRow("SELECT count(*) FROM sqlite_master WHERE name IN ('articles_fts', 'quotes_fts')").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("%d full-text tables, want 2", n)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	_, err = sqlite.Open(ctx, path)
	if !errors.Is(err, sqlite.ErrSchema) {
		t.Fatalf("open of a newer schema: %v, want ErrSchema", err)
	}
}

func TestOpenBadPath(t *testing.T) {
	tests := []struct {
		name, path, want string
	}{
		{"empty", "", "want the name of a file"},
		{"query", "a.db?mode=ro", "want the name of a file"},
		{"memory", ":memory:", "want the name of a file"},
		{"missing directory", filepath.Join(t.TempDir(), "no", "such", "dir", "x.db"), "x.db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := sqlite.Open(context.Background(), tt.path)
			if err == nil {
				db.Close()
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
		})
	}
}

// TestOpenConcurrently opens one new file from several stores at once, as
// workers starting together do: every open succeeds and migrates once.
func TestOpenConcurrently(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dyad.db")
	const n = 32
	errs := make(chan error, n)
	dbs := make(chan *sqlite.DB, n)
	for range n {
		go func() {
			db, err := sqlite.Open(context.Background(), path)
			errs <- err
			dbs <- db
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Error(err)
		}
		if db := <-dbs; db != nil {
			v, err := db.SchemaVersion(context.Background())
			if err != nil || v == 0 {
				t.Errorf("schema version %d, %v", v, err)
			}
			db.Close()
		}
	}
}
