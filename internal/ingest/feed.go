package ingest

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ReadFeed reads an RSS (0.9x, 1.0 or 2.0), Atom or JSON Feed document
// from r, as go-feed parses it, and calls fn with one article per item, or
// with the *Error of each item that has no text, in feed order. path names
// the input in Origin and errors.
//
// An item's text is its full content (content:encoded, Atom content),
// else its description or summary: HTML rendered one paragraph per block
// element as ReadHTML renders a page's main text, or plain text split into
// paragraphs at blank lines; a closing "The post ... appeared first on
// ..." line is dropped. Text is title + "\n\n" + that text, without a
// first paragraph repeating the title. Title is the item's title, URL its
// link, and Published the date of its published, else updated, time as
// the feed writes it, with PublishedSource dyad.PublishedFromFeed. Doc is
// the item's guid or Atom id when it is a URI, else its link, else any
// guid, else the base name of path without its extension + ":" + the
// item's 1-based index.
//
// A document that is not a feed gives one *Error wrapping ErrNotArticle;
// an item with no text, one wrapping ErrNoText that names the item's
// index. A read error from r is passed to fn and ends the input. ReadFeed
// returns the first non-nil error fn returns, and stops there; else nil.
func ReadFeed(r io.Reader, path string, fn func(a *dyad.Article, err error) error) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return fn(nil, ioError(path, 0, err))
	}
	feed, err := parseFeed(data)
	if err != nil {
		return fn(nil, newError(path, 0, -1, ErrNotArticle, "not an RSS or Atom feed: %v", err))
	}
	base := baseName(path)
	for i, item := range feed.Items {
		if item == nil {
			continue
		}
		a, err := feedArticle(path, base, i+1, item)
		if err != nil {
			err = fn(nil, err)
		} else {
			err = fn(a, nil)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// parseFeed runs go-feed on data. A panic inside the library becomes an
// error for this document, so one odd feed does not end a batch.
func parseFeed(data []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			feed, err = nil, fmt.Errorf("feed parser failed: %v", p)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(data))
}

// feedArticle turns the n-th item of a feed into an article.
func feedArticle(path, base string, n int, item *gofeed.Item) (*dyad.Article, error) {
	title := item.Title
	if hasMarkup(title) {
		title = strings.Join(fragmentParagraphs(title), " ")
	}
	title = collapseSpace(html.UnescapeString(title))
	paras := fragmentParagraphs(item.Content)
	if !hasWord(paras) {
		paras = fragmentParagraphs(item.Description)
	}
	if k := len(paras); k > 0 && isFeedFooter(paras[k-1]) {
		paras = paras[:k-1]
	}
	if len(paras) > 0 && title != "" && sameWords(paras[0], title) {
		paras = paras[1:]
	}
	name := "item " + strconv.Itoa(n)
	if title != "" {
		name += " (" + strconv.Quote(clip([]byte(title), 60)) + ")"
	}
	if !hasWord(paras) {
		return nil, newError(path, 0, -1, ErrNoText, "%s: no text in its content or description", name)
	}
	text := strings.Join(paras, "\n\n")
	if title != "" {
		text = title + "\n\n" + text
	}
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	a := &dyad.Article{
		Doc:    feedDoc(base, n, item),
		URL:    strings.TrimSpace(item.Link),
		Title:  title,
		Text:   text,
		Origin: dyad.Origin{Path: path},
	}
	if a.URL == "" && len(item.Links) > 0 {
		a.URL = strings.TrimSpace(item.Links[0])
	}
	if d := itemDate(item); d != "" {
		a.Published, a.PublishedSource = d, dyad.PublishedFromFeed
	}
	return a, nil
}

// feedDoc chooses an item's document id (see ReadFeed).
func feedDoc(base string, n int, item *gofeed.Item) string {
	guid := strings.TrimSpace(item.GUID)
	link := strings.TrimSpace(item.Link)
	switch {
	case strings.Contains(guid, ":"):
		return guid
	case link != "":
		return link
	case guid != "":
		return guid
	}
	return base + ":" + strconv.Itoa(n)
}

// itemDate returns an item's publication date as YYYY-MM-DD: the calendar
// date of its published, else updated, time as the feed writes it (not
// converted to UTC), or "" when it has none that reads as a date.
func itemDate(item *gofeed.Item) string {
	for _, d := range []struct {
		parsed *time.Time
		raw    string
	}{{item.PublishedParsed, item.Published}, {item.UpdatedParsed, item.Updated}} {
		// The date as written first: go-feed gives its times in UTC,
		// which moves a late-evening story to the next day.
		date, ok := metaDate(d.raw)
		if !ok && d.parsed != nil && !d.parsed.IsZero() {
			date = d.parsed.Format(time.DateOnly)
		}
		if date >= "1800" && date != "1970-01-01" && len(date) == 10 {
			return date
		}
	}
	return ""
}

// fragmentParagraphs renders an HTML fragment, or plain text, as
// paragraphs.
func fragmentParagraphs(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if !hasMarkup(s) {
		var paras []string
		for _, p := range splitBlankLines(html.UnescapeString(s)) {
			if p = collapseSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
		return paras
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return nil
	}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	pruneAds(root)
	return paragraphs(root)
}

// splitBlankLines splits plain text into the runs of lines between blank
// lines.
func splitBlankLines(s string) []string {
	var paras []string
	var cur []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(l) == "" {
			if len(cur) > 0 {
				paras = append(paras, strings.Join(cur, " "))
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		paras = append(paras, strings.Join(cur, " "))
	}
	return paras
}

// hasMarkup reports whether s holds an HTML tag or comment: a '<'
// followed by a letter, '/' or '!'.
func hasMarkup(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		c := s[i+1]
		if c == '/' || c == '!' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return true
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// isFeedFooter reports whether a paragraph is the line blog software
// appends to every feed item: "The post Talks resume appeared first on
// The Ledger."
func isFeedFooter(p string) bool {
	return strings.HasPrefix(p, "The post ") && strings.Contains(p, " appeared first on ")
}
