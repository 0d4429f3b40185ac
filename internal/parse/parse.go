// Package parse tags, lemmatises and parses sentences: words in (a
// dyad.Sentence's tokens, or plain strings), Universal Dependencies
// annotation out (UPOS and Penn Treebank XPOS tags, lemmas, and a labelled
// dependency tree).
//
// The tagger is a greedy averaged perceptron over joint UPOS|XPOS classes,
// the lemmatiser applies suffix rules and exceptions learned from the
// treebank, and the parser is a greedy arc-hybrid transition parser with an
// averaged perceptron trained with a dynamic oracle on jackknifed tags. All
// three are trained on UD English EWT by Train (see cmd/dyad train) and
// shipped in one compressed model that Default loads from the binary.
package parse

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/data"
)

// ErrModel is wrapped by the errors of a model file that cannot be read.
var ErrModel = errors.New("parse: bad model")

// Model is a trained tagger, lemmatiser and parser. It is immutable once
// loaded and safe for concurrent use.
type Model struct {
	upos, xpos []string // of each tag class
	labels     []string // parser labels; "root" is not among them
	lex        *tagLex
	tagW       *table
	tagW2      *table // second pass
	parseW     *table
	labelW     *table
	lem        *lemmatizer

	classOf map[string]int // "UPOS|XPOS" -> class
	kinds   []uint8        // of each class, for the parser
	coarse  []uint64       // hashed UPOS of each class, for the parser
	pool    sync.Pool
}

// scratch is the per-call working memory, pooled.
type scratch struct {
	tin     tagInput
	st      pstate
	rc      roleCache
	prev1   prevCache // for m.tagW
	prev2   prevCache // for m.tagW2
	feats   []uint64
	tscore  []int32
	pscore  []int32
	lscore  []int32
	tags    []int
	first   []int    // first-pass tags
	margins []int32  // first-pass score margins
	prefix  []string // parts of hyphenated words the model does not see
	amb     []uint64
	words   []string
}

func (m *Model) init() {
	m.classOf = make(map[string]int, len(m.upos))
	for i := range m.upos {
		m.classOf[m.upos[i]+"|"+m.xpos[i]] = i
	}
	m.kinds, m.coarse = wordKinds(m.upos, m.xpos), coarseTags(m.upos)
	m.pool.New = func() any {
		return &scratch{
			st:     pstate{kinds: m.kinds, upos: m.coarse},
			feats:  make([]uint64, 0, 128),
			tscore: make([]int32, len(m.upos)),
			pscore: make([]int32, nActions),
			lscore: make([]int32, len(m.labels)),
		}
	}
}

