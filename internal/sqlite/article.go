package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/dyad-project/dyad"
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
	insertMention = `INSERT INTO mentions (actor_id, idx, article_id, start, "end", text, sentence, via)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	insertEvent = `INSERT INTO events (article_id, ord, eid, sentence, lead, sentence_text,
		source_name, source_country, source_sector, source_code, source_text, source_start, source_end,
		target_name, target_country, target_sector, target_code, target_text, target_start, target_end,
		cameo, root, plover, quad, goldstein, mode, date, day,
		place_text, place_name, place_country, place_admin1, place_lat, place_lon,
		place_start, place_end, place_sentence, place_geonameid,
		trigger_text, trigger_start, trigger_end, evidence)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
		?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertQuote = `INSERT INTO quotes (article_id, ord, text, start, "end", verb, sentence,
		speaker_name, speaker_country, speaker_sector, speaker_code, speaker_text, speaker_start, speaker_end)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertPlace = `INSERT INTO places (article_id, idx, text, name, country, admin1, lat, lon, start, "end", sentence, geonameid)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	// findArticle is written as two lookups so that each uses its index
	// (the URL index is partial: its condition must appear literally); as
	// one OR it scanned the whole table, and ingest slowed as it grew.
	findArticle = `SELECT id FROM (
			SELECT id FROM articles WHERE hash = ?2
			UNION ALL
			SELECT id FROM articles WHERE url = ?1 AND url <> ''
		) ORDER BY id LIMIT 1`
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
		{&b.place, insertPlace}, {&b.find, findArticle},
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
	for i, a := range as {
		if a == nil || a.Text == "" {
			doc := ""
			if a != nil {
				doc = a.Doc
			}
			return dyad.PutResult{}, fmt.Errorf("%w: analysis %d (%q) of the batch has no text", dyad.ErrInvalid, i, doc)
		}
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
	warnings, err := jsonArray(a.Warnings)
	if err != nil {
		return 0, false, err
	}
	err = b.article.QueryRowContext(ctx, a.Doc, a.URL, a.Title, a.Published, a.PublishedSource,
		a.Text, hash, warnings, now).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = b.find.QueryRowContext(ctx, a.URL, hash).Scan(&id)
		return id, true, err
	}
	if err != nil {
		return 0, false, err
	}
	for i, s := range a.Sentences {
		if _, err := b.sentence.ExecContext(ctx, id, i, s.Start, s.End, s.Text, string(s.Kind), s.Rule, s.Para); err != nil {
			return 0, false, fmt.Errorf("sentence %d: %w", i, err)
		}
	}
	for i := range a.Actors {
		if err := b.putActor(ctx, id, i, &a.Actors[i]); err != nil {
			return 0, false, fmt.Errorf("actor %s: %w", a.Actors[i].ID, err)
		}
	}
	leadPara := firstBodyPara(a.Sentences)
	for i := range a.Events {
		if err := b.putEvent(ctx, id, i, &a.Events[i], a, leadPara); err != nil {
			return 0, false, fmt.Errorf("event %s: %w", a.Events[i].ID, err)
		}
	}
	for i, q := range a.Quotes {
		sp := nullRef(q.Speaker)
		if _, err := b.quote.ExecContext(ctx, id, i, q.Text, q.Start, q.End, q.Verb, q.Sentence,
			sp.name, sp.country, sp.sector, sp.code, sp.text, sp.start, sp.end); err != nil {
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

func (b *batch) putActor(ctx context.Context, articleID int64, ord int, ac *dyad.Actor) error {
	entries, err := jsonArray(ac.Entries)
	if err != nil {
		return err
	}
	r, err := b.actor.ExecContext(ctx, articleID, ord, ac.ID, ac.Name, ac.Country, ac.Sector, ac.Code, ac.Type,
		entries, len(ac.Mentions))
	if err != nil {
		return err
	}
	actorID, err := r.LastInsertId()
	if err != nil {
		return err
	}
	for j, m := range ac.Mentions {
		if _, err := b.mention.ExecContext(ctx, actorID, j, articleID, m.Start, m.End, m.Text, m.Sentence, m.Via); err != nil {
			return fmt.Errorf("mention %d: %w", j, err)
		}
	}
	return nil
}

func (b *batch) putEvent(ctx context.Context, articleID int64, ord int, e *dyad.Event, a *dyad.Analysis, leadPara int) error {
	evidence, err := jsonArray(e.Evidence)
	if err != nil {
		return err
	}
	var sentText string
	lead := false
	if e.Sentence >= 0 && e.Sentence < len(a.Sentences) {
		s := &a.Sentences[e.Sentence]
		sentText = s.Text
		lead = s.Kind == dyad.KindHeadline || s.Kind == dyad.KindBody && s.Para == leadPara
	}
	var date, day sql.NullString
	if e.Date != nil {
		date = sql.NullString{String: *e.Date, Valid: true}
	}
	if d := eventDay(e.Date, a.Published); d != "" {
		day = sql.NullString{String: d, Valid: true}
	}
	t := nullRef(e.Target)
	var pl struct {
		text, name, country, admin1 sql.NullString
		lat, lon                    sql.NullFloat64
		start, end, sent, geo       sql.NullInt64
	}
	if p := e.Place; p != nil {
		pl.text = sql.NullString{String: p.Text, Valid: true}
		pl.name = sql.NullString{String: p.Name, Valid: true}
		pl.country = sql.NullString{String: p.Country, Valid: true}
		pl.admin1 = sql.NullString{String: p.Admin1, Valid: true}
		pl.lat = sql.NullFloat64{Float64: p.Lat, Valid: true}
		pl.lon = sql.NullFloat64{Float64: p.Lon, Valid: true}
		pl.start = sql.NullInt64{Int64: int64(p.Start), Valid: true}
		pl.end = sql.NullInt64{Int64: int64(p.End), Valid: true}
		pl.sent = sql.NullInt64{Int64: int64(p.Sentence), Valid: true}
		pl.geo = sql.NullInt64{Int64: int64(p.GeonameID), Valid: true}
	}
	s := &e.Source
	_, err = b.event.ExecContext(ctx, articleID, ord, e.ID, e.Sentence, lead, sentText,
		s.Name, s.Country, s.Sector, s.Code, s.Text, s.Start, s.End,
		t.name, t.country, t.sector, t.code, t.text, t.start, t.end,
		e.CAMEO, e.Root, e.PLOVER, e.Quad, e.Goldstein, e.Mode, date, day,
		pl.text, pl.name, pl.country, pl.admin1, pl.lat, pl.lon, pl.start, pl.end, pl.sent, pl.geo,
		e.Trigger.Text, e.Trigger.Start, e.Trigger.End, evidence)
	return err
}

// firstBodyPara returns the paragraph number of the first body sentence,
// or -1 when there is none.
func firstBodyPara(ss []dyad.Sentence) int {
	for i := range ss {
		if ss[i].Kind == dyad.KindBody {
			return ss[i].Para
		}
	}
	return -1
}

// eventDay returns the day an event is filed under (dyad.StoredEvent.Day):
// its date, a month or a year taken as its first day, else the publication
// date; "" when neither is a valid date.
func eventDay(date *string, published string) string {
	if date != nil {
		d := *date
		switch len(d) {
		case 4:
			d += "-01-01"
		case 7:
			d += "-01"
		}
		if validDay(d) {
			return d
		}
	}
	if validDay(published) {
		return published
	}
	return ""
}

func validDay(d string) bool {
	if len(d) != 10 {
		return false
	}
	_, err := time.Parse(time.DateOnly, d)
	return err == nil
}

// refCols are the nullable columns of an optional dyad.ActorRef.
type refCols struct {
	name, country, sector, code, text sql.NullString
	start, end                        sql.NullInt64
}

func nullRef(r *dyad.ActorRef) refCols {
	if r == nil {
		return refCols{}
	}
	str := func(s string) sql.NullString { return sql.NullString{String: s, Valid: true} }
	num := func(n int) sql.NullInt64 { return sql.NullInt64{Int64: int64(n), Valid: true} }
	return refCols{str(r.Name), str(r.Country), str(r.Sector), str(r.Code), str(r.Text), num(r.Start), num(r.End)}
}

// ref returns the ActorRef the columns hold, or nil when they are NULL.
func (c *refCols) ref() *dyad.ActorRef {
	if !c.name.Valid {
		return nil
	}
	return &dyad.ActorRef{
		Name: c.name.String, Country: c.country.String, Sector: c.sector.String, Code: c.code.String,
		Text: c.text.String, Start: int(c.start.Int64), End: int(c.end.Int64),
	}
}

// jsonArray encodes a slice as a JSON array, [] for nil.
func jsonArray[T any](v []T) (string, error) {
	if v == nil {
		return "[]", nil
	}
	b, err := json.Marshal(v)
	return string(b), err
}

// HasArticle reports whether an article with this URL (when not empty) or
// content hash is stored (see dyad.ArticleStore).
func (db *DB) HasArticle(ctx context.Context, url, hash string) (int64, bool, error) {
	var id int64
	err := db.db.QueryRowContext(ctx, findArticle, url, hash).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, false, nil
	case err != nil:
		return 0, false, fmt.Errorf("sqlite: has article: %w", err)
	}
	return id, true, nil
}

// GetArticle returns a stored article with its analysis (see
// dyad.ArticleStore).
func (db *DB) GetArticle(ctx context.Context, id int64) (*dyad.StoredArticle, error) {
	tx, err := db.readTx(ctx)
	if err != nil {
		return nil, fmt.Errorf("sqlite: get article %d: %w", id, err)
	}
	defer tx.Rollback()
	a, err := getArticle(ctx, tx, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: get article %d: %w", id, err)
	}
	return a, nil
}

func getArticle(ctx context.Context, tx *sql.Tx, id int64) (*dyad.StoredArticle, error) {
	out := &dyad.StoredArticle{ID: id}
	a := &out.Analysis
	var warnings, ingested string
	err := tx.QueryRowContext(ctx, `SELECT doc, url, title, published, published_source, text, hash, warnings, ingested_at
		FROM articles WHERE id = ?`, id).Scan(&a.Doc, &a.URL, &a.Title, &a.Published, &a.PublishedSource,
		&a.Text, &out.Hash, &warnings, &ingested)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, dyad.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if out.IngestedAt, err = time.Parse(time.RFC3339, ingested); err != nil {
		return nil, fmt.Errorf("ingested_at: %w", err)
	}
	if err := json.Unmarshal([]byte(warnings), &a.Warnings); err != nil {
		return nil, fmt.Errorf("warnings: %w", err)
	}
	a.Sentences = []dyad.Sentence{}
	err = each(ctx, tx, `SELECT start, "end", text, kind, rule, para FROM sentences WHERE article_id = ? ORDER BY idx`,
		[]any{id}, func(r *sql.Rows) error {
			var s dyad.Sentence
			var kind string
			if err := r.Scan(&s.Start, &s.End, &s.Text, &kind, &s.Rule, &s.Para); err != nil {
				return err
			}
			s.Kind = dyad.SentenceKind(kind)
			a.Sentences = append(a.Sentences, s)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("sentences: %w", err)
	}
	if a.Actors, err = getActors(ctx, tx, id); err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	a.Events = []dyad.Event{}
	err = each(ctx, tx, eventSelect+` WHERE e.article_id = ? ORDER BY e.ord`, []any{id}, func(r *sql.Rows) error {
		e, err := scanEvent(r)
		if err != nil {
			return err
		}
		a.Events = append(a.Events, e.Event)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	a.Quotes = []dyad.Quote{}
	err = each(ctx, tx, quoteSelect+` WHERE q.article_id = ? ORDER BY q.ord`, []any{id}, func(r *sql.Rows) error {
		q, err := scanQuote(r)
		if err != nil {
			return err
		}
		a.Quotes = append(a.Quotes, q.Quote)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	a.Places = []dyad.Place{}
	err = each(ctx, tx, `SELECT text, name, country, admin1, lat, lon, start, "end", sentence, geonameid
		FROM places WHERE article_id = ? ORDER BY idx`, []any{id}, func(r *sql.Rows) error {
		var p dyad.Place
		if err := r.Scan(&p.Text, &p.Name, &p.Country, &p.Admin1, &p.Lat, &p.Lon, &p.Start, &p.End,
			&p.Sentence, &p.GeonameID); err != nil {
			return err
		}
		a.Places = append(a.Places, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	return out, nil
}

// getActors reads an article's actors with their mentions.
func getActors(ctx context.Context, tx *sql.Tx, articleID int64) ([]dyad.Actor, error) {
	actors := []dyad.Actor{}
	var ids []int64
	err := each(ctx, tx, `SELECT id, aid, name, country, sector, code, type, entries FROM actors
		WHERE article_id = ? ORDER BY ord`, []any{articleID}, func(r *sql.Rows) error {
		var ac dyad.Actor
		var id int64
		var entries string
		if err := r.Scan(&id, &ac.ID, &ac.Name, &ac.Country, &ac.Sector, &ac.Code, &ac.Type, &entries); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(entries), &ac.Entries); err != nil {
			return fmt.Errorf("entries: %w", err)
		}
		if len(ac.Entries) == 0 {
			ac.Entries = nil // omitted from JSON, as the analysis had it
		}
		ac.Mentions = []dyad.Mention{}
		actors = append(actors, ac)
		ids = append(ids, id)
		return nil
	})
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]int, len(ids))
	for i, id := range ids {
		byID[id] = i
	}
	err = each(ctx, tx, `SELECT actor_id, start, "end", text, sentence, via FROM mentions
		WHERE article_id = ? ORDER BY actor_id, idx`, []any{articleID}, func(r *sql.Rows) error {
		var m dyad.Mention
		var actorID int64
		if err := r.Scan(&actorID, &m.Start, &m.End, &m.Text, &m.Sentence, &m.Via); err != nil {
			return err
		}
		i, ok := byID[actorID]
		if !ok {
			return fmt.Errorf("mention of unknown actor %d", actorID)
		}
		actors[i].Mentions = append(actors[i].Mentions, m)
		return nil
	})
	return actors, err
}

// each runs a query and calls fn for every row.
func each(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
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
