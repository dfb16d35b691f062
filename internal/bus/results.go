package bus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"parallax/internal/pipeline"
	"parallax/internal/store"
)

// Results reads the workers' reports for the story writer in queue order:
// it hands out the report of position next, then next+1, …, holding
// reports that arrive early until their turn. How far the writer has
// placed is kept in the writer bucket, written with compare-and-set after
// each commit to the store and before the reports are acked: a writer that
// dies between the two finds the reports again and sees their articles
// placed. Each writer claims the bucket when it starts (so a writer that
// lost its lease cannot move it) and recreates its consumer (so the
// reports a dead writer held come back at once, not after an ack wait).
type Results struct {
	b      *Bus
	cons   jetstream.Consumer
	kv     jetstream.KeyValue
	mark   placedMark
	rev    uint64 // the bucket entry's revision this writer wrote last
	next   int64  // the queue position to hand out next
	early  map[int64]heldReport
	handed []jetstream.Msg // handed out, acked at Commit
	onNote func(string)
	// stalled is since when the report at next has been awaited in vain.
	stalled    time.Time
	lastOutage time.Time // the last failure to read, noted once a minute
}

type heldReport struct {
	r    pipeline.Result
	m    jetstream.Msg
	sseq uint64 // its own position in the stored stream
}

// placedMark is the writer bucket's value.
type placedMark struct {
	Through int64 `json:"through"` // every position up to this one is placed
	Epoch   int64 `json:"epoch"`   // the writer lease grant of the writer that wrote it
}

var _ pipeline.StoredFeed = (*Results)(nil)

// Results claims the reading of reports for the writer holding the
// store's lease grant epoch. onNote hears of anything a person should know.
func (b *Bus) Results(ctx context.Context, epoch int64, onNote func(string)) (*Results, error) {
	kv, err := b.bucket(ctx, jetstream.KeyValueConfig{Bucket: WriterBucket})
	if err != nil {
		return nil, err
	}
	r := &Results{b: b, kv: kv, early: map[int64]heldReport{}, onNote: onNote}
	if err := r.claim(ctx, epoch); err != nil {
		return nil, err
	}
	if err := r.openConsumer(ctx); err != nil {
		return nil, err
	}
	return r, nil
}

// openConsumer makes the writer's consumer anew: every report not acked
// is delivered again, from the first, at once.
func (r *Results) openConsumer(ctx context.Context) error {
	if err := r.b.js.DeleteConsumer(ctx, StoredStream, WriterConsumer); err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) {
		return fmt.Errorf("consumer %s on %s: %w", WriterConsumer, StoredStream, err)
	}
	cons, err := r.b.js.CreateConsumer(ctx, StoredStream, jetstream.ConsumerConfig{
		Durable: WriterConsumer, AckPolicy: jetstream.AckExplicitPolicy, AckWait: 10 * time.Minute,
		MaxDeliver: -1, MaxAckPending: -1,
	})
	if err != nil {
		return fmt.Errorf("consumer %s on %s: %w", WriterConsumer, StoredStream, err)
	}
	r.cons = cons
	return nil
}

// bucket creates a key-value bucket, or opens it when it exists.
func (b *Bus) bucket(ctx context.Context, cfg jetstream.KeyValueConfig) (jetstream.KeyValue, error) {
	cfg.Storage, cfg.Replicas = jetstream.FileStorage, b.cfg.Replicas
	kv, err := b.js.CreateKeyValue(ctx, cfg)
	if errors.Is(err, jetstream.ErrBucketExists) {
		kv, err = b.js.KeyValue(ctx, cfg.Bucket)
	}
	if err != nil {
		return nil, fmt.Errorf("bucket %s: %w", cfg.Bucket, err)
	}
	return kv, nil
}

