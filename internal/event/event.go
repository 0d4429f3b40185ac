package event

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"sync"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/data"
	"github.com/dyad-project/dyad/internal/dict"
)

// ErrNoDictionary reports that the embedded verb dictionary could not be
// loaded.
var ErrNoDictionary = errors.New("event: no verb dictionary")

// MentionRef is an actor mention in a sentence: its byte span in the article
// text and the actor it stands for.
type MentionRef struct {
	Start, End int
	Actor      dyad.ActorRef
}

// Mentions gives the actor mentions of each sentence, including pronouns
// and other references that the actor stage resolved.
type Mentions interface {
	// In returns the mentions in sentence i, in any order.
	In(sentence int) []MentionRef
}

// MentionList is a Mentions backed by a slice; Sentence says which sentence
// each mention belongs to.
type MentionList []SentenceMention

// SentenceMention is a mention with the index of its sentence.
type SentenceMention struct {
	Sentence int
	MentionRef
}

// In returns the mentions of sentence i.
func (l MentionList) In(i int) []MentionRef {
	var out []MentionRef
	for _, m := range l {
		if m.Sentence == i {
			out = append(out, m.MentionRef)
		}
	}
	return out
}

// Input is what the coder reads from one article.
type Input struct {
	// Text is the article text that every offset points into.
	Text string
	// Published is the publication date (YYYY-MM-DD), or "".
	Published string
	// Sentences are the article's sentences, tagged and parsed.
	Sentences []dyad.Sentence
	// Mentions gives the actor mentions of each sentence; nil means none.
	Mentions Mentions
	// Times and Places are the resolved time expressions and places.
	Times  []dyad.TimeExpr
	Places []dyad.Place
}

// Config controls the coder.
type Config struct {
	// Captions codes photo captions too. They restate the article's
	// events with less context, but what they report happened (on the seed
	// articles coding them adds a correct event and no wrong one).
	Captions bool
	// SentenceDates lets an event without a time expression of its own
	// take the date of the only dated expression in its sentence.
	SentenceDates bool
	// SentencePlaces does the same for places.
	SentencePlaces bool
	// PublishedDates gives an asserted event that has no date in its
	// sentence the article's publication date, the day a news report
	// speaks from (as event datasets date events by their story). On the
	// seed articles it lifts date accuracy from 0.36 to 0.86; the evidence
	// says "publication date" so that it is never taken for a date the text
	// gives.
	PublishedDates bool
	// Reciprocal also codes the reciprocal event of a paired code
	// ([042:043]: a visit and the hosting of it). The events a dyad is
	// scored on name one direction only, so it is off by default.
	Reciprocal bool
	// Statements codes root 01 (public statements), which PLOVER does not
	// code and which mostly restates who said what; off by default.
	Statements bool
	// Nationless codes events whose source or target has neither a country
	// nor an international organisation's code ("the terrorist groups",
	// "Islamists", a name the dictionaries do not know): who they are is
	// unknown, so they are left out by default.
	Nationless bool
	// ForeignCodes keeps event codes that the CAMEO table does not know,
	// with the first two characters as their root and no PLOVER type,
	// QuadClass or Goldstein value: the validation suites of TABARI and
	// PETRARCH code with their own KEDS/WEIS-derived test dictionaries.
	ForeignCodes bool
	// Shallow falls back on the word-order rule of TABARI and PETRARCH
	// when the parse gives a trigger no source or no target: the nearest
	// actor before the verb is the source, the first actor after it the
	// target (both within the verb's clause or its head's). The peers'
	// validation suites expect it; on news it guesses, so it is off by
	// default.
	Shallow bool
	// Linear codes each sentence as TABARI did, from left to right
	// without the dependency parse (see linear.go): the peers' validation
	// suites were written for it. On news the parse is the better guide,
	// so it is off by default.
	Linear bool
	// CodeBy says which verbs of a sentence the linear coder codes: the
	// first that codes an event in each clause (CodeByClause, the
	// default), the first in the sentence, or all.
	CodeBy CodeBy
	// MinWords, when above zero, leaves sentences of fewer words
	// (punctuation and possessive endings not counted) uncoded, as
	// TABARI's MINIMUM WORDS did to headlines and fragments.
	MinWords int
	// Complex leaves sentences that the linear coder finds too complex
	// uncoded (TABARI's "COMPLEX:" option); the zero value finds none.
	Complex Complexity
	// Commas are the lengths of the comma-delimited clauses the linear
	// coder skips (TABARI's "COMMA:" option, PETRARCH's comma_* settings);
	// the zero value skips none.
	Commas Commas
	// NoTarget codes, in the linear coder, a verb that has a source but
	// no target as an event without a target (PETRARCH's require_dyad =
	// false); by default such a verb codes nothing.
	NoTarget bool
	// Defaults are the linear coder's default actors (TABARI's "DEFAULT:
	// SOURCE [X] PRIOR TARGET [Y] AFTER"); the zero value uses none.
	Defaults Defaults
	// ParsePhrases reads noun phrases from the parse in the linear coder,
	// as PETRARCH read its parse trees: a conjunction attached to a noun
	// ("death and injury toll has risen") begins no clause, and a
	// possessor is no actor phrase of its own when its noun phrase is
	// headed by another ("Dagolath's deputy prime minister Telemar").
	ParsePhrases bool
	// NounConj, when not nil, lists the nouns and adjectives between which
	// a conjunction begins no clause in the linear coder (TABARI's <NOUN>
	// and <ADJECTIVE> lists: "sheep and goats").
	NounConj *NounConj
	// NewActorLength, when above zero, makes each noun phrase of at most
	// that many words that is a verb's subject, object or oblique and
	// names no actor an actor of its own in the linear coder, coded by its
	// words in capitals (PETRARCH's new_actor_length).
	NewActorLength int
}

