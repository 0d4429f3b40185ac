package ingest_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
)

// writeFiles creates files under dir; a name ending in "/" is a directory.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// summary renders a callback's calls as "doc@path:line" for articles and
// "error: message" for errors, with dir removed from paths.
func summary(items []item, dir string) []string {
	if dir == "" {
		dir = "\x00" // nothing to remove
	}
	var out []string
	for _, it := range items {
		if it.err != nil {
			out = append(out, "error: "+strings.ReplaceAll(it.err.Error(), dir+string(filepath.Separator), ""))
			continue
		}
		rel := strings.TrimPrefix(it.a.Origin.Path, dir+string(filepath.Separator))
		out = append(out, it.a.Doc+"@"+filepath.ToSlash(rel)+":"+strconv.Itoa(it.a.Origin.Line))
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestWalkDirectory(t *testing.T) {
	dir := t.TempDir()
	news := string(readTestdata(t, "news.html"))
	writeFiles(t, dir, map[string]string{
		"b/2.txt":          "Second article.",
		"b/10.txt":         "Tenth article.",
		"a.txt":            "First article.",
		"c.jsonl":          `{"id":"c1","text":"One."}` + "\n" + `{"id":` + "\n" + `{"text":"Three."}` + "\n",
		"d.html":           news,
		"e.HTM":            news,
		"f.TXT":            "Upper-case extension.",
		"notes.md":         "# Not an article",
		"data.json":        `{"text":"not JSON Lines by name"}`,
		".hidden.txt":      "Hidden file.",
		".git/config.txt":  "Hidden directory.",
		"sub/.cache/x.txt": "Hidden directory below.",
		"sub/z.txt":        "Last article.",
		"sub/empty.txt":    "",
		"sub/latin1.txt":   "Z\xfcrich",
		"sub/emptydir/":    "",
	})
	var got []item
	if err := ingest.Walk(context.Background(), []string{dir}, nil, collect(&got)); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"a@a.txt:0",
		"10@b/10.txt:0",
		"2@b/2.txt:0",
		"c1@c.jsonl:1",
		"error: c.jsonl:2: invalid JSON at byte 6: unexpected end of input",
		"c:3@c.jsonl:3",
		"d@d.html:0",
		"e@e.HTM:0",
		"f@f.TXT:0",
		"error: sub/empty.txt: empty text",
		"error: sub/latin1.txt: invalid UTF-8 at byte 1",
		"z@sub/z.txt:0",
	}
	if s := summary(got, dir); !equalStrings(s, want) {
		t.Errorf("walk\n got %q\nwant %q", s, want)
	}
}

func TestWalkInputs(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"feed.data":  "\n" + `{"id":"f1","text":"From a sniffed JSON Lines file."}` + "\n" + `{"id":"f2","text":"Second line."}`,
		"page.dat":   "\uFEFF  <!DOCTYPE html>" + page(`<meta property="og:title" content="Sniffed page">`, ""),
		"notes.md":   "{not json} A plain text file starting with a brace.",
		".named.txt": "A hidden file named on its own is read.",
		"art.txt":    "An article.",
	})
	p := func(name string) string { return filepath.Join(dir, name) }
	stdin := strings.NewReader(`{"id":"s1","text":"From standard input."}` + "\n" + `{"text":"Second from stdin."}` + "\n")
	inputs := []string{p("art.txt"), "-", p("missing.txt"), p("feed.data"), p("page.dat"), p("notes.md"), p(".named.txt"), p("art.txt")}
	var got []item
	if err := ingest.Walk(context.Background(), inputs, stdin, collect(&got)); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"art@art.txt:0",
		"s1@stdin:1",
		"stdin:2@stdin:2",
		"error: missing.txt: no such file or directory",
		"f1@feed.data:2",
		"f2@feed.data:3",
		"page@page.dat:0",
		"notes@notes.md:0",
		".named@.named.txt:0",
		"art@art.txt:0",
	}
	if s := summary(got, dir); !equalStrings(s, want) {
		t.Errorf("walk\n got %q\nwant %q", s, want)
	}
	if len(got) == len(want) {
		var ie *ingest.Error
		if err := got[3].err; !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &ie) || ie.Path != p("missing.txt") {
			t.Errorf("missing file: %v, want an *ingest.Error matching fs.ErrNotExist", err)
		}
		if a := got[6].a; a.Title != "Sniffed page" || !strings.HasPrefix(a.Text, "Sniffed page\n\n"+storyParagraphs[0]) {
			t.Errorf("sniffed page read as %+v", *a)
		}
		if a := got[7].a; a.Text != "{not json} A plain text file starting with a brace." {
			t.Errorf("sniffed text read as %q", a.Text)
		}
	}
}

func TestWalkStdinAbsent(t *testing.T) {
	var got []item
	if err := ingest.Walk(context.Background(), []string{"-"}, nil, collect(&got)); err != nil {
		t.Fatal(err)
	}
	if s := summary(got, ""); !equalStrings(s, []string{"error: stdin: no standard input"}) {
		t.Errorf("got %q", s)
	}
}

