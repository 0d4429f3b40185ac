package sqlstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/story"
)

// The story queries of dyad.StoryStore, over the tables the adapters'
// story indexes write.

var _ dyad.StoryStore = (*Queries)(nil)

// topNames is how many actors and places GetStory returns.
const topNames = 10

// mergedEventWhere translates a filter into conditions on story_events.
func mergedEventWhere(f *dyad.MergedEventFilter) *Where {
	w := &Where{}
	if f.Actor != "" {
		w.KeyPrefix(f.Actor, "source", "target")
	}
	if f.Source != "" {
		w.KeyPrefix(f.Source, "source")
	}
	if f.Target != "" {
		w.KeyPrefix(f.Target, "target")
	}
	if f.CAMEO != "" {
		w.KeyPrefix(f.CAMEO, "cameo")
	}
	if f.From != "" {
		w.Add("last_seen >= ?", f.From)
	}
	if f.To != "" {
		w.Add("first_seen <> '' AND first_seen <= ?", f.To)
	}
	if f.Story != 0 {
		w.Add(`id IN (SELECT m.event_id FROM story_articles s
			JOIN story_mentions m ON m.article_id = s.article_id WHERE s.story_id = ?)`, f.Story)
	}
	if f.ArticleID != 0 {
		w.Add("id IN (SELECT event_id FROM story_mentions WHERE article_id = ?)", f.ArticleID)
	}
	if f.MinSources > 0 {
		w.Add("sources >= ?", f.MinSources)
	}
	return w
}

// mergedEventOrder returns the ORDER BY clause of a merged event sort order.
func mergedEventOrder(sort string) string {
	switch sort {
	case dyad.SortDate:
		return " ORDER BY first_seen = '', first_seen, id"
	case dyad.SortDateDesc:
		return " ORDER BY last_seen = '', last_seen DESC, id"
	case dyad.SortSources:
		return " ORDER BY sources DESC, mentions DESC, id"
	case dyad.SortMentions:
		return " ORDER BY mentions DESC, id"
	}
	return " ORDER BY id"
}

// mergedEvent maps the index's state of a merged event to the root type.
func mergedEvent(e *story.EventState) dyad.MergedEvent {
	out := dyad.MergedEvent{
		ID: e.ID, Source: e.Source, Target: e.Target, CAMEO: e.CAMEO, Root: e.Root, Mode: e.Mode,
		Date: e.Date, Mentions: e.Mentions, Articles: e.Articles, Sources: len(e.Outlets), Copies: e.Copies,
		Outlets: NonNil(e.Outlets), CopyOutlets: e.CopyOutlets, FirstSeen: e.FirstSeen, LastSeen: e.LastSeen,
		IsRoot: e.IsRoot, Story: e.Story,
	}
	if !e.Place.IsZero() {
		out.Place = &dyad.MergedPlace{Name: e.Place.Name, Country: e.Place.Country, Lat: e.Place.Lat,
			Lon: e.Place.Lon, GeonameID: e.Place.GeonameID}
	}
	return out
}

// findMergedEvents returns the merged events of a query on story_events.
func (s *Queries) findMergedEvents(ctx context.Context, q Querier, where string, args []any) ([]dyad.MergedEvent, error) {
	states, err := ScanMergedEvents(ctx, q, `SELECT `+s.mergedEventCols+` FROM story_events`+where, args)
	if err != nil {
		return nil, err
	}
	out := make([]dyad.MergedEvent, len(states))
	for i := range states {
		out[i] = mergedEvent(&states[i])
	}
	return out, nil
}

// FindMergedEvents returns one page of the merged events f selects and
// their number (see dyad.StoryStore).
func (s *Queries) FindMergedEvents(ctx context.Context, f dyad.MergedEventFilter) ([]dyad.MergedEvent, int, error) {
	if err := f.Validate(); err != nil {
		return nil, 0, err
	}
	w := mergedEventWhere(&f)
	q, end, err := s.read(ctx)
	if err != nil {
		return nil, 0, s.errorf("find merged events", err)
	}
	defer end()
	total, err := count(ctx, q, `SELECT count(*) FROM story_events`+w.String(), w.Args)
	if err != nil {
		return nil, 0, s.errorf("find merged events", err)
	}
	evs, err := s.findMergedEvents(ctx, q, w.String()+mergedEventOrder(f.Sort)+s.d.Limit(f.Page), w.Args)
	if err != nil {
		return nil, 0, s.errorf("find merged events", err)
	}
	return evs, total, nil
}

// reportExtra is what a report adds to its stored event.
type reportExtra struct {
	title, outlet string
	sentStart     int
	sentText      *string
	copy          bool
	dupOf         int64
}

