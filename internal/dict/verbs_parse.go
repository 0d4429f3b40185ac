package dict

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseVerbs parses one verb dictionary file; name is used in positions and
// error messages. It reports every bad line at once, as a ErrorList.
func ParseVerbs(name string, src []byte) (*Verbs, error) {
	v := newVerbs()
	errs := v.parse(name, src)
	errs = append(errs, v.index()...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return v, nil
}

// parse adds the sets, blocks and patterns of one file to v.
func (v *Verbs) parse(name string, src []byte) ErrorList {
	p := &verbParser{v: v, file: name}
	rest := string(src)
	for line := 1; rest != ""; line++ {
		text, tail, _ := strings.Cut(rest, "\n")
		rest = tail
		p.line(line, strings.TrimSuffix(text, "\r"))
	}
	return p.errs
}

// verbParser holds the state between lines: the set or block being read.
type verbParser struct {
	v     *Verbs
	file  string
	set   *VerbSet
	block *VerbBlock
	errs  ErrorList
}

func (p *verbParser) errorf(line int, format string, args ...any) {
	p.errs = append(p.errs, &Error{Pos: Pos{p.file, line}, Msg: fmt.Sprintf(format, args...)})
}

// line parses one line of the file.
func (p *verbParser) line(n int, text string) {
	if !utf8.ValidString(text) {
		p.errorf(n, "line is not valid UTF-8")
		return
	}
	body, comment := splitComment(text)
	toks, err := lexVerbLine(body)
	if err != "" {
		p.errorf(n, "%s", err)
		return
	}
	if len(toks) == 0 {
		return
	}
	pos := Pos{p.file, n}
	head := toks[0]
	switch {
	case head.kind == tokWord && head.text == "set":
		p.setLine(pos, toks[1:])
	case head.kind == tokPlus:
		p.memberLine(pos, toks[1:])
	case head.kind == tokWord && head.text == "block":
		p.blockLine(pos, toks[1:])
	case head.kind == tokWord && head.text == "verb":
		p.entryLine(pos, EntryVerb, toks[1:])
	case head.kind == tokWord && head.text == "noun":
		p.entryLine(pos, EntryNoun, toks[1:])
	case head.kind == tokWord && head.text == "adj":
		p.entryLine(pos, EntryAdj, toks[1:])
	case head.kind == tokDash:
		p.patternLine(pos, toks[1:], strings.TrimSpace(comment))
	default:
		p.errorf(n, "line must start with set, +, block, verb, noun, adj or -, not %q", head.text)
	}
}

// splitComment cuts text at a "#" that starts the line or follows white
// space.
func splitComment(text string) (body, comment string) {
	for i := 0; i < len(text); i++ {
		if text[i] == '#' && (i == 0 || text[i-1] == ' ' || text[i-1] == '\t') {
			return text[:i], text[i+1:]
		}
	}
	return text, ""
}

func (p *verbParser) setLine(pos Pos, toks []verbToken) {
	p.block = nil
	p.set = nil
	if len(toks) != 1 || toks[0].kind != tokWord {
		p.errorf(pos.Line, "want: set NAME")
		return
	}
	name := strings.ToUpper(toks[0].text)
	if !validName(name) {
		p.errorf(pos.Line, "bad set name %q: use letters, digits and _", toks[0].text)
		return
	}
	if old := p.v.Sets[name]; old != nil {
		p.errorf(pos.Line, "set &%s is already defined at %s", name, old.Pos)
		return
	}
	p.set = &VerbSet{Name: name, Pos: pos}
	p.v.Sets[name] = p.set
}

func (p *verbParser) memberLine(pos Pos, toks []verbToken) {
	if p.set == nil {
		p.errorf(pos.Line, "set member outside a set")
		return
	}
	words, ok := p.plainWords(pos, toks)
	if !ok {
		return
	}
	if len(words) == 0 {
		p.errorf(pos.Line, "empty set member")
		return
	}
	for i, t := range toks {
		if t.stem {
			words[i] += "~" // matched by prefix: see the format
		}
	}
	p.set.Members = append(p.set.Members, words)
}

func (p *verbParser) blockLine(pos Pos, toks []verbToken) {
	p.set = nil
	p.block = nil
	if len(toks) == 0 || toks[0].kind != tokWord {
		p.errorf(pos.Line, "want: block NAME [CODE] FLAGS")
		return
	}
	name := strings.ToUpper(toks[0].text)
	if !validName(name) {
		p.errorf(pos.Line, "bad block name %q: use letters, digits and _", toks[0].text)
		return
	}
	var code VerbCode
	hasCode := false
	rest := toks[1:]
	if len(rest) > 0 && rest[0].kind == tokCode {
		c, err := parseVerbCode(rest[0].text)
		if err != "" {
			p.errorf(pos.Line, "%s", err)
			return
		}
		code, hasCode = c, true
		rest = rest[1:]
	}
	var flags []string
	for _, t := range rest {
		if t.kind != tokWord || !blockFlags[t.text] {
			p.errorf(pos.Line, "unknown block flag %q", t.text)
			return
		}
		flags = append(flags, t.text)
	}
	if b := p.v.blocks[name]; b != nil {
		if hasCode && code != b.Code {
			p.errorf(pos.Line, "block %s was opened at %s with code %s, not %s", name, b.Pos, b.Code, code)
			return
		}
		if len(flags) > 0 {
			p.errorf(pos.Line, "block %s: flags go on the line that opens it (%s)", name, b.Pos)
			return
		}
		p.block = b
		return
	}
	p.block = &VerbBlock{Name: name, Code: code, Flags: flags, Pos: pos}
	p.v.blocks[name] = p.block
	p.v.Blocks = append(p.v.Blocks, p.block)
}

func (p *verbParser) entryLine(pos Pos, kind VerbEntryKind, toks []verbToken) {
	kw := kind.keyword()
	if p.block == nil {
		p.errorf(pos.Line, "%s outside a block", kw)
		return
	}
	e := &VerbEntry{Kind: kind, Block: p.block, Pos: pos}
	if n := len(toks); n > 0 && toks[n-1].kind == tokCode {
		c, err := parseVerbCode(toks[n-1].text)
		if err != "" {
			p.errorf(pos.Line, "%s", err)
			return
		}
		e.Code, e.HasCode = c, true
		toks = toks[:n-1]
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case tokWord:
			if msg := checkWord(t.text); msg != "" {
				p.errorf(pos.Line, "%s", msg)
				return
			}
			if len(e.Forms)+len(e.StemForms) > 0 {
				p.errorf(pos.Line, "%s: words after the {forms}", kw)
				return
			}
			if t.joined {
				p.errorf(pos.Line, "%s: _ joins pattern elements, not the words of an entry", kw)
				return
			}
			if t.stem {
				head := kind != EntryNoun && len(e.Words) == 0 || kind == EntryNoun && i == len(toks)-1
				if !head {
					p.errorf(pos.Line, "%s: only the head word may be a stem (~)", kw)
					return
				}
				e.HeadStem = true
			}
			e.Words = append(e.Words, t.text)
		case tokLBrace:
			if kind != EntryVerb {
				p.errorf(pos.Line, "%s: forms are for verbs only", kw)
				return
			}
			j := i + 1
			for j < len(toks) && toks[j].kind == tokWord {
				if msg := checkWord(toks[j].text); msg != "" {
					p.errorf(pos.Line, "%s", msg)
					return
				}
				if toks[j].joined {
					p.errorf(pos.Line, "%s: _ joins pattern elements, not forms", kw)
					return
				}
				if toks[j].stem {
					e.StemForms = append(e.StemForms, toks[j].text)
				} else {
					e.Forms = append(e.Forms, toks[j].text)
				}
				j++
			}
			if j >= len(toks) || toks[j].kind != tokRBrace || j != len(toks)-1 {
				p.errorf(pos.Line, "verb: {forms} must be words and come last before the code")
				return
			}
			i = j
		default:
			p.errorf(pos.Line, "%s: unexpected %q", kw, t.text)
			return
		}
	}
	if len(e.Words) == 0 {
		p.errorf(pos.Line, "%s without words", kw)
		return
	}
	if kind == EntryNoun {
		p.block.Nouns = append(p.block.Nouns, e)
	} else {
		p.block.Verbs = append(p.block.Verbs, e)
	}
}

