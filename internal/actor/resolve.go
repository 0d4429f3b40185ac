package actor

import (
	"sort"
	"strings"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/dict"
)

// article is the state of Find for one article.
type article struct {
	f               *Finder
	text, published string
	sents           []*sentence
	pms             []*pm
	actors          map[string]*actorState
	// done holds the phrases resolved so far, in text order.
	done          []*pm
	pronouns      map[[2]int][]*dyad.Actor
	pronounStates map[[2]int][]*actorState
	unknowns      []unknownSeen
	home          *string // the article's home country, once known (context.go)
}

// actorState is an actor being assembled.
type actorState struct {
	key                   string
	name, typ             string
	country, sector, code string
	entry                 int32 // dictionary entry, -1 for none
	gender                string
	plural                bool
	titles                map[int32]bool // agents used as titles of a person
	entries               []string
	mentions              []mentionState
	out                   *dyad.Actor
	orgCode               string // for persons found through an organisation
	composed              bool   // a nationality + agent group
}

type mentionState struct {
	dyad.Mention
	first, last int
}

func mentionLess(a, b mentionState) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	return a.End > b.End
}

// actor returns the dyad.Actor of a state.
func (s *actorState) actor() *dyad.Actor {
	if s.out == nil {
		s.out = &dyad.Actor{Name: s.name, Country: s.country, Sector: s.sector, Code: s.code, Type: s.typ,
			Entries: s.entries}
	}
	return s.out
}

func (s *actorState) addEntry(e string) {
	for _, x := range s.entries {
		if x == e {
			return
		}
	}
	s.entries = append(s.entries, e)
}

// pos orders phrases in the text.
func (p *pm) pos() int { return p.st.units[p.i].Start }

// mention records p as a mention of actor s.
func (a *article) mention(p *pm, s *actorState, via string) {
	if p.dead || p.i >= p.j {
		return
	}
	if a.f.peer {
		if c := a.peerActor(p); c != nil {
			s = c
		}
	}
	p.actor = s
	if p.via == "" || via != "" {
		p.via = via
	}
	st := p.st
	start, end := st.units[p.i].Start, st.units[p.j-1].End
	for _, m := range s.mentions {
		if m.Start == start && m.End == end {
			a.markDone(p)
			return
		}
	}
	s.mentions = append(s.mentions, mentionState{
		Mention: dyad.Mention{Start: start, End: end, Text: a.text[start:end], Sentence: st.idx, Via: p.via},
		first:   st.units[p.i].tok, last: st.units[p.j-1].tok,
	})
	a.markDone(p)
}

// markDone inserts a resolved phrase into the text-ordered list.
func (a *article) markDone(p *pm) {
	k := sort.Search(len(a.done), func(n int) bool { return a.done[n].pos() > p.pos() })
	a.done = append(a.done, nil)
	copy(a.done[k+1:], a.done[k:])
	a.done[k] = p
}

// getActor returns the actor with key, making it with mk when new.
func (a *article) getActor(key string, mk func() *actorState) *actorState {
	if s, ok := a.actors[key]; ok {
		return s
	}
	s := mk()
	s.key = key
	if s.titles == nil {
		s.titles = map[int32]bool{}
	}
	a.actors[key] = s
	return s
}

// entryActor returns the actor of a dictionary entry.
func (a *article) entryActor(ei int32) *actorState {
	return a.getActor("e:"+itoa(int(ei)), func() *actorState {
		e := a.f.entries[ei]
		c, s, code := e.Codes(a.published)
		if e.Type == dict.ActorState && s == "" && c != "" {
			s = "GOV" // a state acts through its government; its code stays bare
		}
		st := &actorState{name: e.Name, typ: e.Type, country: c, sector: s, code: code, entry: ei, gender: e.Gender}
		return st
	})
}

// composedActor returns the actor of a nationality (a country code) and an
// agent: the Syrian rebels, SYRREB.
func (a *article) composedActor(country string, ag int32, name string) *actorState {
	agent := a.f.agentList[ag]
	code := agent.Compose(country)
	return a.getActor("c:"+code, func() *actorState {
		return &actorState{name: name, typ: dyad.TypeGroup, country: country, sector: agent.Sector(), code: code,
			entry: -1, composed: true}
	})
}

