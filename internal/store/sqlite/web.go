package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"parallax/internal/model"
	"parallax/internal/store"
)

// Reads the web interface needs beyond the ingest and story queries.

// Outlets lists every outlet with its article and story counts, most
// articles first. Articles without an outlet are counted under "".
func (s *DB) Outlets(ctx context.Context) ([]store.Outlet, error) {
	// The counts are kept by triggers (migration 10); each outlet's days
	// are two lookups in the (outlet, published) index. Counted here,
	// every article was read.
	rows, err := s.db.QueryContext(ctx, `SELECT c.outlet, c.articles, c.stories,
		coalesce((SELECT substr(published, 1, 10) FROM articles WHERE outlet = c.outlet AND published > '' ORDER BY published LIMIT 1), ''),
		coalesce((SELECT substr(published, 1, 10) FROM articles WHERE outlet = c.outlet ORDER BY published DESC LIMIT 1), '')
		FROM outlet_counts c ORDER BY c.articles DESC, c.outlet`)
	if err != nil {
		return nil, fmt.Errorf("outlets: %w", err)
	}
	defer rows.Close()
	var out []store.Outlet
	for rows.Next() {
		var o store.Outlet
		if err := rows.Scan(&o.Name, &o.Articles, &o.Stories, &o.First, &o.Last); err != nil {
			return nil, fmt.Errorf("outlets: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// ArticlePlacement returns where clustering put one article (StoryID 0
// when not placed yet), or store.ErrNotFound when there is no such article.
func (s *DB) ArticlePlacement(ctx context.Context, id int64) (model.Placement, error) {
	p := model.Placement{ArticleID: id}
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(a.story_id, 0), coalesce(st.storyline_id, 0),
		coalesce(a.duplicate_of, 0), a.new_story, coalesce(a.placed_seq, 0)
		FROM articles a LEFT JOIN stories st ON st.id = a.story_id WHERE a.id = ?`, id).
		Scan(&p.StoryID, &p.StorylineID, &p.DuplicateOf, &p.NewStory, &p.Seq)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return p, fmt.Errorf("article %d placement: %w", id, err)
	}
	return p, nil
}

// StoryDuplicates lives in reports.go (the lead needed it for reports too).
