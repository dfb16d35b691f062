package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"parallax/internal/bus"
	"parallax/internal/cluster"
	"parallax/internal/pipeline"
	"parallax/internal/store"
)

// natsFlags select the distributed mode: documents go through NATS
// JetStream to workers, and one story writer places them (docs/DEPLOY.md).
type natsFlags struct {
	url      *string
	replicas *int
	ackWait  *time.Duration
}

func addNATSFlags(fs *flag.FlagSet) *natsFlags {
	return &natsFlags{
		url:      fs.String("nats", "", "NATS server URL(s), comma-separated: work distributed through JetStream (default $PARALLAX_NATS; empty: on this machine)"),
		replicas: fs.Int("replicas", 1, "replicas of the streams Parallax creates when missing (3 on a NATS cluster of three)"),
		ackWait:  fs.Duration("ack-wait", 30*time.Second, "how long a worker may hold a document without a sign of life before another gets it"),
	}
}

// value is the NATS URL to use, "" for the single-machine path.
func (nf *natsFlags) value() string {
	if v := strings.TrimSpace(*nf.url); v != "" {
		return v
	}
	return strings.TrimSpace(os.Getenv("PARALLAX_NATS"))
}

// connect connects to NATS for command, creating the streams if missing.
func (nf *natsFlags) connect(ctx context.Context, command string) (*bus.Bus, error) {
	if *nf.replicas < 1 || *nf.ackWait < time.Second {
		return nil, fmt.Errorf("%w: want --replicas >= 1 and --ack-wait >= 1s", ErrUsage)
	}
	host, _ := os.Hostname()
	return bus.Connect(ctx, bus.Config{URL: nf.value(), Name: fmt.Sprintf("parallax %s pid %d on %s", command, os.Getpid(), host),
		Replicas: *nf.replicas, AckWait: *nf.ackWait})
}

// distributedStore is what a worker and the story writer need of a store:
// PostgreSQL's, shared by every machine.
type distributedStore interface {
	Store
	pipeline.BatchStore
	pipeline.StreamStore
}

// openDistributedStore opens the store --db names, which must be
// PostgreSQL.
func openDistributedStore(ctx context.Context, db, command string) (distributedStore, error) {
	if !isPostgresURL(dbPath(db)) {
		return nil, fmt.Errorf("%w: %s needs a PostgreSQL store (--db postgres://…), which every machine shares", ErrUsage, command)
	}
	st, err := openStore(ctx, db)
	if err != nil {
		return nil, err
	}
	ds, ok := st.(distributedStore)
	if !ok {
		st.Close()
		return nil, fmt.Errorf("%s: this store cannot serve distributed work", st.Path())
	}
	return ds, nil
}

// storyWriter is the distributed story writer: it waits for the store's
// writer lease (a hot standby while another holds it), loads the
// stories, then places what the workers store, in queue order, until ctx
// ends. Losing the lease ends it with store.ErrLeaseLost.
func storyWriter(ctx context.Context, st distributedStore, b *bus.Bus, command string, reportEvery time.Duration, stdio Stdio) error {
	lease, err := st.AcquireWriter(ctx, store.Me(command), func(h store.Holder) {
		fmt.Fprintf(stdio.Err, "standing by: the store's writer is %s\n", h)
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	defer lease.Release()
	stories, err := pipeline.ReplayStories(ctx, st, lease, cluster.DefaultConfig())
	if err != nil {
		return err
	}
	note := func(s string) { fmt.Fprintf(stdio.Err, "%s\n", s) }
	feed, err := b.Results(ctx, lease.Epoch(), note)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdio.Err, "placing stories in %s from %s (%d stories loaded)\n", st.Path(), b.URL(), stories.Len())
	return pipeline.PlaceStream(ctx, feed, st, stories, pipeline.PlaceOptions{
		Reporter:    pipeline.Reporter{Build: compareStory, Redate: redate},
		ReportEvery: reportEvery,
		OnNote:      note,
	})
}
