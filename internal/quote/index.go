package quote

import (
	"sort"

	"github.com/dyad-project/dyad"
)

// ActorIndex is a SpeakerFinder over the actors of one article, as the actor
// stage returns them.
type ActorIndex struct {
	byStart []indexed // sorted by Start, then longest first
	byEnd   []indexed // sorted by End, then longest first
	maxLen  int
}

var _ SpeakerFinder = (*ActorIndex)(nil)

type indexed struct {
	m      dyad.Mention
	actor  *dyad.Actor
	person bool
}

// NewActorIndex indexes every mention of actors. The actors are not copied
// and must not change while the index is in use.
func NewActorIndex(actors []dyad.Actor) *ActorIndex {
	x := &ActorIndex{}
	for i := range actors {
		a := &actors[i]
		for _, m := range a.Mentions {
			if m.End <= m.Start {
				continue
			}
			x.byStart = append(x.byStart, indexed{m: m, actor: a, person: a.Type == dyad.TypePerson})
			x.maxLen = max(x.maxLen, m.End-m.Start)
		}
	}
	x.byEnd = append([]indexed(nil), x.byStart...)
	sort.SliceStable(x.byStart, func(i, j int) bool {
		a, b := x.byStart[i].m, x.byStart[j].m
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End > b.End
	})
	sort.SliceStable(x.byEnd, func(i, j int) bool {
		a, b := x.byEnd[i].m, x.byEnd[j].m
		if a.End != b.End {
			return a.End < b.End
		}
		return a.Start < b.Start
	})
	return x
}

// ActorAt returns the actor whose mention overlaps [start, end), the longest
// mention when several do.
func (x *ActorIndex) ActorAt(start, end int) (dyad.ActorRef, bool) {
	hi := sort.Search(len(x.byStart), func(i int) bool { return x.byStart[i].m.Start >= end })
	best, bestLen := -1, 0
	for i := hi - 1; i >= 0 && x.byStart[i].m.Start > start-x.maxLen-1; i-- {
		m := x.byStart[i].m
		if m.End > start && m.End-m.Start > bestLen {
			best, bestLen = i, m.End-m.Start
		}
	}
	if best < 0 {
		return dyad.ActorRef{}, false
	}
	return ref(x.byStart[best]), true
}

// Nearest returns the actor of the mention that ends last at or before pos,
// a person's when person is true.
func (x *ActorIndex) Nearest(pos int, person bool) (dyad.ActorRef, bool) {
	i := sort.Search(len(x.byEnd), func(i int) bool { return x.byEnd[i].m.End > pos })
	for i--; i >= 0; i-- {
		if !person || x.byEnd[i].person {
			return ref(x.byEnd[i]), true
		}
	}
	return dyad.ActorRef{}, false
}

func ref(e indexed) dyad.ActorRef {
	return dyad.ActorRef{
		Name: e.actor.Name, Country: e.actor.Country, Sector: e.actor.Sector, Code: e.actor.Code,
		Text: e.m.Text, Start: e.m.Start, End: e.m.End,
	}
}
