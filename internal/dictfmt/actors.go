package dictfmt

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/dict"
)

// dialect is what differs between the PETRARCH and TABARI actor and agent
// files: the comment characters.
type dialect struct {
	comments string
	// stems: a phrase without a closing "_" matches as a stem, so its
	// last word also names the entry with the endings of stemEndings.
	stems bool
}

var (
	petrarch = dialect{comments: "#"}
	tabari   = dialect{comments: ";", stems: true}
)

// ReadPetrarchActors converts a PETRARCH (Phoenix) actor dictionary into
// dyad's actor format. Comments start with "#"; lines "<!-- ... -->" are
// comments too.
func ReadPetrarchActors(name string, r io.Reader) ([]byte, error) {
	return readActors(name, r, petrarch)
}

// ReadTabariActors converts a TABARI actor dictionary into dyad's actor
// format. Comments start with ";" (and "#" at the start of a line); the
// <NOUN> and <ADJECTIVE> sections, which hold no actors, are skipped.
func ReadTabariActors(name string, r io.Reader) ([]byte, error) {
	return readActors(name, r, tabari)
}

// actorEntry is one entry being converted.
type actorEntry struct {
	name    string
	line    int
	aliases []alias
	roles   []role
	noCode  bool // [---] or another non-code was given
}

type alias struct {
	text string
	line int
}

type role struct {
	code, from, to string
	line           int
}

var codeBlockRE = regexp.MustCompile(`\[[^\]]*\]`)

// readActors reads an actor file of either dialect. An entry is a primary
// phrase at the left margin with its codes in brackets; "+PHRASE" lines add
// synonyms; indented "[CODE DATES]" lines add codes. Codeless entries
// directly followed by others share the codes of the next code block.
func readActors(name string, r io.Reader, d dialect) ([]byte, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	w := &writer{file: name}
	var entries []*actorEntry
	var pending []*actorEntry // codeless entries waiting for a code block
	var cur *actorEntry
	section := ""
	for i, raw := range lines {
		n := i + 1
		t := strings.TrimSpace(raw)
		if t == "" || strings.HasPrefix(t, "<!--") || strings.HasSuffix(t, "-->") || strings.HasPrefix(t, "#") ||
			strings.HasPrefix(t, "//") {
			continue
		}
		if strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">") && !strings.ContainsAny(t, "[") {
			tag := strings.ToUpper(strings.Trim(t, "<>"))
			if strings.HasPrefix(tag, "/") {
				section = ""
			} else {
				section = tag
			}
			continue
		}
		if section != "" {
			continue
		}
		body := strings.TrimSpace(cutComment(raw, d.comments))
		if d.comments == "#" {
			body = strings.TrimSpace(cutComment(raw, "#"))
		}
		if body == "" {
			continue
		}
		indented := raw[0] == ' ' || raw[0] == '\t'
		phrase := strings.TrimSpace(codeBlockRE.ReplaceAllString(body, " "))
		codes := codeBlockRE.FindAllString(body, -1)
		if strings.ContainsAny(phrase, "[]") {
			w.errorf(n, "unbalanced brackets in %q", body)
			continue
		}
		switch {
		case indented && phrase == "":
			if cur == nil {
				w.errorf(n, "code block %s outside an entry", strings.Join(codes, " "))
				continue
			}
			targets := append(pending, cur)
			if len(pending) > 0 && pending[len(pending)-1] == cur {
				targets = pending
			}
			for _, c := range chainDates(codes) {
				rs, ok := parseActorCode(w, n, c)
				for _, e := range targets {
					if ok {
						e.roles = append(e.roles, rs...)
					} else {
						e.noCode = true
					}
				}
			}
			pending = nil
		case strings.HasPrefix(phrase, "+"):
			if cur == nil {
				w.errorf(n, "synonym %q outside an entry", phrase)
				continue
			}
			text := phraseText(strings.TrimPrefix(phrase, "+"))
			if text == "" {
				w.errorf(n, "empty synonym")
				continue
			}
			cur.aliases = append(cur.aliases, alias{text, n})
			if d.stems {
				cur.aliases = append(cur.aliases, stemAliases(text, n, strings.HasSuffix(strings.TrimPrefix(phrase, "+"), "_"))...)
			}
			addCodes(w, n, cur, codes)
		default:
			text := phraseText(phrase)
			if text == "" {
				w.errorf(n, "entry without a phrase")
				continue
			}
			cur = &actorEntry{name: text, line: n}
			if d.stems {
				cur.aliases = append(cur.aliases, stemAliases(text, n, strings.HasSuffix(phrase, "_"))...)
			}
			entries = append(entries, cur)
			if len(codes) == 0 {
				pending = append(pending, cur)
				continue
			}
			pending = nil
			addCodes(w, n, cur, codes)
		}
	}
	writeActorEntries(w, entries)
	return finishActors(w)
}

