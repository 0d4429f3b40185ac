package when_test

import (
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/when"
)

// The publication date of the table: Wednesday 4 May 2016.
const pub = "2016-05-04"

func TestFind(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		pub   string
		expr  string // the expression's text
		date  string
		since bool
		rule  string
	}{
		{"weekday past", "The minister met rebel leaders on Tuesday in Geneva.", pub, "on Tuesday", "2016-05-03", false, when.RuleWeekday},
		{"weekday same day", "Protesters gathered outside parliament on Wednesday.", pub, "on Wednesday", "2016-05-04", false, when.RuleWeekday},
		{"weekday bare", "Police said Friday that two men were arrested.", pub, "Friday", "2016-04-29", false, when.RuleWeekday},
		{"weekday future", "The envoy will travel to Cairo on Friday.", pub, "on Friday", "2016-05-06", false, when.RuleWeekday},
		{"weekday future same day", "The council will vote on Wednesday.", pub, "on Wednesday", "2016-05-04", false, when.RuleWeekday},
		{"weekday future reset by said", "The talks will resume, the ministry said on Monday.", pub, "on Monday", "2016-05-02", false, when.RuleWeekday},
		{"last weekday", "The army shelled the town last Wednesday.", pub, "last Wednesday", "2016-04-27", false, when.RuleWeekday},
		{"next weekday", "Talks open next Wednesday in Vienna.", pub, "next Wednesday", "2016-05-11", false, when.RuleWeekday},
		{"this weekday future", "Envoys are going to meet this Friday in Oslo.", pub, "this Friday", "2016-05-06", false, when.RuleWeekday},
		{"weekday part of day", "The rebels were pushed back by Wednesday morning.", pub, "by Wednesday morning", "2016-05-04", false, when.RuleWeekday},
		{"since weekday", "A truce has held in the city since Saturday.", pub, "since Saturday", "2016-04-30", true, when.RuleWeekday},
		{"weekday with date", "We will meet this Friday, May 13, in New York.", pub, "this Friday, May 13", "2016-05-13", false, when.RuleWeekdayDate},
		{"weekday with full date", "Voting ended on Sunday, 1 May 2016, without incident.", pub, "on Sunday, 1 May 2016", "2016-05-01", false, when.RuleWeekdayDate},
		{"yesterday", "Troops entered the village yesterday.", pub, "yesterday", "2016-05-03", false, when.RuleRelativeDay},
		{"today", "The president is expected to speak today.", pub, "today", "2016-05-04", false, when.RuleRelativeDay},
		{"tonight", "The cabinet meets tonight.", pub, "tonight", "2016-05-04", false, when.RuleRelativeDay},
		{"last night", "Air strikes hit the port last night.", pub, "last night", "2016-05-03", false, when.RuleRelativeDay},
		{"tomorrow", "Results are due tomorrow.", pub, "tomorrow", "2016-05-05", false, when.RuleRelativeDay},
		{"last week", "The two leaders spoke by phone last week.", pub, "last week", "2016-04-25", false, when.RuleWeek},
		{"earlier this week", "Earlier this week, the army denied the report.", pub, "Earlier this week", "2016-05-02", false, when.RuleWeek},
		{"earlier in the week", "Earlier in the week the ministry said it had no plans.", pub, "Earlier in the week", "2016-05-02", false, when.RuleWeek},
		{"next week", "Negotiators will reconvene next week.", pub, "next week", "2016-05-09", false, when.RuleWeek},
		{"since month day", "Aircraft have bombed the area since September 30.", pub, "since September 30", "2015-09-30", true, when.RuleMonthDay},
		{"month day this year", "The ceasefire began on April 12 under a UN plan.", pub, "on April 12", "2016-04-12", false, when.RuleMonthDay},
		{"month day abbreviated", "Delegates meet again on Dec. 18 in Vienna, officials said.", "2015-12-17", "on Dec. 18", "2015-12-18", false, when.RuleMonthDay},
		{"month day far ahead in past clause", "The border was closed on Dec. 20, a spokesman said.", "2016-01-05", "on Dec. 20", "2015-12-20", false, when.RuleMonthDay},
		{"month day future next year", "Elections will be held on January 15.", "2015-11-20", "on January 15", "2016-01-15", false, when.RuleMonthDay},
		{"day first", "The accord was signed on 3 December in Paris.", "2016-01-10", "on 3 December", "2015-12-03", false, when.RuleMonthDay},
		{"full date", "The envoy arrived in Belgrade on December 3, 2015 for the summit.", pub, "on December 3, 2015", "2015-12-03", false, when.RuleDate},
		{"full date day first", "The agreement was signed on 3 December 2015.", pub, "on 3 December 2015", "2015-12-03", false, when.RuleDate},
		{"full date ordinal", "Troops withdrew on the 3rd of December, 2015.", pub, "on the 3rd of December, 2015", "2015-12-03", false, when.RuleDate},
		{"iso date", "The report, dated 2016-04-28, was leaked.", pub, "2016-04-28", "2016-04-28", false, when.RuleISO},
		{"month year", "Coalition jets have struck targets since September 2014.", pub, "since September 2014", "2014-09", true, when.RuleMonthYear},
		{"month of this year", "Moscow began its campaign in September of this year.", "2015-12-17", "in September of this year", "2015-09", false, when.RuleMonthYear},
		{"month past", "The truce agreed in February has frayed.", pub, "in February", "2016-02", false, when.RuleMonth},
		{"month later in year is last year", "The siege began in August and lasted weeks.", pub, "in August", "2015-08", false, when.RuleMonth},
		{"month future", "The court will rule in July.", pub, "in July", "2016-07", false, when.RuleMonth},
		{"month future next year", "A new round of talks will open in March.", pub, "in March", "2017-03", false, when.RuleMonth},
		{"month modifier", "Fighting flared in late March near the border.", pub, "in late March", "2016-03", false, when.RuleMonth},
		{"last month name", "The deal collapsed last May.", pub, "last May", "2015-05", false, when.RuleMonth},
		{"year", "About 3,000 people were killed in 2014 by barrel bombs.", pub, "in 2014", "2014", false, when.RuleYear},
		{"year before a verb", "Protests that began in 2011 spread across the country.", pub, "in 2011", "2011", false, when.RuleYear},
		{"year modifier", "The group emerged in mid-2013 in the east.", pub, "in mid-2013", "2013", false, when.RuleYear},
		{"since year", "He has led the party since 2011.", pub, "since 2011", "2011", true, when.RuleYear},
		{"earlier this year", "Earlier this year, the foreign secretary warned of a split.", pub, "Earlier this year", "2016", false, when.RuleRelYear},
		{"last year", "Exports fell sharply last year.", pub, "last year", "2015", false, when.RuleRelYear},
		{"next year", "Elections are planned for next year.", pub, "next year", "2017", false, when.RuleRelYear},
		{"this month", "Food prices rose again this month.", pub, "this month", "2016-05", false, when.RuleRelMonth},
		{"last month", "Parliament passed the law last month.", "2016-01-12", "last month", "2015-12", false, when.RuleRelMonth},
		{"days ago", "The convoy was attacked two days ago.", pub, "two days ago", "2016-05-02", false, when.RuleAgo},
		{"months ago", "He took office seven months ago.", pub, "seven months ago", "2015-10", false, when.RuleAgo},
		{"years ago digits", "The dam was built 12 years ago.", pub, "12 years ago", "2004", false, when.RuleAgo},
		{"weeks ago", "The border closed a week ago.", pub, "a week ago", "2016-04-27", false, when.RuleAgo},
		{"vague ago", "Shelling resumed a few days ago.", pub, "a few days ago", "", false, when.RuleAgo},
		{"the weekend", "The truce has held since the weekend.", pub, "since the weekend", "2016-04-30", true, when.RuleWeekend},
		{"over the weekend", "Rebels seized the town over the weekend.", pub, "the weekend", "2016-04-30", false, when.RuleWeekend},
		{"this weekend future", "Leaders will gather this weekend.", pub, "this weekend", "2016-05-07", false, when.RuleWeekend},
		{"last summer", "The offensive began last summer.", pub, "last summer", "2015", false, when.RuleSeason},
		{"no publication date weekday", "The minister resigned on Tuesday.", "", "on Tuesday", "", false, when.RuleWeekday},
		{"no publication date full date", "The minister resigned on March 1, 2016.", "", "on March 1, 2016", "2016-03-01", false, when.RuleDate},
		{"bad publication date", "The minister resigned on Tuesday.", "May 2016", "on Tuesday", "", false, when.RuleWeekday},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := when.Find(tt.text, nil, tt.pub)
			e, ok := find(got, tt.expr)
			if !ok {
				t.Fatalf("Find(%q) = %v, want an expression %q", tt.text, texts(got), tt.expr)
			}
			if e.Date != tt.date || e.Since != tt.since || e.Rule != tt.rule {
				t.Errorf("%q: date %q since %v rule %q, want %q %v %q", tt.expr, e.Date, e.Since, e.Rule, tt.date, tt.since, tt.rule)
			}
			if tt.text[e.Start:e.End] != e.Text {
				t.Errorf("span [%d,%d) is %q, text is %q", e.Start, e.End, tt.text[e.Start:e.End], e.Text)
			}
		})
	}
}

