package event

import (
	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/dict"
)

// refusers are verbs whose infinitive complement is refused: "Assad refused
// to negotiate".
var refusers = map[string]bool{"refuse": true, "decline": true, "reject": true}

// refusalCodes map the root of a refused act of cooperation to the CAMEO
// rejection that codes the refusal: refusing to negotiate is 125 (reject a
// proposal to meet, discuss or negotiate), refusing material cooperation
// 121, aid 122, to yield 124, to sign an agreement 127.
var refusalCodes = map[string]string{
	"02": "120", "03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124",
}

// refusal codes "X refused to negotiate with Y" as a rejection by X of Y,
// asserted; the negotiation itself keeps its negated mode. inner is the
// infinitive: the trigger, or the light verb of an event noun ("refused to
// attend talks with Y").
func (r *run) refusal(f found, inner int) {
	t := f.t
	if inner < 0 || !t.relIn(inner, "xcomp") {
		return
	}
	g := t.head(inner)
	if g < 0 || !refusers[t.lemma[g]] {
		return
	}
	ev := eventOf(f.code)
	code := refusalCodes[root(ev)]
	if ev == "057" || (len(ev) > 3 && ev[:3] == "057") {
		code = "127"
	}
	if code == "" {
		return
	}
	r.emitGoverned(f, g, code, "a refused act of cooperation ("+ev+", "+t.word[f.trig]+") is a rejection")
}

// eventOf returns the code of the act a verb code names, its reverse
// code when it names only the other direction.
func eventOf(c dict.VerbCode) string {
	if c.Event != "" {
		return c.Event
	}
	return c.Reverse
}

// emitGoverned emits, besides the act f, the act of the verb g that
// governs it, coded code: refusing to negotiate is a rejection, offering to
// mediate an intent. The governor's subject is its source and its clause
// gives its mode; f's targets stay.
func (r *run) emitGoverned(f found, g int, code, note string) {
	n := f
	n.trig, n.extra, n.clause, n.pat = g, nil, g, nil
	n.code = dict.VerbCode{Event: code}
	n.sources, n.srcVia = r.c.subject(f.t, g)
	n.mode = r.c.clauseMode(f.t, g)
	n.note = note
	r.emit(n)
}

// intentGovernors are verbs whose infinitive names an act their subject
// commits to: "offered to mediate", "pledged to provide aid", "agreed to
// hold talks".
var intentGovernors = map[string]bool{"offer": true, "pledge": true, "promise": true, "vow": true,
	"agree": true, "commit": true, "volunteer": true, "undertake": true}

// intentCodes map the root (or the code) of a promised act of cooperation
// to the CAMEO code of the intent: to meet or negotiate 036, to mediate
// 039, to cooperate diplomatically 032, materially 031, to give aid 033, to
// yield 035.
var intentCodes = map[string]string{
	"04": "036", "045": "039", "05": "032", "06": "031", "07": "033", "08": "035",
}

// intent codes "X offered to mediate between Y and Z" as X's asserted
// intent (039) towards Y and Z; the mediation itself keeps the mode its
// governor gives it (hypothetical). inner is the infinitive.
func (r *run) intent(f found, inner int) {
	t := f.t
	if inner < 0 || !t.relIn(inner, "xcomp") || len(f.targets) == 0 {
		return
	}
	g := t.head(inner)
	if g < 0 || !intentGovernors[t.lemma[g]] || !t.isVerb(g) {
		return
	}
	ev := eventOf(f.code)
	code, ok := intentCodes[ev]
	if !ok {
		code = intentCodes[root(ev)]
	}
	if code == "" {
		return
	}
	r.emitGoverned(f, g, code, "an act of cooperation ("+ev+", "+t.word[f.trig]+") promised or offered is an intent")
}

// obligationGovernors take an infinitive that must happen: "Assad has to
// go", "needs to step down".
var obligationGovernors = map[string]bool{"have": true, "need": true, "got": true}

