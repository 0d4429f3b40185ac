package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/clean"
)

// Tokens splits text[start:end] into tokens the way Universal Dependencies
// English (EWT) does, since the tagger and parser are trained on EWT:
//
//   - punctuation is split off words, except inside abbreviations ("U.S.",
//     "Dec.", "Mr.", "a.m."), initials ("W."), numbers ("3.5", "250,000",
//     "10:30", "12/17/2015"), URLs, e-mail addresses, @handles and
//     #hashtags;
//   - clitics are split: "don't" is "do" + "n't", "can't" "ca" + "n't",
//     "I'm" "I" + "'m", "Assad’s" "Assad" + "’s", "cannot" "can" + "not",
//     and a plural possessive "countries'" is "countries" + "'";
//   - hyphenated words stay whole ("war-torn", "al-Assad", "U.S.-backed");
//   - a number and its unit are split ("1.2bn" is "1.2" + "bn", "10am" is
//     "10" + "am"), so are "$" and "%";
//   - "...", "…", "--", "—", "?!" and each quotation mark are one token.
//
// Every Token.Text is text[Start:End]; Norm is clean.Fold(Text). Offsets
// outside the text are clamped. Tokens never panics, whatever the bytes.
func Tokens(text string, start, end int) []dyad.Token {
	start, end = clamp(text, start, end)
	l := &lexer{text: text, pos: start, end: end, toks: make([]dyad.Token, 0, (end-start)/5+1)}
	for state := lexSpace; state != nil; {
		state = state(l)
	}
	return l.toks
}

func clamp(text string, start, end int) (int, int) {
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	if start > end {
		start = end
	}
	return start, end
}

// lexer scans one span of the text into tokens.
type lexer struct {
	text string
	pos  int // next byte to read
	end  int // end of the span
	toks []dyad.Token
}

// stateFn is one state of the lexer; it returns the next state, nil at the
// end of the span.
type stateFn func(*lexer) stateFn

// at decodes the rune at byte i of the span; it returns -1 past the end.
func (l *lexer) at(i int) (rune, int) {
	if i >= l.end || i < 0 {
		return -1, 0
	}
	c := l.text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(l.text[i:l.end])
}

// before decodes the rune that ends just before byte i, within the text.
func (l *lexer) before(i int) rune {
	if i <= 0 {
		return -1
	}
	c := l.text[i-1]
	if c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeLastRuneInString(l.text[:i])
	return r
}

// emit appends the token text[start:end].
func (l *lexer) emit(start, end int) {
	if end <= start {
		return
	}
	s := l.text[start:end]
	space := false
	if end < len(l.text) {
		c := l.text[end]
		if c < utf8.RuneSelf {
			space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
		} else {
			r, _ := utf8.DecodeRuneInString(l.text[end:])
			space = isBlank(r)
		}
	}
	l.toks = append(l.toks, dyad.Token{Start: start, End: end, Text: s, Norm: norm(s), SpaceAfter: space})
}

// norm folds a token, with a table for the frequent non-ASCII tokens.
func norm(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	if n, ok := commonNorms[s]; ok {
		return n
	}
	return clean.Fold(s)
}

var commonNorms = map[string]string{
	"’": "'", "‘": "'", "“": `"`, "”": `"`, "—": "--", "–": "-", "…": "...", "’s": "'s", "’S": "'S",
	"n’t": "n't", "N’T": "N'T", "’re": "'re", "’ve": "'ve", "’ll": "'ll", "’m": "'m", "’d": "'d",
	"«": `"`, "»": `"`, "„": `"`,
}

// isBlank reports whether r separates tokens: white space and the invisible
// characters scraped text puts between words.
func isBlank(r rune) bool {
	return clean.IsSpace(r) || r == '\u200C' || r == '\u200D' || r == '\u00AD'
}

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\u00AD' || r == '\u200C' || r == '\u200D'
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// isApostrophe reports whether r can be an apostrophe inside a word.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u02BC' || r == '\u2018' || r == '`'
}

