package actor

import (
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/dict"
)

// unknownSeen is one sighting of a name the dictionaries lack.
type unknownSeen struct {
	text    string
	context string
	typ     string
	code    string
}

// Unknown is a name that the dictionaries lack, gathered over articles:
// candidates for a user's dictionary.
type Unknown struct {
	Text     string   // the name as first written
	Type     string   // person or organisation, a guess
	Count    int      // how many times it was seen
	Contexts []string // up to three sentences it was seen in
	// Suggest is a dictionary entry ready to paste into a user dictionary,
	// with the code its title gave it when there was one.
	Suggest string
}

// seeUnknown records a name the dictionaries lack, with the code its
// context gave it ("" for none).
func (a *article) seeUnknown(p *pm, code string) {
	name := p.name
	words := dictWords(name)
	if len(words) == 0 {
		return
	}
	typ := dyad.TypePerson
	last := words[len(words)-1]
	switch {
	case placeHeads[last] || len(strings.Join(words, "")) < 2:
		return // "Aegean Sea", "(R)"
	case p.i > 0 && locatives[p.st.units[p.i-1].key]:
		return // "in Geneva": a place
	case p.kind == pmUnknownOrg || orgHeads[last]:
		typ = dyad.TypeOrganisation
	case p.kind == pmCapRef && len(words) == 1:
		// A lone capitalised word: a candidate only when it is not the
		// first word of its sentence.
		if p.i == 0 || p.st.units[p.i-1].Punct && p.i == 1 {
			return
		}
	}
	a.unknowns = append(a.unknowns, unknownSeen{text: name, context: p.st.s.Text, typ: typ, code: code})
}

// placeHeads end the names of places, which are no actors.
var placeHeads = set(`sea ocean river mountains mountain valley island islands province district region
street square road bridge airport lake gulf desert peninsula bay strait coast city county state`)

// Unknowns gathers the names that the dictionaries lack from the results of
// Find, most frequent first, each with up to three contexts and a suggested
// dictionary entry (`dyad actors --unknown` prints them).
func Unknowns(results ...*Result) []Unknown {
	byKey := map[string]*Unknown{}
	codes := map[string]map[string]int{}
	var keys []string
	for _, r := range results {
		if r == nil {
			continue
		}
		for _, u := range r.unknowns {
			k := nameKey(u.text)
			x, ok := byKey[k]
			if !ok {
				x = &Unknown{Text: u.text, Type: u.typ}
				byKey[k] = x
				codes[k] = map[string]int{}
				keys = append(keys, k)
			}
			x.Count++
			if len(x.Contexts) < 3 && !contains(x.Contexts, u.context) {
				x.Contexts = append(x.Contexts, u.context)
			}
			if u.code != "" {
				codes[k][u.code]++
			}
		}
	}
	out := make([]Unknown, 0, len(keys))
	for _, k := range keys {
		x := byKey[k]
		code, n := "", 0
		for c, m := range codes[k] {
			if m > n || (m == n && c < code) {
				code, n = c, m
			}
		}
		var b strings.Builder
		b.WriteString(x.Type + " " + x.Text + "\n")
		if code != "" {
			b.WriteString("\tcode " + code + "\n")
		}
		x.Suggest = b.String()
		out = append(out, *x)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Text < out[j].Text
	})
	return out
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func itoa(n int) string { return strconv.Itoa(n) }

// agentCodeOf returns the code of a group of no nationality: its own code
// when the group came from an agent alone ("g:" keys), else "".
func (f *Finder) agentCodeOf(s *actorState) string {
	if strings.HasPrefix(s.key, "g:") {
		return s.code
	}
	return ""
}

// stateOf returns the state entry of a country, or -1.
func (f *Finder) stateOf(country string) int32 {
	if ei, ok := f.states[country]; ok {
		return ei
	}
	return -1
}

// indexStates maps each country to its state entry: the one whose latest
// code is the bare country code.
func (f *Finder) indexStates() {
	f.states = map[string]int32{}
	for ei, e := range f.entries {
		if e.Type != dict.ActorState {
			continue
		}
		c, _, _ := e.Codes("")
		if c != "" {
			f.states[c] = int32(ei)
		}
	}
}
