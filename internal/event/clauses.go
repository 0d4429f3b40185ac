package event

import (
	"strings"
	"unicode"
)

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
	if d := datelineDash(t); d >= 0 && s < d && d < p {
		// "JEDDAH, May 20 (Reuters) - Sudan's army and the RSF signed
		// ...", with the dateline as the subject and the real one hung
		// elsewhere: the phrase between the dash and the verb.
		if h := spanTop(t, d+1, p); h >= 0 && len(c.actorsOf(t, h)) > 0 {
			return h
		}
	}
	return s
}

// datelineDash returns the index of the dash that ends a dateline opening
// the sentence ("JEDDAH, Saudi Arabia, May 20 (Reuters) -"), or -1: a
// first word in capitals, then within a few tokens only capitalised words,
// numbers, commas, periods and brackets before a dash.
func datelineDash(t *tree) int {
	if len(t.toks) < 3 {
		return -1
	}
	first := t.toks[0].Text
	if len(first) < 3 || strings.ToUpper(first) != first || strings.ToLower(first) == first {
		return -1
	}
	for i := 1; i < len(t.toks) && i < 14; i++ {
		w := t.toks[i].Text
		switch {
		case w == "-" || w == "--" || w == "\u2013" || w == "\u2014":
			return i
		case w == "," || w == "(" || w == ")" || w == ".":
		case w != "" && (unicode.IsUpper(rune(w[0])) || unicode.IsDigit(rune(w[0]))):
		default:
			return -1
		}
	}
	return -1
}

// spanTop returns the token of [from, to) whose head lies outside the
// span, the one nearest the root when there are several, skipping
// punctuation; -1 if none.
func spanTop(t *tree, from, to int) int {
	best := -1
	for i := from; i < to; i++ {
		if t.base(i) == "punct" {
			continue
		}
		if h := t.head(i); h >= from && h < to {
			continue
		}
		if best < 0 || t.depth(i) < t.depth(best) {
			best = i
		}
	}
	return best
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

// timeNoun reports whether token k heads a time phrase ("last week", "on
// Sunday") that a parser may take for the head of the clause after it.
func timeNoun(t *tree, k int) bool {
	return timeHeads[t.lemma[k]] || timeHeads[t.word[k]]
}

// complementClause returns the complement clause of predicate p: its
// ccomp, else a clause that the parser hung on a time phrase of p, as a
// complement of the time noun ("said on Sunday that any incursion would
// ...") or as a relative clause of it whose "that" is neither its subject
// nor its object ("warned last week that Pyongyang would take ..."); -1
// if none.
func complementClause(t *tree, p int) int {
	if x := t.child(p, "ccomp"); x >= 0 {
		return x
	}
	for _, k := range t.children(p, "obl", "nmod") {
		if !timeNoun(t, k) {
			continue
		}
		for _, x := range t.kids[k] {
			if x > k && timeClause(t, x) {
				return x
			}
		}
	}
	return -1
}

// timeClause reports whether x, a dependent of a time noun, is a
// complement clause the parser hung there: a ccomp, or a relative or
// adverbial clause opened by the complementiser "that".
func timeClause(t *tree, x int) bool {
	if !(t.isVerb(x) || t.isAdj(x)) {
		return false
	}
	switch {
	case t.relIn(x, "ccomp"):
		return true
	case t.exactRel(x, "acl:relcl"):
		return thatClause(t, x)
	case t.relIn(x, "advcl", "acl"):
		mk := t.child(x, "mark")
		return mk >= 0 && t.word[mk] == "that"
	}
	return false
}

// thatClause reports whether relative clause x opens with "that" and has a
// subject of its own other than it: a complement clause, not a relative one.
func thatClause(t *tree, x int) bool {
	first := x
	for k := range t.toks {
		if k < first && t.dominates(x, k) {
			first = k
		}
	}
	if t.word[first] != "that" || t.head(first) != x || t.relIn(first, "nsubj", "nsubj:pass", "obj") {
		return false
	}
	s := t.child(x, "nsubj", "nsubj:pass")
	return s >= 0 && s != first
}

// clauseGovernor returns the predicate whose complement clause x is, and
// true, looking through a time noun the parser hung x on (see
// complementClause); -1 and false when x is no complement clause.
func clauseGovernor(t *tree, x int) (int, bool) {
	h := t.head(x)
	if h < 0 {
		return -1, false
	}
	switch {
	case t.relIn(x, "ccomp", "parataxis") && (t.isVerb(h) || t.isAdj(h)):
		return h, true
	case timeNoun(t, h) && timeClause(t, x):
		if g := t.head(h); g >= 0 && t.relIn(h, "obl", "nmod") && complementClause(t, g) == x {
			return g, true
		}
	}
	return -1, false
}

// misparsedSubject returns the actors named before the head of complement
// clause x that a parser gave no subject, having taken its verb for a noun
// ("demanded that the government end ...": "government end" read as a
// compound; "that it hand over ..." with "it" as a possessor of "hand"):
// the first actor in the clause before its head.
func (c *Coder) misparsedSubject(t *tree, x int) []arg {
	if x < 0 || t.isVerb(x) || t.child(x, "nsubj", "nsubj:pass") >= 0 {
		return nil
	}
	for k := range t.toks {
		if k >= x {
			break
		}
		if !t.dominates(x, k) || t.ment[k] < 0 || t.prep(k) != "" {
			continue
		}
		if a := c.actorsOf(t, k); len(a) > 0 {
			return a
		}
	}
	return nil
}

// thatObject returns the head of the clause that a parser hung, as an
// object, on the complementiser "that" it took for the object of p
// ("demanded that it hand over ..."), or -1.
func thatObject(t *tree, p int) int {
	o := t.child(p, "obj")
	if o < 0 || t.word[o] != "that" || t.toks[o].XPOS != "IN" {
		return -1
	}
	return t.child(o, "obj", "nsubj", "ccomp")
}

// freeRelative returns what a free relative object names ("rejected what
// it called Guyana's provocations": the provocations), when the clause's
// verb is one of naming (the NAMING set), or -1.
func (c *Coder) freeRelative(t *tree, o int) int {
	if o < 0 || t.word[o] != "what" {
		return -1
	}
	for _, r := range t.children(o, "acl:relcl") {
		if !c.naming(t, r) {
			continue
		}
		if k := t.child(r, "obj", "xcomp"); k >= 0 {
			return k
		}
		for _, k := range t.children(r, "obl") {
			if t.hasPrep(k, "as") {
				return k
			}
		}
	}
	return -1
}

// naming reports whether predicate r is a verb of naming ("call",
// "describe ... as").
func (c *Coder) naming(t *tree, r int) bool {
	return c.verbs.InSet("NAMING", t.lemma[r])
}
