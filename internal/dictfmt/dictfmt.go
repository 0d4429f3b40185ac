// Package dictfmt reads users' dictionaries written in the PETRARCH and
// TABARI formats at run time: actor, agent and verb files (and TABARI's
// .options and .project files) in, dyad-format dictionary text (see package
// dict) and loaded *dict.Actors and *dict.Verbs out. Each reader decodes
// Latin-1 lines that are not valid UTF-8, drops CR line ends and stray 0x1A
// and NUL bytes, and reports every bad line of a file at once, as an
// ErrorList of file:line errors.
package dictfmt

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
)

// ErrSyntax is wrapped by every Error: a line the reader cannot convert.
var ErrSyntax = errors.New("dictfmt: syntax error")

// Error is one bad line of a dictionary file.
type Error struct {
	File string
	Line int
	Msg  string
}

// Error returns "file:line: message".
func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Unwrap returns ErrSyntax.
func (e *Error) Unwrap() error { return ErrSyntax }

// ErrorList is every bad line of one or more files, in file and line order.
type ErrorList []*Error

// Error returns the errors, one a line.
func (l ErrorList) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Unwrap returns the errors, for errors.Is and errors.As.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Err returns the list sorted, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		return l[i].Line < l[j].Line
	})
	return l
}

// readLines reads a whole file and returns its lines as UTF-8, without line
// ends: a line that is not valid UTF-8 is decoded as Latin-1, CR before LF
// (and a lone CR) ends a line, and 0x1A and NUL bytes are dropped.
func readLines(r io.Reader) ([]string, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("dictfmt: read: %w", err)
	}
	clean := src[:0:0]
	for _, b := range src {
		if b != 0x1A && b != 0 {
			clean = append(clean, b)
		}
	}
	src = clean
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	raw := bytes.Split(src, []byte("\n"))
	if len(raw) > 0 && len(raw[len(raw)-1]) == 0 {
		raw = raw[:len(raw)-1]
	}
	lines := make([]string, len(raw))
	for i, b := range raw {
		if utf8.Valid(b) {
			lines[i] = string(b)
			continue
		}
		rs := make([]rune, len(b))
		for j, c := range b {
			rs[j] = rune(c)
		}
		lines[i] = string(rs)
	}
	return lines, nil
}

// writer builds dyad-format text and remembers the source line of each
// output line, so that errors found by package dict in the output can be
// reported at the source line.
type writer struct {
	buf   strings.Builder
	src   []int // output line (from 1) -> source line
	file  string
	errs  ErrorList
	lines int
}

func (w *writer) line(src int, format string, args ...any) {
	fmt.Fprintf(&w.buf, format, args...)
	w.buf.WriteByte('\n')
	w.src = append(w.src, src)
}

func (w *writer) errorf(line int, format string, args ...any) {
	w.errs = append(w.errs, &Error{File: w.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// remap adds errors that dict reported at output lines to the list, at
// their source lines; the error text has the form "file:line: msg".
func (w *writer) remap(out int, msg string) {
	src := 0
	if out >= 1 && out <= len(w.src) {
		src = w.src[out-1]
	}
	w.errorf(src, "%s", msg)
}

// cutComment cuts a line at the first byte of marks that starts a comment.
func cutComment(s, marks string) string {
	if i := strings.IndexAny(s, marks); i >= 0 {
		return s[:i]
	}
	return s
}

// phraseText turns a PETRARCH/TABARI phrase ("JOHN_KERRY_") into words
// separated by spaces ("JOHN KERRY").
func phraseText(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' }), " ")
}
