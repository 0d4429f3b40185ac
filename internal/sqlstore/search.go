package sqlstore

import (
	"strings"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
)

// Ellipsis marks text a snippet leaves out.
const Ellipsis = "…"

// leadSnippetLen is the longest snippet of a hit listed without a search
// query, in bytes.
const leadSnippetLen = 200

// LeadSnippet returns the start of a text, cut at a word boundary, with an
// ellipsis when it was cut: the snippet of a hit listed without a query.
func LeadSnippet(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= leadSnippetLen {
		return s
	}
	cut := leadSnippetLen
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > leadSnippetLen/2 {
		cut = sp
	}
	return s[:cut] + Ellipsis
}

// SearchDates adds a search filter's publication date bounds and document
// to the conditions on articles a.
func SearchDates(w *Where, f *dyad.SearchFilter) {
	if f.From != "" {
		w.Add("a.published >= ?", f.From)
	}
	if f.To != "" {
		w.Add("a.published <> '' AND a.published <= ?", f.To)
	}
	if f.Doc != "" {
		w.Add("a.doc = ?", f.Doc)
	}
}

// SearchQuote scans the nullable quote columns of a search hit: text,
// start, end, verb, sentence and the speaker's seven columns (as RefArgs),
// all NULL for an article.
type SearchQuote struct {
	text, verb           *string
	start, end, sentence *int
	speaker              refCols
}

// Dest returns the scan destinations of the quote's columns.
func (q *SearchQuote) Dest() []any {
	sp := &q.speaker
	return []any{&q.text, &q.start, &q.end, &q.verb, &q.sentence,
		&sp.name, &sp.country, &sp.sector, &sp.code, &sp.text, &sp.start, &sp.end}
}

// Quote returns the quote the columns hold.
func (q *SearchQuote) Quote() *dyad.Quote {
	return &dyad.Quote{Text: deref(q.text), Start: deref(q.start), End: deref(q.end), Verb: deref(q.verb),
		Sentence: deref(q.sentence), Speaker: q.speaker.ref()}
}
