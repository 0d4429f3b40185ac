package queue

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// replaySep separates a replayed message's original id from the part that
// names the replay (see ReplayMsgID).
const replaySep = "~replay-"

// HeaderReplayOf is set on a replayed message: the dead letter it came
// from, as its sequence number in the dead-letter stream.
const HeaderReplayOf = "Dyad-Replay-Of"

// ReplayStats counts what ReplayDeadLetters did.
type ReplayStats struct {
	// Replayed counts the dead letters moved back to the work stream;
	// Left those still in the dead-letter stream afterwards.
	Replayed int
	Left     int
	// Waits counts the times the work stream was full and the replay
	// waited for the workers to make room.
	Waits int
}

// ReplayMsgID returns the Nats-Msg-Id a dead letter is republished under:
// its original id (without the suffix of an earlier replay) followed by a
// suffix naming this dead letter, its sequence number and storage time in
// the dead-letter stream. The original id alone would be dropped as a
// duplicate when the article was first published less than the duplicate
// window ago; the suffix makes each dead letter's replay distinct, while
// replaying the same dead letter twice (the first replay published it but
// could not delete it) is still a duplicate the server drops.
func ReplayMsgID(orig string, deadSeq uint64, stored time.Time) string {
	if i := strings.Index(orig, replaySep); i >= 0 {
		orig = orig[:i]
	}
	return orig + replaySep + strconv.FormatUint(deadSeq, 10) + "-" + strconv.FormatInt(stored.UnixNano(), 36)
}

// ReplayDeadLetters moves up to limit dead letters (all of them when limit
// is less than 1), oldest first, back to the work stream, where the workers
// take them again. Each one is republished with its original body and
// message id (made distinct by ReplayMsgID) and deleted from the
// dead-letter stream only once the work stream acknowledged it, so a
// failure at any point loses nothing: at worst a dead letter stays where
// it was, already replayed, and a second replay within the duplicate
// window is dropped by the server. Dead letters that arrive while the
// replay runs are left for the next one. When the work stream is full the
// replay waits for the workers, telling logf (which may be nil).
func (q *Queue) ReplayDeadLetters(ctx context.Context, limit int, logf func(format string, args ...any)) (ReplayStats, error) {
	var st ReplayStats
	if logf == nil {
		logf = func(string, ...any) {}
	}
	s, err := q.js.Stream(ctx, q.cfg.DeadStream())
	if err != nil {
		return st, fmt.Errorf("queue: stream %s: %w", q.cfg.DeadStream(), err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return st, fmt.Errorf("queue: stream %s: %w", q.cfg.DeadStream(), err)
	}
	last := info.State.LastSeq
	for seq := info.State.FirstSeq; info.State.Msgs > 0 && seq <= last && (limit < 1 || st.Replayed < limit); seq++ {
		m, err := s.GetMsg(ctx, seq, jetstream.WithGetMsgSubject(q.cfg.DeadSubject()))
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			break
		}
		if err != nil {
			return st, fmt.Errorf("queue: dead letter %d: %w", seq, err)
		}
		if m.Sequence > last {
			break
		}
		seq = m.Sequence
		if err := q.replay(ctx, m, &st, logf); err != nil {
			return st, err
		}
		if err := s.DeleteMsg(ctx, m.Sequence); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
			return st, fmt.Errorf("queue: dead letter %d was replayed but not deleted (a second replay "+
				"within the duplicate window is harmless): %w", m.Sequence, err)
		}
		st.Replayed++
	}
	if info, err = s.Info(ctx); err != nil {
		return st, fmt.Errorf("queue: stream %s: %w", q.cfg.DeadStream(), err)
	}
	st.Left = int(info.State.Msgs)
	return st, nil
}

// replay publishes a dead letter to the work stream and waits for the
// acknowledgement, waiting while the stream is full and trying again after
// other failures a few times.
func (q *Queue) replay(ctx context.Context, m *jetstream.RawStreamMsg, st *ReplayStats, logf func(string, ...any)) error {
	orig := m.Header.Get(HeaderMsgID)
	id := ReplayMsgID(orig, m.Sequence, m.Time)
	wait := 100 * time.Millisecond
	full := false
	for attempt := 1; ; attempt++ {
		msg := &nats.Msg{Subject: q.cfg.Subject(), Data: m.Data, Header: nats.Header{}}
		msg.Header.Set(jetstream.MsgIDHeader, id)
		msg.Header.Set(HeaderReplayOf, strconv.FormatUint(m.Sequence, 10))
		actx, cancel := context.WithTimeout(ctx, ackTimeout)
		_, err := q.js.PublishMsg(actx, msg)
		cancel()
		switch {
		case err == nil:
			return nil
		case ctx.Err() != nil:
			return fmt.Errorf("queue: replay dead letter %d: %w", m.Sequence, ctx.Err())
		case isFull(err):
			if !full {
				st.Waits++
				logf("stream %s is full; waiting for the workers", q.cfg.Stream)
				full = true
			}
			attempt = 0 // a full stream is waited out, not counted
		case attempt >= 10:
			return fmt.Errorf("queue: replay dead letter %d: %w", m.Sequence, err)
		}
		if !sleep(ctx, wait) {
			return fmt.Errorf("queue: replay dead letter %d: %w", m.Sequence, ctx.Err())
		}
		wait = min(2*wait, 5*time.Second)
	}
}
