package actor

import (
	"strings"

	"github.com/dyad-project/dyad"
)

// Coreference: descriptions, agents and pronouns that refer back to actors
// already named. Each looks for its antecedent among the phrases resolved so
// far (a.done, in text order), nearest first, within a few sentences.

const (
	backSents = 3 // how far back a pronoun or description looks
	fwdSents  = 2 // how far ahead, when nothing comes before (a headline)
)

// candidates returns the resolved phrases before p (nearest first) within
// back sentences, then those after it within fwd sentences.
func (a *article) candidates(p *pm, back, fwd int) (before, after []*pm) {
	pos := p.pos()
	for k := len(a.done) - 1; k >= 0; k-- {
		q := a.done[k]
		if q == p || q.actor == nil {
			continue
		}
		if q.pos() < pos && p.st.seq-q.st.seq <= back {
			before = append(before, q)
		}
	}
	for _, q := range a.done {
		if q == p || q.actor == nil {
			continue
		}
		if q.pos() > pos && q.st.seq-p.st.seq <= fwd {
			after = append(after, q)
		}
	}
	return before, after
}

// compatible reports whether an agent's sector can describe an actor's.
func compatible(agentSector, sector string) bool {
	if agentSector == sector {
		return true
	}
	groups := [][]string{{"REB", "UAF", "INS"}, {"GOV", "ELI"}, {"MIL", "SPY"}, {"CVL", "PPL"}}
	for _, g := range groups {
		in := func(s string) bool {
			for _, x := range g {
				if x == s {
					return true
				}
			}
			return false
		}
		if in(agentSector) && in(sector) {
			return true
		}
	}
	return false
}

// headWord returns the last word of an agent's phrase ("minister" for
// "foreign minister", "secretary" for "secretary of state").
func (a *article) headWord(ag int32) string {
	words := strings.Fields(a.f.agentList[ag].Phrase)
	for i, w := range words {
		if i > 0 && (w == "of" || w == "for") {
			return words[i-1]
		}
	}
	return words[len(words)-1]
}

// genericTitles describe any official of their sector.
var genericTitles = set(`official leader ruler dictator diplomat strongman head chief counterpart`)

// qualifiers returns what a phrase's nationality, organisation or possessor
// says of the actor it describes: a country, or an organisation's code.
func (a *article) qualifiers(p *pm) (country, org string) {
	for _, q := range p.nats {
		c, _, code := a.f.entryOf(q).Codes(a.published)
		if c != "" {
			return c, ""
		}
		if code != "" {
			return "", code
		}
	}
	for _, s := range a.possessors(p) {
		if s.country != "" {
			return s.country, ""
		}
	}
	return "", ""
}

// possessors returns the actors of a phrase's possessor: a person named
// ("Assad's"), a capitalised name, or a possessive pronoun.
func (a *article) possessors(p *pm) []*actorState {
	switch {
	case len(p.possRefs) > 0:
		ref := a.chooseRef(p.possRefs, nil)
		return []*actorState{a.entryActor(a.f.nameRefs[ref].entry)}
	case p.possCap != nil:
		if p.possCap.actor == nil && p.possCap.kind == pmKindDesc {
			a.resolveKindDesc(p.possCap)
		} else if p.possCap.actor == nil {
			a.resolveCapRef(p.possCap)
		}
		if p.possCap.actor != nil {
			return []*actorState{p.possCap.actor}
		}
	case p.possPron != "":
		q := &pm{kind: pmPron, st: p.st, i: p.i, j: p.i + 1, word: p.possPron, agent: -1}
		return a.antecedents(q)
	}
	return nil
}

