// Package ingest reads input files and turns them into dyad.Article values.
//
// Input: plain-text files (.txt), JSON Lines files (.jsonl, and standard
// input given as "-"), saved web pages (.html, .htm), web archives (.warc,
// .warc.gz) and RSS or Atom feeds (.rss, .atom, .xml), or directories of
// them walked recursively in lexical order. Output: one *dyad.Article per
// article, or one *Error per broken document, handed to a callback in a
// deterministic order, so that a batch goes on past a bad document and a
// JSON Lines file or web archive of any size streams through in constant
// memory.
//
// The readers only read: they do not remove boilerplate, choose a headline
// or infer dates from the text (package clean does that). What each format
// gives:
//
//   - .txt: Text is the file's content byte for byte; Doc is the base name
//     without its extension; Title is empty.
//   - .jsonl: one article per line with the fields "id", "url", "title",
//     "published" and "text". Text is title + "\n\n" + text when a title is
//     given, else text. Doc is "id" (a string or a number), else the base name
//     without its extension + ":" + the line number. Blank lines are skipped.
//   - .html, .htm: the main text as extracted by go-trafilatura, without
//     navigation, advertising, footers or comments, one paragraph per block
//     separated by "\n\n"; Text is title + "\n\n" + main text. The title, URL
//     and publication date come from the page's metadata.
//   - .warc, .warc.gz: one article per HTML page archived (a response with
//     status 200, or a resource), read as an .html file; URL is the
//     WARC-Target-URI, Doc the WARC-Record-ID, and a page that states no
//     publication date gets the capture date (WARC-Date) with
//     PublishedSource "crawl". Other records are skipped.
//   - .rss, .atom, .xml: one article per feed item with text: title +
//     "\n\n" + the item's content or description; URL is its link, Doc
//     its guid or id, Published its date with PublishedSource "feed".
//
// Encoding: input must be UTF-8. A leading UTF-8 byte order mark is removed,
// so offsets into Article.Text count from the byte after it. Line endings
// are kept as read (a CRLF file keeps its "\r"). A page that is not valid
// UTF-8 is decoded from the charset it declares (a UTF-16 byte order mark,
// the HTTP Content-Type of an archived page, <meta charset> or <meta
// http-equiv="Content-Type">); any other input that
// is not valid UTF-8 fails with ErrEncoding naming the offset of the first
// invalid byte. Offsets in error messages count bytes of the input as
// stored (of the line, for JSON Lines), byte order mark included; for a web
// archive, the offset of the record, or of the gzip member it starts in.
package ingest
