// Package cli holds parallax's subcommands: flags, output formats and the
// wiring of stages to a store. Exit codes are decided in main from the
// errors returned here.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// ErrUsage marks a command line that could not be understood.
var ErrUsage = errors.New("usage error")

// Stdio is where a command reads and writes.
type Stdio struct {
	In       io.Reader
	Out, Err io.Writer
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, io Stdio) error
}

func commands() []command {
	return []command{
		{"extract", "extract one input to a clean article on stdout (no store)", runExtract},
		{"ingest", "extract inputs (files, directories, -, URLs, WARC) and store them", runIngest},
		{"outlets", "the outlet registry: outlets add|edit|import FILE.csv|export|list|remove", runOutlets},
		{"feeds", "follow feeds: feeds add URL|--opml FILE, list, remove URL, export", runFeeds},
		{"watch", "check the followed feeds and ingest their new entries", runWatch},
		{"worker", "distributed: take queued documents from NATS, extract, enrich and store them (PostgreSQL)", runWorker},
		{"place", "distributed: the story writer, placing what the workers stored in queue order (a second one stands by)", runPlace},
		{"status", "what a store holds, who is writing to it and what work is left (--check, --repair)", runStatus},
		{"backup", "copy a SQLite store while it is in use (PostgreSQL: pg_dump)", runBackup},
		{"enrich", "re-run enrichment over the stored articles (after an upgrade) and rebuild the comparisons", runEnrich},
		{"articles", "list stored articles", runArticles},
		{"search", "full-text search over stored titles and bodies", runSearch},
		{"stories", "list stories, newest or most covered first", runStories},
		{"story", "one story's articles, grouped by outlet", runStory},
		{"storylines", "storylines (stories that continue one another), or one: its stories in time order", runStorylines},
		{"follow", "follow searches, entities or storylines: follow add|list|remove|events|deliveries", runFollow},
		{"serve", "serve the web interface and JSON API over the store", runServe},
		{"export", "write the store as JSON (articles and stories)", runExport},
		{"bench", "measure clustering on a generated stream; --write-jsonl FILE writes one; --serve URL loads a server; --distributed runs workers and a writer through NATS", runBench},
		{"eval", "score against labelled data: eval extract --gold FILE, eval clusters --labels FILE, eval quotes --gold FILE, eval entities --gold FILE", runEval},
	}
}

// Run runs the parallax command line args.
func Run(ctx context.Context, args []string, stdio Stdio) error {
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version" || args[0] == "version") {
		_, err := fmt.Fprintln(stdio.Out, "parallax", version())
		return err
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdio.Out)
		if len(args) == 0 {
			return fmt.Errorf("%w: no command given", ErrUsage)
		}
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			err := c.run(ctx, args[1:], stdio)
			if errors.Is(err, errHelp) {
				return nil
			}
			return err
		}
	}
	usage(stdio.Err)
	return fmt.Errorf("%w: unknown command %q", ErrUsage, args[0])
}

// Version is the release, set at build time with
// -ldflags "-X parallax/internal/cli.Version=v1.2.3"; without it the
// build's own record (the VCS revision) is shown.
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown version)"
	}
	v := info.Main.Version
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if rev != "" {
		v += fmt.Sprintf(" (revision %.12s%s)", rev, modified)
	}
	return v + " " + info.GoVersion
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Parallax groups news articles that report the same story and compares the outlets.")
	fmt.Fprintln(w, "\nUsage: parallax COMMAND [flags] [args]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'parallax COMMAND -h' for a command's flags; 'parallax --version' for the version.")
	fmt.Fprintln(w, "The store is --db, else $PARALLAX_DB, else ./parallax.db: a SQLite file, or a")
	fmt.Fprintln(w, "PostgreSQL server when the value starts with postgres:// or postgresql://.")
}

// newFlags makes a flag set that reports errors as usage errors instead of
// exiting.
func newFlags(name, synopsis string, stdio Stdio) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	fs.Usage = func() {
		fmt.Fprintf(stdio.Err, "Usage: parallax %s %s\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args, turning flag errors into usage errors. -h is not an
// error.
func parse(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return errHelp
	}
	if err != nil {
		return fmt.Errorf("%w: %v", ErrUsage, err)
	}
	return nil
}

// errHelp ends a command that only printed its help.
var errHelp = errors.New("help shown")

// formatFlag adds --format, refusing at parse time (a usage error) any
// value not in allowed.
func formatFlag(fs *flag.FlagSet, def string, allowed ...string) *string {
	c := &choice{value: def, allowed: allowed}
	fs.Var(c, "format", "output format: "+strings.Join(allowed, "|"))
	return &c.value
}

// choice is a flag value restricted to a fixed set.
type choice struct {
	value   string
	allowed []string
}

func (c *choice) String() string {
	if c == nil {
		return ""
	}
	return c.value
}

func (c *choice) Set(v string) error {
	for _, a := range c.allowed {
		if v == a {
			c.value = v
			return nil
		}
	}
	return fmt.Errorf("want one of %s", strings.Join(c.allowed, ", "))
}
