// Package segment reads an article's text and its classified blocks
// ([]dyad.Block from package clean) and returns its sentences
// ([]dyad.Sentence), each with its tokens ([]dyad.Token) tokenised the way
// Universal Dependencies English (EWT) does it. Every sentence and token
// carries byte offsets into the text: Text is always text[Start:End].
//
// A sentence never crosses a block boundary; within a block it ends at a
// full stop, question or exclamation mark (with the closing quotes and
// brackets after it) before a word that can start a sentence, and not after
// abbreviations, initials, decimals or an ellipsis inside a sentence.
package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/clean"
)

// Text returns the sentences of a plain text, with blocks from
// clean.Blocks; `dyad parse` uses it.
func Text(text string) []dyad.Sentence {
	return Sentences(text, clean.Blocks(text))
}

// Sentences splits each block of text into sentences, in order. A sentence
// takes Kind, Rule and Para from its block; Start and End are trimmed to its
// first and last token. Blocks that lie outside the text or overlap an
// earlier block are skipped, so the sentences never overlap.
func Sentences(text string, blocks []dyad.Block) []dyad.Sentence {
	out := make([]dyad.Sentence, 0, len(blocks)*2)
	last := 0
	for _, b := range blocks {
		if b.Start < last || b.Start < 0 || b.End > len(text) || b.Start >= b.End {
			continue
		}
		last = b.End
		toks := Tokens(text, b.Start, b.End)
		from := 0
		for _, to := range boundaries(toks, b.Kind == dyad.KindHeadline) {
			ts := toks[from:to:to]
			from = to
			if last := ts[len(ts)-1]; finalStop(last.Text) {
				ts = splitStop(ts)
			}
			s, e := ts[0].Start, ts[len(ts)-1].End
			out = append(out, dyad.Sentence{
				Start: s, End: e, Text: text[s:e],
				Kind: b.Kind, Rule: b.Rule, Para: b.Para, Tokens: ts,
			})
		}
	}
	return out
}

// boundaries returns the index just past the last token of each sentence in
// toks (the last is len(toks)); none when toks is empty. In a headline,
// written in title case, abbreviations never end a sentence.
func boundaries(toks []dyad.Token, headline bool) []int {
	n := len(toks)
	if n == 0 {
		return nil
	}
	var ends []int
	q := quotes{}
	for i := 0; i < n; i++ {
		q.see(toks, i)
		kind := terminalKind(toks, i)
		if kind == notTerminal {
			continue
		}
		// The closing quotes and brackets written against the stop belong
		// to the sentence it ends.
		j := i + 1
		for j < n && toks[j].Start == toks[j-1].End && q.closes(toks, j) {
			q.see(toks, j)
			j++
		}
		i = j - 1
		if j >= n {
			break
		}
		split := false
		switch kind {
		case stopTerminal:
			split = opensSentence(toks, j, q)
		case ellipsisTerminal:
			split = isStarter(toks[j]) && toks[j].Text != "I"
		case abbrevTerminal:
			split = !headline && (isStarter(toks[j]) ||
				q.opens(toks, j) && j+1 < n && startsUpper(toks[j+1].Text))
		}
		if split {
			ends = append(ends, j)
		}
	}
	return append(ends, n)
}

// finalStop reports whether a token that ends a sentence carries the
// sentence's full stop: an abbreviation, acronym or initial ("U.S.",
// "Inc.", "W.").
func finalStop(s string) bool {
	return len(s) >= 2 && s[len(s)-1] == '.' && s[len(s)-2] != '.'
}

// splitStop returns the sentence's tokens with the full stop of the last
// one split off, as EWT writes "U.S ." at the end of a sentence: the parser
// expects a sentence to end with its punctuation.
func splitStop(ts []dyad.Token) []dyad.Token {
	out := make([]dyad.Token, len(ts)+1)
	copy(out, ts)
	last := ts[len(ts)-1]
	word, stop := last, last
	word.End--
	word.Text = last.Text[:len(last.Text)-1]
	word.Norm = norm(word.Text)
	word.SpaceAfter = false
	stop.Start = word.End
	stop.Text, stop.Norm = ".", "."
	out[len(ts)-1], out[len(ts)] = word, stop
	return out
}

