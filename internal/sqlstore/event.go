package sqlstore

import (
	"context"
	"fmt"

	"github.com/dyad-project/dyad"
)

// Queries answers the read queries of the dyad store interfaces over the
// common schema. An adapter embeds one, so that its DB has the methods.
type Queries struct {
	d *Dialect
	// read begins a read-only transaction on one snapshot, so that a count
	// and the page it counts agree; end ends it.
	read func(ctx context.Context) (q Querier, end func(), err error)
	// db runs single statements.
	db Querier

	eventSelect, quoteSelect, mergedEventCols, storyCols string
}

// NewQueries returns the queries of a dialect; read begins a read-only
// transaction (end rolls it back) and db runs statements outside one.
func NewQueries(d *Dialect, db Querier, read func(ctx context.Context) (q Querier, end func(), err error)) *Queries {
	return &Queries{d: d, read: read, db: db,
		eventSelect:     eventSelect(d),
		quoteSelect:     quoteSelect,
		mergedEventCols: mergedEventCols(d),
		storyCols:       storyCols(d),
	}
}

// Dialect returns the dialect of the queries.
func (s *Queries) Dialect() *Dialect { return s.d }

// errorf wraps an error with the dialect's name and an operation.
func (s *Queries) errorf(op string, err error) error {
	return fmt.Errorf("%s: %s: %w", s.d.Name, op, err)
}

// eventSelect selects the columns scanEvent reads, from events e joined to
// their articles a. The sentence's text is its own (sentences.text) or,
// when NULL, cut from the article's bytes; ” for an event whose sentence
// is not stored. It is a subquery rather than a join so that PostgreSQL
// computes it for the rows of the page only, after the sort.
func eventSelect(d *Dialect) string {
	return `SELECT e.id, e.article_id, a.doc, a.url, a.published, e.eid, e.sentence, e.lead,
	COALESCE((SELECT COALESCE(sn.text, ` + d.Bytes("sa.text", "sn.start", `sn."end"`) + `)
		FROM sentences sn JOIN articles sa ON sa.id = sn.article_id
		WHERE sn.article_id = e.article_id AND sn.idx = e.sentence), ''),
	e.source_name, e.source_country, e.source_sector, e.source_code, e.source_text, e.source_start, e.source_end,
	e.target_name, e.target_country, e.target_sector, e.target_code, e.target_text, e.target_start, e.target_end,
	e.cameo, e.root, e.plover, e.quad, e.goldstein, e.mode, e.date, e.day,
	e.place_text, e.place_name, e.place_country, e.place_admin1, e.place_lat, e.place_lon,
	e.place_start, e.place_end, e.place_sentence, e.place_geonameid,
	e.trigger_text, e.trigger_start, e.trigger_end, e.evidence` + d.JSON + `
	FROM events e JOIN articles a ON a.id = e.article_id`
}

// scanEvent reads a row of eventSelect.
func scanEvent(r Scanner) (dyad.StoredEvent, error) {
	var e dyad.StoredEvent
	var t refCols
	var day *string
	var pl struct {
		text, name, country, admin1 *string
		lat, lon                    *float64
		start, end, sent, geo       *int
	}
	var evidence string
	s := &e.Source
	err := r.Scan(&e.GlobalID, &e.ArticleID, &e.Doc, &e.URL, &e.Published, &e.ID, &e.Sentence, &e.Lead, &e.SentenceText,
		&s.Name, &s.Country, &s.Sector, &s.Code, &s.Text, &s.Start, &s.End,
		&t.name, &t.country, &t.sector, &t.code, &t.text, &t.start, &t.end,
		&e.CAMEO, &e.Root, &e.PLOVER, &e.Quad, &e.Goldstein, &e.Mode, &e.Date, &day,
		&pl.text, &pl.name, &pl.country, &pl.admin1, &pl.lat, &pl.lon, &pl.start, &pl.end, &pl.sent, &pl.geo,
		&e.Trigger.Text, &e.Trigger.Start, &e.Trigger.End, &evidence)
	if err != nil {
		return e, err
	}
	e.Target = t.ref()
	e.Day = deref(day)
	if pl.name != nil {
		e.Place = &dyad.Place{
			Text: deref(pl.text), Name: *pl.name, Country: deref(pl.country), Admin1: deref(pl.admin1),
			Lat: deref(pl.lat), Lon: deref(pl.lon), Start: deref(pl.start), End: deref(pl.end),
			Sentence: deref(pl.sent), GeonameID: deref(pl.geo),
		}
	}
	if e.Evidence, err = DecodeEvidence(evidence); err != nil {
		return e, fmt.Errorf("evidence of event %d: %w", e.GlobalID, err)
	}
	return e, nil
}

// refCols scans the nullable columns of an optional dyad.ActorRef.
type refCols struct {
	name, country, sector, code, text *string
	start, end                        *int
}