// resolveDesc links a description of one person ("the top US diplomat",
// "his Russian counterpart") to a person met, or makes it an actor of its
// own when it says enough ("the Syrian foreign minister").
func (a *article) resolveDesc(p *pm) {
	ag := a.f.agentList[p.agent]
	country, org := a.qualifiers(p)
	head := a.headWord(p.agent)
	// An apposition: "his Russian counterpart, Sergei Shoigu".
	if s := a.apposition(p); s != nil {
		a.mention(p, s, dyad.ViaCoreference)
		return
	}
	// The description after the name: "Kenji Morita, Minister for
	// Foreign Affairs of Japan,".
	if s := a.appositionBefore(p, country, org); s != nil {
		a.mention(p, s, dyad.ViaCoreference)
		return
	}
	fits := func(s *actorState) bool {
		if s.typ != dyad.TypePerson {
			return false
		}
		switch {
		case country != "":
			if s.country != country {
				return false
			}
		case org != "":
			if !strings.HasPrefix(s.code, org) && s.orgCode != org {
				return false
			}
		}
		// "the minister" is someone called minister; "the top diplomat",
		// "the ruler" any official of the sector.
		titled := false
		for t := range s.titles {
			if a.headWord(t) == head {
				titled = true
			}
		}
		if !titled && !(genericTitles[head] && compatible(ag.Sector(), s.sector)) {
			return false
		}
		// "his counterpart" is not himself.
		for _, o := range a.possessors(p) {
			if o == s {
				return false
			}
		}
		return true
	}
	definite := p.det == "the" || p.possPron != "" || len(p.possRefs) > 0 || (p.det == "" && (country != "" || org != ""))
	if definite {
		before, after := a.candidates(p, 2*backSents, fwdSents)
		for _, q := range before {
			if fits(q.actor) {
				a.mention(p, q.actor, dyad.ViaCoreference)
				return
			}
		}
		if p.st.seq <= 3 {
			for _, q := range after {
				if fits(q.actor) {
					a.mention(p, q.actor, dyad.ViaCoreference)
					return
				}
			}
		}
	}
	if country == "" && org == "" {
		// "the opposition leader" in a story about Kenya: a domestic
		// office takes the country the story is set in (context.go);
		// not a word that the parse makes a modifier or a verb ("the
		// terrorist influence", "who is to head").
		if p.det != "the" || !nounHead(p) {
			return
		}
		if country = a.placeCountry(p); country == "" {
			return
		}
	}
	// A description that names no one: an actor of its own.
	var s *actorState
	text := a.unitText(p.st, p.hi, p.hj)
	if country != "" {
		code := ag.Compose(country)
		name := text
		if st := a.f.stateOf(country); st >= 0 {
			name = a.adjective(st) + " " + text
		}
		s = a.getActor("d:"+code+":"+nameKey(text), func() *actorState {
			return &actorState{name: name, typ: dyad.TypePerson, country: country, sector: ag.Sector(), code: code, entry: -1}
		})
	} else {
		s = a.getActor("d:"+org+":"+nameKey(text), func() *actorState {
			c, sec := "", ""
			for _, q := range p.nats {
				c, sec, _ = a.f.entryOf(q).Codes(a.published)
			}
			return &actorState{name: a.pmText(p), typ: dyad.TypePerson, country: c, sector: sec, code: org, entry: -1, orgCode: org}
		})
	}
	s.titles[p.agent] = true
	s.addEntry(ag.Pos.String())
	a.mention(p, s, dyad.ViaTitle)
}

// nounHead reports whether the parse makes the last word of a phrase's
// agent a noun that heads its phrase, not a modifier of another noun.
func nounHead(p *pm) bool {
	toks := p.st.s.Tokens
	k := p.st.units[p.hj-1].tok
	if k >= len(toks) {
		return false
	}
	tok := toks[k]
	if tok.UPOS != "NOUN" && tok.UPOS != "PROPN" {
		return false
	}
	return !strings.HasPrefix(tok.Rel, "compound") && !strings.HasPrefix(tok.Rel, "amod")
}

// apposition returns the person named right after a description, between
// commas: "his Russian counterpart, Sergei Shoigu,", "the UN envoy for
// Syria, Staffan de Mistura,".
func (a *article) apposition(p *pm) *actorState {
	us := p.st.units
	comma := -1
	for k := p.j; k < len(us) && k < p.j+5; k++ {
		if us[k].Text == "," {
			comma = k
			break
		}
		if us[k].Punct || !(us[k].Cap || particles[us[k].key]) {
			return nil
		}
	}
	if comma < 0 {
		return nil
	}
	for _, q := range a.done {
		if q.st == p.st && q.i == comma+1 && q.actor != nil && q.actor.typ == dyad.TypePerson {
			country, org := a.qualifiers(p)
			a.giveTitle(q.actor, p, country, org) // "the UN envoy, Ms. Jane Doe" (title.go)
			return q.actor
		}
	}
	// An unknown name: give it the description's codes.
	for _, q := range a.pms {
		if q.st != p.st || q.i != comma+1 || q.kind != pmCapRef || q.actor != nil || len(dictWords(q.name)) < 2 {
			continue
		}
		country, org := a.qualifiers(p)
		ag := a.f.agentList[p.agent]
		via := dyad.ViaTitle
		s := a.getActor("u:"+nameKey(q.name), func() *actorState {
			st := &actorState{name: q.name, typ: dyad.TypePerson, entry: -1, country: country, sector: ag.Sector()}
			switch {
			case country != "":
				st.code = ag.Compose(country)
			case org != "":
				st.code = org
			default:
				st.code = ag.Code
				via = dyad.ViaUnknown
			}
			return st
		})
		s.titles[p.agent] = true
		if s.gender == "" {
			s.gender = a.genderHint(q, q.name)
		}
		a.mention(q, s, via)
		a.seeUnknown(q, s.code)
		return s
	}
	return nil
}

