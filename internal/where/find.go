package where

import (
	"math"
	"strings"
	"unicode"

	"github.com/dyad-project/dyad"
)

// level is how strongly a name's surroundings say it is a place.
type level uint8

const (
	levelNone        level = iota // a bare name: "Moscow says"
	levelDirectional              // "to Latakia", "from Moscow", "visited Riyadh"
	levelLocative                 // "in Belgrade", "near Aleppo", "outskirts of Homs"
	levelStrong                   // dateline, "Moscow, Russia", "Syria's Latakia", "Raqqa-based", "Latakia airbase"
)

// span is a run of tokens that matches one or more gazetteer names.
type span struct {
	sent     int // index into the sentences
	i, j     int // first and last token
	posts    []int32
	level    level
	dateline bool
	// constraint is the country a qualifier ("Moscow, Russia", "Syria's
	// Latakia", "the Syrian city of Aleppo") puts the place in, or -1;
	// admin1 likewise narrows it to a region.
	constraint int
	admin1     int32
	wantRegion bool // "Aleppo province"
	sawThe     bool // "the" stands between the preposition and the name
	qualifier  bool // this span qualifies another and is not a place itself
}

// doc is the article-wide state of one Find call.
type doc struct {
	g     *Gazetteer
	text  string
	toks  [][]token // per sentence
	spans [][]span
	// ctx holds the countries the article mentions by name or demonym.
	ctx map[uint16]bool
	// surnames holds the folded words the article uses as the last word of a
	// multi-word proper name ("Philip Hammond"), or after a title
	// ("Secretary Kerry").
	surnames map[string]bool
}

// Find returns the places named in text, in text order. sents are the
// article's sentences (only their Start, End and Kind are used;
// boilerplate sentences are skipped); with no sentences the whole text is
// read as one. Every place carries the index of its sentence and the byte
// offsets of its name, so that a caller can attach to an event the place
// nearest to it in the same sentence (see Nearest).
func (g *Gazetteer) Find(text string, sents []dyad.Sentence) []dyad.Place {
	if len(sents) == 0 {
		if text == "" {
			return nil
		}
		sents = []dyad.Sentence{{Start: 0, End: len(text), Kind: dyad.KindBody}}
	}
	d := &doc{g: g, text: text, ctx: map[uint16]bool{}, surnames: map[string]bool{}}
	d.toks = make([][]token, len(sents))
	d.spans = make([][]span, len(sents))
	for si, s := range sents {
		if s.Kind == dyad.KindBoilerplate || s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		d.toks[si] = scan(text[s.Start:s.End], s.Start)
		d.spans[si] = d.match(si)
	}
	for si := range sents {
		d.gatherContext(si)
	}
	var out []dyad.Place
	for si := range sents {
		out = append(out, d.resolveSentence(si)...)
	}
	sortPlaces(out)
	return out
}

// headlineCase reports whether a sentence is mostly capitalised words (a
// headline in title case or capitals), where capitalisation says nothing
// about names.
func headlineCase(toks []token) (title, caps bool) {
	words, capped, upper := 0, 0, 0
	for i := range toks {
		t := &toks[i]
		if t.kind != tWord || !hasLetter(t.text) {
			continue
		}
		words++
		if t.cap {
			capped++
		}
		if t.upper {
			upper++
		}
	}
	if words < 3 {
		return false, false
	}
	return capped*10 >= words*7, upper*10 >= words*7
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 0x7f {
			return true
		}
	}
	return false
}

// match finds the gazetteer names in sentence si, longest first.
func (d *doc) match(si int) []span {
	toks := d.toks[si]
	_, allCaps := headlineCase(toks)
	// Capitals are read as names at the start of a sentence (a dateline)
	// and in a headline set in capitals.
	capsUntil := 0
	if !allCaps {
		for capsUntil < len(toks) && toks[capsUntil].kind == tWord && toks[capsUntil].upper {
			capsUntil++
		}
		// Only in the shape of a dateline: "MOSCOW (Reuters) -", "BEIRUT, Lebanon".
		if capsUntil < len(toks) {
			if t := &toks[capsUntil]; !(t.text == "," || t.text == "(" || t.isDash()) {
				capsUntil = 0
			}
		}
	}
	var spans []span
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.kind != tWord || !t.cap {
			continue
		}
		if code, ok := abbreviations[t.text]; ok {
			if ei, ok := d.g.codeEntry(code); ok {
				spans = append(spans, span{sent: si, i: i, j: i, posts: []int32{ei}, constraint: -1, admin1: -1})
				continue
			}
		}
		if t.upper && !allCaps && i >= capsUntil {
			continue // an acronym: "OSCE", "DAESH"
		}
		if j, posts := d.longest(toks, i); j >= 0 {
			spans = append(spans, span{sent: si, i: i, j: j, posts: posts, constraint: -1, admin1: -1})
			i = j
		}
	}
	return spans
}

