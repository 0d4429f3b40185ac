package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
	"github.com/dyad-project/dyad/internal/queue"
)

func init() {
	register("enqueue", "publish articles to a NATS JetStream queue for 'dyad worker'",
		func(m *Main) Command { return &enqueueCmd{m: m} })
}

// defaultNATS is the server the queue commands use without --nats or
// $NATS_URL.
const defaultNATS = "nats://127.0.0.1:4222"

// enqueueCmd is `dyad enqueue --nats URL [--stream NAME] [FILE|DIR|-]...`.
type enqueueCmd struct {
	m *Main
}

func (c *enqueueCmd) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("enqueue", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	url := fs.String("nats", envOr("NATS_URL", defaultNATS), "the NATS server (with JetStream) to publish to; default $NATS_URL")
	stream := fs.String("stream", queue.DefaultConfig().Stream, "the work stream's name (created if absent)")
	maxPending := fs.Int("max-pending", 256, "publications awaiting the server's acknowledgement at most")
	maxMsgs := fs.Int64("max-msgs", queue.DefaultConfig().MaxMsgs, "messages the work stream holds at most; a full stream makes enqueue wait")
	maxBytes := fs.Int64("max-bytes", queue.DefaultConfig().MaxBytes, "bytes the work stream holds at most")
	published := fs.String("published", "", "publication date (YYYY-MM-DD) for articles whose input gives none")
	status := fs.Bool("status", false, "print the queue's counts and the latest dead letters' reasons, and exit")
	replayDead := fs.Bool("replay-dead", false, "move the dead letters back to the work stream for the workers, and exit")
	limit := fs.Int("limit", 0, "with --replay-dead, replay at most this many dead letters, oldest first (0: all)")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad enqueue --nats URL [flags] [FILE|DIR|-]...
       dyad enqueue --status [--nats URL] [--stream S]
       dyad enqueue --replay-dead [--nats URL] [--stream S] [--limit N]

Reads articles like 'dyad ingest' and publishes each one, as JSON, to a
JetStream work-queue stream (created or updated, file storage), from which
any number of 'dyad worker' processes take them, analyse them and store them.
Each message's id is the article's identity (its URL, else its text), so
publishing the same article again within the server's duplicate window (20
minutes) stores it once; the store drops later copies too. When the stream
is full, enqueue waits for the workers to make room: nothing is dropped. A
document that cannot be read is reported and the others go on; the exit
status is 1 when any failed. With --status, prints what the queue holds
instead: articles pending, in the workers' hands, and dead letters. With
--replay-dead, moves the dead letters (oldest first, at most --limit) back
to the work stream, each deleted only once the work stream has it, and
prints how many were replayed. See docs/SCALING.md.

Flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	inputs := fs.Args()
	if *status || *replayDead {
		if len(inputs) > 0 || (*status && *replayDead) || *limit < 0 {
			fs.Usage()
			return exitError{2}
		}
		if *replayDead {
			return c.replayDead(ctx, *url, *stream, *limit)
		}
		return c.status(ctx, *url, *stream)
	}
	if len(inputs) == 0 || *url == "" {
		fs.Usage()
		return exitError{2}
	}
	if *published != "" {
		if _, err := time.Parse(time.DateOnly, *published); err != nil {
			return fmt.Errorf("--published %q is not YYYY-MM-DD", *published)
		}
	}
	cfg := queue.DefaultConfig()
	cfg.Stream, cfg.MaxMsgs, cfg.MaxBytes = *stream, *maxMsgs, *maxBytes
	q, err := queue.Connect(ctx, *url, cfg)
	if err != nil {
		return err
	}
	defer q.Close()
	if err := q.Configure(ctx); err != nil {
		return err
	}

	e := &enqueuer{out: c.m.Stderr}
	pub := q.Publisher(*maxPending, func(format string, args ...any) {
		fmt.Fprintf(c.m.Stderr, "dyad enqueue: "+format+"\n", args...)
	})
	start := time.Now()
	err = ingest.Walk(ctx, inputs, c.m.Stdin, func(a *dyad.Article, err error) error {
		if err != nil {
			e.fail(err)
			return nil
		}
		e.read++
		if a.Published == "" && *published != "" {
			a.Published, a.PublishedSource = *published, dyad.PublishedFromFlag
		}
		if err := pub.Publish(ctx, a); err != nil {
			if errors.Is(err, queue.ErrTooLarge) {
				e.fail(fmt.Errorf("%s: %w", a.Doc, err))
				return nil
			}
			return err
		}
		return nil
	})
	// Wait for the acknowledgements of what was sent, even after an
	// interruption, so the summary says what the stream holds.
	st, ferr := pub.Flush(context.WithoutCancel(ctx))
	if err == nil {
		err = ferr
	}
	e.summary(st, time.Since(start))
	if err != nil {
		return err
	}
	if e.failed.count > 0 {
		return errSilent
	}
	return nil
}

