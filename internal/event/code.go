package event

import (
	"strings"

	"github.com/dyad-project/dyad/internal/dict"
)

// found is a coded trigger before it becomes events.
type found struct {
	t       *tree
	trig    int   // trigger token
	extra   []int // other tokens of the trigger (particles)
	code    dict.VerbCode
	entry   *dict.VerbEntry
	pat     *dict.VerbPattern
	sources []arg
	srcVia  string
	targets []arg
	tgtVia  string
	mode    cue
	// clause is the predicate whose clause dates and places the event.
	clause int
	note   string
	// remembered says the act was already kept for nouns that refer
	// back (a joint act, kept once with all its doers).
	remembered bool
}

// predicate codes a verb or adjective trigger.
func (r *run) predicate(t *tree, tr trigger) {
	c := r.c
	m, code, hasPat := c.verbCode(t, tr)
	f := found{t: t, trig: tr.tok, extra: tr.used, code: code, entry: tr.entry(), clause: tr.tok}
	if hasPat {
		f.pat = m.pat
	}
	if code.None() {
		r.miss(t, tr.tok, entryRef(tr.entry(), f.pat), "the dictionary codes no event here ([---])")
		return
	}
	if h := t.head(tr.tok); h >= 0 && t.exactRel(tr.tok, "acl:relcl") && t.word[h] == "what" && c.naming(t, tr.tok) {
		// "rejected what it called provocations": naming, not a call.
		r.miss(t, tr.tok, entryRef(tr.entry(), f.pat), "a verb of naming in a free relative")
		return
	}
	if o := t.child(tr.tok, "obj"); o >= 0 && lightVerbs[t.lemma[tr.tok]] && c.eventNoun(t, o) {
		r.miss(t, tr.tok, entryRef(tr.entry(), f.pat), "light verb: its object, "+t.word[o]+", carries the event")
		return
	}
	if t.passive(tr.tok) && t.participle(tr.tok) && cooperative(code) {
		// "fighters, backed by Russian jets, ...": a participle that
		// describes who supports an actor, not an event the text reports.
		r.miss(t, tr.tok, entryRef(tr.entry(), f.pat), "descriptive participle: support named as background")
		return
	}
	if root(code.Event) == "03" || root(code.Reverse) == "03" {
		// "seeks to destroy", "is preparing an offensive": the intent is
		// the event of the infinitive or of the event noun, coded
		// (hypothetical or future) there.
		if x := t.child(tr.tok, "xcomp"); x >= 0 && c.coded(t, x) {
			r.miss(t, tr.tok, entryRef(tr.entry(), f.pat), "intent: the infinitive "+t.word[x]+" carries the event")
			return
		}
		if o := t.child(tr.tok, "obj"); o >= 0 && c.eventNoun(t, o) {
			r.miss(t, tr.tok, entryRef(tr.entry(), f.pat), "intent: its object, "+t.word[o]+", carries the event")
			return
		}
	}
	if m.source >= 0 {
		f.sources, f.srcVia = c.actorsOf(t, m.source), "pattern"
	} else {
		f.sources, f.srcVia = c.subject(t, tr.tok)
	}
	f.targets, f.tgtVia = r.judgedTarget(t, tr.tok, m, code.Event+code.Reverse)
	if len(f.targets) == 0 {
		f.targets, f.tgtVia = c.target(t, tr.tok, m, code.Event+code.Reverse)
	}
	if len(f.targets) == 0 && (root(code.Event) == "13" || root(code.Reverse) == "13") {
		f.targets, f.tgtVia = r.threatTarget(t, tr.tok)
	}
	if len(f.targets) == 0 && len(f.sources) > 1 && joint(code) &&
		(f.srcVia == "subject" || f.srcVia == viaNameHead || f.srcVia == "modified noun" && t.toks[tr.tok].XPOS == "VBD") {
		// A past tense parsed as a modifier of its subject ("the foreign
		// ministers of A and B agreed ...") is the verb of that subject.
		// "Kerry and Hammond discussed ...": a joint act of the
		// coordinated subject, coded from the first to the others.
		f.sources, f.targets, f.tgtVia = f.sources[:1], f.sources[1:], "joint subject"
	}
	if c.cfg.Shallow {
		if len(f.sources) == 0 {
			f.sources, f.srcVia = c.nearestActor(t, tr.tok, -1), "nearest actor before the verb"
		}
		if len(f.targets) == 0 {
			f.targets, f.tgtVia = c.nearestActor(t, tr.tok, 1), "first actor after the verb"
		}
	}
	f.mode = c.clauseMode(t, tr.tok)
	r.refusal(f, tr.tok)
	r.intent(f, tr.tok)
	if f.tgtVia == "joint subject" {
		r.emitJoint(f)
		return
	}
	r.emit(f)
}

