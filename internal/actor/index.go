package actor

import (
	"sort"
	"strings"

	"github.com/dyad-project/dyad/internal/dict"
)

// trie stores phrases as paths of word ids. A node's children are found in
// one hash map keyed by (node, word), which keeps the whole dictionary in a
// few large maps instead of a map per node.
type trie struct {
	words map[string]uint32 // word -> id (ids start at 1)
	edges map[uint64]uint32 // node<<32 | word id -> child node
	vals  map[uint32][]int32
	nodes uint32
	// slot is where a unit keeps its word id in this trie.
	slot int
}

func newTrie(slot int) *trie {
	return &trie{words: map[string]uint32{}, edges: map[uint64]uint32{}, vals: map[uint32][]int32{}, nodes: 1, slot: slot}
}

// add stores val under the phrase of words.
func (t *trie) add(words []string, val int32) {
	node := uint32(0)
	for _, w := range words {
		id, ok := t.words[w]
		if !ok {
			id = uint32(len(t.words) + 1)
			t.words[w] = id
		}
		key := uint64(node)<<32 | uint64(id)
		child, ok := t.edges[key]
		if !ok {
			child = t.nodes
			t.nodes++
			t.edges[key] = child
		}
		node = child
	}
	for _, v := range t.vals[node] {
		if v == val {
			return
		}
	}
	t.vals[node] = append(t.vals[node], val)
}

// set stores val as the only value of the phrase.
func (t *trie) set(words []string, val int32) {
	t.add(words, val)
	node, _ := t.node(words)
	t.vals[node] = []int32{val}
}

// node returns the node of a phrase.
func (t *trie) node(words []string) (uint32, bool) {
	node := uint32(0)
	for _, w := range words {
		id, ok := t.words[w]
		if !ok {
			return 0, false
		}
		child, ok := t.edges[uint64(node)<<32|uint64(id)]
		if !ok {
			return 0, false
		}
		node = child
	}
	return node, true
}

// match walks the trie along the word ids of us from i and calls fn for
// every phrase that ends on the way, shortest first, with the index just
// past its last word.
func (t *trie) match(us []unit, i int, fn func(end int, vals []int32)) {
	node := uint32(0)
	for j := i; j < len(us); j++ {
		id := us[j].ids[t.slot]
		if id == 0 {
			return
		}
		child, ok := t.edges[uint64(node)<<32|uint64(id)]
		if !ok {
			return
		}
		node = child
		if v, ok := t.vals[node]; ok {
			fn(j+1, v)
		}
	}
}

// matchGaps is match for the peers' reading of names (Finder.PeerCodes):
// after a name's first word, up to maxGap other words (and any quotation
// marks or dashes, but no comma, period or verb) may come between its words
// ("Prince of Dol Amroth" for PRINCE DOL AMROTH, "Al 'The Weasel' Gore").
// skip reports whether the unit at j may be skipped and whether it counts
// as a word. It calls fn for every phrase that ends, as match does, once
// per end.
func (t *trie) matchGaps(us []unit, i, maxGap int, skip func(j int) (ok, word bool), fn func(end int, vals []int32)) {
	type state struct {
		node uint32
		j    int
		gaps int
	}
	id := us[i].ids[t.slot]
	if id == 0 {
		return
	}
	first, ok := t.edges[uint64(id)]
	if !ok {
		return
	}
	ends := map[int][]int32{}
	stack := []state{{node: first, j: i + 1}}
	if v, ok := t.vals[first]; ok {
		ends[i+1] = v
	}
	for len(stack) > 0 {
		st := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for j, gaps := st.j, st.gaps; j < len(us); j++ {
			if id := us[j].ids[t.slot]; id != 0 {
				if child, ok := t.edges[uint64(st.node)<<32|uint64(id)]; ok {
					if v, ok := t.vals[child]; ok {
						ends[j+1] = v
					}
					stack = append(stack, state{node: child, j: j + 1, gaps: gaps})
				}
			}
			ok, word := skip(j)
			if !ok {
				break
			}
			if word {
				gaps++
			}
			if gaps > maxGap {
				break
			}
		}
	}
	keys := make([]int, 0, len(ends))
	for e := range ends {
		keys = append(keys, e)
	}
	sort.Ints(keys)
	for _, e := range keys {
		fn(e, ends[e])
	}
}

// nameRef is one name of a dictionary entry in the names trie.
type nameRef struct {
	entry int32
	kind  dict.ActorNameKind
	// exact is set for a one-word name of three letters or fewer written
	// in capitals: it matches only in capitals ("IS", "US").
	exact bool
	pos   dict.Pos
}

// dictWords returns the folded, variant-normalised words of a phrase.
func dictWords(phrase string) []string {
	var buf [12]dict.ActorWord
	ws := dict.AppendActorWords(buf[:0], phrase, 0)
	if len(ws) > 1 && ws[0].Text == "the" {
		ws = ws[1:] // "the" is matched, when written, as a determiner
	}
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = variant(w.Text)
	}
	return out
}

// exactName reports whether a name must be matched in capitals: one word of
// at most three letters, written in capitals.
func exactName(phrase string) bool {
	p := strings.TrimSpace(phrase)
	if strings.ContainsAny(p, " -") {
		return false
	}
	letters := 0
	for _, r := range p {
		switch {
		case r >= 'a' && r <= 'z':
			return false
		case r >= 'A' && r <= 'Z':
			letters++
		}
	}
	return letters > 0 && letters <= 3
}
