package main

import (
	"context"

	"github.com/dyad-project/dyad/internal/postgres"
	"github.com/dyad-project/dyad/internal/story"
)

// openPostgres opens the PostgreSQL database at url, creating or upgrading
// its schema (several processes may do so at once).
func openPostgres(ctx context.Context, url string) (database, error) {
	db, err := postgres.Open(ctx, url)
	if err != nil {
		return nil, err
	}
	return postgresDB{db}, nil
}

// postgresDB is a PostgreSQL database as a database.
type postgresDB struct{ *postgres.DB }

func (d postgresDB) Writer(ctx context.Context, cfg story.Config) (batchWriter, error) {
	return d.StoryIndex(ctx, cfg)
}
