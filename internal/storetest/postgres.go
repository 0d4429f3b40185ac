// Package storetest checks that a dyad store adapter answers like the
// SQLite store: it loads the same analyses (made by internal/pipeline from
// news-style articles written here, the examples and, when present, the
// shared seed articles) into the SQLite store and into the store under
// test, and requires the same JSON for a matrix of queries, pages, sorts
// and bad filters (Differential). It also compares a store upgraded from an
// older schema with a new one holding the same analyses (CheckUpgraded), and
// hands tests a throwaway PostgreSQL schema (PostgresURL).
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

// PostgresEnv names the environment variable that holds the URL of the
// PostgreSQL database tests may use (.ci/postgres starts one).
const PostgresEnv = "DYAD_TEST_POSTGRES"

// PostgresURL returns the URL of a new, empty schema in the test database
// ($DYAD_TEST_POSTGRES, with search_path set to the schema), dropped when
// the test ends, so that tests and packages running at once do not see
// each other's tables. Without the variable the test is skipped, except
// under CI (CI=true), where it fails: CI must not skip silently.
func PostgresURL(t testing.TB) string {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		msg := "skipping: " + PostgresEnv + " is not set; start a server with `eval \"$(bash .ci/postgres start DIR)\"`"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg[len("skipping: "):] + " (CI=true: the PostgreSQL tests must run)")
		}
		t.Skip(msg)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	defer conn.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	schema := "dyad_test_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("postgres: %v", err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("postgres: drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("postgres: drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("postgres: %s: %v", PostgresEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
