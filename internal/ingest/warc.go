package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"strconv"
	"strings"

	"github.com/dyad-project/dyad"
)

// Limits that keep one odd record from taking the memory of a batch.
const (
	// maxWARCHeader is the largest WARC record header read.
	maxWARCHeader = 1 << 20
	// maxPayload is the largest HTML payload read, before and after its
	// content encoding is undone.
	maxPayload = 32 << 20
	// maxHTTPHead is the largest HTTP status line and header read.
	maxHTTPHead = 64 << 10
)

// ReadWARC reads a web archive (WARC/1.0 or WARC/1.1, as written by
// Common Crawl, wget or Heritrix) from r, record by record, and calls fn
// with an article for each web page in it or with the *Error of each
// record that could not be read, in file order. path names the input in
// Origin and errors. Only one record is held in memory at a time, so a
// file of any size streams through.
//
// The file may be uncompressed or gzip-compressed, with a gzip member per
// record as Common Crawl writes it or with any other cut into members;
// ReadWARC tells which from the first bytes, whatever the file's name.
//
// A page is a "response" record holding an HTTP response with status 200
// and a Content-Type of text/html or application/xhtml+xml, or a
// "resource" record of one of those types. Chunked transfer encoding and
// gzip or deflate content encoding are undone, and the charset of the
// Content-Type header is used when the page is not UTF-8. The page is read
// as ReadHTML reads it; then URL is the WARC-Target-URI and Doc is the
// WARC-Record-ID without its angle brackets ("urn:uuid:..."), or the base
// name of path + "#" + the record's byte offset when the record has none.
// When the page states no publication date, Published is the date of the
// WARC-Date field, the day the page was captured, with PublishedSource
// dyad.PublishedFromCrawl: for news archives crawled as they are
// published, as Common Crawl News is, it is the best date left.
//
// Other records (requests, metadata, warcinfo, revisits, redirects, error
// pages, images and other types) are skipped without a word. A page that
// cannot be read gives its *Error and reading goes on with the next
// record. A record whose WARC header is malformed gives an *Error, and
// reading goes on from the next gzip member, or, in an uncompressed file
// or a member that holds more than one record, from the next line
// starting with "WARC/", that starts a record; when there is none, or the
// file is truncated, the file ends there. Error.Offset is the byte offset
// of the record in the file, or for a compressed file the offset of the
// gzip member it starts in, as a Common Crawl index gives it.
//
// A read error from r is passed to fn and ends the input. ReadWARC returns
// the first non-nil error fn returns, and stops there; else nil.
func ReadWARC(r io.Reader, path string, fn func(a *dyad.Article, err error) error) error {
	w := &warcReader{path: path, base: baseName(path), fn: fn}
	raw := bufio.NewReaderSize(r, 64<<10)
	if head, _ := raw.Peek(len(gzipMagic)); bytes.Equal(head, gzipMagic) {
		w.gz = newGzipStream(raw)
		w.br = bufio.NewReaderSize(w.gz, 64<<10)
	} else {
		w.br = raw
	}
	return w.run()
}

// warcReader reads the records of one WARC file.
type warcReader struct {
	path, base string
	fn         func(*dyad.Article, error) error
	br         *bufio.Reader // the WARC records, decompressed
	gz         *gzipStream   // nil for an uncompressed file
	pos        int64         // bytes of br consumed
	buf        []byte        // the block of the current record
}

// warcHeader holds the WARC header fields a reader needs.
type warcHeader struct {
	typ, id, target, date, contentType, payloadType string
	length                                          int64
}

// recordFault is a malformed record: reading resumes at the next record
// that can be found.
type recordFault struct{ msg string }

func (f *recordFault) Error() string { return f.msg }

func faultf(format string, args ...any) error {
	return &recordFault{msg: fmt.Sprintf(format, args...)}
}

// run reads records until the end of the file, a fault it cannot recover
// from, or an error from fn.
func (w *warcReader) run() error {
	for {
		if err := w.skipBlank(); err != nil {
			if err == io.EOF {
				return nil
			}
			stop, more := w.recover(err, w.pos)
			if stop != nil || !more {
				return stop
			}
			continue
		}
		start := w.pos
		stop, err := w.record(start)
		if stop != nil {
			return stop
		}
		if err != nil {
			stop, more := w.recover(err, start)
			if stop != nil || !more {
				return stop
			}
		}
	}
}

