package quote_test

import (
	"regexp"
	"sort"
	"strings"

	"github.com/dyad-project/dyad"
)

// actorSpec names an actor of a table test and the strings that mention it.
type actorSpec struct {
	name    string
	typ     string
	country string
	texts   []string
}

func person(name, country string, texts ...string) actorSpec {
	return actorSpec{name: name, typ: dyad.TypePerson, country: country, texts: texts}
}

func org(name, country string, texts ...string) actorSpec {
	return actorSpec{name: name, typ: dyad.TypeOrganisation, country: country, texts: texts}
}

// knownActors builds the actors of text from specs: every occurrence of a
// mention string at word boundaries, longest strings first, without overlap.
func knownActors(text string, specs ...actorSpec) []dyad.Actor {
	type cand struct {
		actor int
		s     string
	}
	var cands []cand
	for i, sp := range specs {
		for _, s := range sp.texts {
			cands = append(cands, cand{i, s})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return len(cands[i].s) > len(cands[j].s) })
	taken := make([]bool, len(text))
	actors := make([]dyad.Actor, len(specs))
	for i, sp := range specs {
		actors[i] = dyad.Actor{ID: sp.name, Name: sp.name, Country: sp.country, Type: sp.typ}
	}
	for _, c := range cands {
		re := regexp.MustCompile(`\b` + regexp.QuoteMeta(c.s) + `\b`)
		for _, m := range re.FindAllStringIndex(text, -1) {
			free := true
			for k := m[0]; k < m[1]; k++ {
				free = free && !taken[k]
			}
			if !free {
				continue
			}
			for k := m[0]; k < m[1]; k++ {
				taken[k] = true
			}
			actors[c.actor].Mentions = append(actors[c.actor].Mentions, dyad.Mention{
				Start: m[0], End: m[1], Text: text[m[0]:m[1]], Via: dyad.ViaDictionary,
			})
		}
	}
	return actors
}

// The capitalised-name stand-in for the actor stage, used on the seed
// articles until the tests can call internal/actor: a run of capitalised
// words holding a title ("Foreign Minister", "spokesman") is a person named
// by the words after the title, later mentioned by the last word of that
// name; other runs are organisations or states. A nationality in the title
// gives the person's country.
var (
	nameRun = regexp.MustCompile(`\p{Lu}[\p{L}\-’']*\.?(?:[ \x{00A0}]+(?:(?:al|bin|bint|ibn|de|del|da|van|von|der|of)[ \x{00A0}]+)*\p{Lu}[\p{L}\-’']*\.?)*`)
	titles  = map[string]bool{
		"president": true, "secretary": true, "minister": true, "foreign": true, "defense": true,
		"defence": true, "state": true, "prime": true, "chancellor": true, "king": true,
		"prince": true, "mr": true, "mrs": true, "ms": true, "dr": true, "general": true,
		"envoy": true, "ambassador": true, "spokesman": true, "spokeswoman": true, "head": true,
		"leader": true, "chief": true, "senator": true, "governor": true, "commander": true,
		"mr.": true, "gen.": true, "dr.": true,
	}
	demonyms = map[string]string{
		"us": "USA", "u.s.": "USA", "american": "USA", "united states": "USA", "pentagon": "USA",
		"syrian": "SYR", "russian": "RUS", "british": "GBR", "french": "FRA", "german": "DEU",
		"iranian": "IRN", "turkish": "TUR", "iraqi": "IRQ", "israeli": "ISR", "saudi": "SAU",
		"united arab emirates": "ARE", "emirati": "ARE", "chinese": "CHN", "egyptian": "EGY",
		"lebanese": "LBN", "jordanian": "JOR", "qatari": "QAT", "ukrainian": "UKR",
	}
	notNames = map[string]bool{
		"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "but": true,
		"however": true, "after": true, "during": true, "despite": true, "speaking": true,
		"photo": true, "follow": true, "related": true, "advertisement": true, "news": true,
		"this": true, "that": true, "it": true, "he": true, "she": true, "we": true, "they": true,
		"i": true, "if": true, "there": true, "no": true, "for": true, "while": true, "as": true,
		"and": true, "so": true, "what": true, "earlier": true, "following": true, "just": true,
		"right": true, "because": true, "is": true, "with": true, "about": true, "updated": true,
		"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
		"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
		"april": true, "june": true, "july": true, "august": true, "september": true,
		"october": true, "november": true, "december": true, "dec.": true,
	}
)

