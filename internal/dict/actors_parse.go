package dict

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ActorFile is one actor dictionary file as read: its entries, agents and
// remove directives in file order.
type ActorFile struct {
	Name    string
	Entries []*ActorEntry
	Agents  []*Agent
	Removes []ActorName
}

// ParseActors parses one actor dictionary file; name is used in positions
// and error messages. It reports every bad line at once, as an
// ErrorList.
func ParseActors(name string, src []byte) (*ActorFile, error) {
	p := &actorParser{f: &ActorFile{Name: name}, seen: map[string]int{}}
	line := 0
	for len(src) > 0 {
		line++
		var text string
		if i := bytes.IndexByte(src, '\n'); i < 0 {
			text, src = string(src), nil
		} else {
			text, src = string(src[:i]), src[i+1:]
		}
		p.line(line, strings.TrimSuffix(text, "\r"))
	}
	p.endEntry()
	if err := p.errs.Err(); err != nil {
		p.errs.sort()
		return nil, p.errs
	}
	return p.f, nil
}

// actorParser holds the state between lines: the entry being read.
type actorParser struct {
	f     *ActorFile
	entry *ActorEntry
	// skip is true after an entry line that could not be read: its
	// attributes are skipped without more errors.
	skip bool
	seen map[string]int // type and folded name -> line of the entry
	errs ErrorList
}

func (p *actorParser) errorf(line int, format string, args ...any) {
	p.errs = append(p.errs, &Error{Pos: Pos{p.f.Name, line}, Msg: fmt.Sprintf(format, args...)})
}

// actorTypes maps the type keywords to the types.
var actorTypes = map[string]string{"person": ActorPerson, "state": ActorState,
	"organisation": ActorOrganisation, "organization": ActorOrganisation, "group": ActorGroup}

// line parses one line of the file.
func (p *actorParser) line(n int, text string) {
	if !utf8.ValidString(text) {
		p.errorf(n, "line is not valid UTF-8")
		return
	}
	l := lexActorLine(text)
	if l.err != "" {
		p.errorf(n, "%s", l.err)
		return
	}
	if len(l.fields) == 0 {
		return
	}
	pos := Pos{p.f.Name, n}
	key, args := l.fields[0], l.fields[1:]
	if l.indented {
		p.attribute(pos, key, args)
		return
	}
	switch {
	case actorTypes[key] != "":
		p.endEntry()
		p.startEntry(pos, actorTypes[key], args)
	case key == "agent":
		p.endEntry()
		p.agentLine(pos, args)
	case key == "extend":
		p.endEntry()
		if len(args) == 0 || actorTypes[args[0]] == "" {
			p.errorf(n, "want: extend TYPE NAME (TYPE is person, state, organisation or group)")
			p.skip = true
			return
		}
		p.startEntry(pos, actorTypes[args[0]], args[1:])
		if p.entry != nil {
			p.entry.Extend = true
		}
	case key == "remove":
		p.endEntry()
		if phrase, ok := p.phrase(pos, args); ok {
			p.f.Removes = append(p.f.Removes, ActorName{Text: phrase, Pos: pos})
		}
	case actorAttributes[key]:
		p.errorf(n, "attribute %q must be indented under an entry", key)
	default:
		p.endEntry()
		p.skip = true // the block's attributes go with it
		p.errorf(n, "line must start with person, state, organisation, group, agent, extend or remove, not %q", key)
	}
}

// actorAttributes are the keywords of indented lines.
var actorAttributes = map[string]bool{"alias": true, "adjective": true, "demonym": true, "capital": true,
	"place": true, "code": true, "country": true, "sector": true, "gender": true}

// phrase joins the words of a phrase argument and checks it has words.
func (p *actorParser) phrase(pos Pos, args []string) (string, bool) {
	if len(args) == 0 {
		p.errorf(pos.Line, "missing phrase")
		return "", false
	}
	s := strings.Join(args, " ")
	if !actorHasWord(s) {
		p.errorf(pos.Line, "phrase %q has no words", s)
		return "", false
	}
	return s, true
}

// actorHasWord reports whether a phrase has a word that is not punctuation.
func actorHasWord(s string) bool {
	var buf [8]ActorWord
	for _, w := range AppendActorWords(buf[:0], s, 0) {
		if !w.Punct {
			return true
		}
	}
	return false
}

