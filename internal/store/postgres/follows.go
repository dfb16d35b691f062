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

// Follows, their events and webhook deliveries.

// AddFollow stores a new follow and returns it with its ID and time.
func (s *DB) AddFollow(ctx context.Context, f model.Follow) (model.Follow, error) {
	now := stamp(time.Now())
	f.Created = now.Format(time.RFC3339)
	err := s.pool.QueryRow(ctx, `INSERT INTO follows (kind, target, label, webhook, secret, allow_private, created_at)
		VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`, clean(f.Kind), clean(f.Target), clean(f.Label), clean(f.Webhook),
		clean(f.Secret), f.AllowPrivate, now).Scan(&f.ID)
	if err != nil {
		return f, fmt.Errorf("add follow: %w", err)
	}
	return f, nil
}

const followColumns = `id, kind, target, label, webhook, secret, allow_private, created_at`

func scanFollow(row pgx.Row) (model.Follow, error) {
	var f model.Follow
	var created time.Time
	err := row.Scan(&f.ID, &f.Kind, &f.Target, &f.Label, &f.Webhook, &f.Secret, &f.AllowPrivate, &created)
	f.Created = created.UTC().Format(time.RFC3339)
	return f, err
}

// Follows lists every follow, oldest first.
func (s *DB) Follows(ctx context.Context) ([]model.Follow, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+followColumns+` FROM follows ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("follows: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.Follow, error) { return scanFollow(r) })
	if err != nil {
		return nil, fmt.Errorf("follows: %w", err)
	}
	return out, nil
}

// Follow returns one follow, or store.ErrNotFound.
func (s *DB) Follow(ctx context.Context, id int64) (model.Follow, error) {
	f, err := scanFollow(s.pool.QueryRow(ctx, `SELECT `+followColumns+` FROM follows WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
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
	tag, err := s.pool.Exec(ctx, `DELETE FROM follows WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("remove follow %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("follow %d: %w", id, store.ErrNotFound)
	}
	return nil
}

func encodeEvent(ev model.FollowEvent) (string, error) {
	b, err := json.Marshal(ev)
	return clean(string(b)), err
}

func decodeEvent(id, followID int64, detail string) (model.FollowEvent, error) {
	var ev model.FollowEvent
	if err := json.Unmarshal([]byte(detail), &ev); err != nil {
		return ev, fmt.Errorf("event %d: %w", id, err)
	}
	ev.ID, ev.FollowID = id, followID
	return ev, nil
}

// FollowEvents returns a follow's latest events (up to limit), newest
// first.
func (s *DB) FollowEvents(ctx context.Context, followID int64, limit int) ([]model.FollowEvent, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, detail FROM follow_events WHERE follow_id = $1 ORDER BY id DESC LIMIT $2`, followID, limit)
	if err != nil {
		return nil, fmt.Errorf("follow %d events: %w", followID, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.FollowEvent, error) {
		var id int64
		var detail string
		if err := r.Scan(&id, &detail); err != nil {
			return model.FollowEvent{}, err
		}
		return decodeEvent(id, followID, detail)
	})
	if err != nil {
		return nil, fmt.Errorf("follow %d events: %w", followID, err)
	}
	return out, nil
}

// DueDeliveries claims up to limit deliveries due at now, oldest first:
// each is due again only after claimFor, and rows another process is
// claiming are skipped, so two processes delivering at once do not both
// send one.
func (s *DB) DueDeliveries(ctx context.Context, now time.Time, claimFor time.Duration, limit int) ([]store.DueDelivery, error) {
	var out []store.DueDelivery
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT d.event_id, d.url, d.attempts, d.next_try, d.last_status, d.last_error, e.detail,
			f.id, f.kind, f.target, f.label, f.webhook, f.secret, f.allow_private, f.created_at
			FROM deliveries d JOIN follow_events e ON e.id = d.event_id JOIN follows f ON f.id = d.follow_id
			WHERE d.next_try IS NOT NULL AND d.next_try <= $1 ORDER BY d.next_try, d.event_id LIMIT $2 FOR UPDATE OF d SKIP LOCKED`,
			now, limit)
		if err != nil {
			return err
		}
		out, err = pgx.CollectRows(rows, scanDue)
		if err != nil {
			return err
		}
		for _, d := range out {
			if _, err := tx.Exec(ctx, `UPDATE deliveries SET next_try = $1 WHERE event_id = $2`, now.Add(claimFor), d.EventID); err != nil {
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

func scanDue(r pgx.CollectableRow) (store.DueDelivery, error) {
	var d store.DueDelivery
	var detail string
	var created time.Time
	f := &d.Follow
	if err := r.Scan(&d.EventID, &d.URL, &d.Attempts, &d.NextTry, &d.LastStatus, &d.LastError, &detail,
		&f.ID, &f.Kind, &f.Target, &f.Label, &f.Webhook, &f.Secret, &f.AllowPrivate, &created); err != nil {
		return d, err
	}
	f.Created = created.UTC().Format(time.RFC3339)
	d.FollowID, d.NextTry = f.ID, d.NextTry.UTC()
	var err error
	d.Event, err = decodeEvent(d.EventID, f.ID, detail)
	return d, err
}

// PutDeliveryResult records one attempt.
func (s *DB) PutDeliveryResult(ctx context.Context, r store.DeliveryResult) error {
	var delivered, next *time.Time
	if r.OK {
		t := stamp(time.Now())
		delivered = &t
	} else if !r.NextTry.IsZero() {
		t := r.NextTry.UTC()
		next = &t
	}
	_, err := s.pool.Exec(ctx, `UPDATE deliveries SET attempts = attempts + 1, last_status = $1, last_error = $2,
		delivered = $3, next_try = $4, gave_up = $5 WHERE event_id = $6`,
		r.Status, clean(r.Error), delivered, next, !r.OK && next == nil, r.EventID)
	if err != nil {
		return fmt.Errorf("delivery %d: %w", r.EventID, err)
	}
	return nil
}

// Deliveries returns a follow's latest deliveries (up to limit), newest
// event first.
func (s *DB) Deliveries(ctx context.Context, followID int64, limit int) ([]store.Delivery, error) {
	rows, err := s.pool.Query(ctx, `SELECT event_id, follow_id, url, attempts, next_try, delivered, gave_up, last_status, last_error
		FROM deliveries WHERE follow_id = $1 ORDER BY event_id DESC LIMIT $2`, followID, limit)
	if err != nil {
		return nil, fmt.Errorf("follow %d deliveries: %w", followID, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.Delivery, error) {
		var d store.Delivery
		var next, delivered *time.Time
		err := r.Scan(&d.EventID, &d.FollowID, &d.URL, &d.Attempts, &next, &delivered, &d.GaveUp, &d.LastStatus, &d.LastError)
		if next != nil {
			d.NextTry = next.UTC()
		}
		if delivered != nil {
			d.Delivered = delivered.UTC()
		}
		return d, err
	})
	if err != nil {
		return nil, fmt.Errorf("follow %d deliveries: %w", followID, err)
	}
	return out, nil
}