// status prints the queue's counts and the reasons of its first dead
// letters.
func (c *enqueueCmd) status(ctx context.Context, url, stream string) error {
	cfg := queue.DefaultConfig()
	cfg.Stream = stream
	q, err := queue.Connect(ctx, url, cfg)
	if err != nil {
		return err
	}
	defer q.Close()
	st, err := q.Status(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.m.Stdout, "stream %s: %d pending (%d in the workers' hands), %d dead letters\n",
		stream, st.Pending, st.InFlight, st.Dead)
	dead, err := q.ReadDeadLetters(ctx, 10)
	if err != nil {
		return err
	}
	for _, d := range dead {
		doc := "?"
		if a, err := queue.Decode(d.Data); err == nil {
			doc = a.Doc
		}
		fmt.Fprintf(c.m.Stdout, "  dead: seq %d, %s, delivered %d times: %s\n", d.Seq, doc, d.Delivered, d.Reason)
	}
	return nil
}

// replayDead moves up to limit dead letters (all with 0) back to the work
// stream and prints how many.
func (c *enqueueCmd) replayDead(ctx context.Context, url, stream string, limit int) error {
	cfg := queue.DefaultConfig()
	cfg.Stream = stream
	q, err := queue.Connect(ctx, url, cfg)
	if err != nil {
		return err
	}
	defer q.Close()
	st, err := q.ReplayDeadLetters(ctx, limit, func(format string, args ...any) {
		fmt.Fprintf(c.m.Stderr, "dyad enqueue: "+format+"\n", args...)
	})
	if err != nil {
		// Say what was moved before the replay stopped.
		fmt.Fprintf(c.m.Stdout, "stream %s: %d dead letters replayed before an error\n", stream, st.Replayed)
		return err
	}
	fmt.Fprintf(c.m.Stdout, "stream %s: %d dead letters replayed, %d left\n", stream, st.Replayed, st.Left)
	return nil
}

// enqueuer keeps the counts and failures of an enqueue.
type enqueuer struct {
	out    io.Writer
	read   int
	failed failures
}

// fail records and reports a document that could not be read or sent.
func (e *enqueuer) fail(err error) {
	e.failed.add(err)
	fmt.Fprintln(e.out, "dyad enqueue: "+err.Error())
}

// summary prints the counts and the failures grouped by reason, most
// frequent first.
func (e *enqueuer) summary(st queue.PublishStats, elapsed time.Duration) {
	rate := ""
	if s := elapsed.Seconds(); s > 0 {
		rate = fmt.Sprintf(", %.0f articles/s", float64(e.read)/s)
	}
	waits := ""
	if st.Waits > 0 {
		waits = fmt.Sprintf(", waited %d times for room", st.Waits)
	}
	fmt.Fprintf(e.out, "dyad enqueue: %d read, %d queued, %d duplicates, %d failed (%s%s%s)\n",
		e.read, st.Published, st.Duplicates, e.failed.count, elapsed.Round(100*time.Millisecond), rate, waits)
	e.failed.print(e.out)
}

// envOr returns the environment variable's value, or def when it is unset
// or empty.
func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
