package clean

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
)

// Date is a calendar date written in a text. Year, Month or Day is 0 when the
// text does not give it ("Dec 3" has no year, "September 2014" no day).
type Date struct {
	// Span locates the date in the string that was searched.
	dyad.Span
	Year, Month, Day int
}

// Full reports whether the date gives year, month and day.
func (d Date) Full() bool { return d.Year != 0 && d.Month != 0 && d.Day != 0 }

// ISO returns the date as YYYY-MM-DD, YYYY-MM or YYYY, or "" when it has no
// year.
func (d Date) ISO() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// before reports whether d is earlier than e (both full).
func (d Date) before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

// dtok is a token of the date scanner: a run of letters, a run of digits
// (with an ordinal suffix such as "3rd" folded in) or one other rune.
type dtok struct {
	start, end int
	kind       byte // 'w' word, 'n' number, 'p' punctuation
	num        int  // value of a number
	digits     int  // number of digits of a number
	text       string
}

// dateTokens splits s into date-scanner tokens, skipping white space.
func dateTokens(s string) []dtok {
	toks := make([]dtok, 0, len(s)/4+1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case IsSpace(r) || isZeroWidth(r):
			i += size
		case r >= '0' && r <= '9':
			j, n := i, 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if j-i < 9 {
					n = n*10 + int(s[j]-'0')
				}
				j++
			}
			t := dtok{start: i, end: j, kind: 'n', num: n, digits: j - i}
			if j+2 <= len(s) {
				switch strings.ToLower(s[j : j+2]) {
				case "st", "nd", "rd", "th":
					if j+2 == len(s) || !isLetterByte(s[j+2]) {
						t.end = j + 2
					}
				}
			}
			t.text = s[t.start:t.end]
			toks = append(toks, t)
			i = t.end
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += n
			}
			toks = append(toks, dtok{start: i, end: j, kind: 'w', text: s[i:j]})
			i = j
		default:
			toks = append(toks, dtok{start: i, end: i + size, kind: 'p', text: s[i : i+size]})
			i += size
		}
	}
	return toks
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// monthNames maps month names and abbreviations, in lower case, to 1..12.
var monthNames = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
	"oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdayNames = map[string]bool{
	"monday": true, "mon": true, "tuesday": true, "tue": true, "tues": true,
	"wednesday": true, "wed": true, "thursday": true, "thu": true, "thur": true,
	"thurs": true, "friday": true, "fri": true, "saturday": true, "sat": true,
	"sunday": true, "sun": true,
}

// month returns the month a word names, or 0. Month names must be
// capitalised or in capitals, so that "may" the verb and "mar" are not read
// as months.
func month(t dtok) int {
	if t.kind != 'w' || len(t.text) < 3 || len(t.text) > 9 {
		return 0
	}
	c := t.text[0]
	if c < 'A' || c > 'Z' {
		return 0
	}
	var buf [9]byte
	for i := 0; i < len(t.text); i++ {
		b := t.text[i]
		if b >= 'A' && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf[i] = b
	}
	return monthNames[string(buf[:len(t.text)])]
}

