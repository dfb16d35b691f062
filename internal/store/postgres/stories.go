package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"parallax/internal/model"
	"parallax/internal/store"
)

// queueStories queues story summary rows (membership lives on the
// articles); a row whose content did not change keeps its updated_at.
func queueStories(b *pgx.Batch, stories []model.Story) {
	now := stamp(time.Now())
	for _, x := range stories {
		b.Queue(`INSERT INTO stories (id, storyline_id, title, outlets, article_count,
			independent, independent_outlets, first_published, last_published, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
			ON CONFLICT (id) DO UPDATE SET storyline_id=excluded.storyline_id, title=excluded.title, outlets=excluded.outlets,
			article_count=excluded.article_count, independent=excluded.independent, independent_outlets=excluded.independent_outlets,
			first_published=excluded.first_published, last_published=excluded.last_published, updated_at=excluded.updated_at
			WHERE (stories.storyline_id, stories.title, stories.outlets, stories.article_count, stories.independent,
				stories.independent_outlets, stories.first_published, stories.last_published)
			IS DISTINCT FROM (excluded.storyline_id, excluded.title, excluded.outlets, excluded.article_count, excluded.independent,
				excluded.independent_outlets, excluded.first_published, excluded.last_published)`,
			x.ID, x.StorylineID, clean(x.Title), cleanAll(nonNil(x.Outlets)), len(x.ArticleIDs),
			x.Independent, x.IndependentOutlets, clean(x.FirstPublished), clean(x.LastPublished), now)
	}
}

const storyColumns = `s.id, s.storyline_id, s.title, s.outlets, s.independent, s.independent_outlets, s.first_published, s.last_published,
	s.article_count, s.originals`

// refreshOriginals rewrites the originals of the story article id is
// placed in, if any: an article updated in place may have a new URL or
// outlet, which its story's card shows.
func refreshOriginals(ctx context.Context, tx pgx.Tx, id int64) error {
	var story *int64
	if err := tx.QueryRow(ctx, `SELECT story_id FROM articles WHERE id = $1`, id).Scan(&story); err != nil || story == nil {
		return err
	}
	return putOriginals(ctx, tx, []int64{*story})
}

// putOriginals writes the originals (store.Originals) of the stories ids
// from their members as placed in this transaction: the writer reads the
// members of the stories a batch changes once, so that a list of stories
// reads one row per story, not every member. Two round trips, however
// many stories.
func putOriginals(ctx context.Context, tx pgx.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	rows, err := tx.Query(ctx, `SELECT story_id, id, coalesce(duplicate_of, 0), source, url, outlet
		FROM articles WHERE story_id = ANY($1) ORDER BY story_id, placed_seq, id`, ids)
	if err != nil {
		return err
	}
	members := map[int64][]store.ArticleRef{}
	var story int64
	var r store.ArticleRef
	a := &r.Article
	_, err = pgx.ForEachRow(rows, []any{&story, &a.ID, &r.DuplicateOf, &a.Source, &a.URL, &a.Outlet}, func() error {
		members[story] = append(members[story], r)
		return nil
	})
	if err != nil {
		return err
	}
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue(`UPDATE stories SET originals = $2 WHERE id = $1 AND originals IS DISTINCT FROM $2::jsonb`,
			id, store.Originals(members[id]))
	}
	return tx.SendBatch(ctx, b).Close()
}

// Stories lists stories as q asks, each with its article IDs.
func (s *DB) Stories(ctx context.Context, q store.StoryQuery) ([]model.Story, error) {
	var where []string
	var args []any
	arg := func(v any) int { args = append(args, v); return len(args) }
	if q.ID != 0 {
		where = append(where, fmt.Sprintf(`s.id = $%d`, arg(q.ID)))
	}
	if q.Outlet != "" {
		where = append(where, fmt.Sprintf(`EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.outlet = $%d)`, arg(clean(q.Outlet))))
	}
	if q.Since != "" {
		where = append(where, fmt.Sprintf(`s.last_published >= $%d`, arg(clean(q.Since))))
	}
	if q.Until != "" {
		where = append(where, fmt.Sprintf(`s.first_published != '' AND s.first_published <= $%d`, arg(clean(q.Until))))
	}
	if words := searchWords(q.Text); words != "" {
		where = append(where, `s.id IN (SELECT a.story_id FROM articles a WHERE `+tsMatch(arg(words))+`)`)
	}
	sqlq := `SELECT ` + storyColumns + ` FROM stories s`
	if len(where) > 0 {
		sqlq += ` WHERE ` + strings.Join(where, ` AND `)
	}
	// These orders match the indexes stories_covered and stories_newest.
	if q.Order == store.MostCovered {
		sqlq += ` ORDER BY s.independent_outlets DESC, s.independent DESC, s.last_published DESC, s.id`
	} else {
		sqlq += ` ORDER BY s.last_published = '', s.last_published DESC, s.independent_outlets DESC, s.id`
	}
	if q.Limit > 0 && q.Keep == nil {
		sqlq += fmt.Sprintf(` LIMIT $%d OFFSET $%d`, arg(q.Limit), arg(max(q.Offset, 0)))
	}
	stories, err := s.queryStories(ctx, sqlq, args...)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	if q.Keep != nil {
		stories = q.Page(stories)
	}
	if q.Summaries {
		return stories, nil
	}
	return stories, s.fillArticleIDs(ctx, stories)
}

