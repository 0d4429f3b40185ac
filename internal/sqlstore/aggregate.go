package sqlstore

import (
	"context"

	"github.com/dyad-project/dyad"
)

// quadCounts counts the events of each quad class.
const quadCounts = `count(*) FILTER (WHERE e.quad = 1), count(*) FILTER (WHERE e.quad = 2),
	count(*) FILTER (WHERE e.quad = 3), count(*) FILTER (WHERE e.quad = 4)`

// Timeline counts events per period (see dyad.EventStore).
func (s *Queries) Timeline(ctx context.Context, f dyad.EventFilter, o dyad.TimelineOptions) ([]dyad.TimelinePoint, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	w, err := s.d.aggregateWhere(&f)
	if err != nil {
		return nil, err
	}
	var period string
	switch o.Interval {
	case dyad.IntervalDay:
		period = "e.day"
	case dyad.IntervalWeek:
		period = s.d.Week
	default:
		period = "substr(e.day, 1, 7)"
	}
	key := "''"
	switch o.By {
	case dyad.GroupQuad:
		key = "CAST(e.quad AS TEXT)"
	case dyad.GroupRoot:
		key = "e.root"
	}
	w.Add("e.day IS NOT NULL")
	q := `SELECT ` + period + ` AS period, ` + key + s.d.Text + ` AS key, count(*), avg(e.goldstein)
		FROM events e JOIN articles a ON a.id = e.article_id` + w.String() + `
		GROUP BY 1, 2 ORDER BY 1, 2`
	points := []dyad.TimelinePoint{}
	err = s.db.Each(ctx, q, w.Args, func(r Scanner) error {
		var p dyad.TimelinePoint
		if err := r.Scan(&p.Period, &p.Key, &p.Count, &p.Goldstein); err != nil {
			return err
		}
		p.Goldstein = Round2(p.Goldstein)
		points = append(points, p)
		return nil
	})
	if err != nil {
		return nil, s.errorf("timeline", err)
	}
	return points, nil
}

// Network counts directed dyads (see dyad.EventStore).
func (s *Queries) Network(ctx context.Context, f dyad.EventFilter, o dyad.NetworkOptions) ([]dyad.Edge, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	w, err := s.d.aggregateWhere(&f)
	if err != nil {
		return nil, err
	}
	col := "code"
	switch o.Node {
	case dyad.NodeCountry:
		col = "country"
	case dyad.NodeName:
		col = "name"
	}
	w.Add("e.target_name IS NOT NULL")
	q := `SELECT e.source_` + col + ` AS s, e.target_` + col + ` AS t, count(*) AS n, avg(e.goldstein), ` + quadCounts + `
		FROM events e JOIN articles a ON a.id = e.article_id` + w.String() + `
		GROUP BY s, t ORDER BY n DESC, s, t` + s.d.Limit(dyad.Page{Limit: o.Limit})
	edges := []dyad.Edge{}
	err = s.db.Each(ctx, q, w.Args, func(r Scanner) error {
		var e dyad.Edge
		if err := r.Scan(&e.Source, &e.Target, &e.Count, &e.Goldstein, &e.Quad[0], &e.Quad[1], &e.Quad[2], &e.Quad[3]); err != nil {
			return err
		}
		e.Goldstein = Round2(e.Goldstein)
		edges = append(edges, e)
		return nil
	})
	if err != nil {
		return nil, s.errorf("network", err)
	}
	return edges, nil
}

// MapPoints counts events per place (see dyad.EventStore).
func (s *Queries) MapPoints(ctx context.Context, f dyad.EventFilter) ([]dyad.MapPoint, error) {
	w, err := s.d.aggregateWhere(&f)
	if err != nil {
		return nil, err
	}
	w.Add("e.place_name IS NOT NULL")
	q := `SELECT e.place_name, e.place_country, e.place_admin1, e.place_geonameid, e.place_lat, e.place_lon,
		count(*) AS n, avg(e.goldstein), ` + quadCounts + `
		FROM events e JOIN articles a ON a.id = e.article_id` + w.String() + `
		GROUP BY e.place_geonameid, e.place_name, e.place_country, e.place_admin1, e.place_lat, e.place_lon
		ORDER BY n DESC, e.place_name, e.place_geonameid, e.place_country, e.place_admin1, e.place_lat, e.place_lon`
	points := []dyad.MapPoint{}
	err = s.db.Each(ctx, q, w.Args, func(r Scanner) error {
		var p dyad.MapPoint
		if err := r.Scan(&p.Name, &p.Country, &p.Admin1, &p.GeonameID, &p.Lat, &p.Lon, &p.Count, &p.Goldstein,
			&p.Quad[0], &p.Quad[1], &p.Quad[2], &p.Quad[3]); err != nil {
			return err
		}
		p.Goldstein = Round2(p.Goldstein)
		points = append(points, p)
		return nil
	})
	if err != nil {
		return nil, s.errorf("map points", err)
	}
	return points, nil
}

// aggregateWhere validates a filter for an aggregate, which ignores its
// sort order and page, and translates it.
func (d *Dialect) aggregateWhere(f *dyad.EventFilter) (*Where, error) {
	g := *f
	g.Sort, g.Page = "", dyad.Page{}
	if err := g.Validate(); err != nil {
		return nil, err
	}
	return d.eventWhere(&g)
}
