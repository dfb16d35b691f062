package cli

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"parallax/internal/bus"
	"parallax/internal/pipeline"
	"parallax/internal/store"
	"parallax/internal/web"
)

func runServe(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("serve", "[--db PATH] [--addr HOST:PORT] [--token TOKEN] [--nats URL [--place=false]]", stdio)
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	token := fs.String("token", "", "enable POST /api/ingest with this bearer token (default $PARALLAX_TOKEN; empty: off)")
	quiet := fs.Bool("quiet", false, "do not log requests")
	nf := addNATSFlags(fs)
	place := fs.Bool("place", true, "with --nats: also run the story writer (standing by while another holds the store's writer lease)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: serve takes no arguments", ErrUsage)
	}
	if *token == "" {
		*token = strings.TrimSpace(os.Getenv("PARALLAX_TOKEN"))
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	logger := slog.New(slog.NewTextHandler(stdio.Err, nil))
	cfg := web.Config{Store: st, Token: *token, Logger: logger}
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
