package bus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// stallCheck is how long the report at the head of the writer's order may
// be awaited before the writer looks why.
const stallCheck = 5 * time.Second

// checkStall looks why the report at next is not coming. When the server
// counts more reports delivered than this writer holds, some were lost on
// the way (a connection dropped with them): the consumer is made again
// and every unacked report comes again at once, rather than after the
// ack wait. When the document left the docs stream with no report to
// follow (an operator purged the stream, say), its position is passed
// over: without this the writer would wait for it forever.
func (r *Results) checkStall(ctx context.Context) error {
	if r.stalled.IsZero() {
		r.stalled = time.Now()
		return nil
	}
	if time.Since(r.stalled) < stallCheck {
		return nil
	}
	r.stalled = time.Now()
	ci, err := r.cons.Info(ctx)
	if err != nil {
		return err
	}
	if ci.NumAckPending > len(r.early)+len(r.handed) {
		clear(r.early)
		return r.openConsumer(ctx)
	}
	lost, err := r.lost(ctx, r.next, ci)
	if err != nil || !lost {
		return err
	}
	r.note(fmt.Sprintf("queue position %d left %s without a report (purged?); placing on without it", r.next, DocsStream))
	r.next++
	return nil
}

// lost reports that the document at pos was queued, is no longer, and no
// report of it waits: a worker publishes its report before it acks the
// document, so a finished document's report is pending on the writer's
// consumer or already held here.
func (r *Results) lost(ctx context.Context, pos int64, ci *jetstream.ConsumerInfo) (bool, error) {
	docs, err := r.b.js.Stream(ctx, DocsStream)
	if err != nil {
		return false, err
	}
	if uint64(pos) > docs.CachedInfo().State.LastSeq {
		return false, nil // not queued yet: the writer is just idle
	}
	if _, err := docs.GetMsg(ctx, uint64(pos)); !errors.Is(err, jetstream.ErrMsgNotFound) {
		return false, err // nil: still queued or in a worker's hands
	}
	_, held := r.early[pos]
	return !held && ci.NumPending == 0 && ci.NumAckPending <= len(r.early), nil
}

// Quiet reports that no document is queued or in a worker's hands and no
// report waits for the writer.
func (r *Results) Quiet(ctx context.Context) (bool, error) {
	if len(r.early) > 0 || len(r.handed) > 0 {
		return false, nil
	}
	d, err := r.b.Depths(ctx)
	if err != nil {
		return false, nil // not known to be quiet
	}
	return d.Docs == 0 && d.Reports == 0, nil
}

// Depths is how much work waits where.
type Depths struct {
	Docs    uint64 `json:"queued_documents"`   // queued or in a worker's hands
	Reports uint64 `json:"reports_for_writer"` // waiting for the story writer
	Dead    uint64 `json:"dead_letters"`
	LastDoc uint64 `json:"documents_ever_queued"` // the docs stream's last position
	Placed  int64  `json:"placed_through"`        // the writer has placed every position up to this one
}

// Depths reads the streams' states and the writer's position.
func (b *Bus) Depths(ctx context.Context) (Depths, error) {
	var d Depths
	for _, s := range []struct {
		name       string
		msgs, last *uint64
	}{{DocsStream, &d.Docs, &d.LastDoc}, {StoredStream, &d.Reports, nil}, {DeadStream, &d.Dead, nil}} {
		st, err := b.js.Stream(ctx, s.name)
		if err != nil {
			return d, fmt.Errorf("stream %s: %w", s.name, err)
		}
		info := st.CachedInfo()
		*s.msgs = info.State.Msgs
		if s.last != nil {
			*s.last = info.State.LastSeq
		}
	}
	kv, err := b.js.KeyValue(ctx, WriterBucket)
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		return d, nil
	}
	if err != nil {
		return d, fmt.Errorf("bucket %s: %w", WriterBucket, err)
	}
	e, err := kv.Get(ctx, placedKey)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return d, nil
	}
	if err != nil {
		return d, fmt.Errorf("bucket %s: %w", WriterBucket, err)
	}
	var m placedMark
	if err := json.Unmarshal(e.Value(), &m); err != nil {
		return d, fmt.Errorf("bucket %s: %w", WriterBucket, err)
	}
	d.Placed = m.Through
	return d, nil
}

// DeadLetters returns the newest n dead letters, oldest first, without
// their documents.
func (b *Bus) DeadLetters(ctx context.Context, n int) ([]DeadLetter, error) {
	st, err := b.js.Stream(ctx, DeadStream)
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", DeadStream, err)
	}
	state := st.CachedInfo().State
	var out []DeadLetter
	for seq := state.LastSeq; seq >= max(state.FirstSeq, 1) && seq > 0 && len(out) < n; seq-- {
		m, err := st.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("stream %s: %w", DeadStream, err)
		}
		var dl DeadLetter
		if json.Unmarshal(m.Data, &dl) == nil {
			dl.Doc = nil
			out = append(out, dl)
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}
