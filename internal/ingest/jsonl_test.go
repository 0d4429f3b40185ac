package ingest_test

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
)

// item is one call of a reader's callback: an article or an error.
type item struct {
	a   *dyad.Article
	err error
}

// collect returns a callback that records its calls in *items.
func collect(items *[]item) func(*dyad.Article, error) error {
	return func(a *dyad.Article, err error) error {
		*items = append(*items, item{a, err})
		return nil
	}
}

// wantErr describes an expected *ingest.Error.
type wantErr struct {
	msg    string
	line   int
	offset int
	kind   error
}

// checkErr fails t unless err is an *ingest.Error matching w.
func checkErr(t *testing.T, err error, w wantErr) {
	t.Helper()
	var ie *ingest.Error
	if !errors.As(err, &ie) {
		t.Fatalf("error %v (%T) is not an *ingest.Error", err, err)
	}
	if err.Error() != w.msg {
		t.Errorf("message\n got %q\nwant %q", err.Error(), w.msg)
	}
	if ie.Line != w.line || ie.Offset != w.offset {
		t.Errorf("line, offset = %d, %d; want %d, %d", ie.Line, ie.Offset, w.line, w.offset)
	}
	if w.kind != nil && !errors.Is(err, w.kind) {
		t.Errorf("error %q does not match %v", err, w.kind)
	}
}