// adjective returns the nationality adjective of a state entry that shares
// the most letters with the start of its name ("Syrian" for Syria,
// "Russian" for Russia), or the name when no adjective does ("United
// States": "Unitedstatian" is no adjective to show).
func (a *article) adjective(ei int32) string {
	e := a.f.entries[ei]
	best, score := e.Name, 3
	name := strings.ToLower(e.Name)
	first := name
	if i := strings.IndexByte(name, ' '); i > 0 {
		first = name[:i]
	}
	for _, n := range e.Names {
		if n.Kind != dict.ActorAdjective {
			continue
		}
		adj := strings.ToLower(n.Text)
		if first != name && strings.HasPrefix(adj, first) {
			continue
		}
		k := 0
		for k < len(adj) && k < len(name) && adj[k] == name[k] {
			k++
		}
		if k > score {
			best, score = n.Text, k
		}
	}
	return best
}

// chooseRef picks the entry for a name that several entries share: one
// whose codes hold on the publication date, then one of the phrase's
// nationality, then the last loaded.
func (a *article) chooseRef(refs []int32, quals []int32) int32 {
	if len(refs) == 1 {
		return refs[0]
	}
	best, score := refs[len(refs)-1], -1
	want := map[string]bool{}
	for _, q := range quals {
		c, _, _ := a.f.entryOf(q).Codes(a.published)
		if c != "" {
			want[c] = true
		}
	}
	for n := len(refs) - 1; n >= 0; n-- {
		e := a.f.entryOf(refs[n])
		sc := 0
		if _, ok, _ := e.RoleAt(a.published); ok && a.published != "" {
			sc += 2
		}
		if c, _, _ := e.Codes(a.published); want[c] {
			sc++
		}
		if sc > score {
			best, score = refs[n], sc
		}
	}
	return best
}

// resolve turns the phrases into actors: names first, then the phrases that
// refer back to them, in text order.
func (a *article) resolve() {
	a.pronouns = map[[2]int][]*dyad.Actor{}
	a.pronounStates = map[[2]int][]*actorState{}
	sort.SliceStable(a.pms, func(i, j int) bool {
		if a.pms[i].st.idx != a.pms[j].st.idx {
			return a.pms[i].st.idx < a.pms[j].st.idx
		}
		return a.pms[i].i < a.pms[j].i
	})
	for k, st := range a.sents {
		st.seq = k
	}
	var later []*pm
	defs := a.definedAcronyms()
	var acronyms []*pm
	for _, p := range a.pms {
		if a.acronymUse(p, defs) != nil {
			acronyms = append(acronyms, p)
			continue
		}
		switch p.kind {
		case pmEntry:
			a.resolveEntry(p)
		case pmCapital:
			ref := a.capitalRef(p.refs)
			c, _, _ := a.f.entryOf(ref).Codes(a.published)
			if c == "" {
				continue
			}
			s := a.getActor("c:"+c+"GOV", func() *actorState {
				return &actorState{name: a.adjective(a.f.nameRefs[ref].entry) + " government", typ: dyad.TypeGroup,
					country: c, sector: "GOV", code: c + "GOV", entry: -1, composed: true}
			})
			s.addEntry(a.f.nameRefs[ref].pos.String())
			a.mention(p, s, dyad.ViaDictionary)
		case pmComposed:
			a.resolveComposed(p)
		case pmUnknownOrg:
			if a.resolveOwnedOrg(p) {
				continue
			}
			s := a.getActor("o:"+nameKey(p.name), func() *actorState {
				return unknownOrg(p.name)
			})
			a.mention(p, s, dyad.ViaUnknown)
			a.seeUnknown(p, "")
		default:
			later = append(later, p)
		}
	}
	a.resolveAcronyms(defs, acronyms)
	// Capitalised names: surnames of persons met, short names of
	// organisations, unknown persons with titles.
	var rest, unlinked []*pm
	for _, p := range later {
		switch p.kind {
		case pmCapRef:
			if !a.linkCapRef(p) {
				unlinked = append(unlinked, p)
			}
		case pmUnknownPerson:
			a.resolveUnknownPerson(p)
		default:
			rest = append(rest, p)
		}
	}
	// Descriptions, agents and pronouns, in text order.
	for _, p := range rest {
		switch p.kind {
		case pmDesc:
			a.resolveDesc(p)
		case pmBareAgent:
			a.resolveBareAgent(p)
		case pmPossComposed:
			a.resolvePossComposed(p)
		case pmCountryDesc:
			a.resolveCountryDesc(p)
		case pmPair:
			a.resolvePair(p)
		case pmPron:
			a.resolvePronoun(p)
		case pmKindDesc:
			a.resolveKindDesc(p)
		}
	}
	// A surname whose person is named in full only by a description's
	// apposition ("his Azerbaijani counterpart, Elnur Mammadli") is linked
	// once the descriptions are resolved.
	for _, p := range unlinked {
		if p.actor == nil {
			a.resolveCapRef(p)
		}
	}
}

