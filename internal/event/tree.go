package event

import (
	"sort"
	"strings"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/dict"
)

// tree is one parsed sentence as the coder reads it: tokens with their
// children, and the actor mention each token belongs to.
type tree struct {
	idx  int // sentence index in the article
	s    *dyad.Sentence
	toks []dyad.Token
	kids [][]int // children of each token, in text order
	root int     // index of the root token, -1 if none
	// ment maps a token to the index in ms of the mention that covers it,
	// or -1.
	ment []int
	ms   []MentionRef
	// same lists, for a mention, the other mentions of the same span: one
	// phrase can stand for several actors ("Russian and Iranian
	// governments").
	same map[int][]int
	// lower-cased lemma and word of each token
	lemma, word []string
}

// newTree indexes sentence idx, s, with its mentions ms.
func newTree(idx int, s *dyad.Sentence, ms []MentionRef) *tree {
	n := len(s.Tokens)
	t := &tree{idx: idx, s: s, toks: s.Tokens, kids: make([][]int, n), root: -1,
		ment: make([]int, n), ms: ms, lemma: make([]string, n), word: make([]string, n)}
	for i, tok := range s.Tokens {
		w := tok.Norm
		if w == "" {
			w = tok.Text
		}
		t.word[i] = strings.ToLower(w)
		l := strings.ToLower(tok.Lemma)
		if l == "" || l == "_" {
			l = t.word[i]
		}
		t.lemma[i] = l
		t.ment[i] = -1
		switch h := tok.Head; {
		case h < 0 || h >= n || h == i:
			if t.root < 0 {
				t.root = i
			}
		default:
			t.kids[h] = append(t.kids[h], i)
		}
	}
	// A token belongs to the shortest mention that overlaps it.
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return ms[order[a]].End-ms[order[a]].Start > ms[order[b]].End-ms[order[b]].Start
	})
	first := map[[2]int]int{}
	for mi, m := range ms {
		k := [2]int{m.Start, m.End}
		if f, ok := first[k]; ok {
			if t.same == nil {
				t.same = map[int][]int{}
			}
			t.same[f] = append(t.same[f], mi)
			continue
		}
		first[k] = mi
	}
	for _, mi := range order {
		m := ms[mi]
		if first[[2]int{m.Start, m.End}] != mi {
			continue
		}
		for i, tok := range s.Tokens {
			if tok.Start < m.End && m.Start < tok.End {
				t.ment[i] = mi
			}
		}
	}
	return t
}

// rel returns the relation of token i to its head.
func (t *tree) rel(i int) string { return t.toks[i].Rel }

// base returns the relation of token i without its subtype.
func (t *tree) base(i int) string {
	r := t.toks[i].Rel
	if j := strings.IndexByte(r, ':'); j >= 0 {
		return r[:j]
	}
	return r
}

// head returns the head of token i, or -1.
func (t *tree) head(i int) int {
	h := t.toks[i].Head
	if h < 0 || h >= len(t.toks) || h == i {
		return -1
	}
	return h
}

// is reports whether token i's lemma or lower-cased word is w.
func (t *tree) is(i int, w string) bool { return t.lemma[i] == w || t.word[i] == w }

// isElem reports whether token i matches the word element e: its word or
// lemma is e's word or, for a stem, begins with it.
func (t *tree) isElem(i int, e dict.VerbElem) bool {
	return e.Matches(t.word[i]) || e.Matches(t.lemma[i])
}

// child returns the first child of i whose relation is one of rels (an
// entry without a subtype also matches the subtypes: "obl" matches
// "obl:tmod"), or -1.
func (t *tree) child(i int, rels ...string) int {
	for _, c := range t.kids[i] {
		if t.relIn(c, rels...) {
			return c
		}
	}
	return -1
}

// children returns the children of i whose relation is one of rels.
func (t *tree) children(i int, rels ...string) []int {
	var out []int
	for _, c := range t.kids[i] {
		if t.relIn(c, rels...) {
			out = append(out, c)
		}
	}
	return out
}

// relIn reports whether token i's relation is one of rels; a relation
// without a subtype in rels also matches its subtypes.
func (t *tree) relIn(i int, rels ...string) bool {
	r, b := t.rel(i), t.base(i)
	for _, x := range rels {
		if r == x || (b == x && !strings.Contains(x, ":")) {
			return true
		}
	}
	return false
}

// exactRel reports whether token i's relation is exactly r.
func (t *tree) exactRel(i int, r string) bool { return t.rel(i) == r }

// prep returns the lower-cased preposition (case or mark child) that
// introduces token i, or "".
func (t *tree) prep(i int) string {
	for _, c := range t.kids[i] {
		if t.base(c) == "case" || t.base(c) == "mark" {
			// "because of", "in front of": the first word is enough.
			return t.word[c]
		}
	}
	return ""
}

