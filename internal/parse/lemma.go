package parse

import (
	"slices"
	"strings"
)

// The lemmatiser is learned from the treebank: for each XPOS tag, whether
// lemmas keep the word's capitals (proper nouns) or are lower case; suffix
// rules "strip k bytes, append s" chosen by the longest known word ending;
// and an exception table for the (word, tag) pairs the rules get wrong
// ("went" -> "go", "'s" as VBZ -> "be").

// lemmaEdit strips Strip bytes from the end of a word and appends Add.
type lemmaEdit struct {
	strip int
	add   string
}

func (e lemmaEdit) apply(w string) (string, bool) {
	if e.strip > len(w) {
		return "", false
	}
	return w[:len(w)-e.strip] + e.add, true
}

// editFor returns the edit that turns base into lemma.
func editFor(base, lemma string) lemmaEdit {
	p := 0
	for p < len(base) && p < len(lemma) && base[p] == lemma[p] {
		p++
	}
	return lemmaEdit{strip: len(base) - p, add: lemma[p:]}
}

const maxLemmaSuffix = 6

// lemKey is an XPOS tag and a word or word ending.
type lemKey struct{ xpos, w string }

type lemmatizer struct {
	keepCase map[string]bool      // by XPOS
	rules    map[lemKey]lemmaEdit // by XPOS and word ending
	exc      map[lemKey]string    // by XPOS and base form
}

func (lz *lemmatizer) base(form, xpos string) string {
	if lz.keepCase[xpos] {
		return form
	}
	return lower(form)
}

// lemma returns the lemma of form (already folded) tagged xpos.
func (lz *lemmatizer) lemma(form, xpos string) string {
	if form == "" {
		return form
	}
	b := lz.base(form, xpos)
	if l, ok := lz.exc[lemKey{xpos, b}]; ok {
		return l
	}
	return lz.byRule(b, xpos)
}

func (lz *lemmatizer) byRule(b, xpos string) string {
	for j := min(maxLemmaSuffix, len(b)); j >= 0; j-- {
		if e, ok := lz.rules[lemKey{xpos, b[len(b)-j:]}]; ok {
			if l, ok := e.apply(b); ok && l != "" {
				return l
			}
		}
	}
	return b
}

// lemmaSample is one (form, XPOS, lemma) triple from the treebank.
type lemmaSample struct {
	form, xpos, lemma string
}

// trainLemmatizer learns the lemmatiser from treebank triples.
func trainLemmatizer(data []lemmaSample) *lemmatizer {
	lz := &lemmatizer{keepCase: map[string]bool{}, rules: map[lemKey]lemmaEdit{}, exc: map[lemKey]string{}}
	// Case: among words with capitals, does the lemma keep them?
	type kc struct{ keep, low int }
	cases := map[string]*kc{}
	for _, s := range data {
		if lower(s.form) == s.form {
			continue
		}
		c := cases[s.xpos]
		if c == nil {
			c = &kc{}
			cases[s.xpos] = c
		}
		if s.lemma == lower(s.lemma) {
			c.low++
		} else {
			c.keep++
		}
	}
	for x, c := range cases {
		if c.keep > c.low {
			lz.keepCase[x] = true
		}
	}
	// Suffix rules: count the edits by ending.
	type ec struct {
		edit  lemmaEdit
		count int
	}
	counts := map[string]map[lemmaEdit]int{}
	for _, s := range data {
		b := lz.base(s.form, s.xpos)
		e := editFor(b, s.lemma)
		for j := 0; j <= min(maxLemmaSuffix, len(b)); j++ {
			k := s.xpos + "\x00" + b[len(b)-j:]
			m := counts[k]
			if m == nil {
				m = map[lemmaEdit]int{}
				counts[k] = m
			}
			m[e]++
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		best := ec{}
		total := 0
		for e, c := range counts[k] {
			total += c
			if c > best.count || c == best.count && (e.strip < best.edit.strip || e.strip == best.edit.strip && e.add < best.edit.add) {
				best = ec{e, c}
			}
		}
		// A rule must be seen twice and win clearly.
		if best.count >= 2 && best.count*10 >= total*6 {
			x, end, _ := strings.Cut(k, "\x00")
			lz.rules[lemKey{x, end}] = best.edit
		}
	}
	// Prune rules implied by a shorter ending.
	for _, k := range keys {
		x, end, _ := strings.Cut(k, "\x00")
		lk := lemKey{x, end}
		e, ok := lz.rules[lk]
		if !ok {
			continue
		}
		for j := len(end) - 1; j >= 0; j-- {
			if pe, ok := lz.rules[lemKey{x, end[len(end)-j:]}]; ok {
				if pe == e {
					delete(lz.rules, lk)
				}
				break
			}
		}
	}
	// Exceptions: the majority lemma of each (tag, base) the rules miss.
	byForm := map[string]map[string]int{}
	for _, s := range data {
		k := s.xpos + "\x00" + lz.base(s.form, s.xpos)
		m := byForm[k]
		if m == nil {
			m = map[string]int{}
			byForm[k] = m
		}
		m[s.lemma]++
	}
	fkeys := make([]string, 0, len(byForm))
	for k := range byForm {
		fkeys = append(fkeys, k)
	}
	slices.Sort(fkeys)
	for _, k := range fkeys {
		best, bc := "", 0
		for l, c := range byForm[k] {
			if c > bc || c == bc && l < best {
				best, bc = l, c
			}
		}
		x, b, _ := strings.Cut(k, "\x00")
		if lz.byRule(b, x) != best {
			lz.exc[lemKey{x, b}] = best
		}
	}
	return lz
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (lz *lemmatizer) encode(e *encoder) {
	keep := sortedKeys(lz.keepCase)
	e.strs(keep)
	rk := sortedLemKeys(lz.rules)
	e.uvarint(uint64(len(rk)))
	for _, k := range rk {
		r := lz.rules[k]
		e.str(k.xpos)
		e.str(k.w)
		e.uvarint(uint64(r.strip))
		e.str(r.add)
	}
	ek := sortedLemKeys(lz.exc)
	e.uvarint(uint64(len(ek)))
	for _, k := range ek {
		e.str(k.xpos)
		e.str(k.w)
		e.str(lz.exc[k])
	}
}

func decodeLemmatizer(d *decoder, _ int) *lemmatizer {
	lz := &lemmatizer{keepCase: map[string]bool{}, rules: map[lemKey]lemmaEdit{}, exc: map[lemKey]string{}}
	for _, x := range d.strs() {
		lz.keepCase[x] = true
	}
	n := d.count(1 << 24)
	for i := 0; i < n && d.err == nil; i++ {
		k := lemKey{d.str(), d.str()}
		strip := d.value(1 << 10)
		lz.rules[k] = lemmaEdit{strip: strip, add: d.str()}
	}
	n = d.count(1 << 24)
	for i := 0; i < n && d.err == nil; i++ {
		k := lemKey{d.str(), d.str()}
		lz.exc[k] = d.str()
	}
	return lz
}

func sortedLemKeys[V any](m map[lemKey]V) []lemKey {
	keys := make([]lemKey, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b lemKey) int {
		if c := strings.Compare(a.xpos, b.xpos); c != 0 {
			return c
		}
		return strings.Compare(a.w, b.w)
	})
	return keys
}
