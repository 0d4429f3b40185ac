// Package dict reads dyad's dictionaries: text files in dyad's own formats
// (the defaults embedded by package data, a user's directory through an
// fs.FS) in, immutable in-memory dictionaries out. The actor dictionaries
// (actors*.go: persons, states, organisations, groups and agents with their
// CAMEO codes over time) are read by LoadActors into *Actors; the verb
// dictionary (verbs*.go) by LoadVerbs. Every bad line of every file is
// reported at once, with its file and line.
package dict

import (
	"fmt"
	"strings"
)

// The actor dictionary format
//
// An actor dictionary is a UTF-8 text file read line by line. "#" at the
// start of a line or after white space starts a comment that runs to the end
// of the line; blank lines are ignored. A line that starts at the left margin
// opens an entry (or is a one-line agent or remove directive); an indented
// line (tab or spaces) adds an attribute to the entry above it:
//
//	person John Kerry                        TYPE CANONICAL NAME
//		alias Secretary Kerry                  another name of the entry
//		code USAGOVLEG 1985-01-03..2013-02-01  a CAMEO code over a date range
//		code USAGOV 2013-02-01..2017-01-20
//		gender male
//
// TYPE is person, state, organisation (or organization) or group. The
// attributes are
//
//	alias PHRASE         another name; the canonical name is a name too
//	adjective WORD       (states) a nationality adjective, "Syrian"; one that
//	                     ends in "an" or "i" also names the state's people in
//	                     the plural, "Syrians", "Iraqis"
//	demonym PHRASE       (states) a noun for its people, "Briton", "Britons"
//	capital PHRASE       (states) the capital, which stands for the
//	                     government when it acts: "Damascus said"
//	place PHRASE         (states) a place in the state: kept for reference,
//	                     never an actor mention (places are found elsewhere)
//	code CODE [RANGE]    a CAMEO actor code (USAGOV, IGOUNO, SYRREB), valid
//	                     over RANGE: FROM..TO with dates YYYY-MM-DD, both ends
//	                     inclusive, either end empty for open; no RANGE means
//	                     always (a fallback when no dated code applies)
//	country ISO3 | -     the state the actor acts for when it is not the
//	                     code's first three letters; "-" for none (named
//	                     armed or political groups, Hezbollah, Hamas)
//	sector SECTOR        the sector when it is not the code's second part
//	gender male|female   (persons) for pronouns
//
// An agent is a word for a kind of actor with the code it adds to a
// nationality ("Syrian" + "rebels" = SYRREB):
//
//	agent foreign minister ~GOV person
//	agent police ~COP noplural
//	agent attorney general ~GOVATG person plural attorneys general
//	agent human rights group NGO~
//
// ~XXX appends XXX to the nationality's code; XXX~ puts XXX before it (as
// CAMEO does for NGO~ and IGO~). The flags after the code are person (the
// agent is a title that names one person: "minister"), noplural, and plural
// PHRASE (last on the line) for an irregular plural; without either the
// plural is made by the English rules (army: armies, police officer: police
// officers, gunman: gunmen).
//
//	remove PHRASE
//
// takes PHRASE away from the entries and agents of earlier files, and
//
//	extend person John Kerry
//		alias JFK
//
// adds names and codes to an entry of an earlier file (a country, sector or
// gender given replaces the entry's).
//
// Phrases are matched against text word by word with case, diacritics,
// apostrophe styles and dots folded and hyphens read as spaces, so "al-Assad"
// matches "Al Assad" and "U.S." matches "US" (see AppendActorWords). The
// names of persons, states, organisations and groups match only when
// capitalised in the text, and a one-word name of three letters or fewer only
// when written in capitals ("IS", "US", "UN"); agents match in any case.
//
// Files are layered: LoadActors reads its file systems in order and the
// files of each in name order. An entry with the same type and name as an
// entry of an earlier file replaces it; a phrase defined in a later file is
// taken away from the entries of earlier files. Within one file a type and
// name may appear once.

