package segment_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/segment"
)

// body returns text as one body block.
func body(text string) []dyad.Block {
	return []dyad.Block{{Span: dyad.Span{Start: 0, End: len(text)}, Kind: dyad.KindBody}}
}

func texts(ss []dyad.Sentence) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

// TestSentences checks sentence splitting on tricky news text, one block
// per case unless the case has several lines.
func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two plain sentences", "Rebels shelled the airport on Monday. The army responded with air strikes.",
			[]string{"Rebels shelled the airport on Monday.", "The army responded with air strikes."}},
		{"U.S. inside a sentence", "The U.S. military said it struck targets near Raqqa. No civilians were hurt.",
			[]string{"The U.S. military said it struck targets near Raqqa.", "No civilians were hurt."}},
		{"U.S. ends a sentence before The", "The drones were made in the U.S. The company denied it.",
			[]string{"The drones were made in the U.S.", "The company denied it."}},
		{"U.S. before a capitalised name", "Officials from the U.S. State Department arrived in Ankara.",
			[]string{"Officials from the U.S. State Department arrived in Ankara."}},
		{"U.N.", "The U.N. Security Council met on Monday. Russia vetoed the draft.",
			[]string{"The U.N. Security Council met on Monday.", "Russia vetoed the draft."}},
		{"U.S. before He", "Aid was flown in from the U.S. He said more would follow.",
			[]string{"Aid was flown in from the U.S.", "He said more would follow."}},
		{"month abbreviation before a day", "The vote is set for Dec. 18 in Geneva. Diplomats expect delays.",
			[]string{"The vote is set for Dec. 18 in Geneva.", "Diplomats expect delays."}},
		{"Sept. before a day", "The strikes began on Sept. 30, Moscow said.",
			[]string{"The strikes began on Sept. 30, Moscow said."}},
		{"Jan. and Feb.", "The truce began on Jan. 1 and ended in Feb. when fighting resumed.",
			[]string{"The truce began on Jan. 1 and ended in Feb. when fighting resumed."}},
		{"Mr. twice", "Mr. Lavrov met Mr. Kerry in Moscow.",
			[]string{"Mr. Lavrov met Mr. Kerry in Moscow."}},
		{"Gen.", "Gen. Joseph Dunford told senators the plan was sound. He did not elaborate.",
			[]string{"Gen. Joseph Dunford told senators the plan was sound.", "He did not elaborate."}},
		{"Sen.", "Sen. John McCain criticised the deal. He called it weak.",
			[]string{"Sen. John McCain criticised the deal.", "He called it weak."}},
		{"Rep.", "Rep. Adam Schiff said the briefing was alarming.",
			[]string{"Rep. Adam Schiff said the briefing was alarming."}},
		{"Gov.", "Gov. Greg Abbott signed the order on Friday.",
			[]string{"Gov. Greg Abbott signed the order on Friday."}},
		{"Lt. Col.", "Lt. Col. Steve Warren, a Pentagon spokesman, confirmed the strike.",
			[]string{"Lt. Col. Steve Warren, a Pentagon spokesman, confirmed the strike."}},
		{"Dr. and Prof.", "Dr. Ahmad and Prof. Smith treated the wounded in Idlib.",
			[]string{"Dr. Ahmad and Prof. Smith treated the wounded in Idlib."}},
		{"No. before a number", "He was the No. 2 official in the ministry until last year.",
			[]string{"He was the No. 2 official in the ministry until last year."}},
		{"no at a sentence end", "Asked whether he would resign, he said no. The minister then left.",
			[]string{"Asked whether he would resign, he said no.", "The minister then left."}},
		{"No. capitalised at a sentence end", "Asked if he would stay, the envoy said No. The interview ended.",
			[]string{"Asked if he would stay, the envoy said No.", "The interview ended."}},
		{"St.", "He was born in St. Petersburg in 1952.",
			[]string{"He was born in St. Petersburg in 1952."}},
		{"middle initial", "George W. Bush met the envoy in Texas.",
			[]string{"George W. Bush met the envoy in Texas."}},
		{"two initials", "The author J. K. Rowling donated funds to refugees.",
			[]string{"The author J. K. Rowling donated funds to refugees."}},
		{"initial then a sentence", "The fallback was called Plan B. It failed within a week.",
			[]string{"The fallback was called Plan B.", "It failed within a week."}},
		{"Jr.", "Martin Luther King Jr. Day was observed in Washington.",
			[]string{"Martin Luther King Jr. Day was observed in Washington."}},
		{"decimal", "The economy shrank 3.5 percent last year. Inflation rose.",
			[]string{"The economy shrank 3.5 percent last year.", "Inflation rose."}},
		{"money with unit", "The fund is worth $1.2bn. Donors pledged more.",
			[]string{"The fund is worth $1.2bn.", "Donors pledged more."}},
		{"percent decimal", "Turnout was 61.5 per cent. The result stands.",
			[]string{"Turnout was 61.5 per cent.", "The result stands."}},
		{"number starts a sentence", "The war began in 2011. 250,000 people have died since.",
			[]string{"The war began in 2011.", "250,000 people have died since."}},
		{"quote closes after the stop", `"We will not retreat." The general spoke in Aleppo.`,
			[]string{`"We will not retreat."`, "The general spoke in Aleppo."}},
		{"said after a quote", `"We are ready to talk," the minister said. "The question is whether they are."`,
			[]string{`"We are ready to talk," the minister said.`, `"The question is whether they are."`}},
		{"question in a quote, then attribution", `"Is this a ceasefire?" the envoy asked reporters.`,
			[]string{`"Is this a ceasefire?" the envoy asked reporters.`}},
		{"questions in a quote", `"We're ready," he said. "Are they ready? Will they come?"`,
			[]string{`"We're ready," he said.`, `"Are they ready?`, `Will they come?"`}},
		{"two sentences in a quote before attribution", `"We need a deal. That is what we want," Kerry said.`,
			[]string{`"We need a deal.`, `That is what we want," Kerry said.`}},
		{"curly quotes", "“No one should be forced to choose,” Kerry said. “It is wrong.”",
			[]string{"“No one should be forced to choose,” Kerry said.", "“It is wrong.”"}},
		{"curly single quotes", "‘If Assad does not comply, there will be consequences.’ Kerry spoke in Washington.",
			[]string{"‘If Assad does not comply, there will be consequences.’", "Kerry spoke in Washington."}},
		{"straight single quotes", "'We are prepared to negotiate.' Officials doubted it.",
			[]string{"'We are prepared to negotiate.'", "Officials doubted it."}},
		{"attribution with colon", "Kerry responded: ‘This war doesn’t end.’ Lavrov disagreed.",
			[]string{"Kerry responded: ‘This war doesn’t end.’", "Lavrov disagreed."}},
		{"exclamation", "The crowd chanted for hours! Police eventually withdrew.",
			[]string{"The crowd chanted for hours!", "Police eventually withdrew."}},
		{"exclamation in a quote, then attribution", `"Get out!" shouted the soldier.`,
			[]string{`"Get out!" shouted the soldier.`}},
		{"question then statement", "Will the truce hold? Few diplomats think so.",
			[]string{"Will the truce hold?", "Few diplomats think so."}},
		{"interrobang", "They did what?! The minister was furious.",
			[]string{"They did what?!", "The minister was furious."}},
		{"question with lower-case attribution", `"Why now?" asked one diplomat.`,
			[]string{`"Why now?" asked one diplomat.`}},
		{"ellipsis before lower case", "The answer is ... we do not know yet.",
			[]string{"The answer is ... we do not know yet."}},
		{"ellipsis character before lower case", "He paused… then continued speaking.",
			[]string{"He paused… then continued speaking."}},
		{"ellipsis before a starter", "The talks stalled... The delegations went home.",
			[]string{"The talks stalled...", "The delegations went home."}},
		{"ellipsis before I", `"I hope ... I really hope it holds," she said.`,
			[]string{`"I hope ... I really hope it holds," she said.`}},
		{"ellipsis in a quote", "“We will pass a resolution regarding ... the next steps,” he said.",
			[]string{"“We will pass a resolution regarding ... the next steps,” he said."}},
		{"headline without a stop", "Rebels seize key town near Aleppo",
			[]string{"Rebels seize key town near Aleppo"}},
		{"caption with a date", "Syrian refugees wait at the border near Kilis, Turkey, February 8, 2016",
			[]string{"Syrian refugees wait at the border near Kilis, Turkey, February 8, 2016"}},
		{"numbered list item", "1. The ceasefire must hold across the country.",
			[]string{"1. The ceasefire must hold across the country."}},
		{"numbered list item 2", "2. Aid must reach Aleppo. Convoys need guarantees.",
			[]string{"2. Aid must reach Aleppo.", "Convoys need guarantees."}},
		{"sentence in brackets", "The strike hit a hospital. (The ministry later denied this.) Aid groups condemned it.",
			[]string{"The strike hit a hospital.", "(The ministry later denied this.)", "Aid groups condemned it."}},
		{"bracket inside a sentence", "The Islamic State (IS) group lost ground. Kurdish forces advanced.",
			[]string{"The Islamic State (IS) group lost ground.", "Kurdish forces advanced."}},
		{"a.m. inside a sentence", "The blast happened at 9 a.m. local time.",
			[]string{"The blast happened at 9 a.m. local time."}},
		{"p.m. ends a sentence", "The meeting ended at 4 p.m. The statement came later.",
			[]string{"The meeting ended at 4 p.m.", "The statement came later."}},
		{"Inc. before a title", "Apple Inc. Chief Executive Tim Cook spoke at the forum.",
			[]string{"Apple Inc. Chief Executive Tim Cook spoke at the forum."}},
		{"Corp. ends a sentence", "The contract went to Boeing Corp. It is worth billions.",
			[]string{"The contract went to Boeing Corp.", "It is worth billions."}},
		{"etc. inside a sentence", "They discussed Yemen, Libya, Ukraine, etc. and agreed to meet again.",
			[]string{"They discussed Yemen, Libya, Ukraine, etc. and agreed to meet again."}},
		{"e.g.", "Some groups, e.g. Nusra Front, were excluded from the talks.",
			[]string{"Some groups, e.g. Nusra Front, were excluded from the talks."}},
		{"i.e.", "The regime, i.e. The government in Damascus, refused.",
			[]string{"The regime, i.e. The government in Damascus, refused."}},
		{"vs.", "The case is Syria vs. The Opposition Coalition.",
			[]string{"The case is Syria vs. The Opposition Coalition."}},
		{"approx.", "The convoy carried approx. 300 tonnes of aid.",
			[]string{"The convoy carried approx. 300 tonnes of aid."}},
		{"no-break space after the stop", "The first step is talks.\u00a0The second is a truce.",
			[]string{"The first step is talks.", "The second is a truce."}},
		{"em dashes", "Kerry said the US welcomed the move — but only if talks begin. Russia agreed.",
			[]string{"Kerry said the US welcomed the move — but only if talks begin.", "Russia agreed."}},
		{"dateline", "DAMASCUS, Dec 3 (Reuters) - Syrian troops advanced on Thursday. Rebels retreated.",
			[]string{"DAMASCUS, Dec 3 (Reuters) - Syrian troops advanced on Thursday.", "Rebels retreated."}},
		{"dateline with agency", "BEIRUT (AP) — Syrian forces shelled the town. Residents fled.",
			[]string{"BEIRUT (AP) — Syrian forces shelled the town.", "Residents fled."}},
		{"domain name", "The site, vice.com, posted the video. It was removed.",
			[]string{"The site, vice.com, posted the video.", "It was removed."}},
		{"URL before a stop", "Details are at https://example.org/report. The report is long.",
			[]string{"Details are at https://example.org/report.", "The report is long."}},
		{"e-mail before a stop", "Write to press@example.org. Replies may be slow.",
			[]string{"Write to press@example.org.", "Replies may be slow."}},
		{"handle before a stop", "Follow the ministry at @MFA_Russia. It posts daily.",
			[]string{"Follow the ministry at @MFA_Russia.", "It posts daily."}},
		{"acronym and quote", `"We met in the U.S." The envoy smiled.`,
			[]string{`"We met in the U.S."`, "The envoy smiled."}},
		{"bracket and quote close", `He said "we will win (eventually)." Then he left.`,
			[]string{`He said "we will win (eventually)."`, "Then he left."}},
		{"semicolon", "The army advanced; the rebels fled.",
			[]string{"The army advanced; the rebels fled."}},
		{"quote inside, stop outside", "Lavrov said the fighting was ‘the most violent in a year’. Kerry did not comment.",
			[]string{"Lavrov said the fighting was ‘the most violent in a year’.", "Kerry did not comment."}},
		{"possessive quote", "The rebels’ positions fell. The army’s advance continued.",
			[]string{"The rebels’ positions fell.", "The army’s advance continued."}},
		{"lines are blocks", "Rebels seize key town\nThe army retreated. Civilians fled.",
			[]string{"Rebels seize key town", "The army retreated.", "Civilians fled."}},
		{"a quote across lines is split per line", "\"We are ready\nto talk,\" he said.",
			[]string{"\"We are ready", "to talk,\" he said."}},
		{"surrounding space trimmed", "  Assad seeks to destroy the rebels.\u00a0 ",
			[]string{"Assad seeks to destroy the rebels."}},
		{"stop without space", "The army advanced.Rebels fled.",
			[]string{"The army advanced.", "Rebels fled."}},
		{"lower-case after a stop", "The meeting is at 10 a.m. tomorrow in Vienna.",
			[]string{"The meeting is at 10 a.m. tomorrow in Vienna."}},
		{"percentages", "Support fell to 40%. The poll was taken in May.",
			[]string{"Support fell to 40%.", "The poll was taken in May."}},
		{"dotted Ph.D. style title", "The U.S.-backed plan failed. A new one is due.",
			[]string{"The U.S.-backed plan failed.", "A new one is due."}},
	}
	if len(tests) < 60 {
		t.Fatalf("only %d cases", len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []dyad.Sentence
			if strings.Contains(tt.text, "\n") {
				got = segment.Text(tt.text)
			} else {
				got = segment.Sentences(tt.text, body(tt.text))
			}
			if g := texts(got); !reflect.DeepEqual(g, tt.want) {
				t.Errorf("sentences of %q\n got  %q\n want %q", tt.text, g, tt.want)
			}
			checkInvariants(t, tt.text, got)
		})
	}
}