// demanded codes the verbs of a "demanded" block: a leader leaving office,
// in a clause that a speaker demands ("X says Y must go", "X wants Y to be
// ousted"), is a demand by the speaker on the leader.
func (r *run) demanded(t *tree, tr trigger) bool {
	c := r.c
	p := tr.tok
	e := tr.entry()
	ref := entryRef(e, nil)
	clauseHead := p // the predicate whose clause the speaker governs
	governor := -1  // a verb of wanting that governs p directly
	ok := false
	if e.Block.HasFlag("demanded-not") {
		// "Assad cannot remain": a negated modal on the verb of staying.
		q := c.ownCue(t, p)
		modal := false
		for _, k := range t.children(p, "aux") {
			if hypModals[t.lemma[k]] || futureAux[t.lemma[k]] {
				modal = true
			}
		}
		ok = modal && (q.mode == dyad.ModeNegated || hasNegation(t, p))
	} else {
		for _, k := range t.children(p, "aux") {
			if w := t.lemma[k]; w == "must" || w == "should" || w == "ought" {
				ok = true
			}
		}
		if !ok && t.relIn(p, "xcomp") {
			h := t.head(p)
			switch {
			case obligationGovernors[t.lemma[h]]:
				ok, clauseHead = true, h
			case c.verbs.InSet("DEMANDERS", t.lemma[h]):
				ok, governor = true, h
			}
		}
		if ok && hasNegation(t, clauseHead) {
			ok = false
		}
	}
	if ok && len(e.Block.Patterns) > 0 {
		_, ok = c.bestPattern(t, tr)
	}
	if ok && e.Block.HasFlag("demanded") && !leavesOffice(t, p) {
		r.miss(t, p, ref, "not a departure from office: the verb goes somewhere or leaves something else")
		return false
	}
	if !ok {
		r.miss(t, p, ref, "no demand: the verb is not in an obligation (must, has to) or a wish")
		return false
	}
	speaker := governor
	if speaker < 0 {
		speaker = c.speechGovernor(t, clauseHead)
	}
	if speaker < 0 {
		r.miss(t, p, ref, "no one is reported to demand it")
		return false
	}
	f := found{t: t, trig: p, extra: tr.used, code: e.Effective(), entry: e, clause: speaker}
	if f.code.None() {
		r.miss(t, p, ref, "the dictionary codes no event here ([---])")
		return false
	}
	f.sources, f.srcVia = c.subject(t, speaker)
	f.targets, f.tgtVia = c.patient(t, p)
	var leaders []arg
	for _, g := range f.targets {
		// A demand for a change in leadership is made of a leader or a
		// government, not of troops or rebels.
		if sec := t.ms[g.mi].Actor.Sector; sec == "GOV" || sec == "" || sec == "ELI" {
			leaders = append(leaders, g)
		}
	}
	f.targets = leaders
	f.mode = c.clauseMode(t, speaker)
	f.note = "demanded by " + t.word[speaker]
	r.emit(f)
	return true
}

// offices are what a leader leaves or holds.
var offices = map[string]bool{"power": true, "office": true, "post": true, "presidency": true, "position": true,
	"government": true, "seat": true, "job": true, "leader": true, "president": true, "place": true}

// leavesOffice reports whether verb p, if it has a complement, names an
// office: "Assad must go", "be removed from power", but not "Russian troops
// must leave Ukraine" or "has to go to Geneva".
func leavesOffice(t *tree, p int) bool {
	for _, k := range t.kids[p] {
		if t.relIn(k, "obj", "obl", "xcomp") && !t.exactRel(k, "obl:tmod") && !t.exactRel(k, "obl:agent") {
			if !offices[t.lemma[k]] && !offices[t.word[k]] {
				return false
			}
		}
	}
	return true
}

// patient returns who undergoes predicate p: the subject of an active verb
// ("Assad must go"), the passive subject or, for a passive infinitive, the
// object of the verb that governs it ("wants Assad to be ousted").
func (c *Coder) patient(t *tree, p int) ([]arg, string) {
	if !t.passive(p) {
		return c.subject(t, p)
	}
	if s := t.child(p, "nsubj:pass"); s >= 0 {
		// The leader himself, not the owner of a thing ("Kerry's
		// reasoning").
		return c.directActors(t, s), "passive subject"
	}
	if t.relIn(p, "xcomp") {
		if o := t.child(t.head(p), "obj", "iobj"); o >= 0 {
			return c.actorsOf(t, o), "controller"
		}
	}
	return nil, ""
}

// hasNegation reports whether predicate x has a negation of its own.
func hasNegation(t *tree, x int) bool {
	for _, k := range t.kids[x] {
		if t.relIn(k, "advmod", "neg") && negWords[t.word[k]] {
			return true
		}
	}
	return false
}

// speechGovernor returns the verb of saying (a member of the SPEAKERS set)
// whose complement holds predicate x, or -1: "Kerry says Assad has to go",
// "reiterated the US position, Assad cannot remain".
func (c *Coder) speechGovernor(t *tree, x int) int {
	for steps := 0; steps < 4 && x >= 0; steps++ {
		h := t.head(x)
		if h < 0 {
			return -1
		}
		if !t.relIn(x, "ccomp", "xcomp", "parataxis", "appos", "acl", "dep", "obj") {
			return -1
		}
		if c.verbs.InSet("SPEAKERS", t.lemma[h]) && (t.isVerb(h) || t.toks[h].UPOS == "") {
			return h
		}
		x = h
	}
	return -1
}

// directActors returns the actors that noun phrase np names itself: its
// own mention, those of its appositions and conjuncts.
func (c *Coder) directActors(t *tree, np int) []arg {
	var out []arg
	if t.ment[np] >= 0 {
		out = append(out, c.actorsOf(t, np)...)
	}
	for _, k := range t.kids[np] {
		if t.relIn(k, "appos", "conj") && t.ment[k] >= 0 {
			out = append(out, c.actorsOf(t, k)...)
		}
	}
	return dedupArgs(out)
}
