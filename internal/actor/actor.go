// Package actor finds the actors of an article: it reads the article's
// sentences and tokens ([]dyad.Sentence from package segment, with the
// parse when there is one) and returns every actor ([]dyad.Actor) with its
// CAMEO codes at the article's publication date and its mentions.
//
// Names, titles and nationalities come from the actor dictionaries (package
// dict): "Russian Foreign Minister Sergey Lavrov" is one mention of Lavrov,
// "Syrian opposition forces" a mention of a Syrian rebel group (SYRREB),
// "US Secretary of State John Kerry" a mention of Kerry coded USAGOV in
// 2015. An unknown name with a known title gets the title's codes ("UN envoy
// X" is IGOUNO). Later mentions are linked to earlier ones: surnames
// ("Kerry"), descriptions ("the top US diplomat", "the regime"), and the
// pronouns he, she, him, his, her, they, them and their outside quotations.
// Every mention says how it was found (dyad.ViaDictionary, ViaTitle,
// ViaCoreference, ViaUnknown).
//
// Codes follow the field's conventions: Country is the state an actor acts
// for (ISO 3166 alpha-3); a state's sector is GOV while its code stays the
// bare country code (SYR); international organisations, NGOs and named
// armed or political groups (Hezbollah, the Islamic State) have no country;
// an agent alone ("the army") takes a nationality only from an unambiguous
// antecedent ("the Syrian army ... the army").
//
// Use: f, err := actor.Default() (or actor.New(dict) for a user's layered
// dictionaries), then r := f.Find(text, sentences, published); r.Actors()
// gives the article's actors, r.At and r.MentionAt what a token refers to,
// Ref an event's or quote's ActorRef, and r.Antecedent a pronoun's
// antecedents for the quote stage.
package actor

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/dict"
)

// Finder finds actors in articles. It holds the dictionaries' indexes and is
// safe for concurrent use.
type Finder struct {
	d         *dict.Actors
	entries   []*dict.ActorEntry
	names     *trie
	nameRefs  []nameRef
	agents    *trie
	agentList []*dict.Agent
	// surnames maps the last word of persons' names to the persons.
	surnames map[string][]int32
	// states maps a country code to its state entry.
	states map[string]int32
	// pluralAgent marks agents written in the plural ("rebels noplural").
	pluralAgent []bool
	// peer composes codes as TABARI and PETRARCH do (see PeerCodes).
	peer bool
	// lists gives an agent before a list of actors to each (see
	// AgentLists).
	lists bool
}

// PeerCodes returns a copy of f that composes actor codes as TABARI and
// PETRARCH do: an agent next to any coded actor appends its code to the
// actor's whole code ("the Calenardhon government" is CALGOV, "Ithilen's
// president" ITHGOVPRS, "Hamas militants" the Hamas code with the agent's),
// where dyad's own rule composes only nationalities and keeps a named
// group's code. The peers' validation suites expect it; on news a named
// group with its fighters is the group, so New's Finder keeps dyad's rule.
func (f *Finder) PeerCodes() *Finder {
	g := *f
	g.peer = true
	return &g
}

// AgentLists returns a copy of f that, under PeerCodes, gives an agent
// before a list of actors to each of them, as PETRARCH does: "Lawmakers in
// Fornost and Gondor" are Fornost's and Gondor's legislators. TABARI gives
// it to the first actor only.
func (f *Finder) AgentLists() *Finder {
	g := *f
	g.lists = true
	return &g
}

