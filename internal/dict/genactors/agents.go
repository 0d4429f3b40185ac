package main

import (
	"regexp"
	"strings"

	"github.com/dyad-project/dyad/internal/dict"
)

// readAgents converts the Phoenix agents file: "PHRASE {PLURAL} [~CODE]"
// lines, with !MARKER! = a, b, c substitution sets.
func (g *gen) readAgents(name string, src []byte) {
	subst := map[string][]string{}
	seen := map[string]bool{}
	add := func(phrase, code string, line int, plural string, noPlural, pluralSet, many bool) {
		phrase = cleanPhrase(strings.ToLower(phrase))
		if !hasLetters(phrase) {
			g.count("agents without words (dropped)")
			return
		}
		k := dict.ActorKey(phrase)
		if seen[k] {
			g.count("duplicate agents (dropped)")
			return
		}
		a := &dict.Agent{Phrase: phrase, Pos: dict.Pos{File: name, Line: line}}
		switch {
		case strings.HasPrefix(code, "~"):
			a.Code = code[1:]
		case strings.HasSuffix(code, "~"):
			a.Code, a.Before = code[:len(code)-1], true
		}
		if !validCode(a.Code) {
			g.count("agents with malformed codes (dropped)")
			return
		}
		seen[k] = true
		a.Person = !many && personAgent(phrase)
		switch {
		case noPlural:
			a.NoPlural = true
		case pluralSet:
			a.Plural, a.PluralWritten = cleanPhrase(strings.ToLower(plural)), true
		}
		g.agents = append(g.agents, a)
		g.addTitle(phrase)
		g.count("agents")
	}
	for i, line := range strings.Split(string(src), "\n") {
		n := i + 1
		line = strings.TrimRight(line, "\r")
		if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "<!") {
			continue
		}
		if j := strings.IndexByte(line, '#'); j >= 0 {
			line = line[:j]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.Contains(line, "!") && strings.Contains(line, "=") {
			marker, list, _ := strings.Cut(line, "=")
			marker = strings.Trim(strings.TrimSpace(marker), "!")
			for _, item := range strings.Split(list, ",") {
				if item = strings.TrimSpace(item); item != "" {
					subst[marker] = append(subst[marker], item)
				}
			}
			continue
		}
		head, rest, ok := strings.Cut(line, "[")
		if !ok {
			g.count("agents without a code (dropped)")
			continue
		}
		code := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "]"))
		plural, noPlural, pluralSet := "", false, false
		if b, a, ok := strings.Cut(head, "{"); ok {
			p, _, _ := strings.Cut(a, "}")
			head = b
			plural = strings.TrimSpace(p)
			if plural == "" {
				noPlural = true
			} else {
				pluralSet = true
			}
		}
		// "AD!MINIST!RATIVE": the marker was pasted into a word.
		head = inWordMarker.ReplaceAllString(head, "${1}MINIST${2}")
		if strings.Count(head, "!") >= 2 {
			i := strings.IndexByte(head, '!')
			j := strings.IndexByte(head[i+1:], '!') + i + 1
			items, ok := subst[head[i+1:j]]
			if !ok {
				g.count("agents with an unknown substitution marker (dropped)")
				continue
			}
			for _, item := range items {
				u := strings.ToUpper(item)
				many := strings.HasSuffix(u, "S") || strings.HasSuffix(u, "MEN") || u == "PEOPLE"
				add(head[:i]+item+head[j+1:], code, n, "", true, false, many)
			}
			continue
		}
		add(head, code, n, plural, noPlural, pluralSet, false)
	}
}

var inWordMarker = regexp.MustCompile(`([A-Za-z])!MINIST!([A-Za-z])`)

// personHeads are the last words of agents that name one person.
var personHeads = setOf(`minister ministers president secretary spokesman spokeswoman spokesperson official
leader envoy ambassador diplomat chief head commander general king queen prince princess emir sheikh
monarch premier chancellor governor mayor senator lawmaker legislator judge prosecutor lawyer attorney
officer soldier fighter rebel militant protester activist journalist reporter editor aide adviser advisor
deputy director chairman chairwoman chairperson mp councillor councilor candidate politician dictator
ruler tyrant warlord negotiator representative delegate consul attache coordinator analyst expert
colonel captain lieutenant major sergeant corporal admiral marshal brigadier general commissioner
inspector detective agent spy cleric imam mullah ayatollah priest bishop archbishop pope rabbi monk
nun teacher student professor doctor nurse worker farmer peasant villager resident citizen civilian
refugee migrant prisoner detainee hostage victim survivor witness bomber gunman gunmen terrorist
insurgent jihadist guerrilla guerilla militiaman policeman policewoman trooper marine pilot sailor
ceo executive businessman businesswoman banker investor trader merchant dissident defector
demonstrator campaigner lobbyist mediator observer inspector monitor heir founder owner member
speaker whip clerk registrar auditor economist scientist engineer physician surgeon`)

// notPerson are last words with a person's ending that name things.
var notPerson = setOf(`center centre quarter headquarter headquarters sector carrier destroyer tanker
freighter cruiser trawler container helicopter reactor corridor order border computer launcher
transporter jetliner airliner fighter-bomber bomber minesweeper submarine tower water power river
paper chamber council theater theatre register charter letter matter number member-state`)

// personAgent guesses whether an agent names one person.
func personAgent(phrase string) bool {
	words := strings.Fields(phrase)
	last := words[len(words)-1]
	for _, w := range words {
		if w == "of" || w == "for" {
			// "secretary of state": the head comes before the preposition.
			last = words[0]
			for _, x := range words {
				if x == w {
					break
				}
				last = x
			}
			break
		}
	}
	if notPerson[last] {
		return false
	}
	if personHeads[last] {
		return true
	}
	for _, suf := range []string{"man", "woman", "person", "ist", "ian"} {
		if strings.HasSuffix(last, suf) {
			return true
		}
	}
	return false
}
