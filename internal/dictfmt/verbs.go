package dictfmt

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/dyad-project/dyad/internal/dict"
)

// ReadPetrarchVerbs converts a PETRARCH-2 (2.0 format) verb dictionary into
// dyad's verb format: synonym sets ("&NAME" and "+member" lines), verb
// blocks ("--- NAME [CODE] ---"), verbs with irregular forms in {...} and an
// optional code, multi-word verbs ("+ASK_FOR"), and patterns "- PATTERN
// [CODE] # comment" with * (the verb), $ (source), + (target), ^ (any
// word), &SET, {noun phrase} and (prepositional phrase), and paired codes
// [042:043]. Words are lower-cased and "_" joins become spaces. The event
// transformation rules ("~ a (a b ATTACK) SAY = a b 015") are skipped:
// dyad codes reported speech from the parse.
func ReadPetrarchVerbs(name string, r io.Reader) ([]byte, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	c := &verbConv{w: &writer{file: name}, sets: map[string][][]string{}}
	for i, raw := range lines {
		c.petrarchLine(i+1, raw)
	}
	return c.finish()
}

// ReadTabariVerbs converts a TABARI verb dictionary into dyad's verb format.
// The <SYNSETS> section gives the synonym sets (a member may use an earlier
// set: "+&TIES_MEMOS"); the <TIME> section, which shifts dates, is skipped.
// Each verb root ("WORD [CODE] ;comment") becomes a block of one verb
// whose patterns ("- WORDS * WORDS [CODE]") follow it; alternatives
// "{ A | B }" become one pattern each, and the compound marker "%" is
// dropped. TABARI roots are stems matched as prefixes; dyad matches the
// lemma, so a stem ("ADVANC") only codes when it is a whole word.
func ReadTabariVerbs(name string, r io.Reader) ([]byte, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	c := &verbConv{w: &writer{file: name}, sets: map[string][][]string{}}
	for i, raw := range lines {
		c.tabariLine(i+1, raw)
	}
	return c.finish()
}

type verbConv struct {
	w       *writer
	sets    map[string][][]string // defined sets and their members
	set     string                // the set being read
	inBlock bool
	section string
	seen    map[string]bool // patterns of the current block
	skip    bool            // the block header was bad: its lines are skipped
}

var (
	blockRE   = regexp.MustCompile(`^---\s+(\S+)\s+\[([^\]]*)\]`)
	endCodeRE = regexp.MustCompile(`\[([^\]]*)\]\s*$`)
	setNameRE = regexp.MustCompile(`^&[A-Za-z0-9_]+$`)
)

func (c *verbConv) petrarchLine(n int, raw string) {
	body := strings.TrimSpace(cutComment(raw, "#"))
	comment := ""
	if i := strings.IndexByte(raw, '#'); i >= 0 {
		comment = strings.TrimSpace(raw[i+1:])
	}
	switch {
	case body == "" || strings.HasPrefix(body, "<!--") || strings.HasPrefix(body, "~"):
	case strings.HasPrefix(body, "&"):
		c.setHeader(n, body)
	case strings.HasPrefix(body, "+") && c.set != "":
		c.member(n, body[1:])
	case strings.HasPrefix(body, "---"):
		c.block(n, body)
	case c.skip && !strings.HasPrefix(body, "---"):
	case strings.HasPrefix(body, "-"):
		if !c.inBlock {
			c.w.errorf(n, "pattern outside a verb block")
			return
		}
		c.pattern(n, strings.TrimSpace(body[1:]), comment, true)
	default:
		if !c.inBlock {
			c.w.errorf(n, "verb %q outside a verb block", body)
			return
		}
		c.verb(n, body)
	}
}

