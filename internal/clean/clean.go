// Package clean reads an article's text (dyad.Article.Text) and returns its
// lines as classified blocks ([]dyad.Block: headline, body, caption or
// boilerplate, with the rule that decided), the headline's span and the
// publication date that the text itself states. It also folds text for
// matching (Fold: quotes, dashes, spaces, zero-width characters, NFKC).
//
// Offsets are sacred: the package never changes the text. Every block is a
// span of the text as given, and every rule looks at that span; folding is
// used only to compare.
package clean

import (
	"strings"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
)

// Rule names set in dyad.Block.Rule. Boilerplate rules classify a block as
// dyad.KindBoilerplate; RuleCaption classifies it as dyad.KindCaption.
const (
	RulePhotoCredit     = "photo-credit"     // "Photo by: AFP", "Reuters/John Smith"
	RuleCaption         = "caption"          // a line that describes a photo
	RuleAdvertisement   = "advertisement"    // "Advertisement"
	RuleContinueReading = "continue-reading" // "Continue reading the main story"
	RuleRelated         = "related"          // "Related: ..." link lines
	RuleFollow          = "follow"           // "Follow VICE News on Twitter: @vicenews"
	RuleWatch           = "watch"            // "Watch the ... documentary", "Video: ..."
	RuleStoryAge        = "story-age"        // "This story is over 5 years old."
	RuleFYI             = "fyi"              // "FYI."
	RuleSectionLabel    = "section-label"    // a lone "News", "World", "Middle East"
	RuleCounter         = "counter"          // share and comment counts: "0", "1096"
	RuleAgencyCredit    = "agency-credit"    // "TRTWorld and agencies", a lone "Reuters"
	RuleTimestamp       = "timestamp"        // "Updated Dec 17, 2015", "Published 3 March 2016"
	RuleReadMore        = "read-more"        // "Read more: ..."
	RuleClickHere       = "click-here"       // "Click here to ..."
	RuleSignUp          = "sign-up"          // "Sign up for our newsletter"
	RuleShare           = "share"            // "Share this article", "Facebook Twitter Email"
	RuleReportingCredit = "reporting-credit" // "(Reporting by ...; Editing by ...)"
	RuleCopyright       = "copyright"        // "© 2016 ...", "Copyright 2016 ..."
	RuleRightsReserved  = "rights-reserved"  // "All rights reserved."
	RuleByline          = "byline"           // "By John Smith", "Julian Borger in Munich"
	RuleReadTime        = "read-time"        // "4 Min Read"
	RuleCaptionLabel    = "caption-label"    // "Image caption" above a caption
	RuleTopics          = "topics"           // "Related Topics" and the tag lines under it
	RuleSeparator       = "separator"        // "___", "* * *"
	RuleNavigation      = "navigation"       // "Skip to main content", "Listen to this article"
)

// line is one non-blank line of the text with the views the rules need.
type line struct {
	dyad.Block
	raw   string   // the trimmed line as written
	fold  string   // Fold(raw)
	lower string   // strings.ToLower(fold)
	words []string // the words of fold
	bared string   // cache of bare()
}

