package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineRule classifies a line as boilerplate by looking at the line alone.
type lineRule struct {
	name  string
	match func(l *line) bool
}

// lineRules are tried in order; the first that matches names the line.
// Every rule looks at the whole line, so a body sentence that merely starts
// with "News" or contains "Advertisement" is never matched.
var lineRules = []lineRule{
	{RuleAdvertisement, isAdvertisement},
	{RuleContinueReading, isContinueReading},
	{RuleStoryAge, isStoryAge},
	{RuleFYI, func(l *line) bool { return strings.TrimRight(l.lower, ".:! ") == "fyi" }},
	{RuleSectionLabel, isSectionLabel},
	{RuleCounter, isCounter},
	{RuleTimestamp, isTimestamp},
	{RuleRelated, isRelated},
	{RuleReadMore, isReadMore},
	{RuleFollow, isFollow},
	{RuleWatch, isWatch},
	{RuleClickHere, isClickHere},
	{RuleSignUp, isSignUp},
	{RuleShare, isShare},
	{RuleReportingCredit, isReportingCredit},
	{RuleCopyright, isCopyright},
	{RuleRightsReserved, isRightsReserved},
	{RulePhotoCredit, isPhotoCredit},
	{RuleAgencyCredit, isAgencyCredit},
	{RuleByline, isByline},
	{RuleReadTime, isReadTime},
	{RuleCaptionLabel, isCaptionLabel},
	{RuleTopics, isTopicsHeader},
	{RuleSeparator, isSeparator},
	{RuleNavigation, isNavigation},
}

// isReadTime matches reading-time labels: "4 Min Read", "3 minute read".
func isReadTime(l *line) bool {
	ws := strings.Fields(l.bare())
	if len(ws) < 2 || len(ws) > 3 || ws[len(ws)-1] != "read" || !isCount(ws[0]) {
		return false
	}
	if len(ws) == 2 {
		return strings.HasSuffix(ws[0], "min")
	}
	switch ws[1] {
	case "min", "mins", "minute", "minutes":
		return true
	}
	return false
}

// isCaptionLabel matches a label line whose next line is a caption (BBC
// style: "Image caption," then the caption).
func isCaptionLabel(l *line) bool {
	switch l.bare() {
	case "image caption", "media caption", "caption", "photo caption", "picture caption", "video caption":
		return true
	}
	return false
}

// isTopicsHeader matches the header of a tag list at the foot of an
// article.
func isTopicsHeader(l *line) bool {
	switch l.bare() {
	case "topics", "related topics", "tags", "topic", "more on this story", "more on this topic",
		"explore more on these topics", "related tags", "categories", "filed under", "keywords":
		return true
	}
	return false
}

