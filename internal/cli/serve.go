package cli

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"parallax/internal/bus"
	"parallax/internal/follow"
	"parallax/internal/pipeline"
	"parallax/internal/store"
	"parallax/internal/web"
)

func runServe(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("serve", "[--db PATH] [--addr HOST:PORT] [--token TOKEN] [--max-inflight N] [--queue N] [--cache-mb MB] [--nats URL [--place=false]] …", stdio)
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	token := fs.String("token", "", "enable POST /api/ingest with this bearer token (default $PARALLAX_TOKEN; empty: off)")
	quiet := fs.Bool("quiet", false, "do not log requests")
	deliverEvery := fs.Duration("deliver-every", 10*time.Second, "how often due webhook deliveries are sent (0: never; writers still send theirs)")
	limits := limitFlags(fs)
	profile := profileFlag(fs)
	nf := addNATSFlags(fs)
	place := fs.Bool("place", true, "with --nats: also run the story writer (standing by while another holds the store's writer lease)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: serve takes no arguments", ErrUsage)
	}
	stopProfile, err := startProfile(*profile)
	if err != nil {
		return err
	}
	defer stopProfile()
	if *token == "" {
		*token = strings.TrimSpace(os.Getenv("PARALLAX_TOKEN"))
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	logger := slog.New(slog.NewTextHandler(stdio.Err, nil))
	cfg := web.Config{Store: st, Token: *token, Logger: logger, Limits: limits.limits(), Follows: st}
	var b *bus.Bus
	if nf.value() != "" {
		if b, err = nf.connect(ctx, "serve"); err != nil {
			return err
		}
		defer b.Close()
	}
	if *token != "" {
		si, err := newServerIngest(st, queueOf(b))
		if err != nil {
			return err
		}
		cfg.Ingest = si.ingest
	}
	if *quiet {
		cfg.Logger = nil
	}
	h, err := web.New(cfg)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	go deliverWebhooks(ctx, st, *deliverEvery, logger)
	if b == nil {
		go finishLeftWork(ctx, st, logger)
	} else if *place {
		go serveStoryWriter(ctx, st, b, stdio, logger)
	}
	fmt.Fprintf(stdio.Err, "serving %s on http://%s/ (Ctrl-C to stop)\n", st.Path(), *addr)
	return web.ListenAndServe(ctx, web.Server(*addr, h))
}

// queueOf is b as the pipeline's queue, nil without one.
func queueOf(b *bus.Bus) pipeline.Queue {
	if b == nil {
		return nil
	}
	return b
}

// serveStoryWriter runs the distributed story writer beside the server,
// standing by while another process holds the lease; a failure is logged
// and the writer tried again a moment later (the server goes on).
func serveStoryWriter(ctx context.Context, st Store, b *bus.Bus, stdio Stdio, log *slog.Logger) {
	ds, ok := st.(distributedStore)
	if !ok {
		log.Error("story writer", slog.String("error", "a distributed story writer needs a PostgreSQL store"))
		return
	}
	for ctx.Err() == nil {
		if err := storyWriter(ctx, ds, b, "serve", time.Minute, stdio); err != nil {
			log.Error("story writer", slog.String("error", err.Error()))
		}
		select {
		case <-ctx.Done():
		case <-time.After(5 * time.Second):
		}
	}
}

// finishLeftWork places what a dead writer left unplaced and builds the
// reports it left pending, when no other writer is at work (that one
// finishes them itself), while the server already answers.
func finishLeftWork(ctx context.Context, st Store, log *slog.Logger) {
	status, err := st.Status(ctx)
	if err != nil || (status.Unplaced == 0 && status.PendingReports == 0) {
		return
	}
	tryCtx, busy := context.WithCancel(ctx)
	defer busy()
	lease, err := st.AcquireWriter(tryCtx, store.Me("serve"), func(store.Holder) { busy() })
	if err != nil {
		return // another writer holds the lease, or the server is stopping
	}
	w, err := loadWriter(ctx, st, lease)
	if err != nil {
		log.Error("finish left work", slog.String("error", err.Error()))
		return
	}
	n, err := w.buildPending(ctx)
	if err = w.close(err); err != nil {
		log.Error("finish left work", slog.String("error", err.Error()))
		return
	}
	log.Info("finished work a dead writer left", slog.Int("placed", status.Unplaced), slog.Int("reports", n))
}

// deliverWebhooks sends the follows' due webhook deliveries every
// interval while the server runs: those writers could not deliver, and
// the retries.
func deliverWebhooks(ctx context.Context, st Store, every time.Duration, log *slog.Logger) {
	if every <= 0 {
		return
	}
	follow.NewDeliverer(st).Run(ctx, every, func(sent, failed int, err error) {
		if err != nil {
			log.Error("webhooks", slog.String("error", err.Error()))
			return
		}
		log.Info("webhooks", slog.Int("delivered", sent), slog.Int("failed", failed))
	})
}

// serveLimits are the flags bounding what the server takes on; the
// defaults come from web.DefaultLimits (sized for GOMAXPROCS).
type serveLimits struct {
	l       web.Limits
	cacheMB int
}

func limitFlags(fs *flag.FlagSet) *serveLimits {
	d := web.DefaultLimits()
	sl := &serveLimits{l: d, cacheMB: int(d.CacheBytes >> 20)}
	fs.IntVar(&sl.l.MaxInFlight, "max-inflight", d.MaxInFlight, "page and API requests served at once (4 per core)")
	fs.IntVar(&sl.l.MaxQueue, "queue", d.MaxQueue, "requests waiting for a slot, past it 503 with Retry-After (0: none wait)")
	fs.DurationVar(&sl.l.QueueWait, "queue-wait", d.QueueWait, "longest a request waits in the queue before a 503")
	fs.DurationVar(&sl.l.RequestTimeout, "request-timeout", d.RequestTimeout, "deadline of one request's reads (then 503)")
	fs.IntVar(&sl.l.MaxSearches, "max-searches", d.MaxSearches, "searches served at once (1 per core)")
	fs.DurationVar(&sl.l.SearchTimeout, "search-timeout", d.SearchTimeout, "deadline of one search (then 503)")
	fs.IntVar(&sl.cacheMB, "cache-mb", sl.cacheMB, "MB of rendered story pages and API answers kept in memory (0: none)")
	fs.DurationVar(&sl.l.ListTTL, "list-ttl", d.ListTTL, "how long a rendered list or search answer is reused (0: not at all)")
	fs.DurationVar(&sl.l.OutletsTTL, "outlets-ttl", d.OutletsTTL, "how long the rendered outlets page is reused (0: not at all)")
	return sl
}

// limits turns the flags' "0 means none" into web.Limits' negatives.
func (sl *serveLimits) limits() web.Limits {
	l := sl.l
	if l.MaxQueue == 0 {
		l.MaxQueue = -1
	}
	l.CacheBytes = int64(sl.cacheMB) << 20
	if sl.cacheMB <= 0 {
		l.CacheBytes = -1
	}
	for _, ttl := range []*time.Duration{&l.ListTTL, &l.OutletsTTL} {
		if *ttl <= 0 {
			*ttl = -1
		}
	}
	return l
}
