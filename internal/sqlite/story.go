package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/story"
)

// StoryIndex is the story index (a story.Index: near-duplicates, merged
// events, stories) of the articles of a store, kept in the tables
// story_articles, story_events, story_mentions and stories. PutAnalyses
// stores a batch and adds its articles to the index in one transaction, so
// that the tables always describe exactly the indexed articles. In the
// index, an article's Doc is its article ID in decimal, because documents
// ids need not be unique in a store. It is safe for concurrent use.
type StoryIndex struct {
	db  *DB
	cfg story.Config

	mu sync.Mutex
	x  *story.Index // nil when it must be rebuilt from the tables
}

// StoryIndex returns the story index of the store, rebuilt from its tables
// (story.Restore), with the rules of cfg.
func (db *DB) StoryIndex(ctx context.Context, cfg story.Config) (*StoryIndex, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	s := &StoryIndex{db: db, cfg: cfg}
	tx, err := db.readTx(ctx)
	if err != nil {
		return nil, fmt.Errorf("sqlite: story index: %w", err)
	}
	defer tx.Rollback()
	if s.x, err = s.load(ctx, tx); err != nil {
		return nil, fmt.Errorf("sqlite: story index: %w", err)
	}
	return s, nil
}

// Index returns the in-memory index. It is replaced when a batch fails or
// another process indexed articles, so call Index again after PutAnalyses.
func (s *StoryIndex) Index() *story.Index {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.x
}

// PutAnalyses stores a batch like DB.PutAnalyses and adds every stored
// analysis (duplicates excluded) to the index in batch order, writing the
// rows each addition changed in the same transaction. When the batch fails,
// nothing is stored and the index is rebuilt from the tables before the next
// batch. When another process indexed articles since the index was built,
// it is rebuilt first, inside the transaction.
func (s *StoryIndex) PutAnalyses(ctx context.Context, as []*dyad.Analysis) (dyad.PutResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var w *storyWriter
	res, err := s.db.putAnalyses(ctx, as, func(ctx context.Context, tx *sql.Tx, a *dyad.Analysis, id int64) error {
		if w == nil {
			var err error
			if w, err = s.begin(ctx, tx); err != nil {
				return err
			}
		}
		return w.add(ctx, a, id)
	})
	if err != nil && w != nil {
		s.x = nil // the index took articles the rollback removed
	}
	return res, err
}

// begin makes the index current within the write transaction tx and
// prepares the row writers.
func (s *StoryIndex) begin(ctx context.Context, tx *sql.Tx) (*storyWriter, error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM story_articles`).Scan(&n); err != nil {
		return nil, err
	}
	if s.x == nil || s.x.Len() != n {
		x, err := s.load(ctx, tx)
		if err != nil {
			return nil, err
		}
		s.x = x
	}
	w := &storyWriter{x: s.x, tx: tx}
	for _, p := range []struct {
		s   **sql.Stmt
		sql string
	}{{&w.article, upsertStoryArticle}, {&w.event, upsertStoryEvent}, {&w.mention, insertStoryMention}, {&w.story, upsertStory}} {
		st, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			return nil, err
		}
		*p.s = st
	}
	return w, nil
}

// The statements that write the index's rows.
const (
	upsertStoryArticle = `INSERT INTO story_articles
		(article_id, seq, outlet, published, date, dup_of, similarity, copy, story_id, events, signature)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (article_id) DO UPDATE SET outlet = excluded.outlet, published = excluded.published,
			date = excluded.date, dup_of = excluded.dup_of, similarity = excluded.similarity,
			copy = excluded.copy, story_id = excluded.story_id, events = excluded.events,
			signature = excluded.signature`
	upsertStoryEvent = `INSERT INTO story_events
		(id, source, target, cameo, root, mode, date, place, mentions, articles, copies, sources,
		 outlets, copy_outlets, first_seen, last_seen, is_root, story_id, merges)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET source = excluded.source, target = excluded.target,
			cameo = excluded.cameo, root = excluded.root, mode = excluded.mode, date = excluded.date,
			place = excluded.place, mentions = excluded.mentions, articles = excluded.articles,
			copies = excluded.copies, sources = excluded.sources, outlets = excluded.outlets,
			copy_outlets = excluded.copy_outlets, first_seen = excluded.first_seen,
			last_seen = excluded.last_seen, is_root = excluded.is_root, story_id = excluded.story_id,
			merges = excluded.merges`
	insertStoryMention = `INSERT INTO story_mentions
		(article_id, ord, event_id, eid, sentence, cameo, mode, date, lead, copy)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	upsertStory = `INSERT INTO stories (id, title, title_article, first, last, articles, actors, places, words)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, title_article = excluded.title_article,
			first = excluded.first, last = excluded.last, articles = excluded.articles,
			actors = excluded.actors, places = excluded.places, words = excluded.words`
)