// skipBlank consumes the line ends between records and returns io.EOF at
// the end of the file.
func (w *warcReader) skipBlank() error {
	for {
		b, err := w.br.Peek(1)
		if len(b) == 0 {
			if err == nil {
				err = io.EOF
			}
			return err
		}
		if b[0] != '\r' && b[0] != '\n' {
			return nil
		}
		w.discard(1)
	}
}

// record reads the record at start. It returns fn's error, or a fault
// that ends the record early.
func (w *warcReader) record(start int64) (stop, err error) {
	h, err := w.header()
	if err != nil {
		return nil, err
	}
	var page []byte
	var charset string
	skip := h.length
	switch {
	case h.typ == "response" && mediaType(h.contentType) == "application/http":
		page, charset, skip, err = w.httpPage(start, h)
	case (h.typ == "response" || h.typ == "resource") && isHTMLType(h.contentType):
		if h.length > maxPayload {
			skip, err = h.length, w.pageError(start, h, ErrNotArticle, "page of %d bytes is over the limit of %d", h.length, maxPayload)
			break
		}
		if page, err = w.block(int(h.length)); err == nil {
			charset, skip = contentTypeCharset(h.contentType), 0
		}
	}
	var perr *Error
	if err != nil && !errors.As(err, &perr) {
		return nil, err
	}
	if err := w.discard(skip); err != nil {
		return nil, err
	}
	if perr != nil {
		return w.fn(nil, perr), nil
	}
	if page == nil {
		return nil, nil
	}
	a, err := readHTML(w.path, page, transport{charset: charset, url: h.target})
	if err != nil {
		var ie *Error
		if errors.As(err, &ie) {
			err = w.wrapPageError(start, h, ie)
		}
		return w.fn(nil, err), nil
	}
	if h.target != "" {
		a.URL = h.target
	}
	a.Doc = strings.Trim(h.id, "<>")
	if a.Doc == "" {
		a.Doc = w.base + "#" + strconv.Itoa(w.offset(start))
	}
	if a.Published == "" {
		if d, ok := isoDate(h.date); ok {
			a.Published, a.PublishedSource = d, dyad.PublishedFromCrawl
		}
	}
	return w.fn(a, nil), nil
}

