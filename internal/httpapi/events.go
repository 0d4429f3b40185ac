package httpapi

import (
	"net/http"
	"sort"

	"github.com/dyad-project/dyad"
)

// list is the envelope of a page of results: how many there are in all,
// which window this is, and the link to the next window (absent on the
// last).
type list struct {
	Total  int    `json:"total"`
	Limit  int    `json:"limit"`
	Offset int    `json:"offset"`
	Next   string `json:"next,omitempty"`
}

// newList fills the envelope; next returns the link to a window.
func newList(total, n int, p dyad.Page, next func(dyad.Page) string) list {
	l := list{Total: total, Limit: p.Limit, Offset: p.Offset}
	if p.Offset+n < total && n > 0 {
		l.Next = next(dyad.Page{Limit: p.Limit, Offset: p.Offset + n})
	}
	return l
}

// handleEvents is GET /api/events: one page of the events a filter
// selects.
func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	f := p.eventFilter(true, s.cfg.DefaultPage, s.cfg.MaxPage)
	if err := p.finish(); err != nil {
		return err
	}
	events, total, err := s.store.FindEvents(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		list
		Events []dyad.StoredEvent `json:"events"`
	}{newList(total, len(events), f.Page, func(pg dyad.Page) string {
		g := f
		g.Page = pg
		return "/api/events?" + encodeEventFilter(g).Encode()
	}), events})
	return nil
}

// handleTimeline is GET /api/timeline: event counts per day, week or
// month, in one series or one per quad class or CAMEO root.
func (s *Server) handleTimeline(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	f := p.eventFilter(false, 0, 0)
	o := dyad.TimelineOptions{
		Interval: p.oneOf("interval", dyad.IntervalDay, dyad.IntervalWeek, dyad.IntervalMonth),
		By:       p.oneOf("by", dyad.GroupQuad, dyad.GroupRoot),
	}
	if err := p.finish(); err != nil {
		return err
	}
	if o.Interval == "" {
		o.Interval = dyad.IntervalMonth
	}
	points, err := s.store.Timeline(r.Context(), f, o)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		Interval string               `json:"interval"`
		By       string               `json:"by"`
		Points   []dyad.TimelinePoint `json:"points"`
	}{o.Interval, o.By, points})
	return nil
}

// node is an actor (or country) of a network with its event counts.
type node struct {
	ID     string `json:"id"`
	Events int    `json:"events"` // as source or target, self-loops once
	Out    int    `json:"out"`    // as source
	In     int    `json:"in"`     // as target
}

// nodesOf returns the nodes of a list of edges, sorted by ID.
func nodesOf(edges []dyad.Edge) []node {
	byID := map[string]*node{}
	get := func(id string) *node {
		n := byID[id]
		if n == nil {
			n = &node{ID: id}
			byID[id] = n
		}
		return n
	}
	for _, e := range edges {
		src, tgt := get(e.Source), get(e.Target)
		src.Out += e.Count
		tgt.In += e.Count
		src.Events += e.Count
		if e.Target != e.Source {
			tgt.Events += e.Count
		}
	}
	nodes := make([]node, 0, len(byID))
	for _, n := range byID {
		nodes = append(nodes, *n)
	}
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].ID < nodes[j].ID })
	return nodes
}

// handleNetwork is GET /api/network: the directed dyads of the events a
// filter selects, and their nodes.
func (s *Server) handleNetwork(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	f := p.eventFilter(false, 0, 0)
	o := dyad.NetworkOptions{
		Node:  p.oneOf("node", dyad.NodeCode, dyad.NodeCountry, dyad.NodeName),
		Limit: p.integer("limit", min(100, s.cfg.MaxEdges), 1, s.cfg.MaxEdges),
	}
	if err := p.finish(); err != nil {
		return err
	}
	if o.Node == "" {
		o.Node = dyad.NodeCode
	}
	edges, err := s.store.Network(r.Context(), f, o)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		Node  string      `json:"node"`
		Nodes []node      `json:"nodes"`
		Edges []dyad.Edge `json:"edges"`
	}{o.Node, nodesOf(edges), edges})
	return nil
}

// handleMap is GET /api/map: event counts per place.
func (s *Server) handleMap(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	f := p.eventFilter(false, 0, 0)
	if err := p.finish(); err != nil {
		return err
	}
	points, err := s.store.MapPoints(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		Points []dyad.MapPoint `json:"points"`
	}{points})
	return nil
}
