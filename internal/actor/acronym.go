package actor

import (
	"strings"
	"unicode"

	"github.com/dyad-project/dyad"
)

// Acronyms an article defines. News spells a name out once with its
// acronym in brackets, "the paramilitary Rapid Support Forces (RSF)", and
// uses the acronym after (and in the headline, before). The article's
// definition wins over the dictionary's reading of the acronym ("RSF" is
// also Reporters Without Borders) and over the agents inside the name
// ("Forces"): the name and every bare mention of the acronym are one
// actor, the dictionary's entry when the name is one, else an organisation
// of that name.

// acronymDef is a name that an article defines an acronym for.
type acronymDef struct {
	acr   string
	st    *sentence
	i, j  int // the units of the name
	name  string
	entry *pm // the dictionary phrase that is the whole name, if any
	actor *actorState
}

// acronymConnectors may stand inside a name between its capitalised words.
var acronymConnectors = set(`of for the and on de`)

// definedAcronyms returns the names the article defines acronyms for, in
// the order of the text (the first definition of an acronym counts):
// capitalised words right before "(" ACRONYM ")" whose initials spell it.
func (a *article) definedAcronyms() []*acronymDef {
	var out []*acronymDef
	seen := map[string]bool{}
	for _, st := range a.sents {
		us := st.units
		for k := 1; k+2 < len(us); k++ {
			if us[k].Text != "(" || us[k+2].Text != ")" {
				continue
			}
			acr := a.text[us[k+1].Start:us[k+1].End]
			if seen[acr] || len(acr) < 2 || !us[k+1].Upper {
				continue
			}
			i := k
			for i > 0 && !us[i-1].Punct && (us[i-1].Cap || acronymConnectors[us[i-1].key]) {
				i--
			}
			for i < k && acronymConnectors[us[i].key] {
				i++
			}
			if k-i < 2 || !acronymOf(a.unitText(st, i, k), acr) {
				continue
			}
			d := &acronymDef{acr: acr, st: st, i: i, j: k, name: a.unitText(st, i, k)}
			for _, p := range a.pms {
				if p.st == st && p.i == i && p.j == k && p.kind == pmEntry {
					d.entry = p
				}
			}
			seen[acr] = true
			out = append(out, d)
		}
	}
	return out
}

// acronymOf reports whether acr spells the initials of the capitalised
// words of name ("Rapid Support Forces" and "RSF"; "Organisation for the
// Prohibition of Chemical Weapons" and "OPCW").
func acronymOf(name, acr string) bool {
	var initials []rune
	for _, w := range strings.Fields(name) {
		r := []rune(w)
		if len(r) > 0 && unicode.IsUpper(r[0]) {
			initials = append(initials, r[0])
		}
	}
	return string(initials) == acr
}

// acronymUse returns the definition that phrase p stands for: p is a bare
// mention of a defined acronym, or a phrase inside (or around) a defined
// name other than the dictionary entry that is the name; nil otherwise.
func (a *article) acronymUse(p *pm, defs []*acronymDef) *acronymDef {
	if len(defs) == 0 {
		return nil
	}
	word := ""
	switch {
	case p.kind == pmEntry && p.j-p.i == 1:
		word = a.unitText(p.st, p.i, p.j)
	case p.kind == pmComposed && p.nj-p.ni == 1:
		// "RSF fighters": the group's fighters are the group.
		word = a.unitText(p.st, p.ni, p.nj)
	}
	for _, d := range defs {
		if word != "" && d.acr == word {
			return d
		}
	}
	for _, d := range defs {
		if p != d.entry && d.overlaps(p) {
			return d
		}
	}
	return nil
}

// overlaps reports whether phrase p shares words with the defined name.
func (d *acronymDef) overlaps(p *pm) bool { return p.st == d.st && p.i < d.j && d.i < p.j }

// resolveAcronyms gives each definition its actor and mentions it with
// the phrases that stand for it; entries must be resolved first.
func (a *article) resolveAcronyms(defs []*acronymDef, uses []*pm) {
	for _, d := range defs {
		if d.entry != nil && d.entry.actor != nil {
			d.actor = d.entry.actor
			continue
		}
		d.actor = a.getActor("o:"+nameKey(d.name), func() *actorState {
			return unknownOrg(d.name)
		})
		a.mention(&pm{kind: pmUnknownOrg, st: d.st, i: d.i, j: d.j, agent: -1, name: d.name}, d.actor, dyad.ViaUnknown)
	}
	for _, p := range uses {
		if d := a.acronymUse(p, defs); d != nil && d.actor != nil && !d.overlaps(p) {
			a.mention(p, d.actor, dyad.ViaCoreference)
		}
	}
}
