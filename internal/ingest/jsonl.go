package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/dyad-project/dyad"
)

// record is one JSON Lines article. Pointers tell an absent or null field
// from an empty one; id is kept raw because it may be a string or a number.
type record struct {
	ID        json.RawMessage `json:"id"`
	URL       *string         `json:"url"`
	Title     *string         `json:"title"`
	Published *string         `json:"published"`
	Text      *string         `json:"text"`
}

// ReadJSONL reads JSON Lines from r, one article per line, and calls fn with
// each article or with the *Error of each broken line, in line order. path
// names the input in Origin, errors and default document ids ("stdin" for
// standard input).
//
// A line is an object with "text" (a string, required), "title", "url",
// "published" (strings or null) and "id" (a string or a number); other
// fields are ignored. Text is title + "\n\n" + text when title is not empty,
// else text. Published, written as YYYY-MM-DD or RFC 3339, becomes
// YYYY-MM-DD. Doc is the id, else the base name of path without its
// extension + ":" + the line number. Blank lines are skipped. Lines may be
// of any length; only one is held in memory at a time.
//
// A read error from r is passed to fn and ends the input. ReadJSONL returns
// the first non-nil error fn returns, and stops there; else nil.
func ReadJSONL(r io.Reader, path string, fn func(a *dyad.Article, err error) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	base := baseName(path)
	var long []byte
	for n := 1; ; n++ {
		line, err := readLine(br, &long)
		if err == nil || err == io.EOF && len(line) > 0 {
			var cerr error
			if a, perr := parseLine(line, path, base, n); perr != nil {
				cerr = fn(nil, perr)
			} else if a != nil {
				cerr = fn(a, nil)
			}
			if cerr != nil {
				return cerr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fn(nil, ioError(path, n, err))
		}
	}
}

// readLine returns the next line of br without its "\n". The result is
// valid until the next call; lines longer than br's buffer are gathered in
// *long. At the end of input it returns the last, unterminated line (maybe
// empty) with io.EOF.
func readLine(br *bufio.Reader, long *[]byte) ([]byte, error) {
	line, err := br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		*long = append((*long)[:0], line...)
		for err == bufio.ErrBufferFull {
			line, err = br.ReadSlice('\n')
			*long = append(*long, line...)
		}
		line = *long
	}
	if err == nil {
		line = line[:len(line)-1]
	}
	return line, err
}

// parseLine turns line n into an article. It returns nil and no error for
// a blank line.
func parseLine(line []byte, path, base string, n int) (*dyad.Article, error) {
	skipped := 0
	if n == 1 {
		line, skipped = stripBOM(line)
	}
	if isJSONBlank(line) {
		return nil, nil
	}
	if off := invalidUTF8(line); off >= 0 {
		return nil, newError(path, n, skipped+off, ErrEncoding, "invalid UTF-8 at byte %d", skipped+off)
	}
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, jsonError(path, n, skipped, len(line), err)
	}
	if rec.Text == nil {
		return nil, newError(path, n, -1, ErrNotArticle, `field "text" is missing or null`)
	}
	a := &dyad.Article{Origin: dyad.Origin{Path: path, Line: n}}
	if rec.URL != nil {
		a.URL = *rec.URL
	}
	a.Text = *rec.Text
	if rec.Title != nil && *rec.Title != "" {
		a.Title = *rec.Title
		a.Text = *rec.Title + "\n\n" + *rec.Text
	} else if isBlank([]byte(a.Text)) {
		return nil, newError(path, n, -1, ErrNoText, `field "text" is empty and there is no title`)
	}
	if rec.Published != nil && *rec.Published != "" {
		d, ok := isoDate(*rec.Published)
		if !ok {
			return nil, newError(path, n, -1, ErrNotArticle, `field "published": %s is not YYYY-MM-DD or RFC 3339`, strconv.Quote(*rec.Published))
		}
		a.Published, a.PublishedSource = d, dyad.PublishedFromInput
	}
	id, err := recordID(rec.ID)
	if err != nil {
		return nil, newError(path, n, -1, ErrNotArticle, "%s", err.Error())
	}
	if id == "" {
		id = base + ":" + strconv.Itoa(n)
	}
	a.Doc = id
	return a, nil
}

// recordID returns the "id" field as a string: a JSON string's value, or a
// number as written. It returns "" for an absent or null id.
func recordID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", err
		}
		return s, nil
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return string(raw), nil
	}
	return "", errors.New(`field "id" is ` + jsonKind(raw[0]) + ", not a string or a number")
}

// jsonKind names the JSON type of a value by its first byte.
func jsonKind(c byte) string {
	switch c {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case '"':
		return "a string"
	case 'n':
		return "null"
	}
	return "a number"
}

// jsonError turns an error from json.Unmarshal into an *Error. skipped is
// the length of a byte order mark removed from the line, size the length of
// what was parsed.
func jsonError(path string, n, skipped, size int, err error) *Error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		msg := se.Error()
		// Offset counts the bytes read, the bad one included; at the end of
		// input it is the length of the line.
		off := int(se.Offset) - 1
		if strings.HasPrefix(msg, "unexpected end of JSON input") {
			msg, off = "unexpected end of input", size
		}
		off += skipped
		return newError(path, n, off, ErrNotArticle, "invalid JSON at byte %d: %s", off, msg)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		kind, _, _ := strings.Cut(te.Value, " ")
		switch kind {
		case "object", "array":
			kind = "an " + kind
		case "bool":
			kind = "a boolean"
		case "null":
		default:
			kind = "a " + kind
		}
		if te.Field == "" {
			return newError(path, n, -1, ErrNotArticle, "not a JSON object but %s", kind)
		}
		return newError(path, n, -1, ErrNotArticle, "field %q is %s, not a string", te.Field, kind)
	}
	return newError(path, n, -1, ErrNotArticle, "%s", err.Error())
}

// isJSONBlank reports whether b holds only JSON white space.
func isJSONBlank(b []byte) bool {
	return len(bytes.Trim(b, " \t\r\n")) == 0
}