// New indexes the dictionaries d for finding actors.
func New(d *dict.Actors) *Finder {
	f := &Finder{d: d, entries: d.Entries(), names: newTrie(0), agents: newTrie(1), surnames: map[string][]int32{}}
	for ei, e := range f.entries {
		for _, n := range e.Names {
			if n.Kind == dict.ActorPlace {
				continue
			}
			words := dictWords(n.Text)
			if len(words) == 0 {
				continue
			}
			f.nameRefs = append(f.nameRefs, nameRef{entry: int32(ei), kind: n.Kind, exact: exactName(n.Text), pos: n.Pos})
			f.names.add(words, int32(len(f.nameRefs)-1))
			if e.Type == dict.ActorPerson && len(words) >= 2 {
				last := words[len(words)-1]
				if l := f.surnames[last]; len(l) == 0 || l[len(l)-1] != int32(ei) {
					f.surnames[last] = append(f.surnames[last], int32(ei))
				}
			}
		}
	}
	f.indexStates()
	for _, a := range d.Agents() {
		id := int32(len(f.agentList))
		f.agentList = append(f.agentList, a)
		f.pluralAgent = append(f.pluralAgent, a.NoPlural && pluralWord(a.Phrase))
		f.agents.set(dictWords(a.Phrase), id<<1)
		if a.Plural != "" {
			f.agents.set(dictWords(a.Plural), id<<1|1)
		}
	}
	return f
}