func (p *verbParser) patternLine(pos Pos, toks []verbToken, comment string) {
	if p.block == nil {
		p.errorf(pos.Line, "pattern outside a block")
		return
	}
	n := len(toks)
	if n == 0 || toks[n-1].kind != tokCode {
		p.errorf(pos.Line, "pattern must end with a [CODE]")
		return
	}
	code, err := parseVerbCode(toks[n-1].text)
	if err != "" {
		p.errorf(pos.Line, "%s", err)
		return
	}
	pat := &VerbPattern{Code: code, Block: p.block, Pos: pos, Comment: comment}
	star := -1
	for i, t := range toks[:n-1] {
		if t.kind == tokStar {
			if star >= 0 {
				p.errorf(pos.Line, "pattern has more than one *")
				return
			}
			star = i
		}
	}
	if star < 0 {
		p.errorf(pos.Line, "pattern has no * for the verb")
		return
	}
	pre, msg := parseElems(toks[:star])
	if msg == "" {
		pat.Pre = pre
		pat.Post, msg = parseElems(toks[star+1 : n-1])
	}
	if msg != "" {
		p.errorf(pos.Line, "%s", msg)
		return
	}
	pat.Text = pat.PatternString()
	p.block.Patterns = append(p.block.Patterns, pat)
}