func daysIn(m, y int) int {
	switch m {
	case 2:
		if y == 0 || (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func validDay(d, m, y int) bool { return d >= 1 && m >= 1 && m <= 12 && d <= daysIn(m, y) }

func isYear(t dtok) bool {
	return t.kind == 'n' && t.digits == 4 && t.end-t.start == 4 && t.num >= 1800 && t.num <= 2199
}

// isDay reports whether t is a day number: one or two digits, with or
// without an ordinal suffix.
func isDay(t dtok) bool { return t.kind == 'n' && t.digits <= 2 && t.num >= 1 && t.num <= 31 }

// FindDates returns the dates written in s, left to right, without overlap.
// It reads "Dec 17, 2015", "December 3 2015", "Dec. 18", "3 December 2015",
// "17 Dec. 2015", "3rd of December", "2015-12-17", "2015/12/17",
// "12/17/2015" (month first, unless the first number cannot be a month),
// "17.12.2015" (day first) and "September 2014". Spans are byte offsets
// into s.
func FindDates(s string) []Date {
	toks := dateTokens(s)
	var out []Date
	for i := 0; i < len(toks); {
		d, n := matchDate(toks, i)
		if n == 0 {
			i++
			continue
		}
		d.Span = dyad.Span{Start: toks[i].start, End: toks[i+n-1].end}
		out = append(out, d)
		i += n
	}
	return out
}

// ParseDate reads s as one date, allowing a weekday before it and a time
// after it ("Thursday, December 3, 2015 10:41 GMT", "2015-12-17T10:00:00Z").
func ParseDate(s string) (Date, bool) {
	ds := FindDates(s)
	if len(ds) == 0 {
		return Date{}, false
	}
	return ds[0], true
}

// matchDate tries every date pattern at toks[i] and returns the date and the
// number of tokens it spans, or 0.
func matchDate(toks []dtok, i int) (Date, int) {
	at := func(k int) dtok {
		if k < len(toks) {
			return toks[k]
		}
		return dtok{kind: 0}
	}
	isP := func(k int, p string) bool { t := at(k); return t.kind == 'p' && t.text == p }
	adjacent := func(k int) bool { return k+1 < len(toks) && toks[k].end == toks[k+1].start }

	t := toks[i]
	// Month [.] Day [,] [Year] | Month [,] Year
	if m := month(t); m != 0 {
		k := i + 1
		if isP(k, ".") && adjacent(i) {
			k++
		}
		if isDay(at(k)) && !(at(k).digits == 2 && isP(k+1, ":")) {
			day := at(k).num
			k++
			end := k
			j := k
			if isP(j, ",") {
				j++
			}
			if isYear(at(j)) && validDay(day, m, at(j).num) {
				return Date{Year: at(j).num, Month: m, Day: day}, j + 1 - i
			}
			if validDay(day, m, 0) {
				return Date{Month: m, Day: day}, end - i
			}
			return Date{}, 0
		}
		j := k
		if isP(j, ",") {
			j++
		}
		if isYear(at(j)) {
			return Date{Year: at(j).num, Month: m}, j + 1 - i
		}
		return Date{}, 0
	}
	if t.kind != 'n' {
		return Date{}, 0
	}
	// Day [of] Month [.] [,] [Year]
	if isDay(t) {
		k := i + 1
		if w := at(k); w.kind == 'w' && strings.EqualFold(w.text, "of") {
			k++
		}
		if m := month(at(k)); m != 0 && validDay(t.num, m, 0) {
			end := k + 1
			j := end
			if isP(j, ".") && adjacent(j-1) {
				j++
				end = j
			}
			if isP(j, ",") {
				j++
			}
			if isYear(at(j)) && validDay(t.num, m, at(j).num) {
				return Date{Year: at(j).num, Month: m, Day: t.num}, j + 1 - i
			}
			return Date{Month: m, Day: t.num}, end - i
		}
	}
	// Year-MM-DD, Year/MM/DD, Year.MM.DD
	if isYear(t) && at(i+1).kind == 'p' && adjacent(i) {
		sep := at(i + 1).text
		if (sep == "-" || sep == "/" || sep == ".") && at(i+2).kind == 'n' && at(i+2).digits <= 2 &&
			adjacent(i+1) && isP(i+3, sep) && adjacent(i+2) && adjacent(i+3) && at(i+4).kind == 'n' && at(i+4).digits <= 2 {
			m, d := at(i+2).num, at(i+4).num
			if validDay(d, m, t.num) {
				return Date{Year: t.num, Month: m, Day: d}, 5
			}
		}
		return Date{}, 0
	}
	// MM/DD/YYYY (or DD/MM/YYYY when the first number exceeds 12),
	// DD.MM.YYYY, DD-MM-YYYY; two-digit years too for slashes.
	if t.digits <= 2 && at(i+1).kind == 'p' && adjacent(i) {
		sep := at(i + 1).text
		if (sep == "/" || sep == "." || sep == "-") && at(i+2).kind == 'n' && at(i+2).digits <= 2 &&
			adjacent(i+1) && isP(i+3, sep) && adjacent(i+2) && adjacent(i+3) && at(i+4).kind == 'n' {
			yt := at(i + 4)
			y := 0
			switch {
			case isYear(yt):
				y = yt.num
			case sep == "/" && yt.digits == 2 && yt.end-yt.start == 2:
				y = 2000 + yt.num
				if yt.num >= 70 {
					y = 1900 + yt.num
				}
			default:
				return Date{}, 0
			}
			a, b := t.num, at(i+2).num
			m, d := a, b
			if sep != "/" || a > 12 {
				m, d = b, a
			}
			if validDay(d, m, y) {
				return Date{Year: y, Month: m, Day: d}, 5
			}
		}
	}
	return Date{}, 0
}
