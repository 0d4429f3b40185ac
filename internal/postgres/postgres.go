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
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-project/dyad"
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

// DB is a dyad store in a PostgreSQL database. It is safe for concurrent
// use.
type DB struct {
	pool *pgxpool.Pool
	addr string

	// Now returns the time recorded as an article's ingestion time; it is
	// time.Now unless a test replaces it.
	Now func() time.Time
}

// Open connects to the database at the URL (postgres://user@host/db?...;
// see pgx for the parameters; search_path selects a schema) and applies any
// migration it lacks.
func Open(ctx context.Context, rawURL string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(rawURL)
	if err != nil {
		return nil, fmt.Errorf("postgres: open %s: %w", redact(rawURL), err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: open %s: %w", redact(rawURL), err)
	}
	db := &DB{pool: pool, addr: redact(rawURL), Now: time.Now}
	if err := db.migrate(ctx); err != nil {
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

// migration is one embedded schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in version order. Their names
// start with the version they bring the schema to: 0001_init.sql.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := path.Base(n)
		num, _, _ := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if err != nil || v < 1 {
			return nil, fmt.Errorf("migration %s: name does not start with a version number", base)
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected version %d", m.name, i+1)
		}
	}
	return ms, nil
}

// SchemaVersion returns the schema version of the database.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.pool.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v)
	return v, err
}

// migrate applies the migrations the database lacks, each in its own
// transaction together with its version row, holding a session advisory
// lock so that two processes opening a new database at once do not both
// create it: the second waits and finds the work done.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
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
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_version (version, name) VALUES ($1, $2)`, m.version, m.name)
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
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

// where collects the conditions of a WHERE clause and their arguments. A
// condition marks its arguments with ?, numbered $1, $2... by String.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// String returns " WHERE c1 AND c2 ...", or "" without conditions; the
// query it goes into is passed through bind before it runs.
func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// bind replaces each ? in q with $1, $2, ... (the queries of this package
// hold no ? in literals or operators).
func bind(q string) string {
	n := 1
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			b.WriteString("$" + strconv.Itoa(n))
			n++
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// asciiLower lower-cases ASCII letters only, as SQLite's NOCASE does and as
// lower() does on the columns of this schema (COLLATE "C").
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// prefixRange returns the bounds [lo, hi) of the strings that start with p,
// for an index-friendly prefix match without LIKE's wildcards.
func prefixRange(p string) (lo, hi string) {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return p, string(b[:i+1])
		}
	}
	return p, "\U0010FFFF\U0010FFFF"
}

// actorCond returns the condition that the actor whose columns are named
// prefix+"name" and prefix+"code" matches the actor value v (see
// dyad.EventFilter), and its arguments.
func actorCond(prefix, v string) (string, []any) {
	if dyad.ActorValueIsCode(v) {
		lo, hi := prefixRange(v)
		return "(lower(" + prefix + "name) = ? OR (" + prefix + "code >= ? AND " + prefix + "code < ?))",
			[]any{asciiLower(v), lo, hi}
	}
	return "lower(" + prefix + "name) = ?", []any{asciiLower(v)}
}

func (w *where) actor(prefix, v string) {
	c, args := actorCond(prefix, v)
	w.add(c, args...)
}

// limitClause returns the LIMIT/OFFSET clause of a page.
func limitClause(p dyad.Page) string {
	s := ""
	if p.Limit > 0 {
		s = " LIMIT " + strconv.Itoa(p.Limit)
	}
	if p.Offset > 0 {
		s += " OFFSET " + strconv.Itoa(p.Offset)
	}
	return s
}

// round2 rounds a mean to two decimals, so that aggregates print the same
// whatever order the database summed in.
func round2(x float64) float64 {
	if x < 0 {
		return -float64(int64(-x*100+0.5)) / 100
	}
	return float64(int64(x*100+0.5)) / 100
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
