package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// gzipMagic starts every gzip member whose compression method is deflate,
// the only one gzip defines.
var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// byteCounter reads from a buffered reader and counts the bytes taken.
// Being an io.ByteReader, it is read by gzip and flate directly, without a
// buffer of their own, so after each gzip member it stands exactly at the
// start of the next one and its count is that member's offset in the file.
type byteCounter struct {
	br *bufio.Reader
	n  int64
}

func (c *byteCounter) Read(p []byte) (int, error) {
	n, err := c.br.Read(p)
	c.n += int64(n)
	return n, readFailed(err)
}

func (c *byteCounter) ReadByte() (byte, error) {
	b, err := c.br.ReadByte()
	if err == nil {
		c.n++
	}
	return b, readFailed(err)
}

// readFault is an error reading the file under a gzip stream, told apart
// from the faults of the compressed data that gzip reports.
type readFault struct{ err error }

func (f *readFault) Error() string { return f.err.Error() }
func (f *readFault) Unwrap() error { return f.err }

// readFailed wraps an error other than io.EOF in a *readFault.
func readFailed(err error) error {
	if err == nil || err == io.EOF {
		return err
	}
	return &readFault{err: err}
}

func (c *byteCounter) discard(n int) {
	d, _ := c.br.Discard(n)
	c.n += int64(d)
}

// member is where one gzip member starts: at byte c of the file, and at
// byte u of the decompressed stream.
type member struct {
	u, c int64
}

// streamError is a fault in the compressed stream itself: bytes that are
// not gzip, a corrupt member, or a file that ends inside a member. The
// stream has moved on to the next member when it returns one that is not
// final; the decompressed data from then on starts at u.
type streamError struct {
	offset int64 // byte of the file where the faulty member or junk starts
	u      int64 // decompressed offset where reading resumes
	final  bool  // nothing can be read after it
	msg    string
}

func (e *streamError) Error() string { return e.msg }

// gzipStream decompresses a file of concatenated gzip members as one
// stream, as Common Crawl writes WARC files (one member per record), and
// records where each member starts, so that a record can be named by the
// offset of its member and a reader can skip to the next member after a
// broken record. Each Read returns data of one member only. After a fault
// it returns a *streamError once and goes on with the next member it can
// find.
type gzipStream struct {
	raw     *byteCounter
	zr      gzip.Reader
	in      bool // within a member
	broken  bool // the last member was corrupt: the rest of it is no news
	done    bool
	out     int64 // decompressed bytes returned so far
	members []member
}

func newGzipStream(br *bufio.Reader) *gzipStream {
	return &gzipStream{raw: &byteCounter{br: br}}
}

func (g *gzipStream) Read(p []byte) (int, error) {
	for !g.done {
		if !g.in {
			if err := g.next(); err != nil {
				return 0, err
			}
			continue
		}
		n, err := g.zr.Read(p)
		g.out += int64(n)
		cur := g.members[len(g.members)-1]
		switch {
		case err == nil:
			return n, nil
		case err == io.EOF:
			g.in = false
			if n > 0 {
				return n, nil
			}
		case errors.Is(err, io.ErrUnexpectedEOF):
			g.done = true
			return n, &streamError{offset: cur.c, u: g.out, final: true,
				msg: fmt.Sprintf("the file ends inside the gzip member at byte %d", cur.c)}
		default:
			var rf *readFault
			if errors.As(err, &rf) {
				g.done = true
				return n, rf.err
			}
			g.in, g.broken = false, true
			return n, &streamError{offset: cur.c, u: g.out,
				msg: fmt.Sprintf("corrupt gzip member at byte %d: %v", cur.c, err)}
		}
	}
	return 0, io.EOF
}

// next starts the next member, skipping bytes that cannot start one. It
// returns io.EOF at the end of the file, a *streamError for skipped bytes
// or a broken gzip header, and any error reading the file.
func (g *gzipStream) next() error {
	start := g.raw.n
	for {
		buf, err := g.raw.br.Peek(g.raw.br.Size())
		if i := bytes.Index(buf, gzipMagic); i >= 0 {
			g.raw.discard(i)
			break
		}
		if err != nil && err != bufio.ErrBufferFull {
			g.raw.discard(len(buf))
			g.done = true
			if err != io.EOF {
				return err
			}
			if g.raw.n > start && !g.broken {
				return &streamError{offset: start, u: g.out, final: true,
					msg: fmt.Sprintf("%d bytes at the end of the file are not gzip data", g.raw.n-start)}
			}
			return io.EOF
		}
		// Keep the last two bytes: they may begin a member.
		g.raw.discard(len(buf) - len(gzipMagic) + 1)
	}
	broken := g.broken
	g.broken = false
	if g.raw.n > start && !broken {
		return &streamError{offset: start, u: g.out,
			msg: fmt.Sprintf("%d bytes that are not gzip data", g.raw.n-start)}
	}
	start = g.raw.n
	if err := g.zr.Reset(g.raw); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			g.done = true
			return &streamError{offset: start, u: g.out, final: true,
				msg: fmt.Sprintf("the file ends inside the gzip header at byte %d", start)}
		}
		var rf *readFault
		if errors.As(err, &rf) {
			g.done = true
			return rf.err
		}
		if g.raw.n == start {
			g.raw.discard(1)
		}
		g.broken = true
		return &streamError{offset: start, u: g.out, msg: fmt.Sprintf("bad gzip header at byte %d: %v", start, err)}
	}
	g.zr.Multistream(false)
	g.members = append(g.members, member{u: g.out, c: start})
	g.in = true
	return nil
}

// memberAt returns the member holding decompressed byte u, and drops the
// members before it, which no record will ask for again.
func (g *gzipStream) memberAt(u int64) member {
	i := len(g.members) - 1
	for i > 0 && g.members[i].u > u {
		i--
	}
	if i < 0 {
		return member{}
	}
	g.members = g.members[i:]
	return g.members[0]
}

// boundary reports whether a member starts at decompressed byte u, and
// the first member start after u, or -1 when none is known yet.
func (g *gzipStream) boundary(u int64) (at bool, next int64) {
	next = -1
	for _, m := range g.members {
		if m.u == u {
			at = true
		}
		if m.u > u && next < 0 {
			next = m.u
		}
	}
	return at, next
}
