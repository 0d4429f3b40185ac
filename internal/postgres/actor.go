package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/dyad-project/dyad"
	"github.com/jackc/pgx/v5"
)

// FindActors returns one page of actors across articles (see
// dyad.ActorStore). Actors are grouped by name, ignoring ASCII case, and
// type; their event and quote counts match names the same way, as
// EventFilter.Source does for a name.
func (db *DB) FindActors(ctx context.Context, f dyad.ActorFilter) ([]dyad.ActorSummary, int, error) {
	if err := f.Validate(); err != nil {
		return nil, 0, err
	}
	w := &where{}
	if f.Query != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(asciiLower(f.Query)) + "%"
		if dyad.ActorValueIsCode(f.Query) {
			lo, hi := prefixRange(f.Query)
			w.add(`(lower(ac.name) LIKE ? ESCAPE '\' OR (ac.code >= ? AND ac.code < ?))`, like, lo, hi)
		} else {
			w.add(`lower(ac.name) LIKE ? ESCAPE '\'`, like)
		}
	}
	if f.Country != "" {
		w.add("ac.country = ?", f.Country)
	}
	if f.Sector != "" {
		w.add("ac.sector = ?", f.Sector)
	}
	if f.Type != "" {
		w.add("ac.type = ?", f.Type)
	}
	if f.ArticleID != 0 {
		w.add("ac.article_id = ?", f.ArticleID)
	}
	groups := `WITH g AS (
		SELECT min(ac.name) AS name, ac.type AS type, count(DISTINCT ac.article_id) AS articles,
			sum(ac.mentions) AS mentions
		FROM actors ac` + w.String() + `
		GROUP BY lower(ac.name), ac.type)`
	tx, err := db.readTx(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: find actors: %w", err)
	}
	defer tx.Rollback(ctx)
	var total int
	if err := tx.QueryRow(ctx, bind(groups+` SELECT count(*) FROM g`), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("postgres: find actors: %w", err)
	}
	order := " ORDER BY mentions DESC"
	switch f.Sort {
	case dyad.SortArticles:
		order = " ORDER BY articles DESC"
	case dyad.SortEvents:
		order = " ORDER BY as_source + as_target DESC"
	case dyad.SortName:
		order = " ORDER BY lower(name)"
	}
	order += ", name, type"
	q := groups + ` SELECT name, type, articles, mentions, as_source, as_target, quotes FROM (
		SELECT name, type, articles, mentions,
		(SELECT count(*) FROM events e WHERE lower(e.source_name) = lower(g.name)) AS as_source,
		(SELECT count(*) FROM events e WHERE lower(e.target_name) = lower(g.name)) AS as_target,
		(SELECT count(*) FROM quotes q WHERE lower(q.speaker_name) = lower(g.name)) AS quotes
		FROM g) s` + order + limitClause(f.Page)
	actors := []dyad.ActorSummary{}
	err = each(ctx, tx, bind(q), w.args, func(r pgx.Rows) error {
		var s dyad.ActorSummary
		if err := r.Scan(&s.Name, &s.Type, &s.Articles, &s.Mentions, &s.AsSource, &s.AsTarget, &s.Quotes); err != nil {
			return err
		}
		actors = append(actors, s)
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: find actors: %w", err)
	}
	for i := range actors {
		if actors[i].Roles, err = actorRoles(ctx, tx, actors[i].Name, actors[i].Type); err != nil {
			return nil, 0, fmt.Errorf("postgres: find actors: roles of %s: %w", actors[i].Name, err)
		}
	}
	return actors, total, nil
}

// actorRoles returns every code an actor had, in the order first seen.
func actorRoles(ctx context.Context, tx pgx.Tx, name, typ string) ([]dyad.ActorRole, error) {
	roles := []dyad.ActorRole{}
	err := each(ctx, tx, `SELECT code, country, sector, n, first, last FROM (
			SELECT ac.code, ac.country, ac.sector, count(DISTINCT ac.article_id) AS n,
				coalesce(min(nullif(a.published, '')), '') AS first, coalesce(max(nullif(a.published, '')), '') AS last
			FROM actors ac JOIN articles a ON a.id = ac.article_id
			WHERE lower(ac.name) = $1 AND ac.type = $2
			GROUP BY ac.code, ac.country, ac.sector) r
		ORDER BY first = '', first, code, country, sector`, []any{asciiLower(name), typ}, func(r pgx.Rows) error {
		var ro dyad.ActorRole
		if err := r.Scan(&ro.Code, &ro.Country, &ro.Sector, &ro.Articles, &ro.First, &ro.Last); err != nil {
			return err
		}
		roles = append(roles, ro)
		return nil
	})
	return roles, err
}
