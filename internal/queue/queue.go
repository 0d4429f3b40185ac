// Package queue distributes articles to workers over NATS JetStream: a
// publisher turns dyad.Article values into messages of a work-queue
// stream, and workers take them back as batches of Jobs, acknowledging each
// message only after the caller has handled (stored) it.
//
// Delivery is at least once. A message that is published twice within the
// stream's duplicate window is stored once (its Nats-Msg-Id is the article's
// identity, see MsgID); a message whose worker dies before acknowledging it
// is delivered again after the ack wait, so the store must treat a second
// copy of an article as a duplicate, which dyad's stores do (by URL and
// content hash). A message that cannot be decoded, fails permanently or
// keeps failing is moved to a dead-letter stream with the reason in its
// headers, so one bad article never blocks the others; ReplayDeadLetters
// moves dead letters back to the work stream once the cause is fixed.
package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyad-project/dyad"
)

// Errors of the package.
var (
	// ErrDecode reports a message that is not a JSON dyad.Article with text.
	ErrDecode = errors.New("queue: not an article")
	// ErrPermanent marks a handler's error that another delivery cannot
	// cure (an analysis the store rejects): the message goes to the dead
	// letters at once instead of being delivered again.
	ErrPermanent = errors.New("queue: permanent failure")
	// ErrTooLarge reports an article whose message exceeds the server's
	// maximum payload.
	ErrTooLarge = errors.New("queue: article too large for the server")
)

// Headers of dead letters.
const (
	// HeaderReason says why the message was given up.
	HeaderReason = "Dyad-Reason"
	// HeaderSeq is the message's sequence number in the work stream.
	HeaderSeq = "Dyad-Stream-Seq"
	// HeaderDelivered is how many times it was delivered.
	HeaderDelivered = "Dyad-Delivered"
	// HeaderMsgID is the original Nats-Msg-Id.
	HeaderMsgID = "Dyad-Msg-Id"
)

// Config names the streams and the consumer and sets their limits. The
// zero value is not usable; start from DefaultConfig.
type Config struct {
	// Stream is the work stream's name; its subject is Stream+".articles".
	// The dead letters go to the stream Stream+"_dead", subject
	// Stream+".dead".
	Stream string
	// MaxMsgs and MaxBytes bound the work stream. When it is full the
	// server refuses new messages (DiscardNew) and the publisher waits
	// and tries again: nothing is dropped.
	MaxMsgs  int64
	MaxBytes int64
	// DeadMaxBytes bounds the dead-letter stream.
	DeadMaxBytes int64
	// DupWindow is how long the server remembers message ids to drop a
	// message published twice.
	DupWindow time.Duration
	// Consumer is the durable consumer all workers share.
	Consumer string
	// AckWait is how long the server waits for a message's
	// acknowledgement (or a progress notice) before delivering it again.
	AckWait time.Duration
	// MaxAckPending bounds the messages delivered and not yet
	// acknowledged, across all workers: back-pressure from slow workers.
	MaxAckPending int
	// MaxDeliver is how many times a message is delivered at most. A
	// message that failed on its delivery MaxDeliver-1 goes to the dead
	// letters, and one delivered for the MaxDeliver-th time (its earlier
	// workers died or timed out) goes there without being handled again.
	MaxDeliver int
}

// DefaultConfig returns the configuration `dyad enqueue` and `dyad worker`
// use unless told otherwise.
func DefaultConfig() Config {
	return Config{
		Stream:        "dyad",
		MaxMsgs:       1_000_000,
		MaxBytes:      1 << 30,
		DeadMaxBytes:  256 << 20,
		DupWindow:     20 * time.Minute,
		Consumer:      "workers",
		AckWait:       60 * time.Second,
		MaxAckPending: 2000,
		MaxDeliver:    5,
	}
}

// Subject is the subject articles are published to.
func (c Config) Subject() string { return c.Stream + ".articles" }

// DeadStream is the name of the dead-letter stream.
func (c Config) DeadStream() string { return c.Stream + "_dead" }

// DeadSubject is the subject dead letters are published to.
func (c Config) DeadSubject() string { return c.Stream + ".dead" }