// resolveBareAgent links an agent without nationality ("the regime",
// "rebels") to a group of the same kind met nearby, or makes a group of
// unknown nationality.
func (a *article) resolveBareAgent(p *pm) {
	ag := a.f.agentList[p.agent]
	if p.modCap != nil {
		a.resolveCapRef(p.modCap)
		if s := p.modCap.actor; s != nil && s.typ != dyad.TypePerson {
			a.mention(p, s, dyad.ViaCoreference)
			return
		}
		if u := p.st.units[p.hj-1]; u.Cap && armedHeads[u.key] && p.modCap.i < p.hi {
			// "the Free Karlstad Army": a name the dictionaries do not
			// know, ending in a capitalised agent of armed force.
			name := a.unitText(p.st, p.modCap.i, p.hj)
			s := a.getActor("o:"+nameKey(name), func() *actorState { return unknownOrg(name) })
			a.mention(p, s, dyad.ViaUnknown)
			return
		}
	}
	if p.det != "the" && !p.plur && !(p.det == "" && p.i == 0 && !a.f.peer) {
		a.peerLoneAgent(p)
		return // "a rebel", "rebel" as a modifier; not "Government suspends talks"
	}
	if a.namedGroup(p) {
		return // "the ELN ... the guerrilla group" (kinddesc.go)
	}
	fits := func(s *actorState) bool {
		return s.composed && s.country != "" && compatible(ag.Sector(), s.sector)
	}
	// The same word first, anywhere before ("the Syrian regime ... the
	// regime"), then any group of the sector nearby.
	head := a.headWord(p.agent)
	all, _ := a.candidates(p, 1<<20, 0)
	for _, q := range all {
		// An organisation or named group with its agents counts too:
		// "IAEA inspectors ... international inspectors", "Hezbollah
		// fighters ... the fighters".
		org := q.kind == pmComposed && q.actor.country == "" && q.actor.code != "" && q.actor.typ != dyad.TypePerson
		if (fits(q.actor) || org) && q.hj > q.hi && (q.kind == pmComposed || q.kind == pmPossComposed) &&
			q.st.units[q.hj-1].key == p.st.units[p.hj-1].key && a.headWord(q.agent) == head {
			a.mention(p, q.actor, dyad.ViaCoreference)
			return
		}
	}
	if p.hi > 0 && stateless[p.st.units[p.hi-1].key] {
		// "international inspectors", "foreign fighters": of no state
		// the context names.
		a.bareGroup(p)
		return
	}
	before, after := a.candidates(p, 2*backSents, fwdSents)
	for _, q := range before {
		if fits(q.actor) {
			a.mention(p, q.actor, dyad.ViaCoreference)
			return
		}
	}
	if p.st.seq <= 2 {
		for _, q := range after {
			if fits(q.actor) {
				a.mention(p, q.actor, dyad.ViaCoreference)
				return
			}
		}
	}
	// "the regime" after Assad: the government of the state of the person
	// or state named just before, when there is only one.
	if ag.Sector() == "GOV" && (p.det == "the" || p.plur) {
		countries := map[string]bool{}
		var last string
		for _, q := range before {
			if q.st.dist(p.st) > 1 {
				break
			}
			s := q.actor
			if s.country != "" && (s.typ == dyad.TypeState || (s.typ == dyad.TypePerson && compatible("GOV", s.sector))) {
				countries[s.country] = true
				last = s.country
			}
		}
		if len(countries) == 1 {
			name := a.unitText(p.st, p.hi, p.hj)
			if st := a.f.stateOf(last); st >= 0 {
				name = a.adjective(st) + " " + name
			}
			s := a.composedActor(last, p.agent, name)
			s.addEntry(ag.Pos.String())
			a.mention(p, s, dyad.ViaCoreference)
			return
		}
	}
	if c := a.placeCountry(p); c != "" {
		// "police" in a story set in Kenya (context.go).
		name := a.unitText(p.st, p.hi, p.hj)
		if st := a.f.stateOf(c); st >= 0 {
			name = a.adjective(st) + " " + name
		}
		s := a.composedActor(c, p.agent, name)
		s.addEntry(ag.Pos.String())
		a.mention(p, s, dyad.ViaCoreference)
		return
	}
	a.bareGroup(p)
}

