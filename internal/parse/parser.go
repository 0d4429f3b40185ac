package parse

// The parser is a greedy arc-hybrid transition parser (Kuhlmann et al.
// 2011) with the root at the end of the buffer (Ballesteros and Nivre 2013),
// scored by an averaged perceptron over Zhang and Nivre (2011) style
// feature templates and trained with the dynamic oracle of Goldberg and
// Nivre (2013).
//
// Words are numbered 0..n-1 and the root is n. A configuration has a stack
// and a buffer b..n; the transitions are
//
//	SHIFT   move b0 onto the stack (not the root)
//	LEFT    make b0 the head of s0, pop s0
//	RIGHT   make s1 the head of s0, pop s0
//
// LEFT onto the root is allowed only when s0 is the last word on the stack,
// so every tree has exactly one root. The transition is chosen among these
// three; a second classifier, run only when an arc is made, labels it. That
// keeps every feature's weight row short (three transitions rather than a
// hundred labelled ones), which is what makes the parser fast.
//
// Besides the Zhang and Nivre templates over words, joint UPOS|XPOS tags,
// distances, valencies and child labels, the parser sees the same
// templates over coarse tags (UPOS alone, which the tagger gets right more
// often), the words' ambiguity classes, and a little of the sentence
// beyond the stack and the next words: the punctuation marks, verbs and
// coordinating conjunctions between s1, s0 and b0, and how far the next
// verb and punctuation mark are from b0. A greedy parser cannot revise an
// attachment once made; these counts tell it, for example, that a comma
// and a second verb lie ahead. On EWT dev they are worth about 1 UAS and 1 LAS.

const none32 = -1

// Transitions.
const (
	actShift = iota
	actLeft
	actRight
	nActions
)

// ptok is what the parser knows of one word: its lower-case form and tag.
type ptok struct {
	w, p uint64
	u    uint64 // coarse tag: the hash of the UPOS of p
	s    uint64 // the last three letters of the lower-case form, hashed
	a    uint64 // ambiguity class: atomNone for a word too rare to know
}

// Word kinds that the parser's lookahead and in-between features count.
const (
	kindPunct = 1 << iota
	kindVerb
	kindConj
	kindOpen  // opening bracket
	kindClose // closing bracket
)

// coarseTags returns the hashed UPOS of each tag class.
func coarseTags(upos []string) []uint64 {
	u := make([]uint64, len(upos))
	for i, t := range upos {
		u[i] = strHash(t)
	}
	return u
}

// wordKinds returns the kinds of each tag class given its UPOS and XPOS.
func wordKinds(upos, xpos []string) []uint8 {
	k := make([]uint8, len(upos))
	for i, u := range upos {
		switch u {
		case "PUNCT":
			k[i] = kindPunct
			switch xpos[i] {
			case "-LRB-":
				k[i] |= kindOpen
			case "-RRB-":
				k[i] |= kindClose
			}
		case "VERB", "AUX":
			k[i] = kindVerb
		case "CCONJ":
			k[i] = kindConj
		}
	}
	return k
}

// pstate is a parser configuration.
type pstate struct {
	n     int
	toks  []ptok   // n+1 entries, the root last
	kinds []uint8  // of each tag class
	upos  []uint64 // of each tag class, hashed
	// punct[i] and verbs[i] are the numbers of punctuation marks and verbs
	// before word i; verb[i] and npunct[i] the positions of the first verb
	// and punctuation mark at or after i (n if none).
	punct, verb, verbs, npunct []int32
	conjs                      []int32 // coordinating conjunctions before word i
	// brackets before word i: opening ones minus closing ones.
	depth []int32
	stack []int32
	b     int32
	head  []int32
	lab   []int16
	// Leftmost, second leftmost, rightmost and second rightmost dependents,
	// numbers of left and right dependents, and the sets of their labels.
	lc1, lc2, rc1, rc2 []int32
	nl, nr             []uint8
	lset, rset         []uint64
}

