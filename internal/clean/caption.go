package clean

import (
	"strings"
	"unicode/utf8"
)

// A caption is recognised by three kinds of evidence, none of them tied to
// one outlet's wording:
//
//   - place: the line comes right after a photo credit, or right before one;
//   - form: no sentence punctuation at the end, often a place and a full
//     date instead ("... in Moscow, Russia December 15, 2015");
//   - wording: a named subject followed by a present-tense caption verb
//     ("John Kerry (L) gestures", "Syrian refugees wait"), position markers
//     such as "(L)" or "(2nd R)", an archive note ("Bashar al Assad -
//     Archive", "File photo"), or a credit inside the line ("...
//     Photograph: Louai Beshara/AFP").
//
// Strong wording decides alone; otherwise place and form must agree.

// isCaption reports whether lines[i] describes a photo. seenText tells
// whether a line that may be the headline came before it.
func isCaption(lines []line, i int, seenText bool) bool {
	l := &lines[i]
	if len(l.words) == 0 || len(l.words) > 80 {
		return false
	}
	if strongCaption(l) {
		return true
	}
	if terminal(l.fold) {
		return false
	}
	verb := captionVerbAt(l)
	switch {
	case creditBefore(lines, i):
		// Right under a photo credit: a caption, unless nothing that could
		// be the headline has come yet and the line gives no sign.
		return seenText || verb != noVerb || nameOnly(l) || endsWithDate(l)
	case !seenText || verb == noVerb:
		return false
	case creditAfter(lines, i) && verb == strongVerb:
		return true
	}
	return endsWithDate(l)
}

// creditBefore reports whether the nearest line above lines[i] is a photo
// credit.
func creditBefore(lines []line, i int) bool {
	return i > 0 && lines[i-1].Rule == RulePhotoCredit
}

// creditAfter reports whether the nearest line below lines[i] is a photo
// credit.
func creditAfter(lines []line, i int) bool {
	return i+1 < len(lines) && lines[i+1].Rule == RulePhotoCredit
}

// strongCaption reports wording that only captions use.
func strongCaption(l *line) bool {
	f := l.fold
	if hasPrefixAny(l.lower, "image caption", "media caption", "caption:", "photo caption", "pictured:",
		"pictured above", "pictured below", "above:", "below:", "top:", "main picture:", "main photo:",
		"in pictures:") {
		return true
	}
	// A credit at the end of a caption line (Guardian and BBC style).
	for _, c := range []string{" Photograph: ", " Photograph by ", " Photo: ", " Photo by ", " Picture: ",
		" Image: ", " Photo credit: ", " Credit: ", " (Photo: ", " (Photo by ", " (Image: ", " (Credit: ",
		" (AP Photo", " (AFP Photo", " (Reuters Photo", " (EPA Photo", " (Getty Images)", " (File photo)"} {
		if k := strings.Index(f, c); k > 0 && len(l.words) > 4 {
			return true
		}
	}
	if hasPositionMarker(f) && !terminalSentence(f) {
		return true
	}
	// Wire captions: "... in this handout picture provided by SANA on
	// December 3, 2015. SANA/Handout via REUTERS".
	if containsAny(l.lower, "in this handout", "in this file photo", "in this file picture", "in this file image",
		"in this photo", "in this picture", "in this image", "in this undated", "in this still image",
		"in this photograph", "in this video grab", "in this screen grab", "in this frame grab", "in this screengrab",
		"in this aerial", "in this combination", "handout photo", "handout picture", "handout image") {
		return true
	}
	if creditAtEnd(l) {
		return true
	}
	// Agency captions open with the kind of picture: "A picture taken on
	// December 3, 2015 shows ...", "An image grab taken from a video ...".
	if hasPrefixAny(l.lower, "a picture taken", "a photo taken", "this picture taken", "this photo taken",
		"a picture released", "a photo released", "an image grab", "this image grab", "an image taken",
		"a handout picture", "a handout photo", "a handout image", "a still image", "a video grab",
		"a frame grab", "a screen grab", "a general view of", "general view of", "an aerial view of",
		"an undated picture", "an undated photo", "an undated handout", "file photo of", "file picture of",
		"file image of", "archive photo of") {
		return true
	}
	if containsAny(f, "AFP PHOTO /", " / AFP / ", " / AFP PHOTO", "/AFP/Getty", " / POOL / ") {
		return true
	}
	if archiveNote(l) {
		return true
	}
	return false
}

// positionWords are the words inside a caption's position marker: "(L)",
// "(2nd R)", "(centre)", "(L-R)", "(from left)", "(front row, C)".
var positionWords = map[string]bool{
	"l": true, "r": true, "c": true, "left": true, "right": true, "centre": true, "center": true,
	"front": true, "back": true, "top": true, "bottom": true, "l-r": true, "r-l": true, "from": true,
	"row": true, "second": true, "third": true, "fourth": true, "1st": true, "2nd": true, "3rd": true,
	"4th": true, "5th": true, "background": true, "foreground": true, "rear": true, "middle": true,
	"standing": true, "seated": true, "pictured": true, "to": true, "and": true,
}

