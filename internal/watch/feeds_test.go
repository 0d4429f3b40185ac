package watch_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/watch"
)

func TestParseFeeds(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		feeds []watch.Feed
		errs  []string
	}{
		{
			name: "comments and blank lines",
			in: "\uFEFF# world news\n\nhttps://ledger.example/rss.xml\n   # indented comment\n" +
				"http://wire.example/atom.xml#top   # the wire\n",
			feeds: []watch.Feed{{URL: "https://ledger.example/rss.xml", Line: 3}, {URL: "http://wire.example/atom.xml", Line: 5}},
		},
		{
			name:  "a URL listed twice is kept once",
			in:    "https://ledger.example/rss.xml\nhttps://ledger.example/rss.xml\n",
			feeds: []watch.Feed{{URL: "https://ledger.example/rss.xml", Line: 1}},
		},
		{
			name:  "every bad line",
			in:    "ftp://ledger.example/rss.xml\nhttps://ok.example/feed\n/relative/feed.xml\nhttps://a.example/x https://b.example/y\nhttp://%zz\nhttps:///nohost\n",
			feeds: []watch.Feed{{URL: "https://ok.example/feed", Line: 2}},
			errs: []string{
				"feeds.txt:1: URL \"ftp://ledger.example/rss.xml\" is not http or https",
				"feeds.txt:3: URL \"/relative/feed.xml\" is not http or https",
				"feeds.txt:4: one feed URL per line, found 2 words",
				"feeds.txt:5: bad URL \"http://%zz\"",
				"feeds.txt:6: URL \"https:///nohost\" has no host",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feeds, err := watch.ParseFeeds("feeds.txt", strings.NewReader(tt.in))
			if !reflect.DeepEqual(feeds, tt.feeds) {
				t.Errorf("feeds %+v, want %+v", feeds, tt.feeds)
			}
			var got []string
			var list watch.ErrorList
			if errors.As(err, &list) {
				for _, e := range list {
					got = append(got, e.Error())
				}
				if !errors.Is(err, watch.ErrSyntax) {
					t.Error("the error does not wrap ErrSyntax")
				}
			} else if err != nil {
				t.Fatalf("error %v is not an ErrorList", err)
			}
			if !reflect.DeepEqual(got, tt.errs) {
				t.Errorf("errors\n got %q\nwant %q", got, tt.errs)
			}
		})
	}
}

func TestStateSaveLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "watch.json")
	st, err := watch.LoadState(path)
	if err != nil || len(st.Feeds) != 0 || len(st.Items) != 0 {
		t.Fatalf("absent file: %+v, %v; want an empty state", st, err)
	}
	st.Feeds["https://ledger.example/rss.xml"] = watch.FeedState{ETag: `"abc"`, LastModified: "Tue, 01 Mar 2016 09:00:00 GMT"}
	st.Items["https://ledger.example/gone"] = watch.ItemState{Done: true, Reason: "HTTP status 404 Not Found",
		Seen: time.Date(2016, 3, 1, 9, 0, 0, 0, time.UTC)}
	if err := st.Save(path); err != nil {
		t.Fatal(err)
	}
	if err := st.Save(path); err != nil { // over an existing file
		t.Fatal(err)
	}
	back, err := watch.LoadState(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, st) {
		t.Errorf("loaded %+v, want %+v", back, st)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the directory, want the state alone (no temporary file left)", len(entries))
	}
	if err := os.WriteFile(path, []byte("{\"feeds\": [1,"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := watch.LoadState(path); !errors.Is(err, watch.ErrState) {
		t.Errorf("truncated file: %v, want ErrState", err)
	}
}
