package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyad-project/dyad"
)

// Job is one delivered article of a batch.
type Job struct {
	Article *dyad.Article
	// Seq is the message's sequence number in the work stream and
	// Delivered how many times it has been delivered, this time included.
	Seq       uint64
	Delivered int
	// Err is set by the handler when this article failed: the message is
	// delivered again later, or goes to the dead letters when the error
	// wraps ErrPermanent or the message has been delivered MaxDeliver-1
	// times.
	Err error

	msg jetstream.Msg
}

// Handler handles a batch of jobs: for dyad, analyses the articles and
// stores them in one transaction. It sets Job.Err on the jobs that failed
// alone and returns an error when the whole batch failed (the database is
// unreachable), in which case every message is delivered again later. ctx
// is cancelled only when a shutdown outlasts Worker.Grace.
type Handler func(ctx context.Context, jobs []*Job) error

// WorkStats counts what a worker did.
type WorkStats struct {
	// Done counts the messages acknowledged after the handler succeeded;
	// Retried those handed back for another delivery; Dead those moved
	// to the dead letters.
	Done, Retried, Dead int
	// Batches counts the batches handled.
	Batches int
}

// Worker takes batches from the shared durable consumer and hands them to
// a handler.
type Worker struct {
	q    *Queue
	cons jetstream.Consumer

	// Batch is the most messages fetched at once.
	Batch int
	// Wait is how long a fetch waits for a full batch before handling
	// what came.
	Wait time.Duration
	// Grace is how long a shutdown lets the batch in hand finish before
	// cancelling the handler's context; the batch's messages are then
	// handed back.
	Grace time.Duration
	// RetryDelay is how long a message that failed waits before its
	// second delivery; each further delivery doubles it.
	RetryDelay time.Duration
	// Drain makes Run return once the work stream is empty instead of
	// waiting for more.
	Drain bool
	// Logger receives a line per failure and a throughput line every
	// LogEvery.
	Logger   *slog.Logger
	LogEvery time.Duration

	mu    sync.Mutex
	stats WorkStats
}

// Worker creates or updates the durable consumer the workers share (pull,
// explicit acknowledgement) and returns a worker on it.
func (q *Queue) Worker(ctx context.Context) (*Worker, error) {
	cons, err := q.js.CreateOrUpdateConsumer(ctx, q.cfg.Stream, jetstream.ConsumerConfig{
		Durable:       q.cfg.Consumer,
		Description:   "dyad workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.cfg.AckWait,
		MaxDeliver:    q.cfg.MaxDeliver,
		MaxAckPending: q.cfg.MaxAckPending,
		FilterSubject: q.cfg.Subject(),
		DeliverPolicy: jetstream.DeliverAllPolicy,
		ReplayPolicy:  jetstream.ReplayInstantPolicy,
	})
	if err != nil {
		return nil, fmt.Errorf("queue: consumer %s: %w", q.cfg.Consumer, err)
	}
	return &Worker{q: q, cons: cons, Batch: 100, Wait: time.Second, Grace: 30 * time.Second, RetryDelay: 5 * time.Second,
		Logger: slog.New(slog.DiscardHandler), LogEvery: 30 * time.Second}, nil
}

// Stats returns the counts so far.
func (w *Worker) Stats() WorkStats {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.stats
}

// Run fetches and handles batches until ctx is done (or, with Drain, the
// stream is empty). On shutdown the batch in hand is finished, or handed
// back if it outlasts Grace, before Run returns nil.
func (w *Worker) Run(ctx context.Context, h Handler) error {
	if w.Batch < 1 {
		w.Batch = 1
	}
	begin, lastLog, lastDone := time.Now(), time.Now(), 0
	backoff := time.Duration(0)
	for ctx.Err() == nil {
		jobs, err := w.fetch(ctx)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			w.Logger.Warn("fetch", "err", err)
			if !sleep(ctx, time.Second) {
				break
			}
			continue
		}
		if len(jobs) == 0 {
			if w.Drain {
				n, err := w.q.Pending(ctx)
				if err == nil && n == 0 {
					break
				}
			}
			continue
		}
		if w.handle(ctx, h, jobs) {
			backoff = 0
		} else {
			// The whole batch failed: give the database time before the
			// next one rather than burning deliveries.
			backoff = min(max(2*backoff, time.Second), time.Minute)
			sleep(ctx, backoff)
		}
		if w.LogEvery > 0 && time.Since(lastLog) >= w.LogEvery {
			st := w.Stats()
			w.Logger.Info("throughput", "articles", st.Done,
				"per_second", fmt.Sprintf("%.1f", float64(st.Done-lastDone)/time.Since(lastLog).Seconds()),
				"retried", st.Retried, "dead", st.Dead)
			lastLog, lastDone = time.Now(), st.Done
		}
	}
	st := w.Stats()
	w.Logger.Info("stopped", "articles", st.Done, "retried", st.Retried, "dead", st.Dead,
		"per_second", fmt.Sprintf("%.1f", float64(st.Done)/time.Since(begin).Seconds()))
	return w.q.nc.FlushTimeout(5 * time.Second)
}

