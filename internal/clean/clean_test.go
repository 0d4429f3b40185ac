package clean_test

import (
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/clean"
)

// blockOf returns the block whose text is target.
func blockOf(t *testing.T, text, target string) dyad.Block {
	t.Helper()
	for _, b := range clean.Blocks(text) {
		if text[b.Start:b.End] == target {
			return b
		}
	}
	t.Fatalf("no block %q in %q", target, text)
	return dyad.Block{}
}

// midArticle puts line between a headline and a body paragraph.
func midArticle(line string) string {
	return "Rebels and troops clash near Aleppo as talks stall\n\n" + line +
		"\n\nSyrian troops and rebels fought near Aleppo on Monday, a monitoring group said.\n\n" +
		"The fighting came as diplomats met in Geneva.\n\nRussia said it would keep up its air strikes."
}

// endArticle puts line at the end of an article.
func endArticle(line string) string {
	return "Rebels and troops clash near Aleppo as talks stall\n\n" +
		"Syrian troops and rebels fought near Aleppo on Monday, a monitoring group said.\n\n" +
		"The fighting came as diplomats met in Geneva.\n\nRussia said it would keep up its air strikes.\n\n" + line
}

// TestRules checks every boilerplate rule on lines written for the test,
// with body sentences that must stay body.
func TestRules(t *testing.T) {
	tests := []struct {
		name    string
		text    string // the article; "" means midArticle(line)
		line    string
		kind    dyad.SentenceKind
		rule    string
		atStart bool // the line opens the article, above the headline
	}{
		// photo-credit
		{name: "photo by colon", line: "Photo by: AFP", kind: dyad.KindBoilerplate, rule: clean.RulePhotoCredit},
		{name: "photo by name/agency", line: "Photo by Michael Reynolds/EPA", kind: dyad.KindBoilerplate, rule: clean.RulePhotoCredit},
		{name: "photo colon", line: "Photo: Omar Sanadiki/Reuters", kind: dyad.KindBoilerplate, rule: clean.RulePhotoCredit},
		{name: "bracketed photo", line: "(Photo: AP)", kind: dyad.KindBoilerplate, rule: clean.RulePhotoCredit},
		{name: "image colon", line: "Image: Getty Images", kind: dyad.KindBoilerplate, rule: clean.RulePhotoCredit},
		{name: "credit colon", line: "Credit: Reuters", kind: dyad.KindBoilerplate, rule: clean.RulePhotoCredit},
		{name: "getty images", line: "Getty Images", kind: dyad.KindBoilerplate, rule: clean.RulePhotoCredit},
		{name: "agency/name", line: "Reuters/John Smith", kind: dyad.KindBoilerplate, rule: clean.RulePhotoCredit},
		{name: "name/agency/library", line: "Louai Beshara/AFP/Getty Images", kind: dyad.KindBoilerplate, rule: clean.RulePhotoCredit},
		{name: "AP photo", line: "AP Photo/Hassan Ammar", kind: dyad.KindBoilerplate, rule: clean.RulePhotoCredit},
		{name: "photograph colon", line: "Photograph: Bulent Kilic/AFP", kind: dyad.KindBoilerplate, rule: clean.RulePhotoCredit},
		{name: "image source", line: "Image source, Reuters", kind: dyad.KindBoilerplate, rule: clean.RulePhotoCredit},
		{name: "lone agency near the top", line: "Reuters", kind: dyad.KindBoilerplate, rule: clean.RulePhotoCredit},
		{name: "body: photos posted", line: "Photos posted online showed the aftermath of the strike.", kind: dyad.KindBody},
		{name: "body: image is everything", line: "Image is everything for the Kremlin, analysts say.", kind: dyad.KindBody},
		{name: "body: credit rating", line: "Credit rating agencies downgraded Turkey on Friday.", kind: dyad.KindBody},
		{name: "body: Reuters reported", line: "Reuters reported that the convoy was hit on Monday.", kind: dyad.KindBody},
		{name: "body: photographer", line: "The photographer, who works for AFP, was wounded in Idlib.", kind: dyad.KindBody},
		{name: "body: slash in a sentence", line: "The ceasefire was agreed by Russia/Turkey talks, officials said.", kind: dyad.KindBody},

		// advertisement and continue-reading
		{name: "advertisement", line: "Advertisement", kind: dyad.KindBoilerplate, rule: clean.RuleAdvertisement},
		{name: "advertisement in capitals", line: "ADVERTISEMENT", kind: dyad.KindBoilerplate, rule: clean.RuleAdvertisement},
		{name: "story continues below advertisement", line: "Story continues below advertisement", kind: dyad.KindBoilerplate, rule: clean.RuleAdvertisement},
		{name: "body: advertisement campaign", line: "The advertisement campaign was launched in Damascus.", kind: dyad.KindBody},
		{name: "body: advertisement revenue", line: "Advertisement revenue fell sharply, the broadcaster said.", kind: dyad.KindBody},
		{name: "continue reading", line: "Continue reading the main story", kind: dyad.KindBoilerplate, rule: clean.RuleContinueReading},

		// related
		{name: "related colon", line: "Related: Russia Deploys More Jets to Syria", kind: dyad.KindBoilerplate, rule: clean.RuleRelated},
		{name: "related in capitals", line: "RELATED: Turkey shoots down Russian warplane", kind: dyad.KindBoilerplate, rule: clean.RuleRelated},
		{name: "see also", line: "See also: The battle for Palmyra", kind: dyad.KindBoilerplate, rule: clean.RuleRelated},
		{name: "body: related talks", line: "Related talks will take place in Geneva next week.", kind: dyad.KindBody},

		// follow
		{name: "follow on twitter with handle", line: "Follow VICE News on Twitter: @vicenews", kind: dyad.KindBoilerplate, rule: clean.RuleFollow},
		{name: "follow us", line: "Follow us on Facebook", kind: dyad.KindBoilerplate, rule: clean.RuleFollow},
		{name: "follow a reporter", line: "Follow Jane Smith: @jsmith", kind: dyad.KindBoilerplate, rule: clean.RuleFollow},
		{name: "body: follow-up talks", line: "Follow-up talks are planned for Friday in Vienna.", kind: dyad.KindBody},
		{name: "body: follow the money", line: "Follow the money, the investigator told reporters.", kind: dyad.KindBody},

		// watch
		{name: "watch documentary", line: "Watch the VICE News documentary The Battle for Syria's South:", kind: dyad.KindBoilerplate, rule: clean.RuleWatch},
		{name: "watch colon", line: "WATCH: Russian jets strike near Palmyra", kind: dyad.KindBoilerplate, rule: clean.RuleWatch},
		{name: "video colon", line: "Video: Rescue workers search the rubble in Aleppo", kind: dyad.KindBoilerplate, rule: clean.RuleWatch},
		{name: "body: watch out", line: "Watch out for the rebels, the commander warned.", kind: dyad.KindBody},
		{name: "body: watchdog", line: "Watchdog groups said the video was authentic.", kind: dyad.KindBody},

		// story-age, fyi, section labels
		{name: "story age", line: "This story is over 5 years old.", kind: dyad.KindBoilerplate, rule: clean.RuleStoryAge},
		{name: "article age", line: "This article is more than 3 years old", kind: dyad.KindBoilerplate, rule: clean.RuleStoryAge},
		{name: "body: this story is over", line: "This story is over, the minister declared on Monday.", kind: dyad.KindBody},
		{name: "fyi", line: "FYI.", kind: dyad.KindBoilerplate, rule: clean.RuleFYI},
		{name: "body: fyi in a sentence", line: "FYI, the talks resumed on Monday in Geneva.", kind: dyad.KindBody},
		{name: "lone News", line: "News", kind: dyad.KindBoilerplate, rule: clean.RuleSectionLabel},
		{name: "Middle East label", line: "Middle East", kind: dyad.KindBoilerplate, rule: clean.RuleSectionLabel},
		{name: "body: news of the attack", line: "News of the attack spread quickly through Idlib.", kind: dyad.KindBody},
		{name: "body: news agencies", line: "News agencies reported heavy fighting in Homs.", kind: dyad.KindBody},
		{name: "unknown label above the headline", text: "Syria\n\nRebels seize a key town near Aleppo\n\nRebels seized the town on Monday.",
			line: "Syria", kind: dyad.KindBoilerplate, rule: clean.RuleSectionLabel},

		// counters
		{name: "zero", line: "0", kind: dyad.KindBoilerplate, rule: clean.RuleCounter},
		{name: "share count", line: "1096", kind: dyad.KindBoilerplate, rule: clean.RuleCounter},
		{name: "count with separator", line: "1,096", kind: dyad.KindBoilerplate, rule: clean.RuleCounter},
		{name: "comments", line: "12 comments", kind: dyad.KindBoilerplate, rule: clean.RuleCounter},
		{name: "thousands of shares", line: "3.4K shares", kind: dyad.KindBoilerplate, rule: clean.RuleCounter},
		{name: "body: a number in a sentence", line: "3 people were killed in the strike.", kind: dyad.KindBody},

		// agency credits at the end
		{name: "and agencies", text: endArticle("TRTWorld and agencies"), line: "TRTWorld and agencies", kind: dyad.KindBoilerplate, rule: clean.RuleAgencyCredit},
		{name: "AFP and agencies", text: endArticle("AFP and agencies"), line: "AFP and agencies", kind: dyad.KindBoilerplate, rule: clean.RuleAgencyCredit},
		{name: "lone agency at the end", text: endArticle("Reuters"), line: "Reuters", kind: dyad.KindBoilerplate, rule: clean.RuleAgencyCredit},
		{name: "source colon", text: endArticle("Source: Reuters, AFP"), line: "Source: Reuters, AFP", kind: dyad.KindBoilerplate, rule: clean.RuleAgencyCredit},
		{name: "staff and agencies", text: endArticle("Staff and agencies"), line: "Staff and agencies", kind: dyad.KindBoilerplate, rule: clean.RuleAgencyCredit},
		{name: "body: agencies in a sentence", text: endArticle("Reuters and AFP both reported the strike on the convoy."),
			line: "Reuters and AFP both reported the strike on the convoy.", kind: dyad.KindBody},

		// time stamps
		{name: "updated", line: "Updated Dec 17, 2015", kind: dyad.KindBoilerplate, rule: clean.RuleTimestamp},
		{name: "published", line: "Published 3 March 2016", kind: dyad.KindBoilerplate, rule: clean.RuleTimestamp},
		{name: "last updated with time", line: "Last updated: 10:41 GMT, 3 December 2015", kind: dyad.KindBoilerplate, rule: clean.RuleTimestamp},
		{name: "posted ago", line: "Posted 2 hours ago", kind: dyad.KindBoilerplate, rule: clean.RuleTimestamp},
		{name: "date and time only", line: "Thursday 3 December 2015 10.41 GMT", kind: dyad.KindBoilerplate, rule: clean.RuleTimestamp},
		{name: "body: updated figures", line: "Updated figures released on Monday showed 3,000 dead.", kind: dyad.KindBody},
		{name: "body: published in", line: "Published in 2014, the report found abuses.", kind: dyad.KindBody},

		// links and prompts
		{name: "read more", line: "Read more: Russia begins air strikes in Syria", kind: dyad.KindBoilerplate, rule: clean.RuleReadMore},
		{name: "read more alone", line: "READ MORE", kind: dyad.KindBoilerplate, rule: clean.RuleReadMore},
		{name: "body: read more carefully", line: "Read more carefully, the report says something different.", kind: dyad.KindBody},
		{name: "click here", line: "Click here to read the full report", kind: dyad.KindBoilerplate, rule: clean.RuleClickHere},
		{name: "body: clicking", line: "Clicking through the images, one sees only rubble.", kind: dyad.KindBody},
		{name: "sign up", line: "Sign up for our daily newsletter", kind: dyad.KindBoilerplate, rule: clean.RuleSignUp},
		{name: "subscribe", line: "Subscribe to our Middle East briefing", kind: dyad.KindBoilerplate, rule: clean.RuleSignUp},
		{name: "body: sign-up rates", line: "Sign up rates for the army fell, officials said.", kind: dyad.KindBody},
		{name: "share this article", line: "Share this article", kind: dyad.KindBoilerplate, rule: clean.RuleShare},
		{name: "share bar", line: "Facebook Twitter Email", kind: dyad.KindBoilerplate, rule: clean.RuleShare},
		{name: "body: share prices", line: "Share prices fell in Moscow on Monday.", kind: dyad.KindBody},

		// credits and rights
		{name: "reporting and editing", text: endArticle("(Reporting by Suleiman Al-Khalidi; Editing by Tom Heneghan)"),
			line: "(Reporting by Suleiman Al-Khalidi; Editing by Tom Heneghan)", kind: dyad.KindBoilerplate, rule: clean.RuleReportingCredit},
		{name: "additional reporting", line: "Additional reporting by Jane Smith in Beirut", kind: dyad.KindBoilerplate, rule: clean.RuleReportingCredit},
		{name: "body: reporting from", line: "Reporting from Aleppo has become nearly impossible for journalists.", kind: dyad.KindBody},
		{name: "copyright sign", text: endArticle("© 2016 Reuters"), line: "© 2016 Reuters", kind: dyad.KindBoilerplate, rule: clean.RuleCopyright},
		{name: "copyright word", text: endArticle("Copyright 2016 The Associated Press. All rights reserved."),
			line: "Copyright 2016 The Associated Press. All rights reserved.", kind: dyad.KindBoilerplate, rule: clean.RuleCopyright},
		{name: "all rights reserved", text: endArticle("All rights reserved."), line: "All rights reserved.", kind: dyad.KindBoilerplate, rule: clean.RuleRightsReserved},
		{name: "body: copyright disputes", line: "Copyright disputes are common, the lawyer said.", kind: dyad.KindBody},

		// bylines
		{name: "byline", line: "By John Smith", kind: dyad.KindBoilerplate, rule: clean.RuleByline},
		{name: "byline with agency", line: "By Jane Doe and Omar Khalil, Reuters", kind: dyad.KindBoilerplate, rule: clean.RuleByline},
		{name: "body: by Tuesday", line: "By Tuesday, the rebels had withdrawn from the town.", kind: dyad.KindBody},
		{name: "name in place next to a time stamp", text: "Kerry and Lavrov agree on a truce\n\nJane Smith in Geneva\nThu 11 Feb 2016 23.36 GMT\n\nThe deal was struck late.",
			line: "Jane Smith in Geneva", kind: dyad.KindBoilerplate, rule: clean.RuleByline},
		{name: "body: name in place without a time stamp", line: "Rebel Commanders in Aleppo", kind: dyad.KindBody},
		{name: "contributed to this report", text: endArticle("Associated Press writer Jane Doe contributed to this report."),
			line: "Associated Press writer Jane Doe contributed to this report.", kind: dyad.KindBoilerplate, rule: clean.RuleReportingCredit},

		{name: "photo copyright", line: "© AP Photo/ Hassan Ammar", kind: dyad.KindBoilerplate, rule: clean.RulePhotoCredit},
		{name: "published time", line: "Published time: 3 Dec, 2015 10:40", kind: dyad.KindBoilerplate, rule: clean.RuleTimestamp},
		{name: "last update", line: "Last update: Thursday 3 December 2015 10:41 UTC", kind: dyad.KindBoilerplate, rule: clean.RuleTimestamp},
		{name: "weekday date time", line: "Sun Dec 6, 2015 4:23PM", kind: dyad.KindBoilerplate, rule: clean.RuleTimestamp},
		{name: "breadcrumb", line: "Home » World » Middle East", kind: dyad.KindBoilerplate, rule: clean.RuleNavigation},
		{name: "body: greater than", line: "Losses > 3,000 were reported by the monitor in Homs province.", kind: dyad.KindBody},

		// page furniture
		{name: "read time", line: "4 Min Read", kind: dyad.KindBoilerplate, rule: clean.RuleReadTime},
		{name: "read time long", line: "3 minute read", kind: dyad.KindBoilerplate, rule: clean.RuleReadTime},
		{name: "body: read in minutes", line: "4 minutes later, the convoy was hit.", kind: dyad.KindBody},
		{name: "separator", line: "___", kind: dyad.KindBoilerplate, rule: clean.RuleSeparator},
		{name: "spaced stars", line: "* * *", kind: dyad.KindBoilerplate, rule: clean.RuleSeparator},
		{name: "skip link", line: "Skip to main content", kind: dyad.KindBoilerplate, rule: clean.RuleNavigation},
		{name: "cookie notice", line: "We use cookies to improve your experience. By continuing you accept them.", kind: dyad.KindBoilerplate, rule: clean.RuleNavigation},
		{name: "body: search", line: "The search for survivors went on through the night.", kind: dyad.KindBody},
		{name: "caption label", line: "Image caption,", kind: dyad.KindBoilerplate, rule: clean.RuleCaptionLabel},
		{name: "topics header", text: endArticle("Related Topics\nSyrian civil war\nRussia"), line: "Related Topics", kind: dyad.KindBoilerplate, rule: clean.RuleTopics},
		{name: "topic line", text: endArticle("Topics\nSyrian civil war\nRussia"), line: "Syrian civil war", kind: dyad.KindBoilerplate, rule: clean.RuleTopics},
		{name: "body after topics", text: endArticle("Topics\nSyria\nThe talks resume on Monday, officials said."),
			line: "The talks resume on Monday, officials said.", kind: dyad.KindBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.text
			if text == "" {
				text = midArticle(tt.line)
			}
			b := blockOf(t, text, tt.line)
			if b.Kind != tt.kind || b.Rule != tt.rule {
				t.Errorf("%q: kind %s rule %q, want %s %q", tt.line, b.Kind, b.Rule, tt.kind, tt.rule)
			}
		})
	}
}

