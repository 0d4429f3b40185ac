package actor

import "strings"

// "It" refers to an actor only as the subject of a verb of doing or saying:
// "The ministry rejected the claim. It accused Georgetown of ...". As the
// subject of "be" or of a verb of seeming, or without a parse, it is most
// often the expletive "it" ("it is unclear whether", "it appears that").

// expletiveHeads are the verbs whose subject "it" is most often no actor.
var expletiveHeads = set(`be seem appear remain become happen mean matter rain snow take cost`)

// itActs reports whether the pronoun "it" at p is the subject of a verb of
// doing or saying, as the parse says.
func itActs(p *pm) bool {
	toks := p.st.s.Tokens
	t := p.st.units[p.i].tok
	if t >= len(toks) || !strings.HasPrefix(toks[t].Rel, "nsubj") {
		return false
	}
	h := toks[t].Head
	if h < 0 || h >= len(toks) || toks[h].UPOS != "VERB" || expletiveHeads[toks[h].Lemma] {
		return false
	}
	// "it is expected to", "it was reported that": a passive or copular
	// auxiliary before the verb.
	for k := t + 1; k < h; k++ {
		if toks[k].Lemma == "be" && toks[k].Head == h {
			return false
		}
	}
	return true
}
