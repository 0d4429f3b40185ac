// Package event is dyad's event coder. Its input is an article's parsed
// sentences (tokens with lemmas, parts of speech and dependency relations),
// the actor mentions found in each sentence, and the article's time
// expressions and places; its output is a list of dyad.Event: who did what
// to whom (a CAMEO code), in what mode (asserted, hypothetical, negated or
// future), when and where, each with the evidence that explains it.
//
// Events are found from the dependency parse, not from word order. A verb
// (or a noun such as "talks" or "air strikes", or an adjective such as
// "ready") that the verb dictionary knows is a trigger; the dictionary's
// patterns, matched against the trigger's dependents, choose its CAMEO code.
// The source is the trigger's subject (the "by" agent of a passive, the
// controller of an infinitive, the noun a participle or relative clause
// modifies); the target is its object, or the actor of a prepositional
// complement. Coordinated actors give one event per source and target pair.
// The mode comes from the trigger's clause: negation, modal and future
// auxiliaries, conditional clauses, and verbs that govern it ("refused to",
// "plans to", "hopes to"). A refused act of cooperation is coded as a
// rejection, a promised or offered one ("offered to mediate between Y and
// Z") as an intent, a leader's departure demanded by a speaker ("X says Y
// must go") as a demand for a change in leadership, and a retaliation a
// speaker announces ("said it would take retaliatory measures", "any
// aggression would have consequences") as the speaker's threat.
package event
