package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlstore"
	"github.com/jackc/pgx/v5"
)

// Search returns one page of matching articles and quotes and their number
// (see dyad.SearchStore). With a query, hits are ranked by ts_rank over the
// stems (not by FTS5's BM25: the set of hits is the SQLite store's, their
// order among different ranks may differ; docs/STORE.md), and the snippets
// are made in Go (fts.go).
func (db *DB) Search(ctx context.Context, f dyad.SearchFilter) ([]dyad.SearchHit, int, error) {
	if err := f.Validate(); err != nil {
		return nil, 0, err
	}
	var s *search
	if strings.TrimSpace(f.Query) != "" {
		var err error
		if s, err = parseSearch(f.Query); err != nil {
			return nil, 0, err
		}
	}
	var parts []string
	var args []any
	if f.Kind != dyad.HitQuote {
		w := &sqlstore.Where{}
		src, rank := "substr(a.text, 1, 400)", "0::real"
		if s != nil {
			w.Add("a.fts @@ ?::text::tsquery", s.tsquery)
			src, rank = "a.text", "ts_rank(a.fts, ?::text::tsquery)"
			args = append(args, s.tsquery)
		}
		if f.Actor != "" {
			var m sqlstore.Where
			dialect.Actor(&m, "ac.", f.Actor)
			w.Add("EXISTS (SELECT 1 FROM actors ac WHERE ac.article_id = a.id AND "+m.Conds[0]+")", m.Args...)
		}
		sqlstore.SearchDates(w, &f)
		parts = append(parts, `SELECT 'article' AS kind, a.id AS article_id, a.doc AS doc, a.url AS url, a.title AS title,
			a.published AS published, a.hash AS hash, 0 AS ord,
			0::bigint AS quote_id, NULL::text AS q_text, NULL::int AS q_start, NULL::int AS q_end, NULL::text AS q_verb,
			NULL::int AS q_sentence, NULL::text AS s_name, NULL::text AS s_country, NULL::text AS s_sector,
			NULL::text AS s_code, NULL::text AS s_text, NULL::int AS s_start, NULL::int AS s_end,
			`+src+` AS src, `+rank+` AS rank FROM articles a`+w.String())
		args = append(args, w.Args...)
	}
	if f.Kind != dyad.HitArticle {
		w := &sqlstore.Where{}
		rank := "0::real"
		if s != nil {
			w.Add("q.fts @@ ?::text::tsquery", s.tsquery)
			rank = "ts_rank(q.fts, ?::text::tsquery)"
			args = append(args, s.tsquery)
		}
		if f.Actor != "" {
			dialect.Actor(w, "q.speaker_", f.Actor)
		}
		sqlstore.SearchDates(w, &f)
		parts = append(parts, `SELECT 'quote' AS kind, a.id AS article_id, a.doc AS doc, a.url AS url, a.title AS title,
			a.published AS published, a.hash AS hash, q.ord AS ord,
			q.id AS quote_id, q.text AS q_text, q.start AS q_start, q."end" AS q_end, q.verb AS q_verb, q.sentence AS q_sentence,
			q.speaker_name AS s_name, q.speaker_country AS s_country, q.speaker_sector AS s_sector, q.speaker_code AS s_code,
			q.speaker_text AS s_text, q.speaker_start AS s_start, q.speaker_end AS s_end,
			q.text AS src, `+rank+` AS rank FROM quotes q JOIN articles a ON a.id = q.article_id`+w.String())
		args = append(args, w.Args...)
	}
	union := strings.Join(parts, " UNION ALL ")
	order := ` ORDER BY published = '', published DESC, doc, hash, kind COLLATE "C", ord`
	if s != nil {
		order = ` ORDER BY rank DESC, published = '', published DESC, doc, hash, kind COLLATE "C", ord`
	}

	tx, err := db.readTx(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: search: %w", err)
	}
	defer tx.Rollback(ctx)
	var total int
	if err := tx.QueryRow(ctx, sqlstore.Number(`SELECT count(*) FROM (`+union+`) u`), args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("postgres: search: %w", err)
	}
	hits := []dyad.SearchHit{}
	err = each(ctx, tx, sqlstore.Number(`SELECT kind, article_id, doc, url, title, published, quote_id,
		q_text, q_start, q_end, q_verb, q_sentence, s_name, s_country, s_sector, s_code, s_text, s_start, s_end, src
		FROM (`+union+`) u`+order+dialect.Limit(f.Page)), args, func(r pgx.Rows) error {
		var h dyad.SearchHit
		var src string
		var sq sqlstore.SearchQuote
		dest := append([]any{&h.Kind, &h.ArticleID, &h.Doc, &h.URL, &h.Title, &h.Published, &h.QuoteID}, sq.Dest()...)
		if err := r.Scan(append(dest, &src)...); err != nil {
			return err
		}
		if h.Kind == dyad.HitQuote {
			h.Quote = sq.Quote()
		}
		switch {
		case s == nil:
			h.Snippet, h.Highlights = sqlstore.LeadSnippet(src), []dyad.Span{}
		case h.Kind == dyad.HitQuote:
			h.Snippet, h.Highlights = s.snippet(src)
		default:
			h.Snippet, h.Highlights = s.snippet(h.Title, src)
		}
		hits = append(hits, h)
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: search: %w", err)
	}
	return hits, total, nil
}
