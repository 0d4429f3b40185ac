package clean

import (
	"strings"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
)

// topBlocks is how many blocks from the start count as "the top" of an
// article for captions and stray dates.
const topBlocks = 12

// InferPublished returns the publication date (YYYY-MM-DD) that the text
// states, and where it came from, trying in turn:
//
//  1. a time stamp line ("Published 3 March 2016", "Updated Dec 17, 2015"),
//     preferring "Published"/"Posted" to "Updated" (dyad.PublishedFromUpdated);
//  2. a dateline at the top of the body ("DAMASCUS, Dec 3 (Reuters) -",
//     "MOSCOW, March 3, 2016 —"); a dateline without a year takes it from
//     the other dates of the text (dyad.PublishedFromDateline);
//  3. the most recent full date in a caption near the top
//     (dyad.PublishedFromCaption);
//  4. the most recent full date in the headline or the first body blocks
//     (dyad.PublishedFromText).
//
// It returns "", dyad.PublishedUnknown when the text gives no full date.
func InferPublished(text string, blocks []dyad.Block) (date, source string) {
	span := func(b dyad.Block) string {
		if b.Start < 0 || b.End > len(text) || b.Start > b.End {
			return ""
		}
		return text[b.Start:b.End]
	}
	// 1. Time stamps.
	var stamp Date
	for _, b := range blocks {
		if b.Rule != RuleTimestamp {
			continue
		}
		s := span(b)
		d, ok := firstFull(FindDates(s))
		if !ok {
			continue
		}
		low := strings.ToLower(s)
		if hasPrefixAny(low, "published", "first published", "originally published", "posted") {
			return d.ISO(), dyad.PublishedFromUpdated
		}
		if stamp.Year == 0 {
			stamp = d
		}
	}
	if stamp.Year != 0 {
		return stamp.ISO(), dyad.PublishedFromUpdated
	}

	// Dates in captions and at the top of the text, for steps 2 to 4.
	var caption, top Date
	bodySeen := 0
	for i, b := range blocks {
		if i >= topBlocks {
			break
		}
		switch b.Kind {
		case dyad.KindCaption:
			caption = latest(caption, FindDates(span(b)))
		case dyad.KindHeadline, dyad.KindBody:
			if bodySeen < 4 {
				top = latest(top, FindDates(span(b)))
			}
			if b.Kind == dyad.KindBody {
				bodySeen++
			}
		}
	}

	// 2. A dateline in the first body blocks.
	bodySeen = 0
	for i, b := range blocks {
		if i >= topBlocks || bodySeen >= 3 {
			break
		}
		if b.Kind != dyad.KindBody {
			continue
		}
		bodySeen++
		d, ok := Dateline(span(b))
		if !ok {
			continue
		}
		if d.Year == 0 {
			ref := caption
			if top.Year != 0 && (ref.Year == 0 || ref.before(top)) {
				ref = top
			}
			if ref.Year == 0 {
				break
			}
			d.Year = ref.Year
			// A dateline more than a month before the reference date
			// belongs to the next year ("Jan 2" after a "Dec 15" photo).
			if monthsBefore(d, ref) > 1 {
				d.Year++
			}
			if !validDay(d.Day, d.Month, d.Year) {
				break
			}
		}
		return d.ISO(), dyad.PublishedFromDateline
	}
	// 3 and 4.
	if caption.Year != 0 {
		return caption.ISO(), dyad.PublishedFromCaption
	}
	if top.Year != 0 {
		return top.ISO(), dyad.PublishedFromText
	}
	return "", dyad.PublishedUnknown
}

// monthsBefore returns roughly how many months d lies before ref (negative
// when after).
func monthsBefore(d, ref Date) int {
	m := (ref.Year-d.Year)*12 + ref.Month - d.Month
	if ref.Day < d.Day {
		m--
	}
	return m
}

func firstFull(ds []Date) (Date, bool) {
	for _, d := range ds {
		if d.Full() {
			return d, true
		}
	}
	return Date{}, false
}

// latest returns the most recent full date among cur and ds.
func latest(cur Date, ds []Date) Date {
	for _, d := range ds {
		if d.Full() && (cur.Year == 0 || cur.before(d)) {
			cur = d
		}
	}
	return cur
}

// Dateline reads the dateline at the start of a body line: place names in
// capitals or capitalised, a date, perhaps an agency in brackets, then a dash
// or colon ("DAMASCUS, Dec 3 (Reuters) - ...", "MOSCOW, March 3, 2016 — ...",
// "Beirut, Lebanon, 3 December 2015: ..."). The date may lack its year. It
// reports false when the line does not open with a dated dateline.
func Dateline(s string) (Date, bool) {
	// The separator must come early: datelines are short.
	limit := min(len(s), 120)
	sep := -1
	for i := 0; i < limit; {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == '-' || r == '\u2013' || r == '\u2014' || r == ':') && i > 0 {
			// A dash between spaces or doubled, or a colon; never a hyphen
			// inside a word.
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[i+n:])
			if r == ':' || IsSpace(prev) && (IsSpace(next) || next == '-') {
				sep = i
				break
			}
		}
		i += n
	}
	if sep <= 0 {
		return Date{}, false
	}
	head := s[:sep]
	ds := FindDates(head)
	if len(ds) != 1 || ds[0].Month == 0 || ds[0].Day == 0 {
		return Date{}, false
	}
	d := ds[0]
	// Before the date: capitalised place words and commas only.
	for _, w := range strings.FieldsFunc(head[:d.Start], func(r rune) bool { return IsSpace(r) || r == ',' }) {
		r, _ := utf8.DecodeRuneInString(w)
		if !isUpper(r) && !nameParticles[w] {
			return Date{}, false
		}
	}
	if len(strings.Fields(head[:d.Start])) > 6 {
		return Date{}, false
	}
	// After the date: nothing but an optional bracketed agency.
	rest := strings.TrimSpace(strings.Trim(strings.TrimSpace(head[d.End:]), ","))
	if rest != "" {
		if !strings.HasPrefix(rest, "(") || !strings.HasSuffix(rest, ")") || len(rest) > 40 {
			return Date{}, false
		}
	}
	return d, true
}