func (p *actorParser) startEntry(pos Pos, typ string, args []string) {
	name, ok := p.phrase(pos, args)
	if !ok {
		p.skip = true
		return
	}
	id := typ + "\x00" + ActorKey(name)
	if first, dup := p.seen[id]; dup {
		p.errorf(pos.Line, "duplicate %s %q (first at line %d)", typ, name, first)
	} else {
		p.seen[id] = pos.Line
	}
	p.entry = &ActorEntry{Type: typ, Name: name, Pos: pos,
		Names: []ActorName{{Text: name, Kind: ActorAlias, Pos: pos}}}
}

// endEntry checks and keeps the entry being read.
func (p *actorParser) endEntry() {
	e := p.entry
	p.entry, p.skip = nil, false
	if e == nil {
		return
	}
	if e.Type == ActorState && len(e.Roles) == 0 && !e.Extend {
		p.errorf(e.Pos.Line, "state %q has no code", e.Name)
	}
	p.f.Entries = append(p.f.Entries, e)
}

func (p *actorParser) attribute(pos Pos, key string, args []string) {
	e := p.entry
	if e == nil {
		if !p.skip { // else the entry's own line was bad and has been reported
			p.errorf(pos.Line, "indented %q line outside an entry", key)
		}
		return
	}
	switch key {
	case "alias", "adjective", "demonym", "capital", "place":
		kind := map[string]ActorNameKind{"alias": ActorAlias, "adjective": ActorAdjective,
			"demonym": ActorDemonym, "capital": ActorCapital, "place": ActorPlace}[key]
		if kind != ActorAlias && e.Type != ActorState {
			p.errorf(pos.Line, "%s is only for states, not for %s %q", key, e.Type, e.Name)
			return
		}
		if phrase, ok := p.phrase(pos, args); ok {
			e.Names = append(e.Names, ActorName{Text: phrase, Kind: kind, Pos: pos})
		}
	case "code":
		p.codeLine(pos, e, args)
	case "country":
		switch {
		case len(args) != 1:
			p.errorf(pos.Line, "want: country ISO3 (or -)")
		case args[0] == "-" || (len(args[0]) == 3 && actorISO3[args[0]]):
			e.Country = args[0]
		default:
			p.errorf(pos.Line, "country %q is not an ISO 3166 alpha-3 code (or -)", args[0])
		}
	case "sector":
		if len(args) != 1 || len(args[0]) != 3 || !validActorCode(args[0]) {
			p.errorf(pos.Line, "want: sector XXX (three capital letters)")
			return
		}
		e.Sector = args[0]
	case "gender":
		if e.Type != ActorPerson {
			p.errorf(pos.Line, "gender is only for persons")
			return
		}
		if len(args) != 1 || (args[0] != "male" && args[0] != "female") {
			p.errorf(pos.Line, "want: gender male or gender female")
			return
		}
		e.Gender = args[0]
	default:
		p.errorf(pos.Line, "unknown attribute %q (want alias, adjective, demonym, capital, place, code, country, sector or gender)", key)
	}
}

// codeLine reads "code CODE [FROM..TO]".
func (p *actorParser) codeLine(pos Pos, e *ActorEntry, args []string) {
	if len(args) == 0 || len(args) > 2 {
		p.errorf(pos.Line, "want: code CODE [FROM..TO]")
		return
	}
	if !validActorCode(args[0]) {
		p.errorf(pos.Line, "code %q is not a CAMEO actor code (capital letters, and digits after the first, in groups of three)", args[0])
		return
	}
	r := ActorRole{Code: args[0], Pos: pos}
	if len(args) == 2 {
		from, to, ok := strings.Cut(args[1], "..")
		if !ok {
			p.errorf(pos.Line, "date range %q: want FROM..TO (YYYY-MM-DD, either may be empty)", args[1])
			return
		}
		for _, d := range []string{from, to} {
			if d == "" {
				continue
			}
			if _, err := time.Parse("2006-01-02", d); err != nil || len(d) != 10 {
				p.errorf(pos.Line, "date %q is not a date YYYY-MM-DD", d)
				return
			}
		}
		if from == "" && to == "" {
			p.errorf(pos.Line, "date range \"..\" is empty: leave it out for an undated code")
			return
		}
		if from != "" && to != "" && from > to {
			p.errorf(pos.Line, "date range %s ends before it begins", args[1])
			return
		}
		r.From, r.To = from, to
	}
	e.Roles = append(e.Roles, r)
}

