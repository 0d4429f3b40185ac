package event

// arg is an actor found as the source or target of a trigger: the mention
// that names it and the token that led to it.
type arg struct {
	mi  int // index into tree.ms
	tok int
}

// relPronouns are the relative pronouns that stand for the noun their clause
// modifies.
var relPronouns = map[string]bool{"who": true, "which": true, "that": true, "whom": true, "whose": true}

// actorsOf returns the actors that the noun phrase headed by np names: its
// own mention, the actors named in its modifiers when it has none ("the top
// US diplomat", "Russian and Iranian governments"), the noun a relative
// pronoun stands for, and the actors of its conjuncts.
func (c *Coder) actorsOf(t *tree, np int) []arg {
	return dedupArgs(c.actorsOfDepth(t, np, 0))
}

// actorsOfDepth is actorsOf with a bound on the depth of the search.
func (c *Coder) actorsOfDepth(t *tree, np, depth int) []arg {
	if np < 0 || depth > 4 {
		return nil
	}
	var out []arg
	switch {
	case t.ment[np] >= 0 && nationless(t.ms[t.ment[np]].Actor) && c.ofActors(t, np, depth) != nil:
		// "the representatives of the Syrian regime": the generic
		// mention stands for the actor it belongs to.
		out = append(out, c.ofActors(t, np, depth)...)
	case t.ment[np] >= 0:
		out = append(out, arg{mi: t.ment[np], tok: np})
		for _, mi := range t.same[t.ment[np]] {
			out = append(out, arg{mi: mi, tok: np})
		}
	case relPronouns[t.word[np]]:
		// "Saudi Arabia, which backs ...": the clause modifies the noun.
		if h := t.head(np); h >= 0 && t.relIn(h, "acl") {
			if n := t.head(h); n >= 0 {
				if a := c.actorsOfDepth(t, n, depth+1); len(a) > 0 {
					return a
				}
			}
			// "the intervention of countries like Saudi Arabia, which
			// backs ...": a parser may hang the clause on the wrong
			// noun; the one just before the pronoun is the likelier.
			for k := np - 1; k >= 0; k-- {
				if t.base(k) == "punct" {
					continue
				}
				if t.ment[k] >= 0 {
					return c.actorsOfDepth(t, k, depth+1)
				}
				break
			}
		}
	case partitives[t.lemma[np]] || partitives[t.word[np]]:
		// "thousands of protesters", "dozens of rebels": the actors of
		// the "of" phrase.
		if k := firstWithPrep(t, np, "of"); k >= 0 && t.relIn(k, "nmod") {
			out = append(out, c.actorsOfDepth(t, k, depth+1)...)
		}
	default:
		// A possessor names the actor ("Russia's involvement"); other
		// modifiers only when the noun is a part of the actor ("DAESH
		// targets", "the top US diplomat"), not a thing of it ("a UN
		// resolution", "a Russian plan").
		part := c.actorPart(t, np)
		for _, k := range t.kids[np] {
			if t.relIn(k, "appos") {
				out = append(out, c.actorsOfDepth(t, k, depth+1)...)
			}
		}
		if len(out) > 0 {
			// "a key U.S. ally, Pakistan": the apposition names it.
			break
		}
		for _, k := range t.kids[np] {
			if t.relIn(k, "nmod:poss") || (part && t.relIn(k, "compound", "amod", "flat")) {
				out = append(out, c.actorsOfDepth(t, k, depth+1)...)
			}
		}
		if len(out) == 0 && part && t.isNoun(np) {
			// "fighters from Hezbollah", "members of the opposition".
			out = append(out, c.ofActors(t, np, depth)...)
		}
	}
	for _, k := range t.kids[np] {
		if t.relIn(k, "conj") && !t.isVerb(k) {
			out = append(out, c.actorsOfDepth(t, k, depth+1)...)
		}
	}
	return out
}

