package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"parallax/internal/model"
	"parallax/internal/outlets"
	"parallax/internal/store"
	"parallax/internal/web"
)

// selection is which stories an export of articles covers: one story, or
// the stories a list's filters give.
type selection struct {
	story                                         *int64
	sortBy, outlet, since, until, text, blindspot string
}

func addSelectionFlags(fs *flag.FlagSet) *selection {
	s := &selection{story: fs.Int64("story", 0, "export this story's articles, one row each")}
	fs.StringVar(&s.text, "text", "", "export the articles of the stories with these words")
	fs.StringVar(&s.outlet, "outlet", "", "… of the stories this outlet covers")
	fs.StringVar(&s.since, "since", "", "… last published on or after this day (2006-01-02)")
	fs.StringVar(&s.until, "until", "", "… first published on or before this day")
	fs.StringVar(&s.blindspot, "blindspot", "", "… covered by one value of an outlet attribute (country, country=FR)")
	s.sortBy = "coverage"
	return s
}

func (s *selection) chosen() bool {
	return *s.story != 0 || s.text != "" || s.outlet != "" || s.since != "" || s.until != "" || s.blindspot != ""
}

// exportCoverage writes one row per article of the selected stories, with
// its outlet's registry attributes, as CSV or JSON (docs/export.md).
func exportCoverage(ctx context.Context, st Store, sel *selection, format, out string, stdio Stdio) error {
	reg, err := st.RegisteredOutlets(ctx)
	if err != nil {
		return err
	}
	idx := outlets.NewIndex(reg)
	stories, err := selectStories(ctx, st, sel, idx)
	if err != nil {
		return err
	}
	refs, err := st.StoryArticleRefs(ctx, store.StoryIDs(stories))
	if err != nil {
		return err
	}
	rows := web.CoverageRows(stories, refs, idx)
	write := func(w io.Writer) error {
		if format == "csv" {
			return web.WriteCoverageCSV(w, rows, idx)
		}
		return writeJSON(w, map[string]any{"articles": nonNilSlice(rows)})
	}
	if out == "" {
		return write(stdio.Out)
	}
	return writeFileAtomic(out, write)
}

func selectStories(ctx context.Context, st Store, sel *selection, idx *outlets.Index) ([]model.Story, error) {
	if id := *sel.story; id != 0 {
		if id < 0 || sel.text != "" || sel.outlet != "" || sel.since != "" || sel.until != "" || sel.blindspot != "" {
			return nil, fmt.Errorf("%w: --story takes a positive story ID and no other filter", ErrUsage)
		}
		s, err := st.Story(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return nil, fmt.Errorf("no story %d in %s", id, st.Path())
		}
		if r, _, err := st.Report(ctx, id); err == nil {
			s = reportTitled(s, r)
		}
		return []model.Story{s}, err
	}
	q, spot, err := storyQuery(sel.sortBy, sel.outlet, sel.since, sel.until, sel.text, sel.blindspot)
	if err != nil {
		return nil, err
	}
	if spot != nil {
		q.Keep = func(s model.Story) bool { return spot.Keep(s.Outlets, idx) }
	}
	return st.Stories(ctx, q)
}
