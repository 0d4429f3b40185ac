package dict

import (
	"sort"
	"strings"
)

// The verb dictionary format
//
// A verb dictionary is a UTF-8 text file read line by line. "#" at the start
// of a line or after white space starts a comment that runs to the end of the
// line; blank lines are ignored. Words are matched case-insensitively and
// stored in lower case. Every other line starts with a keyword:
//
//	set NAME                  starts the synonym set &NAME
//	+ WORDS                   a member of the set above (a word or a phrase)
//	block NAME [CODE] FLAGS   starts (or continues) the verb block NAME
//	verb WORDS {FORMS} [CODE] a verb of the block above
//	noun WORDS [CODE]         a noun of the block above that carries an event
//	adj WORDS [CODE]          an adjective of the block above that heads a
//	                          clause ("they are ready for talks")
//	- PATTERN [CODE]          a pattern of the block above
//
// A verb's first word is its lemma; the words after it (particles,
// prepositions, a fixed object: "call off", "ask for", "wage war") must be
// attached to it in the parse. The optional {FORMS} list inflected forms of
// the lemma, for when a lemmatiser misses an irregular one. A noun's last word
// is its head and the words before it must modify the head ("air strike").
//
// The optional FLAGS of a block change how the coder reads its verbs:
//
//	demanded      the verbs (a leader leaving office: "go", "step down") are
//	              coded only in a clause that someone demands, "X says Y must
//	              go": the one who demands is the source, the verb's subject
//	              the target
//	demanded-not  the same for verbs of staying in office, in a negated
//	              modal clause: "X says Y cannot remain"
//
// A CODE is a CAMEO event code in brackets: [042] codes one event from the
// source to the target, [042:043] also codes the reciprocal event from the
// target to the source, [:020] codes only the reciprocal event, and [---]
// codes nothing (it keeps a more general entry from firing). A verb or noun
// without a code takes its block's code.
//
// A PATTERN describes the words around the verb (or noun), "*", in the
// dependency parse: the elements before "*" belong to the subject side, those
// after it to the verb's complements. An element is
//
//	word          a word attached to the verb (an object, particle, ...)
//	&NAME         any member of the set NAME
//	{w1 w2 head}  a noun phrase: head, modified by w1 and w2
//	(prep ...)    a prepositional phrase: a complement introduced by prep
//	              ("to", "in", or alternatives "by/with"), whose noun matches
//	              the elements that follow, if any
//	$             the source actor
//	+             the target actor
//	^             any one word
//	%             a compound of actors ("Gondor and Rohan"), whose members
//	              act on each other: with a paired code [044:045] the first
//	              is the source and the others the targets
//
// Two marks may end a word of a pattern or of a verb line, for dictionaries
// converted from TABARI, which matches words by prefix:
//
//	word~         a stem: it matches any word that begins with it
//	              ("resolution~" matches "resolutions"); on a verb line the
//	              head or a listed form may be a stem ("verb act~",
//	              "{actuality~}")
//	word_         the element is joined to the one after it: no other word
//	              may come between them ("in_ *": "in" right before the
//	              verb); "real~_" is a stem joined to the next element
//
// The words of a set member may be stems too ("+ dollar~"). "$", "+", "^"
// and "&NAME" may carry "_" too ("suggested_ +_ *"). A word
// without a mark matches that word or its lemma, as before, and other words
// may come between the elements of a pattern.
//
// When several patterns match, the one with the most elements wins; when none
// does, the verb's (or the block's) code applies. A word may be a verb of
// several blocks: the patterns of all of them compete, and the entry read
// last gives the default code. Between patterns of equal size the one read
// last wins too. Files are read in name order, so manual.txt, read after
// cameo.txt, overrides it.

// VerbCode is the code of a verb, noun or pattern: the event from source to
// target and the reciprocal event from target to source, each a CAMEO code or
// "" for none.
type VerbCode struct {
	Event   string
	Reverse string
}

// None reports whether the code produces no event ([---]).
func (c VerbCode) None() bool { return c.Event == "" && c.Reverse == "" }

// String returns the code as written in a dictionary: "[042:043]".
func (c VerbCode) String() string {
	switch {
	case c.None():
		return "[---]"
	case c.Reverse == "":
		return "[" + c.Event + "]"
	default:
		return "[" + c.Event + ":" + c.Reverse + "]"
	}
}

