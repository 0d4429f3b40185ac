package parse

import (
	"math/rand/v2"
)

// parseSample is one training sentence for the parser: forms, predicted
// tag classes, gold heads (0-based, n for the root) and gold label numbers.
type parseSample struct {
	words []string
	tags  []int
	amb   []uint64 // ambiguity classes (see tagLex)
	heads []int32
	labs  []int
}

// oracle holds the gold tree of the sentence being trained on.
type oracle struct {
	gold  []int32
	glab  []int
	deps  [][]int32
	stack []bool // whether a word is on the stack
}

func (o *oracle) reset(s *parseSample) {
	n := len(s.words)
	o.gold = s.heads
	o.glab = s.labs
	if cap(o.deps) < n+1 {
		o.deps = make([][]int32, n+1)
		o.stack = make([]bool, n+1)
	}
	o.deps = o.deps[:n+1]
	o.stack = o.stack[:n+1]
	for i := range o.deps {
		o.deps[i] = o.deps[i][:0]
		o.stack[i] = false
	}
	for d, h := range s.heads {
		o.deps[h] = append(o.deps[h], int32(d))
	}
}

// depsFrom counts the gold dependents of w at or after position b.
func (o *oracle) depsFrom(w, b int32) int {
	c := 0
	for _, d := range o.deps[w] {
		if d >= b {
			c++
		}
	}
	return c
}

// costs returns the number of gold arcs that each kind of transition would
// make unreachable (the dynamic oracle for arc-hybrid), without labels.
func (o *oracle) costs(st *pstate) (shift, left, right int) {
	ns := len(st.stack)
	b := st.b
	if int(b) < st.n {
		g := o.gold[b]
		if g >= 0 && int(g) < len(o.stack) && o.stack[g] && (ns == 0 || g != st.stack[ns-1]) {
			shift++
		}
		for _, d := range o.deps[b] {
			if o.stack[d] {
				shift++
			}
		}
	}
	if ns > 0 {
		s0 := st.stack[ns-1]
		s1 := int32(none32)
		if ns > 1 {
			s1 = st.stack[ns-2]
		}
		g := o.gold[s0]
		lost := o.depsFrom(s0, b)
		left, right = lost, lost
		if g != b && (g == s1 || g > b) {
			left++
		}
		if g != s1 && g >= b {
			right++
		}
	}
	return
}

// parserTrainer holds the state of one parser training run.
type parserTrainer struct {
	w, lw    *trainWeights // transitions, labels
	nlab     int
	root     int
	noneTag  uint64
	rootTag  uint64
	explore  float64 // probability of following a wrong prediction
	exploreK int     // epochs before exploring
	rng      *rand.Rand
	now      int32
	lnow     int32
	st       pstate
	or       oracle
	feats    []uint64
	scores   []int32
	lscores  []int32
	roles    [nRoles]int32
}

// parserConfig is what a parser training run needs besides the data.
type parserConfig struct {
	upos, xpos   []string
	ntag, nlab   int
	epochs       int
	seed         uint64
	explore      float64 // probability of following a wrong prediction
	minFrac      float64 // pruning of the transition weights (see quantise)
	labelMinFrac float64 // and of the label weights
	minCount     int32   // features seen fewer times in the gold data get no weight
	progress     func(epoch int)
}

// trainParser trains the parser on data and returns the transition and
// label weights.
func trainParser(data []parseSample, cfg parserConfig) (*table, *table) {
	tr := newParserTrainer(cfg)
	if cfg.minCount > 1 {
		tc, lc := featureCounts{}, featureCounts{}
		for i := range data {
			tr.count(&data[i], tc, lc)
		}
		tr.w.allow(tc, cfg.minCount)
		tr.lw.allow(lc, cfg.minCount)
	}
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	for ep := 0; ep < cfg.epochs; ep++ {
		tr.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			tr.sentence(&data[si], ep)
		}
		if cfg.progress != nil {
			cfg.progress(ep)
		}
	}
	k, c, cl, ws := quantise(tr.w.average(tr.now, 0), cfg.minFrac)
	lk, lc, lcl, lws := quantise(tr.lw.average(tr.lnow, 0), cfg.labelMinFrac)
	return newTable(k, c, cl, ws), newTable(lk, lc, lcl, lws)
}