// unknownOrg returns a new actor for an organisation the dictionaries do
// not know: a militarised group of no state when its name says it is armed
// (armedHeads), else an organisation without codes.
func unknownOrg(name string) *actorState {
	s := &actorState{name: name, typ: dyad.TypeOrganisation, entry: -1}
	if w := dictWords(name); len(w) > 1 && armedHeads[w[len(w)-1]] {
		s.typ, s.sector, s.code = dyad.TypeGroup, "UAF", "IMG"
	}
	return s
}

// capitalRef returns the ref of a capital among refs.
func (a *article) capitalRef(refs []int32) int32 {
	for _, r := range refs {
		if a.f.nameRefs[r].kind == dict.ActorCapital {
			return r
		}
	}
	return refs[0]
}

// resolveEntry makes the actor of a dictionary name.
func (a *article) resolveEntry(p *pm) {
	ref := a.chooseRef(p.refs, p.nats)
	nr := a.f.nameRefs[ref]
	e := a.f.entries[nr.entry]
	s := a.entryActor(nr.entry)
	s.addEntry(nr.pos.String())
	for _, t := range p.titles {
		s.titles[t] = true
		s.addEntry(a.f.agentList[t].Pos.String())
	}
	if s.gender == "" {
		s.gender = a.genderHint(p, e.Name)
	}
	if e.Type == dict.ActorPerson && s.code == "" {
		// A person without codes takes them from the title.
		a.codesFromTitle(s, p)
	}
	a.mention(p, s, dyad.ViaDictionary)
}

// genderHint guesses a person's gender from an honorific, a title or the
// first name.
func (a *article) genderHint(p *pm, name string) string {
	switch {
	case maleTitles[p.honor]:
		return "male"
	case femaleTitles[p.honor]:
		return "female"
	}
	for _, t := range p.titles {
		w := a.f.agentList[t].Phrase
		switch {
		case maleTitles[w]:
			return "male"
		case femaleTitles[w]:
			return "female"
		}
	}
	words := dictWords(name)
	for _, w := range words {
		if particles[w] {
			continue
		}
		return genderOfFirstName(w)
	}
	return ""
}

// codesFromTitle gives a person the codes of the nationality or
// organisation and the title of its phrase.
func (a *article) codesFromTitle(s *actorState, p *pm) {
	ag := int32(-1)
	if len(p.titles) > 0 {
		ag = p.titles[len(p.titles)-1]
	}
	if p.agent >= 0 {
		ag = p.agent
	}
	for _, q := range p.nats {
		e := a.f.entryOf(q)
		c, sec, code := e.Codes(a.published)
		switch {
		case e.Type == dict.ActorState && c != "":
			s.country = c
			if ag >= 0 {
				s.code = a.f.agentList[ag].Compose(c)
				s.sector = a.f.agentList[ag].Sector()
			} else {
				s.code = c
			}
			s.addEntry(a.f.nameRefs[q].pos.String())
			return
		case code != "":
			// An organisation: its codes, a state institution's too.
			s.country, s.sector, s.code = c, sec, code
			s.addEntry(a.f.nameRefs[q].pos.String())
			return
		}
	}
	if ag >= 0 {
		s.sector = a.f.agentList[ag].Sector()
		s.code = a.f.agentList[ag].Code
	}
}

