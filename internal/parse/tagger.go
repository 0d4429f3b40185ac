package parse

import (
	"math/rand/v2"
	"unicode"
)

// The tagger is a greedy left-to-right averaged perceptron over joint
// UPOS|XPOS classes, with lexical features of a five-word window and the two
// tags already predicted. It runs twice: the second pass also sees the
// first pass's tags of the word and the two words to its right, and is
// trained on first-pass tags from the jackknife. Frequent words that
// (nearly) always have one tag get it from a tag dictionary without
// scoring.

// sureMargin is the first-pass score margin (in the quantised units of the
// weight table, whose largest weight is 32000) above which the second pass
// keeps the first-pass tag; see tagGreedy. Chosen on EWT dev: from 20000
// down to 10000 no dev tag changes and tagging gets 10-15% faster; at 2000
// UPOS drops by 0.0002.
const sureMargin = 15000

// scorer is a weight table: training or frozen.
type scorer interface {
	score(feats []uint64, scores []int32)
}

// Sentence case modes: headlines come in capitals or title case, where the
// capital letters say little about proper nouns.
const (
	caseNormal = iota
	caseUpper
	caseTitle
)

// tagTok is what the tagger knows of one word before tagging.
type tagTok struct {
	exact, low   uint64
	suf          [4]uint64 // last 1..4 runes of the lower-case form
	pre          [3]uint64 // first 1..3 runes
	shape, flags uint64
	amb          uint64 // ambiguity class: the tags seen with the word in training
	fixed        int    // the word's only tag, or -1
}

// tagLex is what the tagger knows of words from its training data.
type tagLex struct {
	amb   map[string]uint64 // lower-case word -> ambiguity class
	fixed map[string]int    // frequent word -> the tag it (nearly) always has
	lower map[string]bool   // words written in lower case most of the time
}

// ambOf returns the ambiguity class of w, atomNone when it has none.
func (lex *tagLex) ambOf(w string) uint64 {
	if a, ok := lex.amb[lower(w)]; ok {
		return a
	}
	return atomNone
}

// tagInput is a sentence prepared for tagging.
type tagInput struct {
	toks []tagTok
	mode uint64
	// right holds the first pass's tags in the second pass, nil in the
	// first: the second pass sees the tags to the right of each word.
	right []int
}

// sentenceCase classifies a sentence as normal, all capitals or title case.
func sentenceCase(words []string) uint64 {
	alpha, upper, title := 0, 0, 0
	for _, w := range words {
		letters, up := 0, 0
		first := true
		init := false
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					up++
					if first {
						init = true
					}
				}
			}
			first = false
		}
		if letters < 2 {
			continue
		}
		alpha++
		if up == letters {
			upper++
		} else if init {
			title++
		}
	}
	switch {
	case alpha >= 2 && upper*10 >= alpha*7:
		return caseUpper
	case alpha >= 3 && (title+upper)*10 >= alpha*8:
		return caseTitle
	}
	return caseNormal
}

func prepareTag(words []string, lex *tagLex, in *tagInput) {
	in.toks = in.toks[:0]
	in.mode = sentenceCase(words)
	for _, w := range words {
		l := lower(w)
		var t tagTok
		t.exact = strHash(w)
		t.low = strHash(l)
		for k := range t.suf {
			t.suf[k] = strHash(suffix(l, k+1))
		}
		for k := range t.pre {
			t.pre[k] = strHash(prefix(l, k+1))
		}
		t.shape = strHash(shape(w))
		t.flags = wordFlags(w)
		t.amb = lex.ambOf(l)
		t.fixed = -1
		if c, ok := lex.fixed[w]; ok {
			t.fixed = c
		}
		in.toks = append(in.toks, t)
	}
}

// Tagger feature templates.
const (
	tBias = iota
	tExact
	tLow
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tShape
	tFlags
	tFlagsFirst
	tModeShape
	tLowM1
	tLowM2
	tLowP1
	tLowP2
	tSuf3M1
	tSuf3P1
	tLowM1Low
	tLowLowP1
	tShapeP1
	tFlagsP1
	tT1
	tT2
	tT1T2
	tT1Low
	tT1Suf3
	tT1LowP1
	tAmb
	tAmbP1
	tAmbP2
	tAmbAmbP1
	tT1Amb
	tAmbSuf3
	tR0
	tR1
	tR2
	tR1R2
	tT1R1
	tR1Low
	tR0Low
	tR1Suf3
	tR0R1
	tT1R0
	nTagTemplates
)

// prevFeatures appends the features that depend only on the two previous
// tags; decoding caches their scores (see prevCache).
func prevFeatures(p1, p2 uint64, out []uint64) []uint64 {
	return append(out, f1(tBias, 0), f1(tT1, p1), f1(tT2, p2), f2(tT1T2, p1, p2))
}

// prevCache holds the scores of prevFeatures for the tag pairs seen so far,
// for one weight table.
type prevCache struct {
	w      scorer
	scores map[uint64][]int32
	feats  []uint64
}