// TestCaptions checks caption recognition by position and wording, and
// that headlines, standfirsts and ledes near photo credits stay what they
// are.
func TestCaptions(t *testing.T) {
	const head = "Kerry and Lavrov agree on new Syria talks\n\n"
	const lede = "\n\nThe two ministers met for five hours on Tuesday."
	tests := []struct {
		name string
		text string
		line string
		kind dyad.SentenceKind
	}{
		{"after a credit, verb and date", head + "Photo by: AFP\n\nJohn Kerry gestures as he arrives in Vienna, Austria October 30, 2015" + lede,
			"John Kerry gestures as he arrives in Vienna, Austria October 30, 2015", dyad.KindCaption},
		{"after a credit, archive note", head + "Photo by: Reuters\n\nVladimir Putin - Archive" + lede,
			"Vladimir Putin - Archive", dyad.KindCaption},
		{"after a credit, a name only", head + "Photo: AFP\n\nSergei Lavrov" + lede,
			"Sergei Lavrov", dyad.KindCaption},
		{"after a credit, no stop", head + "Photo: EPA\n\nDelegations at the Vienna talks" + lede,
			"Delegations at the Vienna talks", dyad.KindCaption},
		{"before a credit, verb and date", head + "Syrian refugees wait at the Oncupinar crossing near Kilis, Turkey, February 8, 2016\nPhoto: Reuters" + lede,
			"Syrian refugees wait at the Oncupinar crossing near Kilis, Turkey, February 8, 2016", dyad.KindCaption},
		{"before a credit, strong verb", head + "Foreign Minister Sergei Lavrov looks on during the news conference\nReuters/Maxim Shemetov" + lede,
			"Foreign Minister Sergei Lavrov looks on during the news conference", dyad.KindCaption},
		{"position markers", head + "Russian President Vladimir Putin (R) and Syrian President Bashar al-Assad (L) in the Kremlin" + lede,
			"Russian President Vladimir Putin (R) and Syrian President Bashar al-Assad (L) in the Kremlin", dyad.KindCaption},
		{"second from left", head + "Kerry (2nd L) and Lavrov (C) at the talks in Geneva" + lede,
			"Kerry (2nd L) and Lavrov (C) at the talks in Geneva", dyad.KindCaption},
		{"credit inside the caption", head + "Rescue workers search the rubble in Aleppo. Photograph: Karam al-Masri/AFP/Getty Images" + lede,
			"Rescue workers search the rubble in Aleppo. Photograph: Karam al-Masri/AFP/Getty Images", dyad.KindCaption},
		{"image caption label", head + "Image caption Rebels have held the district since 2012" + lede,
			"Image caption Rebels have held the district since 2012", dyad.KindCaption},
		{"file photo note", head + "Syrian President Bashar al-Assad in Damascus (File photo)" + lede,
			"Syrian President Bashar al-Assad in Damascus (File photo)", dyad.KindCaption},
		{"verb and date without a credit", head + "Kurdish fighters patrol near Kobani, Syria, January 28, 2015" + lede,
			"Kurdish fighters patrol near Kobani, Syria, January 28, 2015", dyad.KindCaption},
		{"pictured", head + "Syrian army soldiers are pictured in Palmyra on March 27, 2016" + lede,
			"Syrian army soldiers are pictured in Palmyra on March 27, 2016", dyad.KindCaption},
		{"after a caption label", head + "Image caption\nRussian jets at an airbase near Latakia" + lede,
			"Russian jets at an airbase near Latakia", dyad.KindCaption},
		{"wire caption with handout", head + "Assad speaks in Damascus in this handout picture provided by SANA on December 3, 2015. SANA/Handout via REUTERS" + lede,
			"Assad speaks in Damascus in this handout picture provided by SANA on December 3, 2015. SANA/Handout via REUTERS", dyad.KindCaption},
		{"bracketed agency at the end", head + "Smoke rises over the town after an air strike [Reuters]" + lede,
			"Smoke rises over the town after an air strike [Reuters]", dyad.KindCaption},
		{"name/agency after the stop", head + "Rescuers search the rubble in Aleppo. Ameer Alhalbi/AFP" + lede,
			"Rescuers search the rubble in Aleppo. Ameer Alhalbi/AFP", dyad.KindCaption},
		{"picture taken on", head + "A picture taken on December 3, 2015 shows smoke rising over the Jobar district of Damascus." + lede,
			"A picture taken on December 3, 2015 shows smoke rising over the Jobar district of Damascus.", dyad.KindCaption},
		{"AFP photo credit inside", head + "Smoke billows after an air strike on Douma. AFP PHOTO / ABD DOUMANY" + lede,
			"Smoke billows after an air strike on Douma. AFP PHOTO / ABD DOUMANY", dyad.KindCaption},
		{"body: a photo taken by a resident", head + "Residents shared a photo taken by a neighbour that showed the damage." + lede,
			"Residents shared a photo taken by a neighbour that showed the damage.", dyad.KindBody},
		{"body with an agency at the start", head + "BEIRUT (Reuters) - Rebels shelled the town, a monitor said (AFP)." + lede,
			"BEIRUT (Reuters) - Rebels shelled the town, a monitor said (AFP).", dyad.KindBody},

		{"standfirst before a credit says", head + "Kerry says opposition could fight ISIS before Assad leaves office\n\nPhoto by: AFP" + lede,
			"Kerry says opposition could fight ISIS before Assad leaves office", dyad.KindBody},
		{"lede after a credit", head + "Photo by Michael Reynolds/EPA\n\nKerry says Assad \"has to go,\" but the timing should be decided through negotiation." + lede,
			"Kerry says Assad \"has to go,\" but the timing should be decided through negotiation.", dyad.KindBody},
		{"standfirst with a stop before a credit", head + "The top US diplomat called on Russia to use its influence.\nPhoto by Michael Reynolds/EPA" + lede,
			"The top US diplomat called on Russia to use its influence.", dyad.KindBody},
		{"is seen as", head + "Assad is seen as the main obstacle to peace, diplomats say." + lede,
			"Assad is seen as the main obstacle to peace, diplomats say.", dyad.KindBody},
		{"looks set to", head + "Russia looks set to extend its air campaign." + lede,
			"Russia looks set to extend its air campaign.", dyad.KindBody},
		{"subheading without a verb", head + "The battle for Aleppo" + lede,
			"The battle for Aleppo", dyad.KindBody},
		{"dateline with an agency", head + "DAMASCUS, Dec 3 (Reuters) - Syrian troops advanced on Thursday." + lede,
			"DAMASCUS, Dec 3 (Reuters) - Syrian troops advanced on Thursday.", dyad.KindBody},
		{"caption-like headline stays headline", "Kerry arrives in Moscow for talks with Putin\n\nPhoto: AFP" + lede,
			"Kerry arrives in Moscow for talks with Putin", dyad.KindHeadline},
		{"headline after a credit at the top", "Photo: AFP\n\nKerry and Lavrov agree on new Syria talks" + lede,
			"Kerry and Lavrov agree on new Syria talks", dyad.KindHeadline},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := blockOf(t, tt.text, tt.line)
			if b.Kind != tt.kind {
				t.Errorf("%q: kind %s (rule %q), want %s", tt.line, b.Kind, b.Rule, tt.kind)
			}
			if tt.kind == dyad.KindCaption && b.Rule != clean.RuleCaption {
				t.Errorf("caption rule %q, want %q", b.Rule, clean.RuleCaption)
			}
		})
	}
}