// isSeparator matches a line of symbols only: "___", "* * *", "-----".
func isSeparator(l *line) bool {
	for _, r := range l.fold {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// isNavigation matches the page furniture that scrapers keep.
func isNavigation(l *line) bool {
	switch l.bare() {
	case "skip to content", "skip to main content", "skip to navigation", "menu", "search", "sign in", "log in",
		"login", "subscribe", "close", "loading", "loading...", "newsletter", "newsletters",
		"listen to this article", "listen", "print this page", "back to top", "toggle navigation",
		"accept cookies", "accept all cookies", "listen to article", "play video", "show more", "show less",
		"expand", "collapse", "next article", "previous article", "open in app", "gift article",
		"save article", "save", "print", "comments", "view comments", "leave a comment", "add a comment",
		"get short url", "short url", "trends", "more", "you might like", "recommended", "most viewed":
		return true
	}
	if isBreadcrumb(l) {
		return true
	}
	return strings.Contains(l.lower, "cookies") && containsAny(l.lower, "we use", "this site uses", "this website uses", "accept") && len(l.words) <= 40
}

// isBreadcrumb matches a navigation trail: "Home » World » Middle East".
func isBreadcrumb(l *line) bool {
	if len(l.words) > 12 || terminal(l.fold) {
		return false
	}
	parts := strings.FieldsFunc(l.raw, func(r rune) bool { return r == '»' || r == '›' || r == '>' })
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if len(strings.Fields(p)) > 3 {
			return false
		}
	}
	return true
}

// isNameInPlace matches a byline without "By": two to four capitalised
// names, "in", one to three capitalised place names ("Julian Borger in
// Munich").
func isNameInPlace(l *line) bool {
	ws := l.words
	if len(ws) < 4 || len(ws) > 8 || terminal(l.fold) || strings.ContainsAny(l.fold, ",:;\"'()") {
		return false
	}
	k := -1
	for i, w := range ws {
		if w == "in" {
			k = i
			break
		}
	}
	if k < 2 || k > 4 || len(ws)-k-1 < 1 || len(ws)-k-1 > 3 {
		return false
	}
	for i, w := range ws {
		if i == k || nameParticles[w] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !isUpper(r) {
			return false
		}
	}
	return true
}

// nearTimestamp reports whether a time stamp is the line before or after
// lines[i].
func nearTimestamp(lines []line, i int) bool {
	return i > 0 && lines[i-1].Rule == RuleTimestamp || i+1 < len(lines) && lines[i+1].Rule == RuleTimestamp
}

// bare returns the folded lower-case line without surrounding punctuation
// and brackets, with runs of spaces collapsed.
func (l *line) bare() string {
	if l.bared == "" {
		l.bared = strings.Join(strings.Fields(strings.Trim(l.lower, " .:;,!|-()[]*•")), " ")
	}
	return l.bared
}

func hasPrefixAny(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func containsAny(s string, subs ...string) bool {
	for _, p := range subs {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func isAdvertisement(l *line) bool {
	switch l.bare() {
	case "advertisement", "advertisements", "advert", "ad", "sponsored", "sponsored content",
		"paid content", "promoted content", "promoted", "story continues below advertisement",
		"advertisement - scroll to continue", "advertisement scroll to continue",
		"scroll to continue with content", "article continues below advertisement",
		"content continues below", "ads", "ad feedback":
		return true
	}
	return false
}

func isContinueReading(l *line) bool {
	switch l.bare() {
	case "continue reading the main story", "continue reading", "continue reading below",
		"story continues below", "story continues", "article continues below",
		"the story continues below", "continue reading below the ad":
		return true
	}
	return false
}

func isStoryAge(l *line) bool {
	if !hasPrefixAny(l.lower, "this story is ", "this article is ", "this article was ", "this story was ",
		"this content is ", "this content was ", "this piece is ", "this piece was ") {
		return false
	}
	return len(l.words) <= 12 && containsAny(l.lower, " old", " ago") &&
		containsAny(l.lower, "year", "month", "week", "day")
}

// sectionLabels are the section and rubric names that sites print above
// headlines.
var sectionLabels = map[string]bool{
	"news": true, "world": true, "world news": true, "us news": true, "uk news": true, "us": true,
	"middle east": true, "europe": true, "africa": true, "asia": true, "americas": true,
	"asia pacific": true, "asia-pacific": true, "politics": true, "opinion": true, "analysis": true,
	"comment": true, "commentary": true, "editorial": true, "business": true, "sport": true,
	"sports": true, "breaking": true, "breaking news": true, "exclusive": true, "live": true,
	"latest": true, "latest news": true, "features": true, "feature": true, "top stories": true,
	"international": true, "national": true, "local": true, "in depth": true, "in-depth": true,
	"explainer": true, "interview": true, "investigation": true, "update": true, "developing": true,
	"developing story": true, "just in": true, "world politics": true, "conflict": true,
	"news analysis": true, "op-ed": true, "video": true, "videos": true, "photos": true,
	"gallery": true, "world affairs": true, "diplomacy": true, "defense": true, "defence": true,
	"security": true, "global": true, "region": true, "more": true, "home": true,
}

func isSectionLabel(l *line) bool {
	if len(l.words) > 3 {
		return false
	}
	b := strings.TrimRight(l.bare(), " >»/|")
	return sectionLabels[b]
}

// isCounter matches share, comment and view counters: lines of numbers,
// perhaps with a unit ("1.2K", "12 comments").
func isCounter(l *line) bool {
	if len(l.words) == 0 || len(l.words) > 4 {
		return false
	}
	nums := 0
	for _, w := range strings.Fields(l.bare()) {
		switch w {
		case "shares", "share", "comments", "comment", "views", "view", "likes", "like",
			"reads", "retweets", "replies", "reactions":
			continue
		}
		if !isCount(w) {
			return false
		}
		nums++
	}
	return nums > 0
}

// isCount reports whether w is a number as counters print it: digits with
// thousands separators or a decimal point, perhaps with a K or M suffix.
func isCount(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "k"), "m")
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= '0' && c <= '9' || c == ',' || c == '.') {
			return false
		}
	}
	return true
}

