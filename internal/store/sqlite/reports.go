package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// PutReport stores a story's comparison report with the fingerprint of the
// articles it was built from, replacing any earlier one. The report is
// packed (store.Pack); its brief's first line is kept beside it for the
// story cards, which would otherwise unpack every listed report.
func (s *DB) PutReport(ctx context.Context, storyID int64, fingerprint string, r model.Report) error {
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("put report %d: %w", storyID, err)
	}
	now := time.Now().UTC().Format(time.RFC3339)
	_, err = s.db.ExecContext(ctx, `INSERT INTO story_reports (story_id, fingerprint, report, lead, title, updated_at) VALUES (?,?,?,?,?,?)
		ON CONFLICT(story_id) DO UPDATE SET fingerprint=excluded.fingerprint, report=excluded.report, lead=excluded.lead,
		title=excluded.title, updated_at=excluded.updated_at`,
		storyID, fingerprint, store.Pack(b), r.Lead(), r.Title, now)
	if err != nil {
		return fmt.Errorf("put report %d: %w", storyID, err)
	}
	return nil
}

// Report returns a story's stored report and the fingerprint it was built
// from, or store.ErrNotFound when none was stored.
func (s *DB) Report(ctx context.Context, storyID int64) (model.Report, string, error) {
	var r model.Report
	var fp string
	var body []byte
	err := s.db.QueryRowContext(ctx, `SELECT fingerprint, report FROM story_reports WHERE story_id = ?`, storyID).Scan(&fp, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return r, "", fmt.Errorf("report %d: %w", storyID, store.ErrNotFound)
	}
	if err != nil {
		return r, "", fmt.Errorf("report %d: %w", storyID, err)
	}
	if body, err = store.Unpack(body); err != nil {
		return r, "", fmt.Errorf("report %d: %w", storyID, err)
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return r, "", fmt.Errorf("report %d: %w", storyID, err)
	}
	return r, fp, nil
}

// ReportFingerprint returns the fingerprint a story's stored report was
// built from, "" when none is stored: enough to tell whether the report
// must be rebuilt without reading it.
func (s *DB) ReportFingerprint(ctx context.Context, storyID int64) (string, error) {
	var fp string
	err := s.db.QueryRowContext(ctx, `SELECT fingerprint FROM story_reports WHERE story_id = ?`, storyID).Scan(&fp)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("report %d fingerprint: %w", storyID, err)
	}
	return fp, nil
}

// StoryDuplicates maps each near-duplicate member of a story to the
// article it copies.
func (s *DB) StoryDuplicates(ctx context.Context, storyID int64) (map[int64]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, duplicate_of FROM articles WHERE story_id = ? AND duplicate_of IS NOT NULL`, storyID)
	if err != nil {
		return nil, fmt.Errorf("story %d duplicates: %w", storyID, err)
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var id, of int64
		if err := rows.Scan(&id, &of); err != nil {
			return nil, err
		}
		out[id] = of
	}
	return out, rows.Err()
}

// PutEnrichment replaces one article's enrichment (its dates resolved
// again once its story is known, say) without touching its content.
func (s *DB) PutEnrichment(ctx context.Context, articleID int64, e model.Enrichment) error {
	b, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("put enrichment %d: %w", articleID, err)
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE articles SET enrichment = ? WHERE id = ?`, packText(b), articleID); err != nil {
		return fmt.Errorf("put enrichment %d: %w", articleID, err)
	}
	return nil
}

// fillReportTitles copies each stored report's title into its row
// (migration 11), in the migration's transaction.
func fillReportTitles(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT story_id, report FROM story_reports`)
	if err != nil {
		return err
	}
	titles := map[int64]string{}
	for rows.Next() {
		var id int64
		var b []byte
		if err := rows.Scan(&id, &b); err != nil {
			rows.Close()
			return err
		}
		var r struct {
			Title string `json:"title"`
		}
		if u, err := store.Unpack(b); err == nil && json.Unmarshal(u, &r) == nil && r.Title != "" {
			titles[id] = r.Title
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for id, t := range titles {
		if _, err := tx.ExecContext(ctx, `UPDATE story_reports SET title = ? WHERE story_id = ?`, t, id); err != nil {
			return err
		}
	}
	return nil
}

// ReportOutlines returns what a storyline page shows of the stored
// reports of the stories ids (store.DecodeOutline), by story ID; a story
// with none has no entry. One read for a storyline page's twenty
// stories: read one by one, each query cost more than its small report.
func (s *DB) ReportOutlines(ctx context.Context, ids []int64) (map[int64]model.Report, error) {
	out := map[int64]model.Report{}
	if len(ids) == 0 {
		return out, nil
	}
	ph, args := placeholders(ids)
	rows, err := s.db.QueryContext(ctx, `SELECT story_id, report FROM story_reports WHERE story_id IN (`+ph+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("report outlines: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var body []byte
		if err := rows.Scan(&id, &body); err != nil {
			return nil, fmt.Errorf("report outlines: %w", err)
		}
		var r model.Report
		if body, err = store.Unpack(body); err == nil {
			r, err = store.DecodeOutline(body)
		}
		if err != nil {
			return nil, fmt.Errorf("report %d: %w", id, err)
		}
		out[id] = r
	}
	return out, rows.Err()
}
