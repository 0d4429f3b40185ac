// Package when finds temporal expressions in an article's sentences and
// resolves them against the publication date: the input is the article text,
// its []dyad.Sentence and the publication date (YYYY-MM-DD, or "" when
// unknown); the output is a []dyad.TimeExpr.
//
// The conventions are those of news writing:
//
//   - A weekday on its own ("on Tuesday") names the most recent such day on
//     or before the publication date, the publication day itself included;
//     in a future-tense clause ("will meet on Friday", "this Friday" after
//     "will") it names the next one on or after it. "last Tuesday" is
//     strictly before, "next Tuesday" strictly after.
//   - A date without a year ("Dec. 18", "since September 30") falls in the
//     publication year, moved back a year when a past reading would put it
//     more than a week after publication (forward for a future reading).
//   - A month alone ("in February") is the most recent such month, the
//     publication month included (the next one in a future clause).
//   - A week resolves to the date of its Monday ("last week" is the Monday of
//     the previous week); a weekend to its Saturday; "this/last/next month"
//     to YYYY-MM; years and seasons to YYYY; "N units ago" counts back from
//     the publication date, to the day for days and weeks, the month for
//     months and the year for years.
//   - A weekday followed by a written date ("this Friday, Dec. 18") takes the
//     written date.
//   - "since" marks the start of a state that goes on (TimeExpr.Since).
//
// Without a publication date only expressions that carry their own year
// resolve; the others are kept with Date "". Each expression names the rule
// that resolved it (the Rule* constants).
package when

import (
	"fmt"
	"sort"
	"time"

	"github.com/dyad-project/dyad"
)

// Tense is the time a clause refers to, relative to the publication date.
type Tense int

// Tenses. Past is the default reading of news text.
const (
	Past Tense = iota
	Future
)

func (t Tense) String() string {
	if t == Future {
		return "future"
	}
	return "past"
}