// Commas says which comma-delimited clauses the linear coder skips, by
// their length in words (punctuation not counted): an internal clause
// (between two commas) of Min to Max words, an initial one (from the start
// of the sentence to its first comma) of BMin to BMax words and a terminal
// one (from the last comma to the end) of EMin to EMax words. A maximum of
// zero skips none of that kind. They are mostly appositions and
// attributions ("Gondor, a kingdom of the south, said", "..., a senior
// official said"), whose actors would be taken for the verb's.
type Commas struct {
	Min, Max, BMin, BMax, EMin, EMax int
}

// Complexity says when the linear coder finds a sentence too complex to
// code, as TABARI's "COMPLEX: VERBS[n] CONJ[n] NOACTPRIOR" did: when it
// holds at least Verbs words of the verb dictionary (outside actors'
// names), at least Conj conjunctions that join clauses or words other than
// actors, or, with NoActorPrior, no actor before its first verb that codes
// an event. A zero count is no limit.
type Complexity struct {
	Verbs, Conj  int
	NoActorPrior bool
}

// Defaults are actor codes the linear coder uses when a sentence names
// no source or no target. TABARI used them for texts of one known origin:
// a government's press releases, whose source is the government.
type Defaults struct {
	// Source is the code of the default source, "" for none: it is the
	// source when the verb has no actor at all but a target, and, with
	// Prior, when no actor comes before the verb.
	Source string
	Prior  bool
	// Target is the code of the default target, "" for none: it is the
	// target when no other actor than the source is found, and, with
	// After, when no other actor comes after the verb.
	Target string
	After  bool
}

// CodeBy says which verbs of a sentence the linear coder codes.
type CodeBy uint8

// The CodeBy settings, as TABARI's "SET: CODE BY CLAUSE", "CODE BY
// SENTENCE" and "CODE ALL".
const (
	CodeByClause CodeBy = iota
	CodeBySentence
	CodeAll
)

// DefaultConfig returns the configuration Default uses.
func DefaultConfig() Config {
	return Config{Captions: true, SentenceDates: true, SentencePlaces: true, PublishedDates: true}
}

// Coder codes events. It is safe for concurrent use.
type Coder struct {
	verbs *dict.Verbs
	cfg   Config
}

// New returns a coder that uses the verb dictionary v and the default
// configuration.
func New(v *dict.Verbs) *Coder { return &Coder{verbs: v, cfg: DefaultConfig()} }

// WithConfig returns a copy of c that uses cfg.
func (c *Coder) WithConfig(cfg Config) *Coder { return &Coder{verbs: c.verbs, cfg: cfg} }

var (
	defaultOnce  sync.Once
	defaultCoder *Coder
	defaultErr   error
)

// Default returns a coder with dyad's embedded verb dictionary, loaded
// once.
func Default() (*Coder, error) {
	defaultOnce.Do(func() {
		v, err := dict.LoadVerbs(data.Verbs, "verbs")
		if err != nil {
			defaultErr = fmt.Errorf("%w: %w", ErrNoDictionary, err)
			return
		}
		defaultCoder = New(v)
	})
	return defaultCoder, defaultErr
}

