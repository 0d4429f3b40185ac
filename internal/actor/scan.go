package actor

import (
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/dict"
)

// unit is one word of a sentence as the dictionaries match it.
type unit struct {
	dict.ActorWord
	key string    // the word with its spelling variant normalised
	ids [2]uint32 // its ids in the names and agents tries, 0 when absent
	tok int       // index of its token in the sentence
}

// itemKind classifies the words and phrases of a sentence.
type itemKind uint8

const (
	itOther   itemKind = iota
	itPunct            // punctuation other than a comma
	itComma            // a comma
	itAnd              // "and", "&"
	itOf               // "of"
	itDet              // "the", "a", "an", ...
	itPoss             // a possessive "'s" (or a bare "'" after a plural)
	itMod              // a modifier: "top", "former"
	itHonor            // an honorific: "Mr", "Mrs"
	itName             // a dictionary name
	itAgent            // a dictionary agent
	itCap              // a capitalised word that is not in the dictionaries
	itPron             // a pronoun
	itCountry          // "country", "nation": a description of a state
	itPair             // "two sides", "both countries"
	itKind             // "group", "alliance", "island": a kind of actor (kinddesc.go)
)

// item is a word or a matched phrase: units [i, j).
type item struct {
	kind   itemKind
	i, j   int
	refs   []int32 // itName: the name refs that matched
	agent  int32   // itAgent: the agent
	plural bool    // itAgent: matched in the plural; itPair: the noun
	word   string  // the first unit's key
}

// sentence is one sentence being read.
type sentence struct {
	idx     int // index in the article's sentences
	s       *dyad.Sentence
	units   []unit
	items   []item
	quoted  []bool // per unit: inside quotation marks
	allCaps bool
	title   bool // a headline in title case
	seq     int  // index among the sentences read
	// dateline holds the name refs of the places of the sentence's
	// dateline ("WARSAW, Poland (AP) -").
	dateline []int32
}

var dets = set(`the a an this that these those`)