// ofActors returns the actors of np's "of" or "from" complement ("members
// of X", "warplanes from a Saudi-led coalition").
func (c *Coder) ofActors(t *tree, np, depth int) []arg {
	for _, k := range t.kids[np] {
		if t.relIn(k, "nmod") && (t.hasPrep(k, "of") || t.hasPrep(k, "from")) && t.ment[k] != t.ment[np] {
			if a := c.actorsOfDepth(t, k, depth+1); len(a) > 0 {
				return a
			}
		}
	}
	return nil
}

// actorPart reports whether noun np is a part of an actor (a member of the
// dictionary set ACTOR_PARTS: "forces", "positions", "diplomat"), so that
// an actor named in its modifiers stands for it.
func (c *Coder) actorPart(t *tree, np int) bool {
	return t.toks[np].UPOS == "PROPN" || c.verbs.InSet("ACTOR_PARTS", t.lemma[np]) || c.verbs.InSet("ACTOR_PARTS", t.word[np])
}

// modifierActors returns the actors named in the compound and adjective
// modifiers of np, whatever np is.
func (c *Coder) modifierActors(t *tree, np int) []arg {
	var out []arg
	for _, k := range t.kids[np] {
		if t.relIn(k, "compound", "amod") {
			out = append(out, c.actorsOf(t, k)...)
		}
	}
	return dedupArgs(out)
}

// dedupArgs drops repeated mentions, keeping the first.
func dedupArgs(in []arg) []arg {
	if len(in) < 2 {
		return in
	}
	seen := map[int]bool{}
	out := in[:0]
	for _, a := range in {
		if !seen[a.mi] {
			seen[a.mi] = true
			out = append(out, a)
		}
	}
	return out
}

// subject returns the actors that do what predicate p says, and how they
// were found: its subject; the "by" agent of a passive; for an infinitive
// or participle without a subject of its own, the controller (the object of
// "urged X to", else the subject of the governing verb) or the noun the
// participle modifies.
func (c *Coder) subject(t *tree, p int) ([]arg, string) {
	return c.subjectDepth(t, p, 0)
}

