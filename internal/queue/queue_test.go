package queue_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/queue"
)

// serverURL returns the test server's URL from $DYAD_TEST_NATS (see
// .ci/nats), skipping the test without one unless CI=true.
func serverURL(t *testing.T) string {
	t.Helper()
	url := os.Getenv("DYAD_TEST_NATS")
	if url == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("DYAD_TEST_NATS is not set: start a server with `eval \"$(bash .ci/nats start DIR)\"`")
		}
		t.Skip("DYAD_TEST_NATS is not set: start a server with `eval \"$(bash .ci/nats start DIR)\"` to run the queue tests")
	}
	return url
}

var streamSeq atomic.Int64

// testQueue connects to the test server with streams of their own, deleted
// at the end of the test.
func testQueue(t *testing.T, edit func(*queue.Config)) *queue.Queue {
	t.Helper()
	url := serverURL(t)
	cfg := queue.DefaultConfig()
	cfg.Stream = fmt.Sprintf("qt%d_%d", os.Getpid(), streamSeq.Add(1))
	cfg.AckWait = 2 * time.Second
	cfg.MaxBytes = 64 << 20
	cfg.DeadMaxBytes = 16 << 20
	if edit != nil {
		edit(&cfg)
	}
	ctx := context.Background()
	q, err := queue.Connect(ctx, url, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := q.Delete(context.Background()); err != nil {
			t.Error(err)
		}
		q.Close()
	})
	return q
}

// article returns the i-th test article.
func article(i int) *dyad.Article {
	return &dyad.Article{
		Doc:   fmt.Sprintf("doc%03d", i),
		URL:   fmt.Sprintf("https://news.example.org/2024/05/%03d", i),
		Title: fmt.Sprintf("Council meets for the %d time", i),
		Text: fmt.Sprintf("Council meets for the %d time\n\nThe city council met on Monday for the %d time "+
			"this year and approved a budget of %d million dollars.", i, i, 10+i),
	}
}