// resolveComposed makes the actor of a nationality and a collective agent.
func (a *article) resolveComposed(p *pm) {
	q := p.nats[0]
	nr := a.f.nameRefs[q]
	e := a.f.entries[nr.entry]
	c, _, code := e.Codes(a.published)
	ag := a.f.agentList[p.agent]
	switch {
	case e.Type == dict.ActorState && c != "":
		nat := a.adjective(nr.entry)
		if nr.kind == dict.ActorAdjective && p.nj > p.ni {
			nat = a.unitText(p.st, p.ni, p.nj)
		}
		s := a.composedActor(c, p.agent, nat+" "+a.unitText(p.st, p.hi, p.hj))
		s.addEntry(nr.pos.String())
		s.addEntry(ag.Pos.String())
		a.mention(p, s, dyad.ViaDictionary)
	case c != "" && e.Type == dict.ActorOrganisation:
		// A state institution and an agent: "Kremlin officials".
		s := a.composedActor(c, p.agent, e.Name+" "+a.unitText(p.st, p.hi, p.hj))
		s.addEntry(nr.pos.String())
		a.mention(p, s, dyad.ViaDictionary)
	case code != "" || e.Type == dict.ActorGroup || e.Type == dict.ActorOrganisation:
		// A group or an international organisation with its fighters or
		// officials is the group: "Hezbollah fighters", "IS forces".
		s := a.entryActor(nr.entry)
		s.addEntry(nr.pos.String())
		a.mention(p, s, dyad.ViaDictionary)
	}
}

// seq numbers the sentences read, for distances.
func (st *sentence) dist(o *sentence) int {
	d := st.seq - o.seq
	if d < 0 {
		return -d
	}
	return d
}

// resolveCapRef links a capitalised unknown name to an actor met in the
// article, or records it as a name the dictionaries lack.
func (a *article) resolveCapRef(p *pm) {
	if !a.linkCapRef(p) {
		a.seeUnknown(p, "")
	}
}

// linkCapRef links a capitalised unknown name to an actor met in the
// article: a person by surname or full name, an organisation by a word of
// its name or its acronym. A lone word that is the first word of a
// person's name links to that person when no surname matches: Chinese,
// Korean and Vietnamese names put the family name first ("Wang Lin" is
// "Wang").
func (a *article) linkCapRef(p *pm) bool {
	words := dictWords(p.name)
	if len(words) == 0 {
		return false
	}
	lastW := words[len(words)-1]
	var best *actorState
	bestDist, bestRank := 1<<30, 2
	for _, s := range a.sortedActors() {
		if len(s.mentions) == 0 {
			continue
		}
		ok, rank := false, 0
		nw := dictWords(s.name)
		switch s.typ {
		case dyad.TypePerson:
			if len(nw) > 0 && nw[len(nw)-1] == lastW && (len(words) == 1 || strings.Join(nw, " ") == strings.Join(words, " ") ||
				strings.HasSuffix(strings.Join(nw, " "), " "+strings.Join(words, " "))) {
				ok = true
			}
			if !ok && len(words) == 1 && len(nw) > 1 && nw[0] == lastW {
				ok, rank = true, 1
			}
			if !ok && len(words) == 1 && s.entry >= 0 {
				// A one-word alias of the person's entry: "Putin".
				for _, n := range a.f.entries[s.entry].Names {
					if nameKey(n.Text) == lastW {
						ok = true
						break
					}
				}
			}
		case dyad.TypeOrganisation, dyad.TypeGroup:
			if len(words) == 1 && !s.composed {
				for _, w := range significant(nw) {
					if w == lastW {
						ok = true
					}
				}
				if u := p.st.units[p.i]; u.Upper && len(u.Text) >= 2 && initialsOf(nw) == lastW {
					ok = true // an acronym: "SOHR"
				}
			}
		}
		if !ok {
			continue
		}
		d := a.distTo(p, s)
		if rank < bestRank || rank == bestRank && d < bestDist {
			best, bestDist, bestRank = s, d, rank
		}
	}
	if best == nil {
		return false
	}
	a.mention(p, best, dyad.ViaCoreference)
	return true
}