// subjectDepth is subject with a bound on the clauses it climbs.
func (c *Coder) subjectDepth(t *tree, p, depth int) ([]arg, string) {
	if p < 0 || depth > 5 {
		return nil, ""
	}
	if s := t.child(p, "nsubj", "csubj"); s >= 0 && !t.relIn(s, "nsubj:pass", "csubj:pass") && !t.passive(p) {
		s = c.actorSubject(t, p, s)
		a := c.actorsOf(t, s)
		if len(a) == 0 && speakerPronouns[t.word[s]] {
			// "Hungary said it will support ...", "'We will meet,' Kerry
			// said": the pronoun stands for the one who speaks.
			if v := c.reportingVerb(t, p); v >= 0 {
				if a, _ := c.subjectDepth(t, v, depth+1); len(a) > 0 {
					return a, "speaker"
				}
			}
		}
		return a, "subject"
	}
	if t.passive(p) {
		if a := c.agent(t, p); a >= 0 {
			return c.actorsOf(t, a), "agent"
		}
		return nil, ""
	}
	for _, k := range t.kids[p] {
		// "Syrian soldiers, backed up by jets, repelled ...": a parser
		// may give the subject to the participle clause before the verb.
		if k < p && t.relIn(k, "advcl") && t.participle(k) {
			if s := t.child(k, "nsubj", "nsubj:pass"); s >= 0 && s < k {
				if a := c.actorsOf(t, s); len(a) > 0 {
					return a, "subject"
				}
			}
		}
	}
	if a := c.surfaceSubject(t, p); len(a) > 0 {
		return a, "subject (before the verb)"
	}
	if a := c.nameHeadSubject(t, p); len(a) > 0 {
		return a, viaNameHead
	}
	h := t.head(p)
	if h < 0 {
		return nil, ""
	}
	switch {
	case t.relIn(p, "xcomp"):
		// Object control: "urged the regime to fight", "called on Russia to use".
		if o := t.child(h, "obj", "iobj"); o >= 0 && !relPronouns[t.word[o]] {
			if a := c.actorsOf(t, o); len(a) > 0 {
				return a, "controller"
			}
		}
		for _, o := range t.children(h, "obl") {
			if t.hasPrep(o, "on") || t.hasPrep(o, "upon") {
				if a := c.actorsOf(t, o); len(a) > 0 {
					return a, "controller"
				}
			}
		}
		return c.subjectDepth(t, h, depth+1)
	case t.relIn(p, "conj"):
		if g := nounConjunctGovernor(t, p, h); g >= 0 {
			return c.subjectDepth(t, g, depth+1)
		}
		if !(t.isVerb(h) || t.isAdj(h)) || !coordinated(t, p) {
			break
		}
		if t.passive(h) {
			// "Assad was ousted and fled": the passive subject does
			// the active conjunct. "wants Assad to be ousted and holds
			// him responsible" (misattached): the one who wants.
			if s := t.child(h, "nsubj:pass"); s >= 0 {
				return c.actorsOf(t, s), "subject"
			}
			x := h
			for steps := 0; steps < 3 && t.relIn(x, "xcomp"); steps++ {
				x = t.head(x)
			}
			if x != h && x >= 0 && !t.passive(x) {
				return c.subjectDepth(t, x, depth+1)
			}
			return nil, ""
		}
		if x := finiteGovernor(t, p, h); x >= 0 {
			return c.subjectDepth(t, x, depth+1)
		}
		return c.subjectDepth(t, h, depth+1)
	case t.relIn(p, "advcl"):
		// "After meeting Putin, Kerry said": a participle shares the
		// subject of the clause it modifies; a finite clause has its own.
		if mk := t.child(p, "mark"); mk >= 0 && !participleMarks[t.word[mk]] {
			return nil, ""
		}
		if t.child(p, "aux") >= 0 {
			return nil, ""
		}
		if x := t.toks[p].XPOS; x == "VBD" || x == "VBZ" || x == "VBP" {
			// A finite clause whose subject the parser lost.
			return nil, ""
		}
		if v := adjunctParticiple(t, p); v >= 0 {
			if a, _ := c.subjectDepth(t, v, depth+1); len(a) > 0 {
				return a, "subject of the main clause"
			}
		}
		// A parser may hang the clause on a noun of the main clause.
		for steps := 0; h >= 0 && !(t.isVerb(h) || t.isAdj(h)) && steps < 4; steps++ {
			h = t.head(h)
		}
		return c.subjectDepth(t, h, depth+1)
	case t.relIn(p, "acl"):
		if v := adjunctParticiple(t, p); v >= 0 {
			if a, _ := c.subjectDepth(t, v, depth+1); len(a) > 0 {
				return a, "subject of the main clause"
			}
		}
		// "groups fighting the regime": the noun does it.
		return c.actorsOf(t, h), "modified noun"
	}
	return nil, ""
}

// nounConjunctGovernor returns the verb whose subject a finite conjunct p
// shares when a parser coordinated p with a noun h of that verb's clause
// ("condemned the use of live ammunition and called on ...": "called"
// joined to "use"), or -1: a finite verb is not coordinated with a noun.
func nounConjunctGovernor(t *tree, p, h int) int {
	if !(t.isNoun(h) || t.toks[h].UPOS == "PROPN") || !coordinated(t, p) || t.child(p, "nsubj", "nsubj:pass") >= 0 {
		return -1
	}
	switch t.toks[p].XPOS {
	case "VBD", "VBZ", "VBP":
	default:
		return -1
	}
	x := h
	for steps := 0; steps < 4; steps++ {
		if !t.relIn(x, "obj", "obl", "nmod", "iobj") {
			return -1
		}
		x = t.head(x)
		if x < 0 {
			return -1
		}
		if t.isVerb(x) {
			if x > p {
				return -1
			}
			return x
		}
	}
	return -1
}

