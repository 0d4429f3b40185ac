package dict

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// ErrSyntax is wrapped by every error about a line of a dictionary, actor or
// verb.
var ErrSyntax = errors.New("dict: dictionary syntax error")

// Pos is a position in a dictionary file: its name and a 1-based line.
type Pos struct {
	File string
	Line int
}

// String returns the position as "file:line".
func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Error is an error on one line of a dictionary.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Unwrap returns ErrSyntax.
func (e *Error) Unwrap() error { return ErrSyntax }

// ErrorList is every error found in one or more dictionary files, like
// go/scanner's: loaders report all bad lines at once.
type ErrorList []*Error

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	const max = 10
	var b strings.Builder
	for i, e := range l {
		if i == max {
			fmt.Fprintf(&b, "\n(and %d more errors)", len(l)-max)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the errors of the list, so that errors.Is finds ErrSyntax.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// sort orders the list by file, then line, keeping the order of errors on
// one line.
func (l ErrorList) sort() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].Pos.File != l[j].Pos.File {
			return l[i].Pos.File < l[j].Pos.File
		}
		return l[i].Pos.Line < l[j].Pos.Line
	})
}
