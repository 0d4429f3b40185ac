package main

import (
	"context"
	"fmt"
	"os"

	"github.com/dyad-project/dyad/internal/sqlite"
)

// openExisting opens a database that 'dyad ingest' wrote. Opening creates a
// missing file, so commands that only read check first: reading a database
// that is not there is a mistake (a mistyped path), not an empty result.
func openExisting(ctx context.Context, path string) (*sqlite.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("database: %w", err)
	}
	return sqlite.Open(ctx, path)
}