// timestampWords are the words, besides numbers and month names, that a
// time stamp line may hold.
var timestampWords = map[string]bool{
	"at": true, "on": true, "am": true, "pm": true, "a": true, "m": true, "p": true, "gmt": true,
	"utc": true, "bst": true, "cet": true, "cest": true, "est": true, "edt": true, "pst": true,
	"pdt": true, "cst": true, "cdt": true, "et": true, "pt": true, "msk": true, "ast": true,
	"ist": true, "eet": true, "eest": true, "local": true, "time": true, "ago": true, "hour": true,
	"hours": true, "hrs": true, "hr": true, "h": true, "minute": true, "minutes": true, "min": true,
	"mins": true, "day": true, "days": true, "week": true, "weeks": true, "and": true, "by": true,
	"t": true, "z": true, "th": true, "st": true, "nd": true, "rd": true, "of": true, "last": true,
	"updated": true, "published": true, "posted": true, "modified": true, "first": true,
	"date": true, "dated": true, "yesterday": true, "today": true, "update": true, "edited": true,
	"created": true,
}

// timestampPrefixes start the lines that give a publication or update time.
var timestampPrefixes = []string{
	"updated", "last updated", "last update", "published", "first published", "originally published",
	"posted", "last modified", "modified", "date", "dated", "published on", "posted on", "edited",
	"published time", "edited time", "updated time", "created",
}

// isTimestamp matches "Updated Dec 17, 2015", "Published 3 March 2016",
// "Last updated: 10:41 GMT, 3 December 2015", "Posted 2 hours ago" and lines
// that are only a date and time. Every word after the keyword must belong to
// a date or a time, so "Updated figures released on Monday ..." is body.
func isTimestamp(l *line) bool {
	if len(l.words) > 14 {
		return false
	}
	prefixed := false
	for _, p := range timestampPrefixes {
		if strings.HasPrefix(l.lower, p) {
			rest := l.lower[len(p):]
			if rest == "" || rest[0] == ' ' || rest[0] == ':' {
				prefixed = true
				break
			}
		}
	}
	toks := dateTokens(l.fold)
	digits, dated := false, false
	if len(FindDates(l.fold)) > 0 {
		dated = true
	}
	for _, t := range toks {
		switch t.kind {
		case 'n':
			digits = true
		case 'w':
			lw := strings.ToLower(t.text)
			if month(t) != 0 || weekdayNames[lw] || timestampWords[lw] {
				if lw == "ago" {
					dated = true
				}
				continue
			}
			return false
		case 'p':
			if !strings.Contains(":,.-/|()+", t.text) {
				return false
			}
		}
	}
	if !digits {
		return false
	}
	if prefixed {
		return true
	}
	// Without a keyword the line must hold a whole date, so that a lone
	// number stays a counter.
	return dated
}

func isRelated(l *line) bool {
	if hasPrefixAny(l.lower, "related:", "related -", "related –", "related content", "related articles",
		"related article:", "related stories", "related story:", "related coverage", "related news",
		"related video", "related links", "related reading", "see also:",
		"also read:", "read also:", "also see:", "recommended:", "recommended for you",
		"recommended reading", "more on this story", "more on this topic", "you may also like",
		"you might also like", "you may be interested in", "more from ", "most read", "most popular",
		"trending now", "more stories", "more news", "top stories:", "suggested reading") {
		return len(l.words) <= 30
	}
	return l.bare() == "related"
}

func isReadMore(l *line) bool {
	if hasPrefixAny(l.lower, "read more:", "read more ", "read more", "read:", "read next", "read the full ",
		"read the latest", "read our ", "more:") {
		if l.bare() == "read more" || strings.HasPrefix(l.lower, "read more:") || strings.HasPrefix(l.lower, "read:") ||
			strings.HasPrefix(l.lower, "more:") {
			return len(l.words) <= 30
		}
		return len(l.words) <= 15 && !terminal(l.fold)
	}
	return false
}

// socialNetworks are the services "Follow ... on X" lines name.
var socialNetworks = []string{
	" on twitter", " on facebook", " on instagram", " on telegram", " on linkedin", " on youtube",
	" on tiktok", " on threads", " on bluesky", " on mastodon", " on whatsapp", " on x:", " on x.",
}

