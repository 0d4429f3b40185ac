package actor

import (
	"strings"

	"github.com/dyad-project/dyad/internal/dict"
)

// pmKind says what a phrase that refers to an actor is.
type pmKind uint8

const (
	pmEntry         pmKind = iota // a dictionary name: person, state, organisation, group
	pmCapital                     // a capital standing for its government
	pmComposed                    // nationality or organisation + collective agent: "Syrian rebels"
	pmPossComposed                // possessor + collective agent: "Assad's forces", "his regime"
	pmDesc                        // one person described: "the Syrian foreign minister"
	pmUnknownPerson               // an unknown name with a title: "spokesman Peter Cook"
	pmUnknownOrg                  // an unknown organisation: "Free Idlib Army"
	pmBareAgent                   // a collective agent alone: "the regime", "rebels"
	pmCapRef                      // a capitalised unknown name: a surname, a short name
	pmCountryDesc                 // "the country", "his country"
	pmPair                        // "the two sides"
	pmPron                        // he, she, him, his, her, they, them, their
	pmKindDesc                    // "the group", "the alliance", "the island" (kinddesc.go)
)

// pm is a phrase of a sentence that refers to an actor, before the actor is
// known: units [i, j) of its sentence.
type pm struct {
	kind  pmKind
	st    *sentence
	i, j  int
	refs  []int32 // pmEntry, pmCapital: the name refs matched
	nats  []int32 // name refs of the nationalities or organisations that qualify it
	agent int32   // the head agent, -1 for none
	plur  bool    // the agent in the plural
	// titles are the agents before a person's name.
	titles []int32
	// A possessor: the name refs of a person, an unknown name, a pronoun.
	possRefs []int32
	possCap  *pm
	possPron string
	// modCap is an unknown capitalised word before the agent that may be a
	// short name of an organisation ("Observatory head").
	modCap *pm
	det    string
	honor  string
	name   string // pmUnknownPerson, pmUnknownOrg, pmCapRef: the name as written
	word   string // pmPron: the pronoun; pmPair: the noun
	via    string
	// hi, hj are the units of the head agent; ni, nj those of the
	// nationality of a composed phrase.
	hi, hj, ni, nj int

	actor  *actorState   // the actor, once resolved
	actors []*actorState // pmPair: the two actors
	dead   bool          // merged into another phrase
}

// entryOf returns the entry of a name ref.
func (f *Finder) entryOf(ref int32) *dict.ActorEntry { return f.entries[f.nameRefs[ref].entry] }

// isState reports whether a name item is a state's name, adjective or
// demonym (not its capital).
func (f *Finder) isState(refs []int32) bool {
	for _, r := range refs {
		if f.entryOf(r).Type == dict.ActorState && f.nameRefs[r].kind != dict.ActorCapital {
			return true
		}
	}
	return false
}

func (f *Finder) isCapital(refs []int32) bool {
	for _, r := range refs {
		if f.nameRefs[r].kind == dict.ActorCapital {
			return true
		}
	}
	return false
}

func (f *Finder) isPerson(refs []int32) bool {
	for _, r := range refs {
		if f.entryOf(r).Type == dict.ActorPerson {
			return true
		}
	}
	return false
}

// elem is one element of a noun phrase.
type elem struct {
	it   *item
	poss bool // followed by 's
	of   bool // introduced by "of" (or "from", "for")
	cap  *pm  // a run of capitalised unknown words
	// end, when set, is the unit past the words the element brings with
	// it: "the Afghan government" after "a spokesman for".
	end int
}

// locatives are prepositions after which a capital is a place, not its
// government.
var locatives = set(`in at from to near into outside around across toward towards through via between
inside within throughout over under beyond off on above below outskirts`)

