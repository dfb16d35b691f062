package pipeline

import (
	"context"
	"errors"
	"net/url"
	"sync"

	"parallax/internal/feeds"
)

// CheckFeeds checks every followed feed once, up to opt.Parallel at a
// time, in turns across hosts. A feed that fails is reported and the
// others go on; the error is non-nil only when the store fails or ctx
// ends, and then the summary counts what was done before.
func CheckFeeds(ctx context.Context, st WatchStore, opt WatchOptions) (WatchSummary, error) {
	subs, err := st.Feeds(ctx)
	if err != nil {
		return WatchSummary{}, err
	}
	r := &round{opt: opt, sum: WatchSummary{Followed: len(subs)}}
	if r.opt.Parallel <= 0 {
		r.opt.Parallel = DefaultParallel
	}
	if r.opt.MaxEntries <= 0 {
		r.opt.MaxEntries = DefaultMaxEntries
	}
	if r.opt.Ingest.Serial == nil {
		r.opt.Ingest.Serial = &r.mu
	}
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	queue := make(chan feeds.Subscription)
	var wg sync.WaitGroup
	for range min(r.opt.Parallel, len(subs)) {
		wg.Go(func() {
			for sub := range queue {
				rep, err := checkFeed(ctx, st, sub, r.opt)
				if r.done(rep, err) {
					stop() // the store failed: the other checks stop too
				}
			}
		})
	}
	r.feed(ctx, queue, inTurnsByHost(subs))
	wg.Wait()
	if err := ctx.Err(); err != nil && r.err == nil {
		r.err = err
		r.sum.Interrupted = true
	}
	return r.sum, r.err
}

// round is one CheckFeeds call's shared state.
type round struct {
	opt WatchOptions
	// mu serialises the round's writers: each article stored and placed
	// (Options.Serial), the summary, and OnFeed.
	mu  sync.Mutex
	sum WatchSummary
	err error // the first store failure
}

// feed hands out the feeds until all are taken or ctx ends.
func (r *round) feed(ctx context.Context, queue chan<- feeds.Subscription, subs []feeds.Subscription) {
	defer close(queue)
	for _, sub := range subs {
		select {
		case queue <- sub:
		case <-ctx.Done():
			return
		}
	}
}

// done adds one feed's report; it reports whether the round must stop.
// A feed cut short by an interrupt is reported with what it did.
func (r *round) done(rep FeedReport, err error) (stop bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if interrupted(err) {
		if !rep.read() {
			return false // stopped before the feed was read: nothing to say
		}
		err = nil
	}
	if err != nil {
		if r.err == nil {
			r.err = err
		}
		return true
	}
	r.sum.add(rep)
	if r.opt.OnFeed != nil {
		r.opt.OnFeed(rep)
	}
	return false
}

func interrupted(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// inTurnsByHost orders feeds one host at a time, in turns (the hosts in
// the order their first feed was added), so the feeds checked at once are
// on different hosts where possible instead of queueing at one host.
func inTurnsByHost(subs []feeds.Subscription) []feeds.Subscription {
	var hosts []string
	byHost := map[string][]feeds.Subscription{}
	for _, s := range subs {
		h := s.URL
		if u, err := url.Parse(s.URL); err == nil {
			h = u.Host
		}
		if _, ok := byHost[h]; !ok {
			hosts = append(hosts, h)
		}
		byHost[h] = append(byHost[h], s)
	}
	out := make([]feeds.Subscription, 0, len(subs))
	for turn := 0; len(out) < len(subs); turn++ {
		for _, h := range hosts {
			if turn < len(byHost[h]) {
				out = append(out, byHost[h][turn])
			}
		}
	}
	return out
}