// surfaceSubject recovers the subject of a finite verb that the parser
// left without one: an actor mention right before the verb and its
// auxiliaries and adverbs ("..., Russia is also striking ..."), that no
// preposition introduces.
func (c *Coder) surfaceSubject(t *tree, p int) []arg {
	finite := t.child(p, "aux") >= 0
	switch t.toks[p].XPOS {
	case "VBD", "VBZ", "VBP":
		finite = true
	}
	if !finite || t.relIn(p, "xcomp", "acl", "advcl", "conj") {
		return nil
	}
	k := p - 1
	for k >= 0 && t.head(k) == p && t.relIn(k, "aux", "advmod", "neg") {
		k--
	}
	k = beforeTimePhrase(t, p, k)
	if k < 0 || t.ment[k] < 0 || t.prep(k) != "" || t.relIn(k, "obj", "iobj", "nmod:poss") {
		return nil
	}
	return c.actorsOf(t, k)
}

// viaNameHead says a subject was found by nameHeadSubject.
const viaNameHead = "subject (the name the verb was hung on)"

// nameHeadSubject recovers the subject of a verb that a parser hung on the
// name right before it, as a conjunct or a modifier ("Amnesty International
// condemned ...", with "Amnesty" read as an adjective heading the
// sentence): the actor mention that ends right before the verb (adverbs
// aside) and holds the verb's head.
func (c *Coder) nameHeadSubject(t *tree, p int) []arg {
	h := t.head(p)
	if h < 0 || h > p || t.ment[h] < 0 || !t.relIn(p, "conj", "acl", "amod", "dep") {
		return nil
	}
	switch t.toks[p].XPOS {
	case "VBD", "VBZ", "VBP", "VBN":
	default:
		return nil
	}
	k := p - 1
	for k >= 0 && t.relIn(k, "advmod") {
		k--
	}
	if k < 0 || t.ment[k] != t.ment[h] || t.prep(h) != "" {
		return nil
	}
	return c.actorsOf(t, h)
}

// speakerPronouns, as the subject of a reported clause, stand for the one
// who reports it.
var speakerPronouns = map[string]bool{"it": true, "we": true, "they": true}

// reportingVerb returns the verb of saying (a member of the SPEAKERS set)
// whose complement clause is p, looking through coordinated clauses, or -1.
func (c *Coder) reportingVerb(t *tree, p int) int {
	x := p
	for steps := 0; steps < 3; steps++ {
		h := t.head(x)
		if h < 0 {
			return -1
		}
		switch {
		case t.relIn(x, "conj"):
			x = h
		case t.relIn(x, "ccomp", "parataxis"):
			if c.verbs.InSet("SPEAKERS", t.lemma[h]) {
				return h
			}
			return -1
		default:
			return -1
		}
	}
	return -1
}

// participleMarks may introduce a participial clause that shares the
// subject of the clause it modifies.
var participleMarks = map[string]bool{"after": true, "before": true, "while": true, "when": true,
	"by": true, "since": true, "following": true, "upon": true, "on": true, "without": true, "in": true}

// agent returns the "by" complement of passive predicate p, or -1.
func (c *Coder) agent(t *tree, p int) int {
	if a := t.child(p, "obl:agent"); a >= 0 {
		return a
	}
	for _, o := range t.children(p, "obl", "nmod") {
		if t.hasPrep(o, "by") && len(c.actorsOf(t, o)) > 0 {
			return o
		}
	}
	return -1
}

// targetPreps rank the prepositions whose complement can be the target of
// a verb: a lower rank wins when a verb has several. "" is a complement
// without one, an object the parser took for an oblique.
var targetPreps = map[string]int{"": 1,
	"with": 1, "against": 1, "on": 1, "upon": 1, "at": 1, "to": 1, "toward": 1, "towards": 1, "into": 1, "onto": 1,
	"for": 2, "over": 2, "between": 2, "among": 2, "about": 2,
}

// partnerPreps introduce a partner or an opponent.
var partnerPreps = map[string]int{"with": 1, "against": 1}

