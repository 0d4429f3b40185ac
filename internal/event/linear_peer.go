package event

// The linear coder's readings for the peers' suites beyond TABARI's word
// order: PETRARCH's noun and verb phrases as its parse trees gave them
// (Config.ParsePhrases), its closing reporting clauses under
// Config.NoTarget, and TABARI's lists of nouns (Config.NounConj).

import (
	"strings"

	"github.com/dyad-project/dyad/internal/dict"
)

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

// phraseEndingAt returns the first token of the consecutive words of a
// phrase that end at token k, if they do.
func (l *linear) phraseEndingAt(elems []dict.VerbElem, k int) (int, bool) {
	for start := k; start >= 0 && start > k-2*len(elems)-2; start-- {
		if n := l.phraseAt(elems, start); n > 0 && start+n-1 == k {
			return start, true
		}
	}
	return 0, false
}

// NounConj lists the nouns and adjectives that a conjunction joins
// without beginning a clause, as TABARI's lists did.
type NounConj struct {
	// Words are TABARI's nouns and adjectives (lower case; a word ended by
	// "_" is whole, another a stem): a conjunction between two of them
	// ("sheep and goats", "awful and evil minister") joins them.
	Words []string
}

// joinsNouns reports whether the conjunction at k joins nouns or
// adjectives (Config.ParsePhrases, Config.NounConj): it begins no clause.
func (l *linear) joinsNouns(k int) bool {
	cfg := l.r.c.cfg
	switch {
	case k == 0 || k+1 >= len(l.t.toks):
		return false
	case cfg.ParsePhrases:
		return l.parseJoinsNouns(k)
	case cfg.NounConj != nil:
		return nominalWord(cfg.NounConj.Words, l.t.word[k-1]) && nominalWord(cfg.NounConj.Words, l.t.word[k+1])
	}
	return false
}

// nominalWord reports whether word is one of words, or begins with one of
// its stems.
func nominalWord(words []string, word string) bool {
	for _, w := range words {
		if whole, ok := strings.CutSuffix(w, "_"); ok && word == whole || !ok && strings.HasPrefix(word, w) {
			return true
		}
	}
	return false
}

// parseJoinsNouns reports whether the parse attaches the conjunction at k
// to an adverb, or to a noun or adjective that heads no clause.
func (l *linear) parseJoinsNouns(k int) bool {
	t := l.t
	h := t.head(k)
	if h < 0 || t.base(k) != "cc" {
		return false
	}
	if t.toks[h].UPOS == "ADV" {
		return true // "heavily and unjustly criticized"
	}
	if !nominal[t.toks[h].UPOS] {
		return false
	}
	switch t.base(h) {
	case "root", "ccomp", "parataxis", "advcl", "xcomp":
		return false
	case "conj":
		hh := t.head(h)
		return hh >= 0 && nominal[t.toks[hh].UPOS]
	}
	return true
}

// nominal are the parts of speech of nouns and their modifiers.
var nominal = map[string]bool{"NOUN": true, "PROPN": true, "ADJ": true, "PRON": true, "NUM": true}

// dropPossessors takes out of the sentence's actor phrases each possessor
// whose noun phrase, as the parse has it, is headed by another actor
// phrase: "Dagolath's first Deputy Prime Minister Telemar" is Telemar's
// phrase (DAGGOV), not Dagolath's, as PETRARCH coded a noun phrase by its
// head.
func (l *linear) dropPossessors() {
	t := l.t
	for s, sp := range l.spans {
		for k := sp.first; k <= sp.last; k++ {
			h := t.head(k)
			if !t.exactRel(k, "nmod:poss") || h <= sp.last || l.at[h] < 0 || l.at[h] == s {
				continue
			}
			for i := sp.first; i <= sp.last; i++ {
				l.at[i], l.dead[i] = -1, true
			}
			break
		}
	}
}

// nounPhraseAt returns, under Config.ParsePhrases, the number of tokens of
// the noun phrase without an actor that begins at token k ("populations",
// "the new accord"), or 0.
func (l *linear) nounPhraseAt(k int) int {
	t := l.t
	if !l.r.c.cfg.ParsePhrases {
		return 0
	}
	n := 0
	for j := k; j < len(t.toks) && l.at[j] < 0 && !l.dead[j]; j++ {
		u := t.toks[j].UPOS
		if u != "DET" && u != "ADJ" && u != "NOUN" && u != "PROPN" && u != "NUM" {
			break
		}
		n++
		if (u == "NOUN" || u == "PROPN") && !(j+1 < len(t.toks) && nominal[t.toks[j+1].UPOS] && t.toks[j+1].UPOS != "PRON") {
			return n
		}
	}
	return 0
}

// auxDefers reports whether, under Config.ParsePhrases, the trigger tr is
// left uncoded: an opening participle, a verb whose subject is a pronoun
// that stands for no actor, or an auxiliary ("should") that no
// pattern of its own matches in clause cl and whose verb, later in the
// clause, is a trigger too ("it should have acted against Libya"):
// PETRARCH coded the verb phrase by its verb.
func (l *linear) auxDefers(tr trigger, cl [2]int) bool {
	t := l.t
	if !l.r.c.cfg.ParsePhrases {
		return false
	}
	if tr.tok == 0 && (t.toks[0].XPOS == "VBN" || t.toks[0].XPOS == "VBG") {
		// An opening participle ("Rebuked by Eriador, Osgiliath ...")
		// heads no verb phrase with a subject: PETRARCH coded none.
		return true
	}
	if k := t.child(tr.tok, "nsubj"); k >= 0 && t.toks[k].UPOS == "PRON" && l.at[k] < 0 {
		// "he said" with no one for "he": the verb phrase has no
		// source.
		return true
	}
	if t.toks[tr.tok].UPOS != "AUX" {
		return false
	}
	if _, ok := l.bestPattern(tr, cl); ok {
		return false
	}
	h := t.head(tr.tok)
	if h <= tr.tok || h > cl[1] || l.at[h] >= 0 || l.dead[h] {
		return false
	}
	_, ok := l.trigger(h)
	return ok
}

// subjectSpan returns, under Config.ParsePhrases, the first actor phrase
// in the subject of the verb at token v, as the parse has it ("Calenardhon
// crowds burned down its embassy"), or -1: PETRARCH's source was the
// subject of the verb phrase.
func (l *linear) subjectSpan(v int) int {
	t := l.t
	if !l.r.c.cfg.ParsePhrases {
		return -1
	}
	k := t.child(v, "nsubj")
	if k < 0 {
		return -1
	}
	first, last := l.subtreeTokens(k)
	for j := first; j <= last; j++ {
		if s := l.at[j]; s >= 0 && !l.dead[j] {
			return s
		}
	}
	return -1
}

// determined reports whether, under Config.ParsePhrases, token i is a
// noun with a determiner in the parse ("an anti- Gondor parade"): a noun,
// not a verb, as PETRARCH's parse trees had it.
func (l *linear) determined(i int) bool {
	t := l.t
	return l.r.c.cfg.ParsePhrases && t.toks[i].UPOS == "NOUN" && t.child(i, "det") >= 0
}