// reset prepares st for a sentence of n words.
func (st *pstate) reset(n int) {
	st.n = n
	grow := func(s []int32) []int32 {
		if cap(s) < n+1 {
			return make([]int32, n+1)
		}
		return s[:n+1]
	}
	st.head = grow(st.head)
	st.lc1, st.lc2 = grow(st.lc1), grow(st.lc2)
	st.rc1, st.rc2 = grow(st.rc1), grow(st.rc2)
	if cap(st.lab) < n+1 {
		st.lab = make([]int16, n+1)
		st.nl = make([]uint8, n+1)
		st.nr = make([]uint8, n+1)
		st.lset = make([]uint64, n+1)
		st.rset = make([]uint64, n+1)
	}
	st.lab, st.nl, st.nr = st.lab[:n+1], st.nl[:n+1], st.nr[:n+1]
	st.lset, st.rset = st.lset[:n+1], st.rset[:n+1]
	for i := 0; i <= n; i++ {
		st.head[i] = none32
		st.lab[i] = -1
		st.lc1[i], st.lc2[i], st.rc1[i], st.rc2[i] = none32, none32, none32, none32
		st.nl[i], st.nr[i] = 0, 0
		st.lset[i], st.rset[i] = 0, 0
	}
	st.stack = st.stack[:0]
	st.b = 0
}

// kind returns the kind of word i.
func (st *pstate) kind(i int32) uint8 {
	if p := st.toks[i].p; p < uint64(len(st.kinds)) {
		return st.kinds[p]
	}
	return 0
}

func (st *pstate) terminal() bool { return len(st.stack) == 0 && int(st.b) >= st.n }

// addArc records h -> d with label l.
func (st *pstate) addArc(h, d int32, l int) {
	st.head[d] = h
	st.lab[d] = int16(l)
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		if st.lc1[h] == none32 || d < st.lc1[h] {
			st.lc2[h] = st.lc1[h]
			st.lc1[h] = d
		} else if st.lc2[h] == none32 || d < st.lc2[h] {
			st.lc2[h] = d
		}
		if st.nl[h] < 255 {
			st.nl[h]++
		}
		st.lset[h] |= bit
	} else {
		if st.rc1[h] == none32 || d > st.rc1[h] {
			st.rc2[h] = st.rc1[h]
			st.rc1[h] = d
		} else if st.rc2[h] == none32 || d > st.rc2[h] {
			st.rc2[h] = d
		}
		if st.nr[h] < 255 {
			st.nr[h]++
		}
		st.rset[h] |= bit
	}
}

// valid reports which kinds of transition are allowed.
func (st *pstate) valid() (shift, left, right bool) {
	ns := len(st.stack)
	shift = int(st.b) < st.n
	left = ns > 0 && (int(st.b) < st.n || ns == 1)
	right = ns > 1
	return
}

// arcOf returns the head and dependent of arc transition a.
func (st *pstate) arcOf(a int) (h, d int32) {
	ns := len(st.stack)
	d = st.stack[ns-1]
	if a == actLeft {
		return st.b, d
	}
	return st.stack[ns-2], d
}

// apply performs transition a; l is the label of the arc it makes.
func (st *pstate) apply(a int, l int) {
	if a == actShift {
		st.stack = append(st.stack, st.b)
		st.b++
		return
	}
	h, d := st.arcOf(a)
	st.stack = st.stack[:len(st.stack)-1]
	st.addArc(h, d, l)
}

