package event

import (
	"sort"

	"github.com/dyad-project/dyad/internal/dict"
)

// The linear coder (Config.Linear) reads a sentence the way TABARI did,
// from left to right, without the dependency parse: the verb dictionary's
// words are verbs wherever they stand outside an actor's name; a pattern's
// words after "*" are found, in order, after the verb in its clause (other
// words may come between them), those before "*" before it; the source is
// the actor a pattern marks, else the one carried from the clause before,
// else the first actor of the clause; the target the first other actor after
// the verb, else before it. Clauses are split at conjunctions that join
// clauses, not actors ("Arnor and Gondor"); in a clause the first verb that
// codes an event is the one coded. Actors joined by "and" or commas are a
// compound, and each of them gets an event.

// span is one actor phrase of a sentence: its tokens and the actors it
// names.
type span struct {
	first, last int
	args        []arg
	// group numbers the compound the span belongs to ("Arnor, Gondor and
	// Rohan"); spans of one group share it.
	group int
}

// linear holds a sentence being coded by the linear coder.
type linear struct {
	r     *run
	t     *tree
	spans []span
	at    []int // token -> index in spans, or -1
}

// clauseConjunctions end a clause when a verb follows them.
var clauseConjunctions = map[string]bool{"and": true, "or": true, "but": true, "while": true, "whereas": true, ";": true}

// compoundJoiners join the actors of a compound.
var compoundJoiners = map[string]bool{"and": true, "or": true, ",": true}

// passiveAux are the auxiliaries of a passive verb.
var passiveAux = map[string]bool{"is": true, "was": true, "were": true, "are": true, "been": true, "be": true, "being": true}

// linearSentence codes one sentence with the linear coder.
func (r *run) linearSentence(t *tree) {
	l := &linear{r: r, t: t, at: make([]int, len(t.toks))}
	l.index()
	srcSpan := -1
	for _, cl := range l.clauses() {
		if k := l.firstSpanFrom(cl[0]); k >= 0 && l.spans[k].first <= cl[0]+1 && cl[0] > 0 {
			// A clause that begins with an actor has a source of its own.
			srcSpan = -1
		}
		for i := cl[0]; i <= cl[1]; i++ {
			if l.at[i] >= 0 {
				continue
			}
			tr, ok := l.trigger(i)
			if !ok {
				continue
			}
			n := len(r.events)
			if sp := l.verb(tr, cl, srcSpan); sp >= 0 {
				srcSpan = sp
			}
			if len(r.events) > n && r.c.cfg.CodeBy != CodeAll {
				if r.c.cfg.CodeBy == CodeBySentence {
					return
				}
				break
			}
		}
	}
}

// index finds the actor phrases of the sentence and the compounds they
// form.
func (l *linear) index() {
	t := l.t
	for i := range l.at {
		l.at[i] = -1
	}
	byMention := map[int]int{}
	for k := range t.toks {
		mi := t.ment[k]
		if mi < 0 {
			continue
		}
		si, ok := byMention[mi]
		if !ok || l.spans[si].last != k-1 {
			args := []arg{{mi: mi, tok: k}}
			for _, o := range t.same[mi] {
				args = append(args, arg{mi: o, tok: k})
			}
			l.spans = append(l.spans, span{first: k, last: k, args: args, group: len(l.spans)})
			si = len(l.spans) - 1
			byMention[mi] = si
		}
		l.spans[si].last = k
		l.at[k] = si
	}
	for s := 1; s < len(l.spans); s++ {
		a, b := l.spans[s-1], l.spans[s]
		joined := b.first > a.last+1
		conj := false
		for k := a.last + 1; k < b.first; k++ {
			switch {
			case compoundJoiners[t.word[k]]:
				conj = true
			case conj && (t.base(k) == "det" || t.toks[k].UPOS == "ADJ"):
				// "Fornost and the evil awful Gondor".
			default:
				joined = false
			}
			if !joined {
				break
			}
		}
		if joined {
			l.spans[s].group = l.spans[s-1].group
		}
	}
}

// clauses returns the clauses of the sentence as first and last tokens.
func (l *linear) clauses() [][2]int {
	t := l.t
	var out [][2]int
	start := 0
	for k := range t.toks {
		if k == start || !clauseConjunctions[t.word[k]] || l.joinsActors(k) || !l.verbAfter(k) {
			continue
		}
		out = append(out, [2]int{start, k - 1})
		start = k + 1
	}
	if start < len(t.toks) {
		out = append(out, [2]int{start, len(t.toks) - 1})
	}
	return out
}