// agentLine reads "agent PHRASE CODE [person] [noplural | plural PHRASE]".
func (p *actorParser) agentLine(pos Pos, args []string) {
	ci := -1
	for i, a := range args {
		if actorAgentCode(a) {
			ci = i
			break
		}
	}
	if ci < 0 {
		p.errorf(pos.Line, "agent without a code (~XXX or XXX~)")
		return
	}
	phrase, ok := p.phrase(pos, args[:ci])
	if !ok {
		return
	}
	a := &Agent{Phrase: phrase, Pos: pos}
	code := args[ci]
	if strings.HasPrefix(code, "~") {
		a.Code = code[1:]
	} else {
		a.Code, a.Before = code[:len(code)-1], true
	}
	rest := args[ci+1:]
	for len(rest) > 0 {
		switch rest[0] {
		case "person":
			a.Person = true
			rest = rest[1:]
		case "noplural":
			if a.PluralWritten {
				p.errorf(pos.Line, "noplural and plural together")
				return
			}
			a.NoPlural = true
			rest = rest[1:]
		case "plural":
			if a.NoPlural {
				p.errorf(pos.Line, "noplural and plural together")
				return
			}
			pl, ok := p.phrase(pos, rest[1:])
			if !ok {
				return
			}
			a.Plural, a.PluralWritten = pl, true
			rest = nil
		default:
			p.errorf(pos.Line, "unknown agent flag %q (want person, noplural or plural PHRASE)", rest[0])
			return
		}
	}
	if !a.NoPlural && !a.PluralWritten {
		a.Plural = actorPlural(a.Phrase)
	}
	p.f.Agents = append(p.f.Agents, a)
}

// actorAgentCode reports whether s is an agent code: ~XXX or XXX~.
func actorAgentCode(s string) bool {
	switch {
	case strings.HasPrefix(s, "~"):
		return validActorCode(s[1:])
	case strings.HasSuffix(s, "~"):
		return validActorCode(s[:len(s)-1])
	}
	return false
}

// The lexer splits one line into its fields. It is a small state machine in
// the style of text/template/parse: each state scans one stretch of the line
// and returns the next state.

type actorLexer struct {
	src      string
	pos      int
	indented bool
	fields   []string
	err      string
}

type actorStateFn func(*actorLexer) actorStateFn

// lexActorLine splits a line into fields, dropping its comment.
func lexActorLine(s string) *actorLexer {
	l := &actorLexer{src: s}
	for state := lexActorIndent; state != nil; {
		state = state(l)
	}
	return l
}

// lexActorIndent reads the white space at the start of the line.
func lexActorIndent(l *actorLexer) actorStateFn {
	for l.pos < len(l.src) && (l.src[l.pos] == ' ' || l.src[l.pos] == '\t') {
		l.pos++
	}
	l.indented = l.pos > 0
	return lexActorBetween
}

// lexActorBetween reads white space between fields and decides what comes
// next: the end, a comment or a field.
func lexActorBetween(l *actorLexer) actorStateFn {
	for l.pos < len(l.src) {
		r, n := utf8.DecodeRuneInString(l.src[l.pos:])
		if !unicode.IsSpace(r) {
			break
		}
		l.pos += n
	}
	switch {
	case l.pos >= len(l.src):
		return nil
	case l.src[l.pos] == '#':
		return nil // a comment runs to the end of the line
	}
	return lexActorField
}

// lexActorField reads one field: a run of characters that are not white
// space.
func lexActorField(l *actorLexer) actorStateFn {
	start := l.pos
	for l.pos < len(l.src) {
		r, n := utf8.DecodeRuneInString(l.src[l.pos:])
		if unicode.IsSpace(r) {
			break
		}
		if r < ' ' || r == 0x7f {
			l.err = fmt.Sprintf("control character %U in line", r)
			return nil
		}
		l.pos += n
	}
	l.fields = append(l.fields, l.src[start:l.pos])
	return lexActorBetween
}
