package quote

import (
	"sort"
	"strings"

	"github.com/dyad-project/dyad"
)

// attributeAll attributes every quotation in text order, so that the
// context rules can look back at earlier speakers, then shares speakers
// along quotations that span paragraphs.
func (f *finder) attributeAll() {
	f.attr = make(map[*found]attribution, len(f.quotes))
	f.speakerMentions = map[int]bool{}
	for qi, q := range f.quotes {
		a := f.attribute(qi, q)
		f.attr[q] = a
		if a.speaker != nil {
			f.speakerMentions[a.speaker.Start] = true
		}
	}
	for _, q := range f.quotes {
		if q.prev != nil || q.next == nil {
			continue
		}
		var best *attribution
		for p := q; p != nil; p = p.next {
			if a := f.attr[p]; a.speaker != nil {
				best = &a
				break
			}
		}
		if best == nil {
			continue
		}
		for p := q; p != nil; p = p.next {
			if f.attr[p].speaker == nil {
				f.attr[p] = attribution{speaker: best.speaker, verb: f.attr[p].verb}
			}
		}
	}
}

// attribute finds the speaker of quotation qi.
func (f *finder) attribute(qi int, q *found) attribution {
	// The reporting verb is looked for after the quotation before it in
	// the sentence, if any; its subject anywhere in the sentence: "A
	// spokesman said Moscow had "no objection", but warned against "..."".
	ss, _ := f.sentenceBounds(q.open, q.line)
	lo := ss
	if qi > 0 {
		if p := f.quotes[qi-1]; p.line == q.line && p.close > lo {
			lo = p.close
		}
	}
	ws, wi, wq := wordAt(f.words, ss), wordAt(f.words, lo), wordAt(f.words, q.open)
	for k := wq - 1; k >= ws; k-- {
		// Stay within the sentence even where the segmenter (or its
		// absence) left two sentences together.
		if w := f.words[k].lower; (w == "." || w == "!" || w == "?") && !f.abbreviation(k) && !f.words[k].quoted {
			ws, wi = k+1, max(wi, k+1)
			break
		}
	}
	if a, ok := f.before(ws, wi, wq, qi); ok {
		return a
	}
	if a, ok := f.after(qi, q); ok {
		return a
	}
	for k := wi; k < wq; k++ {
		if !f.words[k].isPunct() {
			// A partial quotation inside a sentence without a reporting
			// verb is a turn of phrase, not a statement to attribute.
			return attribution{}
		}
	}
	return f.context(qi, q)
}

// before looks for a reporting verb before the quotation, in words
// [wi, wq) of its sentence, which starts at word ws: the last one whose
// speaker is known wins, else the last one. A participle with an agent ("a
// truce declared by the army") reports nothing, nor does a noun that has
// the form of a reporting verb ("dismissed the warning as").
func (f *finder) before(ws, wi, wq, qi int) (attribution, bool) {
	var fallback attribution
	found := false
	for v := wq - 1; v >= wi; v-- {
		w := f.words[v]
		if w.quoted {
			continue
		}
		if w.lower == "according" && v+1 < wq && f.words[v+1].lower == "to" {
			for k := v + 2; k < wq && k < v+6; k++ {
				if ref, ok := f.actorAt(k); ok {
					return attribution{speaker: &ref, verb: "according to"}, true
				}
			}
			continue
		}
		if speechVerbs[w.lower] == "" || v+1 < wq && f.words[v+1].lower == "by" || v > 0 && determiners[f.words[v-1].lower] {
			continue
		}
		a := attribution{speaker: f.subjectOf(v, ws, qi), verb: w.lower}
		if a.speaker != nil {
			return a, true
		}
		if !found {
			fallback, found = a, true
		}
	}
	return fallback, found
}

