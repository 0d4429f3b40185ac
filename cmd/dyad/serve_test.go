package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// startServe runs `dyad serve` with args on a free loopback port and
// returns its address and a func that stops it and returns its status.
func startServe(t *testing.T, args ...string) (base string, stop func() int) {
	t.Helper()
	pr, pw := io.Pipe()
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: pw}
	ctx, cancel := context.WithCancel(context.Background())
	status := make(chan int, 1)
	go func() {
		status <- m.Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...))
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr)
	base = regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+`).FindString(line)
	if base == "" {
		cancel()
		t.Fatalf("serve did not say where it listens: %q (%v); status %d", line, err, <-status)
	}
	var once bool
	stop = func() int {
		if once {
			return 0
		}
		once = true
		cancel()
		select {
		case s := <-status:
			return s
		case <-time.After(15 * time.Second):
			t.Fatal("serve did not stop")
			return -1
		}
	}
	t.Cleanup(func() { stop() })
	return base, stop
}

func TestServeFlags(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		status int
		stderr string
	}{
		{"no database", []string{"serve"}, 2, "Usage: dyad serve"},
		{"a database that does not exist", []string{"serve", "--db", filepath.Join(t.TempDir(), "none.db")}, 1, "run 'dyad ingest"},
		{"a stray argument", []string{"serve", "--db", "x.db", "more"}, 2, "Usage: dyad serve"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, _, stderr := runDyad(t, "", tt.args...)
			if status != tt.status || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("status %d, stderr %q; want %d and %q", status, stderr, tt.status, tt.stderr)
			}
		})
	}
}

// TestServe ingests the examples and serves them, read-only and then
// with a token that lets a POST store an article.
func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dyad.db")
	if status, _, stderr := runDyad(t, "", "ingest", "--db", db, filepath.Join("..", "..", "examples")); status != 0 {
		t.Fatalf("ingest: status %d: %s", status, stderr)
	}
	info := func(base string) (articles int, writable bool) {
		t.Helper()
		res, err := http.Get(base + "/api/info")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var v struct {
			Articles int
			Writable bool
		}
		if err := json.NewDecoder(res.Body).Decode(&v); err != nil {
			t.Fatal(err)
		}
		return v.Articles, v.Writable
	}

	base, stop := startServe(t, "--db", db)
	if n, w := info(base); n != 5 || w {
		t.Errorf("read-only server: %d articles, writable %v; want 5, false", n, w)
	}
	res, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Errorf("GET /: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if status := stop(); status != 0 {
		t.Errorf("stopping: status %d", status)
	}

	t.Setenv("DYAD_TOKEN", "s3cret")
	base, _ = startServe(t, "--db", db)
	req, err := http.NewRequest(http.MethodPost, base+"/api/articles",
		strings.NewReader(`{"id": "vienna", "title": "Talks resume in Vienna", "text": "Diplomats met in Vienna on Monday to resume talks."}`+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer s3cret")
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("POST: %d %s", res.StatusCode, body)
	}
	if n, w := info(base); n != 6 || !w {
		t.Errorf("after the POST: %d articles, writable %v; want 6, true", n, w)
	}
}
