package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
)

// Sentinel errors; every *Error from this package wraps one of them or an
// error from the file system.
var (
	// ErrNotArticle marks input that does not describe an article: a line
	// that is not JSON, not a JSON object, or has a missing or mistyped
	// field.
	ErrNotArticle = errors.New("ingest: not an article")
	// ErrEncoding marks input that is not valid UTF-8 and declares no
	// charset that could be decoded.
	ErrEncoding = errors.New("ingest: invalid encoding")
	// ErrNoText marks a document whose article text is empty: an empty file,
	// an empty "text" without a title, or a page where extraction found no
	// main text.
	ErrNoText = errors.New("ingest: no article text")
)

// Error is a problem with one document, or with a whole input that could
// not be read. It prints as "path:line: reason" for JSON Lines and as
// "path: reason" otherwise; a reason that concerns one place names its byte
// offset, as in "seeds.jsonl:3: invalid JSON at byte 17: unexpected end of
// input" or "page.html: invalid UTF-8 at byte 1234".
type Error struct {
	// Path is the input as named on the command line or found in a
	// directory; "stdin" for standard input.
	Path string
	// Line is the 1-based line of a JSON Lines record, or 0.
	Line int
	// Offset is the byte offset of the problem within the line (JSON Lines)
	// or the file (other formats), counting a byte order mark, or -1 when
	// the problem is not at one place.
	Offset int
	// Err is the reason. It wraps ErrNotArticle, ErrEncoding, ErrNoText, or
	// is an error from reading the input (such as one matching
	// fs.ErrNotExist).
	Err error
}

// Error returns "path:line: reason", or "path: reason" when Line is 0.
func (e *Error) Error() string {
	if e.Line > 0 {
		return e.Path + ":" + strconv.Itoa(e.Line) + ": " + e.Err.Error()
	}
	return e.Path + ": " + e.Err.Error()
}

// Unwrap returns the reason, so errors.Is matches the sentinels.
func (e *Error) Unwrap() error { return e.Err }

// reason is a message for a person that wraps a sentinel without printing
// the sentinel's own text.
type reason struct {
	msg  string
	kind error
}

func (r *reason) Error() string { return r.msg }
func (r *reason) Unwrap() error { return r.kind }

// newError builds an *Error whose reason has kind as its sentinel.
func newError(path string, line, offset int, kind error, format string, args ...any) *Error {
	return &Error{Path: path, Line: line, Offset: offset, Err: &reason{msg: fmt.Sprintf(format, args...), kind: kind}}
}

// ioError wraps an error from the file system or a reader. A *fs.PathError
// gives only its cause, since Error already names the path.
func ioError(path string, line int, err error) *Error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &Error{Path: path, Line: line, Offset: -1, Err: err}
}
