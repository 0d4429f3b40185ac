package main

import (
	"context"
	"errors"
)

// openPostgres opens a PostgreSQL database. The adapter is not built yet.
func openPostgres(ctx context.Context, url string) (database, error) {
	return nil, errors.New("database: PostgreSQL is not supported by this build")
}
