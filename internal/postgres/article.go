package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlstore"
	"github.com/jackc/pgx/v5"
)

// findArticle is sqlstore.FindArticle: the ID of the article with the
// hash $1 or the URL $2.
var findArticle = sqlstore.Number(sqlstore.FindArticle)

// putArticle inserts an article unless its URL or content hash is already
// stored, in one statement that returns the ID and whether the article was
// a duplicate. The check comes before the INSERT, so that a duplicate does
// not use up an ID (an INSERT that ends in ON CONFLICT DO NOTHING would),
// and IDs run without gaps as in the SQLite store. ON CONFLICT catches the
// race with another writer; the caller then looks the winner up.
var putArticle = `WITH found AS (` + findArticle + `),
		ins AS (
			INSERT INTO articles (doc, url, title, published, published_source, text, hash, warnings, ingested_at, fts)
			SELECT $3::text, $2::text, $4::text, $5::text, $6::text, $7::text, $1::text, $8::text::jsonb, $9::timestamptz, $10::text::tsvector
			WHERE NOT EXISTS (SELECT 1 FROM found)
			ON CONFLICT DO NOTHING RETURNING id)
		SELECT id, false FROM ins UNION ALL SELECT id, true FROM found`

// insertQuote inserts a quote with its full-text vector.
const insertQuote = `INSERT INTO quotes (article_id, ord, text, start, "end", verb, sentence,
	speaker_name, speaker_country, speaker_sector, speaker_code, speaker_text, speaker_start, speaker_end, fts)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::text::tsvector)`

// The columns of the tables written with COPY, in the order of the rows
// the batch collects.
var (
	sentenceCols = []string{"article_id", "idx", "start", "end", "text", "kind", "rule", "para"}
	actorCols    = []string{"article_id", "ord", "aid", "name", "country", "sector", "code", "type", "entries", "mentions"}
	mentionCols  = []string{"article_id", "actor_ord", "idx", "start", "end", "text", "sentence", "via"}
	placeCols    = []string{"article_id", "idx", "text", "name", "country", "admin1", "lat", "lon", "start", "end", "sentence", "geonameid"}
)

// rows collects the rows of a batch's analyses, table by table, so that
// each table is written with one COPY.
type rows struct {
	sentences, actors, mentions, events, places [][]any
	quotes                                      *pgx.Batch
}

// storeHook is told about a write transaction: begin when it starts (the
// story index takes its lock there), stored with every analysis stored in
// batch order, after the analyses' rows are written, and done with the
// transaction's outcome.
type storeHook interface {
	begin(ctx context.Context, tx pgx.Tx) error
	stored(ctx context.Context, tx pgx.Tx, a *dyad.Analysis, id int64) error
	done(committed bool)
}

// PutAnalyses stores a batch of analyses in one transaction (see
// dyad.ArticleStore). The unique indexes on the URL and the content hash
// decide what is a duplicate, so writers racing on the same articles still
// store each one once; a batch that loses a deadlock to another writer is
// run again.
func (db *DB) PutAnalyses(ctx context.Context, as []*dyad.Analysis) (dyad.PutResult, error) {
	return db.putAnalyses(ctx, as, nil)
}

func (db *DB) putAnalyses(ctx context.Context, as []*dyad.Analysis, hook storeHook) (dyad.PutResult, error) {
	if err := sqlstore.CheckBatch(as); err != nil {
		return dyad.PutResult{}, err
	}
	if len(as) == 0 {
		return dyad.PutResult{IDs: []int64{}, Duplicate: []bool{}}, nil
	}
	var err error
	for attempt := 1; ; attempt++ {
		var res dyad.PutResult
		res, err = db.putOnce(ctx, as, hook)
		if err == nil {
			return res, nil
		}
		if !retryable(err) || attempt == maxAttempts || ctx.Err() != nil {
			break
		}
		time.Sleep(time.Duration(attempt*attempt) * 10 * time.Millisecond)
	}
	return dyad.PutResult{}, err
}

