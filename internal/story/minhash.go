package story

import "math"

// hashSeed starts the fixed sequence of MinHash parameters: signatures must
// be the same in every run and every process, since stores keep them.
const hashSeed = 0x64796164_73746f72 // "dyadstor"

// splitmix64 advances *s and returns the next value of the SplitMix64
// sequence, a fast generator of well-mixed 64-bit values.
func splitmix64(s *uint64) uint64 {
	*s += 0x9e3779b97f4a7c15
	return mix64(*s)
}

// mix64 is the SplitMix64 finaliser: a bijection that spreads every input
// bit over the output.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// minhasher computes MinHash signatures of word shingles. Hash function k
// is the multiply-shift hash (a[k]*x + b[k]) >> 32 of the shingle's 64-bit
// hash x, with odd a[k].
type minhasher struct {
	shingle int
	a, b    []uint64
}

func newMinhasher(shingle, hashes int) *minhasher {
	m := &minhasher{shingle: shingle, a: make([]uint64, hashes), b: make([]uint64, hashes)}
	s := uint64(hashSeed)
	for k := range m.a {
		m.a[k] = splitmix64(&s) | 1
		m.b[k] = splitmix64(&s)
	}
	return m
}

// signature computes into sig (one value per hash function) the signature
// of text and returns the number of shingles hashed. Each value keeps the
// low 16 bits of the minimum: two different minima agree by chance once in
// 65,536, which moves a Jaccard estimate by less than its sampling error.
func (m *minhasher) signature(text string, sig []uint16, mins []uint32) int {
	for k := range mins {
		mins[k] = math.MaxUint32
	}
	k := m.shingle
	var ringBuf [8]uint64
	ring := ringBuf[:0]
	if k <= len(ringBuf) {
		ring = ringBuf[:k]
	} else {
		ring = make([]uint64, k)
	}
	words, shingles := 0, 0
	eachWord(text, func(h uint64) {
		ring[words%k] = h
		words++
		if words < k {
			return
		}
		// The oldest of the last k words sits at words%k.
		var x uint64
		for j := 0; j < k; j++ {
			x = x*fnvPrime + ring[(words+j)%k]
		}
		x = mix64(x)
		shingles++
		a, b := m.a, m.b[:len(m.a)]
		mins := mins[:len(a)]
		for i := range a {
			if v := uint32((a[i]*x + b[i]) >> 32); v < mins[i] {
				mins[i] = v
			}
		}
	})
	for i := range sig {
		sig[i] = uint16(mins[i])
	}
	return shingles
}

// jaccard estimates the Jaccard similarity of the shingle sets of two
// signatures: the share of hash functions whose minima agree.
func jaccard(a, b []uint16) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// lsh finds signatures that agree on every row of at least one band. Each
// bucket is a chain through next, newest first, so the index costs one map
// entry per band for each new bucket and 4 bytes per band per signature.
// Bucket keys are 32-bit: two bands that collide only add a candidate, which
// the Jaccard estimate then rejects.
type lsh struct {
	bands, rows int
	head        map[uint32]int32 // band key -> newest signature in the bucket
	next        []int32          // sig*bands+band -> the previous signature in the bucket, -1 at the end
}

func newLSH(bands, rows int) *lsh {
	return &lsh{bands: bands, rows: rows, head: map[uint32]int32{}}
}

// key returns the bucket key of one band of a signature.
func (l *lsh) key(sig []uint16, band int) uint32 {
	h := uint64(band+1) * 0x9e3779b97f4a7c15
	for _, v := range sig[band*l.rows : (band+1)*l.rows] {
		h = (h ^ uint64(v)) * fnvPrime
	}
	return uint32(mix64(h) >> 32)
}

// insert adds signature number id, which must be the next number.
func (l *lsh) insert(id int32, sig []uint16) {
	for band := 0; band < l.bands; band++ {
		k := l.key(sig, band)
		prev, ok := l.head[k]
		if !ok {
			prev = -1
		}
		l.next = append(l.next, prev)
		l.head[k] = id
	}
}

// candidates calls fn once for each distinct signature sharing a bucket
// with sig, newest first within a band, visiting at most max of them.
func (l *lsh) candidates(sig []uint16, max int, fn func(id int32)) {
	var seenBuf [32]int32
	seen := seenBuf[:0]
	visits := 0
	for band := 0; band < l.bands; band++ {
		id, ok := l.head[l.key(sig, band)]
		if !ok {
			continue
		}
		for ; id >= 0; id = l.next[int(id)*l.bands+band] {
			if visits == max {
				return
			}
			visits++
			dup := false
			for _, s := range seen {
				if s == id {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
			seen = append(seen, id)
			fn(id)
		}
	}
}