// longest returns the last token and postings of the longest name starting
// at token i, or -1.
func (d *doc) longest(toks []token, i int) (int, []int32) {
	// Collect the candidate word positions: words joined by single hyphens.
	words := []int{i}
	for k := i + 1; k < len(toks) && len(words) < d.g.maxWords; k++ {
		t := &toks[k]
		if t.kind == tHyphen {
			continue
		}
		if t.kind != tWord || toks[k-1].poss {
			break
		}
		words = append(words, k)
	}
	var b strings.Builder
	for n := len(words); n >= 1; n-- {
		last := &toks[words[n-1]]
		if n > 1 && !last.cap && !hasDigitOnly(last.text) {
			continue // names end with a capitalised word
		}
		b.Reset()
		for m := 0; m < n; m++ {
			if m > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(toks[words[m]].key)
		}
		k := b.String()
		if last.poss {
			if posts, ok := d.g.lookupKey(k + "'s"); ok {
				return words[n-1], posts
			}
		}
		if posts, ok := d.g.lookupKey(k); ok {
			return words[n-1], posts
		}
	}
	return -1, nil
}

func hasDigitOnly(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// gatherContext records the countries sentence si names (by name,
// abbreviation or demonym) and the words it uses as surnames.
func (d *doc) gatherContext(si int) {
	toks := d.toks[si]
	for _, sp := range d.spans[si] {
		for _, p := range sp.posts {
			if p >= 0 && d.g.entries[p].kind == kindCountry && !notPlacesEver[toks[sp.i].key] {
				d.ctx[d.g.entries[p].country] = true
			}
		}
	}
	for k := range toks {
		t := &toks[k]
		if t.kind == tWord && t.cap {
			if iso3, ok := demonyms[t.key]; ok {
				if ci, ok := d.g.byCode[iso3]; ok {
					d.ctx[uint16(ci)] = true
				}
			}
		}
	}
	if title, _ := headlineCase(toks); title {
		return
	}
	// Runs of capitalised words (with name particles such as "al" or "bin")
	// that are not one gazetteer name: the last word is a surname.
	inSpan := make([]bool, len(toks))
	for _, sp := range d.spans[si] {
		for k := sp.i; k <= sp.j; k++ {
			inSpan[k] = true
		}
	}
	for k := 0; k < len(toks); {
		if !d.nameWord(toks, k) {
			k++
			continue
		}
		start := k
		if k == 0 || k > 0 && toks[k-1].isDash() {
			// A sentence-initial function word ("In", "After") starts no name.
			for start < len(toks) && d.nameWord(toks, start) && lowerFunctionWords[toks[start].key] {
				start++
			}
		}
		end := start
		words := 0
		for end < len(toks) {
			t := &toks[end]
			if d.nameWord(toks, end) {
				words++
				if t.poss {
					end++
					break
				}
				end++
				continue
			}
			if t.kind == tHyphen || t.kind == tWord && nameParticles[t.key] && end+1 < len(toks) && d.nameWord(toks, end+1) {
				end++
				continue
			}
			break
		}
		if end <= start {
			k = max(k+1, end)
			continue
		}
		last := end - 1
		for last > start && toks[last].kind != tWord {
			last--
		}
		allSpan := true
		for m := start; m <= last; m++ {
			if toks[m].kind == tWord && !inSpan[m] {
				allSpan = false
			}
		}
		if words >= 2 && !allSpan && !d.bigPlace(toks, last) {
			first := &toks[start]
			lt := &toks[last]
			if !calendarWords[lt.key] && !placeNouns[lt.key] && !(titles[lt.key] && !titles[first.key]) {
				d.surnames[lt.key] = true
			}
		}
		k = end
	}
}

// nameParticles may stand inside a person's name: "Bashar al Assad".
var nameParticles = set("al", "el", "bin", "ibn", "abu", "de", "da", "di", "du", "van", "von", "der", "la", "le", "ul")

// nameWord reports whether token k is a capitalised word that may belong to
// a proper name.
func (d *doc) nameWord(toks []token, k int) bool {
	t := &toks[k]
	return t.kind == tWord && t.cap && !t.upper && hasLetter(t.text)
}

// bigPlace reports whether token k alone names a country or a capital or a
// city of a million people: such a word is never taken for a surname.
func (d *doc) bigPlace(toks []token, k int) bool {
	posts, _ := d.g.lookupKey(toks[k].key)
	for _, p := range posts {
		if p < 0 {
			continue
		}
		e := &d.g.entries[p]
		if e.kind == kindCountry || e.kind == kindCity && (e.feature == "PPLC" || e.pop >= 1_000_000) {
			return true
		}
	}
	return false
}

// resolveSentence classifies the spans of sentence si and returns the
// places among them.
func (d *doc) resolveSentence(si int) []dyad.Place {
	toks := d.toks[si]
	spans := d.spans[si]
	if len(spans) == 0 {
		return nil
	}
	title, _ := headlineCase(toks)
	if len(spans) > 0 && spans[0].i == 0 && d.isDateline(toks, &spans[0]) {
		spans[0].level, spans[0].dateline = levelStrong, true
	}
	for k := range spans {
		d.qualify(toks, spans, k)
	}
	var out []dyad.Place
	prev := -1 // the last accepted span, for lists: "in Yemen, Libya and Ukraine"
	for k := range spans {
		sp := &spans[k]
		if sp.qualifier {
			continue
		}
		if !sp.dateline {
			if l := d.contextLevel(toks, sp, title); l > sp.level {
				sp.level = l
			}
			if prev >= 0 && spans[prev].level > sp.level && listBetween(toks, spans[prev].j, sp.i) && !modifier(toks, sp) {
				sp.level = spans[prev].level
			}
		}
		ei, ok := d.accept(toks, sp, title)
		if !ok {
			continue
		}
		prev = k
		p := d.g.place(ei)
		first, last := &toks[sp.i], &toks[sp.j]
		p.Start, p.End = first.start, last.end
		p.Text = d.text[p.Start:p.End]
		p.Sentence = si
		out = append(out, p)
	}
	return out
}

// modifier reports whether the word after span sp is a lower-case content
// word, making the name a modifier ("US officials") rather than a place.
func modifier(toks []token, sp *span) bool {
	n := sp.j + 1
	if n >= len(toks) || toks[sp.j].poss {
		return false
	}
	t := &toks[n]
	return t.kind == tWord && !t.cap && !lowerFunctionWords[t.key] && !modifierExempt[t.key] &&
		!eventNouns[t.key] && !hasDigitOnly(t.text) && !placeNouns[t.key]
}

// listBetween reports whether only commas, "and", "or" and "the" separate
// token a from token b.
func listBetween(toks []token, a, b int) bool {
	if b <= a+1 {
		return false
	}
	for k := a + 1; k < b; k++ {
		switch toks[k].key {
		case ",", "and", "or", "the":
		default:
			return false
		}
	}
	return true
}

// isDateline reports whether the sentence opens with a dateline at span
// sp: "DAMASCUS –", "MOSCOW (Reuters) -", "BEIRUT, Lebanon —",
// "WASHINGTON, Dec 3 (Reuters) -".
func (d *doc) isDateline(toks []token, sp *span) bool {
	caps := true
	for k := sp.i; k <= sp.j; k++ {
		if toks[k].kind == tWord && !toks[k].upper {
			caps = false
		}
	}
	// After the name: optionally ", Qualifier" or ", Dec 3", then
	// optionally "(Agency)", then a dash.
	k := sp.j + 1
	if k < len(toks) && toks[k].text == "," {
		k++
		words := 0
		for k < len(toks) && words < 4 && toks[k].kind == tWord && (toks[k].cap || hasDigitOnly(toks[k].text)) {
			k++
			words++
			if k < len(toks) && (toks[k].text == "," || toks[k].text == ".") {
				k++
			}
		}
		if words == 0 {
			return false
		}
	}
	paren := false
	if k < len(toks) && toks[k].text == "(" {
		m := k + 1
		for m < len(toks) && m <= k+5 && toks[m].text != ")" {
			m++
		}
		if m >= len(toks) || toks[m].text != ")" {
			return false
		}
		paren = true
		k = m + 1
	}
	if k >= len(toks) || !(toks[k].isDash() || toks[k].text == ":" && caps) {
		return false
	}
	return caps || paren
}

// qualify looks for a country or region qualifying span k or qualified by
// it: "Moscow, Russia", "Washington, D.C.", "Syria's Latakia",
// "Saudi Arabia's capital Riyadh", "the Syrian city of Aleppo".
func (d *doc) qualify(toks []token, spans []span, k int) {
	sp := &spans[k]
	// "X, Country" and "X Region" (no comma).
	if k+1 < len(spans) {
		nx := &spans[k+1]
		if nx.i == sp.j+2 && toks[sp.j+1].text == "," || nx.i == sp.j+1 && !toks[sp.j].poss {
			if ci, ai, ok := d.qualifierOf(nx, sp); ok {
				sp.constraint, sp.admin1 = ci, ai
				if sp.level < levelStrong {
					sp.level = levelStrong
				}
				nx.qualifier = true
			}
		}
	}
	// "X, Calif.", "X, MD".
	if n := sp.j + 2; sp.constraint < 0 && n < len(toks) && toks[sp.j+1].text == "," && toks[n].kind == tWord {
		if key, ok := stateQualifiers[strings.TrimSuffix(toks[n].text, ".")]; ok {
			if ai, ok := d.g.adminKey[key]; ok {
				for _, p := range sp.posts {
					if e := &d.g.entries[decode(p)]; e.kind == kindCity && e.admin1 == ai {
						sp.constraint, sp.admin1, sp.level = int(e.country), ai, levelStrong
						break
					}
				}
			}
		}
	}
	// "Country's [capital|city of|...] X".
	if toks[sp.j].poss && k+1 < len(spans) {
		nx := &spans[k+1]
		between := true
		for m := sp.j + 1; m < nx.i; m++ {
			if !qualifiedNouns[toks[m].key] && toks[m].kind != tHyphen {
				between = false
			}
		}
		if between && nx.i-sp.j <= 5 {
			if ci, ai, ok := d.qualifierOf(sp, nx); ok {
				nx.constraint, nx.admin1 = ci, ai
				nx.level = levelStrong
				sp.qualifier = true
			}
		}
	}
	// "the Syrian city of Aleppo", "the Syrian capital Damascus".
	if sp.i >= 2 {
		m := sp.i - 1
		if toks[m].key == "of" {
			m--
		}
		if m >= 1 && placeNouns[toks[m].key] && !toks[m].cap {
			if iso3, ok := demonyms[toks[m-1].key]; ok && toks[m-1].cap {
				if ci, ok := d.g.byCode[iso3]; ok && d.hasCountry(sp, ci) {
					sp.constraint = ci
					sp.level = levelStrong
				}
			}
		}
	}
}

// qualifierOf reports whether span q names a country or region that one of
// span x's candidates lies in, returning the country and region (-1 for
// none).
func (d *doc) qualifierOf(q, x *span) (int, int32, bool) {
	for _, p := range q.posts {
		if p < 0 {
			continue
		}
		e := &d.g.entries[p]
		switch e.kind {
		case kindCountry:
			if d.hasCountry(x, int(e.country)) {
				return int(e.country), -1, true
			}
		case kindAdmin1:
			for _, xp := range x.posts {
				xe := &d.g.entries[decode(xp)]
				if xe.kind == kindCity && xe.admin1 == e.admin1 {
					return int(e.country), e.admin1, true
				}
			}
		}
	}
	return 0, -1, false
}

func (d *doc) hasCountry(x *span, ci int) bool {
	for _, p := range x.posts {
		e := &d.g.entries[decode(p)]
		if int(e.country) == ci && e.kind != kindCountry {
			return true
		}
	}
	return false
}

// contextLevel reads the words around span sp. In a headline set in title
// case, capitalised prepositions count ("Fighting In Aleppo").
func (d *doc) contextLevel(toks []token, sp *span, title bool) level {
	l := levelNone
	// After the name: "Latakia airbase", "Aleppo province", "Raqqa-based".
	if n := sp.j + 1; n < len(toks) && !toks[sp.j].poss {
		t := &toks[n]
		switch {
		case t.kind == tWord && placeNouns[t.key] && (!t.cap || regionNouns[t.key] || t.key == "city"):
			l = levelStrong
			sp.wantRegion = regionNouns[t.key]
		case t.kind == tWord && t.key == "air" && n+1 < len(toks) && toks[n+1].key == "base":
			l = levelStrong
		case t.kind == tHyphen && n+1 < len(toks) && basedSuffixes[toks[n+1].key]:
			l = levelStrong
		}
	}
	// Before it: a preposition, perhaps with "the" and adjectives between.
	k := sp.i - 1
	for steps := 0; k >= 0 && steps < 6; steps++ {
		t := &toks[k]
		if t.kind == tWord && !t.cap && skippable[t.key] {
			if t.key == "the" {
				sp.sawThe = true
			}
			k--
			continue
		}
		// "war-torn", "rebel-held": word, hyphen, word.
		if t.kind == tWord && !t.cap && k >= 2 && toks[k-1].kind == tHyphen && skippable[toks[k-2].key+"-"+t.key] {
			k -= 3
			continue
		}
		break
	}
	if k >= 0 {
		t := &toks[k]
		if t.kind == tWord && (!t.cap || title || k == 0 || toks[k-1].kind == tPunct) {
			switch {
			case locatives[t.key]:
				l = max(l, levelLocative)
			case directionals[t.key]:
				l = max(l, levelDirectional)
			case t.key == "of" && k >= 1 && (placeNouns[toks[k-1].key] || partitives[toks[k-1].key]) && !toks[k-1].cap:
				l = max(l, levelLocative)
			}
		}
	}
	return l
}

// accept decides whether span sp is a place and resolves it.
func (d *doc) accept(toks []token, sp *span, title bool) (int32, bool) {
	first := &toks[sp.i]
	single := sp.i == sp.j
	key := first.key
	if single && (calendarWords[key] || notPlacesEver[key] || lowerFunctionWords[key]) {
		return 0, false
	}
	qualified := sp.dateline || sp.constraint >= 0
	if !qualified && !title && d.partOfName(toks, sp) {
		return 0, false
	}
	if _, abbrev := abbreviations[first.text]; abbrev && single && modifier(toks, sp) {
		return 0, false // "US officials"
	}
	ei, alt, ok := d.best(sp)
	if !ok {
		return 0, false
	}
	if sp.level == levelStrong {
		return ei, true
	}
	e := &d.g.entries[ei]
	inCtx := d.ctx[e.country]
	big := e.kind == kindCity && (e.feature == "PPLC" || e.pop >= 1_000_000)
	large := e.kind != kindCity || e.pop >= 100_000 // countries and regions count as large
	common := single && notPlaces[key]
	surname := single && d.surnames[key]
	mod := modifier(toks, sp)
	switch sp.level {
	case levelLocative:
		switch {
		case common && !big && !(large && inCtx),
			surname && !big,
			alt && !inCtx && (!large || camelCase(first.text)),
			mod && (sp.sawThe || !inCtx && !large):
			return 0, false
		}
		return ei, true
	case levelDirectional:
		switch {
		case common, surname,
			alt && !inCtx,
			mod && sp.sawThe,
			e.kind == kindCity && !large && !(inCtx && e.pop >= 15_000):
			return 0, false
		}
		return ei, true
	}
	// A bare name: only a well-known city.
	if e.kind != kindCity || title || common || surname || alt && !inCtx {
		return 0, false
	}
	regional := (e.feature == "PPLA" || e.feature == "PPLA2") && e.pop >= 100_000 && inCtx
	return ei, big || regional
}

// camelCase reports an upper-case letter after a lower-case one ("NiMo"),
// the mark of a brand rather than a place.
func camelCase(s string) bool {
	lower := false
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r) && lower:
			return true
		}
	}
	return false
}

