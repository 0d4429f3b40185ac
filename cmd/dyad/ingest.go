package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
	"github.com/dyad-project/dyad/internal/pipeline"
)

func init() {
	register("ingest", "analyse articles and store them in a database for search and export",
		func(m *Main) Command { return &ingestCmd{m: m} })
}

// ingestCmd is `dyad ingest --db FILE [flags] [FILE|DIR|-]...`.
type ingestCmd struct {
	m *Main
}

func (c *ingestCmd) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	dbPath := fs.String("db", "", "the database to store into: a SQLite file (created if absent) or a postgres:// URL")
	batchSize := fs.Int("batch", 100, "articles stored per transaction")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "number of articles analysed at once")
	published := fs.String("published", "", "publication date (YYYY-MM-DD) for articles whose input gives none")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad ingest --db FILE [flags] [FILE|DIR|-]...

Reads articles like 'dyad extract', analyses them and stores each analysis in
the database, a batch per transaction. An article whose URL or text is already
stored is skipped as a duplicate without being analysed again, so an
interrupted ingest can simply be run again. A document that cannot be read is
reported and the others go on; the exit status is 1 when any failed. A
progress line is shown when standard error is a terminal. Each stored article
also joins the story index in the same transaction: near-duplicates, merged
events and stories, which 'dyad events --merged' and 'dyad stories' print.

Flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	inputs := fs.Args()
	if len(inputs) == 0 || *dbPath == "" || *batchSize < 1 {
		fs.Usage()
		return exitError{2}
	}
	cfg := pipeline.DefaultConfig()
	cfg.Published = *published
	// Every stored article joins the story index (duplicates, merged
	// events, stories), in input order and in the batch's transaction.
	p, db, stories, err := openStoring(ctx, *dbPath, cfg)
	if err != nil {
		return err
	}
	defer db.Close()

	in := &ingester{db: db, stories: stories, batchSize: *batchSize, out: c.m.Stderr}
	if isTerminal(c.m.Stderr) {
		in.progress = newProgress(c.m.Stderr)
		go in.progress.countInputs(ctx, inputs)
		in.progress.start()
	}
	start := time.Now()
	err = analyseNew(ctx, p, db, inputs, c.m.Stdin, *workers, in.add)
	// Store what was analysed before an interruption: a batch is atomic, so
	// this cannot leave anything half-stored.
	if ferr := in.flush(context.WithoutCancel(ctx)); err == nil {
		err = ferr
	}
	if in.progress != nil {
		in.progress.stop()
	}
	in.summary(time.Since(start))
	if err != nil {
		return err
	}
	if in.failed.count > 0 {
		return errSilent
	}
	return nil
}

// item is one document of the input: an analysis to store, an article
// already stored (skipped before analysis), or a read error.
type item struct {
	a   *dyad.Analysis
	dup bool
	err error
}

// analyseNew reads every input and calls fn with each document in input
// order, analysing on several goroutines only the articles the store does
// not hold yet. It is extract's analyseAll with the duplicate check before
// the analysis, which is what makes a rerun after an interruption cheap.
func analyseNew(ctx context.Context, p *pipeline.Pipeline, db dyad.ArticleStore, inputs []string, stdin io.Reader,
	workers int, fn func(item) error) error {
	if workers < 1 {
		workers = 1
	}
	type job struct {
		art *dyad.Article
		res chan item
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job)
	order := make(chan chan item, 4*workers)
	for range workers {
		go func() {
			for j := range jobs {
				// A failed check is not fatal: PutAnalyses decides in the end.
				if _, ok, err := db.HasArticle(ctx, j.art.URL, dyad.ContentHash(j.art.Text)); err == nil && ok {
					j.res <- item{dup: true}
					continue
				}
				j.res <- item{a: p.Analyse(j.art)}
			}
		}()
	}
	walkErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		walkErr <- ingest.Walk(ctx, inputs, stdin, func(a *dyad.Article, err error) error {
			res := make(chan item, 1)
			select {
			case order <- res:
			case <-ctx.Done():
				return ctx.Err()
			}
			if err != nil {
				res <- item{err: err}
				return nil
			}
			select {
			case jobs <- job{art: a, res: res}:
				return nil
			case <-ctx.Done():
				res <- item{err: ctx.Err()}
				return ctx.Err()
			}
		})
	}()
	var fnErr error
	for res := range order {
		it := <-res
		if fnErr == nil && !errors.Is(it.err, context.Canceled) {
			if fnErr = fn(it); fnErr != nil {
				cancel()
			}
		}
	}
	if fnErr != nil {
		return fnErr
	}
	return <-walkErr
}