// nearestActor returns the actor mentioned nearest to token p in direction
// dir (-1 before it, 1 after it) within p's clause: TABARI's and PETRARCH's
// word-order rule, used only with Config.Shallow.
func (c *Coder) nearestActor(t *tree, p, dir int) []arg {
	for k := p + dir; k >= 0 && k < len(t.toks); k += dir {
		if t.ment[k] < 0 || !within(t, p, k) && !within(t, t.head(p), k) {
			continue
		}
		return c.actorsOf(t, k)
	}
	return nil
}

// noun codes a noun trigger ("talks with", "air strikes against").
func (r *run) noun(t *tree, tr trigger) {
	c := r.c
	m, hasPat := c.bestPattern(t, tr)
	code := tr.entry().Effective()
	f := found{t: t, trig: tr.tok, extra: tr.used, code: code, entry: tr.entry(), clause: tr.tok}
	if hasPat {
		f.code, f.pat = m.pat.Code, m.pat
	}
	if f.code.None() {
		r.miss(t, tr.tok, entryRef(tr.entry(), f.pat), "the dictionary codes no event here ([---])")
		return
	}
	n := tr.tok
	f.sources, f.srcVia = c.nounSource(t, n, tr.used)
	f.targets, f.tgtVia = c.nounTarget(t, n)
	if len(f.sources) == 0 && f.tgtVia == "between" && len(f.targets) > 1 {
		f.sources, f.targets, f.srcVia = f.targets[:1], f.targets[1:], "between"
	}
	if hasPat && m.target >= 0 {
		f.targets, f.tgtVia = c.actorsOf(t, m.target), "pattern"
	}
	f.mode = c.nounMode(t, n)
	if h := t.head(n); h >= 0 && (t.isVerb(h) || t.isAdj(h)) {
		f.clause = h
	}
	if h, rel := governing(t, n); h >= 0 && rel == "obj" && lightVerbs[t.lemma[h]] {
		r.refusal(f, h)
		r.intent(f, h)
	}
	if len(f.targets) == 0 && len(f.sources) > 1 && f.srcVia == "subject" && joint(f.code) {
		// "Seoul and Washington began a joint exercise": a joint act of
		// the coordinated subject of the light verb.
		f.sources, f.targets, f.tgtVia = f.sources[:1], f.sources[1:], "joint subject"
		r.emitJoint(f)
		return
	}
	r.emit(f)
}

// joint reports whether a code names an act that coordinated actors do
// together: consulting, cooperating, agreeing.
func joint(code dict.VerbCode) bool {
	switch root(code.Event) {
	case "03", "04", "05", "06":
		return true
	}
	return code.Event != "" && code.Event == code.Reverse
}

// cooperative reports whether a code is verbal or material cooperation of
// the kind that describes an alliance (roots 05 and 06).
func cooperative(code dict.VerbCode) bool {
	r := root(code.Event)
	if r == "" {
		r = root(code.Reverse)
	}
	return r == "05" || r == "06"
}

// coded reports whether token x is a trigger with a code of its own.
func (c *Coder) coded(t *tree, x int) bool {
	tr, ok := c.findTrigger(t, x)
	return ok && !tr.entry().Effective().None()
}

// lightVerbs take an event noun as object and lend it their subject:
// "Russia has been conducting air strikes".
var lightVerbs = map[string]bool{"conduct": true, "hold": true, "launch": true, "carry": true, "stage": true,
	"mount": true, "begin": true, "start": true, "continue": true, "resume": true, "have": true, "make": true,
	"pay": true, "open": true, "step": true, "intensify": true, "escalate": true, "join": true, "lead": true,
	"end": true, "wrap": true, "complete": true, "conclude": true, "attend": true, "host": true}

