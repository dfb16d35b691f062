package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// putStories writes story summary rows (membership lives on the
// articles); a row whose content did not change keeps its updated_at.
func putStories(ctx context.Context, tx *sql.Tx, stories []model.Story) error {
	if len(stories) == 0 {
		return nil
	}
	now := time.Now().UTC().Format(time.RFC3339)
	st, err := tx.PrepareContext(ctx, `INSERT INTO stories (id, storyline_id, title, outlets, article_count,
		independent, independent_outlets, first_published, last_published, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET storyline_id=excluded.storyline_id, title=excluded.title, outlets=excluded.outlets,
		article_count=excluded.article_count, independent=excluded.independent, independent_outlets=excluded.independent_outlets,
		first_published=excluded.first_published, last_published=excluded.last_published, updated_at=excluded.updated_at
		WHERE storyline_id IS NOT excluded.storyline_id OR title IS NOT excluded.title OR outlets IS NOT excluded.outlets
		OR article_count IS NOT excluded.article_count OR independent IS NOT excluded.independent OR independent_outlets IS NOT excluded.independent_outlets
		OR first_published IS NOT excluded.first_published OR last_published IS NOT excluded.last_published`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, x := range stories {
		outlets, _ := json.Marshal(nonNil(x.Outlets))
		if _, err := st.ExecContext(ctx, x.ID, x.StorylineID, x.Title, string(outlets), len(x.ArticleIDs),
			x.Independent, x.IndependentOutlets, x.FirstPublished, x.LastPublished, now); err != nil {
			return err
		}
	}
	for _, x := range stories {
		if err := putOriginals(ctx, tx, x.ID); err != nil {
			return err
		}
	}
	return nil
}

// refreshOriginals rewrites the originals of the story article id is
// placed in, if any: an article updated in place may have a new URL or
// outlet, which its story's card shows.
func refreshOriginals(ctx context.Context, tx *sql.Tx, id int64) error {
	var story sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT story_id FROM articles WHERE id = ?`, id).Scan(&story); err != nil || !story.Valid {
		return err
	}
	return putOriginals(ctx, tx, story.Int64)
}

// putOriginals writes a story's originals (store.Originals) from its
// members as placed in this transaction: the writer reads the story's
// members once per batch that changes it, so that a list of stories reads
// one row per story, not every member.
func putOriginals(ctx context.Context, tx *sql.Tx, storyID int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, coalesce(duplicate_of, 0), source, url, outlet
		FROM articles WHERE story_id = ? ORDER BY placed_seq, id`, storyID)
	if err != nil {
		return err
	}
	var refs []store.ArticleRef
	for rows.Next() {
		var r store.ArticleRef
		a := &r.Article
		if err := rows.Scan(&a.ID, &r.DuplicateOf, &a.Source, &a.URL, &a.Outlet); err != nil {
			rows.Close()
			return err
		}
		refs = append(refs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	b, err := json.Marshal(store.Originals(refs))
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE stories SET originals = ? WHERE id = ? AND originals IS NOT ?`, string(b), storyID, string(b))
	return err
}

// fillOriginals writes every stored story's originals (migration 10).
func fillOriginals(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM stories`)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		if err := putOriginals(ctx, tx, id); err != nil {
			return fmt.Errorf("story %d originals: %w", id, err)
		}
	}
	return nil
}

const storyColumns = `s.id, s.storyline_id, s.title, s.outlets, s.independent, s.independent_outlets, s.first_published, s.last_published,
	s.article_count, s.originals`

// Stories lists stories as q asks, each with its article IDs.
func (s *DB) Stories(ctx context.Context, q store.StoryQuery) ([]model.Story, error) {
	var where []string
	var args []any
	if q.ID != 0 {
		where = append(where, `s.id = ?`)
		args = append(args, q.ID)
	}
	if q.Outlet != "" {
		where = append(where, `EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.outlet = ?)`)
		args = append(args, q.Outlet)
	}
	if q.Since != "" {
		where = append(where, `s.last_published >= ?`)
		args = append(args, q.Since)
	}
	if q.Until != "" {
		where = append(where, `s.first_published != '' AND s.first_published <= ?`)
		args = append(args, q.Until)
	}
	if fq := store.FTSQuery(q.Text); fq != "" {
		// The stories of the most recent matches (searchCandidates), from
		// the narrow index (migration 12; the planner would read the rows).
		where = append(where, `s.id IN (SELECT a.story_id FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?
			ORDER BY rowid DESC LIMIT ?) f JOIN articles a INDEXED BY articles_by_id ON a.id = f.rowid)`)
		args = append(args, fq, searchCandidates)
	}
	sqlq := `SELECT ` + storyColumns + ` FROM stories s`
	if len(where) > 0 {
		sqlq += ` WHERE ` + strings.Join(where, ` AND `)
	}
	if q.Order == store.MostCovered {
		sqlq += ` ORDER BY s.independent_outlets DESC, s.independent DESC, s.last_published DESC, s.id`
	} else {
		sqlq += ` ORDER BY s.last_published = '', s.last_published DESC, s.independent_outlets DESC, s.id`
	}
	if q.Limit > 0 && q.Keep == nil {
		sqlq += fmt.Sprintf(` LIMIT %d OFFSET %d`, q.Limit, max(q.Offset, 0))
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
	stories, err := s.queryStories(ctx, `SELECT `+storyColumns+` FROM stories s WHERE s.id = ?`, id)
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
	return s.queryEnriched(ctx, `SELECT `+articleColumns+`, enrichment FROM articles WHERE story_id = ? ORDER BY placed_seq, id`, id)
}

// Placements returns every placed article's placement, with its story's
// current storyline.
func (s *DB) Placements(ctx context.Context) (map[int64]model.Placement, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.story_id, coalesce(s.storyline_id, 0), coalesce(a.duplicate_of, 0), a.new_story, a.placed_seq
		FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE a.story_id IS NOT NULL`)
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
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Story
	for rows.Next() {
		var x model.Story
		var outlets, originals string
		if err := rows.Scan(&x.ID, &x.StorylineID, &x.Title, &outlets, &x.Independent, &x.IndependentOutlets,
			&x.FirstPublished, &x.LastPublished, &x.Articles, &originals); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(outlets), &x.Outlets); err != nil {
			return nil, fmt.Errorf("story %d outlets: %w", x.ID, err)
		}
		if err := json.Unmarshal([]byte(originals), &x.Originals); err != nil {
			return nil, fmt.Errorf("story %d originals: %w", x.ID, err)
		}
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
	ph := make([]string, len(stories))
	args := make([]any, len(stories))
	for i, x := range stories {
		idx[x.ID] = i
		ph[i] = "?"
		args[i] = x.ID
		stories[i].ArticleIDs = []int64{}
	}
	q := `SELECT id, story_id FROM articles WHERE story_id IN (` + strings.Join(ph, ",") + `) ORDER BY placed_seq, id`
	if len(stories) > 500 { // past SQLite's bound-parameter limits: read all, keep ours
		q, args = `SELECT id, story_id FROM articles WHERE story_id IS NOT NULL ORDER BY placed_seq, id`, nil
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("story articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, sid int64
		if err := rows.Scan(&id, &sid); err != nil {
			return err
		}
		if i, ok := idx[sid]; ok {
			stories[i].ArticleIDs = append(stories[i].ArticleIDs, id)
		}
	}
	return rows.Err()
}
