package dictfmt

import (
	"io"
	"regexp"
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
	// from and until (YYYY-MM-DD, "" for no limit) bound the dates of the
	// texts the phrase discards: from inclusive, until exclusive.
	from, until string
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
	return d.MatchOn(text, "")
}

// MatchOn is Match for a text of the date day (YYYY-MM-DD): a phrase that
// discards only in some dates ("USSR [USR <911226] [###]", after 26
// December 1991) is matched only in them. With day "", every phrase is.
func (d *Discards) MatchOn(text, day string) (phrase string, story, ok bool) {
	if d == nil || len(d.list) == 0 {
		return "", false, false
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	for _, x := range d.list {
		if day != "" && (x.from != "" && day < x.from || x.until != "" && day >= x.until) {
			continue
		}
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
	return readTabariDiscards(r, false)
}

// ReadTabariActorDiscards reads the discards of a TABARI actor dictionary:
// the actors coded [###] ("NASGUL [###]"), and those coded [+++], whose
// sentences TABARI marks too complex to code, so it does not code them
// either. Bad lines are reported by ReadTabariActors, not here.
func ReadTabariActorDiscards(name string, r io.Reader) (*Discards, error) {
	return readTabariDiscards(r, true)
}

func readTabariDiscards(r io.Reader, actors bool) (*Discards, error) {
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
		if section != "" && section != "TIME" || strings.HasPrefix(t, "-") {
			continue
		}
		i := strings.IndexByte(t, '[')
		if i < 0 {
			continue
		}
		phrase := t[:i]
		if j := strings.IndexByte(phrase, '{'); j >= 0 {
			phrase = phrase[:j]
		}
		// [+++] (too complex to code) discards too in actor files and
		// among TABARI's time phrases, not for verbs.
		complexToo := actors || section == "TIME"
		for _, span := range discardSpans(t[i:], complexToo) {
			if x, ok := newDiscard(phrase, false); ok {
				x.from, x.until = span[0], span[1]
				d.list = append(d.list, x)
			}
		}
	}
	return d, nil
}

var datedCodeRE = regexp.MustCompile(`\[\s*([^\]<>]*?)\s*(?:([<>])\s*(\d{6}|\d{8}))?\s*\]`)

// discardSpans returns the date ranges ([from, until), YYYY-MM-DD, ""
// for no limit) in which a TABARI code list discards: "[###]" always;
// "[USR <911226] [###]" from 1991-12-26; "[### <890101] [ENT]" until
// 1989-01-01. With complexToo, "+++" discards like "###".
func discardSpans(codes string, complexToo bool) [][2]string {
	var out [][2]string
	prev := ""
	for _, m := range datedCodeRE.FindAllStringSubmatch(codes, -1) {
		code, op, date := strings.ReplaceAll(m[1], " ", ""), m[2], tabariDate(m[3])
		discards := code == "###" || complexToo && code == "+++"
		switch op {
		case "<":
			if discards {
				out = append(out, [2]string{prev, date})
			}
			prev = date
		case ">":
			if discards {
				out = append(out, [2]string{date, ""})
			}
		default:
			if discards {
				out = append(out, [2]string{prev, ""})
			}
		}
	}
	return out
}

// tabariDate returns a TABARI date, YYMMDD or YYYYMMDD, as YYYY-MM-DD; a
// two-digit year below 30 is in the 2000s.
func tabariDate(s string) string {
	switch len(s) {
	case 6:
		century := "19"
		if s[:2] < "30" {
			century = "20"
		}
		return century + s[:2] + "-" + s[2:4] + "-" + s[4:]
	case 8:
		return s[:4] + "-" + s[4:6] + "-" + s[6:]
	}
	return ""
}
