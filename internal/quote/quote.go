// Package quote finds reported speech in an article and who said it: the
// input is the article text, its []dyad.Sentence and a SpeakerFinder over the
// actors found in it; the output is a []dyad.Quote, each with its words
// (without the quotation marks), their byte offsets, the speaker and the
// reporting verb.
//
// Quotations are found by their marks: straight and curly double quotes,
// single quotes (an apostrophe inside or at the end of a word, as in "don't",
// "Assad's" or "countries'", is told apart from a closing mark by what
// surrounds it), guillemets, and the news convention by which a paragraph
// that leaves a quotation open continues it in the next paragraph, which
// opens with a quotation mark. Partial quotations ("found 'common ground'")
// are quotations too.
//
// The speaker is found by the usual patterns of news writing, tried in this
// order:
//
//   - a reporting verb before the quotation in its sentence: Kerry said:
//     "...", Kerry said, "...", Kerry warned that ... 'partial', according to
//     Kerry's reasoning ... 'partial';
//   - a reporting verb just after it: "...," Kerry said. / "...," said Kerry.
//     / "...," Pentagon spokesman Peter Cook told reporters;
//   - the context, for a quotation that stands as a sentence of its own: the
//     speaker of an earlier quotation with the same words (a pull quote), of
//     the quotation before it in the paragraph, the subject of the last
//     reporting verb of the paragraph, the speaker of the previous
//     paragraph's closing quotation, and for a quotation in the headline the
//     subject of the first reporting verb of the next paragraph.
//
// A pronoun speaker ("he added") is resolved to the nearest earlier person
// who speaks in the text (the subject of a reporting verb or the speaker of
// a quotation), outside quotations. "in an interview with X" names the
// medium, never the speaker. The parts of a quotation that spans paragraphs
// share one speaker. Verb is the reporting verb as written, lower-cased, or
// "according to", or "" when the speaker comes from the context alone;
// IsSpeechAct tells the event coder which verbs make the quotation an event
// of its own (warned, urged, threatened, ...).
package quote

import (
	"sort"

	"github.com/dyad-project/dyad"
)

// SpeakerFinder gives the quote stage the actors of the article. The
// pipeline adapts the actor stage's output to it; NewActorIndex does so for
// a []dyad.Actor.
type SpeakerFinder interface {
	// ActorAt returns the actor with a mention overlapping the byte span
	// [start, end), the longest such mention when several do, as an
	// ActorRef holding that mention.
	ActorAt(start, end int) (dyad.ActorRef, bool)
	// Nearest returns the actor of the mention that ends last at or before
	// byte offset pos, restricted to persons when person is true.
	Nearest(pos int, person bool) (dyad.ActorRef, bool)
}

// Find returns the quotations of text in text order. sents supplies the
// sentence indexes and the sentence bounds the patterns stay within; when it
// is empty every line is taken as a sentence and Quote.Sentence is 0.
// Quotations that begin in a boilerplate sentence are left out. speakers may
// be nil, in which case quotes carry only their verb.
func Find(text string, sents []dyad.Sentence, speakers SpeakerFinder) []dyad.Quote {
	if speakers == nil {
		speakers = noSpeakers{}
	}
	f := &finder{text: text, sents: sents, sp: speakers}
	f.lines = lines(text)
	f.quotes = detect(text, f.lines)
	if len(f.quotes) == 0 {
		return []dyad.Quote{}
	}
	f.words = lex(text)
	f.markQuoted()
	f.attributeAll()
	out := make([]dyad.Quote, 0, len(f.quotes))
	for _, q := range f.quotes {
		si := f.sentenceAt(q.open)
		if si >= 0 && si < len(sents) && sents[si].Kind == dyad.KindBoilerplate {
			continue
		}
		dq := dyad.Quote{
			Text: text[q.start:q.end], Start: q.start, End: q.end,
			Verb: f.attr[q].verb, Sentence: max(si, 0),
		}
		if sp := f.attr[q].speaker; sp != nil {
			ref := *sp
			dq.Speaker = &ref
		}
		out = append(out, dq)
	}
	return out
}

// noSpeakers is the SpeakerFinder of an article without actors.
type noSpeakers struct{}

func (noSpeakers) ActorAt(int, int) (dyad.ActorRef, bool)  { return dyad.ActorRef{}, false }
func (noSpeakers) Nearest(int, bool) (dyad.ActorRef, bool) { return dyad.ActorRef{}, false }

// finder holds the state of one call to Find.
type finder struct {
	text   string
	sents  []dyad.Sentence
	sp     SpeakerFinder
	lines  []span
	words  []word
	quotes []*found
	attr   map[*found]attribution
	// speakerMentions holds the start offsets of the mentions that were
	// taken as speakers, so that a later pronoun can find them.
	speakerMentions map[int]bool
}

// attribution is what the patterns found for one quotation.
type attribution struct {
	speaker *dyad.ActorRef
	verb    string
}

// markQuoted flags the words that lie inside a quotation, marks included.
func (f *finder) markQuoted() {
	for _, q := range f.quotes {
		for i := wordAt(f.words, q.open); i < len(f.words) && f.words[i].start < q.close; i++ {
			f.words[i].quoted = true
		}
	}
}

// insideQuote reports whether offset pos lies inside a quotation.
func (f *finder) insideQuote(pos int) bool {
	i := sort.Search(len(f.quotes), func(i int) bool { return f.quotes[i].close > pos })
	return i < len(f.quotes) && f.quotes[i].open <= pos
}

// sentenceAt returns the index of the sentence holding offset pos: the last
// sentence that starts at or before it; -1 without sentences.
func (f *finder) sentenceAt(pos int) int {
	i := sort.Search(len(f.sents), func(i int) bool { return f.sents[i].Start > pos })
	if len(f.sents) == 0 {
		return -1
	}
	return max(i-1, 0)
}

// sentenceBounds returns the byte range of the sentence holding pos, cut to
// its line.
func (f *finder) sentenceBounds(pos int, line int) (int, int) {
	l := f.lines[line]
	start, end := l.start, l.end
	if si := f.sentenceAt(pos); si >= 0 {
		s := f.sents[si]
		if s.Start > start && s.Start <= pos {
			start = s.Start
		}
		if s.End < end && s.End > pos {
			end = s.End
		}
	}
	return start, end
}
