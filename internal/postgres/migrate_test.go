package postgres_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/postgres"
	"github.com/dyad-project/dyad/internal/sqlstore"
	"github.com/dyad-project/dyad/internal/storetest"
	"github.com/jackc/pgx/v5"
)

// putVersion3 stores analyses as the store of schema version 3 did: every
// sentence and mention with its text, events with sentence_text and
// evidence as the JSON of []dyad.Evidence.
func putVersion3(t *testing.T, url string, as []*dyad.Analysis) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := tx.Exec(ctx, sqlstore.Number(q), args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
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
		var id int64
		err := tx.QueryRow(ctx, `INSERT INTO articles (doc, url, title, published, published_source, text, hash, warnings, ingested_at, fts)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9, $10::text::tsvector) RETURNING id`,
			a.Doc, a.URL, a.Title, a.Published, a.PublishedSource, a.Text, hash, warnings, storetest.Now,
			postgres.TSVector(a.Title, a.Text)).Scan(&id)
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range a.Sentences {
			exec(`INSERT INTO sentences (article_id, idx, start, "end", text, kind, rule, para) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				id, i, s.Start, s.End, s.Text, string(s.Kind), s.Rule, s.Para)
		}
		for i, ac := range a.Actors {
			entries, _ := sqlstore.JSONArray(ac.Entries)
			exec(`INSERT INTO actors (article_id, ord, aid, name, country, sector, code, type, entries, mentions)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::text::jsonb, ?)`, id, i, ac.ID, ac.Name, ac.Country, ac.Sector, ac.Code, ac.Type,
				entries, len(ac.Mentions))
			for j, m := range ac.Mentions {
				exec(`INSERT INTO mentions (article_id, actor_ord, idx, start, "end", text, sentence, via)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, i, j, m.Start, m.End, m.Text, m.Sentence, m.Via)
			}
		}
		lead := sqlstore.FirstBodyPara(a.Sentences)
		for i := range a.Events {
			old, err := storetest.V3EventRow(id, i, a, lead)
			if err != nil {
				t.Fatal(err)
			}
			exec(strings.Replace(insertEvent, "?)", "?::text::jsonb)", 1), old...)
		}
		for i, q := range a.Quotes {
			exec(`INSERT INTO quotes (article_id, ord, text, start, "end", verb, sentence,
				speaker_name, speaker_country, speaker_sector, speaker_code, speaker_text, speaker_start, speaker_end, fts)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text::tsvector)`,
				append(append([]any{id, i, q.Text, q.Start, q.End, q.Verb, q.Sentence}, sqlstore.RefArgs(q.Speaker)...),
					postgres.TSVector(q.Text))...)
		}
		for i, p := range a.Places {
			exec(`INSERT INTO places (article_id, idx, text, name, country, admin1, lat, lon, start, "end", sentence, geonameid)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, i, p.Text, p.Name, p.Country, p.Admin1, p.Lat, p.Lon,
				p.Start, p.End, p.Sentence, p.GeonameID)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestMigrateFromVersion3 writes the corpus, with a copy of its first
// article whose first sentence and mention do not hold their bytes of the
// text, into a schema of version 3 as that version's store did, opens it
// (which migrates it) and requires the same answers as a new schema
// holding the same analyses.
func TestMigrateFromVersion3(t *testing.T) {
	ctx := context.Background()
	as := storetest.Corpus(t)
	odd := *as[0]
	odd.Doc, odd.URL, odd.Text = "t-odd", "", odd.Text+"\n\nA line of its own."
	odd.Sentences = append([]dyad.Sentence(nil), odd.Sentences...)
	odd.Sentences[0].Text = "A headline as the wire printed it"
	odd.Actors = append([]dyad.Actor(nil), odd.Actors...)
	odd.Actors[0].Mentions = append([]dyad.Mention(nil), odd.Actors[0].Mentions...)
	odd.Actors[0].Mentions[0].Text = "the Russian leader"
	as = append(as, &odd)

	fresh := open(t, storetest.PostgresURL(t))
	if _, err := fresh.PutAnalyses(ctx, as); err != nil {
		t.Fatal(err)
	}
	oldURL := storetest.PostgresURL(t)
	v3, err := postgres.OpenVersion(ctx, oldURL, 3)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := v3.SchemaVersion(ctx); err != nil || v != 3 {
		t.Fatalf("schema version %d, %v; want 3", v, err)
	}
	v3.Close()
	putVersion3(t, oldURL, as)
	migrated := open(t, oldURL)
	if v, err := migrated.SchemaVersion(ctx); err != nil || v < 4 {
		t.Fatalf("schema version %d, %v after the migration; want at least 4", v, err)
	}

	storetest.CheckUpgraded(t, migrated, fresh, storetest.UpgradeQueries{Actor: "USA", About: "RUS", Search: "Taliban"})

	conn, err := pgx.Connect(ctx, oldURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, c := range []struct {
		query string
		want  int
	}{
		{`SELECT count(*) FROM sentences WHERE text IS NOT NULL`, 1},
		{`SELECT count(*) FROM mentions WHERE text IS NOT NULL`, 1},
		{`SELECT count(*) FROM events WHERE evidence::text LIKE '%"role"%'`, 0},
		{`SELECT count(*) FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = 'events' AND column_name = 'sentence_text'`, 0},
		{`SELECT count(*) FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relname = 'mentions_span'`, 0},
	} {
		var n int
		if err := conn.QueryRow(ctx, c.query).Scan(&n); err != nil {
			t.Fatalf("%s: %v", c.query, err)
		}
		if n != c.want {
			t.Errorf("%s = %d, want %d", c.query, n, c.want)
		}
	}
}