// GetMergedEvent returns a merged event with one page of its reports and
// their number (see dyad.StoryStore).
func (s *Queries) GetMergedEvent(ctx context.Context, id int64, page dyad.Page) (*dyad.MergedEvent, error) {
	if err := page.Validate(); err != nil {
		return nil, err
	}
	q, end, err := s.read(ctx)
	if err != nil {
		return nil, s.errorf(fmt.Sprintf("merged event %d", id), err)
	}
	defer end()
	evs, err := s.findMergedEvents(ctx, q, ` WHERE id = ?`, []any{id})
	if err != nil {
		return nil, s.errorf(fmt.Sprintf("merged event %d", id), err)
	}
	if len(evs) == 0 {
		return nil, s.errorf(fmt.Sprintf("merged event %d", id), dyad.ErrNotFound)
	}
	ev := &evs[0]
	const join = ` JOIN story_mentions m ON m.article_id = e.article_id AND m.ord = e.ord
		WHERE m.event_id = ?`
	ev.ReportsTotal, err = count(ctx, q, `SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id`+join, []any{id})
	if err != nil {
		return nil, s.errorf(fmt.Sprintf("merged event %d", id), err)
	}
	// The coded events of the page, then what the index and the article
	// add to them, in the same order.
	from := join + ` ORDER BY a.published = '', a.published, a.id, e.ord` + s.d.Limit(page)
	ev.Reports = []dyad.Report{}
	err = q.Each(ctx, s.eventSelect+from, []any{id}, func(r Scanner) error {
		e, err := scanEvent(r)
		if err != nil {
			return err
		}
		ev.Reports = append(ev.Reports, dyad.Report{StoredEvent: e})
		return nil
	})
	if err != nil {
		return nil, s.errorf(fmt.Sprintf("merged event %d", id), err)
	}
	i := 0
	// The sentence's text is cut from the article's bytes, so that the
	// report's offsets, less SentenceStart, index into it.
	err = q.Each(ctx, `SELECT a.title, s.outlet, COALESCE(sn.start, 0),
			`+s.d.Bytes("a.text", "sn.start", `sn."end"`)+`, m.copy, COALESCE(s.dup_of, 0)
		FROM events e JOIN articles a ON a.id = e.article_id
		JOIN story_articles s ON s.article_id = e.article_id
		LEFT JOIN sentences sn ON sn.article_id = e.article_id AND sn.idx = e.sentence`+from, []any{id},
		func(r Scanner) error {
			if i >= len(ev.Reports) {
				return errors.New("more report rows than events")
			}
			var x reportExtra
			if err := r.Scan(&x.title, &x.outlet, &x.sentStart, &x.sentText, &x.copy, &x.dupOf); err != nil {
				return err
			}
			rep := &ev.Reports[i]
			rep.Title, rep.Outlet, rep.SentenceStart, rep.Copy, rep.DupOf = x.title, x.outlet, x.sentStart, x.copy, x.dupOf
			rep.SentenceText = deref(x.sentText)
			i++
			return nil
		})
	if err == nil && i != len(ev.Reports) {
		err = errors.New("fewer report rows than events")
	}
	if err != nil {
		return nil, s.errorf(fmt.Sprintf("merged event %d", id), err)
	}
	return ev, nil
}

// storyWhere translates a filter into conditions on stories st.
func (d *Dialect) storyWhere(f *dyad.StoryFilter) (*Where, error) {
	w := &Where{}
	if f.From != "" {
		w.Add("st.last >= ?", f.From)
	}
	if f.To != "" {
		w.Add("st.first <> '' AND st.first <= ?", f.To)
	}
	if f.Actor != "" {
		var k Where
		k.KeyPrefix(f.Actor, "e.source", "e.target")
		w.Add(`st.id IN (SELECT s.story_id FROM story_events e
			JOIN story_mentions m ON m.event_id = e.id
			JOIN story_articles s ON s.article_id = m.article_id WHERE `+k.Conds[0]+`)`, k.Args...)
	}
	if f.Text != "" {
		ids, arg, err := d.ArticleMatch(f.Text)
		if err != nil {
			return nil, err
		}
		w.Add(`st.id IN (SELECT s.story_id FROM story_articles s WHERE s.article_id IN (`+ids+`))`, arg)
	}
	if f.MinArticles > 0 {
		w.Add("st.articles >= ?", f.MinArticles)
	}
	return w, nil
}

// storyOrder returns the ORDER BY clause of a story sort order.
func storyOrder(sort string) string {
	switch sort {
	case dyad.SortDate:
		return " ORDER BY st.first = '', st.first, st.id"
	case dyad.SortDateDesc:
		return " ORDER BY st.last = '', st.last DESC, st.id"
	case dyad.SortArticles:
		return " ORDER BY st.articles DESC, st.id"
	}
	return " ORDER BY st.id"
}

// storySelect selects the columns scanStory reads, from stories st.
const storySelect = `SELECT st.id, st.title, COALESCE(st.title_article, 0), st.first, st.last, st.articles,
	(SELECT count(*) FROM story_articles s WHERE s.story_id = st.id AND s.dup_of IS NOT NULL),
	(SELECT count(DISTINCT m.event_id) FROM story_articles s
		JOIN story_mentions m ON m.article_id = s.article_id WHERE s.story_id = st.id)
	FROM stories st`

