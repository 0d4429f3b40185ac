package event

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dyad-project/dyad"
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
//
// Pattern words match the word as written (a stem "word~" by prefix), not
// its lemma: the peers' dictionaries list inflections as stems and forms.
// Words joined by "_" must be adjacent; a phrase's words are consecutive. A
// verb's word right after an article is a noun. The peers' options are
// Config.CodeBy, MinWords, Complex (sentences too complex to code), Commas
// (comma-delimited clauses skipped), Defaults (default actors), NoTarget
// (events without a target), NewActorLength (noun phrases as new actors),
// NounConj (TABARI's nouns) and ParsePhrases (PETRARCH's phrases, see
// linear_peer.go).

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
	// firstDefault is the index in t.ms of the first default actor added
	// (Config.Defaults), or -1.
	firstDefault int
	// dead marks the tokens of skipped comma-delimited clauses
	// (Config.Commas).
	dead []bool
}

// clauseConjunctions end a clause when a verb follows them.
var clauseConjunctions = map[string]bool{"and": true, "or": true, "but": true, "while": true, "whereas": true, ";": true}

// compoundJoiners join the actors of a compound.
var compoundJoiners = map[string]bool{"and": true, "or": true, "nor": true, ",": true}

// passiveAux are the auxiliaries of a passive verb.
var passiveAux = map[string]bool{"is": true, "was": true, "were": true, "are": true, "been": true, "be": true, "being": true}

