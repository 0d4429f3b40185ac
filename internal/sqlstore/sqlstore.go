// Package sqlstore holds the SQL the two dyad stores share: it turns the
// filters of the store interfaces (dyad.EventFilter, dyad.QuoteFilter,
// dyad.ActorFilter, dyad.MergedEventFilter, dyad.StoryFilter) into WHERE,
// ORDER BY and LIMIT clauses over the common schema, runs the queries
// through a Querier and scans the rows into the root types (dyad.StoredEvent,
// dyad.StoredQuote, dyad.StoredArticle, dyad.MergedEvent, story states).
//
// The adapters (internal/sqlite, internal/postgres) keep what really
// differs: the connection and its transactions, the schema files, the
// writes, full-text search and locking. What differs inside a query (case
// folding, JSON columns, week arithmetic, the full-text match) is a
// Dialect. Queries are written with ? placeholders; a Querier for a
// database that numbers them rewrites them (Number).
package sqlstore

import (
	"context"
	"strconv"
	"strings"

	"github.com/dyad-project/dyad"
)

// Scanner is the row being read: *sql.Rows and pgx.Rows are Scanners.
// Nullable columns are scanned into pointers (**string, **int...), which
// both drivers set to nil for NULL.
type Scanner interface {
	Scan(dest ...any) error
}

// Querier runs a query with ? placeholders and calls fn for every row, in
// order; fn's error stops the query and is returned. An adapter wraps its
// transactions and its connection pool in one.
type Querier interface {
	Each(ctx context.Context, query string, args []any, fn func(Scanner) error) error
}

// Dialect is what differs between the SQL of two databases over the same
// schema.
type Dialect struct {
	// Name prefixes error messages: "sqlite", "postgres".
	Name string
	// NoLimit is the LIMIT of a page with an offset and no limit: "-1" in
	// SQLite, "ALL" in PostgreSQL.
	NoLimit string
	// Fold returns expr compared, grouped and sorted ignoring ASCII case;
	// the value it is compared with is folded first (ASCIILower).
	Fold func(expr string) string
	// JSON is appended to a JSON column read as text ("::text").
	JSON string
	// Text is appended to a computed text column so that it sorts
	// byte-wise (` COLLATE "C"`).
	Text string
	// JSONArrayLength is the function that counts a JSON array's elements.
	JSONArrayLength string
	// Week is the Monday (YYYY-MM-DD) of the week of the day e.day.
	Week string
	// Bytes returns the text of the bytes [start, end) of the text
	// expression s (byte offsets, as every offset of dyad).
	Bytes func(s, start, end string) string
	// ArticleMatch returns a query selecting the IDs of the articles that
	// match a search query, and its argument; QuoteMatch a condition on
	// quotes q. A query without a positive word is dyad.ErrInvalid.
	ArticleMatch func(query string) (ids string, arg any, err error)
	QuoteMatch   func(query string) (cond string, arg any, err error)
}

// Where collects the conditions of a WHERE clause and their arguments.
type Where struct {
	Conds []string
	Args  []any
}

// Add adds a condition with ? placeholders and their arguments.
func (w *Where) Add(cond string, args ...any) {
	w.Conds = append(w.Conds, cond)
	w.Args = append(w.Args, args...)
}

// String returns " WHERE c1 AND c2 ...", or "" without conditions.
func (w *Where) String() string {
	if len(w.Conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.Conds, " AND ")
}

// Actor adds the condition that the actor whose columns are named
// prefix+"name" and prefix+"code" matches the actor value v (see
// dyad.EventFilter): the name ignoring ASCII case or, for a value in
// capitals, a code prefix too.
func (d *Dialect) Actor(w *Where, prefix, v string) {
	c, args := d.actorCond(prefix, v)
	w.Add(c, args...)
}

func (d *Dialect) actorCond(prefix, v string) (string, []any) {
	name := d.Fold(prefix+"name") + " = ?"
	if dyad.ActorValueIsCode(v) {
		lo, hi := PrefixRange(v)
		return "(" + name + " OR (" + prefix + "code >= ? AND " + prefix + "code < ?))", []any{ASCIILower(v), lo, hi}
	}
	return name, []any{ASCIILower(v)}
}

// KeyPrefix adds the condition that one of the columns cols starts with v.
func (w *Where) KeyPrefix(v string, cols ...string) {
	lo, hi := PrefixRange(v)
	cond := "("
	for i, c := range cols {
		if i > 0 {
			cond += " OR "
		}
		cond += "(" + c + " >= ? AND " + c + " < ?)"
		w.Args = append(w.Args, lo, hi)
	}
	w.Conds = append(w.Conds, cond+")")
}

// PrefixRange returns the bounds [lo, hi) of the strings that start with p,
// for an index-friendly prefix match without LIKE's wildcards.
func PrefixRange(p string) (lo, hi string) {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return p, string(b[:i+1])
		}
	}
	return p, "\U0010FFFF\U0010FFFF"
}

// ASCIILower lower-cases ASCII letters only, as SQLite's NOCASE does and as
// PostgreSQL's lower() does under COLLATE "C".
func ASCIILower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// Limit returns the LIMIT/OFFSET clause of a page.
func (d *Dialect) Limit(p dyad.Page) string {
	s := ""
	switch {
	case p.Limit > 0:
		s = " LIMIT " + strconv.Itoa(p.Limit)
	case p.Offset > 0:
		s = " LIMIT " + d.NoLimit
	}
	if p.Offset > 0 {
		s += " OFFSET " + strconv.Itoa(p.Offset)
	}
	return s
}

// Number replaces each ? of a query with $1, $2, ... (the queries of the
// stores hold no ? in literals or operators).
func Number(q string) string {
	if strings.IndexByte(q, '?') < 0 {
		return q
	}
	n := 1
	var b strings.Builder
	b.Grow(len(q) + 16)
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			n++
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// Round2 rounds a mean to two decimals, halves away from zero, so that
// aggregates print the same whatever order the database summed in. A mean
// that is a half in decimal (-2.775) comes out of a float sum a hair
// above or below it depending on the order; roundSlack counts it as the
// half.
func Round2(x float64) float64 {
	if x < 0 {
		return -float64(int64(-x*100+0.5+roundSlack)) / 100
	}
	return float64(int64(x*100+0.5+roundSlack)) / 100
}

// roundSlack is far above the rounding error of a sum of Goldstein values
// (about 1e-13 of a hundredth for millions of events) and far below the
// hundredth Round2 keeps.
const roundSlack = 1e-7

// deref returns *p, or the zero value for nil.
func deref[T any](p *T) T {
	var z T
	if p == nil {
		return z
	}
	return *p
}

// NonNil returns s, or an empty slice for nil (a JSON [] rather than null).
func NonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// count runs a query returning one number.
func count(ctx context.Context, q Querier, query string, args []any) (int, error) {
	var n int
	err := q.Each(ctx, query, args, func(r Scanner) error { return r.Scan(&n) })
	return n, err
}