// Validate reports a configuration the server would refuse or the workers
// could not honour.
func (c Config) Validate() error {
	switch {
	case c.Stream == "" || strings.ContainsAny(c.Stream, ". *>\t\r\n"):
		return fmt.Errorf("queue: stream name %q: want a name without '.', '*', '>' or spaces", c.Stream)
	case c.Consumer == "" || strings.ContainsAny(c.Consumer, ". *>\t\r\n"):
		return fmt.Errorf("queue: consumer name %q: want a name without '.', '*', '>' or spaces", c.Consumer)
	case c.MaxMsgs < 1 || c.MaxBytes < 1 || c.DeadMaxBytes < 1:
		return errors.New("queue: the stream limits must be positive")
	case c.AckWait < time.Second:
		return errors.New("queue: the ack wait must be at least a second")
	case c.MaxAckPending < 1:
		return errors.New("queue: the maximum of pending acknowledgements must be positive")
	case c.MaxDeliver < 2:
		return errors.New("queue: a message must be deliverable at least twice")
	case c.DupWindow <= 0:
		return errors.New("queue: the duplicate window must be positive")
	}
	return nil
}

// Queue is a connection to the server with the streams in place.
type Queue struct {
	nc   *nats.Conn
	js   jetstream.JetStream
	cfg  Config
	work jetstream.Stream
}

// Connect connects to the server at url and creates the work and
// dead-letter streams when they do not exist, so any number of publishers
// and workers can start in any order. Streams that exist are used as they
// are; Configure sets their limits.
func Connect(ctx context.Context, url string, cfg Config) (*Queue, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	nc, err := nats.Connect(url, nats.Name("dyad"), nats.MaxReconnects(-1))
	if err != nil {
		return nil, fmt.Errorf("queue: connect %s: %w", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue: %w", err)
	}
	q := &Queue{nc: nc, js: js, cfg: cfg}
	if err := q.ensure(ctx, false); err != nil {
		nc.Close()
		return nil, err
	}
	return q, nil
}

// Configure creates the streams or updates them to the configuration's
// limits (an idempotent operation: 'dyad enqueue' does it every time).
func (q *Queue) Configure(ctx context.Context) error {
	return q.ensure(ctx, true)
}

// streamConfigs returns the configurations of the work and dead-letter
// streams.
func (c Config) streamConfigs() (work, dead jetstream.StreamConfig) {
	work = jetstream.StreamConfig{
		Name:        c.Stream,
		Description: "articles waiting for a dyad worker",
		Subjects:    []string{c.Subject()},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		MaxMsgs:     c.MaxMsgs,
		MaxBytes:    c.MaxBytes,
		Discard:     jetstream.DiscardNew,
		Duplicates:  c.DupWindow,
		Replicas:    1,
	}
	dead = jetstream.StreamConfig{
		Name:        c.DeadStream(),
		Description: "articles dyad workers gave up on, with the reason in the Dyad-Reason header",
		Subjects:    []string{c.DeadSubject()},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		MaxMsgs:     -1,
		MaxBytes:    c.DeadMaxBytes,
		Discard:     jetstream.DiscardNew,
		Duplicates:  c.DupWindow,
		Replicas:    1,
	}
	return work, dead
}

// ensure creates the streams that do not exist and, with update, sets the
// configuration of those that do.
func (q *Queue) ensure(ctx context.Context, update bool) error {
	work, dead := q.cfg.streamConfigs()
	for _, sc := range []jetstream.StreamConfig{work, dead} {
		var s jetstream.Stream
		var err error
		if update {
			s, err = q.js.CreateOrUpdateStream(ctx, sc)
		} else if s, err = q.js.Stream(ctx, sc.Name); errors.Is(err, jetstream.ErrStreamNotFound) {
			s, err = q.js.CreateStream(ctx, sc)
			if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
				s, err = q.js.Stream(ctx, sc.Name) // another process created it first
			}
		}
		if err != nil {
			return fmt.Errorf("queue: stream %s: %w", sc.Name, err)
		}
		if sc.Name == q.cfg.Stream {
			q.work = s
		}
	}
	return nil
}

// Config returns the queue's configuration.
func (q *Queue) Config() Config { return q.cfg }

// Close drains pending publications and acknowledgements and closes the
// connection.
func (q *Queue) Close() error {
	if err := q.nc.FlushTimeout(5 * time.Second); err != nil && !errors.Is(err, nats.ErrConnectionClosed) {
		q.nc.Close()
		return fmt.Errorf("queue: close: %w", err)
	}
	q.nc.Close()
	return nil
}

// Pending returns how many messages the work stream holds: published and
// not yet acknowledged by a worker (being handled or waiting).
func (q *Queue) Pending(ctx context.Context) (int, error) {
	info, err := q.work.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("queue: stream %s: %w", q.cfg.Stream, err)
	}
	return int(info.State.Msgs), nil
}

