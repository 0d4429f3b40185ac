package event

import (
	"github.com/dyad-project/dyad"
)

// cue is the reason for an event's mode: the token that signals it and a
// short description.
type cue struct {
	mode string
	tok  int // -1 when the mode is the default
	why  string
}

var asserted = cue{mode: dyad.ModeAsserted, tok: -1}

// Auxiliaries and words that change the mode of the clause they belong to.
var (
	hypModals = map[string]bool{"may": true, "might": true, "could": true, "would": true, "should": true, "can": true, "must": true, "ought": true}
	futureAux = map[string]bool{"will": true, "shall": true, "'ll": true, "wo": true}
	negWords  = map[string]bool{"not": true, "n't": true, "never": true, "no": true, "neither": true, "nor": true}
	condMarks = map[string]bool{"if": true, "unless": true, "whether": true, "lest": true}
	// unrealMarks introduce an adverbial clause whose event has not
	// happened: a purpose ("to fight"), or a time to come ("before Assad
	// leaves", "until", "once").
	unrealMarks = map[string]bool{"to": true, "before": true, "until": true, "till": true, "once": true, "so": true}
	hypNounMod  = map[string]string{
		"possible": dyad.ModeHypothetical, "potential": dyad.ModeHypothetical, "proposed": dyad.ModeHypothetical,
		"likely": dyad.ModeHypothetical, "prospective": dyad.ModeHypothetical, "hypothetical": dyad.ModeHypothetical,
		"would-be": dyad.ModeHypothetical, "alleged": dyad.ModeHypothetical, "tentative": dyad.ModeHypothetical,
		"planned": dyad.ModeFuture, "upcoming": dyad.ModeFuture, "future": dyad.ModeFuture, "forthcoming": dyad.ModeFuture,
		"scheduled": dyad.ModeFuture, "expected": dyad.ModeHypothetical, "new": "",
	}
)

// governorModes give the mode of a clause governed (as an infinitive or
// complement) by a word: "plans to meet" is future, "hopes to meet"
// hypothetical, "refused to meet" negated. Speech verbs are absent: what a
// speaker says happened is coded as asserted.
var governorModes = map[string]string{
	// scheduled or declared future
	"plan": dyad.ModeFuture, "intend": dyad.ModeFuture, "schedule": dyad.ModeFuture, "due": dyad.ModeFuture,
	"set": dyad.ModeFuture, "prepare": dyad.ModeFuture, "about": dyad.ModeFuture,
	// wishes, attempts, expectations, requests, abilities
	"want": dyad.ModeHypothetical, "hope": dyad.ModeHypothetical, "wish": dyad.ModeHypothetical,
	"seek": dyad.ModeHypothetical, "try": dyad.ModeHypothetical, "attempt": dyad.ModeHypothetical,
	"aim": dyad.ModeHypothetical, "expect": dyad.ModeHypothetical, "like": dyad.ModeHypothetical,
	"need": dyad.ModeHypothetical, "have": dyad.ModeHypothetical, "agree": dyad.ModeHypothetical,
	"offer": dyad.ModeHypothetical, "propose": dyad.ModeHypothetical, "threaten": dyad.ModeHypothetical,
	"promise": dyad.ModeHypothetical, "pledge": dyad.ModeHypothetical, "vow": dyad.ModeHypothetical,
	"consider": dyad.ModeHypothetical, "urge": dyad.ModeHypothetical, "ask": dyad.ModeHypothetical,
	"call": dyad.ModeHypothetical, "demand": dyad.ModeHypothetical, "request": dyad.ModeHypothetical,
	"encourage": dyad.ModeHypothetical, "invite": dyad.ModeHypothetical, "press": dyad.ModeHypothetical,
	"push": dyad.ModeHypothetical, "persuade": dyad.ModeHypothetical, "convince": dyad.ModeHypothetical,
	"tell": dyad.ModeHypothetical, "order": dyad.ModeHypothetical, "allow": dyad.ModeHypothetical,
	"help": dyad.ModeHypothetical, "decide": dyad.ModeHypothetical, "choose": dyad.ModeHypothetical,
	"ready": dyad.ModeHypothetical, "willing": dyad.ModeHypothetical, "able": dyad.ModeHypothetical,
	"unable": dyad.ModeNegated, "likely": dyad.ModeHypothetical, "unlikely": dyad.ModeHypothetical,
	"possible": dyad.ModeHypothetical, "impossible": dyad.ModeHypothetical, "prepared": dyad.ModeHypothetical,
	"eager": dyad.ModeHypothetical, "keen": dyad.ModeHypothetical, "determined": dyad.ModeHypothetical,
	"difficult": dyad.ModeHypothetical, "hard": dyad.ModeHypothetical, "easy": dyad.ModeHypothetical,
	"believe": dyad.ModeHypothetical, "think": dyad.ModeHypothetical, "fear": dyad.ModeHypothetical,
	"suspect": dyad.ModeHypothetical, "doubt": dyad.ModeHypothetical, "imagine": dyad.ModeHypothetical,
	"predict": dyad.ModeHypothetical, "claim": dyad.ModeHypothetical, "allege": dyad.ModeHypothetical,
	"suggest": dyad.ModeHypothetical, "speculate": dyad.ModeHypothetical, "assume": dyad.ModeHypothetical,
	"hopeful": dyad.ModeHypothetical, "confident": dyad.ModeHypothetical, "open": dyad.ModeHypothetical,
	"wait": dyad.ModeHypothetical, "struggle": dyad.ModeHypothetical, "continue": "", "begin": "", "start": "",
	// refusals and failures
	"refuse": dyad.ModeNegated, "fail": dyad.ModeNegated, "decline": dyad.ModeNegated, "reject": dyad.ModeNegated,
	"deny": dyad.ModeNegated, "avoid": dyad.ModeNegated, "stop": dyad.ModeNegated, "cease": dyad.ModeNegated,
	"halt": dyad.ModeNegated, "quit": dyad.ModeNegated, "refrain": dyad.ModeNegated, "oppose": dyad.ModeNegated,
}

