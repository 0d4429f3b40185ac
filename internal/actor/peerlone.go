package actor

import "github.com/dyad-project/dyad"

// peerLoneAgent makes, for PETRARCH (Finder.AgentLists), an agent alone
// after "a" or no determiner ("a senior official") an actor of the
// agent's code alone, as PETRARCH codes it (---GOV), where dyad's rule
// takes it for no actor. It reports whether it did.
func (a *article) peerLoneAgent(p *pm) bool {
	if !a.f.peer || !a.f.lists || p.agent < 0 {
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
// WFNA", units [i, j)) a mention of the agent alone: PETRARCH codes a noun
// phrase by the agents in it.
func (a *article) peerAgentOfName(st *sentence, els []elem, i, j int, ag int32) {
	if !a.f.peer || !a.f.lists {
		return
	}
	for n := len(els) - 1; n >= 0; n-- {
		if e := els[n]; e.it.kind == itAgent && e.it.agent == ag {
			a.add(&pm{kind: pmBareAgent, st: st, i: i, j: j, agent: ag, hi: e.it.i, hj: e.it.j}, i)
			return
		}
	}
}