func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "A.", "b.jsonl": `{"text":"B1"}` + "\n" + `{"text":"B2"}`, "c.txt": "C."})
	stop := errors.New("stop")
	tests := []struct {
		name  string
		after int // fn fails on this call
	}{
		{"in a text file", 1},
		{"inside a JSON Lines file", 2},
		{"at the last", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			err := ingest.Walk(context.Background(), []string{dir, dir}, nil, func(*dyad.Article, error) error {
				calls++
				if calls == tt.after {
					return stop
				}
				return nil
			})
			if err != stop || calls != tt.after {
				t.Errorf("Walk = %v after %d calls, want %v after %d", err, calls, stop, tt.after)
			}
		})
	}
}

func TestWalkCancelled(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "A.", "b.txt": "B."})
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	err := ingest.Walk(ctx, []string{dir}, nil, func(*dyad.Article, error) error {
		calls++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Errorf("Walk = %v after %d calls, want context.Canceled after 1", err, calls)
	}
}

func TestWalkPipe(t *testing.T) {
	// A named input that cannot seek, such as a shell's <(command), is
	// sniffed and read all the same.
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	path := "/dev/fd/" + strconv.Itoa(int(r.Fd()))
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no %s on this system: %v", path, err)
	}
	go func() {
		w.WriteString(`{"id":"p1","text":"Through a pipe."}` + "\n" + `{"id":"p2","text":"Second."}` + "\n")
		w.Close()
	}()
	var got []item
	if err := ingest.Walk(context.Background(), []string{path}, nil, collect(&got)); err != nil {
		t.Fatal(err)
	}
	want := []string{"p1@" + path + ":1", "p2@" + path + ":2"}
	if s := summary(got, ""); !equalStrings(s, want) {
		t.Errorf("got %q, want %q", s, want)
	}
}

func TestWalkArchivesAndFeeds(t *testing.T) {
	dir := t.TempDir()
	records := testRecords(t)
	perRec, _ := archive(perRecord, records...)
	plainWARC, _ := archive(plain, records[2])
	sitemap := `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://gazette.example/</loc></url></urlset>`
	writeFiles(t, dir, map[string]string{
		"a/news.warc.gz":    string(perRec),
		"a/old.WARC":        string(plainWARC),
		"b/gazette.rss":     rssFeed,
		"b/courier.atom":    atomFeed,
		"b/feed.xml":        atomFeed,
		"b/sitemap.xml":     sitemap,
		"named/crawl.dat":   string(perRec),
		"named/capture":     string(plainWARC),
		"named/feed.dat":    "\uFEFF" + rssFeed,
		"named/sitemap.xml": sitemap,
	})
	var got []item
	inputs := []string{filepath.Join(dir, "a"), filepath.Join(dir, "b"), filepath.Join(dir, "named", "crawl.dat"),
		filepath.Join(dir, "named", "capture"), filepath.Join(dir, "named", "feed.dat"), filepath.Join(dir, "named", "sitemap.xml")}
	if err := ingest.Walk(context.Background(), inputs, nil, collect(&got)); err != nil {
		t.Fatal(err)
	}
	rss := []string{
		"https://gazette.example/coast/ferries@%s:0",
		"https://gazette.example/business/port-director@%s:0",
		`error: %s: item 3 ("Photo gallery: the storm in pictures"): no text in its content or description`,
		"%b:4@%s:0",
	}
	var want []string
	for _, f := range []string{"a/news.warc.gz", "named/crawl.dat"} {
		want = append(want, "urn:uuid:flood@a/news.warc.gz:0", "urn:uuid:budget@a/news.warc.gz:0", "urn:uuid:miners@a/news.warc.gz:0", "urn:uuid:cafe@a/news.warc.gz:0")
		for i := range 4 {
			want[len(want)-4+i] = strings.Replace(want[len(want)-4+i], "a/news.warc.gz", f, 1)
		}
		if f == "a/news.warc.gz" {
			want = append(want, "urn:uuid:flood@a/old.WARC:0",
				"tag:courier.example,2024:dam-cracks@b/courier.atom:0", "https://courier.example/library@b/courier.atom:0",
				"tag:courier.example,2024:dam-cracks@b/feed.xml:0", "https://courier.example/library@b/feed.xml:0")
			for _, r := range rss {
				want = append(want, strings.NewReplacer("%s", "b/gazette.rss", "%b", "gazette").Replace(r))
			}
		}
	}
	want = append(want, "urn:uuid:flood@named/capture:0")
	for _, r := range rss {
		want = append(want, strings.NewReplacer("%s", "named/feed.dat", "%b", "feed").Replace(r))
	}
	want = append(want, "error: named/sitemap.xml: not an RSS or Atom feed")
	for i := range want {
		want[i] = strings.ReplaceAll(want[i], "/", string(filepath.Separator))
	}
	s := summary(got, dir)
	for i := range s {
		s[i] = strings.ReplaceAll(s[i], "/", string(filepath.Separator))
	}
	if !equalStrings(s, want) {
		t.Errorf("walk\n got %q\nwant %q", s, want)
	}
}