// partnerPreps2 introduce the aim of a weapon ("rockets at", "bombs on").
var partnerPreps2 = map[string]int{"at": 1, "against": 1, "on": 1, "into": 1, "toward": 1, "towards": 1}

// nounTargetPreps are those of a noun's complement ("talks with", "strikes
// against", "the killing of").
var nounTargetPreps = map[string]int{
	"with": 1, "against": 1, "on": 1, "at": 1, "to": 1, "toward": 1, "towards": 1, "into": 1, "between": 1,
	"around": 1, "near": 2, "of": 2, "for": 2, "over": 3,
}

// complementActors returns the actors of the complements of p introduced
// by one of preps, from the best-ranked preposition that has any.
func (c *Coder) complementActors(t *tree, p int, preps map[string]int, rels ...string) []arg {
	best := 1 << 30
	var out []arg
	for _, k := range t.children(p, rels...) {
		if t.exactRel(k, "obl:agent") || t.exactRel(k, "obl:tmod") {
			continue
		}
		pr := t.prep(k)
		if pr == "" && !t.exactRel(k, "obl") {
			continue
		}
		rank, ok := preps[pr]
		if !ok || rank > best {
			continue
		}
		a := c.actorsOf(t, k)
		if len(a) == 0 {
			continue
		}
		if rank < best {
			best, out = rank, nil
		}
		out = append(out, a...)
	}
	return dedupArgs(out)
}