// joinsActors reports whether the conjunction at k joins two actors of a
// compound.
func (l *linear) joinsActors(k int) bool {
	return k > 0 && k+1 < len(l.at) && l.at[k-1] >= 0 && l.at[k+1] >= 0 &&
		l.spans[l.at[k-1]].group == l.spans[l.at[k+1]].group
}

// verbAfter reports whether a verb of the parse comes after token k before
// the next conjunction.
func (l *linear) verbAfter(k int) bool {
	t := l.t
	for j := k + 1; j < len(t.toks); j++ {
		if clauseConjunctions[t.word[j]] {
			return false
		}
		if l.at[j] < 0 && t.toks[j].UPOS == "VERB" {
			return true
		}
	}
	return false
}

// firstSpanFrom returns the first actor phrase at or after token k, or -1.
func (l *linear) firstSpanFrom(k int) int {
	for j := k; j < len(l.at); j++ {
		if l.at[j] >= 0 {
			return l.at[j]
		}
	}
	return -1
}

// trigger returns the verb entries of token i: any form the verb
// dictionary lists, whatever its part of speech, as TABARI read them.
func (l *linear) trigger(i int) (trigger, bool) {
	t, v := l.t, l.r.c.verbs
	cands := v.VerbEntries(t.word[i])
	if t.lemma[i] != t.word[i] && t.isVerb(i) {
		cands = append(cands, v.VerbEntries(t.lemma[i])...)
	}
	if len(cands) == 0 {
		cands = v.NounEntries(t.word[i])
	}
	var out []*dict.VerbEntry
	var used []int
	best := -1
	seen := map[*dict.VerbEntry]bool{}
	for _, e := range cands {
		if seen[e] {
			continue
		}
		seen[e] = true
		u, ok := l.rest(i, e)
		if !ok {
			continue
		}
		switch n := len(e.Words); {
		case n > best:
			best, out, used = n, []*dict.VerbEntry{e}, u
		case n == best:
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return trigger{}, false
	}
	sortEntries(out)
	return trigger{tok: i, kind: out[0].Kind, entries: out, used: used}, true
}

// rest finds the other words of a multi-word entry in order after (for a
// noun, before) token i.
func (l *linear) rest(i int, e *dict.VerbEntry) ([]int, bool) {
	t := l.t
	var used []int
	if e.Kind == dict.EntryNoun {
		k := i - 1
		for n := len(e.Words) - 2; n >= 0; n-- {
			if k < 0 || !t.is(k, e.Words[n]) {
				return nil, false
			}
			used = append(used, k)
			k--
		}
		return used, true
	}
	k := i + 1
	for _, w := range e.Words[1:] {
		for k < len(t.toks) && !t.is(k, w) {
			if k > i+3 {
				return nil, false
			}
			k++
		}
		if k >= len(t.toks) {
			return nil, false
		}
		used = append(used, k)
		k++
	}
	return used, true
}

// lmatch is a pattern matched linearly.
type lmatch struct {
	pat            *dict.VerbPattern
	source, target int // spans the pattern marks, or -1
	last           int // last token matched after the verb
}

// verb codes the trigger tr in clause cl; srcSpan is the phrase of the
// source carried from earlier clauses, or -1. It returns the source it used
// (its phrase) when that is a regular one, not set by a pattern, for the
// clauses after; else -1.
func (l *linear) verb(tr trigger, cl [2]int, srcSpan int) int {
	r, t := l.r, l.t
	m, ok := l.bestPattern(tr, cl)
	code := tr.entry().Effective()
	f := found{t: t, trig: tr.tok, extra: tr.used, code: code, entry: tr.entry(), clause: tr.tok}
	if ok {
		f.code, f.pat = m.pat.Code, m.pat
	} else {
		m = lmatch{source: -1, target: -1}
	}
	ref := entryRef(f.entry, f.pat)
	if f.code.None() {
		r.miss(t, tr.tok, ref, "the dictionary codes no event here ([---])")
		return -1
	}
	regular := false
	srcIdx, tgtIdx := m.source, m.target
	if srcIdx < 0 && srcSpan >= 0 && srcSpan != tgtIdx {
		srcIdx = srcSpan
		regular = true
	}
	if srcIdx < 0 {
		for _, s := range l.spansIn(cl[0], cl[1]) {
			if tgtIdx < 0 || !l.same(s, tgtIdx) {
				srcIdx, regular = s, true
				break
			}
		}
	}
	if srcIdx < 0 {
		r.miss(t, tr.tok, ref, "no source actor")
		return -1
	}
	after := tr.tok
	for _, u := range tr.used {
		if u > after {
			after = u
		}
	}
	tgtRegular := false
	if tgtIdx < 0 {
		for _, s := range l.spansIn(after+1, cl[1]) {
			if !l.same(s, srcIdx) {
				tgtIdx, tgtRegular = s, true
				break
			}
		}
	}
	if tgtIdx < 0 {
		before := l.spansIn(cl[0], tr.tok-1)
		for n := len(before) - 1; n >= 0; n-- {
			if !l.same(before[n], srcIdx) {
				tgtIdx, tgtRegular = before[n], true
				break
			}
		}
	}
	if tgtIdx < 0 && len(l.compound(srcIdx)) > 1 {
		// "Gondor and Osgiliath renewed ties": the members of a compound
		// source act on each other.
		tgtIdx, tgtRegular = srcIdx, true
	}
	if tgtIdx < 0 {
		r.miss(t, tr.tok, ref, "no target actor")
		return -1
	}
	if regular && tgtRegular && l.passive(tr.tok) {
		srcIdx, tgtIdx = tgtIdx, srcIdx
		f.srcVia, f.tgtVia = "agent of a passive verb", "subject of a passive verb"
	} else {
		f.srcVia, f.tgtVia = "first actor of the clause", "first actor after the verb"
		if m.source >= 0 {
			f.srcVia = "pattern"
		}
		if m.target >= 0 {
			f.tgtVia = "pattern"
		}
	}
	f.sources, f.targets = l.compound(srcIdx), l.compound(tgtIdx)
	f.mode = r.c.clauseMode(t, tr.tok)
	r.emit(f)
	if regular {
		return srcIdx
	}
	return -1
}

// spansIn returns the actor phrases that begin between tokens a and b.
func (l *linear) spansIn(a, b int) []int {
	var out []int
	for s, sp := range l.spans {
		if sp.first >= a && sp.first <= b {
			out = append(out, s)
		}
	}
	return out
}

// same reports whether two phrases name the same actors.
func (l *linear) same(a, b int) bool {
	if a == b {
		return true
	}
	if l.spans[a].group == l.spans[b].group {
		return true
	}
	x, y := l.spans[a].args, l.spans[b].args
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if !sameActor(l.t.ms[x[i].mi].Actor, l.t.ms[y[i].mi].Actor) {
			return false
		}
	}
	return true
}