func newParserTrainer(cfg parserConfig) *parserTrainer {
	tr := &parserTrainer{
		w:        newTrainWeights(),
		lw:       newTrainWeights(),
		nlab:     cfg.nlab,
		root:     cfg.nlab,
		noneTag:  uint64(cfg.ntag),
		rootTag:  uint64(cfg.ntag + 1),
		explore:  cfg.explore,
		exploreK: 1,
		rng:      rand.New(rand.NewPCG(cfg.seed, 0x706172736572)),
		now:      1,
		lnow:     1,
		feats:    make([]uint64, 0, 128),
		scores:   make([]int32, nActions),
		lscores:  make([]int32, cfg.nlab),
	}
	tr.st.kinds, tr.st.upos = wordKinds(cfg.upos, cfg.xpos), coarseTags(cfg.upos)
	return tr
}

// unknownWord is the template number of the atom that stands for a rare
// word (with its shape).
const unknownWord = 1000

// setupToks fills st.toks for a sentence and resets st.
func setupToks(st *pstate, words []string, tags []int, amb []uint64, rootTag uint64) {
	n := len(words)
	st.reset(n)
	if cap(st.toks) < n+1 {
		st.toks = make([]ptok, n+1)
	}
	st.toks = st.toks[:n+1]
	for i, w := range words {
		a := uint64(atomNone)
		if amb != nil {
			a = amb[i]
		}
		// Words too rare to have an ambiguity class are not told apart: in
		// training they would be memorised, and new text is full of them.
		l := lower(w)
		wa := strHash(l)
		if a == atomNone {
			wa = f1(unknownWord, strHash(shape(w)))
		}
		u := uint64(atomNone)
		if t := tags[i]; t >= 0 && t < len(st.upos) {
			u = st.upos[t]
		}
		st.toks[i] = ptok{w: wa, p: uint64(tags[i]), u: u, a: a, s: strHash(suffix(l, 3))}
	}
	st.toks[n] = ptok{w: atomRoot, p: rootTag, u: atomRoot, a: atomRoot}
	if cap(st.punct) < n+2 {
		st.punct = make([]int32, n+2)
		st.verbs = make([]int32, n+2)
		st.verb = make([]int32, n+2)
		st.npunct = make([]int32, n+2)
		st.conjs = make([]int32, n+2)
		st.depth = make([]int32, n+2)
	}
	st.conjs, st.depth = st.conjs[:n+2], st.depth[:n+2]
	st.conjs[0], st.depth[0] = 0, 0
	st.punct, st.verbs = st.punct[:n+2], st.verbs[:n+2]
	st.verb, st.npunct = st.verb[:n+2], st.npunct[:n+2]
	st.punct[0], st.verbs[0] = 0, 0
	for i := range n {
		k := st.kind(int32(i))
		st.punct[i+1], st.verbs[i+1] = st.punct[i], st.verbs[i]
		if k&kindPunct != 0 {
			st.punct[i+1]++
		}
		if k&kindVerb != 0 {
			st.verbs[i+1]++
		}
		st.conjs[i+1] = st.conjs[i]
		if k&kindConj != 0 {
			st.conjs[i+1]++
		}
		st.depth[i+1] = st.depth[i]
		if k&kindOpen != 0 {
			st.depth[i+1]++
		}
		if k&kindClose != 0 {
			st.depth[i+1]--
		}
	}
	st.punct[n+1], st.verbs[n+1], st.conjs[n+1] = st.punct[n], st.verbs[n], st.conjs[n]
	st.depth[n+1] = st.depth[n]
	st.verb[n], st.verb[n+1] = int32(n), int32(n)
	st.npunct[n], st.npunct[n+1] = int32(n), int32(n)
	for i := n - 1; i >= 0; i-- {
		k := st.kind(int32(i))
		st.verb[i], st.npunct[i] = st.verb[i+1], st.npunct[i+1]
		if k&kindVerb != 0 {
			st.verb[i] = int32(i)
		}
		if k&kindPunct != 0 {
			st.npunct[i] = int32(i)
		}
	}
}