// Parser feature templates.
const (
	pS0wp = iota
	pS0w
	pS0p
	pB0wp
	pB0w
	pB0p
	pB1wp
	pB1w
	pB1p
	pB2wp
	pB2w
	pB2p
	pS1wp
	pS1w
	pS1p
	pS2p
	pS2w
	pS0wpB0wp
	pS0wpB0w
	pS0wB0wp
	pS0wpB0p
	pS0pB0wp
	pS0wB0w
	pS0pB0p
	pB0pB1p
	pS1wpS0wp
	pS1wpS0w
	pS1wS0wp
	pS1wpS0p
	pS1pS0wp
	pS1wS0w
	pS1pS0p
	pS1pB0p
	pS1wB0w
	pB0pB1pB2p
	pS0pB0pB1p
	pS1pS0pB0p
	pS0pS0lpB0p
	pS0pS0rpB0p
	pS0pB0pB0lp
	pS2pS1pS0p
	pS1pS1rpS0p
	pS1pS0pS0lp
	pS1pS0pS0rp
	pS0wd
	pS0pd
	pB0wd
	pB0pd
	pS0wB0wd
	pS0pB0pd
	pS1pS0pd1
	pS1wS0wd1
	pS1wd1
	pS0wd1
	pS0wvr
	pS0pvr
	pS0wvl
	pS0pvl
	pB0wvl
	pB0pvl
	pS1wvr
	pS1pvr
	pS1pvl
	pS0lw
	pS0lp
	pS0ll
	pS0rw
	pS0rp
	pS0rl
	pB0lw
	pB0lp
	pB0ll
	pS1rw
	pS1rp
	pS1rl
	pS1lp
	pS1ll
	pS0l2w
	pS0l2p
	pS0l2l
	pS0r2w
	pS0r2p
	pS0r2l
	pB0l2w
	pB0l2p
	pB0l2l
	pS1r2p
	pS1r2l
	pS0pS0lpS0l2p
	pS0pS0rpS0r2p
	pB0pB0lpB0l2p
	pS1pS1rpS1r2p
	pS0wsr
	pS0psr
	pS0wsl
	pS0psl
	pB0wsl
	pB0psl
	pS1wsr
	pS1psr
	pB3p
	pB1pB2pB3p
	pS0pS1pS2pB0p
	pS0llpS0p
	pS1rlS0p
	pS0a
	pB0a
	pB1a
	pS1a
	pS0aB0a
	pS1aS0a
	pS0pB0a
	pS0aB0p
	pS0pB0pPunct
	pS1pS0pPunct
	pS0wB0pPunct
	pB0pS0pVerbR
	pB0pVerbNear
	pS0pB0pVerbR
	pB0uB1uB2u
	pS0uB0uB1u
	pS1uS0uB0u
	pS2uS1uS0u
	pS0uS0luB0u
	pS0uB0uB0lu
	pS1uS0uS0lu
	pS1uS0uS0ru
	pS0uB0ud
	pS0uS1uS2uB0u
	pS1uS1ruS0u
	pS0wB0uB1u
	pS0uB0wB1u
	pS0pB0pPrevK
	pB0pS0pNextPunct
	pS1pS0pVerbB
	pS0pB0pVerbL
	pS0wB0wPunct
	pS1pS0pConjB
	pS0pB0pConjB
	pS0pB0pConjR
	pS0wu
	pB0wu
	pS1wu
	pS0uVal
	pB0uVal
	pS0uB0uPunctV
	pS1uS0uPunct
	pS1wS0u
	pS1uS0w
	pS0uB0uS0rl
	pS1uS0uB0uB1u
	pS0uS0ruS0r2u
	pS0uB0uB0ll
	pS0pB0pDepth
	pS1pS0pDepth
	pB0pS0pVerbsR
	pB0pS0pNextConj
	nParseTemplates
)

// Unigram roles: the positions whose features depend on one word alone.
// Decoding caches each word's scores in each role (see roleCache), since a
// word keeps its role over several transitions.
const (
	rS0 = iota
	rS1
	rS2
	rB0
	rB1
	rB2
	rB3
	rS0l
	rS0r
	rB0l
	rS1r
	rS1l
	rS0l2
	rS0r2
	rB0l2
	rS1r2
	nRoles
)

