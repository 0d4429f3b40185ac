package where

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The place finder reads each sentence with its own small scanner rather
// than the Universal Dependencies tokens: it needs hyphens inside words
// ("Raqqa-based", "Port-au-Prince") and possessives ("Syria's") as separate
// pieces, and abbreviations ("U.S.", "D.C.", "St.") whole, with byte offsets
// into the article text.

type tkind uint8

const (
	tWord   tkind = iota
	tHyphen       // a hyphen inside a word: "Raqqa-based"
	tPunct        // any other punctuation mark, dashes included
)

type token struct {
	start, end int    // byte offsets into the article text, possessive excluded
	text       string // as written, possessive excluded
	key        string // folded: see fold
	kind       tkind
	cap        bool // starts with an upper-case letter
	upper      bool // two or more letters, all upper case
	poss       bool // followed by a possessive 's
}

// isDash reports whether a punctuation token is a dash ("-", "–", "—", "--").
func (t *token) isDash() bool {
	if t.kind != tPunct {
		return false
	}
	switch t.text {
	case "-", "--", "–", "—", "―", "‒", "−":
		return true
	}
	return false
}

// abbrevDot are the words that keep a following full stop: "St. Louis".
var abbrevDot = set("st", "ste", "mt", "ft", "pt")

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// scan splits s, which starts at byte offset base of the article text, into
// tokens.
func scan(s string, base int) []token {
	var toks []token
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff':
			i += w
		case isWordRune(r):
			j := i + w
			dots := false
			for j < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += w2
					continue
				}
				nr, _ := utf8.DecodeRuneInString(s[j+w2:])
				if j+w2 < len(s) && isApostrophe(r2) && unicode.IsLetter(nr) {
					j += w2
					continue
				}
				// "U.S", "D.C": a full stop between single letters.
				if r2 == '.' && j+w2 < len(s) && unicode.IsUpper(nr) && segmentLen(s[i:j]) == 1 {
					j += w2
					dots = true
					continue
				}
				break
			}
			if j < len(s) && s[j] == '.' && (dots || abbrevDot[strings.ToLower(s[i:j])]) {
				j++
			}
			t := token{start: base + i, end: base + j, text: s[i:j], kind: tWord}
			// Possessive: "Syria's", "Syria’s".
			if n := len(t.text); n > 3 && (t.text[n-1] == 's' || t.text[n-1] == 'S') {
				pr, pw := utf8.DecodeLastRuneInString(t.text[:n-1])
				if isApostrophe(pr) {
					t.poss = true
					t.text = t.text[:n-1-pw]
					t.end = t.start + len(t.text)
				}
			}
			t.key = fold(t.text)
			t.cap, t.upper = caseOf(t.text)
			toks = append(toks, t)
			i = j
		case r == '-' && i > 0 && i+1 < len(s) && s[i+1] != '-':
			pr, _ := utf8.DecodeLastRuneInString(s[:i])
			nr, _ := utf8.DecodeRuneInString(s[i+1:])
			k := tPunct
			if isWordRune(pr) && isWordRune(nr) {
				k = tHyphen
			}
			toks = append(toks, token{start: base + i, end: base + i + 1, text: "-", key: "-", kind: k})
			i++
		case r == '-' && strings.HasPrefix(s[i:], "--"):
			toks = append(toks, token{start: base + i, end: base + i + 2, text: "--", key: "--", kind: tPunct})
			i += 2
		default:
			toks = append(toks, token{start: base + i, end: base + i + w, text: s[i : i+w], key: s[i : i+w], kind: tPunct})
			i += w
		}
	}
	return toks
}

// segmentLen counts the letters after the last full stop of s.
func segmentLen(s string) int {
	if k := strings.LastIndexByte(s, '.'); k >= 0 {
		s = s[k+1:]
	}
	return utf8.RuneCountInString(s)
}

func caseOf(s string) (capital, upper bool) {
	letters, uppers := 0, 0
	for i, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		if i == 0 && unicode.IsUpper(r) {
			capital = true
		}
		letters++
		if unicode.IsUpper(r) {
			uppers++
		}
	}
	return capital, letters >= 2 && uppers == letters
}

// fold is the matching form of a word: lower case, without diacritics or
// full stops, apostrophes as "'".
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c == '.' || 'A' <= c && c <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r) || r == '.':
		case isApostrophe(r):
			b.WriteByte('\'')
		default:
			switch r {
			case 'ß':
				b.WriteString("ss")
			case 'ø', 'Ø':
				b.WriteByte('o')
			case 'ł', 'Ł':
				b.WriteByte('l')
			case 'đ', 'Đ', 'ð', 'Ð':
				b.WriteByte('d')
			case 'æ', 'Æ':
				b.WriteString("ae")
			case 'œ', 'Œ':
				b.WriteString("oe")
			case 'ı':
				b.WriteByte('i')
			case 'þ', 'Þ':
				b.WriteString("th")
			default:
				b.WriteRune(unicode.ToLower(r))
			}
		}
	}
	return b.String()
}

// keyOf is the index key of a name: its words folded and joined by single
// spaces (hyphens and other punctuation dropped), and the number of words.
func keyOf(name string) (string, int) {
	if k, n, ok := simpleKey(name); ok {
		return k, n
	}
	toks := scan(name, 0)
	var b strings.Builder
	n := 0
	for _, t := range toks {
		if t.kind != tWord {
			continue
		}
		if n > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.key)
		if t.poss {
			b.WriteString("'s")
		}
		n++
	}
	return b.String(), n
}

// simpleKey is keyOf for the common plain-ASCII name of letters, spaces and
// hyphens; ok is false for any other name.
func simpleKey(name string) (string, int, bool) {
	b := make([]byte, 0, len(name))
	n := 0
	space := true
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == ' ' || c == '-':
			if !space {
				b = append(b, ' ')
				space = true
			}
			continue
		default:
			return "", 0, false
		}
		if space {
			n++
		}
		space = false
		b = append(b, c)
	}
	if len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return string(b), n, true
}