// nounSource returns the actors that carry out an event noun: its
// possessor or an actor modifier ("Kerry's visit", "Russian air strikes"),
// else the subject of the clause it belongs to.
func (c *Coder) nounSource(t *tree, n int, used []int) ([]arg, string) {
	skip := map[int]bool{}
	for _, u := range used {
		skip[u] = true
	}
	for _, k := range t.kids[n] {
		if skip[k] {
			continue
		}
		if t.relIn(k, "nmod:poss") {
			if a := c.actorsOf(t, k); len(a) > 0 {
				return a, "possessor"
			}
		}
	}
	for _, k := range t.kids[n] {
		if skip[k] {
			continue
		}
		if t.relIn(k, "amod", "compound") {
			if a := c.actorsOf(t, k); len(a) > 0 {
				return a, "modifier"
			}
		}
	}
	for _, k := range t.children(n, "nmod") {
		// "the attack by armed gangs on a police station".
		if !skip[k] && t.hasPrep(k, "by") {
			if a := c.actorsOf(t, k); len(a) > 0 {
				return a, "agent"
			}
		}
	}
	if t.hasPrep(n, "under") {
		// "forces that are under attack by the Islamists".
		if k := firstWithPrep(t, n, "by"); k >= 0 {
			return c.actorsOf(t, k), "agent"
		}
		if h := t.head(n); h >= 0 {
			if k := c.agent(t, h); k >= 0 {
				return c.actorsOf(t, k), "agent"
			}
		}
		return nil, ""
	}
	h, rel := governing(t, n)
	if h < 0 {
		return nil, ""
	}
	switch rel = baseRel(rel); {
	case rel == "obj" || rel == "xcomp":
		// "Russia conducted air strikes", "called for talks"; not
		// "condemned the attacks", whose subject did not attack.
		if _, ok := nounGovernorModes[t.lemma[h]]; ok || lightVerbs[t.lemma[h]] {
			return c.subject(t, h)
		}
	case rel == "nsubj:pass":
		if a := c.agent(t, h); a >= 0 {
			return c.actorsOf(t, a), "agent"
		}
	case rel == "obl" && settledPreps[t.prep(n)]:
		if t.isVerb(h) || t.isAdj(h) {
			return c.subject(t, h)
		}
	case rel == "obl" && (t.prep(n) == "for"):
		// "ready for talks with the regime": the one who is ready.
		return c.subject(t, h)
	}
	return nil, ""
}

// nounTarget returns the actors an event noun is directed at: its
// complements ("talks with", "strikes against", "the killing of"), or those
// of the light verb it is the object of.
func (c *Coder) nounTarget(t *tree, n int) ([]arg, string) {
	if t.hasPrep(n, "under") {
		// The one under attack: the subject of "be under attack", or of
		// the clause the phrase modifies.
		if s := t.child(n, "nsubj"); s >= 0 {
			return c.actorsOf(t, s), "under " + t.word[n]
		}
		if h := t.head(n); h >= 0 {
			a, _ := c.subject(t, h)
			return a, "under " + t.word[n]
		}
		return nil, ""
	}
	if k := firstWithPrep(t, n, "between"); k >= 0 {
		if a := c.actorsOf(t, k); len(a) > 0 {
			return a, "between"
		}
	}
	if a := c.complementActors(t, n, nounTargetPreps, "nmod", "acl"); len(a) > 0 {
		return a, "complement"
	}
	if k := firstWithPrep(t, n, "by"); k >= 0 && t.relIn(k, "nmod") {
		// "the attack by militias on the troops" with "on the troops"
		// hung on the agent.
		if a := c.complementActors(t, k, partnerPreps2, "nmod"); len(a) > 0 {
			return a, "complement"
		}
	}
	if h, rel := governing(t, n); h >= 0 && (rel == "obj" || rel == "nsubj:pass") && lightVerbs[t.lemma[h]] {
		if a := c.complementActors(t, h, lightTargetPreps, "obl"); len(a) > 0 {
			return a, "complement of " + t.word[h]
		}
	}
	return nil, ""
}

// firstWithPrep returns the first dependent of n introduced by p, or -1.
func firstWithPrep(t *tree, n int, p string) int {
	for _, k := range t.kids[n] {
		if t.hasPrep(k, p) {
			return k
		}
	}
	return -1
}

// baseRel keeps the subtypes the coder tells apart (nsubj:pass, obl:agent)
// and drops the others (obl:tmod is obl).
func baseRel(r string) string {
	switch r {
	case "nsubj:pass", "obl:agent", "acl:relcl", "csubj:pass", "aux:pass", "nmod:poss", "compound:prt":
		return r
	}
	if i := strings.IndexByte(r, ':'); i >= 0 {
		return r[:i]
	}
	return r
}