// nounGovernorModes give the mode of an event noun that is the object of a
// verb: "called for talks" is hypothetical, "held talks" takes the verb's
// own mode.
var nounGovernorModes = map[string]string{
	"call": dyad.ModeHypothetical, "want": dyad.ModeHypothetical, "seek": dyad.ModeHypothetical,
	"propose": dyad.ModeHypothetical, "demand": dyad.ModeHypothetical, "urge": dyad.ModeHypothetical,
	"request": dyad.ModeHypothetical, "push": dyad.ModeHypothetical, "press": dyad.ModeHypothetical,
	"offer": dyad.ModeHypothetical, "suggest": dyad.ModeHypothetical, "consider": dyad.ModeHypothetical,
	"hope": dyad.ModeHypothetical, "expect": dyad.ModeHypothetical, "plan": dyad.ModeFuture,
	"schedule": dyad.ModeFuture, "prepare": dyad.ModeFuture, "threaten": dyad.ModeHypothetical,
	"rule": dyad.ModeNegated, "reject": dyad.ModeNegated, "refuse": dyad.ModeNegated, "oppose": dyad.ModeNegated,
	"postpone": dyad.ModeNegated, "cancel": dyad.ModeNegated, "delay": dyad.ModeNegated, "deny": dyad.ModeNegated,
	"avoid": dyad.ModeNegated, "prevent": dyad.ModeNegated, "block": dyad.ModeNegated, "halt": dyad.ModeNegated,
	"stop": dyad.ModeNegated, "suspend": dyad.ModeNegated, "end": dyad.ModeNegated,
}

// settledPreps introduce an event noun that took place: "after talks with".
var settledPreps = map[string]bool{"after": true, "following": true, "during": true, "despite": true,
	"since": true, "in": true, "at": true, "amid": true, "throughout": true}

// ownCue returns the mode signalled by predicate x's own dependents: a
// modal or future auxiliary, a negation, a conditional conjunction.
func (c *Coder) ownCue(t *tree, x int) cue {
	var hyp, neg, fut, cond cue
	for _, k := range t.kids[x] {
		switch {
		case t.relIn(k, "aux") && hypModals[t.lemma[k]]:
			hyp = cue{dyad.ModeHypothetical, k, "modal " + t.word[k]}
		case t.relIn(k, "aux") && (futureAux[t.lemma[k]] || futureAux[t.word[k]]):
			fut = cue{dyad.ModeFuture, k, "future " + t.word[k]}
		case t.relIn(k, "advmod", "neg", "det", "cc:preconj") && negWords[t.word[k]]:
			neg = cue{dyad.ModeNegated, k, "negation " + t.word[k]}
		case t.relIn(k, "mark") && condMarks[t.word[k]]:
			cond = cue{dyad.ModeHypothetical, k, "condition " + t.word[k]}
		}
	}
	for _, q := range []cue{cond, hyp, neg, fut} {
		if q.mode != "" {
			return q
		}
	}
	return asserted
}

