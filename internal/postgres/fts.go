package postgres

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlstore"
	"golang.org/x/text/unicode/norm"
)

// Full-text search. PostgreSQL's own parsers and dictionaries split and stem
// words differently from SQLite's FTS5 "porter unicode61
// remove_diacritics 2" tokenizer, and the "english" configuration drops
// stop words, so this package does the work in Go: it splits a text into
// words of letters, digits and marks (what dyad.ParseQuery counts as a
// word), folds case and diacritics, stems each word with Porter's algorithm
// (porter) and hands PostgreSQL a ready tsvector of the stems with their
// positions. Queries are turned into a tsquery of stems the same way, so
// both stores find the same rows for the same query.

// maxPosition is the largest position a tsvector keeps; PostgreSQL sets
// larger ones to it. maxPositions is how many positions it keeps per
// lexeme, and maxLexeme the longest lexeme in bytes.
const (
	maxPosition  = 16383
	maxPositions = 256
	maxLexeme    = 2046
)

// token is one word of a text: its byte range and its stem.
type token struct {
	start, end int
	stem       string
}

// tokenize splits s into words and returns them with their stems.
func tokenize(s string) []token {
	var toks []token
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			toks = append(toks, token{start: start, end: i, stem: porter(fold(s[start:i]))})
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, token{start: start, end: len(s), stem: porter(fold(s[start:]))})
	}
	return toks
}

// isWordRune reports whether r belongs to a word, as dyad.ParseQuery
// decides it: a letter, a number or a combining mark.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// fold lower-cases a word and removes the diacritics of Latin letters
// ("Zürich" is "zurich"), as FTS5's remove_diacritics does: a Latin letter
// is decomposed and its nonspacing marks dropped; other scripts keep theirs.
func fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	var b strings.Builder
	for _, r := range w {
		r = unicode.ToLower(r)
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		d := norm.NFD.String(string(r))
		base, n := utf8.DecodeRuneInString(d)
		if n == len(d) || !unicode.Is(unicode.Latin, base) {
			b.WriteRune(r)
			continue
		}
		b.WriteRune(base)
		for _, m := range d[n:] {
			if !unicode.Is(unicode.Mn, m) {
				b.WriteRune(m)
			}
		}
	}
	return b.String()
}

// tsvector returns the tsvector literal of the stems of the columns of a
// row. Positions run on from one column to the next with a gap, so that a
// phrase never spans two columns.
func tsvector(cols ...string) string {
	pos := map[string][]int{}
	p := 0
	for _, c := range cols {
		for _, t := range tokenize(c) {
			p++
			if len(t.stem) > maxLexeme {
				continue
			}
			if ps := pos[t.stem]; len(ps) < maxPositions {
				pos[t.stem] = append(ps, min(p, maxPosition))
			}
		}
		p++
	}
	stems := make([]string, 0, len(pos))
	for s := range pos {
		stems = append(stems, s)
	}
	sort.Strings(stems)
	var b strings.Builder
	for i, s := range stems {
		if i > 0 {
			b.WriteByte(' ')
		}
		writeLexeme(&b, s)
		b.WriteByte(':')
		last := 0
		for j, q := range pos[s] {
			if q == last {
				continue // positions clamped to maxPosition
			}
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(q))
			last = q
		}
	}
	return b.String()
}

// writeLexeme writes a quoted tsvector or tsquery lexeme.
func writeLexeme(b *strings.Builder, s string) {
	b.WriteByte('\'')
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'':
			b.WriteString("''")
		case '\\':
			b.WriteString(`\\`)
		default:
			b.WriteByte(s[i])
		}
	}
	b.WriteByte('\'')
}

// search is a parsed query as this package runs it: the tsquery literal,
// and the stemmed terms that snippets highlight.
type search struct {
	tsquery string
	terms   []stemTerm
}

// stemTerm is a query term as stems: a phrase of one or more words, the
// last one a prefix when Prefix is set.
type stemTerm struct {
	stems  []string
	prefix bool
}

