package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/dyad-project/dyad"
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
		like := "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(f.Query) + "%"
		if dyad.ActorValueIsCode(f.Query) {
			lo, hi := prefixRange(f.Query)
			w.add(`(ac.name LIKE ? ESCAPE '\' OR (ac.code >= ? AND ac.code < ?))`, like, lo, hi)
		} else {
			w.add(`ac.name LIKE ? ESCAPE '\'`, like)
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
		SELECT min(ac.name) AS name, ac.type AS type, count(DISTINCT ac.article_id) AS articles, sum(ac.mentions) AS mentions
		FROM actors ac` + w.String() + `
		GROUP BY ac.name COLLATE NOCASE, ac.type)`
	tx, err := db.readTx(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: find actors: %w", err)
	}
	defer tx.Rollback()
	var total int
	if err := tx.QueryRowContext(ctx, groups+` SELECT count(*) FROM g`, w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sqlite: find actors: %w", err)
	}
	order := " ORDER BY mentions DESC"
	switch f.Sort {
	case dyad.SortArticles:
		order = " ORDER BY articles DESC"
	case dyad.SortEvents:
		order = " ORDER BY as_source + as_target DESC"
	case dyad.SortName:
		order = " ORDER BY name COLLATE NOCASE"
	}
	order += ", name, type"
	q := groups + ` SELECT name, type, articles, mentions,
		(SELECT count(*) FROM events e WHERE e.source_name = g.name COLLATE NOCASE) AS as_source,
		(SELECT count(*) FROM events e WHERE e.target_name = g.name COLLATE NOCASE) AS as_target,
		(SELECT count(*) FROM quotes q WHERE q.speaker_name = g.name COLLATE NOCASE) AS quotes
		FROM g` + order + limitClause(f.Page)
	actors := []dyad.ActorSummary{}
	err = each(ctx, tx, q, w.args, func(r *sql.Rows) error {
		var s dyad.ActorSummary
		if err := r.Scan(&s.Name, &s.Type, &s.Articles, &s.Mentions, &s.AsSource, &s.AsTarget, &s.Quotes); err != nil {
			return err
		}
		actors = append(actors, s)
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: find actors: %w", err)
	}
	for i := range actors {
		if actors[i].Roles, err = actorRoles(ctx, tx, actors[i].Name, actors[i].Type); err != nil {
			return nil, 0, fmt.Errorf("sqlite: find actors: roles of %s: %w", actors[i].Name, err)
		}
	}
	return actors, total, nil
}

// actorRoles returns every code an actor had, in the order first seen.
func actorRoles(ctx context.Context, tx *sql.Tx, name, typ string) ([]dyad.ActorRole, error) {
	roles := []dyad.ActorRole{}
	err := each(ctx, tx, `SELECT ac.code, ac.country, ac.sector, count(DISTINCT ac.article_id),
		coalesce(min(nullif(a.published, '')), '') AS first, coalesce(max(nullif(a.published, '')), '')
		FROM actors ac JOIN articles a ON a.id = ac.article_id
		WHERE ac.name = ? COLLATE NOCASE AND ac.type = ?
		GROUP BY ac.code, ac.country, ac.sector
		ORDER BY first = '', first, ac.code, ac.country, ac.sector`, []any{name, typ}, func(r *sql.Rows) error {
		var ro dyad.ActorRole
		if err := r.Scan(&ro.Code, &ro.Country, &ro.Sector, &ro.Articles, &ro.First, &ro.Last); err != nil {
			return err
		}
		roles = append(roles, ro)
		return nil
	})
	return roles, err
}
