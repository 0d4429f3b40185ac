package httpapi

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/dyad-project/dyad"
)

// mergeKey reads a merge key prefix (USA, SYR/REB, AL_NUSRA_FRONT):
// upper-cased, since every key is.
func (p *params) mergeKey(key string) string {
	return strings.ToUpper(p.str(key))
}

// pathID reads the positive ID at the end of a path.
func pathID(r *http.Request, what string) (int64, error) {
	raw := r.PathValue("id")
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id < 1 {
		return 0, Errorf(ECodeInvalid, "%s ID %q is not a positive whole number", what, raw)
	}
	return id, nil
}

// handleStories is GET /api/stories: one page of the stories a filter
// selects.
func (s *Server) handleStories(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	f := dyad.StoryFilter{
		From:        p.str("from"),
		To:          p.str("to"),
		Actor:       p.mergeKey("actor"),
		Text:        p.str("text"),
		MinArticles: p.integer("min_articles", 0, 1, 1<<30),
		Sort:        p.oneOf("sort", dyad.SortDate, dyad.SortDateDesc, dyad.SortArticles),
		Page:        p.page(s.cfg.DefaultPage, s.cfg.MaxPage),
	}
	if err := p.finish(); err != nil {
		return err
	}
	stories, total, err := s.store.FindStories(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		list
		Stories []dyad.StoredStory `json:"stories"`
	}{newList(total, len(stories), f.Page, func(pg dyad.Page) string {
		return "/api/stories?" + encodeNext(r, pg)
	}), stories})
	return nil
}

// handleStory is GET /api/stories/{id}: a story with its articles, merged
// events, top actors and places.
func (s *Server) handleStory(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "story")
	if err != nil {
		return err
	}
	if err := newParams(r.URL.Query()).finish(); err != nil {
		return err
	}
	st, err := s.store.GetStory(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		Story *dyad.StoryDetail `json:"story"`
	}{st})
	return nil
}

// handleMergedEvents is GET /api/merged-events: one page of the merged
// events a filter selects.
func (s *Server) handleMergedEvents(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	f := dyad.MergedEventFilter{
		Actor:      p.mergeKey("actor"),
		Source:     p.mergeKey("source"),
		Target:     p.mergeKey("target"),
		CAMEO:      p.digits("cameo", 1, 4, "a CAMEO event code or code prefix (19, 042, 0211)"),
		From:       p.str("from"),
		To:         p.str("to"),
		Story:      p.id("story"),
		ArticleID:  p.id("article_id"),
		MinSources: p.integer("min_sources", 0, 1, 1<<30),
		Sort:       p.oneOf("sort", dyad.SortDate, dyad.SortDateDesc, dyad.SortSources, dyad.SortMentions),
		Page:       p.page(s.cfg.DefaultPage, s.cfg.MaxPage),
	}
	if err := p.finish(); err != nil {
		return err
	}
	events, total, err := s.store.FindMergedEvents(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		list
		Events []dyad.MergedEvent `json:"merged_events"`
	}{newList(total, len(events), f.Page, func(pg dyad.Page) string {
		return "/api/merged-events?" + encodeNext(r, pg)
	}), events})
	return nil
}

// handleMergedEvent is GET /api/merged-events/{id}: a merged event with
// one page of its reports (limit and offset), in the envelope of a list of
// reports.
func (s *Server) handleMergedEvent(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "merged event")
	if err != nil {
		return err
	}
	p := newParams(r.URL.Query())
	pg := p.page(s.cfg.DefaultPage, s.cfg.MaxPage)
	if err := p.finish(); err != nil {
		return err
	}
	ev, err := s.store.GetMergedEvent(r.Context(), id, pg)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		list
		Event *dyad.MergedEvent `json:"merged_event"`
	}{newList(ev.ReportsTotal, len(ev.Reports), pg, func(next dyad.Page) string {
		return "/api/merged-events/" + strconv.FormatInt(id, 10) + "?" + encodeNext(r, next)
	}), ev})
	return nil
}
