// Package conllu reads and writes CoNLL-U, the Universal Dependencies
// treebank format: UTF-8 text in, []*Sentence out, and back.
//
// A sentence is a block of comment lines ("# sent_id = ..."), then one line
// per word with ten tab-separated columns, then a blank line. Besides the
// integer-ID word lines, a block may hold multiword-token lines ("3-4",
// the surface token "don't" over the words "do" and "n't") and empty-node
// lines ("8.1", used only by the enhanced graph). The reader keeps all three
// so that writing a sentence back reproduces it; taggers and parsers work
// on Sentence.Words only.
package conllu

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrSyntax is wrapped by every error the reader reports for malformed input.
var ErrSyntax = errors.New("conllu: syntax error")

// Error is a malformed line: its 1-based line number and what is wrong.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("conllu: line %d: %s", e.Line, e.Msg) }

// Unwrap lets errors.Is(err, ErrSyntax) match.
func (e *Error) Unwrap() error { return ErrSyntax }

// NoHead is Word.Head when the HEAD column is "_" (unannotated input).
const NoHead = -1

// Word is one integer-ID line: a syntactic word.
type Word struct {
	ID     int    // 1-based position in the sentence
	Form   string // FORM
	Lemma  string // LEMMA
	UPOS   string // universal part-of-speech tag
	XPOS   string // language-specific tag (Penn Treebank for English)
	Feats  string // FEATS, verbatim
	Head   int    // HEAD: 0 for the root, NoHead for "_"
	Deprel string // DEPREL, with its subtype ("nmod:poss")
	Deps   string // DEPS (enhanced graph), verbatim
	Misc   string // MISC, verbatim ("SpaceAfter=No")
}

// SpaceAfter reports whether the MISC column does not say SpaceAfter=No.
func (w *Word) SpaceAfter() bool { return !hasMisc(w.Misc, "SpaceAfter=No") }

// Multiword is a multiword-token line ("3-4 don't"): the surface token that
// spans the words First..Last.
type Multiword struct {
	First, Last int
	Form        string
	Misc        string
}

// EmptyNode is an empty-node line ("8.1"), kept verbatim. It follows word
// After (0 when it comes before the first word).
type EmptyNode struct {
	After int
	Sub   int
	// Fields are the nine columns after the ID.
	Fields [9]string
}

// Sentence is one sentence block.
type Sentence struct {
	// Comments are the comment lines without their leading "#", in order
	// (" sent_id = x" keeps its space).
	Comments  []string
	Words     []Word
	Multiword []Multiword
	Empty     []EmptyNode
}

// Comment returns the value of the "# key = value" comment, and whether
// there is one.
func (s *Sentence) Comment(key string) (string, bool) {
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

// Forms returns the FORM of every word.
func (s *Sentence) Forms() []string {
	f := make([]string, len(s.Words))
	for i := range s.Words {
		f[i] = s.Words[i].Form
	}
	return f
}

func hasMisc(misc, item string) bool {
	if misc == "_" || misc == "" {
		return false
	}
	for part := range strings.SplitSeq(misc, "|") {
		if part == item {
			return true
		}
	}
	return false
}

// parseInt parses a non-negative decimal integer without sign or spaces.
func parseInt(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func itoa(n int) string { return strconv.Itoa(n) }
