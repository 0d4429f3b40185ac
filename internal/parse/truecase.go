package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Headlines in capitals ("KERRY WARNS ASSAD") or title case ("Kerry Warns
// Assad") hide which words are names. Before tagging such a sentence, the
// model rewrites it in the case its words usually have in running text:
// a word that the treebank writes in lower case most of the time (or whose
// stem it does, "warns" from "warn") is lower-cased, any other word keeps
// only an initial capital. The tagger and parser then see an ordinary
// sentence; the tokens keep their original text.

// truecase rewrites words in place when the sentence is in capitals, or
// in title case and known to be a headline, and reports whether it did.
// Title case alone is not enough: in running text it is mostly names and
// titles ("United Nations Security Council"), which truecasing would
// turn into common nouns.
func (lex *tagLex) truecase(words []string, headline bool) bool {
	mode := headlineCase(words)
	if mode == caseNormal || mode == caseTitle && !headline {
		return false
	}
	for i, w := range words {
		if !hasLetter(w) || keepCaps[w] {
			continue
		}
		l := lower(w)
		switch {
		case lex.isLower(l):
			words[i] = l
		case mode == caseUpper:
			words[i] = initialCap(l)
		}
	}
	return true
}

// keepCaps are abbreviations that are also common words in lower case;
// in a headline in capitals they are the abbreviation.
var keepCaps = map[string]bool{"US": true, "UK": true, "UN": true, "EU": true}

// headlineCase returns caseUpper for a sentence in capitals and caseTitle
// for one in headline title case: at least three content words (not
// short function words), every one of them capitalised. Sentences of
// names alone ("Barack Obama") have too few words to count, and running
// text has lower-case verbs.
func headlineCase(words []string) uint64 {
	if sentenceCase(words) == caseUpper {
		return caseUpper
	}
	content := 0
	for _, w := range words {
		letters, upper := 0, false
		for i, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if i == 0 && unicode.IsUpper(r) {
					upper = true
				}
			}
		}
		if letters < 2 || titleSmall[lower(w)] {
			continue
		}
		if !upper {
			return caseNormal
		}
		content++
	}
	if content >= 3 {
		return caseTitle
	}
	return caseNormal
}

// titleSmall are the words headline title case leaves in lower case.
var titleSmall = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "nor": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "by": true,
	"as": true, "with": true, "from": true, "into": true, "over": true, "after": true, "is": true,
}

// isLower reports whether the lower-case word l, or its stem, is written in
// lower case most of the time in the training data.
func (lex *tagLex) isLower(l string) bool {
	if lex.lower[l] {
		return true
	}
	for _, suf := range [...]string{"s", "es", "ed", "d", "ing", "'s"} {
		if stem, ok := strings.CutSuffix(l, suf); ok && len(stem) >= 3 && lex.lower[stem] {
			return true
		}
	}
	return false
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// initialCap returns l with its first letter in upper case.
func initialCap(l string) string {
	r, size := utf8.DecodeRuneInString(l)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return l
	}
	return string(unicode.ToUpper(r)) + l[size:]
}
