package main

import (
	"context"
	"encoding/json"
	"github.com/dyad-project/dyad"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/sqlite"
	"github.com/dyad-project/dyad/internal/story"
)

// meetingBody is the body of a wire story about a meeting of two presidents.
const meetingBody = "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday to discuss trade and energy cooperation between the two countries.\n\n" +
	"The two leaders signed agreements on a new gas pipeline and on joint investment in railways, according to officials in the Kremlin.\n\n" +
	"Putin told reporters after the talks that relations between Moscow and Beijing had never been stronger. Xi said China would increase its imports of Russian oil over the next five years.\n\n" +
	"The meeting was the third between the two presidents this year. Analysts said both governments wanted to show that they were not isolated as tensions with Western countries grew."

// storyArticles returns the JSON Lines of the first run (a wire story, a
// portal's copy of it with its own boilerplate, another outlet's account of
// the same meeting, an unrelated local story) and of the second run (a
// follow-up on the meeting the next day).
func storyArticles(t *testing.T) (first, second string) {
	t.Helper()
	recs := []map[string]string{
		{"id": "wire-1", "url": "https://wirenews.example/world/putin-xi-moscow", "published": "2016-03-08",
			"title": "Putin meets Xi in Moscow for talks on trade and energy", "text": meetingBody},
		{"id": "portal-1", "url": "https://newsportal.example/2016/03/08/putin-xi", "published": "2016-03-08",
			"title": "Putin meets Xi in Moscow for talks on trade and energy",
			"text": "Advertisement\n\nBy Wire News staff\n\n" + meetingBody +
				"\n\nCopyright 2016 Wire News. All rights reserved. This material may not be published, broadcast, rewritten or redistributed."},
		{"id": "daily-1", "url": "https://dailyglobe.example/asia/xi-visit", "published": "2016-03-08",
			"title": "Kremlin hosts Chinese leader for energy talks",
			"text": "Russian President Vladimir Putin met his Chinese counterpart Xi Jinping at the Kremlin on Tuesday, the Chinese foreign ministry said.\n\n" +
				"Xi arrived in the Russian capital on Monday for a two-day state visit focused on energy deals and trade. Diplomats said the discussions lasted more than three hours.\n\n" +
				"China is already the largest buyer of Russian crude, and Beijing hopes a new pipeline will secure supplies for its growing economy."},
		{"id": "coast-1", "url": "https://coastherald.example/local/floods", "published": "2016-03-08",
			"title": "Floods force thousands from their homes in Kenya",
			"text": "Heavy rains caused rivers to burst their banks in western Kenya on Monday, forcing more than four thousand people to leave their homes.\n\n" +
				"Kenyan police evacuated residents of three villages near Kisumu, and the Red Cross set up camps in local schools.\n\n" +
				"Forecasters warned that more rain was expected later this week across the region."},
		{"id": "post-1", "url": "https://eveningpost.example/world/xi-putin-talks", "published": "2016-03-09",
			"title": "Putin and Xi agree on pipeline after Moscow meeting",
			"text": "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday and the two leaders agreed to build a new gas pipeline, officials said on Wednesday.\n\n" +
				"The Kremlin said Putin and Xi also discussed joint investment in railways and energy. Xi left Moscow on Wednesday morning.\n\n" +
				"Critics in Western capitals said the talks showed a deepening partnership between Russia and China."},
	}
	var lines []string
	for _, r := range recs {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(b)+"\n")
	}
	return strings.Join(lines[:4], ""), lines[4]
}

// meetingEvent returns the merged event of Russia consulting China (CAMEO
// root 04).
func meetingEvent(t *testing.T, db *sqlite.DB) dyad.MergedEvent {
	t.Helper()
	evs, _, err := db.FindMergedEvents(context.Background(), dyad.MergedEventFilter{Source: "RUS", Target: "CHN", CAMEO: "04"})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 {
		t.Fatalf("%d merged RUS -> CHN 04 events, want 1: %+v", len(evs), evs)
	}
	return evs[0]
}