// Actor entry types, as written in a dictionary. They are the dyad actor
// types: person, state, organisation and group.
const (
	ActorPerson       = "person"
	ActorState        = "state"
	ActorOrganisation = "organisation"
	ActorGroup        = "group"
)

// ActorNameKind says what a name of an entry is.
type ActorNameKind uint8

// The kinds of name.
const (
	ActorAlias     ActorNameKind = iota // a name: the canonical name or an alias
	ActorAdjective                      // a nationality adjective ("Syrian")
	ActorDemonym                        // a noun for a state's people ("Syrians")
	ActorCapital                        // a capital that stands for its government
	ActorPlace                          // a place, never an actor mention
)

var actorNameKeywords = [...]string{ActorAlias: "alias", ActorAdjective: "adjective",
	ActorDemonym: "demonym", ActorCapital: "capital", ActorPlace: "place"}

// String returns the keyword of the kind.
func (k ActorNameKind) String() string {
	if int(k) < len(actorNameKeywords) {
		return actorNameKeywords[k]
	}
	return fmt.Sprintf("ActorNameKind(%d)", k)
}

// ActorName is one phrase that names an entry.
type ActorName struct {
	Text  string
	Kind  ActorNameKind
	Pos   Pos
	layer int // the file that defined the name, while layering
}

// ActorRole is a CAMEO code held over a range of dates. From and To are
// YYYY-MM-DD, inclusive; "" leaves that end open. A role with neither is
// undated: it applies when no dated role does.
type ActorRole struct {
	Code string
	From string
	To   string
	Pos  Pos
}

// Dated reports whether the role has a date range.
func (r ActorRole) Dated() bool { return r.From != "" || r.To != "" }

// Covers reports whether the role holds on date (YYYY-MM-DD).
func (r ActorRole) Covers(date string) bool {
	return (r.From == "" || r.From <= date) && (r.To == "" || date <= r.To)
}

// Range returns the date range as written in a dictionary ("" when undated).
func (r ActorRole) Range() string {
	if !r.Dated() {
		return ""
	}
	return r.From + ".." + r.To
}

// ActorEntry is one actor of a dictionary: a person, state, organisation or
// group, its names and its codes.
type ActorEntry struct {
	Type string
	Name string
	// Names are every phrase that names the entry, the canonical name first.
	// After LoadActors they are only the phrases the entry still owns.
	Names []ActorName
	Roles []ActorRole
	// Country is the explicit country: "" derives it from the codes, "-"
	// means none.
	Country string
	Sector  string
	Gender  string
	Pos     Pos
	// Extend marks an "extend" entry: it adds to an entry of an earlier
	// file.
	Extend bool
}

// RoleAt returns the role that holds on date (YYYY-MM-DD). Among dated roles
// that cover the date the one that began last wins; without one, an undated
// role applies. When date is "" the latest role applies. ok is false when the
// entry has no role for the date; former is then true if the entry has dated
// roles that ended before date (or begin after it), and role is the nearest
// of them: its holder is a former official, an elite.
func (e *ActorEntry) RoleAt(date string) (role ActorRole, ok, former bool) {
	best := -1
	for i, r := range e.Roles {
		if !r.Dated() {
			continue
		}
		if date != "" && !r.Covers(date) {
			continue
		}
		if best < 0 || actorLater(r, e.Roles[best]) {
			best = i
		}
	}
	if best >= 0 {
		return e.Roles[best], true, false
	}
	for _, r := range e.Roles {
		if !r.Dated() {
			return r, true, false
		}
	}
	// No role holds: the nearest dated one, for its country.
	near, dist := -1, ""
	for i, r := range e.Roles {
		if !r.Dated() {
			continue
		}
		d := r.To
		if r.To == "" || r.To > date {
			d = r.From
		}
		gap := actorDateGap(d, date)
		if near < 0 || gap < dist {
			near, dist = i, gap
		}
	}
	if near < 0 {
		return ActorRole{}, false, false
	}
	return e.Roles[near], false, true
}

// actorLater reports whether role a began after role b (an open start is the
// earliest).
func actorLater(a, b ActorRole) bool {
	if a.From != b.From {
		return a.From > b.From
	}
	return a.To == "" || (b.To != "" && a.To > b.To)
}

