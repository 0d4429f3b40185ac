package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/sqlstore"
)

// UpgradeQueries holds the values CheckUpgraded queries by; each must
// select rows of the analyses both stores hold, so that the answers
// compared are not empty.
type UpgradeQueries struct {
	// Actor is an actor (a code or a name) of events
	// (dyad.EventFilter.Actor).
	Actor string
	// About is an actor that quotes are about (dyad.QuoteFilter.About).
	About string
	// Search is a word of the articles (dyad.SearchFilter.Query).
	Search string
}

// CheckUpgraded requires the same answers from upgraded, a store whose
// schema was migrated from an older version, as from fresh, a new store
// holding the same analyses: all events, the events of q.Actor (newest
// first), all quotes, the quotes about q.About, all actors, the hits of
// q.Search, the network of countries and every article by id. Each answer
// must be identical JSON of at least 100 bytes, so that an upgrade that
// loses rows fails.
func CheckUpgraded(t *testing.T, upgraded, fresh dyad.Store, q UpgradeQueries) {
	t.Helper()
	ctx := context.Background()
	queries := []struct {
		name string
		run  func(s dyad.Store) (any, error)
	}{
		{"events", func(s dyad.Store) (any, error) {
			return pageOf(s.FindEvents(ctx, dyad.EventFilter{}))
		}},
		{"events by actor", func(s dyad.Store) (any, error) {
			return pageOf(s.FindEvents(ctx, dyad.EventFilter{Actor: q.Actor, Sort: dyad.SortDateDesc}))
		}},
		{"quotes", func(s dyad.Store) (any, error) {
			return pageOf(s.FindQuotes(ctx, dyad.QuoteFilter{}))
		}},
		{"quotes about", func(s dyad.Store) (any, error) {
			return pageOf(s.FindQuotes(ctx, dyad.QuoteFilter{About: q.About}))
		}},
		{"actors", func(s dyad.Store) (any, error) {
			return pageOf(s.FindActors(ctx, dyad.ActorFilter{}))
		}},
		{"search", func(s dyad.Store) (any, error) {
			return pageOf(s.Search(ctx, dyad.SearchFilter{Query: q.Search}))
		}},
		{"network", func(s dyad.Store) (any, error) {
			return s.Network(ctx, dyad.EventFilter{}, dyad.NetworkOptions{Node: dyad.NodeCountry})
		}},
		{"articles", func(s dyad.Store) (any, error) {
			var out []*dyad.StoredArticle
			for id := int64(1); ; id++ {
				a, err := s.GetArticle(ctx, id)
				if errors.Is(err, dyad.ErrNotFound) {
					return out, nil
				}
				if err != nil {
					return nil, err
				}
				out = append(out, a)
			}
		}},
	}
	for _, c := range queries {
		t.Run(c.name, func(t *testing.T) {
			want, err := c.run(fresh)
			if err != nil {
				t.Fatal(err)
			}
			got, err := c.run(upgraded)
			if err != nil {
				t.Fatal(err)
			}
			w, _ := json.MarshalIndent(want, "", " ")
			g, _ := json.MarshalIndent(got, "", " ")
			if string(w) != string(g) || len(w) < 100 {
				t.Errorf("after the migration:\n%.2000s\nwant (%d bytes):\n%.2000s", g, len(w), w)
			}
		})
	}
}

// pageOf returns a result list and its total as one value to compare.
func pageOf[T any](rows T, total int, err error) (any, error) {
	return []any{rows, total}, err
}

// V3EventRow returns event ord of analysis a, stored as article id, as a
// row of the events table of schema version 3, for tests that fill a store
// of that version before upgrading it: the columns of sqlstore.EventRow with
// the sentence's text after the fifth, and the evidence as a JSON array.
func V3EventRow(id int64, ord int, a *dyad.Analysis, leadPara int) ([]any, error) {
	e := &a.Events[ord]
	row, err := sqlstore.EventRow(id, ord, e, a, leadPara)
	if err != nil {
		return nil, err
	}
	sentText := ""
	if e.Sentence >= 0 && e.Sentence < len(a.Sentences) {
		sentText = a.Sentences[e.Sentence].Text
	}
	if row[len(row)-1], err = sqlstore.JSONArray(e.Evidence); err != nil {
		return nil, err
	}
	return append(append(append([]any(nil), row[:5]...), sentText), row[5:]...), nil
}
