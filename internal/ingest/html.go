package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/dyad-project/dyad"
	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ReadHTML reads a saved web page. Text is the title, "\n\n", and the main
// text that go-trafilatura finds (without navigation, advertising, footers
// or reader comments), one paragraph per block element, paragraphs
// separated by "\n\n"; a first paragraph repeating the title is dropped.
// Title is og:title, else the page's <title> or headline as trafilatura
// chooses it; URL is og:url, else the canonical link. Published comes
// from the publication-date metadata (article:published_time,
// schema.org datePublished in JSON-LD or microdata, pubdate, date,
// DC.date.issued, parsely-pub-date, sailthru.date, <time datetime> and the
// like), else from go-htmldate's search of the markup. Doc is the base name
// of path without its extension.
//
// ReadHTML fails with ErrEncoding when the page is neither UTF-8 nor in a
// charset it declares, and with ErrNoText when no main text is found. It
// is safe for concurrent use.
func ReadHTML(path string, data []byte) (*dyad.Article, error) {
	return readHTML(path, data, transport{})
}

// transport is what the HTTP exchange that delivered a page says about
// it: the charset of its Content-Type header and the URL it was fetched
// from. Both are "" for a page read from a file.
type transport struct {
	charset string
	url     string
}

// readHTML is ReadHTML for a page delivered with the transport metadata t:
// t.charset decodes a page that is not UTF-8 before any charset the page
// declares, and t.url is searched for a date when the markup states none.
func readHTML(path string, data []byte, t transport) (*dyad.Article, error) {
	src, err := decodeHTML(path, data, t.charset)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return nil, newError(path, 0, -1, ErrNotArticle, "cannot parse HTML: %v", err)
	}
	published := pageDate(doc)
	pruneAds(doc)
	res, err := extract(doc)
	if err != nil {
		return nil, newError(path, 0, -1, ErrNoText, "no main text found: %v", err)
	}
	a := &dyad.Article{
		Doc:    baseName(path),
		URL:    res.Metadata.URL,
		Title:  collapseSpace(res.Metadata.Title),
		Origin: dyad.Origin{Path: path},
	}
	if published == "" {
		u := a.URL
		if t.url != "" {
			u = t.url
		}
		published = htmlDate(doc, u)
	}
	if published != "" {
		a.Published, a.PublishedSource = published, dyad.PublishedFromInput
	}
	paras := paragraphs(res.ContentNode)
	if len(paras) > 0 && a.Title != "" && sameWords(paras[0], a.Title) {
		paras = paras[1:]
	}
	if !hasWord(paras) {
		return nil, newError(path, 0, -1, ErrNoText, "no main text found")
	}
	body := strings.Join(paras, "\n\n")
	if a.Title != "" {
		a.Text = a.Title + "\n\n" + body
	} else {
		a.Text = body
	}
	return a, nil
}

// extractOptions configure go-trafilatura: precision and recall balanced,
// with readability and DOM distiller as fallbacks, reader comments left
// out, and its own date search off (pageDate and htmlDate do it).
var extractOptions = trafilatura.Options{
	EnableFallback:  true,
	ExcludeComments: true,
	Focus:           trafilatura.Balanced,
	HtmlDateMode:    trafilatura.Disabled,
}

// extract runs go-trafilatura on doc. A panic inside the library becomes
// an error for this page, so one odd page does not end a batch.
func extract(doc *html.Node) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("extractor failed: %v", p)
		}
	}()
	res, err = trafilatura.ExtractDocument(doc, extractOptions)
	if err == nil && (res == nil || res.ContentNode == nil) {
		err = fmt.Errorf("extractor returned no content")
	}
	return res, err
}

// htmlDate asks go-htmldate for the publication date when the metadata
// states none: it also reads dates in URLs, <abbr> and <time> elements and
// dated bylines. It returns "" when it finds nothing.
func htmlDate(doc *html.Node, url string) (date string) {
	defer func() {
		if recover() != nil {
			date = ""
		}
	}()
	res, err := htmldate.FromDocument(doc, htmldate.Options{
		URL:                 url,
		UseOriginalDate:     true,
		SkipExtensiveSearch: true,
		DeferUrlExtractor:   true,
	})
	if err != nil || res.IsZero() {
		return ""
	}
	return res.DateTime.Format(time.DateOnly)
}

// blockTags start a new paragraph in the extracted text.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hr: true, atom.Li: true, atom.Main: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tbody: true,
	atom.Tfoot: true, atom.Thead: true, atom.Tr: true, atom.Ul: true,
	atom.Body: true,
}

