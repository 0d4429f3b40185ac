package sqlstore

import (
	"context"

	"github.com/dyad-project/dyad"
)

// quoteSelect selects the columns scanQuote reads, from quotes q joined to
// their articles a.
const quoteSelect = `SELECT q.id, q.article_id, a.doc, a.url, a.published,
	q.text, q.start, q."end", q.verb, q.sentence,
	q.speaker_name, q.speaker_country, q.speaker_sector, q.speaker_code, q.speaker_text, q.speaker_start, q.speaker_end
	FROM quotes q JOIN articles a ON a.id = q.article_id`

// scanQuote reads a row of quoteSelect.
func scanQuote(r Scanner) (dyad.StoredQuote, error) {
	var q dyad.StoredQuote
	var sp refCols
	err := r.Scan(&q.GlobalID, &q.ArticleID, &q.Doc, &q.URL, &q.Published,
		&q.Text, &q.Start, &q.End, &q.Verb, &q.Sentence,
		&sp.name, &sp.country, &sp.sector, &sp.code, &sp.text, &sp.start, &sp.end)
	q.Speaker = sp.ref()
	return q, err
}

// FindQuotes returns one page of the quotes f selects and their number (see
// dyad.QuoteStore).
func (s *Queries) FindQuotes(ctx context.Context, f dyad.QuoteFilter) ([]dyad.StoredQuote, int, error) {
	if err := f.Validate(); err != nil {
		return nil, 0, err
	}
	w := &Where{}
	if f.Speaker != "" {
		s.d.Actor(w, "q.speaker_", f.Speaker)
	}
	if f.About != "" {
		// A mention of the actor inside the quoted words.
		c, args := s.d.actorCond("ac.", f.About)
		w.Add(`EXISTS (SELECT 1 FROM mentions m JOIN actors ac ON ac.article_id = m.article_id AND ac.ord = m.actor_ord
			WHERE m.article_id = q.article_id AND m.start >= q.start AND m."end" <= q."end" AND `+c+`)`, args...)
	}
	if f.Text != "" {
		c, arg, err := s.d.QuoteMatch(f.Text)
		if err != nil {
			return nil, 0, err
		}
		w.Add(c, arg)
	}
	if f.From != "" {
		w.Add("a.published >= ?", f.From)
	}
	if f.To != "" {
		w.Add("a.published <> '' AND a.published <= ?", f.To)
	}
	if f.Doc != "" {
		w.Add("a.doc = ?", f.Doc)
	}
	if f.ArticleID != 0 {
		w.Add("q.article_id = ?", f.ArticleID)
	}
	order := " ORDER BY a.published = '', a.published"
	if f.Sort == dyad.SortDateDesc {
		order += " DESC"
	}
	order += ", a.doc, a.hash, q.ord"

	q, end, err := s.read(ctx)
	if err != nil {
		return nil, 0, s.errorf("find quotes", err)
	}
	defer end()
	total, err := count(ctx, q, `SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id`+w.String(), w.Args)
	if err != nil {
		return nil, 0, s.errorf("find quotes", err)
	}
	quotes := []dyad.StoredQuote{}
	err = q.Each(ctx, s.quoteSelect+w.String()+order+s.d.Limit(f.Page), w.Args, func(r Scanner) error {
		q, err := scanQuote(r)
		if err != nil {
			return err
		}
		quotes = append(quotes, q)
		return nil
	})
	if err != nil {
		return nil, 0, s.errorf("find quotes", err)
	}
	return quotes, total, nil
}