// stateless are the modifiers that say an agent acts for no state the
// context names: "international inspectors", "foreign fighters".
var stateless = set(`international foreign multinational`)

// bareGroup makes a bare agent an actor of its own, with the agent's codes
// and no country.
func (a *article) bareGroup(p *pm) {
	ag := a.f.agentList[p.agent]
	s := a.getActor("g:"+ag.Code, func() *actorState {
		return &actorState{name: a.unitText(p.st, p.hi, p.hj), typ: dyad.TypeGroup, sector: ag.Sector(), code: ag.Code,
			entry: -1}
	})
	s.addEntry(ag.Pos.String())
	a.mention(p, s, dyad.ViaDictionary)
}

// resolvePossComposed makes the group of a possessor and an agent: "Assad's
// forces" (the Syrian military), "his government".
func (a *article) resolvePossComposed(p *pm) {
	ag := a.f.agentList[p.agent]
	via := dyad.ViaDictionary
	if p.possPron != "" || p.possCap != nil {
		via = dyad.ViaCoreference
	}
	for _, o := range a.possessors(p) {
		if o.country == "" {
			if o.typ != dyad.TypePerson {
				a.mention(p, o, via) // "the group's fighters"
			}
			continue
		}
		name := a.unitText(p.st, p.hi, p.hj)
		if st := a.f.stateOf(o.country); st >= 0 {
			name = a.adjective(st) + " " + name
		}
		s := a.composedActor(o.country, p.agent, name)
		s.addEntry(ag.Pos.String())
		q := *p
		a.mention(&q, s, via)
	}
}

// resolveCountryDesc links "the country" to the state named last, and "his
// country" to the possessor's state.
func (a *article) resolveCountryDesc(p *pm) {
	if p.possPron != "" {
		for _, o := range a.possessors(p) {
			if st := a.f.stateOf(o.country); st >= 0 {
				a.mention(p, a.entryActor(st), dyad.ViaCoreference)
				return
			}
		}
		return
	}
	before, _ := a.candidates(p, 2, 0)
	for _, q := range before {
		if q.actor.typ == dyad.TypeState {
			a.mention(p, q.actor, dyad.ViaCoreference)
			return
		}
	}
}

// resolvePair links "the two sides" to the last two actors named.
func (a *article) resolvePair(p *pm) {
	persons := set(`leaders men ministers presidents`)[p.word]
	states := set(`countries nations states capitals`)[p.word]
	before, _ := a.candidates(p, backSents, 0)
	var got []*actorState
	seen := map[string]bool{}
	for _, q := range before {
		s := q.actor
		id := s.country
		if id == "" {
			id = s.key
		}
		switch {
		case seen[id], q.kind == pmPron, q.kind == pmPair, q.st == p.st:
			continue
		case s.country == "" && s.typ == dyad.TypeGroup && s.code == a.f.agentCodeOf(s):
			continue // a group of no nationality: "people"
		case persons && s.typ != dyad.TypePerson:
			continue
		case states && s.typ != dyad.TypeState && !s.composed:
			continue
		case !persons && !states && s.country == "" && s.typ != dyad.TypeGroup:
			continue
		}
		seen[id] = true
		got = append(got, s)
		if len(got) == 2 {
			break
		}
	}
	if len(got) < 2 {
		return
	}
	for _, s := range got {
		q := *p
		a.mention(&q, s, dyad.ViaCoreference)
	}
}