// phrases finds the phrases of a sentence that refer to actors.
func (a *article) phrases(st *sentence) {
	f := a.f
	items := mergeCaps(st)
	for k := 0; k < len(items); {
		start := k
		det := ""
		if items[k].kind == itDet {
			det = items[k].word
			k++
		}
		var els []elem
		poss := ""
		honor := ""
		if k < len(items) && items[k].kind == itPron && possPron[items[k].word] {
			poss = items[k].word
			k++
		}
	loop:
		for k < len(items) {
			it := &items[k]
			switch it.kind {
			case itMod:
				k++
			case itHonor:
				honor = it.word
				k++
			case itName:
				e := elem{it: it}
				k++
				if k < len(items) && items[k].kind == itPoss {
					e.poss = true
					k++
				}
				if !e.poss && f.isPerson(it.refs) && k < len(items) && items[k].kind == itAgent &&
					!f.agentList[items[k].agent].Person {
					// "the Assad regime", "the Obama administration"
					e.poss = true
				}
				els = append(els, e)
				state := f.isState(it.refs) || f.isCapital(it.refs)
				if e.poss || state {
					continue
				}
				// A person, an organisation: the phrase ends unless an agent
				// follows ("UN envoy", "Pentagon spokesman").
				if k < len(items) && items[k].kind == itAgent && !f.isPerson(it.refs) {
					continue
				}
				break loop
			case itAgent:
				els = append(els, elem{it: it})
				k++
				// "the president of Syria", "the people of Syria", "the
				// foreign ministers of Armenia and Azerbaijan", "militants
				// from the Pakistani Taliban", "a spokesman for the Afghan
				// government".
				if of, next := a.ofPhrase(items, k, it, els); len(of) > 0 {
					els = append(els, of...)
					k = next
					break loop
				}
			case itCap:
				if it.j == it.i+1 && k+1 < len(items) && items[k+1].kind == itName && items[k+1].i == it.j &&
					f.isPerson(items[k+1].refs) && items[k+1].j == items[k+1].i+1 {
					// "Mahmud Abbas": an unknown first name before a known
					// surname is part of the person's mention.
					k++
					continue
				}
				e := elem{it: it, cap: a.capRun(st, it)}
				k++
				if k < len(items) && items[k].kind == itPoss {
					e.poss = true
					k++
					els = append(els, e)
					continue
				}
				els = append(els, e)
				// "Observatory head Rami Abdel Rahman": a capitalised word
				// before a title.
				if k < len(items) && items[k].kind == itAgent && len(els) == 1 {
					continue
				}
				break loop
			case itAnd, itComma:
				// A list of nationalities or organisations before a shared
				// agent: "Russian and Iranian governments".
				if len(els) > 0 && isNatElem(f, els[len(els)-1]) && k+1 < len(items) && items[k+1].kind == itName &&
					(f.isState(items[k+1].refs) || !f.isPerson(items[k+1].refs)) && sharedHead(f, items, k+1) {
					els = append(els, elem{it: it})
					k++
					continue
				}
				break loop
			case itCountry:
				if len(els) == 0 && (det == "the" || poss != "") {
					a.add(&pm{kind: pmCountryDesc, st: st, i: it.i, j: it.j, det: det, possPron: poss, agent: -1,
						word: it.word, via: "coreference"}, items[start].i)
					k++
					break loop
				}
				break loop
			case itKind:
				if p := a.kindDesc(st, items, k, det, poss, len(els)); p != nil {
					a.add(p, items[start].i)
					k++
					if k < len(items) && items[k].kind == itPoss {
						// "the island's leader": the description is the
						// possessor of what follows.
						els = append(els, elem{it: it, cap: p, poss: true})
						k++
						continue
					}
				}
				break loop
			case itPair:
				if len(els) == 0 && poss == "" {
					a.add(&pm{kind: pmPair, st: st, i: it.i, j: it.j, det: det, agent: -1, word: st.units[it.j-1].key}, it.i)
					k++
				}
				break loop
			default:
				break loop
			}
		}
		if len(els) == 0 {
			if k == start {
				// A lone pronoun, or nothing.
				it := &items[k]
				if it.kind == itPron {
					a.add(&pm{kind: pmPron, st: st, i: it.i, j: it.j, agent: -1, word: it.word}, it.i)
				}
				k++
			} else if poss != "" && k == start+1 {
				it := &items[start]
				a.add(&pm{kind: pmPron, st: st, i: it.i, j: it.j, agent: -1, word: it.word}, it.i)
			}
			if k == start {
				k++
			}
			continue
		}
		a.interpret(st, items, start, els, det, poss, honor)
		if k == start {
			k++
		}
	}
}