// Story returns one story with its article IDs, or store.ErrNotFound.
func (s *DB) Story(ctx context.Context, id int64) (model.Story, error) {
	stories, err := s.queryStories(ctx, `SELECT `+storyColumns+` FROM stories s WHERE s.id = $1`, id)
	if err != nil {
		return model.Story{}, fmt.Errorf("story %d: %w", id, err)
	}
	if len(stories) == 0 {
		return model.Story{}, fmt.Errorf("story %d: %w", id, store.ErrNotFound)
	}
	return stories[0], s.fillArticleIDs(ctx, stories)
}

// StoryArticles returns a story's articles, with their enrichment, in the
// order they were placed.
func (s *DB) StoryArticles(ctx context.Context, id int64) ([]model.Article, error) {
	out, err := s.scanRows(ctx, true, `SELECT `+articleColumns+`, `+enrichmentColumn+` FROM articles
		WHERE story_id = $1 ORDER BY placed_seq, id`, id)
	if err != nil {
		return nil, fmt.Errorf("story %d articles: %w", id, err)
	}
	return out, nil
}

// Placements returns every placed article's placement, with its story's
// current storyline.
func (s *DB) Placements(ctx context.Context) (map[int64]model.Placement, error) {
	rows, err := s.pool.Query(ctx, `SELECT a.id, a.story_id, coalesce(s.storyline_id, 0), coalesce(a.duplicate_of, 0),
		a.new_story, coalesce(a.placed_seq, 0) FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE a.story_id IS NOT NULL`)
	if err != nil {
		return nil, fmt.Errorf("placements: %w", err)
	}
	defer rows.Close()
	out := map[int64]model.Placement{}
	for rows.Next() {
		var p model.Placement
		if err := rows.Scan(&p.ArticleID, &p.StoryID, &p.StorylineID, &p.DuplicateOf, &p.NewStory, &p.Seq); err != nil {
			return nil, fmt.Errorf("placements: %w", err)
		}
		out[p.ArticleID] = p
	}
	return out, rows.Err()
}

func (s *DB) queryStories(ctx context.Context, q string, args ...any) ([]model.Story, error) {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Story
	for rows.Next() {
		var x model.Story
		if err := rows.Scan(&x.ID, &x.StorylineID, &x.Title, &x.Outlets, &x.Independent, &x.IndependentOutlets,
			&x.FirstPublished, &x.LastPublished, &x.Articles, &x.Originals); err != nil {
			return nil, err
		}
		x.Outlets = nonNil(x.Outlets)
		out = append(out, x)
	}
	return out, rows.Err()
}

// fillArticleIDs loads the member IDs of the given stories in one query.
func (s *DB) fillArticleIDs(ctx context.Context, stories []model.Story) error {
	if len(stories) == 0 {
		return nil
	}
	idx := make(map[int64]int, len(stories))
	ids := make([]int64, len(stories))
	for i, x := range stories {
		idx[x.ID] = i
		ids[i] = x.ID
		stories[i].ArticleIDs = []int64{}
	}
	rows, err := s.pool.Query(ctx, `SELECT id, story_id FROM articles WHERE story_id = ANY($1) ORDER BY placed_seq, id`, ids)
	if err != nil {
		return fmt.Errorf("story articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, sid int64
		if err := rows.Scan(&id, &sid); err != nil {
			return fmt.Errorf("story articles: %w", err)
		}
		if i, ok := idx[sid]; ok {
			stories[i].ArticleIDs = append(stories[i].ArticleIDs, id)
		}
	}
	return rows.Err()
}
