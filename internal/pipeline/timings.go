package pipeline

import "time"

// The stages, in pipeline order, as Timings indexes them.
const (
	StageClean = iota
	StageSegment
	StageParse
	StageActor
	StageWhen
	StageWhere
	StageQuote
	StageEvent
	numStages
)

// StageNames names the stages for reports, in pipeline order.
var StageNames = [numStages]string{"clean", "segment", "parse", "actor", "when", "where", "quote", "event"}

// Timings adds up where analysis time goes, stage by stage. It is not safe
// for concurrent use: give each goroutine its own and Add them up.
type Timings struct {
	Articles  int
	Sentences int
	Tokens    int
	Stage     [numStages]time.Duration
}

// Add adds o's counts and durations to t.
func (t *Timings) Add(o *Timings) {
	t.Articles += o.Articles
	t.Sentences += o.Sentences
	t.Tokens += o.Tokens
	for i := range t.Stage {
		t.Stage[i] += o.Stage[i]
	}
}

// Total returns the time spent in all stages.
func (t *Timings) Total() time.Duration {
	var d time.Duration
	for _, s := range t.Stage {
		d += s
	}
	return d
}

// lap measures consecutive stages; with a nil Timings it does nothing, so
// Analyse pays nothing for it.
type lap struct {
	t    *Timings
	last time.Time
}

func newLap(t *Timings) lap {
	if t == nil {
		return lap{}
	}
	return lap{t: t, last: time.Now()}
}

// done charges the time since the previous mark to stage.
func (l *lap) done(stage int) {
	if l.t == nil {
		return
	}
	now := time.Now()
	l.t.Stage[stage] += now.Sub(l.last)
	l.last = now
}