// compound returns the actors of phrase s and of the phrases of its
// compound.
func (l *linear) compound(s int) []arg {
	var out []arg
	for _, sp := range l.spans {
		if sp.group == l.spans[s].group {
			out = append(out, sp.args...)
		}
	}
	return dedupArgs(out)
}

// passive reports whether the verb at i is passive: an auxiliary one or two
// words before it and "by" one to three words after it.
func (l *linear) passive(i int) bool {
	t := l.t
	by := false
	for k := i + 1; k <= i+3 && k < len(t.toks); k++ {
		if t.word[k] == "by" {
			by = true
		}
	}
	if !by {
		return false
	}
	for k := i - 1; k >= i-2 && k >= 0; k-- {
		if passiveAux[t.word[k]] {
			return true
		}
	}
	return false
}

// bestPattern returns the largest pattern of the trigger's blocks that
// matches linearly, the one read last among equals.
func (l *linear) bestPattern(tr trigger, cl [2]int) (lmatch, bool) {
	var pats []*dict.VerbPattern
	seen := map[*dict.VerbBlock]bool{}
	for _, e := range tr.entries {
		if !seen[e.Block] {
			seen[e.Block] = true
			pats = append(pats, e.Block.Patterns...)
		}
	}
	sort.SliceStable(pats, func(a, b int) bool {
		if sa, sb := pats[a].Size(), pats[b].Size(); sa != sb {
			return sa > sb
		}
		return later(pats[a], pats[b])
	})
	after := tr.tok
	for _, u := range tr.used {
		if u > after {
			after = u
		}
	}
	for _, p := range pats {
		m := lmatch{pat: p, source: -1, target: -1}
		used := map[int]bool{tr.tok: true}
		for _, u := range tr.used {
			used[u] = true
		}
		if !l.forward(&m, p.Post, after+1, cl[1], used) {
			continue
		}
		if !l.backward(&m, p.Pre, tr.tok-1, used) {
			continue
		}
		return m, true
	}
	return lmatch{}, false
}

