package segment_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/segment"
)

func tokenTexts(toks []dyad.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func tokenNorms(toks []dyad.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Norm
	}
	return out
}

// TestTokens checks UD English tokenisation: token texts, separated by "|",
// and, where given, their norms.
func TestTokens(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		want  string
		norms string // "" to skip
	}{
		{"negation clitic", "They don't agree.", "They|do|n't|agree|.", ""},
		{"curly negation clitic", "Russia doesn’t want that.", "Russia|does|n’t|want|that|.", "Russia|does|n't|want|that|."},
		{"can't", "We can't wait.", "We|ca|n't|wait|.", ""},
		{"won't", "He won’t resign.", "He|wo|n’t|resign|.", "He|wo|n't|resign|."},
		{"capital clitic", "DON'T SHOOT", "DO|N'T|SHOOT", ""},
		{"I'm", "I'm sure.", "I|'m|sure|.", ""},
		{"we're", "we're ready", "we|'re|ready", ""},
		{"other clitics", "they've she'll he'd I’ve", "they|'ve|she|'ll|he|'d|I|’ve", "they|'ve|she|'ll|he|'d|I|'ve"},
		{"possessive", "Assad's forces", "Assad|'s|forces", ""},
		{"curly possessive", "Assad’s forces", "Assad|’s|forces", "Assad|'s|forces"},
		{"plural possessive", "the countries' differences", "the|countries|'|differences", ""},
		{"curly plural possessive", "the militants’ positions", "the|militants|’|positions", "the|militants|'|positions"},
		{"possessive of a hyphenated name", "al-Assad’s rule", "al-Assad|’s|rule", ""},
		{"apostrophe inside a name", "O'Brien's report", "O'Brien|'s|report", ""},
		{"cannot", "Assad cannot remain", "Assad|can|not|remain", ""},
		{"gonna", "We're gonna win", "We|'re|gon|na|win", ""},
		{"hyphenated words", "war-torn al-Assad anti-ISIS Raqqa-based so-called", "war-torn|al-Assad|anti-ISIS|Raqqa-based|so-called", ""},
		{"hyphen after an acronym", "the U.S.-backed rebels", "the|U.S.-backed|rebels", ""},
		{"acronyms", "U.S. U.N. U.K. a.m. p.m. e.g. i.e.", "U.S.|U.N.|U.K.|a.m.|p.m.|e.g.|i.e.", ""},
		{"acronym without its last stop", "the U.S, Russia", "the|U.S|,|Russia", ""},
		{"titles", "Mr. Gen. Sen. Lt. Col. Dr. Prof. St. Gov.", "Mr.|Gen.|Sen.|Lt.|Col.|Dr.|Prof.|St.|Gov.", ""},
		{"months", "Jan. 5 and Dec. 18", "Jan.|5|and|Dec.|18", ""},
		{"No. before a number", "No. 10 Downing Street", "No.|10|Downing|Street", ""},
		{"no before a stop", "he said no.", "he|said|no|.", ""},
		{"No. without a number", "He said No. Then", "He|said|No|.|Then", ""},
		{"initials", "George W. Bush and J. K. Rowling", "George|W.|Bush|and|J.|K.|Rowling", ""},
		{"pronoun I before a stop", "so do I.", "so|do|I|.", ""},
		{"company abbreviations", "Boeing Corp. and Apple Inc.", "Boeing|Corp.|and|Apple|Inc.", ""},
		{"decimals and thousands", "3.5 250,000 1,096", "3.5|250,000|1,096", ""},
		{"money", "$1.2bn and £5m", "$|1.2|bn|and|£|5|m", ""},
		{"percent", "50% of 1.5%", "50|%|of|1.5|%", ""},
		{"times and dates", "10:30am on 12/17/2015", "10:30|am|on|12/17/2015", ""},
		{"ordinals, decades, codes", "3rd 1990s F-16 MH17 4G", "3rd|1990s|F-16|MH17|4G", ""},
		{"decade with apostrophe", "the '90s", "the|'90s", ""},
		{"URL", "see https://www.vice.com/en/article/x.", "see|https://www.vice.com/en/article/x|.", ""},
		{"URL in brackets", "(https://example.org/a_(b))", "(|https://example.org/a_(b)|)", ""},
		{"www URL", "at www.trtworld.com, today", "at|www.trtworld.com|,|today", ""},
		{"e-mail", "press@un.org.", "press@un.org|.", ""},
		{"handle and hashtag", "@vicenews #Syria #1", "@vicenews|#Syria|#|1", ""},
		{"domain", "VICE.com reported", "VICE.com|reported", ""},
		{"ellipses", "is ... it is… not", "is|...|it|is|…|not", "is|...|it|is|...|not"},
		{"dashes", "Syria — the army -- and – the", "Syria|—|the|army|--|and|–|the", "Syria|--|the|army|--|and|-|the"},
		{"double quotes", `said "has to go," but “yes”`, `said|"|has|to|go|,|"|but|“|yes|”`, `said|"|has|to|go|,|"|but|"|yes|"`},
		{"single quotes", "'Has to Go' and ‘enemies’", "'|Has|to|Go|'|and|‘|enemies|’", "'|Has|to|Go|'|and|'|enemies|'"},
		{"question marks", "what?! really??", "what|?!|really|??", ""},
		{"brackets", "Kerry (L) gestures", "Kerry|(|L|)|gestures", ""},
		{"no-break spaces", "the\u00a0DAESH\u00a0terrorist", "the|DAESH|terrorist", ""},
		{"soft hyphen inside a word", "nego\u00adtiate", "nego\u00adtiate", "negotiate"},
		{"ampersand acronym", "AT&T and S&P", "AT&T|and|S&P", ""},
		{"symbol runs", "*** === $$$", "***|===|$$$", ""},
		{"emoticon", "great :) thanks", "great|:)|thanks", ""},
		{"colon after a word", "said: yes", "said|:|yes", ""},
		{"full-width letters fold", "ＵＮ envoy", "ＵＮ|envoy", "UN|envoy"},
		{"invalid UTF-8", "a\xffb", "a|\xff|b", ""},
		{"non-Latin words", "Сирия и Россия", "Сирия|и|Россия", ""},
		{"empty", "", "", ""},
		{"only spaces", " \u00a0\u200b ", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := segment.Tokens(tt.text, 0, len(tt.text))
			if got := strings.Join(tokenTexts(toks), "|"); got != tt.want {
				t.Errorf("tokens of %q\n got  %q\n want %q", tt.text, got, tt.want)
			}
			if tt.norms != "" {
				if got := strings.Join(tokenNorms(toks), "|"); got != tt.norms {
					t.Errorf("norms of %q\n got  %q\n want %q", tt.text, got, tt.norms)
				}
			}
			for _, tk := range toks {
				if tk.Text != tt.text[tk.Start:tk.End] {
					t.Errorf("token %q at [%d,%d) is not its span", tk.Text, tk.Start, tk.End)
				}
			}
		})
	}
}

// TestTokensSpan checks offsets relative to the whole text, clamping, and
// SpaceAfter.
func TestTokensSpan(t *testing.T) {
	text := "XX Hello, world.\u00a0Next"
	toks := segment.Tokens(text, 3, len(text)-4)
	type tok struct {
		Text       string
		Start, End int
		SpaceAfter bool
	}
	var got []tok
	for _, tk := range toks {
		got = append(got, tok{tk.Text, tk.Start, tk.End, tk.SpaceAfter})
	}
	want := []tok{{"Hello", 3, 8, false}, {",", 8, 9, true}, {"world", 10, 15, false}, {".", 15, 16, true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if toks := segment.Tokens(text, -5, 1000); len(toks) != 6 {
		t.Errorf("clamped span: got %d tokens %q, want 6", len(toks), tokenTexts(toks))
	}
	if toks := segment.Tokens(text, 10, 2); len(toks) != 0 {
		t.Errorf("reversed span: got %q, want none", tokenTexts(toks))
	}
}
