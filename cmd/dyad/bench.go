package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
	"github.com/dyad-project/dyad/internal/pipeline"
)

func init() {
	register("bench", "measure analysis speed and memory on a set of articles, stage by stage",
		func(m *Main) Command { return &benchCmd{m: m} })
}

// benchCmd is `dyad bench [flags] [FILE|DIR|-]...`.
type benchCmd struct {
	m *Main
}

// benchReport is what `dyad bench --json` prints.
type benchReport struct {
	Machine        string             `json:"machine"`
	CPUs           int                `json:"cpus"`
	Articles       int                `json:"articles"`
	Rounds         int                `json:"rounds"`
	LoadSeconds    float64            `json:"load_seconds"`
	HeapMB         float64            `json:"heap_mb_after_load"`
	ArticlesPerS   float64            `json:"articles_per_s"`
	SentencesPerS  float64            `json:"sentences_per_s"`
	TokensPerS     float64            `json:"tokens_per_s"`
	Workers        int                `json:"workers"`
	ParallelPerS   float64            `json:"parallel_articles_per_s"`
	StageShare     map[string]float64 `json:"stage_share"`
	StageMicrosArt map[string]float64 `json:"stage_us_per_article"`
}

func (c *benchCmd) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(c.m.Stderr)
	dur := fs.Duration("t", 5*time.Second, "how long to run each measurement (at least one round)")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "goroutines for the parallel measurement")
	asJSON := fs.Bool("json", false, "print one JSON object instead of a table")
	fs.Usage = func() {
		fmt.Fprintln(c.m.Stderr, `Usage: dyad bench [flags] [FILE|DIR|-]...

Reads the articles into memory, loads the models and dictionaries (timing the
load and measuring the heap after it), then analyses the articles over and
over on one goroutine, timing each stage, and again on -j goroutines.
Figures depend on the machine: the report names it.

Flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError{2}
	}
	var arts []*dyad.Article
	err := ingest.Walk(ctx, fs.Args(), c.m.Stdin, func(a *dyad.Article, err error) error {
		if err != nil {
			fmt.Fprintf(c.m.Stderr, "dyad bench: %v\n", err)
			return nil
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return fmt.Errorf("no articles to measure")
	}

	r := benchReport{Machine: machineName(), CPUs: runtime.NumCPU(), Articles: len(arts), Workers: *workers}
	start := time.Now()
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		return err
	}
	p.Analyse(arts[0]) // loads whatever the stages load lazily
	r.LoadSeconds = time.Since(start).Seconds()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	r.HeapMB = float64(ms.HeapAlloc) / (1 << 20)

	var t pipeline.Timings
	start = time.Now()
	for r.Rounds == 0 || time.Since(start) < *dur {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, a := range arts {
			p.AnalyseTimed(a, &t)
		}
		r.Rounds++
	}
	sec := time.Since(start).Seconds()
	r.ArticlesPerS = float64(t.Articles) / sec
	r.SentencesPerS = float64(t.Sentences) / sec
	r.TokensPerS = float64(t.Tokens) / sec
	r.StageShare = map[string]float64{}
	r.StageMicrosArt = map[string]float64{}
	total := t.Total().Seconds()
	for i, name := range pipeline.StageNames {
		r.StageShare[name] = t.Stage[i].Seconds() / total
		r.StageMicrosArt[name] = t.Stage[i].Seconds() * 1e6 / float64(t.Articles)
	}

	r.ParallelPerS = parallelRate(ctx, p, arts, *workers, *dur)

	if *asJSON {
		return json.NewEncoder(c.m.Stdout).Encode(r)
	}
	w := tabwriter.NewWriter(c.m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "machine\t%s (%d CPUs)\n", r.Machine, r.CPUs)
	fmt.Fprintf(w, "articles\t%d, %d round(s)\n", r.Articles, r.Rounds)
	fmt.Fprintf(w, "load\t%.2f s, heap after load %.0f MB\n", r.LoadSeconds, r.HeapMB)
	fmt.Fprintf(w, "1 goroutine\t%.1f articles/s, %.0f sentences/s, %.0f tokens/s\n", r.ArticlesPerS, r.SentencesPerS, r.TokensPerS)
	fmt.Fprintf(w, "%d goroutines\t%.1f articles/s\n", r.Workers, r.ParallelPerS)
	fmt.Fprintln(w, "\nstage\tshare\tµs/article")
	for _, name := range pipeline.StageNames {
		fmt.Fprintf(w, "%s\t%5.1f%%\t%.0f\n", name, 100*r.StageShare[name], r.StageMicrosArt[name])
	}
	return w.Flush()
}

// parallelRate analyses the articles on n goroutines for about d and returns
// articles per second.
func parallelRate(ctx context.Context, p *pipeline.Pipeline, arts []*dyad.Article, n int, d time.Duration) float64 {
	if n < 1 {
		n = 1
	}
	var mu sync.Mutex
	next, done := 0, 0
	start := time.Now()
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				mu.Lock()
				if time.Since(start) >= d && done > 0 {
					mu.Unlock()
					return
				}
				a := arts[next%len(arts)]
				next++
				mu.Unlock()
				p.Analyse(a)
				mu.Lock()
				done++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return float64(done) / time.Since(start).Seconds()
}

// machineName returns the CPU model from /proc/cpuinfo where there is one,
// with the OS and architecture.
func machineName() string {
	name := runtime.GOOS + "/" + runtime.GOARCH
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return name
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v) + ", " + name
		}
	}
	return name
}