// forward matches elems in order from token k up to token end and returns
// whether all matched.
func (l *linear) forward(m *lmatch, elems []dict.VerbElem, k, end int, used map[int]bool) bool {
	for _, e := range elems {
		next, ok := l.find(m, e, k, end, used)
		if !ok {
			return false
		}
		k = next
	}
	m.last = k - 1
	return true
}

// find finds element e at or after token k and returns the token after
// it.
func (l *linear) find(m *lmatch, e dict.VerbElem, k, end int, used map[int]bool) (int, bool) {
	for ; k <= end; k++ {
		if used[k] {
			continue
		}
		switch e.Kind {
		case dict.ElemSource, dict.ElemTarget:
			s := l.at[k]
			if s < 0 {
				continue
			}
			if e.Kind == dict.ElemSource {
				m.source = s
			} else {
				m.target = s
			}
			return l.spans[s].last + 1, true
		case dict.ElemAny:
			// TABARI's "^" skips an actor's whole name.
			if s := l.at[k]; s >= 0 {
				return l.spans[s].last + 1, true
			}
		case dict.ElemWord:
			if l.word(k, e.Word) {
				return k + 1, true
			}
		case dict.ElemSet:
			if n := l.setAt(e.Word, k); n > 0 {
				return k + n, true
			}
		case dict.ElemPhrase:
			sub := &lmatch{source: -1, target: -1}
			if !l.elemAt(e.Elems[0], k) {
				continue
			}
			if l.forward(sub, e.Elems[1:], k+1, end, used) {
				return sub.last + 1, true
			}
		case dict.ElemPrep:
			if !l.prepAt(e.Preps, k) {
				continue
			}
			sub := &lmatch{source: -1, target: -1}
			if !l.forward(sub, e.Elems, k+1, end, used) {
				continue
			}
			if sub.source >= 0 {
				m.source = sub.source
			}
			if sub.target >= 0 {
				m.target = sub.target
			}
			return sub.last + 1, true
		}
	}
	return 0, false
}

// elemAt reports whether a simple element matches token k.
func (l *linear) elemAt(e dict.VerbElem, k int) bool {
	switch e.Kind {
	case dict.ElemWord:
		return l.word(k, e.Word)
	case dict.ElemSet:
		return l.setAt(e.Word, k) > 0
	case dict.ElemAny:
		return true
	}
	return false
}

// prepAt reports whether token k is one of the prepositions.
func (l *linear) prepAt(preps []string, k int) bool {
	for _, p := range preps {
		if l.t.word[k] == p {
			return true
		}
	}
	return false
}

// setAt returns the number of tokens of the longest member of set that
// starts at token k, or 0.
func (l *linear) setAt(set string, k int) int {
	t := l.t
	best := 0
	for _, mem := range l.r.c.verbs.SetMembers(set) {
		if k+len(mem) > len(t.toks) || len(mem) <= best {
			continue
		}
		ok := true
		for n, w := range mem {
			if !l.word(k+n, w) {
				ok = false
				break
			}
		}
		if ok {
			best = len(mem)
		}
	}
	return best
}

// backward matches elems right to left, from token k towards the start of
// the sentence.
func (l *linear) backward(m *lmatch, elems []dict.VerbElem, k int, used map[int]bool) bool {
	for n := len(elems) - 1; n >= 0; n-- {
		e := elems[n]
		found := false
		for ; k >= 0; k-- {
			if used[k] {
				continue
			}
			switch e.Kind {
			case dict.ElemSource, dict.ElemTarget:
				s := l.at[k]
				if s < 0 {
					continue
				}
				if e.Kind == dict.ElemSource {
					m.source = s
				} else {
					m.target = s
				}
				k = l.spans[s].first - 1
				found = true
			case dict.ElemAny:
				if s := l.at[k]; s >= 0 {
					k = l.spans[s].first - 1
					found = true
				}
			case dict.ElemWord:
				if l.word(k, e.Word) {
					k--
					found = true
				}
			case dict.ElemSet:
				for start := k; start >= 0 && start > k-4; start-- {
					if n := l.setAt(e.Word, start); n > 0 && start+n-1 == k {
						k = start - 1
						found = true
						break
					}
				}
			default:
				sub := &lmatch{source: -1, target: -1}
				if next, ok := l.find(sub, e, k, k, used); ok && next > k {
					if sub.source >= 0 {
						m.source = sub.source
					}
					if sub.target >= 0 {
						m.target = sub.target
					}
					k--
					found = true
				}
			}
			if found {
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// word reports whether token k is the pattern word w: its word or lemma.
func (l *linear) word(k int, w string) bool { return l.t.is(k, w) }
