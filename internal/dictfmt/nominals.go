package dictfmt

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// ReadTabariNominals reads the <NOUN> and <ADJECTIVE> sections of a TABARI
// actor dictionary: the words TABARI takes for nouns and adjectives, which
// a conjunction joins without beginning a clause ("sheep and goats",
// "awful and evil"). Each comes lower-cased, as written: a word ended by
// "_" is a whole word, another a stem ("goats" also matches "goatskins").
func ReadTabariNominals(r io.Reader) ([]string, error) {
	var out []string
	in := false
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(cutComment(sc.Text(), ";"))
		switch strings.ToUpper(line) {
		case "<NOUN>", "<ADJECTIVE>":
			in = true
			continue
		case "</NOUN>", "</ADJECTIVE>":
			in = false
			continue
		}
		if !in || line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if f := strings.Fields(line); len(f) > 0 {
			out = append(out, strings.ToLower(f[0]))
		}
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("dictfmt: %w", err)
	}
	return out, nil
}
