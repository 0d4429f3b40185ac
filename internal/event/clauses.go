package event

// This file holds the clause-level repairs of subject finding: which of two
// subjects the parser gave a verb names the actor, which clause a finite
// conjunct really shares its subject with, and when a participle after a
// comma is an adjunct of the main clause rather than a modifier of the
// noun before it.

// actorSubject returns, of the subjects of predicate p, the first that
// names an actor, else s. A dateline before the sentence ("CITY — The
// government suspended ...") is often parsed as a second subject of the
// main verb.
func (c *Coder) actorSubject(t *tree, p, s int) int {
	if len(c.actorsOf(t, s)) > 0 {
		return s
	}
	for _, k := range t.children(p, "nsubj") {
		if k != s && !t.exactRel(k, "nsubj:pass") && len(c.actorsOf(t, k)) > 0 {
			return k
		}
	}
	return s
}

// finite reports whether predicate x is a finite verb: a present or past
// tense form, or one with an auxiliary of its own.
func finite(t *tree, x int) bool {
	if !t.isVerb(x) {
		return false
	}
	switch t.toks[x].XPOS {
	case "VBD", "VBZ", "VBP":
		return true
	}
	return t.child(x, "aux") >= 0
}

// finiteGovernor returns the finite verb whose subject a finite conjunct p
// shares when the parser joined p to a non-finite clause h inside that
// verb's clause ("X accused Y of allowing Z to operate and demanded ...":
// "demanded" is X's act, not a second gerund of "of"), or -1. A finite
// verb cannot be coordinated with a gerund or an infinitive.
func finiteGovernor(t *tree, p, h int) int {
	if !finite(t, p) || finite(t, h) || t.child(h, "nsubj", "nsubj:pass") >= 0 {
		return -1
	}
	x := h
	for steps := 0; steps < 5; steps++ {
		x = t.head(x)
		if x < 0 {
			return -1
		}
		if finite(t, x) {
			if x > p {
				return -1
			}
			return x
		}
	}
	return -1
}

// adjunctParticiple returns the finite verb of the main clause when
// participle p, parsed as a modifier of a noun or of an infinitive, is a
// sentence-final adjunct of that clause ("Freedonia ordered three
// diplomats to leave, accusing them of spying": Freedonia accuses), or -1.
// It must follow a comma, run to the end of the sentence, and not hang
// below the clause's subject; a participle set off by commas on both sides
// ("the rebels, fighting the army, ...") describes its noun.
func adjunctParticiple(t *tree, p int) int {
	if t.toks[p].XPOS != "VBG" || t.relIn(p, "acl:relcl") || t.child(p, "nsubj", "nsubj:pass") >= 0 {
		return -1
	}
	first, last := p, p
	for k := range t.toks {
		if t.base(k) != "punct" && t.dominates(p, k) {
			first, last = min(first, k), max(last, k)
		}
	}
	if first == 0 || t.word[first-1] != "," {
		return -1
	}
	for k := last + 1; k < len(t.toks); k++ {
		if t.base(k) != "punct" || t.word[k] == "," {
			return -1
		}
	}
	x := p
	for steps := 0; steps < 5; steps++ {
		if t.relIn(x, "nsubj", "nsubj:pass", "ccomp", "parataxis") {
			return -1
		}
		x = t.head(x)
		if x < 0 {
			return -1
		}
		if finite(t, x) {
			if steps == 0 {
				// Hung on the main verb already: its subject is found
				// the ordinary way.
				return -1
			}
			return x
		}
	}
	return -1
}

// infinitiveTo reports whether preposition p of complement k is the "to"
// of an infinitive clause ("dispatched forces to monitor them"), which a
// bare "(to)" element of a pattern, naming a destination ("sent troops to
// the border"), must not match.
func infinitiveTo(t *tree, k int, p string) bool {
	if p != "to" || !t.isVerb(k) {
		return false
	}
	for _, c := range t.kids[k] {
		if t.base(c) == "case" && t.word[c] == "to" {
			return false
		}
	}
	return true
}

// timeHeads head the time phrases that may stand between a subject and its
// verb ("Freedonia on Wednesday ordered ...").
var timeHeads = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
	"morning": true, "evening": true, "night": true, "afternoon": true, "week": true, "month": true, "year": true}

// beforeTimePhrase returns the token before the time phrase of predicate p
// that ends at token k ("on Wednesday" in "Freedonia on Wednesday
// ordered"), else k.
func beforeTimePhrase(t *tree, p, k int) int {
	if k < 0 {
		return k
	}
	o := k
	for steps := 0; o >= 0 && t.head(o) != p && steps < 4; steps++ {
		o = t.head(o)
	}
	if o < 0 || t.head(o) != p || !t.relIn(o, "obl", "obl:tmod", "nmod:tmod") || !timeHeads[t.lemma[o]] {
		return k
	}
	first := o
	for j := range t.toks {
		if j < first && t.dominates(o, j) {
			first = j
		}
	}
	return first - 1
}
