package dyad

// Article is one news article as read by an ingest reader, before analysis.
type Article struct {
	// Doc identifies the article: the JSONL "id", else the file's base name
	// without its extension.
	Doc string
	// URL is where the article was published, when known.
	URL string
	// Title is the headline given by the input (a JSONL "title", an HTML
	// <title> or og:title). Empty when the input gives none; the analysis then
	// takes the text's first line that is not boilerplate.
	Title string
	// Published is the publication date as YYYY-MM-DD, or "" when unknown.
	Published string
	// PublishedSource says where Published came from (see the constants).
	PublishedSource string
	// Text is the analysed text. Every offset dyad reports points into it.
	Text string
	// Origin is where the article was read from, for error messages.
	Origin Origin
}

// Where a publication date came from.
const (
	PublishedFromInput    = "input"    // the JSONL field or the HTML metadata
	PublishedFromFlag     = "flag"     // --published
	PublishedFromUpdated  = "updated"  // an "Updated Dec 17, 2015" line
	PublishedFromDateline = "dateline" // a dateline at the top of the body
	PublishedFromCaption  = "caption"  // the most recent date in a caption near the top
	PublishedFromText     = "text"     // another date near the top of the text
	PublishedFromFeed     = "feed"     // the item's date in an RSS or Atom feed
	PublishedFromCrawl    = "crawl"    // the capture date of a web archive record (WARC-Date), for a page that states none
	PublishedUnknown      = ""
)

// Origin locates an article in its input: a file, and a line within it for
// JSON Lines (0 when the whole file is the article).
type Origin struct {
	Path string
	Line int
}

// Analysis is the analysed article: the output contract of `dyad extract`,
// one JSON object per article. docs/OUTPUT.md documents every field; the
// names must not change.
type Analysis struct {
	Doc             string     `json:"doc"`
	URL             string     `json:"url,omitempty"`
	Title           string     `json:"title"`
	Published       string     `json:"published,omitempty"`
	PublishedSource string     `json:"published_source,omitempty"`
	Sentences       []Sentence `json:"sentences"`
	Actors          []Actor    `json:"actors"`
	Events          []Event    `json:"events"`
	Quotes          []Quote    `json:"quotes"`
	Places          []Place    `json:"places"`
	Warnings        []string   `json:"warnings"`

	// Text is the analysed text; it is not part of the JSON output (offsets
	// point into the input) but stages and stores need it.
	Text string `json:"-"`
}