// putOnce runs one attempt of a batch.
func (db *DB) putOnce(ctx context.Context, as []*dyad.Analysis, hook storeHook) (res dyad.PutResult, err error) {
	committed := false
	if hook != nil {
		defer func() { hook.done(committed) }()
	}
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return res, fmt.Errorf("postgres: put: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if hook != nil {
		if err := hook.begin(ctx, tx); err != nil {
			return res, fmt.Errorf("postgres: put: %w", err)
		}
	}
	res = dyad.PutResult{IDs: make([]int64, len(as)), Duplicate: make([]bool, len(as))}
	now := db.Now().UTC().Truncate(time.Second)
	r := &rows{quotes: &pgx.Batch{}}
	var stored []int
	for i, a := range as {
		id, dup, err := put(ctx, tx, a, now, r)
		if err != nil {
			return res, fmt.Errorf("postgres: put %s: %w", a.Doc, err)
		}
		res.IDs[i], res.Duplicate[i] = id, dup
		if dup {
			res.Duplicates++
			continue
		}
		res.Stored++
		stored = append(stored, i)
	}
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"sentences", sentenceCols, r.sentences}, {"actors", actorCols, r.actors},
		{"mentions", mentionCols, r.mentions}, {"events", sqlstore.EventColumns, r.events}, {"places", placeCols, r.places},
	} {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return res, fmt.Errorf("postgres: put: %s: %w", c.table, err)
		}
	}
	if r.quotes.Len() > 0 {
		if err := tx.SendBatch(ctx, r.quotes).Close(); err != nil {
			return res, fmt.Errorf("postgres: put: quotes: %w", err)
		}
	}
	if hook != nil {
		for _, i := range stored {
			if err := hook.stored(ctx, tx, as[i], res.IDs[i]); err != nil {
				return res, fmt.Errorf("postgres: put %s: %w", as[i].Doc, err)
			}
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return res, fmt.Errorf("postgres: put: %w", err)
	}
	committed = true
	return res, nil
}

// put inserts one analysis's article row and collects the rows of its
// parts, or finds the article it duplicates.
func put(ctx context.Context, tx pgx.Tx, a *dyad.Analysis, now time.Time, r *rows) (id int64, dup bool, err error) {
	hash := dyad.ContentHash(a.Text)
	warnings, err := sqlstore.JSONArray(a.Warnings)
	if err != nil {
		return 0, false, err
	}
	err = tx.QueryRow(ctx, putArticle, hash, a.URL, a.Doc, a.Title, a.Published, a.PublishedSource,
		a.Text, warnings, now, tsvector(a.Title, a.Text)).Scan(&id, &dup)
	if errors.Is(err, pgx.ErrNoRows) {
		// Another writer stored it since the check: ON CONFLICT.
		err = tx.QueryRow(ctx, findArticle, hash, a.URL).Scan(&id)
		return id, true, err
	}
	if err != nil || dup {
		return id, dup, err
	}
	for i, s := range a.Sentences {
		r.sentences = append(r.sentences, []any{id, i, s.Start, s.End, sqlstore.OwnText(a.Text, s.Start, s.End, s.Text),
			string(s.Kind), s.Rule, s.Para})
	}
	for i := range a.Actors {
		ac := &a.Actors[i]
		entries, err := sqlstore.JSONArray(ac.Entries)
		if err != nil {
			return 0, false, err
		}
		r.actors = append(r.actors, []any{id, i, ac.ID, ac.Name, ac.Country, ac.Sector, ac.Code, ac.Type, entries, len(ac.Mentions)})
		for j, m := range ac.Mentions {
			r.mentions = append(r.mentions, []any{id, i, j, m.Start, m.End, sqlstore.OwnText(a.Text, m.Start, m.End, m.Text),
				m.Sentence, m.Via})
		}
	}
	leadPara := sqlstore.FirstBodyPara(a.Sentences)
	for i := range a.Events {
		row, err := sqlstore.EventRow(id, i, &a.Events[i], a, leadPara)
		if err != nil {
			return 0, false, fmt.Errorf("event %s: %w", a.Events[i].ID, err)
		}
		r.events = append(r.events, row)
	}
	for i, q := range a.Quotes {
		args := append([]any{id, i, q.Text, q.Start, q.End, q.Verb, q.Sentence}, sqlstore.RefArgs(q.Speaker)...)
		r.quotes.Queue(insertQuote, append(args, tsvector(q.Text))...)
	}
	for i, p := range a.Places {
		r.places = append(r.places, []any{id, i, p.Text, p.Name, p.Country, p.Admin1, p.Lat, p.Lon,
			p.Start, p.End, p.Sentence, p.GeonameID})
	}
	return id, false, nil
}