// hasQualifier reports whether a phrase already has a nationality or an
// organisation.
func hasQualifier(els []elem) bool {
	for _, e := range els {
		if e.it.kind == itName {
			return true
		}
	}
	return false
}

func isNatElem(f *Finder, e elem) bool {
	return e.it.kind == itName && !e.poss && !f.isPerson(e.it.refs) && !f.isCapital(e.it.refs)
}

// sharedHead reports whether the names from item k on lead to an agent:
// "Russian and Iranian governments", not "Russia and Iran".
func sharedHead(f *Finder, items []item, k int) bool {
	for ; k < len(items); k++ {
		switch items[k].kind {
		case itName:
			if f.isPerson(items[k].refs) {
				return false
			}
		case itAnd, itComma, itMod:
		case itAgent:
			return true
		default:
			return false
		}
	}
	return false
}

// mergeCaps joins runs of capitalised unknown words (with particles between
// them: "Staffan de Mistura") into single items.
func mergeCaps(st *sentence) []item {
	in := st.items
	var out []item
	for k := 0; k < len(in); k++ {
		it := in[k]
		if it.kind != itCap {
			out = append(out, it)
			continue
		}
		end := k
		for n := k + 1; n < len(in) && in[n].j-it.i <= 12; n++ {
			if in[n].kind == itCap {
				end = n
				continue
			}
			if in[n].kind == itOther && particles[in[n].word] && !st.units[in[n].i].Cap && n+1 < len(in) && in[n+1].kind == itCap {
				continue
			}
			break
		}
		it.j = in[end].j
		out = append(out, it)
		k = end
	}
	return out
}

// capRun makes the phrase of a run of capitalised unknown words.
func (a *article) capRun(st *sentence, it *item) *pm {
	return &pm{kind: pmCapRef, st: st, i: it.i, j: it.j, agent: -1, name: a.unitText(st, it.i, it.j), via: "coreference"}
}

// unitText returns the text of units [i, j) of a sentence.
func (a *article) unitText(st *sentence, i, j int) string {
	return a.text[st.units[i].Start:st.units[j-1].End]
}

