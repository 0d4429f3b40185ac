package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/jackc/pgx/v5"
)

// putArticle inserts an article unless its URL or content hash is already
// stored, in one statement that returns the ID and whether the article was
// a duplicate. The check comes before the INSERT, so that a duplicate does
// not use up an ID (an INSERT that ends in ON CONFLICT DO NOTHING would),
// and IDs run without gaps as in the SQLite store. ON CONFLICT catches the
// race with another writer; the caller then looks the winner up.
const (
	putArticle = `WITH found AS (` + findArticle + `),
		ins AS (
			INSERT INTO articles (doc, url, title, published, published_source, text, hash, warnings, ingested_at, fts)
			SELECT $3::text, $1::text, $4::text, $5::text, $6::text, $7::text, $2::text, $8::text::jsonb, $9::timestamptz, $10::text::tsvector
			WHERE NOT EXISTS (SELECT 1 FROM found)
			ON CONFLICT DO NOTHING RETURNING id)
		SELECT id, false FROM ins UNION ALL SELECT id, true FROM found`
	// findArticle is written as two lookups so that each uses its index
	// (the URL index is partial: its condition must appear literally).
	findArticle = `SELECT id FROM (
			SELECT id FROM articles WHERE hash = $2
			UNION ALL
			SELECT id FROM articles WHERE url = $1 AND url <> ''
		) f ORDER BY id LIMIT 1`
	insertQuote = `INSERT INTO quotes (article_id, ord, text, start, "end", verb, sentence,
		speaker_name, speaker_country, speaker_sector, speaker_code, speaker_text, speaker_start, speaker_end, fts)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::text::tsvector)`
)