// lexSpace skips white space and chooses the scanner for the next token.
func lexSpace(l *lexer) stateFn {
	for {
		r, n := l.at(l.pos)
		if r < 0 {
			return nil
		}
		if !isBlank(r) {
			break
		}
		l.pos += n
	}
	r, n := l.at(l.pos)
	switch {
	case (r == 'h' || r == 'H' || r == 'w' || r == 'W' || r == 'f' || r == 'F') && l.urlAt(l.pos):
		return lexURL
	case isWordRune(r):
		return lexWord
	case r == '@':
		if next, _ := l.at(l.pos + 1); next < utf8.RuneSelf && isWordRune(next) {
			return lexHandle
		}
	case r == '#':
		if next, _ := l.at(l.pos + 1); isLetter(next) {
			return lexHandle
		}
	case r == '.':
		return lexDots
	case r == '-':
		return lexHyphens
	case r == '!' || r == '?':
		return lexMarks
	case isApostrophe(r):
		return lexApostrophe
	case r == ':' || r == ';':
		if e := l.emoticonAt(l.pos); e > 0 {
			l.emit(l.pos, e)
			l.pos = e
			return lexSpace
		}
	case strings.ContainsRune(repeatable, r):
		// "***", "===", "$$$", "<<": a run of one symbol is one token.
		i := l.pos + n
		for i < l.end && rune(l.text[i]) == r {
			i++
		}
		l.emit(l.pos, i)
		l.pos = i
		return lexSpace
	}
	l.emit(l.pos, l.pos+n)
	l.pos += n
	return lexSpace
}

// repeatable are the ASCII symbols whose runs are one token.
const repeatable = "*=+$<>~^#\\|"

// emoticonAt returns the end of an emoticon (":)", ":-(", ";P") starting at
// byte i, or 0.
func (l *lexer) emoticonAt(i int) int {
	j := i + 1
	if j < l.end && l.text[j] == '-' {
		j++
	}
	if j >= l.end || !strings.ContainsRune(")(PDp/|][", rune(l.text[j])) {
		return 0
	}
	j++
	if r, _ := l.at(j); isWordRune(r) {
		return 0
	}
	// "(see note:)" is not a smile: the colon must follow white space.
	if b := l.before(i); b >= 0 && !isBlank(b) {
		return 0
	}
	return j
}

// urlAt reports whether a URL starts at byte i.
func (l *lexer) urlAt(i int) bool {
	s := l.text[i:l.end]
	if len(s) < 8 {
		return false
	}
	for _, p := range []string{"http://", "https://", "ftp://", "www."} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) && isWordRune(rune(s[len(p)])) {
			return true
		}
	}
	return false
}

// lexURL scans a URL up to the next white space, leaving trailing
// punctuation and unbalanced closing brackets outside it.
func lexURL(l *lexer) stateFn {
	i := l.pos
	for {
		r, n := l.at(i)
		if r < 0 || isBlank(r) {
			break
		}
		i += n
	}
	end := i
	for end > l.pos {
		r, n := utf8.DecodeLastRuneInString(l.text[l.pos:end])
		if strings.ContainsRune(".,;:!?'\"”’»", r) ||
			(r == ')' && strings.Count(l.text[l.pos:end], "(") < strings.Count(l.text[l.pos:end], ")")) ||
			(r == ']' && !strings.Contains(l.text[l.pos:end], "[")) {
			end -= n
			continue
		}
		break
	}
	l.emit(l.pos, end)
	l.pos = end
	return lexSpace
}

// lexHandle scans an @handle or a #hashtag.
func lexHandle(l *lexer) stateFn {
	i := l.pos + 1
	for {
		r, n := l.at(i)
		if r < 0 || !(isWordRune(r) || r == '_') {
			break
		}
		i += n
	}
	l.emit(l.pos, i)
	l.pos = i
	return lexSpace
}

// lexDots scans full stops: a run of two or more is an ellipsis, a full
// stop before a digit after a space starts a number (".5").
func lexDots(l *lexer) stateFn {
	i := l.pos
	for i < l.end && l.text[i] == '.' {
		i++
	}
	if i-l.pos == 1 {
		if next, _ := l.at(i); isDigit(next) && (l.pos == 0 || isBlank(l.before(l.pos))) {
			for i < l.end && isDigit(rune(l.text[i])) {
				i++
			}
		}
	}
	l.emit(l.pos, i)
	l.pos = i
	return lexSpace
}