// VerbSet is a synonym set: a named list of words and phrases.
type VerbSet struct {
	Name    string
	Members [][]string // each member is one or more words
	Pos     Pos
}

// VerbBlock is a group of verbs and nouns that share a default code and a
// list of patterns.
type VerbBlock struct {
	Name     string
	Code     VerbCode
	Flags    []string
	Verbs    []*VerbEntry // verbs and adjectives
	Nouns    []*VerbEntry
	Patterns []*VerbPattern
	Pos      Pos
}

// HasFlag reports whether the block carries the flag.
func (b *VerbBlock) HasFlag(flag string) bool {
	for _, f := range b.Flags {
		if f == flag {
			return true
		}
	}
	return false
}

// blockFlags are the flags a block line may carry.
var blockFlags = map[string]bool{"demanded": true, "demanded-not": true}

// VerbEntryKind says what part of speech an entry's head is.
type VerbEntryKind uint8

// The kinds of entry.
const (
	EntryVerb VerbEntryKind = iota + 1
	EntryNoun
	EntryAdj
)

// keyword returns the dictionary keyword of the kind.
func (k VerbEntryKind) keyword() string {
	switch k {
	case EntryNoun:
		return "noun"
	case EntryAdj:
		return "adj"
	}
	return "verb"
}

// VerbEntry is one verb, noun or adjective of a block.
type VerbEntry struct {
	Kind VerbEntryKind
	// Words are the entry's words: for a verb or adjective the head comes
	// first, for a noun it comes last.
	Words []string
	// Forms are inflected forms of the head word given by the dictionary.
	Forms []string
	// HeadStem says the head is a stem ("act~"): it matches every word
	// that begins with it. StemForms are listed forms that are stems
	// ("{actuality~}").
	HeadStem  bool
	StemForms []string
	// Code is the entry's own code; HasCode says whether it has one.
	Code    VerbCode
	HasCode bool
	Block   *VerbBlock
	Pos     Pos
}

// Head returns the word the entry is looked up by: a verb's lemma or a
// noun's head.
func (e *VerbEntry) Head() string {
	if e.Kind == EntryNoun {
		return e.Words[len(e.Words)-1]
	}
	return e.Words[0]
}

// Rest returns the entry's words other than its head.
func (e *VerbEntry) Rest() []string {
	if e.Kind == EntryNoun {
		return e.Words[:len(e.Words)-1]
	}
	return e.Words[1:]
}

// Effective returns the code the entry produces when no pattern matches.
func (e *VerbEntry) Effective() VerbCode {
	if e.HasCode {
		return e.Code
	}
	return e.Block.Code
}

// String returns the entry as written in a dictionary.
func (e *VerbEntry) String() string {
	words := append([]string{}, e.Words...)
	if e.HeadStem {
		if e.Kind == EntryNoun {
			words[len(words)-1] += "~"
		} else {
			words[0] += "~"
		}
	}
	s := e.Kind.keyword() + " " + strings.Join(words, " ")
	forms := append([]string{}, e.Forms...)
	for _, f := range e.StemForms {
		forms = append(forms, f+"~")
	}
	if len(forms) > 0 {
		s += " {" + strings.Join(forms, " ") + "}"
	}
	if e.HasCode {
		s += " " + e.Code.String()
	}
	return s
}

// VerbPattern is one pattern of a block.
type VerbPattern struct {
	Pre   []VerbElem // subject side, in text order
	Post  []VerbElem // complement side, in text order
	Code  VerbCode
	Block *VerbBlock
	Pos   Pos
	// Text is the pattern as written, without its code and comment.
	Text string
	// Comment is the comment that followed the pattern, if any.
	Comment string
}

// Sets returns the number of synonym set elements of the pattern: between
// patterns of one size, the one with fewer sets is more specific.
func (p *VerbPattern) Sets() int { return len(p.sets()) }

// Joins returns the number of elements of the pattern joined to the next
// one ("in_ *"): between patterns of one size, the one with more joins is
// more specific.
func (p *VerbPattern) Joins() int {
	n := 0
	for _, es := range [][]VerbElem{p.Pre, p.Post} {
		for _, e := range es {
			if e.Joined {
				n++
			}
		}
	}
	return n
}

// Stems returns the number of stem words of the pattern: between patterns
// of one size, the one with fewer stems is more specific.
func (p *VerbPattern) Stems() int {
	n := 0
	var walk func([]VerbElem)
	walk = func(es []VerbElem) {
		for _, e := range es {
			if e.Stem {
				n++
			}
			walk(e.Elems)
		}
	}
	walk(p.Pre)
	walk(p.Post)
	return n
}

