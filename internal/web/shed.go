package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// limiter bounds the requests served at once. Past the bound a request
// waits in a short queue, for at most wait; past the queue, or after
// waiting, it is refused at once (shed) instead of piling up: a server
// that answers some readers 503 quickly keeps serving the rest, where one
// that takes every request runs out of memory and time for all of them.
type limiter struct {
	slots chan struct{} // one token per request being served
	queue chan struct{} // one token per request waiting for a slot
	wait  time.Duration
	shed  atomic.Int64 // requests refused so far
}

func newLimiter(inFlight, queue int, wait time.Duration) *limiter {
	return &limiter{slots: make(chan struct{}, inFlight), queue: make(chan struct{}, queue), wait: wait}
}

// acquire takes a slot, waiting in the queue when there is room in it;
// false means the request is shed. A true answer must be followed by
// release.
func (l *limiter) acquire(ctx context.Context) bool {
	select {
	case l.slots <- struct{}{}:
		return true
	default:
	}
	select {
	case l.queue <- struct{}{}:
	default:
		l.shed.Add(1)
		return false
	}
	defer func() { <-l.queue }()
	timer := time.NewTimer(l.wait)
	defer timer.Stop()
	select {
	case l.slots <- struct{}{}:
		return true
	case <-timer.C:
	case <-ctx.Done():
	}
	l.shed.Add(1)
	return false
}

func (l *limiter) release() { <-l.slots }

// inFlight and queued are the current counts, for /healthz and tests.
func (l *limiter) inFlight() int { return len(l.slots) }
func (l *limiter) queued() int   { return len(l.queue) }

// limited serves h within the request bound and the per-request deadline.
func (s *server) limited(h http.HandlerFunc) http.HandlerFunc {
	return s.within(s.requests, s.cfg.Limits.RequestTimeout, h)
}

// searching serves a search within the smaller bound on searches at once
// (a search over common words reads much of the full-text index) and its
// shorter deadline. It runs inside limited.
func (s *server) searching(h http.HandlerFunc) http.HandlerFunc {
	return s.within(s.searches, s.cfg.Limits.SearchTimeout, h)
}

// within serves h when l admits the request, with a deadline on its
// context; otherwise it answers 503.
func (s *server) within(l *limiter, timeout time.Duration, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !l.acquire(r.Context()) {
			s.busy(w, r)
			return
		}
		defer l.release()
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		h(w, r.WithContext(ctx))
	}
}

// searchingIfWords treats a story list filtered by words as the search it
// is.
func (s *server) searchingIfWords(h http.HandlerFunc) http.HandlerFunc {
	bounded := s.searching(h)
	return func(w http.ResponseWriter, r *http.Request) {
		if strings.TrimSpace(r.URL.Query().Get("q")) != "" {
			bounded(w, r)
			return
		}
		h(w, r)
	}
}

// busyPage is the whole 503 page: fixed bytes, so refusing costs nothing
// like rendering.
const busyPage = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Busy</title>` +
	`<h1>503 Service Unavailable</h1><p>The server is busy. Try again in a moment.</p></html>` + "\n"

// busy answers 503 with Retry-After: JSON under /api/, a small page
// elsewhere.
func (s *server) busy(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Retry-After", strconv.Itoa(s.cfg.Limits.RetryAfter))
	if strings.HasPrefix(r.URL.Path, "/api/") {
		apiError(w, http.StatusServiceUnavailable, "the server is busy: retry after "+h.Get("Retry-After")+" s")
		return
	}
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusServiceUnavailable)
	w.Write([]byte(busyPage))
}

// overloaded says whether a store error means the request ran out of
// time or its client left, rather than that the store failed.
func overloaded(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}

// health is GET /healthz: never shed, never reads the store, so a proxy
// or systemd can tell a busy server (503s elsewhere) from a dead one.
type health struct {
	Status         string     `json:"status"`
	InFlight       int        `json:"in_flight"`
	Queued         int        `json:"queued"`
	Shed           int64      `json:"shed"`
	Searches       int        `json:"searches_in_flight"`
	SearchesQueued int        `json:"searches_queued"`
	SearchesShed   int64      `json:"searches_shed"`
	Cache          cacheStats `json:"cache"`
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSONNoStore(w, health{Status: "ok", InFlight: s.requests.inFlight(), Queued: s.requests.queued(),
		Shed: s.requests.shed.Load(), Searches: s.searches.inFlight(), SearchesQueued: s.searches.queued(), SearchesShed: s.searches.shed.Load(),
		Cache: s.cache.stats()})
}