// partOfName reports whether span sp sits inside a longer proper name:
// "Washington Post", "Philip Hammond", "Kombank Arena", "U.S.-Russia".
func (d *doc) partOfName(toks []token, sp *span) bool {
	if p := sp.i - 1; p >= 0 {
		t := &toks[p]
		switch {
		case t.kind == tWord && t.cap && !t.poss && !(p == 0 || toks[p-1].kind == tPunct) && !d.neutralWord(t):
			return true
		case t.kind == tWord && t.cap && !t.poss && titles[t.key]:
			return true
		case t.kind == tHyphen && p >= 1 && toks[p-1].cap && sp.level < levelLocative:
			return true
		case t.kind == tWord && nameParticles[t.key] && !t.cap:
			return true // "bin Laden", "al Sadr"
		case (t.kind == tHyphen || t.isDash()) && p >= 1 && nameParticles[toks[p-1].key]:
			return true // "al-Sadr"
		}
	}
	if n := sp.j + 1; n < len(toks) && !toks[sp.j].poss {
		t := &toks[n]
		switch {
		case t.kind == tWord && t.cap && !d.neutralWord(t) && !(placeNouns[t.key] && (regionNouns[t.key] || t.key == "city")):
			return true
		case t.kind == tHyphen && n+1 < len(toks) && toks[n+1].cap && sp.level < levelLocative:
			return true
		}
	}
	return false
}