// lexHyphens scans hyphens: "--" and longer runs are one dash token.
func lexHyphens(l *lexer) stateFn {
	i := l.pos
	for i < l.end && l.text[i] == '-' {
		i++
	}
	l.emit(l.pos, i)
	l.pos = i
	return lexSpace
}

// lexMarks scans a run of question and exclamation marks ("?!", "!!!").
func lexMarks(l *lexer) stateFn {
	i := l.pos
	for i < l.end && (l.text[i] == '!' || l.text[i] == '?') {
		i++
	}
	l.emit(l.pos, i)
	l.pos = i
	return lexSpace
}

// lexApostrophe scans a quotation mark or apostrophe that starts a token:
// "'90s" and a doubled backquote are one token; any other is a token of its own.
func lexApostrophe(l *lexer) stateFn {
	r, n := l.at(l.pos)
	i := l.pos + n
	if r == '`' {
		if next, m := l.at(i); next == '`' {
			i += m
		}
	} else if r != '\u2018' {
		if d1, _ := l.at(i); isDigit(d1) {
			if d2, _ := l.at(i + 1); isDigit(d2) {
				j := i + 2
				if s, _ := l.at(j); s == 's' {
					j++
				}
				if after, _ := l.at(j); !isWordRune(after) {
					i = j
				}
			}
		}
	}
	l.emit(l.pos, i)
	l.pos = i
	return lexSpace
}

// lexWord scans a word, number, abbreviation, e-mail address or domain name
// and emits it, with its clitics split off.
func lexWord(l *lexer) stateFn {
	if e := l.emailAt(l.pos); e > 0 {
		l.emit(l.pos, e)
		l.pos = e
		return lexSpace
	}
	i := l.pos
	seg := i        // start of the current dot-separated segment
	dotted := false // an acronym dot was taken ("U.S")
	for {
		r, n := l.at(i)
		if r < 0 {
			break
		}
		if isWordRune(r) {
			i += n
			continue
		}
		next, m := l.at(i + n)
		prev := l.before(i)
		switch {
		case isHyphen(r) && isWordRune(next) && (isWordRune(prev) || prev == '.' && dotted):
			i += n
			seg = i
			continue
		case isApostrophe(r) && r != '`' && isLetter(next) && (isLetter(prev) || isDigit(prev) && (next == 's' || next == 'S')):
			i += n
			continue
		case r == '.':
			if isDigit(prev) && isDigit(next) {
				i += n
				continue
			}
			// Acronym: single-letter segments separated by full stops.
			if isLetter(next) && l.singleLetter(seg, i) {
				// "U.S." and "U.S" without its last stop.
				if after, _ := l.at(i + n + m); after == '.' || after < 0 || !isWordRune(after) && !isApostrophe(after) {
					i += n
					seg = i
					dotted = true
					continue
				}
			}
			if k := l.domainAt(i + n); k > 0 {
				i = k
				seg = i
				continue
			}
		case r == ',' && isDigit(prev) && l.threeDigits(i+n):
			i += n
			continue
		case (r == ':' || r == '/') && isDigit(prev) && isDigit(next):
			i += n
			continue
		case r == '&' && unicode.IsUpper(prev) && unicode.IsUpper(next):
			i += n
			continue
		}
		break
	}
	// A full stop that belongs to the word: the last of an acronym, an
	// abbreviation's, an initial's.
	if r, _ := l.at(i); r == '.' && l.keepsStop(l.pos, i, seg, dotted) {
		i++
		// "U.S.-backed": a hyphenated word may go on after the stop.
		if h, n := l.at(i); isHyphen(h) {
			if next, _ := l.at(i + n); isWordRune(next) {
				l.pos = l.scanOn(l.pos, i)
				return lexSpace
			}
		}
	}
	l.emitWord(l.pos, i)
	l.pos = i
	return lexSpace
}

