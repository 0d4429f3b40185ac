package story

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FNV-1a constants, for hashing words without allocating.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// eachWord calls fn with the FNV-1a hash of every word of s, in order. A
// word is a run of letters and digits, lower-cased; everything else
// (spaces, punctuation, quotes and dashes of any style) separates words, so
// "Assad’s" and "Assad's" are both "assad", "s".
func eachWord(s string, fn func(h uint64)) {
	h := uint64(fnvOffset)
	in := false
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		if c < utf8.RuneSelf {
			r = rune(c)
			i++
			if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				h = (h ^ uint64(c)) * fnvPrime
				in = true
				continue
			}
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				r = unicode.ToLower(r)
				var buf [utf8.UTFMax]byte
				for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
					h = (h ^ uint64(b)) * fnvPrime
				}
				in = true
				continue
			}
		}
		if in {
			fn(h)
			h, in = fnvOffset, false
		}
	}
	if in {
		fn(h)
	}
}

// leadWords returns the distinct content words among the first n words of
// s: lower-cased, at least three characters, not all digits and not stop
// words, in order of first appearance.
func leadWords(s string, n int) []string {
	var out []string
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for count := 0; count < n; count++ {
		start := strings.IndexFunc(s, isWord)
		if start < 0 {
			break
		}
		s = s[start:]
		end := strings.IndexFunc(s, func(r rune) bool { return !isWord(r) })
		if end < 0 {
			end = len(s)
		}
		w := strings.ToLower(s[:end])
		s = s[end:]
		if utf8.RuneCountInString(w) < 3 || stopWords[w] || allDigits(w) || slices.Contains(out, w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

func allDigits(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// stopWords are English function words and the reporting vocabulary every
// news article uses ("said", "told", "according"), which say nothing about
// what happened. Words of fewer than three letters are dropped anyway.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		about above across after again against ago all almost along already also although always among
		and another any anyone anything are around because been before behind being below between both
		but can cannot could did does doing done down during each either else even ever every few for
		from further had has have having her here hers herself him himself his how however into its
		itself just last least less like many may might more most much must near neither never new
		next nor not now off once one only onto other others our ours out over own per perhaps rather
		said same say saying says see seen several she should since some still such than that the
		their theirs them themselves then there these they this those though through thus till too
		toward towards under until upon very was way were what whatever when where whether which while
		who whom whose why will with within without would yet you your yours
		according added adding announced asked called claimed comment comments confirmed continued
		day days described explained expected further including later latest made make makes making
		month months noted official officials percent reported reporters reports saw statement
		stated take taken takes tell telling think thought three today told tuesday wednesday thursday
		friday saturday sunday monday two week weeks year years yesterday
		january february march april june july august september october november december
		mrs
	`) {
		m[w] = true
	}
	return m
}()