// actorDateGap returns a string that orders like the distance between two
// YYYY-MM-DD dates (days, zero padded).
func actorDateGap(a, b string) string {
	da, db := actorDays(a), actorDays(b)
	if da > db {
		da, db = db, da
	}
	return fmt.Sprintf("%09d", db-da)
}

// actorDays returns a day count for a YYYY-MM-DD date, good for comparing
// distances.
func actorDays(s string) int {
	var y, m, d int
	fmt.Sscanf(s, "%d-%d-%d", &y, &m, &d)
	return y*372 + m*31 + d
}

// Codes returns the country, sector and code of the entry on date.
// See RoleAt; a former holder of a role keeps its country and becomes an
// elite (sector ELI).
func (e *ActorEntry) Codes(date string) (country, sector, code string) {
	role, ok, former := e.RoleAt(date)
	if ok || former {
		country, sector = ActorCodeParts(role.Code)
		code = role.Code
		if former && country != "" {
			sector, code = "ELI", country+"ELI"
		}
	}
	switch e.Country {
	case "-":
		country = ""
	case "":
	default:
		country = e.Country
	}
	if e.Sector != "" && !former {
		sector = e.Sector
	}
	return country, sector, code
}

// Agent is a word for a kind of actor, with the code it adds to a
// nationality.
type Agent struct {
	Phrase string
	// Code is the CAMEO code the agent adds, without the "~".
	Code string
	// Before is true for a code written XXX~: it goes before the
	// nationality's code.
	Before bool
	// Person is true for an agent that names one person (a title).
	Person bool
	// Plural is the plural form: written after "plural", or made by the
	// English rules; "" with NoPlural.
	Plural string
	// NoPlural and PluralWritten record how the plural was given.
	NoPlural      bool
	PluralWritten bool
	Pos           Pos
}

// Sector returns the agent's sector: the first three letters of its code.
func (a *Agent) Sector() string {
	if len(a.Code) < 3 {
		return a.Code
	}
	return a.Code[:3]
}

// Compose returns the code of an actor of the given nationality code
// (a country, or an organisation's code) with this agent: "SYR" + ~REB is
// "SYRREB", "SYR" + NGO~ is "NGOSYR".
func (a *Agent) Compose(nationality string) string {
	if a.Before {
		return a.Code + nationality
	}
	return nationality + a.Code
}

// actorPlural returns the English plural of a phrase: its last word made
// plural, or the first word of "X of Y" phrases ("chief of staff": "chiefs of
// staff").
func actorPlural(phrase string) string {
	words := strings.Fields(phrase)
	if len(words) == 0 {
		return ""
	}
	i := len(words) - 1
	for j, w := range words {
		if j > 0 && (w == "of" || w == "for" || w == "in" || w == "to" || w == "at" || w == "on") {
			i = j - 1
			break
		}
	}
	words[i] = actorPluralWord(words[i])
	return strings.Join(words, " ")
}

func actorPluralWord(w string) string {
	lw := strings.ToLower(w)
	upper := w != lw && strings.ToUpper(w) == w
	p := lw
	switch {
	case strings.HasSuffix(lw, "man") && !strings.HasSuffix(lw, "human") && !strings.HasSuffix(lw, "german"):
		p = lw[:len(lw)-3] + "men"
	case strings.HasSuffix(lw, "person"):
		p = lw[:len(lw)-6] + "people"
	case strings.HasSuffix(lw, "y") && len(lw) > 1 && !strings.ContainsRune("aeiou", rune(lw[len(lw)-2])):
		p = lw[:len(lw)-1] + "ies"
	case strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "x") || strings.HasSuffix(lw, "z") ||
		strings.HasSuffix(lw, "ch") || strings.HasSuffix(lw, "sh"):
		p = lw + "es"
	case strings.HasSuffix(lw, "."):
		return w
	default:
		p = lw + "s"
	}
	if upper {
		return strings.ToUpper(p)
	}
	return p
}
