package conllu

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// field makes v safe for one column: tabs and line breaks become spaces and
// an empty value becomes "_".
func field(v string) string {
	if v == "" {
		return "_"
	}
	if strings.ContainsAny(v, "\t\n\r") {
		v = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, v)
	}
	return v
}

// Write writes s as one CoNLL-U block followed by a blank line. Multiword
// and empty-node lines are written at their places among the words.
func Write(w io.Writer, s *Sentence) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		c = strings.NewReplacer("\n", " ", "\r", " ").Replace(c)
		bw.WriteString("#")
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	mw, em := 0, 0
	writeEmpty := func(after int) {
		for em < len(s.Empty) && s.Empty[em].After <= after {
			e := &s.Empty[em]
			fmt.Fprintf(bw, "%d.%d", e.After, e.Sub)
			for _, f := range e.Fields {
				bw.WriteByte('\t')
				bw.WriteString(field(f))
			}
			bw.WriteByte('\n')
			em++
		}
	}
	writeEmpty(0)
	for i := range s.Words {
		wd := &s.Words[i]
		id := i + 1
		for mw < len(s.Multiword) && s.Multiword[mw].First <= id {
			m := &s.Multiword[mw]
			fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", m.First, m.Last, field(m.Form), field(m.Misc))
			mw++
		}
		head := "_"
		if wd.Head >= 0 {
			head = itoa(wd.Head)
		}
		cols := [10]string{itoa(id), wd.Form, wd.Lemma, wd.UPOS, wd.XPOS, wd.Feats, head, wd.Deprel, wd.Deps, wd.Misc}
		for j, c := range cols {
			if j > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteString(field(c))
		}
		bw.WriteByte('\n')
		writeEmpty(id)
	}
	bw.WriteByte('\n')
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("conllu: %w", err)
	}
	return nil
}
