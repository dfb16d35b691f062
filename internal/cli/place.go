package cli

import (
	"context"
	"fmt"
	"time"
)

func runPlace(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("place", "--nats URL --db postgres://… [--report-every 1m]", stdio)
	db := dbFlag(fs)
	nf := addNATSFlags(fs)
	reportEvery := fs.Duration("report-every", time.Minute, "longest time the comparison reports of changed stories wait while articles keep coming (they are built whenever the queue is idle)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 || nf.value() == "" {
		return fmt.Errorf("%w: place takes no arguments and needs --nats URL (or $PARALLAX_NATS)", ErrUsage)
	}
	st, err := openDistributedStore(ctx, *db, "place")
	if err != nil {
		return err
	}
	defer st.Close()
	b, err := nf.connect(ctx, "place")
	if err != nil {
		return err
	}
	defer b.Close()
	return storyWriter(ctx, st, b, "place", *reportEvery, stdio)
}
