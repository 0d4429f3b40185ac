package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlite"
)

// runDyad runs a dyad command in-process.
func runDyad(t *testing.T, stdin string, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	status = m.Run(context.Background(), args)
	return status, out.String(), errb.String()
}

// genArticle writes the JSON Lines record of generated article i: news-style
// sentences from templates, with names, places and numbers varied by i so
// that every text differs. Every tenth article has no URL, so that only its
// text identifies it.
func genArticle(i int) string {
	names := []string{"Amina Diallo", "Viktor Hale", "Rosa Mendes", "Tomas Berg", "Leila Haddad", "Kenji Mori"}
	cities := []string{"Dakar", "Riga", "Porto", "Bergen", "Amman", "Osaka"}
	verbs := []string{"met", "criticised", "praised", "called on", "warned"}
	name, city, verb := names[i%len(names)], cities[(i/6)%len(cities)], verbs[(i/36)%len(verbs)]
	title := fmt.Sprintf("Minister %s %s officials in %s over %d disputed contracts", name, verb, city, 10+i%90)
	var body strings.Builder
	for j := range 4 {
		fmt.Fprintf(&body, "%s, the trade minister, said on Tuesday that talks on %d contracts worth %d million dollars would resume in %s next week. ",
			name, 3+j, 100+i, city)
		fmt.Fprintf(&body, "Officials in %s declined to comment on case number %d-%d.\n\n", city, i, j)
	}
	rec := map[string]string{
		"id": fmt.Sprintf("gen-%04d", i), "title": title, "text": body.String(),
		"published": fmt.Sprintf("2016-%02d-%02d", 1+i%12, 1+i%28),
	}
	if i%10 != 0 {
		rec["url"] = fmt.Sprintf("https://wire.example/%d/%s", i, strings.ToLower(city))
	}
	b, _ := json.Marshal(rec)
	return string(b) + "\n"
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// countArticles returns the number of articles in the store at path.
func countArticles(t *testing.T, path string) int {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, n, err := db.Search(context.Background(), dyad.SearchFilter{Kind: dyad.HitArticle, Page: dyad.Page{Limit: 1}})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestIngestCommand(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	// Lines 1, 2 and 4 are articles, line 3 is not, line 5 repeats line 1's
	// URL with another text.
	dup := strings.Replace(genArticle(2), "trade minister", "finance minister", 1)
	writeFile(t, in, genArticle(1)+genArticle(2)+"{not json\n"+genArticle(3)+dup)
	db := filepath.Join(dir, "dyad.db")
	missing := filepath.Join(dir, "missing.txt")

	tests := []struct {
		name     string
		args     []string
		stdin    string
		status   int
		contains []string
		articles int
	}{
		{"first run", []string{"ingest", "--db", db, "--batch", "2", in, missing}, "", 1,
			[]string{"4 read, 3 stored, 1 duplicates, 2 failed", "  1 no such file (" + missing + ")",
				"  1 not an article (" + in + ":3)", "in.jsonl:3: "}, 3},
		{"second run stores nothing", []string{"ingest", "--db", db, in}, "", 1,
			[]string{"4 read, 0 stored, 4 duplicates, 1 failed"}, 3},
		{"stdin", []string{"ingest", "--db", db, "-j", "1", "-"}, genArticle(4) + genArticle(1), 0,
			[]string{"2 read, 1 stored, 1 duplicates, 0 failed"}, 4},
		{"no database", []string{"ingest", in}, "", 2, []string{"Usage: dyad ingest"}, 4},
		{"no input", []string{"ingest", "--db", db}, "", 2, []string{"Usage: dyad ingest"}, 4},
		{"bad batch", []string{"ingest", "--db", db, "--batch", "0", in}, "", 2, []string{"Usage: dyad ingest"}, 4},
		{"bad published flag", []string{"ingest", "--db", db, "--published", "Monday", in}, "", 1,
			[]string{"published date"}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, _, stderr := runDyad(t, tt.stdin, tt.args...)
			if status != tt.status {
				t.Errorf("status %d, want %d; stderr:\n%s", status, tt.status, stderr)
			}
			for _, c := range tt.contains {
				if !strings.Contains(stderr, c) {
					t.Errorf("stderr lacks %q:\n%s", c, stderr)
				}
			}
			if n := countArticles(t, db); n != tt.articles {
				t.Errorf("%d articles stored, want %d", n, tt.articles)
			}
		})
	}
}

func TestCountFile(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.jsonl":   genArticle(1) + "\n  \n" + genArticle(2),
		"b.txt":     "Headline\n\nBody.",
		"c.data":    genArticle(1) + genArticle(2) + genArticle(3),
		"d.data":    "Plain text\nwith two lines",
		"e.jsonl":   "",
		"long.json": strings.Repeat("x", 200<<10) + "\n",
	}
	for name, body := range files {
		writeFile(t, filepath.Join(dir, name), body)
	}
	tests := []struct {
		name  string
		named bool
		want  int
	}{
		{"a.jsonl", false, 2}, {"b.txt", false, 1}, {"c.data", true, 3}, {"c.data", false, 0},
		{"d.data", true, 1}, {"e.jsonl", false, 0}, {"long.json", true, 1},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%v", tt.name, tt.named), func(t *testing.T) {
			if got := countFile(filepath.Join(dir, tt.name), tt.named); got != tt.want {
				t.Errorf("countFile = %d, want %d", got, tt.want)
			}
		})
	}
	p := newProgress(&bytes.Buffer{})
	p.countInputs(context.Background(), []string{dir, filepath.Join(dir, "c.data")})
	if got := p.total.Load(); got != 2+1+0+3 {
		t.Errorf("countInputs = %d, want 6", got)
	}
}