// TestSentencesHeadline checks that a headline in title case is not split
// after an abbreviation, and that sentences take kind, rule and paragraph
// from their block.
func TestSentencesHeadline(t *testing.T) {
	text := "Kerry Meets Lavrov in the U.S. The Talks Go On\n\nKerry met Lavrov in the U.S. The talks go on.\n\nPhoto: AFP"
	got := segment.Text(text)
	want := []struct {
		text string
		kind dyad.SentenceKind
		rule string
		para int
	}{
		{"Kerry Meets Lavrov in the U.S. The Talks Go On", dyad.KindHeadline, "", 0},
		{"Kerry met Lavrov in the U.S.", dyad.KindBody, "", 1},
		{"The talks go on.", dyad.KindBody, "", 1},
		{"Photo: AFP", dyad.KindBoilerplate, "photo-credit", 2},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d sentences %q, want %d", len(got), texts(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Text != w.text || g.Kind != w.kind || g.Rule != w.rule || g.Para != w.para {
			t.Errorf("sentence %d = {%q %s %q %d}, want {%q %s %q %d}", i, g.Text, g.Kind, g.Rule, g.Para, w.text, w.kind, w.rule, w.para)
		}
	}
	// The sentence-final stop of "U.S." is its own token, as in EWT.
	toks := got[1].Tokens
	if n := len(toks); n < 2 || toks[n-2].Text != "U.S" || toks[n-1].Text != "." {
		t.Errorf("last tokens of %q = %v, want U.S and .", got[1].Text, toks)
	}
}