func (m *Model) noneTag() uint64 { return uint64(len(m.upos)) }
func (m *Model) rootTag() uint64 { return uint64(len(m.upos) + 1) }
func (m *Model) rootLabel() int  { return len(m.labels) }

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model embedded in the binary, loading it on first use.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Unmarshal(data.ParserModel)
		if defaultErr != nil {
			defaultErr = fmt.Errorf("parse: embedded model: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}

// Labels returns the dependency relations the parser can predict, "root"
// included.
func (m *Model) Labels() []string {
	return append(append([]string(nil), m.labels...), "root")
}

func (m *Model) get() *scratch  { return m.pool.Get().(*scratch) }
func (m *Model) put(s *scratch) { m.pool.Put(s) }

// prepare returns in sc.words the forms the model reads: folded,
// truecased when the sentence is in capitals or is a headline in title
// case, and, for a hyphenated word the treebank never has whole, its last
// part (see splitHyphen); sc.prefix keeps what was cut off.
func (m *Model) prepare(sc *scratch, words []string, headline bool) []string {
	sc.words = sc.words[:0]
	sc.prefix = sc.prefix[:0]
	for _, w := range words {
		sc.words = append(sc.words, fold(strings.TrimSpace(w)))
	}
	m.lex.truecase(sc.words, headline)
	for i, w := range sc.words {
		pre := ""
		if strings.Contains(w, "-") && m.lex.ambOf(w) == atomNone {
			pre, sc.words[i] = splitHyphen(w)
		}
		sc.prefix = append(sc.prefix, pre)
	}
	return sc.words
}

// splitHyphen splits a hyphenated word before its last part: "al-" and
// "Assad", "US-" and "backed". UD English treebanks write such words as
// three tokens (al - Assad), dyad's tokeniser keeps them whole; the last
// part is the head of the compound and tells its tag best. A word with no
// letter or digit on both sides of its last hyphen is not split.
func splitHyphen(w string) (prefix, last string) {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 || i == len(w)-1 || !isAlnum(w[i-1]) || !isAlnum(w[i+1]) {
		return "", w
	}
	return w[:i+1], w[i+1:]
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// lemma returns the lemma of word i of the prepared sentence.
func (m *Model) lemma(sc *scratch, i int, xpos string) string {
	return sc.prefix[i] + m.lem.lemma(sc.words[i], xpos)
}

// tag fills sc.tags with the tag classes of words (already folded).
func (m *Model) tag(sc *scratch, words []string) {
	prepareTag(words, m.lex, &sc.tin)
	if cap(sc.tags) < len(words) {
		sc.tags = make([]int, len(words))
		sc.first = make([]int, len(words))
		sc.margins = make([]int32, len(words))
	}
	sc.margins = sc.margins[:len(words)]
	sc.tags = sc.tags[:len(words)]
	sc.first = sc.first[:len(words)]
	sc.tin.right = nil
	tagGreedy(m.tagW, &sc.tin, len(m.upos), sc.first, sc.feats, sc.tscore, &sc.prev1, sc.margins)
	sc.tin.right = sc.first
	tagGreedy(m.tagW2, &sc.tin, len(m.upos), sc.tags, sc.feats, sc.tscore, &sc.prev2, sc.margins)
	m.finiteVerb(sc.tags)
}

// finiteVerb retags as a past tense (VBD) the first past participle
// (VBN) of a sentence that has no finite verb, when the participle follows
// a noun or pronoun: "Talks resumed on Monday". Running text, and news above
// all, is made of finite clauses; the tagger, which sees a window of five
// words, reads such a verb as a participle often enough to leave the
// sentence without a predicate, and the parser then makes it a modifier of
// the noun.
func (m *Model) finiteVerb(tags []int) {
	vbn, ok1 := m.classOf["VERB|VBN"]
	vbd, ok2 := m.classOf["VERB|VBD"]
	if !ok1 || !ok2 {
		return
	}
	first := -1
	for i, c := range tags {
		switch m.xpos[c] {
		case "VBD", "VBZ", "VBP", "MD":
			return
		}
		if m.upos[c] == "AUX" {
			return
		}
		if c == vbn && first < 0 && i > 0 {
			switch m.upos[tags[i-1]] {
			case "NOUN", "PROPN", "PRON":
				first = i
			}
		}
	}
	if first >= 0 {
		tags[first] = vbd
	}
}

// parse parses words (folded) with tag classes sc.tags, leaving the tree
// in sc.st.
func (m *Model) parse(sc *scratch, words []string) {
	if cap(sc.amb) < len(words) {
		sc.amb = make([]uint64, len(words))
	}
	sc.amb = sc.amb[:len(words)]
	for i, w := range words {
		sc.amb[i] = m.lex.ambOf(w)
	}
	setupToks(&sc.st, words, sc.tags, sc.amb, m.rootTag())
	sc.feats = parseGreedy(m.parseW, m.labelW, &sc.st, &sc.rc, m.rootLabel(), m.noneTag(), sc.feats, sc.pscore, sc.lscore)
}

// head and rel convert the parser's arc for word i to the API's form.
func (m *Model) arc(st *pstate, i int) (int, string) {
	h := int(st.head[i])
	l := int(st.lab[i])
	if h >= st.n || h < 0 {
		return -1, "root"
	}
	if l < 0 || l >= len(m.labels) {
		return h, "dep"
	}
	return h, m.labels[l]
}

// Tag returns the UPOS and XPOS tags of words.
func (m *Model) Tag(words []string) (upos, xpos []string) {
	sc := m.get()
	defer m.put(sc)
	m.tag(sc, m.prepare(sc, words, false))
	upos = make([]string, len(words))
	xpos = make([]string, len(words))
	for i, c := range sc.tags {
		upos[i], xpos[i] = m.upos[c], m.xpos[c]
	}
	return upos, xpos
}

// Parse returns the dependency tree of words tagged upos and xpos: each
// word's head (an index into words, -1 for the root) and relation. A tag
// pair the model does not know is replaced by the tagger's guess.
func (m *Model) Parse(words, upos, xpos []string) (heads []int, rels []string) {
	sc := m.get()
	defer m.put(sc)
	ws := m.prepare(sc, words, false)
	m.tag(sc, ws)
	for i := range ws {
		if i < len(upos) && i < len(xpos) {
			if c, ok := m.classOf[upos[i]+"|"+xpos[i]]; ok {
				sc.tags[i] = c
			}
		}
	}
	m.parse(sc, ws)
	heads = make([]int, len(words))
	rels = make([]string, len(words))
	for i := range words {
		heads[i], rels[i] = m.arc(&sc.st, i)
	}
	return heads, rels
}

// Lemma returns the lemma of word tagged xpos.
func (m *Model) Lemma(word, xpos string) string {
	return m.lem.lemma(fold(strings.TrimSpace(word)), xpos)
}

// Annotate tags, lemmatises and parses s, setting each token's UPOS, XPOS,
// Lemma, Head (an index into s.Tokens, -1 for the root) and Rel. The model
// reads each token's Norm (its Text when Norm is empty).
func (m *Model) Annotate(s *dyad.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	sc := m.get()
	defer m.put(sc)
	words := make([]string, len(s.Tokens))
	for i := range s.Tokens {
		words[i] = s.Tokens[i].Norm
		if words[i] == "" {
			words[i] = s.Tokens[i].Text
		}
	}
	m.prepare(sc, words, s.Kind == dyad.KindHeadline)
	m.tag(sc, sc.words)
	m.parse(sc, sc.words)
	for i := range s.Tokens {
		t := &s.Tokens[i]
		c := sc.tags[i]
		t.UPOS, t.XPOS = m.upos[c], m.xpos[c]
		t.Lemma = m.lemma(sc, i, t.XPOS)
		t.Head, t.Rel = m.arc(&sc.st, i)
	}
}

// Analysis is the annotation of one word.
type Analysis struct {
	UPOS, XPOS, Lemma string
	Head              int // index of the head word, -1 for the root
	Rel               string
}

// AnnotateWords tags, lemmatises and parses a sentence given as words.
func (m *Model) AnnotateWords(words []string) []Analysis {
	out := make([]Analysis, len(words))
	if len(words) == 0 {
		return out
	}
	sc := m.get()
	defer m.put(sc)
	ws := m.prepare(sc, words, false)
	m.tag(sc, ws)
	m.parse(sc, ws)
	for i := range words {
		c := sc.tags[i]
		a := &out[i]
		a.UPOS, a.XPOS = m.upos[c], m.xpos[c]
		a.Lemma = m.lemma(sc, i, a.XPOS)
		a.Head, a.Rel = m.arc(&sc.st, i)
	}
	return out
}