// significant returns the words of a name that are not particles.
func significant(words []string) []string {
	var out []string
	for _, w := range words {
		if !particles[w] && len(w) > 2 {
			out = append(out, w)
		}
	}
	return out
}

func initialsOf(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if particles[w] || w == "for" || w == "'s" {
			continue
		}
		b.WriteString(w[:1])
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// distTo measures how far the nearest mention of s is from p: mentions
// before p count from 0 up, mentions after it from a large offset, so that
// an earlier mention wins.
func (a *article) distTo(p *pm, s *actorState) int {
	best := 1 << 30
	pos := p.pos()
	for _, m := range s.mentions {
		d := 0
		if m.Start < pos {
			d = pos - m.Start
		} else {
			d = 1<<20 + m.Start - pos
		}
		if d < best {
			best = d
		}
	}
	return best
}

// sortedActors returns the actors in key order, for determinism.
func (a *article) sortedActors() []*actorState {
	keys := make([]string, 0, len(a.actors))
	for k := range a.actors {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]*actorState, len(keys))
	for i, k := range keys {
		out[i] = a.actors[k]
	}
	return out
}

// resolveUnknownPerson handles an unknown name after a title: a surname of
// a person met ("Secretary Kerry"), a person of the dictionary known by
// surname, or a new person with the title's codes.
func (a *article) resolveUnknownPerson(p *pm) {
	words := dictWords(p.name)
	if len(words) == 0 {
		return
	}
	// A person met, by surname.
	for _, s := range a.sortedActors() {
		if s.typ != dyad.TypePerson || len(s.mentions) == 0 {
			continue
		}
		nw := dictWords(s.name)
		if len(nw) > 0 && nw[len(nw)-1] == words[len(words)-1] && (len(words) == 1 || nameKey(s.name) == nameKey(p.name)) {
			for _, t := range p.titles {
				s.titles[t] = true
			}
			a.mention(p, s, dyad.ViaCoreference)
			return
		}
	}
	// A dictionary person by surname, when one alone holds a role then.
	if len(words) == 1 {
		var found []int32
		for _, ei := range a.f.surnames[words[0]] {
			if _, ok, _ := a.f.entries[ei].RoleAt(a.published); ok {
				found = append(found, ei)
			}
		}
		if len(found) == 1 {
			s := a.entryActor(found[0])
			for _, t := range p.titles {
				s.titles[t] = true
			}
			s.addEntry(a.f.entries[found[0]].Pos.String())
			a.mention(p, s, dyad.ViaDictionary)
			return
		}
	}
	// An organisation named before the title: "Observatory head X".
	var org *actorState
	if p.modCap != nil {
		a.resolveCapRef(p.modCap)
		if p.modCap.actor != nil && p.modCap.actor.typ != dyad.TypePerson {
			org = p.modCap.actor
		}
	}
	s := a.getActor("u:"+nameKey(p.name), func() *actorState {
		return &actorState{name: p.name, typ: dyad.TypePerson, entry: -1}
	})
	for _, t := range p.titles {
		s.titles[t] = true
	}
	if s.gender == "" {
		s.gender = a.genderHint(p, p.name)
	}
	via := dyad.ViaUnknown
	if s.code == "" {
		switch {
		case org != nil:
			s.country, s.sector, s.code = org.country, org.sector, org.code
		default:
			a.codesFromTitle(s, p)
			a.localOfficial(s, p)
		}
	}
	if s.country != "" || strings.HasPrefix(s.code, "IGO") || org != nil || s.sector == "IGO" || s.sector == "NGO" {
		via = dyad.ViaTitle
	}
	for _, t := range p.titles {
		s.addEntry(a.f.agentList[t].Pos.String())
	}
	a.mention(p, s, via)
	a.seeUnknown(p, s.code)
}