// ingester batches analyses into the store and keeps the counts.
type ingester struct {
	db        database
	stories   batchWriter
	batchSize int
	batch     []*dyad.Analysis
	out       io.Writer
	progress  *progress

	read, stored, dups int
	failed             failures
}

// add takes the next document in input order.
func (in *ingester) add(it item) error {
	switch {
	case it.err != nil:
		in.fail(it.err)
	case it.dup:
		in.read++
		in.dups++
	default:
		in.read++
		in.batch = append(in.batch, it.a)
	}
	in.report()
	if len(in.batch) >= in.batchSize {
		return in.flush(context.Background())
	}
	return nil
}

// flush stores the pending batch. When the batch fails for another reason
// than the context, each analysis is stored on its own, so that one bad
// analysis costs only itself.
func (in *ingester) flush(ctx context.Context) error {
	if len(in.batch) == 0 {
		return nil
	}
	batch := in.batch
	in.batch = in.batch[:0]
	res, err := in.stories.PutAnalyses(ctx, batch)
	if err == nil {
		in.stored += res.Stored
		in.dups += res.Duplicates
		in.report()
		return nil
	}
	if ctx.Err() != nil {
		return err
	}
	for _, a := range batch {
		res, err := in.stories.PutAnalyses(ctx, []*dyad.Analysis{a})
		if err != nil {
			in.read--
			in.fail(fmt.Errorf("%s: not stored: %w", a.Doc, err))
			continue
		}
		in.stored += res.Stored
		in.dups += res.Duplicates
	}
	in.report()
	return nil
}

// fail records and reports a document that failed.
func (in *ingester) fail(err error) {
	in.failed.add(err)
	line := "dyad ingest: " + err.Error()
	if in.progress != nil {
		in.report()
		in.progress.println(line)
	} else {
		fmt.Fprintln(in.out, line)
	}
}

// failureReason returns the group a failure belongs to and where it
// happened (file and line).
func failureReason(err error) (reason, where string) {
	var ie *ingest.Error
	if errors.As(err, &ie) {
		where = ie.Path
		if ie.Line > 0 {
			where = fmt.Sprintf("%s:%d", ie.Path, ie.Line)
		}
	}
	switch {
	case errors.Is(err, ingest.ErrNotArticle):
		reason = "not an article"
	case errors.Is(err, ingest.ErrEncoding):
		reason = "invalid encoding"
	case errors.Is(err, ingest.ErrNoText):
		reason = "no article text"
	case errors.Is(err, fs.ErrNotExist):
		reason = "no such file"
	case errors.Is(err, fs.ErrPermission):
		reason = "permission denied"
	case ie != nil:
		reason = ie.Err.Error()
	default:
		doc, rest, _ := strings.Cut(err.Error(), ": ")
		where, reason = doc, rest
		if r, _, ok := strings.Cut(rest, ": "); ok {
			reason = r
		}
	}
	return reason, where
}

func (in *ingester) report() {
	if in.progress != nil {
		in.progress.update(in.read+in.failed.count, in.stored, in.dups, in.failed.count)
	}
}

