package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// class is a family of quotation marks that close one another.
type class int

const (
	noClass    class = iota
	double           // " “ ” „
	single           // ' ‘ ’ ‚
	guillemet        // « »
	guillemet1       // ‹ ›
)

// span is a half-open byte range.
type span struct{ start, end int }

// found is a quotation located in the text, before attribution.
type found struct {
	open  int // offset of the opening mark
	close int // offset just past the closing mark, or the end of the line
	start int // the words, without the marks and surrounding space
	end   int
	line  int // index into the finder's lines
	// continues is set when the quotation runs on into the next paragraph,
	// which opens with a quotation mark (the news convention); next and
	// prev link the parts.
	continues bool
	next      *found
	prev      *found
}

// lines splits text at line breaks and returns the lines that hold more
// than white space. Quotations do not cross a line break except by the
// paragraph convention, so a stray mark cannot swallow the article.
func lines(text string) []span {
	var out []span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '\n' {
			continue
		}
		end := i
		if end > start && text[end-1] == '\r' {
			end--
		}
		if strings.TrimFunc(text[start:end], unicode.IsSpace) != "" {
			out = append(out, span{start, end})
		}
		start = i + 1
	}
	return out
}

// runeBefore returns the rune before i within the line starting at ls, or 0.
func runeBefore(text string, ls, i int) rune {
	if i <= ls {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(text[ls:i])
	return r
}

// runeAfter returns the rune at i within the line ending at le, or 0.
func runeAfter(text string, i, le int) rune {
	if i >= le {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:le])
	return r
}

// openerClass returns the class of the opening mark at i, or noClass when
// the character there is not one, or stands where an opening mark cannot
// (an apostrophe inside "don't" or after "countries").
func openerClass(text string, l span, i int) (class, int) {
	r, n := utf8.DecodeRuneInString(text[i:])
	p := runeBefore(text, l.start, i)
	next := runeAfter(text, i+n, l.end)
	if next == 0 {
		return noClass, 0
	}
	afterBreak := p == 0 || unicode.IsSpace(p) || strings.ContainsRune("([{—–-/:;,“‘\"'«", p)
	switch r {
	case '“', '„':
		if !unicode.IsSpace(next) {
			return double, n
		}
	case '«':
		return guillemet, n
	case '‹':
		return guillemet1, n
	case '"':
		if afterBreak && !unicode.IsSpace(next) {
			return double, n
		}
	case '‘', '‚':
		if !isAlnum(p) && !unicode.IsSpace(next) {
			return single, n
		}
	case '\'':
		if afterBreak && !unicode.IsSpace(next) && next != '\'' && !elision(text[i+n:l.end]) {
			return single, n
		}
	}
	return noClass, 0
}

// elision reports whether s, the text after an apostrophe, is a word that
// begins with an elision rather than a quotation: '90s, 'em, 'til.
func elision(s string) bool {
	w := s
	if k := strings.IndexFunc(s, func(r rune) bool { return !isAlnum(r) }); k >= 0 {
		w = s[:k]
	}
	switch strings.ToLower(w) {
	case "em", "til", "cause", "tis", "twas", "n":
		return true
	}
	return len(w) == 3 && w[0] >= '0' && w[0] <= '9' && w[1] >= '0' && w[1] <= '9' && w[2] == 's'
}

