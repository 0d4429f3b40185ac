package watch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
)

// ErrSyntax marks a bad line of a feed list.
var ErrSyntax = errors.New("watch: syntax error")

// Feed is one feed to poll.
type Feed struct {
	// URL is the feed's absolute http or https URL.
	URL string
	// Line is the feed's 1-based line in its list, for messages.
	Line int
}

// Error is a bad line of a feed list; it prints as "path:line: msg".
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string { return e.Path + ":" + strconv.Itoa(e.Line) + ": " + e.Msg }

// Unwrap returns ErrSyntax.
func (e *Error) Unwrap() error { return ErrSyntax }

// ErrorList is every bad line of a feed list, reported at once.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap returns the errors, so errors.Is and errors.As look into each.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// maxLine bounds the length of a feed list's line.
const maxLine = 64 << 10

// ParseFeeds reads a feed list: one feed URL per line; blank lines and
// lines whose first character that is not white space is '#' are
// ignored, as is anything after " #" on a line. A URL must be absolute,
// http or https, with a host. A URL listed twice is kept once (its first
// line). path names the list in errors, which are an ErrorList of every
// bad line.
func ParseFeeds(path string, r io.Reader) ([]Feed, error) {
	var (
		feeds []Feed
		errs  ErrorList
		seen  = map[string]bool{}
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		if i := strings.Index(text, " #"); i >= 0 {
			text = text[:i]
		}
		if i := strings.Index(text, "\t#"); i >= 0 {
			text = text[:i]
		}
		text = strings.TrimSpace(text)
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if f := strings.Fields(text); len(f) > 1 {
			errs = append(errs, &Error{path, line, fmt.Sprintf("one feed URL per line, found %d words", len(f))})
			continue
		}
		u, err := feedURL(text)
		if err != nil {
			errs = append(errs, &Error{path, line, err.Error()})
			continue
		}
		if seen[u] {
			continue
		}
		seen[u] = true
		feeds = append(feeds, Feed{URL: u, Line: line})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			errs = append(errs, &Error{path, line + 1, fmt.Sprintf("line longer than %d bytes", maxLine)})
		} else {
			return nil, fmt.Errorf("watch: reading %s: %w", path, err)
		}
	}
	if len(errs) > 0 {
		return feeds, errs
	}
	return feeds, nil
}

// feedURL checks a feed URL and returns it without its fragment.
func feedURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("bad URL %q", s)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("URL %q is not http or https", s)
	}
	if u.Hostname() == "" {
		return "", fmt.Errorf("URL %q has no host", s)
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String(), nil
}
