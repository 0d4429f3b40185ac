package postgres

import (
	"context"
	"fmt"

	"github.com/dyad-project/dyad"
	"github.com/jackc/pgx/v5"
)

// quoteSelect selects the columns scanQuote reads, from quotes q joined to
// their articles a.
const quoteSelect = `SELECT q.id, q.article_id, a.doc, a.url, a.published,
	q.text, q.start, q."end", q.verb, q.sentence,
	q.speaker_name, q.speaker_country, q.speaker_sector, q.speaker_code, q.speaker_text, q.speaker_start, q.speaker_end
	FROM quotes q JOIN articles a ON a.id = q.article_id`

// scanQuote reads a row of quoteSelect.
func scanQuote(r pgx.Rows) (dyad.StoredQuote, error) {
	var q dyad.StoredQuote
	var sp refCols
	dest := append([]any{&q.GlobalID, &q.ArticleID, &q.Doc, &q.URL, &q.Published,
		&q.Text, &q.Start, &q.End, &q.Verb, &q.Sentence}, sp.dest()...)
	err := r.Scan(dest...)
	q.Speaker = sp.ref()
	return q, err
}

// FindQuotes returns one page of the quotes f selects and their number (see
// dyad.QuoteStore).
func (db *DB) FindQuotes(ctx context.Context, f dyad.QuoteFilter) ([]dyad.StoredQuote, int, error) {
	if err := f.Validate(); err != nil {
		return nil, 0, err
	}
	w := &where{}
	if f.Speaker != "" {
		w.actor("q.speaker_", f.Speaker)
	}
	if f.About != "" {
		// A mention of the actor inside the quoted words.
		c, args := actorCond("ac.", f.About)
		w.add(`EXISTS (SELECT 1 FROM mentions m JOIN actors ac ON ac.article_id = m.article_id AND ac.ord = m.actor_ord
			WHERE m.article_id = q.article_id AND m.start >= q.start AND m."end" <= q."end" AND `+c+`)`, args...)
	}
	if f.Text != "" {
		s, err := parseSearch(f.Text)
		if err != nil {
			return nil, 0, err
		}
		w.add("q.fts @@ ?::text::tsquery", s.tsquery)
	}
	if f.From != "" {
		w.add("a.published >= ?", f.From)
	}
	if f.To != "" {
		w.add("a.published <> '' AND a.published <= ?", f.To)
	}
	if f.Doc != "" {
		w.add("a.doc = ?", f.Doc)
	}
	if f.ArticleID != 0 {
		w.add("q.article_id = ?", f.ArticleID)
	}
	order := " ORDER BY a.published = '', a.published"
	if f.Sort == dyad.SortDateDesc {
		order += " DESC"
	}
	order += ", a.doc, a.hash, q.ord"

	tx, err := db.readTx(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: find quotes: %w", err)
	}
	defer tx.Rollback(ctx)
	var total int
	err = tx.QueryRow(ctx, bind(`SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id`+w.String()),
		w.args...).Scan(&total)
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: find quotes: %w", err)
	}
	quotes := []dyad.StoredQuote{}
	err = each(ctx, tx, bind(quoteSelect+w.String()+order+limitClause(f.Page)), w.args, func(r pgx.Rows) error {
		q, err := scanQuote(r)
		if err != nil {
			return err
		}
		quotes = append(quotes, q)
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: find quotes: %w", err)
	}
	return quotes, total, nil
}
