package parse

import (
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes of a template number and its atoms (word
// hashes, tag numbers, label numbers, small counts), built without
// allocating. Zero is never a feature, so it can mark an empty table slot.

const (
	mulA = 0x9E3779B97F4A7C15
	mulB = 0xBF58476D1CE4E5B9
	mulC = 0x94D049BB133111EB
)

// mix folds v into the running hash h.
func mix(h, v uint64) uint64 {
	h ^= v
	h *= mulB
	return h ^ h>>31
}

// fin finishes a hash so that its low bits are well spread, and never 0.
func fin(h uint64) uint64 {
	h ^= h >> 29
	h *= mulC
	h ^= h >> 32
	if h == 0 {
		h = 1
	}
	return h
}

func f1(t int, a uint64) uint64       { return fin(mix(uint64(t+1)*mulA, a)) }
func f2(t int, a, b uint64) uint64    { return fin(mix(mix(uint64(t+1)*mulA, a), b)) }
func f3(t int, a, b, c uint64) uint64 { return fin(mix(mix(mix(uint64(t+1)*mulA, a), b), c)) }
func f4(t int, a, b, c, d uint64) uint64 {
	return fin(mix(mix(mix(mix(uint64(t+1)*mulA, a), b), c), d))
}

// strHash hashes s (FNV-1a, then mixed).
func strHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return fin(h)
}

// Reserved atoms for positions outside the sentence and for the root.
const (
	atomNone = 0x6E6F6E65 // "none"
	atomRoot = 0x726F6F74 // "root"
)

// lower returns s in lower case; it does not allocate when s has no upper
// case letters.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return lowerSlow(s)
		}
	}
	return s
}

func lowerSlow(s string) string {
	b := make([]byte, 0, len(s))
	changed := false
	for _, r := range s {
		l := unicode.ToLower(r)
		if l != r {
			changed = true
		}
		b = utf8.AppendRune(b, l)
	}
	if !changed {
		return s
	}
	return string(b)
}

// suffix returns the last n runes of s (all of s when it is shorter).
func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// prefix returns the first n runes of s.
func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// shape maps a word to its character classes, collapsing runs: "Kerry" is
// "Xx", "250,000" is "d,d", "al-Assad" is "x-Xx", "U.S." is "X.X.".
func shape(s string) string {
	var buf [24]byte
	b := buf[:0]
	var last byte
	for _, r := range s {
		var c byte
		switch {
		case r >= 'a' && r <= 'z':
			c = 'x'
		case r >= 'A' && r <= 'Z':
			c = 'X'
		case r >= '0' && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = '*'
		}
		if c == last && (c == 'x' || c == 'X' || c == 'd' || c == '*') {
			continue
		}
		last = c
		if len(b) == cap(b) {
			break
		}
		b = append(b, c)
	}
	return string(b)
}

// Word-class flags, combined into one atom.
const (
	flagDigit = 1 << iota
	flagHyphen
	flagUpper     // has an upper-case letter
	flagAllUpper  // every letter is upper case, at least two letters
	flagInitUpper // first letter upper case
	flagAlpha     // has a letter
	flagPunctOnly // no letter or digit
	flagPeriod
	flagLong // more than 12 bytes
	flagURL  // looks like a URL, e-mail address or file name
)

func wordFlags(s string) uint64 {
	var f uint64
	letters, upper := 0, 0
	alnum := false
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
			alnum = true
			f |= flagAlpha
			if unicode.IsUpper(r) {
				upper++
				f |= flagUpper
				if i == 0 {
					f |= flagInitUpper
				}
			}
		case unicode.IsDigit(r):
			f |= flagDigit
			alnum = true
		case r == '-':
			f |= flagHyphen
		case r == '.':
			f |= flagPeriod
		}
	}
	if letters >= 2 && upper == letters {
		f |= flagAllUpper
	}
	if !alnum {
		f |= flagPunctOnly
	}
	if len(s) > 12 {
		f |= flagLong
	}
	if looksLikeURL(s) {
		f |= flagURL
	}
	return f
}

func looksLikeURL(s string) bool {
	if len(s) < 5 {
		return false
	}
	l := lower(s)
	if hasPrefix(l, "http:") || hasPrefix(l, "https:") || hasPrefix(l, "www.") {
		return true
	}
	at, dot := false, false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '@':
			at = i > 0
		case '.':
			dot = dot || (i > 0 && i < len(s)-2)
		}
	}
	if at && dot {
		return true
	}
	for _, tld := range [...]string{".com", ".org", ".net", ".gov", ".edu", ".htm", ".html", ".pdf", ".co.uk"} {
		if len(l) > len(tld) && l[len(l)-len(tld):] == tld {
			return true
		}
	}
	return false
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }
