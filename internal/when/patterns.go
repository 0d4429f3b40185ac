package when

import "time"

// kind says what an expression names, and so how it is resolved.
type kind int

const (
	kindDate        kind = iota // a full date: y, m, d
	kindMonthDay                // a month and a day; the year is inferred
	kindMonthYear               // a month of a given year
	kindMonthOfYear             // "September of this year": month m of the year rel
	kindMonth                   // a month alone; the year is inferred
	kindYear                    // a year
	kindDayOffset               // n days from publication: yesterday, today, tomorrow
	kindWeekday                 // a weekday, with rel
	kindWeek                    // this / last / next week
	kindMonthRel                // this / last / next month
	kindYearRel                 // this / last / next year
	kindAgo                     // n units ago
	kindWeekend                 // the weekend
	kindSeason                  // this / last / next summer
)

// Relative markers: what the words "last", "this" and "next" say. relNone
// means no marker was written, and the tense decides.
const (
	relLast = -1
	relThis = 0
	relNext = 1
	relNone = 2
)

// spec is a parsed expression, not yet resolved against a date.
type spec struct {
	kind kind
	y    int
	m    int
	d    int
	wd   time.Weekday
	rel  int
	n    int
	unit string // "hour", "day", "week", "month", "year" for kindAgo
	// vague marks an expression that is recognised but names no date, such
	// as "a few days ago".
	vague bool
	rule  string
}

// Rule names, reported in dyad.TimeExpr.Rule.
const (
	RuleISO          = "iso-date"       // 2015-12-03
	RuleDate         = "date"           // December 3, 2015 / 3 December 2015
	RuleMonthDay     = "month-day"      // Dec. 18 (year inferred)
	RuleMonthYear    = "month-year"     // September 2014, September of this year
	RuleMonth        = "month"          // in February (year inferred)
	RuleYear         = "year"           // in 2014, early 2014
	RuleRelativeDay  = "relative-day"   // yesterday, today, tonight, tomorrow
	RuleWeekday      = "weekday"        // on Tuesday, last Friday, Wednesday morning
	RuleWeekdayDate  = "weekday-date"   // this Friday, Dec. 18 (the date wins)
	RuleWeek         = "week"           // last week (the Monday of that week)
	RuleRelMonth     = "relative-month" // this month, last month
	RuleRelYear      = "relative-year"  // earlier this year, last year
	RuleAgo          = "ago"            // seven months ago
	RuleWeekend      = "weekend"        // the weekend (its Saturday)
	RuleSeason       = "season"         // last summer (its year)
	ruleNeedsContext = "!"              // internal: a bare month or year
)

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var fullMonths = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday,
	"saturday": time.Saturday,
}

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
	"twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50,
}

var vagueNumbers = map[string]bool{"few": true, "several": true, "some": true, "many": true, "couple": true}

var units = map[string]string{
	"hour": "hour", "hours": "hour", "day": "day", "days": "day", "week": "week",
	"weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year",
}

var partsOfDay = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

// seasonStart is the month each season begins in (northern hemisphere, the
// convention of the wires).
var seasonStart = map[string]int{"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

// preps are the words that may open an expression and are kept in its span.
var preps = map[string]bool{
	"on": true, "in": true, "since": true, "by": true, "until": true, "till": true,
	"from": true, "before": true, "after": true, "during": true, "throughout": true,
}

// parser reads expressions in the words of one sentence.
type parser struct {
	w []word
}

func (p *parser) is(i int, s ...string) bool {
	if i < 0 || i >= len(p.w) {
		return false
	}
	for _, x := range s {
		if p.w[i].lower == x {
			return true
		}
	}
	return false
}

// month reads a capitalised month name at i, with an optional full stop
// after an abbreviation; it returns the month and the words used.
func (p *parser) month(i int) (int, int) {
	if i >= len(p.w) || !p.w[i].isCapitalised() {
		return 0, 0
	}
	m, ok := months[p.w[i].lower]
	if !ok {
		return 0, 0
	}
	if _, full := fullMonths[p.w[i].lower]; !full && p.is(i+1, ".") {
		return m, 2
	}
	return m, 1
}

// parse reads the longest expression that starts at word i.
func (p *parser) parse(i int) (spec, int, bool) {
	if i >= len(p.w) || !canStart(p.w[i]) {
		return spec{}, 0, false
	}
	for _, f := range parsers {
		if s, n, ok := f(p, i); ok {
			return s, n, true
		}
	}
	return spec{}, 0, false
}

// parsers are tried in order at each word; the first match wins.
var parsers = []func(*parser, int) (spec, int, bool){
	(*parser).iso, (*parser).monthFirst, (*parser).dayFirst, (*parser).weekday,
	(*parser).relativeDay, (*parser).relativeUnit, (*parser).ago,
	(*parser).modifiedYearOrMonth, (*parser).bareYear,
}

// starters are the lower-case words other than numbers, months and weekdays
// that can open an expression.
var starters = map[string]bool{
	"the": true, "last": true, "this": true, "next": true, "coming": true,
	"yesterday": true, "today": true, "tonight": true, "tomorrow": true,
	"earlier": true, "later": true, "early": true, "late": true, "mid": true,
	"a": true, "an": true, "few": true, "several": true, "some": true, "many": true, "couple": true,
}

// canStart is a cheap test that lets parse skip most words.
func canStart(w word) bool {
	c := w.lower[0]
	if c >= '0' && c <= '9' || starters[w.lower] || numberWords[w.lower] > 0 {
		return true
	}
	if !w.isCapitalised() {
		return false
	}
	_, m := months[w.lower]
	_, d := weekdays[w.lower]
	return m || d
}

// iso reads 2015-12-03.
func (p *parser) iso(i int) (spec, int, bool) {
	if i+4 >= len(p.w) {
		return spec{}, 0, false
	}
	y, ok := p.w[i].year()
	if !ok || !p.is(i+1, "-") || !p.is(i+3, "-") || len(p.w[i+2].lower) != 2 || len(p.w[i+4].lower) != 2 {
		return spec{}, 0, false
	}
	m, ok1 := p.w[i+2].number()
	d, ok2 := p.w[i+4].number()
	if !ok1 || !ok2 || !validDate(y, m, d) {
		return spec{}, 0, false
	}
	return spec{kind: kindDate, y: y, m: m, d: d, rule: RuleISO}, 5, true
}

// monthFirst reads "December 3, 2015", "Dec. 18", "September 2014",
// "September of this year" and a bare "February".
func (p *parser) monthFirst(i int) (spec, int, bool) {
	m, n := p.month(i)
	if n == 0 {
		return spec{}, 0, false
	}
	j := i + n
	if j < len(p.w) {
		if d, ok := p.w[j].dayOfMonth(); ok && !p.is(j+1, ":", "%") {
			k := j + 1
			if p.is(k, ",") {
				k++
			}
			if k < len(p.w) {
				if y, ok := p.w[k].year(); ok && validDate(y, m, d) {
					return spec{kind: kindDate, y: y, m: m, d: d, rule: RuleDate}, k + 1 - i, true
				}
			}
			if !validDate(2000, m, d) { // a leap year, so that Feb. 29 passes
				return spec{}, 0, false
			}
			return spec{kind: kindMonthDay, m: m, d: d, rule: RuleMonthDay}, j + 1 - i, true
		}
	}
	k := j
	if p.is(k, ",") {
		k++
	}
	if p.is(k, "of") {
		k++
	}
	if k < len(p.w) {
		if y, ok := p.w[k].year(); ok {
			return spec{kind: kindMonthYear, y: y, m: m, rule: RuleMonthYear}, k + 1 - i, true
		}
	}
	if p.is(j, "of") && p.is(j+2, "year") {
		if rel, ok := relWord(p.w[j+1].lower); ok && rel != relNone {
			return spec{kind: kindMonthOfYear, m: m, rel: rel, rule: RuleMonthYear}, j + 3 - i, true
		}
	}
	return spec{kind: kindMonth, m: m, rel: relNone, rule: RuleMonth + ruleNeedsContext}, n, true
}

// dayFirst reads "3 December 2015", "3rd of December" and "the 3rd of
// December".
func (p *parser) dayFirst(i int) (spec, int, bool) {
	j := i
	if p.is(j, "the") {
		j++
	}
	if j >= len(p.w) {
		return spec{}, 0, false
	}
	d, ok := p.w[j].dayOfMonth()
	if !ok {
		return spec{}, 0, false
	}
	j++
	if p.is(j, "of") {
		j++
	}
	m, n := p.month(j)
	if n == 0 {
		return spec{}, 0, false
	}
	j += n
	k := j
	if p.is(k, ",") {
		k++
	}
	if k < len(p.w) {
		if y, ok := p.w[k].year(); ok && validDate(y, m, d) {
			return spec{kind: kindDate, y: y, m: m, d: d, rule: RuleDate}, k + 1 - i, true
		}
	}
	if !validDate(2000, m, d) {
		return spec{}, 0, false
	}
	return spec{kind: kindMonthDay, m: m, d: d, rule: RuleMonthDay}, j - i, true
}

func relWord(s string) (int, bool) {
	switch s {
	case "last", "past", "previous":
		return relLast, true
	case "this", "coming":
		return relThis, true
	case "next":
		return relNext, true
	}
	return relNone, false
}

// weekday reads "Tuesday", "last Friday", "this Friday", "Wednesday
// morning" and "this Friday, Dec. 18", where the written date wins.
func (p *parser) weekday(i int) (spec, int, bool) {
	rel, j := relNone, i
	if r, ok := relWord(p.w[i].lower); ok && p.w[i].lower != "past" && p.w[i].lower != "previous" {
		if p.is(i-1, "the") {
			return spec{}, 0, false
		}
		rel, j = r, i+1
	}
	if j >= len(p.w) || !p.w[j].isCapitalised() {
		return spec{}, 0, false
	}
	wd, ok := weekdays[p.w[j].lower]
	if !ok {
		return spec{}, 0, false
	}
	j++
	if j < len(p.w) && partsOfDay[p.w[j].lower] {
		j++
	}
	if p.is(j, ",") || p.is(j, "(") {
		for _, f := range []func(int) (spec, int, bool){p.monthFirst, p.dayFirst} {
			if s, n, ok := f(j + 1); ok && (s.kind == kindDate || s.kind == kindMonthDay) {
				s.rule = RuleWeekdayDate
				end := j + 1 + n
				if p.is(j, "(") && p.is(end, ")") {
					end++
				}
				return s, end - i, true
			}
		}
	}
	return spec{kind: kindWeekday, wd: wd, rel: rel, rule: RuleWeekday}, j - i, true
}

// relativeDay reads yesterday, today, tonight, tomorrow, last night, this
// morning, earlier today and the day before yesterday.
func (p *parser) relativeDay(i int) (spec, int, bool) {
	day := func(n, used int) (spec, int, bool) {
		return spec{kind: kindDayOffset, n: n, rule: RuleRelativeDay}, used, true
	}
	switch p.w[i].lower {
	case "yesterday":
		return day(-1, 1)
	case "today", "tonight":
		return day(0, 1)
	case "tomorrow":
		return day(1, 1)
	case "last":
		if p.is(i+1, "night") && !p.is(i-1, "the") {
			return day(-1, 2)
		}
	case "this":
		if i+1 < len(p.w) && partsOfDay[p.w[i+1].lower] && p.w[i+1].lower != "night" {
			return day(0, 2)
		}
	case "earlier", "later":
		if p.is(i+1, "today", "tonight") {
			return day(0, 2)
		}
	case "the":
		if p.is(i+1, "day") && p.is(i+2, "before") && p.is(i+3, "yesterday") {
			return day(-2, 4)
		}
		if p.is(i+1, "day") && p.is(i+2, "after") && p.is(i+3, "tomorrow") {
			return day(2, 4)
		}
	}
	return spec{}, 0, false
}

// relativeUnit reads "last week", "this month", "earlier this year", "late
// last year", "earlier in the week", "the weekend", "over the weekend" and
// "last summer".
func (p *parser) relativeUnit(i int) (spec, int, bool) {
	j := i
	edge := p.is(j, "earlier", "later", "early", "late")
	if edge {
		j++
		if p.is(j, "in") && p.is(j+1, "the") {
			j++
		}
	}
	if j >= len(p.w) {
		return spec{}, 0, false
	}
	rel := relNone
	switch w := p.w[j].lower; w {
	case "the":
		if !edge && !p.is(j+1, "weekend") {
			return spec{}, 0, false
		}
		rel = relThis
	default:
		r, ok := relWord(w)
		if !ok || w == "previous" || (w == "past" || w == "last" || w == "next") && p.is(i-1, "the") {
			// "the last year" or "the past week" is a stretch of time
			// that ends now, not a date.
			return spec{}, 0, false
		}
		if w == "past" {
			return spec{}, 0, false
		}
		rel = r
	}
	j++
	if j >= len(p.w) {
		return spec{}, 0, false
	}
	u := p.w[j].lower
	switch {
	case u == "week":
		return spec{kind: kindWeek, rel: rel, rule: RuleWeek}, j + 1 - i, true
	case u == "month":
		return spec{kind: kindMonthRel, rel: rel, rule: RuleRelMonth}, j + 1 - i, true
	case u == "year":
		return spec{kind: kindYearRel, rel: rel, rule: RuleRelYear}, j + 1 - i, true
	case u == "weekend":
		if p.w[i].lower == "the" {
			rel = relNone
		}
		return spec{kind: kindWeekend, rel: rel, rule: RuleWeekend}, j + 1 - i, true
	case seasonStart[u] > 0 && p.w[j-1].lower != "the":
		return spec{kind: kindSeason, rel: rel, unit: u, rule: RuleSeason}, j + 1 - i, true
	}
	return spec{}, 0, false
}

// ago reads "two days ago", "a year ago", "seven months ago" and the vague
// "a few days ago".
func (p *parser) ago(i int) (spec, int, bool) {
	j := i
	n, vague := 0, false
	if v, ok := p.w[j].number(); ok {
		n = v
		j++
	} else if v, ok := numberWords[p.w[j].lower]; ok {
		n = v
		j++
		if (v == 1) && p.is(j, "few", "couple") { // "a few", "a couple of"
			vague = true
			j++
			if p.is(j, "of") {
				j++
			}
		}
	} else if vagueNumbers[p.w[j].lower] {
		vague = true
		j++
	} else {
		return spec{}, 0, false
	}
	if j >= len(p.w) {
		return spec{}, 0, false
	}
	u, ok := units[p.w[j].lower]
	if !ok || !p.is(j+1, "ago") {
		return spec{}, 0, false
	}
	return spec{kind: kindAgo, n: n, unit: u, vague: vague, rule: RuleAgo}, j + 2 - i, true
}

// modifiedYearOrMonth reads "early 2014", "mid-2014", "late February" and
// "last February".
func (p *parser) modifiedYearOrMonth(i int) (spec, int, bool) {
	j := i
	switch p.w[i].lower {
	case "early", "late", "mid", "last", "this", "next":
		j++
		if p.w[i].lower == "mid" && p.is(j, "-") {
			j++
		}
	default:
		return spec{}, 0, false
	}
	if j >= len(p.w) {
		return spec{}, 0, false
	}
	if y, ok := p.w[j].year(); ok && !p.is(i, "last", "this", "next") {
		return spec{kind: kindYear, y: y, rule: RuleYear}, j + 1 - i, true
	}
	if s, n, ok := p.monthFirst(j); ok && (s.kind == kindMonth || s.kind == kindMonthYear) {
		if s.kind == kindMonth {
			s.rule = RuleMonth
			if r, ok := relWord(p.w[i].lower); ok {
				s.rel = r
			}
		}
		return s, j + n - i, true
	}
	return spec{}, 0, false
}

// bareYear reads a year on its own; the caller keeps it only after a
// preposition ("in 2014").
func (p *parser) bareYear(i int) (spec, int, bool) {
	y, ok := p.w[i].year()
	if !ok {
		return spec{}, 0, false
	}
	return spec{kind: kindYear, y: y, rule: RuleYear + ruleNeedsContext}, 1, true
}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC)
	return t.Day() == d
}
