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
// Each verb root ("WORD [CODE] ;comment") becomes a block whose verbs are
// the root and the irregular forms of its "{ ... }" line, and whose patterns
// ("- WORDS * WORDS [CODE]") follow it; alternatives "{ A | B }" become one
// pattern each, and the compound marker "%" is kept. TABARI's marks
// are kept: a word without "_" is a stem, matched as a prefix ("word~" in
// dyad's format), "WORD_" is a whole word, and "_" between two words joins
// them ("word_ next": nothing may come between); a root ended by "_" is a
// regular verb, listed with its regular forms (see tabariRoot).
func ReadTabariVerbs(name string, r io.Reader) ([]byte, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	c := &verbConv{w: &writer{file: name}, sets: map[string][][]string{}, tabari: true}
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
	seen    map[string]bool   // patterns of the current block
	blocks  map[string]string // the code of each block name written
	skip    bool              // the block header was bad: its lines are skipped
	// tabari marks the words of set members that TABARI matches as stems
	// (those not ended by "_") with "~".
	tabari bool
}

var (
	blockRE   = regexp.MustCompile(`^---\s+([^\s\[][^\[]*?)\s+\[([^\]]*)\]`)
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
		if c.skip && strings.HasPrefix(body, "-") {
			return // patterns of a root whose code was bad
		}
		if strings.HasPrefix(body, "{") {
			c.tabariForms(n, body)
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
			c.tabariPattern(n, a, code)
		}
		return
	}
	// A verb root: WORD {FORMS} [CODE].
	m := endCodeRE.FindStringSubmatch(body)
	if m == nil {
		c.w.errorf(n, "verb %q without a code", body)
		return
	}
	root := strings.TrimSpace(body[:len(body)-len(m[0])])
	forms := ""
	if i := strings.IndexByte(root, '{'); i >= 0 {
		root, forms = strings.TrimSpace(root[:i]), root[i:]
	}
	words := phraseWords(strings.NewReplacer("~", "", "=", "").Replace(root))
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
	c.w.line(n, "verb %s", tabariRoot(root, words))
	if forms != "" {
		c.tabariForms(n, forms)
	}
}

// tabariRoot returns dyad's verb line words for a TABARI root: a root
// ended by "_" ("DEPART_") is a regular verb, whose "s", "es", "ed", "en"
// and "ing" forms TABARI also codes, so they are listed; one ended by "="
// ("BAN=") codes only itself; any other is a stem that TABARI matches as a
// prefix ("RESTOR" codes "restored", "restoration"), marked "~".
func tabariRoot(root string, words []string) string {
	head := strings.Fields(strings.ReplaceAll(root, "_", " "))[0]
	line := strings.Join(words, " ")
	if len(words) > 1 {
		// A multi-word root ("BURN_DOWN") is matched word by word, its
		// head in its regular forms.
		return line + " {" + strings.Join(regularForms(words[0]), " ") + "}"
	}
	switch {
	case strings.HasSuffix(root, "="):
		return line
	case strings.HasSuffix(root, "_"):
		return line + " {" + strings.Join(regularForms(words[0]), " ") + "}"
	case strings.HasSuffix(head, "~"):
		return line
	}
	return line + "~"
}

// regularForms returns the forms TABARI gives a regular verb root: with
// "s", "es", "ed", "en" and "ing"; for a root ending in "e", "s", "d", "n"
// and "ing" in place of the "e".
func regularForms(w string) []string {
	if strings.HasSuffix(w, "e") {
		return []string{w + "s", w + "d", w + "n", w[:len(w)-1] + "ing"}
	}
	return []string{w + "s", w + "es", w + "ed", w + "en", w + "ing"}
}

// tabariForms converts a root's "{ BROKE_ BROKEN_ BROKEN_DOWN_ ACTUALITY }"
// list of irregular forms into verbs of its block: a form ended by "_" is a
// whole word, one without a mark a stem, and a form of several words a verb
// of its own.
func (c *verbConv) tabariForms(n int, body string) {
	if !c.inBlock {
		return
	}
	body = strings.Trim(strings.TrimSpace(body), "{}")
	for _, f := range strings.Fields(body) {
		f = strings.Trim(f, ",")
		ws := phraseWords(strings.NewReplacer("~", "", "=", "").Replace(f))
		switch {
		case len(ws) == 0:
		case len(ws) > 1:
			c.w.line(n, "verb %s", strings.Join(ws, " "))
		case strings.HasSuffix(f, "_") || strings.HasSuffix(f, "="):
			c.w.line(n, "verb %s", ws[0])
		default:
			c.w.line(n, "verb %s~", ws[0])
		}
	}
}