// clauseMode returns the mode of predicate p: its own cues first, then
// those of the clauses that govern it, up to a speech verb or an
// independent clause.
func (c *Coder) clauseMode(t *tree, p int) cue {
	x := p
	for steps := 0; x >= 0 && steps < 8; steps++ {
		if q := c.ownCue(t, x); q.mode != dyad.ModeAsserted {
			return q
		}
		if x == t.root && c.question(t) {
			return cue{dyad.ModeHypothetical, x, "question"}
		}
		h := t.head(x)
		if h < 0 {
			break
		}
		switch {
		case t.relIn(x, "xcomp") || (t.relIn(x, "ccomp") && t.hasPrep(x, "to")):
			if m, ok := governorModes[t.lemma[h]]; ok && m != "" {
				// "is going to meet" is future, "went to meet" is not.
				return cue{m, h, "governed by " + t.word[h]}
			}
			if t.lemma[h] == "go" && t.toks[h].XPOS == "VBG" {
				return cue{dyad.ModeFuture, h, "going to"}
			}
			x = h
		case t.relIn(x, "ccomp"):
			if m, ok := governorModes[t.lemma[h]]; ok && m != "" {
				return cue{m, h, "complement of " + t.word[h]}
			}
			// Reported speech keeps its own mode, unless the report itself
			// is not asserted ("did not say", "may say").
			if q := c.ownCue(t, h); q.mode != dyad.ModeAsserted {
				return cue{dyad.ModeHypothetical, q.tok, "report: " + q.why}
			}
			return asserted
		case t.relIn(x, "conj"):
			// Coordinated predicates share the auxiliaries of the first
			// ("will meet and discuss"), unless they have their own.
			if t.child(x, "nsubj", "nsubj:pass", "aux") >= 0 || !(t.isVerb(h) || t.isAdj(h)) {
				return asserted
			}
			if t.passive(h) && t.child(h, "nsubj:pass") < 0 && t.relIn(h, "xcomp") && !t.passive(x) {
				// An active predicate hung on a passive infinitive
				// ("wants Assad to be ousted and holds him responsible")
				// belongs to the clause above the infinitive.
				for steps := 0; steps < 3 && t.relIn(h, "xcomp"); steps++ {
					h = t.head(h)
				}
				if h < 0 {
					return asserted
				}
				if q := c.ownCue(t, h); q.mode != dyad.ModeAsserted {
					return q
				}
				return asserted
			}
			x = h
		case t.relIn(x, "acl") && !t.relIn(x, "acl:relcl"):
			// "a plan to forge an alliance", "efforts to end the war",
			// "reports that Russia attacked": what a noun's clause says is
			// not asserted; nor are "alleged crimes committed by X".
			if mk := t.child(x, "mark"); mk >= 0 && (t.word[mk] == "to" || t.word[mk] == "that" || condMarks[t.word[mk]]) {
				return cue{dyad.ModeHypothetical, mk, "clause of the noun " + t.word[h]}
			}
			for _, k := range t.children(h, "amod") {
				if hypNounMod[t.lemma[k]] == dyad.ModeHypothetical {
					return cue{dyad.ModeHypothetical, k, "modifier " + t.word[k]}
				}
			}
			return asserted
		case t.relIn(x, "advcl"):
			if mk := t.child(x, "mark"); mk >= 0 && (condMarks[t.word[mk]] || unrealMarks[t.word[mk]]) {
				return cue{dyad.ModeHypothetical, mk, "clause introduced by " + t.word[mk]}
			}
			return asserted
		default:
			return asserted
		}
	}
	return asserted
}

// question reports whether the sentence is a question.
func (c *Coder) question(t *tree) bool {
	for i := len(t.toks) - 1; i >= 0; i-- {
		w := t.word[i]
		if w == "\"" || w == "'" || w == "''" || w == "”" || w == "’" || w == ")" {
			continue
		}
		return w == "?"
	}
	return false
}

// nounMode returns the mode of an event noun: its own modifiers ("no
// talks", "possible ceasefire"), then how it hangs on its clause ("called
// for talks", "after talks with").
func (c *Coder) nounMode(t *tree, n int) cue {
	for _, k := range t.kids[n] {
		if t.relIn(k, "det", "advmod", "neg") && negWords[t.word[k]] {
			return cue{dyad.ModeNegated, k, "negation " + t.word[k]}
		}
		if t.relIn(k, "amod", "compound") {
			if m := hypNounMod[t.lemma[k]]; m != "" {
				return cue{m, k, "modifier " + t.word[k]}
			}
			if m := hypNounMod[t.word[k]]; m != "" {
				return cue{m, k, "modifier " + t.word[k]}
			}
		}
	}
	h := t.head(n)
	if h < 0 {
		if c.question(t) {
			return cue{dyad.ModeHypothetical, n, "question"}
		}
		return asserted
	}
	switch {
	case t.relIn(n, "obj", "nsubj:pass", "xcomp"):
		if m, ok := nounGovernorModes[t.lemma[h]]; ok {
			return cue{m, h, "object of " + t.word[h]}
		}
		if m, ok := governorModes[t.lemma[h]]; ok && m != "" {
			return cue{m, h, "object of " + t.word[h]}
		}
		return c.clauseMode(t, h)
	case t.relIn(n, "nsubj"):
		return c.clauseMode(t, h)
	case t.relIn(n, "obl", "nmod"):
		p := t.prep(n)
		switch {
		case settledPreps[p]:
			if t.isVerb(h) || t.isAdj(h) {
				return c.clauseMode(t, h)
			}
			return asserted
		case p == "for" || p == "toward" || p == "towards" || p == "before":
			return cue{dyad.ModeHypothetical, h, p + " " + t.word[n]}
		}
		if t.isVerb(h) || t.isAdj(h) {
			if m, ok := nounGovernorModes[t.lemma[h]]; ok {
				return cue{m, h, "complement of " + t.word[h]}
			}
			return c.clauseMode(t, h)
		}
		return asserted
	}
	return asserted
}
