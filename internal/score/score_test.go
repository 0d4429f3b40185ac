package score_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyad-project/dyad/internal/score"
)

// goldFS returns a gold folder holding the given files.
func goldFS(files map[string]string) fstest.MapFS {
	fs := fstest.MapFS{}
	for name, body := range files {
		fs[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return fs
}

// scoreOf scores system lines against one gold article.
func scoreOf(t *testing.T, gold, system string) *score.Result {
	t.Helper()
	g, err := score.ReadGold(goldFS(map[string]string{"g.json": gold}))
	if err != nil {
		t.Fatal(err)
	}
	s, err := score.ReadSystem(strings.NewReader(system))
	if err != nil {
		t.Fatal(err)
	}
	r, err := score.Score(g, s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// A gold article: the army of Ruritania (RUR is not an ISO code, so the
// countries here are real ones) and its dealings.
const goldArticle = `{"id": "d1",
 "actors": [
  {"name": "Syrian Observatory for Human Rights", "key": "SOHR", "mentions": ["the Observatory", "SOHR"]},
  {"name": "Sergey Lavrov", "key": "RUS"},
  {"name": "Islamic State", "key": "ISIL"},
  {"name": "United Nations", "key": "UN"},
  {"name": "Turkey", "key": "TUR"}],
 "quotes": [
  {"speaker": "Sergey Lavrov", "speaker_key": "RUS", "starts_with": "We will not accept any"},
  {"speaker": "Rami Abdel Rahman", "speaker_key": "SOHR", "starts_with": "At least 12 civilians died"}],
 "events": [
  {"source_key": "RUS", "target_key": "TUR", "cameo_root": "13", "cameo": "138", "date": "2016-03-01", "optional": false},
  {"source_key": "SOHR", "target_key": "ISIL", "cameo_root": "11", "cameo": "112", "date": null},
  {"source_key": "UN", "target_key": "TUR", "cameo_root": "09", "cameo": "09", "date": "2016-03-02"},
  {"source_key": "TUR", "target_key": "RUS", "cameo_root": "04", "cameo": "040", "optional": true}]}`

func TestScoreEvents(t *testing.T) {
	tests := []struct {
		name    string
		events  string // the system's events array
		root    [3]int // tp, fp, fn
		quad    [3]int
		dyad    [3]int
		missed  string // the root view's missed triples, as --per-doc prints them
		extra   string
		dateAcc string // the JSON of date_accuracy
	}{
		{
			name:    "ISO3 countries",
			events:  `[{"source": {"name": "Lavrov", "country": "RUS"}, "target": {"country": "TUR"}, "cameo": "138", "date": "2016-03-01"}]`,
			root:    [3]int{1, 0, 2},
			quad:    [3]int{1, 0, 2},
			dyad:    [3]int{1, 0, 2},
			missed:  `["('SOHR', 'ISIL', '11')", "('UN', 'TUR', '09')"]`,
			extra:   `[]`,
			dateAcc: "1.0",
		},
		{
			name:    "a key field is upper-cased, a non-ISO3 country is ignored",
			events:  `[{"source": {"key": "rus"}, "target": {"country": "Turkey", "name": "Turkey"}, "root": "13"}]`,
			root:    [3]int{0, 1, 3},
			quad:    [3]int{0, 1, 3},
			dyad:    [3]int{0, 1, 3},
			missed:  `["('RUS', 'TUR', '13')", "('SOHR', 'ISIL', '11')", "('UN', 'TUR', '09')"]`,
			extra:   `["('RUS', 'TURKEY', '13')"]`,
			dateAcc: "null",
		},
		{
			name:    "a code prefix names the UN",
			events:  `[{"source": {"name": "Ban Ki-moon", "code": "IGOUNOSEC"}, "target": {"country": "TUR"}, "cameo_root": "09", "date": "2016-03-03"}]`,
			root:    [3]int{1, 0, 2},
			quad:    [3]int{1, 0, 2},
			dyad:    [3]int{1, 0, 2},
			missed:  `["('RUS', 'TUR', '13')", "('SOHR', 'ISIL', '11')"]`,
			extra:   `[]`,
			dateAcc: "0.0",
		},
		{
			name:    "organisation aliases and the article's local aliases",
			events:  `[{"source": {"name": "the Observatory"}, "target": {"name": "The so-called Islamic State"}, "cameo": "112"}, {"source": {"name": "U.N."}, "target": {"country": "TUR"}, "cameo": "090"}]`,
			root:    [3]int{2, 0, 1},
			quad:    [3]int{2, 0, 1},
			dyad:    [3]int{2, 0, 1},
			missed:  `["('RUS', 'TUR', '13')"]`,
			extra:   `[]`,
			dateAcc: "0.0",
		},
		{
			name:    "an unknown name keys to itself",
			events:  `[{"source": {"name": "Syrian Observatory"}, "target": {"name": "Daesh"}, "cameo": "112"}]`,
			root:    [3]int{0, 1, 3},
			quad:    [3]int{0, 1, 3},
			dyad:    [3]int{0, 1, 3},
			missed:  `["('RUS', 'TUR', '13')", "('SOHR', 'ISIL', '11')", "('UN', 'TUR', '09')"]`,
			extra:   `["('SYRIAN_OBSERVATORY', 'ISIL', '11')"]`,
			dateAcc: "null",
		},
		{
			name: "optional gold events count neither way",
			events: `[{"source": {"country": "TUR"}, "target": {"country": "RUS"}, "cameo": "040"},
				{"source": {"country": "TUR"}, "target": {"country": "RUS"}, "cameo": "050"}]`,
			root:    [3]int{0, 1, 3},
			quad:    [3]int{0, 0, 3}, // 05 is in QuadClass 1 like the optional 04
			dyad:    [3]int{0, 0, 3},
			missed:  `["('RUS', 'TUR', '13')", "('SOHR', 'ISIL', '11')", "('UN', 'TUR', '09')"]`,
			extra:   `["('TUR', 'RUS', '05')"]`,
			dateAcc: "null",
		},
		{
			name: "only asserted system events count",
			events: `[{"source": {"country": "RUS"}, "target": {"country": "TUR"}, "cameo": "138", "mode": "hypothetical"},
				{"source": {"country": "RUS"}, "target": {"country": "TUR"}, "cameo": "190", "mode": "negated"},
				{"source": {"country": "RUS"}, "target": {"country": "TUR"}, "cameo": "130", "mode": null, "date": "2016-03-01"}]`,
			root:    [3]int{1, 0, 2},
			quad:    [3]int{1, 0, 2},
			dyad:    [3]int{1, 0, 2},
			missed:  `["('SOHR', 'ISIL', '11')", "('UN', 'TUR', '09')"]`,
			extra:   `[]`,
			dateAcc: "1.0",
		},
		{
			name:    "views: a wrong root in the same QuadClass, score.py's 09 in QuadClass 2",
			events:  `[{"source": {"country": "RUS"}, "target": {"country": "TUR"}, "cameo": "12"}, {"source": {"code": "IGOUNO"}, "target": {"country": "TUR"}, "root": "07"}]`,
			root:    [3]int{0, 2, 3},
			quad:    [3]int{2, 0, 1},
			dyad:    [3]int{2, 0, 1},
			missed:  `["('RUS', 'TUR', '13')", "('SOHR', 'ISIL', '11')", "('UN', 'TUR', '09')"]`,
			extra:   `["('RUS', 'TUR', '12')", "('UN', 'TUR', '07')"]`,
			dateAcc: "null",
		},
		{
			name:    "an event without a root",
			events:  `[{"source": {"country": "RUS"}, "target": {"country": "TUR"}, "cameo": ""}]`,
			root:    [3]int{0, 1, 3},
			quad:    [3]int{0, 1, 3},
			dyad:    [3]int{1, 0, 2},
			missed:  `["('RUS', 'TUR', '13')", "('SOHR', 'ISIL', '11')", "('UN', 'TUR', '09')"]`,
			extra:   `["('RUS', 'TUR', None)"]`,
			dateAcc: "null",
		},
		{
			name: "dates: any matching event with the gold date",
			events: `[{"source": {"country": "RUS"}, "target": {"country": "TUR"}, "cameo": "138", "date": "2016-02-29"},
				{"source": {"country": "RUS"}, "target": {"country": "TUR"}, "cameo": "13", "date": "2016-03-01"},
				{"source": {"key": "UN"}, "target": {"country": "TUR"}, "cameo": "09", "date": "2016-03-01"}]`,
			root:    [3]int{2, 0, 1},
			quad:    [3]int{2, 0, 1},
			dyad:    [3]int{2, 0, 1},
			missed:  `["('SOHR', 'ISIL', '11')"]`,
			extra:   `[]`,
			dateAcc: "0.5",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := scoreOf(t, goldArticle, `{"doc": "d1", "events": `+strings.ReplaceAll(tc.events, "\n", "")+`}`)
			for i, want := range [][3]int{tc.root, tc.quad, tc.dyad} {
				c := r.Views[i]
				if got := [3]int{c.TP, c.FP, c.FN}; got != want {
					t.Errorf("%s view: tp, fp, fn = %v, want %v", score.Views[i], got, want)
				}
			}
			var pd bytes.Buffer
			if err := r.WritePerDoc(&pd); err != nil {
				t.Fatal(err)
			}
			if want := "d1 missed: " + tc.missed + " extra: " + tc.extra + "\n"; pd.String() != want {
				t.Errorf("per-doc:\n got %q\nwant %q", pd.String(), want)
			}
			var j bytes.Buffer
			if err := r.WriteJSON(&j); err != nil {
				t.Fatal(err)
			}
			if want := `"date_accuracy": ` + tc.dateAcc + ","; !strings.Contains(j.String(), want) {
				t.Errorf("JSON %s lacks %s", j.String(), want)
			}
		})
	}
}

func TestScoreQuotesAndActors(t *testing.T) {
	tests := []struct {
		name   string
		system string
		recall string // quote_recall, quote_attribution and actor_recall as JSON
	}{
		{
			name:   "no output",
			system: `{"doc": "other"}`,
			recall: `"quote_recall": 0.0, "quote_attribution": null, "actor_recall": 0.0`,
		},
		{
			name: "found by the first four words, attributed by key",
			system: `{"doc": "d1", "quotes": [{"text": "\u201cWe will NOT accept any threat,\u201d he said", "speaker": {"name": "Mr Lavrov", "country": "RUS"}},
				{"text": "at least 12 people", "speaker": {"name": "Rahman"}}]}`,
			recall: `"quote_recall": 0.5, "quote_attribution": 1.0, "actor_recall": 0.0`,
		},
		{
			name: "attributed by the speaker's last name",
			system: `{"id": "d1", "quotes": [{"text": "At least 12 civilians died in the raid", "speaker": {"name": "Abdel Rahman, the monitor's head"}},
				{"text": "we will not accept any", "speaker": {"actor": "Lavrov"}}]}`,
			recall: `"quote_recall": 1.0, "quote_attribution": 1.0, "actor_recall": 0.0`,
		},
		{
			name:   "the head may match inside a word; only the first matching quote is attributed",
			system: `{"doc": "d1", "quotes": [{"text": "Answer: owe will not accept it", "speaker": {"name": "Erdogan", "country": "TUR"}}, {"text": "we will not accept any", "speaker": {"country": "RUS"}}]}`,
			recall: `"quote_recall": 0.5, "quote_attribution": 0.0, "actor_recall": 0.0`,
		},
		{
			name: "actors from the actor list and from events of any mode",
			system: `{"doc": "d1", "actors": [{"name": "Observatory", "key": "SOHR"}, {"name": "Ankara", "country": "TUR"}],
				"events": [{"source": {"name": "United Nations"}, "target": {"name": "IS"}, "mode": "hypothetical"}]}`,
			recall: `"quote_recall": 0.0, "quote_attribution": null, "actor_recall": 0.8`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := scoreOf(t, goldArticle, strings.ReplaceAll(tc.system, "\n", ""))
			var j bytes.Buffer
			if err := r.WriteJSON(&j); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(j.String(), tc.recall) {
				t.Errorf("JSON %s lacks %s", j.String(), tc.recall)
			}
		})
	}
}

func TestWriteJSON(t *testing.T) {
	r := scoreOf(t, goldArticle, `{"doc": "d1", "events": [{"source": {"country": "RUS"}, "target": {"country": "TUR"}, "cameo": "13", "date": "2016-03-01"}, {"source": {"country": "RUS"}, "target": {"country": "USA"}, "cameo": "13"}]}`)
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	want := `{"root": {"precision": 0.5, "recall": 0.333, "f1": 0.4, "tp": 1, "fp": 1, "fn": 2}, ` +
		`"quad": {"precision": 0.5, "recall": 0.333, "f1": 0.4, "tp": 1, "fp": 1, "fn": 2}, ` +
		`"dyad": {"precision": 0.5, "recall": 0.333, "f1": 0.4, "tp": 1, "fp": 1, "fn": 2}, ` +
		`"date_accuracy": 1.0, "quote_recall": 0.0, "quote_attribution": null, "actor_recall": 0.4, ` +
		`"docs": {"gold": 1, "with_output": 1}}` + "\n"
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
	if c, ok := r.View(score.ViewRoot); !ok || c.TP != 1 || c.Recall != 0.333 {
		t.Errorf("View(root) = %+v, %v", c, ok)
	}
	if r.DateAccuracy != (score.Ratio{Value: 1, Hits: 1, Total: 1}) || r.QuoteAttribution.Defined() {
		t.Errorf("ratios: date %+v, attribution %+v", r.DateAccuracy, r.QuoteAttribution)
	}
	var text bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"root    0.500      0.333   0.400  1   1   2", "quote attribution  n/a", "actor recall       0.400  (2 of 5 gold actors found)"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text output lacks %q:\n%s", want, text.String())
		}
	}
}

