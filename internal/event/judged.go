package event

import (
	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/dict"
)

// Judgements of acts. "X condemned the attack", "Y dismissed the warning",
// "Z welcomed the announcement by Canada": the one judged is the one who
// did the act the object names. The act's agent is in the object's own
// phrase ("the attack by armed gangs", "Guyana's provocations"), or, for a
// definite noun that refers back ("the attack", "the exercises"), it is the
// source of the act the article reported just before.

// act is something an actor was found doing, kept so that a later noun can
// refer back to it: the sentence, the trigger's lemma, the root of its code
// and the mentions of its doers.
type act struct {
	sentence int
	lemma    string
	root     string
	sources  []MentionRef
	// headline says the act is the headline's, which the whole article
	// is about.
	headline bool
	// negated says the act was denied or did not happen ("denied firing
	// the rockets"): no later noun refers to it as done.
	negated bool
}

// actWindow is how many sentences back a definite noun may refer to an act.
const actWindow = 4

// judging reports whether a root is one whose target is judged for an act:
// approval (05), disapproval (11), rejection (12).
func judging(r string) bool { return r == "05" || r == "11" || r == "12" }

// anaphoricDets make a noun refer to something already named.
var anaphoricDets = map[string]bool{"the": true, "this": true, "these": true, "that": true, "those": true}

// remember keeps the sources of a coded trigger as an act that a later
// noun may refer back to.
func (r *run) remember(f found) {
	if len(f.sources) == 0 {
		return
	}
	code := f.code.Event
	if code == "" {
		code = f.code.Reverse
	}
	a := act{sentence: f.t.idx, lemma: f.t.lemma[f.trig], root: root(code), headline: f.t.s.Kind == dyad.KindHeadline,
		negated: f.mode.mode == dyad.ModeNegated}
	for _, s := range f.sources {
		a.sources = append(a.sources, f.t.ms[s.mi])
	}
	r.acts = append(r.acts, a)
}

// judgedActors returns the doers of the act that object o of a judging
// predicate names: the actors of its "by" phrase, of its modifiers when o
// is an event noun ("Russian air strikes"), or, for a definite noun without
// any actor of its own, the sources of the latest earlier act it refers
// back to.
func (r *run) judgedActors(t *tree, o int) ([]arg, string) {
	c := r.c
	for _, k := range t.children(o, "nmod", "acl") {
		if t.hasPrep(k, "by") {
			if a := c.actorsOf(t, k); len(a) > 0 {
				return a, "agent of the object"
			}
		}
	}
	if !t.isNoun(o) {
		return nil, ""
	}
	if c.eventNoun(t, o) {
		if a := c.modifierActors(t, o); len(a) > 0 {
			return a, "agent of the object"
		}
	}
	if !r.definite(t, o) || c.complementHasActor(t, o) {
		return nil, ""
	}
	nounRoot := c.nounRoot(t, o)
	// The closest match first: the same word ("struck ... the strikes"),
	// then a word of the same block ("exercise ... the drills"), then any
	// act of the same kind; the latest act of each.
	tests := []func(a act) bool{
		func(a act) bool { return sameStem(a.lemma, t.lemma[o]) },
		func(a act) bool { return c.sameBlock(a.lemma, t, o) },
		func(a act) bool { return sameKind(a.root, nounRoot) },
	}
	for _, same := range tests {
		for i := len(r.acts) - 1; i >= 0; i-- {
			a := r.acts[i]
			if a.sentence > t.idx || (a.sentence < t.idx-actWindow && !a.headline) || a.negated || !same(a) {
				continue
			}
			var out []arg
			for _, m := range a.sources {
				out = append(out, arg{mi: t.addMention(m), tok: o})
			}
			return out, "doer of the earlier " + a.lemma
		}
	}
	return nil, ""
}

// definite reports whether noun o refers back: it has a definite or
// demonstrative determiner, or a possessor that is a time ("yesterday's
// attack").
func (r *run) definite(t *tree, o int) bool {
	for _, k := range t.kids[o] {
		if t.relIn(k, "det") && anaphoricDets[t.word[k]] {
			return true
		}
		if t.relIn(k, "nmod:poss") && t.ment[k] < 0 && timeWords[t.lemma[k]] {
			return true
		}
	}
	return false
}

