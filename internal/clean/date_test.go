package clean_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/clean"
)

func TestFindDates(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // "text=ISO" for each date; ISO is "--MM-DD" without a year
	}{
		{"month day, year", "Updated Dec 17, 2015", []string{"Dec 17, 2015=2015-12-17"}},
		{"full month name", "on December 3, 2015 in Belgrade", []string{"December 3, 2015=2015-12-03"}},
		{"month day year without comma", "in Moscow, Russia December 15 2015", []string{"December 15 2015=2015-12-15"}},
		{"day month year", "Published 3 December 2015", []string{"3 December 2015=2015-12-03"}},
		{"abbreviation with stop", "17 Dec. 2015 and Dec. 18, 2015", []string{"17 Dec. 2015=2015-12-17", "Dec. 18, 2015=2015-12-18"}},
		{"Sept.", "Sept. 30, 2015", []string{"Sept. 30, 2015=2015-09-30"}},
		{"ordinal", "the 3rd of March, 2016", []string{"3rd of March, 2016=2016-03-03"}},
		{"ordinal after month", "March 3rd, 2016", []string{"March 3rd, 2016=2016-03-03"}},
		{"weekday is not part of the date", "Thursday, December 3, 2015", []string{"December 3, 2015=2015-12-03"}},
		{"ISO", "2015-12-17T10:00:00Z", []string{"2015-12-17=2015-12-17"}},
		{"ISO with slashes", "2015/12/17", []string{"2015/12/17=2015-12-17"}},
		{"US numeric", "12/17/2015", []string{"12/17/2015=2015-12-17"}},
		{"day first when the month cannot be first", "17/12/2015", []string{"17/12/2015=2015-12-17"}},
		{"dotted day first", "17.12.2015", []string{"17.12.2015=2015-12-17"}},
		{"two-digit year", "12/17/15", []string{"12/17/15=2015-12-17"}},
		{"month and day only", "since September 30.", []string{"September 30=--09-30"}},
		{"dateline date", "DAMASCUS, Dec 3 (Reuters) -", []string{"Dec 3=--12-03"}},
		{"month and year", "since September 2014 and", []string{"September 2014=2014-09"}},
		{"capitals", "DEC 17, 2015", []string{"DEC 17, 2015=2015-12-17"}},
		{"no-break spaces", "Dec\u00a017,\u00a02015", []string{"Dec\u00a017,\u00a02015=2015-12-17"}},
		{"every month", "Jan 1, 2016 Feb 2, 2016 Mar 3, 2016 Apr 4, 2016 May 5, 2016 Jun 6, 2016 Jul 7, 2016 Aug 8, 2016 Sep 9, 2016 Oct 10, 2016 Nov 11, 2016",
			[]string{"Jan 1, 2016=2016-01-01", "Feb 2, 2016=2016-02-02", "Mar 3, 2016=2016-03-03", "Apr 4, 2016=2016-04-04",
				"May 5, 2016=2016-05-05", "Jun 6, 2016=2016-06-06", "Jul 7, 2016=2016-07-07", "Aug 8, 2016=2016-08-08",
				"Sep 9, 2016=2016-09-09", "Oct 10, 2016=2016-10-10", "Nov 11, 2016=2016-11-11"}},
		{"may the verb", "Russia may 5 times veto it", nil},
		{"lower-case month", "march 3, 2016", nil},
		{"impossible day", "February 30, 2016", nil},
		{"leap day", "Feb 29, 2016 but not Feb 29, 2015", []string{"Feb 29, 2016=2016-02-29", "Feb 29=--02-29"}},
		{"plain numbers", "3,000 people and 250,000 deaths in 2014", nil},
		{"time is not a day", "December 10:30", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range clean.FindDates(tt.in) {
				iso := d.ISO()
				if d.Year == 0 {
					iso = "--" + twoDigits(d.Month) + "-" + twoDigits(d.Day)
				}
				got = append(got, tt.in[d.Start:d.End]+"="+iso)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("FindDates(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

func twoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

func TestParseDate(t *testing.T) {
	d, ok := clean.ParseDate("Thursday 3 December 2015 10.41 GMT")
	if !ok || d.ISO() != "2015-12-03" || !d.Full() {
		t.Errorf("ParseDate = %+v, %v", d, ok)
	}
	if _, ok := clean.ParseDate("no date here"); ok {
		t.Errorf("ParseDate found a date in text without one")
	}
}

func TestDateline(t *testing.T) {
	tests := []struct {
		name, in, want string // want "" for no dateline, "--MM-DD" without a year
	}{
		{"Reuters", "DAMASCUS, Dec 3 (Reuters) - Syrian troops advanced.", "--12-03"},
		{"with year and em dash", "MOSCOW, March 3, 2016 — Russia said on Thursday ...", "2016-03-03"},
		{"place and country", "Beirut, Lebanon, 3 December 2015: The army said ...", "2015-12-03"},
		{"double hyphen", "ANKARA, Turkey, Jan. 5, 2016 (AP) -- Turkish jets struck.", "2016-01-05"},
		{"no date", "WASHINGTON (AP) — The Pentagon said ...", ""},
		{"sentence with a colon", "Kerry said on December 3, 2015: we will win.", ""},
		{"date late in the sentence", "The talks that began in Vienna on December 3, 2015 - and failed - resumed.", ""},
		{"hyphen inside a word", "Raqqa-based IS forces retreated on Dec 3.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := clean.Dateline(tt.in)
			got := ""
			if ok {
				got = d.ISO()
				if d.Year == 0 {
					got = "--" + twoDigits(d.Month) + "-" + twoDigits(d.Day)
				}
			}
			if got != tt.want {
				t.Errorf("Dateline(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestInferPublished(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		date, from string
	}{
		{"updated line", "Kerry meets Putin\n\nUpdated Dec 17, 2015\n\nKerry met Putin on Tuesday.",
			"2015-12-17", dyad.PublishedFromUpdated},
		{"published preferred to updated", "Kerry meets Putin\n\nUpdated 18 December 2015\nPublished 17 December 2015\n\nKerry met Putin.",
			"2015-12-17", dyad.PublishedFromUpdated},
		{"last updated with time", "Kerry meets Putin\n\nLast updated: 10:41 GMT, 3 March 2016\n\nKerry met Putin.",
			"2016-03-03", dyad.PublishedFromUpdated},
		{"dateline with year", "Russia warns Turkey\n\nMOSCOW, March 3, 2016 — Russia warned Turkey on Thursday.",
			"2016-03-03", dyad.PublishedFromDateline},
		{"dateline year from caption", "Syrian troops advance\n\nPhoto: Reuters\nA soldier (C) gestures in Aleppo, Syria December 1, 2015\n\nDAMASCUS, Dec 3 (Reuters) - Syrian troops advanced.",
			"2015-12-03", dyad.PublishedFromDateline},
		{"dateline in the next year", "Syrian troops advance\n\nPhoto: Reuters\nA soldier (C) gestures in Aleppo, Syria December 28, 2015\n\nDAMASCUS, Jan 2 (Reuters) - Syrian troops advanced.",
			"2016-01-02", dyad.PublishedFromDateline},
		{"caption", "Kerry in Belgrade\n\nPhoto by: AFP\n\nJohn Kerry gestures at the OSCE meeting in Belgrade on December 3, 2015\n\nKerry urged talks on Thursday.",
			"2015-12-03", dyad.PublishedFromCaption},
		{"most recent caption date", "Kerry in Belgrade\n\nPhoto: AFP\nJohn Kerry (L) gestures in Belgrade, Serbia December 3, 2015\nPhoto: AFP\nSergei Lavrov (R) arrives in Belgrade, Serbia December 2, 2015\n\nKerry urged talks.",
			"2015-12-03", dyad.PublishedFromCaption},
		{"text near the top", "Kerry urges talks\n\nOn December 3, 2015, Kerry urged talks in Belgrade.\n\nHe said more.",
			"2015-12-03", dyad.PublishedFromText},
		{"no full date", "Kerry urges talks\n\nKerry urged talks on September 9 in London.", "", dyad.PublishedUnknown},
		{"date deep in the text is not used", "Kerry urges talks\n\n" + strings.Repeat("Kerry urged talks.\n\n", 20) + "The war began on March 15, 2011.",
			"", dyad.PublishedUnknown},
		{"empty", "", "", dyad.PublishedUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			date, from := clean.InferPublished(tt.text, clean.Blocks(tt.text))
			if date != tt.date || from != tt.from {
				t.Errorf("InferPublished = %q, %q; want %q, %q", date, from, tt.date, tt.from)
			}
		})
	}
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func FuzzFindDates(f *testing.F) {
	for _, s := range []string{"Dec 17, 2015", "3rd of March, 2016", "12/17/15", "2015-02-29", "\xffDec 3", "Feb 29, 2000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, d := range clean.FindDates(s) {
			if d.Start < prev || d.End <= d.Start || d.End > len(s) {
				t.Fatalf("date span [%d,%d) out of order or outside %d bytes", d.Start, d.End, len(s))
			}
			prev = d.End
			if d.Full() && !isoDate.MatchString(d.ISO()) {
				t.Fatalf("full date %+v has ISO %q", d, d.ISO())
			}
		}
		date, _ := clean.InferPublished(s, clean.Blocks(s))
		if date != "" && !isoDate.MatchString(date) {
			t.Fatalf("InferPublished = %q", date)
		}
	})
}
