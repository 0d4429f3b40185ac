package ingest_test

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
	"golang.org/x/text/encoding/charmap"
)

// newsPage returns a small news page: head, then a headline and the
// paragraphs inside <article>, between navigation and a footer.
func newsPage(head, headline string, paras ...string) string {
	return "<!DOCTYPE html><html><head>" + head + "</head><body>" +
		`<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>` +
		"<article><h1>" + headline + "</h1>\n<p>" + strings.Join(paras, "</p>\n<p>") + "</p></article>" +
		"<footer><p>Copyright The Harbour Gazette. All rights reserved.</p></footer></body></html>"
}

// The pages of the test archives. floodPage and budgetPage state their
// dates in metadata, minersPage states none, and cafePage is
// windows-1252 with its charset given only by the HTTP header.
var (
	floodPage = newsPage(`<title>Flood waters recede in river delta</title><meta property="article:published_time" content="2023-04-11T08:30:00+01:00">`,
		"Flood waters recede in river delta",
		"Flood waters began to recede across the southern river delta on Tuesday, allowing the first families to return to villages that were evacuated last week, regional officials said.",
		"The regional governor said emergency crews had repaired two breached embankments overnight and that pumping stations were running at full capacity again.",
		"Relief agencies warned that drinking water remained scarce in the worst-hit districts and appealed for more tanker trucks to be sent from neighbouring provinces.")
	budgetPage = newsPage(`<title>Parliament approves budget after all-night session</title><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-11-30T06:10:00Z"}</script>`,
		"Parliament approves budget after all-night session",
		"Lawmakers approved the national budget early on Wednesday after an all-night session in which the opposition tabled more than two hundred amendments, the speaker's office said.",
		"The finance minister told reporters the plan would cut the deficit by a third within two years while protecting spending on schools and hospitals.",
		"Opposition leaders called the vote rushed and said they would challenge several tax measures before the constitutional court in the new year.")
	minersPage = newsPage(`<title>Miners return to work as pay dispute ends</title>`,
		"Miners return to work as pay dispute ends",
		"Thousands of coal miners returned to work on Monday after their union accepted a revised pay offer, ending a dispute that had shut the country's largest pits for a month.",
		"The union's president said members had voted by a large majority to accept a nine per cent rise spread over two years, along with new safety commitments.",
		"Mine owners said production would return to normal levels by the end of the week, easing fears of power shortages as the winter approached.")
	cafePage = newsPage(`<title>Café owners protest new tax</title><meta name="date" content="2024-02-02">`,
		"Café owners protest new tax",
		"Hundreds of café owners closed their doors for an hour on Friday in protest at a new tax on outdoor seating, their association said.",
		"The city council defended the measure, saying the money would pay for wider pavements and new street lighting in the old town.",
		"Owners said the tax would cost a typical café the equivalent of a month's takings every year.")
)

// warcRecord is one record of a test archive.
type warcRecord struct {
	typ, uri, id, date, contentType string
	extra                           []string // more header lines
	block                           []byte
}