// chainDates gives an undated code block that follows a "[--- <D]" block
// (no code before D) the dates from D on: TABARI reads "[--- <950630]
// [DOL]" as no code before 30 June 1995 and DOL from then on. After a
// dated code ("[ABC <911226] [DEF]") the undated one is the fallback that
// dyad's format already makes it.
func chainDates(codes []string) []string {
	out := make([]string, len(codes))
	prev := ""
	for i, c := range codes {
		out[i] = c
		in := strings.TrimSpace(strings.Trim(c, "[]"))
		code, dates, _ := strings.Cut(in, " ")
		dates = strings.TrimSpace(dates)
		switch {
		case strings.HasPrefix(dates, "<") && (code == "---" || code == "###" || code == "+++"):
			prev = strings.TrimSpace(dates[1:])
		case dates == "" && prev != "":
			end := "99991231"
			if len(prev) == 6 {
				end = "491231"
			}
			out[i] = "[" + code + " " + prev + "-" + end + "]"
			prev = ""
		default:
			prev = ""
		}
	}
	return out
}

func addCodes(w *writer, n int, e *actorEntry, codes []string) {
	for _, c := range chainDates(codes) {
		if rs, ok := parseActorCode(w, n, c); ok {
			e.roles = append(e.roles, rs...)
		} else {
			e.noCode = true
		}
	}
}

var dateRE = regexp.MustCompile(`^(?:(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8})|<\s*(\d{6}|\d{8})|>\s*(\d{6}|\d{8}))$`)

// parseActorCode reads one "[CODE]", "[CODE D-D]", "[CODE <D]" or
// "[CODE >D]" block. ok is false for codes that code nothing ([---], [###],
// [+++]), which are no error.
func parseActorCode(w *writer, n int, block string) (rs []role, ok bool) {
	in := strings.TrimSpace(strings.Trim(block, "[]"))
	code, dates, _ := strings.Cut(in, " ")
	code = strings.ToUpper(strings.TrimSpace(code))
	dates = strings.TrimSpace(dates)
	switch code {
	case "---", "###", "+++", "":
		if code == "" {
			w.errorf(n, "empty code block %s", block)
		}
		return nil, false
	}
	var codes []string
	for _, c := range strings.Split(code, "/") {
		c = codePrefix(c)
		if c == "" {
			w.errorf(n, "code %s does not start with a CAMEO actor code (three capital letters)", block)
			return nil, false
		}
		codes = append(codes, c)
	}
	from, to := "", ""
	if dates != "" {
		m := dateRE.FindStringSubmatch(dates)
		if m == nil {
			w.errorf(n, "bad date restriction %q (want D-D, <D or >D with D as YYMMDD or YYYYMMDD)", dates)
			return nil, false
		}
		var err error
		switch {
		case m[1] != "":
			from, err = isoDate(m[1], 0)
			if err == nil {
				to, err = isoDate(m[2], 0)
			}
			if err == nil && from > to && len(m[1]) == 6 {
				// A two-digit year before the pivot: 470101-020724.
				from = fmt.Sprint(atoi(from[:4])-100) + from[4:]
			}
			if err == nil && from > to {
				err = errors.New("the range ends before it begins")
			}
		case m[3] != "":
			to, err = isoDate(m[3], -1)
		default:
			from, err = isoDate(m[4], 1)
		}
		if err != nil {
			w.errorf(n, "bad date restriction %q: %v", dates, err)
			return nil, false
		}
	}
	for _, c := range codes {
		rs = append(rs, role{code: c, from: from, to: to, line: n})
	}
	return rs, true
}

// codePrefix returns a code dyad can read (see validCode) whole, and of
// any other the longest prefix of whole three-letter groups: TABARI's
// NGOCHRPRO214 keeps NGOCHRPRO. It returns "" when not even the first group
// is letters.
func codePrefix(s string) string {
	if validCode(s) {
		return s
	}
	n := 0
	for n+3 <= len(s) && n < 18 && validCode(s[n:n+3]) {
		n += 3
	}
	return s[:n]
}

func atoi(s string) int {
	v := 0
	for _, c := range s {
		v = v*10 + int(c-'0')
	}
	return v
}

func validCode(s string) bool {
	if len(s) < 3 || len(s) > 18 {
		return false
	}
	for i := 0; i < len(s); i++ {
		letter := s[i] >= 'A' && s[i] <= 'Z'
		digit := s[i] >= '0' && s[i] <= '9'
		if !letter && !(digit && i%3 != 0) {
			// Each group of three starts with a letter; the test
			// dictionaries' "G77" and "AR1" have digits after it, and
			// their "ITHTV" a last group of two.
			return false
		}
	}
	return true
}