// TestFindRejects lists words that look like dates and are not.
func TestFindRejects(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"modal may", "The talks may resume soon."},
		{"name May", "Prime Minister Theresa May met the envoy."},
		{"month as adjective", "The March agreement collapsed."},
		{"bare number", "More than 2015 people were counted."},
		{"year as quantity", "Rebels fired 2000 rockets."},
		{"year as quantity after a preposition", "The storm damaged roofs in 2000 homes."},
		{"the last year", "For the last year and a half we have said the same."},
		{"the past week", "Over the past week the army advanced."},
		{"lower-case weekday", "a sunday newspaper reported the leak."},
		{"invalid day", "The law takes effect on February 30."},
		{"number then ago without unit", "He left 20 ago."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := when.Find(tt.text, nil, pub); len(got) != 0 {
				t.Errorf("Find(%q) = %v, want none", tt.text, texts(got))
			}
		})
	}
}

func TestFindSentences(t *testing.T) {
	text := "Troops withdrew on Monday.\n\nThe talks will resume on Friday."
	sents := []dyad.Sentence{{Start: 0, End: 26}, {Start: 28, End: len(text)}}
	got := when.Find(text, sents, pub)
	if len(got) != 2 {
		t.Fatalf("got %v, want two expressions", texts(got))
	}
	want := []struct {
		sentence int
		date     string
	}{{0, "2016-05-02"}, {1, "2016-05-06"}}
	for i, w := range want {
		if got[i].Sentence != w.sentence || got[i].Date != w.date {
			t.Errorf("expression %d: sentence %d date %q, want %d %q", i, got[i].Sentence, got[i].Date, w.sentence, w.date)
		}
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		expr  string
		pub   string
		tense when.Tense
		date  string
		since bool
		ok    bool
	}{
		{"on Thursday", "2015-12-03", when.Past, "2015-12-03", false, true},
		{"Thursday", "2015-12-03", when.Future, "2015-12-03", false, true},
		{"Friday", "2015-12-03", when.Future, "2015-12-04", false, true},
		{"since September 30", "2015-12-03", when.Past, "2015-09-30", true, true},
		{"since Saturday", "2016-05-04", when.Future, "2016-04-30", true, true},
		{"last week", "2015-12-03", when.Past, "2015-11-23", false, true},
		{"the weekend", "2016-05-08", when.Past, "2016-05-07", false, true},
		{"last weekend", "2016-05-08", when.Past, "2016-04-30", false, true},
		{"next weekend", "2016-05-04", when.Future, "2016-05-07", false, true},
		{"next weekend", "2016-05-07", when.Future, "2016-05-14", false, true},
		{"this winter", "2016-01-20", when.Past, "2015", false, true},
		{"last winter", "2016-01-20", when.Past, "2014", false, true},
		{"next summer", "2016-07-20", when.Future, "2017", false, true},
		{"this summer", "2016-07-20", when.Past, "2016", false, true},
		{"Dec. 18.", "2015-12-17", when.Future, "2015-12-18", false, true},
		{"in January", "2016-01-20", when.Past, "2016-01", false, true},
		{"next January", "2016-01-20", when.Future, "2017-01", false, true},
		{"two hours ago", "2016-01-20", when.Past, "2016-01-19", false, true},
		{"Tuesday", "", when.Past, "", false, true},
		{"the talks", "2016-01-20", when.Past, "", false, false},
		{"on Tuesday in Geneva", "2016-01-20", when.Past, "", false, false},
		{"", "2016-01-20", when.Past, "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.expr+"/"+tt.pub+"/"+tt.tense.String(), func(t *testing.T) {
			date, since, ok := when.Resolve(tt.expr, tt.pub, tt.tense)
			if date != tt.date || since != tt.since || ok != tt.ok {
				t.Errorf("Resolve(%q, %q, %v) = %q, %v, %v; want %q, %v, %v",
					tt.expr, tt.pub, tt.tense, date, since, ok, tt.date, tt.since, tt.ok)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	f.Add("The army shelled the town last Wednesday, Dec. 18, 2015.", "2016-05-04")
	f.Add("since September 30 and in mid-2014, two days ago", "")
	f.Add("on the 3rd of\u00a0December, ‘earlier this year’", "2015-12-03")
	f.Add("this Friday (Dec. 18) in 2099-12-31", "1900-01-01")
	f.Fuzz(func(t *testing.T, text, published string) {
		for _, e := range when.Find(text, nil, published) {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
				t.Fatalf("bad span [%d,%d) in %q", e.Start, e.End, text)
			}
			if text[e.Start:e.End] != e.Text {
				t.Fatalf("text %q does not match span %q", e.Text, text[e.Start:e.End])
			}
			if e.Date != "" && len(e.Date) != 4 && len(e.Date) != 7 && len(e.Date) != 10 {
				t.Fatalf("bad date %q for %q", e.Date, e.Text)
			}
		}
	})
}

func find(es []dyad.TimeExpr, text string) (dyad.TimeExpr, bool) {
	for _, e := range es {
		if e.Text == text {
			return e, true
		}
	}
	return dyad.TimeExpr{}, false
}

func texts(es []dyad.TimeExpr) string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(e.Text + "=" + e.Date + "/" + e.Rule)
	}
	return "[" + b.String() + "]"
}