// ref returns the ActorRef the columns hold, or nil when they are NULL.
func (c *refCols) ref() *dyad.ActorRef {
	if c.name == nil {
		return nil
	}
	return &dyad.ActorRef{Name: *c.name, Country: deref(c.country), Sector: deref(c.sector), Code: deref(c.code),
		Text: deref(c.text), Start: deref(c.start), End: deref(c.end)}
}

// eventWhere translates a filter into conditions on events e and articles a.
func (d *Dialect) eventWhere(f *dyad.EventFilter) (*Where, error) {
	w := &Where{}
	if f.Actor != "" {
		// Either side: two conditions OR-ed, each the one-sided match.
		s, sa := d.actorCond("e.source_", f.Actor)
		t, ta := d.actorCond("e.target_", f.Actor)
		w.Add("("+s+" OR "+t+")", append(sa, ta...)...)
	}
	if f.Source != "" {
		d.Actor(w, "e.source_", f.Source)
	}
	if f.Target != "" {
		d.Actor(w, "e.target_", f.Target)
	}
	if f.Country != "" {
		w.Add("(e.source_country = ? OR e.target_country = ?)", f.Country, f.Country)
	}
	if f.SourceCountry != "" {
		w.Add("e.source_country = ?", f.SourceCountry)
	}
	if f.TargetCountry != "" {
		w.Add("e.target_country = ?", f.TargetCountry)
	}
	if f.Sector != "" {
		w.Add("(e.source_sector = ? OR e.target_sector = ?)", f.Sector, f.Sector)
	}
	if f.CAMEO != "" {
		lo, hi := PrefixRange(f.CAMEO)
		w.Add("e.cameo >= ? AND e.cameo < ?", lo, hi)
	}
	if f.Root != "" {
		w.Add("e.root = ?", f.Root)
	}
	if f.PLOVER != "" {
		w.Add("e.plover = ?", f.PLOVER)
	}
	if f.Quad != 0 {
		w.Add("e.quad = ?", f.Quad)
	}
	if f.Mode != "" {
		w.Add("e.mode = ?", f.Mode)
	}
	if f.From != "" {
		w.Add("e.day >= ?", f.From)
	}
	if f.To != "" {
		w.Add("e.day <= ?", f.To)
	}
	if f.Place != "" {
		p := ASCIILower(f.Place)
		w.Add("("+d.Fold("e.place_name")+" = ? OR "+d.Fold("e.place_text")+" = ?)", p, p)
	}
	if f.PlaceCountry != "" {
		w.Add("e.place_country = ?", f.PlaceCountry)
	}
	if f.Text != "" {
		ids, arg, err := d.ArticleMatch(f.Text)
		if err != nil {
			return nil, err
		}
		w.Add("e.article_id IN ("+ids+")", arg)
	}
	if f.Doc != "" {
		w.Add("a.doc = ?", f.Doc)
	}
	if f.ArticleID != 0 {
		w.Add("e.article_id = ?", f.ArticleID)
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
func (s *Queries) FindEvents(ctx context.Context, f dyad.EventFilter) ([]dyad.StoredEvent, int, error) {
	if err := f.Validate(); err != nil {
		return nil, 0, err
	}
	w, err := s.d.eventWhere(&f)
	if err != nil {
		return nil, 0, err
	}
	q, end, err := s.read(ctx)
	if err != nil {
		return nil, 0, s.errorf("find events", err)
	}
	defer end()
	total, err := count(ctx, q, `SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id`+w.String(), w.Args)
	if err != nil {
		return nil, 0, s.errorf("find events", err)
	}
	events := []dyad.StoredEvent{}
	err = q.Each(ctx, s.eventSelect+w.String()+eventOrder(f.Sort)+s.d.Limit(f.Page), w.Args, func(r Scanner) error {
		e, err := scanEvent(r)
		if err != nil {
			return err
		}
		events = append(events, e)
		return nil
	})
	if err != nil {
		return nil, 0, s.errorf("find events", err)
	}
	return events, total, nil
}

// ScanEvents calls fn with every event f selects, in order (see
// dyad.EventStore). It reads from one snapshot: events stored meanwhile are
// not seen.
func (s *Queries) ScanEvents(ctx context.Context, f dyad.EventFilter, fn func(*dyad.StoredEvent) error) error {
	if err := f.Validate(); err != nil {
		return err
	}
	w, err := s.d.eventWhere(&f)
	if err != nil {
		return err
	}
	q, end, err := s.read(ctx)
	if err != nil {
		return s.errorf("scan events", err)
	}
	defer end()
	var fnErr error
	err = q.Each(ctx, s.eventSelect+w.String()+eventOrder(f.Sort)+s.d.Limit(f.Page), w.Args, func(r Scanner) error {
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
		return s.errorf("scan events", err)
	}
	return nil
}
