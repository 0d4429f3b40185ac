package dict

import (
	"bufio"
	"io"
	"strings"
)

// WriteActors writes entries, agents and remove directives in the actor
// dictionary format, after header lines written as comments. Reading the
// output with ParseActors gives back the same entries and agents.
func WriteActors(w io.Writer, header []string, f *ActorFile) error {
	bw := bufio.NewWriter(w)
	for _, h := range header {
		if h == "" {
			bw.WriteString("#\n")
			continue
		}
		bw.WriteString("# " + h + "\n")
	}
	if len(header) > 0 {
		bw.WriteByte('\n')
	}
	for _, e := range f.Entries {
		bw.WriteString(FormatActorEntry(e))
		bw.WriteByte('\n')
	}
	for _, a := range f.Agents {
		bw.WriteString(FormatAgent(a))
		bw.WriteByte('\n')
	}
	for _, r := range f.Removes {
		bw.WriteString("remove " + r.Text + "\n")
	}
	return bw.Flush()
}

// FormatActorEntry returns an entry as dictionary lines, each ending in a
// newline: the type and canonical name, then one indented line per
// attribute.
func FormatActorEntry(e *ActorEntry) string {
	var b strings.Builder
	typ := e.Type
	if e.Extend {
		b.WriteString("extend ")
	}
	b.WriteString(typ + " " + e.Name + "\n")
	for i, n := range e.Names {
		if i == 0 && n.Kind == ActorAlias && n.Text == e.Name {
			continue
		}
		b.WriteString("\t" + n.Kind.String() + " " + n.Text + "\n")
	}
	if e.Country != "" {
		b.WriteString("\tcountry " + e.Country + "\n")
	}
	if e.Sector != "" {
		b.WriteString("\tsector " + e.Sector + "\n")
	}
	if e.Gender != "" {
		b.WriteString("\tgender " + e.Gender + "\n")
	}
	for _, r := range e.Roles {
		b.WriteString("\tcode " + r.Code)
		if r.Dated() {
			b.WriteString(" " + r.Range())
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// FormatAgent returns an agent as one dictionary line, without a newline.
func FormatAgent(a *Agent) string {
	var b strings.Builder
	b.WriteString("agent " + a.Phrase + " ")
	if a.Before {
		b.WriteString(a.Code + "~")
	} else {
		b.WriteString("~" + a.Code)
	}
	if a.Person {
		b.WriteString(" person")
	}
	switch {
	case a.NoPlural:
		b.WriteString(" noplural")
	case a.PluralWritten:
		b.WriteString(" plural " + a.Plural)
	}
	return b.String()
}