func isFollow(l *line) bool {
	if !strings.HasPrefix(l.lower, "follow ") || len(l.words) > 20 {
		return false
	}
	if containsAny(l.lower, socialNetworks...) || strings.HasSuffix(l.lower, " on x") {
		return true
	}
	if strings.HasPrefix(l.lower, "follow us") || strings.HasPrefix(l.lower, "follow @") {
		return true
	}
	// "Follow Jane Smith: @jsmith"
	return strings.Contains(l.lower, "@") && !terminal(l.fold) && len(l.words) <= 10
}

func isWatch(l *line) bool {
	if hasPrefixAny(l.lower, "watch:", "watch -", "video:", "video -", "watch live:", "watch video:", "watch the video", "listen:") {
		return len(l.words) <= 30
	}
	if !strings.HasPrefix(l.lower, "watch ") || len(l.words) > 30 {
		return false
	}
	return containsAny(l.lower, "documentary", "video", "footage", "live stream", "livestream", "full episode",
		"our coverage", "live coverage", " live ", "the film") && (!terminal(l.fold) || strings.HasSuffix(l.fold, ":"))
}

func isClickHere(l *line) bool {
	return hasPrefixAny(l.lower, "click here", "click to ", "click on the link", "click the link", "tap here",
		"click on this link", "click this link") && len(l.words) <= 30
}

func isSignUp(l *line) bool {
	if !hasPrefixAny(l.lower, "sign up", "subscribe ", "subscribe:", "get our ", "register for ", "register now",
		"join our ", "download our app", "download the app", "get the latest") || len(l.words) > 30 {
		return false
	}
	return containsAny(l.lower, "newsletter", "email", "e-mail", "alerts", "updates", "digest", "briefing",
		" our ", " here", "inbox", "free", "app", "podcast", "channel", "subscribe", "headlines")
}

// shareWords are the words of the share bars under a headline.
var shareWords = map[string]bool{
	"share": true, "shares": true, "this": true, "article": true, "story": true, "page": true, "on": true,
	"via": true, "with": true, "facebook": true, "twitter": true, "x": true, "email": true, "e-mail": true,
	"print": true, "tweet": true, "whatsapp": true, "linkedin": true, "reddit": true, "pinterest": true,
	"messenger": true, "telegram": true, "copy": true, "link": true, "comments": true, "comment": true,
	"save": true, "flipboard": true, "pocket": true, "sms": true, "mail": true, "url": true,
	"|": true, "/": true, "•": true, "-": true, "copied": true, "gift": true,
}

func isShare(l *line) bool {
	if len(l.words) > 10 {
		return false
	}
	ws := strings.Fields(l.bare())
	if len(ws) == 0 {
		return false
	}
	social := false
	for _, w := range ws {
		w = strings.Trim(w, ",.:")
		if !shareWords[w] {
			return false
		}
		if w != "this" && w != "on" && w != "via" && w != "with" && w != "article" && w != "story" && w != "page" {
			social = true
		}
	}
	return social
}

func isReportingCredit(l *line) bool {
	s := strings.TrimLeft(l.lower, "( [")
	// "Reporting from Aleppo has become impossible." is body: every prefix
	// names the credit ("by", a colon) or is unambiguous.
	return hasPrefixAny(s, "reporting by", "additional reporting by", "additional reporting from",
		"additional reporting:", "writing by", "editing by", "compiled by", "edited by",
		"reported by", "with reporting by", "with additional reporting", "reporting:", "writing:",
		"editing:", "additional writing by", "research by", "graphics by", "produced by") && len(l.words) <= 40 ||
		// "Associated Press writer Zeina Karam contributed to this report."
		len(l.words) <= 30 && containsAny(l.lower, "contributed to this report", "contributed reporting",
			"contributed to this story", "contributed additional reporting")
}

func isCopyright(l *line) bool {
	if isPhotoCopyright(l) {
		return false // "© AP Photo/ Hassan Ammar" is a photo credit
	}
	if strings.HasPrefix(l.raw, "©") || strings.HasPrefix(l.lower, "(c) ") {
		return len(l.words) <= 40
	}
	// "Copyright 2016 Reuters", but not "Copyright disputes are common."
	if strings.HasPrefix(l.lower, "copyright") {
		return len(l.words) <= 40 && (strings.ContainsAny(l.raw, "©0123456789") || !terminal(l.fold) && len(l.words) <= 6)
	}
	return false
}

func isRightsReserved(l *line) bool {
	return strings.Contains(l.lower, "all rights reserved") && len(l.words) <= 20
}

