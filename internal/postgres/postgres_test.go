package postgres_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/postgres"
	"github.com/dyad-project/dyad/internal/storetest"
	"github.com/dyad-project/dyad/internal/story"
)

// open opens a store in a new schema of the test database, with the
// ingestion time of storetest.Now.
func open(t testing.TB, url string) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return storetest.Now }
	t.Cleanup(func() { db.Close() })
	return db
}

// TestDifferential requires the same answers as the SQLite store.
func TestDifferential(t *testing.T) {
	db := open(t, storetest.PostgresURL(t))
	w, err := db.StoryIndex(context.Background(), story.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	storetest.Differential(t, storetest.Target{Store: db, Writer: w})
}

// TestOpenConcurrently opens a new database from several connections at
// once: the migrations run once, under the advisory lock.
func TestOpenConcurrently(t *testing.T) {
	url := storetest.PostgresURL(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := postgres.Open(context.Background(), url)
			if err == nil {
				db.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	db := open(t, url)
	v, err := db.SchemaVersion(context.Background())
	if err != nil || v != 4 {
		t.Fatalf("schema version %d, %v; want 4", v, err)
	}
}

// TestConcurrentWriters runs several story index writers, each its own
// connection pool as separate worker processes would have, that store
// overlapping batches at once (at-least-once delivery): every article must
// be stored once, and the story index must be exactly the one a single
// writer builds from the same articles in the order they were stored.
func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	url := storetest.PostgresURL(t)
	as := storetest.Corpus(t)
	const writers = 3
	var wg sync.WaitGroup
	errs := make([]error, writers)
	idx := make([]*postgres.StoryIndex, writers)
	for i := 0; i < writers; i++ {
		db := open(t, url)
		x, err := db.StoryIndex(ctx, story.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		idx[i] = x
	}
	for i := 0; i < writers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each writer stores every analysis, in batches of two,
			// starting at a different place.
			for k := 0; k < len(as); k += 2 {
				j := (k + i*3) % len(as)
				batch := []*dyad.Analysis{as[j], as[(j+1)%len(as)]}
				if _, err := idx[i].PutAnalyses(ctx, batch); err != nil {
					errs[i] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	db := open(t, url)
	distinct := map[string]bool{}
	for _, a := range as {
		distinct[dyad.ContentHash(a.Text)] = true
	}
	_, n, err := db.Search(ctx, dyad.SearchFilter{Kind: dyad.HitArticle})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(distinct) {
		t.Errorf("%d articles stored, want %d", n, len(distinct))
	}
	// The index rebuilt from the tables must equal one built by adding the
	// stored articles again, in seq order, to an empty index.
	restored, err := db.StoryIndex(ctx, story.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := story.New(story.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	snap := restored.Index().Snapshot()
	for _, a := range snap.Articles {
		var id int64
		fmt.Sscan(a.Doc, &id)
		sa, err := db.GetArticle(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		art := story.FromAnalysis(&sa.Analysis, "")
		art.Doc = a.Doc
		if _, err := time.Parse(time.DateOnly, art.Published); err != nil {
			art.Published = ""
		}
		if _, err := fresh.Add(art); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := jsonOf(t, snap), jsonOf(t, fresh.Snapshot()); got != want {
		t.Errorf("story index written by concurrent writers differs from one built serially")
	}
	catchUps, reloads := 0, 0
	for _, x := range idx {
		catchUps += x.CatchUps
		reloads += x.Reloads
	}
	t.Logf("%d catch-ups, %d reloads", catchUps, reloads)
	if catchUps == 0 {
		t.Errorf("no writer caught up incrementally with the others")
	}
}

// TestPutAnalysesInvalid rejects a batch with an analysis without text and
// stores nothing of it.
func TestPutAnalysesInvalid(t *testing.T) {
	db := open(t, storetest.PostgresURL(t))
	ctx := context.Background()
	_, err := db.PutAnalyses(ctx, []*dyad.Analysis{{Doc: "a", Text: "Some text."}, {Doc: "b"}})
	if !errors.Is(err, dyad.ErrInvalid) {
		t.Fatalf("error %v, want ErrInvalid", err)
	}
	if _, ok, err := db.HasArticle(ctx, "", dyad.ContentHash("Some text.")); err != nil || ok {
		t.Errorf("HasArticle = %v, %v after a rejected batch", ok, err)
	}
	if _, err := db.GetArticle(ctx, 1); !errors.Is(err, dyad.ErrNotFound) {
		t.Errorf("GetArticle: %v, want ErrNotFound", err)
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