// maxPrevPairs bounds a prevCache (there are about ten thousand pairs).
const maxPrevPairs = 1 << 14

// get returns the scores of the previous tags p1, p2.
func (c *prevCache) get(w scorer, nclass int, p1, p2 uint64) []int32 {
	if c.w != w || len(c.scores) >= maxPrevPairs {
		c.w = w
		c.scores = make(map[uint64][]int32)
	}
	k := p1<<16 | p2
	if v, ok := c.scores[k]; ok {
		return v
	}
	v := make([]int32, nclass)
	c.feats = prevFeatures(p1, p2, c.feats[:0])
	w.score(c.feats, v)
	c.scores[k] = v
	return v
}

// tagFeatures appends the features of word i given the two previous tags
// (ntags for none), except those of prevFeatures.
func tagFeatures(in *tagInput, i int, p1, p2 uint64, out []uint64) []uint64 {
	toks := in.toks
	t := &toks[i]
	none := tagTok{exact: atomNone, low: atomNone, shape: atomNone, flags: 1 << 20, amb: atomRoot}
	for k := range none.suf {
		none.suf[k] = atomNone
	}
	m1, m2, n1, n2 := &none, &none, &none, &none
	if i > 0 {
		m1 = &toks[i-1]
	}
	if i > 1 {
		m2 = &toks[i-2]
	}
	if i+1 < len(toks) {
		n1 = &toks[i+1]
	}
	if i+2 < len(toks) {
		n2 = &toks[i+2]
	}
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	out = append(out,
		f1(tExact, t.exact),
		f1(tLow, t.low),
		f1(tSuf1, t.suf[0]),
		f1(tSuf2, t.suf[1]),
		f1(tSuf3, t.suf[2]),
		f1(tSuf4, t.suf[3]),
		f1(tPre1, t.pre[0]),
		f1(tPre2, t.pre[1]),
		f1(tPre3, t.pre[2]),
		f1(tShape, t.shape),
		f1(tFlags, t.flags),
		f2(tFlagsFirst, t.flags, first),
		f2(tModeShape, in.mode, t.shape),
		f1(tLowM1, m1.low),
		f1(tLowM2, m2.low),
		f1(tLowP1, n1.low),
		f1(tLowP2, n2.low),
		f1(tSuf3M1, m1.suf[2]),
		f1(tSuf3P1, n1.suf[2]),
		f2(tLowM1Low, m1.low, t.low),
		f2(tLowLowP1, t.low, n1.low),
		f1(tShapeP1, n1.shape),
		f2(tFlagsP1, n1.flags, t.flags),
		f2(tT1Low, p1, t.low),
		f2(tT1Suf3, p1, t.suf[2]),
		f2(tT1LowP1, p1, n1.low),
		f1(tAmb, t.amb),
		f1(tAmbP1, n1.amb),
		f1(tAmbP2, n2.amb),
		f2(tAmbAmbP1, t.amb, n1.amb),
		f2(tT1Amb, p1, t.amb),
		f2(tAmbSuf3, t.amb, t.suf[2]),
	)
	if in.right != nil {
		none := uint64(maxClasses)
		r0, r1, r2 := uint64(in.right[i]), none, none
		if i+1 < len(toks) {
			r1 = uint64(in.right[i+1])
		}
		if i+2 < len(toks) {
			r2 = uint64(in.right[i+2])
		}
		out = append(out,
			f1(tR0, r0),
			f1(tR1, r1),
			f1(tR2, r2),
			f2(tR1R2, r1, r2),
			f2(tT1R1, p1, r1),
			f2(tR1Low, r1, t.low),
			f2(tR0Low, r0, t.low),
			f2(tR1Suf3, r1, t.suf[2]),
			f2(tR0R1, r0, r1),
			f2(tT1R0, p1, r0),
		)
	}
	return out
}

// tagGreedy tags a prepared sentence with weights w over nclass classes,
// writing class numbers to out. pc may be nil. In the first pass (no
// in.right), margins, when not nil, receives how far each word's tag
// scored above the next best (1<<30 for a word in the tag dictionary). In
// the second pass, a word whose first-pass margin is at least sureMargin
// keeps its first-pass tag unscored: the second pass almost never
// overturns such a tag, and skipping it saves time.
func tagGreedy(w scorer, in *tagInput, nclass int, out []int, feats []uint64, scores []int32, pc *prevCache, margins []int32) {
	p1, p2 := uint64(nclass), uint64(nclass)
	second := in.right != nil
	for i := range in.toks {
		best := in.toks[i].fixed
		margin := int32(1 << 30)
		switch {
		case best >= 0:
		case second && margins != nil && margins[i] >= sureMargin:
			best = in.right[i]
		default:
			feats = tagFeatures(in, i, p1, p2, feats[:0])
			if pc != nil {
				copy(scores, pc.get(w, nclass, p1, p2))
			} else {
				clear(scores)
				feats = prevFeatures(p1, p2, feats)
			}
			w.score(feats, scores)
			best = argmax(scores)
			if !second && margins != nil {
				margin = 1 << 30
				for c, v := range scores {
					if c != best {
						margin = min(margin, scores[best]-v)
					}
				}
			}
		}
		if !second && margins != nil {
			margins[i] = margin
		}
		out[i] = best
		p2, p1 = p1, uint64(best)
	}
}

