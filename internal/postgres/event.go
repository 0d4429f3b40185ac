package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/dyad-project/dyad"
	"github.com/jackc/pgx/v5"
)

// eventSelect selects the columns scanEvent reads, from events e joined to
// their articles a.
const eventSelect = `SELECT e.id, e.article_id, a.doc, a.url, a.published, e.eid, e.sentence, e.lead, e.sentence_text,
	e.source_name, e.source_country, e.source_sector, e.source_code, e.source_text, e.source_start, e.source_end,
	e.target_name, e.target_country, e.target_sector, e.target_code, e.target_text, e.target_start, e.target_end,
	e.cameo, e.root, e.plover, e.quad, e.goldstein, e.mode, e.date, e.day,
	e.place_text, e.place_name, e.place_country, e.place_admin1, e.place_lat, e.place_lon,
	e.place_start, e.place_end, e.place_sentence, e.place_geonameid,
	e.trigger_text, e.trigger_start, e.trigger_end, e.evidence::text
	FROM events e JOIN articles a ON a.id = e.article_id`

// scanEvent reads a row of eventSelect.
func scanEvent(r pgx.Rows) (dyad.StoredEvent, error) {
	var e dyad.StoredEvent
	var t refCols
	var date, day *string
	var pl struct {
		text, name, country, admin1 *string
		lat, lon                    *float64
		start, end, sent, geo       *int
	}
	var evidence string
	s := &e.Source
	dest := []any{&e.GlobalID, &e.ArticleID, &e.Doc, &e.URL, &e.Published, &e.ID, &e.Sentence, &e.Lead, &e.SentenceText,
		&s.Name, &s.Country, &s.Sector, &s.Code, &s.Text, &s.Start, &s.End}
	dest = append(dest, t.dest()...)
	dest = append(dest, &e.CAMEO, &e.Root, &e.PLOVER, &e.Quad, &e.Goldstein, &e.Mode, &date, &day,
		&pl.text, &pl.name, &pl.country, &pl.admin1, &pl.lat, &pl.lon, &pl.start, &pl.end, &pl.sent, &pl.geo,
		&e.Trigger.Text, &e.Trigger.Start, &e.Trigger.End, &evidence)
	if err := r.Scan(dest...); err != nil {
		return e, err
	}
	e.Target = t.ref()
	e.Date = date
	if day != nil {
		e.Day = *day
	}
	if pl.name != nil {
		e.Place = &dyad.Place{
			Text: deref(pl.text), Name: *pl.name, Country: deref(pl.country), Admin1: deref(pl.admin1),
			Lat: deref(pl.lat), Lon: deref(pl.lon), Start: deref(pl.start), End: deref(pl.end),
			Sentence: deref(pl.sent), GeonameID: deref(pl.geo),
		}
	}
	if err := json.Unmarshal([]byte(evidence), &e.Evidence); err != nil {
		return e, fmt.Errorf("evidence of event %d: %w", e.GlobalID, err)
	}
	return e, nil
}

// deref returns *p, or the zero value for nil.
func deref[T any](p *T) T {
	var z T
	if p == nil {
		return z
	}
	return *p
}