func TestReadJSONL(t *testing.T) {
	const path = "data/feed.jsonl"
	origin := func(line int) dyad.Origin { return dyad.Origin{Path: path, Line: line} }
	tests := []struct {
		name  string
		input string
		want  []any // *dyad.Article or wantErr, in order
	}{
		{
			name:  "all fields",
			input: `{"id":"afp-17","url":"https://news.example.org/a","title":"Rebels seize port","published":"2016-05-04","text":"Rebels seized the port on Tuesday."}` + "\n",
			want: []any{&dyad.Article{Doc: "afp-17", URL: "https://news.example.org/a", Title: "Rebels seize port", Published: "2016-05-04",
				PublishedSource: dyad.PublishedFromInput, Text: "Rebels seize port\n\nRebels seized the port on Tuesday.", Origin: origin(1)}},
		},
		{
			name:  "no title, numeric id, null fields",
			input: `{"id":42,"url":null,"title":null,"published":null,"text":"Talks resumed in Geneva."}`,
			want:  []any{&dyad.Article{Doc: "42", Text: "Talks resumed in Geneva.", Origin: origin(1)}},
		},
		{
			name:  "empty title and empty id count as absent",
			input: `{"id":"","title":"","text":"The minister resigned."}`,
			want:  []any{&dyad.Article{Doc: "feed:1", Text: "The minister resigned.", Origin: origin(1)}},
		},
		{
			name:  "id as a number is kept as written",
			input: `{"id":-1.50e3,"text":"x"}`,
			want:  []any{&dyad.Article{Doc: "-1.50e3", Text: "x", Origin: origin(1)}},
		},
		{
			name:  "no id: base name and line, blank lines counted and skipped",
			input: "\n" + `{"text":"First."}` + "\n  \t\n" + `{"text":"Second."}` + "\n\n",
			want: []any{
				&dyad.Article{Doc: "feed:2", Text: "First.", Origin: origin(2)},
				&dyad.Article{Doc: "feed:4", Text: "Second.", Origin: origin(4)},
			},
		},
		{
			name:  "RFC 3339 dates keep the calendar date as written",
			input: `{"id":"a","published":"2015-12-03T23:30:00-05:00","text":"x"}` + "\n" + `{"id":"b","published":"2015-12-17T08:00:00.123Z","text":"y"}`,
			want: []any{
				&dyad.Article{Doc: "a", Published: "2015-12-03", PublishedSource: dyad.PublishedFromInput, Text: "x", Origin: origin(1)},
				&dyad.Article{Doc: "b", Published: "2015-12-17", PublishedSource: dyad.PublishedFromInput, Text: "y", Origin: origin(2)},
			},
		},
		{
			name:  "CRLF line endings and a byte order mark",
			input: "\uFEFF" + `{"id":"a","text":"One\r\nTwo"}` + "\r\n" + `{"id":"b","text":"Three"}` + "\r\n",
			want: []any{
				&dyad.Article{Doc: "a", Text: "One\r\nTwo", Origin: origin(1)},
				&dyad.Article{Doc: "b", Text: "Three", Origin: origin(2)},
			},
		},
		{
			name:  "unknown fields are ignored",
			input: `{"id":"a","source":"wire","tags":["x"],"text":"Body."}`,
			want:  []any{&dyad.Article{Doc: "a", Text: "Body.", Origin: origin(1)}},
		},
		{
			name:  "a title with an empty text is an article",
			input: `{"id":"a","title":"Ceasefire holds","text":""}`,
			want:  []any{&dyad.Article{Doc: "a", Title: "Ceasefire holds", Text: "Ceasefire holds\n\n", Origin: origin(1)}},
		},
		{
			name:  "truncated line",
			input: `{"id":"a","text":"ok"}` + "\n" + `{"id":"b","text":"cut`,
			want: []any{
				&dyad.Article{Doc: "a", Text: "ok", Origin: origin(1)},
				wantErr{`data/feed.jsonl:2: invalid JSON at byte 21: unexpected end of input`, 2, 21, ingest.ErrNotArticle},
			},
		},
		{
			name:  "invalid character, and the next line still read",
			input: `{"id":"a" "text":"x"}` + "\n" + `{"text":"y"}`,
			want: []any{
				wantErr{`data/feed.jsonl:1: invalid JSON at byte 10: invalid character '"' after object key:value pair`, 1, 10, ingest.ErrNotArticle},
				&dyad.Article{Doc: "feed:2", Text: "y", Origin: origin(2)},
			},
		},
		{
			name:  "offset after a byte order mark counts the mark",
			input: "\uFEFF{,}",
			want:  []any{wantErr{`data/feed.jsonl:1: invalid JSON at byte 4: invalid character ',' looking for beginning of object key string`, 1, 4, ingest.ErrNotArticle}},
		},
		{
			name:  "two objects on one line",
			input: `{"text":"a"} {"text":"b"}`,
			want:  []any{wantErr{`data/feed.jsonl:1: invalid JSON at byte 13: invalid character '{' after top-level value`, 1, 13, ingest.ErrNotArticle}},
		},
		{
			name:  "not an object",
			input: `["text","x"]` + "\n" + `"text"`,
			want: []any{
				wantErr{`data/feed.jsonl:1: not a JSON object but an array`, 1, -1, ingest.ErrNotArticle},
				wantErr{`data/feed.jsonl:2: not a JSON object but a string`, 2, -1, ingest.ErrNotArticle},
			},
		},
		{
			name:  "missing text",
			input: `{"id":"a","title":"Headline only"}`,
			want:  []any{wantErr{`data/feed.jsonl:1: field "text" is missing or null`, 1, -1, ingest.ErrNotArticle}},
		},
		{
			name:  "null text",
			input: `{"id":"a","text":null}`,
			want:  []any{wantErr{`data/feed.jsonl:1: field "text" is missing or null`, 1, -1, ingest.ErrNotArticle}},
		},
		{
			name:  "text not a string",
			input: `{"text":17}` + "\n" + `{"text":["a"]}` + "\n" + `{"text":{"body":"a"}}` + "\n" + `{"text":true}`,
			want: []any{
				wantErr{`data/feed.jsonl:1: field "text" is a number, not a string`, 1, -1, ingest.ErrNotArticle},
				wantErr{`data/feed.jsonl:2: field "text" is an array, not a string`, 2, -1, ingest.ErrNotArticle},
				wantErr{`data/feed.jsonl:3: field "text" is an object, not a string`, 3, -1, ingest.ErrNotArticle},
				wantErr{`data/feed.jsonl:4: field "text" is a boolean, not a string`, 4, -1, ingest.ErrNotArticle},
			},
		},
		{
			name:  "title not a string",
			input: `{"title":5,"text":"x"}`,
			want:  []any{wantErr{`data/feed.jsonl:1: field "title" is a number, not a string`, 1, -1, ingest.ErrNotArticle}},
		},
		{
			name:  "id neither string nor number",
			input: `{"id":true,"text":"x"}` + "\n" + `{"id":{"n":1},"text":"x"}`,
			want: []any{
				wantErr{`data/feed.jsonl:1: field "id" is a boolean, not a string or a number`, 1, -1, ingest.ErrNotArticle},
				wantErr{`data/feed.jsonl:2: field "id" is an object, not a string or a number`, 2, -1, ingest.ErrNotArticle},
			},
		},
		{
			name:  "bad published date",
			input: `{"published":"03/12/2015","text":"x"}` + "\n" + `{"published":"2015-02-30","text":"x"}` + "\n" + `{"published":"2015-12-03T25:00:00Z","text":"x"}`,
			want: []any{
				wantErr{`data/feed.jsonl:1: field "published": "03/12/2015" is not YYYY-MM-DD or RFC 3339`, 1, -1, ingest.ErrNotArticle},
				wantErr{`data/feed.jsonl:2: field "published": "2015-02-30" is not YYYY-MM-DD or RFC 3339`, 2, -1, ingest.ErrNotArticle},
				wantErr{`data/feed.jsonl:3: field "published": "2015-12-03T25:00:00Z" is not YYYY-MM-DD or RFC 3339`, 3, -1, ingest.ErrNotArticle},
			},
		},
		{
			name:  "empty text and no title",
			input: `{"id":"a","text":"  \n "}`,
			want:  []any{wantErr{`data/feed.jsonl:1: field "text" is empty and there is no title`, 1, -1, ingest.ErrNoText}},
		},
		{
			name:  "invalid UTF-8",
			input: `{"id":"a","text":"caf` + "\xe9" + ` au lait"}`,
			want:  []any{wantErr{`data/feed.jsonl:1: invalid UTF-8 at byte 21`, 1, 21, ingest.ErrEncoding}},
		},
		{
			name:  "empty input",
			input: "",
			want:  nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []item
			if err := ingest.ReadJSONL(strings.NewReader(tt.input), path, collect(&got)); err != nil {
				t.Fatalf("ReadJSONL: %v", err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d calls, want %d: %v", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				switch w := w.(type) {
				case *dyad.Article:
					if got[i].err != nil {
						t.Fatalf("call %d: error %v, want article", i, got[i].err)
					}
					if !reflect.DeepEqual(got[i].a, w) {
						t.Errorf("call %d:\n got %+v\nwant %+v", i, *got[i].a, *w)
					}
				case wantErr:
					if got[i].a != nil {
						t.Fatalf("call %d: article %+v, want error %q", i, *got[i].a, w.msg)
					}
					checkErr(t, got[i].err, w)
				}
			}
		})
	}
}

