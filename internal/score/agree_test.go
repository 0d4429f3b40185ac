package score_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/score"
	"github.com/dyad-project/dyad/internal/testutil"
)

// The agreement tests run shared/tools/score.py and this package on the same
// files and require byte-identical --json output and identical --per-doc
// lines. The system outputs are synthesised from the gold files themselves:
// a perfect output, an empty one, and seeded random perturbations that drop,
// add, re-mode, re-root, re-date and re-key events, drop and re-attribute
// quotes, drop actors, and spell fields every way score.py accepts.

// python returns the python3 interpreter and score.py, or skips.
func python(t *testing.T) (string, string) {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("skipping: python3 is not installed")
	}
	return py, testutil.Shared(t, "tools/score.py")
}

// driver runs score.py's main() for each (gold, system) pair it reads as a
// JSON array on stdin, once with --json and once with --per-doc, capturing
// what it prints; one Python process serves a whole test.
const driver = `import contextlib, importlib.util, io, json, sys
spec = importlib.util.spec_from_file_location("score", sys.argv[1])
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)
out = []
for gold, system in json.load(sys.stdin):
    res = {}
    for flag in ("--json", "--per-doc"):
        buf = io.StringIO()
        sys.argv = ["score.py", gold, system, flag]
        try:
            with contextlib.redirect_stdout(buf):
                score.main()
        except Exception as e:
            res["error"] = repr(e)
            break
        res[flag] = buf.getvalue()
    out.append(res)
json.dump(out, sys.stdout)
`

// pyResult is what score.py printed for one pair, or the exception it raised.
type pyResult struct {
	JSON   string `json:"--json"`
	PerDoc string `json:"--per-doc"`
	Error  string `json:"error"`
}

// runPython scores every pair with score.py.
func runPython(t *testing.T, pairs [][2]string) []pyResult {
	t.Helper()
	py, script := python(t)
	in, err := json.Marshal(pairs)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "-c", driver, script)
	cmd.Stdin = bytes.NewReader(in)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("running score.py: %v", err)
	}
	var res []pyResult
	if err := json.Unmarshal(out, &res); err != nil || len(res) != len(pairs) {
		t.Fatalf("score.py driver printed %d results for %d pairs (%v)", len(res), len(pairs), err)
	}
	return res
}

// runGo scores with this package and returns what score.py would print.
func runGo(gold, sys string) (jsonOut, perDoc string, err error) {
	g, err := score.LoadGold(gold)
	if err != nil {
		return "", "", err
	}
	f, err := os.Open(sys)
	if err != nil {
		return "", "", err
	}
	defer f.Close()
	s, err := score.ReadSystem(f)
	if err != nil {
		return "", "", err
	}
	r, err := score.Score(g, s)
	if err != nil {
		return "", "", err
	}
	var j, p bytes.Buffer
	if err := r.WriteJSON(&j); err != nil {
		return "", "", err
	}
	if err := r.WritePerDoc(&p); err != nil {
		return "", "", err
	}
	return j.String(), p.String(), nil
}

// agreement is one (gold, system) pair to score both ways.
type agreement struct {
	name      string
	gold, sys string
	check     func(t *testing.T, jsonOut string) // optional, on the Go output
}

// agree scores every pair both ways and fails on any difference: the
// --json line must be byte-identical and the --per-doc lines identical; where
// score.py raises an exception, Go must return an error.
func agree(t *testing.T, pairs []agreement) {
	t.Helper()
	in := make([][2]string, len(pairs))
	for i, p := range pairs {
		in[i] = [2]string{p.gold, p.sys}
	}
	py := runPython(t, in)
	for i, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			gj, gp, gerr := runGo(p.gold, p.sys)
			want := py[i]
			if want.Error != "" || gerr != nil {
				if want.Error == "" || gerr == nil {
					t.Fatalf("score.py error: %q; Go error: %v", want.Error, gerr)
				}
				return
			}
			if want.JSON != gj {
				t.Errorf("--json differs\npython: %sgo:     %s", want.JSON, gj)
			}
			// --per-doc prints the per-document lines, then the summary.
			if !strings.HasPrefix(want.PerDoc, gp) || strings.Count(gp, "\n") != strings.Count(want.PerDoc, "\n")-4 {
				t.Errorf("--per-doc differs\npython:\n%s\ngo:\n%s", want.PerDoc, gp)
			}
			if p.check != nil {
				p.check(t, gj)
			}
		})
	}
}

