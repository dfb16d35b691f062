package follow

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"parallax/internal/fetch"
	"parallax/internal/model"
	"parallax/internal/store"
)

// The headers of a webhook delivery (docs/api.md, Webhooks).
const (
	SignatureHeader = "X-Parallax-Signature-256" // sha256=HEX: HMAC-SHA256 of the body with the follow's secret
	EventHeader     = "X-Parallax-Event"         // the event's kind
	DeliveryHeader  = "X-Parallax-Delivery"      // the event's ID: the same on every retry
)

// Sign is the signature header's value for body under secret.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify reports whether header is body's signature under secret, in
// constant time: what a receiver does.
func Verify(secret string, body []byte, header string) bool {
	return hmac.Equal([]byte(Sign(secret, body)), []byte(header))
}

// Payload is the JSON body of a delivery.
type Payload struct {
	Event  model.FollowEvent `json:"event"`
	Follow struct {
		ID     int64  `json:"id"`
		Kind   string `json:"kind"`
		Target string `json:"target"`
		Label  string `json:"label"`
	} `json:"follow"`
	// StoryPath is the story's page on the server ("/stories/12").
	StoryPath string `json:"story_path"`
}

// Body encodes the delivery of ev for f: the same bytes on every retry.
func Body(ev model.FollowEvent, f model.Follow) ([]byte, error) {
	var p Payload
	p.Event = ev
	p.Follow.ID, p.Follow.Kind, p.Follow.Target, p.Follow.Label = f.ID, f.Kind, f.Target, f.Label
	p.StoryPath = fmt.Sprintf("/stories/%d", ev.StoryID)
	return json.Marshal(p)
}

// DeliveryStore is what delivering needs of a store.
type DeliveryStore interface {
	DueDeliveries(ctx context.Context, now time.Time, claimFor time.Duration, limit int) ([]store.DueDelivery, error)
	PutDeliveryResult(ctx context.Context, r store.DeliveryResult) error
}

// Backoff is the wait after each failed attempt: a delivery is tried
// len(Backoff)+1 times over about a day, then given up.
var Backoff = []time.Duration{30 * time.Second, 2 * time.Minute, 10 * time.Minute, time.Hour, 6 * time.Hour, 18 * time.Hour}

// Deliverer posts due webhook deliveries. Any process may run one (the
// writers after building reports, serve in the background): a delivery is
// claimed before it is sent, so two at once do not both send it, and a
// process that dies while sending leaves it due again after the claim.
type Deliverer struct {
	Store DeliveryStore
	// Public and Private are the clients for follows that may reach only
	// public addresses, and for those allowed private ones.
	Public, Private *http.Client
	Now             func() time.Time
	Backoff         []time.Duration
	Claim           time.Duration // how long a claimed delivery waits before it is due again
	Batch           int           // deliveries claimed at once
}

// deliveryTimeout bounds one attempt, body included.
const deliveryTimeout = 15 * time.Second

// NewDeliverer is a Deliverer over st with the fetcher's address policy.
func NewDeliverer(st DeliveryStore) *Deliverer {
	cfg := fetch.DefaultConfig()
	cfg.Timeout = deliveryTimeout
	client := func(allowPrivate bool) *http.Client {
		return &http.Client{Transport: fetch.Transport(cfg, allowPrivate), Timeout: deliveryTimeout,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	return &Deliverer{Store: st, Public: client(false), Private: client(true), Now: time.Now,
		Backoff: Backoff, Claim: 2 * deliveryTimeout, Batch: 20}
}

// DeliverDue sends every delivery due now, a batch at a time, and returns
// how many were accepted and how many failed (each failure recorded with
// its next try, or given up).
func (d *Deliverer) DeliverDue(ctx context.Context) (sent, failed int, err error) {
	for {
		due, err := d.Store.DueDeliveries(ctx, d.Now(), d.Claim, d.Batch)
		if err != nil || len(due) == 0 {
			return sent, failed, err
		}
		for _, dd := range due {
			res := d.attempt(ctx, dd)
			if err := d.Store.PutDeliveryResult(context.WithoutCancel(ctx), res); err != nil {
				return sent, failed, err
			}
			if res.OK {
				sent++
			} else {
				failed++
			}
		}
		if err := ctx.Err(); err != nil {
			return sent, failed, err
		}
	}
}

// attempt posts one delivery and says what came of it.
func (d *Deliverer) attempt(ctx context.Context, dd store.DueDelivery) store.DeliveryResult {
	res := store.DeliveryResult{EventID: dd.EventID}
	status, err := d.post(ctx, dd)
	res.Status = status
	if err == nil && status >= 200 && status < 300 {
		res.OK = true
		return res
	}
	if err != nil {
		res.Error = err.Error()
	} else {
		res.Error = "HTTP " + strconv.Itoa(status)
	}
	if n := dd.Attempts; n < len(d.Backoff) {
		res.NextTry = d.Now().Add(d.Backoff[n])
	}
	return res
}

func (d *Deliverer) post(ctx context.Context, dd store.DueDelivery) (int, error) {
	body, err := Body(dd.Event, dd.Follow)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, dd.URL, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", fetch.DefaultUserAgent)
	req.Header.Set(SignatureHeader, Sign(dd.Follow.Secret, body))
	req.Header.Set(EventHeader, dd.Event.Kind)
	req.Header.Set(DeliveryHeader, strconv.FormatInt(dd.EventID, 10))
	client := d.Public
	if dd.Follow.AllowPrivate {
		client = d.Private
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err // says which address was refused, when one was
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	return resp.StatusCode, nil
}

// Run delivers what is due every interval until ctx ends, reporting each
// round's outcome to report (when set).
func (d *Deliverer) Run(ctx context.Context, every time.Duration, report func(sent, failed int, err error)) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		sent, failed, err := d.DeliverDue(ctx)
		if report != nil && (sent+failed > 0 || err != nil && ctx.Err() == nil) {
			report(sent, failed, err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