// eventWhere translates a filter into conditions on events e and articles a.
func eventWhere(f *dyad.EventFilter) (*where, error) {
	w := &where{}
	if f.Actor != "" {
		s, sa := actorCond("e.source_", f.Actor)
		t, ta := actorCond("e.target_", f.Actor)
		w.add("("+s+" OR "+t+")", append(sa, ta...)...)
	}
	if f.Source != "" {
		w.actor("e.source_", f.Source)
	}
	if f.Target != "" {
		w.actor("e.target_", f.Target)
	}
	if f.Country != "" {
		w.add("(e.source_country = ? OR e.target_country = ?)", f.Country, f.Country)
	}
	if f.SourceCountry != "" {
		w.add("e.source_country = ?", f.SourceCountry)
	}
	if f.TargetCountry != "" {
		w.add("e.target_country = ?", f.TargetCountry)
	}
	if f.Sector != "" {
		w.add("(e.source_sector = ? OR e.target_sector = ?)", f.Sector, f.Sector)
	}
	if f.CAMEO != "" {
		lo, hi := prefixRange(f.CAMEO)
		w.add("e.cameo >= ? AND e.cameo < ?", lo, hi)
	}
	if f.Root != "" {
		w.add("e.root = ?", f.Root)
	}
	if f.PLOVER != "" {
		w.add("e.plover = ?", f.PLOVER)
	}
	if f.Quad != 0 {
		w.add("e.quad = ?", f.Quad)
	}
	if f.Mode != "" {
		w.add("e.mode = ?", f.Mode)
	}
	if f.From != "" {
		w.add("e.day >= ?", f.From)
	}
	if f.To != "" {
		w.add("e.day <= ?", f.To)
	}
	if f.Place != "" {
		p := asciiLower(f.Place)
		w.add("(lower(e.place_name) = ? OR lower(e.place_text) = ?)", p, p)
	}
	if f.PlaceCountry != "" {
		w.add("e.place_country = ?", f.PlaceCountry)
	}
	if f.Text != "" {
		s, err := parseSearch(f.Text)
		if err != nil {
			return nil, err
		}
		w.add("e.article_id IN (SELECT id FROM articles WHERE fts @@ ?::text::tsquery)", s.tsquery)
	}
	if f.Doc != "" {
		w.add("a.doc = ?", f.Doc)
	}
	if f.ArticleID != 0 {
		w.add("e.article_id = ?", f.ArticleID)
	}
	return w, nil
}

// eventOrder returns the ORDER BY clause of a sort order. Undated events
// sort last either way; the tie-breakers make the order total.
func eventOrder(sort string) string {
	const ties = ", a.doc, a.hash, e.ord"
	switch sort {
	case dyad.SortDateDesc:
		return " ORDER BY e.day IS NULL, e.day DESC" + ties
	case dyad.SortGoldstein:
		return " ORDER BY e.goldstein, e.day IS NULL, e.day" + ties
	case dyad.SortGoldsteinDesc:
		return " ORDER BY e.goldstein DESC, e.day IS NULL, e.day" + ties
	}
	return " ORDER BY e.day IS NULL, e.day" + ties
}

// FindEvents returns one page of the events f selects and their number
// (see dyad.EventStore).
func (db *DB) FindEvents(ctx context.Context, f dyad.EventFilter) ([]dyad.StoredEvent, int, error) {
	if err := f.Validate(); err != nil {
		return nil, 0, err
	}
	w, err := eventWhere(&f)
	if err != nil {
		return nil, 0, err
	}
	tx, err := db.readTx(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: find events: %w", err)
	}
	defer tx.Rollback(ctx)
	var total int
	err = tx.QueryRow(ctx, bind(`SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id`+w.String()),
		w.args...).Scan(&total)
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: find events: %w", err)
	}
	events := []dyad.StoredEvent{}
	err = each(ctx, tx, bind(eventSelect+w.String()+eventOrder(f.Sort)+limitClause(f.Page)), w.args, func(r pgx.Rows) error {
		e, err := scanEvent(r)
		if err != nil {
			return err
		}
		events = append(events, e)
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: find events: %w", err)
	}
	return events, total, nil
}

// ScanEvents calls fn with every event f selects, in order (see
// dyad.EventStore). It reads from one snapshot: events stored meanwhile are
// not seen.
func (db *DB) ScanEvents(ctx context.Context, f dyad.EventFilter, fn func(*dyad.StoredEvent) error) error {
	if err := f.Validate(); err != nil {
		return err
	}
	w, err := eventWhere(&f)
	if err != nil {
		return err
	}
	tx, err := db.readTx(ctx)
	if err != nil {
		return fmt.Errorf("postgres: scan events: %w", err)
	}
	defer tx.Rollback(ctx)
	var fnErr error
	err = each(ctx, tx, bind(eventSelect+w.String()+eventOrder(f.Sort)+limitClause(f.Page)), w.args, func(r pgx.Rows) error {
		e, err := scanEvent(r)
		if err != nil {
			return err
		}
		fnErr = fn(&e)
		return fnErr
	})
	if fnErr != nil {
		return fnErr
	}
	if err != nil {
		return fmt.Errorf("postgres: scan events: %w", err)
	}
	return nil
}