// bytes renders the record as WARC/1.1 with CRLF line ends.
func (r warcRecord) bytes() []byte {
	var b bytes.Buffer
	b.WriteString("WARC/1.1\r\nWARC-Type: " + r.typ + "\r\n")
	if r.id != "" {
		b.WriteString("WARC-Record-ID: <" + r.id + ">\r\n")
	}
	date := r.date
	if date == "" {
		date = "2025-01-15T12:00:00Z"
	}
	b.WriteString("WARC-Date: " + date + "\r\n")
	if r.uri != "" {
		b.WriteString("WARC-Target-URI: " + r.uri + "\r\n")
	}
	if r.contentType != "" {
		b.WriteString("Content-Type: " + r.contentType + "\r\n")
	}
	for _, l := range r.extra {
		b.WriteString(l + "\r\n")
	}
	b.WriteString("Content-Length: " + strconv.Itoa(len(r.block)) + "\r\n\r\n")
	b.Write(r.block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// httpResponse renders an HTTP response with the given header lines.
func httpResponse(status int, body []byte, header ...string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %d Status\r\n", status)
	for _, h := range header {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

// response is a response record for uri holding an HTTP response.
func response(id, uri string, http []byte) warcRecord {
	return warcRecord{typ: "response", uri: uri, id: id, contentType: "application/http; msgtype=response", block: http}
}

// chunked applies chunked transfer encoding with chunks of size bytes.
func chunked(b []byte, size int) []byte {
	var out bytes.Buffer
	for len(b) > 0 {
		n := min(size, len(b))
		fmt.Fprintf(&out, "%x;ext=1\r\n", n)
		out.Write(b[:n])
		out.WriteString("\r\n")
		b = b[n:]
	}
	out.WriteString("0\r\nX-Trailer: yes\r\n\r\n")
	return out.Bytes()
}

func gzipBytes(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

func zlibBytes(b []byte) []byte {
	var out bytes.Buffer
	zw := zlib.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

func cp1252(t testing.TB, s string) []byte {
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// layout is how a test archive is compressed.
type layout int

const (
	plain        layout = iota
	perRecord           // a gzip member per record, as Common Crawl writes
	oneMember           // the whole file in one gzip member
	splitMembers        // gzip members of 300 bytes, cutting records anywhere
	mixedMembers        // a member per record, but two records in the third
	numberOfLayouts
)

func (l layout) String() string {
	return [...]string{"uncompressed", "gzip per record", "one gzip member", "gzip members of 300 bytes", "mixed gzip members"}[l]
}

// archive builds an archive of parts, each a rendered record or junk, and
// returns it with the offset that names each part in errors.
func archive(l layout, parts ...[]byte) ([]byte, []int) {
	var out bytes.Buffer
	offs := make([]int, len(parts))
	switch l {
	case plain:
		for i, p := range parts {
			offs[i] = out.Len()
			out.Write(p)
		}
	case perRecord:
		for i, p := range parts {
			offs[i] = out.Len()
			out.Write(gzipBytes(p))
		}
	case oneMember, splitMembers:
		out.Write(bytes.Join(parts, nil))
		all := out.Bytes()
		out = bytes.Buffer{}
		size := len(all)
		if l == splitMembers {
			size = 300
		}
		for len(all) > 0 {
			n := min(size, len(all))
			out.Write(gzipBytes(all[:n]))
			all = all[n:]
		}
	case mixedMembers:
		for i := 0; i < len(parts); i++ {
			offs[i] = out.Len()
			p := parts[i]
			if i == 2 && i+1 < len(parts) {
				offs[i+1] = out.Len()
				p = append(append([]byte(nil), p...), parts[i+1]...)
				i++
			}
			out.Write(gzipBytes(p))
		}
	}
	return out.Bytes(), offs
}

// testRecords are the records of the standard test archive: four pages
// among records that are no pages.
func testRecords(t testing.TB) [][]byte {
	html := "Content-Type: text/html; charset=utf-8"
	return [][]byte{
		warcRecord{typ: "warcinfo", id: "urn:uuid:info", contentType: "application/warc-fields", block: []byte("software: test\r\nformat: WARC File Format 1.1\r\n")}.bytes(),
		warcRecord{typ: "request", uri: "https://gazette.example/delta/floods", id: "urn:uuid:req1", contentType: "application/http; msgtype=request",
			block: []byte("GET /delta/floods HTTP/1.1\r\nHost: gazette.example\r\n\r\n")}.bytes(),
		response("urn:uuid:flood", "https://gazette.example/delta/floods", httpResponse(200, []byte(floodPage), html, "Content-Length: "+strconv.Itoa(len(floodPage)))).bytes(),
		warcRecord{typ: "metadata", uri: "https://gazette.example/delta/floods", id: "urn:uuid:meta1", contentType: "application/warc-fields", block: []byte("fetchTimeMs: 120\r\n")}.bytes(),
		response("urn:uuid:missing", "https://gazette.example/missing", httpResponse(404, []byte(newsPage("<title>Not found</title>", "Page not found", "The page you asked for does not exist on this site any more, and it may never have existed at all.")), html)).bytes(),
		response("urn:uuid:moved", "http://gazette.example/budget", httpResponse(301, []byte("<html><body>Moved</body></html>"), "Location: https://gazette.example/budget", html)).bytes(),
		response("urn:uuid:budget", "https://gazette.example/politics/budget", httpResponse(200, chunked([]byte(budgetPage), 500), "Content-Type: application/xhtml+xml", "Transfer-Encoding: chunked")).bytes(),
		response("urn:uuid:logo", "https://gazette.example/logo.png", httpResponse(200, []byte("\x89PNG\r\n\x1a\nnot really"), "Content-Type: image/png")).bytes(),
		response("urn:uuid:miners", "https://gazette.example/business/miners", httpResponse(200, gzipBytes([]byte(minersPage)), html, "Content-Encoding: gzip")).bytes(),
		warcRecord{typ: "revisit", uri: "https://gazette.example/delta/floods", id: "urn:uuid:revisit", contentType: "application/http; msgtype=response",
			extra: []string{"WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"}, block: httpResponse(200, nil, html)}.bytes(),
		response("urn:uuid:cafe", "https://gazette.example/city/cafes", httpResponse(200, cp1252(t, cafePage), "Content-Type: text/html; charset=windows-1252", "X-Crawler-Content-Encoding: gzip")).bytes(),
	}
}

// articleSummary renders an article's fields that WARC reading sets.
func articleSummary(a *dyad.Article) string {
	return fmt.Sprintf("%s %s %q %s/%s", a.Doc, a.URL, a.Title, a.Published, a.PublishedSource)
}

// testArticles are the articles of testRecords, in order.
var testArticles = []string{
	`urn:uuid:flood https://gazette.example/delta/floods "Flood waters recede in river delta" 2023-04-11/input`,
	`urn:uuid:budget https://gazette.example/politics/budget "Parliament approves budget after all-night session" 2022-11-30/input`,
	`urn:uuid:miners https://gazette.example/business/miners "Miners return to work as pay dispute ends" 2025-01-15/crawl`,
	`urn:uuid:cafe https://gazette.example/city/cafes "Café owners protest new tax" 2024-02-02/input`,
}

func readAll(t testing.TB, data []byte, path string) []item {
	t.Helper()
	var got []item
	if err := ingest.ReadWARC(bytes.NewReader(data), path, collect(&got)); err != nil {
		t.Fatalf("ReadWARC: %v", err)
	}
	return got
}

// outcome renders the calls of a callback: an article summary, or
// "error@offset: message".
func outcome(items []item) []string {
	var out []string
	for _, it := range items {
		if it.err != nil {
			var ie *ingest.Error
			if !errors.As(it.err, &ie) {
				out = append(out, "bad error type: "+it.err.Error())
				continue
			}
			out = append(out, fmt.Sprintf("error@%d: %s", ie.Offset, it.err))
			continue
		}
		out = append(out, articleSummary(it.a))
	}
	return out
}

// checkOutcome compares the outcome of got with want, where a want ending
// in "…" matches any string it starts.
func checkOutcome(t *testing.T, got []item, want []string) {
	t.Helper()
	s := outcome(got)
	for i := range min(len(s), len(want)) {
		if p, ok := strings.CutSuffix(want[i], "…"); ok && strings.HasPrefix(s[i], p) {
			s[i] = want[i]
		}
	}
	if !equalStrings(s, want) {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(s, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestReadWARC(t *testing.T) {
	for l := range numberOfLayouts {
		t.Run(l.String(), func(t *testing.T) {
			data, _ := archive(l, testRecords(t)...)
			got := readAll(t, data, "crawl/news.warc.gz")
			checkOutcome(t, got, testArticles)
			for _, it := range got {
				if it.a == nil {
					continue
				}
				if it.a.Origin != (dyad.Origin{Path: "crawl/news.warc.gz"}) {
					t.Errorf("%s: origin %+v", it.a.Doc, it.a.Origin)
				}
				if !strings.HasPrefix(it.a.Text, it.a.Title+"\n\n") || strings.Contains(it.a.Text, "Copyright") || strings.Contains(it.a.Text, "Sport") {
					t.Errorf("%s: text %q", it.a.Doc, it.a.Text)
				}
			}
		})
	}
}

func TestReadWARCPayloads(t *testing.T) {
	body := []byte(minersPage)
	const want = `urn:uuid:p https://gazette.example/p "Miners return to work as pay dispute ends" 2025-01-15/crawl`
	tests := []struct {
		name string
		rec  warcRecord
		want string // "" for a skipped record
	}{
		{"plain", response("urn:uuid:p", "https://gazette.example/p", httpResponse(200, body, "Content-Type: text/html")), want},
		{"LF line ends", response("urn:uuid:p", "https://gazette.example/p", bytes.ReplaceAll(httpResponse(200, body, "Content-Type: text/html"), []byte("\r\n"), []byte("\n"))), want},
		{"chunked", response("urn:uuid:p", "https://gazette.example/p", httpResponse(200, chunked(body, 64), "Content-Type: text/html", "Transfer-Encoding: chunked")), want},
		{"chunked, already dechunked", response("urn:uuid:p", "https://gazette.example/p", httpResponse(200, body, "Content-Type: text/html", "Transfer-Encoding: chunked")), want},
		{"gzip", response("urn:uuid:p", "https://gazette.example/p", httpResponse(200, gzipBytes(body), "Content-Type: text/html", "Content-Encoding: gzip")), want},
		{"gzip, chunked", response("urn:uuid:p", "https://gazette.example/p", httpResponse(200, chunked(gzipBytes(body), 100), "Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip")), want},
		{"gzip, already decoded", response("urn:uuid:p", "https://gazette.example/p", httpResponse(200, body, "Content-Type: text/html", "Content-Encoding: gzip")), want},
		{"deflate (zlib)", response("urn:uuid:p", "https://gazette.example/p", httpResponse(200, zlibBytes(body), "Content-Type: text/html", "Content-Encoding: deflate")), want},
		{"brotli, already decoded", response("urn:uuid:p", "https://gazette.example/p", httpResponse(200, body, "Content-Type: text/html", "Content-Encoding: br")), want},
		{"type from WARC-Identified-Payload-Type", warcRecord{typ: "response", uri: "https://gazette.example/p", id: "urn:uuid:p", contentType: "application/http;msgtype=response",
			extra: []string{"WARC-Identified-Payload-Type: text/html"}, block: httpResponse(200, body)}, want},
		{"resource record", warcRecord{typ: "resource", uri: "https://gazette.example/p", id: "urn:uuid:p", contentType: "text/html", block: body}, want},
		{"no record id", warcRecord{typ: "response", uri: "https://gazette.example/p", contentType: "application/http", block: httpResponse(200, body, "Content-Type: text/html")},
			`news#0 https://gazette.example/p "Miners return to work as pay dispute ends" 2025-01-15/crawl`},
		{"target in angle brackets", response("urn:uuid:p", "<https://gazette.example/p>", httpResponse(200, body, "Content-Type: text/html")), want},
		{"not found", response("urn:uuid:p", "https://gazette.example/p", httpResponse(404, body, "Content-Type: text/html")), ""},
		{"redirect", response("urn:uuid:p", "https://gazette.example/p", httpResponse(302, body, "Content-Type: text/html", "Location: /q")), ""},
		{"PDF", response("urn:uuid:p", "https://gazette.example/p", httpResponse(200, []byte("%PDF-1.4"), "Content-Type: application/pdf")), ""},
		{"no content type", response("urn:uuid:p", "https://gazette.example/p", httpResponse(200, body)), ""},
		{"DNS record", warcRecord{typ: "response", uri: "dns:gazette.example", id: "urn:uuid:p", contentType: "text/dns", block: []byte("gazette.example. 300 IN A 192.0.2.1")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, l := range []layout{plain, perRecord} {
				got := readAll(t, archivedOnly(l, tt.rec.bytes()), "news.warc")
				var want []string
				if tt.want != "" {
					want = []string{tt.want}
				}
				checkOutcome(t, got, want)
			}
		})
	}
}

func archivedOnly(l layout, parts ...[]byte) []byte {
	data, _ := archive(l, parts...)
	return data
}

func TestReadWARCPageErrors(t *testing.T) {
	empty := response("urn:uuid:empty", "https://gazette.example/empty", httpResponse(200, []byte("<html><body></body></html>"), "Content-Type: text/html")).bytes()
	latin := response("urn:uuid:latin", "https://gazette.example/latin", httpResponse(200, cp1252(t, cafePage), "Content-Type: text/html")).bytes()
	zstd := response("urn:uuid:zstd", "https://gazette.example/zstd", httpResponse(200, []byte{0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3}, "Content-Type: text/html", "Content-Encoding: zstd")).bytes()
	badGzip := response("urn:uuid:badgz", "https://gazette.example/badgz", httpResponse(200, []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 0xde, 0xad}, "Content-Type: text/html", "Content-Encoding: gzip")).bytes()
	good := response("urn:uuid:flood", "https://gazette.example/delta/floods", httpResponse(200, []byte(floodPage), "Content-Type: text/html")).bytes()
	data, offs := archive(perRecord, empty, latin, zstd, badGzip, good)
	got := readAll(t, data, "x.warc.gz")
	checkOutcome(t, got, []string{
		fmt.Sprintf("error@%d: x.warc.gz: record at byte %d (https://gazette.example/empty): no main text found…", offs[0], offs[0]),
		fmt.Sprintf("error@%d: x.warc.gz: record at byte %d (https://gazette.example/latin): invalid UTF-8 at byte 37", offs[1], offs[1]),
		fmt.Sprintf(`error@%d: x.warc.gz: record at byte %d (https://gazette.example/zstd): content encoding "zstd" is not supported`, offs[2], offs[2]),
		fmt.Sprintf(`error@%d: x.warc.gz: record at byte %d (https://gazette.example/badgz): bad gzip payload: flate: corrupt input before offset 1`, offs[3], offs[3]),
		testArticles[0],
	})
	for i, kind := range []error{ingest.ErrNoText, ingest.ErrEncoding, ingest.ErrEncoding, ingest.ErrEncoding} {
		if !errors.Is(got[i].err, kind) {
			t.Errorf("error %d %q does not match %v", i, got[i].err, kind)
		}
	}
}

func TestReadWARCBrokenRecords(t *testing.T) {
	recs := testRecords(t)
	flood, budget, miners := recs[2], recs[6], recs[8]
	badLength := bytes.Replace(recs[8], []byte("Content-Length: "), []byte("Content-Length: x"), 1)
	noLength := bytes.Replace(recs[8], []byte("Content-Length: "), []byte("Content-Size: "), 1)
	junk := []byte("<html>this is no WARC record\r\nbut a page saved by mistake\r\n</html>\r\n")
	tests := []struct {
		name   string
		layout layout
		parts  [][]byte
		want   func(offs []int) []string
	}{
		{"junk record between members", perRecord, [][]byte{flood, junk, budget}, func(o []int) []string {
			return []string{testArticles[0], fmt.Sprintf(`error@%d: w: record at byte %d: not a WARC record: it starts with "<html>this is no WARC record\r\n"`, o[1], o[1]), testArticles[1]}
		}},
		{"junk lines between records", plain, [][]byte{flood, junk, budget}, func(o []int) []string {
			return []string{testArticles[0], fmt.Sprintf(`error@%d: w: record at byte %d: not a WARC record: it starts with "<html>this is no WARC record\r\n"`, o[1], o[1]), testArticles[1]}
		}},
		{"bad Content-Length", perRecord, [][]byte{flood, badLength, budget}, func(o []int) []string {
			return []string{testArticles[0], fmt.Sprintf(`error@%d: w: record at byte %d: WARC header has a bad Content-Length "x%d"`, o[1], o[1], lengthOfBlock(miners)), testArticles[1]}
		}},
		{"no Content-Length, uncompressed", plain, [][]byte{flood, noLength, budget}, func(o []int) []string {
			return []string{testArticles[0], fmt.Sprintf(`error@%d: w: record at byte %d: WARC header has no Content-Length`, o[1], o[1]), testArticles[1]}
		}},
		{"bad header line", plain, [][]byte{flood, bytes.Replace(miners, []byte("WARC-Date:"), []byte("WARC-Date"), 1), budget}, func(o []int) []string {
			return []string{testArticles[0], fmt.Sprintf(`error@%d: w: record at byte %d: malformed WARC header line "WARC-Date 2025-01-15T12:00:00Z"`, o[1], o[1]), testArticles[1]}
		}},
		{"bad record second in its member", mixedMembers, [][]byte{flood, budget, miners, badLength, flood}, func(o []int) []string {
			return []string{testArticles[0], testArticles[1], testArticles[2],
				fmt.Sprintf(`error@%d: w: record at byte %d of the gzip member at byte %d: WARC header has a bad Content-Length "x%d"`, o[2], len(miners), o[2], lengthOfBlock(miners)), testArticles[0]}
		}},
		{"junk in a member holding two records", mixedMembers, [][]byte{flood, budget, junk, miners, flood}, func(o []int) []string {
			return []string{testArticles[0], testArticles[1], fmt.Sprintf(`error@%d: w: record at byte %d: not a WARC record: it starts with "<html>this is no WARC record\r\n"`, o[2], o[2]), testArticles[2], testArticles[0]}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, offs := archive(tt.layout, tt.parts...)
			checkOutcome(t, readAll(t, data, "w"), tt.want(offs))
		})
	}
}

// lengthOfBlock returns the Content-Length of a rendered record.
func lengthOfBlock(rec []byte) int {
	_, v, _ := bytes.Cut(rec, []byte("Content-Length: "))
	v, _, _ = bytes.Cut(v, []byte("\r\n"))
	n, _ := strconv.Atoi(string(v))
	return n
}

func TestReadWARCDamagedFiles(t *testing.T) {
	recs := testRecords(t)
	flood, budget := recs[2], recs[6]
	perRec, offs := archive(perRecord, flood, budget, flood)
	whole := archivedOnly(plain, flood, budget, flood)
	// Corrupt the deflate data in the middle of the second member.
	corrupt := append([]byte(nil), perRec...)
	for i := offs[1] + 40; i < offs[1]+80; i++ {
		corrupt[i] = 0xff
	}
	// Claim a header checksum in the second member, which it lacks.
	badHeader := append([]byte(nil), perRec...)
	badHeader[offs[1]+3] |= 0x02
	junkBetween := append(append(append([]byte(nil), perRec[:offs[1]]...), "\x00\x01garbage\x1f\x8b"...), perRec[offs[1]:]...)
	tests := []struct {
		name string
		data []byte
		want []string
	}{
		{"gzip cut inside the second member", perRec[:offs[1]+100], []string{testArticles[0],
			fmt.Sprintf("error@%d: t: the file ends inside the gzip member at byte %d", offs[1], offs[1])}},
		{"gzip cut inside a header", perRec[:offs[1]+5], []string{testArticles[0],
			fmt.Sprintf("error@%d: t: the file ends inside the gzip header at byte %d", offs[1], offs[1])}},
		{"uncompressed cut inside a block", whole[:len(flood)+300], []string{testArticles[0],
			fmt.Sprintf("error@%d: t: record at byte %d: the file ends inside the record", len(flood), len(flood))}},
		{"uncompressed cut inside a header", whole[:len(flood)+30], []string{testArticles[0],
			fmt.Sprintf("error@%d: t: record at byte %d: the file ends inside the record", len(flood), len(flood))}},
		{"corrupt member", corrupt, []string{testArticles[0],
			fmt.Sprintf("error@%d: t: corrupt gzip member at byte %d: flate: corrupt input before offset …", offs[1], offs[1]), testArticles[0]}},
		{"bytes between members", junkBetween, []string{testArticles[0],
			fmt.Sprintf("error@%d: t: 11 bytes that are not gzip data", offs[1]), testArticles[1], testArticles[0]}},
		{"junk at the end", append(append([]byte(nil), perRec...), "\n\x00\x00"...), []string{testArticles[0], testArticles[1], testArticles[0],
			fmt.Sprintf("error@%d: t: 3 bytes at the end of the file are not gzip data", len(perRec))}},
		{"bad gzip header", badHeader, []string{testArticles[0],
			fmt.Sprintf("error@%d: t: bad gzip header at byte %d: gzip: invalid header", offs[1], offs[1]), testArticles[0]}},
		{"not a WARC file", gzipBytes([]byte(floodPage)), []string{
			`error@0: t: record at byte 0: not a WARC record: it starts with "<!DOCTYPE html><html><head><title>Flood "`}},
		{"empty", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkOutcome(t, readAll(t, tt.data, "t"), tt.want)
		})
	}
}

func TestReadWARCStops(t *testing.T) {
	data := archivedOnly(perRecord, testRecords(t)...)
	stop := errors.New("stop")
	calls := 0
	err := ingest.ReadWARC(bytes.NewReader(data), "s", func(*dyad.Article, error) error {
		calls++
		if calls == 2 {
			return stop
		}
		return nil
	})
	if err != stop || calls != 2 {
		t.Errorf("ReadWARC = %v after %d calls, want %v after 2", err, calls, stop)
	}
}
