// Package bus carries Parallax's distributed work over NATS JetStream: the
// streams, subjects and consumers (created on start, idempotently), the
// messages on them, and the three sides of the work: publishers queueing
// documents, workers taking them and reporting what became of each, and
// the story writer reading those reports in queue order. docs/DEPLOY.md
// lists the names; docs/ARCHITECTURE.md tells the flow.
package bus

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// The names Parallax creates and uses (docs/DEPLOY.md).
const (
	// DocsStream holds queued documents until a worker has finished each
	// (work-queue retention): the queue in front of the workers.
	DocsStream  = "PARALLAX_DOCS"
	DocsSubject = "parallax.docs"
	// WorkersConsumer is the one pull consumer every worker shares.
	WorkersConsumer = "workers"
	// StoredStream holds the workers' reports ("article stored", or
	// failed) until the story writer has placed them: the queue in front
	// of the writer.
	StoredStream  = "PARALLAX_STORED"
	StoredSubject = "parallax.stored"
	// WriterConsumer is the story writer's pull consumer, recreated by
	// each writer that takes over.
	WriterConsumer = "writer"
	// DeadStream keeps documents that failed for good, with their error.
	DeadStream  = "PARALLAX_DEAD"
	DeadSubject = "parallax.dead"
	// WriterBucket is a key-value bucket holding how far in the queue the
	// story writer has placed (key "placed"), written with compare-and-set.
	WriterBucket = "parallax_writer"
	placedKey    = "placed"
	// AttemptsBucket counts, per queue position, the times a redelivered
	// document was worked on alone (entries expire after a week).
	AttemptsBucket = "parallax_attempts"
	// PlacedSubject carries a plain (not stored) notice after each
	// commit of the story writer: how far it has placed, and when.
	PlacedSubject = "parallax.placed"
)

// Config says where the bus is and how the streams are made.
type Config struct {
	URL  string // nats://host:4222, or several separated by commas
	Name string // this client's name, as the server lists it
	// Replicas of the streams created (3 on a NATS cluster of three);
	// streams that exist are left as they are. 0 means 1.
	Replicas int
	// AckWait is how long a worker may hold a document without a sign of
	// life before the queue hands it to another (workers touch theirs
	// every AckWait/3). 0 means 30s.
	AckWait time.Duration
	// Dedup is the window within which a document queued twice is kept
	// once (by its Nats-Msg-Id). 0 means 10m.
	Dedup time.Duration
}

func (c Config) withDefaults() Config {
	if c.Replicas <= 0 {
		c.Replicas = 1
	}
	if c.AckWait <= 0 {
		c.AckWait = 30 * time.Second
	}
	if c.Dedup <= 0 {
		c.Dedup = 10 * time.Minute
	}
	return c
}

// Bus is a connection to NATS with Parallax's streams in place.
type Bus struct {
	nc  *nats.Conn
	js  jetstream.JetStream
	cfg Config
}

// Connect connects to the NATS servers at cfg.URL and creates the streams
// that are missing. The connection reconnects on its own for as long as
// the process runs (a server restart is waited out).
func Connect(ctx context.Context, cfg Config) (*Bus, error) {
	cfg = cfg.withDefaults()
	nc, err := nats.Connect(cfg.URL, nats.Name(cfg.Name), nats.MaxReconnects(-1),
		nats.ReconnectWait(250*time.Millisecond), nats.Timeout(5*time.Second))
	if err != nil {
		return nil, fmt.Errorf("connect to NATS %s: %w", Redact(cfg.URL), err)
	}
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(1024), jetstream.WithPublishAsyncTimeout(30*time.Second))
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("NATS %s: %w", Redact(cfg.URL), err)
	}
	b := &Bus{nc: nc, js: js, cfg: cfg}
	if err := b.ensureStreams(ctx); err != nil {
		nc.Close()
		return nil, fmt.Errorf("NATS %s: %w", Redact(cfg.URL), err)
	}
	return b, nil
}

// Close drains what is being published and closes the connection.
func (b *Bus) Close() {
	b.nc.Drain()
	b.nc.Close()
}

// URL names the servers for messages, without any password.
func (b *Bus) URL() string { return Redact(b.cfg.URL) }

// Redact hides the password of each URL in a list.
func Redact(urls string) string {
	parts := strings.Split(urls, ",")
	for i, p := range parts {
		if u, err := url.Parse(strings.TrimSpace(p)); err == nil && u.User != nil {
			if _, has := u.User.Password(); has {
				u.User = url.UserPassword(u.User.Username(), "xxxxx")
				parts[i] = u.String()
			}
		}
	}
	return strings.Join(parts, ",")
}

// ensureStreams creates each stream unless it exists. An existing stream
// keeps its configuration: an operator may have tuned its replicas or
// limits.
func (b *Bus) ensureStreams(ctx context.Context) error {
	queue := func(name, subject string) jetstream.StreamConfig {
		return jetstream.StreamConfig{Name: name, Subjects: []string{subject}, Retention: jetstream.WorkQueuePolicy,
			Storage: jetstream.FileStorage, Replicas: b.cfg.Replicas, Duplicates: b.cfg.Dedup}
	}
	dead := jetstream.StreamConfig{Name: DeadStream, Subjects: []string{DeadSubject}, Retention: jetstream.LimitsPolicy,
		Storage: jetstream.FileStorage, Replicas: b.cfg.Replicas, Duplicates: b.cfg.Dedup,
		MaxAge: 90 * 24 * time.Hour, MaxBytes: 1 << 30, Discard: jetstream.DiscardOld}
	for _, c := range []jetstream.StreamConfig{queue(DocsStream, DocsSubject), queue(StoredStream, StoredSubject), dead} {
		if _, err := b.js.CreateStream(ctx, c); err != nil && !errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			return fmt.Errorf("create stream %s: %w", c.Name, err)
		}
	}
	return nil
}