// scanOn continues a hyphenated word from byte i (a hyphen after a stop),
// emits the word from start and returns where it ends.
func (l *lexer) scanOn(start, i int) int {
	for {
		r, n := l.at(i)
		if r < 0 {
			break
		}
		if isWordRune(r) {
			i += n
			continue
		}
		if next, _ := l.at(i + n); isHyphen(r) && isWordRune(next) {
			i += n
			continue
		}
		break
	}
	l.emitWord(start, i)
	return i
}

// singleLetter reports whether text[seg:i] is one letter.
func (l *lexer) singleLetter(seg, i int) bool {
	r, n := l.at(seg)
	return seg+n == i && isLetter(r)
}

// threeDigits reports whether exactly three digits start at byte i.
func (l *lexer) threeDigits(i int) bool {
	for k := 0; k < 3; k++ {
		if r, _ := l.at(i + k); !isDigit(r) {
			return false
		}
	}
	r, _ := l.at(i + 3)
	return !isDigit(r)
}

// tlds are the lower-case top-level domains that make "vice.com" a domain
// name rather than two words; ambiguous ones ("us", "in", "it") are left
// out.
var tlds = map[string]bool{
	"com": true, "org": true, "net": true, "gov": true, "edu": true, "mil": true, "int": true, "io": true,
	"info": true, "biz": true, "uk": true, "tv": true, "ru": true, "de": true, "fr": true, "tr": true,
	"sy": true, "eu": true, "ir": true, "iq": true, "il": true, "cn": true, "jp": true, "ca": true,
	"au": true, "news": true, "co": true, "ly": true, "ua": true, "ae": true, "qa": true, "sa": true,
	"lb": true, "jo": true, "pk": true, "ch": true, "nl": true,
	"gr": true, "pl": true, "ro": true, "fi": true, "dk": true, "ie": true,
	"nz": true, "za": true, "ng": true, "ke": true, "br": true, "mx": true, "kr": true,
	"online": true,
	// File name extensions.
	"pdf": true, "doc": true, "docx": true, "htm": true, "html": true, "jpg": true, "jpeg": true,
	"png": true, "gif": true, "txt": true, "xls": true, "xlsx": true, "ppt": true, "pptx": true,
	"zip": true, "mp3": true, "mp4": true, "csv": true, "php": true, "asp": true, "aspx": true,
}

// domainAt reports where a domain name's top-level part starting at byte i
// ends, or 0: a run of lower-case ASCII letters that is a known top-level
// domain, not followed by another letter.
func (l *lexer) domainAt(i int) int {
	j := i
	for j < l.end && (l.text[j] >= 'a' && l.text[j] <= 'z' || j > i && l.text[j] >= '0' && l.text[j] <= '9') {
		j++
	}
	if j == i || !tlds[l.text[i:j]] {
		return 0
	}
	if r, _ := l.at(j); isWordRune(r) {
		return 0
	}
	return j
}

// emailAt returns the end of an e-mail address starting at byte i, or 0.
func (l *lexer) emailAt(i int) int {
	j := i
	for j < l.end {
		c := l.text[j]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' {
			j++
			continue
		}
		break
	}
	if j == i || j >= l.end || l.text[j] != '@' {
		return 0
	}
	j++
	dom, dots, lastDot := j, 0, -1
	for j < l.end {
		c := l.text[j]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' {
			j++
			continue
		}
		if c == '.' && j > dom && j+1 < l.end && isWordRune(rune(l.text[j+1])) {
			dots++
			lastDot = j
			j++
			continue
		}
		break
	}
	if dots == 0 || j-lastDot < 3 {
		return 0
	}
	return j
}

// keepsStop reports whether the full stop at byte i belongs to the word
// text[start:i].
func (l *lexer) keepsStop(start, i, seg int, dotted bool) bool {
	if dotted && l.singleLetter(seg, i) {
		return true // "U.S." "a.m." "e.g."
	}
	w := l.text[start:i]
	if k := abbrevs[w]; k != notAbbrev {
		if k != abbrevNumber {
			return true
		}
		// "No. 10", "p. 5": only before a number.
		j := i + 1
		for {
			r, n := l.at(j)
			if r < 0 || !isBlank(r) {
				return isDigit(r)
			}
			j += n
		}
	}
	// An initial: one capital letter ("George W. Bush").
	// The pronoun "I" ends sentences more often than it is an initial.
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r) && r != 'I'
}