// neutralWord reports whether a capitalised word next to a name leaves it
// a name of its own: a function word, a month or weekday, a demonym.
func (d *doc) neutralWord(t *token) bool {
	if lowerFunctionWords[t.key] || calendarWords[t.key] {
		return true
	}
	_, dem := demonyms[t.key]
	return dem
}

// best picks the most likely entry of a span; alt reports that the name
// matched only as an alternate name.
func (d *doc) best(sp *span) (int32, bool, bool) {
	best, bestScore, alt := int32(-1), math.Inf(-1), false
	for pass := 0; pass < 3 && best < 0; pass++ {
		for _, p := range sp.posts {
			ei := decode(p)
			e := &d.g.entries[ei]
			if pass == 0 && sp.constraint >= 0 && int(e.country) != sp.constraint {
				continue
			}
			if pass == 0 && sp.admin1 >= 0 && e.admin1 != sp.admin1 {
				continue
			}
			if pass <= 1 && sp.wantRegion && e.kind != kindAdmin1 {
				continue
			}
			if pass <= 1 && sp.constraint >= 0 && int(e.country) != sp.constraint {
				continue
			}
			if s := d.g.score(e, d.ctx); s > bestScore {
				best, bestScore, alt = ei, s, p < 0
			}
		}
	}
	// A region and its own seat share a name ("Aleppo", "New York"): the
	// text means the city unless it says "province".
	if best >= 0 && !sp.wantRegion && d.g.entries[best].kind == kindAdmin1 {
		seat, seatScore := int32(-1), math.Inf(-1)
		for _, p := range sp.posts {
			ei := decode(p)
			e := &d.g.entries[ei]
			if e.kind == kindCity && e.admin1 == d.g.entries[best].admin1 {
				if s := d.g.score(e, d.ctx); s > seatScore {
					seat, seatScore, alt = ei, s, p < 0
				}
			}
		}
		if seat >= 0 {
			best = seat
		}
	}
	return best, alt, best >= 0
}

// Nearest returns the place of sentence sent nearest to the byte span
// [start, end) (an event's trigger, say), preferring a city or region to a
// country at the same distance. It reports false when the sentence names no
// place.
func Nearest(places []dyad.Place, sent, start, end int) (dyad.Place, bool) {
	var best dyad.Place
	bestDist, found := 0, false
	for _, p := range places {
		if p.Sentence != sent {
			continue
		}
		dist := 0
		switch {
		case p.End <= start:
			dist = start - p.End
		case p.Start >= end:
			dist = p.Start - end
		}
		better := !found || dist < bestDist ||
			dist == bestDist && p.GeonameID != 0 && best.GeonameID == 0
		if better {
			best, bestDist, found = p, dist, true
		}
	}
	return best, found
}