func scanStory(r Scanner) (dyad.StoredStory, error) {
	var s dyad.StoredStory
	err := r.Scan(&s.ID, &s.Title, &s.TitleArticle, &s.First, &s.Last, &s.Articles, &s.Copies, &s.Events)
	return s, err
}

func findStories(ctx context.Context, q Querier, where string, args []any) ([]dyad.StoredStory, error) {
	out := []dyad.StoredStory{}
	err := q.Each(ctx, storySelect+where, args, func(r Scanner) error {
		s, err := scanStory(r)
		if err != nil {
			return err
		}
		out = append(out, s)
		return nil
	})
	return out, err
}

// FindStories returns one page of the stories f selects and their number
// (see dyad.StoryStore).
func (s *Queries) FindStories(ctx context.Context, f dyad.StoryFilter) ([]dyad.StoredStory, int, error) {
	if err := f.Validate(); err != nil {
		return nil, 0, err
	}
	w, err := s.d.storyWhere(&f)
	if err != nil {
		return nil, 0, err
	}
	q, end, err := s.read(ctx)
	if err != nil {
		return nil, 0, s.errorf("find stories", err)
	}
	defer end()
	total, err := count(ctx, q, `SELECT count(*) FROM stories st`+w.String(), w.Args)
	if err != nil {
		return nil, 0, s.errorf("find stories", err)
	}
	sts, err := findStories(ctx, q, w.String()+storyOrder(f.Sort)+s.d.Limit(f.Page), w.Args)
	if err != nil {
		return nil, 0, s.errorf("find stories", err)
	}
	return sts, total, nil
}

// GetStory returns a story with its articles, merged events and top actors
// and places (see dyad.StoryStore).
func (s *Queries) GetStory(ctx context.Context, id int64) (*dyad.StoryDetail, error) {
	q, end, err := s.read(ctx)
	if err != nil {
		return nil, s.errorf(fmt.Sprintf("story %d", id), err)
	}
	defer end()
	d, err := s.getStory(ctx, q, id)
	if err != nil {
		return nil, s.errorf(fmt.Sprintf("story %d", id), err)
	}
	return d, nil
}

func (s *Queries) getStory(ctx context.Context, q Querier, id int64) (*dyad.StoryDetail, error) {
	sts, err := findStories(ctx, q, ` WHERE st.id = ?`, []any{id})
	if err != nil {
		return nil, err
	}
	if len(sts) == 0 {
		return nil, dyad.ErrNotFound
	}
	d := &dyad.StoryDetail{StoredStory: sts[0], Docs: []dyad.StoryArticle{}, TopActors: []dyad.NameCount{},
		TopPlaces: []dyad.NameCount{}}
	err = q.Each(ctx, `SELECT a.id, a.doc, a.title, a.url, s.outlet, a.published, s.date,
			COALESCE(s.dup_of, 0), s.similarity, s.copy, `+s.d.JSONArrayLength+`(s.events)
			FROM story_articles s JOIN articles a ON a.id = s.article_id
			WHERE s.story_id = ? ORDER BY s.seq`, []any{id}, func(r Scanner) error {
		var a dyad.StoryArticle
		if err := r.Scan(&a.ID, &a.Doc, &a.Title, &a.URL, &a.Outlet, &a.Published, &a.Date, &a.DupOf,
			&a.Similarity, &a.Copy, &a.Events); err != nil {
			return err
		}
		d.Docs = append(d.Docs, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	f := dyad.MergedEventFilter{Story: id}
	w := mergedEventWhere(&f)
	if d.MergedEvents, err = s.findMergedEvents(ctx, q, w.String()+mergedEventOrder(""), w.Args); err != nil {
		return nil, err
	}
	// Names in byte order (SQLite's default collation, PostgreSQL's
	// columns' "C"), so that ties sort the same in every store.
	err = q.Each(ctx, `SELECT ac.name, count(DISTINCT ac.article_id) AS n
			FROM story_articles s JOIN actors ac ON ac.article_id = s.article_id
			WHERE s.story_id = ? GROUP BY ac.name ORDER BY n DESC, ac.name LIMIT ?`, []any{id, topNames},
		func(r Scanner) error {
			var c dyad.NameCount
			if err := r.Scan(&c.Name, &c.Count); err != nil {
				return err
			}
			d.TopActors = append(d.TopActors, c)
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = q.Each(ctx, `SELECT p.name, p.country, count(DISTINCT p.article_id) AS n
			FROM story_articles s JOIN places p ON p.article_id = s.article_id
			WHERE s.story_id = ? AND p.name <> '' GROUP BY p.name, p.country
			ORDER BY n DESC, p.name, p.country LIMIT ?`, []any{id, topNames},
		func(r Scanner) error {
			var c dyad.NameCount
			if err := r.Scan(&c.Name, &c.Country, &c.Count); err != nil {
				return err
			}
			d.TopPlaces = append(d.TopPlaces, c)
			return nil
		})
	if err != nil {
		return nil, err
	}
	return d, nil
}
