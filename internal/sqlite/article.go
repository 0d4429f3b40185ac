package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlstore"
)

// The INSERT statements of a batch, prepared once per transaction.
const (
	insertArticle = `INSERT INTO articles
		(doc, url, title, published, published_source, text, hash, warnings, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT DO NOTHING RETURNING id`
	insertSentence = `INSERT INTO sentences (article_id, idx, start, "end", text, kind, rule, para)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	insertActor = `INSERT INTO actors (article_id, ord, aid, name, country, sector, code, type, entries, mentions)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertMention = `INSERT INTO mentions (article_id, actor_ord, idx, start, "end", text, sentence, via)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	insertEvent = `INSERT INTO events (article_id, ord, eid, sentence, lead,
		source_name, source_country, source_sector, source_code, source_text, source_start, source_end,
		target_name, target_country, target_sector, target_code, target_text, target_start, target_end,
		cameo, root, plover, quad, goldstein, mode, date, day,
		place_text, place_name, place_country, place_admin1, place_lat, place_lon,
		place_start, place_end, place_sentence, place_geonameid,
		trigger_text, trigger_start, trigger_end, evidence)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
		?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertQuote = `INSERT INTO quotes (article_id, ord, text, start, "end", verb, sentence,
		speaker_name, speaker_country, speaker_sector, speaker_code, speaker_text, speaker_start, speaker_end)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertPlace = `INSERT INTO places (article_id, idx, text, name, country, admin1, lat, lon, start, "end", sentence, geonameid)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
)

// batch holds the prepared statements of one PutAnalyses transaction.
type batch struct {
	article, sentence, actor, mention, event, quote, place, find *sql.Stmt
}

func prepareBatch(ctx context.Context, tx *sql.Tx) (*batch, error) {
	b := &batch{}
	for _, p := range []struct {
		s   **sql.Stmt
		sql string
	}{
		{&b.article, insertArticle}, {&b.sentence, insertSentence}, {&b.actor, insertActor},
		{&b.mention, insertMention}, {&b.event, insertEvent}, {&b.quote, insertQuote},
		{&b.place, insertPlace}, {&b.find, sqlstore.FindArticle},
	} {
		s, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			return nil, err
		}
		*p.s = s
	}
	return b, nil
}

// PutAnalyses stores a batch of analyses in one transaction (see
// dyad.ArticleStore). The unique indexes on the URL and the content hash
// decide what is a duplicate, so two processes ingesting the same articles
// at once still store each one once.
func (db *DB) PutAnalyses(ctx context.Context, as []*dyad.Analysis) (dyad.PutResult, error) {
	return db.putAnalyses(ctx, as, nil)
}

// putAnalyses is PutAnalyses with a hook called, inside the transaction and
// before the commit, with every analysis stored (duplicates excluded) in
// batch order and its article ID; the hook's error rolls the batch back.
func (db *DB) putAnalyses(ctx context.Context, as []*dyad.Analysis,
	stored func(ctx context.Context, tx *sql.Tx, a *dyad.Analysis, id int64) error) (dyad.PutResult, error) {
	if err := sqlstore.CheckBatch(as); err != nil {
		return dyad.PutResult{}, err
	}
	res := dyad.PutResult{IDs: make([]int64, len(as)), Duplicate: make([]bool, len(as))}
	if len(as) == 0 {
		return res, nil
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return dyad.PutResult{}, fmt.Errorf("sqlite: put: %w", err)
	}
	defer tx.Rollback()
	b, err := prepareBatch(ctx, tx)
	if err != nil {
		return dyad.PutResult{}, fmt.Errorf("sqlite: put: %w", err)
	}
	now := db.Now().UTC().Format(time.RFC3339)
	for i, a := range as {
		id, dup, err := b.put(ctx, a, now)
		if err != nil {
			return dyad.PutResult{}, fmt.Errorf("sqlite: put %s: %w", a.Doc, err)
		}
		res.IDs[i], res.Duplicate[i] = id, dup
		if dup {
			res.Duplicates++
			continue
		}
		res.Stored++
		if stored != nil {
			if err := stored(ctx, tx, a, id); err != nil {
				return dyad.PutResult{}, fmt.Errorf("sqlite: put %s: %w", a.Doc, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return dyad.PutResult{}, fmt.Errorf("sqlite: put: %w", err)
	}
	return res, nil
}

// put inserts one analysis, or finds the article it duplicates.
func (b *batch) put(ctx context.Context, a *dyad.Analysis, now string) (id int64, dup bool, err error) {
	hash := dyad.ContentHash(a.Text)
	warnings, err := sqlstore.JSONArray(a.Warnings)
	if err != nil {
		return 0, false, err
	}
	err = b.article.QueryRowContext(ctx, a.Doc, a.URL, a.Title, a.Published, a.PublishedSource,
		a.Text, hash, warnings, now).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = b.find.QueryRowContext(ctx, hash, a.URL).Scan(&id)
		return id, true, err
	}
	if err != nil {
		return 0, false, err
	}
	for i, s := range a.Sentences {
		if _, err := b.sentence.ExecContext(ctx, id, i, s.Start, s.End, sqlstore.OwnText(a.Text, s.Start, s.End, s.Text),
			string(s.Kind), s.Rule, s.Para); err != nil {
			return 0, false, fmt.Errorf("sentence %d: %w", i, err)
		}
	}
	for i := range a.Actors {
		if err := b.putActor(ctx, id, i, &a.Actors[i], a.Text); err != nil {
			return 0, false, fmt.Errorf("actor %s: %w", a.Actors[i].ID, err)
		}
	}
	leadPara := sqlstore.FirstBodyPara(a.Sentences)
	for i := range a.Events {
		row, err := sqlstore.EventRow(id, i, &a.Events[i], a, leadPara)
		if err == nil {
			_, err = b.event.ExecContext(ctx, row...)
		}
		if err != nil {
			return 0, false, fmt.Errorf("event %s: %w", a.Events[i].ID, err)
		}
	}
	for i, q := range a.Quotes {
		args := append([]any{id, i, q.Text, q.Start, q.End, q.Verb, q.Sentence}, sqlstore.RefArgs(q.Speaker)...)
		if _, err := b.quote.ExecContext(ctx, args...); err != nil {
			return 0, false, fmt.Errorf("quote %d: %w", i, err)
		}
	}
	for i, p := range a.Places {
		if _, err := b.place.ExecContext(ctx, id, i, p.Text, p.Name, p.Country, p.Admin1, p.Lat, p.Lon,
			p.Start, p.End, p.Sentence, p.GeonameID); err != nil {
			return 0, false, fmt.Errorf("place %d: %w", i, err)
		}
	}
	return id, false, nil
}

// putActor inserts actor ord of an article whose text is text, with its
// mentions.
func (b *batch) putActor(ctx context.Context, articleID int64, ord int, ac *dyad.Actor, text string) error {
	entries, err := sqlstore.JSONArray(ac.Entries)
	if err != nil {
		return err
	}
	if _, err := b.actor.ExecContext(ctx, articleID, ord, ac.ID, ac.Name, ac.Country, ac.Sector, ac.Code, ac.Type,
		entries, len(ac.Mentions)); err != nil {
		return err
	}
	for j, m := range ac.Mentions {
		if _, err := b.mention.ExecContext(ctx, articleID, ord, j, m.Start, m.End,
			sqlstore.OwnText(text, m.Start, m.End, m.Text), m.Sentence, m.Via); err != nil {
			return fmt.Errorf("mention %d: %w", j, err)
		}
	}
	return nil
}
