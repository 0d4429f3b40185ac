package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlstore"
)

// ftsMatch translates a search query (dyad.SearchFilter) into an FTS5 MATCH
// expression. Every term becomes a quoted FTS5 string, so nothing the user
// types can be read as FTS5 syntax.
func ftsMatch(q string) (string, error) {
	pq, err := dyad.ParseQuery(q)
	if err != nil {
		return "", err
	}
	term := func(t dyad.Term) string {
		s := `"` + strings.Join(t.Words, " ") + `"`
		if t.Prefix {
			s += "*"
		}
		return s
	}
	clauses := make([]string, len(pq.All))
	for i, c := range pq.All {
		alts := make([]string, len(c))
		for j, t := range c {
			alts[j] = term(t)
		}
		clauses[i] = "(" + strings.Join(alts, " OR ") + ")"
	}
	m := strings.Join(clauses, " AND ")
	if len(pq.None) > 0 {
		neg := make([]string, len(pq.None))
		for i, t := range pq.None {
			neg[i] = term(t)
		}
		m = "(" + m + ") NOT (" + strings.Join(neg, " OR ") + ")"
	}
	return m, nil
}

// Snippet markers: FTS5 puts them around matched words; parseSnippet turns
// them into highlight spans.
const (
	markOpen  = "\x02"
	markClose = "\x03"
	ellipsis  = sqlstore.Ellipsis
)

// snippetTokens is how many tokens an FTS5 snippet holds.
const snippetTokens = 24

// searchColumns are the columns of both halves of a search: the hit, its
// article, the quote (NULL for an article), the snippet and the rank.
const searchColumns = `kind, article_id, doc, url, title, published, hash, ord,
	quote_id, q_text, q_start, q_end, q_verb, q_sentence,
	s_name, s_country, s_sector, s_code, s_text, s_start, s_end, snippet, rank`

// Search returns one page of matching articles and quotes and their number
// (see dyad.SearchStore).
func (db *DB) Search(ctx context.Context, f dyad.SearchFilter) ([]dyad.SearchHit, int, error) {
	if err := f.Validate(); err != nil {
		return nil, 0, err
	}
	var match string
	if strings.TrimSpace(f.Query) != "" {
		var err error
		if match, err = ftsMatch(f.Query); err != nil {
			return nil, 0, err
		}
	}
	var parts []string
	var args []any
	if f.Kind != dyad.HitQuote {
		w := &sqlstore.Where{}
		from := "articles a"
		snippet, rank := "substr(a.text, 1, 400)", "0.0"
		if match != "" {
			from = "articles_fts JOIN articles a ON a.id = articles_fts.rowid"
			w.Add("articles_fts MATCH ?", match)
			snippet = "snippet(articles_fts, -1, char(2), char(3), '" + ellipsis + "', " + fmt.Sprint(snippetTokens) + ")"
			rank = "bm25(articles_fts)"
		}
		if f.Actor != "" {
			var m sqlstore.Where
			dialect.Actor(&m, "ac.", f.Actor)
			w.Add("EXISTS (SELECT 1 FROM actors ac WHERE ac.article_id = a.id AND "+m.Conds[0]+")", m.Args...)
		}
		sqlstore.SearchDates(w, &f)
		parts = append(parts, `SELECT 'article' AS kind, a.id AS article_id, a.doc AS doc, a.url AS url, a.title AS title,
			a.published AS published, a.hash AS hash, 0 AS ord,
			0 AS quote_id, NULL AS q_text, NULL AS q_start, NULL AS q_end, NULL AS q_verb, NULL AS q_sentence,
			NULL AS s_name, NULL AS s_country, NULL AS s_sector, NULL AS s_code, NULL AS s_text, NULL AS s_start, NULL AS s_end,
			`+snippet+` AS snippet, `+rank+` AS rank FROM `+from+w.String())
		args = append(args, w.Args...)
	}
	if f.Kind != dyad.HitArticle {
		w := &sqlstore.Where{}
		from := "quotes q JOIN articles a ON a.id = q.article_id"
		snippet, rank := "q.text", "0.0"
		if match != "" {
			from = "quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN articles a ON a.id = q.article_id"
			w.Add("quotes_fts MATCH ?", match)
			snippet = "snippet(quotes_fts, 0, char(2), char(3), '" + ellipsis + "', " + fmt.Sprint(snippetTokens) + ")"
			rank = "bm25(quotes_fts)"
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
			`+snippet+` AS snippet, `+rank+` AS rank FROM `+from+w.String())
		args = append(args, w.Args...)
	}
	union := strings.Join(parts, " UNION ALL ")
	order := " ORDER BY published = '', published DESC, doc, hash, kind, ord"
	if match != "" {
		order = " ORDER BY rank, published = '', published DESC, doc, hash, kind, ord"
	}

	tx, err := db.readTx(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: search: %w", err)
	}
	defer tx.Rollback()
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (`+union+`)`, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sqlite: search: %w", err)
	}
	hits := []dyad.SearchHit{}
	err = each(ctx, tx, `SELECT `+searchColumns+` FROM (`+union+`)`+order+dialect.Limit(f.Page), args, func(r *sql.Rows) error {
		var h dyad.SearchHit
		var hash, snippet string
		var ord int
		var rank float64
		var sq sqlstore.SearchQuote
		dest := append([]any{&h.Kind, &h.ArticleID, &h.Doc, &h.URL, &h.Title, &h.Published, &hash, &ord, &h.QuoteID},
			sq.Dest()...)
		if err := r.Scan(append(dest, &snippet, &rank)...); err != nil {
			return err
		}
		if h.Kind == dyad.HitQuote {
			h.Quote = sq.Quote()
		}
		if match == "" {
			h.Snippet, h.Highlights = sqlstore.LeadSnippet(snippet), []dyad.Span{}
		} else {
			h.Snippet, h.Highlights = parseSnippet(snippet)
		}
		hits = append(hits, h)
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: search: %w", err)
	}
	return hits, total, nil
}

// parseSnippet removes the match markers from an FTS5 snippet and returns
// the byte ranges they enclosed.
func parseSnippet(s string) (string, []dyad.Span) {
	var b strings.Builder
	spans := []dyad.Span{}
	open := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case markOpen[0]:
			open = b.Len()
		case markClose[0]:
			if open >= 0 && b.Len() > open {
				spans = append(spans, dyad.Span{Start: open, End: b.Len()})
			}
			open = -1
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), spans
}
