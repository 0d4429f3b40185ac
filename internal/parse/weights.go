package parse

import (
	"math"
	"slices"
)

// The tagger and the parser are linear models over hashed features: a
// feature has a short, sparse row of weights, one per class it has been
// seen to vote for. Training keeps integer weights with lazy averaging, so
// that it is exactly reproducible; the frozen model keeps the averaged
// weights quantised to int16.

// entry is one class weight of a feature during training.
type entry struct {
	cls   uint16
	ts    int32 // time of the last change of w
	w     int32
	total int64 // sum of w over time, up to ts
}

// trainWeights is the averaged perceptron under training.
type trainWeights struct {
	idx  map[uint64]int32
	rows [][]entry
	// closed: only features given to allow get weights.
	closed bool
}

// featureCounts counts how often each feature occurs.
type featureCounts map[uint64]int32

func (c featureCounts) add(feats []uint64) {
	for _, f := range feats {
		c[f]++
	}
}

// allow restricts the weights to the features seen at least min times.
func (t *trainWeights) allow(c featureCounts, min int32) {
	t.closed = true
	for f, n := range c {
		if n >= min {
			t.idx[f] = -1
		}
	}
}

func newTrainWeights() *trainWeights {
	return &trainWeights{idx: make(map[uint64]int32, 1<<16)}
}

// score adds the current weights of feats to scores.
func (t *trainWeights) score(feats []uint64, scores []int32) {
	for _, f := range feats {
		r, ok := t.idx[f]
		if !ok || r < 0 {
			continue
		}
		for _, e := range t.rows[r] {
			scores[e.cls] += e.w
		}
	}
}

// update adds delta to the weight of class cls for every feature at time now.
func (t *trainWeights) update(feats []uint64, cls int, delta int32, now int32) {
	for _, f := range feats {
		r, ok := t.idx[f]
		if !ok && t.closed {
			continue
		}
		if r < 0 || !ok {
			r = int32(len(t.rows))
			t.idx[f] = r
			t.rows = append(t.rows, nil)
		}
		row := t.rows[r]
		j := -1
		for k := range row {
			if int(row[k].cls) == cls {
				j = k
				break
			}
		}
		if j < 0 {
			row = append(row, entry{cls: uint16(cls), ts: now})
			j = len(row) - 1
			t.rows[r] = row
		}
		e := &row[j]
		e.total += int64(e.w) * int64(now-e.ts)
		e.ts = now
		e.w += delta
	}
}

// frozenRow is a feature's averaged weights before quantisation.
type frozenRow struct {
	key  uint64
	cls  []uint16
	avgs []float64
}