func TestReadSystem(t *testing.T) {
	tests := []struct {
		name  string
		input string
		docs  int
		err   error
	}{
		{"empty", "", 0, nil},
		{"blank lines and CR line ends", "\r\n{\"doc\": \"a\"}\r{\"id\": \"b\"}\r\n  \t\n{\"doc\": \"a\"}", 2, nil},
		{"doc false falls back to id, both missing is None", `{"doc": "", "id": 3}` + "\n{}\n{\"doc\": null}", 2, nil},
		{"not JSON", "{\"doc\": \"a\"}\n{doc}", 0, score.ErrBadSystem},
		{"two values on a line", `{"doc": "a"} {"doc": "b"}`, 0, score.ErrBadSystem},
		{"not an object", `"a"`, 0, score.ErrBadSystem},
		{"invalid UTF-8", "{\"doc\": \"\xff\"}", 0, score.ErrBadSystem},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := score.ReadSystem(strings.NewReader(tc.input))
			if !errors.Is(err, tc.err) || (err != nil) != (tc.err != nil) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			if err == nil && s.Len() != tc.docs {
				t.Errorf("%d docs, want %d", s.Len(), tc.docs)
			}
		})
	}
}

func TestReadGold(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		docs  int
		err   error
	}{
		{"only .json files", map[string]string{"a.json": `{"id": "a", "events": []}`, "README": "x", "b.json.bak": "{"}, 1, nil},
		{"a repeated id keeps one place", map[string]string{"a.json": `{"id": "a", "events": []}`, "b.json": `{"id": "a", "events": []}`, "c.json": `{"id": 1, "events": []}`, "d.json": `{"id": 1.0, "events": []}`}, 2, nil},
		{"not JSON", map[string]string{"a.json": `{"id": "a",`}, 0, score.ErrBadGold},
		{"no id", map[string]string{"a.json": `{"events": []}`}, 0, score.ErrBadGold},
		{"an id that is an object", map[string]string{"a.json": `{"id": {}, "events": []}`}, 0, score.ErrBadGold},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := score.ReadGold(goldFS(tc.files))
			if !errors.Is(err, tc.err) || (err != nil) != (tc.err != nil) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
			if err == nil && g.Len() != tc.docs {
				t.Errorf("%d docs, want %d", g.Len(), tc.docs)
			}
		})
	}
}

