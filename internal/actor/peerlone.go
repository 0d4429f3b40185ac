package actor

import "github.com/dyad-project/dyad"

// peerLoneAgent makes, under the peers' rule, an agent alone in the
// singular without "the" an actor of the agent's code alone, where dyad's
// rule takes it for no actor: PETRARCH codes "a senior official" (---GOV),
// TABARI "police" or "fundamentalist jihad" before a verb (~COP, ~MOSREB)
// but no agent after "a". It reports whether it did.
func (a *article) peerLoneAgent(p *pm) bool {
	if !a.f.peer || p.agent < 0 || !a.f.lists && p.det != "" {
		return false
	}
	ag := a.f.agentList[p.agent]
	if ag.Code == "" {
		return false
	}
	s := a.getActor("g:"+ag.Code, func() *actorState {
		return &actorState{name: a.unitText(p.st, p.hi, p.hj), typ: dyad.TypePerson, sector: ag.Sector(), code: ag.Code,
			entry: -1}
	})
	s.addEntry(ag.Pos.String())
	a.mention(p, s, dyad.ViaDictionary)
	return true
}

// peerAgentOfName makes, for PETRARCH (Finder.AgentLists), an unknown name
// after an agent that is no person's title ("the official news agency
// WFNA", units [i, j)) a mention of the agent alone, or composed with the
// qualifiers' code ("Gondor's Prime Minister Falastur" is GONGOV): PETRARCH
// codes a noun phrase by the actors and agents in it. It reports whether
// it did: the qualifiers are then no mentions of their own.
func (a *article) peerAgentOfName(st *sentence, els []elem, i, j int, ag int32, quals []int32) bool {
	if !a.f.peer || !a.f.lists {
		return false
	}
	for n := len(els) - 1; n >= 0; n-- {
		if e := els[n]; e.it.kind == itAgent && e.it.agent == ag {
			a.add(&pm{kind: pmBareAgent, st: st, i: i, j: j, agent: ag, hi: e.it.i, hj: e.it.j, nats: quals}, i)
			return true
		}
	}
	return false
}
