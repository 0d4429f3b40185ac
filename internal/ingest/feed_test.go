package ingest_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
)

// rssFeed is an RSS 2.0 feed with full content in one item, a description
// only in another, an item with a title and no text, and a plain-text
// description.
const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Harbour Gazette</title>
  <link>https://gazette.example/</link>
  <description>News from the coast</description>
  <item>
    <title>Ferry services resume after storm</title>
    <link>https://gazette.example/coast/ferries</link>
    <guid isPermaLink="true">https://gazette.example/coast/ferries</guid>
    <pubDate>Tue, 07 Mar 2023 23:15:00 -0500</pubDate>
    <description>Ferries are running again.</description>
    <content:encoded><![CDATA[<p>Ferry services to the northern islands resumed on Tuesday after a storm kept boats in port for three days, the operator said.</p>
<p>Passengers queued from dawn at the main terminal, and extra sailings were added to clear the backlog.</p>
<div class="share-tools"><a href="#">Share on social media</a></div>
<p>The post <a href="https://gazette.example/coast/ferries">Ferry services resume after storm</a> appeared first on <a href="https://gazette.example">The Harbour Gazette</a>.</p>]]></content:encoded>
  </item>
  <item>
    <title>Port authority names new director</title>
    <link>https://gazette.example/business/port-director</link>
    <guid isPermaLink="false">4471</guid>
    <dc:date>2023-03-06T09:00:00+01:00</dc:date>
    <description>&lt;p&gt;The port authority appointed a former shipping executive as its director on Monday, ending a six-month search.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Photo gallery: the storm in pictures</title>
    <link>https://gazette.example/gallery/storm</link>
    <description><![CDATA[<img src="/storm1.jpg"><img src="/storm2.jpg">]]></description>
  </item>
  <item>
    <title>Fishing fleet stays in harbour</title>
    <description>The fishing fleet stayed in harbour for a second day.

Skippers said they would not sail until the swell eased &amp; the coastguard lifted its warning.</description>
  </item>
</channel>
</rss>`

// atomFeed is an Atom feed with HTML content, a text summary, and an
// entry with only an updated time.
const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Courier</title>
  <id>tag:courier.example,2024:feed</id>
  <updated>2024-05-02T10:00:00Z</updated>
  <entry>
    <title type="html">Dam &lt;em&gt;inspection&lt;/em&gt; finds cracks</title>
    <link rel="alternate" href="https://courier.example/dam-cracks"/>
    <id>tag:courier.example,2024:dam-cracks</id>
    <published>2024-05-01T22:40:00-07:00</published>
    <updated>2024-05-02T08:00:00Z</updated>
    <content type="html">&lt;p&gt;Engineers found cracks in the spillway of the valley dam during a routine inspection, the water board said on Wednesday.&lt;/p&gt;&lt;p&gt;The board said there was no immediate danger to towns downstream.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Council votes to reopen library</title>
    <link href="https://courier.example/library"/>
    <id>https://courier.example/library</id>
    <updated>2024-04-30T18:00:00+02:00</updated>
    <summary>The town council voted on Tuesday to reopen the central library after a two-year renovation.</summary>
  </entry>
</feed>`

func TestReadFeed(t *testing.T) {
	tests := []struct {
		name, path, input string
		want              []string // article summary and text, or error message
	}{
		{"RSS 2.0", "feeds/gazette.rss", rssFeed, []string{
			`https://gazette.example/coast/ferries https://gazette.example/coast/ferries "Ferry services resume after storm" 2023-03-07/feed`,
			"Ferry services resume after storm\n\nFerry services to the northern islands resumed on Tuesday after a storm kept boats in port for three days, the operator said.\n\nPassengers queued from dawn at the main terminal, and extra sailings were added to clear the backlog.\n\nShare on social media",
			`https://gazette.example/business/port-director https://gazette.example/business/port-director "Port authority names new director" 2023-03-06/feed`,
			"Port authority names new director\n\nThe port authority appointed a former shipping executive as its director on Monday, ending a six-month search.",
			`error: feeds/gazette.rss: item 3 ("Photo gallery: the storm in pictures"): no text in its content or description`,
			`gazette:4  "Fishing fleet stays in harbour" /`,
			"Fishing fleet stays in harbour\n\nThe fishing fleet stayed in harbour for a second day.\n\nSkippers said they would not sail until the swell eased & the coastguard lifted its warning.",
		}},
		{"Atom", "courier.atom", atomFeed, []string{
			`tag:courier.example,2024:dam-cracks https://courier.example/dam-cracks "Dam inspection finds cracks" 2024-05-01/feed`,
			"Dam inspection finds cracks\n\nEngineers found cracks in the spillway of the valley dam during a routine inspection, the water board said on Wednesday.\n\nThe board said there was no immediate danger to towns downstream.",
			`https://courier.example/library https://courier.example/library "Council votes to reopen library" 2024-04-30/feed`,
			"Council votes to reopen library\n\nThe town council voted on Tuesday to reopen the central library after a two-year renovation.",
		}},
		{"not a feed", "page.xml", "<html><body><p>A page.</p></body></html>", []string{
			"error: page.xml: not an RSS or Atom feed: Failed to detect feed type",
		}},
		{"empty channel", "empty.rss", `<rss version="2.0"><channel><title>Nothing</title></channel></rss>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []item
			if err := ingest.ReadFeed(strings.NewReader(tt.input), tt.path, collect(&got)); err != nil {
				t.Fatal(err)
			}
			var s []string
			for _, it := range got {
				if it.err != nil {
					s = append(s, "error: "+it.err.Error())
					continue
				}
				s = append(s, articleSummary(it.a), it.a.Text)
				if it.a.Origin != (dyad.Origin{Path: tt.path}) {
					t.Errorf("origin %+v", it.a.Origin)
				}
			}
			if !equalStrings(s, tt.want) {
				t.Errorf("got\n  %q\nwant\n  %q", s, tt.want)
			}
		})
	}
}

func TestReadFeedErrors(t *testing.T) {
	var got []item
	if err := ingest.ReadFeed(strings.NewReader(rssFeed), "g.rss", collect(&got)); err != nil {
		t.Fatal(err)
	}
	var ie *ingest.Error
	if !errors.As(got[2].err, &ie) || !errors.Is(got[2].err, ingest.ErrNoText) || ie.Path != "g.rss" || ie.Offset != -1 {
		t.Errorf("item 3: %v; want an *ingest.Error wrapping ErrNoText", got[2].err)
	}
	got = nil
	if err := ingest.ReadFeed(strings.NewReader("<rss><channel><item><title>x"), "cut.rss", collect(&got)); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !errors.Is(got[0].err, ingest.ErrNotArticle) && !errors.Is(got[0].err, ingest.ErrNoText) {
		t.Errorf("truncated feed: %v", outcome(got))
	}
	got = nil
	if err := ingest.ReadFeed(&failingReader{data: rssFeed[:100], err: errors.New("disk failure")}, "r.rss", collect(&got)); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].err == nil || !strings.Contains(got[0].err.Error(), "disk failure") {
		t.Errorf("read error: %v", outcome(got))
	}
}
