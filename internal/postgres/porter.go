package postgres

// porter returns the stem of a lower-cased word by M. F. Porter's 1980
// algorithm ("An algorithm for suffix stripping"), as SQLite's FTS5
// "porter" tokenizer applies it: words shorter than three bytes or longer
// than 64 are left as they are, and any byte that is not an ASCII letter
// counts as a consonant. The stores stem the same words the same way, so a
// query matches the same articles in SQLite and PostgreSQL.
func porter(w string) string {
	if len(w) < 3 || len(w) > 64 {
		return w
	}
	s := &stemmer{b: []byte(w)}
	s.step1a()
	s.step1b()
	s.step1c()
	s.step2()
	s.step3()
	s.step4()
	s.step5()
	return string(s.b)
}

// stemmer holds the word being stemmed; j marks the end of the stem when a
// suffix has been recognised (b[:j] is the stem).
type stemmer struct {
	b []byte
	j int
}

// cons reports whether b[i] is a consonant: not a, e, i, o, u, and not a y
// after a consonant.
func (s *stemmer) cons(i int) bool {
	switch s.b[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !s.cons(i-1)
	}
	return true
}

// measure returns m, the number of vowel-consonant sequences in b[:n].
func (s *stemmer) measure(n int) int {
	m, i := 0, 0
	for i < n && s.cons(i) {
		i++
	}
	for i < n {
		for i < n && !s.cons(i) {
			i++
		}
		if i >= n {
			break
		}
		for i < n && s.cons(i) {
			i++
		}
		m++
	}
	return m
}

// hasVowel reports whether b[:n] contains a vowel.
func (s *stemmer) hasVowel(n int) bool {
	for i := 0; i < n; i++ {
		if !s.cons(i) {
			return true
		}
	}
	return false
}

// doubleCons reports whether b[:n] ends with a double consonant.
func (s *stemmer) doubleCons(n int) bool {
	return n >= 2 && s.b[n-1] == s.b[n-2] && s.cons(n-1)
}

// cvc reports whether b[:n] ends consonant-vowel-consonant with a last
// consonant other than w, x or y (Porter's *o).
func (s *stemmer) cvc(n int) bool {
	if n < 3 || !s.cons(n-1) || s.cons(n-2) || !s.cons(n-3) {
		return false
	}
	switch s.b[n-1] {
	case 'w', 'x', 'y':
		return false
	}
	return true
}

// ends reports whether the word ends with suf, setting j to where it starts.
func (s *stemmer) ends(suf string) bool {
	n := len(s.b)
	if len(suf) > n || string(s.b[n-len(suf):]) != suf {
		return false
	}
	s.j = n - len(suf)
	return true
}

// setTo replaces the recognised suffix with r.
func (s *stemmer) setTo(r string) {
	s.b = append(s.b[:s.j], r...)
}

// rule replaces suffix suf with r when the stem before it has m > 0; it
// reports whether the word ends with suf at all.
func (s *stemmer) rule(suf, r string, minM int) bool {
	if !s.ends(suf) {
		return false
	}
	if s.measure(s.j) > minM {
		s.setTo(r)
	}
	return true
}

func (s *stemmer) step1a() {
	switch {
	case s.ends("sses"):
		s.setTo("ss")
	case s.ends("ies"):
		s.setTo("i")
	case s.ends("ss"):
	case s.ends("s"):
		s.setTo("")
	}
}

func (s *stemmer) step1b() {
	if s.ends("eed") {
		if s.measure(s.j) > 0 {
			s.setTo("ee")
		}
		return
	}
	if !(s.ends("ed") && s.hasVowel(s.j) || s.ends("ing") && s.hasVowel(s.j)) {
		return
	}
	s.setTo("")
	n := len(s.b)
	switch {
	case s.ends("at"):
		s.setTo("ate")
	case s.ends("bl"):
		s.setTo("ble")
	case s.ends("iz"):
		s.setTo("ize")
	case s.doubleCons(n):
		switch s.b[n-1] {
		case 'l', 's', 'z':
		default:
			s.b = s.b[:n-1]
		}
	case s.measure(n) == 1 && s.cvc(n):
		s.b = append(s.b, 'e')
	}
}

func (s *stemmer) step1c() {
	if s.ends("y") && s.hasVowel(s.j) {
		s.setTo("i")
	}
}

// suffixRule is one suffix of steps 2 to 4 and its replacement.
type suffixRule struct{ suf, rep string }

// The suffixes of steps 2, 3 and 4, longest first where one ends another:
// the first that the word ends with is the only one tried.
var (
	step2Rules = []suffixRule{
		{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
		{"abli", "able"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"},
		{"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"},
		{"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"},
	}
	step3Rules = []suffixRule{
		{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""},
	}
	step4Suffixes = []string{
		"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
		"ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
	}
)

func (s *stemmer) step2() {
	for _, r := range step2Rules {
		if s.rule(r.suf, r.rep, 0) {
			return
		}
	}
}

func (s *stemmer) step3() {
	for _, r := range step3Rules {
		if s.rule(r.suf, r.rep, 0) {
			return
		}
	}
}

func (s *stemmer) step4() {
	for _, suf := range step4Suffixes {
		if !s.ends(suf) {
			continue
		}
		if suf == "ion" && (s.j == 0 || s.b[s.j-1] != 's' && s.b[s.j-1] != 't') {
			return
		}
		if s.measure(s.j) > 1 {
			s.setTo("")
		}
		return
	}
}

func (s *stemmer) step5() {
	n := len(s.b)
	if s.b[n-1] == 'e' {
		if m := s.measure(n - 1); m > 1 || m == 1 && !s.cvc(n-1) {
			s.b = s.b[:n-1]
			n--
		}
	}
	if s.b[n-1] == 'l' && s.doubleCons(n) && s.measure(n) > 1 {
		s.b = s.b[:n-1]
	}
}