// target returns the actors that predicate p is done to, and how they were
// found.
func (c *Coder) target(t *tree, p int, m match, code string) ([]arg, string) {
	if m.target >= 0 {
		return c.actorsOf(t, m.target), "pattern"
	}
	if m.targetIsSubject {
		a, _ := c.subject(t, p)
		return a, "pattern"
	}
	if t.passive(p) {
		if s := t.child(p, "nsubj:pass", "nsubj"); s >= 0 {
			return c.actorsOf(t, s), "passive subject"
		}
		if t.exactRel(p, "acl") {
			if h := t.head(p); h >= 0 {
				if a := c.actorsOf(t, h); len(a) > 0 {
					return a, "modified noun"
				}
				// "the military is using weapons supplied by Russia": what
				// is given goes to the one who uses it.
				if r := root(code); r == "06" || r == "07" {
					if g, rel := governing(t, h); g >= 0 && rel == "obj" {
						a, _ := c.subject(t, g)
						return a, "recipient"
					}
				}
			}
		}
		return nil, ""
	}
	if o := t.child(p, "obj"); o >= 0 {
		via := "object"
		if k := c.freeRelative(t, o); k >= 0 {
			o, via = k, "named in the free relative object"
		}
		if a := c.actorsOf(t, o); len(a) > 0 {
			return append(a, c.listTail(t, p, o)...), via
		}
		if r := root(code); r >= "15" && r <= "20" {
			// "fired dozens of rockets at Israeli cities": force is
			// directed by the complement of what is fired.
			o2 := o
			if k := firstWithPrep(t, o, "of"); k >= 0 && partitives[t.lemma[o]] {
				o2 = k
			}
			if a := c.complementActors(t, o2, partnerPreps2, "nmod"); len(a) > 0 {
				return a, "object's complement"
			}
		}
		if r := root(code); (r == "05" || r == "12") && c.verbs.InSet("OWNED", t.lemma[o]) {
			// "rejected an Egyptian proposal", "welcomed a Russian
			// initiative": who is judged is who made the thing.
			if a := c.modifierActors(t, o); len(a) > 0 {
				return a, "owner of the object"
			}
		}
		if c.eventNoun(t, o) || (m.pat != nil && m.pat.Size() > 0) {
			if a := c.complementActors(t, o, nounTargetPreps, "nmod"); len(a) > 0 {
				return a, "object's complement"
			}
		}
	}
	if o := t.child(p, "iobj"); o >= 0 {
		if a := c.actorsOf(t, o); len(a) > 0 {
			return a, "indirect object"
		}
	}
	if x := t.child(p, "xcomp"); x >= 0 && t.child(p, "obj") < 0 && t.toks[x].UPOS == "PROPN" && t.child(x, "mark", "cop") < 0 {
		// "criticised the United States" with the object taken for a
		// predicate complement.
		if a := c.actorsOf(t, x); len(a) > 0 {
			return a, "object"
		}
	}
	if a := c.relativised(t, p); len(a) > 0 {
		return a, "relative clause"
	}
	if a := c.complementActors(t, p, targetPreps, "obl", "nmod"); len(a) > 0 {
		return a, "complement"
	}
	for _, k := range m.nouns {
		if a := c.complementActors(t, k, nounTargetPreps, "nmod", "obl"); len(a) > 0 {
			return a, "complement of " + t.word[k]
		}
	}
	for _, k := range t.children(p, "obl") {
		// "met in London with the minister": a parser may hang the
		// partner on the place.
		if p := t.prep(k); p == "in" || p == "at" {
			if a := c.complementActors(t, k, partnerPreps, "nmod"); len(a) > 0 {
				return a, "complement of " + t.word[k]
			}
		}
	}
	switch root(code) {
	case "03", "05":
		// "promised to help X", "agreed to cooperate with X"; not "agreed
		// to attack X", which is no cooperation with X.
		if x := t.child(p, "xcomp"); x >= 0 && !c.conflict(t, x) {
			if a, via := c.target(t, x, match{source: -1, target: -1}, ""); len(a) > 0 {
				return a, "complement clause: " + via
			}
		}
	case "10", "12", "13":
		// "threatened to attack X", "demanded to meet X".
		if x := t.child(p, "xcomp"); x >= 0 {
			if a, via := c.target(t, x, match{source: -1, target: -1}, ""); len(a) > 0 {
				return a, "complement clause: " + via
			}
		}
	}
	if r := root(code); r >= "18" && r <= "20" {
		if a := c.locationTarget(t, p); len(a) > 0 {
			return a, "state where the force was used"
		}
	}
	switch root(code) {
	case "02", "10":
		// "urged that the rebels leave", "demanded that Israel withdraw".
		if x := complementClause(t, p); x >= 0 {
			if a, _ := c.subject(t, x); len(a) > 0 {
				return a, "subject of the complement clause"
			}
			if a := c.misparsedSubject(t, x); len(a) > 0 {
				return a, "subject of the complement clause (misparsed)"
			}
		}
		if x := thatObject(t, p); x >= 0 {
			if a := c.misparsedSubject(t, x); len(a) > 0 {
				return a, "subject of the complement clause (misparsed)"
			}
		}
	}
	return nil, ""
}

// locationPreps place an act of force in a state.
var locationPreps = map[string]int{"in": 1, "inside": 1, "across": 1}

