package validate

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
)

// tabariHeaderRE matches a record's header line: a date (YYMMDD or
// YYYYMMDD) and an ID, optionally followed by a document ID.
var tabariHeaderRE = regexp.MustCompile(`^(\d{6,9})\s+(\S+)`)

// tabariFinal is the ID of the record that ends TABARI's standard suite.
const tabariFinal = "FINAL-01"

// ReadTabari reads a TABARI validation file (Validate.text): records of a
// header line "DATE ID" and the story text up to a blank line, in which
// "/* ... */" comments hold
// the expected events "{ SOURCE / TARGET / CODE }", the special forms
// {---} (no events), {###} (discard), {+++} (too complex), "-{" (check
// nothing from here on) and "{ OPTION: ... }" option changes. Lines starting
// with "#" between records are comments. Reading stops at FINAL-01, the
// end of the standard suite; the records after it, and the records with
// nothing to check, are counted in Skipped. The suite's dictionaries are
// the actor, verb and agent files of Validate.project beside path, found by
// the caller (see Dictionaries).
func ReadTabari(path string, r io.Reader) (*Suite, error) {
	s := &Suite{Name: SuiteTabari, Path: path}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	const (
		outside = iota
		inText
		inComment
	)
	state, n, final := outside, 0, false
	var rec *Record
	var text, comment strings.Builder
	var errs []string
	finish := func() {
		if rec == nil {
			return
		}
		rec.Text = strings.TrimSpace(text.String())
		err := tabariExpect(rec, comment.String())
		switch {
		case err != nil:
			errs = append(errs, fmt.Sprintf("%s:%d: %s: %v", path, rec.Line, rec.ID, err))
		case final:
			s.Skipped++
		case rec.Expect == expectUnchecked:
			// Options are still applied at this record's place.
			if len(rec.Options) > 0 {
				rec.Expect = expectOptionsOnly
				s.Records = append(s.Records, *rec)
			}
			s.Skipped++
		default:
			s.Records = append(s.Records, *rec)
		}
		if rec.ID == tabariFinal {
			final = true
		}
		rec = nil
		text.Reset()
		comment.Reset()
	}
	for sc.Scan() {
		n++
		line := strings.TrimRight(strings.ReplaceAll(sc.Text(), "\x1a", ""), "\r")
		t := strings.TrimSpace(line)
		if state == outside {
			if t == "" || strings.HasPrefix(t, "#") {
				continue
			}
			m := tabariHeaderRE.FindStringSubmatch(t)
			if m == nil {
				errs = append(errs, fmt.Sprintf("%s:%d: want a record header DATE ID, not %q", path, n, t))
				continue
			}
			rec = &Record{ID: m[2], Category: category(m[2]), Date: tabariDate(m[1]), Line: n}
			state = inText
			continue
		}
		if t == "" && state == inText {
			// A blank line outside a comment ends the record.
			finish()
			state = outside
			continue
		}
		// Split the line into story text and comment.
		for line != "" {
			if state == inText {
				before, after, ok := strings.Cut(line, "/*")
				if !strings.HasPrefix(strings.TrimSpace(before), "\\n") {
					// Display line breaks ("\n") only occur in comments;
					// a stray one after a comment is not story text.
					text.WriteString(before)
				}
				text.WriteByte(' ')
				if !ok {
					break
				}
				state, line = inComment, after
				continue
			}
			before, after, ok := strings.Cut(line, "*/")
			comment.WriteString(before)
			comment.WriteByte('\n')
			if !ok {
				break
			}
			state, line = inText, after
		}
		text.WriteByte('\n')
	}
	if state != outside {
		finish()
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("validate: %s: %w", path, err)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%w:\n%s", ErrSuite, strings.Join(errs, "\n"))
	}
	s.Dicts = tabariDicts(path)
	return s, nil
}

// Two internal expectations of ReadTabari: a record that checks nothing,
// and one kept only for the options it sets.
const (
	expectUnchecked   Expect = 100
	expectOptionsOnly Expect = 101
)

// tabariExpect reads the expectations of a record's comment.
func tabariExpect(rec *Record, comment string) error {
	rec.Expect = expectUnchecked
	for i := 0; i < len(comment); i++ {
		if comment[i] != '{' {
			continue
		}
		end := strings.IndexByte(comment[i:], '}')
		body := comment[i+1:]
		if end >= 0 {
			body = comment[i+1 : i+end]
		}
		if i > 0 && comment[i-1] == '-' {
			// "-{": nothing from here on is checked.
			return nil
		}
		if end < 0 {
			end = len(comment) - i
		}
		i += end
		t := strings.TrimSpace(body)
		if opt, ok := strings.CutPrefix(t, "OPTION:"); ok {
			rec.Options = append(rec.Options, strings.Join(strings.Fields(opt), " "))
			continue
		}
		switch strings.ReplaceAll(t, " ", "") {
		case "---", "":
			rec.Expect = ExpectNone
			continue
		case "###":
			rec.Expect = ExpectDiscard
			continue
		case "+++":
			rec.Expect = ExpectComplex
			continue
		}
		parts := strings.Split(t, "/")
		if len(parts) != 3 {
			return fmt.Errorf("want { SOURCE / TARGET / CODE }, not {%s}", body)
		}
		tr := Triple{Source: tabariCode(parts[0]), Target: tabariCode(parts[1]), Code: strings.TrimSpace(parts[2])}
		rec.Events = append(rec.Events, tr)
		rec.Expect = ExpectEvents
	}
	return nil
}

// tabariCode normalises an actor code of an expected event: blanks
// trimmed, an empty code is "---".
func tabariCode(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "---"
	}
	return s
}

// tabariDate turns YYMMDD (years 50-99 are 19xx) or YYYYMMDD into
// YYYY-MM-DD; it returns "" for anything else.
func tabariDate(s string) string {
	switch len(s) {
	case 6:
		cent := "20"
		if s[0] >= '5' {
			cent = "19"
		}
		return cent + s[:2] + "-" + s[2:4] + "-" + s[4:6]
	case 8:
		return s[:4] + "-" + s[4:6] + "-" + s[6:8]
	}
	return ""
}

// tabariDicts returns the dictionary files of the Validate.project (or,
// failing that, the only *.project) beside the suite file.
func tabariDicts(path string) []string {
	dir := filepath.Dir(path)
	proj := filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+".project")
	return []string{proj}
}