// TestIngestKilled runs the compiled dyad over 2,000 generated articles,
// kills it with SIGKILL part-way, checks that the database is consistent,
// runs it again and checks that every article is stored exactly once.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds dyad and ingests 2,000 articles")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	dir := t.TempDir()
	bin := filepath.Join(dir, "dyad")
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	}
	if out, err := exec.CommandContext(ctx, goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const total = 2000
	var in strings.Builder
	for i := range total {
		in.WriteString(genArticle(i))
	}
	input := filepath.Join(dir, "articles.jsonl")
	writeFile(t, input, in.String())
	dbPath := filepath.Join(dir, "dyad.db")
	ingest := func() *exec.Cmd {
		return exec.CommandContext(ctx, bin, "ingest", "--db", dbPath, "--batch", "25", "-j", "2", input)
	}

	// First run, killed once some batches are in.
	cmd := ingest()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	seen := 0
poll:
	for {
		select {
		case err := <-exited:
			t.Logf("the first run ended before it could be killed (%v); the rerun is still checked", err)
			break poll
		case <-time.After(5 * time.Millisecond):
		}
		if _, err := os.Stat(dbPath); err != nil {
			continue
		}
		if seen = countArticles(t, dbPath); seen >= 100 {
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			<-exited
			break
		}
	}
	raw, err := sql.Open("sqlite", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	query := func(q string) int {
		t.Helper()
		var n int
		if err := raw.QueryRow(q).Scan(&n); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return n
	}
	var check string
	if err := raw.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity check after the kill: %q, %v", check, err)
	}
	killedAt := query("SELECT count(*) FROM articles")
	t.Logf("killed with %d articles stored (%d seen by the last poll)", killedAt, seen)
	if killedAt%25 != 0 && killedAt != total {
		t.Errorf("%d articles after the kill: not a whole number of batches of 25", killedAt)
	}
	if n := query("SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"); n != 0 {
		t.Errorf("%d articles stored without their sentences", n)
	}
	if n := query("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'minister'"); n != killedAt {
		t.Errorf("full-text index holds %d articles, the table %d", n, killedAt)
	}

	// Second run: stores the rest, exactly once.
	out, err := ingest().CombinedOutput()
	if err != nil {
		t.Fatalf("rerun: %v\n%s", err, out)
	}
	want := fmt.Sprintf("%d read, %d stored, %d duplicates, 0 failed", total, total-killedAt, killedAt)
	if !strings.Contains(string(out), want) {
		t.Errorf("rerun summary %q, want %q", out, want)
	}
	if n := query("SELECT count(*) FROM articles"); n != total {
		t.Errorf("%d articles after the rerun, want %d", n, total)
	}
	if n := query("SELECT count(DISTINCT doc) FROM articles"); n != total {
		t.Errorf("%d distinct documents, want %d", n, total)
	}
	if n := query("SELECT count(*) FROM (SELECT hash FROM articles GROUP BY hash HAVING count(*) > 1)"); n != 0 {
		t.Errorf("%d texts stored twice", n)
	}
	if n := query("SELECT count(*) FROM articles WHERE url = ''"); n != total/10 {
		t.Errorf("%d articles without URL, want %d", n, total/10)
	}
	if n := query("SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"); n != 0 {
		t.Errorf("%d articles stored without their sentences", n)
	}

	// Third run: nothing new.
	out, err = ingest().CombinedOutput()
	if err != nil {
		t.Fatalf("third run: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`(\d+) stored, (\d+) duplicates`).FindStringSubmatch(string(out))
	if m == nil || m[1] != "0" || m[2] != strconv.Itoa(total) {
		t.Errorf("third run summary %q, want 0 stored and %d duplicates", out, total)
	}
}
