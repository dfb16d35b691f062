package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"parallax/internal/pipeline"
	"parallax/internal/source"
	"parallax/internal/store"
)

func runIngest(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("ingest", "[--db PATH] [--workers N] [--nats URL] PATH|URL...", stdio)
	db := dbFlag(fs)
	workers := fs.Int("workers", 0, "extraction workers (default: one per CPU)")
	quiet := fs.Bool("quiet", false, "print only failures and the summary")
	force := fs.Bool("force", false, "read every file again, even one unchanged (same path, size and time) since an ingest stored all of it")
	net := addFetchFlags(fs) // for URL inputs; see watch.go
	nf := addNATSFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: ingest needs at least one path (a file, a directory or -)", ErrUsage)
	}
	fetcher, err := net.fetcher()
	if err != nil {
		return err
	}
	src := source.Options{Stdin: stdio.In, NetOptions: source.NetOptions{Fetcher: fetcher}}
	if nf.value() != "" {
		return queueInputs(ctx, fs.Args(), nf, src, *quiet, stdio)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	w, err := openWriter(ctx, st, "ingest", stdio.Err)
	if err != nil {
		return err
	}
	before := w.stories.Len()
	prog := newProgress(stdio.Err, *quiet)
	opt := pipeline.Options{
		Workers: *workers,
		Source:  src,
		OnEvent: prog.event,
	}
	if !*force {
		opt.Inputs = st
	}
	sum, err := w.ingest(ctx, fs.Args(), opt)
	after := w.stories.Len()
	err = w.close(err)
	prog.finish()
	fmt.Fprintf(stdio.Out, "ingested %d inputs into %s: %d new, %d updated, %d unchanged, %d failed; %d stories (%d new)\n",
		sum.Total(), st.Path(), sum.New, sum.Updated, sum.Unchanged, sum.Failed, after, after-before)
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%w: %d of %d inputs", errSomeFailed, sum.Failed, sum.Total())
	}
	return nil
}

// queueInputs is ingest --nats: each document is queued for the workers,
// in input order; no store is opened here.
func queueInputs(ctx context.Context, paths []string, nf *natsFlags, src source.Options, quiet bool, stdio Stdio) error {
	b, err := nf.connect(ctx, "ingest")
	if err != nil {
		return err
	}
	defer b.Close()
	prog := newProgress(stdio.Err, quiet)
	sum, err := pipeline.Ingest(ctx, paths, nil, pipeline.Options{Source: src, Queue: b, OnEvent: prog.event})
	prog.finish()
	fmt.Fprintf(stdio.Out, "queued %d inputs on %s: %d queued, %d already queued, %d failed\n",
		sum.Total(), b.URL(), sum.New, sum.Unchanged, sum.Failed)
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%w: %d of %d inputs", errSomeFailed, sum.Failed, sum.Total())
	}
	return nil
}

// progress shows a bar on a terminal and plain lines otherwise. Failures
// are always one line each, naming the input and the reason.
type progress struct {
	w     io.Writer
	tty   bool
	quiet bool
	drawn bool
}

func newProgress(w io.Writer, quiet bool) *progress {
	p := &progress{w: w, quiet: quiet}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
	}
	return p
}

func (p *progress) event(ev pipeline.Event) {
	if ev.Err != nil {
		p.clear()
		fmt.Fprintf(p.w, "error: %v\n", ev.Err)
	} else if !p.tty && !p.quiet && ev.Skipped > 0 {
		fmt.Fprintf(p.w, "%-9s %s (file unchanged since it was ingested: %s not read again)\n", ev.Outcome, ev.Source, plural(ev.Skipped, "document"))
	} else if !p.tty && !p.quiet && ev.Queued != 0 {
		fmt.Fprintf(p.w, "queued    document %d %s%s\n", ev.Queued, ev.Source, alreadyQueued(ev))
	} else if !p.tty && !p.quiet {
		fmt.Fprintf(p.w, "%-9s article %d%s %s\n", ev.Outcome, ev.ID, placement(ev), ev.Source)
	}
	if p.tty {
		p.draw(ev)
	}
}

func alreadyQueued(ev pipeline.Event) string {
	if ev.Outcome == store.Unchanged {
		return " (already queued)"
	}
	return ""
}

func placement(ev pipeline.Event) string {
	switch {
	case ev.StoryID == 0:
		return ""
	case ev.Dup != 0:
		return fmt.Sprintf(" story %d (copy of %d)", ev.StoryID, ev.Dup)
	}
	return fmt.Sprintf(" story %d", ev.StoryID)
}

func (p *progress) draw(ev pipeline.Event) {
	const width = 30
	filled := width
	if ev.Seen > 0 {
		filled = width * ev.Done / ev.Seen
	}
	name := ev.Source
	if len(name) > 40 {
		name = "…" + name[len(name)-39:]
	}
	fmt.Fprintf(p.w, "\r\x1b[K[%s%s] %d/%d %s", strings.Repeat("█", filled), strings.Repeat("·", width-filled), ev.Done, ev.Seen, name)
	p.drawn = true
}

func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

func (p *progress) finish() { p.clear() }

// plural says n things, with the noun's plural made by adding "s".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
