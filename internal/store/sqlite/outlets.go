package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"parallax/internal/model"
	"parallax/internal/outlets"
	"parallax/internal/store"
)

// RegisteredOutlets returns the outlet registry, by name.
func (s *DB) RegisteredOutlets(ctx context.Context) ([]model.Outlet, error) {
	return registered(ctx, s.db)
}

type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

func registered(ctx context.Context, db querier) ([]model.Outlet, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, name, aliases, domains, country, language, attributes FROM outlets ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("outlet registry: %w", err)
	}
	defer rows.Close()
	var out []model.Outlet
	for rows.Next() {
		var o model.Outlet
		var aliases, domains, attrs string
		if err := rows.Scan(&o.ID, &o.Name, &aliases, &domains, &o.Country, &o.Language, &attrs); err != nil {
			return nil, fmt.Errorf("outlet registry: %w", err)
		}
		for _, f := range []struct {
			src string
			dst any
		}{{aliases, &o.Aliases}, {domains, &o.Domains}, {attrs, &o.Attributes}} {
			if err := json.Unmarshal([]byte(f.src), f.dst); err != nil {
				return nil, fmt.Errorf("outlet %d: %w", o.ID, err)
			}
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// PutOutlets adds the outlets with ID 0 and replaces those with an ID, in
// one transaction, after outlets.Replace has checked the registry they
// make; it returns them as stored, with their IDs.
func (s *DB) PutOutlets(ctx context.Context, put []model.Outlet) ([]model.Outlet, error) {
	var out []model.Outlet
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		reg, err := registered(ctx, tx)
		if err != nil {
			return err
		}
		if out, err = outlets.Replace(reg, put); err != nil {
			return err
		}
		now := time.Now().UTC().Format(time.RFC3339)
		for i := range out {
			if err := putOutlet(ctx, tx, &out[i], now); err != nil {
				return err
			}
		}
		return bumpRegistry(ctx, tx)
	})
	if err != nil {
		return nil, fmt.Errorf("put outlets: %w", err)
	}
	return out, nil
}

func putOutlet(ctx context.Context, tx *sql.Tx, o *model.Outlet, now string) error {
	aliases, _ := json.Marshal(o.Aliases)
	domains, _ := json.Marshal(o.Domains)
	attrs, _ := json.Marshal(o.Attributes)
	args := []any{o.Name, outlets.Key(o.Name), string(aliases), string(domains), o.Country, o.Language, string(attrs), now}
	if o.ID != 0 {
		_, err := tx.ExecContext(ctx, `UPDATE outlets SET name=?, key=?, aliases=?, domains=?, country=?, language=?,
			attributes=?, updated_at=? WHERE id=?`, append(args, o.ID)...)
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO outlets (name, key, aliases, domains, country, language, attributes, updated_at)
		VALUES (?,?,?,?,?,?,?,?)`, args...)
	if err != nil {
		return err
	}
	o.ID, err = res.LastInsertId()
	return err
}

func bumpRegistry(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `UPDATE outlet_registry SET version = version + 1`)
	return err
}

// RemoveOutlet takes an outlet out of the registry (its articles keep
// their outlet's name), or returns store.ErrNotFound.
func (s *DB) RemoveOutlet(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM outlets WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return store.ErrNotFound
		}
		return bumpRegistry(ctx, tx)
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
	if err := s.db.QueryRowContext(ctx, `SELECT version FROM outlet_registry`).Scan(&v); err != nil {
		return 0, fmt.Errorf("outlet registry version: %w", err)
	}
	return v, nil
}

// SoleStories returns, for each outlet label that is a story's only
// outlet, how many such stories it has and the newest of them (at most
// per).
func (s *DB) SoleStories(ctx context.Context, per int) ([]store.SoleStories, error) {
	// Counted by label from the partial index, then each label's newest
	// few by a bounded lookup in it: numbered by a window, every
	// single-outlet story (6,400 at 200,000 articles) was read and
	// sorted twice, 80 ms of the outlets page.
	rows, err := s.db.QueryContext(ctx, `WITH l AS MATERIALIZED (
			SELECT outlets ->> 0 AS label, count(*) AS n FROM stories WHERE json_array_length(outlets) = 1 GROUP BY 1)
		SELECT l.label, l.n, s.id, s.title, s.first_published, s.last_published FROM l
		JOIN stories s ON s.id IN (SELECT t.id FROM stories t WHERE json_array_length(t.outlets) = 1 AND t.outlets ->> 0 = l.label
			ORDER BY t.last_published DESC, t.id LIMIT ?)
		ORDER BY l.label, s.last_published DESC, s.id`, per)
	if err != nil {
		return nil, fmt.Errorf("sole stories: %w", err)
	}
	defer rows.Close()
	return scanSole(rows)
}

func scanSole(rows *sql.Rows) ([]store.SoleStories, error) {
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
	if len(ids) == 0 {
		return out, nil
	}
	ph, args := placeholders(ids)
	rows, err := s.db.QueryContext(ctx, `SELECT story_id, lead, title FROM story_reports WHERE story_id IN (`+ph+`)`, args...)
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
	if len(ids) == 0 {
		return nil, nil
	}
	ph, args := placeholders(ids)
	out, err := s.articleRefs(ctx, `SELECT `+refColumns+` FROM articles WHERE story_id IN (`+ph+`) ORDER BY story_id, placed_seq, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("story articles: %w", err)
	}
	return out, nil
}

// refColumns are what articleRefs reads of each article.
const refColumns = `id, story_id, coalesce(duplicate_of, 0), source, url, title, outlet, published, language`

func (s *DB) articleRefs(ctx context.Context, q string, args ...any) ([]store.ArticleRef, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.ArticleRef
	for rows.Next() {
		var r store.ArticleRef
		a := &r.Article
		if err := rows.Scan(&a.ID, &r.StoryID, &r.DuplicateOf, &a.Source, &a.URL, &a.Title, &a.Outlet, &a.Published, &a.Language); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// placeholders makes "?,?,?" and its arguments for an IN list (callers
// pass a page of stories, well under SQLite's parameter limit).
func placeholders(ids []int64) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return strings.TrimSuffix(strings.Repeat("?,", len(ids)), ","), args
}