// agencies are news and photo agencies and photo libraries, in lower case,
// as credit lines name them.
var agencies = map[string]bool{
	"reuters": true, "afp": true, "ap": true, "the associated press": true, "associated press": true,
	"epa": true, "epa-efe": true, "efe": true, "getty": true, "getty images": true, "anadolu": true,
	"anadolu agency": true, "aa": true, "sana": true, "xinhua": true, "tass": true, "itar-tass": true,
	"sputnik": true, "ria novosti": true, "ria": true, "shutterstock": true, "alamy": true, "pa": true,
	"pa images": true, "pa media": true, "pa wire": true, "bloomberg": true, "dpa": true, "upi": true,
	"ansa": true, "kyodo": true, "yonhap": true, "irna": true, "tasnim": true, "fars": true, "mehr": true,
	"isna": true, "wenn": true, "nurphoto": true, "sopa images": true, "zuma": true, "zuma press": true,
	"zuma wire": true, "redux": true, "polaris": true, "abaca": true, "abacapress": true, "corbis": true,
	"handout": true, "pool": true, "ap photo": true, "afp photo": true, "reuters photo": true, "dha": true,
	"iha": true, "trt world": true, "trtworld": true, "bbc": true, "cnn": true, "al jazeera": true,
	"agencies": true, "news agencies": true, "wires": true, "wire services": true, "staff": true,
	"rex": true, "rex features": true, "rex/shutterstock": true, "sipa": true, "sipa press": true,
	"imago": true, "picture alliance": true, "picture-alliance": true, "ap images": true, "file": true,
	"stringer": true, "courtesy": true, "social media": true, "twitter": true, "youtube": true,
	"facebook": true, "supplied": true, "wikimedia commons": true, "wikimedia": true, "ani": true,
	"pti": true, "ians": true, "apa": true, "anp": true, "belga": true, "tt": true, "ntb": true,
	"scanpix": true, "middle east eye": true, "mee": true, "the new york times": true,
	"the washington post": true, "ria-novosti": true, "interfax": true, "ifax": true, "ap/pa": true,
}

// isAgencyName reports whether the line is only agency names: "Reuters",
// "AFP/Getty Images", "AP, Reuters", "— AFP", "(Reuters)".
func isAgencyName(l *line) bool {
	if len(l.words) > 6 || terminalSentence(l.fold) {
		return false
	}
	b := strings.Trim(l.lower, " .-–—()[]*")
	parts := strings.FieldsFunc(b, func(r rune) bool { return r == '/' || r == ',' || r == ';' || r == '|' || r == '&' })
	if len(parts) == 0 {
		return false
	}
	for _, p := range parts {
		p = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p), "and "))
		p = strings.TrimSpace(strings.TrimPrefix(p, "via "))
		if !agencies[p] {
			return false
		}
	}
	return true
}

// terminalSentence reports whether f ends like a sentence of several words
// (a full stop after a lower-case word), which a credit line never does.
func terminalSentence(f string) bool {
	if !terminal(f) {
		return false
	}
	ws := strings.Fields(f)
	if len(ws) < 3 {
		return false
	}
	last := ws[len(ws)-1]
	r, _ := utf8.DecodeRuneInString(last)
	return unicode.IsLower(r)
}

// isAgencyCredit matches the credit line at the end of an article: "AFP and
// agencies", "TRTWorld and agencies", "Source: Reuters", "With AFP".
func isAgencyCredit(l *line) bool {
	if len(l.words) > 8 || terminalSentence(l.fold) {
		return false
	}
	b := l.bare()
	if b == "agencies" || b == "news agencies" || b == "wires" || b == "wire services" || b == "agencies contributed to this report" {
		return true
	}
	if hasSuffixAny(b, " and agencies", " & agencies", " and news agencies", " with agencies", " and wires",
		" and wire services", " / agencies", "/agencies", ", agencies", " and agency", "with agencies") {
		return true
	}
	for _, p := range []string{"source:", "sources:", "with ", "via ", "additional reporting from ", "(with "} {
		if strings.HasPrefix(b, p) {
			rest := &line{lower: strings.TrimSpace(b[len(p):])}
			rest.fold = rest.lower
			rest.words = strings.Fields(rest.lower)
			return len(rest.words) > 0 && isAgencyName(rest)
		}
	}
	return false
}

