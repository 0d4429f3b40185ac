package dict

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ActorWord is one word of a phrase or of a token as the actor dictionaries
// match it: folded to lower case without diacritics or dots.
type ActorWord struct {
	Text  string // the folded word ("assad", "'s", "us")
	Start int    // byte offset of its first byte in the string read
	End   int    // byte offset just past it
	// Cap reports that the word as written starts with a capital letter
	// (or a digit); Upper that all its letters are capitals.
	Cap   bool
	Upper bool
	// Punct marks a punctuation mark, which no phrase crosses unless the
	// phrase has it too.
	Punct bool
}

// AppendActorWords splits s into words the way phrases of the actor
// dictionaries are matched and appends them to dst, with byte offsets into s
// plus base. Case is folded, diacritics are dropped ("É" is "e"),
// apostrophes of every style become "'", dots disappear ("U.S." is "us"),
// hyphens and underscores separate words ("al-Assad" is "al" "assad"), and a
// possessive "'s" is a word of its own. Other punctuation marks are words of
// their own, flagged Punct; dashes other than hyphens are punctuation.
func AppendActorWords(dst []ActorWord, s string, base int) []ActorWord {
	var b strings.Builder
	start := -1
	cap, upper, letters := false, true, 0
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := b.String()
		if w != "" {
			dst = append(dst, ActorWord{Text: w, Start: base + start, End: base + end,
				Cap: cap, Upper: upper && letters > 0})
		}
		b.Reset()
		start = -1
		cap, upper, letters = false, true, 0
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case actorApostrophe(r):
			// A possessive 's (or s') ends a word and is a word itself; an
			// apostrophe inside a word (O'Brien, Dara'a) belongs to it; any
			// other is punctuation (a quotation mark).
			if start >= 0 && i+n < len(s) && actorLetterAt(s, i+n) {
				next, m := utf8.DecodeRuneInString(s[i+n:])
				if (next == 's' || next == 'S') && !actorLetterAt(s, i+n+m) {
					flush(i)
					dst = append(dst, ActorWord{Text: "'s", Start: base + i, End: base + i + n + m})
					i += n + m
					continue
				}
				b.WriteByte('\'')
				i += n
				continue
			}
			if start < 0 && i+n < len(s) {
				next, m := utf8.DecodeRuneInString(s[i+n:])
				if (next == 's' || next == 'S') && !actorLetterAt(s, i+n+m) {
					dst = append(dst, ActorWord{Text: "'s", Start: base + i, End: base + i + n + m})
					i += n + m
					continue
				}
			}
			flush(i)
			dst = append(dst, ActorWord{Text: "'", Start: base + i, End: base + i + n, Punct: true})
		case r == '.':
			// Dots vanish inside and after words; a dot on its own is
			// punctuation.
			if start < 0 && !(i+n < len(s) && actorLetterAt(s, i+n)) && !(len(dst) > 0 && dst[len(dst)-1].End == base+i && !dst[len(dst)-1].Punct) {
				dst = append(dst, ActorWord{Text: ".", Start: base + i, End: base + i + n, Punct: true})
			}
		case r == '-' || r == '_' || r == '\u2010' || r == '\u2011' || unicode.IsSpace(r) || r == '\u00ad' || r == '\u200b':
			flush(i)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if start < 0 {
				start = i
				cap = unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsTitle(r)
			}
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsLower(r) {
					upper = false
				}
			}
			actorFoldRune(&b, r)
		default:
			flush(i)
			var pb strings.Builder
			actorFoldRune(&pb, r)
			dst = append(dst, ActorWord{Text: pb.String(), Start: base + i, End: base + i + n, Punct: true})
		}
		i += n
	}
	flush(len(s))
	return dst
}

// ActorKey returns the folded words of a phrase joined by spaces: the key
// under which the dictionaries store it. A leading "the" is not part of the
// key: "The United Nations" and "United Nations" are one phrase.
func ActorKey(phrase string) string {
	var buf [16]ActorWord
	words := AppendActorWords(buf[:0], phrase, 0)
	if len(words) > 1 && words[0].Text == "the" {
		words = words[1:]
	}
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0].Text
	}
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
	}
	return b.String()
}

func actorApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc', '`', '\u00b4', '\u2032':
		return true
	}
	return false
}

func actorLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// actorFoldRune writes r in lower case without its diacritic.
func actorFoldRune(b *strings.Builder, r rune) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteByte(byte(r))
		return
	}
	if unicode.IsMark(r) {
		return
	}
	if f, ok := actorFold[r]; ok {
		b.WriteString(f)
		return
	}
	b.WriteRune(unicode.ToLower(r))
}

// actorFold maps letters with diacritics (Latin-1, Latin Extended-A and the
// letters of Arabic and Turkish transliteration) to plain lower-case ASCII.
var actorFold = func() map[rune]string {
	m := map[rune]string{}
	groups := []struct{ from, to string }{
		{"ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎȀȁȂȃȦȧẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ", "a"},
		{"ÇçĆćĈĉĊċČč", "c"}, {"ĎďĐđḌḍḎḏ", "d"},
		{"ÈÉÊËèéêëĒēĔĕĖėĘęĚěẸẹẺẻẼẽẾếỀềỂểỄễỆệ", "e"},
		{"ĜĝĞğĠġĢģǦǧ", "g"}, {"ĤĥĦħḤḥḪḫ", "h"},
		{"ÌÍÎÏìíîïĨĩĪīĬĭĮįİıǏǐỈỉỊị", "i"}, {"Ĵĵ", "j"}, {"ĶķǨǩ", "k"},
		{"ĹĺĻļĽľĿŀŁł", "l"}, {"ÑñŃńŅņŇňṆṇ", "n"},
		{"ÒÓÔÕÖØòóôõöøŌōŎŏŐőƠơǑǒỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ", "o"},
		{"ŔŕŖŗŘř", "r"}, {"ŚśŜŝŞşŠšȘșṢṣ", "s"}, {"ŢţŤťŦŧȚțṬṭ", "t"},
		{"ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜỤụỦủỨứỪừỬửỮữỰự", "u"},
		{"Ŵŵ", "w"}, {"ÝýÿŶŷŸỲỳỴỵỶỷỸỹ", "y"}, {"ŹźŻżŽžẒẓ", "z"},
	}
	for _, g := range groups {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	for r, s := range map[rune]string{'ß': "ss", 'Æ': "ae", 'æ': "ae", 'Œ': "oe", 'œ': "oe",
		'Þ': "th", 'þ': "th", 'Ð': "d", 'ð': "d", 'ʿ': "", 'ʾ': ""} {
		m[r] = s
	}
	return m
}()
