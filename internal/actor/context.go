package actor

import (
	"sort"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/dict"
)

// Context: what the words around an agent say of whom it acts for. An
// agent alone ("soldiers", "police", "a spokesman") takes its country, in
// this order, from a nationality or a possessor before it (phrase.go), from
// a name after it across "of", "from" or "for" ("the foreign ministers of
// Armenia and Azerbaijan", "militants from the Pakistani Taliban", "a
// spokesman for the Afghan government"), from an antecedent (coref.go),
// and, for the domestic kinds of actor only (police, soldiers, rebels,
// protesters, civilians), from the article's home country: the one state
// that the article names clearly more than any other (homeCountry). The
// last is a guess, as a reader's is: "police fired tear gas" in a story
// about Kenya are the Kenyan police.

// ofPhrase returns the names that qualify the agent item ag across the
// connector at items[k] ("of", "from", or "for" after one person), as
// elements marked of, and the index of the item after them; it returns nil
// when none does. A list of states is taken whole ("of Armenia and
// Azerbaijan"); after "for", the name may bring the government agent it
// qualifies ("for North Korea's defence ministry"), and an office may stand
// before "of" ("Minister for Foreign Affairs of Japan").
func (a *article) ofPhrase(items []item, k int, ag *item, els []elem) ([]elem, int) {
	f := a.f
	if k+1 >= len(items) || hasQualifier(els) {
		return nil, k
	}
	if f.peer {
		return a.peerOf(items, k, els)
	}
	agent := f.agentList[ag.agent]
	conn := items[k]
	isFor := false
	switch {
	case conn.kind == itOf, conn.kind == itOther && conn.word == "from":
	case conn.kind == itOther && conn.word == "for" && agent.Person && !ag.plural:
		isFor = true
		if k+2 < len(items) && items[k+1].kind == itCap && items[k+2].kind == itOf {
			// "Minister for Foreign Affairs of Japan": the office, then
			// the state.
			k += 2
			isFor = false
		}
	default:
		return nil, k
	}
	qualifies := func(n int) bool {
		return n < len(items) && items[n].kind == itName && (f.isState(items[n].refs) || !f.isPerson(items[n].refs))
	}
	var out []elem
	n := k + 1
	for {
		if n < len(items) && items[n].kind == itDet && n+1 < len(items) {
			n++
		}
		if !qualifies(n) {
			break
		}
		e := elem{it: &items[n], of: true}
		m := n + 1
		if m < len(items) && (items[m].kind == itAgent || items[m].kind == itPoss) {
			// "the leader of Syria's opposition": the name qualifies
			// another agent. After "for" a government body may follow:
			// the speaker speaks for that state.
			if !isFor || len(out) > 0 {
				break
			}
			t := m
			if items[t].kind == itPoss {
				t++
			}
			if t >= len(items) || items[t].kind != itAgent || !governing(f.agentList[items[t].agent]) {
				break
			}
			e.end = items[t].j
			m = t + 1
		}
		out = append(out, e)
		// A list of states: "of Armenia and Azerbaijan".
		if e.end == 0 && m+1 < len(items) && (items[m].kind == itAnd || items[m].kind == itComma) &&
			qualifies(m+1) && f.isState(items[m+1].refs) && f.isState(e.it.refs) &&
			(m+2 == len(items) || (items[m+2].kind != itAgent && items[m+2].kind != itPoss)) {
			n = m + 1
			continue
		}
		return out, m
	}
	if len(out) > 0 {
		last := out[len(out)-1]
		return out, indexAfter(items, last.it)
	}
	return nil, k
}

// indexAfter returns the index of the item after it in items.
func indexAfter(items []item, it *item) int {
	for n := range items {
		if &items[n] == it {
			return n + 1
		}
	}
	return len(items)
}

// governing reports whether an agent is a body of a state's government:
// the government, a ministry, the military, the police.
func governing(ag *dict.Agent) bool {
	switch ag.Sector() {
	case "GOV", "MIL", "COP", "SPY", "JUD", "LEG":
		return true
	}
	return false
}

// domestic are the sectors of agents that, named alone, are most often the
// article's own country's: "police", "soldiers", "rebels", "protesters",
// "civilians", "gangs".
var domestic = set(`COP MIL REB UAF INS OPP CVL PPL CRM`)

