package httpapi

import (
	"net/http"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/cameo"
)

// quadLabels name the QuadClasses.
var quadLabels = []struct {
	Quad  int    `json:"quad"`
	Label string `json:"label"`
}{
	{1, "Verbal cooperation"},
	{2, "Material cooperation"},
	{3, "Verbal conflict"},
	{4, "Material conflict"},
}

// handleInfo is GET /api/info: what the store holds and what the server
// offers.
func (s *Server) handleInfo(w http.ResponseWriter, r *http.Request) error {
	if err := newParams(r.URL.Query()).finish(); err != nil {
		return err
	}
	ctx := r.Context()
	one := dyad.Page{Limit: 1}
	_, events, err := s.store.FindEvents(ctx, dyad.EventFilter{Page: one})
	if err != nil {
		return err
	}
	_, articles, err := s.store.Search(ctx, dyad.SearchFilter{Kind: dyad.HitArticle, Page: one})
	if err != nil {
		return err
	}
	_, quotes, err := s.store.FindQuotes(ctx, dyad.QuoteFilter{Page: one})
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		Articles int  `json:"articles"`
		Events   int  `json:"events"`
		Quotes   int  `json:"quotes"`
		Writable bool `json:"writable"`
		WorldMap bool `json:"world_map"`
		MaxPage  int  `json:"max_page"`
	}{articles, events, quotes, s.cfg.Token != "", s.web.hasWorld, s.cfg.MaxPage})
	return nil
}

// handleCodes is GET /api/codes: the CAMEO event codes with their labels,
// PLOVER types, QuadClasses and Goldstein values, and the QuadClass names.
func (s *Server) handleCodes(w http.ResponseWriter, r *http.Request) error {
	if err := newParams(r.URL.Query()).finish(); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		Codes []cameo.Code `json:"codes"`
		Quads any          `json:"quads"`
	}{cameo.All(), quadLabels})
	return nil
}