// interpret turns the elements of a noun phrase into phrases that refer to
// actors.
func (a *article) interpret(st *sentence, items []item, start int, els []elem, det, poss, honor string) {
	f := a.f
	first := items[start].i
	if det != "" && start+1 < len(items) {
		first = items[start+1].i
	}
	if poss != "" {
		first = els[0].it.i
		for _, it := range items[start:] {
			if it.kind == itPron {
				first = it.i
				break
			}
		}
	}
	// Mods before the first element belong to the phrase.
	last := els[len(els)-1]
	end := last.it.j
	if last.end > end {
		end = last.end
	}
	headIdx := len(els) - 1
	for headIdx > 0 && els[headIdx].of {
		headIdx--
	}
	head := els[headIdx]

	// Qualifiers: nationalities and organisations before the head, and a
	// possessor.
	var quals []int32
	var qualSpans [][2]int
	var possRefs []int32
	var possCap *pm
	var titles []int32
	var modCap *pm
	for n, e := range els {
		if n == headIdx {
			continue
		}
		switch {
		case e.it.kind == itName && e.poss && f.isPerson(e.it.refs):
			possRefs = e.it.refs
		case e.it.kind == itName && !(f.isPerson(e.it.refs) && n < headIdx):
			quals = append(quals, bestRef(e.it.refs))
			qualSpans = append(qualSpans, [2]int{e.it.i, e.it.j})
		case e.it.kind == itAgent && n < headIdx:
			titles = append(titles, e.it.agent)
		case (e.it.kind == itCap || e.it.kind == itKind) && e.poss:
			possCap = e.cap
		case e.it.kind == itCap && n < headIdx:
			modCap = e.cap
		}
	}

	switch {
	case head.it.kind == itName && !head.poss && f.isPerson(head.it.refs):
		// [nationality] [title] Name
		p := &pm{kind: pmEntry, st: st, i: first, j: end, refs: head.it.refs, nats: quals, titles: titles,
			agent: -1, honor: honor, det: det, via: "dictionary"}
		if len(titles) == 0 && len(quals) == 0 && honor == "" {
			p.i = head.it.i
		}
		a.add(p, first)
		return

	case head.it.kind == itCap && !head.poss && (len(titles) > 0 || honor != ""):
		// An unknown name with a title: "spokesman Peter Cook".
		ag := int32(-1)
		if len(titles) > 0 {
			ag = titles[len(titles)-1]
		}
		if ag >= 0 && !f.agentList[ag].Person {
			if a.peerAgentOfName(st, els[:headIdx], first, end, ag, quals) {
				return
			}
			break
		}
		p := &pm{kind: pmUnknownPerson, st: st, i: first, j: end, nats: quals, titles: titles, agent: ag,
			modCap: modCap, honor: honor, name: head.cap.name, det: det}
		a.add(p, first)
		return

	case head.it.kind == itCap && !head.poss:
		if orgHeads[st.units[head.it.j-1].key] && head.it.j-head.it.i >= 2 {
			// An unknown organisation, with the adjacent names before it:
			// "Free Idlib Army".
			i := head.it.i
			for n := headIdx - 1; n >= 0; n-- {
				e := els[n]
				if e.it.kind != itName || e.poss || e.it.j != i || !st.units[e.it.i].Cap {
					break
				}
				i = e.it.i
				els = els[:n]
				headIdx = n
			}
			p := &pm{kind: pmUnknownOrg, st: st, i: i, j: end, agent: -1, name: a.unitText(st, i, end)}
			p.nats = stateOwner(f, els, headIdx) // "Beijing's Taiwan Affairs Office" (orgowner.go)
			a.add(p, i)
			a.extraMentionsUpTo(st, els, headIdx)
			return
		}
		a.add(head.cap, head.cap.i)
		a.extraMentionsUpTo(st, els, headIdx)
		return

	case head.it.kind == itAgent:
		ag := f.agentList[head.it.agent]
		plural := head.it.plural
		person := ag.Person && !plural
		hi, hj := head.it.i, head.it.j
		switch {
		case person:
			p := &pm{kind: pmDesc, st: st, i: first, j: end, nats: quals, titles: titles, agent: head.it.agent, hi: hi, hj: hj,
				possRefs: possRefs, possCap: possCap, possPron: poss, modCap: modCap, det: det, honor: honor}
			a.add(p, first)
		case len(quals) > 0:
			for n, q := range quals {
				p := &pm{kind: pmComposed, st: st, i: first, j: end, nats: []int32{q}, agent: head.it.agent, hi: hi, hj: hj,
					ni: qualSpans[n][0], nj: qualSpans[n][1],
					plur: plural, det: det, via: "dictionary"}
				a.add(p, first)
			}
		case len(possRefs) > 0 || possCap != nil || poss != "":
			p := &pm{kind: pmPossComposed, st: st, i: first, j: end, agent: head.it.agent, hi: hi, hj: hj, plur: plural,
				possRefs: possRefs, possCap: possCap, possPron: poss, det: det}
			a.add(p, first)
			if len(possRefs) > 0 {
				// The possessor is a mention too: "Assad" in "Assad's forces".
				for _, e := range els {
					if e.it.kind == itName && e.poss {
						a.add(&pm{kind: pmEntry, st: st, i: e.it.i, j: e.it.j, refs: e.it.refs, agent: -1, via: "dictionary"}, e.it.i)
					}
				}
			}
		case modCap != nil:
			p := &pm{kind: pmBareAgent, st: st, i: first, j: end, agent: head.it.agent, hi: hi, hj: hj, plur: plural, det: det, modCap: modCap}
			a.add(p, first)
		default:
			if modifiesNext(st, items, end) && !chargedOf(st, first) {
				return // "regime change", "the regime of calm"
			}
			p := &pm{kind: pmBareAgent, st: st, i: first, j: end, agent: head.it.agent, hi: hi, hj: hj, plur: plural, det: det}
			a.add(p, first)
			// "the Syrian regime and opposition forces": a bare agent right
			// after "and" shares the nationality of the phrase before.
			a.distribute(st, items, start, p)
		}
		return
	}
	a.extraMentionsUpTo(st, els, len(els))
}

