package ingest_test

import (
	"reflect"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
)

func TestReadText(t *testing.T) {
	tests := []struct {
		name string
		path string
		data string
		want *dyad.Article
		err  *wantErr
	}{
		{
			name: "byte for byte",
			path: "in/kerry.txt",
			data: "Minister arrives in Belgrade\n\n  The minister arrived on Thursday.  \n",
			want: &dyad.Article{Doc: "kerry", Text: "Minister arrives in Belgrade\n\n  The minister arrived on Thursday.  \n", Origin: dyad.Origin{Path: "in/kerry.txt"}},
		},
		{
			name: "CRLF kept",
			path: "a.txt",
			data: "Line one.\r\nLine two.\r\n",
			want: &dyad.Article{Doc: "a", Text: "Line one.\r\nLine two.\r\n", Origin: dyad.Origin{Path: "a.txt"}},
		},
		{
			name: "byte order mark removed",
			path: "a.txt",
			data: "\uFEFFTroops withdrew.",
			want: &dyad.Article{Doc: "a", Text: "Troops withdrew.", Origin: dyad.Origin{Path: "a.txt"}},
		},
		{
			name: "only the last extension is dropped from the id",
			path: "2016/05/04.afp.txt",
			data: "x",
			want: &dyad.Article{Doc: "04.afp", Text: "x", Origin: dyad.Origin{Path: "2016/05/04.afp.txt"}},
		},
		{
			name: "invalid UTF-8",
			path: "latin1.txt",
			data: "Talks in Z\xfcrich ended.",
			err:  &wantErr{"latin1.txt: invalid UTF-8 at byte 10", 0, 10, ingest.ErrEncoding},
		},
		{
			name: "invalid UTF-8 offset counts the byte order mark",
			path: "latin1.txt",
			data: "\uFEFFZ\xfcrich",
			err:  &wantErr{"latin1.txt: invalid UTF-8 at byte 4", 0, 4, ingest.ErrEncoding},
		},
		{
			name: "truncated sequence at the end",
			path: "cut.txt",
			data: "caf\xc3",
			err:  &wantErr{"cut.txt: invalid UTF-8 at byte 3", 0, 3, ingest.ErrEncoding},
		},
		{
			name: "empty",
			path: "empty.txt",
			data: " \n\t\n",
			err:  &wantErr{"empty.txt: empty text", 0, -1, ingest.ErrNoText},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ingest.ReadText(tt.path, []byte(tt.data))
			if tt.err != nil {
				if a != nil {
					t.Fatalf("got article %+v, want error", *a)
				}
				checkErr(t, err, *tt.err)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a, tt.want) {
				t.Errorf("\n got %+v\nwant %+v", *a, *tt.want)
			}
		})
	}
}