// hasPositionMarker reports whether f holds a parenthesised position marker.
func hasPositionMarker(f string) bool {
	for {
		open := strings.IndexByte(f, '(')
		if open < 0 {
			return false
		}
		close := strings.IndexByte(f[open:], ')')
		if close < 0 {
			return false
		}
		inner := strings.ToLower(f[open+1 : open+close])
		f = f[open+close:]
		if inner == "" || len(inner) > 24 {
			continue
		}
		ok := true
		for _, w := range strings.FieldsFunc(inner, func(r rune) bool { return r == ' ' || r == ',' }) {
			if !positionWords[w] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
}

// archiveNote reports a short line that ends with an archive or file-photo
// note: "Bashar al Assad - Archive", "President Putin (File)".
func archiveNote(l *line) bool {
	if len(l.words) > 20 {
		return false
	}
	b := strings.TrimRight(l.lower, " .)]")
	for _, s := range []string{"archive", "archives", "file", "file photo", "file picture", "file image",
		"archive photo", "archive picture", "archive image", "stock photo", "stock image"} {
		if !strings.HasSuffix(b, s) {
			continue
		}
		head := strings.TrimRight(b[:len(b)-len(s)], " ")
		if strings.HasSuffix(head, "-") || strings.HasSuffix(head, "(") || strings.HasSuffix(head, "--") ||
			strings.HasSuffix(head, "[") || strings.HasSuffix(head, "|") || strings.HasSuffix(head, ",") ||
			strings.HasSuffix(head, "/") {
			return len(head) > 1
		}
	}
	return false
}

// nameOnly reports a short line of capitalised words, as a caption that
// names only the person in the photo.
func nameOnly(l *line) bool {
	if len(l.words) > 6 || terminal(l.fold) {
		return false
	}
	for _, w := range l.words {
		if nameParticles[w] || w == "-" || w == "--" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !isUpper(r) {
			return false
		}
	}
	return true
}

// Strength of a caption verb.
const (
	noVerb = iota
	weakVerb
	strongVerb
)

// captionVerbs are the present-tense verbs captions use after their subject.
// Strong verbs are almost never the main verb of a headline or standfirst.
var captionVerbs = map[string]int{
	"gestures": strongVerb, "gesture": strongVerb, "poses": strongVerb, "pose": strongVerb,
	"pictured": strongVerb, "smiles": strongVerb, "smile": strongVerb, "waves": strongVerb,
	"wave": strongVerb, "reacts": strongVerb, "react": strongVerb, "looks": strongVerb,
	"look": strongVerb, "stands": strongVerb, "sits": strongVerb, "sit": strongVerb, "listens": strongVerb,
	"listen": strongVerb, "walks": strongVerb, "queue": strongVerb, "queues": strongVerb,
	"arrives": weakVerb, "arrive": weakVerb, "speaks": weakVerb, "speak": weakVerb, "attends": weakVerb,
	"attend": weakVerb, "walk": weakVerb, "stand": weakVerb, "delivers": weakVerb, "shakes": weakVerb,
	"shake": weakVerb, "talks": weakVerb, "talk": weakVerb, "gives": weakVerb, "holds": weakVerb,
	"hold": weakVerb, "addresses": weakVerb, "address": weakVerb, "meets": weakVerb, "greets": weakVerb,
	"greet": weakVerb, "leaves": weakVerb, "leave": weakVerb, "chairs": weakVerb, "prays": weakVerb,
	"pray": weakVerb, "inspects": weakVerb, "inspect": weakVerb, "mourns": weakVerb, "mourn": weakVerb,
	"carries": weakVerb, "carry": weakVerb, "rides": weakVerb, "ride": weakVerb, "watches": weakVerb,
	"watch": weakVerb, "gather": weakVerb, "gathers": weakVerb, "wait": weakVerb, "waits": weakVerb,
	"march": weakVerb, "marches": weakVerb, "celebrate": weakVerb, "celebrates": weakVerb, "flee": weakVerb,
	"flees": weakVerb, "take": weakVerb, "takes": weakVerb, "patrol": weakVerb, "patrols": weakVerb,
	"sign": weakVerb, "signs": weakVerb, "vote": weakVerb, "votes": weakVerb, "protest": weakVerb,
	"is": weakVerb, "are": weakVerb, "lies": weakVerb, "lie": weakVerb,
	"clean": weakVerb, "cleans": weakVerb, "search": weakVerb, "searches": weakVerb, "stroll": weakVerb,
	"strolls": weakVerb, "kneels": weakVerb, "kneel": weakVerb, "salutes": weakVerb, "salute": weakVerb,
	"embrace": weakVerb, "embraces": weakVerb, "hug": weakVerb, "hugs": weakVerb, "chat": weakVerb,
	"chats": weakVerb, "fires": weakVerb, "fire": weakVerb, "drives": weakVerb, "drive": weakVerb,
	"rest": weakVerb, "rests": weakVerb, "play": weakVerb, "plays": weakVerb, "shout": weakVerb,
	"shouts": weakVerb, "chant": weakVerb, "chants": weakVerb, "sets": weakVerb, "set": weakVerb,
	"pass": weakVerb, "passes": weakVerb, "run": weakVerb, "runs": weakVerb,
}

// captionVerbAt finds the first verb-like word after the line's subject (its
// capitalised words and name particles, position markers and up to two
// lower-case nouns) and reports how strongly it marks a caption. "US
// Secretary of State John Kerry gestures ..." has a strong verb; "John Kerry
// says ..." has none.
func captionVerbAt(l *line) int {
	ws := l.words
	if len(ws) < 2 {
		return noVerb
	}
	r, _ := utf8.DecodeRuneInString(ws[0])
	if !isUpper(r) {
		return noVerb
	}
	lower := 0
	inParen := false
	for k, w := range ws {
		if inParen {
			if strings.HasSuffix(w, ")") {
				inParen = false
			}
			continue
		}
		if strings.HasPrefix(w, "(") {
			inParen = !strings.HasSuffix(w, ")")
			continue
		}
		w = strings.Trim(w, ",;:\"'")
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if isUpper(r) || nameParticles[w] || w == "and" || w == "&" || w == "-" || w == "the" {
			continue
		}
		if k == 0 {
			continue
		}
		v := captionVerbs[w]
		if w == "is" || w == "are" {
			if k+1 < len(ws) {
				switch strings.Trim(ws[k+1], ",") {
				case "seen", "pictured", "shown", "photographed":
					return strongVerb
				}
			}
			return noVerb
		}
		if v != noVerb {
			return v
		}
		lower++
		if lower > 2 || commonVerbs[w] {
			return noVerb
		}
	}
	return noVerb
}

// commonVerbs end the search for a caption verb: a line whose first verb is
// "says" reads as a headline or standfirst, not a caption.
var commonVerbs = map[string]bool{
	"says": true, "said": true, "say": true, "tells": true, "told": true, "warns": true, "warned": true,
	"urges": true, "urged": true, "calls": true, "called": true, "has": true, "have": true, "had": true,
	"was": true, "were": true, "will": true, "would": true, "could": true, "may": true, "might": true,
	"should": true, "can": true, "must": true, "to": true, "of": true, "in": true, "on": true, "for": true,
	"with": true, "by": true, "at": true, "threatens": true, "rejects": true, "accuses": true,
	"denies": true, "claims": true, "announces": true, "agrees": true, "vows": true,
}

// endsWithDate reports whether the line ends with a full date ("... December
// 15, 2015").
func endsWithDate(l *line) bool {
	ds := FindDates(l.fold)
	if len(ds) == 0 {
		return false
	}
	d := ds[len(ds)-1]
	return d.Full() && strings.TrimRight(l.fold[d.End:], " .)") == ""
}

// creditAtEnd reports a caption line that ends with its photo credit: a
// bracketed agency ("... near the border [Reuters]"), a wire credit in
// capitals ("... via REUTERS", "REUTERS/Omar Sanadiki") or a name/agency
// credit after the caption's full stop ("... in Aleppo. Karam al-Masri/AFP").
func creditAtEnd(l *line) bool {
	f := strings.TrimRight(l.fold, " ")
	if len(l.words) < 4 {
		return false
	}
	if strings.HasSuffix(f, "]") || strings.HasSuffix(f, ")") {
		open := strings.LastIndexAny(f, "[(")
		if open > 0 {
			inner := strings.ToLower(strings.TrimSpace(f[open+1 : len(f)-1]))
			for _, p := range []string{"photo:", "file:", "file photo:", "photo by", "image:"} {
				inner = strings.TrimSpace(strings.TrimPrefix(inner, p))
			}
			if agencyList(inner) {
				return true
			}
		}
	}
	last := l.words[len(l.words)-1]
	if strings.HasSuffix(f, " via REUTERS") || strings.HasSuffix(f, " via AFP") || strings.HasSuffix(f, " via AP") ||
		strings.HasPrefix(last, "REUTERS/") || strings.HasPrefix(last, "AFP/") || strings.HasPrefix(last, "EPA/") {
		return true
	}
	// "... in Aleppo. Karam al-Masri/AFP": the text after the last full stop
	// is a credit.
	if k := strings.LastIndex(f, ". "); k > 0 && k+2 < len(f) {
		tail := f[k+2:]
		if strings.Contains(tail, "/") && len(strings.Fields(tail)) <= 6 && !terminal(tail) {
			for _, p := range strings.Split(strings.ToLower(tail), "/") {
				if agencies[strings.TrimSpace(p)] || strings.HasSuffix(strings.TrimSpace(p), " via reuters") {
					return true
				}
			}
		}
	}
	return false
}

// agencyList reports whether s (lower case) names only agencies, separated
// by slashes or commas.
func agencyList(s string) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == ',' })
	if len(parts) == 0 {
		return false
	}
	for _, p := range parts {
		p = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p), "via "))
		if !agencies[p] {
			return false
		}
	}
	return true
}