// Kinds of token that may end a sentence.
const (
	notTerminal = iota
	stopTerminal
	ellipsisTerminal
	abbrevTerminal
)

// terminalKind says whether toks[i] may end a sentence, and how.
func terminalKind(toks []dyad.Token, i int) int {
	s := toks[i].Text
	switch {
	case s == ".":
		// "1. The first point": a list number at the start of a block.
		if i == 1 && isListMark(toks[0].Text) && toks[0].End == toks[1].Start {
			return notTerminal
		}
		return stopTerminal
	case s == "…" || len(s) >= 2 && allDots(s):
		return ellipsisTerminal
	case s[0] == '!' || s[0] == '?':
		return stopTerminal
	case len(s) >= 2 && s[len(s)-1] == '.':
		switch abbrevKindOf(s) {
		case abbrevTitle, abbrevNumber:
			return notTerminal
		}
		return abbrevTerminal
	}
	return notTerminal
}

func allDots(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '.' {
			return false
		}
	}
	return true
}

// isListMark reports a list number or letter: "1", "12", "a", "B".
func isListMark(s string) bool {
	if len(s) == 1 && isLetter(rune(s[0])) {
		return true
	}
	if len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(rune(s[i])) {
			return false
		}
	}
	return true
}

// abbrevKindOf classifies a token that ends in a full stop.
func abbrevKindOf(s string) abbrevKind {
	if acronymTitles[s] {
		return abbrevTitle
	}
	if k := abbrevs[s[:len(s)-1]]; k != notAbbrev {
		return k
	}
	return abbrevOther // an acronym ("U.S."), an initial, a domain-like word
}

// isStarter reports whether the token is a word that commonly starts a
// sentence.
func isStarter(t dyad.Token) bool { return starters[t.Text] }

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// opensSentence reports whether toks[j] can be the first token of a
// sentence after a full stop: a capitalised word, a number, an opening quote
// or bracket.
func opensSentence(toks []dyad.Token, j int, q quotes) bool {
	s := toks[j].Text
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsDigit(r):
		return true
	case unicode.IsLower(r):
		return false
	case q.opens(toks, j), r == '(', r == '[', r == '¿', r == '¡', r == '$', r == '£', r == '€', r == '•', r == '*':
		return true
	case unicode.IsLetter(r):
		return true // scripts without case
	}
	return false
}

// quotes tracks whether a double quotation is open, to tell an opening
// straight quote from a closing one.
type quotes struct{ inDouble bool }

// role returns +1 when toks[i] opens a quotation, -1 when it closes one, 0
// when it is no quotation mark.
func (q quotes) role(toks []dyad.Token, i int) int {
	s := toks[i].Text
	switch s {
	case "“", "«", "„", "‘", "``", "‹":
		return +1
	case "”", "»", "’", "›", "''":
		return -1
	case `"`, "'":
		before := i > 0 && toks[i-1].End == toks[i].Start && !isOpener(toks[i-1].Text)
		after := i+1 < len(toks) && toks[i+1].Start == toks[i].End && !isCloser(toks[i+1].Text)
		switch {
		case before && !after:
			return -1
		case after && !before:
			return +1
		case s == `"` && q.inDouble:
			return -1
		case s == `"`:
			return +1
		}
		return -1
	}
	return 0
}

func isOpener(s string) bool {
	switch s {
	case "(", "[", "{", "“", "‘", "«":
		return true
	}
	return false
}

func isCloser(s string) bool {
	switch s {
	case ")", "]", "}", "”", "’", "»", ",", ".", ";", ":", "!", "?", "...", "…":
		return true
	}
	return false
}

// see updates the quotation state with toks[i].
func (q *quotes) see(toks []dyad.Token, i int) {
	s := toks[i].Text
	if s != `"` && s != "“" && s != "”" && s != "«" && s != "»" && s != "„" {
		return
	}
	q.inDouble = q.role(toks, i) > 0
}

// closes reports whether toks[i] is a closing quotation mark or bracket.
func (q quotes) closes(toks []dyad.Token, i int) bool {
	switch toks[i].Text {
	case ")", "]", "}":
		return true
	}
	return q.role(toks, i) < 0
}

// opens reports whether toks[i] is an opening quotation mark.
func (q quotes) opens(toks []dyad.Token, i int) bool {
	return q.role(toks, i) > 0
}
