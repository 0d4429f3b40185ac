package quote_test

import (
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/quote"
)

func TestFindMarks(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"straight double", `The minister said "we will not retreat" on Monday.`, []string{"we will not retreat"}},
		{"curly double", "“We are ready,” the envoy said.", []string{"We are ready,"}},
		{"straight single", "The general said the town was 'fully secured' by dawn.", []string{"fully secured"}},
		{"curly single with apostrophes", "‘If Moscow’s plan fails, we don’t have a choice,’ he said.", []string{"If Moscow’s plan fails, we don’t have a choice,"}},
		{"apostrophes only", "The countries' leaders met at Assad's palace and didn't agree; the rebels’ claims’ weight grew.", nil},
		{"plural possessive inside single", "‘The rebels’ demands are not acceptable,’ the minister said.", []string{"The rebels’ demands are not acceptable,"}},
		{"plural possessive closing", "He called them 'the protesters'.", []string{"the protesters"}},
		{"plural possessive is the close", "The aid went to ‘the neediest villages’ in the north.", []string{"the neediest villages"}},
		{"guillemets", "Le ministre a dit « nous sommes prêts » hier.", []string{"nous sommes prêts"}},
		{"nested single inside double", `"He told me 'go home' and left," she said.`, []string{"He told me 'go home' and left,"}},
		{"curly open straight close", "“We will meet in Geneva,\" the envoy said.", []string{"We will meet in Geneva,"}},
		{"two quotes in a line", `"It need not be on day one," he added. "There is a process."`, []string{"It need not be on day one,", "There is a process."}},
		{"across paragraphs", "“The first part of the statement.\n\n“The second part,” he said.", []string{"The first part of the statement.", "The second part,"}},
		{"single across paragraphs", "‘The first part.\n\n‘The second part,’ he said.", []string{"The first part.", "The second part,"}},
		{"unclosed double runs to the line end", "The statement read: \"We reject the plan entirely.\n\nOfficials declined to comment.", []string{"We reject the plan entirely."}},
		{"unclosed single is no quote", "Rock 'n' roll and the '90s were loud, and 'em too.", nil},
		{"headline in single quotes", "'We will not back down'\n\nThe president spoke on Friday.", []string{"We will not back down"}},
		{"inch and foot marks", `The 12" pipe ran along a 5' wall.`, nil},
		{"after a dash", `The motto—"never again"—was painted on the wall.`, []string{"never again"}},
		{"scare quote", "The so-called “moderates” withdrew from the talks.", []string{"moderates"}},
		{"ellipsis and dash inside", "“How long … that’s a decision – for later,” he said.", []string{"How long … that’s a decision – for later,"}},
		{"empty marks", `He wrote "" and "." on the board.`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quote.Find(tt.text, nil, nil)
			var texts []string
			for _, q := range got {
				texts = append(texts, q.Text)
				if tt.text[q.Start:q.End] != q.Text {
					t.Errorf("span [%d,%d) = %q, text %q", q.Start, q.End, tt.text[q.Start:q.End], q.Text)
				}
			}
			if strings.Join(texts, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Find(%q) = %q, want %q", tt.text, texts, tt.want)
			}
		})
	}
}