// Blocks splits text into lines and classifies each. A block is one line
// that is not blank, trimmed of surrounding white space (a line ends before
// "\n", "\r\n" or "\r"); Para counts paragraphs, which blank lines separate.
// Exactly one block is the headline unless the text has no block: the first
// line that is neither boilerplate nor caption (nor a section label above
// it).
func Blocks(text string) []dyad.Block {
	lines := splitLines(text)
	n := len(lines)
	if n == 0 {
		return nil
	}
	// Pass 1: rules that need only the line itself.
	for i := range lines {
		l := &lines[i]
		for _, r := range lineRules {
			if r.match(l) {
				l.Kind, l.Rule = dyad.KindBoilerplate, r.name
				break
			}
		}
	}
	// Pass 2: rules that need the line's place in the article.
	for i := range lines {
		l := &lines[i]
		if l.Rule == RuleCaptionLabel && i+1 < n && lines[i+1].Rule == "" {
			lines[i+1].Kind, lines[i+1].Rule = dyad.KindCaption, RuleCaption
			continue
		}
		if l.Rule == RuleTopics {
			// The tag lines under a topics header: short, unpunctuated.
			for j := i + 1; j < n && (lines[j].Rule == "" || lines[j].Rule == RuleSectionLabel) &&
				len(lines[j].words) <= 6 && !terminal(lines[j].fold); j++ {
				lines[j].Kind, lines[j].Rule = dyad.KindBoilerplate, RuleTopics
			}
			continue
		}
		if l.Rule != "" {
			continue
		}
		if i < 8 && isNameInPlace(l) && nearTimestamp(lines, i) {
			l.Kind, l.Rule = dyad.KindBoilerplate, RuleByline
			continue
		}
		if isAgencyName(l) {
			// A lone agency name is a photo credit near the top and the
			// article's credit line at the end.
			l.Kind, l.Rule = dyad.KindBoilerplate, RuleAgencyCredit
			if i < n-3 && i < n*2/3 {
				l.Rule = RulePhotoCredit
			}
		}
	}
	// Pass 3: captions, by their place next to photo credits and by their
	// wording.
	seenText := false
	for i := range lines {
		l := &lines[i]
		if l.Rule != "" {
			continue
		}
		if isCaption(lines, i, seenText) {
			l.Kind, l.Rule = dyad.KindCaption, RuleCaption
			continue
		}
		seenText = true
	}
	// Pass 4: the headline, after any section labels above it.
	head := -1
	for i := range lines {
		l := &lines[i]
		if l.Rule != "" {
			continue
		}
		if isLabelAbove(lines, i) {
			l.Kind, l.Rule = dyad.KindBoilerplate, RuleSectionLabel
			continue
		}
		head = i
		break
	}
	if head < 0 {
		for i := range lines {
			if lines[i].Kind == dyad.KindCaption {
				head = i
				break
			}
		}
	}
	if head < 0 {
		head = 0
	}
	blocks := make([]dyad.Block, n)
	for i := range lines {
		b := lines[i].Block
		switch {
		case i == head:
			b.Kind, b.Rule = dyad.KindHeadline, ""
		case b.Rule == "":
			b.Kind = dyad.KindBody
		}
		blocks[i] = b
	}
	return blocks
}

// Headline returns the span of the headline block, or false when there is
// none (the text is blank).
func Headline(text string, blocks []dyad.Block) (dyad.Span, bool) {
	for _, b := range blocks {
		if b.Kind == dyad.KindHeadline && b.Start >= 0 && b.End <= len(text) && b.Start <= b.End {
			return b.Span, true
		}
	}
	return dyad.Span{}, false
}

// splitLines returns the non-blank lines of text, trimmed, with paragraph
// numbers.
func splitLines(text string) []line {
	var lines []line
	para := 0
	blank := false
	for pos := 0; pos < len(text); {
		end := pos
		for end < len(text) && text[end] != '\n' && text[end] != '\r' {
			end++
		}
		next := end
		if next < len(text) {
			if text[next] == '\r' && next+1 < len(text) && text[next+1] == '\n' {
				next += 2
			} else {
				next++
			}
		}
		s, e := trimSpan(text, pos, end)
		if s == e {
			blank = true
		} else {
			if blank && len(lines) > 0 {
				para++
			}
			blank = false
			raw := text[s:e]
			f := Fold(raw)
			lines = append(lines, line{
				Block: dyad.Block{Span: dyad.Span{Start: s, End: e}, Para: para},
				raw:   raw,
				fold:  f,
				lower: strings.ToLower(f),
				words: strings.Fields(f),
			})
		}
		pos = next
	}
	return lines
}

// trimSpan trims white space and zero-width characters from both ends of
// text[s:e].
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !IsSpace(r) && !isZeroWidth(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !IsSpace(r) && !isZeroWidth(r) {
			break
		}
		e -= n
	}
	return s, e
}

// terminal reports whether the folded line ends like a sentence: with a full
// stop, question or exclamation mark, possibly followed by closing quotes or
// brackets.
func terminal(f string) bool {
	f = strings.TrimRight(f, `"')]`)
	return strings.HasSuffix(f, ".") || strings.HasSuffix(f, "?") || strings.HasSuffix(f, "!")
}

// isLabelAbove reports whether line i is a short label above the headline: one
// or two words, no digits and no sentence punctuation, with a longer line
// after it that will be the headline.
func isLabelAbove(lines []line, i int) bool {
	l := &lines[i]
	if len(l.words) > 2 || len(l.raw) > 24 || strings.ContainsAny(l.fold, `0123456789,:;?!"()`) {
		return false
	}
	for _, w := range l.words {
		c, _ := utf8.DecodeRuneInString(w)
		if !isUpper(c) {
			return false
		}
	}
	for j := i + 1; j < len(lines); j++ {
		if lines[j].Rule != "" {
			continue
		}
		return len(lines[j].words) >= 3
	}
	return false
}
