package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/queue"
)

func init() {
	register("worker", "analyse and store articles taken from a NATS JetStream queue",
		func(m *Main) Command { return &workerCmd{m: m} })
}

// workerCmd is `dyad worker --nats URL --db ADDR [flags]`.
type workerCmd struct {
	m *Main
}

func (c *workerCmd) Run(ctx context.Context, args []string) error {
	def := queue.DefaultConfig()
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	url := fs.String("nats", envOr("NATS_URL", defaultNATS), "the NATS server (with JetStream); default $NATS_URL")
	stream := fs.String("stream", def.Stream, "the work stream's name")
	dbAddr := fs.String("db", "", "the database to store into: a SQLite file (created if absent) or a postgres:// URL")
	batchSize := fs.Int("batch", 100, "articles fetched and stored per transaction")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "number of articles analysed at once")
	drain := fs.Bool("drain", false, "exit once the queue is empty instead of waiting for more (a backfill)")
	ackWait := fs.Duration("ack-wait", def.AckWait, "how long the server waits for a batch before giving its articles to another worker (progress notices extend it)")
	maxDeliver := fs.Int("max-deliver", def.MaxDeliver, "deliveries of a failing article before it goes to the dead letters")
	maxAckPending := fs.Int("max-ack-pending", def.MaxAckPending, "articles handed to all workers and not yet stored, at most")
	quiet := fs.Bool("q", false, "log failures only, not throughput")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad worker --nats URL --db ADDR [flags]

Takes batches of articles that 'dyad enqueue' published, analyses them and
stores each batch in one transaction, with the story index, like 'dyad
ingest'. Run as many workers as there are machines and cores: they share one
durable consumer, so each article goes to one worker, and an article is
acknowledged only once stored. A worker that dies leaves its batch to the
others after --ack-wait; an article stored twice that way is a duplicate the
store skips. An article that cannot be decoded, that the store rejects, or
that fails on delivery max-deliver-1 goes to the dead-letter stream
(STREAM_dead) with the reason. SIGINT or SIGTERM finishes the batch in hand
and exits. See docs/SCALING.md.

Flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *dbAddr == "" || *url == "" || *batchSize < 1 {
		fs.Usage()
		return exitError{2}
	}
	level := slog.LevelInfo
	if *quiet {
		level = slog.LevelWarn
	}
	log := slog.New(slog.NewTextHandler(c.m.Stderr, &slog.HandlerOptions{Level: level})).With("cmd", "dyad worker")

	p, db, stories, err := openStoring(ctx, *dbAddr, pipeline.DefaultConfig())
	if err != nil {
		return err
	}
	defer db.Close()
	cfg := def
	cfg.Stream, cfg.AckWait, cfg.MaxDeliver, cfg.MaxAckPending = *stream, *ackWait, *maxDeliver, *maxAckPending
	q, err := queue.Connect(ctx, *url, cfg)
	if err != nil {
		return err
	}
	defer q.Close()
	w, err := q.Worker(ctx)
	if err != nil {
		return err
	}
	w.Batch, w.Drain, w.Logger = *batchSize, *drain, log
	w.LogEvery = 10 * time.Second
	h := &workHandler{p: p, db: db, stories: stories, workers: *workers}
	log.Info("started", "nats", *url, "stream", cfg.Stream, "db", db.Addr(), "batch", *batchSize, "j", *workers)
	start := time.Now()
	err = w.Run(ctx, h.handle)
	st := w.Stats()
	h.mu.Lock()
	stored, dups := h.stored, h.dups
	h.mu.Unlock()
	elapsed := time.Since(start)
	fmt.Fprintf(c.m.Stderr, "dyad worker: %d stored, %d duplicates, %d retried, %d dead letters (%s, %.1f articles/s)\n",
		stored, dups, st.Retried, st.Dead, elapsed.Round(100*time.Millisecond), float64(st.Done)/elapsed.Seconds())
	return err
}

// workHandler analyses and stores the batches a worker takes.
type workHandler struct {
	p       *pipeline.Pipeline
	db      database
	stories batchWriter
	workers int

	mu           sync.Mutex
	stored, dups int
}

// handle analyses the jobs' articles on h.workers goroutines, skipping
// those already stored, and stores the analyses in one transaction. When
// the transaction fails, each analysis is stored on its own so that one bad
// analysis costs only itself; when every one fails, the batch as a whole
// failed (the database is unreachable, say).
func (h *workHandler) handle(ctx context.Context, jobs []*queue.Job) error {
	analyses := make([]*dyad.Analysis, len(jobs))
	dup := make([]bool, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(h.workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				a := jobs[i].Article
				// A failed check is not fatal: PutAnalyses decides in the end.
				if _, ok, err := h.db.HasArticle(ctx, a.URL, dyad.ContentHash(a.Text)); err == nil && ok {
					dup[i] = true
					continue
				}
				analyses[i] = h.p.Analyse(a)
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()

	var batch []*dyad.Analysis
	var index []int // batch position -> job
	dups := 0
	for i, a := range analyses {
		if dup[i] {
			dups++
			continue
		}
		batch = append(batch, a)
		index = append(index, i)
	}
	defer func() {
		h.mu.Lock()
		h.dups += dups
		h.mu.Unlock()
	}()
	if len(batch) == 0 {
		return nil
	}
	res, err := h.stories.PutAnalyses(ctx, batch)
	if err == nil {
		h.count(res)
		dups += res.Duplicates
		return nil
	}
	if ctx.Err() != nil || len(batch) == 1 && !errors.Is(err, dyad.ErrInvalid) {
		return err
	}
	failed, permanent := 0, 0
	for k, a := range batch {
		res, err := h.stories.PutAnalyses(ctx, []*dyad.Analysis{a})
		if err != nil {
			failed++
			if errors.Is(err, dyad.ErrInvalid) {
				permanent++
				err = fmt.Errorf("%w: %w", queue.ErrPermanent, err)
			}
			jobs[index[k]].Err = fmt.Errorf("%s: not stored: %w", a.Doc, err)
			continue
		}
		h.count(res)
		dups += res.Duplicates
	}
	if failed == len(batch) && permanent == 0 {
		for _, j := range jobs {
			j.Err = nil
		}
		return err
	}
	return nil
}

func (h *workHandler) count(res dyad.PutResult) {
	h.mu.Lock()
	h.stored += res.Stored
	h.mu.Unlock()
}
