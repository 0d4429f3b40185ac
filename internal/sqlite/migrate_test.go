package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlite"
	"github.com/dyad-project/dyad/internal/sqlstore"
	"github.com/dyad-project/dyad/internal/storetest"
)

// migrationCorpus returns the fixture plus a copy of its first article
// whose first sentence and first mention do not hold their bytes of the
// text, so that the migrations must keep text they cannot derive.
func migrationCorpus() []*dyad.Analysis {
	as := fixture()
	odd := *as[0]
	odd.Doc, odd.URL, odd.Text = "t-odd", "", odd.Text+"\n\nA line of its own."
	odd.Sentences = append([]dyad.Sentence(nil), odd.Sentences...)
	odd.Sentences[0].Text = "A headline as the wire printed it"
	odd.Actors = append([]dyad.Actor(nil), odd.Actors...)
	odd.Actors[0].Mentions = append([]dyad.Mention(nil), odd.Actors[0].Mentions...)
	odd.Actors[0].Mentions[0].Text = "the Russian leader"
	return append(as, &odd)
}

// putVersion3 stores analyses as the store of schema version 3 did: every
// sentence and mention with its text, events with sentence_text and
// evidence as the JSON of []dyad.Evidence, mentions keyed by actor_id.
func putVersion3(t *testing.T, path string, as []*dyad.Analysis, now time.Time) {
	t.Helper()
	ctx := context.Background()
	db, err := sql.Open("sqlite", path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	exec := func(q string, args ...any) int64 {
		t.Helper()
		r, err := tx.ExecContext(ctx, q, args...)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		id, _ := r.LastInsertId()
		return id
	}
	cols := append([]string(nil), sqlstore.EventColumns[:5]...)
	cols = append(append(cols, "sentence_text"), sqlstore.EventColumns[5:]...)
	insertEvent := `INSERT INTO events (` + strings.Join(cols, ", ") + `) VALUES (?` + strings.Repeat(", ?", len(cols)-1) + `)`
	seen := map[string]bool{}
	for _, a := range as {
		hash := dyad.ContentHash(a.Text)
		if seen[hash] || a.URL != "" && seen[a.URL] {
			continue
		}
		seen[hash], seen[a.URL] = true, true
		warnings, _ := sqlstore.JSONArray(a.Warnings)
		id := exec(`INSERT INTO articles (doc, url, title, published, published_source, text, hash, warnings, ingested_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, a.Doc, a.URL, a.Title, a.Published, a.PublishedSource, a.Text, hash,
			warnings, now.Format(time.RFC3339))
		for i, s := range a.Sentences {
			exec(`INSERT INTO sentences (article_id, idx, start, "end", text, kind, rule, para) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				id, i, s.Start, s.End, s.Text, string(s.Kind), s.Rule, s.Para)
		}
		for i, ac := range a.Actors {
			entries, _ := sqlstore.JSONArray(ac.Entries)
			actorID := exec(`INSERT INTO actors (article_id, ord, aid, name, country, sector, code, type, entries, mentions)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, i, ac.ID, ac.Name, ac.Country, ac.Sector, ac.Code, ac.Type,
				entries, len(ac.Mentions))
			for j, m := range ac.Mentions {
				exec(`INSERT INTO mentions (actor_id, idx, article_id, start, "end", text, sentence, via)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, actorID, j, id, m.Start, m.End, m.Text, m.Sentence, m.Via)
			}
		}
		lead := sqlstore.FirstBodyPara(a.Sentences)
		for i := range a.Events {
			old, err := storetest.V3EventRow(id, i, a, lead)
			if err != nil {
				t.Fatal(err)
			}
			exec(insertEvent, old...)
		}
		for i, q := range a.Quotes {
			exec(`INSERT INTO quotes (article_id, ord, text, start, "end", verb, sentence,
				speaker_name, speaker_country, speaker_sector, speaker_code, speaker_text, speaker_start, speaker_end)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				append([]any{id, i, q.Text, q.Start, q.End, q.Verb, q.Sentence}, sqlstore.RefArgs(q.Speaker)...)...)
		}
		for i, p := range a.Places {
			exec(`INSERT INTO places (article_id, idx, text, name, country, admin1, lat, lon, start, "end", sentence, geonameid)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, i, p.Text, p.Name, p.Country, p.Admin1, p.Lat, p.Lon,
				p.Start, p.End, p.Sentence, p.GeonameID)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// TestMigrateFromVersion3 writes the corpus into a database of schema
// version 3 as that version's store did, opens it (which migrates it to
// the newest version) and requires the same answers as a new database
// holding the same analyses.
func TestMigrateFromVersion3(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	as := migrationCorpus()
	dir := t.TempDir()

	fresh, err := sqlite.Open(ctx, filepath.Join(dir, "fresh.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	fresh.Now = func() time.Time { return now }
	if _, err := fresh.PutAnalyses(ctx, as); err != nil {
		t.Fatal(err)
	}

	oldPath := filepath.Join(dir, "v3.db")
	v3, err := sqlite.OpenVersion(ctx, oldPath, 3)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := v3.SchemaVersion(ctx); err != nil || v != 3 {
		t.Fatalf("schema version %d, %v; want 3", v, err)
	}
	v3.Close()
	putVersion3(t, oldPath, as, now)
	migrated, err := sqlite.Open(ctx, oldPath)
	if err != nil {
		t.Fatal(err)
	}
	defer migrated.Close()
	if v, err := migrated.SchemaVersion(ctx); err != nil || v < 4 {
		t.Fatalf("schema version %d, %v after the migration; want at least 4", v, err)
	}

	storetest.CheckUpgraded(t, migrated, fresh, storetest.UpgradeQueries{Actor: "DEU", About: "SYR", Search: "Taliban"})

	// What the migration must have done to the rows.
	raw, err := sql.Open("sqlite", oldPath)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, c := range []struct {
		query string
		want  int
	}{
		{`SELECT count(*) FROM sentences WHERE text IS NOT NULL`, 1},
		{`SELECT count(*) FROM mentions WHERE text IS NOT NULL`, 1},
		{`SELECT count(*) FROM events WHERE evidence LIKE '%"role"%'`, 0},
		{`SELECT count(*) FROM pragma_table_info('events') WHERE name = 'sentence_text'`, 0},
		{`SELECT count(*) FROM sqlite_schema WHERE name = 'mentions_span'`, 0},
	} {
		var n int
		if err := raw.QueryRowContext(ctx, c.query).Scan(&n); err != nil {
			t.Fatalf("%s: %v", c.query, err)
		}
		if n != c.want {
			t.Errorf("%s = %d, want %d", c.query, n, c.want)
		}
	}
}
