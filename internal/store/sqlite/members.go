package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"parallax/internal/store"
)

// StoryMembers returns some of a story's members, without their bodies,
// as q asks (store.MemberQuery).
func (s *DB) StoryMembers(ctx context.Context, q store.MemberQuery) ([]store.ArticleRef, error) {
	limit := -1 // SQLite: no limit
	if q.Limit > 0 {
		limit = q.Limit
	}
	var out []store.ArticleRef
	var err error
	if q.Outlets != nil && q.IDs == nil {
		out, err = s.outletMembers(ctx, q.StoryID, q.Outlets, limit, max(q.Offset, 0))
	} else {
		out, err = s.placedMembers(ctx, q, limit)
	}
	if err != nil {
		return nil, fmt.Errorf("story %d members: %w", q.StoryID, err)
	}
	return out, nil
}

// placedMembers are the members q asks by ID or outlet, read from the
// covering index of a story's members.
func (s *DB) placedMembers(ctx context.Context, q store.MemberQuery, limit int) ([]store.ArticleRef, error) {
	where := `story_id = ?`
	args := []any{q.StoryID}
	if q.IDs != nil {
		ids, err := json.Marshal(q.IDs)
		if err != nil {
			return nil, err
		}
		// By their rowids: the story's index would scan every member.
		where = `+story_id = ? AND id IN (SELECT value FROM json_each(?))`
		args = append(args, string(ids))
	}
	sqlq := `SELECT ` + refColumns + ` FROM articles WHERE ` + where
	if q.Outlets != nil {
		in, rank := outletRank(q.Outlets)
		sqlq += ` AND outlet IN (` + in + `) ORDER BY CASE outlet ` + rank + ` END, published = '', published, id`
		for range 2 {
			for _, o := range q.Outlets {
				args = append(args, o)
			}
		}
	} else {
		sqlq += ` ORDER BY placed_seq, id`
	}
	return s.articleRefs(ctx, sqlq+` LIMIT ? OFFSET ?`, append(args, limit, max(q.Offset, 0))...)
}

// outletMembers are a page of a story's members of the outlets, outlet
// by outlet in that order, each one's by date, the undated last. The
// page's IDs come from the narrow (story, outlet, published) index, then
// their rows: sorted from the covering index instead, every member of the
// outlets was read (4,500 wide rows for a page of 300).
func (s *DB) outletMembers(ctx context.Context, storyID int64, outlets []string, limit, offset int) ([]store.ArticleRef, error) {
	in, rank := outletRank(outlets)
	var args []any
	for _, o := range outlets {
		args = append(args, o)
	}
	args = append(args, storyID)
	for _, o := range outlets {
		args = append(args, o)
	}
	return s.articleRefs(ctx, `SELECT a.id, a.story_id, coalesce(a.duplicate_of, 0), a.source, a.url, a.title, a.outlet, a.published, a.language
		FROM (SELECT id, CASE outlet `+rank+` END AS o, published = '' AS undated, published FROM articles INDEXED BY articles_story_dates
			WHERE story_id = ? AND outlet IN (`+in+`) ORDER BY o, undated, published, id LIMIT ? OFFSET ?) k
		JOIN articles a ON a.id = k.id ORDER BY k.o, k.undated, k.published, k.id`, append(args, limit, offset)...)
}

// outletRank gives the placeholders of an IN list of the outlets and the
// WHEN clauses of a CASE that ranks them in order.
func outletRank(outlets []string) (in, rank string) {
	ins, ranks := make([]string, len(outlets)), make([]string, len(outlets))
	for i := range outlets {
		ins[i], ranks[i] = "?", fmt.Sprintf("WHEN ? THEN %d", i)
	}
	return strings.Join(ins, ","), strings.Join(ranks, " ")
}

// StorySpans counts a story's members by outlet and by the first prefix
// characters of their published dates (store.OutletSpan), in outlet and
// span order. Each outlet's dates come in one row, from the narrow
// (story, outlet, published) index, and are grouped into spans here:
// grouping by span in SQL sorted every member in a temporary B-tree,
// three times as long at 4,500 members.
func (s *DB) StorySpans(ctx context.Context, storyID int64, prefix int) ([]store.OutletSpan, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT outlet, count(*), group_concat(published, char(31))
		FROM articles WHERE story_id = ? GROUP BY outlet ORDER BY outlet`, storyID)
	if err != nil {
		return nil, fmt.Errorf("story %d spans: %w", storyID, err)
	}
	defer rows.Close()
	var out []store.OutletSpan
	for rows.Next() {
		var outlet, dates string
		var n int
		if err := rows.Scan(&outlet, &n, &dates); err != nil {
			return nil, fmt.Errorf("story %d spans: %w", storyID, err)
		}
		split := strings.Split(dates, "\x1f")
		if len(split) != n { // a date holding the separator
			rows.Close()
			return s.storySpansSQL(ctx, storyID, prefix)
		}
		out = append(out, outletSpans(outlet, split, prefix)...)
	}
	return out, rows.Err()
}

// outletSpans groups one outlet's published dates by their first prefix
// characters (as SQLite's substr counts them), in span order.
func outletSpans(outlet string, dates []string, prefix int) []store.OutletSpan {
	var out []store.OutletSpan
	at := map[string]int{}
	for _, d := range dates {
		span := runePrefix(d, prefix)
		i, ok := at[span]
		if !ok {
			i = len(out)
			at[span] = i
			out = append(out, store.OutletSpan{Outlet: outlet, Span: span, First: d, Last: d})
		}
		sp := &out[i]
		sp.Articles++
		sp.First, sp.Last = min(sp.First, d), max(sp.Last, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Span < out[j].Span })
	return out
}

// runePrefix is s's first n characters.
func runePrefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// storySpansSQL is StorySpans grouped in SQL, for dates the grouping
// above cannot split.
func (s *DB) storySpansSQL(ctx context.Context, storyID int64, prefix int) ([]store.OutletSpan, error) {
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
