package sqlite_test

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/dyad-project/dyad"
)

func TestPutGetRoundTrip(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	in := fixture()
	res, err := db.PutAnalyses(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range in {
		t.Run(a.Doc, func(t *testing.T) {
			got, err := db.GetArticle(ctx, res.IDs[i])
			if err != nil {
				t.Fatal(err)
			}
			if got.ID != res.IDs[i] || got.Hash != dyad.ContentHash(a.Text) {
				t.Errorf("id %d hash %s, want %d %s", got.ID, got.Hash, res.IDs[i], dyad.ContentHash(a.Text))
			}
			if !got.IngestedAt.Equal(time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)) {
				t.Errorf("ingested at %v", got.IngestedAt)
			}
			if got.Text != a.Text {
				t.Errorf("text differs")
			}
			// Para is not part of the JSON; compare it on its own.
			for j := range a.Sentences {
				if got.Sentences[j].Para != a.Sentences[j].Para {
					t.Errorf("sentence %d: para %d, want %d", j, got.Sentences[j].Para, a.Sentences[j].Para)
				}
			}
			want, _ := json.Marshal(a)
			have, _ := json.Marshal(&got.Analysis)
			if string(want) != string(have) {
				t.Errorf("round trip differs:\n got %s\nwant %s", have, want)
			}
		})
	}
}

func TestGetArticleNotFound(t *testing.T) {
	db := openTemp(t)
	_, err := db.GetArticle(context.Background(), 42)
	if !errors.Is(err, dyad.ErrNotFound) {
		t.Fatalf("error %v, want ErrNotFound", err)
	}
}

func TestDuplicates(t *testing.T) {
	ctx := context.Background()
	fx := fixture()
	sameURL := *fx[0]
	sameURL.Doc, sameURL.Text = "ankara-copy", fx[0].Text+"\n\nUpdated with a correction."
	sameText := *fx[2] // no URL: a duplicate by its text only
	sameText.Doc = "geneva-again"
	newURLSameText := *fx[1]
	newURLSameText.URL = "https://mirror.example/helmand"

	tests := []struct {
		name    string
		batches [][]*dyad.Analysis
		stored  int
		dups    int
	}{
		{"distinct", [][]*dyad.Analysis{fx}, 4, 0},
		{"same batch twice", [][]*dyad.Analysis{fx, fx}, 4, 4},
		{"repeated in one batch", [][]*dyad.Analysis{{fx[0], fx[1], fx[0], fx[1]}}, 2, 2},
		{"same URL, other text", [][]*dyad.Analysis{{fx[0]}, {&sameURL}}, 1, 1},
		{"same text, no URL", [][]*dyad.Analysis{{fx[2]}, {&sameText}}, 1, 1},
		{"same text, other URL", [][]*dyad.Analysis{{fx[1], &newURLSameText}}, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openTemp(t)
			stored, dups := 0, 0
			for _, b := range tt.batches {
				res, err := db.PutAnalyses(ctx, b)
				if err != nil {
					t.Fatal(err)
				}
				stored += res.Stored
				dups += res.Duplicates
				for i, dup := range res.Duplicate {
					if res.IDs[i] == 0 {
						t.Errorf("analysis %d (duplicate %v) has no ID", i, dup)
					}
				}
			}
			if stored != tt.stored || dups != tt.dups {
				t.Errorf("stored %d, duplicates %d; want %d, %d", stored, dups, tt.stored, tt.dups)
			}
			_, total, err := db.Search(ctx, dyad.SearchFilter{Kind: dyad.HitArticle})
			if err != nil {
				t.Fatal(err)
			}
			if total != tt.stored {
				t.Errorf("%d articles in the store, want %d", total, tt.stored)
			}
		})
	}
}

func TestDuplicateReportsOriginalID(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	fx := fixture()
	first, err := db.PutAnalyses(ctx, fx[:2])
	if err != nil {
		t.Fatal(err)
	}
	again, err := db.PutAnalyses(ctx, []*dyad.Analysis{fx[2], fx[1]})
	if err != nil {
		t.Fatal(err)
	}
	if again.Duplicate[0] || !again.Duplicate[1] {
		t.Fatalf("duplicate flags %v, want [false true]", again.Duplicate)
	}
	if again.IDs[1] != first.IDs[1] {
		t.Errorf("duplicate reports ID %d, want the original %d", again.IDs[1], first.IDs[1])
	}
	for _, c := range []struct{ url, hash string }{
		{fx[0].URL, ""},
		{"", dyad.ContentHash(fx[0].Text)},
		{"https://elsewhere.example/x", dyad.ContentHash(fx[0].Text)},
	} {
		id, ok, err := db.HasArticle(ctx, c.url, c.hash)
		if err != nil || !ok || id != first.IDs[0] {
			t.Errorf("HasArticle(%q, %q) = %d, %v, %v; want %d", c.url, c.hash, id, ok, err, first.IDs[0])
		}
	}
	if _, ok, err := db.HasArticle(ctx, "", dyad.ContentHash("not stored")); ok || err != nil {
		t.Errorf("HasArticle of an unknown text = %v, %v", ok, err)
	}
	if _, ok, err := db.HasArticle(ctx, "", ""); ok || err != nil {
		t.Errorf("HasArticle with nothing = %v, %v", ok, err)
	}
}

func TestBatchIsAtomic(t *testing.T) {
	ctx := context.Background()
	bad := fixture()
	// The third analysis breaks a constraint after the first two were
	// written inside the transaction.
	bad[2].Events[0].Quad = 7
	noText := fixture()
	noText[3].Text = ""
	canceled, cancel := context.WithCancel(ctx)
	cancel()

	tests := []struct {
		name  string
		ctx   context.Context
		batch []*dyad.Analysis
		is    error
	}{
		{"constraint fails mid-batch", ctx, bad, nil},
		{"analysis without text", ctx, noText, dyad.ErrInvalid},
		{"context canceled", canceled, fixture(), context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openTemp(t)
			res, err := db.PutAnalyses(tt.ctx, tt.batch)
			if err == nil {
				t.Fatalf("no error, result %+v", res)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v, want %v", err, tt.is)
			}
			_, n, err := db.Search(ctx, dyad.SearchFilter{})
			if err != nil {
				t.Fatal(err)
			}
			_, ne, err := db.FindEvents(ctx, dyad.EventFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if n != 0 || ne != 0 {
				t.Errorf("after a failed batch the store holds %d articles and quotes and %d events, want none", n, ne)
			}
			// The same store takes a good batch afterwards.
			res, err = db.PutAnalyses(ctx, fixture())
			if err != nil || res.Stored != 4 {
				t.Errorf("good batch after a failed one: %+v, %v", res, err)
			}
		})
	}
}

func TestConcurrentPutsStoreOnce(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	const writers = 4
	var wg sync.WaitGroup
	results := make([]dyad.PutResult, writers)
	errs := make([]error, writers)
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = db.PutAnalyses(ctx, fixture())
		}()
	}
	wg.Wait()
	stored := 0
	for i := range writers {
		if errs[i] != nil {
			t.Fatalf("writer %d: %v", i, errs[i])
		}
		stored += results[i].Stored
	}
	if stored != 4 {
		t.Errorf("%d writers stored %d articles in all, want 4", writers, stored)
	}
}