// Miss is a near miss, kept for explanation: a trigger that produced no
// event, and why.
type Miss struct {
	Sentence int          `json:"sentence"`
	Trigger  dyad.Trigger `json:"trigger"`
	Entry    string       `json:"entry"`
	Reason   string       `json:"reason"`
}

// Code returns the events of the article, in text order, with IDs "e1",
// "e2", ...
func (c *Coder) Code(in Input) []dyad.Event {
	evs, _ := c.code(in, false)
	return evs
}

// Explain returns the events of the article, as Code does, and the near
// misses: triggers that produced no event.
func (c *Coder) Explain(in Input) ([]dyad.Event, []Miss) {
	return c.code(in, true)
}

// run holds the state of one call of Code.
type run struct {
	c       *Coder
	in      Input
	explain bool
	events  []draft
	misses  []Miss
	// acts are the coded triggers so far, for nouns that refer back.
	acts []act
}

// draft is an event before IDs are given: the event and the keys it is
// ordered and deduplicated by.
type draft struct {
	ev  dyad.Event
	key string
}

// code codes an article; explain also keeps the near misses.
func (c *Coder) code(in Input, explain bool) ([]dyad.Event, []Miss) {
	r := &run{c: c, in: in, explain: explain}
	for i := range in.Sentences {
		s := &in.Sentences[i]
		switch s.Kind {
		case dyad.KindBoilerplate:
			continue
		case dyad.KindCaption:
			if !c.cfg.Captions {
				continue
			}
		}
		if len(s.Tokens) == 0 {
			continue
		}
		var ms []MentionRef
		if in.Mentions != nil {
			ms = in.Mentions.In(i)
		}
		if c.cfg.MinWords > 0 && words(s) < c.cfg.MinWords {
			continue
		}
		if c.cfg.Linear {
			r.linearSentence(newTree(i, s, ms))
			continue
		}
		r.sentence(newTree(i, s, ms))
	}
	sort.SliceStable(r.events, func(a, b int) bool {
		ea, eb := r.events[a].ev, r.events[b].ev
		if ea.Sentence != eb.Sentence {
			return ea.Sentence < eb.Sentence
		}
		return ea.Trigger.Start < eb.Trigger.Start
	})
	out := make([]dyad.Event, 0, len(r.events))
	seen := map[string]bool{}
	for _, d := range r.events {
		if seen[d.key] {
			continue
		}
		seen[d.key] = true
		d.ev.ID = "e" + strconv.Itoa(len(out)+1)
		out = append(out, d.ev)
	}
	return out, r.misses
}

// words counts the words of a sentence: tokens other than punctuation and
// possessive endings.
func words(s *dyad.Sentence) int {
	n := 0
	for _, t := range s.Tokens {
		if t.UPOS != "PUNCT" && t.Text != "'s" && t.Text != "'" {
			n++
		}
	}
	return n
}

// miss records a near miss when explaining.
func (r *run) miss(t *tree, tok int, entry, reason string) {
	if !r.explain {
		return
	}
	r.misses = append(r.misses, Miss{Sentence: t.idx, Trigger: trig(t, tok), Entry: entry, Reason: reason})
}

// trig returns token i as a trigger.
func trig(t *tree, i int) dyad.Trigger {
	return dyad.Trigger{Text: t.toks[i].Text, Start: t.toks[i].Start, End: t.toks[i].End}
}

// sentence codes the triggers of one sentence.
func (r *run) sentence(t *tree) {
	c := r.c
	for i := range t.toks {
		tr, ok := c.findTrigger(t, i)
		if !ok {
			continue
		}
		if dem, rest := splitDemanded(tr); len(dem.entries) > 0 {
			if r.demanded(t, dem) || len(rest.entries) == 0 {
				continue
			}
			tr = rest
		}
		if tr.kind == dict.EntryNoun {
			r.noun(t, tr)
			continue
		}
		r.predicate(t, tr)
	}
	for i := range t.toks {
		r.consequence(t, i)
	}
}

// splitDemanded separates a trigger's entries of "demanded" blocks from the
// others: "go" is a demanded departure in "Assad has to go" and a visit in
// "Kerry will go to Moscow".
func splitDemanded(tr trigger) (dem, rest trigger) {
	dem, rest = tr, tr
	dem.entries, rest.entries = nil, nil
	for _, e := range tr.entries {
		if e.Block.HasFlag("demanded") || e.Block.HasFlag("demanded-not") {
			dem.entries = append(dem.entries, e)
		} else {
			rest.entries = append(rest.entries, e)
		}
	}
	return dem, rest
}
