package bus

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"parallax/internal/pipeline"
	"parallax/internal/source"
)

var _ pipeline.Queue = (*Bus)(nil)

// Send queues a document for the workers without waiting; wait gives its
// position in the queue once the stream holds it. A send that fails (the
// server was restarting, say) is sent again, once, synchronously and under
// the same Nats-Msg-Id, so it is never kept twice.
func (b *Bus) Send(ctx context.Context, d source.Doc) (func() (int64, bool, error), error) {
	m, err := docMessage(d)
	if err != nil {
		return nil, err
	}
	f, err := b.js.PublishMsgAsync(m)
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	return func() (int64, bool, error) {
		select {
		case ack := <-f.Ok():
			return int64(ack.Sequence), ack.Duplicate, nil
		case <-f.Err():
			return b.resend(ctx, m)
		}
	}, nil
}

// resend publishes m again and waits for the stream's answer.
func (b *Bus) resend(ctx context.Context, m *nats.Msg) (int64, bool, error) {
	again := nats.NewMsg(m.Subject)
	again.Header, again.Data = m.Header, m.Data
	ack, err := b.js.PublishMsg(ctx, again, jetstream.WithRetryAttempts(20), jetstream.WithRetryWait(500*time.Millisecond))
	if err != nil {
		return 0, false, err
	}
	return int64(ack.Sequence), ack.Duplicate, nil
}

// publishAll publishes messages asynchronously and waits for every
// answer; the first failure is returned (the caller publishes them all
// again: their Nats-Msg-Ids keep each once).
func (b *Bus) publishAll(ctx context.Context, ms []*nats.Msg) error {
	fs := make([]jetstream.PubAckFuture, 0, len(ms))
	for _, m := range ms {
		f, err := b.js.PublishMsgAsync(m)
		if err != nil {
			return fmt.Errorf("publish to %s: %w", m.Subject, err)
		}
		fs = append(fs, f)
	}
	var first error
	for _, f := range fs {
		select {
		case <-f.Ok():
		case err := <-f.Err():
			if first == nil {
				first = fmt.Errorf("publish to %s: %w", f.Msg().Subject, err)
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return first
}
