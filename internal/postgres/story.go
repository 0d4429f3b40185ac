package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/story"
	"github.com/jackc/pgx/v5"
)

// StoryIndex is the story index (a story.Index: near-duplicates, merged
// events, stories) of the articles of a store, kept in the tables
// story_articles, story_events, story_mentions and stories, as the SQLite
// store keeps it. In the index an article's Doc is its article ID in
// decimal. It is safe for concurrent use, and several processes may each
// hold one on the same database.
//
// Each batch takes the transaction-level advisory lock storyLock before it
// stores anything, so batches that index articles are serialised across
// processes and seq numbers the indexed articles without gaps. Under the
// lock the index catches up with the articles other processes indexed
// since it last looked (the story_articles rows with a larger seq): it
// adds them again from their stored analyses, which gives the state those
// processes wrote because Add is deterministic, and checks that it does;
// when it does not, or when more than catchUpMax articles are missing, it
// rebuilds the index from the tables (story.Restore). Then it adds the
// batch and writes the rows each addition changed, in the batch's
// transaction.
type StoryIndex struct {
	db  *DB
	cfg story.Config

	mu sync.Mutex
	x  *story.Index // nil when it must be rebuilt from the tables
	w  *storyWriter // the writer of the running attempt

	// Reloads and CatchUps count full rebuilds and incremental catch-ups,
	// for tests and benchmarks.
	Reloads, CatchUps int
}

// catchUpMax is how many articles indexed by other processes the index
// adds again before it prefers rebuilding itself from the tables.
const catchUpMax = 1000

// StoryIndex returns the story index of the store, rebuilt from its tables
// (story.Restore), with the rules of cfg.
func (db *DB) StoryIndex(ctx context.Context, cfg story.Config) (*StoryIndex, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	s := &StoryIndex{db: db, cfg: cfg}
	tx, err := db.readTx(ctx)
	if err != nil {
		return nil, fmt.Errorf("postgres: story index: %w", err)
	}
	defer tx.Rollback(ctx)
	if s.x, err = s.load(ctx, tx); err != nil {
		return nil, fmt.Errorf("postgres: story index: %w", err)
	}
	return s, nil
}

// Index returns the in-memory index. It is replaced when a batch fails or
// the index is rebuilt, so call Index again after PutAnalyses.
func (s *StoryIndex) Index() *story.Index {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.x
}

// PutAnalyses stores a batch like DB.PutAnalyses and adds every stored
// analysis (duplicates excluded) to the index in batch order, writing the
// rows each addition changed in the same transaction. When the batch fails,
// nothing is stored and the index is rebuilt before the next batch.
func (s *StoryIndex) PutAnalyses(ctx context.Context, as []*dyad.Analysis) (dyad.PutResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.db.putAnalyses(ctx, as, s)
}

