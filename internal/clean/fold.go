package clean

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form the tagger and the dictionaries see: curly
// quotes and primes folded to ASCII quotes, the en dash to "-", the em dash
// and the horizontal bar to "--", the ellipsis to "...", Unicode spaces to
// " ", zero-width characters and soft hyphens removed, and compatibility
// characters that keep their meaning (full-width forms, ligatures, styled
// mathematical letters) folded by NFKC; every other rune is put in NFC.
//
// Fold is for matching only: offsets always point into the unfolded text.
// ASCII input is returned as is, without allocation.
func Fold(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	c := foldPool.Get().(transform.Transformer)
	out, _, err := transform.String(c, s)
	foldPool.Put(c)
	if err != nil {
		// The transformers never fail on their own; an error here can only
		// come from the transform package's buffer handling. Folding is an
		// aid to matching, so the unfolded text is the safe answer.
		return s
	}
	return out
}

// foldPool holds chains for Fold: a transform.Chain keeps buffers and is not
// safe for concurrent use.
var foldPool = sync.Pool{New: func() any { return NewFolder() }}

// NewFolder returns the chain of transformers that Fold applies, for callers
// that fold streams (transform.NewReader) rather than strings. The chain is
// not safe for concurrent use.
func NewFolder() transform.Transformer {
	return transform.Chain(ZeroWidth(), Spaces(), Quotes(), Dashes(), Ellipsis(), Compat())
}

// Quotes returns a transformer that folds curly, low and angle quotation
// marks and primes to the ASCII apostrophe and double quote.
func Quotes() transform.Transformer { return replacer(quoteRune) }

// Dashes returns a transformer that folds the en dash, the figure dash, the
// Unicode hyphens and the minus sign to "-", and the em dash and the
// horizontal bar to "--" (the Penn Treebank spelling of a dash).
func Dashes() transform.Transformer { return replacer(dashRune) }

// Ellipsis returns a transformer that spells the ellipsis character as three
// full stops.
func Ellipsis() transform.Transformer { return replacer(ellipsisRune) }

// Spaces returns a transformer that folds the no-break space and the other
// Unicode space characters to an ASCII space.
func Spaces() transform.Transformer { return replacer(spaceRune) }

// ZeroWidth returns a transformer that removes zero-width characters (zero
// width space, joiners, word joiner, byte order mark) and soft hyphens,
// which scraped news text carries invisibly inside words.
func ZeroWidth() transform.Transformer { return replacer(zeroWidthRune) }

// Compat returns a transformer that applies NFKC to the compatibility
// characters whose folding keeps their meaning (full-width and half-width
// forms, Latin ligatures, mathematical alphanumeric letters, small form
// variants) and NFC to everything else. Superscripts, fractions and unit
// symbols are left alone because NFKC would change what they say ("km²"
// would read "km2").
func Compat() transform.Transformer {
	// The final NFC composes across the boundaries of the runs runes.If
	// splits the text into: a half-width arrow folded by NFKC and the
	// combining mark after it, normalised in separate runs, would otherwise
	// compose only on a second pass, and Fold must be idempotent.
	return transform.Chain(runes.If(runes.Predicate(compatSafe), norm.NFKC, norm.NFC), norm.NFC)
}

// compatSafe reports whether NFKC may fold r without changing its meaning.
func compatSafe(r rune) bool {
	switch {
	case r >= 0xFF01 && r <= 0xFFEE: // full-width and half-width forms
		return true
	case r >= 0xFB00 && r <= 0xFB06: // Latin ligatures ff, fi, fl, ffi, ffl, st
		return true
	case r >= 0xFE50 && r <= 0xFE6B: // small form variants
		return true
	case r >= 0x1D400 && r <= 0x1D7FF: // mathematical alphanumeric symbols
		return true
	}
	return false
}

func quoteRune(r rune) (string, bool) {
	switch r {
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u2035', '\u02BC', '\u2039', '\u203A', '\uFF07':
		return "'", true
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u2036', '\u00AB', '\u00BB', '\uFF02':
		return `"`, true
	}
	return "", false
}

func dashRune(r rune) (string, bool) {
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\uFE63', '\uFF0D':
		return "-", true
	case '\u2014', '\u2015', '\u2E3A', '\u2E3B':
		return "--", true
	}
	return "", false
}

func ellipsisRune(r rune) (string, bool) {
	if r == '\u2026' {
		return "...", true
	}
	return "", false
}

func spaceRune(r rune) (string, bool) {
	if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
		return "", false
	}
	if r == '\u00A0' || r == '\u202F' || r == '\u205F' || r == '\u3000' || r == '\u1680' || (r >= '\u2000' && r <= '\u200A') {
		return " ", true
	}
	return "", false
}

func zeroWidthRune(r rune) (string, bool) {
	if isZeroWidth(r) {
		return "", true
	}
	return "", false
}

// isZeroWidth reports whether r is an invisible character that scraped text
// carries inside or between words.
func isZeroWidth(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD':
		return true
	}
	return false
}

// IsSpace reports whether r separates words: Unicode white space (which
// includes the no-break space) and the zero-width space, word joiner and byte
// order mark. Segmentation uses the same definition, so a line that is blank
// here never yields a sentence there.
func IsSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
	}
	return unicode.IsSpace(r) || r == '\u200B' || r == '\u2060' || r == '\uFEFF'
}

// replacer is a transformer that replaces single runes by strings, as told by
// a mapping function; runes it does not map and ill-formed bytes pass through
// unchanged.
type replacer func(r rune) (string, bool)

// Reset implements transform.Transformer; a replacer has no state.
func (replacer) Reset() {}

// Transform implements transform.Transformer.
func (m replacer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		if c < utf8.RuneSelf {
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = c
			nDst++
			nSrc++
			continue
		}
		r, size := utf8.DecodeRune(src[nSrc:])
		if r == utf8.RuneError && size == 1 && !atEOF && !utf8.FullRune(src[nSrc:]) {
			return nDst, nSrc, transform.ErrShortSrc
		}
		out, ok := "", false
		if !(r == utf8.RuneError && size == 1) {
			out, ok = m(r)
		}
		if !ok {
			if nDst+size > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			copy(dst[nDst:], src[nSrc:nSrc+size])
			nDst += size
			nSrc += size
			continue
		}
		if nDst+len(out) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		copy(dst[nDst:], out)
		nDst += len(out)
		nSrc += size
	}
	return nDst, nSrc, nil
}