// header reads a record's WARC header, up to and including its blank
// line.
func (w *warcReader) header() (warcHeader, error) {
	var h warcHeader
	line, err := w.line()
	if err != nil {
		return h, err
	}
	if !bytes.HasPrefix(line, []byte("WARC/")) {
		return h, faultf("not a WARC record: it starts with %q", clip(line, 40))
	}
	size := len(line)
	length := ""
	var last *string
	for {
		line, err := w.line()
		if err != nil {
			return h, err
		}
		if size += len(line); size > maxWARCHeader {
			return h, faultf("WARC header longer than %d bytes", maxWARCHeader)
		}
		line = bytes.TrimRight(line, "\r\n")
		if len(line) == 0 {
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			if last != nil { // a folded continuation line
				*last += " " + strings.TrimSpace(string(line))
			}
			continue
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok || len(name) == 0 || bytes.ContainsAny(name, " \t") {
			return h, faultf("malformed WARC header line %q", clip(line, 40))
		}
		v := strings.TrimSpace(string(value))
		last = nil
		switch strings.ToLower(string(bytes.TrimSpace(name))) {
		case "warc-type":
			h.typ = strings.ToLower(v)
			last = &h.typ
		case "warc-record-id":
			h.id, last = v, &h.id
		case "warc-target-uri":
			h.target = strings.Trim(v, "<>")
			last = &h.target
		case "warc-date":
			h.date = v
		case "content-type":
			h.contentType, last = v, &h.contentType
		case "warc-identified-payload-type":
			h.payloadType = v
		case "content-length":
			length = v
		}
	}
	if length == "" {
		return h, faultf("WARC header has no Content-Length")
	}
	n, err := strconv.ParseInt(length, 10, 64)
	if err != nil || n < 0 {
		return h, faultf("WARC header has a bad Content-Length %q", clip([]byte(length), 40))
	}
	h.length = n
	return h, nil
}

// httpPage reads the HTTP response in the block of the response record at
// start, its header h read. It
// returns the payload when the response is an HTML page, with the charset
// its Content-Type names and the number of block bytes left unread.
func (w *warcReader) httpPage(start int64, h warcHeader) (page []byte, charset string, left int64, err error) {
	n := min(h.length, maxHTTPHead)
	head, err := w.block(int(n))
	if err != nil {
		return nil, "", 0, err
	}
	left = h.length - n
	resp, ok := parseHTTPHead(head)
	if !ok {
		if left > 0 {
			return nil, "", left, w.pageError(start, h, ErrNotArticle, "HTTP header longer than %d bytes", maxHTTPHead)
		}
		return nil, "", left, w.pageError(start, h, ErrNotArticle, "malformed HTTP response")
	}
	ct := resp.header("content-type")
	if ct == "" {
		ct = h.payloadType
	}
	if resp.status != 200 || !isHTMLType(ct) {
		return nil, "", left, nil
	}
	if h.length > maxPayload {
		return nil, "", left, w.pageError(start, h, ErrNotArticle, "HTTP payload of %d bytes is over the limit of %d", h.length, maxPayload)
	}
	if left > 0 {
		if err := w.extend(int(left)); err != nil {
			return nil, "", 0, err
		}
	}
	body := w.buf[resp.bodyStart:h.length]
	if strings.Contains(strings.ToLower(resp.header("transfer-encoding")), "chunked") {
		body = dechunk(body)
	}
	body, err = decodeContent(body, resp.header("content-encoding"))
	if err != nil {
		return nil, "", 0, w.pageError(start, h, ErrEncoding, "%v", err)
	}
	return body, contentTypeCharset(ct), 0, nil
}

// block reads the next n bytes into w.buf.
func (w *warcReader) block(n int) ([]byte, error) {
	w.buf = w.buf[:0]
	if err := w.extend(n); err != nil {
		return nil, err
	}
	return w.buf, nil
}

// extend reads n more bytes onto w.buf. The buffer grows as the bytes
// arrive, so a record that claims more than the file holds costs no more
// memory than the file.
func (w *warcReader) extend(n int) error {
	want := len(w.buf) + n
	for len(w.buf) < want {
		if len(w.buf) == cap(w.buf) {
			w.buf = append(w.buf, make([]byte, min(want-len(w.buf), max(cap(w.buf), 64<<10)))...)[:len(w.buf)]
		}
		k := min(want, cap(w.buf))
		got, err := w.read(w.buf[len(w.buf):k])
		w.buf = w.buf[:len(w.buf)+got]
		if err != nil {
			return err
		}
	}
	return nil
}

// pageError is the *Error of a record whose page cannot be read, though
// the record itself is sound.
func (w *warcReader) pageError(start int64, h warcHeader, kind error, format string, args ...any) *Error {
	return newError(w.path, 0, w.offset(start), kind, "%s: %s", w.describe(start, h), fmt.Sprintf(format, args...))
}

// wrapPageError names the record in an *Error from readHTML, whose offsets
// are into the page rather than the file.
func (w *warcReader) wrapPageError(start int64, h warcHeader, ie *Error) *Error {
	return &Error{Path: w.path, Offset: w.offset(start), Err: &reason{
		msg:  w.describe(start, h) + ": " + ie.Err.Error(),
		kind: ie.Err,
	}}
}

// describe names a record for an error message: "record at byte 1234
// (https://...)".
func (w *warcReader) describe(start int64, h warcHeader) string {
	s := w.where(start)
	if h.target != "" {
		s += " (" + h.target + ")"
	}
	return s
}

// where names the record at decompressed byte start: "record at byte N",
// or "record at byte N of the gzip member at byte M" for one that does not
// start its member.
func (w *warcReader) where(start int64) string {
	if w.gz == nil {
		return "record at byte " + strconv.FormatInt(start, 10)
	}
	m := w.gz.memberAt(start)
	if m.u == start {
		return "record at byte " + strconv.FormatInt(m.c, 10)
	}
	return fmt.Sprintf("record at byte %d of the gzip member at byte %d", start-m.u, m.c)
}

// offset returns the byte of the file that locates the record at
// decompressed byte start: the record's own offset, or its member's.
func (w *warcReader) offset(start int64) int {
	if w.gz == nil {
		return int(start)
	}
	return int(w.gz.memberAt(start).c)
}

// recover reports err, a fault met while reading the record at start, and
// moves to the next record it can find. more is false when reading the
// file cannot go on.
func (w *warcReader) recover(err error, start int64) (stop error, more bool) {
	var se *streamError
	var rf *recordFault
	switch {
	case errors.As(err, &se):
		if stop := w.fn(nil, newError(w.path, 0, int(se.offset), ErrNotArticle, "%s", se.msg)); stop != nil || se.final {
			return stop, false
		}
		return w.resync(se.u)
	case errors.As(err, &rf):
		if stop := w.fn(nil, newError(w.path, 0, w.offset(start), ErrNotArticle, "%s: %s", w.where(start), rf.msg)); stop != nil {
			return stop, false
		}
		return w.resync(start + 1)
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return w.fn(nil, newError(w.path, 0, w.offset(start), ErrNotArticle, "%s: the file ends inside the record", w.where(start))), false
	}
	return w.fn(nil, ioError(w.path, 0, err)), false
}

// resync skips to the first record start at or after decompressed byte
// from: a gzip member or a line that begins with "WARC/". It reports the
// faults of the compressed stream it meets on the way.
func (w *warcReader) resync(from int64) (stop error, more bool) {
	lineStart := false
	for {
		if w.pos < from {
			if err := w.discard(from - w.pos); err != nil {
				return w.resyncFault(err, &from)
			}
			lineStart = false
		}
		// Fill the buffer first: the stream learns where a member starts
		// when it starts reading it.
		if _, err := w.br.Peek(1); err != nil {
			if stop, more := w.resyncFault(err, &from); !more {
				return stop, more
			}
			continue
		}
		var atMember bool
		next := int64(-1)
		if w.gz != nil {
			w.gz.memberAt(w.pos)
			atMember, next = w.gz.boundary(w.pos)
		}
		if atMember || lineStart {
			b, err := w.br.Peek(len("WARC/"))
			if string(b) == "WARC/" {
				return nil, true
			}
			if len(b) < len("WARC/") && err != nil {
				if stop, more := w.resyncFault(err, &from); !more {
					return stop, more
				}
				continue
			}
		}
		buf, _ := w.br.Peek(w.br.Buffered())
		if next >= 0 && next-w.pos < int64(len(buf)) {
			buf = buf[:next-w.pos]
		}
		lineStart = false
		if i := bytes.IndexByte(buf, '\n'); i >= 0 {
			buf, lineStart = buf[:i+1], true
		}
		w.discard(int64(len(buf)))
	}
}

// resyncFault handles an error met while resyncing: a fault of the
// compressed stream is reported and the search goes on from where the
// stream resumes; the end of the file or a read error ends it.
func (w *warcReader) resyncFault(err error, from *int64) (stop error, more bool) {
	var se *streamError
	switch {
	case errors.As(err, &se):
		if stop := w.fn(nil, newError(w.path, 0, int(se.offset), ErrNotArticle, "%s", se.msg)); stop != nil || se.final {
			return stop, false
		}
		*from = max(*from, se.u)
		return nil, true
	case err == io.EOF:
		return nil, false
	}
	return w.fn(nil, ioError(w.path, 0, err)), false
}

// line returns the next line, its "\n" included. It is valid until the
// next read.
func (w *warcReader) line() ([]byte, error) {
	line, err := w.br.ReadSlice('\n')
	w.pos += int64(len(line))
	switch {
	case err == bufio.ErrBufferFull:
		return nil, faultf("WARC header line longer than %d bytes", w.br.Size())
	case err == io.EOF && len(line) > 0:
		return nil, io.ErrUnexpectedEOF
	}
	return line, err
}

// read fills p.
func (w *warcReader) read(p []byte) (int, error) {
	n, err := io.ReadFull(w.br, p)
	w.pos += int64(n)
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return n, err
}

// discard skips n bytes. It skips buffered bytes only, refilling with
// Peek, because bufio.Reader.Discard refills an empty buffer even when an
// error is pending, which would lose a fault of the gzip stream.
func (w *warcReader) discard(n int64) error {
	for n > 0 {
		if w.br.Buffered() == 0 {
			if _, err := w.br.Peek(1); err != nil {
				if err == io.EOF {
					err = io.ErrUnexpectedEOF
				}
				return err
			}
		}
		d, _ := w.br.Discard(int(min(n, int64(w.br.Buffered()))))
		w.pos += int64(d)
		n -= int64(d)
	}
	return nil
}

// mediaType returns the lower-case media type of a Content-Type value,
// without its parameters.
func mediaType(v string) string {
	if t, _, err := mime.ParseMediaType(v); err == nil {
		return t
	}
	t, _, _ := strings.Cut(v, ";")
	return strings.ToLower(strings.TrimSpace(t))
}

// isHTMLType reports whether a Content-Type value names an HTML page.
func isHTMLType(v string) bool {
	switch mediaType(v) {
	case "text/html", "application/xhtml+xml":
		return true
	}
	return false
}

// clip returns at most n bytes of b, for an error message.
func clip(b []byte, n int) string {
	if len(b) > n {
		b = b[:n]
	}
	return string(b)
}