// localOfficial gives a person whose title is an office of a state, named
// without a nationality or an organisation ("Foreign Minister Tomasz
// Zielinski told reporters"), the article's local country (localCountry).
// A capitalised word before the title that names no known organisation
// ("Ministry spokeswoman X") leaves the person without a country: it may be
// another state's.
func (a *article) localOfficial(s *actorState, p *pm) {
	if s.country != "" || a.f.peer || p.modCap != nil || len(p.nats) > 0 || len(p.titles) == 0 {
		return
	}
	ag := a.f.agentList[p.titles[len(p.titles)-1]]
	if !ag.Person || !governing(ag) {
		return
	}
	c := a.localCountry()
	if c == "" {
		return
	}
	s.country, s.sector, s.code = c, ag.Sector(), ag.Compose(c)
}

// peerActor returns the actor of a phrase under the peers' composition rule
// (Finder.PeerCodes): the code of the phrase's qualifying actor with its
// agent's code appended, or nil when the phrase has no qualifier with a
// code or no agent.
func (a *article) peerActor(p *pm) *actorState {
	ag := p.agent
	if ag < 0 && len(p.titles) > 0 {
		ag = p.titles[len(p.titles)-1]
	}
	if ag < 0 || len(p.nats) == 0 {
		return nil
	}
	e := a.f.entryOf(p.nats[0])
	_, _, base := e.Codes(a.published)
	if base == "" {
		return nil
	}
	agent := a.f.agentList[ag]
	code := base
	if !strings.HasSuffix(base, agent.Code) && !strings.HasPrefix(base, agent.Code) {
		code = agent.Compose(base)
	}
	return a.getActor("p:"+code, func() *actorState {
		c, sec := dict.ActorCodeParts(code)
		return &actorState{name: e.Name + " " + agent.Phrase, typ: dyad.TypeGroup, country: c, sector: sec, code: code,
			entry: -1, composed: true}
	})
}

// peerCodesEach gives, under the peers' rule, each undated code of an
// entry with several ("THE SHIRE [FRO/BIL/SAM]") an actor of its own with
// the entry's mentions: TABARI and PETRARCH code an event for each.
func (a *article) peerCodesEach() {
	var keys []string
	for k := range a.actors {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		s := a.actors[k]
		if s.entry < 0 || s.composed || len(s.mentions) == 0 {
			continue
		}
		e := a.f.entries[s.entry]
		if r, ok, _ := e.RoleAt(a.published); !ok || r.Dated() {
			continue // a dated role holds: the entry has one code now
		}
		for _, r := range e.Roles {
			if r.Code == s.code || r.Dated() {
				continue
			}
			code := r.Code
			c := a.getActor("m:"+itoa(int(s.entry))+":"+code, func() *actorState {
				country, sec := dict.ActorCodeParts(code)
				return &actorState{name: s.name, typ: s.typ, country: country, sector: sec, code: code,
					entry: -1, composed: true}
			})
			c.mentions = append(c.mentions, s.mentions...)
		}
	}
}

