package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"parallax/internal/fetch"
	"parallax/internal/pipeline"
)

func runWatch(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("watch", "[--db PATH] [--interval 15m] [--once] [--delay 1s] [--timeout 30s] [--nats URL]", stdio)
	db := dbFlag(fs)
	interval := fs.Duration("interval", 15*time.Minute, "time between two checks of the feeds")
	once := fs.Bool("once", false, "check every feed once, then exit")
	workers := fs.Int("workers", 0, "extraction workers (default: one per CPU)")
	quiet := fs.Bool("quiet", false, "print only failures and the per-feed lines")
	net := addFetchFlags(fs)
	nf := addNATSFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *interval < time.Minute && !*once {
		return fmt.Errorf("%w: --interval %s: at least 1m", ErrUsage, *interval)
	}
	f, err := net.fetcher()
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	prog := newProgress(stdio.Err, *quiet)
	var queue pipeline.Queue
	onFeed := func(r pipeline.FeedReport) { prog.clear(); printFeedReport(stdio, r, queue != nil) }
	if nf.value() != "" {
		b, err := nf.connect(ctx, "watch")
		if err != nil {
			return err
		}
		defer b.Close()
		queue = b
	}
	// Each round holds the writer lease only while it checks the feeds, so
	// an ingest run by hand between rounds does not wait for the daemon.
	round := func(ctx context.Context) (pipeline.WatchSummary, error) {
		if queue != nil { // distributed: the entries' pages are queued for the workers
			return pipeline.CheckFeeds(ctx, st, pipeline.WatchOptions{Fetcher: f, OnFeed: onFeed,
				Ingest: pipeline.Options{Queue: queue, OnEvent: prog.event}})
		}
		w, err := openWriter(ctx, st, "watch", stdio.Err)
		if err != nil {
			return pipeline.WatchSummary{}, err
		}
		sum, err := pipeline.CheckFeeds(ctx, st, pipeline.WatchOptions{
			Fetcher: f,
			Ingest:  w.storing(pipeline.Options{Workers: *workers, OnEvent: prog.event}),
			OnFeed:  onFeed,
		})
		prog.finish()
		if err == nil {
			_, err = w.buildPending(ctx)
		}
		return sum, w.close(err)
	}
	if !*once {
		return pipeline.Watch(ctx, *interval, func(ctx context.Context) error {
			sum, err := round(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdio.Out, "%s ", time.Now().Format("2006-01-02 15:04:05"))
			printWatchSummary(stdio, sum, queue != nil)
			return nil
		})
	}
	sum, err := round(ctx)
	printWatchSummary(stdio, sum, queue != nil)
	if err != nil {
		return err
	}
	if sum.Failed > 0 || sum.Articles.Failed > 0 {
		return fmt.Errorf("%w: %d of %d feeds, %d of %d entries", errSomeFailed, sum.Failed, sum.Feeds, sum.Articles.Failed, sum.Articles.Total())
	}
	return nil
}

// printFeedReport says what a feed check did; queued: its pages went to
// the distributed queue (counted as new, or unchanged when already there).
func printFeedReport(stdio Stdio, r pipeline.FeedReport, queued bool) {
	switch {
	case r.Err != nil:
		fmt.Fprintf(stdio.Err, "error: %v\n", r.Err)
	case r.NotModified:
		fmt.Fprintf(stdio.Out, "feed %s: not modified\n", r.URL)
	default:
		a := r.Articles
		fallback := ""
		if r.Fallbacks > 0 {
			fallback = fmt.Sprintf(" (%d from the feed's own content: page unavailable)", r.Fallbacks)
		}
		if queued {
			fmt.Fprintf(stdio.Out, "feed %s: %d entries, %d fetched: %d queued, %d already queued, %d failed%s\n",
				r.URL, r.Entries, r.Fetched, a.New, a.Unchanged, a.Failed, fallback)
			return
		}
		fmt.Fprintf(stdio.Out, "feed %s: %d entries, %d fetched: %d new, %d updated, %d unchanged, %d failed%s\n",
			r.URL, r.Entries, r.Fetched, a.New, a.Updated, a.Unchanged, a.Failed, fallback)
	}
}

func printWatchSummary(stdio Stdio, s pipeline.WatchSummary, queued bool) {
	if queued {
		fmt.Fprintf(stdio.Out, "checked %d feeds (%d not modified, %d failed): %d pages queued, %d failed\n",
			s.Feeds, s.NotModified, s.Failed, s.Articles.New, s.Articles.Failed)
		return
	}
	fmt.Fprintf(stdio.Out, "checked %d feeds (%d not modified, %d failed): %d new articles, %d updated, %d failed\n",
		s.Feeds, s.NotModified, s.Failed, s.Articles.New, s.Articles.Updated, s.Articles.Failed)
}

// fetchFlags are the network settings shared by ingest and watch.
type fetchFlags struct {
	delay, timeout *time.Duration
	retries        *int
}

func addFetchFlags(fs *flag.FlagSet) *fetchFlags {
	def := fetch.DefaultConfig()
	return &fetchFlags{
		delay:   fs.Duration("delay", def.HostDelay, "pause between two requests to the same host"),
		timeout: fs.Duration("timeout", def.Timeout, "limit for one request, body included"),
		retries: fs.Int("retries", def.MaxRetries, "retries after a 429 or 5xx answer, with backoff"),
	}
}

// fetcher builds the CLI's fetcher. Private addresses are allowed: the
// command is the user's own, and intranet feeds are common.
func (ff *fetchFlags) fetcher() (*fetch.Fetcher, error) {
	c := fetch.DefaultConfig()
	c.HostDelay, c.Timeout, c.MaxRetries, c.AllowPrivate = *ff.delay, *ff.timeout, *ff.retries, true
	f, err := fetch.New(c)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUsage, err)
	}
	return f, nil
}