// roleFeatures appends the features of the word (w, p) with ambiguity
// class a in role r.
func roleFeatures(r int, w, p, a, u uint64, out []uint64) []uint64 {
	switch r {
	case rS0:
		return append(out, f2(pS0wp, w, p), f1(pS0w, w), f1(pS0p, p), f2(pS0a, a, p), f2(pS0wu, w, u))
	case rS1:
		return append(out, f2(pS1wp, w, p), f1(pS1w, w), f1(pS1p, p), f2(pS1a, a, p), f2(pS1wu, w, u))
	case rS2:
		return append(out, f1(pS2p, p), f1(pS2w, w))
	case rB0:
		return append(out, f2(pB0wp, w, p), f1(pB0w, w), f1(pB0p, p), f2(pB0a, a, p), f2(pB0wu, w, u))
	case rB1:
		return append(out, f2(pB1wp, w, p), f1(pB1w, w), f1(pB1p, p), f2(pB1a, a, p))
	case rB2:
		return append(out, f2(pB2wp, w, p), f1(pB2w, w), f1(pB2p, p))
	case rB3:
		return append(out, f1(pB3p, p))
	case rS0l:
		return append(out, f1(pS0lw, w), f1(pS0lp, p))
	case rS0r:
		return append(out, f1(pS0rw, w), f1(pS0rp, p))
	case rB0l:
		return append(out, f1(pB0lw, w), f1(pB0lp, p))
	case rS1r:
		return append(out, f1(pS1rw, w), f1(pS1rp, p))
	case rS1l:
		return append(out, f1(pS1lp, p))
	case rS0l2:
		return append(out, f1(pS0l2w, w), f1(pS0l2p, p))
	case rS0r2:
		return append(out, f1(pS0r2w, w), f1(pS0r2p, p))
	case rB0l2:
		return append(out, f1(pB0l2w, w), f1(pB0l2p, p))
	case rS1r2:
		return append(out, f1(pS1r2p, p))
	}
	return out
}

// dist buckets a distance between two words.
func dist(d int32) uint64 {
	switch {
	case d <= 0:
		return 0
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 12:
		return 6
	}
	return 7
}

