package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/dyad-project/dyad"
)

// FindActors returns one page of actors across articles (see
// dyad.ActorStore). Actors are grouped by name, ignoring ASCII case, and
// type; their event and quote counts match names the same way, as
// EventFilter.Source does for a name.
func (s *Queries) FindActors(ctx context.Context, f dyad.ActorFilter) ([]dyad.ActorSummary, int, error) {
	if err := f.Validate(); err != nil {
		return nil, 0, err
	}
	d := s.d
	w := &Where{}
	if f.Query != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(ASCIILower(f.Query)) + "%"
		if dyad.ActorValueIsCode(f.Query) {
			lo, hi := PrefixRange(f.Query)
			w.Add(`(`+d.Fold("ac.name")+` LIKE ? ESCAPE '\' OR (ac.code >= ? AND ac.code < ?))`, like, lo, hi)
		} else {
			w.Add(d.Fold("ac.name")+` LIKE ? ESCAPE '\'`, like)
		}
	}
	if f.Country != "" {
		w.Add("ac.country = ?", f.Country)
	}
	if f.Sector != "" {
		w.Add("ac.sector = ?", f.Sector)
	}
	if f.Type != "" {
		w.Add("ac.type = ?", f.Type)
	}
	if f.ArticleID != 0 {
		w.Add("ac.article_id = ?", f.ArticleID)
	}
	groups := `WITH g AS (
		SELECT min(ac.name) AS name, ac.type AS type, count(DISTINCT ac.article_id) AS articles,
			sum(ac.mentions) AS mentions
		FROM actors ac` + w.String() + `
		GROUP BY ` + d.Fold("ac.name") + `, ac.type)`
	q, end, err := s.read(ctx)
	if err != nil {
		return nil, 0, s.errorf("find actors", err)
	}
	defer end()
	total, err := count(ctx, q, groups+` SELECT count(*) FROM g`, w.Args)
	if err != nil {
		return nil, 0, s.errorf("find actors", err)
	}
	order := " ORDER BY mentions DESC"
	switch f.Sort {
	case dyad.SortArticles:
		order = " ORDER BY articles DESC"
	case dyad.SortEvents:
		order = " ORDER BY as_source + as_target DESC"
	case dyad.SortName:
		order = " ORDER BY " + d.Fold("name")
	}
	order += ", name, type"
	eq := func(col string) string { return d.Fold(col) + " = " + d.Fold("g.name") }
	query := groups + ` SELECT name, type, articles, mentions, as_source, as_target, quotes FROM (
		SELECT name, type, articles, mentions,
		(SELECT count(*) FROM events e WHERE ` + eq("e.source_name") + `) AS as_source,
		(SELECT count(*) FROM events e WHERE ` + eq("e.target_name") + `) AS as_target,
		(SELECT count(*) FROM quotes q WHERE ` + eq("q.speaker_name") + `) AS quotes
		FROM g) s` + order + d.Limit(f.Page)
	actors := []dyad.ActorSummary{}
	err = q.Each(ctx, query, w.Args, func(r Scanner) error {
		var a dyad.ActorSummary
		if err := r.Scan(&a.Name, &a.Type, &a.Articles, &a.Mentions, &a.AsSource, &a.AsTarget, &a.Quotes); err != nil {
			return err
		}
		actors = append(actors, a)
		return nil
	})
	if err != nil {
		return nil, 0, s.errorf("find actors", err)
	}
	for i := range actors {
		if actors[i].Roles, err = s.actorRoles(ctx, q, actors[i].Name, actors[i].Type); err != nil {
			return nil, 0, s.errorf("find actors", fmt.Errorf("roles of %s: %w", actors[i].Name, err))
		}
	}
	return actors, total, nil
}

// actorRoles returns every code an actor had, in the order first seen.
func (s *Queries) actorRoles(ctx context.Context, q Querier, name, typ string) ([]dyad.ActorRole, error) {
	roles := []dyad.ActorRole{}
	err := q.Each(ctx, `SELECT code, country, sector, n, first, last FROM (
			SELECT ac.code, ac.country, ac.sector, count(DISTINCT ac.article_id) AS n,
				coalesce(min(nullif(a.published, '')), '') AS first, coalesce(max(nullif(a.published, '')), '') AS last
			FROM actors ac JOIN articles a ON a.id = ac.article_id
			WHERE `+s.d.Fold("ac.name")+` = ? AND ac.type = ?
			GROUP BY ac.code, ac.country, ac.sector) r
		ORDER BY first = '', first, code, country, sector`, []any{ASCIILower(name), typ}, func(r Scanner) error {
		var ro dyad.ActorRole
		if err := r.Scan(&ro.Code, &ro.Country, &ro.Sector, &ro.Articles, &ro.First, &ro.Last); err != nil {
			return err
		}
		roles = append(roles, ro)
		return nil
	})
	return roles, err
}