// extraMentionsUpTo adds a mention for each name element before n that is
// not part of a larger phrase: "Russia and Iran", "Syria's Latakia".
func (a *article) extraMentionsUpTo(st *sentence, els []elem, n int) {
	f := a.f
	for k, e := range els[:n] {
		switch e.it.kind {
		case itName:
			if !e.poss && k+1 < len(els) && els[k+1].it.kind == itCap && els[k+1].it.i == e.it.j &&
				!f.isPerson(e.it.refs) && st.units[e.it.i].Cap && a.f.nameRefs[bestRef(e.it.refs)].kind == dict.ActorAlias {
				continue // "Jordan Peterson", "China Daily": part of a longer name
			}
			kind := pmEntry
			if f.isCapital(e.it.refs) && !f.isState(e.it.refs) {
				kind = pmCapital
				if e.it.i > 0 && locatives[st.units[e.it.i-1].key] {
					continue // "in Moscow" is a place
				}
			}
			a.add(&pm{kind: kind, st: st, i: e.it.i, j: e.it.j, refs: e.it.refs, agent: -1, via: "dictionary"}, e.it.i)
		case itCap:
			a.add(e.cap, e.cap.i)
		}
	}
}

// compoundNouns follow an agent word that modifies them: "regime change",
// "rebel positions", "government-held areas".
var compoundNouns = set(`change changes building buildings headquarters position positions base bases
station stations camp camps source sources control controlled held backed led run sponsored supported
allied linked affiliated offensive advance advances attack attacks strike strikes bombing bombings
shelling territory territories area areas lines line stronghold strongholds checkpoint checkpoints
convoy convoys vehicle vehicles jet jets plane planes aircraft helicopter helicopters ship ships
supporters officer's media channel channels spokesman spokesmen statement statements official's
policy policies forces's side sides crackdown violence troops's figures figure member members
leader's targets target bombardment raids raid siege blockade propaganda`)

// chargeVerbs take an object and an "of" phrase that is not the object's:
// "accused the government of brutality".
var chargeVerbs = set(`accuse suspect charge convict acquit clear`)

// chargedOf reports whether the phrase that starts at unit first is the
// object of a verb of charging, whose "of" phrase is the charge.
func chargedOf(st *sentence, first int) bool {
	if first < 1 {
		return false
	}
	if dets[st.units[first-1].key] {
		first--
	}
	if first < 1 {
		return false
	}
	toks := st.s.Tokens
	t := st.units[first-1].tok
	return t < len(toks) && strings.HasPrefix(toks[t].XPOS, "VB") && chargeVerbs[strings.ToLower(toks[t].Lemma)]
}

// modifiesNext reports whether the word after unit end makes an agent a
// modifier rather than an actor: a compound noun, or "of" and something
// that is not a name ("the regime of calm").
func modifiesNext(st *sentence, items []item, end int) bool {
	us := st.units
	if end >= len(us) || us[end].Punct {
		return false
	}
	if compoundNouns[us[end].key] {
		return true
	}
	if us[end].key == "of" {
		for _, it := range items {
			if it.i == end+1 || (it.i == end+2 && us[end+1].key == "the") {
				if it.kind == itName || it.kind == itCap {
					return false
				}
				if it.kind != itDet {
					return true
				}
			}
		}
	}
	return false
}

// distribute gives a bare agent the nationality of a composed phrase that
// it is coordinated with: "the Syrian regime and opposition forces".
func (a *article) distribute(st *sentence, items []item, start int, p *pm) {
	if start < 1 || items[start].kind == itDet || items[start-1].kind != itAnd {
		return
	}
	for n := len(a.pms) - 2; n >= 0; n-- {
		q := a.pms[n]
		if q.st != st {
			return
		}
		if q.kind == pmComposed && q.j == items[start-1].i {
			p.kind = pmComposed
			p.nats = q.nats
			p.via = "dictionary"
			return
		}
		if q.j <= items[start-1].i {
			return
		}
	}
}

// bestRef picks one name ref among those that matched one phrase: the last
// one loaded.
func bestRef(refs []int32) int32 { return refs[len(refs)-1] }