// average returns the averaged weights at time now, sorted by feature,
// dropping weights whose magnitude is below minAbs.
func (t *trainWeights) average(now int32, minAbs float64) []frozenRow {
	keys := make([]uint64, 0, len(t.rows))
	for k, r := range t.idx {
		if r >= 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	out := make([]frozenRow, 0, len(keys))
	for _, k := range keys {
		row := t.rows[t.idx[k]]
		var fr frozenRow
		fr.key = k
		for _, e := range row {
			tot := e.total + int64(e.w)*int64(now-e.ts)
			a := float64(tot) / float64(now)
			if math.Abs(a) < minAbs || a == 0 {
				continue
			}
			fr.cls = append(fr.cls, e.cls)
			fr.avgs = append(fr.avgs, a)
		}
		if len(fr.cls) == 0 {
			continue
		}
		// Rows are sorted by class so that the serialised model does not
		// depend on the order in which classes were first updated.
		idx := make([]int, len(fr.cls))
		for i := range idx {
			idx[i] = i
		}
		slices.SortFunc(idx, func(a, b int) int { return int(fr.cls[a]) - int(fr.cls[b]) })
		cls := make([]uint16, len(idx))
		avgs := make([]float64, len(idx))
		for i, j := range idx {
			cls[i], avgs[i] = fr.cls[j], fr.avgs[j]
		}
		fr.cls, fr.avgs = cls, avgs
		out = append(out, fr)
	}
	return out
}

// quantise turns averaged rows into int16 weights with one scale per table:
// the largest magnitude maps to 32000. Weights smaller than minFrac of the
// largest are dropped: they cost lookups and memory and change few
// decisions.
func quantise(rows []frozenRow, minFrac float64) (keys []uint64, counts []uint32, cls []uint16, ws []int16) {
	maxAbs := 0.0
	for _, r := range rows {
		for _, a := range r.avgs {
			maxAbs = max(maxAbs, math.Abs(a))
		}
	}
	scale := 1.0
	if maxAbs > 0 {
		scale = 32000 / maxAbs
	}
	for _, r := range rows {
		n := 0
		for i, a := range r.avgs {
			q := math.Round(a * scale)
			if q == 0 || math.Abs(a) < minFrac*maxAbs {
				continue
			}
			cls = append(cls, r.cls[i])
			ws = append(ws, int16(q))
			n++
		}
		if n > 0 {
			keys = append(keys, r.key)
			counts = append(counts, uint32(n))
		}
	}
	return keys, counts, cls, ws
}

// table is a frozen weight table for decoding: open addressing on the
// feature hash with linear probing. Lookups are what the tagger and parser
// spend their time on, almost all of it waiting for memory, so a 16-byte
// slot holds a 31-bit fingerprint of the feature (the index comes from the
// hash's low bits, the fingerprint from its high bits) and a row of up to
// three entries inline, each the class in bits 16..30 and the int16 weight
// in bits 0..15; longer rows spill to ents. A table of at most three
// classes (the parser's transitions) uses 8-byte slots instead, a 16-bit
// fingerprint and the three weights, so that four times as many fit in the
// cache. score touches all the slots it needs before reading any, so that
// the cache misses overlap.
type table struct {
	mask  uint64
	slots []slot
	small []slot3 // instead of slots when every class is below 3
	ents  []uint32
	keys  []uint64 // the full hashes, in key order, for serialisation
	nrows int
}

type slot struct {
	fp         uint32 // 0 for an empty slot
	e0, e1, e2 uint32
}

// slot3 is a slot of a table of three classes; it is empty when every
// weight is 0 (a stored row has at least one weight that is not).
type slot3 struct {
	fp uint16
	w  [3]int16
}

const (
	spill      = 1 << 31      // in e0: the row is ents[e1 : e1+e2]
	emptyEntry = 0x7FFF << 16 // an unused inline entry; class 0x7FFF is never used
	maxClasses = 0x7FFF
)

func packEntry(cls uint16, w int16) uint32 { return uint32(cls)<<16 | uint32(uint16(w)) }

func fingerprint(key uint64) uint32 { return uint32(key>>32) | 1 }

func fingerprint16(key uint64) uint16 { return uint16(key >> 48) }

// newTable builds a decoding table from keys in ascending order, the number
// of entries of each, and the entries' classes and weights in the same order.
func newTable(keys []uint64, counts []uint32, cls []uint16, ws []int16) *table {
	compact := len(keys) > 0
	for _, c := range cls {
		if c >= 3 {
			compact = false
			break
		}
	}
	// At most two thirds full: probes stay short, and most of them stay
	// in the cache line of the first slot (fuller tables measured slower).
	size := 16
	for size*2 < len(keys)*3 {
		size <<= 1
	}
	t := &table{mask: uint64(size - 1), keys: make([]uint64, 0, len(keys))}
	if compact {
		t.small = make([]slot3, size)
	} else {
		t.slots = make([]slot, size)
	}
	i := 0
	for r, k := range keys {
		n := int(counts[r])
		j := k & t.mask
		shadowed := false
		if compact {
			fp := fingerprint16(k)
			for t.small[j].w != [3]int16{} {
				shadowed = shadowed || t.small[j].fp == fp
				j = (j + 1) & t.mask
			}
		} else {
			fp := fingerprint(k)
			for t.slots[j].fp != 0 {
				shadowed = shadowed || t.slots[j].fp == fp
				j = (j + 1) & t.mask
			}
		}
		if shadowed {
			// A feature whose fingerprint matches one before it in its
			// probe chain could never be found: leave it out (about one
			// in a billion, one in thirty thousand in a compact table).
			// Reloading the survivors shadows none of them again.
			i += n
			continue
		}
		t.keys = append(t.keys, k)
		t.nrows++
		if compact {
			s := slot3{fp: fingerprint16(k)}
			for e := i; e < i+n; e++ {
				s.w[cls[e]] = ws[e]
			}
			t.small[j] = s
			i += n
			continue
		}
		s := slot{fp: fingerprint(k), e0: emptyEntry, e1: emptyEntry, e2: emptyEntry}
		if n <= 3 {
			for e := 0; e < n; e++ {
				v := packEntry(cls[i+e], ws[i+e])
				switch e {
				case 0:
					s.e0 = v
				case 1:
					s.e1 = v
				case 2:
					s.e2 = v
				}
			}
		} else {
			s.e0, s.e1, s.e2 = spill, uint32(len(t.ents)), uint32(n)
			for e := i; e < i+n; e++ {
				t.ents = append(t.ents, packEntry(cls[e], ws[e]))
			}
		}
		t.slots[j] = s
		i += n
	}
	return t
}

// add adds the inline entry e, unless it is unused, to scores.
func add(scores []int32, e uint32) {
	if e != emptyEntry {
		scores[e>>16] += int32(int16(uint16(e)))
	}
}

// score adds the weights of feats to scores.
func (t *table) score(feats []uint64, scores []int32) {
	if t.small != nil {
		t.score3(feats, scores)
		return
	}
	// Touch every first slot, so that the misses overlap.
	var sink uint32
	for _, f := range feats {
		sink += t.slots[f&t.mask].fp
	}
	if sink == 0x5BD1E995 {
		// Never true in practice; it keeps the loop from being optimised away.
		scores[0]++
	}
	for _, f := range feats {
		fp := fingerprint(f)
		j := f & t.mask
		for {
			s := &t.slots[j]
			if s.fp == fp {
				if s.e0&spill != 0 {
					for _, e := range t.ents[s.e1 : s.e1+s.e2] {
						scores[e>>16] += int32(int16(uint16(e)))
					}
				} else {
					add(scores, s.e0)
					add(scores, s.e1)
					add(scores, s.e2)
				}
				break
			}
			if s.fp == 0 {
				break
			}
			j = (j + 1) & t.mask
		}
	}
}

// score3 is score for a compact table.
func (t *table) score3(feats []uint64, scores []int32) {
	var sink uint32
	for _, f := range feats {
		sink += uint32(t.small[f&t.mask].fp)
	}
	if sink == 0xFFFFFFFF {
		// Never true for fewer than 65538 features; it keeps the loop
		// from being optimised away.
		scores[0]++
	}
	_ = scores[2]
	for _, f := range feats {
		fp := fingerprint16(f)
		j := f & t.mask
		for {
			s := &t.small[j]
			if s.w == [3]int16{} {
				break
			}
			if s.fp == fp {
				scores[0] += int32(s.w[0])
				scores[1] += int32(s.w[1])
				scores[2] += int32(s.w[2])
				break
			}
			j = (j + 1) & t.mask
		}
	}
}

// row returns the entries of the feature with hash key.
func (t *table) row(key uint64) []uint32 {
	if t.small != nil {
		fp := fingerprint16(key)
		for j := key & t.mask; ; j = (j + 1) & t.mask {
			s := &t.small[j]
			if s.w == [3]int16{} {
				return nil
			}
			if s.fp != fp {
				continue
			}
			var row []uint32
			for c, w := range s.w {
				if w != 0 {
					row = append(row, packEntry(uint16(c), w))
				}
			}
			return row
		}
	}
	fp := fingerprint(key)
	for j := key & t.mask; ; j = (j + 1) & t.mask {
		s := &t.slots[j]
		if s.fp == 0 {
			return nil
		}
		if s.fp != fp {
			continue
		}
		if s.e0&spill != 0 {
			return t.ents[s.e1 : s.e1+s.e2]
		}
		var row []uint32
		for _, e := range [3]uint32{s.e0, s.e1, s.e2} {
			if e != emptyEntry {
				row = append(row, e)
			}
		}
		return row
	}
}

// export returns the table's contents in key order, for serialisation.
func (t *table) export() (keys []uint64, counts []uint32, cls []uint16, ws []int16) {
	for _, k := range t.keys {
		row := t.row(k)
		keys = append(keys, k)
		counts = append(counts, uint32(len(row)))
		for _, e := range row {
			cls = append(cls, uint16(e>>16))
			ws = append(ws, int16(uint16(e)))
		}
	}
	return keys, counts, cls, ws
}

// prune returns a copy of t without the weights of magnitude below minQ.
func (t *table) prune(minQ int16) *table {
	keys, counts, cls, ws := t.export()
	var k2 []uint64
	var c2 []uint32
	var cl2 []uint16
	var w2 []int16
	i := 0
	for r, k := range keys {
		n := 0
		for j := 0; j < int(counts[r]); j++ {
			if ws[i] >= minQ || ws[i] <= -minQ {
				cl2 = append(cl2, cls[i])
				w2 = append(w2, ws[i])
				n++
			}
			i++
		}
		if n > 0 {
			k2 = append(k2, k)
			c2 = append(c2, uint32(n))
		}
	}
	return newTable(k2, c2, cl2, w2)
}
