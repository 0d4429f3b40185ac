package ingest

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// httpHead is the status line and header of an HTTP response archived in
// a WARC record.
type httpHead struct {
	status    int
	fields    []string // lower-case name, value, name, value, ...
	bodyStart int      // offset of the payload in the block
}

// header returns the value of the first field called name (lower case),
// or "".
func (h *httpHead) header(name string) string {
	for i := 0; i+1 < len(h.fields); i += 2 {
		if h.fields[i] == name {
			return h.fields[i+1]
		}
	}
	return ""
}

// parseHTTPHead reads the status line and header at the start of b, as
// leniently as browsers do: lines may end in "\n" alone, lines without a
// colon are ignored, and folded lines continue the field before. It
// reports false when b does not start with an HTTP status line or ends
// before the blank line that closes the header.
func parseHTTPHead(b []byte) (httpHead, bool) {
	var h httpHead
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return h, false
	}
	status := strings.Fields(string(b[:i]))
	if len(status) < 2 || !strings.HasPrefix(status[0], "HTTP/") {
		return h, false
	}
	code, err := strconv.Atoi(status[1])
	if err != nil || code < 100 || code > 999 {
		return h, false
	}
	h.status = code
	for pos := i + 1; ; {
		j := bytes.IndexByte(b[pos:], '\n')
		if j < 0 {
			return h, false
		}
		line := bytes.TrimRight(b[pos:pos+j], "\r")
		pos += j + 1
		if len(line) == 0 {
			h.bodyStart = pos
			return h, true
		}
		if (line[0] == ' ' || line[0] == '\t') && len(h.fields) > 0 {
			h.fields[len(h.fields)-1] += " " + strings.TrimSpace(string(line))
			continue
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		h.fields = append(h.fields, strings.ToLower(strings.TrimSpace(string(name))), strings.TrimSpace(string(value)))
	}
}

// dechunk undoes chunked transfer encoding in place and returns the
// payload. A body that does not start with a chunk size is returned as it
// is (crawlers such as Common Crawl's store the payload already
// dechunked), and one cut short keeps the chunks it has.
func dechunk(b []byte) []byte {
	w, r := 0, 0
	for r < len(b) {
		i := bytes.IndexByte(b[r:], '\n')
		if i < 0 {
			break
		}
		line := bytes.TrimSpace(b[r : r+i])
		if j := bytes.IndexByte(line, ';'); j >= 0 {
			line = bytes.TrimSpace(line[:j])
		}
		size, err := strconv.ParseUint(string(line), 16, 31)
		if err != nil {
			if r == 0 {
				return b
			}
			break
		}
		r += i + 1
		if size == 0 {
			break
		}
		n := min(int(size), len(b)-r)
		w += copy(b[w:], b[r:r+n])
		r += n
		switch {
		case bytes.HasPrefix(b[r:], []byte("\r\n")):
			r += 2
		case bytes.HasPrefix(b[r:], []byte("\n")):
			r++
		}
	}
	if w == 0 && r == 0 {
		return b
	}
	return b[:w]
}

// decodeContent undoes the content codings named by a Content-Encoding
// header (gzip, x-gzip, deflate, identity), last applied first. A payload
// that is already decoded, as crawlers often store it while keeping the
// header, is returned as it is; one cut short keeps what decodes. Other
// codings fail unless the payload already reads as markup.
func decodeContent(body []byte, encoding string) ([]byte, error) {
	codings := strings.Split(strings.ToLower(encoding), ",")
	for i := len(codings) - 1; i >= 0; i-- {
		c := strings.TrimSpace(codings[i])
		var zr io.Reader
		var err error
		switch c {
		case "", "identity", "none":
			continue
		case "gzip", "x-gzip":
			if !bytes.HasPrefix(body, gzipMagic[:2]) {
				continue
			}
			zr, err = gzip.NewReader(bytes.NewReader(body))
		case "deflate":
			if looksLikeMarkup(body) {
				continue
			}
			// RFC 9110 deflate is zlib-wrapped; some servers send it raw.
			if zr, err = zlib.NewReader(bytes.NewReader(body)); err != nil {
				zr, err = flate.NewReader(bytes.NewReader(body)), nil
			}
		default:
			if looksLikeMarkup(body) {
				continue
			}
			return nil, fmt.Errorf("content encoding %q is not supported", c)
		}
		if err != nil {
			return nil, fmt.Errorf("bad %s payload: %w", c, err)
		}
		var out bytes.Buffer
		_, err = io.Copy(&out, io.LimitReader(zr, maxPayload+1))
		if out.Len() > maxPayload {
			return nil, fmt.Errorf("decoded payload is over the limit of %d bytes", maxPayload)
		}
		if err != nil && (out.Len() == 0 || !errors.Is(err, io.ErrUnexpectedEOF)) {
			return nil, fmt.Errorf("bad %s payload: %w", c, err)
		}
		body = out.Bytes()
	}
	return body, nil
}

// looksLikeMarkup reports whether b starts, after white space and a byte
// order mark, with '<' and has no control characters in its first bytes,
// as compressed data has: a payload that needs no decoding.
func looksLikeMarkup(b []byte) bool {
	b, _ = stripBOM(b)
	b = bytes.TrimLeft(b, " \t\r\n\f")
	if len(b) == 0 || b[0] != '<' {
		return false
	}
	for _, c := range b[:min(len(b), 512)] {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			return false
		}
	}
	return true
}