// Size returns the number of elements of the pattern, counting the words of
// phrases; a larger pattern is more specific.
func (p *VerbPattern) Size() int {
	n := 0
	for _, e := range p.Pre {
		n += e.size()
	}
	for _, e := range p.Post {
		n += e.size()
	}
	return n
}

// VerbElemKind says what a pattern element is.
type VerbElemKind uint8

// The kinds of pattern element.
const (
	ElemWord     VerbElemKind = iota + 1 // a word
	ElemSet                              // &NAME
	ElemPhrase                           // {mods... head}
	ElemPrep                             // (prep objects...)
	ElemSource                           // $
	ElemTarget                           // +
	ElemAny                              // ^
	ElemCompound                         // %
)

// VerbElem is one element of a pattern.
type VerbElem struct {
	Kind VerbElemKind
	// Word is the word of ElemWord and the set name of ElemSet.
	Word string
	// Preps are the alternative prepositions of ElemPrep.
	Preps []string
	// Elems are the words of ElemPhrase (head last) and the objects of
	// ElemPrep.
	Elems []VerbElem
	// Stem says an ElemWord is a stem ("word~"), matched by prefix.
	Stem bool
	// Joined says the element is joined to the next one ("word_"): no
	// word may come between them; the last element before "*" is joined
	// to the verb.
	Joined bool
}

// Matches reports whether the word w (lower case) matches an ElemWord
// element by its text: equal to it, or, for a stem, beginning with it.
func (e VerbElem) Matches(w string) bool {
	if e.Stem {
		return strings.HasPrefix(w, e.Word)
	}
	return w == e.Word
}

func (e VerbElem) size() int {
	switch e.Kind {
	case ElemPhrase, ElemPrep:
		n := 1
		if e.Kind == ElemPhrase {
			n = 0
		}
		for _, x := range e.Elems {
			n += x.size()
		}
		return n
	case ElemSource, ElemTarget:
		return 0
	default:
		return 1
	}
}

// String returns the element as written in a dictionary.
func (e VerbElem) String() string {
	s := e.text()
	if e.Stem {
		s += "~"
	}
	if e.Joined {
		s += "_"
	}
	return s
}

func (e VerbElem) text() string {
	switch e.Kind {
	case ElemWord:
		return e.Word
	case ElemSet:
		return "&" + strings.ToUpper(e.Word)
	case ElemSource:
		return "$"
	case ElemTarget:
		return "+"
	case ElemAny:
		return "^"
	case ElemCompound:
		return "%"
	case ElemPhrase:
		return "{" + elemsString(e.Elems) + "}"
	case ElemPrep:
		s := "(" + strings.Join(e.Preps, "/")
		if len(e.Elems) > 0 {
			s += " " + elemsString(e.Elems)
		}
		return s + ")"
	}
	return "?"
}

func elemsString(es []VerbElem) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.String()
	}
	return strings.Join(parts, " ")
}

// PatternString returns the pattern in dictionary syntax without its code.
func (p *VerbPattern) PatternString() string {
	s := elemsString(p.Pre)
	if s != "" {
		s += " "
	}
	s += "*"
	if len(p.Post) > 0 {
		s += " " + elemsString(p.Post)
	}
	return s
}

// Verbs is a loaded verb dictionary. It is not changed after loading and is
// safe for concurrent use.
type Verbs struct {
	Sets   map[string]*VerbSet
	Blocks []*VerbBlock

	blocks  map[string]*VerbBlock
	byVerb  map[string][]*VerbEntry // lemma and listed forms -> verbs
	byAdj   map[string][]*VerbEntry // head -> adjectives
	byNoun  map[string][]*VerbEntry // head -> nouns
	byStem  map[string][]*VerbEntry // verb stems (head or form) -> verbs
	members map[string]map[string]bool
}

// newVerbs returns an empty dictionary ready for parsing.
func newVerbs() *Verbs {
	return &Verbs{
		Sets:   map[string]*VerbSet{},
		blocks: map[string]*VerbBlock{},
	}
}

// Block returns the block called name (case-insensitive), or nil.
func (v *Verbs) Block(name string) *VerbBlock { return v.blocks[strings.ToUpper(name)] }

