package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is a run of letters and digits, or one other character, with its byte
// offsets in the article text. The attribution patterns read these words
// rather than the segmenter's tokens so that they need nothing but the text.
type word struct {
	lower string // lower-cased; typographic apostrophes folded to '
	start int
	end   int
	// quoted is set for words inside a quotation, marks included.
	quoted bool
}

// lex splits text into words.
func lex(text string) []word {
	out := make([]word, 0, len(text)/5)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isAlnum(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !isAlnum(r2) {
					break
				}
				j += n2
			}
			out = append(out, word{lower: lower(text[i:j]), start: i, end: j})
			i = j
		default:
			l := text[i : i+n]
			if r == '’' || r == '‘' {
				l = "'"
			}
			out = append(out, word{lower: l, start: i, end: i + n})
			i += n
		}
	}
	return out
}

// lower lower-cases s, without allocating when it is lower case already.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isPunct reports whether w is a single character that is not a letter or
// digit.
func (w word) isPunct() bool {
	r, _ := utf8.DecodeRuneInString(w.lower)
	return !isAlnum(r)
}

// wordAt returns the index of the first word that starts at or after pos.
func wordAt(ws []word, pos int) int {
	return sort.Search(len(ws), func(i int) bool { return ws[i].start >= pos })
}
