package validate

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/dict"
)

// forward is TABARI's story forwarding ("OPTION: FORWARD: pattern", ended
// by "FORWARD: ... OFF"): the records of one story ("FRWD-001-002", the
// second sentence of story FRWD-001) are coded in turn, and a subject
// pronoun of a sentence stands for the first actor named in the sentence
// before, with its actor's code alone (no agent): "Fornost President
// Umbardacil appealed ... / He asked Gondor" is FOR asking GON.
type forward struct {
	on bool
	// prevID is the ID of the record coded last; prevCode the code of the
	// first actor it names ("" for none).
	prevID, prevCode string
	// names maps an actor code to a name of the dictionaries that has it.
	names map[string]string
}

// option applies a FORWARD option's value ("^^*****NNN*SSS" or "... OFF").
func (f *forward) option(v string) {
	fs := strings.Fields(strings.ToUpper(v))
	f.on = len(fs) > 0 && fs[len(fs)-1] != "OFF"
	f.prevID, f.prevCode = "", ""
}

// storySeq splits a record ID into its story and its sentence number:
// "FRWD-001-002" is story "FRWD-001", sentence 2. ok is false when the ID
// does not end in a number after a "-".
func storySeq(id string) (story string, seq int, ok bool) {
	i := strings.LastIndexByte(id, '-')
	if i <= 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(id[i+1:])
	if err != nil {
		return "", 0, false
	}
	return id[:i], n, true
}

// follows reports whether record id is the sentence after the record coded
// last, in the same story.
func (f *forward) follows(id string) bool {
	ps, pn, ok1 := storySeq(f.prevID)
	s, n, ok2 := storySeq(id)
	return ok1 && ok2 && ps == s && n == pn+1
}

// subjectPronouns are the pronouns forwarding replaces.
var subjectPronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true}

// openers are words that open a sentence before its subject.
var openers = map[string]bool{"however": true, "in": true, "and": true, "but": true, "on": true, "at": true,
	"after": true, "later": true, "meanwhile": true, "also": true, "then": true, "earlier": true, "still": true,
	"yet": true, "moreover": true, "separately": true, "today": true, "yesterday": true}

// substitute returns text with its first subject pronoun replaced by name,
// when no word before it is capitalised but an opener (a name would be the
// subject then), and the byte span of name in it; ok is false when there
// is none.
func substitute(text, name string) (out string, start, end int, ok bool) {
	i := 0
	first := true
	for i < len(text) {
		for i < len(text) && !isWordByte(text[i]) {
			i++
		}
		j := i
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		if i == j {
			break
		}
		w := text[i:j]
		if subjectPronouns[strings.ToLower(w)] {
			return text[:i] + name + text[j:], i, i + len(name), true
		}
		if unicode.IsUpper(rune(w[0])) && !(first && openers[strings.ToLower(w)]) {
			return text, 0, 0, false // a name may be the subject
		}
		first = false
		i = j
	}
	return text, 0, 0, false
}

func isWordByte(b byte) bool {
	return b == '\'' || b == '-' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// firstNamed returns the code of the actor of the first mention of a that
// names it (not a pronoun or other coreference, nor a mention that begins
// in the span [skipStart, skipEnd) forwarding put in): its country's code
// when it has one, else its code.
func firstNamed(a *dyad.Analysis, skipStart, skipEnd int) string {
	best, code := -1, ""
	for _, ac := range a.Actors {
		for _, m := range ac.Mentions {
			if m.Via == dyad.ViaCoreference || (best >= 0 && m.Start >= best) ||
				(m.Start >= skipStart && m.Start < skipEnd) {
				continue
			}
			c := ac.Country
			if c == "" {
				c = ac.Code
			}
			if c != "" {
				best, code = m.Start, c
			}
		}
	}
	return code
}

// nameOf returns a name of the dictionaries d whose entry has code on date,
// or "" for none.
func (f *forward) nameOf(d *dict.Actors, code, date string) string {
	if f.names == nil {
		f.names = map[string]string{}
		for _, e := range d.Entries() {
			_, _, c := e.Codes(date)
			if c == "" || f.names[c] != "" {
				continue
			}
			for _, n := range e.Names {
				if n.Kind == dict.ActorAlias {
					f.names[c] = n.Text
					break
				}
			}
		}
	}
	return f.names[code]
}

// text returns the text a record is coded from: under forwarding, the
// record's text with its subject pronoun replaced by a name of the actor
// forwarded to it, and the span of that name (0, 0 for none).
func (f *forward) text(d *dict.Actors, rec Record, text string) (string, int, int) {
	if !f.on || f.prevCode == "" || !f.follows(rec.ID) {
		return text, 0, 0
	}
	// The actor alone, without its agents: "FORGOVPRS" is named by
	// "Fornost".
	name := ""
	for c := f.prevCode; name == "" && len(c) >= 3; c = c[:len(c)-3] {
		name = f.nameOf(d, c, rec.Date)
	}
	if name == "" {
		return text, 0, 0
	}
	out, start, end, ok := substitute(text, name)
	if !ok {
		return text, 0, 0
	}
	return out, start, end
}

// coded records what record rec, coded from text with the forwarded name
// at [start, end), forwards to the next.
func (f *forward) coded(rec Record, a *dyad.Analysis, start, end int) {
	if !f.on {
		return
	}
	f.prevID, f.prevCode = rec.ID, ""
	if a != nil {
		f.prevCode = firstNamed(a, start, end)
	}
}