// plainWords returns the tokens as words, reporting anything else.
func (p *verbParser) plainWords(pos Pos, toks []verbToken) ([]string, bool) {
	words := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.kind != tokWord {
			p.errorf(pos.Line, "unexpected %q in a list of words", t.text)
			return nil, false
		}
		if msg := checkWord(t.text); msg != "" {
			p.errorf(pos.Line, "%s", msg)
			return nil, false
		}
		words = append(words, t.text)
	}
	return words, true
}

// parseElems parses the elements on one side of a pattern's "*".
func parseElems(toks []verbToken) ([]VerbElem, string) {
	var out []VerbElem
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case tokWord, tokSet, tokDollar, tokPlus, tokCaret, tokPercent:
			if t.kind == tokWord {
				if msg := checkWord(t.text); msg != "" {
					return nil, msg
				}
			}
			out = append(out, simpleElem(t))
		case tokLBrace:
			j := i + 1
			var ws []VerbElem
			for j < len(toks) && (toks[j].kind == tokWord || toks[j].kind == tokSet) {
				if msg := checkWord(toks[j].text); toks[j].kind == tokWord && msg != "" {
					return nil, msg
				}
				ws = append(ws, simpleElem(toks[j]))
				j++
			}
			if j >= len(toks) || toks[j].kind != tokRBrace {
				return nil, "unclosed { or non-word inside {}"
			}
			if len(ws) == 0 {
				return nil, "empty {}"
			}
			out = append(out, VerbElem{Kind: ElemPhrase, Elems: ws})
			i = j
		case tokLParen:
			j := i + 1
			if j >= len(toks) || toks[j].kind != tokWord {
				return nil, "( must be followed by a preposition"
			}
			e := VerbElem{Kind: ElemPrep}
			for _, pr := range strings.Split(toks[j].text, "/") {
				if msg := checkWord(pr); msg != "" {
					return nil, msg
				}
				if pr == "" {
					return nil, "empty preposition in " + toks[j].text
				}
				e.Preps = append(e.Preps, pr)
			}
			j++
			var inner []verbToken
			for j < len(toks) && toks[j].kind != tokRParen {
				if toks[j].kind == tokLParen {
					return nil, "nested ( )"
				}
				inner = append(inner, toks[j])
				j++
			}
			if j >= len(toks) {
				return nil, "unclosed ("
			}
			objs, msg := parseElems(inner)
			if msg != "" {
				return nil, msg
			}
			for _, o := range objs {
				if o.Kind == ElemPrep {
					return nil, "nested ( )"
				}
			}
			e.Elems = objs
			out = append(out, e)
			i = j
		default:
			return nil, fmt.Sprintf("unexpected %q in a pattern", t.text)
		}
	}
	return out, ""
}

