package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"parallax/internal/store"
)

// StoryMembers returns some of a story's members, without their bodies,
// as q asks (store.MemberQuery).
func (s *DB) StoryMembers(ctx context.Context, q store.MemberQuery) ([]store.ArticleRef, error) {
	sqlq := `SELECT ` + refColumns + ` FROM articles WHERE story_id = $1`
	args := []any{q.StoryID}
	if q.IDs != nil {
		args = append(args, q.IDs)
		sqlq += fmt.Sprintf(` AND id = ANY($%d)`, len(args))
	}
	if q.Outlets != nil {
		args = append(args, cleanAll(q.Outlets))
		sqlq += fmt.Sprintf(` AND outlet = ANY($%d) ORDER BY array_position($%[1]d::text[], outlet), published = '', published, id`, len(args))
	} else {
		sqlq += ` ORDER BY placed_seq, id`
	}
	var limit *int // NULL: no limit
	if q.Limit > 0 {
		limit = &q.Limit
	}
	args = append(args, limit, max(q.Offset, 0))
	out, err := s.articleRefs(ctx, sqlq+fmt.Sprintf(` LIMIT $%d OFFSET $%d`, len(args)-1, len(args)), args...)
	if err != nil {
		return nil, fmt.Errorf("story %d members: %w", q.StoryID, err)
	}
	return out, nil
}

// StorySpans counts a story's members by outlet and by the first prefix
// characters of their published dates (store.OutletSpan), in outlet and
// span order.
func (s *DB) StorySpans(ctx context.Context, storyID int64, prefix int) ([]store.OutletSpan, error) {
	rows, err := s.pool.Query(ctx, `SELECT outlet, substr(published, 1, $2) AS span, count(*), min(published), max(published)
		FROM articles WHERE story_id = $1 GROUP BY outlet, span ORDER BY outlet, span`, storyID, prefix)
	if err != nil {
		return nil, fmt.Errorf("story %d spans: %w", storyID, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.OutletSpan, error) {
		var sp store.OutletSpan
		return sp, r.Scan(&sp.Outlet, &sp.Span, &sp.Articles, &sp.First, &sp.Last)
	})
	if err != nil {
		return nil, fmt.Errorf("story %d spans: %w", storyID, err)
	}
	return out, nil
}