// VerbEntries returns the verbs whose lemma or one of whose listed forms is
// word (lower case), or is a stem that word begins with, longest entries
// first.
func (v *Verbs) VerbEntries(word string) []*VerbEntry {
	if len(v.byStem) == 0 {
		return v.byVerb[word]
	}
	var stems []*VerbEntry
	for n := len(word); n > 0; n-- {
		stems = append(stems, v.byStem[word[:n]]...)
	}
	if len(stems) == 0 {
		return v.byVerb[word]
	}
	var out []*VerbEntry
	seen := map[*VerbEntry]bool{}
	for _, e := range append(append([]*VerbEntry{}, v.byVerb[word]...), stems...) {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Words) > len(out[j].Words) })
	return out
}

// NounEntries returns the nouns whose head is word (lower case), longest
// entries first.
func (v *Verbs) NounEntries(word string) []*VerbEntry { return v.byNoun[word] }

// AdjEntries returns the adjectives whose head is word (lower case), longest
// entries first.
func (v *Verbs) AdjEntries(word string) []*VerbEntry { return v.byAdj[word] }

// InSet reports whether the phrase words (lower case) is a member of the set
// name.
func (v *Verbs) InSet(name string, words ...string) bool {
	return v.members[strings.ToUpper(name)][strings.Join(words, " ")]
}

// SetMembers returns the members of the set name.
func (v *Verbs) SetMembers(name string) [][]string {
	if s := v.Sets[strings.ToUpper(name)]; s != nil {
		return s.Members
	}
	return nil
}

// Counts returns the number of sets, blocks, verbs, nouns and patterns.
func (v *Verbs) Counts() (sets, blocks, verbs, nouns, patterns int) {
	for _, b := range v.Blocks {
		verbs += len(b.Verbs)
		nouns += len(b.Nouns)
		patterns += len(b.Patterns)
	}
	return len(v.Sets), len(v.Blocks), verbs, nouns, patterns
}

// index builds the lookup tables once every file has been read, and reports
// references to undefined sets.
func (v *Verbs) index() ErrorList {
	var errs ErrorList
	v.members = make(map[string]map[string]bool, len(v.Sets))
	for name, s := range v.Sets {
		m := make(map[string]bool, len(s.Members))
		for _, w := range s.Members {
			m[strings.Join(w, " ")] = true
		}
		v.members[name] = m
	}
	v.byVerb = map[string][]*VerbEntry{}
	v.byAdj = map[string][]*VerbEntry{}
	v.byNoun = map[string][]*VerbEntry{}
	v.byStem = map[string][]*VerbEntry{}
	for _, b := range v.Blocks {
		for _, e := range b.Verbs {
			if e.Kind == EntryAdj {
				v.byAdj[e.Head()] = append(v.byAdj[e.Head()], e)
				continue
			}
			stems := e.StemForms
			if e.HeadStem {
				stems = append([]string{e.Head()}, stems...)
			}
			for _, k := range stems {
				v.byStem[k] = append(v.byStem[k], e)
			}
			keys := e.Forms
			if !e.HeadStem {
				keys = append([]string{e.Head()}, e.Forms...)
			}
			seen := map[string]bool{}
			for _, k := range keys {
				if !seen[k] {
					seen[k] = true
					v.byVerb[k] = append(v.byVerb[k], e)
				}
			}
		}
		for _, e := range b.Nouns {
			v.byNoun[e.Head()] = append(v.byNoun[e.Head()], e)
		}
		for _, p := range b.Patterns {
			for _, name := range p.sets() {
				if v.Sets[name] == nil {
					errs = append(errs, &Error{Pos: p.Pos, Msg: "undefined set &" + name})
				}
			}
		}
	}
	for _, m := range []map[string][]*VerbEntry{v.byVerb, v.byAdj, v.byNoun, v.byStem} {
		for _, es := range m {
			sort.SliceStable(es, func(i, j int) bool { return len(es[i].Words) > len(es[j].Words) })
		}
	}
	return errs
}

// sets returns the names of the sets a pattern refers to.
func (p *VerbPattern) sets() []string {
	var out []string
	var walk func([]VerbElem)
	walk = func(es []VerbElem) {
		for _, e := range es {
			if e.Kind == ElemSet {
				out = append(out, strings.ToUpper(e.Word))
			}
			walk(e.Elems)
		}
	}
	walk(p.Pre)
	walk(p.Post)
	return out
}
