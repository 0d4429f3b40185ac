package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlstore"
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
	w := &storyWriter{x: s.x, stmts: make(map[string]*sql.Stmt, 4)}
	for _, q := range []string{storyWrites.Article, storyWrites.Event, storyWrites.Mention, storyWrites.Story} {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return nil, err
		}
		w.stmts[q] = st
	}
	return w, nil
}

// storyWrites are the statements that write the index's rows.
var storyWrites = sqlstore.StoryWrites("?")

// storyWriter adds the articles of one transaction to the index.
type storyWriter struct {
	x     *story.Index
	stmts map[string]*sql.Stmt // storyWrites, prepared
}

// add indexes the analysis stored as article id and writes the rows it
// changed.
func (w *storyWriter) add(ctx context.Context, a *dyad.Analysis, id int64) error {
	res, err := w.x.Add(sqlstore.StoryArticle(a, id))
	if err != nil {
		return err
	}
	return sqlstore.StoryRows(&storyWrites, id, int64(w.x.Len()), &res, func(stmt string, args ...any) error {
		_, err := w.stmts[stmt].ExecContext(ctx, args...)
		return err
	})
}

// load rebuilds the index from the tables, as tx sees them.
func (s *StoryIndex) load(ctx context.Context, tx *sql.Tx) (*story.Index, error) {
	return s.db.queries.LoadStory(ctx, querier{tx}, s.cfg)
}