// TestSentencesBadBlocks checks that blocks outside the text, reversed or
// overlapping are skipped instead of panicking.
func TestSentencesBadBlocks(t *testing.T) {
	text := "One sentence here. Another one."
	blocks := []dyad.Block{
		{Span: dyad.Span{Start: -3, End: 4}},
		{Span: dyad.Span{Start: 0, End: 18}, Kind: dyad.KindBody},
		{Span: dyad.Span{Start: 10, End: 31}, Kind: dyad.KindBody}, // overlaps
		{Span: dyad.Span{Start: 19, End: 99}},
		{Span: dyad.Span{Start: 25, End: 20}},
		{Span: dyad.Span{Start: 19, End: 31}, Kind: dyad.KindBody},
	}
	got := segment.Sentences(text, blocks)
	want := []string{"One sentence here.", "Another one."}
	if g := texts(got); !reflect.DeepEqual(g, want) {
		t.Errorf("got %q, want %q", g, want)
	}
	checkInvariants(t, text, got)
}

// checkInvariants checks the offset contract: every sentence and token text
// is its span of the text, tokens lie inside their sentence in order without
// overlap, sentences are in order without overlap.
func checkInvariants(t *testing.T, text string, ss []dyad.Sentence) {
	t.Helper()
	prevEnd := 0
	for i, s := range ss {
		if s.Start < prevEnd || s.Start >= s.End || s.End > len(text) {
			t.Fatalf("sentence %d span [%d,%d) after %d in text of %d bytes", i, s.Start, s.End, prevEnd, len(text))
		}
		prevEnd = s.End
		if s.Text != text[s.Start:s.End] {
			t.Fatalf("sentence %d Text %q != text[%d:%d] %q", i, s.Text, s.Start, s.End, text[s.Start:s.End])
		}
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d %q has no tokens", i, s.Text)
		}
		if s.Tokens[0].Start != s.Start || s.Tokens[len(s.Tokens)-1].End != s.End {
			t.Fatalf("sentence %d [%d,%d) is not trimmed to its tokens", i, s.Start, s.End)
		}
		tp := s.Start
		for j, tk := range s.Tokens {
			if tk.Start < tp || tk.Start >= tk.End || tk.End > s.End {
				t.Fatalf("sentence %d token %d [%d,%d) out of order or outside [%d,%d)", i, j, tk.Start, tk.End, tp, s.End)
			}
			if tk.Text != text[tk.Start:tk.End] {
				t.Fatalf("token %q != text[%d:%d] %q", tk.Text, tk.Start, tk.End, text[tk.Start:tk.End])
			}
			tp = tk.End
		}
	}
}
