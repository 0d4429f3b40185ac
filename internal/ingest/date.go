package ingest

import (
	"strings"
	"time"
)

// isoDate normalises a date written as YYYY-MM-DD or as an RFC 3339 date and
// time to YYYY-MM-DD. The calendar date is kept as written, not converted
// to UTC: "2015-12-03T23:30:00-05:00" is 2015-12-03, the day the
// publisher's clock showed. The time zone may be absent and the separator
// may be a space, as many exports write it.
func isoDate(s string) (string, bool) {
	if len(s) < 10 || !validYMD(s[:10], '-') {
		return "", false
	}
	if len(s) == 10 {
		return s[:10], true
	}
	if c := s[10]; c != 'T' && c != 't' && c != ' ' {
		return "", false
	}
	if !validClock(s[11:]) {
		return "", false
	}
	return s[:10], true
}

// validYMD reports whether s is exactly YYYY<sep>MM<sep>DD naming a real
// calendar day.
func validYMD(s string, sep byte) bool {
	if len(s) != 10 || s[4] != sep || s[7] != sep {
		return false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// validClock reports whether s is HH:MM[:SS[.fraction]] followed by nothing,
// "Z", or a numeric zone (±HH:MM or ±HHMM).
func validClock(s string) bool {
	if len(s) < 5 || s[2] != ':' {
		return false
	}
	h, ok1 := digits(s[0:2])
	mi, ok2 := digits(s[3:5])
	if !ok1 || !ok2 || h > 23 || mi > 59 {
		return false
	}
	s = s[5:]
	if len(s) >= 3 && s[0] == ':' {
		sec, ok := digits(s[1:3])
		if !ok || sec > 60 {
			return false
		}
		s = s[3:]
		if len(s) >= 2 && (s[0] == '.' || s[0] == ',') {
			i := 1
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				i++
			}
			if i == 1 {
				return false
			}
			s = s[i:]
		}
	}
	switch {
	case s == "", s == "Z", s == "z":
		return true
	case s[0] == '+' || s[0] == '-':
		z := s[1:]
		if len(z) == 5 && z[2] == ':' {
			z = z[:2] + z[3:]
		}
		if len(z) != 4 {
			return false
		}
		zh, ok1 := digits(z[:2])
		zm, ok2 := digits(z[2:])
		return ok1 && ok2 && zh <= 23 && zm <= 59
	}
	return false
}

// digits parses s as a non-negative decimal number made of ASCII digits
// only.
func digits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// metaLayouts are the date formats other than ISO 8601 that web pages put
// in their date metadata, with whether the layout carries a numeric zone.
var metaLayouts = []struct {
	layout string
	zoned  bool
}{
	{time.RFC1123Z, true},
	{"Mon, 2 Jan 2006 15:04:05 -0700", true},
	{time.RFC1123, false},
	{"Mon, 2 Jan 2006 15:04:05 MST", false},
	{time.RFC850, false},
	{time.ANSIC, false},
	{time.UnixDate, false},
	{"January 2, 2006", false},
	{"Jan 2, 2006", false},
	{"2 January 2006", false},
	{"2 Jan 2006", false},
}

// isoLayouts parse the time of an ISO 8601 date and time with a zone, once
// a space separator has become "T".
var isoLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z0700", "2006-01-02T15:04Z07:00", "2006-01-02T15:04Z0700"}

// stamp is a publication date read from a page: the calendar date as
// written, and the instant when the value had a time and a numeric zone.
type stamp struct {
	date  string
	at    time.Time
	zoned bool
}

// metaDate normalises a date from web-page metadata to YYYY-MM-DD; see
// metaStamp.
func metaDate(s string) (string, bool) {
	st, ok := metaStamp(s)
	return st.date, ok
}

// metaStamp reads a date from web-page metadata. Besides the forms isoDate
// accepts it takes YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD, ISO dates followed by
// other text, and the e-mail and English forms of metaLayouts. It rejects
// the placeholders content systems write when they have no date: years
// before 1800 and the Unix epoch.
func metaStamp(s string) (stamp, bool) {
	s = strings.TrimSpace(s)
	st, ok := metaStampAny(s)
	if !ok || st.date < "1800" || st.date == "1970-01-01" {
		return stamp{}, false
	}
	return st, true
}

func metaStampAny(s string) (stamp, bool) {
	if d, ok := isoDate(s); ok {
		st := stamp{date: d}
		if len(s) > 10 {
			t := s[:10] + "T" + s[11:]
			for _, layout := range isoLayouts {
				if at, err := time.Parse(layout, t); err == nil {
					st.at, st.zoned = at, true
					break
				}
			}
		}
		return st, true
	}
	if len(s) >= 10 {
		for _, sep := range []byte{'-', '/', '.'} {
			if validYMD(s[:10], sep) && (len(s) == 10 || !isDigit(s[10])) {
				return stamp{date: s[0:4] + "-" + s[5:7] + "-" + s[8:10]}, true
			}
		}
	}
	if len(s) >= 8 && (len(s) == 8 || s[8] == 'T' || s[8] == ' ') {
		c := s[0:4] + "-" + s[4:6] + "-" + s[6:8]
		if _, ok := digits(s[:8]); ok && validYMD(c, '-') {
			return stamp{date: c}, true
		}
	}
	for _, l := range metaLayouts {
		if at, err := time.Parse(l.layout, s); err == nil {
			return stamp{date: at.Format(time.DateOnly), at: at, zoned: l.zoned}, true
		}
	}
	return stamp{}, false
}

// localDate chooses the date of the first stamp. When that stamp is in UTC
// and another states the same instant in a local zone, the local calendar
// date wins: a page that gives "2019-10-18T22:04:00Z" and "Sat, 19 Oct
// 2019 00:04:00 +0200" was published on the 19th where it was written.
func localDate(stamps []stamp) string {
	if len(stamps) == 0 {
		return ""
	}
	top := stamps[0]
	if top.zoned {
		if _, off := top.at.Zone(); off == 0 {
			for _, st := range stamps[1:] {
				if _, off := st.at.Zone(); st.zoned && off != 0 && near(st.at, top.at) {
					return st.date
				}
			}
		}
	}
	return top.date
}

// near reports whether two instants are less than a minute apart, as two
// renderings of one publication time are even when one keeps milliseconds.
func near(a, b time.Time) bool {
	d := a.Sub(b)
	return d > -time.Minute && d < time.Minute
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