// begin takes the story lock and brings the index up to date within tx.
func (s *StoryIndex) begin(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, storyLock); err != nil {
		return err
	}
	var n int
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(seq), 0) FROM story_articles`).Scan(&n); err != nil {
		return err
	}
	if s.x != nil && n > s.x.Len() && n-s.x.Len() <= catchUpMax {
		ok, err := s.catchUp(ctx, tx)
		if err != nil {
			return err
		}
		if !ok {
			s.x = nil
		}
	}
	if s.x == nil || s.x.Len() != n {
		x, err := s.load(ctx, tx)
		if err != nil {
			return err
		}
		s.x = x
		s.Reloads++
	}
	s.w = &storyWriter{x: s.x, batch: &pgx.Batch{}}
	return nil
}

// stored adds a stored analysis to the index and queues its rows.
func (s *StoryIndex) stored(ctx context.Context, tx pgx.Tx, a *dyad.Analysis, id int64) error {
	if err := s.w.add(a, id); err != nil {
		return err
	}
	// Send the rows before the commit; the batch is sent once, after the
	// last article, by flushing here when the index has them all queued.
	return s.w.flush(ctx, tx)
}

// done forgets the index when the transaction did not commit: it holds
// articles the rollback removed.
func (s *StoryIndex) done(committed bool) {
	if !committed && s.w != nil {
		s.x = nil
	}
	s.w = nil
}

// catchUp adds to the index, in seq order, the articles other processes
// indexed since it was last current, and reports whether each addition
// gave the state stored for it.
func (s *StoryIndex) catchUp(ctx context.Context, tx pgx.Tx) (bool, error) {
	type row struct {
		id    int64
		state story.ArticleState
	}
	var missing []row
	err := each(ctx, tx, `SELECT article_id, dup_of, story_id, events::text FROM story_articles
		WHERE seq > $1 ORDER BY seq`, []any{s.x.Len()}, func(r pgx.Rows) error {
		var rw row
		var dupOf *int64
		var events string
		if err := r.Scan(&rw.id, &dupOf, &rw.state.Story, &events); err != nil {
			return err
		}
		if dupOf != nil {
			rw.state.DupOf = strconv.FormatInt(*dupOf, 10)
		}
		if err := json.Unmarshal([]byte(events), &rw.state.Events); err != nil {
			return fmt.Errorf("story article %d: events: %w", rw.id, err)
		}
		missing = append(missing, rw)
		return nil
	})
	if err != nil {
		return false, err
	}
	for _, m := range missing {
		a, err := getArticle(ctx, tx, m.id)
		if err != nil {
			return false, fmt.Errorf("story catch-up: article %d: %w", m.id, err)
		}
		res, err := s.x.Add(storyArticle(&a.Analysis, m.id))
		if err != nil {
			return false, err
		}
		got := res.Article
		if got.DupOf != m.state.DupOf || got.Story != m.state.Story || !slices.Equal(nonNil(got.Events), nonNil(m.state.Events)) {
			return false, nil
		}
	}
	s.CatchUps++
	return true, nil
}

// storyArticle returns what the index takes of the analysis stored as
// article id.
func storyArticle(a *dyad.Analysis, id int64) story.Article {
	art := story.FromAnalysis(a, "")
	art.Doc = strconv.FormatInt(id, 10)
	if _, err := time.Parse(time.DateOnly, art.Published); err != nil {
		art.Published = "" // the index dates it from the articles before it
	}
	return art
}

// The statements that write the index's rows.
const (
	upsertStoryArticle = `INSERT INTO story_articles
		(article_id, seq, outlet, published, date, dup_of, similarity, copy, story_id, events, signature)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb, $11)
		ON CONFLICT (article_id) DO UPDATE SET outlet = excluded.outlet, published = excluded.published,
			date = excluded.date, dup_of = excluded.dup_of, similarity = excluded.similarity,
			copy = excluded.copy, story_id = excluded.story_id, events = excluded.events,
			signature = excluded.signature`
	upsertStoryEvent = `INSERT INTO story_events
		(id, source, target, cameo, root, mode, date, place, mentions, articles, copies, sources,
		 outlets, copy_outlets, first_seen, last_seen, is_root, story_id, merges)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9, $10, $11, $12, $13::text::jsonb, $14::text::jsonb,
			$15, $16, $17, $18, $19)
		ON CONFLICT (id) DO UPDATE SET source = excluded.source, target = excluded.target,
			cameo = excluded.cameo, root = excluded.root, mode = excluded.mode, date = excluded.date,
			place = excluded.place, mentions = excluded.mentions, articles = excluded.articles,
			copies = excluded.copies, sources = excluded.sources, outlets = excluded.outlets,
			copy_outlets = excluded.copy_outlets, first_seen = excluded.first_seen,
			last_seen = excluded.last_seen, is_root = excluded.is_root, story_id = excluded.story_id,
			merges = excluded.merges`
	insertStoryMention = `INSERT INTO story_mentions
		(article_id, ord, event_id, eid, sentence, cameo, mode, date, lead, copy)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`
	upsertStory = `INSERT INTO stories (id, title, title_article, first, last, articles, actors, places, words)
		VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8::text::jsonb, $9::text::jsonb)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, title_article = excluded.title_article,
			first = excluded.first, last = excluded.last, articles = excluded.articles,
			actors = excluded.actors, places = excluded.places, words = excluded.words`
)

// storyWriter adds the articles of one transaction to the index and queues
// the rows they change.
type storyWriter struct {
	x     *story.Index
	batch *pgx.Batch
}

// add indexes the analysis stored as article id and queues the rows it
// changed.
func (w *storyWriter) add(a *dyad.Analysis, id int64) error {
	res, err := w.x.Add(storyArticle(a, id))
	if err != nil {
		return err
	}
	if err := w.putArticle(res.Article, int64(w.x.Len())); err != nil {
		return err
	}
	for _, r := range res.Relinked {
		if err := w.putArticle(r, 0); err != nil {
			return err
		}
	}
	for i := range res.Events {
		if err := w.putEvent(&res.Events[i]); err != nil {
			return err
		}
	}
	for i, m := range res.Mentions {
		w.batch.Queue(insertStoryMention, id, i, m.Event, m.EventID, m.Sentence, m.CAMEO, m.Mode, m.Date, m.Lead, m.Copy)
	}
	return w.putStory(res.Story)
}

// flush sends the queued rows.
func (w *storyWriter) flush(ctx context.Context, tx pgx.Tx) error {
	if w.batch.Len() == 0 {
		return nil
	}
	b := w.batch
	w.batch = &pgx.Batch{}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("story rows: %w", err)
	}
	return nil
}

// putArticle queues the upsert of an article's row; seq is ignored for an
// article already indexed.
func (w *storyWriter) putArticle(a story.ArticleState, seq int64) error {
	id, err := strconv.ParseInt(a.Doc, 10, 64)
	if err != nil {
		return fmt.Errorf("story article %q: %w", a.Doc, err)
	}
	var dupOf any
	if a.DupOf != "" {
		d, err := strconv.ParseInt(a.DupOf, 10, 64)
		if err != nil {
			return fmt.Errorf("story article %q: dup_of %q: %w", a.Doc, a.DupOf, err)
		}
		dupOf = d
	}
	events, err := json.Marshal(nonNil(a.Events))
	if err != nil {
		return err
	}
	var sig any
	if len(a.Signature) > 0 {
		sig = a.Signature
	}
	w.batch.Queue(upsertStoryArticle, id, seq, a.Outlet, a.Published, a.Date, dupOf, a.Similarity, a.Copy,
		a.Story, string(events), sig)
	return nil
}

func (w *storyWriter) putEvent(e *story.EventState) error {
	place, err := json.Marshal(e.Place)
	if err != nil {
		return err
	}
	outlets, err := jsonArray(e.Outlets)
	if err != nil {
		return err
	}
	copyOutlets, err := jsonArray(e.CopyOutlets)
	if err != nil {
		return err
	}
	w.batch.Queue(upsertStoryEvent, e.ID, e.Source, e.Target, e.CAMEO, e.Root, e.Mode, e.Date, string(place),
		e.Mentions, e.Articles, e.Copies, len(e.Outlets), outlets, copyOutlets, e.FirstSeen, e.LastSeen,
		e.IsRoot, e.Story, e.Merges)
	return nil
}

func (w *storyWriter) putStory(s story.StoryState) error {
	var titleArt any
	if s.TitleDoc != "" {
		t, err := strconv.ParseInt(s.TitleDoc, 10, 64)
		if err != nil {
			return fmt.Errorf("story %d: title doc %q: %w", s.ID, s.TitleDoc, err)
		}
		titleArt = t
	}
	var lists [3]string
	for i, l := range [][]string{s.Actors, s.Places, s.Words} {
		j, err := jsonArray(l)
		if err != nil {
			return err
		}
		lists[i] = j
	}
	w.batch.Queue(upsertStory, s.ID, s.Title, titleArt, s.First, s.Last, s.Articles, lists[0], lists[1], lists[2])
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// load rebuilds the index from the tables, as tx sees them.
func (s *StoryIndex) load(ctx context.Context, tx pgx.Tx) (*story.Index, error) {
	var snap story.Snapshot
	err := each(ctx, tx, `SELECT article_id, outlet, published, date, dup_of, similarity, copy, story_id,
			events::text, signature FROM story_articles ORDER BY seq`, nil, func(r pgx.Rows) error {
		var a story.ArticleState
		var id int64
		var dupOf *int64
		var events string
		if err := r.Scan(&id, &a.Outlet, &a.Published, &a.Date, &dupOf, &a.Similarity, &a.Copy, &a.Story,
			&events, &a.Signature); err != nil {
			return err
		}
		a.Doc = strconv.FormatInt(id, 10)
		if dupOf != nil {
			a.DupOf = strconv.FormatInt(*dupOf, 10)
		}
		if err := json.Unmarshal([]byte(events), &a.Events); err != nil {
			return fmt.Errorf("story article %d: events: %w", id, err)
		}
		snap.Articles = append(snap.Articles, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if snap.Events, err = scanMergedEvents(ctx, tx, `SELECT `+mergedEventCols+` FROM story_events ORDER BY id`, nil); err != nil {
		return nil, err
	}
	if snap.Stories, err = scanStories(ctx, tx, `SELECT `+storyCols+` FROM stories ORDER BY id`, nil); err != nil {
		return nil, err
	}
	return story.Restore(s.cfg, &snap)
}

// mergedEventCols are the columns scanMergedEvents reads.
const mergedEventCols = `id, source, target, cameo, root, mode, date, place::text, mentions, articles, copies,
	outlets::text, copy_outlets::text, first_seen, last_seen, is_root, story_id, merges`

func scanMergedEvents(ctx context.Context, tx pgx.Tx, q string, args []any) ([]story.EventState, error) {
	var out []story.EventState
	err := each(ctx, tx, q, args, func(r pgx.Rows) error {
		var e story.EventState
		var place, outlets, copyOutlets string
		if err := r.Scan(&e.ID, &e.Source, &e.Target, &e.CAMEO, &e.Root, &e.Mode, &e.Date, &place,
			&e.Mentions, &e.Articles, &e.Copies, &outlets, &copyOutlets, &e.FirstSeen, &e.LastSeen,
			&e.IsRoot, &e.Story, &e.Merges); err != nil {
			return err
		}
		for _, f := range []struct {
			s string
			v any
		}{{place, &e.Place}, {outlets, &e.Outlets}, {copyOutlets, &e.CopyOutlets}} {
			if err := json.Unmarshal([]byte(f.s), f.v); err != nil {
				return fmt.Errorf("story event %d: %w", e.ID, err)
			}
		}
		if len(e.CopyOutlets) == 0 {
			e.CopyOutlets = nil
		}
		out = append(out, e)
		return nil
	})
	return out, err
}

// storyCols are the columns scanStories reads.
const storyCols = `id, title, title_article, first, last, articles, actors::text, places::text, words::text`

func scanStories(ctx context.Context, tx pgx.Tx, q string, args []any) ([]story.StoryState, error) {
	var out []story.StoryState
	err := each(ctx, tx, q, args, func(r pgx.Rows) error {
		var s story.StoryState
		var titleArt *int64
		var lists [3]string
		if err := r.Scan(&s.ID, &s.Title, &titleArt, &s.First, &s.Last, &s.Articles,
			&lists[0], &lists[1], &lists[2]); err != nil {
			return err
		}
		if titleArt != nil {
			s.TitleDoc = strconv.FormatInt(*titleArt, 10)
		}
		for i, l := range []*[]string{&s.Actors, &s.Places, &s.Words} {
			if err := json.Unmarshal([]byte(lists[i]), l); err != nil {
				return fmt.Errorf("story %d: %w", s.ID, err)
			}
		}
		out = append(out, s)
		return nil
	})
	return out, err
}