// storyWriter adds the articles of one transaction to the index.
type storyWriter struct {
	x                              *story.Index
	tx                             *sql.Tx
	article, event, mention, story *sql.Stmt
}

// add indexes the analysis stored as article id and writes the rows it
// changed.
func (w *storyWriter) add(ctx context.Context, a *dyad.Analysis, id int64) error {
	art := story.FromAnalysis(a, "")
	art.Doc = strconv.FormatInt(id, 10)
	if _, err := time.Parse(time.DateOnly, art.Published); err != nil {
		art.Published = "" // the index dates it from the articles before it
	}
	res, err := w.x.Add(art)
	if err != nil {
		return err
	}
	if err := w.putArticle(ctx, res.Article, int64(w.x.Len())); err != nil {
		return err
	}
	for _, r := range res.Relinked {
		if err := w.putArticle(ctx, r, 0); err != nil {
			return err
		}
	}
	for i := range res.Events {
		if err := w.putEvent(ctx, &res.Events[i]); err != nil {
			return err
		}
	}
	for i, m := range res.Mentions {
		if _, err := w.mention.ExecContext(ctx, id, i, m.Event, m.EventID, m.Sentence, m.CAMEO, m.Mode,
			m.Date, m.Lead, m.Copy); err != nil {
			return fmt.Errorf("story mention %d: %w", i, err)
		}
	}
	return w.putStory(ctx, res.Story)
}

// putArticle upserts an article's row; seq is ignored for an article
// already indexed.
func (w *storyWriter) putArticle(ctx context.Context, a story.ArticleState, seq int64) error {
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
	if _, err := w.article.ExecContext(ctx, id, seq, a.Outlet, a.Published, a.Date, dupOf, a.Similarity, a.Copy,
		a.Story, string(events), sig); err != nil {
		return fmt.Errorf("story article %s: %w", a.Doc, err)
	}
	return nil
}

func (w *storyWriter) putEvent(ctx context.Context, e *story.EventState) error {
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
	if _, err := w.event.ExecContext(ctx, e.ID, e.Source, e.Target, e.CAMEO, e.Root, e.Mode, e.Date, string(place),
		e.Mentions, e.Articles, e.Copies, len(e.Outlets), outlets, copyOutlets, e.FirstSeen, e.LastSeen,
		e.IsRoot, e.Story, e.Merges); err != nil {
		return fmt.Errorf("story event %d: %w", e.ID, err)
	}
	return nil
}

func (w *storyWriter) putStory(ctx context.Context, s story.StoryState) error {
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
	if _, err := w.story.ExecContext(ctx, s.ID, s.Title, titleArt, s.First, s.Last, s.Articles,
		lists[0], lists[1], lists[2]); err != nil {
		return fmt.Errorf("story %d: %w", s.ID, err)
	}
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// load rebuilds the index from the tables, as tx sees them.
func (s *StoryIndex) load(ctx context.Context, tx *sql.Tx) (*story.Index, error) {
	var snap story.Snapshot
	err := each(ctx, tx, `SELECT article_id, outlet, published, date, dup_of, similarity, copy, story_id,
			events, signature FROM story_articles ORDER BY seq`, nil, func(r *sql.Rows) error {
		var a story.ArticleState
		var id int64
		var dupOf sql.NullInt64
		var events string
		if err := r.Scan(&id, &a.Outlet, &a.Published, &a.Date, &dupOf, &a.Similarity, &a.Copy, &a.Story,
			&events, &a.Signature); err != nil {
			return err
		}
		a.Doc = strconv.FormatInt(id, 10)
		if dupOf.Valid {
			a.DupOf = strconv.FormatInt(dupOf.Int64, 10)
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
const mergedEventCols = `id, source, target, cameo, root, mode, date, place, mentions, articles, copies,
	outlets, copy_outlets, first_seen, last_seen, is_root, story_id, merges`

func scanMergedEvents(ctx context.Context, tx *sql.Tx, q string, args []any) ([]story.EventState, error) {
	var out []story.EventState
	err := each(ctx, tx, q, args, func(r *sql.Rows) error {
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
const storyCols = `id, title, title_article, first, last, articles, actors, places, words`

func scanStories(ctx context.Context, tx *sql.Tx, q string, args []any) ([]story.StoryState, error) {
	var out []story.StoryState
	err := each(ctx, tx, q, args, func(r *sql.Rows) error {
		var s story.StoryState
		var titleArt sql.NullInt64
		var lists [3]string
		if err := r.Scan(&s.ID, &s.Title, &titleArt, &s.First, &s.Last, &s.Articles,
			&lists[0], &lists[1], &lists[2]); err != nil {
			return err
		}
		if titleArt.Valid {
			s.TitleDoc = strconv.FormatInt(titleArt.Int64, 10)
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