// summary prints the counts and the failures grouped by reason, most
// frequent first.
func (in *ingester) summary(elapsed time.Duration) {
	rate := ""
	if s := elapsed.Seconds(); s > 0 {
		rate = fmt.Sprintf(", %.0f articles/s", float64(in.read)/s)
	}
	fmt.Fprintf(in.out, "dyad ingest: %d read, %d stored, %d duplicates, %d failed (%s%s)\n",
		in.read, in.stored, in.dups, in.failed.count, elapsed.Round(100*time.Millisecond), rate)
	in.failed.print(in.out)
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progress draws a one-line progress report on a terminal, redrawn a few
// times a second: documents done (of the total, once counted), rate, ETA
// and the counts so far.
type progress struct {
	mu                         sync.Mutex
	w                          io.Writer
	begin                      time.Time
	done, stored, dups, failed int
	total                      atomic.Int64 // -1 while unknown
	quit                       chan struct{}
	finished                   chan struct{}
	lineShown                  bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, begin: time.Now(), quit: make(chan struct{}), finished: make(chan struct{})}
	p.total.Store(-1)
	return p
}

func (p *progress) start() {
	go func() {
		defer close(p.finished)
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.mu.Lock()
				p.draw()
				p.mu.Unlock()
			case <-p.quit:
				return
			}
		}
	}()
}

// stop ends the redrawing and clears the line.
func (p *progress) stop() {
	close(p.quit)
	<-p.finished
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
}

func (p *progress) update(done, stored, dups, failed int) {
	p.mu.Lock()
	p.done, p.stored, p.dups, p.failed = done, stored, dups, failed
	p.mu.Unlock()
}

// println prints a line above the progress line.
func (p *progress) println(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	fmt.Fprintln(p.w, s)
	p.draw()
}

func (p *progress) clear() {
	if p.lineShown {
		fmt.Fprint(p.w, "\r\033[K")
		p.lineShown = false
	}
}

func (p *progress) draw() {
	elapsed := time.Since(p.begin).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(p.done) / elapsed
	}
	var b strings.Builder
	b.WriteString("\r\033[Kingest: ")
	total := int(p.total.Load())
	if total > 0 {
		fmt.Fprintf(&b, "%d/%d (%d%%)", p.done, total, 100*p.done/max(total, 1))
	} else {
		fmt.Fprintf(&b, "%d", p.done)
	}
	fmt.Fprintf(&b, "  %.0f/s", rate)
	if total > p.done && rate > 0 {
		eta := time.Duration(float64(total-p.done) / rate * float64(time.Second))
		fmt.Fprintf(&b, "  ETA %s", eta.Round(time.Second))
	}
	fmt.Fprintf(&b, "  stored %d  duplicates %d  failed %d", p.stored, p.dups, p.failed)
	fmt.Fprint(p.w, b.String())
	p.lineShown = true
}

// countInputs counts the documents of the inputs cheaply, for the ETA:
// the lines that are not blank of JSON Lines files, one per other file.
// Standard input cannot be counted, so with "-" the total stays unknown.
func (p *progress) countInputs(ctx context.Context, inputs []string) {
	n := 0
	for _, in := range inputs {
		if in == "-" || ctx.Err() != nil {
			return
		}
		info, err := os.Stat(in)
		if err != nil {
			n++ // it will fail, and count as one
			continue
		}
		if !info.IsDir() {
			n += countFile(in, true)
			continue
		}
		filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
			if err != nil || ctx.Err() != nil {
				return nil
			}
			if path != in && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() {
				n += countFile(path, false)
			}
			return nil
		})
	}
	p.total.Store(int64(n))
}

// countFile counts the documents of one file: the lines that are not blank
// of a JSON Lines file, else 1, or 0 for a file a directory walk skips.
// A file named on its own with another extension is JSON Lines when its
// first character that is not white space is '{'.
func countFile(path string, named bool) int {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".txt", ".html", ".htm":
		return 1
	case ".jsonl":
	default:
		if !named {
			return 0
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return 1
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 64<<10)
	n, first := 0, true
	for {
		line, err := r.ReadSlice('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			if first && ext != ".jsonl" && bytes.TrimSpace(line)[0] != '{' {
				return 1
			}
			first = false
			n++
		}
		if err == bufio.ErrBufferFull {
			// A long line: skip to its end without counting it again.
			for err == bufio.ErrBufferFull {
				_, err = r.ReadSlice('\n')
			}
		}
		if err != nil {
			return n
		}
	}
}
