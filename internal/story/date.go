package story

import (
	"math"
	"time"
)

// A day counts days since 1970-01-01; noDay marks an unknown date.
type day = int32

const noDay day = math.MinInt32

// parseDay parses YYYY-MM-DD.
func parseDay(s string) (day, bool) {
	if len(s) != len("2006-01-02") {
		return noDay, false
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return noDay, false
	}
	return day(t.Unix() / 86400), true
}

// formatDay returns d as YYYY-MM-DD, or "" for noDay.
func formatDay(d day) string {
	if d == noDay {
		return ""
	}
	return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02")
}

// eventDay resolves an event's date against the fallback day (the article's
// publication date): a full date is itself; a month or a year is the
// fallback when the fallback lies in it, else its first day; anything else
// is the fallback.
func eventDay(date string, fallback day) day {
	if d, ok := parseDay(date); ok {
		return d
	}
	var first, end time.Time
	switch len(date) {
	case len("2006-01"):
		t, err := time.Parse("2006-01", date)
		if err != nil {
			return fallback
		}
		first, end = t, t.AddDate(0, 1, 0)
	case len("2006"):
		t, err := time.Parse("2006", date)
		if err != nil {
			return fallback
		}
		first, end = t, t.AddDate(1, 0, 0)
	default:
		return fallback
	}
	lo, hi := day(first.Unix()/86400), day(end.Unix()/86400)
	if fallback != noDay && lo <= fallback && fallback < hi {
		return fallback
	}
	return lo
}

// absDays returns |a-b| for known days.
func absDays(a, b day) int32 {
	if a < b {
		return b - a
	}
	return a - b
}
