package validate

import (
	"strconv"
	"strings"

	"github.com/dyad-project/dyad/internal/event"
)

// tabariMinWords is TABARI's default MINIMUM WORDS: shorter sentences
// (headlines, fragments) are not coded.
const tabariMinWords = 8

// applyOption applies one option change of a record (Record.Options) to
// the coder configuration. The options that dyad implements are TABARI's
// "SET: CODE BY CLAUSE", "SET: CODE BY SENTENCE", "SET: CODE ALL" and "SET:
// MINIMUM WORDS = N"; the others (output formats, time shifts, PETRARCH's
// comma and new-actor settings) leave it unchanged, and the records that
// test them may fail.
func applyOption(c *event.Config, opt string) {
	o := strings.ToUpper(strings.Join(strings.Fields(strings.TrimSuffix(strings.TrimSpace(opt), "*/")), " "))
	set, ok := strings.CutPrefix(o, "SET: ")
	if !ok {
		return
	}
	switch {
	case set == "CODE BY CLAUSE":
		c.CodeBy = event.CodeByClause
	case set == "CODE BY SENTENCE":
		c.CodeBy = event.CodeBySentence
	case set == "CODE ALL":
		c.CodeBy = event.CodeAll
	case strings.HasPrefix(set, "MINIMUM WORDS"):
		_, v, _ := strings.Cut(set, "=")
		if n, err := strconv.Atoi(strings.Fields(v + " x")[0]); err == nil && n >= 0 {
			c.MinWords = n
		}
	}
}
