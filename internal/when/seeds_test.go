package when_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/segment"
	"github.com/dyad-project/dyad/internal/testutil"
	"github.com/dyad-project/dyad/internal/when"
)

// seed is one article of the shared seed set with its gold dated events.
type seed struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Text      string `json:"text"`
	Gold      struct {
		Events []struct {
			Sentence string  `json:"sentence"`
			Date     *string `json:"date"`
			Optional bool    `json:"optional"`
		} `json:"events"`
	} `json:"-"`
}

func readSeeds(t testing.TB) []seed {
	t.Helper()
	path := testutil.Shared(t, "seeds/seeds.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []seed
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var s seed
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		gold, err := filepath.Glob(filepath.Join(filepath.Dir(path), "gold", s.ID+".json"))
		if err == nil && len(gold) == 1 {
			b, err := os.ReadFile(gold[0])
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &s.Gold); err != nil {
				t.Fatal(err)
			}
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSeeds checks expressions of the seed articles, found by their text,
// against the dates a reader gives them.
func TestSeeds(t *testing.T) {
	seeds := readSeeds(t)
	byPrefix := func(p string) seed {
		for _, s := range seeds {
			if strings.HasPrefix(s.ID, p) {
				return s
			}
		}
		t.Fatalf("no seed %s", p)
		return seed{}
	}
	tests := []struct {
		seed  string
		expr  string
		date  string
		since bool
	}{
		{"000", "on Thursday", "2015-12-03", false},
		{"000", "since September 30", "2015-09-30", true},
		{"000", "on December 3, 2015", "2015-12-03", false},
		{"001", "on Tuesday", "2015-12-15", false},
		{"001", "this Friday, Dec. 18", "2015-12-18", false},
		{"001", "since September 2014", "2014-09", true},
		{"001", "in September of this year", "2015-09", false},
		{"001", "December 15, 2015", "2015-12-15", false},
		{"001", "Dec 17, 2015", "2015-12-17", false},
		{"002", "on Saturday", "2015-09-19", false},
		{"002", "on Friday", "2015-09-18", false},
		{"002", "on September 9", "2015-09-09", false},
		{"002", "seven months ago", "2015-02", false},
		{"002", "in 2014", "2014", false},
		{"003", "on Tuesday", "2015-08-25", false},
		{"004", "on Tuesday", "2016-05-03", false},
		{"004", "by Wednesday morning", "2016-05-04", false},
		{"004", "since Saturday", "2016-04-30", true},
		{"004", "Earlier this year", "2016", false},
		{"004", "in February", "2016-02", false},
		{"004", "since the weekend", "2016-04-30", true},
	}
	for _, tt := range tests {
		t.Run(tt.seed+"/"+tt.expr, func(t *testing.T) {
			s := byPrefix(tt.seed)
			got := when.Find(s.Text, segment.Text(s.Text), s.Published)
			e, ok := find(got, tt.expr)
			if !ok {
				t.Fatalf("no expression %q; found %s", tt.expr, texts(got))
			}
			if e.Date != tt.date || e.Since != tt.since {
				t.Errorf("%q = %q since=%v, want %q since=%v", tt.expr, e.Date, e.Since, tt.date, tt.since)
			}
		})
	}
}

// TestSeedsGoldDates measures, over the gold events whose sentence holds a
// temporal expression, how often the gold date is among the dates the event
// coder can choose from: the sentence's resolved expressions and the
// publication date. Which expression dates which event is the event coder's
// business; this checks that the right date is on offer.
func TestSeedsGoldDates(t *testing.T) {
	var with, agree int
	for _, s := range readSeeds(t) {
		exprs := when.Find(s.Text, segment.Text(s.Text), s.Published)
		for _, ev := range s.Gold.Events {
			if ev.Date == nil || ev.Optional {
				continue
			}
			at := strings.Index(s.Text, ev.Sentence)
			if at < 0 {
				continue
			}
			var dates []string
			for _, e := range exprs {
				if e.Start >= at && e.End <= at+len(ev.Sentence) {
					dates = append(dates, e.Date)
				}
			}
			if len(dates) == 0 {
				continue
			}
			with++
			hit := *ev.Date == s.Published
			for _, d := range dates {
				hit = hit || d == *ev.Date
			}
			if hit {
				agree++
			} else {
				t.Logf("%s: gold %s, expressions %v in %.60q", s.ID, *ev.Date, dates, ev.Sentence)
			}
		}
	}
	if with == 0 {
		t.Fatal("no gold event sentence holds an expression")
	}
	rate := float64(agree) / float64(with)
	t.Logf("gold events with an expression in their sentence: %d; resolved to the gold date: %d (%.3f)", with, agree, rate)
	if rate < 0.85 {
		t.Errorf("agreement %.3f, want >= 0.85", rate)
	}
}

func BenchmarkFind(b *testing.B) {
	seeds := readSeeds(b)
	var bytes int
	for _, s := range seeds {
		bytes += len(s.Text)
	}
	sents := make([][]dyad.Sentence, len(seeds))
	for i, s := range seeds {
		sents[i] = segment.Text(s.Text)
	}
	b.SetBytes(int64(bytes))
	n := 0
	for b.Loop() {
		for i, s := range seeds {
			n += len(when.Find(s.Text, sents[i], s.Published))
		}
	}
	b.ReportMetric(float64(b.N*len(seeds))/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "expressions/s")
}