func argmax(s []int32) int {
	best := 0
	for j := 1; j < len(s); j++ {
		if s[j] > s[best] {
			best = j
		}
	}
	return best
}

// tagSample is one training sentence for the tagger.
type tagSample struct {
	words []string
	tags  []int
	right []int // first-pass tags, for training the second pass
}

// trainTagger trains the tagger for the given number of epochs, visiting the
// sentences in an order shuffled by seed.
func trainTagger(data []tagSample, lex *tagLex, nclass, epochs int, seed uint64, minFrac float64, minCount int32) *table {
	w := newTrainWeights()
	if minCount > 1 {
		// Count the features of the gold tag sequences; rarer ones get no
		// weights, which keeps the model small and fast.
		counts := featureCounts{}
		var in tagInput
		var feats []uint64
		for _, s := range data {
			prepareTag(s.words, lex, &in)
			in.right = s.right
			p1, p2 := uint64(nclass), uint64(nclass)
			for i := range s.words {
				if in.toks[i].fixed < 0 {
					feats = tagFeatures(&in, i, p1, p2, feats[:0])
					feats = prevFeatures(p1, p2, feats)
					counts.add(feats)
				}
				p2, p1 = p1, uint64(s.tags[i])
			}
		}
		w.allow(counts, minCount)
	}
	rng := rand.New(rand.NewPCG(seed, 0x746167676572))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var in tagInput
	feats := make([]uint64, 0, 64)
	scores := make([]int32, nclass)
	now := int32(1)
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := &data[si]
			prepareTag(s.words, lex, &in)
			in.right = s.right
			p1, p2 := uint64(nclass), uint64(nclass)
			for i := range s.words {
				if c := in.toks[i].fixed; c >= 0 {
					p2, p1 = p1, uint64(c)
					continue
				}
				feats = tagFeatures(&in, i, p1, p2, feats[:0])
				feats = prevFeatures(p1, p2, feats)
				clear(scores)
				w.score(feats, scores)
				best := argmax(scores)
				gold := s.tags[i]
				if best != gold {
					w.update(feats, gold, 1, now)
					w.update(feats, best, -1, now)
				}
				now++
				// Train on the model's own history, as it will be decoded.
				p2, p1 = p1, uint64(best)
			}
		}
	}
	keys, counts, cls, ws := quantise(w.average(now, 0), minFrac)
	return newTable(keys, counts, cls, ws)
}

// Tag dictionary settings: a word seen at least fixedMinCount times with
// one tag at least fixedMinShare of the time is given that tag outright.
const (
	fixedMinCount = 20
	fixedMinShare = 0.995
)

// buildLexicon returns the ambiguity classes of the lower-case words seen
// at least minCount times (a hash of the set of classes each was seen with,
// leaving out classes below minShare of its occurrences), and the tag
// dictionary of frequent unambiguous words.
func buildLexicon(data []tagSample, minCount int, minShare float64) *tagLex {
	counts := map[string]map[int]int{}
	exact := map[string]map[int]int{}
	add := func(m map[string]map[int]int, w string, tag int) {
		c := m[w]
		if c == nil {
			c = map[int]int{}
			m[w] = c
		}
		c[tag]++
	}
	for _, s := range data {
		for i, w := range s.words {
			add(counts, lower(w), s.tags[i])
			add(exact, w, s.tags[i])
		}
	}
	lex := &tagLex{amb: make(map[string]uint64, len(counts)), fixed: map[string]int{}, lower: map[string]bool{}}
	cased := map[string][2]int{} // lower-case form -> (lower-case, other) counts
	for w, m := range exact {
		n := 0
		for _, c := range m {
			n += c
		}
		l := lower(w)
		c := cased[l]
		if w == l {
			c[0] += n
		} else {
			c[1] += n
		}
		cased[l] = c
	}
	for l, c := range cased {
		if c[0] > c[1] && hasLetter(l) {
			lex.lower[l] = true
		}
	}
	for w, m := range counts {
		total := 0
		for _, c := range m {
			total += c
		}
		if total < minCount {
			continue
		}
		var bits [4]uint64
		for tag, c := range m {
			if tag >= 0 && tag < 256 && float64(c) >= minShare*float64(total) {
				bits[tag/64] |= 1 << (tag % 64)
			}
		}
		lex.amb[w] = f4(9999, bits[0], bits[1], bits[2], bits[3])
	}
	for w, m := range exact {
		total, best, bc := 0, -1, 0
		for tag, c := range m {
			total += c
			if c > bc || c == bc && tag < best {
				best, bc = tag, c
			}
		}
		if total >= fixedMinCount && float64(bc) >= fixedMinShare*float64(total) {
			lex.fixed[w] = best
		}
	}
	return lex
}