func (c *verbConv) tabariLine(n int, raw string) {
	body := strings.TrimSpace(cutComment(raw, ";"))
	if body == "" || strings.HasPrefix(body, "#") || strings.HasPrefix(body, "//") || strings.HasPrefix(body, "~~") {
		return // comments and TABARI's ~~FINISH stamp
	}
	if strings.HasPrefix(body, "<") && strings.HasSuffix(body, ">") && !strings.Contains(body, "[") {
		tag := strings.ToUpper(strings.Trim(body, "<>"))
		if strings.HasPrefix(tag, "/") {
			c.section, c.set = "", ""
		} else {
			c.section = tag
		}
		return
	}
	switch c.section {
	case "TIME", "NOUN", "ADJECTIVE":
		return
	case "":
		if c.skip && strings.HasPrefix(body, "-") || strings.HasPrefix(body, "{") {
			// Patterns of a root whose code was bad, and TABARI's
			// irregular-form lines, which dyad's lemmatiser makes
			// unneeded.
			return
		}
	case "SYNSETS":
		switch {
		case strings.HasPrefix(body, "&"):
			c.setHeader(n, body)
		case strings.HasPrefix(body, "+") && c.set != "":
			c.member(n, body[1:])
		default:
			c.w.errorf(n, "want &SET or +member in <SYNSETS>, not %q", body)
		}
		return
	}
	if strings.HasPrefix(body, "-") {
		if !c.inBlock {
			c.w.errorf(n, "pattern outside a verb")
			return
		}
		text := strings.TrimSpace(body[1:])
		m := endCodeRE.FindStringSubmatchIndex(text)
		if m == nil {
			c.w.errorf(n, "pattern without a code")
			return
		}
		code := text[m[0]:]
		alts, err := alternatives(text[:m[0]])
		if err != "" {
			c.w.errorf(n, "%s", err)
			return
		}
		for _, a := range alts {
			c.pattern(n, strings.ReplaceAll(a, "%", " ")+" "+code, "", false)
		}
		return
	}
	// A verb root: WORD {FORMS} [CODE].
	m := endCodeRE.FindStringSubmatch(body)
	if m == nil {
		c.w.errorf(n, "verb %q without a code", body)
		return
	}
	words := phraseWords(strings.NewReplacer("~", "", "=", "").Replace(body[:len(body)-len(m[0])]))
	if i := strings.IndexByte(body, '{'); i >= 0 {
		words = phraseWords(strings.NewReplacer("~", "", "=", "").Replace(body[:i]))
	}
	if len(words) == 0 {
		c.w.errorf(n, "verb line without a verb")
		return
	}
	name := strings.ToUpper(strings.Join(words, "_"))
	name = strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, name)
	code, ok := c.code(n, m[1])
	c.skip = !ok
	if !ok {
		c.inBlock = false
		return
	}
	c.w.line(n, "block %s %s", name, code)
	c.inBlock, c.set = true, ""
	c.seen = map[string]bool{}
	root := body[:len(body)-len(m[0])]
	if i := strings.IndexByte(root, '{'); i < 0 {
		// A TABARI root not ended by "_" is a stem that TABARI matches as
		// a prefix ("RESTOR" codes "restored"): dyad matches whole words,
		// so the stem's regular forms are listed instead.
		if isStem(strings.TrimSpace(strings.NewReplacer("~", "", "=", "").Replace(root))) {
			root = strings.TrimSpace(root) + " {" + strings.Join(stemForms(words[0]), " ") + "}"
		}
	}
	c.verb(n, root)
}

// isStem reports whether the first word of a TABARI root is a stem: it is
// not ended by a "_" that ends the root or comes before a blank.
func isStem(root string) bool {
	i := strings.IndexAny(root, " _\t")
	if i < 0 {
		return root != ""
	}
	return !(root[i] == '_' && (i+1 == len(root) || root[i+1] == ' ' || root[i+1] == '\t'))
}

// stemForms returns the words a TABARI stem matches that an English verb
// can be: the stem, with "e", "s", "es", "ed", "d", "ing", "ies", "ied",
// a doubled final consonant before "ed" and "ing", and "ing"/"ed" in place of
// a final "e".
func stemForms(stem string) []string {
	out := []string{}
	for _, suf := range []string{"e", "s", "es", "ed", "d", "ing", "ies", "ied"} {
		out = append(out, stem+suf)
	}
	if n := len(stem); n > 0 {
		last := stem[n-1]
		if !strings.ContainsRune("aeiouwxy", rune(last)) {
			out = append(out, stem+string(last)+"ed", stem+string(last)+"ing")
		}
		if last == 'e' {
			out = append(out, stem[:n-1]+"ing", stem[:n-1]+"ed")
		}
		if last == 'y' {
			out = append(out, stem[:n-1]+"ies", stem[:n-1]+"ied")
		}
	}
	return out
}

// alternatives expands "{ A | B }" groups of a TABARI pattern into one
// pattern each.
func alternatives(s string) ([]string, string) {
	i := strings.IndexByte(s, '{')
	if i < 0 {
		if strings.ContainsAny(s, "}|") {
			return nil, "unbalanced { | } in pattern"
		}
		return []string{s}, ""
	}
	j := strings.IndexByte(s[i:], '}')
	if j < 0 {
		return nil, "unbalanced { | } in pattern"
	}
	j += i
	var out []string
	for _, alt := range strings.Split(s[i+1:j], "|") {
		rest, err := alternatives(s[j+1:])
		if err != "" {
			return nil, err
		}
		for _, r := range rest {
			out = append(out, s[:i]+" "+alt+" "+r)
		}
	}
	return out, ""
}