// closes reports whether the mark at i closes a quotation of class c, and
// the mark's length. For single quotes it also reports whether the mark
// could be the apostrophe of a plural possessive ("the countries' leaders").
func closes(text string, l span, i int, c class) (ok, ambiguous bool, n int) {
	r, n := utf8.DecodeRuneInString(text[i:])
	p := runeBefore(text, l.start, i)
	next := runeAfter(text, i+n, l.end)
	switch c {
	case double:
		switch r {
		case '”':
			return true, false, n
		case '"':
			// A straight mark after a space and before a word opens.
			return !(unicode.IsSpace(p) && next != 0 && !unicode.IsSpace(next)), false, n
		case '“':
			// Some texts close with the opening mark.
			return p != 0 && !unicode.IsSpace(p) && !isAlnum(next), false, n
		}
	case guillemet:
		return r == '»', false, n
	case guillemet1:
		return r == '›', false, n
	case single:
		if r != '’' && r != '\'' || p == 0 || unicode.IsSpace(p) || isAlnum(next) {
			return false, false, n
		}
		if (p == 's' || p == 'S') && unicode.IsSpace(next) {
			rest := strings.TrimLeftFunc(text[i+n:l.end], unicode.IsSpace)
			r2, _ := utf8.DecodeRuneInString(rest)
			return true, isAlnum(r2), n
		}
		return true, false, n
	}
	return false, false, n
}

// findClose returns the offset of the mark that closes a quotation of class
// c opened before from, within the line, and its length; -1 when the line
// holds none. A plural-possessive apostrophe closes only when no other
// closing mark follows.
func findClose(text string, l span, from int, c class) (int, int) {
	amb, ambN := -1, 0
	for i := from; i < l.end; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r < 0x80 && r != '"' && r != '\'' {
			i++
			continue
		}
		ok, ambiguous, _ := closes(text, l, i, c)
		if ok && !ambiguous {
			return i, n
		}
		if ok && amb < 0 {
			amb, ambN = i, n
		}
		i += n
	}
	return amb, ambN
}

// detect finds the quotations of the text, line by line.
func detect(text string, ls []span) []*found {
	var out []*found
	var pending *found // a quotation left open at the end of its paragraph
	for li, l := range ls {
		lineStart := l.start
		for lineStart < l.end && unicode.IsSpace(rune(text[lineStart])) {
			lineStart++
		}
		carried := pending
		pending = nil
		for i := l.start; i < l.end; {
			r, n := utf8.DecodeRuneInString(text[i:])
			if r < 0x80 && r != '"' && r != '\'' {
				i++
				continue
			}
			c, markLen := openerClass(text, l, i)
			if c == noClass {
				i += n
				continue
			}
			q := &found{open: i, line: li}
			j, closeLen := findClose(text, l, i+markLen, c)
			switch {
			case j >= 0:
				q.close = j + closeLen
				q.start, q.end = trim(text, i+markLen, j)
			case li+1 < len(ls) && opensWith(text, ls[li+1], c):
				q.close = l.end
				q.start, q.end = trim(text, i+markLen, l.end)
				q.continues = true
			case c == double || c == guillemet:
				// An unclosed double quotation runs to the end of its
				// paragraph: closing marks go missing more often than
				// opening ones.
				q.close = l.end
				q.start, q.end = trim(text, i+markLen, l.end)
			default:
				i += markLen
				continue
			}
			if carried != nil && i == lineStart {
				carried.next, q.prev = q, carried
			}
			carried = nil
			if q.continues {
				pending = q
			}
			if hasWord(text[q.start:q.end]) {
				out = append(out, q)
			} else if q.prev != nil {
				q.prev.next = nil
			}
			i = q.close
		}
	}
	return out
}

// opensWith reports whether line l begins with an opening mark of class c.
func opensWith(text string, l span, c class) bool {
	i := l.start
	for i < l.end && unicode.IsSpace(rune(text[i])) {
		i++
	}
	if i >= l.end {
		return false
	}
	got, _ := openerClass(text, l, i)
	return got == c || c == double && got == guillemet || c == guillemet && got == double
}

// trim narrows [start, end) to exclude surrounding white space.
func trim(text string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

// hasWord reports whether s holds at least two letters or digits: a lone
// "n" of "rock 'n' roll" is no quotation.
func hasWord(s string) bool {
	n := 0
	for _, r := range s {
		if isAlnum(r) {
			n++
			if n >= 2 {
				return true
			}
		}
	}
	return false
}
