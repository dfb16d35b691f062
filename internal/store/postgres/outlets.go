package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"parallax/internal/model"
	"parallax/internal/outlets"
	"parallax/internal/store"
)

// RegisteredOutlets returns the outlet registry, by name.
func (s *DB) RegisteredOutlets(ctx context.Context) ([]model.Outlet, error) {
	return registered(ctx, s.pool)
}

type querier interface {
	Query(ctx context.Context, q string, args ...any) (pgx.Rows, error)
}

func registered(ctx context.Context, db querier) ([]model.Outlet, error) {
	rows, err := db.Query(ctx, `SELECT id, name, aliases, domains, country, language, attributes FROM outlets ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("outlet registry: %w", err)
	}
	defer rows.Close()
	var out []model.Outlet
	for rows.Next() {
		var o model.Outlet
		var attrs []byte
		if err := rows.Scan(&o.ID, &o.Name, &o.Aliases, &o.Domains, &o.Country, &o.Language, &attrs); err != nil {
			return nil, fmt.Errorf("outlet registry: %w", err)
		}
		if err := json.Unmarshal(attrs, &o.Attributes); err != nil {
			return nil, fmt.Errorf("outlet %d: %w", o.ID, err)
		}
		o.Aliases, o.Domains = nonNil(o.Aliases), nonNil(o.Domains)
		out = append(out, o)
	}
	return out, rows.Err()
}

// PutOutlets adds the outlets with ID 0 and replaces those with an ID, in
// one transaction, after outlets.Replace has checked the registry they
// make; it returns them as stored, with their IDs.
func (s *DB) PutOutlets(ctx context.Context, put []model.Outlet) ([]model.Outlet, error) {
	var out []model.Outlet
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		// The registry row's lock orders concurrent changes, so each
		// checks the registry the one before it left.
		if _, err := tx.Exec(ctx, `SELECT version FROM outlet_registry FOR UPDATE`); err != nil {
			return err
		}
		reg, err := registered(ctx, tx)
		if err != nil {
			return err
		}
		if out, err = outlets.Replace(reg, put); err != nil {
			return err
		}
		for i := range out {
			if err := putOutlet(ctx, tx, &out[i]); err != nil {
				return err
			}
		}
		_, err = tx.Exec(ctx, `UPDATE outlet_registry SET version = version + 1`)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("put outlets: %w", err)
	}
	return out, nil
}

func putOutlet(ctx context.Context, tx pgx.Tx, o *model.Outlet) error {
	attrs, _ := json.Marshal(o.Attributes)
	args := []any{clean(o.Name), outlets.Key(clean(o.Name)), cleanAll(o.Aliases), cleanAll(o.Domains), clean(o.Country),
		clean(o.Language), string(attrs), stamp(time.Now())}
	if o.ID != 0 {
		_, err := tx.Exec(ctx, `UPDATE outlets SET name=$1, key=$2, aliases=$3, domains=$4, country=$5, language=$6,
			attributes=$7, updated_at=$8 WHERE id=$9`, append(args, o.ID)...)
		return err
	}
	return tx.QueryRow(ctx, `INSERT INTO outlets (name, key, aliases, domains, country, language, attributes, updated_at)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`, args...).Scan(&o.ID)
}

// RemoveOutlet takes an outlet out of the registry (its articles keep
// their outlet's name), or returns store.ErrNotFound.
func (s *DB) RemoveOutlet(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM outlets WHERE id = $1`, id)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return store.ErrNotFound
		}
		_, err = tx.Exec(ctx, `UPDATE outlet_registry SET version = version + 1`)
		return err
	})
	if err != nil {
		return fmt.Errorf("remove outlet %d: %w", id, err)
	}
	return nil
}

// OutletsVersion counts the registry's changes: whatever shows outlet
// attributes is current while it stays the same.
func (s *DB) OutletsVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := s.pool.QueryRow(ctx, `SELECT version FROM outlet_registry`).Scan(&v); err != nil {
		return 0, fmt.Errorf("outlet registry version: %w", err)
	}
	return v, nil
}

// SoleStories returns, for each outlet label that is a story's only
// outlet, how many such stories it has and the newest of them (at most
// per).
func (s *DB) SoleStories(ctx context.Context, per int) ([]store.SoleStories, error) {
	rows, err := s.pool.Query(ctx, `SELECT label, n, id, title, first_published, last_published FROM (
		SELECT s.outlets[1] COLLATE "C" AS label, s.id, s.title, s.first_published, s.last_published,
			row_number() OVER w AS r, count(*) OVER (PARTITION BY s.outlets[1]) AS n
		FROM stories s WHERE cardinality(s.outlets) = 1
		WINDOW w AS (PARTITION BY s.outlets[1] ORDER BY s.last_published DESC, s.id)
	) x WHERE r <= $1 ORDER BY label, r`, per)
	if err != nil {
		return nil, fmt.Errorf("sole stories: %w", err)
	}
	defer rows.Close()
	var out []store.SoleStories
	for rows.Next() {
		var label string
		var n int
		var x model.Story
		if err := rows.Scan(&label, &n, &x.ID, &x.Title, &x.FirstPublished, &x.LastPublished); err != nil {
			return nil, fmt.Errorf("sole stories: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].Label != label {
			out = append(out, store.SoleStories{Label: label, Count: n})
		}
		x.Outlets = []string{label}
		out[len(out)-1].Stories = append(out[len(out)-1].Stories, x)
	}
	return out, rows.Err()
}

// StoryLeads returns the first line of each story's brief and its
// report's title, by story ID; a story with no report has none.
func (s *DB) StoryLeads(ctx context.Context, ids []int64) (map[int64]store.StoryLead, error) {
	out := map[int64]store.StoryLead{}
	rows, err := s.pool.Query(ctx, `SELECT story_id, lead, title FROM story_reports WHERE story_id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("story leads: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var l store.StoryLead
		if err := rows.Scan(&id, &l.Line, &l.Title); err != nil {
			return nil, fmt.Errorf("story leads: %w", err)
		}
		out[id] = l
	}
	return out, rows.Err()
}

// StoryArticleRefs returns the members of the stories, without their
// bodies, in placement order: what a story card or an export row shows.
func (s *DB) StoryArticleRefs(ctx context.Context, ids []int64) ([]store.ArticleRef, error) {
	out, err := s.articleRefs(ctx, `SELECT `+refColumns+` FROM articles WHERE story_id = ANY($1) ORDER BY story_id, placed_seq, id`, ids)
	if err != nil {
		return nil, fmt.Errorf("story articles: %w", err)
	}
	return out, nil
}

// refColumns are what articleRefs reads of each article.
const refColumns = `id, story_id, coalesce(duplicate_of, 0), source, url, title, outlet, published, language`

func (s *DB) articleRefs(ctx context.Context, q string, args ...any) ([]store.ArticleRef, error) {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.ArticleRef, error) {
		var r store.ArticleRef
		a := &r.Article
		return r, row.Scan(&a.ID, &r.StoryID, &r.DuplicateOf, &a.Source, &a.URL, &a.Title, &a.Outlet, &a.Published, &a.Language)
	})
}
