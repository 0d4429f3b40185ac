package ingest

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
)

// bom is the UTF-8 byte order mark, removed from the start of every input.
var bom = []byte{0xEF, 0xBB, 0xBF}

// ReadText reads a plain-text article: Text is data byte for byte after a
// leading byte order mark, Doc is the base name of path without its
// extension, and Title is left empty for package clean to choose. It fails
// with ErrEncoding when data is not valid UTF-8 and with ErrNoText when it
// holds only white space.
func ReadText(path string, data []byte) (*dyad.Article, error) {
	text, skipped := stripBOM(data)
	if off := invalidUTF8(text); off >= 0 {
		return nil, newError(path, 0, skipped+off, ErrEncoding, "invalid UTF-8 at byte %d", skipped+off)
	}
	if isBlank(text) {
		return nil, newError(path, 0, -1, ErrNoText, "empty text")
	}
	return &dyad.Article{
		Doc:    baseName(path),
		Text:   string(text),
		Origin: dyad.Origin{Path: path},
	}, nil
}

// stripBOM removes a leading UTF-8 byte order mark and says how many bytes
// it removed.
func stripBOM(b []byte) ([]byte, int) {
	if bytes.HasPrefix(b, bom) {
		return b[len(bom):], len(bom)
	}
	return b, 0
}

// invalidUTF8 returns the offset of the first byte of b that does not start
// a valid UTF-8 sequence, or -1 when b is valid.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// isBlank reports whether b holds nothing but white space.
func isBlank(b []byte) bool {
	return len(bytes.TrimSpace(b)) == 0
}

// baseName returns the last element of path without its extension: the
// document id of a whole-file article.
func baseName(path string) string {
	base := filepath.Base(path)
	if ext := filepath.Ext(base); ext != "" && ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}