// count adds the features of the gold transitions and arcs of s.
func (tr *parserTrainer) count(s *parseSample, tc, lc featureCounts) {
	st := &tr.st
	setupToks(st, s.words, s.tags, s.amb, tr.rootTag)
	tr.or.reset(s)
	for !st.terminal() {
		shift, left, right := st.valid()
		cs, cl, cr := tr.or.costs(st)
		a := -1
		switch {
		case left && cl == 0:
			a = actLeft
		case right && cr == 0:
			a = actRight
		case shift && cs == 0:
			a = actShift
		case shift:
			a = actShift
		case right:
			a = actRight
		default:
			a = actLeft
		}
		tr.feats = parseFeatures(st, tr.noneTag, tr.feats[:0], true, &tr.roles)
		tc.add(tr.feats)
		if a == actShift {
			tr.or.stack[st.b] = true
			st.apply(a, -1)
			continue
		}
		h, d := st.arcOf(a)
		tr.or.stack[d] = false
		l := tr.root
		if int(h) != st.n {
			tr.feats = labelFeatures(st, h, d, tr.noneTag, tr.feats[:0])
			lc.add(tr.feats)
			l = tr.or.glab[d]
		}
		st.apply(a, l)
	}
}

func (tr *parserTrainer) sentence(s *parseSample, ep int) {
	st := &tr.st
	setupToks(st, s.words, s.tags, s.amb, tr.rootTag)
	tr.or.reset(s)
	var cost [nActions]int
	for !st.terminal() {
		shift, left, right := st.valid()
		cs, cl, cr := tr.or.costs(st)
		cost = [nActions]int{-1, -1, -1}
		nvalid := 0
		if shift {
			cost[actShift] = cs
			nvalid++
		}
		if left {
			cost[actLeft] = cl
			nvalid++
		}
		if right {
			cost[actRight] = cr
			nvalid++
		}
		next := -1
		if nvalid == 1 {
			// A forced move teaches nothing.
			for a, c := range cost {
				if c >= 0 {
					next = a
				}
			}
		} else {
			minCost := -1
			for _, c := range cost {
				if c >= 0 && (minCost < 0 || c < minCost) {
					minCost = c
				}
			}
			tr.feats = parseFeatures(st, tr.noneTag, tr.feats[:0], true, &tr.roles)
			clear(tr.scores)
			tr.w.score(tr.feats, tr.scores)
			pred := bestValid(st, tr.scores)
			next = pred
			if cost[pred] > minCost {
				best := -1
				for a, c := range cost {
					if c == minCost && (best < 0 || tr.scores[a] > tr.scores[best]) {
						best = a
					}
				}
				tr.w.update(tr.feats, best, 1, tr.now)
				tr.w.update(tr.feats, pred, -1, tr.now)
				next = best
				if ep >= tr.exploreK && tr.rng.Float64() < tr.explore {
					next = pred
				}
			}
			tr.now++
		}
		tr.apply(next)
	}
}

// apply performs transition a, labelling the arc it makes: the gold label
// when the arc is gold (after training the labeller on it), else the
// labeller's guess.
func (tr *parserTrainer) apply(a int) {
	st := &tr.st
	if a == actShift {
		tr.or.stack[st.b] = true
		st.apply(a, -1)
		return
	}
	h, d := st.arcOf(a)
	tr.or.stack[d] = false
	if int(h) == st.n {
		st.apply(a, tr.root)
		return
	}
	tr.feats = labelFeatures(st, h, d, tr.noneTag, tr.feats[:0])
	clear(tr.lscores)
	tr.lw.score(tr.feats, tr.lscores)
	l := argmax(tr.lscores)
	if tr.or.gold[d] == h {
		if g := tr.or.glab[d]; g != l {
			tr.lw.update(tr.feats, g, 1, tr.lnow)
			tr.lw.update(tr.feats, l, -1, tr.lnow)
			l = g
		}
		tr.lnow++
	}
	st.apply(a, l)
}

// projectivise lifts non-projective arcs (re-attaching the dependent to its
// head's head) until the tree is projective; heads are 0-based with n for
// the root.
func projectivise(heads []int32) []int32 {
	n := len(heads)
	h := append([]int32(nil), heads...)
	for iter := 0; iter < n*n; iter++ {
		// Find the shortest non-projective arc.
		bestD, bestLen := -1, 1<<30
		for d := range n {
			hd := int(h[d])
			if hd >= n {
				continue
			}
			lo, hi := min(d, hd), max(d, hd)
			for k := lo + 1; k < hi; k++ {
				if !dominates(h, hd, k, n) {
					if hi-lo < bestLen {
						bestD, bestLen = d, hi-lo
					}
					break
				}
			}
		}
		if bestD < 0 {
			break
		}
		h[bestD] = h[h[bestD]]
	}
	return h
}

// dominates reports whether a is an ancestor of k.
func dominates(h []int32, a, k, n int) bool {
	for steps := 0; k < n && steps <= n; steps++ {
		k = int(h[k])
		if k == a {
			return true
		}
	}
	return false
}
