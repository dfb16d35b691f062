package pipeline

import (
	"context"
	"fmt"

	"parallax/internal/source"
	"parallax/internal/store"
)

// Queue takes documents for distributed workers instead of extracting and
// storing them here (internal/bus keeps one over NATS JetStream).
type Queue interface {
	// Send queues d without waiting for the queue's answer; wait then
	// blocks until the queue holds it durably, giving its position (the
	// order the story writer will place it in) and whether the queue
	// already held the same document.
	Send(ctx context.Context, d source.Doc) (wait func() (seq int64, dup bool, err error), err error)
}

// sendWindow bounds the documents sent but not yet confirmed by the queue.
const sendWindow = 256

// sent is a document handed to the queue, or an input that failed before.
type sent struct {
	source string
	wait   func() (int64, bool, error)
	err    error
}

// enqueue reads every input under paths and sends each document to
// opt.Queue in input order, reporting each as queued (Outcome New),
// already queued (Unchanged) or failed. Nothing is extracted or stored
// here: the workers do it.
func enqueue(ctx context.Context, paths []string, opt Options) (Summary, error) {
	var sum Summary
	var window []sent
	done, seen := 0, 0
	settle := func(s sent) {
		done++
		ev := Event{Source: s.source, Err: s.err, Done: done, Seen: seen}
		if ev.Err == nil {
			var dup bool
			ev.Queued, dup, ev.Err = s.wait()
			ev.Outcome = store.New
			if dup {
				ev.Outcome = store.Unchanged
			}
		}
		if ev.Err != nil && s.err == nil {
			ev.Err = fmt.Errorf("%s: queue: %w", s.source, ev.Err)
		}
		sum.count(ev)
		if opt.OnEvent != nil {
			opt.OnEvent(ev)
		}
	}
	for d, err := range source.Read(ctx, paths, opt.Source) {
		if ctx.Err() != nil {
			break
		}
		if err == nil && (d.Kind == source.KindKnown || d.Kind == source.KindFileDone) {
			continue
		}
		seen++
		s := sent{source: d.Source, err: err}
		if err == nil {
			s.wait, s.err = opt.Queue.Send(ctx, d)
		}
		window = append(window, s)
		if len(window) >= sendWindow {
			settle(window[0])
			window = window[1:]
		}
	}
	for _, s := range window {
		settle(s)
	}
	return sum, ctx.Err()
}
