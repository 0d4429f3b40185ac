package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/dyad-project/dyad"
)

// FindArticle selects the ID of the article stored with a content hash or
// a URL (the arguments, in that order). It is written as two lookups so
// that each uses its index (the URL index is partial: its condition must
// appear literally); as one OR it scanned the whole table, and ingest
// slowed as it grew.
const FindArticle = `SELECT id FROM (
		SELECT id FROM articles WHERE hash = ?
		UNION ALL
		SELECT id FROM articles WHERE url = ? AND url <> ''
	) f ORDER BY id LIMIT 1`

// HasArticle reports whether an article with this URL (when not empty) or
// content hash is stored (see dyad.ArticleStore).
func (s *Queries) HasArticle(ctx context.Context, url, hash string) (int64, bool, error) {
	var id int64
	found := false
	err := s.db.Each(ctx, FindArticle, []any{hash, url}, func(r Scanner) error {
		found = true
		return r.Scan(&id)
	})
	if err != nil {
		return 0, false, s.errorf("has article", err)
	}
	return id, found, nil
}

// GetArticle returns a stored article with its analysis (see
// dyad.ArticleStore).
func (s *Queries) GetArticle(ctx context.Context, id int64) (*dyad.StoredArticle, error) {
	q, end, err := s.read(ctx)
	if err != nil {
		return nil, s.errorf(fmt.Sprintf("get article %d", id), err)
	}
	defer end()
	a, err := s.GetArticleIn(ctx, q, id)
	if err != nil {
		return nil, s.errorf(fmt.Sprintf("get article %d", id), err)
	}
	return a, nil
}