// scan splits a sentence into units and items.
func (f *Finder) scan(st *sentence, text string) {
	s := st.s
	for ti, tok := range s.Tokens {
		n := len(st.units)
		var buf [4]dict.ActorWord
		txt := tok.Text
		if txt == "" && 0 <= tok.Start && tok.Start <= tok.End && tok.End <= len(text) {
			txt = text[tok.Start:tok.End]
		}
		for _, w := range dict.AppendActorWords(buf[:0], txt, tok.Start) {
			st.units = append(st.units, unit{ActorWord: w, tok: ti})
		}
		for k := n; k < len(st.units); k++ {
			u := &st.units[k]
			u.key = variant(u.Text)
			u.ids[0] = f.names.words[u.key]
			u.ids[1] = f.agents.words[u.key]
		}
	}
	st.allCaps, st.title = caseOf(st.units)
	if k := s.Kind; k != "" && k != dyad.KindHeadline {
		// Only a headline is written in title case: a body sentence
		// whose words of four letters or more are all names ("Kenyan
		// President Wilbur Rotich met Ethiopian Prime Minister ...") is
		// not one.
		st.title = false
	}
	st.quoted = quotedUnits(s, st.units)
	us := st.units
	dateline := 0
	if end := datelineEnd(s.Tokens); end > 0 {
		for dateline < len(us) && us[dateline].Start < end {
			dateline++
		}
	}
	for i := 0; i < len(us); {
		u := us[i]
		if i < dateline {
			// "MOSCOW, March 1 (Reuters) -": the dateline names where the
			// report was filed, not an actor of the story.
			if end, refs := f.matchName(st, i); end > i && end <= dateline {
				st.dateline = append(st.dateline, refs...)
			}
			st.items = append(st.items, item{kind: itOther, i: i, j: i + 1, word: u.key})
			i++
			continue
		}
		if u.Punct {
			k := itPunct
			switch u.Text {
			case ",":
				k = itComma
			case "'":
				// "rebels' positions": a possessive after a plural.
				if i > 0 && !us[i-1].Punct && us[i-1].End == u.Start && len(us[i-1].key) > 1 &&
					us[i-1].key[len(us[i-1].key)-1] == 's' && (i+1 == len(us) || us[i+1].Start > u.End) {
					k = itPoss
				}
			case "&":
				k = itAnd
			}
			st.items = append(st.items, item{kind: k, i: i, j: i + 1, word: u.Text})
			i++
			continue
		}
		nameEnd, refs := f.matchName(st, i)
		agentEnd, agent, plural := f.matchAgent(st, i)
		if agentEnd > i && agentEnd < nameEnd {
			// "Foreign Minister Abdullah bin Zayed": a title and a longer
			// name beat a name that swallows the title.
			if end2, _ := f.matchName(st, agentEnd); end2 > nameEnd {
				nameEnd = i
			}
		}
		switch {
		case nameEnd > i && nameEnd >= agentEnd:
			st.items = append(st.items, item{kind: itName, i: i, j: nameEnd, refs: refs, word: u.key})
			i = nameEnd
			continue
		case agentEnd > i:
			k := itAgent
			st.items = append(st.items, item{kind: k, i: i, j: agentEnd, agent: agent, plural: plural, word: u.key})
			i = agentEnd
			continue
		}
		it := item{kind: itOther, i: i, j: i + 1, word: u.key}
		switch {
		case u.key == "'s":
			it.kind = itPoss
		case u.key == "and":
			it.kind = itAnd
		case u.key == "of":
			it.kind = itOf
		case dets[u.key] && !(u.Upper && len(u.Text) > 1 && !st.allCaps):
			it.kind = itDet
		case (u.key == "two" || u.key == "both") && i+1 < len(us) && pairNouns[us[i+1].key]:
			it.kind, it.j = itPair, i+2
		case u.key == "country" || u.key == "nation":
			it.kind = itCountry
		case kindNouns[u.key] && (!u.Cap || st.title):
			it.kind = itKind
		case malePron[u.key] || femalePron[u.key] || pluralPron[u.key] || u.key == "its" || u.key == "whose" || u.key == "it":
			it.kind = itPron
		case maleTitles[u.key] || femaleTitles[u.key] || u.key == "dr":
			if u.Cap {
				it.kind = itHonor
			}
		case modifiers[u.key] && (!u.Cap || i == 0):
			it.kind = itMod
		case u.Cap && !st.title && !st.allCaps && isWord(u.Text) && !lowerFirst[u.key] && !particles[u.key]:
			it.kind = itCap
		case u.Cap && st.allCaps && isWord(u.Text) && !lowerFirst[u.key] && !particles[u.key]:
			it.kind = itOther
		}
		st.items = append(st.items, it)
		i = it.j
	}
}

// pairNouns follow "two" or "both" in a reference to two earlier actors.
var pairNouns = set(`sides countries nations powers leaders men governments parties ministers delegations
presidents states capitals rivals allies`)

func isWord(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	return true
}

// caseOf reports whether a sentence is written in capitals, or in title
// case (a headline: most longer words capitalised).
func caseOf(us []unit) (allCaps, title bool) {
	words, upper, caps, lower := 0, 0, 0, 0
	for _, u := range us {
		if u.Punct || len(u.Text) < 4 || !isWord(u.Text) {
			continue
		}
		words++
		switch {
		case u.Upper:
			upper++
		case u.Cap:
			caps++
		default:
			lower++
		}
	}
	if words < 3 {
		return false, false
	}
	allCaps = upper*10 >= words*8
	// A sentence full of names still has a verb or a noun in lower case; a
	// headline in title case has none.
	title = !allCaps && lower == 0 && caps >= 3
	return allCaps, title
}

// quotedUnits marks the units that lie inside quotation marks: between
// “ and ”, between straight double quotes, or between an opening single
// quote (before a word) and a closing one (after a word).
func quotedUnits(s *dyad.Sentence, us []unit) []bool {
	q := make([]bool, len(us))
	in := false
	for i, u := range us {
		if u.Punct {
			r, _ := utf8.DecodeRuneInString(s.Text[u.Start-s.Start:])
			switch r {
			case '“', '«':
				in = true
				continue
			case '”', '»':
				in = false
				continue
			case '"':
				in = !in
				continue
			case '‘', '\'', '’':
				opening := i+1 < len(us) && us[i+1].Start == u.End && (i == 0 || us[i-1].End < u.Start)
				closing := i > 0 && us[i-1].End == u.Start
				switch {
				case opening && !in:
					in = true
					continue
				case closing && in:
					in = false
					continue
				}
			}
		}
		q[i] = in
	}
	return q
}