// The columns of the tables written with COPY, in the order of the rows
// the batch collects.
var (
	sentenceCols = []string{"article_id", "idx", "start", "end", "text", "kind", "rule", "para"}
	actorCols    = []string{"article_id", "ord", "aid", "name", "country", "sector", "code", "type", "entries", "mentions"}
	mentionCols  = []string{"article_id", "actor_ord", "idx", "start", "end", "text", "sentence", "via"}
	eventCols    = []string{"article_id", "ord", "eid", "sentence", "lead", "sentence_text",
		"source_name", "source_country", "source_sector", "source_code", "source_text", "source_start", "source_end",
		"target_name", "target_country", "target_sector", "target_code", "target_text", "target_start", "target_end",
		"cameo", "root", "plover", "quad", "goldstein", "mode", "date", "day",
		"place_text", "place_name", "place_country", "place_admin1", "place_lat", "place_lon",
		"place_start", "place_end", "place_sentence", "place_geonameid",
		"trigger_text", "trigger_start", "trigger_end", "evidence"}
	placeCols = []string{"article_id", "idx", "text", "name", "country", "admin1", "lat", "lon", "start", "end", "sentence", "geonameid"}
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
	for i, a := range as {
		if a == nil || a.Text == "" {
			doc := ""
			if a != nil {
				doc = a.Doc
			}
			return dyad.PutResult{}, fmt.Errorf("%w: analysis %d (%q) of the batch has no text", dyad.ErrInvalid, i, doc)
		}
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
		{"mentions", mentionCols, r.mentions}, {"events", eventCols, r.events}, {"places", placeCols, r.places},
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
	warnings, err := jsonArray(a.Warnings)
	if err != nil {
		return 0, false, err
	}
	err = tx.QueryRow(ctx, putArticle, a.URL, hash, a.Doc, a.Title, a.Published, a.PublishedSource,
		a.Text, warnings, now, tsvector(a.Title, a.Text)).Scan(&id, &dup)
	if errors.Is(err, pgx.ErrNoRows) {
		// Another writer stored it since the check: ON CONFLICT.
		err = tx.QueryRow(ctx, findArticle, a.URL, hash).Scan(&id)
		return id, true, err
	}
	if err != nil || dup {
		return id, dup, err
	}
	for i, s := range a.Sentences {
		r.sentences = append(r.sentences, []any{id, i, s.Start, s.End, s.Text, string(s.Kind), s.Rule, s.Para})
	}
	for i := range a.Actors {
		ac := &a.Actors[i]
		entries, err := jsonArray(ac.Entries)
		if err != nil {
			return 0, false, err
		}
		r.actors = append(r.actors, []any{id, i, ac.ID, ac.Name, ac.Country, ac.Sector, ac.Code, ac.Type, entries, len(ac.Mentions)})
		for j, m := range ac.Mentions {
			r.mentions = append(r.mentions, []any{id, i, j, m.Start, m.End, m.Text, m.Sentence, m.Via})
		}
	}
	leadPara := firstBodyPara(a.Sentences)
	for i := range a.Events {
		row, err := eventRow(id, i, &a.Events[i], a, leadPara)
		if err != nil {
			return 0, false, fmt.Errorf("event %s: %w", a.Events[i].ID, err)
		}
		r.events = append(r.events, row)
	}
	for i, q := range a.Quotes {
		sp := refArgs(q.Speaker)
		r.quotes.Queue(insertQuote, id, i, q.Text, q.Start, q.End, q.Verb, q.Sentence,
			sp[0], sp[1], sp[2], sp[3], sp[4], sp[5], sp[6], tsvector(q.Text))
	}
	for i, p := range a.Places {
		r.places = append(r.places, []any{id, i, p.Text, p.Name, p.Country, p.Admin1, p.Lat, p.Lon,
			p.Start, p.End, p.Sentence, p.GeonameID})
	}
	return id, false, nil
}

// eventRow returns the events row of an event.
func eventRow(articleID int64, ord int, e *dyad.Event, a *dyad.Analysis, leadPara int) ([]any, error) {
	evidence, err := jsonArray(e.Evidence)
	if err != nil {
		return nil, err
	}
	var sentText string
	lead := false
	if e.Sentence >= 0 && e.Sentence < len(a.Sentences) {
		s := &a.Sentences[e.Sentence]
		sentText = s.Text
		lead = s.Kind == dyad.KindHeadline || s.Kind == dyad.KindBody && s.Para == leadPara
	}
	var date, day any
	if e.Date != nil {
		date = *e.Date
	}
	if d := eventDay(e.Date, a.Published); d != "" {
		day = d
	}
	t := refArgs(e.Target)
	pl := make([]any, 10)
	if p := e.Place; p != nil {
		pl = []any{p.Text, p.Name, p.Country, p.Admin1, p.Lat, p.Lon, p.Start, p.End, p.Sentence, p.GeonameID}
	}
	s := &e.Source
	row := []any{articleID, ord, e.ID, e.Sentence, lead, sentText,
		s.Name, s.Country, s.Sector, s.Code, s.Text, s.Start, s.End}
	row = append(row, t...)
	row = append(row, e.CAMEO, e.Root, e.PLOVER, e.Quad, e.Goldstein, e.Mode, date, day)
	row = append(row, pl...)
	return append(row, e.Trigger.Text, e.Trigger.Start, e.Trigger.End, evidence), nil
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

// refArgs returns the seven column values of an optional dyad.ActorRef
// (name, country, sector, code, text, start, end), all nil for none.
func refArgs(r *dyad.ActorRef) []any {
	if r == nil {
		return make([]any, 7)
	}
	return []any{r.Name, r.Country, r.Sector, r.Code, r.Text, r.Start, r.End}
}

// refCols scans the nullable columns of an optional dyad.ActorRef.
type refCols struct {
	name, country, sector, code, text *string
	start, end                        *int
}

func (c *refCols) dest() []any {
	return []any{&c.name, &c.country, &c.sector, &c.code, &c.text, &c.start, &c.end}
}

// ref returns the ActorRef the columns hold, or nil when they are NULL.
func (c *refCols) ref() *dyad.ActorRef {
	if c.name == nil {
		return nil
	}
	s := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	n := func(p *int) int {
		if p == nil {
			return 0
		}
		return *p
	}
	return &dyad.ActorRef{Name: *c.name, Country: s(c.country), Sector: s(c.sector), Code: s(c.code),
		Text: s(c.text), Start: n(c.start), End: n(c.end)}
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
	err := db.pool.QueryRow(ctx, findArticle, url, hash).Scan(&id)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return 0, false, nil
	case err != nil:
		return 0, false, fmt.Errorf("postgres: has article: %w", err)
	}
	return id, true, nil
}

// GetArticle returns a stored article with its analysis (see
// dyad.ArticleStore).
func (db *DB) GetArticle(ctx context.Context, id int64) (*dyad.StoredArticle, error) {
	tx, err := db.readTx(ctx)
	if err != nil {
		return nil, fmt.Errorf("postgres: get article %d: %w", id, err)
	}
	defer tx.Rollback(ctx)
	a, err := getArticle(ctx, tx, id)
	if err != nil {
		return nil, fmt.Errorf("postgres: get article %d: %w", id, err)
	}
	return a, nil
}

func getArticle(ctx context.Context, tx pgx.Tx, id int64) (*dyad.StoredArticle, error) {
	out := &dyad.StoredArticle{ID: id}
	a := &out.Analysis
	var warnings string
	err := tx.QueryRow(ctx, `SELECT doc, url, title, published, published_source, text, hash, warnings::text, ingested_at
		FROM articles WHERE id = $1`, id).Scan(&a.Doc, &a.URL, &a.Title, &a.Published, &a.PublishedSource,
		&a.Text, &out.Hash, &warnings, &out.IngestedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, dyad.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	out.IngestedAt = out.IngestedAt.UTC()
	if err := json.Unmarshal([]byte(warnings), &a.Warnings); err != nil {
		return nil, fmt.Errorf("warnings: %w", err)
	}
	a.Sentences = []dyad.Sentence{}
	err = each(ctx, tx, `SELECT start, "end", text, kind, rule, para FROM sentences WHERE article_id = $1 ORDER BY idx`,
		[]any{id}, func(r pgx.Rows) error {
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
	err = each(ctx, tx, eventSelect+` WHERE e.article_id = $1 ORDER BY e.ord`, []any{id}, func(r pgx.Rows) error {
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
	err = each(ctx, tx, quoteSelect+` WHERE q.article_id = $1 ORDER BY q.ord`, []any{id}, func(r pgx.Rows) error {
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
		FROM places WHERE article_id = $1 ORDER BY idx`, []any{id}, func(r pgx.Rows) error {
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
func getActors(ctx context.Context, tx pgx.Tx, articleID int64) ([]dyad.Actor, error) {
	actors := []dyad.Actor{}
	err := each(ctx, tx, `SELECT aid, name, country, sector, code, type, entries::text FROM actors
		WHERE article_id = $1 ORDER BY ord`, []any{articleID}, func(r pgx.Rows) error {
		var ac dyad.Actor
		var entries string
		if err := r.Scan(&ac.ID, &ac.Name, &ac.Country, &ac.Sector, &ac.Code, &ac.Type, &entries); err != nil {
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
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = each(ctx, tx, `SELECT actor_ord, start, "end", text, sentence, via FROM mentions
		WHERE article_id = $1 ORDER BY actor_ord, idx`, []any{articleID}, func(r pgx.Rows) error {
		var m dyad.Mention
		var ord int
		if err := r.Scan(&ord, &m.Start, &m.End, &m.Text, &m.Sentence, &m.Via); err != nil {
			return err
		}
		if ord < 0 || ord >= len(actors) {
			return fmt.Errorf("mention of unknown actor %d", ord)
		}
		actors[ord].Mentions = append(actors[ord].Mentions, m)
		return nil
	})
	return actors, err
}