// parseFeatures appends the features of configuration st and sets roles to
// the word in each unigram role (-1 for none). The unigram features
// themselves are appended only when withRoles is set (training); decoding
// takes them from its cache.
func parseFeatures(st *pstate, noneTag uint64, out []uint64, withRoles bool, roles *[nRoles]int32) []uint64 {
	var (
		nw = uint64(atomNone)
		np = noneTag
		nl = uint64(0xFFFF)
	)
	ns := len(st.stack)
	tok := func(i int32) (uint64, uint64) {
		if i < 0 {
			return nw, np
		}
		t := st.toks[i]
		return t.w, t.p
	}
	ambOf := func(i int32) uint64 {
		if i < 0 {
			return nw
		}
		return st.toks[i].a
	}
	labOf := func(i int32) uint64 {
		if i < 0 {
			return nl
		}
		return uint64(st.lab[i])
	}
	s0, s1, s2 := int32(none32), int32(none32), int32(none32)
	if ns > 0 {
		s0 = st.stack[ns-1]
	}
	if ns > 1 {
		s1 = st.stack[ns-2]
	}
	if ns > 2 {
		s2 = st.stack[ns-3]
	}
	b0 := st.b
	b1, b2, b3 := b0+1, b0+2, b0+3
	n := int32(st.n)
	if b1 > n {
		b1 = none32
	}
	if b2 > n {
		b2 = none32
	}
	if b3 > n {
		b3 = none32
	}
	child := func(i int32, c []int32) int32 {
		if i < 0 {
			return none32
		}
		return c[i]
	}
	s0l, s0l2 := child(s0, st.lc1), child(s0, st.lc2)
	s0r, s0r2 := child(s0, st.rc1), child(s0, st.rc2)
	b0l, b0l2 := child(b0, st.lc1), child(b0, st.lc2)
	s1r, s1r2 := child(s1, st.rc1), child(s1, st.rc2)
	s1l := child(s1, st.lc1)
	s0ll := child(s0l, st.lc1)

	s0w, s0p := tok(s0)
	s1w, s1p := tok(s1)
	_, s2p := tok(s2)
	b0w, b0p := tok(b0)
	_, b1p := tok(b1)
	_, b2p := tok(b2)
	_, b3p := tok(b3)
	_, s0lp := tok(s0l)
	_, s0rp := tok(s0r)
	_, b0lp := tok(b0l)
	_, s1rp := tok(s1r)
	_, s0l2p := tok(s0l2)
	_, s0r2p := tok(s0r2)
	_, b0l2p := tok(b0l2)
	_, s1r2p := tok(s1r2)
	_, s0llp := tok(s0ll)

	d, d1 := uint64(0), uint64(0)
	if s0 >= 0 {
		d = dist(b0 - s0)
	}
	if s1 >= 0 {
		d1 = dist(s0 - s1)
	}
	var s0vl, s0vr, b0vl, s1vl, s1vr uint64
	var s0sl, s0sr, b0sl, s1sr uint64
	if s0 >= 0 {
		s0vl, s0vr = uint64(st.nl[s0]), uint64(st.nr[s0])
		s0sl, s0sr = st.lset[s0], st.rset[s0]
	}
	if s1 >= 0 {
		s1vl, s1vr = uint64(st.nl[s1]), uint64(st.nr[s1])
		s1sr = st.rset[s1]
	}
	b0vl, b0sl = uint64(st.nl[b0]), st.lset[b0]
	up := func(i int32) uint64 {
		if i < 0 {
			return np
		}
		return st.toks[i].u
	}
	*roles = [nRoles]int32{s0, s1, s2, b0, b1, b2, b3, s0l, s0r, b0l, s1r, s1l, s0l2, s0r2, b0l2, s1r2}
	if withRoles {
		for r, i := range roles {
			w, p := tok(i)
			out = roleFeatures(r, w, p, ambOf(i), up(i), out)
		}
	}
	s0a, b0a, s1a := ambOf(s0), ambOf(b0), ambOf(s1)
	s0u, s1u, s2u, b0u, b1u, b2u := up(s0), up(s1), up(s2), up(b0), up(b1), up(b2)
	s0lu, s0ru, b0lu, s1ru := up(s0l), up(s0r), up(b0l), up(s1r)
	pb, pb1 := uint64(4), uint64(4)
	if s0 >= 0 {
		pb = uint64(min(st.punct[b0]-st.punct[s0+1], 3))
	}
	if s1 >= 0 {
		pb1 = uint64(min(st.punct[s0]-st.punct[s1+1], 3))
	}
	// Whether a verb follows b0, and how far.
	vr := uint64(0)
	if int(b0) < st.n {
		if nv := st.verb[b0+1]; int(nv) < st.n {
			vr = dist(nv - b0)
		}
	}
	vr1 := min(vr, 1)
	// The kind of the word just before b0, when it is not s0; the distance
	// to the next punctuation mark; verbs between s1 and s0, and before s0.
	pk := uint64(8)
	if s0 >= 0 && b0-1 > s0 {
		pk = uint64(st.kind(b0 - 1))
	}
	np1 := uint64(0)
	if int(b0) < st.n {
		np1 = dist(st.npunct[b0+1] - b0)
	}
	cb1, cb, cr := uint64(2), uint64(2), uint64(0)
	if s1 >= 0 {
		cb1 = uint64(min(st.conjs[s0]-st.conjs[s1+1], 1))
	}
	if s0 >= 0 {
		cb = uint64(min(st.conjs[b0]-st.conjs[s0+1], 1))
	}
	if int(b0) < st.n {
		cr = uint64(min(st.conjs[st.n]-st.conjs[b0+1], 1))
	}
	db, db1 := uint64(3), uint64(3)
	if s0 >= 0 {
		db = uint64(min(max(st.depth[b0]-st.depth[s0+1], -1), 1) + 1)
	}
	if s1 >= 0 {
		db1 = uint64(min(max(st.depth[s0]-st.depth[s1+1], -1), 1) + 1)
	}
	vra, nc := uint64(0), uint64(0)
	if int(b0) < st.n {
		vra = uint64(min(st.verbs[st.n]-st.verbs[b0+1], 2))
		for j := b0 + 1; j < int32(st.n) && j < b0+8; j++ {
			if st.kind(j)&kindConj != 0 {
				nc = uint64(j - b0)
				break
			}
		}
	}
	vb1, vl := uint64(2), uint64(2)
	if s1 >= 0 {
		vb1 = uint64(min(st.verbs[s0]-st.verbs[s1+1], 1))
	}
	if s0 >= 0 {
		vl = uint64(min(st.verbs[s0], 1))
	}

	return append(out,
		f4(pS0wpB0wp, s0w, s0p, b0w, b0p),
		f3(pS0wpB0w, s0w, s0p, b0w),
		f3(pS0wB0wp, s0w, b0w, b0p),
		f3(pS0wpB0p, s0w, s0p, b0p),
		f3(pS0pB0wp, s0p, b0w, b0p),
		f2(pS0wB0w, s0w, b0w),
		f2(pS0pB0p, s0p, b0p),
		f2(pB0pB1p, b0p, b1p),
		f4(pS1wpS0wp, s1w, s1p, s0w, s0p),
		f3(pS1wpS0w, s1w, s1p, s0w),
		f3(pS1wS0wp, s1w, s0w, s0p),
		f3(pS1wpS0p, s1w, s1p, s0p),
		f3(pS1pS0wp, s1p, s0w, s0p),
		f2(pS1wS0w, s1w, s0w),
		f2(pS1pS0p, s1p, s0p),
		f2(pS1pB0p, s1p, b0p),
		f2(pS1wB0w, s1w, b0w),
		f3(pB0pB1pB2p, b0p, b1p, b2p),
		f3(pS0pB0pB1p, s0p, b0p, b1p),
		f3(pS1pS0pB0p, s1p, s0p, b0p),
		f3(pS0pS0lpB0p, s0p, s0lp, b0p),
		f3(pS0pS0rpB0p, s0p, s0rp, b0p),
		f3(pS0pB0pB0lp, s0p, b0p, b0lp),
		f3(pS2pS1pS0p, s2p, s1p, s0p),
		f3(pS1pS1rpS0p, s1p, s1rp, s0p),
		f3(pS1pS0pS0lp, s1p, s0p, s0lp),
		f3(pS1pS0pS0rp, s1p, s0p, s0rp),
		f2(pS0wd, s0w, d),
		f2(pS0pd, s0p, d),
		f2(pB0wd, b0w, d),
		f2(pB0pd, b0p, d),
		f3(pS0wB0wd, s0w, b0w, d),
		f3(pS0pB0pd, s0p, b0p, d),
		f3(pS1pS0pd1, s1p, s0p, d1),
		f3(pS1wS0wd1, s1w, s0w, d1),
		f2(pS1wd1, s1w, d1),
		f2(pS0wd1, s0w, d1),
		f2(pS0wvr, s0w, s0vr),
		f2(pS0pvr, s0p, s0vr),
		f2(pS0wvl, s0w, s0vl),
		f2(pS0pvl, s0p, s0vl),
		f2(pB0wvl, b0w, b0vl),
		f2(pB0pvl, b0p, b0vl),
		f2(pS1wvr, s1w, s1vr),
		f2(pS1pvr, s1p, s1vr),
		f2(pS1pvl, s1p, s1vl),
		f1(pS0ll, labOf(s0l)),
		f1(pS0rl, labOf(s0r)),
		f1(pB0ll, labOf(b0l)),
		f1(pS1rl, labOf(s1r)),
		f1(pS1ll, labOf(s1l)),
		f1(pS0l2l, labOf(s0l2)),
		f1(pS0r2l, labOf(s0r2)),
		f1(pB0l2l, labOf(b0l2)),
		f1(pS1r2l, labOf(s1r2)),
		f3(pS0pS0lpS0l2p, s0p, s0lp, s0l2p),
		f3(pS0pS0rpS0r2p, s0p, s0rp, s0r2p),
		f3(pB0pB0lpB0l2p, b0p, b0lp, b0l2p),
		f3(pS1pS1rpS1r2p, s1p, s1rp, s1r2p),
		f2(pS0wsr, s0w, s0sr),
		f2(pS0psr, s0p, s0sr),
		f2(pS0wsl, s0w, s0sl),
		f2(pS0psl, s0p, s0sl),
		f2(pB0wsl, b0w, b0sl),
		f2(pB0psl, b0p, b0sl),
		f2(pS1wsr, s1w, s1sr),
		f2(pS1psr, s1p, s1sr),
		f3(pB1pB2pB3p, b1p, b2p, b3p),
		f4(pS0pS1pS2pB0p, s0p, s1p, s2p, b0p),
		f2(pS0llpS0p, s0llp, s0p),
		f3(pS1rlS0p, labOf(s1r), s1p, s0p),
		f2(pS0aB0a, s0a, b0a),
		f2(pS1aS0a, s1a, s0a),
		f2(pS0pB0a, s0p, b0a),
		f2(pS0aB0p, s0a, b0p),
		f3(pS0pB0pPunct, s0p, b0p, pb),
		f3(pS1pS0pPunct, s1p, s0p, pb1),
		f3(pS0wB0pPunct, s0w, b0p, pb),
		f3(pB0pS0pVerbR, b0p, s0p, vr1),
		f2(pB0pVerbNear, b0p, vr),
		f4(pS0pB0pVerbR, s0p, b0p, b1p, vr1),
		f3(pB0uB1uB2u, b0u, b1u, b2u),
		f3(pS0uB0uB1u, s0u, b0u, b1u),
		f3(pS1uS0uB0u, s1u, s0u, b0u),
		f3(pS2uS1uS0u, s2u, s1u, s0u),
		f3(pS0uS0luB0u, s0u, s0lu, b0u),
		f3(pS0uB0uB0lu, s0u, b0u, b0lu),
		f3(pS1uS0uS0lu, s1u, s0u, s0lu),
		f3(pS1uS0uS0ru, s1u, s0u, s0ru),
		f3(pS0uB0ud, s0u, b0u, d),
		f4(pS0uS1uS2uB0u, s0u, s1u, s2u, b0u),
		f3(pS1uS1ruS0u, s1u, s1ru, s0u),
		f3(pS0wB0uB1u, s0w, b0u, b1u),
		f3(pS0uB0wB1u, s0u, b0w, b1u),
		f3(pS0pB0pPrevK, s0p, b0p, pk),
		f3(pB0pS0pNextPunct, b0p, s0p, np1),
		f3(pS1pS0pVerbB, s1p, s0p, vb1),
		f3(pS0pB0pVerbL, s0p, b0p, vl),
		f3(pS0wB0wPunct, s0w, b0w, pb),
		f3(pS1pS0pConjB, s1p, s0p, cb1),
		f3(pS0pB0pConjB, s0p, b0p, cb),
		f3(pS0pB0pConjR, s0p, b0p, cr),
		f3(pS0uVal, s0u, s0vl, s0vr),
		f2(pB0uVal, b0u, b0vl),
		f4(pS0uB0uPunctV, s0u, b0u, pb, vr1),
		f3(pS1uS0uPunct, s1u, s0u, pb1),
		f2(pS1wS0u, s1w, s0u),
		f2(pS1uS0w, s1u, s0w),
		f3(pS0uB0uS0rl, s0u, b0u, labOf(s0r)),
		f4(pS1uS0uB0uB1u, s1u, s0u, b0u, b1u),
		f3(pS0uS0ruS0r2u, s0u, s0ru, up(s0r2)),
		f3(pS0uB0uB0ll, s0u, b0u, labOf(b0l)),
		f3(pS0pB0pDepth, s0p, b0p, db),
		f3(pS1pS0pDepth, s1p, s0p, db1),
		f3(pB0pS0pVerbsR, b0p, s0p, vra),
		f3(pB0pS0pNextConj, b0p, s0p, nc),
	)
}

