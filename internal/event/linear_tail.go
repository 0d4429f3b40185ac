package event

// reportingTail codes, under Config.NoTarget, the reporting clause that
// ends a sentence after a comma (", a senior official said on Saturday."):
// PETRARCH codes every verb phrase, so the speaker's verb is an event of
// its own, without a target, besides the event of the clause before. The
// clause has the actors (in a noun phrase), then the verb, and no actor
// after it.
func (l *linear) reportingTail() {
	t := l.t
	c := -1
	for k := len(t.toks) - 1; k >= 0; k-- {
		if t.word[k] == "," {
			c = k
			break
		}
	}
	if c < 0 {
		return
	}
	s := l.firstSpanFrom(c + 1)
	if s < 0 {
		return
	}
	for k := c + 1; k < l.spans[s].first; k++ {
		if u := t.toks[k].UPOS; u != "DET" && u != "ADJ" && u != "ADV" {
			return // the actor is not the clause's subject
		}
	}
	_, last, _ := l.compoundAt(s)
	if last < s {
		last = s
	}
	v := l.spans[last].last + 1
	for v < len(t.toks) && l.at[v] < 0 && nounish[t.toks[v].UPOS] {
		v++ // the rest of the phrase: "official news agency WFNA"
	}
	if v >= len(t.toks) || l.at[v] >= 0 || l.dead[v] || l.firstSpanFrom(v+1) >= 0 {
		return
	}
	if v+1 < len(t.toks) && bareTimes[t.word[v+1]] {
		// "said today": PETRARCH's parse gives the verb no object and
		// codes nothing.
		return
	}
	tr, ok := l.trigger(v)
	if !ok {
		return
	}
	for _, d := range l.r.events {
		if d.ev.Trigger.Start == t.toks[v].Start {
			return // coded already
		}
	}
	f := found{t: t, trig: tr.tok, extra: tr.used, code: tr.entry().Effective(), entry: tr.entry(), clause: tr.tok}
	if m, ok := l.bestPattern(tr, [2]int{v, len(t.toks) - 1}); ok {
		f.code, f.pat = m.pat.Code, m.pat
	}
	if f.code.None() {
		return
	}
	f.sources, f.srcVia = l.compound(s), "speaker of a closing reporting clause"
	f.targets, f.tgtVia = []arg{l.defaultActor("", tr.tok)}, "no target"
	f.mode = l.r.c.clauseMode(t, tr.tok)
	l.r.emit(f)
}

// bareTimes are the time words that stand alone after a verb.
var bareTimes = map[string]bool{"today": true, "yesterday": true, "tonight": true}

// nounish are the parts of speech of the words of a noun phrase after its
// actor.
var nounish = map[string]bool{"NOUN": true, "PROPN": true, "ADJ": true}