func capitalisedActors(text string) []dyad.Actor {
	type run struct{ start, end int }
	var runs []run
	for _, m := range nameRun.FindAllStringIndex(text, -1) {
		runs = append(runs, run{m[0], m[1]})
	}
	byKey := map[string]int{} // last name or organisation name -> actor
	var actors []dyad.Actor
	fields := func(r run) ([]string, []int) {
		var ws []string
		var at []int
		s := text[r.start:r.end]
		for i := 0; i < len(s); {
			j := strings.IndexAny(s[i:], " \u00a0")
			if j < 0 {
				j = len(s) - i
			}
			if j > 0 {
				ws = append(ws, s[i:i+j])
				at = append(at, r.start+i)
			}
			i += j
			for i < len(s) && (s[i] == ' ' || strings.HasPrefix(s[i:], "\u00a0")) {
				if s[i] == ' ' {
					i++
				} else {
					i += len("\u00a0")
				}
			}
		}
		return ws, at
	}
	lastName := func(w string) string {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		w = strings.ToLower(w)
		w = strings.TrimPrefix(w, "al-")
		return strings.TrimSuffix(w, ".")
	}
	mention := func(a, start, end int) {
		actors[a].Mentions = append(actors[a].Mentions, dyad.Mention{Start: start, End: end, Text: text[start:end], Via: dyad.ViaUnknown})
	}
	used := make([]bool, len(runs))
	// Pass 1: titled persons.
	for ri, r := range runs {
		ws, at := fields(r)
		last := -1
		for i, w := range ws {
			if titles[strings.ToLower(w)] {
				last = i
			}
		}
		before := strings.Fields(text[max(0, r.start-20):r.start])
		if last < 0 && len(before) > 0 && titles[strings.ToLower(before[len(before)-1])] {
			last = -1 // the title stands before the run, in lower case
		} else if last < 0 {
			continue
		}
		if last == len(ws)-1 {
			continue
		}
		name := strings.Join(ws[last+1:], " ")
		name = strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s")
		country := ""
		lower := strings.ToLower(text[r.start:at[last+1]])
		for _, k := range sortedKeys(demonyms) {
			if strings.Contains(" "+lower+" ", " "+k+" ") {
				country = demonyms[k]
			}
		}
		ln := lastName(ws[len(ws)-1])
		a, ok := byKey[ln]
		if !ok {
			a = len(actors)
			actors = append(actors, dyad.Actor{ID: name, Name: name, Country: country, Type: dyad.TypePerson})
			byKey[ln] = a
		}
		end := at[len(ws)-1] + len(ws[len(ws)-1])
		mention(a, r.start, end)
		used[ri] = true
	}
	// Pass 2: later mentions of those persons; pass 3: other names.
	for ri, r := range runs {
		if used[ri] {
			continue
		}
		ws, at := fields(r)
		found := false
		for i, w := range ws {
			if a, ok := byKey[lastName(w)]; ok && actors[a].Type == dyad.TypePerson {
				start := at[i]
				if i > 0 && strings.HasPrefix(actors[a].Name, ws[i-1]+" ") {
					start = at[i-1]
				}
				end := at[i] + len(strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s"))
				mention(a, start, end)
				found = true
			}
		}
		if found || notNames[strings.ToLower(ws[0])] && len(ws) == 1 {
			continue
		}
		if notNames[strings.ToLower(ws[0])] {
			ws, at = ws[1:], at[1:]
		}
		name := strings.Join(ws, " ")
		key := strings.ToLower(name)
		a, ok := byKey[key]
		if !ok {
			a = len(actors)
			actors = append(actors, dyad.Actor{ID: name, Name: name, Country: demonyms[key], Type: dyad.TypeOrganisation})
			byKey[key] = a
		}
		mention(a, at[0], r.end)
	}
	return actors
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