// after looks for an attribution right after the quotation: "...," Kerry
// said / said Kerry / Pentagon spokesman Peter Cook told reporters / a
// statement released by the groups said / according to Reuters.
func (f *finder) after(qi int, q *found) (attribution, bool) {
	l := f.lines[q.line]
	j := wordAt(f.words, q.close)
	for j < len(f.words) && f.words[j].start < l.end && isDash(f.words[j].lower) {
		j++
	}
	var win []int
	for k := j; k < len(f.words) && f.words[k].start < l.end && len(win) < 12; k++ {
		w := f.words[k]
		if w.quoted || w.lower == "!" || w.lower == "?" || w.lower == ";" || w.lower == "." && !f.abbreviation(k) {
			break
		}
		win = append(win, k)
	}
	if len(win) == 0 {
		return attribution{}, false
	}
	first := f.words[win[0]].lower
	switch {
	case speechVerbs[first] != "":
		// Inverted: "...," said Kerry.
		for _, k := range win[1:min(len(win), 7)] {
			w := f.words[k].lower
			if afterVerbStop[w] || w == "," {
				break
			}
			if pronouns[w] {
				return attribution{speaker: f.resolvePronoun(k, qi), verb: first}, true
			}
			if ref, ok := f.actorAt(k); ok {
				return attribution{speaker: &ref, verb: first}, true
			}
		}
		return attribution{verb: first}, true
	case first == "according" && len(win) > 2 && f.words[win[1]].lower == "to":
		for _, k := range win[2:min(len(win), 6)] {
			if ref, ok := f.actorAt(k); ok {
				return attribution{speaker: &ref, verb: "according to"}, true
			}
		}
		return attribution{}, false
	case notSpeakerStart[first]:
		return attribution{}, false
	}
	v := -1
	for i, k := range win {
		if i > 9 {
			break
		}
		if speechVerbs[f.words[k].lower] != "" {
			v = i
			break
		}
	}
	if v <= 0 {
		return attribution{}, false
	}
	phrase := win[:v]
	for i, k := range phrase {
		w := f.words[k].lower
		if w == "," {
			// "Peter Cook, a Pentagon spokesman, said": the name comes
			// before the apposition.
			phrase = phrase[:i]
			break
		}
		if f.words[k].isPunct() && w != "'" && w != "-" && w != "." && w != "’" {
			return attribution{}, false
		}
	}
	a := attribution{verb: f.words[win[v]].lower}
	if len(phrase) == 1 && pronouns[f.words[phrase[0]].lower] {
		a.speaker = f.resolvePronoun(phrase[0], qi)
		return a, true
	}
	for i := len(phrase) - 1; i >= 0; i-- {
		if ref, ok := f.actorAt(phrase[i]); ok {
			a.speaker = &ref
			break
		}
	}
	return a, true
}

// abbreviations end with a full stop that does not end the sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "lt": true, "col": true,
	"sen": true, "rep": true, "gov": true, "st": true, "jr": true, "sr": true, "prof": true,
	"capt": true, "maj": true, "sgt": true, "adm": true, "pres": true, "no": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// abbreviation reports whether the full stop at word k closes an
// abbreviation ("U.S.", "Gen.") rather than a sentence.
func (f *finder) abbreviation(k int) bool {
	if k == 0 || f.words[k-1].end != f.words[k].start {
		return false
	}
	p := f.words[k-1].lower
	return len(p) == 1 || abbreviations[p]
}

func isDash(s string) bool {
	return s == "," || s == "-" || s == "–" || s == "—" || s == "―"
}

// subjectOf returns the speaker of the reporting verb at word v, looking no
// further back than word lo.
func (f *finder) subjectOf(v, lo, qi int) *dyad.ActorRef {
	i := v - 1
	for i >= lo && skipBeforeVerb[f.words[i].lower] {
		i--
	}
	if i < lo {
		return f.clauseSubject(lo, v, qi)
	}
	w := f.words[i].lower
	switch {
	case pronouns[w]:
		return f.resolvePronoun(i, qi)
	case relatives[w]:
		// "Abdullah bin Zayed, who said ...": the antecedent.
		k := i - 1
		if k >= 0 && f.words[k].lower == "," {
			k--
		}
		if k >= 0 {
			if ref, ok := f.actorAt(k); ok {
				return &ref
			}
		}
		return nil
	case w == ",":
		// "Hammond, who on September 9 said ..., said": the subject stands
		// before the clause's first comma, unless the commas hold just a
		// name in apposition: "Iran's spokesman, Reza Karimi, said".
		for k := i - 1; k > lo; k-- {
			if f.words[k].lower == "," {
				if ref, ok := f.actorAt(i - 1); ok && ref.Start >= f.words[k].end {
					return &ref
				}
				if ref, ok := f.actorAt(k - 1); ok {
					return &ref
				}
				break
			}
		}
		return f.clauseSubject(lo, v, qi)
	case conjunctions[w]:
		// "Assad said ..., but said": the subject of the first verb.
		for k := i - 1; k >= lo; k-- {
			if !f.words[k].quoted && speechVerbs[f.words[k].lower] != "" {
				return f.subjectOf(k, lo, qi)
			}
		}
		return f.clauseSubject(lo, i, qi)
	}
	// A noun phrase: "Kerry", "Pentagon spokesman Peter Cook", "the
	// spokesman for the ministry".
	for k := i; k >= lo && k > i-7; k-- {
		w := f.words[k]
		if w.quoted || speechVerbs[w.lower] != "" {
			break
		}
		if w.isPunct() && w.lower != "'" && w.lower != "-" && w.lower != "." {
			break
		}
		if ref, ok := f.actorAt(k); ok {
			return &ref
		}
		if pronouns[w.lower] {
			return f.resolvePronoun(k, qi)
		}
	}
	return nil
}