// parseSearch parses a search query (dyad.ParseQuery) and translates it
// into a tsquery: every term a lexeme or a phrase of lexemes (<->), a
// prefix term's last lexeme with :*, the clauses joined with &, their
// alternatives with |, and the terms that must not occur as &!(...).
// Everything the user types ends up inside quoted lexemes, so no input is
// a tsquery syntax error.
func parseSearch(q string) (*search, error) {
	pq, err := dyad.ParseQuery(q)
	if err != nil {
		return nil, err
	}
	out := &search{}
	term := func(t dyad.Term, keep bool) string {
		st := stemTerm{prefix: t.Prefix}
		var b strings.Builder
		if len(t.Words) > 1 {
			b.WriteByte('(')
		}
		for i, w := range t.Words {
			s := porter(fold(w))
			st.stems = append(st.stems, s)
			if i > 0 {
				b.WriteString(" <-> ")
			}
			writeLexeme(&b, s)
			if t.Prefix && i == len(t.Words)-1 {
				b.WriteString(":*")
			}
		}
		if len(t.Words) > 1 {
			b.WriteByte(')')
		}
		if keep {
			out.terms = append(out.terms, st)
		}
		return b.String()
	}
	clauses := make([]string, len(pq.All))
	for i, c := range pq.All {
		alts := make([]string, len(c))
		for j, t := range c {
			alts[j] = term(t, true)
		}
		clauses[i] = "(" + strings.Join(alts, " | ") + ")"
	}
	out.tsquery = strings.Join(clauses, " & ")
	if len(pq.None) > 0 {
		neg := make([]string, len(pq.None))
		for i, t := range pq.None {
			neg[i] = term(t, false)
		}
		out.tsquery = "(" + out.tsquery + ") & !(" + strings.Join(neg, " | ") + ")"
	}
	return out, nil
}

// Snippets.
const (
	// snippetTokens is how many words a snippet holds, as in the SQLite
	// store.
	snippetTokens = 24
	ellipsis      = sqlstore.Ellipsis
)

// snippet returns the extract of the best column of a hit that shows the
// most query terms, with the byte ranges of the matched words in it. A
// column's window of snippetTokens words is scored 1000 for every term it
// shows and 1 for every further match of a term, and is centred on its
// matches; the earliest best window of the first best column wins. An
// ellipsis marks text left out at either end.
func (s *search) snippet(cols ...string) (string, []dyad.Span) {
	type window struct {
		col, start, end, score int
		toks                   []token
		hits                   []hit
	}
	best := window{col: -1, score: -1}
	for c, text := range cols {
		toks := tokenize(text)
		hits := s.hits(toks)
		if len(hits) == 0 {
			if best.col < 0 {
				best = window{col: c, start: 0, end: min(len(toks), snippetTokens), score: 0, toks: toks}
			}
			continue
		}
		for _, h := range hits {
			start := h.start
			end := min(start+snippetTokens, len(toks))
			seen := map[int]bool{}
			score, first, last := 0, -1, -1
			for _, g := range hits {
				if g.start < start || g.end > end {
					continue
				}
				if seen[g.term] {
					score++
				} else {
					seen[g.term] = true
					score += 1000
				}
				if first < 0 {
					first = g.start
				}
				last = g.end
			}
			// Centre the matches in the window.
			if shift := (snippetTokens - (last - first)) / 2; first-shift < start {
				start = max(0, first-shift)
			}
			if start+snippetTokens > len(toks) {
				start = max(0, len(toks)-snippetTokens)
			}
			end = min(start+snippetTokens, len(toks))
			if score > best.score {
				best = window{col: c, start: start, end: end, score: score, toks: toks, hits: hits}
			}
		}
	}
	if best.col < 0 || len(best.toks) == 0 {
		return "", []dyad.Span{}
	}
	text, toks := cols[best.col], best.toks
	var b strings.Builder
	if best.start > 0 {
		b.WriteString(ellipsis)
	}
	from := toks[best.start].start
	if best.start == 0 {
		from = 0
	}
	to := len(text)
	if best.end < len(toks) {
		to = toks[best.end-1].end
	}
	base := b.Len() - from
	b.WriteString(text[from:to])
	spans := []dyad.Span{}
	for _, h := range best.hits {
		if h.start < best.start || h.end > best.end {
			continue
		}
		sp := dyad.Span{Start: base + toks[h.start].start, End: base + toks[h.end-1].end}
		if n := len(spans); n > 0 && sp.Start <= spans[n-1].End {
			spans[n-1].End = max(spans[n-1].End, sp.End)
			continue
		}
		spans = append(spans, sp)
	}
	if best.end < len(toks) {
		b.WriteString(ellipsis)
	}
	return b.String(), spans
}

// hit is a match of query term number term on the words [start, end).
type hit struct{ term, start, end int }

// hits returns the matches of the query's terms in toks, by position.
func (s *search) hits(toks []token) []hit {
	var out []hit
	for i := range toks {
		for k, t := range s.terms {
			if i+len(t.stems) > len(toks) {
				continue
			}
			ok := true
			for j, st := range t.stems {
				w := toks[i+j].stem
				if t.prefix && j == len(t.stems)-1 {
					ok = strings.HasPrefix(w, st)
				} else {
					ok = w == st
				}
				if !ok {
					break
				}
			}
			if ok {
				out = append(out, hit{term: k, start: i, end: i + len(t.stems)})
			}
		}
	}
	return out
}
