package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"parallax/internal/feeds"
	"parallax/internal/store"
)

func runFeeds(ctx context.Context, args []string, stdio Stdio) error {
	subs := map[string]func(context.Context, []string, Stdio) error{
		"add": runFeedsAdd, "list": runFeedsList, "remove": runFeedsRemove, "export": runFeedsExport,
	}
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fmt.Fprintln(stdio.Out, feedsUsage)
		return nil
	}
	if len(args) == 0 || subs[args[0]] == nil {
		fmt.Fprintln(stdio.Err, feedsUsage)
		return fmt.Errorf("%w: feeds needs add, list, remove or export", ErrUsage)
	}
	return subs[args[0]](ctx, args[1:], stdio)
}

const feedsUsage = `Usage: parallax feeds add [--db PATH] [--allow-private] URL... | --opml FILE
       parallax feeds list [--db PATH] [--format table|json]
       parallax feeds remove [--db PATH] URL...
       parallax feeds export [--db PATH]   (OPML on stdout)
'parallax watch' checks the feeds and ingests their new entries.`

func runFeedsAdd(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("feeds add", "[--db PATH] [--allow-private] [--opml FILE] [URL...]", stdio)
	db := dbFlag(fs)
	opml := fs.String("opml", "", "add every feed of an OPML subscription list (- for stdin)")
	fs.Bool("allow-private", false, "let these feeds' links reach loopback, private and link-local addresses (intranet sites); on a followed feed, --allow-private=false withdraws it")
	if err := parse(fs, args); err != nil {
		return err
	}
	private := explicitBool(fs, "allow-private")
	if fs.NArg() == 0 && *opml == "" {
		return fmt.Errorf("%w: feeds add needs feed URLs or --opml FILE", ErrUsage)
	}
	toAdd := make([]feeds.Outline, 0, fs.NArg())
	for _, u := range fs.Args() {
		toAdd = append(toAdd, feeds.Outline{URL: u})
	}
	// A bad OPML file is one bad input: its line, then the URLs go on.
	opmlFailed := false
	if *opml != "" {
		outlines, err := readOPML(*opml, stdio.In)
		if err != nil {
			fmt.Fprintf(stdio.Err, "error: %v\n", err)
			opmlFailed = true
		}
		toAdd = append(toAdd, outlines...)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	err = addFeeds(ctx, st, toAdd, private, stdio)
	if err == nil && opmlFailed {
		err = fmt.Errorf("%w: the OPML file %s", errSomeFailed, *opml)
	}
	return err
}

func readOPML(path string, stdin io.Reader) ([]feeds.Outline, error) {
	in := stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err // *PathError names the path
		}
		defer f.Close()
		in = f
	}
	out, err := feeds.ParseOPML(in)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no feeds (no outline has an xmlUrl)", path)
	}
	return out, nil
}

// explicitBool is a boolean flag's value when the command line set it,
// else nil.
func explicitBool(fs *flag.FlagSet, name string) *bool {
	var v *bool
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			b := f.Value.String() == "true"
			v = &b
		}
	})
	return v
}

type feedAdder interface {
	AddFeed(ctx context.Context, url, title string) (bool, error)
	SetFeedAllowPrivate(ctx context.Context, url string, allow bool) error
}

// addFeeds adds each valid URL; a bad one is one error line and the rest
// go on. private, when set, is whether the feeds' links may reach private
// addresses, for feeds already followed too.
func addFeeds(ctx context.Context, st feedAdder, toAdd []feeds.Outline, private *bool, stdio Stdio) error {
	added, known, failed := 0, 0, 0
	for _, o := range toAdd {
		u, err := feedURL(o.URL)
		if err != nil {
			fmt.Fprintf(stdio.Err, "error: %s: %v\n", o.URL, err)
			failed++
			continue
		}
		ok, err := st.AddFeed(ctx, u, o.Title)
		if err == nil && private != nil {
			err = st.SetFeedAllowPrivate(ctx, u, *private)
		}
		if err != nil {
			return err
		}
		verb := "added   "
		if !ok {
			verb = "known   "
			known++
		} else {
			added++
		}
		fmt.Fprintf(stdio.Out, "%s %s%s\n", verb, u, privateNote(private))
	}
	fmt.Fprintf(stdio.Out, "%s added, %d already followed, %d failed\n", plural(added, "feed"), known, failed)
	if failed > 0 {
		return fmt.Errorf("%w: %d of %d feeds", errSomeFailed, failed, len(toAdd))
	}
	return nil
}

func privateNote(private *bool) string {
	switch {
	case private == nil:
		return ""
	case *private:
		return " (its links may reach private addresses)"
	}
	return " (its links must reach public addresses)"
}

// feedURL checks a feed URL is absolute http or https.
func feedURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", errors.New("not an http or https URL")
	}
	u.Fragment = ""
	return u.String(), nil
}

func runFeedsList(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("feeds list", "[--db PATH] [--format table|json]", stdio)
	db := dbFlag(fs)
	format := formatFlag(fs, "table", "table", "json")
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	subs, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	if *format == "json" {
		if subs == nil {
			subs = []feeds.Subscription{}
		}
		return writeJSON(stdio.Out, map[string]any{"feeds": subs})
	}
	tw := tabwriter.NewWriter(stdio.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "URL\tTITLE\tLINKS\tCHECKED\tLAST CHECK")
	for _, s := range subs {
		links := "public"
		if s.AllowPrivate {
			links = "any"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", s.URL, clip(s.Title, 40), links, checkedAt(s.CheckedAt), checkState(s))
	}
	return tw.Flush()
}

func checkedAt(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Local().Format("2006-01-02 15:04")
}

func checkState(s feeds.Subscription) string {
	switch {
	case s.CheckedAt.IsZero():
		return "-"
	case s.Error != "":
		return "error: " + clip(s.Error, 60)
	case s.Status == 304:
		return "not modified"
	}
	return fmt.Sprintf("ok (HTTP %d)", s.Status)
}

func runFeedsRemove(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("feeds remove", "[--db PATH] URL...", stdio)
	db := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: feeds remove needs feed URLs", ErrUsage)
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	failed := 0
	for _, u := range fs.Args() {
		err := st.RemoveFeed(ctx, strings.TrimSpace(u))
		switch {
		case errors.Is(err, store.ErrNotFound):
			fmt.Fprintf(stdio.Err, "error: %s: not a followed feed\n", u)
			failed++
		case err != nil:
			return err
		default:
			fmt.Fprintf(stdio.Out, "removed  %s\n", u)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d of %d feeds", errSomeFailed, failed, fs.NArg())
	}
	return nil
}

func runFeedsExport(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("feeds export", "[--db PATH]", stdio)
	db := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	subs, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	outlines := make([]feeds.Outline, 0, len(subs))
	for _, s := range subs {
		outlines = append(outlines, feeds.Outline{Title: s.Title, URL: s.URL})
	}
	return feeds.WriteOPML(stdio.Out, "Parallax feeds", outlines)
}