// capsOK reports whether units [i, j) are written the way a name must be:
// each word capitalised (particles aside), and a short capitalised name in
// capitals.
func capsOK(st *sentence, i, j int, exact bool) bool {
	us := st.units
	if exact {
		return j == i+1 && us[i].Upper && !st.allCaps
	}
	words := 0
	for k := i; k < j; k++ {
		u := us[k]
		if u.Punct {
			continue
		}
		if particles[u.key] {
			continue
		}
		if !u.Cap {
			return false
		}
		words++
	}
	return words > 0
}

// matchName returns the end of the longest dictionary name at unit i that
// is written as a name, and its refs.
func (f *Finder) matchName(st *sentence, i int) (int, []int32) {
	best, bestRefs := i, []int32(nil)
	if st.units[i].ids[0] == 0 {
		return best, nil
	}
	afterDet := i > 0 && dets[st.units[i-1].key]
	match := f.names.match
	if f.peer {
		match = func(us []unit, i int, fn func(end int, vals []int32)) {
			f.names.matchGaps(us, i, 2, func(j int) (bool, bool) {
				u := us[j]
				if u.Punct {
					return u.Text != "," && u.Text != "." && u.Text != ";", false
				}
				return u.Text != "'s" && !verbTag(st, j), true
			}, fn)
		}
	}
	match(st.units, i, func(end int, vals []int32) {
		var ok []int32
		for _, v := range vals {
			r := f.nameRefs[v]
			if r.exact && verbTag(st, i) {
				continue // "IS" tagged as a verb
			}
			if afterDet && end == i+1 && f.entries[r.entry].Type == dict.ActorPerson {
				continue // "the Hague": a surname never follows an article
			}
			// The peers match names whatever their case ("ithilen
			// government radio"); acronyms keep their capitals.
			if capsOK(st, i, end, r.exact) || f.peer && !r.exact {
				ok = append(ok, v)
			}
		}
		if len(ok) > 0 {
			best, bestRefs = end, ok
		}
	})
	// A name never ends in a particle or starts with "the" alone.
	return best, bestRefs
}

// verbTag reports whether the tagger made the token of unit i a verb.
func verbTag(st *sentence, i int) bool {
	toks := st.s.Tokens
	t := st.units[i].tok
	return t < len(toks) && (toks[t].UPOS == "VERB" || toks[t].UPOS == "AUX")
}

// matchAgent returns the end of the longest agent at unit i.
func (f *Finder) matchAgent(st *sentence, i int) (int, int32, bool) {
	best, agent, plural := i, int32(-1), false
	if st.units[i].ids[1] == 0 {
		return best, agent, plural
	}
	f.agents.match(st.units, i, func(end int, vals []int32) {
		v := vals[len(vals)-1]
		best, agent, plural = end, v>>1, v&1 == 1 || f.pluralAgent[v>>1]
	})
	return best, agent, plural
}

// datelineEnd returns the byte offset just past the dateline that opens a
// sentence ("DAMASCUS -", "MOSCOW, March 1 (Reuters) -", "BEIRUT, Lebanon
// --"), separator included, or -1 when it opens with none. A dateline opens
// with a place in capitals and ends, within a few tokens, at a dash; between
// them come only commas, periods, capitalised words, numbers and an agency
// in parentheses.
func datelineEnd(toks []dyad.Token) int {
	if len(toks) < 2 || utf8.RuneCountInString(toks[0].Norm) < 3 || !allUpper(toks[0].Norm) {
		return -1
	}
	for i := 1; i < len(toks) && i < 14; i++ {
		w := toks[i].Norm
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case w == "-" || w == "--" || w == "\u2013" || w == "\u2014":
			return toks[i].End
		case w == "," || w == "(" || w == ")" || w == ".":
		case unicode.IsUpper(r) || unicode.IsDigit(r):
		default:
			return -1
		}
	}
	return -1
}

// allUpper reports whether s has letters and all of them are capitals.
func allUpper(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters = true
		}
	}
	return letters
}
