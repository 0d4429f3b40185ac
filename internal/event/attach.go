package event

import (
	"github.com/dyad-project/dyad"
)

// clauseRels are the relations that start a clause of its own: a time or
// place inside one does not date or place the clause above it.
var clauseRels = []string{"ccomp", "advcl", "acl", "parataxis", "csubj"}

// spanHead returns the token of sentence t that heads the span [start,
// end): the token in the span whose head lies outside it; -1 if no token
// lies in the span.
func spanHead(t *tree, start, end int) int {
	best := -1
	for i, tok := range t.toks {
		if tok.Start < start || tok.End > end {
			continue
		}
		h := t.head(i)
		if h < 0 || t.toks[h].Start < start || t.toks[h].End > end {
			if best < 0 || t.depth(i) < t.depth(best) {
				best = i
			}
		}
	}
	return best
}

// attachment returns the predicate that the phrase headed by h modifies:
// the first verb or adjective above it, or a noun that heads its clause.
func attachment(t *tree, h int) int {
	for x := t.head(h); x >= 0; x = t.head(x) {
		if t.isVerb(x) || t.isAdj(x) || x == t.root {
			return x
		}
	}
	return -1
}

// within reports whether token h hangs below predicate p without crossing
// into a clause of its own.
func within(t *tree, p, h int) bool {
	for x := h; x >= 0; x = t.head(x) {
		if x == p {
			return true
		}
		if x != h && t.relIn(x, clauseRels...) {
			return false
		}
		if x != h && t.relIn(x, "conj") && (t.isVerb(x) || t.isAdj(x)) {
			return false
		}
	}
	return false
}

// inherits reports whether a phrase attached to predicate a may date or
// place an event whose clause is p though it is not within p's clause: a
// is p's own clause or one above it, or a participle or time clause that
// modifies one ("Speaking on Saturday, Kerry called ...").
func inherits(t *tree, a, p int) bool {
	if a < 0 {
		return false
	}
	if t.dominates(a, p) {
		return t.relIn(p, "root", "xcomp", "conj", "advcl") || a == p || !crossesClause(t, a, p)
	}
	if t.relIn(a, "advcl") {
		if h := t.head(a); h >= 0 && t.dominates(h, p) {
			return true
		}
	}
	return false
}

// crossesClause reports whether the path from a down to p passes through
// a clause of its own (other than p's).
func crossesClause(t *tree, a, p int) bool {
	for x := t.head(p); x >= 0 && x != a; x = t.head(x) {
		if t.relIn(x, clauseRels...) {
			return true
		}
	}
	return false
}

// date returns the date of an event whose clause is headed by p: that of a
// time expression in the clause, else, when SentenceDates is set, that of
// the only dated expression in the sentence that the clause may inherit.
// It never invents a date.
func (r *run) date(t *tree, p int, ev *dyad.Event) *string {
	var pick *dyad.TimeExpr
	var fallback []*dyad.TimeExpr
	for i := range r.in.Times {
		te := &r.in.Times[i]
		if te.Sentence != t.idx || te.Date == "" {
			continue
		}
		h := spanHead(t, te.Start, te.End)
		if h < 0 {
			continue
		}
		if within(t, p, h) {
			pick = te
			break
		}
		if inherits(t, attachment(t, h), p) {
			fallback = append(fallback, te)
		}
	}
	how := "in the clause"
	if pick == nil && r.c.cfg.SentenceDates && len(fallback) > 0 {
		same := true
		for _, f := range fallback[1:] {
			same = same && f.Date == fallback[0].Date
		}
		if same {
			pick, how = fallback[0], "in the sentence"
		}
	}
	if pick == nil {
		if r.c.cfg.PublishedDates && ev.Mode == dyad.ModeAsserted && r.in.Published != "" {
			ev.Evidence = append(ev.Evidence, dyad.Evidence{Role: "date", Entry: "publication date"})
			d := r.in.Published
			return &d
		}
		return nil
	}
	ev.Evidence = append(ev.Evidence, dyad.Evidence{Role: "date", Text: pick.Text, Start: pick.Start, End: pick.End,
		Entry: how + ": " + pick.Rule})
	d := pick.Date
	return &d
}

// place returns the place of an event whose clause is headed by p, with the
// same policy as date.
func (r *run) place(t *tree, p int, ev *dyad.Event) *dyad.Place {
	var pick *dyad.Place
	var fallback []*dyad.Place
	for i := range r.in.Places {
		pl := &r.in.Places[i]
		if pl.Sentence != t.idx {
			continue
		}
		h := spanHead(t, pl.Start, pl.End)
		if h < 0 {
			continue
		}
		if within(t, p, h) {
			pick = pl
			break
		}
		if inherits(t, attachment(t, h), p) {
			fallback = append(fallback, pl)
		}
	}
	how := "in the clause"
	if pick == nil && r.c.cfg.SentencePlaces && len(fallback) == 1 {
		pick, how = fallback[0], "in the sentence"
	}
	if pick == nil {
		return nil
	}
	ev.Evidence = append(ev.Evidence, dyad.Evidence{Role: "place", Text: pick.Text, Start: pick.Start, End: pick.End, Entry: how})
	pl := *pick
	return &pl
}
