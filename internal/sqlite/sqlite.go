// Package sqlite stores analysed articles (dyad.Analysis) in an SQLite file
// and answers the queries of the dyad store interfaces (dyad.ArticleStore,
// dyad.EventStore, dyad.ActorStore, dyad.QuoteStore, dyad.SearchStore) over
// it: events by actor, code, date and place, timelines, dyad networks, map
// points, quotes by and about actors, and full-text search (FTS5).
//
// The database is a single file in WAL mode, so one process can write while
// others read. The schema is embedded (migrations/*.sql), versioned by
// PRAGMA user_version and brought up to date when the file is opened.
// Everything dialect-specific (FTS5 syntax, date arithmetic, NULL ordering)
// stays in this package; docs/STORE.md describes the schema.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlstore"

	"modernc.org/sqlite" // the pure-Go driver, registered as "sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// The interfaces DB implements.
var (
	_ dyad.ArticleStore = (*DB)(nil)
	_ dyad.EventStore   = (*DB)(nil)
	_ dyad.ActorStore   = (*DB)(nil)
	_ dyad.QuoteStore   = (*DB)(nil)
	_ dyad.SearchStore  = (*DB)(nil)
	_ dyad.StoryStore   = (*DB)(nil)
	_ dyad.Store        = (*DB)(nil)
)

// ErrSchema reports a database this version of dyad cannot use: one whose
// schema is newer than the migrations it knows.
var ErrSchema = errors.New("sqlite: unsupported schema")

//go:embed migrations/*.sql
var migrationFS embed.FS

// queries is embedded in DB under an unexported name, so that DB has the
// query methods without exposing the field.
type queries = sqlstore.Queries

// busyTimeout is how long a statement waits for another connection's lock
// (another ingest writing the same file) before failing.
const busyTimeout = 30 * time.Second

// DB is a dyad store in one SQLite file. It is safe for concurrent use.
type DB struct {
	*queries // the read queries of the store interfaces
	db       *sql.DB
	path     string

	// Now returns the time recorded as an article's ingestion time; it is
	// time.Now unless a test replaces it.
	Now func() time.Time
}

// Open opens the store at path, creating the file if needed, and applies
// any migration the file lacks.
func Open(ctx context.Context, path string) (*DB, error) {
	return openVersion(ctx, path, 0)
}

// openVersion is Open that brings the schema up to version upTo at most
// (0: the newest), for tests of the migrations.
func openVersion(ctx context.Context, path string, upTo int) (*DB, error) {
	if path == "" || strings.ContainsAny(path, "?#") || strings.HasPrefix(path, "file:") || path == ":memory:" {
		return nil, fmt.Errorf("sqlite: open %q: want the name of a file without '?' or '#'", path)
	}
	// Every connection of the pool gets the same settings: WAL, so readers
	// never block the writer; a busy timeout, so two writers queue instead
	// of failing; foreign keys; and BEGIN IMMEDIATE for write transactions,
	// so a transaction that will write takes the lock before reading and
	// cannot deadlock with another.
	dsn := path + "?_pragma=busy_timeout(" + strconv.Itoa(int(busyTimeout.Milliseconds())) + ")" +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_txlock=immediate"
	sdb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db := &DB{db: sdb, path: path, Now: time.Now}
	db.queries = sqlstore.NewQueries(dialect, querier{sdb}, db.read)
	// Switching a new file to WAL needs the file to itself, and SQLite
	// reports a concurrent opener (another worker starting at the same
	// moment) as busy without waiting: such an open is tried again.
	for try := 1; ; try++ {
		err = db.migrate(ctx, upTo)
		if err == nil {
			break
		}
		if !isBusy(err) || try == openTries {
			sdb.Close()
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		select {
		case <-time.After(time.Duration(try) * 50 * time.Millisecond):
		case <-ctx.Done():
			sdb.Close()
			return nil, fmt.Errorf("sqlite: open %s: %w", path, ctx.Err())
		}
	}
	return db, nil
}

// openTries is how many times Open tries a database another process is
// setting up.
const openTries = 10

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code()&0xff == sqlite3.SQLITE_BUSY
	}
	return false
}

// Close closes the database.
func (db *DB) Close() error { return db.db.Close() }

// Path returns the file the store was opened from.
func (db *DB) Path() string { return db.path }

// SchemaVersion returns the schema version of the open database.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// migrate applies the migrations the database lacks, each in its own
// transaction together with the version bump, so a process killed during
// a migration leaves the previous version intact. Two processes opening a
// new file at once are serialised by the write lock; the second finds the
// work done. A positive upTo stops at that version.
func (db *DB) migrate(ctx context.Context, upTo int) error {
	ms, err := sqlstore.Migrations(migrationFS)
	if err != nil {
		return err
	}
	if upTo > 0 && upTo < len(ms) {
		ms = ms[:upTo]
	}
	for {
		done, err := db.migrateOne(ctx, ms)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next migration, or reports that there is none.
func (db *DB) migrateOne(ctx context.Context, ms []sqlstore.Migration) (done bool, err error) {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, err
	}
	if v > len(ms) {
		return false, fmt.Errorf("%w: the database has schema version %d, this dyad knows up to %d", ErrSchema, v, len(ms))
	}
	if v == len(ms) {
		return true, nil
	}
	m := ms[v]
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.Name, err)
	}
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(m.Version)); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.Name, err)
	}
	return false, tx.Commit()
}

// readTx begins a read-only transaction, so that a count and the page it
// counts see the same snapshot.
func (db *DB) readTx(ctx context.Context) (*sql.Tx, error) {
	return db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
}

// dialect is SQLite's SQL where it differs from PostgreSQL's.
var dialect = &sqlstore.Dialect{
	Name:    "sqlite",
	NoLimit: "-1",
	Fold:    func(expr string) string { return expr + " COLLATE NOCASE" },
	JSON:    "",
	Text:    "",
	// The Monday on or before the day.
	Week:            "date(e.day, '-6 days', 'weekday 1')",
	JSONArrayLength: "json_array_length",
	Bytes: func(s, start, end string) string {
		return "CAST(substr(CAST(" + s + " AS BLOB), " + start + " + 1, " + end + " - " + start + ") AS TEXT)"
	},
	ArticleMatch: func(q string) (string, any, error) {
		m, err := ftsMatch(q)
		return "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", m, err
	},
	QuoteMatch: func(q string) (string, any, error) {
		m, err := ftsMatch(q)
		return "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", m, err
	},
}

// querier runs the queries of sqlstore on a connection pool or a
// transaction.
type querier struct {
	q interface {
		QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	}
}

func (q querier) Each(ctx context.Context, query string, args []any, fn func(sqlstore.Scanner) error) error {
	return each(ctx, q.q, query, args, func(r *sql.Rows) error { return fn(r) })
}

// each runs a query and calls fn for every row.
func each(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// read begins the read-only transaction of a sqlstore query.
func (db *DB) read(ctx context.Context) (sqlstore.Querier, func(), error) {
	tx, err := db.readTx(ctx)
	if err != nil {
		return nil, nil, err
	}
	return querier{tx}, func() { tx.Rollback() }, nil
}