// emitWord emits text[start:end], splitting off clitics and units.
func (l *lexer) emitWord(start, end int) {
	w := l.text[start:end]
	if k := splitWhole(w); k > 0 {
		l.emit(start, start+k)
		l.emit(start+k, end)
		return
	}
	if k := cliticAt(w); k > 0 {
		l.emit(start, start+k)
		l.emit(start+k, end)
		return
	}
	if k := unitAt(w); k > 0 {
		l.emit(start, start+k)
		l.emit(start+k, end)
		return
	}
	l.emit(start, end)
}

// splitWhole splits the words EWT writes as two: "cannot" is "can" + "not",
// "gonna" is "gon" + "na".
func splitWhole(w string) int {
	if len(w) != 5 && len(w) != 6 {
		return 0
	}
	for _, x := range [...]string{"cannot", "gonna", "wanna", "gotta"} {
		if strings.EqualFold(w, x) {
			return 3
		}
	}
	return 0
}

// cliticAt returns where a clitic starts in the word w ("n't", "'s", "'m",
// "'re", "'ve", "'ll", "'d", with a straight or curly apostrophe), or 0.
func cliticAt(w string) int {
	n := len(w)
	if n < 2 {
		return 0
	}
	// Find the last apostrophe; most words have none.
	k := -1
	for i := n - 1; i > 0; i-- {
		c := w[i]
		if c == '\'' {
			k = i
			break
		}
		if c >= utf8.RuneSelf && utf8.RuneStart(c) {
			if r, _ := utf8.DecodeRuneInString(w[i:]); r == '\u2019' || r == '\u02BC' || r == '\u2018' {
				k = i
				break
			}
		}
	}
	if k <= 0 {
		return 0
	}
	_, size := utf8.DecodeRuneInString(w[k:])
	tail := strings.ToLower(w[k+size:])
	switch tail {
	case "t":
		// "n't": the clitic starts at the n.
		if k >= 2 && (w[k-1] == 'n' || w[k-1] == 'N') {
			return k - 1
		}
	case "s", "m", "d", "re", "ve", "ll":
		return k
	}
	return 0
}

// units are the unit words EWT splits from a number written against them,
// in lower case; one-letter units must be written in lower case ("5m", but
// "4G" is a code).
var units = map[string]bool{
	"bn": true, "m": true, "mn": true, "mln": true, "bln": true, "k": true, "km": true, "kg": true,
	"mm": true, "cm": true, "ft": true, "lb": true, "lbs": true, "mph": true, "kph": true, "am": true,
	"pm": true, "tn": true, "gw": true, "mw": true, "kw": true, "ml": true, "kmh": true,
	"mi": true, "hrs": true, "yrs": true, "bbl": true, "min": true, "sec": true, "p": true,
	"gb": true, "mb": true, "tb": true, "kb": true,
}

// unitAt returns where a unit starts in a number written against it
// ("1.2bn", "10am", "5km"), or 0. Ordinals and decades ("3rd", "1990s") and
// codes ("4G", "F-16") are not split.
func unitAt(w string) int {
	if w == "" || !isDigit(rune(w[0])) {
		return 0
	}
	i := 0
	for i < len(w) && (isDigit(rune(w[i])) || (w[i] == '.' || w[i] == ',' || w[i] == ':') && i+1 < len(w) && isDigit(rune(w[i+1]))) {
		i++
	}
	if i == len(w) || i == 0 {
		return 0
	}
	u := w[i:]
	if len(u) > 3 {
		return 0
	}
	for k := 0; k < len(u); k++ {
		if !isLetter(rune(u[k])) {
			return 0
		}
	}
	if len(u) == 1 && !(u[0] >= 'a' && u[0] <= 'z' || u[0] == 'K') || !units[strings.ToLower(u)] {
		return 0
	}
	return i
}