func (c *verbConv) setHeader(n int, body string) {
	f := strings.Fields(body)[0]
	if !setNameRE.MatchString(f) {
		c.w.errorf(n, "bad set name %q", f)
		c.set = ""
		return
	}
	c.set = setName(f)
	c.inBlock = false
	if _, dup := c.sets[c.set]; !dup {
		c.sets[c.set] = nil
	}
	c.w.line(n, "set %s", c.set)
}

// member adds a member to the current set, expanding references to earlier
// sets.
func (c *verbConv) member(n int, text string) {
	var phrases [][]string
	phrases = append(phrases, nil)
	text = strings.NewReplacer("$", "", "~", "", "=", "").Replace(text)
	for _, w := range phraseWords(text) {
		if strings.HasPrefix(w, "&") {
			ms, ok := c.sets[setName(w)]
			if !ok || len(ms) == 0 {
				c.w.errorf(n, "member uses undefined set %s", strings.ToUpper(w))
				return
			}
			var next [][]string
			for _, p := range phrases {
				for _, m := range ms {
					next = append(next, append(append([]string{}, p...), m...))
				}
			}
			phrases = next
			continue
		}
		for i := range phrases {
			phrases[i] = append(phrases[i], w)
		}
	}
	for _, p := range phrases {
		if len(p) == 0 {
			c.w.errorf(n, "empty set member")
			return
		}
		c.sets[c.set] = append(c.sets[c.set], p)
		c.w.line(n, "+ %s", strings.Join(p, " "))
	}
}

func (c *verbConv) block(n int, body string) {
	m := blockRE.FindStringSubmatch(body)
	if m == nil {
		c.w.errorf(n, "bad block header: want --- NAME [CODE] ---")
		c.inBlock, c.skip = false, true
		return
	}
	c.set = ""
	code, ok := c.code(n, m[2])
	c.skip = !ok
	if !ok {
		c.inBlock = false
		return
	}
	name := strings.ToUpper(strings.ReplaceAll(m[1], "-", "_"))
	c.w.line(n, "block %s %s", name, code)
	c.inBlock = true
	c.seen = map[string]bool{}
}

// code normalises a code to dyad's syntax, reporting a bad one.
func (c *verbConv) code(n int, s string) (string, bool) {
	s = strings.Trim(strings.TrimSpace(s), "!")
	if s == "" || s == "---" || s == "###" || s == "+++" {
		// TABARI's discard (###) and complex (+++) markers code nothing.
		return "[---]", true
	}
	ev, rev, _ := strings.Cut(s, ":")
	for _, x := range []string{ev, rev} {
		if x != "" && x != "---" && !eventCode(x) {
			c.w.errorf(n, "bad event code [%s]: want 2 to 4 digits, --- or a pair a:b", s)
			return "", false
		}
	}
	return "[" + s + "]", true
}