func hasSuffixAny(s string, suffixes ...string) bool {
	for _, p := range suffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// isByline matches "By John Smith", "By Jane Doe and John Smith, Reuters",
// "By JOHN SMITH Associated Press": every word after "By" is capitalised or
// a name particle, and the line does not end like a sentence.
func isByline(l *line) bool {
	if !strings.HasPrefix(l.fold, "By ") && !strings.HasPrefix(l.fold, "BY ") || len(l.words) > 9 || len(l.words) < 2 || terminalSentence(l.fold) {
		return false
	}
	if strings.HasSuffix(l.fold, ".") && !strings.HasSuffix(l.fold, "Jr.") {
		return false
	}
	for _, w := range l.words[1:] {
		w = strings.Trim(w, ",|()")
		if w == "" || w == "and" || w == "&" || w == "-" || w == "in" || nameParticles[w] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !isUpper(r) {
			return false
		}
	}
	return true
}

// nameParticles are lower-case words inside personal names.
var nameParticles = map[string]bool{
	"al": true, "al-": true, "el": true, "bin": true, "ibn": true, "bint": true, "abu": true, "de": true,
	"da": true, "del": true, "della": true, "der": true, "di": true, "du": true, "la": true, "le": true,
	"van": true, "von": true, "y": true, "ul": true, "ud": true, "ad": true, "as": true, "an": true,
	"ben": true, "dos": true, "das": true, "do": true, "of": true,
}

func isUpper(r rune) bool { return unicode.IsUpper(r) || unicode.IsTitle(r) }

// isPhotoCopyright matches a copyright sign that credits a photo: "© AP
// Photo/ Hassan Ammar", "© Sputnik/ Mikhail Voskresenskiy".
func isPhotoCopyright(l *line) bool {
	return (strings.HasPrefix(l.raw, "©") || strings.HasPrefix(l.lower, "(c) ")) && len(l.words) <= 10 &&
		(strings.Contains(l.lower, "photo") || strings.Contains(l.fold, "/")) && !terminalSentence(l.fold)
}

// photoPrefixes start photo credit lines.
var photoPrefixes = []string{
	"photo:", "photo by", "photos:", "photos by", "photo credit", "photo courtesy", "photograph:",
	"photograph by", "photographs:", "photographs by", "photography:", "photography by", "picture:",
	"pictures:", "picture by", "pictures by", "picture credit", "pic:", "pics:", "image:", "images:",
	"image by", "images by", "image source", "image copyright", "image credit", "images credit", "credit:",
	"credits:", "photo/", "photo /", "ap photo", "afp photo", "reuters photo", "epa photo", "getty images",
	"copyright:", "source image:", "video grab", "screengrab", "screen grab", "(photo", "(image", "(credit",
	"(picture", "(ap photo", "(afp photo", "(reuters", "(epa", "(getty", "(file photo", "file photo",
	"photo source", "photo/file", "header image", "top image", "featured image", "main image", "lead image",
	"cover photo", "cover image",
}

// isPhotoCredit matches photo credit lines: "Photo by: AFP", "Photo by Michael
// Reynolds/EPA", "Photo: ...", "(Photo: ...)", "Image: ...", "Credit: ...",
// "Getty Images", "Reuters/John Smith", "John Smith/AFP/Getty Images".
func isPhotoCredit(l *line) bool {
	if len(l.words) > 16 {
		return false
	}
	if isPhotoCopyright(l) {
		return true
	}
	if hasPrefixAny(l.lower, photoPrefixes...) {
		if strings.HasPrefix(l.lower, "file photo") && len(l.words) > 4 {
			// "File photo of President Assad in Damascus" is a caption.
			return false
		}
		return !terminalSentence(l.fold)
	}
	if terminal(l.fold) || len(l.words) > 8 {
		return false
	}
	if strings.HasSuffix(l.lower, "getty images") || strings.HasSuffix(l.lower, "/getty") ||
		strings.HasSuffix(l.lower, "via getty") || strings.HasSuffix(l.lower, "/shutterstock") {
		return true
	}
	// Name/Agency and Agency/Name: every part a short name.
	if strings.Contains(l.fold, "/") && !strings.Contains(l.fold, ". ") {
		agency := false
		for _, p := range strings.Split(strings.Trim(l.lower, " ()[]"), "/") {
			p = strings.TrimSpace(p)
			if len(strings.Fields(p)) > 4 {
				return false
			}
			agency = agency || agencies[p] || strings.HasSuffix(p, " via reuters") || strings.HasSuffix(p, " via afp")
		}
		return agency
	}
	return false
}