// peerAgents composes, under the peers' rule, each mention of a coded actor
// with an agent right after it ("Bree Prime Minister Romendacil": BREGOV)
// or right before it, across "of" ("the ambassadors of Arnor": ARNGOV), as
// TABARI did; the mention then covers the agent too.
func (a *article) peerAgents() {
	bySent := map[int]*sentence{}
	for _, st := range a.sents {
		bySent[st.idx] = st
	}
	var keys []string
	for k := range a.actors {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var covered []mentionState
	for _, k := range keys {
		s := a.actors[k]
		if s.code == "" || s.composed {
			continue
		}
		kept := s.mentions[:0]
		for _, m := range s.mentions {
			st := bySent[m.Sentence]
			if st == nil {
				kept = append(kept, m)
				continue
			}
			it, ok, own := adjacentAgent(st, m.first, m.last, a.f.lists)
			if !ok {
				kept = append(kept, m)
				continue
			}
			agent := a.f.agentList[it.agent]
			code := s.code
			if !strings.HasSuffix(code, agent.Code) {
				code = agent.Compose(code)
			}
			c := a.getActor("p:"+code, func() *actorState {
				country, sec := dict.ActorCodeParts(code)
				return &actorState{name: s.name + " " + agent.Phrase, typ: dyad.TypeGroup, country: country, sector: sec,
					code: code, entry: -1, composed: true}
			})
			first, last := m.first, m.last
			if u := st.units[it.i].tok; u < first && !own {
				first = u
			}
			if u := st.units[it.j-1].tok; u > last && !own {
				last = u
			}
			start, end := st.s.Tokens[first].Start, st.s.Tokens[last].End
			c.mentions = append(c.mentions, mentionState{
				Mention: dyad.Mention{Start: start, End: end, Text: a.text[start:end], Sentence: m.Sentence, Via: m.Via},
				first:   first, last: last,
			})
			covered = append(covered, mentionState{Mention: dyad.Mention{Sentence: m.Sentence}, first: first, last: last})
		}
		s.mentions = kept
	}
	// The agent's own mention ("Soldiers") inside a composed one
	// ("Soldiers from Gondor") is gone with it.
	for _, k := range keys {
		s := a.actors[k]
		if s.composed {
			continue
		}
		kept := s.mentions[:0]
		for _, m := range s.mentions {
			inside := false
			for _, c := range covered {
				if c.Sentence == m.Sentence && c.first <= m.first && m.last <= c.last {
					inside = true
					break
				}
			}
			if !inside {
				kept = append(kept, m)
			}
		}
		s.mentions = kept
	}
}

// inListAfter reports whether token first begins a name of the list of
// names that follows item n across "of", "from" or "in": names joined by
// commas and "and"; later says it is not the list's first.
func inListAfter(st *sentence, n, first int) (in, later bool) {
	k := n + 1
	if k < len(st.items) && (st.items[k].kind == itOf || st.items[k].word == "from" || st.items[k].word == "in") {
		k++
	}
	for names := 0; k < len(st.items); k++ {
		it := st.items[k]
		switch it.kind {
		case itName:
			if st.units[it.i].tok == first {
				return names > 0 || k > n+1, names > 0
			}
			names++
		case itAnd, itComma:
		default:
			return false, false
		}
	}
	return false, false
}

// adjacentAgent returns the agent item right after tokens first..last
// (across a possessive "'s" and adjectives: "Dagolath's first Deputy Prime
// Minister"), or right before them with an optional "of" or "from" between
// ("Soldiers from Gondor"). With lists, an agent before a list of actors,
// across "of", "from" or "in", is each one's ("Lawmakers in Fornost and
// Gondor").
//
// own is set when the composed mention keeps the actor's own words: a name
// of a list after its first.
func adjacentAgent(st *sentence, first, last int, lists bool) (it item, ok, own bool) {
	next := last + 1
	toks := st.s.Tokens
	if next < len(toks) && (toks[next].Text == "'s" || toks[next].Text == "'") {
		next++
		for n := 0; n < 2 && next < len(toks) && toks[next].UPOS == "ADJ"; n++ {
			next++
		}
	}
	for _, it := range st.items {
		if it.kind == itAgent && (st.units[it.i].tok == last+1 || st.units[it.i].tok == next) {
			return it, true, false
		}
	}
	for n, it := range st.items {
		if it.kind != itAgent {
			continue
		}
		end := st.units[it.j-1].tok
		if end == first-1 {
			return it, true, false
		}
		if end == first-2 && n+1 < len(st.items) && (st.items[n+1].kind == itOf || st.items[n+1].word == "from") {
			return it, true, false
		}
		if lists {
			if in, later := inListAfter(st, n, first); in {
				return it, true, later
			}
		}
	}
	return item{}, false, false
}
