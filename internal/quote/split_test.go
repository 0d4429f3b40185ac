package quote_test

import (
	"strings"

	"github.com/dyad-project/dyad"
)

// splitSentences is a stand-in for the segmenter: lines, cut after a full
// stop, question or exclamation mark (and a closing quotation mark) followed
// by a space and a capital or an opening quotation mark. The first line is
// the headline.
func splitSentences(text string) []dyad.Sentence {
	var out []dyad.Sentence
	add := func(a, b int) {
		for a < b && strings.ContainsRune(" \t", rune(text[a])) {
			a++
		}
		if a < b {
			kind := dyad.KindBody
			if len(out) == 0 {
				kind = dyad.KindHeadline
			}
			out = append(out, dyad.Sentence{Start: a, End: b, Text: text[a:b], Kind: kind})
		}
	}
	start := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			add(start, i)
			start = i + 1
		case '.', '?', '!':
			j := i + 1
			for j < len(text) && (text[j] == '"' || text[j] == '\'' || strings.HasPrefix(text[j:], "”") || strings.HasPrefix(text[j:], "’")) {
				if text[j] < 0x80 {
					j++
				} else {
					j += 3
				}
			}
			if j+1 < len(text) && text[j] == ' ' {
				c := text[j+1]
				if c >= 'A' && c <= 'Z' || c == '"' || c == '\'' || strings.HasPrefix(text[j+1:], "“") || strings.HasPrefix(text[j+1:], "‘") {
					add(start, j)
					start = j + 1
					i = j
				}
			}
		}
	}
	add(start, len(text))
	return out
}