// skipTags hold no readable text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Head: true, atom.Iframe: true,
	atom.Select: true, atom.Button: true,
}

// paragraphs renders the extracted content as paragraphs of text: a
// paragraph per block element, lines within one split at <br>, runs of
// white space collapsed to one space, table cells of a row joined by a
// space.
func paragraphs(root *html.Node) []string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		var lines []string
		for _, l := range strings.Split(cur.String(), "\n") {
			if l = strings.Trim(l, " "); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, "\n"))
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		tag := tagAtom(n)
		switch n.Type {
		case html.TextNode:
			cur.WriteString(collapseHTMLSpace(n.Data))
			return
		case html.ElementNode:
			if skipTags[tag] {
				return
			}
			switch tag {
			case atom.Br:
				cur.WriteByte('\n')
				return
			case atom.Td, atom.Th:
				cur.WriteByte(' ')
			}
		}
		block := n.Type == html.ElementNode && blockTags[tag]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	if root != nil {
		walk(root)
	}
	flush()
	return paras
}

// tagAtom returns the tag of an element node. Nodes that go-trafilatura
// creates or renames carry only their name, not its atom.
func tagAtom(n *html.Node) atom.Atom {
	if n.Type != html.ElementNode || n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}

// collapseHTMLSpace replaces each run of HTML white space (space, tab,
// newline, form feed, carriage return) by one space. Other spaces, such
// as U+00A0, are content and are kept.
func collapseHTMLSpace(s string) string {
	var b strings.Builder
	space := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\f', '\r':
			if !space {
				b.WriteByte(' ')
			}
			space = true
		default:
			b.WriteByte(c)
			space = false
		}
	}
	return b.String()
}

// hasWord reports whether any paragraph holds a letter or a digit: text
// made only of symbols and control characters is no article.
func hasWord(paras []string) bool {
	for _, p := range paras {
		if strings.IndexFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			return true
		}
	}
	return false
}

// sameWords reports whether a and b have the same letters and digits, in
// the same order and ignoring case: a headline repeated in the body with
// other spacing or punctuation ("Talks : strike ends" for "Talks: strike
// ends") is the same headline.
func sameWords(a, b string) bool {
	key := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
	}
	ka := key(a)
	return ka != "" && ka == key(b)
}

// collapseSpace trims s and collapses its runs of white space to one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// pruneAds removes advertising slots from doc before extraction: elements
// whose class or id names an advertisement ("ad-slot", "div-gpt-ad-1",
// "advertisement"), which trafilatura's own rules miss. An element that
// holds a third or more of the page's text, or an <article>, is kept, so a
// container named "article-with-ads" survives.
func pruneAds(doc *html.Node) {
	total := textLen(doc)
	var doomed []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html, atom.Head, atom.Body, atom.Main, atom.Article:
			default:
				if isAdNode(n) && 3*textLen(n) < total && !containsArticle(n) {
					doomed = append(doomed, n)
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, n := range doomed {
		n.Parent.RemoveChild(n)
	}
}

// isAdNode reports whether n's class or id names an advertisement.
func isAdNode(n *html.Node) bool {
	for _, tok := range strings.Fields(attr(n, "class") + " " + attr(n, "id")) {
		if isAdToken(strings.ToLower(tok)) {
			return true
		}
	}
	return false
}

// isAdToken reports whether one class name or id names an advertisement.
func isAdToken(t string) bool {
	switch t {
	case "ad", "ads", "advert", "adverts", "adbox", "adunit", "adslot", "adsense", "adsbygoogle", "dfp", "sponsored":
		return true
	}
	for _, p := range []string{"ad-", "ad_", "ads-", "ads_", "adv-", "advert", "dfp-", "dfp_"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	for _, s := range []string{"-ad", "_ad", "-ads", "_ads", "-advert", "-sponsored"} {
		if strings.HasSuffix(t, s) {
			return true
		}
	}
	return strings.Contains(t, "advertis") || strings.Contains(t, "gpt-ad") || strings.Contains(t, "google-ad")
}

// textLen returns the number of bytes of text below n, scripts and styles
// excluded.
func textLen(n *html.Node) int {
	switch {
	case n.Type == html.TextNode:
		return len(n.Data)
	case n.Type == html.ElementNode && skipTags[n.DataAtom]:
		return 0
	}
	l := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		l += textLen(c)
	}
	return l
}

// containsArticle reports whether n is or holds the article body.
func containsArticle(n *html.Node) bool {
	if n.Type == html.ElementNode && (n.DataAtom == atom.Article || strings.EqualFold(attr(n, "itemprop"), "articleBody")) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if containsArticle(c) {
			return true
		}
	}
	return false
}