// TestBlocksStructure checks line splitting, trimming, paragraphs and the
// one headline.
func TestBlocksStructure(t *testing.T) {
	text := "\ufeff  FYI.\r\n\r\nRebels seize town\r\nPhoto: AFP\r\n\r\n\r\n \u00a0Troops retreated.\u00a0 \rLast line"
	blocks := clean.Blocks(text)
	type blk struct {
		text string
		kind dyad.SentenceKind
		rule string
		para int
	}
	want := []blk{
		{"FYI.", dyad.KindBoilerplate, clean.RuleFYI, 0},
		{"Rebels seize town", dyad.KindHeadline, "", 1},
		{"Photo: AFP", dyad.KindBoilerplate, clean.RulePhotoCredit, 1},
		{"Troops retreated.", dyad.KindBody, "", 2},
		{"Last line", dyad.KindBody, "", 2},
	}
	if len(blocks) != len(want) {
		t.Fatalf("got %d blocks, want %d", len(blocks), len(want))
	}
	for i, w := range want {
		b := blocks[i]
		got := blk{text[b.Start:b.End], b.Kind, b.Rule, b.Para}
		if got != w {
			t.Errorf("block %d = %+v, want %+v", i, got, w)
		}
	}
	span, ok := clean.Headline(text, blocks)
	if !ok || text[span.Start:span.End] != "Rebels seize town" {
		t.Errorf("Headline = %v %v", span, ok)
	}
}

