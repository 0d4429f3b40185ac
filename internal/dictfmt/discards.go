package dictfmt

import (
	"io"
	"strings"
	"unicode"
)

// Discards is a list of discard phrases: a sentence that contains one is
// not coded (sports, entertainment, "years later"), and a story-level
// discard drops the whole story.
type Discards struct {
	list []discard
}

// discard is one phrase.
type discard struct {
	text  string   // as written, for reports
	words []string // lower case
	story bool     // drops the whole story
	exact bool     // the last word must end there ("_"), else it is a stem
}

// Len returns the number of phrases.
func (d *Discards) Len() int {
	if d == nil {
		return 0
	}
	return len(d.list)
}

// Match returns the first discard phrase found in text, matched word by word
// without regard to case; the last word of a phrase is a stem unless the
// phrase ended in "_". story says whether it drops the whole story.
func (d *Discards) Match(text string) (phrase string, story, ok bool) {
	if d == nil || len(d.list) == 0 {
		return "", false, false
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	for _, x := range d.list {
		for i := 0; i+len(x.words) <= len(words); i++ {
			if x.matchAt(words[i:]) {
				return x.text, x.story, true
			}
		}
	}
	return "", false, false
}

func (x discard) matchAt(ws []string) bool {
	last := len(x.words) - 1
	for j, w := range x.words {
		if j == last && !x.exact {
			if !strings.HasPrefix(ws[j], w) {
				return false
			}
			continue
		}
		if ws[j] != w {
			return false
		}
	}
	return true
}

// newDiscard splits a phrase into words; it returns false for a phrase
// without words.
func newDiscard(text string, story bool) (discard, bool) {
	t := strings.TrimSpace(text)
	exact := strings.HasSuffix(t, "_")
	words := strings.FieldsFunc(strings.ToLower(t), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	if len(words) == 0 {
		return discard{}, false
	}
	return discard{text: phraseText(t), words: words, story: story, exact: exact}, true
}

// ReadPetrarchDiscards reads a PETRARCH discard file: one phrase a line,
// "+" first for a story-level discard, "#" comments.
func ReadPetrarchDiscards(name string, r io.Reader) (*Discards, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	w := &writer{file: name}
	d := &Discards{}
	for i, raw := range lines {
		t := strings.TrimSpace(cutComment(raw, "#"))
		if t == "" || strings.HasPrefix(t, "<!--") {
			continue
		}
		story := strings.HasPrefix(t, "+")
		x, ok := newDiscard(strings.TrimPrefix(t, "+"), story)
		if !ok {
			w.errorf(i+1, "discard without a word: %q", t)
			continue
		}
		d.list = append(d.list, x)
	}
	return d, w.errs.Err()
}

// ReadTabariDiscards reads the discards of a TABARI verb dictionary: the
// root phrases coded [###] ("SOCCER [###]"). Patterns coded [###] are not
// read: they describe words around a verb, not a phrase. Bad lines are
// reported by ReadTabariVerbs, not here.
func ReadTabariDiscards(name string, r io.Reader) (*Discards, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	d := &Discards{}
	section := ""
	for _, raw := range lines {
		t := strings.TrimSpace(cutComment(raw, ";"))
		if strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">") && !strings.Contains(t, "[") {
			section = strings.ToUpper(strings.Trim(t, "<>/"))
			if strings.HasPrefix(t, "</") {
				section = ""
			}
			continue
		}
		if section != "" || strings.HasPrefix(t, "-") || !strings.HasSuffix(t, "[###]") {
			continue
		}
		phrase := strings.TrimSpace(strings.TrimSuffix(t, "[###]"))
		if i := strings.IndexByte(phrase, '{'); i >= 0 {
			phrase = phrase[:i]
		}
		if x, ok := newDiscard(phrase, false); ok {
			d.list = append(d.list, x)
		}
	}
	return d, nil
}