// clauseSubject returns the first actor named in words [lo, hi), after an
// opening phrase such as "During his speech,".
func (f *finder) clauseSubject(lo, hi, qi int) *dyad.ActorRef {
	k := lo
	for k < hi && f.words[k].isPunct() {
		k++
	}
	if k < hi && intros[f.words[k].lower] {
		for c := k; c < hi; c++ {
			if f.words[c].lower == "," {
				k = c + 1
				break
			}
		}
	}
	for ; k < hi; k++ {
		w := f.words[k]
		if w.quoted {
			continue
		}
		if pronouns[w.lower] {
			return f.resolvePronoun(k, qi)
		}
		if ref, ok := f.actorAt(k); ok {
			return &ref
		}
	}
	return nil
}

// resolvePronoun finds who a pronoun speaker stands for. For he and she it
// is the nearest earlier person, outside quotations and within three
// paragraphs, who speaks (the subject of a reporting verb or a speaker
// already found); failing that the speaker of the previous quotation, the
// actor stage's own resolution, or the nearest person. The ActorRef keeps
// the antecedent's codes and the pronoun's text and offsets.
func (f *finder) resolvePronoun(k, qi int) *dyad.ActorRef {
	w := f.words[k]
	line := f.lineOf(w.start)
	with := func(ref dyad.ActorRef) *dyad.ActorRef {
		ref.Text, ref.Start, ref.End = f.text[w.start:w.end], w.start, w.end
		return &ref
	}
	if w.lower != "he" && w.lower != "she" {
		if ref, ok := f.sp.ActorAt(w.start, w.end); ok {
			return &ref
		}
		if ref, ok := f.nearestOutside(w.start, false, line-1); ok {
			return with(ref)
		}
		return nil
	}
	var first *dyad.ActorRef
	pos := w.start
	for range 16 {
		ref, ok := f.sp.Nearest(pos, true)
		if !ok || ref.Start >= pos || f.lineOf(ref.Start) < line-3 {
			break
		}
		pos = ref.Start
		if f.insideQuote(ref.Start) {
			continue
		}
		if first == nil {
			first = &ref
		}
		if f.speakerLike(ref) || f.subjectPosition(ref) {
			return with(ref)
		}
	}
	for p := qi - 1; p >= 0; p-- {
		q := f.quotes[p]
		if q.line < line-3 {
			break
		}
		if sp := f.attr[q].speaker; sp != nil {
			return with(*sp)
		}
	}
	if ref, ok := f.sp.ActorAt(w.start, w.end); ok {
		return &ref
	}
	if first != nil {
		return with(*first)
	}
	return nil
}

// nearestOutside returns the nearest mention before pos that lies outside
// quotations, no earlier than line minLine.
func (f *finder) nearestOutside(pos int, person bool, minLine int) (dyad.ActorRef, bool) {
	for range 16 {
		ref, ok := f.sp.Nearest(pos, person)
		if !ok || ref.Start >= pos || f.lineOf(ref.Start) < minLine {
			break
		}
		if !f.insideQuote(ref.Start) {
			return ref, true
		}
		pos = ref.Start
	}
	return dyad.ActorRef{}, false
}

// speakerLike reports whether the mention is a speaker: one already found,
// the subject of a reporting verb ("Kerry has warned", "Zayed, who said",
// "Kerry, the top diplomat, said") or the X of "according to X".
func (f *finder) speakerLike(ref dyad.ActorRef) bool {
	if f.speakerMentions[ref.Start] {
		return true
	}
	k := wordAt(f.words, ref.End)
	if k < len(f.words) && f.words[k].lower == "," {
		if k+1 < len(f.words) && f.words[k+1].lower == "who" {
			k += 2
		} else {
			for c := k + 1; c < len(f.words) && c < k+9; c++ {
				if f.words[c].lower == "," {
					k = c + 1
					break
				}
			}
		}
	}
	for k < len(f.words) && skipBeforeVerb[f.words[k].lower] {
		k++
	}
	if k < len(f.words) && !f.words[k].quoted && speechVerbs[f.words[k].lower] != "" {
		return true
	}
	s := wordAt(f.words, ref.Start)
	return s >= 2 && f.words[s-2].lower == "according" && f.words[s-1].lower == "to"
}

// subjectPosition reports whether the mention is the first actor named in
// its sentence, after an opening phrase: the subject, as a rule.
func (f *finder) subjectPosition(ref dyad.ActorRef) bool {
	s, _ := f.sentenceBounds(ref.Start, f.lineOf(ref.Start))
	lo, at := wordAt(f.words, s), wordAt(f.words, ref.Start)
	k := lo
	for k < at && f.words[k].isPunct() {
		k++
	}
	if k < at && intros[f.words[k].lower] {
		for c := k; c < at; c++ {
			if f.words[c].lower == "," {
				k = c + 1
				break
			}
		}
	}
	for ; k < at; k++ {
		if _, ok := f.actorAt(k); ok || pronouns[f.words[k].lower] {
			return false
		}
	}
	return true
}

