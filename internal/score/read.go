package score

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Gold is a set of gold-annotated articles, in the order score.py visits
// them (file name order, a repeated id keeping its first place).
type Gold struct {
	docs  []goldDoc
	index map[string]int // hash key of the id -> position in docs
}

type goldDoc struct {
	name string // str(id), as score.py prints it
	id   any    // the id as read; only a string can match a system doc
	g    map[string]any
}

// Len returns the number of gold articles.
func (g *Gold) Len() int { return len(g.docs) }

// LoadGold reads the gold annotations in dir: dir/gold/*.json when dir has a
// gold folder (a seeds folder), else dir/*.json.
func LoadGold(dir string) (*Gold, error) {
	if fi, err := os.Stat(filepath.Join(dir, "gold")); err == nil && fi.IsDir() {
		dir = filepath.Join(dir, "gold")
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadGold, err)
	}
	return ReadGold(os.DirFS(dir))
}

// ReadGold reads every file whose name ends in .json at the top of fsys, in
// name order. Each holds one article: an object with an "id", "events" and
// optionally "actors" and "quotes" (the shape of shared/seeds/gold). A later file
// with the same id replaces the earlier one's annotations.
func ReadGold(fsys fs.FS) (*Gold, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadGold, err)
	}
	g := &Gold{index: map[string]int{}}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		b, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrBadGold, err)
		}
		if !utf8.Valid(b) {
			return nil, fmt.Errorf("%w: %s: invalid UTF-8", ErrBadGold, e.Name())
		}
		v, err := decodeJSON(b)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrBadGold, e.Name(), err)
		}
		doc, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%w: %s: a %s, not an object", ErrBadGold, e.Name(), typeName(v))
		}
		id, ok := doc["id"]
		if !ok {
			return nil, fmt.Errorf("%w: %s: no \"id\"", ErrBadGold, e.Name())
		}
		h, ok := hashKey(id)
		if !ok {
			return nil, fmt.Errorf("%w: %s: the id is a %s", ErrBadGold, e.Name(), typeName(id))
		}
		if i, ok := g.index[h]; ok {
			g.docs[i].g = doc
			continue
		}
		g.index[h] = len(g.docs)
		g.docs = append(g.docs, goldDoc{name: pyStr(id), id: id, g: doc})
	}
	return g, nil
}

// System is the output of an extractor: one generic JSON object per
// article, by document id.
type System struct {
	docs map[string]map[string]any
}

// Len returns the number of distinct documents read.
func (s *System) Len() int { return len(s.docs) }

// ReadSystem reads JSON Lines as score.py does: lines are split at \n, \r or
// \r\n and stripped of white space, blank lines are skipped, and every other
// line must hold one JSON object. Its document id is str() of its "doc", or
// of its "id" when "doc" is missing or false ("None" when both are); a later
// line replaces an earlier one with the same id. The objects are kept as
// generic JSON: Score reads only the fields it needs and tolerates the
// spellings score.py tolerates.
//
// Unlike Python's json module, ReadSystem rejects the non-standard literals
// NaN and Infinity, and reads an escaped lone surrogate as U+FFFD.
func ReadSystem(r io.Reader) (*System, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadSystem, err)
	}
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("%w: invalid UTF-8", ErrBadSystem)
	}
	s := &System{docs: map[string]map[string]any{}}
	for n := 1; len(b) > 0; n++ {
		var line []byte
		i := bytes.IndexAny(b, "\r\n")
		switch {
		case i < 0:
			line, b = b, nil
		case b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n':
			line, b = b[:i], b[i+2:]
		default:
			line, b = b[:i], b[i+1:]
		}
		text := strings.TrimFunc(string(line), isSpace)
		if text == "" {
			continue
		}
		v, err := decodeJSON([]byte(text))
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %w", ErrBadSystem, n, err)
		}
		o, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%w: line %d: a %s, not an object", ErrBadSystem, n, typeName(v))
		}
		doc := o["doc"]
		if !truthy(doc) {
			doc = o["id"]
		}
		s.docs[pyStr(doc)] = o
	}
	return s, nil
}

// decodeJSON decodes exactly one JSON value, numbers as json.Number so that
// ints and floats keep the types Python gives them.
func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("extra data after the JSON value at byte %d", dec.InputOffset())
	}
	return v, nil
}