// goldDoc is the part of a gold file the synthesis reads.
type goldDoc struct {
	ID     string           `json:"id"`
	Actors []map[string]any `json:"actors"`
	Quotes []map[string]any `json:"quotes"`
	Events []map[string]any `json:"events"`
}

func readGoldDocs(t testing.TB, dir string) []goldDoc {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files in %s (%v)", dir, err)
	}
	var docs []goldDoc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var d goldDoc
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		docs = append(docs, d)
	}
	return docs
}

func str(v any) string { s, _ := v.(string); return s }

func isISO3(s string) bool {
	return len(s) == 3 && strings.ToUpper(s) == s && strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// synth builds system outputs from gold articles. With p == nil it builds
// the perfect output; otherwise every choice is drawn from p.
type synth struct {
	p *rand.Rand
}

// chance reports true with probability x (never in the perfect output).
func (s synth) chance(x float64) bool { return s.p != nil && s.p.Float64() < x }

func (s synth) pick(n int) int {
	if s.p == nil {
		return 0
	}
	return s.p.IntN(n)
}

// actor spells an actor with the given gold key and name in one of the ways
// score.py keys it.
func (s synth) actor(key, name, sector string) map[string]any {
	if isISO3(key) {
		switch s.pick(5) {
		case 1:
			return map[string]any{"name": name, "country": key, "sector": sector, "code": key + sector}
		case 2:
			return map[string]any{"key": key, "name": name}
		case 3:
			return map[string]any{"name": name} // keyed by name: a miss
		case 4:
			return map[string]any{"name": name, "country": strings.ToLower(key)} // not ISO3: a miss
		}
		return map[string]any{"name": name, "country": key}
	}
	switch s.pick(6) {
	case 1:
		return map[string]any{"key": strings.ToLower(key)}
	case 2:
		return map[string]any{"actor": "The " + name}
	case 3:
		return map[string]any{"text": "  " + strings.ToUpper(name) + "\u00a0", "country": ""}
	case 4:
		if key == "UN" {
			return map[string]any{"code": "IGOUNOSEC", "name": "whoever"}
		}
		return map[string]any{"name": strings.ReplaceAll(name, "'", "\u2019"), "country": nil}
	case 5:
		return map[string]any{"name": "so-called " + name, "code": ""}
	}
	return map[string]any{"name": name, "country": ""}
}

var roots = []string{"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"}

func (s synth) event(e map[string]any) map[string]any {
	out := map[string]any{
		"source": s.actor(str(e["source_key"]), str(e["source_name"]), str(e["source_sector"])),
		"target": s.actor(str(e["target_key"]), str(e["target_name"]), str(e["target_sector"])),
		"cameo":  e["cameo"],
		"root":   e["cameo_root"],
		"mode":   "asserted",
		"date":   e["date"],
	}
	switch s.pick(5) {
	case 1:
		delete(out, "root")
		out["cameo_root"] = e["cameo_root"]
	case 2:
		delete(out, "root") // root from the code
	case 3:
		delete(out, "mode") // a missing mode is asserted
	}
	if s.chance(0.15) {
		out["mode"] = []string{"hypothetical", "negated", "future", ""}[s.p.IntN(4)]
	}
	if s.chance(0.15) {
		r := roots[s.p.IntN(len(roots))]
		out["root"], out["cameo"] = r, r+"1"
	}
	if s.chance(0.1) {
		out["source"], out["target"] = out["target"], out["source"]
	}
	if s.chance(0.1) {
		out["target"] = nil
	}
	if s.chance(0.2) {
		out["date"] = []any{nil, "2015-01-01", "2016-03-14", 2015}[s.p.IntN(4)]
	}
	return out
}

// output synthesises one system line for a gold article.
func (s synth) output(d goldDoc) map[string]any {
	var events, quotes, actors []any
	for _, e := range d.Events {
		opt, _ := e["optional"].(bool)
		if opt && !s.chance(0.5) {
			continue
		}
		if s.chance(0.2) {
			continue
		}
		events = append(events, s.event(e))
		if s.chance(0.1) { // a duplicate
			events = append(events, s.event(e))
		}
	}
	if s.p != nil {
		for range s.p.IntN(4) { // extra events between the article's actors
			a, b := d.Actors[s.p.IntN(len(d.Actors))], d.Actors[s.p.IntN(len(d.Actors))]
			r := roots[s.p.IntN(len(roots))]
			events = append(events, map[string]any{
				"source": s.actor(str(a["key"]), str(a["name"]), str(a["sector"])),
				"target": s.actor(str(b["key"]), str(b["name"]), str(b["sector"])),
				"cameo":  r, "mode": "asserted",
			})
		}
		s.p.Shuffle(len(events), func(i, j int) { events[i], events[j] = events[j], events[i] })
	}
	for _, q := range d.Quotes {
		if s.chance(0.2) {
			continue
		}
		text := str(q["starts_with"]) + " and so on, he said."
		if s.chance(0.15) {
			text = "Moreover, " + strings.ToUpper(text)
		}
		if s.chance(0.1) {
			text = strings.Join(strings.Fields(str(q["starts_with"]))[1:], " ")
		}
		var speaker any = map[string]any{"name": q["speaker"], "country": q["speaker_key"]}
		switch {
		case s.chance(0.1):
			speaker = nil
		case s.chance(0.1):
			speaker = map[string]any{"name": "Spokesman " + lastWord(str(q["speaker"]))}
		case s.chance(0.1):
			speaker = map[string]any{"actor": "someone else"}
		}
		quotes = append(quotes, map[string]any{"text": text, "speaker": speaker})
	}
	for _, a := range d.Actors {
		if s.chance(0.3) {
			continue
		}
		actors = append(actors, s.actor(str(a["key"]), str(a["name"]), str(a["sector"])))
	}
	out := map[string]any{"doc": d.ID, "events": events, "quotes": quotes, "actors": actors}
	if s.chance(0.2) {
		delete(out, "doc")
		out["id"] = d.ID
	}
	return out
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func writeLines(t testing.TB, path string, lines []map[string]any) {
	t.Helper()
	var b bytes.Buffer
	for _, l := range lines {
		j, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(j)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestAgreeSeeds(t *testing.T) {
	seeds := filepath.Dir(testutil.Shared(t, "seeds/gold"))
	python(t)
	docs := readGoldDocs(t, filepath.Join(seeds, "gold"))
	dir := t.TempDir()
	var pairs []agreement

	var lines []map[string]any
	for _, d := range docs {
		lines = append(lines, synth{}.output(d))
	}
	path := filepath.Join(dir, "perfect.jsonl")
	writeLines(t, path, lines)
	pairs = append(pairs, agreement{name: "perfect", gold: seeds, sys: path, check: func(t *testing.T, got string) {
		for _, want := range []string{`"root": {"precision": 1.0, "recall": 1.0, "f1": 1.0`, `"date_accuracy": 1.0`,
			`"quote_recall": 1.0`, `"quote_attribution": 1.0`, `"actor_recall": 1.0`} {
			if !strings.Contains(got, want) {
				t.Errorf("the perfect output does not score perfectly (no %s): %s", want, got)
			}
		}
	}})

	path = filepath.Join(dir, "empty.jsonl")
	if err := os.WriteFile(path, []byte("\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pairs = append(pairs, agreement{name: "empty", gold: filepath.Join(seeds, "gold"), sys: path,
		check: func(t *testing.T, got string) {
			if !strings.Contains(got, `"date_accuracy": null`) || !strings.Contains(got, `"with_output": 0}`) {
				t.Errorf("empty output: %s", got)
			}
		}})

	for seed := range uint64(16) {
		s := synth{p: rand.New(rand.NewPCG(seed, 7))}
		var lines []map[string]any
		for _, d := range docs {
			if s.chance(0.1) {
				continue // an article without output
			}
			lines = append(lines, s.output(d))
		}
		lines = append(lines, map[string]any{"doc": "not-in-gold", "events": []any{}})
		path := filepath.Join(dir, fmt.Sprintf("random%d.jsonl", seed))
		writeLines(t, path, lines)
		pairs = append(pairs, agreement{name: fmt.Sprintf("random%d", seed), gold: seeds, sys: path})
	}
	agree(t, pairs)
}

// TestAgreeEdgeCases runs both scorers on hand-written gold and output that
// exercise the corners of score.py: curly quotes, final sigma and Turkish
// dotted I in names, white space runs, ids of other types, null and numeric
// fields, duplicate lines and ids, optional-only articles, and inputs that
// make score.py fail (where Go must fail too).
func TestAgreeEdgeCases(t *testing.T) {
	python(t)
	gold := map[string]string{
		"a.json": `{"id": "a", "actors": [
			{"name": "Syrian Observatory for Human Rights", "key": "SOHR", "mentions": ["the Observatory", "SOHR"]},
			{"name": "ΟΔΥΣΣΕΑΣ", "key": "GRC"},
			{"name": "İstanbul Bar", "key": "ibar", "mentions": ["  the   bar\u2019s  council "]},
			{"name": "Ministry", "key": null},
			{"name": "Kurdish militia", "key": "YPG"}],
		  "quotes": [
			{"speaker": "Rami Abdel Rahman", "speaker_key": "SOHR", "starts_with": "\u201cWe counted 40 bodies"},
			{"speaker": "", "speaker_key": null, "starts_with": "No one was hurt"},
			{"speaker": "Anna Kovacs", "speaker_key": "HUN", "starts_with": "..."}],
		  "events": [
			{"source_key": "SOHR", "target_key": "SYR", "cameo_root": "11", "date": "2016-02-01"},
			{"source_key": "SYR", "target_key": "YPG", "cameo_root": "19", "date": "2016-02-01", "optional": false},
			{"source_key": "SYR", "target_key": "YPG", "cameo_root": "09", "optional": true},
			{"source_key": "GRC", "target_key": null, "cameo_root": 4, "date": "2016-02-02"},
			{"source_key": "IBAR", "target_key": "TUR", "cameo_root": "11", "optional": "no"}]}`,
		"b.json": `{"id": 7, "actors": [], "quotes": [], "events": [
			{"source_key": 1, "target_key": true, "cameo_root": "01"},
			{"source_key": 1.0, "target_key": 1, "cameo_root": "01"}]}`,
		"c.json": `{"id": "c", "events": [{"source_key": "USA", "target_key": "RUS", "cameo_root": "04", "optional": true}]}`,
		"e.json": `{"id": "e", "actors": []}`,
		"f.json": `{"id": ["f"], "events": []}`,
		"d.json": `{"id": "a", "actors": [{"name": "Syrian Observatory for Human Rights", "key": "SOHR"}],
		  "events": [{"source_key": "SOHR", "target_key": "SYR", "cameo_root": "11", "date": "2016-02-01"}]}`,
	}
	cases := []struct {
		name  string
		gold  []string // files of gold to use
		lines string
	}{
		{"aliases and unicode", []string{"a.json", "b.json", "c.json"}, jsonl(t, `
{"doc": "a", "events": [
  {"source": {"name": "The Observatory"}, "target": {"country": "SYR"}, "cameo": "112", "date": "2016-02-01"},
  {"source": {"name": "Syria", "country": "SYR"}, "target": {"name": "People\u2019s Protection Units"}, "root": 19, "date": "2016-02-01"},
  {"source": {"name": "Syria", "country": "SYR"}, "target": {"name": "YPG"}, "cameo_root": "19", "mode": null, "date": "2016-02-01"},
  {"source": {"name": "Syria", "country": "SYR"}, "target": {"name": "YPG"}, "cameo": "090", "mode": "asserted"},
  {"source": {"name": "Syria", "country": "SYR"}, "target": {"name": "YPG"}, "cameo": "073", "mode": "asserted"},
  {"source": {"name": "ΟΔΥΣΣΕΑΣ", "country": "grc"}, "target": null, "cameo": "4"},
  {"source": {"name": "\u00a0the\u2003bar's   council"}, "target": {"country": "TUR"}, "cameo": "11"},
  {"source": {"name": "Odysseas", "key": "grc"}, "target": {"text": "ΣΑΣ ΣΑ"}, "cameo": ["1", "2"]},
  {"source": {"name": "x"}, "target": {"name": "y"}, "cameo": "", "mode": "hypothetical"}],
 "quotes": [
  {"text": "We counted 40 bodies in the rubble, the Observatory said", "speaker": {"name": "the Observatory"}},
  {"text": "\"we counted 40 bodies\"", "speaker": {"name": "Rahman"}},
  {"text": "No one was hurt.", "speaker": null}],
 "actors": [{"name": "Kurdish militia"}, {"code": "IGOUNOSEC"}, "stray string", null]}

{"doc": 7, "events": [{"source": {"key": "1"}, "target": {"key": "True"}, "root": "01"}]}

{"id": "c", "doc": "", "events": [{"source": {"country": "USA"}, "target": {"country": "RUS"}, "cameo": "042"}]}

{"doc": "c", "events": [{"source": {"country": "USA"}, "target": {"country": "RUS"}, "cameo": "042"}, {"source": {"country": "USA"}, "target": {"country": "RUS"}, "cameo": "04", "mode": "asserted"}]}`)},
		{"repeated ids", []string{"a.json", "c.json", "d.json"}, "{\"doc\": \"c\", \"events\": []}\r\n" +
			"{\"doc\": \"c\", \"events\": [{\"source\": {\"country\": \"USA\"}, \"target\": {\"country\": \"RUS\"}, \"root\": \"04\"}, {\"source\": {\"country\": \"RUS\"}, \"target\": {\"country\": \"USA\"}, \"root\": \"04\"}]}\r" +
			"  \u2003 \n{\"doc\": \"a\", \"events\": {}, \"quotes\": \"\", \"actors\": \"SYR\"}\n"},
		{"events null", []string{"a.json"}, `{"doc": "a", "events": null}`},
		{"event not an object", []string{"a.json"}, `{"doc": "a", "events": ["x"]}`},
		{"name a number", []string{"a.json"}, `{"doc": "a", "events": [{"source": {"name": 5}, "mode": "asserted"}]}`},
		{"line not an object", []string{"a.json"}, `["a"]`},
		{"bad line outside the gold", []string{"c.json"}, "{\"doc\": \"zz\", \"events\": null}\n{\"doc\": \"c\"}\n"},
		{"quotes not a list", []string{"a.json"}, `{"doc": "a", "quotes": 3}`},
		{"speaker a string", []string{"a.json"}, `{"doc": "a", "quotes": [{"text": "no one was hurt", "speaker": "Smith"}]}`},
		{"speaker a string for a named speaker", []string{"a.json"}, `{"doc": "a", "quotes": [{"text": "We counted 40 bodies", "speaker": "Smith"}]}`},
		{"gold without events", []string{"e.json"}, `{"doc": "e"}`},
		{"gold id a list", []string{"f.json"}, `{"doc": "e"}`},
	}
	var pairs []agreement
	for i, tc := range cases {
		dir := filepath.Join(t.TempDir(), strconv.Itoa(i))
		gdir := filepath.Join(dir, "gold")
		if err := os.MkdirAll(gdir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range tc.gold {
			if err := os.WriteFile(filepath.Join(gdir, f), []byte(gold[f]), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		sys := filepath.Join(dir, "sys.jsonl")
		if err := os.WriteFile(sys, []byte(tc.lines), 0o644); err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, agreement{name: tc.name, gold: dir, sys: sys})
	}
	agree(t, pairs)
}

// jsonl compacts each of the blank-line separated JSON records onto one line.
func jsonl(t *testing.T, records string) string {
	t.Helper()
	var b bytes.Buffer
	for _, r := range strings.Split(strings.TrimSpace(records), "\n\n") {
		if err := json.Compact(&b, []byte(r)); err != nil {
			t.Fatalf("bad test record %s: %v", r, err)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestAgreeRounding checks round3 and Python's float repr through the
// scorer: for every precision tp/(tp+fp) with up to 300 system events the
// JSON must match what Python prints for round(tp/(tp+fp), 3).
func TestAgreeRounding(t *testing.T) {
	py, _ := python(t)
	var fracs [][2]int
	for d := 1; d <= 300; d++ {
		for n := 0; n <= d; n++ {
			fracs = append(fracs, [2]int{n, d})
		}
	}
	var in bytes.Buffer
	for _, f := range fracs {
		fmt.Fprintf(&in, "%d %d\n", f[0], f[1])
	}
	cmd := exec.Command(py, "-c", `import sys
for line in sys.stdin:
    n, d = map(int, line.split())
    p = n / d
    r = n / d
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(repr(round(p, 3)), repr(round(f, 3)), repr(round(n / d * 0.5, 3)))`)
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(want) != len(fracs) {
		t.Fatalf("python printed %d lines for %d fractions", len(want), len(fracs))
	}
	bad := 0
	for i, f := range fracs {
		got := score.FormatRatioForTest(f[0], f[1])
		if got != want[i] && bad < 10 {
			bad++
			t.Errorf("%d/%d: got %q, python %q", f[0], f[1], got, want[i])
		}
	}
}