// Status is a snapshot of the queue, for monitoring and tests.
type Status struct {
	// Pending counts the messages of the work stream: waiting, or
	// delivered and not yet acknowledged.
	Pending int
	// InFlight counts the messages delivered to workers and not yet
	// acknowledged (0 before the first worker created the consumer).
	InFlight int
	// Dead counts the dead letters.
	Dead int
}

// Status returns the queue's counts.
func (q *Queue) Status(ctx context.Context) (Status, error) {
	var st Status
	var err error
	if st.Pending, err = q.Pending(ctx); err != nil {
		return st, err
	}
	cons, err := q.js.Consumer(ctx, q.cfg.Stream, q.cfg.Consumer)
	switch {
	case errors.Is(err, jetstream.ErrConsumerNotFound):
	case err != nil:
		return st, fmt.Errorf("queue: consumer %s: %w", q.cfg.Consumer, err)
	default:
		info, err := cons.Info(ctx)
		if err != nil {
			return st, fmt.Errorf("queue: consumer %s: %w", q.cfg.Consumer, err)
		}
		st.InFlight = info.NumAckPending
	}
	s, err := q.js.Stream(ctx, q.cfg.DeadStream())
	if err != nil {
		return st, fmt.Errorf("queue: stream %s: %w", q.cfg.DeadStream(), err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return st, fmt.Errorf("queue: stream %s: %w", q.cfg.DeadStream(), err)
	}
	st.Dead = int(info.State.Msgs)
	return st, nil
}

// Delete removes both streams and with them every message and the
// consumer: the end of a test, or starting over.
func (q *Queue) Delete(ctx context.Context) error {
	for _, name := range []string{q.cfg.Stream, q.cfg.DeadStream()} {
		if err := q.js.DeleteStream(ctx, name); err != nil && !errors.Is(err, jetstream.ErrStreamNotFound) {
			return fmt.Errorf("queue: delete stream %s: %w", name, err)
		}
	}
	return nil
}

// DeadLetter is a message the workers gave up on.
type DeadLetter struct {
	// Seq is its sequence number in the work stream, Delivered how many
	// times it was delivered, Reason why it was given up.
	Seq       uint64
	Delivered int
	Reason    string
	// Data is the message as published.
	Data []byte
}

// ReadDeadLetters returns up to max dead letters, oldest first, leaving
// them in their stream.
func (q *Queue) ReadDeadLetters(ctx context.Context, max int) ([]DeadLetter, error) {
	s, err := q.js.Stream(ctx, q.cfg.DeadStream())
	if err != nil {
		return nil, fmt.Errorf("queue: stream %s: %w", q.cfg.DeadStream(), err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("queue: stream %s: %w", q.cfg.DeadStream(), err)
	}
	var out []DeadLetter
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && len(out) < max && info.State.Msgs > 0; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return out, fmt.Errorf("queue: dead letter %d: %w", seq, err)
		}
		d := DeadLetter{Reason: m.Header.Get(HeaderReason), Data: m.Data}
		fmt.Sscan(m.Header.Get(HeaderSeq), &d.Seq)
		fmt.Sscan(m.Header.Get(HeaderDelivered), &d.Delivered)
		out = append(out, d)
	}
	return out, nil
}

// MsgID returns the message id an article is published under: the SHA-256
// of its URL when it has one, else its content hash. The server drops a
// second message with the same id within the duplicate window; the store
// identifies articles the same way, so a later copy is a duplicate there.
func MsgID(a *dyad.Article) string {
	if a.URL != "" {
		sum := sha256.Sum256([]byte(a.URL))
		return "url-" + hex.EncodeToString(sum[:])
	}
	return "text-" + dyad.ContentHash(a.Text)
}

// Encode returns the message body of an article: its JSON.
func Encode(a *dyad.Article) ([]byte, error) {
	b, err := json.Marshal(a)
	if err != nil {
		return nil, fmt.Errorf("queue: encode %s: %w", a.Doc, err)
	}
	return b, nil
}

// Decode parses a message body written by Encode. It returns an error
// wrapping ErrDecode for anything else, including an article without text.
func Decode(data []byte) (*dyad.Article, error) {
	var a dyad.Article
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrDecode, err)
	}
	if strings.TrimSpace(a.Text) == "" {
		return nil, fmt.Errorf("%w: no text", ErrDecode)
	}
	return &a, nil
}
