package queue

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyad-project/dyad"
)

// streamStoreFailed is the JetStream error code of a message the stream
// refused to store: with DiscardNew, a full stream ("maximum messages
// exceeded", "maximum bytes exceeded").
const streamStoreFailed = 10077

// ackTimeout is how long a publication waits for the server's
// acknowledgement before it is sent again (the message id makes the second
// copy harmless).
const ackTimeout = 30 * time.Second

// PublishStats counts what a publisher did.
type PublishStats struct {
	// Published counts the messages the stream stored; Duplicates those
	// it dropped as already published within the duplicate window.
	Published  int
	Duplicates int
	// Waits counts the times a publication found the stream full and
	// waited for the workers to make room.
	Waits int
}

// Publisher publishes articles asynchronously with a bounded number of
// publications awaiting the server's acknowledgement, so a fast reader
// cannot outrun the server. It is not safe for concurrent use.
type Publisher struct {
	q       *Queue
	logf    func(format string, args ...any)
	pending chan *publication
	done    chan struct{}

	mu    sync.Mutex
	stats PublishStats
	err   error
}

// publication is one message waiting for its acknowledgement.
type publication struct {
	msg *nats.Msg
	id  string
	doc string
	fut jetstream.PubAckFuture
}

// Publisher returns a publisher that keeps at most maxPending
// publications unacknowledged. logf, when not nil, is told when the stream
// is full and the publisher waits.
func (q *Queue) Publisher(maxPending int, logf func(format string, args ...any)) *Publisher {
	if maxPending < 1 {
		maxPending = 1
	}
	if logf == nil {
		logf = func(string, ...any) {}
	}
	p := &Publisher{q: q, logf: logf, pending: make(chan *publication, maxPending), done: make(chan struct{})}
	go p.collect()
	return p
}

// Publish sends an article. It blocks while maxPending publications await
// their acknowledgement, and returns ErrTooLarge, without sending, for an
// article the server cannot take. The error of a publication that failed
// for good is returned by a later Publish or by Flush.
func (p *Publisher) Publish(ctx context.Context, a *dyad.Article) error {
	if err := p.failed(); err != nil {
		return err
	}
	data, err := Encode(a)
	if err != nil {
		return err
	}
	if max := p.q.nc.MaxPayload(); int64(len(data)) > max-1024 {
		return fmt.Errorf("%w: %s is %d bytes, the server takes %d", ErrTooLarge, a.Doc, len(data), max)
	}
	id := MsgID(a)
	pub := &publication{id: id, doc: a.Doc,
		msg: &nats.Msg{Subject: p.q.cfg.Subject(), Data: data, Header: nats.Header{}}}
	pub.msg.Header.Set(jetstream.MsgIDHeader, id)
	if fut, err := p.q.js.PublishMsgAsync(pub.msg); err == nil {
		pub.fut = fut
	} else {
		// Not sent: the collector sends it again synchronously.
		p.logf("publish %s: %v; retrying", a.Doc, err)
	}
	select {
	case p.pending <- pub:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Flush waits until every publication is acknowledged and returns the
// counts. The publisher cannot be used afterwards.
func (p *Publisher) Flush(ctx context.Context) (PublishStats, error) {
	close(p.pending)
	select {
	case <-p.done:
	case <-ctx.Done():
		return p.Stats(), ctx.Err()
	}
	return p.Stats(), p.failed()
}

// Stats returns the counts so far.
func (p *Publisher) Stats() PublishStats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stats
}

func (p *Publisher) failed() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.err
}

// collect takes the acknowledgements in publication order. A publication
// the stream refused because it is full is sent again, synchronously, until
// it is stored; meanwhile Publish blocks once maxPending publications wait,
// which is how a full stream makes the publisher wait instead of dropping
// articles.
func (p *Publisher) collect() {
	defer close(p.done)
	for pub := range p.pending {
		ack, err := p.await(pub)
		p.mu.Lock()
		switch {
		case err != nil:
			if p.err == nil {
				p.err = err
			}
		case ack.Duplicate:
			p.stats.Duplicates++
		default:
			p.stats.Published++
		}
		p.mu.Unlock()
	}
}

// await returns the acknowledgement of one publication, sending it again
// after a full stream, a timeout or a lost connection.
func (p *Publisher) await(pub *publication) (*jetstream.PubAck, error) {
	var err error
	if pub.fut != nil {
		select {
		case ack := <-pub.fut.Ok():
			return ack, nil
		case err = <-pub.fut.Err():
		case <-time.After(ackTimeout):
			err = errors.New("no acknowledgement")
		}
	}
	wait := 100 * time.Millisecond
	full := false
	for attempt := 1; ; attempt++ {
		if err != nil {
			if isFull(err) {
				if !full {
					p.mu.Lock()
					p.stats.Waits++
					p.mu.Unlock()
					p.logf("stream %s is full; waiting for the workers", p.q.cfg.Stream)
					full = true
				}
			} else if attempt > 10 {
				return nil, fmt.Errorf("queue: publish %s: %w", pub.doc, err)
			}
			time.Sleep(wait)
			wait = min(2*wait, 5*time.Second)
		}
		msg := &nats.Msg{Subject: pub.msg.Subject, Data: pub.msg.Data, Header: nats.Header{}}
		msg.Header.Set(jetstream.MsgIDHeader, pub.id)
		ctx, cancel := context.WithTimeout(context.Background(), ackTimeout)
		var ack *jetstream.PubAck
		ack, err = p.q.js.PublishMsg(ctx, msg)
		cancel()
		if err == nil {
			return ack, nil
		}
	}
}

// isFull reports whether err is the server refusing a message because the
// stream reached its limits.
func isFull(err error) bool {
	var apiErr *jetstream.APIError
	return errors.As(err, &apiErr) && apiErr.ErrorCode == streamStoreFailed
}