// claim writes this writer's epoch into the bucket, refusing when a newer
// writer already has.
func (r *Results) claim(ctx context.Context, epoch int64) error {
	e, err := r.kv.Get(ctx, placedKey)
	switch {
	case errors.Is(err, jetstream.ErrKeyNotFound):
		r.mark = placedMark{Epoch: epoch}
		r.rev, err = r.kv.Create(ctx, placedKey, mustJSON(r.mark))
	case err == nil:
		if err = json.Unmarshal(e.Value(), &r.mark); err != nil {
			return fmt.Errorf("bucket %s: %w", WriterBucket, err)
		}
		if r.mark.Epoch > epoch {
			return fmt.Errorf("%w: writer %d moved the queue position", store.ErrLeaseLost, r.mark.Epoch)
		}
		r.mark.Epoch = epoch
		r.rev, err = r.kv.Update(ctx, placedKey, mustJSON(r.mark), e.Revision())
	}
	if err != nil {
		return fmt.Errorf("%w: claim the queue position: %v", store.ErrLeaseLost, err)
	}
	r.next = r.mark.Through + 1
	return nil
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// reportBatch is how many reports one fetch asks for.
const reportBatch = 256

// Next hands out up to max reports in queue order, waiting up to wait for
// the first.
func (r *Results) Next(ctx context.Context, max int, wait time.Duration) ([]pipeline.Result, error) {
	var out []pipeline.Result
	deadline := time.Now().Add(wait)
	for len(out) < max {
		if h, ok := r.early[r.next]; ok {
			delete(r.early, r.next)
			out, r.handed = append(out, h.r), append(r.handed, h.m)
			r.next++
			r.stalled = time.Time{}
			continue
		}
		left := time.Until(deadline)
		if len(out) > 0 {
			left = 0 // hand out what is ready rather than wait for more
		}
		n, err := r.fetch(ctx, left)
		if err != nil {
			return out, r.outage(ctx, err)
		}
		if n == 0 && (left <= 0 || time.Now().After(deadline)) {
			break
		}
	}
	if len(out) == 0 {
		if err := r.checkStall(ctx); err != nil {
			return nil, r.outage(ctx, err)
		}
	}
	return out, nil
}

// outage turns a failure to read into a pause: the connection comes back
// on its own (a server restarting, a network cut). Only a consumer
// deleted under this writer, which means another writer took over, or
// the end of ctx, ends the reading.
func (r *Results) outage(ctx context.Context, err error) error {
	if ctx.Err() != nil || errors.Is(err, jetstream.ErrConsumerDeleted) {
		return err
	}
	if time.Since(r.lastOutage) > time.Minute {
		r.note(fmt.Sprintf("waiting for NATS: %v", err))
	}
	r.lastOutage = time.Now()
	sleepCtx(ctx, 250*time.Millisecond)
	return nil
}

func sleepCtx(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// fetch reads reports, waiting up to wait (not at all when 0), and files
// each by its queue position.
func (r *Results) fetch(ctx context.Context, wait time.Duration) (int, error) {
	var batch jetstream.MessageBatch
	var err error
	if wait < 10*time.Millisecond {
		batch, err = r.cons.FetchNoWait(reportBatch)
	} else {
		fctx, cancel := context.WithTimeout(ctx, wait)
		defer cancel()
		batch, err = r.cons.Fetch(reportBatch, jetstream.FetchContext(fctx))
	}
	if err != nil {
		return 0, fmt.Errorf("read reports: %w", err)
	}
	n := 0
	for m := range batch.Messages() {
		n++
		r.file(m)
	}
	if err := batch.Error(); err != nil && !quietEnd(err) {
		return n, fmt.Errorf("read reports: %w", err)
	}
	return n, ctx.Err()
}

// file keeps a report for its turn. A report for a position already
// placed (its ack was lost, or a worker reported a document twice) is
// acked at once; so is a second report for a position already held,
// unless it is the same stream message delivered again.
func (r *Results) file(m jetstream.Msg) {
	md, err := m.Metadata()
	if err != nil {
		return
	}
	var res pipeline.Result
	if err := json.Unmarshal(m.Data(), &res); err != nil || res.Seq <= 0 {
		r.note(fmt.Sprintf("report %d on %s is not a report; dropped", md.Sequence.Stream, StoredStream))
		m.Term()
		return
	}
	if res.Seq < r.next {
		m.Ack()
		return
	}
	if h, ok := r.early[res.Seq]; ok {
		if h.sseq == md.Sequence.Stream {
			h.m = m
			r.early[res.Seq] = h
		} else {
			m.Ack()
		}
		return
	}
	r.early[res.Seq] = heldReport{r: res, m: m, sseq: md.Sequence.Stream}
}

func (r *Results) note(s string) {
	if r.onNote != nil {
		r.onNote(s)
	}
}

// Commit records that every report handed out is placed (the caller wrote
// the placements), then acks them and tells whoever listens on
// PlacedSubject.
func (r *Results) Commit(ctx context.Context) error {
	if len(r.handed) == 0 {
		return nil
	}
	mark := placedMark{Through: r.next - 1, Epoch: r.mark.Epoch}
	rev, err := r.writeMark(ctx, mark)
	if err != nil {
		return err
	}
	r.mark, r.rev = mark, rev
	for _, m := range r.handed {
		m.Ack() // a lost ack is a report seen again, and acked then
	}
	r.handed = r.handed[:0]
	notice, _ := json.Marshal(PlacedNotice{Through: mark.Through, At: time.Now().UnixNano()})
	r.b.nc.Publish(PlacedSubject, notice)
	return nil
}

// writeMark moves the queue position with compare-and-set on the
// revision this writer wrote last, retrying while NATS is away. A
// conflict means another writer claimed the position, unless the entry
// holds exactly this mark (the write went through, its answer was lost).
func (r *Results) writeMark(ctx context.Context, mark placedMark) (uint64, error) {
	for {
		rev, err := r.kv.Update(ctx, placedKey, mustJSON(mark), r.rev)
		if err == nil {
			return rev, nil
		}
		if errors.Is(err, jetstream.ErrKeyRevisionMismatch) {
			if e, gerr := r.kv.Get(ctx, placedKey); gerr == nil && string(e.Value()) == string(mustJSON(mark)) {
				return e.Revision(), nil
			}
			return 0, fmt.Errorf("%w: another writer moved the queue position", store.ErrLeaseLost)
		}
		if ctx.Err() != nil {
			return 0, err
		}
		if rerr := r.outage(ctx, err); rerr != nil {
			return 0, rerr
		}
	}
}

// PlacedNotice is what PlacedSubject carries.
type PlacedNotice struct {
	Through int64 `json:"through"` // every queue position up to this one is placed
	At      int64 `json:"at"`      // when, in Unix nanoseconds
}