// context attributes a quotation that stands as a sentence of its own and
// names no speaker.
func (f *finder) context(qi int, q *found) attribution {
	inherit := func(sp *dyad.ActorRef) attribution { return attribution{speaker: sp} }
	if key := f.firstWords(q, 4); key != "" {
		for p := range qi {
			if a := f.attr[f.quotes[p]]; a.speaker != nil && f.firstWords(f.quotes[p], 4) == key {
				return inherit(a.speaker)
			}
		}
	}
	if qi > 0 {
		if p := f.quotes[qi-1]; p.line == q.line && f.attr[p].speaker != nil {
			return inherit(f.attr[p].speaker)
		}
	}
	if sp := f.lastVerbSubject(f.lines[q.line].start, q.open, qi); sp != nil {
		return inherit(sp)
	}
	if q.prev != nil {
		return attribution{} // the chain pass shares the speaker
	}
	if q.line > 0 && f.opensLine(q) {
		prev := f.lines[q.line-1]
		for p := qi - 1; p >= 0 && f.quotes[p].line == q.line-1; p-- {
			if sp := f.attr[f.quotes[p]].speaker; sp != nil {
				return inherit(sp)
			}
		}
		if sp := f.lastVerbSubject(prev.start, prev.end, qi); sp != nil {
			return inherit(sp)
		}
	}
	if q.line == 0 || f.kindAt(q.open) == dyad.KindHeadline {
		for l := q.line + 1; l < len(f.lines) && l <= q.line+3; l++ {
			if f.kindAt(f.lines[l].start) == dyad.KindBoilerplate {
				continue
			}
			if sp := f.firstVerbSubject(f.lines[l].start, f.lines[l].end, qi); sp != nil {
				return inherit(sp)
			}
		}
	}
	return attribution{}
}

// lastVerbSubject returns the subject of the last reporting verb outside
// quotations in [from, to).
func (f *finder) lastVerbSubject(from, to, qi int) *dyad.ActorRef {
	lo := wordAt(f.words, from)
	for v := wordAt(f.words, to) - 1; v >= lo; v-- {
		if w := f.words[v]; !w.quoted && speechVerbs[w.lower] != "" {
			s, _ := f.sentenceBounds(w.start, f.lineOf(w.start))
			return f.subjectOf(v, max(lo, wordAt(f.words, s)), qi)
		}
	}
	return nil
}

// firstVerbSubject returns the subject of the first reporting verb outside
// quotations in [from, to).
func (f *finder) firstVerbSubject(from, to, qi int) *dyad.ActorRef {
	lo, hi := wordAt(f.words, from), wordAt(f.words, to)
	for v := lo; v < hi; v++ {
		if w := f.words[v]; !w.quoted && speechVerbs[w.lower] != "" {
			s, _ := f.sentenceBounds(w.start, f.lineOf(w.start))
			return f.subjectOf(v, max(lo, wordAt(f.words, s)), qi)
		}
	}
	return nil
}

// opensLine reports whether the quotation's opening mark is the first thing
// on its line.
func (f *finder) opensLine(q *found) bool {
	return strings.TrimSpace(f.text[f.lines[q.line].start:q.open]) == ""
}

// firstWords returns the quotation's first n words, lower-cased, or "" when
// it has fewer.
func (f *finder) firstWords(q *found, n int) string {
	var ws []string
	for k := wordAt(f.words, q.start); k < len(f.words) && f.words[k].start < q.end && len(ws) < n; k++ {
		if !f.words[k].isPunct() {
			ws = append(ws, f.words[k].lower)
		}
	}
	if len(ws) < n {
		return ""
	}
	return strings.Join(ws, " ")
}

// actorAt returns the actor mentioned at word k.
func (f *finder) actorAt(k int) (dyad.ActorRef, bool) {
	if k < 0 || k >= len(f.words) {
		return dyad.ActorRef{}, false
	}
	w := f.words[k]
	if w.isPunct() {
		return dyad.ActorRef{}, false
	}
	return f.sp.ActorAt(w.start, w.end)
}

// lineOf returns the index of the line holding pos (the line before it when
// pos falls between lines).
func (f *finder) lineOf(pos int) int {
	i := sort.Search(len(f.lines), func(i int) bool { return f.lines[i].start > pos })
	return max(i-1, 0)
}

// kindAt returns the kind of the sentence holding pos, or "" without
// sentences.
func (f *finder) kindAt(pos int) dyad.SentenceKind {
	si := f.sentenceAt(pos)
	if si < 0 {
		return ""
	}
	return f.sents[si].Kind
}