// linearSentence codes one sentence with the linear coder.
func (r *run) linearSentence(t *tree) {
	l := &linear{r: r, t: t, at: make([]int, len(t.toks)), firstDefault: -1}
	l.index()
	if r.c.cfg.NewActorLength > 0 {
		l.newActors()
	}
	l.commas()
	if r.c.cfg.ParsePhrases {
		l.dropPossessors()
	}
	if why := l.complex(); why != "" {
		r.miss(t, 0, "", "the sentence is too complex to code: "+why)
		return
	}
	if r.c.cfg.NoTarget {
		defer l.reportingTail()
	}
	srcSpan := -1
	for _, cl := range l.clauses() {
		if k := l.firstSpanFrom(cl[0]); k >= 0 && l.spans[k].first <= cl[0]+1 && cl[0] > 0 {
			// A clause that begins with an actor has a source of its own.
			srcSpan = -1
		}
		for i := cl[0]; i <= cl[1]; i++ {
			if l.at[i] >= 0 || l.dead[i] {
				continue
			}
			tr, ok := l.trigger(i)
			if !ok || l.auxDefers(tr, cl) {
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

// commas marks the tokens of the comma-delimited clauses that
// Config.Commas skips as dead, and takes their actors out of the sentence.
func (l *linear) commas() {
	t := l.t
	l.dead = make([]bool, len(t.toks))
	c := l.r.c.cfg.Commas
	if c == (Commas{}) {
		return
	}
	var commas []int
	for k := range t.toks {
		if t.word[k] == "," {
			commas = append(commas, k)
		}
	}
	if len(commas) == 0 {
		return
	}
	end := len(t.toks)
	for end > 0 && t.toks[end-1].UPOS == "PUNCT" && t.word[end-1] != "," {
		end--
	}
	words := func(a, b int) int { // words of tokens a to b-1
		n := 0
		for k := a; k < b; k++ {
			if t.toks[k].UPOS != "PUNCT" && t.word[k] != "'s" && t.word[k] != "'" {
				n++
			}
		}
		return n
	}
	kill := func(a, b, lo, hi int) bool {
		if hi <= 0 || a >= b {
			return false
		}
		if n := words(a, b); n < lo || n > hi {
			return false
		}
		for k := a; k < b; k++ {
			l.dead[k] = true
		}
		return true
	}
	// Internal clauses go first, with their commas; the initial and
	// terminal clauses are then found at the commas left.
	var left []int
	for i := 0; i < len(commas); i++ {
		// A clause whose comma is followed by "and" or "or" is an item of a
		// list ("Mordor, the awful Fornost, and Gondor"), not an aside.
		if i+1 < len(commas) && !listItem(t, commas[i+1]) && kill(commas[i], commas[i+1]+1, c.Min, c.Max) {
			i++
			continue
		}
		left = append(left, commas[i])
	}
	if len(left) > 0 {
		// PETRARCH counted the comma as a word of the initial clause.
		n := 0
		if l.r.c.cfg.ParsePhrases {
			n = 1
		}
		kill(0, left[0], c.BMin-n, c.BMax-n)
		kill(left[len(left)-1]+1, end, c.EMin, c.EMax)
	}
	for k, d := range l.dead {
		if d {
			l.at[k] = -1
		}
	}
}

// articles make the word after them a noun, not a verb.
var articles = map[string]bool{"a": true, "an": true, "the": true}

// listItem reports whether the comma at k is followed by "and" or "or".
func listItem(t *tree, k int) bool {
	return k+1 < len(t.toks) && (t.word[k+1] == "and" || t.word[k+1] == "or")
}

// complexConjunctions are the conjunctions Config.Complex counts.
var complexConjunctions = map[string]bool{"and": true, "or": true, "but": true}

// complex returns why the sentence is too complex to code under
// Config.Complex, or "".
func (l *linear) complex() string {
	cx := l.r.c.cfg.Complex
	if cx == (Complexity{}) {
		return ""
	}
	t := l.t
	verbs, conj, first := 0, 0, -1
	var words []string
	for i := range t.toks {
		if l.at[i] >= 0 || l.dead[i] {
			continue
		}
		if complexConjunctions[t.word[i]] && !l.joinsActors(i) {
			conj++
		}
		tr, ok := l.trigger(i)
		if !ok {
			continue
		}
		if t.isVerb(i) {
			verbs++
			words = append(words, t.word[i])
		}
		if first < 0 && l.codes(tr) {
			first = i
		}
	}
	switch {
	case cx.Verbs > 0 && verbs >= cx.Verbs:
		return fmt.Sprintf("%d verbs (%s)", verbs, strings.Join(words, ", "))
	case cx.Conj > 0 && conj >= cx.Conj:
		return fmt.Sprintf("%d conjunctions", conj)
	case cx.NoActorPrior && first >= 0 && l.firstSpanFrom(0) >= 0 && l.spans[l.firstSpanFrom(0)].first > first:
		return "no actor before the verb"
	case cx.NoActorPrior && first >= 0 && l.firstSpanFrom(0) < 0:
		return "no actor before the verb"
	}
	return ""
}

// codes reports whether the trigger codes an event with its own code or
// a pattern's, ignoring actors.
func (l *linear) codes(tr trigger) bool {
	if m, ok := l.bestPattern(tr, [2]int{0, len(l.t.toks) - 1}); ok {
		return !m.pat.Code.None()
	}
	return !tr.entry().Effective().None()
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
		if k == start || !clauseConjunctions[t.word[k]] || l.joinsActors(k) || !l.verbAfter(k) || l.joinsNouns(k) {
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
	var cands []*dict.VerbEntry
	if !(i > 0 && articles[t.word[i-1]]) && !l.determined(i) {
		// A verb's word right after an article is a noun ("an accord").
		cands = v.VerbEntries(t.word[i])
		if t.lemma[i] != t.word[i] && t.isVerb(i) {
			cands = append(cands, v.VerbEntries(t.lemma[i])...)
		}
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
	compound       int // the first span of the compound "%" marks, or -1
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
		m = lmatch{source: -1, target: -1, compound: -1}
	}
	ref := entryRef(f.entry, f.pat)
	if f.code.None() {
		r.miss(t, tr.tok, ref, "the dictionary codes no event here ([---])")
		return -1
	}
	if m.compound >= 0 {
		// "% *": the members of the compound act on each other; with a
		// paired code the first is the source, the others the targets.
		f.srcVia, f.tgtVia = "compound of the pattern", "compound of the pattern"
		if f.code.Event != "" && f.code.Reverse != "" {
			f.sources, f.targets = l.split(m.compound)
		} else {
			f.sources, f.targets = l.compound(m.compound), l.compound(m.compound)
		}
		f.mode = r.c.clauseMode(t, tr.tok)
		r.emit(f)
		return -1
	}
	d := r.c.cfg.Defaults
	regular := false
	srcIdx, tgtIdx := m.source, m.target
	if srcIdx < 0 {
		if s := l.subjectSpan(tr.tok); s >= 0 && s != tgtIdx {
			srcIdx, regular = s, true
		}
	}
	if srcIdx < 0 && srcSpan >= 0 && srcSpan != tgtIdx {
		srcIdx = srcSpan
		regular = true
	}
	defSrc := srcIdx < 0 && d.Source != "" && d.Prior && len(l.spansIn(cl[0], tr.tok-1)) == 0
	if srcIdx < 0 && !defSrc {
		for _, s := range l.spansIn(cl[0], cl[1]) {
			if tgtIdx < 0 || !l.same(s, tgtIdx) {
				srcIdx, regular = s, true
				break
			}
		}
	}
	if srcIdx < 0 && d.Source != "" {
		defSrc = true
	}
	if srcIdx < 0 && !defSrc {
		r.miss(t, tr.tok, ref, "no source actor")
		return -1
	}
	after := tr.tok
	for _, u := range tr.used {
		if u > after {
			after = u
		}
	}
	other := func(s int) bool { return !l.null(s) && (srcIdx < 0 || !l.same(s, srcIdx)) }
	tgtRegular, defTgt := false, false
	if tgtIdx < 0 {
		for _, s := range l.spansIn(after+1, cl[1]) {
			if other(s) {
				tgtIdx, tgtRegular = s, true
				break
			}
		}
	}
	if tgtIdx < 0 && d.Target != "" && d.After {
		defTgt = true
	}
	if tgtIdx < 0 && !defTgt {
		before := l.spansIn(cl[0], tr.tok-1)
		for n := len(before) - 1; n >= 0; n-- {
			if other(before[n]) {
				tgtIdx, tgtRegular = before[n], true
				break
			}
		}
	}
	var sources, targets []arg
	split := false
	if tgtIdx < 0 && srcIdx >= 0 && regular && len(l.compound(srcIdx)) > 1 && (!defTgt || l.spans[srcIdx].first > tr.tok) {
		// "Gondor and Osgiliath renewed ties": the first member of a
		// compound source acts on the others.
		tgtIdx, tgtRegular, split, defTgt = srcIdx, true, true, false
	}
	if tgtIdx < 0 && !defTgt && d.Target != "" {
		defTgt = true
	}
	noTgt := false
	if tgtIdx < 0 && !defTgt && r.c.cfg.NoTarget && !defSrc {
		noTgt = true
	}
	if tgtIdx < 0 && !defTgt && !noTgt {
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
	switch {
	case split:
		sources, targets = l.split(srcIdx)
		f.tgtVia = "the other members of the source's compound"
	case defSrc:
		sources, f.srcVia = []arg{l.defaultActor(d.Source, tr.tok)}, "default source"
	default:
		sources = l.compound(srcIdx)
	}
	switch {
	case split:
	case defTgt:
		targets, f.tgtVia = []arg{l.defaultActor(d.Target, tr.tok)}, "default target"
	case noTgt:
		targets, f.tgtVia = []arg{l.defaultActor("", tr.tok)}, "no target"
	default:
		targets = l.compound(tgtIdx)
	}
	f.sources, f.targets = sources, targets
	f.mode = r.c.clauseMode(t, tr.tok)
	r.emit(f)
	if regular {
		return srcIdx
	}
	return -1
}

// defaultActor returns an argument for the default actor code (for "", no
// actor: Config.NoTarget), a mention of no text at the trigger tok that the
// sentence's mentions gain.
func (l *linear) defaultActor(code string, tok int) arg {
	t := l.t
	for mi := l.firstDefault; mi >= 0 && mi < len(t.ms); mi++ {
		if t.ms[mi].Actor.Code == code {
			return arg{mi: mi, tok: tok}
		}
	}
	if l.firstDefault < 0 {
		// Copy the mentions before adding to them: the slice is the
		// caller's.
		t.ms = append([]MentionRef{}, t.ms...)
		l.firstDefault = len(t.ms)
	}
	at := t.toks[tok].Start
	name := "no actor"
	if code != "" {
		name = "default " + code
	}
	t.ms = append(t.ms, MentionRef{Start: at, End: at, Actor: dyad.ActorRef{Code: code, Name: name, Start: at, End: at}})
	return arg{mi: len(t.ms) - 1, tok: tok}
}

// compoundAt returns the first and last phrases of the compound of phrase
// s, outside skipped clauses, and whether it has two or more.
func (l *linear) compoundAt(s int) (first, last int, ok bool) {
	first, last = -1, -1
	n := 0
	for k, sp := range l.spans {
		if sp.group != l.spans[s].group || l.dead[sp.first] {
			continue
		}
		if first < 0 {
			first = k
		}
		last = k
		n++
	}
	return first, last, n > 1
}

// split returns the actors of the first phrase of s's compound and those
// of the other phrases.
func (l *linear) split(s int) (first, rest []arg) {
	g := l.spans[s].group
	for _, sp := range l.spans {
		switch {
		case sp.group != g || l.dead[sp.first]:
		case first == nil:
			first = append(first, sp.args...)
		default:
			rest = append(rest, sp.args...)
		}
	}
	return dedupArgs(first), dedupArgs(rest)
}

// spansIn returns the actor phrases that begin between tokens a and b,
// outside skipped clauses.
func (l *linear) spansIn(a, b int) []int {
	var out []int
	for s, sp := range l.spans {
		if sp.first >= a && sp.first <= b && !l.dead[sp.first] {
			out = append(out, s)
		}
	}
	return out
}

// null reports whether the actors of phrase s have no code at all: a name
// the dictionary codes [---], which is no one's target.
func (l *linear) null(s int) bool {
	for _, a := range l.spans[s].args {
		if x := l.t.ms[a.mi].Actor; x.Code != "" || x.Country != "" || x.Sector != "" {
			return false
		}
	}
	return true
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
		if sp.group == l.spans[s].group && !l.dead[sp.first] {
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
		if sa, sb := pats[a].Sets(), pats[b].Sets(); sa != sb {
			// Words are more specific than synonym sets.
			return sa < sb
		}
		if sa, sb := pats[a].Stems(), pats[b].Stems(); sa != sb {
			// Whole words are more specific than stems.
			return sa < sb
		}
		if ja, jb := pats[a].Joins(), pats[b].Joins(); ja != jb {
			// Joined words are more specific than loose ones.
			return ja > jb
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
		m := lmatch{pat: p, source: -1, target: -1, compound: -1}
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
	for i, e := range elems {
		last := end
		if i > 0 && elems[i-1].Joined {
			// Joined to the element before: it must start right here.
			last = min(k, end)
		}
		next, ok := l.find(m, e, k, last, end, 1, used)
		if !ok {
			return false
		}
		k = next
	}
	m.last = k - 1
	return true
}

// find finds element e at a token from k to last, reading in direction
// dir: rightwards (1) the element starts at the token and ends by token
// end; leftwards (-1) it ends at the token. It returns the token past the
// element in that direction: the one after its end rightwards, the one
// before its start leftwards.
func (l *linear) find(m *lmatch, e dict.VerbElem, k, last, end, dir int, used map[int]bool) (int, bool) {
	// past returns the token past the element of tokens a to b.
	past := func(a, b int) (int, bool) {
		if dir < 0 {
			return a - 1, true
		}
		return b + 1, true
	}
	for ; k >= 0 && (last-k)*dir >= 0; k += dir {
		if used[k] || l.dead[k] {
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
			return past(l.spans[s].first, l.spans[s].last)
		case dict.ElemAny:
			// TABARI's "^" skips an actor's whole name; PETRARCH's any
			// noun phrase, read rightwards.
			if s := l.at[k]; s >= 0 {
				return past(l.spans[s].first, l.spans[s].last)
			}
			if dir > 0 {
				if n := l.nounPhraseAt(k); n > 0 {
					return past(k, k+n-1)
				}
			}
		case dict.ElemCompound:
			// Rightwards the compound begins with the phrase that begins
			// at token k; leftwards it ends with the phrase of token k.
			if s := l.at[k]; s >= 0 && (dir < 0 || l.spans[s].first == k) {
				if first, final, ok := l.compoundAt(s); ok && (dir > 0 && first == s || dir < 0 && final == s) {
					m.compound = first
					return past(l.spans[first].first, l.spans[final].last)
				}
			}
		case dict.ElemWord:
			if l.wordIs(k, e) {
				return past(k, k)
			}
		case dict.ElemSet:
			if dir > 0 {
				if n := l.setAt(e.Word, k); n > 0 {
					return past(k, k+n-1)
				}
			} else if start, ok := l.setEndingAt(e.Word, k); ok {
				return past(start, k)
			}
		case dict.ElemPhrase:
			// The words of a phrase ("{new &TIETYPES relations}") are
			// consecutive.
			if dir > 0 {
				if n := l.phraseAt(e.Elems, k); n > 0 && k+n-1 <= end {
					return past(k, k+n-1)
				}
			} else if start, ok := l.phraseEndingAt(e.Elems, k); ok {
				return past(start, k)
			}
		case dict.ElemPrep:
			if !l.prepAt(e.Preps, k) {
				continue
			}
			// Its objects follow the preposition; read leftwards, the
			// preposition ends the element, so it matches only without
			// objects.
			objEnd := end
			if dir < 0 {
				objEnd = k
			}
			sub := &lmatch{source: -1, target: -1, compound: -1}
			if !l.forward(sub, e.Elems, k+1, objEnd, used) {
				continue
			}
			if sub.source >= 0 {
				m.source = sub.source
			}
			if sub.target >= 0 {
				m.target = sub.target
			}
			return past(k, sub.last)
		}
	}
	return 0, false
}

// elemAt reports whether a simple element matches token k.
func (l *linear) elemAt(e dict.VerbElem, k int) bool {
	switch e.Kind {
	case dict.ElemWord:
		return l.wordIs(k, e)
	case dict.ElemSet:
		return l.setAt(e.Word, k) > 0
	case dict.ElemAny:
		return true
	}
	return false
}

// phraseAt returns the number of tokens from k that the consecutive words,
// sets and "^" of a phrase match, or 0.
func (l *linear) phraseAt(elems []dict.VerbElem, k int) int {
	at := k
	for _, e := range elems {
		if at >= len(l.t.toks) {
			return 0
		}
		switch e.Kind {
		case dict.ElemSet:
			n := l.setAt(e.Word, at)
			if n == 0 {
				return 0
			}
			at += n
		default:
			if !l.elemAt(e, at) {
				return 0
			}
			at++
		}
	}
	return at - k
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
	best := 0
	for _, mem := range l.r.c.verbs.SetMembers(set) {
		at, ok := k, true
		for _, w := range mem {
			n := l.memberWord(at, w)
			if n == 0 {
				ok = false
				break
			}
			at += n
		}
		if ok && at-k > best {
			best = at - k
		}
	}
	return best
}

// setEndingAt returns the first token of a member of set that ends at
// token k, if there is one: the latest start, from k back to k-3, whose
// longest member (setAt) ends there.
func (l *linear) setEndingAt(set string, k int) (int, bool) {
	for start := k; start >= 0 && start > k-4; start-- {
		if n := l.setAt(set, start); n > 0 && start+n-1 == k {
			return start, true
		}
	}
	return 0, false
}

// memberWord returns the number of tokens from k that a word of a set
// member matches, or 0: the word of token k, by prefix when the member word
// is a stem ("dollar~"); or a contraction the tokenizer split,
// several tokens with no space between them ("did" "n't" for "didn't").
func (l *linear) memberWord(k int, w string) int {
	t := l.t
	if k >= len(t.toks) {
		return 0
	}
	e := dict.VerbElem{Kind: dict.ElemWord, Word: w}
	if stem, ok := strings.CutSuffix(w, "~"); ok {
		e.Word, e.Stem = stem, true
	}
	if l.wordIs(k, e) {
		return 1
	}
	joined := t.word[k]
	for j := k + 1; j < len(t.toks) && j < k+3 && t.toks[j].Start == t.toks[j-1].End; j++ {
		joined += t.word[j]
		if e.Matches(joined) {
			return j - k + 1
		}
	}
	return 0
}

// backward matches elems right to left, from token k towards the start of
// the sentence.
func (l *linear) backward(m *lmatch, elems []dict.VerbElem, k int, used map[int]bool) bool {
	for n := len(elems) - 1; n >= 0; n-- {
		// An element joined to the next one (or, the last, to the verb)
		// must end right before it.
		last := 0
		if elems[n].Joined {
			last = k
		}
		next, ok := l.find(m, elems[n], k, last, k, -1, used)
		if !ok {
			return false
		}
		k = next
	}
	return true
}

// wordIs reports whether token k is the pattern word e: the peers'
// dictionaries match the word as written, by prefix for a stem, not its
// lemma (their stems and verb forms give the inflections).
func (l *linear) wordIs(k int, e dict.VerbElem) bool { return e.Matches(l.t.word[k]) }
