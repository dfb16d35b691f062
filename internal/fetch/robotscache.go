package fetch

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// robotsCache keeps each host's robots.txt for a while. One fetch per host
// at a time: concurrent callers for the same host wait for it.
type robotsCache struct {
	ttl   time.Duration
	mu    sync.Mutex
	hosts map[string]*robotsEntry
}

type robotsEntry struct {
	mu      sync.Mutex
	rules   *robots
	expires time.Time
}

func newRobotsCache(ttl time.Duration) *robotsCache {
	return &robotsCache{ttl: ttl, hosts: map[string]*robotsEntry{}}
}

func (c *robotsCache) entry(origin string) *robotsEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.hosts[origin]
	if e == nil {
		e = &robotsEntry{}
		c.hosts[origin] = e
	}
	return e
}

// cached returns origin's rules if they were ever fetched, fresh or not.
func (c *robotsCache) cached(origin string) *robots {
	e := c.entry(origin)
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.rules
}

// checkRobots fails with ErrRobots when u's robots.txt forbids it. A
// robots.txt not yet cached is read through l.
func (f *Fetcher) checkRobots(ctx context.Context, u *url.URL, l *lane) error {
	rules, err := f.robotsFor(ctx, u, l)
	if err != nil {
		return err
	}
	if !rules.allowed(u) {
		reason := "disallowed by robots.txt"
		if rules.denyAll {
			reason += " (robots.txt unavailable: server error)"
		}
		return &Error{Reason: reason, Err: ErrRobots}
	}
	return nil
}

func (f *Fetcher) robotsFor(ctx context.Context, u *url.URL, l *lane) (*robots, error) {
	origin := u.Scheme + "://" + u.Host
	e := f.robots.entry(origin)
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.rules != nil && time.Now().Before(e.expires) {
		return e.rules, nil
	}
	rules, err := f.fetchRobots(ctx, origin, u.Host, l)
	if err != nil {
		return nil, err // not cached: a network failure may pass
	}
	e.rules, e.expires = rules, time.Now().Add(f.robots.ttl)
	f.hosts.setDelay(u.Host, rules.crawlDelay)
	return rules, nil
}

// fetchRobots reads origin/robots.txt under the host's gate. As RFC 9309
// says: a 4xx means no rules, a 5xx means everything is disallowed.
func (f *Fetcher) fetchRobots(ctx context.Context, origin, host string, l *lane) (*robots, error) {
	release, err := f.hosts.acquire(ctx, host)
	if err != nil {
		return nil, &Error{Reason: err.Error(), Err: err}
	}
	defer release()
	actx, cancel := context.WithTimeout(ctx, f.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, origin+"/robots.txt", nil)
	if err != nil {
		return nil, &Error{Reason: err.Error(), Err: ErrBadURL}
	}
	req.Header.Set("User-Agent", f.cfg.UserAgent)
	resp, err := l.robots.Do(req)
	if err != nil {
		fe := f.transportError(ctx, err)
		if !errors.Is(fe, ErrPrivate) {
			fe.Reason = "robots.txt: " + fe.Reason
		}
		return nil, fe
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 500:
		return &robots{denyAll: true}, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return &robots{}, nil
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, robotsMaxBytes))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		fe := f.transportError(ctx, err)
		fe.Reason = "robots.txt: " + fe.Reason
		return nil, fe
	}
	return parseRobots(data, robotsToken), nil
}
