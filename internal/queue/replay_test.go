package queue_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/dyad-project/dyad/internal/queue"
)

// TestReplayDeadLetters produces dead letters, replays them in two steps
// and checks that the work stream holds them again, under their original
// message ids, that the dead-letter stream is empty, and that the workers
// handle them.
func TestReplayDeadLetters(t *testing.T) {
	q := testQueue(t, func(c *queue.Config) { c.MaxDeliver = 4 })
	ctx := context.Background()
	publishAll(t, q, 6, 4)
	nc, err := nats.Connect(serverURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	poison := []byte(`{"Doc": "poison", "Text": `)
	if err := nc.Publish(q.Config().Subject(), poison); err != nil {
		t.Fatal(err)
	}
	nc.Flush()
	rejected := map[string]bool{"doc001": true, "doc003": true}
	c := collector{fail: func(j *queue.Job) error {
		if rejected[j.Article.Doc] {
			return fmt.Errorf("%w: rejected", queue.ErrPermanent)
		}
		return nil
	}}
	runWorker(t, q, c.handle, nil)
	if st := status(t, q); st.Pending != 0 || st.Dead != 3 {
		t.Fatalf("before the replay: %+v, want 3 dead letters and nothing pending", st)
	}

	// The articles were published seconds ago, well within the duplicate
	// window: a replay under the bare original id would be dropped.
	rs, err := q.ReplayDeadLetters(ctx, 2, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	if rs.Replayed != 2 || rs.Left != 1 {
		t.Errorf("replay with a limit of 2: %+v, want 2 replayed and 1 left", rs)
	}
	if st := status(t, q); st.Pending != 2 || st.Dead != 1 {
		t.Errorf("after replaying 2: %+v, want 2 pending and 1 dead letter", st)
	}
	js, err := nc.JetStream()
	if err != nil {
		t.Fatal(err)
	}
	m, err := js.GetLastMsg(q.Config().Stream, q.Config().Subject())
	if err != nil {
		t.Fatal(err)
	}
	a, err := queue.Decode(m.Data)
	if err != nil {
		t.Fatal(err)
	}
	if id := m.Header.Get(nats.MsgIdHdr); !strings.HasPrefix(id, queue.MsgID(a)+"~replay-") || !rejected[a.Doc] {
		t.Errorf("replayed %s under id %q, want a rejected article under its original id with a replay suffix", a.Doc, id)
	}

	if rs, err = q.ReplayDeadLetters(ctx, 0, t.Logf); err != nil {
		t.Fatal(err)
	}
	if rs.Replayed != 1 || rs.Left != 0 {
		t.Errorf("replay of the rest: %+v, want 1 replayed and none left", rs)
	}
	if st := status(t, q); st.Pending != 3 || st.Dead != 0 {
		t.Errorf("after replaying all: %+v, want 3 pending and no dead letter", st)
	}

	// Now the store takes the articles; the poison message dies again.
	c = collector{}
	runWorker(t, q, c.handle, nil)
	if got := slices.Sorted(maps.Keys(c.docs)); !slices.Equal(got, []string{"doc001", "doc003"}) {
		t.Errorf("after the replay the worker handled %v, want doc001 and doc003", got)
	}
	dead, err := q.ReadDeadLetters(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 1 || string(dead[0].Data) != string(poison) {
		t.Fatalf("dead letters %+v, want the poison message again", dead)
	}

	// A message replayed once and dead again replays again.
	if rs, err = q.ReplayDeadLetters(ctx, 0, nil); err != nil || rs.Replayed != 1 {
		t.Errorf("second replay of the poison message: %+v, %v; want 1 replayed", rs, err)
	}
	if st := status(t, q); st.Pending != 1 || st.Dead != 0 {
		t.Errorf("after the second replay: %+v, want 1 pending", st)
	}
	if rs, err = q.ReplayDeadLetters(ctx, 0, nil); err != nil || rs != (queue.ReplayStats{}) {
		t.Errorf("replay of no dead letters: %+v, %v; want nothing done", rs, err)
	}
}

func TestReplayMsgID(t *testing.T) {
	at := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	first := queue.ReplayMsgID("url-abc", 7, at)
	tests := []struct {
		name string
		orig string
		seq  uint64
		at   time.Time
		want string
	}{
		{name: "original id kept", orig: "url-abc", seq: 7, at: at, want: first},
		{name: "earlier replay suffix dropped", orig: first, seq: 7, at: at, want: first},
		{name: "no original id", orig: "", seq: 7, at: at, want: strings.TrimPrefix(first, "url-abc")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := queue.ReplayMsgID(tt.orig, tt.seq, tt.at); got != tt.want {
				t.Errorf("ReplayMsgID(%q, %d) = %q, want %q", tt.orig, tt.seq, got, tt.want)
			}
		})
	}
	if !strings.HasPrefix(first, "url-abc~replay-") {
		t.Errorf("ReplayMsgID = %q, want the original id first", first)
	}
	distinct := map[string]bool{first: true}
	for _, id := range []string{queue.ReplayMsgID("url-abc", 8, at), queue.ReplayMsgID("url-abc", 7, at.Add(time.Nanosecond))} {
		if distinct[id] {
			t.Errorf("ReplayMsgID gives %q twice for different dead letters", id)
		}
		distinct[id] = true
	}
}