// add records a phrase; i is the unit where it starts, for its order.
func (a *article) add(p *pm, i int) {
	if p.i < 0 || p.j > len(p.st.units) || p.i >= p.j {
		return
	}
	if p.kind == pmEntry || p.kind == pmComposed {
		a.seatedIn(p) // "the Foreign Office in Islamabad"
	}
	if p.kind == pmEntry && len(p.refs) > 0 {
		// "the United Nations": the determiner is not part of the name.
		for p.i < p.j-1 && p.st.units[p.i].key == "the" {
			p.i++
		}
	}
	if p.kind == pmCapital && !capitalActs(p) {
		return
	}
	if p.kind == pmEntry {
		// Capitals alone stand for the government, except after "in".
		onlyCapital := true
		for _, r := range p.refs {
			if a.f.nameRefs[r].kind != dict.ActorCapital {
				onlyCapital = false
			}
		}
		if onlyCapital {
			if !capitalActs(p) {
				return
			}
			p.kind = pmCapital
		}
	}
	a.pms = append(a.pms, p)
}

// capitalActs reports whether a capital stands for its government where it
// is: "Moscow said", "Washington and Moscow agreed", "Moscow's position";
// not "in Moscow", "the Vienna talks", "the capital Riyadh", "Washington
// Post". With a parse, a capital that is the subject acts and one in a
// prepositional phrase or a compound does not.
func capitalActs(p *pm) bool {
	us := p.st.units
	toks := p.st.s.Tokens
	if t := us[p.j-1].tok; t < len(toks) && toks[t].Rel != "" {
		rel := toks[t].Rel
		switch {
		case strings.HasPrefix(rel, "nsubj"):
			return true
		case strings.HasPrefix(rel, "obl"), strings.HasPrefix(rel, "nmod"):
			// "talks with Washington", "a protest with Pyongyang",
			// "sanctions against Moscow"; not "in Moscow".
			return p.i > 0 && actorPreps[us[p.i-1].key]
		case rel == "compound", rel == "amod":
			return false
		case rel == "obj" && p.i > 0 && us[p.i-1].tok < len(toks) && toks[us[p.i-1].tok].UPOS == "VERB":
			return true // "accused Georgetown of", "urged Beijing to"
		}
	}
	if p.i == 0 && p.j < len(us) && (us[p.j].Text == "," || us[p.j].Text == "(") && us[0].Upper {
		return false // a dateline: "KIEV, Aug 28 (Reuters) -"
	}
	if p.i > 0 {
		prev := us[p.i-1].key
		if locatives[prev] || prev == "the" || prev == "capital" || prev == "city" || prev == "of" || prev == "town" {
			return false
		}
	}
	if p.j >= len(us) {
		return true
	}
	next := us[p.j]
	if t := next.tok; t < len(toks) && (toks[t].UPOS == "VERB" || toks[t].UPOS == "AUX") && !next.Cap {
		return true // "Seoul and Washington began"
	}
	switch {
	case next.Punct:
		return next.Text != "-"
	case next.Cap:
		return false // a longer name: "Washington Post"
	case next.key == "'s" || next.key == "and" || next.key == "or" || next.key == "but" || verbish[next.key]:
		return true
	case strings.HasSuffix(next.key, "ed"):
		return true
	case strings.HasSuffix(next.key, "s") && !compoundNouns[next.key] && !capitalNouns[next.key]:
		return true
	}
	return false
}

// actorPreps are the prepositions after which a capital is a party, not a
// place: "talks with Washington", "sanctions against Moscow".
var actorPreps = set(`with against`)

// verbish are words after a capital that show it acts.
var verbish = set(`said says say has had have is was were will would could can may might must should
also again then insists insisted wants wanted hopes hoped believes believed`)

// capitalNouns follow a capital that names a place or a meeting.
var capitalNouns = set(`talks meetings negotiations accords agreements visits airports talks'`)

// text returns the text of a phrase.
func (a *article) pmText(p *pm) string {
	return a.text[p.st.units[p.i].Start:p.st.units[p.j-1].End]
}

// nameKey folds a name for comparing names.
func nameKey(s string) string { return strings.Join(dictWords(s), " ") }
