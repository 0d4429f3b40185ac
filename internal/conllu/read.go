package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Reader reads sentences from CoNLL-U text, one block at a time.
type Reader struct {
	br   *bufio.Reader
	line int
}

// NewReader returns a Reader reading from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, 64<<10)}
}

// readLine returns the next line without its line ending; io.EOF only when
// nothing is left.
func (r *Reader) readLine() (string, error) {
	s, err := r.br.ReadString('\n')
	if err == io.EOF && s != "" {
		err = nil
	}
	if err != nil {
		return "", err
	}
	r.line++
	s = strings.TrimSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\r")
	return s, nil
}

// Read returns the next sentence, or io.EOF when the input holds no more.
// A malformed block is reported as an *Error wrapping ErrSyntax; the reader
// then resumes at the next block.
func (r *Reader) Read() (*Sentence, error) {
	var s *Sentence
	var firstErr error
	for {
		line, err := r.readLine()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("conllu: %w", err)
		}
		if strings.TrimSpace(line) == "" {
			if s != nil || firstErr != nil {
				break
			}
			continue
		}
		if s == nil {
			s = &Sentence{}
		}
		if firstErr != nil {
			continue
		}
		if line[0] == '#' {
			if len(s.Words) > 0 || len(s.Multiword) > 0 || len(s.Empty) > 0 {
				firstErr = &Error{r.line, "comment line inside a sentence"}
				continue
			}
			s.Comments = append(s.Comments, line[1:])
			continue
		}
		if err := s.addLine(line); err != "" {
			firstErr = &Error{r.line, err}
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	if s == nil {
		return nil, io.EOF
	}
	if msg := s.check(); msg != "" {
		return nil, &Error{r.line, msg}
	}
	return s, nil
}

// addLine adds one token line to s, returning a message when it is malformed.
func (s *Sentence) addLine(line string) string {
	var f [10]string
	n := 0
	for part := range strings.SplitSeq(line, "\t") {
		if n == 10 {
			return "more than 10 columns"
		}
		f[n] = part
		n++
	}
	if n != 10 {
		return fmt.Sprintf("%d columns, want 10", n)
	}
	for i, v := range f {
		if v == "" {
			return fmt.Sprintf("column %d is empty", i+1)
		}
	}
	id := f[0]
	if a, b, ok := strings.Cut(id, "-"); ok {
		first, ok1 := parseInt(a)
		last, ok2 := parseInt(b)
		if !ok1 || !ok2 || first < 1 || last < first {
			return fmt.Sprintf("bad multiword range %q", id)
		}
		if first != len(s.Words)+1 {
			return fmt.Sprintf("multiword range %q out of order", id)
		}
		s.Multiword = append(s.Multiword, Multiword{First: first, Last: last, Form: f[1], Misc: f[9]})
		return ""
	}
	if a, b, ok := strings.Cut(id, "."); ok {
		after, ok1 := parseInt(a)
		sub, ok2 := parseInt(b)
		if !ok1 || !ok2 || sub < 1 || after != len(s.Words) {
			return fmt.Sprintf("bad empty-node ID %q", id)
		}
		e := EmptyNode{After: after, Sub: sub}
		copy(e.Fields[:], f[1:])
		s.Empty = append(s.Empty, e)
		return ""
	}
	n, ok := parseInt(id)
	if !ok || n != len(s.Words)+1 {
		return fmt.Sprintf("word ID %q, want %d", id, len(s.Words)+1)
	}
	head := NoHead
	if f[6] != "_" {
		h, ok := parseInt(f[6])
		if !ok {
			return fmt.Sprintf("bad HEAD %q", f[6])
		}
		head = h
	}
	s.Words = append(s.Words, Word{
		ID: n, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
		Head: head, Deprel: f[7], Deps: f[8], Misc: f[9],
	})
	return ""
}

// check validates what can only be checked once the block is complete.
func (s *Sentence) check() string {
	if len(s.Words) == 0 {
		if len(s.Multiword) > 0 || len(s.Empty) > 0 {
			return "sentence without words"
		}
		return ""
	}
	for _, w := range s.Words {
		if w.Head > len(s.Words) {
			return fmt.Sprintf("word %d: HEAD %d beyond the sentence", w.ID, w.Head)
		}
	}
	for _, m := range s.Multiword {
		if m.Last > len(s.Words) {
			return fmt.Sprintf("multiword range %d-%d beyond the sentence", m.First, m.Last)
		}
	}
	return ""
}

// ReadAll reads every sentence from r. It stops at the first malformed
// block and returns the sentences read so far with the error.
func ReadAll(r io.Reader) ([]*Sentence, error) {
	cr := NewReader(r)
	var out []*Sentence
	for {
		s, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		if len(s.Words) == 0 {
			continue
		}
		out = append(out, s)
	}
}

// ReadFile reads every sentence of the CoNLL-U file at path.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conllu: %w", err)
	}
	defer f.Close()
	s, err := ReadAll(f)
	if err != nil {
		return s, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}
