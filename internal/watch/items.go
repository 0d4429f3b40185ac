package watch

import (
	"bytes"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// feedItem is one item of a feed: the page to fetch and what the feed
// says about it.
type feedItem struct {
	// link is the page's absolute http(s) URL, without fragment.
	link  string
	title string
	// published is the item's publication (else update) time; zero when
	// the feed gives none.
	published time.Time
}

// parseFeed reads an RSS, Atom or JSON feed fetched from feedURL and
// returns its items that have a usable link, in feed order, each link
// once. Relative links are resolved against feedURL.
func parseFeed(feedURL string, body []byte) ([]feedItem, error) {
	base, err := url.Parse(feedURL)
	if err != nil {
		return nil, because(ErrFeed, "not a feed: %v", err)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, because(ErrFeed, "not a feed: %v", err)
	}
	var items []feedItem
	seen := map[string]bool{}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		link := itemLink(base, it)
		if link == "" || seen[link] {
			continue
		}
		seen[link] = true
		fi := feedItem{link: link, title: collapseSpace(it.Title)}
		switch {
		case it.PublishedParsed != nil:
			fi.published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			fi.published = *it.UpdatedParsed
		}
		items = append(items, fi)
	}
	return items, nil
}

// itemLink returns the item's page: its link, else its first link, else
// its GUID when that is a URL (RSS permalinks); "" when none is an http(s)
// URL.
func itemLink(base *url.URL, it *gofeed.Item) string {
	cands := append([]string{it.Link}, it.Links...)
	cands = append(cands, it.GUID)
	for i, c := range cands {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		isGUID := i == len(cands)-1
		u, err := url.Parse(c)
		if err != nil || isGUID && !u.IsAbs() {
			continue
		}
		u = base.ResolveReference(u)
		if (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
			continue
		}
		u.Fragment, u.RawFragment = "", ""
		return u.String()
	}
	return ""
}

// docID names the article of a link: the URL without scheme, "www." and
// trailing slash ("news.example/world/2016/talks-resume").
func docID(link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return link
	}
	id := strings.TrimPrefix(u.Host, "www.") + u.EscapedPath()
	id = strings.TrimRight(id, "/")
	if u.RawQuery != "" {
		id += "?" + u.RawQuery
	}
	return id
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