// bestValid returns the highest-scoring allowed transition; ties go to
// the lower number.
func bestValid(st *pstate, scores []int32) int {
	shift, left, right := st.valid()
	best := -1
	for a, ok := range [nActions]bool{shift, left, right} {
		if ok && (best < 0 || scores[a] > scores[best]) {
			best = a
		}
	}
	return best
}

// roleCache holds, for decoding one sentence, each word's transition
// scores in each unigram role, computed on first use: a word stays b0 while
// arcs are made to it and returns to s0 after its dependents are popped,
// so most unigram lookups repeat.
type roleCache struct {
	scores []int32 // 3 per (word+1, role); word -1 (none) is slot 0
	valid  []bool
	feats  []uint64
}

func (c *roleCache) reset(n int) {
	size := (n + 2) * nRoles
	if cap(c.valid) < size {
		c.valid = make([]bool, size)
		c.scores = make([]int32, size*nActions)
	}
	c.valid = c.valid[:size]
	c.scores = c.scores[:size*nActions]
	clear(c.valid)
}

// add adds the unigram scores of the words in roles to scores.
func (c *roleCache) add(w scorer, st *pstate, noneTag uint64, roles *[nRoles]int32, scores []int32) {
	for r, i := range roles {
		k := int(i+1)*nRoles + r
		cs := c.scores[k*nActions : k*nActions+nActions]
		if !c.valid[k] {
			wd, p, a, u := uint64(atomNone), noneTag, uint64(atomNone), noneTag
			if i >= 0 {
				t := &st.toks[i]
				wd, p, a, u = t.w, t.p, t.a, t.u
			}
			c.feats = roleFeatures(r, wd, p, a, u, c.feats[:0])
			clear(cs)
			w.score(c.feats, cs)
			c.valid[k] = true
		}
		scores[0] += cs[0]
		scores[1] += cs[1]
		scores[2] += cs[2]
	}
}

// parseGreedy parses the sentence set up in st, leaving the tree in st.head
// and st.lab.
func parseGreedy(w, lw scorer, st *pstate, rc *roleCache, root int, noneTag uint64, feats []uint64, scores, lscores []int32) []uint64 {
	var roles [nRoles]int32
	rc.reset(st.n)
	for !st.terminal() {
		shift, left, right := st.valid()
		var a int
		switch {
		case shift && !left && !right:
			a = actShift
		case left && !shift && !right:
			a = actLeft
		default:
			feats = parseFeatures(st, noneTag, feats[:0], false, &roles)
			clear(scores)
			w.score(feats, scores)
			rc.add(w, st, noneTag, &roles, scores)
			a = bestValid(st, scores)
		}
		l := -1
		if a != actShift {
			h, d := st.arcOf(a)
			if int(h) == st.n {
				l = root
			} else {
				feats = labelFeatures(st, h, d, noneTag, feats[:0])
				clear(lscores)
				lw.score(feats, lscores)
				l = argmax(lscores)
			}
		}
		st.apply(a, l)
	}
	return feats
}
