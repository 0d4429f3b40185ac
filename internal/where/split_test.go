package where_test

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
)

// split is a small sentence splitter for the tests: every line is a block,
// and a line breaks into sentences after ".", "?" or "!" (and any closing
// quotes) followed by a space and an upper-case letter or an opening quote.
// The first line is the headline.
func split(text string) []dyad.Sentence {
	var out []dyad.Sentence
	emit := func(s, e int) {
		for s < e && unicode.IsSpace(rune(text[s])) {
			s++
		}
		for e > s && unicode.IsSpace(rune(text[e-1])) {
			e--
		}
		if s < e {
			kind := dyad.KindBody
			if s == 0 {
				kind = dyad.KindHeadline
			}
			out = append(out, dyad.Sentence{Start: s, End: e, Text: text[s:e], Kind: kind})
		}
	}
	pos := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		start := pos
		for i := 0; i < len(line); {
			r, w := utf8.DecodeRuneInString(line[i:])
			i += w
			if r != '.' && r != '?' && r != '!' {
				continue
			}
			j := i
			for j < len(line) && strings.ContainsRune("\"'’”)", rune(line[j])) {
				j++
			}
			for j < len(line) && (line[j] == '"' || strings.HasPrefix(line[j:], "”") || strings.HasPrefix(line[j:], "’")) {
				_, w := utf8.DecodeRuneInString(line[j:])
				j += w
			}
			if j < len(line) && line[j] == ' ' {
				nr, _ := utf8.DecodeRuneInString(line[j+1:])
				if unicode.IsUpper(nr) || nr == '"' || nr == '“' || nr == '‘' {
					emit(start, pos+j)
					start = pos + j
				}
			}
		}
		pos += len(line)
		emit(start, pos)
	}
	return out
}
