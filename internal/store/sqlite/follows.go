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

// Follows, their events and webhook deliveries.

// AddFollow stores a new follow and returns it with its ID and time.
func (s *DB) AddFollow(ctx context.Context, f model.Follow) (model.Follow, error) {
	f.Created = time.Now().UTC().Format(time.RFC3339)
	err := s.db.QueryRowContext(ctx, `INSERT INTO follows (kind, target, label, webhook, secret, allow_private, created_at)
		VALUES (?,?,?,?,?,?,?) RETURNING id`, f.Kind, f.Target, f.Label, f.Webhook, f.Secret, f.AllowPrivate, f.Created).Scan(&f.ID)
	if err != nil {
		return f, fmt.Errorf("add follow: %w", err)
	}
	return f, nil
}

const followColumns = `id, kind, target, label, webhook, secret, allow_private, created_at`

func scanFollow(sc scanner) (model.Follow, error) {
	var f model.Follow
	err := sc.Scan(&f.ID, &f.Kind, &f.Target, &f.Label, &f.Webhook, &f.Secret, &f.AllowPrivate, &f.Created)
	return f, err
}

// Follows lists every follow, oldest first.
func (s *DB) Follows(ctx context.Context) ([]model.Follow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+followColumns+` FROM follows ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("follows: %w", err)
	}
	defer rows.Close()
	var out []model.Follow
	for rows.Next() {
		f, err := scanFollow(rows)
		if err != nil {
			return nil, fmt.Errorf("follows: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// Follow returns one follow, or store.ErrNotFound.
func (s *DB) Follow(ctx context.Context, id int64) (model.Follow, error) {
	f, err := scanFollow(s.db.QueryRowContext(ctx, `SELECT `+followColumns+` FROM follows WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return f, fmt.Errorf("follow %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return f, fmt.Errorf("follow %d: %w", id, err)
	}
	return f, nil
}

// RemoveFollow deletes a follow with its events and deliveries, or
// answers store.ErrNotFound.
func (s *DB) RemoveFollow(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM follows WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("remove follow %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("follow %d: %w", id, store.ErrNotFound)
	}
	return nil
}

// FollowEvents returns a follow's latest events (up to limit), newest
// first.
func (s *DB) FollowEvents(ctx context.Context, followID int64, limit int) ([]model.FollowEvent, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, detail FROM follow_events WHERE follow_id = ? ORDER BY id DESC LIMIT ?`, followID, limit)
	if err != nil {
		return nil, fmt.Errorf("follow %d events: %w", followID, err)
	}
	defer rows.Close()
	var out []model.FollowEvent
	for rows.Next() {
		var id int64
		var detail string
		if err := rows.Scan(&id, &detail); err != nil {
			return nil, fmt.Errorf("follow %d events: %w", followID, err)
		}
		ev, err := decodeEvent(id, followID, detail)
		if err != nil {
			return nil, err
		}
		out = append(out, ev)
	}
	return out, rows.Err()
}

func decodeEvent(id, followID int64, detail string) (model.FollowEvent, error) {
	var ev model.FollowEvent
	if err := json.Unmarshal([]byte(detail), &ev); err != nil {
		return ev, fmt.Errorf("event %d: %w", id, err)
	}
	ev.ID, ev.FollowID = id, followID
	return ev, nil
}

// DueDeliveries claims up to limit deliveries due at now, oldest first:
// each is due again only after claimFor, so two processes delivering at
// once do not both send it.
func (s *DB) DueDeliveries(ctx context.Context, now time.Time, claimFor time.Duration, limit int) ([]store.DueDelivery, error) {
	var out []store.DueDelivery
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT d.event_id, d.url, d.attempts, d.next_try, d.last_status, d.last_error, e.detail,
			f.id, f.kind, f.target, f.label, f.webhook, f.secret, f.allow_private, f.created_at
			FROM deliveries d JOIN follow_events e ON e.id = d.event_id JOIN follows f ON f.id = d.follow_id
			WHERE d.next_try > 0 AND d.next_try <= ? ORDER BY d.next_try, d.event_id LIMIT ?`, now.Unix(), limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var d store.DueDelivery
			var next int64
			var detail string
			f := &d.Follow
			if err := rows.Scan(&d.EventID, &d.URL, &d.Attempts, &next, &d.LastStatus, &d.LastError, &detail,
				&f.ID, &f.Kind, &f.Target, &f.Label, &f.Webhook, &f.Secret, &f.AllowPrivate, &f.Created); err != nil {
				return err
			}
			d.FollowID, d.NextTry = f.ID, time.Unix(next, 0).UTC()
			if d.Event, err = decodeEvent(d.EventID, f.ID, detail); err != nil {
				return err
			}
			out = append(out, d)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		for _, d := range out {
			if _, err := tx.ExecContext(ctx, `UPDATE deliveries SET next_try = ? WHERE event_id = ?`, now.Add(claimFor).Unix(), d.EventID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("due deliveries: %w", err)
	}
	return out, nil
}

// PutDeliveryResult records one attempt.
func (s *DB) PutDeliveryResult(ctx context.Context, r store.DeliveryResult) error {
	delivered, next := "", int64(0)
	if r.OK {
		delivered = time.Now().UTC().Format(time.RFC3339)
	} else if !r.NextTry.IsZero() {
		next = r.NextTry.Unix()
	}
	_, err := s.db.ExecContext(ctx, `UPDATE deliveries SET attempts = attempts + 1, last_status = ?, last_error = ?,
		delivered = ?, next_try = ?, gave_up = ? WHERE event_id = ?`,
		r.Status, r.Error, delivered, next, !r.OK && next == 0, r.EventID)
	if err != nil {
		return fmt.Errorf("delivery %d: %w", r.EventID, err)
	}
	return nil
}

// Deliveries returns a follow's latest deliveries (up to limit), newest
// event first.
func (s *DB) Deliveries(ctx context.Context, followID int64, limit int) ([]store.Delivery, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT event_id, follow_id, url, attempts, next_try, delivered, gave_up, last_status, last_error
		FROM deliveries WHERE follow_id = ? ORDER BY event_id DESC LIMIT ?`, followID, limit)
	if err != nil {
		return nil, fmt.Errorf("follow %d deliveries: %w", followID, err)
	}
	defer rows.Close()
	var out []store.Delivery
	for rows.Next() {
		var d store.Delivery
		var next int64
		var delivered string
		if err := rows.Scan(&d.EventID, &d.FollowID, &d.URL, &d.Attempts, &next, &delivered, &d.GaveUp, &d.LastStatus, &d.LastError); err != nil {
			return nil, fmt.Errorf("follow %d deliveries: %w", followID, err)
		}
		if next > 0 {
			d.NextTry = time.Unix(next, 0).UTC()
		}
		d.Delivered, _ = time.Parse(time.RFC3339, delivered)
		out = append(out, d)
	}
	return out, rows.Err()
}