func TestBlocksHeadlineCount(t *testing.T) {
	tests := []struct {
		name, text string
		headline   string // "" for none
	}{
		{"empty", "", ""},
		{"blank", " \n\u00a0\n\t\n", ""},
		{"only boilerplate", "Advertisement\n\nShare this article", "Advertisement"},
		{"one line", "Rebels seize town", "Rebels seize town"},
		{"caption before the headline text", "Photo: AFP\nKerry (L) gestures in Vienna\n\nKerry urges talks\n\nHe urged talks.", "Kerry urges talks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := clean.Blocks(tt.text)
			n := 0
			for _, b := range blocks {
				if b.Kind == dyad.KindHeadline {
					n++
				}
			}
			span, ok := clean.Headline(tt.text, blocks)
			switch {
			case tt.headline == "" && (ok || n != 0):
				t.Errorf("found a headline in %q", tt.text)
			case tt.headline != "" && (!ok || n != 1 || tt.text[span.Start:span.End] != tt.headline):
				t.Errorf("headline %v %v (%d headlines), want %q", span, ok, n, tt.headline)
			}
		})
	}
}

// FuzzBlocks checks that any bytes classify without panicking into ordered,
// trimmed, non-empty blocks with at most one headline.
func FuzzBlocks(f *testing.F) {
	for _, s := range []string{"", "a\nb", "FYI.\r\n\r\nNews\n\nHead\nPhoto: AFP\nX (L) gestures", "\xff\n\u00a0\n0\n1096", "\r\r\n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		blocks := clean.Blocks(text)
		prev, heads := 0, 0
		for _, b := range blocks {
			if b.Start < prev || b.End <= b.Start || b.End > len(text) {
				t.Fatalf("block [%d,%d) after %d in %d bytes", b.Start, b.End, prev, len(text))
			}
			if strings.ContainsAny(text[b.Start:b.End], "\r\n") {
				t.Fatalf("block %q spans lines", text[b.Start:b.End])
			}
			if b.Kind == dyad.KindHeadline {
				heads++
			}
			prev = b.End
		}
		if len(blocks) > 0 && heads != 1 {
			t.Fatalf("%d headlines", heads)
		}
	})
}