func TestFindSpeakers(t *testing.T) {
	kerry := person("John Kerry", "USA", "John Kerry", "Kerry")
	lavrov := person("Sergei Lavrov", "RUS", "Sergei Lavrov", "Lavrov")
	assad := person("Bashar al-Assad", "SYR", "President Bashar al-Assad", "Assad")
	type want struct {
		prefix  string // the quote's first words
		speaker string // the speaker's name, "" for none
		verb    string
	}
	tests := []struct {
		name   string
		text   string
		actors []actorSpec
		want   []want
	}{
		{"name after verb", "“We are ready to talk,” said Lavrov.", []actorSpec{lavrov},
			[]want{{"We are ready", "Sergei Lavrov", "said"}}},
		{"name before verb", `"The ceasefire must hold," Kerry said.`, []actorSpec{kerry},
			[]want{{"The ceasefire", "John Kerry", "said"}}},
		{"verb and colon", `Kerry said: "The ceasefire must hold."`, []actorSpec{kerry},
			[]want{{"The ceasefire", "John Kerry", "said"}}},
		{"verb and comma", `Kerry said, "The ceasefire must hold."`, []actorSpec{kerry},
			[]want{{"The ceasefire", "John Kerry", "said"}}},
		{"responded", "Kerry responded: ‘If the regime thinks it can win, it is wrong.’", []actorSpec{kerry},
			[]want{{"If the regime", "John Kerry", "responded"}}},
		{"pronoun after a subject", "Kerry met Lavrov in Moscow.\n\n\"We made progress,\" he added.", []actorSpec{kerry, lavrov},
			[]want{{"We made progress", "John Kerry", "added"}}},
		{"pronoun skips names inside quotes", "“Lavrov and I agree,” Kerry said.\n\n“It is up to Assad now,” he added.", []actorSpec{kerry, lavrov, assad},
			[]want{{"Lavrov and I", "John Kerry", "said"}, {"It is up", "John Kerry", "added"}}},
		{"pronoun skips objects", "Kerry has warned President Bashar al-Assad that the truce is fragile.\n\nHe added there would be ‘repercussions’ if it failed.", []actorSpec{kerry, assad},
			[]want{{"repercussions", "John Kerry", "added"}}},
		{"continuation paragraph", "\"The first round went well,\" Kerry said.\n\n\"The second will be harder.\"", []actorSpec{kerry},
			[]want{{"The first round", "John Kerry", "said"}, {"The second will", "John Kerry", ""}}},
		{"according to after", "The plan was 'dead on arrival', according to Lavrov.", []actorSpec{lavrov},
			[]want{{"dead on arrival", "Sergei Lavrov", "according to"}}},
		{"according to before", "The rebels will keep fighting, according to Kerry's reasoning, 'as long as Assad is there'.", []actorSpec{kerry, assad},
			[]want{{"as long as", "John Kerry", "according to"}}},
		{"interview names the medium", "Assad spoke at length.\n\n\"We have no objection,\" he said in an interview with Al Jazeera.",
			[]actorSpec{assad, org("Al Jazeera", "QAT", "Al Jazeera")},
			[]want{{"We have no", "Bashar al-Assad", "said"}}},
		{"inverted verb names the medium", "\"We have no objection,\" said an official in an interview with Al Jazeera.",
			[]actorSpec{org("Al Jazeera", "QAT", "Al Jazeera")},
			[]want{{"We have no", "", "said"}}},
		{"told reporters", "Lavrov told reporters that the truce would be extended ‘in the next few hours’.", []actorSpec{lavrov},
			[]want{{"in the next", "Sergei Lavrov", "told"}}},
		{"title and name after", `"We will leave it at that," Pentagon spokesman Peter Cook told a news briefing, according to Reuters.`,
			[]actorSpec{person("Peter Cook", "USA", "Peter Cook"), org("Pentagon", "USA", "Pentagon"), org("Reuters", "GBR", "Reuters")},
			[]want{{"We will leave", "Peter Cook", "told"}}},
		{"apposition after", `"We will leave it at that," Peter Cook, a Pentagon spokesman, said.`,
			[]actorSpec{person("Peter Cook", "USA", "Peter Cook"), org("Pentagon", "USA", "Pentagon")},
			[]want{{"We will leave", "Peter Cook", "said"}}},
		{"statement by a group", `"The aim is a state without the dictator," a joint statement released by the groups said.`,
			[]actorSpec{org("Syrian opposition groups", "SYR", "the groups")},
			[]want{{"The aim is", "Syrian opposition groups", "said"}}},
		{"statement by an unknown group", `"The aim is a state without the dictator," a joint statement released by the groups said.`, nil,
			[]want{{"The aim is", "", "said"}}},
		{"relative who", `The minister met Abdullah bin Zayed, who said the burden was heavy, "a huge burden for a small country."`,
			[]actorSpec{person("Abdullah bin Zayed", "ARE", "Abdullah bin Zayed")},
			[]want{{"a huge burden", "Abdullah bin Zayed", "said"}}},
		{"relative clause before the verb", `Hammond, who on September 9 said Britain could wait, said the ruler must go "but the timing is open."`,
			[]actorSpec{person("Philip Hammond", "GBR", "Hammond"), org("Britain", "GBR", "Britain")},
			[]want{{"but the timing", "Philip Hammond", "said"}}},
		{"second verb after but", `Assad said his government would not object, but said "states which backed terrorism will fight it."`,
			[]actorSpec{assad}, []want{{"states which backed", "Bashar al-Assad", "said"}}},
		{"second verb after an earlier quote", `A Kremlin spokesman said Moscow had "no objection" to the talks, but warned against "attempts by outside powers."`,
			[]actorSpec{org("Kremlin", "RUS", "Kremlin spokesman"), org("Russian government", "RUS", "Moscow")},
			[]want{{"no objection", "Kremlin", "said"}, {"attempts by outside", "Kremlin", "warned"}}},
		{"a label put on something", `Ministry spokeswoman Yelena Markova called the expulsions "another provocation" on Thursday.`,
			[]actorSpec{person("Yelena Markova", "RUS", "Ministry spokeswoman Yelena Markova")},
			[]want{{"another provocation", "Yelena Markova", "called"}}},
		{"a noun with a verb's form", `Iran's spokesman, Reza Karimi, dismissed the warning as "political blackmail".`,
			[]actorSpec{person("Reza Karimi", "IRN", "Reza Karimi"), org("Iran", "IRN", "Iran")},
			[]want{{"political blackmail", "Reza Karimi", "dismissed"}}},
		{"verb after and with an opening phrase", "During his speech, Kerry praised the troops and said “this will not be won from the air.”",
			[]actorSpec{kerry}, []want{{"this will not", "John Kerry", "said"}}},
		{"headline speech act", "Kerry threatens Assad with ‘total destruction of the ceasefire’", []actorSpec{kerry, assad},
			[]want{{"total destruction", "John Kerry", "threatens"}}},
		{"headline quote attributed below", "'We will not back down'\n\nPresident Erdogan said on Friday that Turkey would keep its troops in Syria.",
			[]actorSpec{person("Recep Tayyip Erdogan", "TUR", "President Erdogan"), org("Turkey", "TUR", "Turkey")},
			[]want{{"We will not", "Recep Tayyip Erdogan", ""}}},
		{"pull quote", "\"We're prepared to negotiate,\" Kerry said.\n\nOfficials say talks could start soon.\n\n'We're prepared to negotiate. Is anyone else?'",
			[]actorSpec{kerry}, []want{{"We're prepared", "John Kerry", "said"}, {"We're prepared", "John Kerry", ""}}},
		{"after a reporting sentence", `Kerry said he had no timetable. "I just know the people have spoken."`, []actorSpec{kerry},
			[]want{{"I just know", "John Kerry", ""}}},
		{"a reporting sentence does not reach into the next", `Kerry said he had no timetable. "We will see," Lavrov added.`, []actorSpec{kerry, lavrov},
			[]want{{"We will see", "Sergei Lavrov", "added"}}},
		{"split quote", "Kerry spoke to reporters.\n\n\"It need not be on day one,\" he added. \"There is a process.\"", []actorSpec{kerry},
			[]want{{"It need not", "John Kerry", "added"}, {"There is a", "John Kerry", ""}}},
		{"interrupted quote", `"We are ready," Lavrov said, "to extend the truce."`, []actorSpec{lavrov},
			[]want{{"We are ready", "Sergei Lavrov", "said"}, {"to extend the", "Sergei Lavrov", "said"}}},
		{"scare quote has no speaker", "Kerry said the two sides reached “common ground” on Syria.\n\nThe sides found \"common ground\" in Vienna.", []actorSpec{kerry, lavrov},
			[]want{{"common ground", "John Kerry", "said"}, {"common ground", "", ""}}},
		{"participle with an agent reports nothing", "Lavrov said a truce declared by the army could reach Aleppo ‘in the next few hours’.", []actorSpec{lavrov, org("Syrian army", "SYR", "the army")},
			[]want{{"in the next", "Sergei Lavrov", "said"}}},
		{"unknown speaker keeps the verb", "Officials said the plan was 'dead on arrival'.", nil,
			[]want{{"dead on arrival", "", "said"}}},
		{"speech act verb", "Kerry warned that there would be 'repercussions' if the truce failed.", []actorSpec{kerry},
			[]want{{"repercussions", "John Kerry", "warned"}}},
		{"quote across paragraphs shares its speaker", "“We are ready to talk,” Lavrov said. “But the shelling must stop.\n\n“Only then can a truce hold.”",
			[]actorSpec{lavrov}, []want{{"We are ready", "Sergei Lavrov", "said"}, {"But the shelling", "Sergei Lavrov", ""}, {"Only then can", "Sergei Lavrov", ""}}},
		{"they resolves to a group", "The rebels issued a statement on Monday.\n\n\"We will not withdraw,\" they said.",
			[]actorSpec{org("Syrian rebels", "SYR", "The rebels")}, []want{{"We will not", "Syrian rebels", "said"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			actors := knownActors(tt.text, tt.actors...)
			got := quote.Find(tt.text, splitSentences(tt.text), quote.NewActorIndex(actors))
			if len(got) != len(tt.want) {
				t.Fatalf("Find = %s, want %d quotes", show(got), len(tt.want))
			}
			for i, w := range tt.want {
				q := got[i]
				name := ""
				if q.Speaker != nil {
					name = q.Speaker.Name
				}
				if !strings.HasPrefix(q.Text, w.prefix) || name != w.speaker || q.Verb != w.verb {
					t.Errorf("quote %d = %q by %q (%q), want %q... by %q (%q)", i, q.Text, name, q.Verb, w.prefix, w.speaker, w.verb)
				}
				if q.Speaker != nil && tt.text[q.Speaker.Start:q.Speaker.End] != q.Speaker.Text {
					t.Errorf("speaker span [%d,%d) is not %q", q.Speaker.Start, q.Speaker.End, q.Speaker.Text)
				}
			}
		})
	}
}

func TestFindSentences(t *testing.T) {
	text := "Kerry met Lavrov.\n\nLavrov arrived late. \"We are ready,\" he said."
	sents := []dyad.Sentence{
		{Start: 0, End: 17, Kind: dyad.KindHeadline},
		{Start: 19, End: 39, Kind: dyad.KindBody},
		{Start: 40, End: len(text), Kind: dyad.KindBody},
	}
	actors := knownActors(text, person("John Kerry", "USA", "Kerry"), person("Sergei Lavrov", "RUS", "Lavrov"))
	got := quote.Find(text, sents, quote.NewActorIndex(actors))
	if len(got) != 1 {
		t.Fatalf("Find = %s, want one quote", show(got))
	}
	if got[0].Sentence != 2 || got[0].Speaker == nil || got[0].Speaker.Name != "Sergei Lavrov" || got[0].Speaker.Text != "he" {
		t.Errorf("got %s, want sentence 2 and Lavrov as \"he\"", show(got))
	}
	sents[2].Kind = dyad.KindBoilerplate
	if got := quote.Find(text, sents, nil); len(got) != 0 {
		t.Errorf("quote in boilerplate kept: %s", show(got))
	}
}

func TestActorIndex(t *testing.T) {
	actors := []dyad.Actor{
		{Name: "John Kerry", Type: dyad.TypePerson, Mentions: []dyad.Mention{{Start: 0, End: 32}, {Start: 100, End: 105}}},
		{Name: "United States", Type: dyad.TypeState, Mentions: []dyad.Mention{{Start: 0, End: 2}, {Start: 60, End: 62}}},
	}
	x := quote.NewActorIndex(actors)
	tests := []struct {
		name       string
		start, end int
		want       string
	}{
		{"longest overlapping", 0, 2, "John Kerry"},
		{"inside", 27, 32, "John Kerry"},
		{"alone", 60, 62, "United States"},
		{"none", 40, 50, ""},
		{"partial overlap", 104, 110, "John Kerry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ref, ok := x.ActorAt(tt.start, tt.end)
			if ok != (tt.want != "") || ref.Name != tt.want {
				t.Errorf("ActorAt(%d, %d) = %q, %v; want %q", tt.start, tt.end, ref.Name, ok, tt.want)
			}
		})
	}
	if ref, ok := x.Nearest(99, false); !ok || ref.Name != "United States" {
		t.Errorf("Nearest(99, false) = %q, want United States", ref.Name)
	}
	if ref, ok := x.Nearest(99, true); !ok || ref.Name != "John Kerry" || ref.Start != 0 {
		t.Errorf("Nearest(99, true) = %q at %d, want John Kerry at 0", ref.Name, ref.Start)
	}
	if _, ok := x.Nearest(1, false); ok {
		t.Error("Nearest(1) found a mention that ends after 1")
	}
}

