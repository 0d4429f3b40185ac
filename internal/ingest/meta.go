package ingest

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dateKeys are the <meta> names, properties and itemprops that state a
// page's publication date, most explicit first. Modification dates are not
// among them: an article is dated by when it first appeared.
var dateKeys = [][]string{
	{"article:published_time", "og:article:published_time", "og:published_time", "article:published"},
	{"datepublished"}, // itemprop, on <meta> or on any element
	{"pubdate", "publishdate", "publish-date", "publish_date", "published_time", "published-date", "published_date", "date_published", "publication_date", "original-publish-date", "originalpublicationdate"},
	{"dc.date.issued", "dcterms.issued", "dc.date.published", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created"},
	{"parsely-pub-date", "sailthru.date", "citation_publication_date", "citation_date", "date"},
}

// pageDate finds the publication date a page states in its markup: the
// <meta> tags of dateKeys, schema.org datePublished in JSON-LD or
// microdata, and <time datetime> marked as the publication time or inside
// the <article>, in that order of trust (see localDate for the one
// exception). It returns "" when the page states none.
func pageDate(doc *html.Node) string {
	metas := map[string]string{}
	var jsonLD, pubTimes, articleTimes []string
	var walk func(n *html.Node, inArticle bool)
	walk = func(n *html.Node, inArticle bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				content := attr(n, "content")
				for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
					if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" && content != "" {
						if _, seen := metas[key]; !seen {
							metas[key] = content
						}
					}
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					jsonLD = append(jsonLD, n.FirstChild.Data)
				}
				return
			case atom.Time:
				if dt := attr(n, "datetime"); dt != "" {
					if hasAttr(n, "pubdate") || strings.Contains(strings.ToLower(attr(n, "class")), "publish") {
						pubTimes = append(pubTimes, dt)
					} else if inArticle {
						articleTimes = append(articleTimes, dt)
					}
				}
			case atom.Article:
				inArticle = true
			}
			if strings.EqualFold(attr(n, "itemprop"), "datePublished") && n.DataAtom != atom.Meta {
				for _, k := range []string{"datetime", "content"} {
					if v := attr(n, k); v != "" {
						if _, seen := metas["datepublished"]; !seen {
							metas["datepublished"] = v
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inArticle)
		}
	}
	walk(doc, false)

	var stamps []stamp
	add := func(v string) {
		if st, ok := metaStamp(v); ok {
			stamps = append(stamps, st)
		}
	}
	for i, keys := range dateKeys {
		for _, k := range keys {
			add(metas[k])
		}
		if i == 1 { // JSON-LD ranks with microdata.
			for _, v := range jsonLDDates(jsonLD) {
				add(v)
			}
		}
	}
	for _, v := range pubTimes {
		add(v)
	}
	for _, v := range articleTimes {
		add(v)
	}
	return localDate(stamps)
}

// jsonLDDates returns the datePublished values of the JSON-LD scripts:
// those of article objects first, then the others, each in document order.
// Scripts that are not valid JSON are ignored.
func jsonLDDates(scripts []string) []string {
	var articles, others []string
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 20 {
			return
		}
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				visit(e, depth+1)
			}
		case map[string]any:
			if s, ok := v["datePublished"].(string); ok {
				if isArticleType(v["@type"]) {
					articles = append(articles, s)
				} else {
					others = append(others, s)
				}
			}
			for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage", "itemListElement"} {
				if e, ok := v[k]; ok {
					visit(e, depth+1)
				}
			}
		}
	}
	for _, s := range scripts {
		var v any
		if json.Unmarshal([]byte(s), &v) == nil {
			visit(v, 0)
		}
	}
	return append(articles, others...)
}

// isArticleType reports whether a JSON-LD @type (a string or a list of
// them) names a kind of article, such as NewsArticle, ReportageNews or
// BlogPosting.
func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.Contains(t, "Article") || strings.HasSuffix(t, "Posting") || strings.HasSuffix(t, "News") || t == "Report"
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n has the attribute key, even with no value.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}