// checkWord reports a word that joins a phrase with "_".
func checkWord(w string) string {
	if strings.Contains(w, "_") {
		return fmt.Sprintf("%q: join the words of a phrase with spaces, not _", w)
	}
	return ""
}

func simpleElem(t verbToken) VerbElem {
	e := VerbElem{Kind: ElemWord, Word: t.text, Stem: t.stem, Joined: t.joined}
	switch t.kind {
	case tokSet:
		e = VerbElem{Kind: ElemSet, Word: strings.ToUpper(t.text)}
	case tokDollar:
		e = VerbElem{Kind: ElemSource}
	case tokPlus:
		e = VerbElem{Kind: ElemTarget}
	case tokCaret:
		e = VerbElem{Kind: ElemAny}
	case tokPercent:
		e = VerbElem{Kind: ElemCompound}
	}
	e.Joined = t.joined
	return e
}

// parseVerbCode parses the inside of a [CODE] token.
func parseVerbCode(s string) (VerbCode, string) {
	if s == "---" {
		return VerbCode{}, ""
	}
	ev, rev, paired := strings.Cut(s, ":")
	c := VerbCode{Event: ev, Reverse: rev}
	if ev == "---" {
		c.Event = ""
	}
	if rev == "---" {
		c.Reverse = ""
	}
	for _, x := range []string{c.Event, c.Reverse} {
		if x != "" && !isCAMEOCode(x) {
			return VerbCode{}, fmt.Sprintf("bad code [%s]: codes are 2 to 4 digits (and an optional capital letter), --- or a pair a:b", s)
		}
	}
	if c.None() && (paired || ev != "---") {
		return VerbCode{}, fmt.Sprintf("bad code [%s]: write [---] for no event", s)
	}
	return c, ""
}

