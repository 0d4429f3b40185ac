package event

import "github.com/dyad-project/dyad/internal/dict"

// Threats made as consequences. A speaker threatens as often by announcing
// what will follow as with "threaten" or "warn": "said it would take
// retaliatory measures", "said any aggression against Guyana would have
// consequences", "Russia must understand that such acts will not go
// unanswered". A clause of the future or of a modal that a speaker reports
// (a SPEAKERS or WARNERS verb) and whose verb, object or predicate is a
// member of the RETALIATION set is coded as the speaker's threat (130),
// asserted as the report is: the report is the threat. The one threatened
// is, in order, the subject of the clause's condition ("if", "unless"), the
// actor or the doer of the act of its "against" phrase, the doer of the act
// that has or meets the consequences (its subject), the one told to
// understand it, or the target of what the speaker did in the clause
// before ("summoned Poland's envoy and said it would ...").

// threatCode is the code of a threat announced as a consequence.
const threatCode = "130"

// retaliators are the verbs whose subject takes the retaliation: the
// speaker's side, not the one threatened.
var retaliators = map[string]bool{"take": true, "adopt": true, "impose": true, "retaliate": true,
	"launch": true, "use": true, "respond": true}

// consequence codes predicate p when it announces a retaliation.
func (r *run) consequence(t *tree, p int) {
	c := r.c
	if !(t.isVerb(p) || t.isAdj(p)) || !announces(t, p) || !c.retaliation(t, p) {
		return
	}
	rep := c.reporter(t, p)
	if rep < 0 {
		return
	}
	if tr, ok := c.findTrigger(t, rep); ok {
		if code := tr.entry().Effective(); root(code.Event) == "13" {
			return // "warned that ...": coded as the warning (threatTarget)
		}
	}
	f := found{t: t, trig: p, code: dict.VerbCode{Event: threatCode}, clause: rep,
		note: "a retaliation announced by " + t.word[rep] + " is a threat"}
	f.sources, f.srcVia = c.subject(t, rep)
	f.targets, f.tgtVia = r.consequenceTarget(t, p, rep)
	f.mode = c.clauseMode(t, rep)
	r.emit(f)
}

// announces reports whether predicate p speaks of what will or would
// happen: it has a modal or future auxiliary.
func announces(t *tree, p int) bool {
	for _, k := range t.children(p, "aux") {
		if hypModals[t.lemma[k]] || futureAux[t.lemma[k]] || futureAux[t.word[k]] {
			return true
		}
	}
	return false
}

// retaliation reports whether predicate p, its object or its predicate
// complement is a member of the RETALIATION set.
func (c *Coder) retaliation(t *tree, p int) bool {
	mt := &matcher{c: c, t: t}
	if mt.inSet("RETALIATION", p) {
		return true
	}
	for _, k := range t.children(p, "obj", "xcomp") {
		if mt.inSet("RETALIATION", k) {
			return true
		}
	}
	for _, k := range t.children(p, "obl") {
		// "would be met with a firm response", "would respond with full
		// force".
		if t.hasPrep(k, "with") && mt.inSet("RETALIATION", k) {
			return true
		}
	}
	return false
}

// reporter returns the verb of saying or warning (SPEAKERS, WARNERS) whose
// complement holds clause x, looking through coordinated clauses, verbs of
// knowing ("must understand that ...") and time phrases the parser hung the
// clause on; -1 if none.
func (c *Coder) reporter(t *tree, x int) int {
	for steps := 0; steps < 4 && x >= 0; steps++ {
		for _, k := range t.children(x, "parataxis") {
			// "'... will not go unanswered,' the president said" with the
			// attribution hung on the quoted clause.
			if c.verbs.InSet("SPEAKERS", t.lemma[k]) && t.isVerb(k) {
				return k
			}
		}
		if t.relIn(x, "conj") {
			if h := t.head(x); h >= 0 && (t.isVerb(h) || t.isAdj(h)) && t.child(x, "nsubj", "nsubj:pass") < 0 {
				x = h
				continue
			}
		}
		g, ok := clauseGovernor(t, x)
		if !ok {
			return -1
		}
		if c.verbs.InSet("SPEAKERS", t.lemma[g]) || c.verbs.InSet("WARNERS", t.lemma[g]) {
			return g
		}
		x = g
	}
	return -1
}

// consequenceTarget returns who is threatened by the retaliation that p
// announces, reported by rep.
func (r *run) consequenceTarget(t *tree, p, rep int) ([]arg, string) {
	c := r.c
	for _, k := range t.children(p, "advcl") {
		if mk := t.child(k, "mark"); mk >= 0 && unlessMarks[t.word[mk]] {
			if s := t.child(k, "nsubj", "nsubj:pass"); s >= 0 {
				if a := c.actorsOf(t, s); len(a) > 0 {
					return a, "subject of the condition of the threat"
				}
			}
		}
	}
	for _, o := range append([]int{p}, t.children(p, "obj")...) {
		for _, k := range t.children(o, "obl", "nmod") {
			if !t.hasPrep(k, "against") {
				continue
			}
			if a := c.actorsOf(t, k); len(a) > 0 {
				return a, "against"
			}
			if a, via := r.judgedActors(t, k); len(a) > 0 {
				return a, "against: " + via
			}
		}
	}
	if s := t.child(p, "nsubj", "nsubj:pass"); s >= 0 && !retaliators[t.lemma[p]] {
		if a := c.actorsOf(t, s); len(a) > 0 {
			return a, "subject of the consequence"
		}
		if a, via := r.judgedActors(t, s); len(a) > 0 {
			return a, "subject of the consequence: " + via
		}
		if a := c.modifierActors(t, s); len(a) > 0 {
			// "any Venezuelan aggression ... would have consequences".
			return a, "doer of the act that has the consequences"
		}
	}
	for x := p; x >= 0 && x != rep; {
		g, ok := clauseGovernor(t, x)
		if !ok {
			break
		}
		if g != rep {
			// "Russia must understand that ...": the one told.
			if s := t.child(g, "nsubj"); s >= 0 {
				if a := c.actorsOf(t, s); len(a) > 0 {
					return a, "the one told to understand"
				}
			}
		}
		x = g
	}
	if h := t.head(rep); h >= 0 && t.relIn(rep, "conj") && h < rep {
		// "summoned Poland's envoy and said it would ...".
		if tr, ok := c.findTrigger(t, h); ok && tr.kind != dict.EntryNoun {
			m, code, _ := c.verbCode(t, tr)
			if !code.None() {
				if a, _ := r.judgedTarget(t, h, m, code.Event+code.Reverse); len(a) > 0 {
					return a, "target of " + t.word[h]
				}
				if a, _ := c.target(t, h, m, code.Event+code.Reverse); len(a) > 0 {
					return a, "target of " + t.word[h]
				}
			}
		}
	}
	return nil, ""
}
