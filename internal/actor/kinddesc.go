package actor

import (
	"strings"

	"github.com/dyad-project/dyad"
)

// Descriptions by kind: a definite "the group", "the alliance", "the bloc",
// "the agency" or "the island" refers back to the last actor of that kind
// named before it: "the ELN ... the group", "NATO ... the alliance",
// "Taiwan ... the island's leader". Followed by a possessive, the
// description is the possessor of the phrase after it ("the island's
// presidential office" is Taiwan's).

// kindNouns are the nouns that name a kind of actor.
var kindNouns = set(`group movement alliance bloc organisation organization agency watchdog island`)

// islandStates are the states that are islands or lie on islands of their
// own, so that "the island" can refer to them.
var islandStates = set(`TWN JPN CUB HTI DOM JAM LKA MDG PHL IDN IRL ISL NZL CYP MLT SGP BHR TTO BHS BRB FJI MUS SYC
CPV COM STP MDV TON WSM VUT SLB KIR NRU TUV PLW FSM MHL ATG DMA GRD KNA LCA VCT TLS PRI`)

// kindDesc returns the phrase of the kind noun at items[k] when it is a
// definite description that starts its noun phrase ("the group", not "a
// group", "the rebel group's", "the group of seven"), or nil.
func (a *article) kindDesc(st *sentence, items []item, k int, det, poss string, nEls int) *pm {
	if nEls > 0 || det != "the" || poss != "" {
		return nil
	}
	if k+1 < len(items) && (items[k+1].kind == itOf || items[k+1].kind == itCap || items[k+1].kind == itName) {
		return nil // "the group of protesters", "the group Hamas"
	}
	it := items[k]
	return &pm{kind: pmKindDesc, st: st, i: it.i, j: it.j, det: det, agent: -1, word: it.word, via: "coreference"}
}

// kindFits reports whether an actor is of the kind a noun names.
func kindFits(word string, s *actorState) bool {
	switch word {
	case "group", "movement":
		// A named non-state group: "the ELN ... the group".
		return s.typ != dyad.TypePerson && s.typ != dyad.TypeState && s.country == "" && !s.composed &&
			s.sector != "IGO" && !strings.HasPrefix(s.code, "IGO")
	case "island":
		return s.typ == dyad.TypeState && islandStates[s.country]
	default:
		// "the alliance", "the bloc", "the agency": an organisation of
		// states or another named organisation.
		return s.typ != dyad.TypePerson &&
			(s.typ == dyad.TypeOrganisation || s.sector == "IGO" || strings.HasPrefix(s.code, "IGO"))
	}
}

// resolveKindDesc links a description by kind to the nearest actor of that
// kind before it (for a group within a few sentences, for an organisation
// or an island anywhere before), or in a headline to one just after.
func (a *article) resolveKindDesc(p *pm) {
	if p.actor != nil {
		return
	}
	back := 2 * backSents
	if p.word != "group" && p.word != "movement" {
		back = 1 << 20
	}
	before, after := a.candidates(p, back, fwdSents)
	if p.st.seq > 0 {
		after = nil
	}
	for _, l := range [][]*pm{before, after} {
		for _, q := range l {
			if q.kind == pmKindDesc {
				continue
			}
			if kindFits(p.word, q.actor) {
				a.mention(p, q.actor, dyad.ViaCoreference)
				return
			}
			// The organisation or state that qualifies a phrase: "a NATO
			// spokesperson ... the alliance".
			for _, ref := range q.nats {
				if s := a.entryActor(a.f.nameRefs[ref].entry); kindFits(p.word, s) {
					a.mention(p, s, dyad.ViaCoreference)
					return
				}
			}
		}
	}
}

// groupHeads are the head nouns of agents that describe one organised
// group ("the rebel group", "the militia"), not a side ("the opposition").
var groupHeads = set(`group movement organisation organization militia faction`)

// armedSectors are the sectors of agents that can describe a named armed
// group: "the rebel group", "the guerrilla group", "the militants".
var armedSectors = set(`REB UAF INS`)

// namedGroup links an armed agent with no nationality to the named armed
// group it describes: "the ELN ... the guerrilla group" (definite,
// singular and naming a group: "rebels" or "the opposition" may be any). It reports whether it did.
func (a *article) namedGroup(p *pm) bool {
	ag := a.f.agentList[p.agent]
	if !armedSectors[ag.Sector()] || p.det != "the" || p.plur || !groupHeads[a.headWord(p.agent)] {
		return false
	}
	before, after := a.candidates(p, 2*backSents, fwdSents)
	if p.st.seq > 0 {
		after = nil
	}
	for _, l := range [][]*pm{before, after} {
		for _, q := range l {
			if kindFits("group", q.actor) && compatible(ag.Sector(), q.actor.sector) {
				a.mention(p, q.actor, dyad.ViaCoreference)
				return true
			}
		}
	}
	return false
}
