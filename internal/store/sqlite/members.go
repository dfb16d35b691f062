package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"parallax/internal/store"
)

// StoryMembers returns some of a story's members, without their bodies,
// as q asks (store.MemberQuery).
func (s *DB) StoryMembers(ctx context.Context, q store.MemberQuery) ([]store.ArticleRef, error) {
	sqlq := `SELECT ` + refColumns + ` FROM articles WHERE story_id = ?`
	args := []any{q.StoryID}
	if q.IDs != nil {
		ids, err := json.Marshal(q.IDs)
		if err != nil {
			return nil, err
		}
		// By their rowids: the story's index would scan every member.
		sqlq = strings.Replace(sqlq, `story_id = ?`, `+story_id = ? AND id IN (SELECT value FROM json_each(?))`, 1)
		args = append(args, string(ids))
	}
	if q.Outlets != nil {
		in, rank := make([]string, len(q.Outlets)), make([]string, len(q.Outlets))
		for i, o := range q.Outlets {
			in[i], rank[i] = "?", fmt.Sprintf("WHEN ? THEN %d", i)
			args = append(args, o)
		}
		for _, o := range q.Outlets {
			args = append(args, o)
		}
		sqlq += ` AND outlet IN (` + strings.Join(in, ",") + `) ORDER BY CASE outlet ` + strings.Join(rank, " ") + ` END,
			published = '', published, id`
	} else {
		sqlq += ` ORDER BY placed_seq, id`
	}
	limit := -1 // SQLite: no limit
	if q.Limit > 0 {
		limit = q.Limit
	}
	out, err := s.articleRefs(ctx, sqlq+` LIMIT ? OFFSET ?`, append(args, limit, max(q.Offset, 0))...)
	if err != nil {
		return nil, fmt.Errorf("story %d members: %w", q.StoryID, err)
	}
	return out, nil
}

// StorySpans counts a story's members by outlet and by the first prefix
// characters of their published dates (store.OutletSpan), in outlet and
// span order.
func (s *DB) StorySpans(ctx context.Context, storyID int64, prefix int) ([]store.OutletSpan, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT outlet, substr(published, 1, ?) AS span, count(*), min(published), max(published)
		FROM articles WHERE story_id = ? GROUP BY outlet, span ORDER BY outlet, span`, prefix, storyID)
	if err != nil {
		return nil, fmt.Errorf("story %d spans: %w", storyID, err)
	}
	defer rows.Close()
	var out []store.OutletSpan
	for rows.Next() {
		var sp store.OutletSpan
		if err := rows.Scan(&sp.Outlet, &sp.Span, &sp.Articles, &sp.First, &sp.Last); err != nil {
			return nil, fmt.Errorf("story %d spans: %w", storyID, err)
		}
		out = append(out, sp)
	}
	return out, rows.Err()
}
