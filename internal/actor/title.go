package actor

import "github.com/dyad-project/dyad"

// giveTitle gives a person known only by name (an unknown name after an
// honorific: "Mr. Kenji Morita", "Ms. Jane Doe") the codes of a
// description in apposition to it ("Minister for Foreign Affairs of
// Japan", "the UN humanitarian coordinator"): the description's country
// and sector, or its organisation. It reports whether it did; a person who
// already has codes keeps them.
func (a *article) giveTitle(s *actorState, p *pm, country, org string) bool {
	if s == nil || s.typ != dyad.TypePerson || s.entry >= 0 || s.code != "" || s.country != "" ||
		(country == "" && org == "") {
		return false
	}
	ag := a.f.agentList[p.agent]
	s.sector = ag.Sector()
	if country != "" {
		s.country, s.code = country, ag.Compose(country)
	} else {
		s.code, s.orgCode = org, org
	}
	s.titles[p.agent] = true
	return true
}
