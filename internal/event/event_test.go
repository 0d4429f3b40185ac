package event_test

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/event"
	"github.com/dyad-project/dyad/internal/parse"
	"github.com/dyad-project/dyad/internal/segment"
)

// fixture is one hand-parsed sentence with the events it must give.
type fixture struct {
	name      string
	published string
	text      string // for parsed.txt: the sentence to parse
	line      int
	kind      dyad.SentenceKind
	tokens    []fixTok
	actors    []fixSpan
	times     []fixSpan
	places    []fixSpan
	want      []string
	misses    []string
}

type fixTok struct {
	form, lemma, upos, xpos, rel string
	head                         int
}

// fixSpan is an actor, time or place: the text it covers (with its
// occurrence) and its fields.
type fixSpan struct {
	text   string
	nth    int
	fields []string
}

func readFixtures(t *testing.T, path string) []*fixture {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []*fixture
	var cur *fixture
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if name, ok := strings.CutPrefix(line, "=== "); ok {
			cur = &fixture{name: name, line: n, kind: dyad.KindBody}
			out = append(out, cur)
			continue
		}
		if cur == nil {
			t.Fatalf("%s:%d: line outside a case", path, n)
		}
		key, rest, _ := strings.Cut(line, " ")
		switch key {
		case "kind":
			cur.kind = dyad.SentenceKind(rest)
		case "published":
			cur.published = rest
		case "actor", "time", "place":
			text, fields, ok := strings.Cut(rest, " = ")
			if !ok {
				t.Fatalf("%s:%d: want %s TEXT = FIELDS", path, n, key)
			}
			sp := fixSpan{text: text, nth: 1, fields: strings.Fields(fields)}
			if i := strings.LastIndex(text, "#"); i > 0 {
				sp.text = text[:i]
				sp.nth, _ = strconv.Atoi(text[i+1:])
			}
			switch key {
			case "actor":
				cur.actors = append(cur.actors, sp)
			case "time":
				cur.times = append(cur.times, sp)
			default:
				cur.places = append(cur.places, sp)
			}
		case "text":
			cur.text = rest
		case "want":
			cur.want = append(cur.want, rest)
		case "miss":
			cur.misses = append(cur.misses, rest)
		default:
			f := strings.Fields(line)
			if len(f) != 7 {
				t.Fatalf("%s:%d: a token line has 7 fields", path, n)
			}
			id, err1 := strconv.Atoi(f[0])
			head, err2 := strconv.Atoi(f[5])
			if err1 != nil || err2 != nil || id != len(cur.tokens)+1 {
				t.Fatalf("%s:%d: bad token id or head", path, n)
			}
			cur.tokens = append(cur.tokens, fixTok{form: f[1], lemma: f[2], upos: f[3], xpos: f[4], head: head, rel: f[6]})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// input builds the coder's input for a fixture: the text is the forms
// joined by spaces.
func (fx *fixture) input(t *testing.T) event.Input {
	t.Helper()
	var b strings.Builder
	s := dyad.Sentence{Kind: fx.kind}
	for i, tok := range fx.tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(tok.form)
		s.Tokens = append(s.Tokens, dyad.Token{Start: start, End: b.Len(), Text: tok.form, Norm: tok.form,
			SpaceAfter: true, UPOS: tok.upos, XPOS: tok.xpos, Lemma: tok.lemma, Head: tok.head - 1, Rel: tok.rel})
	}
	text := b.String()
	s.End, s.Text = len(text), text
	in := event.Input{Text: text, Published: fx.published, Sentences: []dyad.Sentence{s}}
	var ms event.MentionList
	for _, a := range fx.actors {
		start, end := locate(t, fx, text, a)
		ref := dyad.ActorRef{Name: a.text, Country: blank(a.fields[0]), Sector: blank(a.fields[1]), Code: a.fields[2],
			Text: a.text, Start: start, End: end}
		ms = append(ms, event.SentenceMention{Sentence: 0, MentionRef: event.MentionRef{Start: start, End: end, Actor: ref}})
	}
	in.Mentions = ms
	for _, x := range fx.times {
		start, end := locate(t, fx, text, x)
		te := dyad.TimeExpr{Start: start, End: end, Text: x.text, Date: x.fields[0], Rule: "fixture"}
		te.Since = len(x.fields) > 1 && x.fields[1] == "since"
		in.Times = append(in.Times, te)
	}
	for _, x := range fx.places {
		start, end := locate(t, fx, text, x)
		in.Places = append(in.Places, dyad.Place{Text: x.text, Name: x.fields[0], Start: start, End: end})
	}
	return in
}

func blank(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

// locate finds the nth occurrence of a span's text at word boundaries.
func locate(t *testing.T, fx *fixture, text string, sp fixSpan) (int, int) {
	t.Helper()
	from := 0
	for k := 0; ; {
		i := strings.Index(text[from:], sp.text)
		if i < 0 {
			t.Fatalf("case %q (line %d): %q (occurrence %d) is not in %q", fx.name, fx.line, sp.text, sp.nth, text)
		}
		start := from + i
		end := start + len(sp.text)
		from = start + 1
		if (start > 0 && isWordByte(text[start-1])) || (end < len(text) && isWordByte(text[end])) {
			continue
		}
		if k++; k == sp.nth {
			return start, end
		}
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// summary writes an event as the fixtures do. A fixture may give a root
// instead of a full code where the dictionary's finer choice is not the
// point; rootSummary writes the event that way.
func summary(ev dyad.Event) string { return summaryWith(ev, ev.CAMEO) }

func rootSummary(ev dyad.Event) string { return summaryWith(ev, ev.Root) }

func summaryWith(ev dyad.Event, code string) string {
	s := label(ev.Source) + ">"
	if ev.Target != nil {
		s += label(*ev.Target)
	}
	s += " " + code + " " + ev.Mode
	if ev.Date != nil {
		s += " date=" + *ev.Date
	}
	if ev.Place != nil {
		s += " place=" + ev.Place.Name
	}
	return s
}

func label(a dyad.ActorRef) string {
	if a.Country != "" {
		return a.Country + "/" + a.Sector
	}
	return a.Code
}

func TestPhenomena(t *testing.T) {
	c, err := event.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, fx := range readFixtures(t, "testdata/phenomena.txt") {
		t.Run(fx.name, func(t *testing.T) {
			evs, misses := c.Explain(fx.input(t))
			var got []string
			for _, ev := range evs {
				got = append(got, summary(ev))
			}
			sort.Strings(got)
			want := append([]string(nil), fx.want...)
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("line %d: events\n got: %q\nwant: %q\n%s", fx.line, got, want, explainText(evs, misses))
			}
			for _, m := range fx.misses {
				found := false
				for _, x := range misses {
					found = found || strings.Contains(x.Reason, m)
				}
				if !found {
					t.Errorf("line %d: no near miss saying %q\n%s", fx.line, m, explainText(evs, misses))
				}
			}
		})
	}
}

func explainText(evs []dyad.Event, misses []event.Miss) string {
	var b strings.Builder
	for _, ev := range evs {
		fmt.Fprintf(&b, "  %s %s:", ev.ID, summary(ev))
		for _, e := range ev.Evidence {
			fmt.Fprintf(&b, " [%s %q %s]", e.Role, e.Text, e.Entry)
		}
		b.WriteByte('\n')
	}
	for _, m := range misses {
		fmt.Fprintf(&b, "  miss %q: %s (%s)\n", m.Trigger.Text, m.Reason, m.Entry)
	}
	return b.String()
}

// BenchmarkCode codes the fixture sentences as one article.
func BenchmarkCode(b *testing.B) {
	c, err := event.Default()
	if err != nil {
		b.Fatal(err)
	}
	t := &testing.T{}
	var in event.Input
	var ms event.MentionList
	for _, fx := range readFixtures(t, "testdata/phenomena.txt") {
		one := fx.input(t)
		base := len(in.Text)
		if base > 0 {
			base++
			in.Text += " "
		}
		in.Text += one.Text
		s := one.Sentences[0]
		s.Start, s.End = s.Start+base, s.End+base
		for i := range s.Tokens {
			s.Tokens[i].Start += base
			s.Tokens[i].End += base
		}
		for _, m := range one.Mentions.In(0) {
			m.Start, m.End = m.Start+base, m.End+base
			ms = append(ms, event.SentenceMention{Sentence: len(in.Sentences), MentionRef: m})
		}
		for _, te := range one.Times {
			te.Start, te.End, te.Sentence = te.Start+base, te.End+base, len(in.Sentences)
			in.Times = append(in.Times, te)
		}
		in.Sentences = append(in.Sentences, s)
	}
	in.Mentions = ms
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Code(in)
	}
	b.ReportMetric(float64(b.N*len(in.Sentences))/b.Elapsed().Seconds(), "sentences/s")
}

// TestParsedSentences codes sentences parsed by the real parser. A parser
// makes mistakes, so the test asks for most sentences to come out right
// rather than all, and lists those that do not.
func TestParsedSentences(t *testing.T) {
	m, err := parse.Default()
	if err != nil {
		t.Skipf("skipping: no parser model: %v", err)
	}
	c, err := event.Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := readFixtures(t, "testdata/parsed.txt")
	right := 0
	for _, fx := range cases {
		in := fx.parsedInput(t, m)
		evs := c.Code(in)
		var got []string
		for _, ev := range evs {
			got = append(got, summary(ev))
			if r := rootSummary(ev); slices.Contains(fx.want, r) {
				got[len(got)-1] = r
			}
		}
		sort.Strings(got)
		want := append([]string(nil), fx.want...)
		sort.Strings(want)
		if strings.Join(got, "\n") == strings.Join(want, "\n") {
			right++
			continue
		}
		var tree strings.Builder
		for i, tok := range in.Sentences[0].Tokens {
			fmt.Fprintf(&tree, " %d:%s/%s>%d:%s", i, tok.Text, tok.XPOS, tok.Head, tok.Rel)
		}
		t.Logf("%q (line %d):\n got: %q\nwant: %q\nparse:%s", fx.name, fx.line, got, want, tree.String())
	}
	t.Logf("%d of %d sentences coded right", right, len(cases))
	if float64(right) < 0.7*float64(len(cases)) {
		t.Errorf("only %d of %d sentences coded right, want at least 70%%", right, len(cases))
	}
}

// parsedInput segments and parses the fixture's text.
func (fx *fixture) parsedInput(t *testing.T, m *parse.Model) event.Input {
	t.Helper()
	sents := segment.Text(fx.text)
	if len(sents) != 1 {
		t.Fatalf("case %q: %d sentences, want 1", fx.name, len(sents))
	}
	sents[0].Kind = fx.kind
	m.Annotate(&sents[0])
	in := event.Input{Text: fx.text, Published: fx.published, Sentences: sents}
	var ms event.MentionList
	for _, a := range fx.actors {
		start, end := locate(t, fx, fx.text, a)
		ref := dyad.ActorRef{Name: a.text, Country: blank(a.fields[0]), Sector: blank(a.fields[1]), Code: a.fields[2],
			Text: a.text, Start: start, End: end}
		ms = append(ms, event.SentenceMention{MentionRef: event.MentionRef{Start: start, End: end, Actor: ref}})
	}
	in.Mentions = ms
	for _, x := range fx.times {
		start, end := locate(t, fx, fx.text, x)
		in.Times = append(in.Times, dyad.TimeExpr{Start: start, End: end, Text: x.text, Date: x.fields[0], Rule: "fixture"})
	}
	for _, x := range fx.places {
		start, end := locate(t, fx, fx.text, x)
		in.Places = append(in.Places, dyad.Place{Text: x.text, Name: x.fields[0], Start: start, End: end})
	}
	return in
}
