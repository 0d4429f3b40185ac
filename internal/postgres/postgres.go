// Package postgres stores analysed articles (dyad.Analysis) in a PostgreSQL
// database and answers the queries of the dyad store interfaces
// (dyad.ArticleStore, dyad.EventStore, dyad.ActorStore, dyad.QuoteStore,
// dyad.SearchStore) over it, with the same rows in the same order as the
// SQLite store (internal/sqlite): events by actor, code, date and place,
// timelines, dyad networks, map points, quotes by and about actors, and
// full-text search.
//
// Several processes may write at once: an article is stored once whatever
// the races (unique indexes on URL and content hash), a batch that loses a
// deadlock or a serialization conflict is retried, and the story index is
// kept under an advisory lock (StoryIndex). The schema is embedded
// (migrations/*.sql), versioned in the table schema_version and brought up
// to date on open under an advisory lock, so concurrent openers are safe.
// Everything dialect-specific stays in this package; docs/STORE.md
// describes the schema and where the adapter differs from SQLite (search
// ranking and snippets).
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlstore"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
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
var ErrSchema = errors.New("postgres: unsupported schema")

//go:embed migrations/*.sql
var migrationFS embed.FS

// Advisory lock keys (pg_advisory_lock takes any bigint; these spell
// "dyadmigr" and "dyadstry" in ASCII, unlikely to collide with another
// application's).
const (
	migrateLock int64 = 0x647961646d696772
	storyLock   int64 = 0x6479616473747279
)

// queries is embedded in DB under an unexported name, so that DB has the
// query methods without exposing the field.
type queries = sqlstore.Queries

// DB is a dyad store in a PostgreSQL database. It is safe for concurrent
// use.
type DB struct {
	*queries // the read queries of the store interfaces
	pool     *pgxpool.Pool
	addr     string

	// Now returns the time recorded as an article's ingestion time; it is
	// time.Now unless a test replaces it.
	Now func() time.Time
}

// Open connects to the database at the URL (postgres://user@host/db?...;
// see pgx for the parameters; search_path selects a schema) and applies any
// migration it lacks.
func Open(ctx context.Context, rawURL string) (*DB, error) {
	return openVersion(ctx, rawURL, 0)
}

// openVersion is Open that brings the schema up to version upTo at most
// (0: the newest), for tests of the migrations.
func openVersion(ctx context.Context, rawURL string, upTo int) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(rawURL)
	if err != nil {
		return nil, fmt.Errorf("postgres: open %s: %w", redact(rawURL), err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: open %s: %w", redact(rawURL), err)
	}
	db := &DB{pool: pool, addr: redact(rawURL), Now: time.Now}
	db.queries = sqlstore.NewQueries(dialect, querier{pool}, db.read)
	if err := db.migrate(ctx, upTo); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", db.addr, err)
	}
	return db, nil
}

// redact returns the URL without its password, for messages.
func redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "postgres://…"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// Close closes the connections.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Addr returns the URL the store was opened with, without its password.
func (db *DB) Addr() string { return db.addr }

// SchemaVersion returns the schema version of the database.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.pool.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v)
	return v, err
}

// migrate applies the migrations the database lacks, each in its own
// transaction together with its version row, holding a session advisory
// lock so that two processes opening a new database at once do not both
// create it: the second waits and finds the work done. A positive upTo
// stops at that version.
func (db *DB) migrate(ctx context.Context, upTo int) error {
	ms, err := sqlstore.Migrations(migrationFS)
	if err != nil {
		return err
	}
	if upTo > 0 && upTo < len(ms) {
		ms = ms[:upTo]
	}
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, migrateLock); err != nil {
		return err
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrateLock)
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version    integer PRIMARY KEY,
		name       text NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return err
	}
	var v int
	if err := conn.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return err
	}
	if v > len(ms) {
		return fmt.Errorf("%w: the database has schema version %d, this dyad knows up to %d", ErrSchema, v, len(ms))
	}
	for _, m := range ms[v:] {
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_version (version, name) VALUES ($1, $2)`, m.Version, m.Name)
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
	}
	return nil
}

// readTx begins a read-only transaction on one snapshot, so that a count
// and the page it counts agree.
func (db *DB) readTx(ctx context.Context) (pgx.Tx, error) {
	return db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
}

// retryable reports whether a transaction failed only because it lost a
// race with another one (serialization failure, deadlock) and can be run
// again.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// maxAttempts is how often a write transaction is tried.
const maxAttempts = 5

// dialect is PostgreSQL's SQL where it differs from SQLite's. Text columns
// are COLLATE "C", so lower() folds ASCII only, like SQLite's NOCASE.
var dialect = &sqlstore.Dialect{
	Name:    "postgres",
	NoLimit: "ALL",
	Fold:    func(expr string) string { return "lower(" + expr + ")" },
	JSON:    "::text",
	Text:    ` COLLATE "C"`,
	// The Monday starting the ISO week.
	Week:            `to_char(date_trunc('week', e.day::date), 'YYYY-MM-DD') COLLATE "C"`,
	JSONArrayLength: "jsonb_array_length",
	Bytes: func(s, start, end string) string {
		return "convert_from(substring(convert_to(" + s + ", 'UTF8') FROM " + start + " + 1 FOR " + end + " - " + start + "), 'UTF8')"
	},
	ArticleMatch: func(q string) (string, any, error) {
		s, err := parseSearch(q)
		if err != nil {
			return "", nil, err
		}
		return "SELECT id FROM articles WHERE fts @@ ?::text::tsquery", s.tsquery, nil
	},
	QuoteMatch: func(q string) (string, any, error) {
		s, err := parseSearch(q)
		if err != nil {
			return "", nil, err
		}
		return "q.fts @@ ?::text::tsquery", s.tsquery, nil
	},
}

// querier runs the queries of sqlstore, numbering their placeholders, on
// the pool or a transaction.
type querier struct {
	q interface {
		Query(context.Context, string, ...any) (pgx.Rows, error)
	}
}

func (q querier) Each(ctx context.Context, query string, args []any, fn func(sqlstore.Scanner) error) error {
	return each(ctx, q.q, sqlstore.Number(query), args, func(r pgx.Rows) error { return fn(r) })
}

// read begins the read-only transaction of a sqlstore query.
func (db *DB) read(ctx context.Context) (sqlstore.Querier, func(), error) {
	tx, err := db.readTx(ctx)
	if err != nil {
		return nil, nil, err
	}
	return querier{tx}, func() { tx.Rollback(ctx) }, nil
}

// each runs a query and calls fn for every row.
func each(ctx context.Context, q interface {
	Query(context.Context, string, ...any) (pgx.Rows, error)
}, query string, args []any, fn func(pgx.Rows) error) error {
	rows, err := q.Query(ctx, query, args...)
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
