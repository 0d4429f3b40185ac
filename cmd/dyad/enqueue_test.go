package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/internal/queue"
)

// TestEnqueueReplayDead enqueues articles, has one rejected into the dead
// letters, replays it with `dyad enqueue --replay-dead` and checks that the
// work stream holds it again, the dead-letter stream is empty, and a
// worker stores it.
func TestEnqueueReplayDead(t *testing.T) {
	url := natsURL(t)
	dir := t.TempDir()
	stream, q := testStream(t, url)
	if status, _, stderr := runDyad(t, "", "enqueue", "--nats", url, "--stream", stream, writeNews(t, dir, 3)); status != 0 {
		t.Fatalf("enqueue: %s", stderr)
	}
	// A store that rejects news-0001 and takes (without keeping) the others.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	w, err := q.Worker(ctx)
	if err != nil {
		t.Fatal(err)
	}
	w.Wait, w.Drain = 200*time.Millisecond, true
	err = w.Run(ctx, func(ctx context.Context, jobs []*queue.Job) error {
		for _, j := range jobs {
			if j.Article.Doc == "news-0001" {
				j.Err = fmt.Errorf("%w: the store is being migrated", queue.ErrPermanent)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if st, err := q.Status(ctx); err != nil || st.Pending != 0 || st.Dead != 1 {
		t.Fatalf("before the replay: %+v, %v; want 1 dead letter and nothing pending", st, err)
	}

	for _, args := range [][]string{{"--replay-dead", "--status"}, {"--replay-dead", "--limit", "-1"}, {"--replay-dead", "x.txt"}} {
		if status, _, _ := runDyad(t, "", append([]string{"enqueue", "--nats", url, "--stream", stream}, args...)...); status != 2 {
			t.Errorf("enqueue %v: exit status %d, want 2", args, status)
		}
	}
	status, stdout, stderr := runDyad(t, "", "enqueue", "--nats", url, "--stream", stream, "--replay-dead", "--limit", "5")
	if want := fmt.Sprintf("stream %s: 1 dead letters replayed, 0 left\n", stream); status != 0 || stdout != want {
		t.Errorf("enqueue --replay-dead: status %d, %q%s; want %q", status, stdout, stderr, want)
	}
	if st, err := q.Status(ctx); err != nil || st.Pending != 1 || st.Dead != 0 {
		t.Errorf("after the replay: %+v, %v; want 1 pending and no dead letter", st, err)
	}

	addr := filepath.Join(dir, "dyad.db")
	out := runWorkers(t, 1, "--nats", url, "--stream", stream, "--db", addr, "-j", "1")
	if stored, _, _, dead := parseWorker(t, out[0]); stored != 1 || dead != 0 {
		t.Errorf("worker stored %d with %d dead letters, want the replayed article:\n%s", stored, dead, out[0])
	}
	if got := checkStore(t, addr); got.articles != 1 {
		t.Errorf("store holds %d articles, want 1", got.articles)
	}
	status, stdout, _ = runDyad(t, "", "enqueue", "--nats", url, "--stream", stream, "--replay-dead")
	if want := "0 dead letters replayed, 0 left"; status != 0 || !strings.Contains(stdout, want) {
		t.Errorf("second replay: status %d, %q; want %q", status, stdout, want)
	}
}
