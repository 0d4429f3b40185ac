package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"sort"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlite"
	"github.com/dyad-project/dyad/internal/storetest"
	"github.com/dyad-project/dyad/internal/story"
	"github.com/jackc/pgx/v5"
)

// benchStores returns the story index writers and stores the benchmarks
// compare: PostgreSQL and a SQLite file.
func benchStores(b *testing.B) map[string]struct {
	w storetest.Putter
	s dyad.Store
} {
	ctx := context.Background()
	pg := open(b, storetest.PostgresURL(b))
	pw, err := pg.StoryIndex(ctx, story.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	lite, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { lite.Close() })
	lw, err := lite.StoryIndex(ctx, story.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	return map[string]struct {
		w storetest.Putter
		s dyad.Store
	}{"postgres": {pw, pg}, "sqlite": {lw, lite}}
}

// copies returns n analyses: the corpus over and over, each copy with its
// own text and URL, so that none is a duplicate.
func copies(as []*dyad.Analysis, n, from int) []*dyad.Analysis {
	out := make([]*dyad.Analysis, n)
	for i := range out {
		a := *as[(from+i)%len(as)]
		a.Text += fmt.Sprintf("\n\nCopy %d.", from+i)
		if a.URL != "" {
			a.URL += fmt.Sprintf("?copy=%d", from+i)
		}
		out[i] = &a
	}
	return out
}

// BenchmarkPutAnalyses stores batches of 16 analyses with their story
// index, in PostgreSQL and in SQLite.
func BenchmarkPutAnalyses(b *testing.B) {
	as := storetest.Corpus(b)
	for name, st := range benchStores(b) {
		b.Run(name, func(b *testing.B) {
			const batch = 16
			n := 0
			for b.Loop() {
				if _, err := st.w.PutAnalyses(context.Background(), copies(as, batch, n)); err != nil {
					b.Fatal(err)
				}
				n += batch
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkFindEvents runs a filtered, sorted page of events over 500
// stored articles.
func BenchmarkFindEvents(b *testing.B) {
	as := storetest.Corpus(b)
	for name, st := range benchStores(b) {
		for i := 0; i < 500; i += 50 {
			if _, err := st.w.PutAnalyses(context.Background(), copies(as, 50, i)); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(name, func(b *testing.B) {
			f := dyad.EventFilter{Actor: "RUS", From: "2015-01-01", Sort: dyad.SortDateDesc, Page: dyad.Page{Limit: 20}}
			for b.Loop() {
				if _, _, err := st.s.FindEvents(context.Background(), f); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
		})
	}
}

// BenchmarkSize stores 500 articles with their story index in PostgreSQL
// and in SQLite and reports the space they take per article: every table
// and index of the schema (PostgreSQL), the pages of every table and
// index of the file (SQLite, dbstat after a checkpoint). The largest are
// logged (-v).
func BenchmarkSize(b *testing.B) {
	ctx := context.Background()
	as := storetest.Corpus(b)
	const n = 500
	type store struct {
		w     storetest.Putter
		sizes func() (map[string]int64, error)
	}
	stores := map[string]func(b *testing.B) store{
		"postgres": func(b *testing.B) store {
			url := storetest.PostgresURL(b)
			db := open(b, url)
			w, err := db.StoryIndex(ctx, story.DefaultConfig())
			if err != nil {
				b.Fatal(err)
			}
			conn, err := pgx.Connect(ctx, url)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { conn.Close(ctx) })
			return store{w, func() (map[string]int64, error) {
				return sizes(func(q string) (scanRows, error) { return conn.Query(ctx, q) },
					`SELECT c.relname, pg_table_size(c.oid) FROM pg_class c
					WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'i')`)
			}}
		},
		"sqlite": func(b *testing.B) store {
			path := filepath.Join(b.TempDir(), "size.db")
			db, err := sqlite.Open(ctx, path)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { db.Close() })
			w, err := db.StoryIndex(ctx, story.DefaultConfig())
			if err != nil {
				b.Fatal(err)
			}
			raw, err := sql.Open("sqlite", path)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { raw.Close() })
			return store{w, func() (map[string]int64, error) {
				if _, err := raw.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
					return nil, err
				}
				return sizes(func(q string) (scanRows, error) {
					rows, err := raw.QueryContext(ctx, q)
					return sqlRows{rows}, err
				},
					`SELECT name, sum(pgsize) FROM dbstat GROUP BY name`)
			}}
		},
	}
	for _, name := range []string{"postgres", "sqlite"} {
		b.Run(name, func(b *testing.B) {
			st := stores[name](b)
			for i := 0; i < n; i += 50 {
				if _, err := st.w.PutAnalyses(ctx, copies(as, 50, i)); err != nil {
					b.Fatal(err)
				}
			}
			var m map[string]int64
			var err error
			for b.Loop() {
				if m, err = st.sizes(); err != nil {
					b.Fatal(err)
				}
			}
			var total int64
			names := make([]string, 0, len(m))
			for k, v := range m {
				total += v
				names = append(names, k)
			}
			sort.Slice(names, func(i, j int) bool {
				return m[names[i]] > m[names[j]] || m[names[i]] == m[names[j]] && names[i] < names[j]
			})
			for _, k := range names[:min(len(names), 14)] {
				b.Logf("%-26s %7.1f KB", k, float64(m[k])/1024)
			}
			b.ReportMetric(float64(total)/1024/n, "KB/article")
		})
	}
}

// scanRows is what both drivers' rows have in common.
type scanRows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// sqlRows adapts *sql.Rows to scanRows.
type sqlRows struct{ *sql.Rows }

func (r sqlRows) Close() { r.Rows.Close() }

// sizes runs a query of (name, bytes) rows.
func sizes(query func(string) (scanRows, error), q string) (map[string]int64, error) {
	rows, err := query(q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]int64{}
	for rows.Next() {
		var k string
		var v int64
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		m[k] = v
	}
	return m, rows.Err()
}