// pluralWord reports whether a phrase's head noun is plural: its last word,
// or the word before "of" or "for" ("ministers of state"; not "minister for
// foreign affairs").
func pluralWord(p string) bool {
	if k := strings.Index(p, " of "); k > 0 {
		p = p[:k]
	}
	if k := strings.Index(p, " for "); k > 0 {
		p = p[:k]
	}
	w := p[strings.LastIndexByte(p, ' ')+1:]
	return (strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")) || strings.HasSuffix(w, "men") ||
		w == "people" || w == "police" || w == "personnel"
}

var defaultFinder struct {
	once sync.Once
	f    *Finder
	err  error
}

// Default returns a Finder over the shipped dictionaries, built once.
func Default() (*Finder, error) {
	defaultFinder.once.Do(func() {
		d, err := dict.DefaultActors()
		if err != nil {
			defaultFinder.err = fmt.Errorf("actor: %w", err)
			return
		}
		defaultFinder.f = New(d)
	})
	return defaultFinder.f, defaultFinder.err
}

// Dict returns the dictionaries the Finder was built from.
func (f *Finder) Dict() *dict.Actors { return f.d }

// Mention is a mention of an actor, with the tokens it covers in its
// sentence.
type Mention struct {
	dyad.Mention
	Actor *dyad.Actor
	// First and Last are the indexes of the first and last token of the
	// mention in its sentence's Tokens.
	First, Last int
}

// Result is what Find found in one article.
type Result struct {
	text     string
	actors   []*dyad.Actor
	mentions []Mention // in text order
	bySent   map[int][]int
	pronouns map[[2]int][]*dyad.Actor // (sentence, token) -> antecedents
	unknowns []unknownSeen
}

// Actors returns the actors in order of first mention, with IDs "a1",
// "a2", ...
func (r *Result) Actors() []dyad.Actor {
	out := make([]dyad.Actor, len(r.actors))
	for i, a := range r.actors {
		out[i] = *a
	}
	return out
}

// Mentions returns every mention in text order.
func (r *Result) Mentions() []Mention { return r.mentions }

// MentionsIn returns the mentions in sentence s, in text order.
func (r *Result) MentionsIn(s int) []Mention {
	idx := r.bySent[s]
	out := make([]Mention, len(idx))
	for i, k := range idx {
		out[i] = r.mentions[k]
	}
	return out
}

// At returns the actors that a mention covering token tok of sentence s
// refers to (several for "Russia and Iran's governments"), or nil.
func (r *Result) At(s, tok int) []*dyad.Actor {
	var out []*dyad.Actor
	for _, k := range r.bySent[s] {
		m := r.mentions[k]
		if m.First <= tok && tok <= m.Last {
			out = appendActor(out, m.Actor)
		}
	}
	return out
}

// MentionAt returns the shortest mention that covers token tok of sentence
// s, and whether there is one.
func (r *Result) MentionAt(s, tok int) (Mention, bool) {
	best, found := Mention{}, false
	for _, k := range r.bySent[s] {
		m := r.mentions[k]
		if m.First <= tok && tok <= m.Last && (!found || m.End-m.Start < best.End-best.Start) {
			best, found = m, true
		}
	}
	return best, found
}

// Antecedent resolves a pronoun at token tok of sentence s to the actors it
// most likely refers to, whether or not it lies in a quotation (the quote
// stage calls it for "he" and "they" inside quotes; "I" and "we" are the
// speaker's and are not resolved here). It returns nil when no earlier
// actor fits.
func (r *Result) Antecedent(s, tok int) []*dyad.Actor {
	return r.pronouns[[2]int{s, tok}]
}

// Ref returns how an event or a quote refers to the actor of a mention.
func Ref(m Mention) dyad.ActorRef {
	a := m.Actor
	return dyad.ActorRef{Name: a.Name, Country: a.Country, Sector: a.Sector, Code: a.Code,
		Text: m.Text, Start: m.Start, End: m.End}
}

func appendActor(l []*dyad.Actor, a *dyad.Actor) []*dyad.Actor {
	for _, x := range l {
		if x == a {
			return l
		}
	}
	return append(l, a)
}

// Find finds the actors of an article: its text, its sentences with their
// tokens (boilerplate sentences are skipped) and its publication date
// (YYYY-MM-DD, or "" when unknown: the dictionaries' latest roles apply).
func (f *Finder) Find(text string, sents []dyad.Sentence, published string) *Result {
	a := &article{f: f, text: text, published: published, actors: map[string]*actorState{}}
	for i := range sents {
		if sents[i].Kind == dyad.KindBoilerplate {
			continue
		}
		st := &sentence{idx: i, s: &sents[i]}
		f.scan(st, text)
		a.sents = append(a.sents, st)
		a.phrases(st)
	}
	a.resolve()
	if f.peer {
		a.peerAgents()
		a.peerCodesEach()
	}
	return a.result()
}

// result assembles the Result: actors numbered in order of first mention,
// mentions sorted and indexed by sentence.
func (a *article) result() *Result {
	r := &Result{text: a.text, bySent: map[int][]int{}, pronouns: a.pronouns, unknowns: a.unknowns}
	var states []*actorState
	for _, st := range a.actors {
		if len(st.mentions) > 0 {
			states = append(states, st)
		}
	}
	for _, st := range states {
		sort.Slice(st.mentions, func(i, j int) bool { return mentionLess(st.mentions[i], st.mentions[j]) })
	}
	sort.Slice(states, func(i, j int) bool {
		mi, mj := states[i].mentions[0], states[j].mentions[0]
		if mi.Start != mj.Start {
			return mi.Start < mj.Start
		}
		return states[i].key < states[j].key
	})
	for i, st := range states {
		act := st.actor()
		act.ID = fmt.Sprintf("a%d", i+1)
		r.actors = append(r.actors, act)
		for _, m := range st.mentions {
			act.Mentions = append(act.Mentions, m.Mention)
			r.mentions = append(r.mentions, Mention{Mention: m.Mention, Actor: act, First: m.first, Last: m.last})
		}
	}
	sort.SliceStable(r.mentions, func(i, j int) bool {
		if r.mentions[i].Start != r.mentions[j].Start {
			return r.mentions[i].Start < r.mentions[j].Start
		}
		return r.mentions[i].End > r.mentions[j].End
	})
	for i, m := range r.mentions {
		r.bySent[m.Sentence] = append(r.bySent[m.Sentence], i)
	}
	// The antecedents of pronouns point at the numbered actors.
	for k, states := range a.pronounStates {
		var l []*dyad.Actor
		for _, st := range states {
			if st.out != nil {
				l = append(l, st.out)
			}
		}
		r.pronouns[k] = l
	}
	return r
}
