// Package watch follows news feeds: it polls RSS and Atom feeds, fetches
// the page of every item it has not seen, and turns each page into a
// dyad.Article for the pipeline, which the caller's Writer stores.
//
// Input is a feed list (ParseFeeds) and the State of earlier rounds; output
// is, per Round, the analyses handed to the Writer and a Stats report.
//
// The fetching is polite: one request at a time per host, at least
// Config.PerHost apart (or the host's robots.txt Crawl-delay when longer);
// robots.txt honoured for every feed and page; a User-Agent naming dyad;
// conditional GETs of the feeds (ETag and Last-Modified); timeouts and a
// size limit on every body; retries with exponential backoff for server
// errors and network failures only.
//
// A watcher restarts without fetching again what it already has: an item
// whose link the store holds is not fetched, and the State (a small JSON
// file written atomically) keeps the feeds' validators and the items that
// failed for good or duplicated a stored text.
package watch
