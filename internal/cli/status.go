package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"parallax/internal/bus"
	"parallax/internal/store"
)

// statusReport is what `parallax status` says of a store.
type statusReport struct {
	Store string `json:"store"`
	store.Status
	Problems []string     `json:"problems,omitempty"`
	Repaired *repairs     `json:"repaired,omitempty"`
	Queue    *queueStatus `json:"queue,omitempty"`
}

// queueStatus is the distributed queue's state (status --nats).
type queueStatus struct {
	URL string `json:"url"`
	bus.Depths
	DeadLetters []bus.DeadLetter `json:"last_dead_letters,omitempty"`
}

// deadShown is how many of the newest dead letters status lists.
const deadShown = 5

type repairs struct {
	Placed  int `json:"placed"`
	Reports int `json:"reports"`
}

func runStatus(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("status", "[--db PATH] [--format text|json] [--check] [--repair] [--nats URL]", stdio)
	db := dbFlag(fs)
	format := formatFlag(fs, "text", "text", "json")
	check := fs.Bool("check", false, "also verify the store's integrity (exit status 1 when a problem is found)")
	repair := fs.Bool("repair", false, "take the writer lease and finish what a dead writer left: place unplaced articles, build pending reports")
	nf := addNATSFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: status takes no arguments", ErrUsage)
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	rep := statusReport{Store: st.Path()}
	if *repair {
		if rep.Repaired, err = repairStore(ctx, st, stdio); err != nil {
			return err
		}
	}
	if rep.Status, err = st.Status(ctx); err != nil {
		return err
	}
	if *check {
		if rep.Problems, err = st.Check(ctx); err != nil {
			return err
		}
	}
	if nf.value() != "" {
		if rep.Queue, err = readQueue(ctx, nf); err != nil {
			return err
		}
	}
	if *format == "json" {
		enc := json.NewEncoder(stdio.Out)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	} else {
		err = printStatus(stdio, rep, *check)
	}
	if err == nil && len(rep.Problems) > 0 {
		err = fmt.Errorf("%w: %d integrity problems in %s", errSomeFailed, len(rep.Problems), st.Path())
	}
	return err
}

// readQueue reads how much work waits where in the distributed queue, and
// the newest dead letters.
func readQueue(ctx context.Context, nf *natsFlags) (*queueStatus, error) {
	b, err := nf.connect(ctx, "status")
	if err != nil {
		return nil, err
	}
	defer b.Close()
	q := &queueStatus{URL: b.URL()}
	if q.Depths, err = b.Depths(ctx); err != nil {
		return nil, err
	}
	if q.DeadLetters, err = b.DeadLetters(ctx, deadShown); err != nil {
		return nil, err
	}
	return q, nil
}

// repairStore places what is unplaced (loading the stories does) and
// builds every pending report, under the writer lease.
func repairStore(ctx context.Context, st Store, stdio Stdio) (*repairs, error) {
	before, err := st.Status(ctx)
	if err != nil {
		return nil, err
	}
	w, err := openWriter(ctx, st, "status --repair", stdio.Err)
	if err != nil {
		return nil, err
	}
	n, err := w.buildPending(ctx)
	if err = w.close(err); err != nil {
		return nil, err
	}
	return &repairs{Placed: before.Unplaced, Reports: n}, nil
}

func printStatus(stdio Stdio, r statusReport, checked bool) error {
	w := stdio.Out
	fmt.Fprintf(w, "store:            %s\n", r.Store)
	fmt.Fprintf(w, "articles:         %d (%d not yet placed in a story)\n", r.Articles, r.Unplaced)
	fmt.Fprintf(w, "stories:          %d (%d with a report, %s pending)\n", r.Stories, r.Reports, plural(r.PendingReports, "report"))
	fmt.Fprintf(w, "placements:       %d, clusterer checkpoint at %d\n", r.LastSeq, r.CheckpointSeq)
	if r.Writer.Held {
		fmt.Fprintf(w, "writer:           %s\n", r.Writer.Holder)
	} else {
		fmt.Fprintf(w, "writer:           none\n")
	}
	if r.Repaired != nil {
		fmt.Fprintf(w, "repaired:         %s placed, %s built\n", plural(r.Repaired.Placed, "article"), plural(r.Repaired.Reports, "report"))
	}
	if !r.Writer.Held && (r.Unplaced > 0 || r.PendingReports > 0) {
		fmt.Fprintf(w, "work left:        the next ingest, watch round or serve start finishes it (or: parallax status --repair)\n")
	}
	if q := r.Queue; q != nil {
		printQueue(w, q)
	}
	if checked {
		if len(r.Problems) == 0 {
			fmt.Fprintf(w, "integrity:        ok\n")
		}
		for _, p := range r.Problems {
			fmt.Fprintf(w, "integrity:        %s\n", p)
		}
	}
	return nil
}

func printQueue(w io.Writer, q *queueStatus) {
	fmt.Fprintf(w, "queue:            %s\n", q.URL)
	fmt.Fprintf(w, "  documents:      %d queued or at a worker (%d ever queued)\n", q.Docs, q.LastDoc)
	fmt.Fprintf(w, "  story writer:   %d reports waiting; placed through document %d\n", q.Reports, q.Placed)
	fmt.Fprintf(w, "  dead letters:   %d\n", q.Dead)
	for _, d := range q.DeadLetters {
		fmt.Fprintf(w, "    document %d at %s (delivered %d times): %s\n", d.Seq, d.At.Format(time.RFC3339), d.Tries, d.Error)
	}
}