func TestScoreErrors(t *testing.T) {
	tests := []struct {
		name, gold, system string
		err                error
	}{
		{"gold without events", `{"id": "a"}`, ``, score.ErrBadGold},
		{"system events null", `{"id": "a", "events": []}`, `{"doc": "a", "events": null}`, score.ErrBadSystem},
		{"system event a string", `{"id": "a", "events": []}`, `{"doc": "a", "events": ["e"]}`, score.ErrBadSystem},
		{"actor name a number", `{"id": "a", "events": []}`, `{"doc": "a", "actors": [{"name": 7}]}`, score.ErrBadSystem},
		{"actor code a list", `{"id": "a", "events": []}`, `{"doc": "a", "actors": [{"code": ["IGOUNO"]}]}`, score.ErrBadSystem},
		{"cameo a number", `{"id": "a", "events": []}`, `{"doc": "a", "events": [{"cameo": 42}]}`, score.ErrBadSystem},
		{"a bad line for another doc is not read", `{"id": "a", "events": []}`, `{"doc": "b", "events": null}`, nil},
		{"actors as a string key to None", `{"id": "a", "events": []}`, `{"doc": "a", "actors": "USA"}`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := score.ReadGold(goldFS(map[string]string{"a.json": tc.gold}))
			if err != nil {
				t.Fatal(err)
			}
			s, err := score.ReadSystem(strings.NewReader(tc.system))
			if err != nil {
				t.Fatal(err)
			}
			_, err = score.Score(g, s)
			if !errors.Is(err, tc.err) || (err != nil) != (tc.err != nil) {
				t.Fatalf("error %v, want %v", err, tc.err)
			}
		})
	}
}