func TestSpeechActs(t *testing.T) {
	tests := []struct {
		verb  string
		lemma string
		act   bool
	}{
		{"warned", "warn", true},
		{"Urged", "urge", true},
		{"threatens", "threaten", true},
		{"accused", "accuse", true},
		{"demanded", "demand", true},
		{"promised", "promise", true},
		{"said", "say", false},
		{"told", "tell", false},
		{"according to", "", false},
		{"demand", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.verb, func(t *testing.T) {
			if got := quote.Lemma(tt.verb); got != tt.lemma {
				t.Errorf("Lemma(%q) = %q, want %q", tt.verb, got, tt.lemma)
			}
			if got := quote.IsSpeechAct(tt.verb); got != tt.act {
				t.Errorf("IsSpeechAct(%q) = %v, want %v", tt.verb, got, tt.act)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	f.Add("“We are ready,” said Lavrov.\n\n\"The truce,\" he added, \"holds.\"")
	f.Add("Kerry said: ‘If Assad’s plan fails – we don’t know.’ The countries' leaders ‘agreed’")
	f.Add("«a» ‹b› „c“ 'd' \"e\n\n\"f")
	f.Add("Hammond, who said, said \"x y\", according to Reuters. 'em '90s ' ' \" \"")
	f.Fuzz(func(t *testing.T, text string) {
		actors := capitalisedActors(text)
		for _, q := range quote.Find(text, nil, quote.NewActorIndex(actors)) {
			if q.Start < 0 || q.End > len(text) || q.Start >= q.End {
				t.Fatalf("bad span [%d,%d) in %q", q.Start, q.End, text)
			}
			if text[q.Start:q.End] != q.Text {
				t.Fatalf("text %q is not the span %q", q.Text, text[q.Start:q.End])
			}
			if sp := q.Speaker; sp != nil && (sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End) {
				t.Fatalf("bad speaker span [%d,%d) in %q", sp.Start, sp.End, text)
			}
		}
	})
}

func show(qs []dyad.Quote) string {
	var b strings.Builder
	for _, q := range qs {
		name := "-"
		if q.Speaker != nil {
			name = q.Speaker.Name + "(" + q.Speaker.Text + ")"
		}
		b.WriteString("[" + q.Text + " / " + name + " / " + q.Verb + "] ")
	}
	return b.String()
}
