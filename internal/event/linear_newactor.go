package event

import (
	"strings"

	"github.com/dyad-project/dyad"
)

// newActors makes, under Config.NewActorLength, each noun phrase that is
// a verb's subject, object or oblique, names no actor and has at most that
// many words an actor of its own, coded by its words in capitals
// ("Gryffindor's head Minerva McGonagall" is "GRYFFINDOR HEAD MINERVA
// MCGONAGALL"), as PETRARCH's new_actor_length did; then it indexes the
// sentence's actor phrases again.
func (l *linear) newActors() {
	t := l.t
	limit := l.r.c.cfg.NewActorLength
	added := false
	for i := range t.toks {
		if u := t.toks[i].UPOS; u != "NOUN" && u != "PROPN" || !t.relIn(i, "nsubj", "obj", "iobj", "obl") {
			continue
		}
		if timeNouns[strings.ToLower(t.word[i])] {
			continue
		}
		first, last := l.subtreeTokens(i)
		for first < last && (t.toks[first].UPOS == "ADP" || t.toks[first].UPOS == "PUNCT") {
			first++ // "for the Ministry of Magic": the preposition is not the actor's
		}
		for last > first && t.toks[last].UPOS == "PUNCT" {
			last--
		}
		var words, text []string
		free := true
		for k := first; k <= last; k++ {
			if t.ment[k] >= 0 {
				free = false
				break
			}
			text = append(text, t.toks[k].Text)
			if t.toks[k].UPOS == "PUNCT" || t.word[k] == "'s" || t.word[k] == "'" {
				continue
			}
			words = append(words, strings.ToUpper(t.toks[k].Text))
		}
		if !free || len(words) == 0 || len(words) > limit {
			continue
		}
		if l.firstDefault < 0 {
			// Copy the mentions before adding to them: the slice is the
			// caller's.
			t.ms = append([]MentionRef{}, t.ms...)
			l.firstDefault = len(t.ms)
		}
		start, end := t.toks[first].Start, t.toks[last].End
		code := `"` + strings.Join(words, " ") + `"`
		t.ms = append(t.ms, MentionRef{Start: start, End: end, Actor: dyad.ActorRef{Code: code, Name: strings.Trim(code, `"`),
			Text: strings.Join(text, " "), Start: start, End: end}})
		for k := first; k <= last; k++ {
			t.ment[k] = len(t.ms) - 1
		}
		added = true
	}
	if added {
		l.spans = nil
		l.index()
	}
}

// subtreeTokens returns the first and last tokens of the subtree of i.
func (l *linear) subtreeTokens(i int) (first, last int) {
	t := l.t
	first, last = i, i
	var walk func(int)
	walk = func(j int) {
		for _, c := range t.kids[j] {
			first, last = min(first, c), max(last, c)
			walk(c)
		}
	}
	walk(i)
	return first, last
}

// timeNouns head time expressions, never actors.
var timeNouns = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tomorrow": true, "week": true, "month": true,
	"year": true, "day": true, "weekend": true, "morning": true, "evening": true, "night": true}
