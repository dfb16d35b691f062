package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"parallax/internal/follow"
	"parallax/internal/model"
)

// Follows: listed on /follows, each with an Atom feed at /feeds/{id};
// made and removed through the API with the server's token.

const (
	eventsShown     = 5  // on /follows
	feedEntries     = 50 // in a feed
	deliveriesShown = 20
	maxFollowBody   = 16 << 10
)

type followRow struct {
	model.Follow
	Href        string // the followed thing's page
	FeedHref    string
	Kind        string
	WebhookHost string
	Delivered   int
	Waiting     int
	Failed      int
	LastError   string
	Events      []eventLine
}

type eventLine struct {
	When, Text, Href string
}

// followTargetHref is the page of what a follow watches.
func followTargetHref(f model.Follow) string {
	switch f.Kind {
	case model.FollowEntity:
		return "/entities/" + url.PathEscape(f.Target)
	case model.FollowStoryline:
		return "/storylines/" + url.PathEscape(f.Target)
	}
	return "/search?q=" + url.QueryEscape(f.Target)
}

var followKinds = map[string]string{model.FollowSearch: "Saved search", model.FollowEntity: "Entity", model.FollowStoryline: "Storyline"}

// eventText says what happened, in one line.
func eventText(e model.FollowEvent) string {
	switch e.Kind {
	case model.EventOutlet:
		return fmt.Sprintf("%s now covers “%s”", e.Outlet, e.Title)
	case model.EventDiscrepancy:
		if d := e.Discrepancy; d != nil {
			return fmt.Sprintf("Outlets differ on %s (%s) in “%s”", d.Subject, d.Kind, e.Title)
		}
	}
	return fmt.Sprintf("New story: %s", e.Title)
}

func (s *server) followRows(ctx context.Context) ([]followRow, error) {
	fs, err := s.cfg.Store.Follows(ctx)
	if err != nil {
		return nil, err
	}
	rows := make([]followRow, 0, len(fs))
	for _, f := range fs {
		row := followRow{Follow: f, Href: followTargetHref(f), FeedHref: fmt.Sprintf("/feeds/%d", f.ID), Kind: followKinds[f.Kind]}
		evs, err := s.cfg.Store.FollowEvents(ctx, f.ID, eventsShown)
		if err != nil {
			return nil, err
		}
		for _, e := range evs {
			row.Events = append(row.Events, eventLine{When: shortTime(e.Created), Text: eventText(e), Href: fmt.Sprintf("/stories/%d", e.StoryID)})
		}
		if f.Webhook != "" {
			if err := s.deliverySummary(ctx, &row); err != nil {
				return nil, err
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// deliverySummary counts a follow's latest deliveries by outcome; only
// the webhook's host is shown (its path may hold a token).
func (s *server) deliverySummary(ctx context.Context, row *followRow) error {
	if u, err := url.Parse(row.Webhook); err == nil {
		row.WebhookHost = u.Host
	}
	ds, err := s.cfg.Store.Deliveries(ctx, row.ID, deliveriesShown)
	if err != nil {
		return err
	}
	for _, d := range ds {
		switch {
		case !d.Delivered.IsZero():
			row.Delivered++
		case d.GaveUp:
			row.Failed++
		default:
			row.Waiting++
		}
		if d.Delivered.IsZero() && d.LastError != "" && row.LastError == "" {
			row.LastError = d.LastError
		}
	}
	return nil
}

func (s *server) followsPage(w http.ResponseWriter, r *http.Request) {
	s.cached(w, r, false, "follows", s.cfg.Limits.ListTTL, func(ctx context.Context) (*response, error) {
		rows, err := s.followRows(ctx)
		if err != nil {
			return nil, err
		}
		return s.renderPage(http.StatusOK, "follows", page{Title: "Following", Nav: "follows", Data: rows})
	})
}

// tokened lets a request through only with the server's token; without
// a token configured the endpoint does not exist.
func (s *server) tokened(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Token == "" {
			apiError(w, http.StatusNotFound, "no such endpoint")
			return
		}
		if !s.authorised(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="parallax"`)
			apiError(w, http.StatusUnauthorized, "a valid bearer token is required")
			return
		}
		next(w, r)
	}
}

func (s *server) apiFollows(w http.ResponseWriter, r *http.Request) {
	fs, err := s.cfg.Store.Follows(r.Context())
	if err != nil {
		s.storeError(w, r, true, err)
		return
	}
	writeJSONNoStore(w, map[string]any{"follows": nonNilList(fs)})
}

// apiAddFollow makes a follow from {"kind", "target", "webhook",
// "allow_private"}; the answer carries the webhook's secret, shown only
// here.
func (s *server) apiAddFollow(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Follows == nil {
		apiError(w, http.StatusNotImplemented, "this server cannot make follows")
		return
	}
	req, err := follow.DecodeRequest(http.MaxBytesReader(w, r.Body, maxFollowBody))
	if err == nil {
		var f model.Follow
		if f, err = follow.Prepare(r.Context(), s.cfg.Store, req); err == nil {
			f, err = s.cfg.Follows.AddFollow(r.Context(), f)
			if err == nil {
				w.Header().Set("Location", fmt.Sprintf("/api/follows/%d/events", f.ID))
				writeJSONStatus(w, http.StatusCreated, map[string]any{"follow": f, "secret": f.Secret,
					"feed": fmt.Sprintf("/feeds/%d", f.ID)})
				return
			}
		}
	}
	var bad *follow.BadRequest
	if errors.As(err, &bad) {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.storeError(w, r, true, err)
}

func (s *server) apiRemoveFollow(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		apiError(w, http.StatusNotFound, "follow ids are positive integers")
		return
	}
	if s.cfg.Follows == nil {
		apiError(w, http.StatusNotImplemented, "this server cannot remove follows")
		return
	}
	if err := s.cfg.Follows.RemoveFollow(r.Context(), id); err != nil {
		s.storeError(w, r, true, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *server) apiFollowEvents(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		apiError(w, http.StatusNotFound, "follow ids are positive integers")
		return
	}
	s.cached(w, r, true, fmt.Sprintf("api-events:%d", id), s.cfg.Limits.ListTTL, func(ctx context.Context) (*response, error) {
		f, err := s.cfg.Store.Follow(ctx, id)
		if err != nil {
			return nil, err
		}
		evs, err := s.cfg.Store.FollowEvents(ctx, id, feedEntries)
		if err != nil {
			return nil, err
		}
		return jsonResponse(http.StatusOK, map[string]any{"follow": f, "events": nonNilList(evs)})
	})
}

func (s *server) apiDeliveries(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		apiError(w, http.StatusNotFound, "follow ids are positive integers")
		return
	}
	if _, err := s.cfg.Store.Follow(r.Context(), id); err != nil {
		s.storeError(w, r, true, err)
		return
	}
	limit, err := intParam(r.URL.Query(), "limit", 100, 1000)
	if err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	ds, err := s.cfg.Store.Deliveries(r.Context(), id, limit)
	if err != nil {
		s.storeError(w, r, true, err)
		return
	}
	writeJSONNoStore(w, map[string]any{"deliveries": nonNilList(ds)})
}

// writeJSONStatus sends v with a status, as an answer no cache may keep.
func writeJSONStatus(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		apiError(w, http.StatusInternalServerError, "encode response")
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}
