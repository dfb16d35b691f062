package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"parallax/internal/store"
	"parallax/internal/web"
)

// runStorylines lists storylines, or shows one: its stories in time order
// with the first line of each brief and what each adds.
func runStorylines(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("storylines", "[--db PATH] [--limit N] [--format table|json] [ID]", stdio)
	db := dbFlag(fs)
	limit := fs.Int("limit", 50, "list at most N storylines")
	format := formatFlag(fs, "table", "table", "json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return fmt.Errorf("%w: storylines takes at most one storyline ID", ErrUsage)
	}
	var id int64
	if fs.NArg() == 1 {
		n, err := strconv.ParseInt(fs.Arg(0), 10, 64)
		if err != nil || n <= 0 {
			return fmt.Errorf("%w: storyline ID %q is not a positive number", ErrUsage, fs.Arg(0))
		}
		id = n
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if id == 0 {
		return listStorylines(ctx, st, *limit, *format, stdio.Out)
	}
	steps, _, err := web.Storyline(ctx, st, id, 0, web.MaxStorylineStories)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no storyline %d in %s", id, st.Path())
	}
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(stdio.Out, map[string]any{"id": id, "stories": steps})
	}
	return writeStoryline(stdio.Out, id, steps)
}

func listStorylines(ctx context.Context, st Store, limit int, format string, w io.Writer) error {
	lines, err := st.Storylines(ctx, limit, 0)
	if err != nil {
		return err
	}
	if format == "json" {
		return writeJSON(w, map[string]any{"storylines": nonNilSlice(lines)})
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTORIES\tDAYS\tLATEST TITLE")
	for _, l := range lines {
		fmt.Fprintf(tw, "%d\t%d\t%s..%s\t%s\n", l.ID, l.Stories, orDash(l.First), orDash(l.Last), clip(l.Title, 80))
	}
	return tw.Flush()
}

func writeStoryline(w io.Writer, id int64, steps []web.StorylineStep) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Storyline %d: %d stories\n", id, len(steps))
	for i, s := range steps {
		fmt.Fprintf(&b, "\n%d. Story %d · %s · %s\n   %s\n", i+1, s.Story.ID, days(s.Story), strings.Join(s.Story.Outlets, ", "), s.Story.Title)
		if s.Brief != "" {
			fmt.Fprintf(&b, "   brief: %s\n", s.Brief)
		}
		for _, n := range s.New {
			fmt.Fprintf(&b, "   new: %s\n", n)
		}
		if len(s.NewNames) > 0 {
			var names []string
			for _, n := range s.NewNames {
				names = append(names, n.Name)
			}
			fmt.Fprintf(&b, "   new names: %s\n", strings.Join(names, ", "))
		}
		if len(s.NewOutlets) > 0 {
			fmt.Fprintf(&b, "   new outlets: %s\n", strings.Join(s.NewOutlets, ", "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
