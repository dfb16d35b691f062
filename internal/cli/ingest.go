package cli

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/term"

	"parallax/internal/pipeline"
	"parallax/internal/source"
	"parallax/internal/store"
)

func runIngest(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("ingest", "[--db PATH] [--workers N] [--outlet NAME] [--force] [--nats URL] PATH|URL...", stdio)
	db := dbFlag(fs)
	workers := fs.Int("workers", 0, "extraction workers (default: one per CPU)")
	quiet := fs.Bool("quiet", false, "print only failures and the summary")
	force := fs.Bool("force", false, "read every file again, even one unchanged (same path, size and time) since an ingest stored all of it")
	outlet := fs.String("outlet", "", "name the outlet of every input (when pages do not say it)")
	net := addFetchFlags(fs) // for URL inputs; see watch.go
	profile := profileFlag(fs)
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
	stopProfile, err := startProfile(*profile)
	if err != nil {
		return err
	}
	defer stopProfile()
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
	if prog.tty {
		prog.total = countFiles(fs.Args()) // a bar that knows its end, when it can
	}
	opt := pipeline.Options{
		Workers: *workers,
		Source:  src,
		OnEvent: prog.event,
		Pages:   st, // a re-run asks for each page conditionally
		Outlet:  *outlet,
	}
	if !*force {
		opt.Inputs = st
	}
	sum, err := w.ingest(ctx, fs.Args(), opt)
	after := w.stories.Len()
	err = w.close(err)
	prog.finish()
	fmt.Fprintf(stdio.Out, "ingested %s into %s: %d new, %d updated, %d unchanged, %d failed; %s (%d new)\n",
		plural(sum.Total(), "input"), st.Path(), sum.New, sum.Updated, sum.Unchanged, sum.Failed, plural(after, "story"), after-before)
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
	total int // files counted before the run; 0: unknown
	start time.Time
}

func newProgress(w io.Writer, quiet bool) *progress {
	p := &progress{w: w, quiet: quiet, start: time.Now()}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
	}
	return p
}

func (p *progress) event(ev pipeline.Event) {
	if ev.Warning != "" {
		p.clear()
		fmt.Fprintf(p.w, "warning: %s: %s\n", ev.Source, ev.Warning)
	}
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
	total := max(ev.Seen, p.total) // a file of many records outgrows the count
	filled := width
	if total > 0 {
		filled = min(width, width*ev.Done/total)
	}
	name := ev.Source
	if len(name) > 30 {
		name = "…" + name[len(name)-29:]
	}
	rate := ""
	if secs := time.Since(p.start).Seconds(); secs > 1 && ev.Done > 0 {
		perSec := float64(ev.Done) / secs
		rate = fmt.Sprintf(" %.1f/s", perSec)
		if p.total > 0 && total > ev.Done {
			rate += fmt.Sprintf(", %s left", (time.Duration(float64(total-ev.Done)/perSec) * time.Second).Round(time.Second))
		}
	}
	fmt.Fprintf(p.w, "\r\x1b[K[%s%s] %d/%d%s %s", strings.Repeat("█", filled), strings.Repeat("·", width-filled), ev.Done, total, rate, name)
	p.drawn = true
}

// countFiles counts the files under paths as ingest reads them (hidden
// names skipped), or returns 0 when an input is not a file or directory
// (stdin, a URL) or there are too many to count quickly.
func countFiles(paths []string) int {
	const most = 1_000_000
	n := 0
	for _, root := range paths {
		if root == "-" || strings.Contains(root, "://") {
			return 0
		}
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				n++
			}
			if n > most {
				return fs.SkipAll
			}
			return nil
		})
		if err != nil || n > most {
			return 0
		}
	}
	return n
}

func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

func (p *progress) finish() { p.clear() }

// plural says n things: "1 story", "2 stories", "3 outlets".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") && !strings.HasSuffix(noun, "ey") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
