package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"parallax/internal/model"
	"parallax/internal/store"
)

// PutReport stores a story's comparison report with the fingerprint of the
// articles it was built from, replacing any earlier one.
func (s *DB) PutReport(ctx context.Context, storyID int64, fingerprint string, r model.Report) error {
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("put report %d: %w", storyID, err)
	}
	batch := derivedBatch()
	batch.Queue(`INSERT INTO story_reports (story_id, fingerprint, report, lead, title, updated_at) VALUES ($1,$2,$3,$4,$5,$6)
		ON CONFLICT (story_id) DO UPDATE SET fingerprint=excluded.fingerprint, report=excluded.report, lead=excluded.lead,
		title=excluded.title, updated_at=excluded.updated_at`,
		storyID, clean(fingerprint), string(b), clean(r.Lead()), clean(r.Title), stamp(time.Now()))
	err = s.sendDerived(ctx, batch)
	if err != nil {
		return fmt.Errorf("put report %d: %w", storyID, err)
	}
	return nil
}

// Report returns a story's stored report and the fingerprint it was built
// from, or store.ErrNotFound when none was stored.
func (s *DB) Report(ctx context.Context, storyID int64) (model.Report, string, error) {
	var r model.Report
	var fp, body string
	err := s.pool.QueryRow(ctx, `SELECT fingerprint, report::text FROM story_reports WHERE story_id = $1`, storyID).Scan(&fp, &body)
	if errors.Is(err, pgx.ErrNoRows) {
		return r, "", fmt.Errorf("report %d: %w", storyID, store.ErrNotFound)
	}
	if err != nil {
		return r, "", fmt.Errorf("report %d: %w", storyID, err)
	}
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		return r, "", fmt.Errorf("report %d: %w", storyID, err)
	}
	return r, fp, nil
}

// ReportFingerprint returns the fingerprint a story's stored report was
// built from, "" when none is stored: enough to tell whether the report
// must be rebuilt without reading it.
func (s *DB) ReportFingerprint(ctx context.Context, storyID int64) (string, error) {
	var fp string
	err := s.pool.QueryRow(ctx, `SELECT fingerprint FROM story_reports WHERE story_id = $1`, storyID).Scan(&fp)
	if errors.Is(err, pgx.ErrNoRows) {
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
	rows, err := s.pool.Query(ctx, `SELECT id, duplicate_of FROM articles WHERE story_id = $1 AND duplicate_of IS NOT NULL`, storyID)
	if err != nil {
		return nil, fmt.Errorf("story %d duplicates: %w", storyID, err)
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var id, of int64
		if err := rows.Scan(&id, &of); err != nil {
			return nil, fmt.Errorf("story %d duplicates: %w", storyID, err)
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
	if _, err := s.pool.Exec(ctx, `UPDATE articles SET enrichment = $1 WHERE id = $2`, string(b), articleID); err != nil {
		return fmt.Errorf("put enrichment %d: %w", articleID, err)
	}
	return nil
}

// ReportOutlines returns what a storyline page shows of the stored
// reports of the stories ids (store.DecodeOutline), by story ID; a story
// with none has no entry (as the SQLite store's).
func (s *DB) ReportOutlines(ctx context.Context, ids []int64) (map[int64]model.Report, error) {
	out := map[int64]model.Report{}
	rows, err := s.pool.Query(ctx, `SELECT story_id, report::text FROM story_reports WHERE story_id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("report outlines: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var body string
		if err := rows.Scan(&id, &body); err != nil {
			return nil, fmt.Errorf("report outlines: %w", err)
		}
		r, err := store.DecodeOutline([]byte(body))
		if err != nil {
			return nil, fmt.Errorf("report %d: %w", id, err)
		}
		out[id] = r
	}
	return out, rows.Err()
}