// eventCode reports whether s is 2 to 4 digits, or 3 to 4 digits and one
// capital letter (the KEDS/WEIS variants "075A" of the test dictionaries).
func eventCode(s string) bool {
	if n := len(s); n > 3 && s[n-1] >= 'A' && s[n-1] <= 'Z' {
		s = s[:n-1]
	}
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// conjunctions mark a "verb" that only glues a conjunction to a verb
// ("+KILLED_AND"): coordination is the parser's job, so it is skipped.
var conjunctions = map[string]bool{"and": true, "or": true}

// beForms are heads of multi-word verbs that are really "be + adjective".
var beForms = map[string]bool{"is": true, "was": true, "be": true, "are": true, "were": true, "been": true}

// verb converts "SPEED {SPEEDING SPEEDS SPED } [070]" or "+ASK_FOR
// {+ASKED_FOR ...} [020]".
func (c *verbConv) verb(n int, body string) {
	cd := ""
	if m := endCodeRE.FindStringSubmatch(body); m != nil {
		code, ok := c.code(n, m[1])
		if !ok {
			return
		}
		cd = " " + code
		body = strings.TrimSpace(body[:len(body)-len(m[0])])
	}
	main, forms := body, ""
	if i := strings.IndexByte(body, '{'); i >= 0 {
		j := strings.IndexByte(body, '}')
		if j < i {
			c.w.errorf(n, "unbalanced { } in verb line")
			return
		}
		main, forms = strings.TrimSpace(body[:i]), body[i+1:j]
	} else if strings.ContainsAny(body, "}[]") {
		c.w.errorf(n, "bad verb line %q", body)
		return
	}
	words := phraseWords(strings.NewReplacer("~", "", "=", "").Replace(main))
	if len(words) == 0 {
		c.w.errorf(n, "verb line without a verb")
		return
	}
	for _, w := range words[1:] {
		if conjunctions[w] {
			return
		}
	}
	if beForms[words[0]] && len(words) > 1 {
		words, forms = words[1:], ""
	}
	var fs []string
	for _, f := range strings.Fields(forms) {
		if w := phraseWords(strings.Trim(f, ",")); len(w) > 0 && w[0] != words[0] {
			fs = append(fs, w[0])
		}
	}
	line := "verb " + strings.Join(words, " ")
	if len(fs) > 0 {
		line += " {" + strings.Join(fs, " ") + "}"
	}
	c.w.line(n, "%s%s", line, cd)
}

// pattern converts a pattern body "WORDS * WORDS [CODE]". With groups, {}
// and () are the 2.0 noun and prepositional phrases.
func (c *verbConv) pattern(n int, body, comment string, groups bool) {
	m := endCodeRE.FindStringSubmatch(body)
	if m == nil {
		c.w.errorf(n, "pattern without a code")
		return
	}
	code, ok := c.code(n, m[1])
	if !ok {
		return
	}
	pat := strings.TrimSpace(body[:len(body)-len(m[0])])
	if groups && strings.Contains(pat, "|") {
		alts, err := alternatives(pat)
		if err != "" {
			c.w.errorf(n, "%s", err)
			return
		}
		for _, a := range alts {
			c.pattern(n, a+" "+m[0], comment, false)
		}
		return
	}
	// "$" and "+" may be joined to a word by "_" ("SUGGESTED_+",
	// "IN_$"): they are elements of their own.
	pat = strings.NewReplacer("*", " * ", "%", " ", "~", "", "=", "", "+", " + ", "$", " $ ").Replace(pat)
	var out []string
	depth := 0
	for _, f := range spaced(pat) {
		switch {
		case f == "{" || f == "}" || f == "(" || f == ")":
			if !groups {
				c.w.errorf(n, "unexpected %q in pattern", f)
				return
			}
			if f == "{" {
				depth++
			} else if f == "}" {
				depth--
			}
			out = append(out, f)
		case f == "$" || f == "+" || f == "^" || f == "*":
			out = append(out, f)
		default:
			ws := phraseWords(f)
			for i, w := range ws {
				if strings.HasPrefix(w, "&") {
					ws[i] = "&" + setName(w)
				}
			}
			if len(ws) > 1 && depth == 0 && groups && !strings.HasPrefix(f, "&") && !strings.Contains(f, "&") {
				out = append(out, "{"+strings.Join(ws, " ")+"}")
			} else {
				out = append(out, ws...)
			}
		}
	}
	if len(out) == 0 {
		c.w.errorf(n, "empty pattern")
		return
	}
	text := strings.Join(out, " ")
	text = strings.NewReplacer("{ ", "{", " }", "}", "( ", "(", " )", ")").Replace(text)
	line := "- " + text + " " + code
	if c.seen[line] {
		return
	}
	c.seen[line] = true
	if comment != "" {
		line += " # " + comment
	}
	c.w.line(n, "%s", line)
}

// spaced splits a pattern into fields with the brackets as fields of their
// own.
func spaced(s string) []string {
	r := strings.NewReplacer("{", " { ", "}", " } ", "(", " ( ", ")", " ) ")
	return strings.Fields(r.Replace(s))
}

// phraseWords lower-cases a phrase and splits it at "_", blanks and the "+"
// that marks the verb of a multi-word verb.
func phraseWords(s string) []string {
	s = strings.ToLower(strings.ReplaceAll(s, "+", ""))
	return strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
}

// setName normalises a synonym set name: "&AUXVERB1_" is AUXVERB1.
func setName(s string) string {
	return strings.TrimRight(strings.ToUpper(strings.TrimPrefix(s, "&")), "_")
}

// finish parses the converted text with package dict and reports its
// errors at their source lines.
func (c *verbConv) finish() ([]byte, error) {
	w := c.w
	out := []byte(w.buf.String())
	if _, err := dict.ParseVerbs(w.file, out); err != nil {
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