// storyDetails returns every story of db with its articles, by id.
func storyDetails(ctx context.Context, db dyad.StoryStore) ([]*dyad.StoryDetail, error) {
	sts, _, err := db.FindStories(ctx, dyad.StoryFilter{})
	if err != nil {
		return nil, err
	}
	out := make([]*dyad.StoryDetail, len(sts))
	for i, s := range sts {
		if out[i], err = db.GetStory(ctx, s.ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func TestIngestStories(t *testing.T) {
	dir := t.TempDir()
	first, second := storyArticles(t)
	in1, in2 := filepath.Join(dir, "first.jsonl"), filepath.Join(dir, "second.jsonl")
	writeFile(t, in1, first)
	writeFile(t, in2, second)
	dbPath := filepath.Join(dir, "dyad.db")
	ctx := context.Background()

	if status, _, stderr := runDyad(t, "", "ingest", "--db", dbPath, "-j", "1", in1); status != 0 {
		t.Fatalf("first ingest: status %d\n%s", status, stderr)
	}
	db, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	sts, err := storyDetails(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) != 2 {
		t.Fatalf("%d stories, want 2: %+v", len(sts), sts)
	}
	docsOf := func(s *dyad.StoryDetail) []string {
		var d []string
		for _, a := range s.Docs {
			d = append(d, a.Doc)
		}
		return d
	}
	if got := strings.Join(docsOf(sts[0]), " "); got != "wire-1 portal-1 daily-1" {
		t.Errorf("story 1 has %s, want wire-1 portal-1 daily-1", got)
	}
	if got := strings.Join(docsOf(sts[1]), " "); got != "coast-1" {
		t.Errorf("story 2 has %s, want coast-1", got)
	}
	if sts[0].Docs[1].DupOf != sts[0].Docs[0].ID || sts[0].Docs[0].DupOf != 0 || sts[0].Docs[2].DupOf != 0 {
		t.Errorf("copy links %+v: want portal-1 (only) a copy of wire-1", sts[0].Docs)
	}
	ev := meetingEvent(t, db)
	if ev.Mentions != 3 || ev.Articles != 2 || ev.Sources != 2 || ev.Copies != 1 || !ev.IsRoot {
		t.Errorf("meeting event: mentions=%d articles=%d sources=%d copies=%d root=%t, want 3 2 2 1 true",
			ev.Mentions, ev.Articles, ev.Sources, ev.Copies, ev.IsRoot)
	}
	wantOutlets := []string{"dailyglobe.example", "wirenews.example"}
	if strings.Join(ev.Outlets, " ") != strings.Join(wantOutlets, " ") {
		t.Errorf("meeting event outlets %v, want %v", ev.Outlets, wantOutlets)
	}

	// The second run rebuilds the index from the tables: the follow-up
	// joins the story, and the counts go on from those stored.
	if status, _, stderr := runDyad(t, "", "ingest", "--db", dbPath, "-j", "1", in2); status != 0 {
		t.Fatalf("second ingest: status %d\n%s", status, stderr)
	}
	sts, err = storyDetails(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) != 2 {
		t.Fatalf("%d stories after the second run, want 2", len(sts))
	}
	if got := strings.Join(docsOf(sts[0]), " "); got != "wire-1 portal-1 daily-1 post-1" {
		t.Errorf("story 1 has %s after the second run, want wire-1 portal-1 daily-1 post-1", got)
	}
	if sts[0].First != "2016-03-08" || sts[0].Last != "2016-03-09" || sts[0].Articles != 4 {
		t.Errorf("story 1 spans %s to %s with %d articles, want 2016-03-08 to 2016-03-09 with 4",
			sts[0].First, sts[0].Last, sts[0].Articles)
	}
	// The follow-up reports the meeting twice: in its headline ("... after
	// Moscow meeting") and in its body.
	ev2 := meetingEvent(t, db)
	if ev2.ID != ev.ID || ev2.Mentions != ev.Mentions+2 || ev2.Articles != 3 || len(ev2.Outlets) != 3 ||
		ev2.FirstSeen != "2016-03-08" || ev2.LastSeen != "2016-03-09" {
		t.Errorf("meeting event after the second run: %+v", ev2)
	}

	// The tables restore the same index the runs built.
	x, err := db.StoryIndex(ctx, story.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if n := x.Index().Len(); n != 5 {
		t.Errorf("restored index has %d articles, want 5", n)
	}

	// The commands print the same.
	status, out, stderr := runDyad(t, "", "events", "--db", dbPath, "--merged", "--source", "RUS", "--cameo", "04")
	if status != 0 || !strings.Contains(out, "RUS -> CHN") || !strings.Contains(out, "mentions=5\tsources=3\tarticles=3\troot=true") {
		t.Errorf("events --merged: status %d, stdout:\n%s\nstderr:\n%s", status, out, stderr)
	}
	status, out, _ = runDyad(t, "", "events", "--db", dbPath, "--merged", "--json")
	if first, _, _ := strings.Cut(out, "\n"); status != 0 || !json.Valid([]byte(first)) {
		t.Errorf("events --merged --json: status %d, stdout:\n%s", status, out)
	}
	status, out, _ = runDyad(t, "", "events", "--db", dbPath, "--source", "RUS")
	if status != 0 || !strings.Contains(out, "wire-1") || !strings.Contains(out, "post-1") {
		t.Errorf("events: status %d, stdout:\n%s", status, out)
	}
	status, out, _ = runDyad(t, "", "stories", "--db", dbPath, "-v")
	if status != 0 || strings.Count(out, "\n") != 7 || !strings.Contains(out, "articles=4") ||
		!strings.Contains(out, "portal-1") || !strings.Contains(out, "copy of ") {
		t.Errorf("stories -v: status %d, stdout:\n%s", status, out)
	}
	status, out, _ = runDyad(t, "", "stories", "--db", dbPath, "--json")
	if status != 0 || strings.Count(out, "\n") != 2 {
		t.Errorf("stories --json: status %d, stdout:\n%s", status, out)
	}
	if status, _, _ := runDyad(t, "", "events", "--db", dbPath, "--merged", "--from", "March"); status == 0 {
		t.Error("events --from March: status 0, want an error")
	}
}
