package parse

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// The model file is gzip-compressed (no name, no time stamp) binary:
// a magic string, then the sections below in order, each a sequence of
// unsigned varints, strings (length then bytes) and weight tables. Weight
// tables are stored in key order with delta-coded keys, so the same model
// always serialises to the same bytes.

const magic = "dyad-parse-model/1\n"

// maxModelBytes bounds the uncompressed size of a model file.
const maxModelBytes = 1 << 30

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) uvarint(v uint64) {
	n := binary.PutUvarint(e.buf[:], v)
	e.w.Write(e.buf[:n])
}

func (e *encoder) varint(v int64) {
	n := binary.PutVarint(e.buf[:], v)
	e.w.Write(e.buf[:n])
}

func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.w.WriteString(s)
}

func (e *encoder) strs(ss []string) {
	e.uvarint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

// table writes keys as deltas, then all counts, then all classes, then all
// weights: grouping like values compresses better.
func (e *encoder) table(t *table) {
	keys, counts, cls, ws := t.export()
	e.uvarint(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		e.uvarint(k - prev)
		prev = k
	}
	for _, c := range counts {
		e.uvarint(uint64(c))
	}
	// Classes within a row ascend: store the first and then the gaps.
	i := 0
	for _, c := range counts {
		last := uint16(0)
		for j := 0; j < int(c); j++ {
			e.uvarint(uint64(cls[i] - last))
			last = cls[i]
			i++
		}
	}
	for _, w := range ws {
		e.varint(int64(w))
	}
}

// decoder reads the uncompressed model. Every length is checked against
// the bytes that remain, so a corrupt file cannot make it allocate much.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(msg string) {
	if d.err == nil {
		d.err = errors.New(msg)
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("truncated or bad varint")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail("truncated or bad varint")
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a length of items that take at least one byte each, at most
// limit.
func (d *decoder) count(limit int) int {
	n := d.uvarint()
	if n > uint64(limit) || n > uint64(len(d.b)) {
		d.fail("length out of range")
		return 0
	}
	return int(n)
}

// value reads a number at most limit.
func (d *decoder) value(limit int) int {
	n := d.uvarint()
	if n > uint64(limit) {
		d.fail("value out of range")
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.count(1 << 20)
	if d.err != nil || n == 0 {
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) strs() []string {
	n := d.count(1 << 24)
	out := make([]string, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		out = append(out, d.str())
	}
	return out
}

func (d *decoder) table(nclass int) *table {
	n := d.count(1 << 27)
	keys := make([]uint64, n)
	prev := uint64(0)
	for i := range keys {
		prev += d.uvarint()
		keys[i] = prev
	}
	counts := make([]uint32, n)
	total := 0
	for i := range counts {
		c := d.value(nclass)
		counts[i] = uint32(c)
		total += c
	}
	if total > len(d.b) {
		d.fail("table larger than the file")
	}
	if d.err != nil {
		return nil
	}
	cls := make([]uint16, total)
	i := 0
	for _, c := range counts {
		last := uint64(0)
		for j := 0; j < int(c); j++ {
			last += d.uvarint()
			if last >= uint64(nclass) && d.err == nil {
				d.err = fmt.Errorf("class %d out of range", last)
			}
			cls[i] = uint16(last)
			i++
		}
	}
	ws := make([]int16, total)
	for i := range ws {
		ws[i] = int16(d.varint())
	}
	if d.err != nil {
		return nil
	}
	for i := range keys {
		if keys[i] == 0 || i > 0 && keys[i] <= keys[i-1] {
			d.fail("table keys not strictly ascending")
			return nil
		}
	}
	return newTable(keys, counts, cls, ws)
}

// Marshal returns the model in its compressed binary form.
func (m *Model) Marshal() ([]byte, error) {
	var raw bytes.Buffer
	bw := bufio.NewWriter(&raw)
	e := &encoder{w: bw}
	e.w.WriteString(magic)
	e.strs(m.upos)
	e.strs(m.xpos)
	e.strs(m.labels)
	// Lexicon, sorted by word.
	words := sortedKeys(m.lex.amb)
	e.uvarint(uint64(len(words)))
	for _, w := range words {
		e.str(w)
		e.uvarint(m.lex.amb[w])
	}
	words = sortedKeys(m.lex.fixed)
	e.uvarint(uint64(len(words)))
	for _, w := range words {
		e.str(w)
		e.uvarint(uint64(m.lex.fixed[w]))
	}
	e.strs(sortedKeys(m.lex.lower))
	e.table(m.tagW)
	e.table(m.tagW2)
	e.table(m.parseW)
	e.table(m.labelW)
	m.lem.encode(e)
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Unmarshal reads a model written by Marshal.
func Unmarshal(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	defer zr.Close()
	raw, err := io.ReadAll(io.LimitReader(zr, maxModelBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	if len(raw) > maxModelBytes {
		return nil, fmt.Errorf("%w: more than %d bytes uncompressed", ErrModel, maxModelBytes)
	}
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, fmt.Errorf("%w: not a dyad parser model", ErrModel)
	}
	d := &decoder{b: raw[len(magic):]}
	m := &Model{}
	m.upos = d.strs()
	m.xpos = d.strs()
	m.labels = d.strs()
	if d.err == nil && (len(m.upos) != len(m.xpos) || len(m.upos) == 0 || len(m.upos) > 1000 || len(m.labels) == 0 || len(m.labels) > 63) {
		d.err = errors.New("bad tag or label inventory")
	}
	n := d.count(1 << 24)
	m.lex = &tagLex{amb: make(map[string]uint64, n), fixed: map[string]int{}, lower: map[string]bool{}}
	for i := 0; i < n && d.err == nil; i++ {
		w := d.str()
		m.lex.amb[w] = d.uvarint()
	}
	n = d.count(1 << 24)
	for i := 0; i < n && d.err == nil; i++ {
		w := d.str()
		m.lex.fixed[w] = d.value(len(m.upos) - 1)
	}
	for _, w := range d.strs() {
		m.lex.lower[w] = true
	}
	m.tagW = d.table(len(m.upos))
	m.tagW2 = d.table(len(m.upos))
	m.parseW = d.table(nActions)
	m.labelW = d.table(len(m.labels))
	m.lem = decodeLemmatizer(d, len(m.upos))
	if d.err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, d.err)
	}
	m.init()
	return m, nil
}

// Load reads a model written by Marshal from r.
func Load(r io.Reader) (*Model, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	return Unmarshal(b)
}
