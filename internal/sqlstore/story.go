package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/story"
)

// The story index (story.Index) of a store lives in the tables
// story_articles, story_events, story_mentions and stories; in the index an
// article's Doc is its article ID in decimal, because document names need
// not be unique in a store. This file reads and writes those rows; each
// adapter keeps the index and its locking.

// StoryArticle returns what the index takes of the analysis stored as
// article id.
func StoryArticle(a *dyad.Analysis, id int64) story.Article {
	art := story.FromAnalysis(a, "")
	art.Doc = strconv.FormatInt(id, 10)
	if _, err := time.Parse(time.DateOnly, art.Published); err != nil {
		art.Published = "" // the index dates it from the articles before it
	}
	return art
}

// LoadStory rebuilds the story index from the tables, as q sees them.
func (s *Queries) LoadStory(ctx context.Context, q Querier, cfg story.Config) (*story.Index, error) {
	var snap story.Snapshot
	err := q.Each(ctx, `SELECT article_id, outlet, published, date, dup_of, similarity, copy, story_id,
			events`+s.d.JSON+`, signature FROM story_articles ORDER BY seq`, nil, func(r Scanner) error {
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
	if snap.Events, err = ScanMergedEvents(ctx, q, `SELECT `+s.mergedEventCols+` FROM story_events ORDER BY id`, nil); err != nil {
		return nil, err
	}
	if snap.Stories, err = scanStories(ctx, q, `SELECT `+s.storyCols+` FROM stories ORDER BY id`, nil); err != nil {
		return nil, err
	}
	return story.Restore(cfg, &snap)
}

// mergedEventCols are the columns ScanMergedEvents reads.
func mergedEventCols(d *Dialect) string {
	return `id, source, target, cameo, root, mode, date, place` + d.JSON + `, mentions, articles, copies,
	outlets` + d.JSON + `, copy_outlets` + d.JSON + `, first_seen, last_seen, is_root, story_id, merges`
}

// ScanMergedEvents runs a query of the merged event columns of the
// dialect's queries and returns the rows as the index's states.
func ScanMergedEvents(ctx context.Context, q Querier, query string, args []any) ([]story.EventState, error) {
	var out []story.EventState
	err := q.Each(ctx, query, args, func(r Scanner) error {
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
func storyCols(d *Dialect) string {
	return `id, title, title_article, first, last, articles, actors` + d.JSON + `, places` + d.JSON + `, words` + d.JSON
}

func scanStories(ctx context.Context, q Querier, query string, args []any) ([]story.StoryState, error) {
	var out []story.StoryState
	err := q.Each(ctx, query, args, func(r Scanner) error {
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

// StoryStatements are the statements that write the story index's rows,
// with ? placeholders.
type StoryStatements struct {
	Article, Event, Mention, Story string
}

// StoryWrites returns the upserts of the index's rows; jsonArg is the
// placeholder of a JSON column's value ("?", "?::text::jsonb").
func StoryWrites(jsonArg string) StoryStatements {
	return StoryStatements{
		Article: `INSERT INTO story_articles
		(article_id, seq, outlet, published, date, dup_of, similarity, copy, story_id, events, signature)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ` + jsonArg + `, ?)
		ON CONFLICT (article_id) DO UPDATE SET outlet = excluded.outlet, published = excluded.published,
			date = excluded.date, dup_of = excluded.dup_of, similarity = excluded.similarity,
			copy = excluded.copy, story_id = excluded.story_id, events = excluded.events,
			signature = excluded.signature`,
		Event: `INSERT INTO story_events
		(id, source, target, cameo, root, mode, date, place, mentions, articles, copies, sources,
		 outlets, copy_outlets, first_seen, last_seen, is_root, story_id, merges)
		VALUES (?, ?, ?, ?, ?, ?, ?, ` + jsonArg + `, ?, ?, ?, ?, ` + jsonArg + `, ` + jsonArg + `, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET source = excluded.source, target = excluded.target,
			cameo = excluded.cameo, root = excluded.root, mode = excluded.mode, date = excluded.date,
			place = excluded.place, mentions = excluded.mentions, articles = excluded.articles,
			copies = excluded.copies, sources = excluded.sources, outlets = excluded.outlets,
			copy_outlets = excluded.copy_outlets, first_seen = excluded.first_seen,
			last_seen = excluded.last_seen, is_root = excluded.is_root, story_id = excluded.story_id,
			merges = excluded.merges`,
		Mention: `INSERT INTO story_mentions
		(article_id, ord, event_id, eid, sentence, cameo, mode, date, lead, copy)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		Story: `INSERT INTO stories (id, title, title_article, first, last, articles, actors, places, words)
		VALUES (?, ?, ?, ?, ?, ?, ` + jsonArg + `, ` + jsonArg + `, ` + jsonArg + `)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, title_article = excluded.title_article,
			first = excluded.first, last = excluded.last, articles = excluded.articles,
			actors = excluded.actors, places = excluded.places, words = excluded.words`,
	}
}

// StoryRows calls put with the statement (of st) and arguments of every row
// that adding article id to the index changed (res), in order; seq is the
// article's arrival number (the index's length after the addition).
func StoryRows(st *StoryStatements, id, seq int64, res *story.AddResult, put func(stmt string, args ...any) error) error {
	if err := storyArticleRow(st, res.Article, seq, put); err != nil {
		return err
	}
	for _, r := range res.Relinked {
		if err := storyArticleRow(st, r, 0, put); err != nil {
			return err
		}
	}
	for i := range res.Events {
		if err := storyEventRow(st, &res.Events[i], put); err != nil {
			return err
		}
	}
	for i, m := range res.Mentions {
		if err := put(st.Mention, id, i, m.Event, m.EventID, m.Sentence, m.CAMEO, m.Mode, m.Date, m.Lead, m.Copy); err != nil {
			return fmt.Errorf("story mention %d: %w", i, err)
		}
	}
	return storyRow(st, res.Story, put)
}

// storyArticleRow upserts an article's row; seq is ignored for an article
// already indexed.
func storyArticleRow(st *StoryStatements, a story.ArticleState, seq int64, put func(string, ...any) error) error {
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
	events, err := json.Marshal(NonNil(a.Events))
	if err != nil {
		return err
	}
	var sig any
	if len(a.Signature) > 0 {
		sig = a.Signature
	}
	if err := put(st.Article, id, seq, a.Outlet, a.Published, a.Date, dupOf, a.Similarity, a.Copy,
		a.Story, string(events), sig); err != nil {
		return fmt.Errorf("story article %s: %w", a.Doc, err)
	}
	return nil
}

func storyEventRow(st *StoryStatements, e *story.EventState, put func(string, ...any) error) error {
	place, err := json.Marshal(e.Place)
	if err != nil {
		return err
	}
	outlets, err := JSONArray(e.Outlets)
	if err != nil {
		return err
	}
	copyOutlets, err := JSONArray(e.CopyOutlets)
	if err != nil {
		return err
	}
	if err := put(st.Event, e.ID, e.Source, e.Target, e.CAMEO, e.Root, e.Mode, e.Date, string(place),
		e.Mentions, e.Articles, e.Copies, len(e.Outlets), outlets, copyOutlets, e.FirstSeen, e.LastSeen,
		e.IsRoot, e.Story, e.Merges); err != nil {
		return fmt.Errorf("story event %d: %w", e.ID, err)
	}
	return nil
}

func storyRow(st *StoryStatements, s story.StoryState, put func(string, ...any) error) error {
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
		j, err := JSONArray(l)
		if err != nil {
			return err
		}
		lists[i] = j
	}
	if err := put(st.Story, s.ID, s.Title, titleArt, s.First, s.Last, s.Articles,
		lists[0], lists[1], lists[2]); err != nil {
		return fmt.Errorf("story %d: %w", s.ID, err)
	}
	return nil
}
