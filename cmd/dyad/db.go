package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/sqlite"
	"github.com/dyad-project/dyad/internal/story"
)

// database is a store as the commands use it, whatever the adapter: the
// queries of dyad.Store, a writer that also keeps the story index, and
// Close. openDB picks the adapter from the address.
type database interface {
	dyad.Store
	// Writer returns what ingesting commands store batches with: its
	// PutAnalyses stores a batch like the store's and adds the stored
	// articles to the story index (duplicates, merged events, stories) in
	// the same transaction.
	Writer(ctx context.Context, cfg story.Config) (batchWriter, error)
	// Addr is the address the database was opened with, for messages
	// (a URL's password is not in it).
	Addr() string
	Close() error
}

// batchWriter stores batches of analyses.
type batchWriter interface {
	PutAnalyses(ctx context.Context, as []*dyad.Analysis) (dyad.PutResult, error)
}

// openDB opens the database at addr: a PostgreSQL URL (postgres:// or
// postgresql://) or else the path of a SQLite file. With create false, a
// SQLite file that does not exist is an error, not an empty database:
// commands that only read are given a mistyped path more often than an
// empty store.
func openDB(ctx context.Context, addr string, create bool) (database, error) {
	if isPostgres(addr) {
		return openPostgres(ctx, addr)
	}
	if !create {
		if _, err := os.Stat(addr); err != nil {
			return nil, fmt.Errorf("database: %w", err)
		}
	}
	db, err := sqlite.Open(ctx, addr)
	if err != nil {
		return nil, err
	}
	return sqliteDB{db}, nil
}

// isPostgres reports whether addr is a PostgreSQL URL.
func isPostgres(addr string) bool {
	return strings.HasPrefix(addr, "postgres://") || strings.HasPrefix(addr, "postgresql://")
}

// sqliteDB is a SQLite file as a database.
type sqliteDB struct{ *sqlite.DB }

func (d sqliteDB) Writer(ctx context.Context, cfg story.Config) (batchWriter, error) {
	return d.StoryIndex(ctx, cfg)
}

func (d sqliteDB) Addr() string { return d.Path() }

// openStoring prepares a command that analyses articles and stores them:
// the pipeline built from cfg, the database at addr (a SQLite file is
// created when missing) and the writer that keeps its story index. The
// caller closes the database.
func openStoring(ctx context.Context, addr string, cfg pipeline.Config) (*pipeline.Pipeline, database, batchWriter, error) {
	p, err := pipeline.New(cfg)
	if err != nil {
		return nil, nil, nil, err
	}
	db, err := openDB(ctx, addr, true)
	if err != nil {
		return nil, nil, nil, err
	}
	w, err := db.Writer(ctx, story.DefaultConfig())
	if err != nil {
		db.Close()
		return nil, nil, nil, err
	}
	return p, db, w, nil
}
