package bus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"parallax/internal/pipeline"
	"parallax/internal/source"
)

// Work is the documents' queue as a worker sees it: the shared pull
// consumer on the docs stream, and the publishing of results and dead
// letters.
type Work struct {
	b        *Bus
	cons     jetstream.Consumer
	attempts jetstream.KeyValue
	worker   string // this worker, in dead letters: "worker pid 4120 on host w-2"
}

var _ pipeline.WorkQueue = (*Work)(nil)

// Work creates (or updates) the workers' consumer and returns the queue.
func (b *Bus) Work(ctx context.Context) (*Work, error) {
	cons, err := b.js.CreateOrUpdateConsumer(ctx, DocsStream, jetstream.ConsumerConfig{
		Durable: WorkersConsumer, AckPolicy: jetstream.AckExplicitPolicy, AckWait: b.cfg.AckWait,
		// Deliveries are counted by the worker, which dead-letters a
		// document that never finishes (pipeline.WorkOptions.MaxTries).
		MaxDeliver: -1, MaxAckPending: 20_000, MaxWaiting: 1024,
	})
	if err != nil {
		return nil, fmt.Errorf("consumer %s on %s: %w", WorkersConsumer, DocsStream, err)
	}
	kv, err := b.bucket(ctx, jetstream.KeyValueConfig{Bucket: AttemptsBucket, TTL: 7 * 24 * time.Hour})
	if err != nil {
		return nil, err
	}
	host, _ := os.Hostname()
	return &Work{b: b, cons: cons, attempts: kv, worker: fmt.Sprintf("worker pid %d on host %s", os.Getpid(), host)}, nil
}

// Attempt counts one more attempt on d alone, with compare-and-set so two
// workers counting at once both count.
func (w *Work) Attempt(ctx context.Context, d pipeline.Delivery) (int, error) {
	key := strconv.FormatInt(d.Seq(), 10)
	for {
		e, err := w.attempts.Get(ctx, key)
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			if _, err = w.attempts.Create(ctx, key, []byte("1")); err == nil {
				return 1, nil
			}
			if errors.Is(err, jetstream.ErrKeyExists) {
				continue
			}
		}
		if err != nil {
			return 0, fmt.Errorf("count attempts on document %d: %w", d.Seq(), err)
		}
		n, _ := strconv.Atoi(string(e.Value()))
		_, err = w.attempts.Update(ctx, key, []byte(strconv.Itoa(n+1)), e.Revision())
		if err == nil {
			return n + 1, nil
		}
		if !errors.Is(err, jetstream.ErrKeyRevisionMismatch) {
			return 0, fmt.Errorf("count attempts on document %d: %w", d.Seq(), err)
		}
	}
}

// TouchEvery is how often a worker should touch the documents in hand.
func (b *Bus) TouchEvery() time.Duration { return b.cfg.AckWait / 3 }

// fetchWait is how long one fetch waits for documents.
const fetchWait = time.Second

// Fetch waits up to a second for up to max documents.
func (w *Work) Fetch(ctx context.Context, max int) ([]pipeline.Delivery, error) {
	fctx, cancel := context.WithTimeout(ctx, fetchWait)
	defer cancel()
	batch, err := w.cons.Fetch(max, jetstream.FetchContext(fctx))
	if err != nil {
		return nil, err
	}
	var out []pipeline.Delivery
	for m := range batch.Messages() {
		md, err := m.Metadata()
		if err != nil {
			m.Term() // not a JetStream message: nothing to redeliver
			continue
		}
		out = append(out, &delivery{m: m, seq: int64(md.Sequence.Stream), tries: int(md.NumDelivered)})
	}
	if err := batch.Error(); err != nil && !quietEnd(err) && len(out) == 0 {
		return nil, err // with documents in hand, the next fetch tells
	}
	return out, nil
}

// quietEnd tells a fetch that ended for want of messages or time.
func quietEnd(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, nats.ErrTimeout) || errors.Is(err, jetstream.ErrNoMessages)
}

type delivery struct {
	m     jetstream.Msg
	seq   int64
	tries int
}

func (d *delivery) Seq() int64   { return d.seq }
func (d *delivery) Tries() int   { return d.tries }
func (d *delivery) Ack() error   { return d.m.Ack() }
func (d *delivery) Touch() error { return d.m.InProgress() }
func (d *delivery) Doc() (source.Doc, error) {
	return decodeDoc(d.m.Headers(), d.m.Data())
}

// DeadLetter is a document that failed for good, as kept on the dead
// stream: its position, where it came from, why, and the document itself.
type DeadLetter struct {
	Seq      int64     `json:"seq"`
	Source   string    `json:"source"`
	Error    string    `json:"error"`
	Tries    int       `json:"tries"`
	Worker   string    `json:"worker"`
	At       time.Time `json:"at"`
	Encoding string    `json:"encoding,omitempty"` // of Doc: "gzip" or ""
	Doc      []byte    `json:"doc,omitempty"`      // the queued message as it was
}

// Report publishes a result for each document (the story writer waits
// for every position in order) and a dead letter for each failure, and
// waits until the streams hold them all.
func (w *Work) Report(ctx context.Context, done []pipeline.Done) error {
	var ms []*nats.Msg
	for _, d := range done {
		r := pipeline.Result{Seq: d.Delivery.Seq(), ArticleID: d.ArticleID, Source: d.Source}
		if d.Err != nil {
			r.Error = d.Err.Error()
			dm, err := w.deadMessage(d, r)
			if err != nil {
				return err
			}
			ms = append(ms, dm)
		}
		m, err := jsonMessage(StoredSubject, "result-"+strconv.FormatInt(r.Seq, 10), r)
		if err != nil {
			return err
		}
		ms = append(ms, m)
	}
	return w.b.publishAll(ctx, ms)
}

func (w *Work) deadMessage(d pipeline.Done, r pipeline.Result) (*nats.Msg, error) {
	dl := DeadLetter{Seq: r.Seq, Source: r.Source, Error: r.Error, Tries: d.Delivery.Tries(), Worker: w.worker, At: time.Now().UTC()}
	if dd, ok := d.Delivery.(*delivery); ok {
		dl.Doc, dl.Encoding = dd.m.Data(), dd.m.Headers().Get(encodingHeader)
		if dl.Source == "" {
			dl.Source = dd.m.Headers().Get(sourceHeader)
		}
	}
	return jsonMessage(DeadSubject, "dead-"+strconv.FormatInt(r.Seq, 10), dl)
}

// jsonMessage encodes v as a message with a Nats-Msg-Id.
func jsonMessage(subject, id string, v any) (*nats.Msg, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode for %s: %w", subject, err)
	}
	m := nats.NewMsg(subject)
	m.Header.Set(nats.MsgIdHdr, id)
	m.Data = b
	return m, nil
}