// fetch takes the next batch, decoding each message. Messages that cannot
// be decoded, and messages on their last delivery, go straight to the dead
// letters. When ctx ends during the fetch, what arrived is handed back.
func (w *Worker) fetch(ctx context.Context) ([]*Job, error) {
	batch, err := w.cons.Fetch(w.Batch, jetstream.FetchMaxWait(w.Wait))
	if err != nil {
		return nil, err
	}
	var jobs []*Job
	for m := range batch.Messages() {
		if ctx.Err() != nil {
			m.Nak()
			continue
		}
		meta, err := m.Metadata()
		if err != nil {
			w.Logger.Warn("message without metadata", "err", err)
			m.Term()
			continue
		}
		j := &Job{msg: m, Seq: meta.Sequence.Stream, Delivered: int(meta.NumDelivered)}
		if j.Delivered >= w.q.cfg.MaxDeliver {
			w.dead(j, fmt.Sprintf("delivered %d times without being acknowledged", j.Delivered))
			continue
		}
		if j.Article, err = Decode(m.Data()); err != nil {
			w.dead(j, err.Error())
			continue
		}
		jobs = append(jobs, j)
	}
	if ctx.Err() != nil {
		for _, j := range jobs {
			j.msg.Nak()
		}
		return nil, ctx.Err()
	}
	return jobs, batch.Error()
}

// handle runs the handler on a batch and settles every message: ack on
// success, dead letter on a permanent or repeated failure, else a delayed
// redelivery. It reports whether the batch as a whole went through.
func (w *Worker) handle(ctx context.Context, h Handler, jobs []*Job) bool {
	// The handler finishes the batch after a shutdown signal, up to Grace.
	hctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	stop := context.AfterFunc(ctx, func() {
		t := time.AfterFunc(w.Grace, cancel)
		context.AfterFunc(hctx, func() { t.Stop() })
	})
	defer stop()

	// Tell the server the batch is in progress, so a slow batch is not
	// delivered to another worker after AckWait.
	progressDone := make(chan struct{})
	var progressWG sync.WaitGroup
	progressWG.Add(1)
	go func() {
		defer progressWG.Done()
		t := time.NewTicker(w.q.cfg.AckWait / 3)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				for _, j := range jobs {
					j.msg.InProgress()
				}
			case <-progressDone:
				return
			}
		}
	}()
	err := h(hctx, jobs)
	close(progressDone)
	progressWG.Wait()

	var st WorkStats
	st.Batches = 1
	if err != nil {
		w.Logger.Warn("batch failed; its messages will be delivered again", "articles", len(jobs), "err", err)
		for _, j := range jobs {
			j.msg.NakWithDelay(w.retryDelay(j))
		}
		st.Retried = len(jobs)
	} else {
		for _, j := range jobs {
			switch {
			case j.Err == nil:
				j.msg.Ack()
				st.Done++
			case errors.Is(j.Err, ErrPermanent) || j.Delivered >= w.q.cfg.MaxDeliver-1:
				w.dead(j, j.Err.Error())
			default:
				w.Logger.Warn("article failed; it will be delivered again", "doc", j.Article.Doc,
					"seq", j.Seq, "delivered", j.Delivered, "err", j.Err)
				j.msg.NakWithDelay(w.retryDelay(j))
				st.Retried++
			}
		}
	}
	// The acknowledgements leave before the next fetch.
	if ferr := w.q.nc.FlushTimeout(10 * time.Second); ferr != nil {
		w.Logger.Warn("flush acknowledgements", "err", ferr)
	}
	w.mu.Lock()
	w.stats.Done += st.Done
	w.stats.Retried += st.Retried
	w.stats.Batches += st.Batches
	w.mu.Unlock()
	return err == nil
}

// retryDelay is how long a failed message waits before its next delivery:
// RetryDelay, doubled with each delivery.
func (w *Worker) retryDelay(j *Job) time.Duration {
	return w.RetryDelay << min(max(j.Delivered-1, 0), 6)
}

// dead publishes a copy of the message to the dead-letter stream, with the
// reason in its headers, and terminates it. When the dead letter cannot be
// published, the message is handed back instead, so it is never lost.
func (w *Worker) dead(j *Job, reason string) {
	m := &nats.Msg{Subject: w.q.cfg.DeadSubject(), Data: j.msg.Data(), Header: nats.Header{}}
	if len(reason) > 1000 {
		reason = reason[:1000]
	}
	m.Header.Set(HeaderReason, reason)
	m.Header.Set(HeaderSeq, strconv.FormatUint(j.Seq, 10))
	m.Header.Set(HeaderDelivered, strconv.Itoa(j.Delivered))
	if id := j.msg.Headers().Get(jetstream.MsgIDHeader); id != "" {
		m.Header.Set(HeaderMsgID, id)
	}
	// The dead letter's own id makes a second copy (the Term was lost and
	// the message came back) harmless.
	m.Header.Set(jetstream.MsgIDHeader, "dead-"+strconv.FormatUint(j.Seq, 10))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	doc := ""
	if j.Article != nil {
		doc = j.Article.Doc
	}
	if _, err := w.q.js.PublishMsg(ctx, m); err != nil {
		w.Logger.Error("dead letter not published; the message will be delivered again",
			"seq", j.Seq, "doc", doc, "reason", reason, "err", err)
		j.msg.NakWithDelay(w.retryDelay(j))
		w.mu.Lock()
		w.stats.Retried++
		w.mu.Unlock()
		return
	}
	w.Logger.Warn("dead letter", "seq", j.Seq, "doc", doc, "delivered", j.Delivered, "reason", reason)
	j.msg.Term()
	w.mu.Lock()
	w.stats.Dead++
	w.mu.Unlock()
}

// sleep waits d or until ctx is done, and reports whether ctx is still
// live.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
