package actor

import "github.com/dyad-project/dyad"

// An unknown organisation that a state or its capital owns: "Beijing's
// Taiwan Affairs Office", "Russia's Federal Security Service". The owner
// gives it its country; an office of government (a ministry, an office, an
// agency) acts for the government.

// govOrgHeads end the names of the bodies of a government.
var govOrgHeads = set(`office ministry department agency bureau commission council authority administration
service directorate`)

// stateOwner returns the name ref of the state or capital that possesses the
// element els[head] ("Beijing's"), or nil.
func stateOwner(f *Finder, els []elem, head int) []int32 {
	if head < 1 {
		return nil
	}
	e := els[head-1]
	if e.it.kind != itName || !e.poss || f.isPerson(e.it.refs) || !(f.isState(e.it.refs) || f.isCapital(e.it.refs)) {
		return nil
	}
	return []int32{bestRef(e.it.refs)}
}

// resolveOwnedOrg makes the actor of an unknown organisation with a state
// owner; it reports whether it did.
func (a *article) resolveOwnedOrg(p *pm) bool {
	if len(p.nats) == 0 {
		return false
	}
	c, _, _ := a.f.entryOf(p.nats[0]).Codes(a.published)
	if c == "" {
		return false
	}
	words := dictWords(p.name)
	code, sector := c, ""
	if len(words) > 0 && govOrgHeads[words[len(words)-1]] {
		code, sector = c+"GOV", "GOV"
	}
	s := a.getActor("o:"+c+":"+nameKey(p.name), func() *actorState {
		return &actorState{name: p.name, typ: dyad.TypeOrganisation, country: c, sector: sector, code: code, entry: -1}
	})
	a.mention(p, s, dyad.ViaUnknown)
	a.seeUnknown(p, code)
	return true
}
