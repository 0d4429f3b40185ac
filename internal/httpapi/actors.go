package httpapi

import (
	"net/http"
	"sort"
	"strings"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/cameo"
)

// handleActors is GET /api/actors: one page of actors with their roles over
// time.
func (s *Server) handleActors(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	f := dyad.ActorFilter{
		Query:     p.str("q"),
		Country:   p.country("country"),
		Sector:    p.str("sector"),
		Type:      p.oneOf("type", dyad.TypePerson, dyad.TypeState, dyad.TypeOrganisation, dyad.TypeGroup),
		ArticleID: p.id("article_id"),
		Sort:      p.oneOf("sort", dyad.SortMentions, dyad.SortArticles, dyad.SortEvents, dyad.SortName),
		Page:      p.page(s.cfg.DefaultPage, s.cfg.MaxPage),
	}
	if err := p.finish(); err != nil {
		return err
	}
	actors, total, err := s.store.FindActors(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		list
		Actors []dyad.ActorSummary `json:"actors"`
	}{newList(total, len(actors), f.Page, func(pg dyad.Page) string {
		return "/api/actors?" + encodeNext(r, pg)
	}), actors})
	return nil
}

// rootCount is what an actor did (or had done to it) under one CAMEO root,
// and with whom.
type rootCount struct {
	Root  string `json:"root"`
	Label string `json:"label"`
	Count int    `json:"count"`
	// Goldstein is the mean Goldstein value, rounded to two decimals.
	Goldstein float64 `json:"goldstein"`
	// Counterparts are the other sides of these events, most frequent
	// first; events without one count only in Count.
	Counterparts []counterpart `json:"counterparts"`
}

// counterpart is the other side of an actor's events.
type counterpart struct {
	Name  string `json:"name"`
	Code  string `json:"code"`
	Count int    `json:"count"`
}

// actorProfile is the answer of GET /api/actors/{name}.
type actorProfile struct {
	Actor dyad.ActorSummary `json:"actor"`
	// AsSource holds, per CAMEO root, the events the actor carried out
	// (who they met, threatened, praised); AsTarget the events done to
	// them. Both are sorted by root.
	AsSource []rootCount `json:"as_source"`
	AsTarget []rootCount `json:"as_target"`
}

// maxActorCandidates bounds the actors read while looking for an exact name
// among those whose names contain it.
const maxActorCandidates = 2000

// handleActor is GET /api/actors/{name}: one actor (by name, ignoring
// case), its roles over time, and its events by CAMEO root with their
// counterparts.
func (s *Server) handleActor(w http.ResponseWriter, r *http.Request) error {
	name := strings.TrimSpace(r.PathValue("name"))
	if err := newParams(r.URL.Query()).finish(); err != nil {
		return err
	}
	if name == "" {
		return Errorf(ECodeNotFound, "no actor name in the path")
	}
	summary, err := s.findActor(r, name)
	if err != nil {
		return err
	}
	prof := actorProfile{Actor: *summary}
	src, tgt := newRootCounter(), newRootCounter()
	err = s.store.ScanEvents(r.Context(), dyad.EventFilter{Actor: summary.Name}, func(e *dyad.StoredEvent) error {
		// A name in capitals also matches codes; only events where the
		// actor is a side by name count here.
		if strings.EqualFold(e.Source.Name, summary.Name) {
			src.add(e, e.Target)
		}
		if e.Target != nil && strings.EqualFold(e.Target.Name, summary.Name) {
			tgt.add(e, &e.Source)
		}
		return nil
	})
	if err != nil {
		return err
	}
	prof.AsSource, prof.AsTarget = src.result(), tgt.result()
	s.writeJSON(w, http.StatusOK, prof)
	return nil
}

// findActor returns the summary of the actor named name, ignoring ASCII
// case; of several (a state and a person both called "Georgia"), the most
// mentioned. The store's query matches names containing the value, so the
// exact name is looked for among them.
func (s *Server) findActor(r *http.Request, name string) (*dyad.ActorSummary, error) {
	const page = 200
	for off := 0; off < maxActorCandidates; off += page {
		actors, total, err := s.store.FindActors(r.Context(), dyad.ActorFilter{Query: name, Sort: dyad.SortMentions,
			Page: dyad.Page{Limit: page, Offset: off}})
		if err != nil {
			return nil, err
		}
		for i := range actors {
			if strings.EqualFold(actors[i].Name, name) {
				return &actors[i], nil
			}
		}
		if off+len(actors) >= total || len(actors) == 0 {
			break
		}
	}
	return nil, Errorf(ECodeNotFound, "no actor named %q", name)
}

// rootCounter sums events per CAMEO root and counterpart.
type rootCounter struct {
	roots map[string]*rootSum
}

type rootSum struct {
	count     int
	goldstein float64
	others    map[string]*counterpart // by name, lower-cased
}

func newRootCounter() *rootCounter { return &rootCounter{roots: map[string]*rootSum{}} }

func (c *rootCounter) add(e *dyad.StoredEvent, other *dyad.ActorRef) {
	rs := c.roots[e.Root]
	if rs == nil {
		rs = &rootSum{others: map[string]*counterpart{}}
		c.roots[e.Root] = rs
	}
	rs.count++
	rs.goldstein += e.Goldstein
	if other == nil {
		return
	}
	key := strings.ToLower(other.Name)
	cp := rs.others[key]
	if cp == nil {
		cp = &counterpart{Name: other.Name, Code: other.Code}
		rs.others[key] = cp
	}
	cp.Count++
}

// result returns the sums sorted by root, counterparts by count then name.
func (c *rootCounter) result() []rootCount {
	out := make([]rootCount, 0, len(c.roots))
	for root, rs := range c.roots {
		rc := rootCount{Root: root, Count: rs.count, Goldstein: round2(rs.goldstein / float64(rs.count)),
			Counterparts: make([]counterpart, 0, len(rs.others))}
		if code, ok := cameo.Lookup(root); ok {
			rc.Label = code.Label
		}
		for _, cp := range rs.others {
			rc.Counterparts = append(rc.Counterparts, *cp)
		}
		sort.Slice(rc.Counterparts, func(i, j int) bool {
			a, b := rc.Counterparts[i], rc.Counterparts[j]
			if a.Count != b.Count {
				return a.Count > b.Count
			}
			return a.Name < b.Name
		})
		out = append(out, rc)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Root < out[j].Root })
	return out
}

// round2 rounds a mean to two decimals, as the store does.
func round2(x float64) float64 {
	if x < 0 {
		return -float64(int64(-x*100+0.5)) / 100
	}
	return float64(int64(x*100+0.5)) / 100
}
