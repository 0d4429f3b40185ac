// Package dyad is the vocabulary of the dyad event coder: the article that
// comes in, the sentences, tokens, actors, events, quotes and places that an
// analysis finds in it, and the interfaces of the stores that keep them.
//
// The package does no I/O. The pipeline stages live in internal/ (one package
// per stage), the adapters are named after their technology, and the one
// binary in cmd/dyad wires them together.
//
// Every offset in this package is a byte offset into Article.Text, the
// article text exactly as it was read (for a JSON Lines record with a title:
// title + "\n\n" + text).
package dyad

// Span is a half-open byte range [Start, End) into Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies wholly inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }
