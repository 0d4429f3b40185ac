package when

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is a run of letters and digits, or a single other character, with its
// byte offsets in the article text. The package scans words itself rather
// than reading the segmenter's tokens so that "Dec.", "mid-2014" or
// "Tuesday’s" look the same whatever the tokeniser made of them.
type word struct {
	text  string // as written
	lower string // lower-cased
	start int
	end   int
}

// lex splits s, which starts at byte offset base in the article, into words.
func lex(s string, base int) []word {
	var out []word
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isAlnum(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isAlnum(r2) {
					break
				}
				j += n2
			}
			out = append(out, word{text: s[i:j], lower: lower(s[i:j]), start: base + i, end: base + j})
			i = j
		default:
			// Folding the typographic apostrophe and dashes here keeps the
			// patterns simple.
			t := s[i : i+n]
			l := t
			switch r {
			case '’', '‘', '`':
				l = "'"
			case '–', '—', '‐', '‑':
				l = "-"
			}
			out = append(out, word{text: t, lower: l, start: base + i, end: base + i + n})
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

// isCapitalised reports whether w begins with an upper-case letter.
func (w word) isCapitalised() bool {
	r, _ := utf8.DecodeRuneInString(w.text)
	return unicode.IsUpper(r)
}

// number returns the value of w when it is written in digits only.
func (w word) number() (int, bool) {
	if w.lower == "" || len(w.lower) > 4 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(w.lower); i++ {
		c := w.lower[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// dayOfMonth reads "3", "03", "3rd", "21st" as a day of the month.
func (w word) dayOfMonth() (int, bool) {
	s := w.lower
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf) {
			s = s[:len(s)-len(suf)]
			break
		}
	}
	if len(s) == 0 || len(s) > 2 {
		return 0, false
	}
	d, ok := word{lower: s}.number()
	if !ok || d < 1 || d > 31 {
		return 0, false
	}
	return d, true
}

// year reads a four-digit year between 1900 and 2099.
func (w word) year() (int, bool) {
	if len(w.lower) != 4 {
		return 0, false
	}
	y, ok := w.number()
	if !ok || y < 1900 || y > 2099 {
		return 0, false
	}
	return y, true
}
