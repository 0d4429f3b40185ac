package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/queue"
	"github.com/dyad-project/dyad/internal/storetest"
)

// natsURL returns the test server's URL from $DYAD_TEST_NATS (see
// .ci/nats), skipping the test without one unless CI=true.
func natsURL(t testing.TB) string {
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

var testStreamSeq atomic.Int64

// testStream returns a stream name of the test's own and deletes the
// stream at the end, with a queue connection for looking at it.
func testStream(t testing.TB, url string) (string, *queue.Queue) {
	t.Helper()
	cfg := queue.DefaultConfig()
	cfg.Stream = fmt.Sprintf("cmdt%d_%d", os.Getpid(), testStreamSeq.Add(1))
	cfg.MaxBytes, cfg.DeadMaxBytes = 256<<20, 16<<20
	q, err := queue.Connect(context.Background(), url, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		q.Delete(context.Background())
		q.Close()
	})
	return cfg.Stream, q
}

// newsArticle writes the JSON Lines record of generated article i: a short
// news report from one of a few templates, with countries, people, places
// and numbers varied by i so that every text differs. Every seventh article
// has no URL, so only its text identifies it.
func newsArticle(i int) string {
	countries := []string{"Kenya", "Peru", "Norway", "Vietnam", "Ghana", "Chile", "Poland", "Jordan"}
	people := []string{"Daniel Okafor", "Maria Quispe", "Henrik Lund", "Tran Van Minh", "Abena Mensah", "Lucia Rojas"}
	cities := []string{"Nairobi", "Lima", "Oslo", "Hanoi", "Accra", "Santiago", "Warsaw", "Amman"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	c1, c2 := countries[i%len(countries)], countries[(i/len(countries)+i+1)%len(countries)]
	if c1 == c2 {
		c2 = countries[(i+3)%len(countries)]
	}
	p1, p2 := people[i%len(people)], people[(i+2)%len(people)]
	city, day, n := cities[(i/3)%len(cities)], days[i%len(days)], 12+i
	var title, body string
	switch i % 4 {
	case 0:
		title = fmt.Sprintf("%s and %s leaders meet in %s", c1, c2, city)
		body = fmt.Sprintf("%s President %s met %s Prime Minister %s in %s on %s to discuss trade across "+
			"their %d border crossings. The two leaders agreed to hold further talks next month, officials said.\n\n"+
			"\"We have made real progress,\" %s told reporters after the meeting, which lasted %d hours.",
			c1, p1, c2, p2, city, day, n, p1, n%9+2)
	case 1:
		title = fmt.Sprintf("Police arrest %d protesters in %s", n, city)
		body = fmt.Sprintf("Police in %s arrested %d protesters on %s after demonstrators marched on the parliament "+
			"to denounce rising fuel prices.\n\nThe interior ministry accused opposition leader %s of organising the rally. "+
			"%s denied the charge and called for a general strike.", city, n, day, p2, p2)
	case 2:
		title = fmt.Sprintf("%s accuses %s of breaking ceasefire", c1, c2)
		body = fmt.Sprintf("%s accused %s of violating a ceasefire along their border, the foreign ministry said on %s. "+
			"It said %d soldiers had been wounded in shelling near %s.\n\n%s rejected the accusation and demanded an "+
			"international investigation.", c1, c2, day, n, city, c2)
	default:
		title = fmt.Sprintf("%s signs wheat deal with %s", c1, c2)
		body = fmt.Sprintf("The government of %s signed an agreement with %s on %s to supply %d tonnes of wheat over "+
			"the next year.\n\nTrade minister %s said the deal would ease shortages in %s.", c1, c2, day, 1000*n, p1, city)
	}
	rec := map[string]string{
		"id": fmt.Sprintf("news-%04d", i), "title": title, "text": title + "\n\n" + body,
		"published": fmt.Sprintf("2023-%02d-%02d", 1+i%12, 1+i%28),
	}
	if i%7 != 0 {
		rec["url"] = fmt.Sprintf("https://daily.example/%d/%s", 2023000+i, strings.ToLower(city))
	}
	b, _ := json.Marshal(rec)
	return string(b) + "\n"
}

// writeNews writes n generated articles to a JSON Lines file in dir.
func writeNews(t testing.TB, dir string, n int) string {
	t.Helper()
	var b strings.Builder
	for i := range n {
		b.WriteString(newsArticle(i))
	}
	path := filepath.Join(dir, "news.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// testStore is a database the queue tests store into.
type testStore struct {
	name string
	addr func(t testing.TB) string
}

// testStores returns the stores to run the queue tests against: a SQLite
// file always, PostgreSQL when $DYAD_TEST_POSTGRES names a server.
func testStores() []testStore {
	stores := []testStore{{name: "sqlite", addr: func(t testing.TB) string {
		return filepath.Join(t.TempDir(), "dyad.db")
	}}}
	if os.Getenv(storetest.PostgresEnv) != "" || os.Getenv("CI") == "true" {
		stores = append(stores, testStore{name: "postgres", addr: storetest.PostgresURL})
	}
	return stores
}

// storeCheck is what a store holds after a queue test.
type storeCheck struct {
	articles, docs int // articles, distinct documents
	storyArticles  int // articles in the story index, over all stories
}

// countStored returns the number of articles in the store at addr.
func countStored(t testing.TB, addr string) int {
	t.Helper()
	ctx := context.Background()
	db, err := openDB(ctx, addr, false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, n, err := db.Search(ctx, dyad.SearchFilter{Kind: dyad.HitArticle, Page: dyad.Page{Limit: 1}})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// checkStore counts the articles of the store at addr, their distinct
// documents, and the articles its stories hold.
func checkStore(t testing.TB, addr string) storeCheck {
	t.Helper()
	ctx := context.Background()
	db, err := openDB(ctx, addr, false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	hits, n, err := db.Search(ctx, dyad.SearchFilter{Kind: dyad.HitArticle, Page: dyad.Page{Limit: 100000}})
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]bool{}
	for _, h := range hits {
		docs[h.Doc] = true
	}
	return storeCheck{articles: n, docs: len(docs), storyArticles: indexedArticles(t, db)}
}

// indexedArticles returns the number of articles over all the stories of
// the story index, checking that each story lists the articles it counts.
func indexedArticles(t testing.TB, db database) int {
	t.Helper()
	ctx := context.Background()
	sts, _, err := db.FindStories(ctx, dyad.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, st := range sts {
		d, err := db.GetStory(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		if st.Articles != len(d.Docs) {
			t.Errorf("story %d counts %d articles and lists %d", st.ID, st.Articles, len(d.Docs))
		}
		n += st.Articles
	}
	return n
}

// workerSummary matches a worker's last line.
var workerSummary = regexp.MustCompile(`dyad worker: (\d+) stored, (\d+) duplicates, (\d+) retried, (\d+) dead letters`)

// parseWorker returns the counts of a worker's summary.
func parseWorker(t testing.TB, stderr string) (stored, dups, retried, dead int) {
	t.Helper()
	m := workerSummary.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no summary in the worker's output:\n%s", stderr)
	}
	var n [4]int
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	return n[0], n[1], n[2], n[3]
}

// runWorkers runs k workers in-process with --drain until the queue is
// empty and returns their standard error.
func runWorkers(t testing.TB, k int, args ...string) []string {
	t.Helper()
	out := make([]string, k)
	var wg sync.WaitGroup
	for i := range k {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			var stdout, stderr bytes.Buffer
			m := &Main{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr}
			if status := m.Run(ctx, append([]string{"worker", "--drain"}, args...)); status != 0 {
				t.Errorf("worker %d: exit status %d\n%s", i, status, stderr.String())
			}
			if ctx.Err() != nil {
				t.Errorf("worker %d did not drain the queue in time", i)
			}
			out[i] = stderr.String()
		}()
	}
	wg.Wait()
	return out
}

func TestQueueEndToEnd(t *testing.T) {
	url := natsURL(t)
	for _, s := range testStores() {
		t.Run(s.name, func(t *testing.T) {
			const n = 60
			stream, q := testStream(t, url)
			input := writeNews(t, t.TempDir(), n)
			status, _, stderr := runDyad(t, "", "enqueue", "--nats", url, "--stream", stream, input)
			if status != 0 || !strings.Contains(stderr, fmt.Sprintf("%d read, %d queued, 0 duplicates, 0 failed", n, n)) {
				t.Fatalf("enqueue: status %d\n%s", status, stderr)
			}
			addr := s.addr(t)
			outs := runWorkers(t, 2, "--nats", url, "--stream", stream, "--db", addr, "--batch", "8", "-j", "1")
			total := 0
			for _, out := range outs {
				stored, _, retried, dead := parseWorker(t, out)
				if retried != 0 || dead != 0 {
					t.Errorf("a worker retried %d and gave up %d:\n%s", retried, dead, out)
				}
				total += stored
			}
			if total != n {
				t.Errorf("the workers stored %d articles, want %d", total, n)
			}
			if got := checkStore(t, addr); got != (storeCheck{n, n, n}) {
				t.Errorf("store holds %+v, want %d articles, documents and indexed articles", got, n)
			}
			if st, err := q.Status(context.Background()); err != nil || st != (queue.Status{}) {
				t.Errorf("queue after the drain: %+v, %v; want empty", st, err)
			}
		})
	}
}

// TestEnqueueDuplicates enqueues the same articles twice into one stream
// (the server drops the copies) and then into a new stream (the store
// skips them).
func TestEnqueueDuplicates(t *testing.T) {
	url := natsURL(t)
	const n = 20
	dir := t.TempDir()
	input := writeNews(t, dir, n)
	addr := filepath.Join(dir, "dyad.db")
	stream, _ := testStream(t, url)
	for i, want := range []string{"20 read, 20 queued, 0 duplicates", "20 read, 0 queued, 20 duplicates"} {
		if status, _, stderr := runDyad(t, "", "enqueue", "--nats", url, "--stream", stream, input); status != 0 || !strings.Contains(stderr, want) {
			t.Errorf("enqueue %d: status %d, %q; want %q", i+1, status, stderr, want)
		}
	}
	out := runWorkers(t, 1, "--nats", url, "--stream", stream, "--db", addr, "-j", "1")
	if stored, dups, _, _ := parseWorker(t, out[0]); stored != n || dups != 0 {
		t.Errorf("worker stored %d with %d duplicates, want %d and 0", stored, dups, n)
	}
	// A new stream has forgotten the ids: the store skips the copies.
	other, _ := testStream(t, url)
	if status, _, stderr := runDyad(t, "", "enqueue", "--nats", url, "--stream", other, input); status != 0 {
		t.Fatalf("enqueue: %s", stderr)
	}
	out = runWorkers(t, 1, "--nats", url, "--stream", other, "--db", addr, "-j", "1")
	if stored, dups, _, _ := parseWorker(t, out[0]); stored != 0 || dups != n {
		t.Errorf("worker stored %d with %d duplicates, want 0 and %d", stored, dups, n)
	}
	if got := checkStore(t, addr); got != (storeCheck{n, n, n}) {
		t.Errorf("store holds %+v, want %d articles", got, n)
	}
}

// TestEnqueueReadErrors checks that documents that cannot be read are
// reported, grouped, and do not stop the others.
func TestEnqueueReadErrors(t *testing.T) {
	url := natsURL(t)
	dir := t.TempDir()
	input := filepath.Join(dir, "mixed.jsonl")
	body := newsArticle(0) + "{not json\n" + newsArticle(1) + `{"id": "empty", "text": ""}` + "\n" + newsArticle(2)
	if err := os.WriteFile(input, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	stream, q := testStream(t, url)
	status, _, stderr := runDyad(t, "", "enqueue", "--nats", url, "--stream", stream, input, filepath.Join(dir, "missing.txt"))
	if status != 1 {
		t.Errorf("exit status %d, want 1", status)
	}
	for _, want := range []string{"3 read, 3 queued, 0 duplicates, 3 failed", "1 no such file", "mixed.jsonl:2"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("output lacks %q:\n%s", want, stderr)
		}
	}
	if st, err := q.Status(context.Background()); err != nil || st.Pending != 3 {
		t.Errorf("queue: %+v, %v; want 3 pending", st, err)
	}
}

// TestWorkerDeadLetter checks that a message that is not an article goes
// to the dead letters and the articles around it are stored.
func TestWorkerDeadLetter(t *testing.T) {
	url := natsURL(t)
	dir := t.TempDir()
	stream, q := testStream(t, url)
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	poison := []byte(`{"Doc": "poison", "Text": `)
	if err := nc.Publish(q.Config().Subject(), poison); err != nil {
		t.Fatal(err)
	}
	nc.Flush()
	if status, _, stderr := runDyad(t, "", "enqueue", "--nats", url, "--stream", stream, writeNews(t, dir, 10)); status != 0 {
		t.Fatalf("enqueue: %s", stderr)
	}
	addr := filepath.Join(dir, "dyad.db")
	out := runWorkers(t, 1, "--nats", url, "--stream", stream, "--db", addr, "-j", "1")
	if stored, _, _, dead := parseWorker(t, out[0]); stored != 10 || dead != 1 {
		t.Errorf("worker stored %d with %d dead letters, want 10 and 1:\n%s", stored, dead, out[0])
	}
	dead, err := q.ReadDeadLetters(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 1 || !bytes.Equal(dead[0].Data, poison) || !strings.Contains(dead[0].Reason, "not an article") || dead[0].Seq != 1 {
		t.Errorf("dead letters %+v, want the poison message (sequence 1) with its reason", dead)
	}
	if got := checkStore(t, addr); got.articles != 10 {
		t.Errorf("store holds %d articles, want 10", got.articles)
	}
	status, stdout, stderr := runDyad(t, "", "enqueue", "--nats", url, "--stream", stream, "--status")
	want := fmt.Sprintf("stream %s: 0 pending (0 in the workers' hands), 1 dead letters\n  dead: seq 1, ?, delivered 1 times: queue: not an article", stream)
	if status != 0 || !strings.HasPrefix(stdout, want) {
		t.Errorf("enqueue --status: status %d, %q%s; want %q", status, stdout, stderr, want)
	}
}

// buildDyad compiles the dyad binary into dir.
func buildDyad(t testing.TB, ctx context.Context, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "dyad")
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	}
	if out, err := exec.CommandContext(ctx, goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestWorkerKilled starts a worker process, enqueues generated articles,
// kills the worker with SIGKILL in the middle of a batch, starts another
// and checks that the store ends up with every article exactly once and a
// story index that holds them all.
func TestWorkerKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds dyad and runs workers over 400 articles")
	}
	url := natsURL(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	bin := buildDyad(t, ctx, t.TempDir())
	for _, s := range testStores() {
		t.Run(s.name, func(t *testing.T) {
			const total, batch = 400, 20
			dir := t.TempDir()
			input := writeNews(t, dir, total)
			addr := s.addr(t)
			stream, q := testStream(t, url)
			worker := func(extra ...string) *exec.Cmd {
				args := append([]string{"worker", "--nats", url, "--stream", stream, "--db", addr,
					"--batch", strconv.Itoa(batch), "-j", "2", "--ack-wait", "3s"}, extra...)
				return exec.CommandContext(ctx, bin, args...)
			}

			// killMidBatch starts a worker and kills it once a few batches
			// are stored and it holds the next one: delivered, not
			// acknowledged. It reports whether the kill caught a batch in
			// the worker's hands: the worker can acknowledge its batch
			// between the check and the signal, and then the caller tries
			// again with a new worker.
			enqueued := false
			killMidBatch := func() (stored int, midBatch bool) {
				w := worker()
				var wErr bytes.Buffer
				w.Stderr = &wErr
				if err := w.Start(); err != nil {
					t.Fatal(err)
				}
				exited := make(chan error, 1)
				go func() { exited <- w.Wait() }()
				if !enqueued {
					if status, _, stderr := runDyad(t, "", "enqueue", "--nats", url, "--stream", stream, input); status != 0 {
						t.Fatalf("enqueue: %s", stderr)
					}
					enqueued = true
				}
				var seen int
				for {
					select {
					case err := <-exited:
						t.Fatalf("the worker exited before it was killed: %v\n%s", err, wErr.String())
					case <-time.After(20 * time.Millisecond):
					}
					if seen < 3*batch {
						if _, err := os.Stat(addr); err == nil || strings.Contains(addr, "://") {
							seen = countStored(t, addr)
						}
						continue
					}
					if st, err := q.Status(ctx); err == nil && st.InFlight > 0 {
						break
					}
				}
				if err := w.Process.Signal(syscall.SIGKILL); err != nil {
					t.Fatal(err)
				}
				<-exited
				st, err := q.Status(ctx)
				if err != nil {
					t.Fatal(err)
				}
				stored = countStored(t, addr)
				t.Logf("killed with %d articles stored, %d in the killed worker's hands, %d pending", stored, st.InFlight, st.Pending)
				return stored, st.InFlight > 0
			}
			stored, midBatch := killMidBatch()
			for try := 1; !midBatch && try < 3 && stored < total; try++ {
				stored, midBatch = killMidBatch()
			}
			if !midBatch {
				t.Error("three workers were each killed between two batches, never in the middle of one")
			}
			if stored >= total {
				t.Fatal("the worker stored everything before it was killed")
			}

			second := worker("--drain")
			out, err := second.CombinedOutput()
			if err != nil {
				t.Fatalf("second worker: %v\n%s", err, out)
			}
			n, dups, _, dead := parseWorker(t, string(out))
			if n+stored != total || dead != 0 {
				t.Errorf("second worker stored %d (%d duplicates, %d dead letters) after %d: want %d in all",
					n, dups, dead, stored, total)
			}
			if got := checkStore(t, addr); got != (storeCheck{total, total, total}) {
				t.Errorf("store holds %+v, want %d articles, documents and indexed articles", got, total)
			}
			if st, err := q.Status(ctx); err != nil || st != (queue.Status{}) {
				t.Errorf("queue after the drain: %+v, %v; want empty", st, err)
			}
		})
	}
}

// TestWorkerThroughput measures articles per second through the queue with
// 1, 2 and 4 worker processes, against 'dyad ingest' on the same articles:
// per second of wall time and per second of the processes' CPU time, which
// says more on a machine other work shares. It asserts nothing about speed
// and runs only with DYAD_THROUGHPUT=1, over DYAD_THROUGHPUT_N generated
// articles (600 by default); docs/SCALING.md records its figures.
func TestWorkerThroughput(t *testing.T) {
	if os.Getenv("DYAD_THROUGHPUT") != "1" {
		t.Skip("set DYAD_THROUGHPUT=1 to measure the workers' throughput")
	}
	url := natsURL(t)
	total := 600
	if v, err := strconv.Atoi(os.Getenv("DYAD_THROUGHPUT_N")); err == nil && v > 0 {
		total = v
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	bin := buildDyad(t, ctx, t.TempDir())
	input := writeNews(t, t.TempDir(), total)
	// run runs the commands at once and returns the wall and CPU time.
	run := func(cmds ...*exec.Cmd) (wall, cpu time.Duration) {
		start := time.Now()
		var wg sync.WaitGroup
		var mu sync.Mutex
		for _, c := range cmds {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if out, err := c.CombinedOutput(); err != nil {
					t.Errorf("%s: %v\n%s", strings.Join(c.Args, " "), err, out)
				}
				mu.Lock()
				cpu += c.ProcessState.UserTime() + c.ProcessState.SystemTime()
				mu.Unlock()
			}()
		}
		wg.Wait()
		return time.Since(start), cpu
	}
	report := func(store, what string, wall, cpu time.Duration) {
		t.Logf("%s: %-26s %d articles in %6.1f s: %6.1f articles/s, %6.1f articles per CPU second", store, what,
			total, wall.Seconds(), float64(total)/wall.Seconds(), float64(total)/cpu.Seconds())
	}
	for _, s := range testStores() {
		for _, j := range []int{1, 2} {
			addr := s.addr(t)
			wall, cpu := run(exec.CommandContext(ctx, bin, "ingest", "--db", addr, "-j", strconv.Itoa(j), input))
			report(s.name, fmt.Sprintf("ingest -j %d:", j), wall, cpu)
		}
		for _, c := range []struct{ procs, j int }{{1, 1}, {1, 2}, {2, 1}, {4, 1}} {
			addr := s.addr(t)
			stream, _ := testStream(t, url)
			if status, _, stderr := runDyad(t, "", "enqueue", "--nats", url, "--stream", stream, input); status != 0 {
				t.Fatalf("enqueue: %s", stderr)
			}
			var cmds []*exec.Cmd
			for range c.procs {
				cmds = append(cmds, exec.CommandContext(ctx, bin, "worker", "--nats", url, "--stream", stream,
					"--db", addr, "--drain", "-q", "-j", strconv.Itoa(c.j), "--batch", "50"))
			}
			wall, cpu := run(cmds...)
			if got := checkStore(t, addr); got.articles != total {
				t.Errorf("%d workers stored %d articles, want %d", c.procs, got.articles, total)
			}
			report(s.name, fmt.Sprintf("%d worker(s) -j %d:", c.procs, c.j), wall, cpu)
		}
	}
}