// locationTarget returns the state in which force p was used, when the
// verb or its object is placed there ("struck targets in southern
// Lebanon", "shelled villages across the border in Syria"): force used in
// a state is used against it. Only states count, not groups or persons
// named after "in": a proper name coded as the state or its government.
func (c *Coder) locationTarget(t *tree, p int) []arg {
	var out []arg
	heads := []int{p}
	if o := t.child(p, "obj"); o >= 0 {
		heads = append(heads, o)
	}
	for _, h := range heads {
		for _, a := range c.complementActors(t, h, locationPreps, "obl", "nmod") {
			ref := t.ms[a.mi].Actor
			if ref.Country != "" && (ref.Code == ref.Country || ref.Code == ref.Country+"GOV") && t.toks[a.tok].UPOS == "PROPN" {
				out = append(out, a)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// listTail returns the actors of the names that a parser split off a list
// that is the object o of p: "thanked the United States, Britain and
// Caricom" with "Britain and Caricom" as a bare oblique of the verb after a
// comma.
func (c *Coder) listTail(t *tree, p, o int) []arg {
	var out []arg
	for _, k := range t.children(p, "obl") {
		if k < o || t.prep(k) != "" || t.exactRel(k, "obl:tmod") || timeNoun(t, k) {
			continue
		}
		first := k
		for j := k - 1; j > o && t.dominates(k, j) && t.base(j) != "punct"; j-- {
			first = j
		}
		if first < 2 || t.word[first-1] != "," || !t.dominates(o, first-2) || t.ment[k] < 0 {
			continue
		}
		out = append(out, c.actorsOf(t, k)...)
	}
	return out
}

// conflict reports whether token x is a trigger coded as conflict (roots 10
// to 20).
func (c *Coder) conflict(t *tree, x int) bool {
	tr, ok := c.findTrigger(t, x)
	if !ok {
		return false
	}
	code := tr.entry().Effective()
	return root(code.Event) >= "10" || root(code.Reverse) >= "10"
}

// relativised returns the noun a relative clause modifies when the clause
// (or the verb it governs, "the rebels that Assad seeks to destroy") has a
// subject of its own and leaves its object to the relative pronoun.
func (c *Coder) relativised(t *tree, p int) []arg {
	x := p
	for steps := 0; steps < 3 && x >= 0; steps++ {
		if t.relIn(x, "acl:relcl") {
			s := t.child(x, "nsubj")
			if s < 0 || relPronouns[t.word[s]] {
				return nil
			}
			if o := t.child(p, "obj"); o >= 0 && !relPronouns[t.word[o]] {
				return nil
			}
			return c.actorsOf(t, t.head(x))
		}
		if !t.relIn(x, "xcomp") {
			return nil
		}
		x = t.head(x)
	}
	return nil
}

// eventNoun reports whether token k is a noun the dictionary codes.
func (c *Coder) eventNoun(t *tree, k int) bool {
	return len(c.verbs.NounEntries(t.lemma[k])) > 0 || len(c.verbs.NounEntries(t.word[k])) > 0
}

// root returns the two-digit root of a CAMEO code.
func root(code string) string {
	if len(code) < 2 {
		return ""
	}
	return code[:2]
}

// partitives head a noun phrase whose real head is their "of" complement:
// "most of the air strikes", "new types of weapons".
var partitives = map[string]bool{"most": true, "some": true, "many": true, "all": true, "several": true,
	"none": true, "one": true, "part": true, "majority": true, "dozens": true, "hundreds": true, "dozen": true, "hundred": true, "thousand": true,
	"thousands": true, "number": true, "series": true, "wave": true, "type": true, "kind": true,
	"sort": true, "range": true, "batch": true, "amount": true, "quantity": true, "lot": true, "bulk": true}

// governing returns the predicate that governs noun n and n's relation to
// it, looking through partitive heads ("most of the strikes were carried
// out": the strikes are the passive subject of "carried").
func governing(t *tree, n int) (int, string) {
	for steps := 0; steps < 3; steps++ {
		h := t.head(n)
		if h < 0 {
			return -1, ""
		}
		if t.relIn(n, "nmod") && t.hasPrep(n, "of") && partitives[t.lemma[h]] {
			n = h
			continue
		}
		return h, t.rel(n)
	}
	return -1, ""
}

// coordinated reports whether conjunct p is joined by a conjunction ("and",
// "but", "or"), its own or that of a later conjunct of a list; a parser
// sometimes calls a clause a conjunct when nothing joins it ("launched an
// offensive after Hamas rejected ...").
func coordinated(t *tree, p int) bool {
	if t.child(p, "cc") >= 0 {
		return true
	}
	for _, k := range t.kids[p] {
		if k < p && t.base(k) == "punct" && (t.word[k] == "," || t.word[k] == ";") {
			return true
		}
	}
	h := t.head(p)
	if h < 0 {
		return false
	}
	for _, k := range t.kids[h] {
		if k > p && t.relIn(k, "conj") && t.child(k, "cc") >= 0 {
			return true
		}
	}
	return false
}
