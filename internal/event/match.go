package event

import (
	"github.com/dyad-project/dyad/internal/dict"
)

// trigger is a token the verb dictionary knows, with the entries that
// matched it.
type trigger struct {
	tok     int
	kind    dict.VerbEntryKind
	entries []*dict.VerbEntry // the longest entries that matched, in file order
	used    []int             // tokens taken by the entries' other words
}

// entry returns the entry that gives the default code: the one read last.
func (tr trigger) entry() *dict.VerbEntry { return tr.entries[len(tr.entries)-1] }

// findTrigger returns the trigger at token i, if any.
func (c *Coder) findTrigger(t *tree, i int) (trigger, bool) {
	var cands []*dict.VerbEntry
	var kind dict.VerbEntryKind
	switch {
	case t.isVerb(i):
		kind = dict.EntryVerb
		cands = c.verbs.VerbEntries(t.lemma[i])
		if t.word[i] != t.lemma[i] {
			cands = append(cands, c.verbs.VerbEntries(t.word[i])...)
		}
	case t.isAdj(i):
		kind = dict.EntryAdj
		cands = c.verbs.AdjEntries(t.lemma[i])
		if len(cands) == 0 && t.word[i] != t.lemma[i] {
			cands = c.verbs.AdjEntries(t.word[i])
		}
	case t.isNoun(i):
		kind = dict.EntryNoun
		cands = c.verbs.NounEntries(t.lemma[i])
		if len(cands) == 0 && t.word[i] != t.lemma[i] {
			cands = c.verbs.NounEntries(t.word[i])
		}
	}
	if len(cands) == 0 {
		return trigger{}, false
	}
	best := -1
	var out []*dict.VerbEntry
	var used []int
	seen := map[*dict.VerbEntry]bool{}
	for _, e := range cands {
		if seen[e] {
			continue
		}
		seen[e] = true
		u, ok := c.entryWords(t, i, e)
		if !ok {
			continue
		}
		n := len(e.Words)
		switch {
		case n > best:
			best, out, used = n, []*dict.VerbEntry{e}, u
		case n == best:
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return trigger{}, false
	}
	// Keep file order so that the entry read last gives the default code.
	sortEntries(out)
	return trigger{tok: i, kind: kind, entries: out, used: used}, true
}

// sortEntries sorts entries in the order they were read.
func sortEntries(es []*dict.VerbEntry) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && before(es[j], es[j-1]); j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

// before reports whether entry a was read before entry b.
func before(a, b *dict.VerbEntry) bool {
	if a.Pos.File != b.Pos.File {
		return a.Pos.File < b.Pos.File
	}
	return a.Pos.Line < b.Pos.Line
}

// entryWords checks that the words of a multi-word entry other than its
// head are attached to token i: a particle, a preposition of a complement,
// an object ("wage war"), or, for a noun, a modifier ("air strike").
func (c *Coder) entryWords(t *tree, i int, e *dict.VerbEntry) ([]int, bool) {
	var used []int
	taken := map[int]bool{}
	for _, w := range e.Rest() {
		found := -1
		for _, k := range t.kids[i] {
			if taken[k] || t.relIn(k, "punct", "mark", "aux", "cop", "nsubj", "csubj", "cc", "det", "case") {
				continue
			}
			if t.is(k, w) {
				found = k
				break
			}
			if e.Kind != dict.EntryNoun && t.hasPrep(k, w) {
				found = k
				break
			}
		}
		if found < 0 && e.Kind == dict.EntryNoun {
			// "airstrike" written "air-strike" or tokenised apart is the
			// parser's business; a hyphenated compound may hang off the
			// previous word.
			if i > 0 && t.is(i-1, w) {
				found = i - 1
			}
		}
		if found < 0 {
			return nil, false
		}
		taken[found] = true
		used = append(used, found)
	}
	return used, true
}

// match is the outcome of matching a pattern against a trigger.
type match struct {
	pat    *dict.VerbPattern
	source int // token the pattern marks as the source ($), or -1
	target int // token the pattern marks as the target (+), or -1
	// targetIsSubject records a "+" before "*".
	targetIsSubject bool
	// nouns are the complements the pattern matched by their words: the
	// actor a verb is directed at may hang on them ("ready for talks with
	// the regime").
	nouns []int
}

// verbCode returns the code a verb trigger gives: its best pattern's, or
// the entry's own when no pattern matches (the match then has no source or
// target).
func (c *Coder) verbCode(t *tree, tr trigger) (match, dict.VerbCode, bool) {
	m, hasPat := c.bestPattern(t, tr)
	if hasPat {
		return m, m.pat.Code, true
	}
	return match{source: -1, target: -1}, tr.entry().Effective(), false
}

// bestPattern returns the largest pattern of the trigger's blocks that
// matches, the one read last among equals.
func (c *Coder) bestPattern(t *tree, tr trigger) (match, bool) {
	var best match
	bestSize := -1
	seen := map[*dict.VerbBlock]bool{}
	pre, post := candidates(t, tr.tok)
	for _, e := range tr.entries {
		if seen[e.Block] {
			continue
		}
		seen[e.Block] = true
		for _, p := range e.Block.Patterns {
			m, ok := c.matchPattern(t, tr, p, pre, post)
			if !ok {
				continue
			}
			if sz := p.Size(); sz > bestSize || (sz == bestSize && later(p, best.pat)) {
				best, bestSize = m, sz
			}
		}
	}
	return best, bestSize >= 0
}

// later reports whether pattern a was read after pattern b (or b is nil).
func later(a, b *dict.VerbPattern) bool {
	if b == nil {
		return true
	}
	if a.Pos.File != b.Pos.File {
		return a.Pos.File > b.Pos.File
	}
	return a.Pos.Line > b.Pos.Line
}

// matcher matches one pattern against one trigger.
type matcher struct {
	c    *Coder
	t    *tree
	trig int
	used map[int]bool
	m    match
}

// matchPattern matches pattern p against trigger tr, whose subject-side and
// complement-side dependents are pre and post.
func (c *Coder) matchPattern(t *tree, tr trigger, p *dict.VerbPattern, pre, post []int) (match, bool) {
	mt := &matcher{c: c, t: t, trig: tr.tok, used: make(map[int]bool, 4), m: match{pat: p, source: -1, target: -1}}
	for _, u := range tr.used {
		mt.used[u] = true
	}
	if !mt.side(p.Pre, pre, true) || !mt.side(p.Post, post, false) {
		return match{}, false
	}
	return mt.m, true
}

// candidates returns the dependents a pattern's subject side and complement
// side are matched against.
func candidates(t *tree, trig int) (pre, post []int) {
	for _, k := range t.kids[trig] {
		switch {
		case t.base(k) == "punct" || t.base(k) == "cc":
		case t.relIn(k, "nsubj:pass", "csubj:pass", "obj", "iobj", "obl", "xcomp", "ccomp", "compound:prt", "nmod"):
			post = append(post, k)
		case t.relIn(k, "nsubj", "csubj", "expl"):
			pre = append(pre, k)
		case k < trig:
			pre = append(pre, k)
		default:
			post = append(post, k)
		}
	}
	if t.passive(trig) && t.exactRel(trig, "acl") {
		// "weapons supplied by Russia": the noun is what is supplied.
		if h := t.head(trig); h >= 0 {
			post = append(post, h)
		}
	}
	return pre, post
}

// side matches the elements of one side of the pattern, in order.
func (mt *matcher) side(elems []dict.VerbElem, cands []int, pre bool) bool {
	var matched []int // noun tokens matched so far, whose complements a later (prep) may be
	for _, e := range elems {
		switch e.Kind {
		case dict.ElemSource, dict.ElemTarget:
			if pre {
				if e.Kind == dict.ElemTarget {
					mt.m.targetIsSubject = true
				}
				continue
			}
			k := mt.firstActor(cands)
			if k < 0 {
				return false
			}
			mt.setRole(e.Kind, k)
		case dict.ElemPrep:
			pool := append([]int(nil), cands...)
			for _, n := range matched {
				pool = append(pool, mt.t.kids[n]...)
			}
			k := mt.prep(e, pool)
			if k < 0 {
				return false
			}
		default:
			k := -1
			for _, c := range cands {
				if !mt.used[c] && mt.elem(e, c, true) {
					k = c
					break
				}
			}
			if k < 0 {
				return false
			}
			mt.used[k] = true
			matched = append(matched, k)
			if !pre {
				mt.m.nouns = append(mt.m.nouns, k)
			}
		}
	}
	return true
}

// setRole records token k as the source or the target.
func (mt *matcher) setRole(kind dict.VerbElemKind, k int) {
	if kind == dict.ElemSource {
		mt.m.source = k
	} else {
		mt.m.target = k
	}
}

// firstActor returns the first unused candidate that names an actor.
func (mt *matcher) firstActor(cands []int) int {
	for _, k := range cands {
		if !mt.used[k] && len(mt.c.actorsOf(mt.t, k)) > 0 {
			mt.used[k] = true
			return k
		}
	}
	return -1
}

// elem reports whether the word-like element e (word, set, phrase, ^)
// matches token k. top allows a bare word to match a preposition or
// particle of k, as legacy patterns write "* call on + to resign".
func (mt *matcher) elem(e dict.VerbElem, k int, top bool) bool {
	t := mt.t
	switch e.Kind {
	case dict.ElemAny:
		return true
	case dict.ElemWord:
		if t.isElem(k, e) {
			return true
		}
		return top && t.hasPrep(k, e.Word)
	case dict.ElemSet:
		return mt.inSet(e.Word, k)
	case dict.ElemPhrase:
		head := e.Elems[len(e.Elems)-1]
		if !mt.elem(head, k, false) {
			return false
		}
		taken := map[int]bool{}
		for _, mod := range e.Elems[:len(e.Elems)-1] {
			ok := false
			for _, g := range t.kids[k] {
				if !taken[g] && t.base(g) != "punct" && mt.elem(mod, g, false) {
					taken[g], ok = true, true
					break
				}
			}
			if !ok {
				return false
			}
		}
		return true
	}
	return false
}

// inSet reports whether token k (with its modifiers, for a phrase member)
// is a member of the set.
func (mt *matcher) inSet(set string, k int) bool {
	t := mt.t
	for _, mem := range mt.c.verbs.SetMembers(set) {
		if !t.is(k, mem[len(mem)-1]) {
			continue
		}
		ok := true
		for _, w := range mem[:len(mem)-1] {
			found := false
			for _, g := range t.kids[k] {
				if t.is(g, w) {
					found = true
					break
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// prep matches a prepositional element against the pool and returns the
// complement it matched, or -1.
func (mt *matcher) prep(e dict.VerbElem, pool []int) int {
	t := mt.t
	for _, k := range pool {
		if mt.used[k] || t.base(k) == "punct" {
			continue
		}
		introduced := false
		for _, p := range e.Preps {
			if t.hasPrep(k, p) && !(len(e.Elems) == 0 && infinitiveTo(t, k, p)) {
				introduced = true
				break
			}
		}
		if !introduced && len(e.Elems) == 0 && t.relIn(k, "compound:prt", "advmod") {
			for _, p := range e.Preps {
				if t.word[k] == p {
					introduced = true
					break
				}
			}
		}
		if !introduced || !mt.prepObjects(e.Elems, k) {
			continue
		}
		mt.used[k] = true
		if len(e.Elems) > 0 {
			mt.m.nouns = append(mt.m.nouns, k)
		}
		return k
	}
	return -1
}

// prepObjects matches the objects of a prepositional element: the first
// against the complement k itself, the others against its dependents.
func (mt *matcher) prepObjects(objs []dict.VerbElem, k int) bool {
	if len(objs) == 0 {
		return true
	}
	t := mt.t
	first := objs[0]
	switch first.Kind {
	case dict.ElemSource, dict.ElemTarget:
		if len(mt.c.actorsOf(t, k)) == 0 {
			return false
		}
		mt.setRole(first.Kind, k)
	default:
		if !mt.elem(first, k, false) {
			return false
		}
	}
	taken := map[int]bool{}
	for _, o := range objs[1:] {
		ok := false
		for _, g := range t.kids[k] {
			if taken[g] || t.base(g) == "punct" || t.base(g) == "case" {
				continue
			}
			switch o.Kind {
			case dict.ElemSource, dict.ElemTarget:
				if len(mt.c.actorsOf(t, g)) > 0 {
					mt.setRole(o.Kind, g)
					ok = true
				}
			default:
				ok = mt.elem(o, g, false)
			}
			if ok {
				taken[g] = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