// Find returns the temporal expressions of every sentence, in text order,
// resolved against published (YYYY-MM-DD or ""). Sentences of every kind are
// read (a caption or an "Updated" line carries dates too); the caller picks
// by TimeExpr.Sentence. When sents is empty the whole text is read as one
// sentence, numbered 0.
func Find(text string, sents []dyad.Sentence, published string) []dyad.TimeExpr {
	pub, hasPub := parsePublished(published)
	if len(sents) == 0 {
		sents = []dyad.Sentence{{Start: 0, End: len(text)}}
	}
	var out []dyad.TimeExpr
	for si, s := range sents {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		p := parser{w: lex(text[s.Start:s.End], s.Start)}
		for i := 0; i < len(p.w); {
			e, n := p.expr(i)
			if n == 0 {
				i++
				continue
			}
			tense := p.tense(i, i+n)
			date := resolve(e.spec, pub, hasPub, tense)
			start, end := p.w[i].start, p.w[i+n-1].end
			out = append(out, dyad.TimeExpr{
				Start: start, End: end, Text: text[start:end], Sentence: si,
				Date: date, Since: e.since, Rule: e.spec.rule,
			})
			i += n
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// Resolve resolves one expression, such as "since September 30" or "last
// week", against published (YYYY-MM-DD or "") in a clause of the given
// tense. ok reports whether the whole of expr is an expression the package
// knows; date is "" when it is known but cannot be resolved (no publication
// date, or "a few days ago").
func Resolve(expr string, published string, tense Tense) (date string, since bool, ok bool) {
	pub, hasPub := parsePublished(published)
	p := parser{w: lex(expr, 0)}
	if len(p.w) == 0 {
		return "", false, false
	}
	e, n := p.expr(0)
	if n != len(p.w) && !(n == len(p.w)-1 && p.w[n].lower == ".") {
		return "", false, false
	}
	if e.spec.kind == kindWeekday && p.is(0, "since") || e.since {
		tense = Past
	}
	return resolve(e.spec, pub, hasPub, tense), e.since, true
}

// expression is a parsed expression with its opening preposition.
type expression struct {
	spec  spec
	since bool
}

// expr reads the expression that starts at word i, with an optional leading
// preposition; it returns the number of words used, 0 when there is none.
func (p *parser) expr(i int) (expression, int) {
	if p.is(i, "ever") && p.is(i+1, "since") {
		if e, n := p.expr(i + 1); n > 0 {
			return e, n + 1
		}
	}
	if preps[p.w[i].lower] {
		if s, n, ok := p.parse(i + 1); ok && !(s.rule == RuleYear+ruleNeedsContext && p.countsThings(i+2)) {
			s.rule = trimContext(s.rule)
			return expression{spec: s, since: p.w[i].lower == "since"}, n + 1
		}
	}
	s, n, ok := p.parse(i)
	if !ok {
		return expression{}, 0
	}
	if needsContext(s.rule) {
		// A bare month or year is a date only in a temporal context:
		// "the March agreement" or "2015 people" are not.
		if !p.is(i-1, "of", "between", "early", "late", "mid", "last", "this", "next") {
			return expression{}, 0
		}
		s.rule = trimContext(s.rule)
	}
	return expression{spec: s}, n
}

// countsThings reports whether the word at i is a plural noun that makes the
// number before it a count: "in 2000 homes".
func (p *parser) countsThings(i int) bool {
	if i >= len(p.w) || p.w[i].isCapitalised() {
		return false
	}
	w := p.w[i].lower
	return len(w) > 3 && w[len(w)-1] == 's' && !notPlural[w] && isLetters(w)
}

var notPlural = map[string]bool{
	"was": true, "has": true, "this": true, "thus": true, "his": true, "its": true,
	"always": true, "perhaps": true, "whereas": true, "besides": true, "afterwards": true,
	"towards": true, "unless": true, "nevertheless": true, "ours": true, "theirs": true,
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func needsContext(rule string) bool {
	return len(rule) > 0 && rule[len(rule)-1] == ruleNeedsContext[0]
}

func trimContext(rule string) string {
	if needsContext(rule) {
		return rule[:len(rule)-1]
	}
	return rule
}

// Words that put a clause in the future, and words that put it back in the
// past when they stand between such a word and the expression ("he will go,
// Kerry said on Tuesday").
var (
	futureWords = map[string]bool{
		"will": true, "shall": true, "ll": true, "upcoming": true, "scheduled": true,
		"planned": true, "plans": true, "plan": true, "planning": true, "tomorrow": true,
	}
	futureBeforeTo = map[string]bool{"going": true, "set": true, "due": true, "expected": true, "is": true, "are": true}
	pastWords      = map[string]bool{
		"said": true, "told": true, "was": true, "were": true, "had": true, "did": true,
		"ago": true, "announced": true, "added": true, "reported": true, "yesterday": true,
	}
)

// tense reads the tense of the clause around the expression in words
// [i, j): a future marker within eight words before it, not followed by a
// past marker, makes it future; "next" and "coming" inside it do too.
func (p *parser) tense(i, j int) Tense {
	for k := i; k < j; k++ {
		switch p.w[k].lower {
		case "next", "coming":
			return Future
		case "last", "since", "ago":
			return Past
		}
	}
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		w := p.w[k].lower
		switch {
		case w == "." || w == ";" || w == ":" || w == "\"" || w == "“" || w == "”":
			return Past
		case pastWords[w]:
			return Past
		case futureWords[w]:
			return Future
		case w == "won" && p.is(k+1, "'") && p.is(k+2, "t"):
			return Future
		case w == "to" && k > 0 && futureBeforeTo[p.w[k-1].lower] && k+1 < i:
			return Future
		}
	}
	return Past
}

func parsePublished(s string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Year() < 1000 {
		// Dates before 1000 are input errors, and counting back from
		// them would print negative years.
		return time.Time{}, false
	}
	return t, true
}

// resolve turns a parsed expression into a date string.
func resolve(s spec, pub time.Time, hasPub bool, tense Tense) string {
	if s.vague {
		return ""
	}
	switch s.kind {
	case kindDate:
		return fmt.Sprintf("%04d-%02d-%02d", s.y, s.m, s.d)
	case kindMonthYear:
		return fmt.Sprintf("%04d-%02d", s.y, s.m)
	case kindYear:
		return fmt.Sprintf("%04d", s.y)
	}
	if !hasPub {
		return ""
	}
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	ym := func(y, m int) string {
		t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return t.Format("2006-01")
	}
	py, pm := pub.Year(), int(pub.Month())
	switch s.kind {
	case kindMonthOfYear:
		return ym(py+s.rel, s.m)
	case kindMonthDay:
		y := py
		t := time.Date(y, time.Month(s.m), s.d, 0, 0, 0, 0, time.UTC)
		week := 7 * 24 * time.Hour
		switch {
		case tense == Past && t.Sub(pub) > week:
			y--
		case tense == Future && pub.Sub(t) > week:
			y++
		}
		if !validDate(y, s.m, s.d) {
			return ""
		}
		return fmt.Sprintf("%04d-%02d-%02d", y, s.m, s.d)
	case kindMonth:
		y := py
		switch {
		case s.rel == relLast && s.m >= pm, s.rel == relNone && tense == Past && s.m > pm:
			y--
		case s.rel == relNext && s.m <= pm, s.rel == relNone && tense == Future && s.m < pm:
			y++
		}
		return ym(y, s.m)
	case kindYearRel:
		return fmt.Sprintf("%04d", py+relOffset(s.rel))
	case kindMonthRel:
		return ym(py, pm+relOffset(s.rel))
	case kindDayOffset:
		return day(pub.AddDate(0, 0, s.n))
	case kindWeekday:
		back := (int(pub.Weekday()) - int(s.wd) + 7) % 7
		fwd := (int(s.wd) - int(pub.Weekday()) + 7) % 7
		switch {
		case s.rel == relLast:
			if back == 0 {
				back = 7
			}
			return day(pub.AddDate(0, 0, -back))
		case s.rel == relNext:
			if fwd == 0 {
				fwd = 7
			}
			return day(pub.AddDate(0, 0, fwd))
		case tense == Future:
			return day(pub.AddDate(0, 0, fwd))
		}
		return day(pub.AddDate(0, 0, -back))
	case kindWeek:
		monday := pub.AddDate(0, 0, -((int(pub.Weekday()) + 6) % 7))
		return day(monday.AddDate(0, 0, 7*relOffset(s.rel)))
	case kindWeekend:
		back := (int(pub.Weekday()) - int(time.Saturday) + 7) % 7
		fwd := (int(time.Saturday) - int(pub.Weekday()) + 7) % 7
		switch {
		case s.rel == relLast:
			if back <= 1 { // on the weekend itself, "last weekend" is the one before
				back += 7
			}
			return day(pub.AddDate(0, 0, -back))
		case s.rel == relNext:
			return day(pub.AddDate(0, 0, fwd+7*b2i(fwd == 0)))
		case tense == Future || s.rel == relThis && back > 1:
			if back == 1 { // Sunday: this weekend is the one under way
				return day(pub.AddDate(0, 0, -1))
			}
			return day(pub.AddDate(0, 0, fwd))
		}
		return day(pub.AddDate(0, 0, -back))
	case kindAgo:
		switch s.unit {
		case "hour":
			return day(pub.Add(-time.Duration(s.n) * time.Hour))
		case "day":
			return day(pub.AddDate(0, 0, -s.n))
		case "week":
			return day(pub.AddDate(0, 0, -7*s.n))
		case "month":
			return ym(py, pm-s.n)
		case "year":
			return fmt.Sprintf("%04d", py-s.n)
		}
	case kindSeason:
		// Count months from year 0; an occurrence of the season is named by
		// the year it starts in (winter: December to February).
		now := py*12 + pm - 1
		first := func(y int) int { return y*12 + seasonStart[s.unit] - 1 }
		switch s.rel {
		case relLast:
			y := py
			for first(y)+2 >= now {
				y--
			}
			return fmt.Sprintf("%04d", y)
		case relNext:
			y := py - 1
			for first(y) <= now {
				y++
			}
			return fmt.Sprintf("%04d", y)
		}
		y := py
		if first(py-1)+2 >= now { // a winter that began last December
			y = py - 1
		}
		return fmt.Sprintf("%04d", y)
	}
	return ""
}

func relOffset(rel int) int {
	if rel == relNone {
		return 0
	}
	return rel
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