func publishAll(t *testing.T, q *queue.Queue, n, maxPending int) queue.PublishStats {
	t.Helper()
	ctx := context.Background()
	p := q.Publisher(maxPending, t.Logf)
	for i := range n {
		if err := p.Publish(ctx, article(i)); err != nil {
			t.Fatal(err)
		}
	}
	st, err := p.Flush(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// collector is a handler that records the documents it was given.
type collector struct {
	mu   sync.Mutex
	docs map[string]int
	fail func(j *queue.Job) error
}

func (c *collector) handle(ctx context.Context, jobs []*queue.Job) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.docs == nil {
		c.docs = map[string]int{}
	}
	for _, j := range jobs {
		if c.fail != nil {
			if j.Err = c.fail(j); j.Err != nil {
				continue
			}
		}
		c.docs[j.Article.Doc]++
	}
	return nil
}

func runWorker(t *testing.T, q *queue.Queue, h queue.Handler, edit func(*queue.Worker)) queue.WorkStats {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	w, err := q.Worker(ctx)
	if err != nil {
		t.Fatal(err)
	}
	w.Batch, w.Wait, w.Drain, w.RetryDelay = 10, 200*time.Millisecond, true, 50*time.Millisecond
	if edit != nil {
		edit(w)
	}
	if err := w.Run(ctx, h); err != nil {
		t.Fatal(err)
	}
	if ctx.Err() != nil {
		t.Fatal("the worker did not drain the queue in time")
	}
	return w.Stats()
}

func status(t *testing.T, q *queue.Queue) queue.Status {
	t.Helper()
	st, err := q.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestPublishDuplicates(t *testing.T) {
	q := testQueue(t, nil)
	first := publishAll(t, q, 25, 8)
	second := publishAll(t, q, 25, 8)
	if first.Published != 25 || first.Duplicates != 0 {
		t.Errorf("first publication: %+v, want 25 published", first)
	}
	if second.Published != 0 || second.Duplicates != 25 {
		t.Errorf("second publication: %+v, want 25 duplicates", second)
	}
	if st := status(t, q); st.Pending != 25 {
		t.Errorf("the stream holds %d messages, want 25", st.Pending)
	}
}

// TestPublishFullStream checks that a full stream makes the publisher wait
// for a worker rather than lose articles.
func TestPublishFullStream(t *testing.T) {
	q := testQueue(t, func(c *queue.Config) { c.MaxMsgs = 5 })
	const n = 40
	var c collector
	done := make(chan queue.PublishStats, 1)
	go func() {
		p := q.Publisher(4, nil)
		for i := range n {
			if err := p.Publish(context.Background(), article(i)); err != nil {
				t.Error(err)
			}
		}
		st, err := p.Flush(context.Background())
		if err != nil {
			t.Error(err)
		}
		done <- st
	}()
	// Start the worker once the stream is full.
	deadline := time.Now().Add(10 * time.Second)
	for status(t, q).Pending < 5 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w, err := q.Worker(ctx)
	if err != nil {
		t.Fatal(err)
	}
	w.Batch, w.Wait = 3, 100*time.Millisecond
	ran := make(chan error, 1)
	go func() { ran <- w.Run(ctx, c.handle) }()
	st := <-done
	for status(t, q).Pending > 0 && time.Now().Before(deadline.Add(20*time.Second)) {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-ran; err != nil {
		t.Fatal(err)
	}
	if st.Published != n || st.Waits == 0 {
		t.Errorf("publication: %+v, want %d published after waiting", st, n)
	}
	if len(c.docs) != n {
		t.Errorf("the worker handled %d articles, want %d", len(c.docs), n)
	}
}

func TestWorker(t *testing.T) {
	errFlaky := errors.New("flaky store")
	tests := []struct {
		name string
		// poison is published as is, besides the articles.
		poison []string
		fail   func(j *queue.Job) error
		// wantDone articles are handled, wantDead go to the dead
		// letters, with a reason containing wantReason.
		wantDone, wantDead int
		wantReason         string
	}{
		{name: "all good", wantDone: 12},
		{name: "not JSON", poison: []string{`{"Doc": "x", "Text": `}, wantDone: 12, wantDead: 1,
			wantReason: "not an article"},
		{name: "no text", poison: []string{`{"Doc": "x", "URL": "https://x.example/1"}`}, wantDone: 12, wantDead: 1,
			wantReason: "no text"},
		{name: "permanent", wantDone: 11, wantDead: 1, wantReason: "rejected",
			fail: func(j *queue.Job) error {
				if j.Article.Doc == "doc004" {
					return fmt.Errorf("%w: rejected", queue.ErrPermanent)
				}
				return nil
			}},
		{name: "fails once", wantDone: 12,
			fail: func(j *queue.Job) error {
				if j.Article.Doc == "doc007" && j.Delivered == 1 {
					return errFlaky
				}
				return nil
			}},
		{name: "keeps failing", wantDone: 11, wantDead: 1, wantReason: "flaky store",
			fail: func(j *queue.Job) error {
				if j.Article.Doc == "doc002" {
					return errFlaky
				}
				return nil
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := testQueue(t, func(c *queue.Config) { c.MaxDeliver = 4 })
			publishAll(t, q, 12, 4)
			nc, err := nats.Connect(serverURL(t))
			if err != nil {
				t.Fatal(err)
			}
			defer nc.Close()
			for _, p := range tt.poison {
				if err := nc.Publish(q.Config().Subject(), []byte(p)); err != nil {
					t.Fatal(err)
				}
			}
			nc.Flush()
			c := collector{fail: tt.fail}
			ws := runWorker(t, q, c.handle, nil)
			if len(c.docs) != tt.wantDone || ws.Done != tt.wantDone {
				t.Errorf("handled %d articles (acknowledged %d), want %d", len(c.docs), ws.Done, tt.wantDone)
			}
			st := status(t, q)
			if st.Pending != 0 || st.InFlight != 0 {
				t.Errorf("after the drain: %+v, want nothing pending", st)
			}
			if st.Dead != tt.wantDead || ws.Dead != tt.wantDead {
				t.Errorf("%d dead letters (worker says %d), want %d", st.Dead, ws.Dead, tt.wantDead)
			}
			dead, err := q.ReadDeadLetters(context.Background(), 10)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range dead {
				if !strings.Contains(d.Reason, tt.wantReason) || d.Seq == 0 || d.Delivered == 0 {
					t.Errorf("dead letter %+v, want a sequence, a delivery count and a reason containing %q",
						d, tt.wantReason)
				}
			}
			if tt.name == "keeps failing" && len(dead) == 1 && dead[0].Delivered != 3 {
				t.Errorf("given up after %d deliveries, want MaxDeliver-1 = 3", dead[0].Delivered)
			}
		})
	}
}

// TestWorkerBatchFailure checks that a batch whose handler fails as a
// whole is delivered again, and stored once.
func TestWorkerBatchFailure(t *testing.T) {
	q := testQueue(t, nil)
	publishAll(t, q, 6, 4)
	var calls atomic.Int32
	c := collector{}
	h := func(ctx context.Context, jobs []*queue.Job) error {
		if calls.Add(1) == 1 {
			return errors.New("database unreachable")
		}
		return c.handle(ctx, jobs)
	}
	ws := runWorker(t, q, h, nil)
	if len(c.docs) != 6 || ws.Done != 6 || ws.Retried != 6 {
		t.Errorf("handled %d, stats %+v; want 6 handled after 6 retried", len(c.docs), ws)
	}
	for doc, n := range c.docs {
		if n != 1 {
			t.Errorf("%s handled %d times", doc, n)
		}
	}
}

// TestWorkerShutdown checks that a worker stopped in the middle of a batch
// finishes it before returning.
func TestWorkerShutdown(t *testing.T) {
	q := testQueue(t, nil)
	publishAll(t, q, 5, 4)
	ctx, cancel := context.WithCancel(context.Background())
	w, err := q.Worker(ctx)
	if err != nil {
		t.Fatal(err)
	}
	w.Batch, w.Wait = 10, 200*time.Millisecond
	c := collector{}
	h := func(hctx context.Context, jobs []*queue.Job) error {
		cancel() // the signal arrives while the batch is in hand
		time.Sleep(100 * time.Millisecond)
		if hctx.Err() != nil {
			return hctx.Err()
		}
		return c.handle(hctx, jobs)
	}
	if err := w.Run(ctx, h); err != nil {
		t.Fatal(err)
	}
	if st := status(t, q); len(c.docs) != 5 || st.Pending != 0 {
		t.Errorf("handled %d articles, %d left; want the batch of 5 finished", len(c.docs), st.Pending)
	}
}

func TestMsgID(t *testing.T) {
	a := &dyad.Article{Doc: "a", URL: "https://example.org/x", Text: "Some text."}
	b := &dyad.Article{Doc: "b", URL: "https://example.org/x", Text: "Other text."}
	c := &dyad.Article{Doc: "c", Text: "Some text."}
	d := &dyad.Article{Doc: "d", Text: "Some text."}
	if queue.MsgID(a) != queue.MsgID(b) {
		t.Error("two articles with one URL have different ids")
	}
	if queue.MsgID(c) != queue.MsgID(d) || queue.MsgID(a) == queue.MsgID(c) {
		t.Error("ids without a URL do not follow the text")
	}
}

func TestEncodeDecode(t *testing.T) {
	a := &dyad.Article{Doc: "d1", URL: "https://example.org/1", Title: "T", Published: "2024-01-02",
		PublishedSource: dyad.PublishedFromInput, Text: "Text with “quotes”.", Origin: dyad.Origin{Path: "a.jsonl", Line: 3}}
	data, err := queue.Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := queue.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if *got != *a {
		t.Errorf("round trip: got %+v, want %+v", got, a)
	}
	for _, bad := range []string{"", "null", "[]", `{"Text": "  "}`, `{"Text": 3}`} {
		if _, err := queue.Decode([]byte(bad)); !errors.Is(err, queue.ErrDecode) {
			t.Errorf("Decode(%q) = %v, want ErrDecode", bad, err)
		}
	}
}

// FuzzDecode checks that Decode never panics and that what it accepts
// survives a round trip.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"Doc":"a","Text":"The minister resigned."}`))
	f.Add([]byte(`{"Doc":"a","URL":"u","Text":"x","Origin":{"Path":"p","Line":2}}`))
	f.Add([]byte(`not json`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := queue.Decode(data)
		if err != nil {
			return
		}
		out, err := queue.Encode(a)
		if err != nil {
			t.Fatal(err)
		}
		b, err := queue.Decode(out)
		if err != nil || *a != *b {
			t.Fatalf("round trip of %q: %+v, %v", data, b, err)
		}
	})
}

func BenchmarkPublish(b *testing.B) {
	url := os.Getenv("DYAD_TEST_NATS")
	if url == "" {
		b.Skip("DYAD_TEST_NATS is not set")
	}
	cfg := queue.DefaultConfig()
	cfg.Stream = fmt.Sprintf("qb%d", os.Getpid())
	q, err := queue.Connect(context.Background(), url, cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer q.Close()
	defer q.Delete(context.Background())
	p := q.Publisher(256, nil)
	start := time.Now()
	for i := 0; b.Loop(); i++ {
		if err := p.Publish(context.Background(), article(i)); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := p.Flush(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
}

// TestConfigure checks that connecting keeps an existing stream's limits
// and Configure sets them.
func TestConfigure(t *testing.T) {
	q := testQueue(t, func(c *queue.Config) { c.MaxMsgs = 7 })
	publishAll(t, q, 7, 4)
	cfg := q.Config()
	cfg.MaxMsgs = 9
	other, err := queue.Connect(context.Background(), serverURL(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	p := other.Publisher(1, nil)
	p.Publish(ctx, article(7))
	full := make(chan queue.PublishStats, 1)
	go func() {
		st, _ := p.Flush(ctx)
		full <- st
	}()
	select {
	case st := <-full:
		t.Fatalf("published %+v into a full stream whose limits Connect should have kept", st)
	case <-time.After(300 * time.Millisecond):
	}
	if err := other.Configure(ctx); err != nil {
		t.Fatal(err)
	}
	if st := <-full; st.Published != 1 || st.Waits != 1 {
		t.Errorf("after Configure: %+v, want the article published after one wait", st)
	}
}