func TestReadJSONLLongLines(t *testing.T) {
	// Lines far beyond bufio.Scanner's 64 KiB limit, and one exactly at
	// the reader's buffer size, must come through whole.
	var sb strings.Builder
	var texts []string
	for i, n := range []int{3 << 20, 64<<10 - len(`{"text":""}`), 100, 1 << 20} {
		text := strings.Repeat(fmt.Sprintf("Sentence %d about the talks. ", i), n/28+1)[:n]
		texts = append(texts, text)
		fmt.Fprintf(&sb, "{\"text\":%q}\n", text)
	}
	var got []item
	if err := ingest.ReadJSONL(strings.NewReader(sb.String()), "long.jsonl", collect(&got)); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(texts) {
		t.Fatalf("got %d calls, want %d", len(got), len(texts))
	}
	for i, it := range got {
		if it.err != nil {
			t.Fatalf("line %d: %v", i+1, it.err)
		}
		if it.a.Text != texts[i] || it.a.Origin.Line != i+1 {
			t.Errorf("line %d: text of %d bytes at line %d, want %d bytes", i+1, len(it.a.Text), it.a.Origin.Line, len(texts[i]))
		}
	}
}

func TestReadJSONLStops(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	input := `{"text":"a"}` + "\n" + `{"text":"b"}` + "\n" + `{"text":"c"}` + "\n"
	err := ingest.ReadJSONL(strings.NewReader(input), "x.jsonl", func(a *dyad.Article, err error) error {
		calls++
		if calls == 2 {
			return stop
		}
		return nil
	})
	if err != stop || calls != 2 {
		t.Errorf("ReadJSONL = %v after %d calls; want %v after 2", err, calls, stop)
	}
}

// failingReader returns its data, then err.
type failingReader struct {
	data string
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestReadJSONLReadError(t *testing.T) {
	broken := errors.New("connection reset")
	r := &failingReader{data: `{"text":"a"}` + "\n" + `{"text":"b`, err: broken}
	var got []item
	if err := ingest.ReadJSONL(r, "net.jsonl", collect(&got)); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].err != nil {
		t.Fatalf("got %v, want an article then an error", got)
	}
	checkErr(t, got[1].err, wantErr{"net.jsonl:2: connection reset", 2, -1, broken})
}

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		name string
		err  *ingest.Error
		want string
	}{
		{"line", &ingest.Error{Path: "a.jsonl", Line: 3, Offset: 17, Err: errors.New("bad")}, "a.jsonl:3: bad"},
		{"no line", &ingest.Error{Path: "page.html", Offset: -1, Err: io.ErrUnexpectedEOF}, "page.html: unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
			if !errors.Is(tt.err, tt.err.Err) {
				t.Errorf("Unwrap does not reach %v", tt.err.Err)
			}
		})
	}
}
