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
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-project/dyad"

	_ "modernc.org/sqlite" // the pure-Go driver, registered as "sqlite"
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
var ErrSchema = errors.New("sqlite: unsupported schema")

//go:embed migrations/*.sql
var migrationFS embed.FS

// busyTimeout is how long a statement waits for another connection's lock
// (another ingest writing the same file) before failing.
const busyTimeout = 30 * time.Second

// DB is a dyad store in one SQLite file. It is safe for concurrent use.
type DB struct {
	db   *sql.DB
	path string

	// Now returns the time recorded as an article's ingestion time; it is
	// time.Now unless a test replaces it.
	Now func() time.Time
}

// Open opens the store at path, creating the file if needed, and applies
// any migration the file lacks.
func Open(ctx context.Context, path string) (*DB, error) {
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
	if err := db.migrate(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return db, nil
}

// Close closes the database.
func (db *DB) Close() error { return db.db.Close() }

// Path returns the file the store was opened from.
func (db *DB) Path() string { return db.path }

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
// work done.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	for {
		done, err := db.migrateOne(ctx, ms)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next migration, or reports that there is none.
func (db *DB) migrateOne(ctx context.Context, ms []migration) (done bool, err error) {
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
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(m.version)); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	return false, tx.Commit()
}

// readTx begins a read-only transaction, so that a count and the page it
// counts see the same snapshot.
func (db *DB) readTx(ctx context.Context) (*sql.Tx, error) {
	return db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
}

// where collects the conditions of a WHERE clause and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// String returns " WHERE c1 AND c2 ...", or "" without conditions.
func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
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

// actor adds the condition that the actor whose columns are named
// prefix+"name" and prefix+"code" matches the actor value v (see
// dyad.EventFilter).
func (w *where) actor(prefix, v string) {
	if dyad.ActorValueIsCode(v) {
		lo, hi := prefixRange(v)
		w.add("("+prefix+"name = ? COLLATE NOCASE OR ("+prefix+"code >= ? AND "+prefix+"code < ?))", v, lo, hi)
		return
	}
	w.add(prefix+"name = ? COLLATE NOCASE", v)
}

// limitClause returns the LIMIT/OFFSET clause of a page.
func limitClause(p dyad.Page) string {
	switch {
	case p.Limit > 0:
		return " LIMIT " + strconv.Itoa(p.Limit) + " OFFSET " + strconv.Itoa(p.Offset)
	case p.Offset > 0:
		return " LIMIT -1 OFFSET " + strconv.Itoa(p.Offset)
	}
	return ""
}

// round2 rounds a mean to two decimals, so that aggregates print the same
// whatever order the database summed in.
func round2(x float64) float64 {
	if x < 0 {
		return -float64(int64(-x*100+0.5)) / 100
	}
	return float64(int64(x*100+0.5)) / 100
}