// tabariPattern converts the words of a TABARI pattern ("SUGGESTED_+ *
// DEMAND_GENEVA_CONVENTIONS") with its code: a word ended by "_" is a whole
// word, one without a mark (or marked "~") a stem, and a "_" between two
// elements joins them (no word may come between).
func (c *verbConv) tabariPattern(n int, text, rawCode string) {
	code, ok := c.code(n, strings.Trim(strings.TrimSpace(rawCode), "[]"))
	if !ok {
		return
	}
	var out []string
	i := 0
	for i < len(text) {
		ch := text[i]
		if ch == ' ' || ch == '\t' || ch == '_' {
			i++
			continue
		}
		var tok string
		word := false
		switch {
		case strings.IndexByte("*$+^%", ch) >= 0:
			tok = string(ch)
			i++
		case ch == '&':
			j := i + 1
			for j < len(text) && (isAlnum(text[j]) || text[j] == '_') {
				j++
			}
			name := text[i+1 : j]
			// "&TIETYPES_RELATIONS": the longest defined set name that
			// the text begins with; the rest is the next word.
			for k := len(name); k > 0; k-- {
				if _, ok := c.sets[setName(name[:k])]; ok && (k == len(name) || name[k] == '_') {
					name = name[:k]
					break
				}
			}
			tok = "&" + setName(name)
			i += 1 + len(name)
		default:
			j := i
			for j < len(text) && strings.IndexByte(" \t_~*$+^&=%", text[j]) < 0 {
				j++
			}
			// A hyphen that ends a word ("ANTI-") is split from it by
			// the tokenizer.
			tok = strings.TrimRight(strings.ToLower(text[i:j]), "-")
			word = true
			i = j
		}
		stem := word
		if i < len(text) && (text[i] == '~' || text[i] == '=') {
			stem = text[i] == '~' && word
			i++
		}
		joined := false
		if i < len(text) && text[i] == '_' {
			if word && (i == 0 || text[i-1] != '~') {
				stem = false
			}
			i++
			joined = i < len(text) && text[i] != ' ' && text[i] != '\t'
		}
		if tok == "" {
			continue
		}
		if stem {
			tok += "~"
		}
		if joined && tok != "*" {
			tok += "_"
		}
		out = append(out, tok)
	}
	if len(out) > 0 && strings.HasSuffix(out[len(out)-1], "_") {
		out[len(out)-1] = strings.TrimSuffix(out[len(out)-1], "_")
	}
	if len(out) == 0 {
		c.w.errorf(n, "empty pattern")
		return
	}
	line := "- " + strings.Join(out, " ") + " " + code
	if c.seen[line] {
		return
	}
	c.seen[line] = true
	c.w.line(n, "%s", line)
}

func isAlnum(b byte) bool {
	return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
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
			// A "_" next to the braces joins the alternative to its
			// neighbour ("DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS").
			pre, post := " ", " "
			if strings.HasSuffix(s[:i], "_") {
				pre = ""
			}
			if strings.HasPrefix(r, "_") {
				post = ""
			}
			out = append(out, s[:i]+pre+strings.TrimSpace(alt)+post+r)
		}
	}
	return out, ""
}

// tabariStems marks the words of a TABARI phrase that are stems, those not
// ended by "_" (or "="), with "~": "REALLY_DID_NOT" becomes
// "REALLY_DID_NOT~". References to sets ("&TIES") are left alone.
func tabariStems(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && strings.IndexByte(" \t_~=$", s[j]) < 0 {
			j++
		}
		word := s[i:j]
		b.WriteString(word)
		if j == i {
			b.WriteByte(s[i])
			i++
			continue
		}
		marked := j < len(s) && strings.IndexByte("_~=", s[j]) >= 0
		if !marked && !strings.HasPrefix(word, "&") {
			b.WriteByte('~')
		}
		i = j
	}
	return b.String()
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
	if c.tabari {
		text = tabariStems(text)
	}
	text = strings.NewReplacer("$", "", "=", "").Replace(text)
	if !c.tabari {
		text = strings.ReplaceAll(text, "~", "")
	}
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
	name := strings.ToUpper(strings.ReplaceAll(strings.Join(strings.Fields(m[1]), "_"), "-", "_"))
	if c.blocks == nil {
		c.blocks = map[string]string{}
	}
	if prev, ok := c.blocks[name]; ok && prev != code {
		// A second block of the name with another code ("--- SHOT [---]"
		// then "--- SHOT [223]"): a block of its own, as PETRARCH reads
		// the later one.
		name = fmt.Sprintf("%s_%d", name, n)
	}
	c.blocks[name] = code
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
	if !strings.Contains(body, "{") {
		// PETRARCH makes the regular forms of a verb listed without
		// irregular ones; listed, they are found whatever the parse
		// tags the word ("Ethiopia departs from Libya").
		fs = petrarchForms(words[0])
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
			if strings.HasSuffix(f, "_") && len(ws) == 1 {
				// "RECENTLY_*": the word comes right before the next
				// element.
				out = append(out, ws[0]+"_")
				continue
			}
			switch {
			case len(ws) > 1 && depth == 0 && groups && !strings.HasPrefix(f, "&") && !strings.Contains(f, "&"):
				out = append(out, "{"+strings.Join(ws, " ")+"}")
			case len(ws) > 1 && groups && depth == 0:
				// "NEW_&TIETYPES_RELATIONS": consecutive words with a
				// set, joined.
				for i := range ws[:len(ws)-1] {
					ws[i] += "_"
				}
				out = append(out, ws...)
			default:
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

// petrarchForms returns the regular forms PETRARCH gives a verb without
// irregular ones: "s" (or "es"), "ed" (or "d") and "ing".
func petrarchForms(w string) []string {
	switch {
	case strings.HasSuffix(w, "e"):
		return []string{w + "s", w + "d", w[:len(w)-1] + "ing"}
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "x"):
		return []string{w + "es", w + "ed", w + "ing"}
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return []string{w[:len(w)-1] + "ies", w[:len(w)-1] + "ied", w + "ing"}
	}
	return []string{w + "s", w + "ed", w + "ing"}
}