// GetArticleIn reads article id with its analysis through q, a
// transaction of the adapter; an article not stored is dyad.ErrNotFound.
func (s *Queries) GetArticleIn(ctx context.Context, q Querier, id int64) (*dyad.StoredArticle, error) {
	out := &dyad.StoredArticle{ID: id}
	a := &out.Analysis
	var warnings string
	var ingested timeValue
	found := false
	err := q.Each(ctx, `SELECT doc, url, title, published, published_source, text, hash, warnings`+s.d.JSON+`, ingested_at
		FROM articles WHERE id = ?`, []any{id}, func(r Scanner) error {
		found = true
		return r.Scan(&a.Doc, &a.URL, &a.Title, &a.Published, &a.PublishedSource, &a.Text, &out.Hash, &warnings, &ingested)
	})
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, dyad.ErrNotFound
	}
	out.IngestedAt = ingested.t
	if err := json.Unmarshal([]byte(warnings), &a.Warnings); err != nil {
		return nil, fmt.Errorf("warnings: %w", err)
	}
	a.Sentences = []dyad.Sentence{}
	err = q.Each(ctx, `SELECT start, "end", text, kind, rule, para FROM sentences WHERE article_id = ? ORDER BY idx`,
		[]any{id}, func(r Scanner) error {
			var s dyad.Sentence
			var kind string
			var own *string
			if err := r.Scan(&s.Start, &s.End, &own, &kind, &s.Rule, &s.Para); err != nil {
				return err
			}
			var err error
			if s.Text, err = SpanText(a.Text, s.Start, s.End, own); err != nil {
				return fmt.Errorf("sentence %d: %w", len(a.Sentences), err)
			}
			s.Kind = dyad.SentenceKind(kind)
			a.Sentences = append(a.Sentences, s)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("sentences: %w", err)
	}
	if a.Actors, err = s.getActors(ctx, q, id, a.Text); err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	a.Events = []dyad.Event{}
	err = q.Each(ctx, s.eventSelect+` WHERE e.article_id = ? ORDER BY e.ord`, []any{id}, func(r Scanner) error {
		e, err := scanEvent(r)
		if err != nil {
			return err
		}
		a.Events = append(a.Events, e.Event)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	a.Quotes = []dyad.Quote{}
	err = q.Each(ctx, s.quoteSelect+` WHERE q.article_id = ? ORDER BY q.ord`, []any{id}, func(r Scanner) error {
		q, err := scanQuote(r)
		if err != nil {
			return err
		}
		a.Quotes = append(a.Quotes, q.Quote)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	a.Places = []dyad.Place{}
	err = q.Each(ctx, `SELECT text, name, country, admin1, lat, lon, start, "end", sentence, geonameid
		FROM places WHERE article_id = ? ORDER BY idx`, []any{id}, func(r Scanner) error {
		var p dyad.Place
		if err := r.Scan(&p.Text, &p.Name, &p.Country, &p.Admin1, &p.Lat, &p.Lon, &p.Start, &p.End,
			&p.Sentence, &p.GeonameID); err != nil {
			return err
		}
		a.Places = append(a.Places, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	return out, nil
}

// mentionsQuery selects an article's mentions in actor and mention order.
const mentionsQuery = `SELECT actor_ord, start, "end", text, sentence, via FROM mentions
	WHERE article_id = ? ORDER BY actor_ord, idx`

// getActors reads the actors of article articleID, whose text is text, with
// their mentions.
func (s *Queries) getActors(ctx context.Context, q Querier, articleID int64, text string) ([]dyad.Actor, error) {
	actors := []dyad.Actor{}
	err := q.Each(ctx, `SELECT aid, name, country, sector, code, type, entries`+s.d.JSON+` FROM actors
		WHERE article_id = ? ORDER BY ord`, []any{articleID}, func(r Scanner) error {
		var ac dyad.Actor
		var entries string
		if err := r.Scan(&ac.ID, &ac.Name, &ac.Country, &ac.Sector, &ac.Code, &ac.Type, &entries); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(entries), &ac.Entries); err != nil {
			return fmt.Errorf("entries: %w", err)
		}
		if len(ac.Entries) == 0 {
			ac.Entries = nil // omitted from JSON, as the analysis had it
		}
		ac.Mentions = []dyad.Mention{}
		actors = append(actors, ac)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = q.Each(ctx, mentionsQuery, []any{articleID}, func(r Scanner) error {
		var m dyad.Mention
		var ord int
		var own *string
		if err := r.Scan(&ord, &m.Start, &m.End, &own, &m.Sentence, &m.Via); err != nil {
			return err
		}
		if ord < 0 || ord >= len(actors) {
			return fmt.Errorf("mention of unknown actor %d", ord)
		}
		var err error
		if m.Text, err = SpanText(text, m.Start, m.End, own); err != nil {
			return fmt.Errorf("mention of actor %d: %w", ord, err)
		}
		actors[ord].Mentions = append(actors[ord].Mentions, m)
		return nil
	})
	return actors, err
}

// timeValue scans a time stored as RFC 3339 text (SQLite) or as a
// timestamp (PostgreSQL), in UTC.
type timeValue struct{ t time.Time }

func (v *timeValue) Scan(src any) error {
	switch x := src.(type) {
	case time.Time:
		v.t = x.UTC()
		return nil
	case string:
		return v.parse(x)
	case []byte:
		return v.parse(string(x))
	}
	return fmt.Errorf("ingested_at: cannot read %T as a time", src)
}

func (v *timeValue) parse(s string) error {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return fmt.Errorf("ingested_at: %w", err)
	}
	v.t = t
	return nil
}

// CheckBatch reports a batch for PutAnalyses that holds an analysis
// without text (dyad.ErrInvalid).
func CheckBatch(as []*dyad.Analysis) error {
	for i, a := range as {
		if a == nil || a.Text == "" {
			doc := ""
			if a != nil {
				doc = a.Doc
			}
			return fmt.Errorf("%w: analysis %d (%q) of the batch has no text", dyad.ErrInvalid, i, doc)
		}
	}
	return nil
}

// EventColumns are the columns of an events row (EventRow) in order.
var EventColumns = []string{"article_id", "ord", "eid", "sentence", "lead",
	"source_name", "source_country", "source_sector", "source_code", "source_text", "source_start", "source_end",
	"target_name", "target_country", "target_sector", "target_code", "target_text", "target_start", "target_end",
	"cameo", "root", "plover", "quad", "goldstein", "mode", "date", "day",
	"place_text", "place_name", "place_country", "place_admin1", "place_lat", "place_lon",
	"place_start", "place_end", "place_sentence", "place_geonameid",
	"trigger_text", "trigger_start", "trigger_end", "evidence"}

// EventRow returns the events row (EventColumns) of event ord of analysis
// a stored as article articleID; leadPara is FirstBodyPara(a.Sentences).
// NULL columns are nil.
func EventRow(articleID int64, ord int, e *dyad.Event, a *dyad.Analysis, leadPara int) ([]any, error) {
	evidence, err := EncodeEvidence(e.Evidence)
	if err != nil {
		return nil, err
	}
	lead := false
	if e.Sentence >= 0 && e.Sentence < len(a.Sentences) {
		s := &a.Sentences[e.Sentence]
		lead = s.Kind == dyad.KindHeadline || s.Kind == dyad.KindBody && s.Para == leadPara
	}
	var date, day any
	if e.Date != nil {
		date = *e.Date
	}
	if d := eventDay(e.Date, a.Published); d != "" {
		day = d
	}
	s := &e.Source
	row := make([]any, 0, len(EventColumns))
	row = append(row, articleID, ord, e.ID, e.Sentence, lead,
		s.Name, s.Country, s.Sector, s.Code, s.Text, s.Start, s.End)
	row = append(row, RefArgs(e.Target)...)
	row = append(row, e.CAMEO, e.Root, e.PLOVER, e.Quad, e.Goldstein, e.Mode, date, day)
	if p := e.Place; p != nil {
		row = append(row, p.Text, p.Name, p.Country, p.Admin1, p.Lat, p.Lon, p.Start, p.End, p.Sentence, p.GeonameID)
	} else {
		row = append(row, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil)
	}
	return append(row, e.Trigger.Text, e.Trigger.Start, e.Trigger.End, evidence), nil
}

// FirstBodyPara returns the paragraph number of the first body sentence,
// or -1 when there is none.
func FirstBodyPara(ss []dyad.Sentence) int {
	for i := range ss {
		if ss[i].Kind == dyad.KindBody {
			return ss[i].Para
		}
	}
	return -1
}

// eventDay returns the day an event is filed under (dyad.StoredEvent.Day):
// its date, a month or a year taken as its first day, else the publication
// date; "" when neither is a valid date.
func eventDay(date *string, published string) string {
	if date != nil {
		d := *date
		switch len(d) {
		case 4:
			d += "-01-01"
		case 7:
			d += "-01"
		}
		if validDay(d) {
			return d
		}
	}
	if validDay(published) {
		return published
	}
	return ""
}

func validDay(d string) bool {
	if len(d) != 10 {
		return false
	}
	_, err := time.Parse(time.DateOnly, d)
	return err == nil
}

// RefArgs returns the seven column values of an optional dyad.ActorRef
// (name, country, sector, code, text, start, end), all nil for none.
func RefArgs(r *dyad.ActorRef) []any {
	if r == nil {
		return make([]any, 7)
	}
	return []any{r.Name, r.Country, r.Sector, r.Code, r.Text, r.Start, r.End}
}

// JSONArray encodes a slice as a JSON array, [] for nil.
func JSONArray[T any](v []T) (string, error) {
	if v == nil {
		return "[]", nil
	}
	b, err := json.Marshal(v)
	return string(b), err
}