// timeWords name a day as a possessor: "yesterday's attack", "Tuesday's
// launch".
var timeWords = map[string]bool{"yesterday": true, "today": true, "tonight": true, "monday": true,
	"tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"weekend": true, "week": true}

// complementHasActor reports whether an actor is named inside noun o's
// phrase: then the noun is about that actor, not a reference back.
func (c *Coder) complementHasActor(t *tree, o int) bool {
	for _, k := range t.kids[o] {
		if t.relIn(k, "nmod", "nmod:poss", "amod", "compound", "acl") && len(c.actorsOf(t, k)) > 0 {
			return true
		}
	}
	return false
}

// nounRoot returns the root of the code the dictionary gives noun o, or "".
func (c *Coder) nounRoot(t *tree, o int) string {
	es := c.verbs.NounEntries(t.lemma[o])
	if len(es) == 0 {
		es = c.verbs.NounEntries(t.word[o])
	}
	if len(es) == 0 {
		return ""
	}
	code := es[len(es)-1].Effective()
	if code.Event != "" {
		return root(code.Event)
	}
	return root(code.Reverse)
}

// sameStem reports whether a verb's lemma and a noun's lemma are forms of
// one word ("warn" and "warning", "launch" and "launch", "provoke" and
// "provocation"): they share their first five letters, or the noun is the
// whole verb plus an ending.
func sameStem(verb, noun string) bool {
	if verb == "" || noun == "" {
		return false
	}
	if len(verb) >= 4 && len(noun) >= len(verb) && noun[:len(verb)] == verb {
		return true
	}
	n := 0
	for n < len(verb) && n < len(noun) && verb[n] == noun[n] {
		n++
	}
	return n >= 5
}

// sameKind reports whether an act of root a is one that a noun of root n
// can name: the same root, or any use of force for a noun of force.
func sameKind(a, n string) bool {
	if a == "" || n == "" {
		return false
	}
	if a == n {
		return true
	}
	return n >= "18" && n <= "20" && a >= "18" && a <= "20"
}

// sameBlock reports whether the trigger of an earlier act (its lemma) and
// noun o are words of one block of the verb dictionary, which names one
// kind of act: "the drills" refers back to "began a joint exercise", "the
// launch" to "fired a missile".
func (c *Coder) sameBlock(lemma string, t *tree, o int) bool {
	blocks := map[*dict.VerbBlock]bool{}
	for _, e := range c.verbs.VerbEntries(lemma) {
		blocks[e.Block] = true
	}
	for _, e := range c.verbs.NounEntries(lemma) {
		blocks[e.Block] = true
	}
	for _, w := range []string{t.lemma[o], t.word[o]} {
		for _, e := range c.verbs.NounEntries(w) {
			if blocks[e.Block] {
				return true
			}
		}
	}
	return false
}

// addMention adds a mention from another sentence to the tree, so that an
// event can name it, and returns its index.
func (t *tree) addMention(m MentionRef) int {
	t.ms = append(t.ms[:len(t.ms):len(t.ms)], m)
	return len(t.ms) - 1
}

// judgedTarget returns the target of a judging predicate p whose object
// names an act rather than an actor: the act's doer (see judgedActors).
func (r *run) judgedTarget(t *tree, p int, m match, code string) ([]arg, string) {
	if !judging(root(code)) || m.target >= 0 || m.targetIsSubject || t.passive(p) {
		return nil, ""
	}
	o := t.child(p, "obj")
	if o < 0 || len(r.c.actorsOf(t, o)) > 0 {
		return nil, ""
	}
	for _, k := range t.children(p, "obl") {
		// "welcomed the announcement by the Government of Canada" with
		// the by-phrase hung on the verb: an active verb has no agent of
		// its own, so the phrase names the doer of the act.
		if k > o && t.hasPrep(k, "by") {
			if a := r.c.actorsOf(t, k); len(a) > 0 {
				return a, "agent of the object"
			}
		}
	}
	return r.judgedActors(t, o)
}

// emitJoint codes a joint act of a coordinated subject ("Armenia and
// Azerbaijan met", "agreed"), whose first actor f names as the source and
// the others as targets, in every direction: each actor does it with each
// other one.
//
// Only actors named are coded both ways: a pronoun that stands for several
// ("as they arrive for a meeting") is coded from the first to the others,
// as before. One phrase may name several ("the foreign ministers of
// Armenia and Azerbaijan").
func (r *run) emitJoint(f found) {
	all := append(append([]arg(nil), f.sources...), f.targets...)
	for _, a := range all[1:] {
		if a.tok == all[0].tok && f.t.toks[a.tok].UPOS == "PRON" {
			r.emit(f)
			return
		}
	}
	whole := f
	whole.sources = all
	r.remember(whole)
	for i := range all {
		g := f
		g.remembered = true
		g.sources = []arg{all[i]}
		g.targets = nil
		for j := range all {
			if j != i {
				g.targets = append(g.targets, all[j])
			}
		}
		r.emit(g)
	}
}

// unlessMarks introduce the condition a threat is made on: "unless Iran
// restores cooperation".
var unlessMarks = map[string]bool{"unless": true, "if": true}

// threatTarget returns the target of a threat p whose object is a clause
// ("warned that they could trigger sanctions unless Iran complies", "warned
// that Pyongyang would take countermeasures against the drills"): the
// subject of the clause's condition, else the clause's own target, else the
// doers of the act its "against" phrase refers back to.
func (r *run) threatTarget(t *tree, p int) ([]arg, string) {
	c := r.c
	x := complementClause(t, p)
	if x < 0 {
		return nil, ""
	}
	// The condition may hang on a time clause of the complement ("before
	// it expires in October unless Iran complies").
	conds := t.children(x, "advcl")
	for i := 0; i < len(conds) && i < 8; i++ {
		k := conds[i]
		mk := t.child(k, "mark")
		if mk < 0 || !unlessMarks[t.word[mk]] {
			conds = append(conds, t.children(k, "advcl")...)
			continue
		}
		if s := t.child(k, "nsubj", "nsubj:pass"); s >= 0 {
			if a := c.actorsOf(t, s); len(a) > 0 {
				return a, "subject of the condition of the threat"
			}
		}
	}
	if a, via := c.target(t, x, match{source: -1, target: -1}, ""); len(a) > 0 {
		return a, "complement clause: " + via
	}
	for _, o := range append([]int{x}, t.children(x, "obj")...) {
		for _, k := range t.children(o, "obl", "nmod") {
			if t.hasPrep(k, "against") {
				if a, via := r.judgedActors(t, k); len(a) > 0 {
					return a, "complement clause: " + via
				}
			}
		}
	}
	if c.retaliation(t, x) {
		// "warned that such acts would not go unanswered".
		if a, via := r.consequenceTarget(t, x, p); len(a) > 0 {
			return a, "complement clause: " + via
		}
	}
	return nil, ""
}

// lightTargetPreps are the prepositions of a light verb's complement that
// direct its event noun: those of any verb, and "around" for what
// exercises or a blockade surround ("began exercises around the island").
var lightTargetPreps = func() map[string]int {
	m := map[string]int{"around": 1}
	for k, v := range targetPreps {
		m[k] = v
	}
	return m
}()