// hasPrep reports whether one of the case or mark children of i is w.
func (t *tree) hasPrep(i int, w string) bool {
	for _, c := range t.kids[i] {
		if (t.base(c) == "case" || t.base(c) == "mark") && t.word[c] == w {
			return true
		}
	}
	return false
}

// isVerb reports whether token i is tagged as a lexical verb.
func (t *tree) isVerb(i int) bool {
	tok := t.toks[i]
	return tok.UPOS == "VERB" || (tok.UPOS != "AUX" && strings.HasPrefix(tok.XPOS, "VB"))
}

// isNoun reports whether token i is tagged as a common noun.
func (t *tree) isNoun(i int) bool {
	tok := t.toks[i]
	return tok.UPOS == "NOUN" || (tok.UPOS == "" && strings.HasPrefix(tok.XPOS, "NN"))
}

// isAdj reports whether token i is tagged as an adjective.
func (t *tree) isAdj(i int) bool {
	tok := t.toks[i]
	return tok.UPOS == "ADJ" || strings.HasPrefix(tok.XPOS, "JJ")
}

// passive reports whether predicate i is passive: it has a passive
// auxiliary or subject, or it is a past participle with a "by" agent or
// modifying a noun.
func (t *tree) passive(i int) bool {
	if t.child(i, "aux:pass", "nsubj:pass", "csubj:pass") >= 0 {
		return true
	}
	if a := t.child(i, "obl:agent"); a >= 0 && t.toks[i].XPOS == "VBN" && t.hasPrep(a, "by") {
		return true
	}
	if t.toks[i].XPOS != "VBN" || !t.exactRel(i, "acl") || t.finiteParticiple(i) {
		return false
	}
	// "Carter had talked to ..." misattached as a modifier is still active;
	// so is "Militants from X attacked a checkpoint" read as a modifier of
	// "Militants": a passive participle takes no direct object.
	return t.child(i, "nsubj", "aux", "obj") < 0
}

// finiteParticiple reports whether token i, parsed as a participle that
// modifies the noun heading the sentence ("The chancellor called on Russia
// to act" read as "the chancellor [who was] called on ..."), is more likely
// the main verb: the noun heads the sentence without a copula, the
// participle follows it, and it has no "by" agent.
func (t *tree) finiteParticiple(i int) bool {
	if !t.exactRel(i, "acl") {
		return false
	}
	if x := t.toks[i].XPOS; x != "VBN" && x != "VBD" {
		return false
	}
	h := t.head(i)
	if h < 0 || h != t.root || h > i || !(t.isNoun(h) || t.toks[h].UPOS == "PROPN") || t.child(h, "cop") >= 0 {
		return false
	}
	for _, k := range t.kids[i] {
		if t.exactRel(k, "obl:agent") || (t.relIn(k, "obl") && t.hasPrep(k, "by")) || t.relIn(k, "aux", "nsubj") {
			return false
		}
	}
	return true
}

// span returns the byte span of token i.
func (t *tree) span(i int) dyad.Span { return dyad.Span{Start: t.toks[i].Start, End: t.toks[i].End} }

// subtreeSpan returns the byte span of the subtree of i.
func (t *tree) subtreeSpan(i int) dyad.Span {
	sp := t.span(i)
	var walk func(int)
	walk = func(j int) {
		for _, c := range t.kids[j] {
			if t.toks[c].Start < sp.Start {
				sp.Start = t.toks[c].Start
			}
			if t.toks[c].End > sp.End {
				sp.End = t.toks[c].End
			}
			walk(c)
		}
	}
	walk(i)
	return sp
}

// dominates reports whether a is b or an ancestor of b.
func (t *tree) dominates(a, b int) bool {
	for steps := 0; b >= 0 && steps <= len(t.toks); steps++ {
		if a == b {
			return true
		}
		b = t.head(b)
	}
	return false
}

// depth returns the number of heads between i and the root.
func (t *tree) depth(i int) int {
	d := 0
	for h := t.head(i); h >= 0 && d <= len(t.toks); h = t.head(h) {
		d++
	}
	return d
}

// participle reports whether predicate i is a bare participle clause: a
// VBN or VBG form modifying a noun or a clause without an auxiliary of its
// own ("fighters, backed by jets, ...").
func (t *tree) participle(i int) bool {
	x := t.toks[i].XPOS
	return (x == "VBN" || x == "VBG") && t.relIn(i, "acl", "advcl") && !t.relIn(i, "acl:relcl") && t.child(i, "aux", "aux:pass") < 0
}
