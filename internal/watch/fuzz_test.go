package watch

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
)

func FuzzParseFeeds(f *testing.F) {
	f.Add("# feeds\nhttps://ledger.example/rss.xml\n\nhttp://wire.example/atom.xml # wire\n")
	f.Add("ftp://x\n/relative\nhttps://a.example b\n")
	f.Fuzz(func(t *testing.T, in string) {
		feeds, err := ParseFeeds("feeds.txt", strings.NewReader(in))
		if err != nil {
			if _, ok := err.(ErrorList); !ok {
				t.Fatalf("error %T is not an ErrorList", err)
			}
		}
		seen := map[string]bool{}
		for _, fd := range feeds {
			u, err := url.Parse(fd.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || u.Fragment != "" {
				t.Errorf("feed %q is not an absolute http(s) URL without fragment", fd.URL)
			}
			if seen[fd.URL] {
				t.Errorf("feed %q twice", fd.URL)
			}
			seen[fd.URL] = true
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title><link>/a</link><pubDate>Tue, 01 Mar 2016 09:00:00 GMT</pubDate></item><item><guid>https://x.example/b</guid></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>B</title><link href="https://x.example/b#c"/><updated>2016-03-02T07:30:00Z</updated></entry></feed>`))
	f.Add([]byte(`{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "url": "https://x.example/j"}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		items, err := parseFeed("https://feeds.example/news/rss.xml", bytes.Clone(body))
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, it := range items {
			u, err := url.Parse(it.link)
			if err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || u.Fragment != "" {
				t.Errorf("link %q is not an absolute http(s) URL without fragment", it.link)
			}
			if seen[it.link] {
				t.Errorf("link %q twice", it.link)
			}
			seen[it.link] = true
		}
	})
}