// homeCountry returns the country the article is about: the state named
// (by name, nationality or capital, or through a group coded with it) in
// at least two mentions and in at least twice as many as any other state;
// "" when no state stands out so.
func (a *article) homeCountry() string {
	if a.home != nil {
		return *a.home
	}
	home := homeOf(a.countryCounts())
	a.home = &home
	return home
}

// countryCounts counts the mentions of each country among the phrases
// resolved so far, pronouns and pairs left out.
func (a *article) countryCounts() map[string]int {
	counts := map[string]int{}
	for _, q := range a.done {
		s := q.actor
		if s == nil || s.country == "" || q.kind == pmPron || q.kind == pmPair {
			continue
		}
		counts[s.country]++
	}
	return counts
}

// homeOf returns the country counted at least twice and at least twice as
// often as any other, or "".
func homeOf(counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for c := range counts {
		keys = append(keys, c)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > 0 && counts[keys[0]] >= 2 && (len(keys) == 1 || counts[keys[0]] >= 2*counts[keys[1]]) {
		return keys[0]
	}
	return ""
}

// datelineCountry returns the state of the article's first dateline: the
// state it names, or whose capital it names ("WARSAW, Poland (AP) -"); ""
// when there is none.
func (a *article) datelineCountry() string {
	for _, st := range a.sents {
		for _, r := range st.dateline {
			e := a.f.entryOf(r)
			if e.Type != dict.ActorState {
				continue
			}
			if c, _, _ := e.Codes(a.published); c != "" {
				return c
			}
		}
		if len(st.dateline) > 0 {
			return ""
		}
	}
	return ""
}

// localCountry returns the country whose office an official named without
// a nationality most likely holds ("Foreign Minister Tomasz Zielinski" in
// a story datelined in Warsaw): the article's home country, else the
// state of its dateline when it is one of the story's main parties, named
// at least twice and at least half as often as any other state.
func (a *article) localCountry() string {
	counts := a.countryCounts()
	if h := homeOf(counts); h != "" {
		return h
	}
	d := a.datelineCountry()
	if d == "" {
		return ""
	}
	if counts[d] < 2 {
		return ""
	}
	for _, n := range counts {
		if n > 2*counts[d] {
			return ""
		}
	}
	return d
}

// placeCountry returns the country where an agent alone acts, for the
// domestic kinds of agent: a state named as a place in its sentence ("in
// northern Gaza", "in Haiti"), else the article's home country; "" when
// neither says.
func (a *article) placeCountry(p *pm) string {
	ag := a.f.agentList[p.agent]
	if a.f.peer || !domestic[ag.Sector()] && ag.Sector() != "GOV" {
		return "" // the peers code what the sentence says, no more
	}
	if c := a.sentencePlace(p.st); c != "" {
		return c
	}
	return a.homeCountry()
}

// sentencePlace returns the state that a sentence names as a place, after
// "in", "across" or "inside" and at most one other word ("in northern
// Gaza"), when it names one only.
func (a *article) sentencePlace(st *sentence) string {
	found := ""
	for _, it := range st.items {
		if it.kind != itName || !a.f.isState(it.refs) && !a.f.isCapital(it.refs) {
			continue
		}
		in := false
		for k := it.i - 1; k >= 0 && k >= it.i-2; k-- {
			if w := st.units[k].key; w == "in" || w == "across" || w == "inside" || w == "throughout" {
				in = true
				break
			}
			if st.units[k].Punct || st.units[k].Cap {
				break
			}
		}
		if !in {
			continue
		}
		c, _, _ := a.f.entryOf(bestRef(it.refs)).Codes(a.published)
		if c == "" {
			continue
		}
		if found != "" && found != c {
			return ""
		}
		found = c
	}
	return found
}

// seatedIn turns a government body placed in a capital into that state's
// government: "the Foreign Office in Islamabad" is Pakistan's, whatever
// state the dictionary gives a "Foreign Office"; "the Taliban government in
// Kabul" is Afghanistan's. It applies to a dictionary organisation of a
// state's government and to a group with a government agent ("government",
// "regime", "administration"), not to a state's own agents abroad ("the US
// embassy in Kabul" names no agent of government).
func (a *article) seatedIn(p *pm) {
	f := a.f
	st := p.st
	if f.peer || p.j+1 >= len(st.units) || st.units[p.j].key != "in" {
		return
	}
	var capital []int32
	for _, it := range st.items {
		if it.i == p.j+1 && it.kind == itName && f.isCapital(it.refs) && !f.isState(it.refs) {
			capital = it.refs
		}
	}
	if capital == nil {
		return
	}
	ref := int32(-1)
	for _, r := range capital {
		if f.nameRefs[r].kind == dict.ActorCapital {
			ref = r
		}
	}
	gov := f.govAgent()
	if ref < 0 || gov < 0 {
		return
	}
	switch p.kind {
	case pmEntry:
		e := f.entryOf(bestRef(p.refs))
		c, sec, _ := e.Codes(a.published)
		if e.Type != dict.ActorOrganisation || c == "" || sec != "GOV" {
			return
		}
		p.agent, p.hi, p.hj = gov, p.i, p.j
	case pmComposed:
		e := f.entryOf(p.nats[0])
		if e.Type == dict.ActorState || f.agentList[p.agent].Code != "GOV" || !seatedHeads[a.headWord(p.agent)] {
			return
		}
	default:
		return
	}
	p.kind = pmComposed
	p.nats = []int32{ref}
	p.ni, p.nj = 0, 0
	p.via = "dictionary"
}

// seatedHeads are the agents of a government that sits in its capital; a
// "delegation in Havana" or an "envoy in Kabul" is abroad.
var seatedHeads = set(`government regime administration authorities cabinet junta leadership`)

// govAgent returns the agent "government", or -1.
func (f *Finder) govAgent() int32 {
	v, ok := f.agents.node(dictWords("government"))
	if !ok {
		return -1
	}
	for _, x := range f.agents.vals[v] {
		return x >> 1
	}
	return -1
}

// appositionBefore returns the unknown person named right before a
// description that says whom it acts for, across a comma: "Kenji Morita,
// Minister for Foreign Affairs of Japan, said"; the person takes the
// description's codes. It returns nil when no such name stands there.
func (a *article) appositionBefore(p *pm, country, org string) *actorState {
	comma := p.i - 1
	if comma > 0 && dets[p.st.units[comma].key] {
		comma-- // ", the foreign minister of Peru,"
	}
	if a.f.peer || country == "" && org == "" || comma < 1 || p.st.units[comma].Text != "," {
		return nil
	}
	for _, q := range a.pms {
		if q.st == p.st && q.j == comma && q.kind == pmUnknownPerson && a.giveTitle(q.actor, p, country, org) {
			return q.actor // "Mr. Kenji Morita, Minister for Foreign Affairs of Japan," (title.go)
		}
		if q.st != p.st || q.j != comma || q.kind != pmCapRef || q.actor != nil || len(dictWords(q.name)) < 2 {
			continue
		}
		ag := a.f.agentList[p.agent]
		s := a.getActor("u:"+nameKey(q.name), func() *actorState {
			st := &actorState{name: q.name, typ: dyad.TypePerson, entry: -1, country: country, sector: ag.Sector()}
			if country != "" {
				st.code = ag.Compose(country)
			} else {
				st.code = org
			}
			return st
		})
		s.titles[p.agent] = true
		if s.gender == "" {
			s.gender = a.genderHint(q, q.name)
		}
		a.mention(q, s, dyad.ViaTitle)
		return s
	}
	return nil
}

// peerOf is ofPhrase under PeerCodes: the one rule dyad had before, a
// single name after "of" that qualifies nothing else ("the president of
// Syria").
func (a *article) peerOf(items []item, k int, els []elem) ([]elem, int) {
	f := a.f
	if items[k].kind != itOf {
		return nil, k
	}
	n := k + 1
	if items[n].kind == itDet && n+1 < len(items) {
		n++
	}
	if items[n].kind == itName && (f.isState(items[n].refs) || !f.isPerson(items[n].refs)) &&
		(n+1 == len(items) || (items[n+1].kind != itAgent && items[n+1].kind != itPoss)) {
		return []elem{{it: &items[n], of: true}}, n + 1
	}
	return nil, k
}
