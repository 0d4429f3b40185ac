package score

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// This file reproduces score.py's norm and words. Both were checked
// character by character against Python 3.11: NFKC, lower() (including the
// final sigma rule and U+0130) and isspace() agree on every code point of
// Unicode 14.0. Python 3.11 predates Unicode 15.0, whose 62 new Cyrillic
// modifier letters (U+1E030-U+1E06D) golang.org/x/text's NFKC folds and
// Python 3.11's does not; Python 3.12 and later agree with Go there too.

// quoteFolder folds the curly quotes that score.py folds, after lowering.
var quoteFolder = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`)

// normValue is score.py's norm(s): `s or ""` (an error for a true value that
// is not a string), NFKC, lower case, folded quotes, stripped, without a
// leading "the" or "so-called", runs of white space made one space.
func normValue(v any) (string, error) {
	if !truthy(v) {
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("normalize() argument 2 must be str, not %s", typeName(v))
	}
	return normString(s), nil
}

func normString(s string) string {
	s = pyLower(norm.NFKC.String(s))
	s = quoteFolder.Replace(s)
	s = strings.TrimFunc(s, isSpace)
	// re.sub(r"^(the|so-called)\s+", "", s)
	for _, p := range []string{"the", "so-called"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			if t := strings.TrimLeftFunc(rest, isSpace); len(t) < len(rest) {
				s = t
				break
			}
		}
	}
	// re.sub(r"\s+", " ", s)
	if strings.IndexFunc(s, isSpace) < 0 {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// words is score.py's words(s, n): the first n matches of [a-z0-9']+ in
// norm(s), joined by single spaces.
func words(v any, n int) (string, error) {
	s, err := normValue(v)
	if err != nil {
		return "", err
	}
	var out []string
	start := -1
	for i := 0; i <= len(s) && len(out) < n; i++ {
		in := i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9' || s[i] == '\'')
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	return strings.Join(out, " "), nil
}

// isSpace is Python's str.isspace for one character (and what re's \s
// matches in a str pattern): Unicode white space plus the information
// separators U+001C to U+001F, which Go's unicode.IsSpace leaves out.
func isSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, ' ', 0x85, 0xa0, 0x1680,
		0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// pyLower is Python's str.lower: the simple lower-case mapping, except that
// U+0130 becomes "i\u0307" and a capital sigma becomes final where Python's
// handle_capital_sigma says so. Python decides finality by skipping
// case-ignorable characters before looking for a cased one, even where the
// skipped character is itself cased (a modifier letter such as U+02B0);
// golang.org/x/text/cases does not skip those, hence this function.
func pyLower(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 || 'A' <= r && r <= 'Z' }) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range rs {
		switch r {
		case 0x130:
			b.WriteString("i\u0307")
		case 0x3a3:
			if finalSigma(rs, i) {
				b.WriteRune(0x3c2)
			} else {
				b.WriteRune(0x3c3)
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma is CPython's handle_capital_sigma: the sigma at rs[i] follows a
// cased letter (skipping case-ignorable characters) and does not precede
// one.
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && caseIgnorable(rs[j]) {
		j--
	}
	final := j >= 0 && cased(rs[j])
	if final && i+1 < len(rs) {
		j = i + 1
		for j < len(rs) && caseIgnorable(rs[j]) {
			j++
		}
		final = j == len(rs) || !cased(rs[j])
	}
	return final
}

// cased is the Unicode Cased property: Lowercase, Uppercase or Lt.
func cased(r rune) bool {
	return unicode.In(r, unicode.Ll, unicode.Lu, unicode.Lt, unicode.Other_Lowercase, unicode.Other_Uppercase)
}

// caseIgnorable is the Unicode Case_Ignorable property: Mn, Me, Cf, Lm, Sk
// and the characters whose Word_Break is MidLetter, MidNumLet or
// Single_Quote (listed here, as package unicode has no Word_Break table).
func caseIgnorable(r rune) bool {
	switch r {
	case 0x27, 0x2e, 0x3a, 0xb7, 0x387, 0x55f, 0x5f4, 0x2018, 0x2019, 0x2024, 0x2027,
		0xfe13, 0xfe52, 0xfe55, 0xff07, 0xff0e, 0xff1a:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// pyUpper is Python's str.upper: the full upper-case mapping, with the
// expansions of SpecialCasing.txt (ß to SS). It has no context, and
// golang.org/x/text/cases for the undetermined language agrees with Python on
// every code point.
func pyUpper(s string) string {
	return cases.Upper(language.Und).String(s)
}