// resolvePronoun links a pronoun to its antecedents, records them for
// Antecedent, and adds a mention unless the pronoun is quoted.
func (a *article) resolvePronoun(p *pm) {
	if p.word == "it" && !itActs(p) {
		return // "it is unclear", "it rained" (itpron.go)
	}
	ants := a.antecedents(p)
	tok := p.st.units[p.i].tok
	a.pronounStates[[2]int{p.st.idx, tok}] = ants
	if len(ants) == 0 || p.st.quoted[p.i] {
		return
	}
	for _, s := range ants {
		if s.gender == "" && malePron[p.word] {
			s.gender = "male"
		}
		if s.gender == "" && femalePron[p.word] {
			s.gender = "female"
		}
		q := *p
		a.mention(&q, s, dyad.ViaCoreference)
	}
}

// objectPron are pronouns in object position.
var objectPron = set(`him them himself themselves herself`)

// antecedents finds what a pronoun refers to: for he and she a person of a
// compatible gender, for they an organisation, group, state or pair; the
// subject of the pronoun's own sentence first (for him and them, the
// nearest other actor), then the subjects of the sentences before.
func (a *article) antecedents(p *pm) []*actorState {
	w := p.word
	fits := func(s *actorState) bool {
		switch {
		case malePron[w]:
			return s.typ == dyad.TypePerson && s.gender != "female"
		case femalePron[w]:
			return s.typ == dyad.TypePerson && s.gender != "male"
		case pluralPron[w]:
			return s.typ != dyad.TypePerson && (s.country != "" || s.typ != dyad.TypeGroup || s.code != "")
		case w == "its":
			return s.typ != dyad.TypePerson
		case w == "it":
			return s.typ != dyad.TypePerson && !s.plural
		}
		return false
	}
	if w == "whose" {
		before, _ := a.candidates(p, 0, 0)
		if len(before) > 0 && before[0].st == p.st {
			return []*actorState{before[0].actor}
		}
		return nil
	}
	before, _ := a.candidates(p, backSents, 0)
	bySent := map[int][]*pm{}
	var order []int
	for _, q := range before {
		if q.kind == pmPron && q.actor == nil {
			continue
		}
		if !fits(q.actor) {
			continue
		}
		if _, ok := bySent[q.st.seq]; !ok {
			order = append(order, q.st.seq)
		}
		bySent[q.st.seq] = append(bySent[q.st.seq], q) // nearest first
	}
	for _, seq := range order {
		qs := bySent[seq]
		var pick *pm
		switch {
		case seq == p.st.seq && objectPron[w] && len(qs) > 1:
			pick = qs[0] // the nearest, not the subject
			if pluralPron[w] {
				// "ordered three diplomats to leave the country,
				// accusing them of ...": the nearest phrase in the
				// plural, not "the country".
				for _, q := range qs {
					if q.plur || q.actor.plural {
						pick = q
						break
					}
				}
			}
		default:
			pick = a.subjectOf(qs)
		}
		out := []*actorState{pick.actor}
		if pluralPron[w] {
			// "Russia and Iran ... their": both.
			for _, q := range qs {
				if q != pick && q.actor != pick.actor && coordinated(q, pick) {
					out = append(out, q.actor)
				}
			}
		}
		return out
	}
	return nil
}

// subjectOf picks the subject among candidates of one sentence (given
// nearest first): the one the parse marks as subject, else the first in the
// sentence.
func (a *article) subjectOf(qs []*pm) *pm {
	for _, q := range qs {
		if q.subject() {
			return q
		}
	}
	return qs[len(qs)-1]
}

// subject reports whether the parse makes the phrase's head the subject of
// a verb.
func (p *pm) subject() bool {
	toks := p.st.s.Tokens
	for k := p.st.units[p.i].tok; k <= p.st.units[p.j-1].tok && k < len(toks); k++ {
		if strings.HasPrefix(toks[k].Rel, "nsubj") {
			return true
		}
	}
	return false
}

// coordinated reports whether two phrases of one sentence are joined by
// "and" (or a comma): "Russia and Iran".
func coordinated(x, y *pm) bool {
	if x.st != y.st {
		return false
	}
	if x.i > y.i {
		x, y = y, x
	}
	gap := y.i - x.j
	if gap < 1 || gap > 2 {
		return false
	}
	for k := x.j; k < y.i; k++ {
		t := x.st.units[k].key
		if t != "and" && t != "," && t != "the" {
			return false
		}
	}
	return true
}
