package store

import (
	"time"

	"parallax/internal/model"
)

// Delivery is one event's webhook delivery: retried with backoff until
// the target answers 2xx or the attempts run out.
type Delivery struct {
	EventID  int64  `json:"event_id"`
	FollowID int64  `json:"follow_id"`
	URL      string `json:"url"`
	Attempts int    `json:"attempts"`
	// NextTry is when it is due (zero once delivered or given up).
	NextTry time.Time `json:"next_try"`
	// Delivered is when the target accepted it; GaveUp says the attempts
	// ran out.
	Delivered  time.Time `json:"delivered"`
	GaveUp     bool      `json:"gave_up"`
	LastStatus int       `json:"last_status"` // the last HTTP status, 0 when none came back
	LastError  string    `json:"last_error"`
}

// DeliveryResult is what one attempt gave.
type DeliveryResult struct {
	EventID int64
	OK      bool
	Status  int
	Error   string
	// NextTry is when to try again; zero gives up (after OK, or the last
	// attempt).
	NextTry time.Time
}

// DueDelivery is a delivery claimed for sending, with what to send and
// where.
type DueDelivery struct {
	Delivery
	Event  model.FollowEvent
	Follow model.Follow // with its Secret
}