// isCAMEOCode reports whether s is an event code: 2 to 4 digits, or 3
// to 4 digits and one capital letter, as the KEDS/WEIS-derived
// dictionaries of TABARI and PETRARCH write variants of a code ("075A",
// "174K"). The coder decides what to do with a code it does not know.
func isCAMEOCode(s string) bool {
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

func validName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// The lexer splits one line into tokens. It is a small state machine in the
// style of text/template/parse: each state scans one token and returns the
// next state.

type verbTokKind uint8

const (
	tokWord verbTokKind = iota + 1
	tokSet
	tokCode
	tokLBrace
	tokRBrace
	tokLParen
	tokRParen
	tokStar
	tokDollar
	tokPlus
	tokCaret
	tokPercent
	tokDash
)

type verbToken struct {
	kind verbTokKind
	text string
	// stem and joined are the marks "~" and "_" that end a word (and
	// "_" after $, +, ^ or &NAME): see the format's documentation.
	stem, joined bool
}

type verbLexer struct {
	src  string
	pos  int
	toks []verbToken
	err  string
}

type verbStateFn func(*verbLexer) verbStateFn

// verbSingles are the one-byte tokens.
var verbSingles = map[byte]verbTokKind{'{': tokLBrace, '}': tokRBrace, '(': tokLParen, ')': tokRParen,
	'*': tokStar, '$': tokDollar, '+': tokPlus, '^': tokCaret, '%': tokPercent}

// lexVerbLine splits a line (without its comment) into tokens. Words are
// folded to lower case.
func lexVerbLine(s string) ([]verbToken, string) {
	l := &verbLexer{src: s}
	for state := lexVerbSpace; state != nil; {
		state = state(l)
	}
	return l.toks, l.err
}

func (l *verbLexer) emit(k verbTokKind, text string) {
	l.toks = append(l.toks, verbToken{kind: k, text: text})
}

// joinMark reads a "_" that ends the token just emitted.
func (l *verbLexer) joinMark() {
	if l.pos < len(l.src) && l.src[l.pos] == '_' && len(l.toks) > 0 {
		l.toks[len(l.toks)-1].joined = true
		l.pos++
	}
}

func (l *verbLexer) errorf(format string, args ...any) verbStateFn {
	l.err = fmt.Sprintf(format, args...)
	return nil
}

func lexVerbSpace(l *verbLexer) verbStateFn {
	for l.pos < len(l.src) && (l.src[l.pos] == ' ' || l.src[l.pos] == '\t') {
		l.pos++
	}
	if l.pos >= len(l.src) {
		return nil
	}
	return lexVerbToken
}

func lexVerbToken(l *verbLexer) verbStateFn {
	c := l.src[l.pos]
	if k, ok := verbSingles[c]; ok {
		l.emit(k, string(c))
		l.pos++
		if k == tokDollar || k == tokPlus || k == tokCaret || k == tokPercent {
			l.joinMark()
		}
		return lexVerbSpace
	}
	switch {
	case c == '[':
		return lexVerbCode
	case c == '&':
		l.pos++
		start := l.pos
		for l.pos < len(l.src) && isNameByte(l.src[l.pos]) {
			l.pos++
		}
		if l.pos == start {
			return l.errorf("& must be followed by a set name")
		}
		name := l.src[start:l.pos]
		joined := strings.HasSuffix(name, "_") && len(name) > 1
		l.emit(tokSet, strings.ToUpper(strings.TrimSuffix(name, "_")))
		l.toks[len(l.toks)-1].joined = joined
		return lexVerbSpace
	case c == '-' && len(l.toks) == 0 && (l.pos+1 == len(l.src) || l.src[l.pos+1] == ' ' || l.src[l.pos+1] == '\t'):
		l.emit(tokDash, "-")
		l.pos++
		return lexVerbSpace
	}
	return lexVerbWord
}

func lexVerbWord(l *verbLexer) verbStateFn {
	start := l.pos
	for l.pos < len(l.src) {
		r, size := utf8.DecodeRuneInString(l.src[l.pos:])
		if r == ' ' || r == '\t' || strings.ContainsRune("{}()[]*$+^&%", r) {
			break
		}
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-'./_~", r)) {
			return l.errorf("unexpected character %q", r)
		}
		l.pos += size
	}
	if l.pos == start {
		return l.errorf("unexpected character %q", l.src[l.pos])
	}
	w := l.src[start:l.pos]
	t := verbToken{kind: tokWord}
	if len(w) > 1 && strings.HasSuffix(w, "_") {
		w, t.joined = w[:len(w)-1], true
	}
	if len(w) > 1 && strings.HasSuffix(w, "~") {
		w, t.stem = w[:len(w)-1], true
	}
	if strings.Contains(w, "~") {
		return l.errorf("%q: ~ may only end a word", w)
	}
	t.text = strings.ToLower(w)
	l.toks = append(l.toks, t)
	return lexVerbSpace
}

func lexVerbCode(l *verbLexer) verbStateFn {
	end := strings.IndexByte(l.src[l.pos:], ']')
	if end < 0 {
		return l.errorf("unclosed [")
	}
	l.emit(tokCode, strings.TrimSpace(l.src[l.pos+1:l.pos+end]))
	l.pos += end + 1
	return lexVerbSpace
}

func isNameByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
}
