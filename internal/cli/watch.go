package cli

import (
	"context"
	"flag"
	"fmt"
	"net/netip"
	"time"

	"parallax/internal/fetch"
	"parallax/internal/pipeline"
)

func runWatch(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("watch", "[--db PATH] [--interval 15m] [--once] [--parallel 8] [--max-entries 30] [--delay 1s] [--timeout 30s] [--nats URL]", stdio)
	db := dbFlag(fs)
	interval := fs.Duration("interval", 15*time.Minute, "time between two checks of the feeds")
	once := fs.Bool("once", false, "check every feed once, then exit")
	parallel := fs.Int("parallel", pipeline.DefaultParallel, "feeds checked at once (each host still gets one request at a time)")
	maxEntries := fs.Int("max-entries", pipeline.DefaultMaxEntries, "entries taken from one feed per check, newest first; the rest wait for later checks")
	workers := fs.Int("workers", 0, "extraction workers per feed (default: one per CPU)")
	quiet := fs.Bool("quiet", false, "print only failures and the per-feed lines")
	net := addFetchFlags(fs)
	nf := addNATSFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	switch {
	case *interval < time.Minute && !*once:
		return fmt.Errorf("%w: --interval %s: at least 1m", ErrUsage, *interval)
	case *parallel < 1:
		return fmt.Errorf("%w: --parallel %d: at least 1", ErrUsage, *parallel)
	case *maxEntries < 1:
		return fmt.Errorf("%w: --max-entries %d: at least 1", ErrUsage, *maxEntries)
	}
	f, err := net.fetcher()
	if err != nil {
		return err
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	prog := newProgress(stdio.Err, *quiet)
	var queue pipeline.Queue
	opt := pipeline.WatchOptions{
		Fetcher:    f,
		OnFeed:     func(r pipeline.FeedReport) { prog.clear(); printFeedReport(stdio, r, queue != nil) },
		Parallel:   *parallel,
		MaxEntries: *maxEntries,
	}
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
	// Interrupted, a round builds no reports: the stories it changed are
	// marked pending in the store, for the next writer.
	round := func(ctx context.Context) (pipeline.WatchSummary, error) {
		if queue != nil { // distributed: the entries' pages are queued for the workers
			qopt := opt
			qopt.Ingest = pipeline.Options{Queue: queue, OnEvent: prog.event}
			return pipeline.CheckFeeds(ctx, st, qopt)
		}
		w, err := openWriter(ctx, st, "watch", stdio.Err)
		if err != nil {
			return pipeline.WatchSummary{}, err
		}
		ropt := opt
		ropt.Ingest = w.storing(pipeline.Options{Workers: *workers, OnEvent: prog.event})
		sum, err := pipeline.CheckFeeds(ctx, st, ropt)
		prog.finish()
		if err == nil {
			_, err = w.buildPending(ctx)
		}
		return sum, w.close(err)
	}
	if !*once {
		return pipeline.Watch(ctx, *interval, func(ctx context.Context) error {
			sum, err := round(ctx)
			if err != nil && !sum.Interrupted {
				return err
			}
			fmt.Fprintf(stdio.Out, "%s ", time.Now().Format("2006-01-02 15:04:05"))
			printWatchSummary(stdio, sum, queue != nil)
			return nil
		})
	}
	sum, err := round(ctx)
	printWatchSummary(stdio, sum, queue != nil)
	switch {
	case sum.Interrupted:
		return fmt.Errorf("watch interrupted: %w", ctx.Err())
	case err != nil:
		return err
	case sum.Failed > 0 || sum.Articles.Failed > 0:
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
			fmt.Fprintf(stdio.Out, "feed %s: %s, %d fetched: %d queued, %d already queued, %d failed%s%s\n",
				r.URL, plural(r.Entries, "entry"), r.Fetched, a.New, a.Unchanged, a.Failed, fallback, leftLater(r.Left))
			return
		}
		fmt.Fprintf(stdio.Out, "feed %s: %s, %d fetched: %d new, %d updated, %d unchanged, %d failed%s%s\n",
			r.URL, plural(r.Entries, "entry"), r.Fetched, a.New, a.Updated, a.Unchanged, a.Failed, fallback, leftLater(r.Left))
	}
}

func leftLater(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("; %d left for later checks", n)
}

func printWatchSummary(stdio Stdio, s pipeline.WatchSummary, queued bool) {
	checked := "checked " + plural(s.Feeds, "feed")
	if s.Interrupted {
		checked = fmt.Sprintf("interrupted: checked %d of %d feeds", s.Feeds, s.Followed)
	}
	if queued {
		fmt.Fprintf(stdio.Out, "%s (%d not modified, %d failed): %d pages queued, %d failed%s\n",
			checked, s.NotModified, s.Failed, s.Articles.New, s.Articles.Failed, leftLater(s.Left))
		return
	}
	fmt.Fprintf(stdio.Out, "%s (%d not modified, %d failed): %d new articles, %d updated, %d failed%s\n",
		checked, s.NotModified, s.Failed, s.Articles.New, s.Articles.Updated, s.Articles.Failed, leftLater(s.Left))
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

// addressKind, when a test sets it, decides which addresses count as
// public (fetch.Config.AddressKind): a loopback server may then stand for
// a public host. nil in the program.
var addressKind func(netip.AddrPort) string

// fetcher builds the CLI's fetcher. Private addresses are allowed for what
// the user names (intranet pages and feeds are common); a feed's links
// are refused them unless the feed allows it (watch sets PublicOnly).
func (ff *fetchFlags) fetcher() (*fetch.Fetcher, error) {
	c := fetch.DefaultConfig()
	c.HostDelay, c.Timeout, c.MaxRetries, c.AllowPrivate = *ff.delay, *ff.timeout, *ff.retries, true
	c.AddressKind = addressKind
	f, err := fetch.New(c)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUsage, err)
	}
	return f, nil
}