// isoDate converts YYMMDD (years before 50 are 20YY) or YYYYMMDD to
// YYYY-MM-DD, shifted by shift days.
func isoDate(s string, shift int) (string, error) {
	if len(s) == 6 {
		if s[:2] < "50" {
			s = "20" + s
		} else {
			s = "19" + s
		}
	}
	t, err := time.Parse("20060102", s)
	if err != nil {
		return "", fmt.Errorf("%s is not a date", s)
	}
	return t.AddDate(0, 0, shift).Format("2006-01-02"), nil
}

// entryType guesses the dyad type of an entry: a state when its only code
// is a bare country code, a person when its codes change over time, an
// organisation otherwise.
func entryType(e *actorEntry) string {
	dated := false
	for _, r := range e.roles {
		if r.from != "" || r.to != "" {
			dated = true
		}
	}
	switch {
	case dated:
		return dict.ActorPerson
	case len(e.roles) == 1 && len(e.roles[0].code) == 3 && dict.ActorCountry(e.roles[0].code) != "":
		return dict.ActorState
	}
	return dict.ActorOrganisation
}

// writeActorEntries writes the entries, merging entries of the same type
// and name (dyad allows one per file).
func writeActorEntries(w *writer, entries []*actorEntry) {
	byKey := map[string]*actorEntry{}
	var order []*actorEntry
	types := map[*actorEntry]string{}
	for _, e := range entries {
		typ := entryType(e)
		key := typ + "\x00" + dict.ActorKey(e.name)
		if first := byKey[key]; first != nil {
			// A phrase read again adds its synonyms and dated codes; an
			// undated code of it is no second code of the first ("AL_GORE
			// [AGR]" and "AL GORE [TEN]", which dyad cannot tell apart):
			// the first one is kept.
			first.aliases = append(first.aliases, e.aliases...)
			undated := false
			for _, r := range first.roles {
				undated = undated || r.from == "" && r.to == ""
			}
			for _, r := range e.roles {
				if !undated || r.from != "" || r.to != "" {
					first.roles = append(first.roles, r)
				}
			}
			continue
		}
		byKey[key] = e
		types[e] = typ
		order = append(order, e)
	}
	for _, e := range order {
		if types[e] == dict.ActorState && len(e.roles) == 0 {
			types[e] = dict.ActorOrganisation
		}
		w.line(e.line, "%s %s", types[e], e.name)
		seen := map[string]bool{dict.ActorKey(e.name): true}
		for _, a := range e.aliases {
			if k := dict.ActorKey(a.text); !seen[k] {
				seen[k] = true
				w.line(a.line, "\talias %s", a.text)
			}
		}
		for _, r := range e.roles {
			if r.from == "" && r.to == "" {
				w.line(r.line, "\tcode %s", r.code)
			} else {
				w.line(r.line, "\tcode %s %s..%s", r.code, r.from, r.to)
			}
		}
	}
}

// finishActors parses the converted text with package dict and reports its
// errors at their source lines.
func finishActors(w *writer) ([]byte, error) {
	out := []byte(w.buf.String())
	if _, err := dict.ParseActors(w.file, out); err != nil {
		var list dict.ErrorList
		if !errors.As(err, &list) {
			return out, fmt.Errorf("dictfmt: %s: %w", w.file, err)
		}
		for _, e := range list {
			w.remap(e.Pos.Line, e.Msg)
		}
	}
	if err := w.errs.Err(); err != nil {
		return out, err
	}
	return out, nil
}

// stemEndings are the endings a TABARI stem takes in the text that name the
// same actor: plurals and nationality adjectives ("Rohans", "Eriadorian",
// "Kuwaiti"). TABARI matched a stem as a prefix of any word; dyad matches
// whole words, so the stem is written out with these endings.
var stemEndings = []string{"s", "es", "n", "ns", "an", "ans", "ian", "ians", "i", "is", "ese", "ish"}

// stemAliases returns the phrase with each of stemEndings on its last
// word; for a whole word (ended by "_" in TABARI) only with the plural
// "s", TABARI's regular noun ending.
func stemAliases(text string, line int, whole bool) []alias {
	upper := strings.ToUpper(text) == text
	endings := stemEndings
	if whole {
		endings = stemEndings[:1]
		if strings.HasSuffix(strings.ToLower(text), "s") {
			return nil
		}
	}
	out := make([]alias, 0, len(endings))
	for _, e := range endings {
		if upper {
			e = strings.ToUpper(e)
		}
		out = append(out, alias{text + e, line})
	}
	return out
}
