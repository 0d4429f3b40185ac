package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlstore"
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
		a, err := s.db.queries.GetArticleIn(ctx, querier{tx}, m.id)
		if err != nil {
			return false, fmt.Errorf("story catch-up: article %d: %w", m.id, err)
		}
		res, err := s.x.Add(sqlstore.StoryArticle(&a.Analysis, m.id))
		if err != nil {
			return false, err
		}
		got := res.Article
		if got.DupOf != m.state.DupOf || got.Story != m.state.Story || !slices.Equal(sqlstore.NonNil(got.Events), sqlstore.NonNil(m.state.Events)) {
			return false, nil
		}
	}
	s.CatchUps++
	return true, nil
}

// storyWrites are the statements that write the index's rows.
var storyWrites = numbered(sqlstore.StoryWrites("?::text::jsonb"))

func numbered(st sqlstore.StoryStatements) sqlstore.StoryStatements {
	return sqlstore.StoryStatements{Article: sqlstore.Number(st.Article), Event: sqlstore.Number(st.Event),
		Mention: sqlstore.Number(st.Mention), Story: sqlstore.Number(st.Story)}
}

// storyWriter adds the articles of one transaction to the index and queues
// the rows they change.
type storyWriter struct {
	x     *story.Index
	batch *pgx.Batch
}

// add indexes the analysis stored as article id and queues the rows it
// changed.
func (w *storyWriter) add(a *dyad.Analysis, id int64) error {
	res, err := w.x.Add(sqlstore.StoryArticle(a, id))
	if err != nil {
		return err
	}
	return sqlstore.StoryRows(&storyWrites, id, int64(w.x.Len()), &res, func(stmt string, args ...any) error {
		w.batch.Queue(stmt, args...)
		return nil
	})
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

// load rebuilds the index from the tables, as tx sees them.
func (s *StoryIndex) load(ctx context.Context, tx pgx.Tx) (*story.Index, error) {
	return s.db.queries.LoadStory(ctx, querier{tx}, s.cfg)
}
