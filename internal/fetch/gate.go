package fetch

import (
	"context"
	"sync"
	"time"
)

// hostGate lets one request at a time reach each host and spaces them by
// a delay, measured from the end of one request to the start of the next.
type hostGate struct {
	delay time.Duration
	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	sem   chan struct{} // capacity 1: held while a request runs
	mu    sync.Mutex
	next  time.Time     // earliest start of the next request
	delay time.Duration // this host's own spacing (robots Crawl-delay), if longer
}

func newHostGate(delay time.Duration) *hostGate {
	return &hostGate{delay: delay, hosts: map[string]*hostSlot{}}
}

func (g *hostGate) slot(host string) *hostSlot {
	g.mu.Lock()
	defer g.mu.Unlock()
	s := g.hosts[host]
	if s == nil {
		s = &hostSlot{sem: make(chan struct{}, 1), delay: g.delay}
		g.hosts[host] = s
	}
	return s
}

// acquire waits for host's turn; release ends it.
func (g *hostGate) acquire(ctx context.Context, host string) (release func(), err error) {
	s := g.slot(host)
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	s.mu.Lock()
	wait := time.Until(s.next)
	s.mu.Unlock()
	if err := sleep(ctx, wait); err != nil {
		<-s.sem
		return nil, err
	}
	return func() {
		s.mu.Lock()
		s.next = time.Now().Add(s.delay)
		s.mu.Unlock()
		<-s.sem
	}, nil
}

// postpone keeps host's next request at least wait away (a backoff).
func (g *hostGate) postpone(host string, wait time.Duration) {
	s := g.slot(host)
	s.mu.Lock()
	defer s.mu.Unlock()
	if t := time.Now().Add(wait); t.After(s.next) {
		s.next = t
	}
}

// setDelay raises host's spacing to d (never below the configured delay).
func (g *hostGate) setDelay(host string, d time.Duration) {
	s := g.slot(host)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.delay = max(g.delay, d)
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
