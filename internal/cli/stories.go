package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"parallax/internal/compare"
	"parallax/internal/model"
	"parallax/internal/outlets"
	"parallax/internal/store"
	"parallax/internal/web"
)

func runStories(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("stories", "[--db PATH] [--sort newest|coverage] [--outlet NAME] [--since DAY] [--until DAY] [--text WORDS] [--blindspot ATTR[=VALUE]] [--limit N] [--format table|json]", stdio)
	db := dbFlag(fs)
	sortBy := fs.String("sort", "newest", "newest (last published first) or coverage (most outlets first)")
	outlet := fs.String("outlet", "", "only stories this outlet covers")
	since := fs.String("since", "", "only stories last published on or after this day (2006-01-02)")
	until := fs.String("until", "", "only stories first published on or before this day")
	text := fs.String("text", "", "only stories with an article matching these words")
	blindspot := fs.String("blindspot", "", "only stories covered by one value of an outlet attribute: country, or country=FR (two outlets or more, each with a value recorded)")
	limit := fs.Int("limit", 50, "show at most N stories (0: all)")
	format := formatFlag(fs, "table", "table", "json")
	if err := parse(fs, args); err != nil {
		return err
	}
	q, spot, err := storyQuery(*sortBy, *outlet, *since, *until, *text, *blindspot)
	if err != nil {
		return err
	}
	q.Limit = *limit
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	reg, err := st.RegisteredOutlets(ctx)
	if err != nil {
		return err
	}
	idx := outlets.NewIndex(reg)
	if spot != nil {
		q.Keep = func(s model.Story) bool { return spot.Keep(s.Outlets, idx) }
	}
	stories, err := st.Stories(ctx, q)
	if err != nil {
		return err
	}
	if err := reportTitles(ctx, st, stories); err != nil {
		return err
	}
	if *format == "json" {
		if stories == nil {
			stories = []model.Story{}
		}
		return writeJSON(stdio.Out, map[string]any{"stories": stories})
	}
	tw := tabwriter.NewWriter(stdio.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDAYS\tOUTLETS\tARTICLES\tLINE\tTITLE")
	for _, s := range stories {
		fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%d\t%s\n", s.ID, days(s), s.IndependentOutlets, len(s.ArticleIDs), s.StorylineID, clip(s.Title, 80))
	}
	return tw.Flush()
}

// storyQuery checks the filters of a story list (a usage error names the
// bad one) and makes its query.
func storyQuery(sortBy, outlet, since, until, text, blindspot string) (store.StoryQuery, *outlets.BlindSpot, error) {
	q := store.StoryQuery{Outlet: outlet, Since: since, Until: until, Text: text}
	switch sortBy {
	case "newest":
	case "coverage":
		q.Order = store.MostCovered
	default:
		return q, nil, fmt.Errorf("%w: --sort %q: want newest or coverage", ErrUsage, sortBy)
	}
	for _, d := range []struct{ name, value string }{{"since", since}, {"until", until}} {
		if _, err := time.Parse(time.DateOnly, d.value); d.value != "" && err != nil {
			return q, nil, fmt.Errorf("%w: --%s %q: want a day like 2026-03-10", ErrUsage, d.name, d.value)
		}
	}
	if blindspot == "" {
		return q, nil, nil
	}
	spot, err := outlets.ParseBlindSpot(blindspot)
	if err != nil {
		return q, nil, fmt.Errorf("%w: --blindspot: %v", ErrUsage, err)
	}
	return q, &spot, nil
}

func days(s model.Story) string {
	switch {
	case s.FirstPublished == "":
		return "-"
	case s.FirstPublished == s.LastPublished:
		return s.FirstPublished
	}
	return s.FirstPublished + ".." + s.LastPublished[5:]
}

func runStory(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("story", "[--db PATH] [--format text|md|json|html] ID", stdio)
	db := dbFlag(fs)
	format := formatFlag(fs, "text", "text", "md", "json", "html")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: story takes one story ID", ErrUsage)
	}
	id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
	if err != nil || id <= 0 {
		return fmt.Errorf("%w: story ID %q is not a positive number", ErrUsage, fs.Arg(0))
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Story(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no story %d in %s", id, st.Path())
	}
	if err != nil {
		return err
	}
	arts, err := st.StoryArticles(ctx, id)
	if err != nil {
		return err
	}
	dups, err := st.StoryDuplicates(ctx, id)
	if err != nil {
		return err
	}
	r, _, err := st.Report(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		r = compareStory(s, arts, dups) // a store from before reports were kept
		r.StoryID = id
	} else if err != nil {
		return err
	}
	reg, err := st.RegisteredOutlets(ctx)
	if err != nil {
		return err
	}
	bal := outlets.Balance(s.Outlets, outlets.NewIndex(reg))
	groups := byOutlet(arts)
	switch *format {
	case "json":
		return writeJSON(stdio.Out, storyJSON(s, groups, dups, r, bal))
	case "md":
		return compare.Markdown(stdio.Out, s, arts, r)
	case "html":
		return web.StoryPage(stdio.Out, s, arts, &r)
	}
	return writeStoryText(stdio.Out, reportTitled(s, r), groups, dups, func(w io.Writer) { writeComparison(w, &r, bal, arts) })
}

type outletGroup struct {
	Outlet   string          `json:"outlet"`
	Articles []model.Article `json:"articles"`
}

// byOutlet groups articles by outlet (model.Article.OutletLabel), outlets
// in order of first publication.
func byOutlet(arts []model.Article) []outletGroup {
	idx := map[string]int{}
	var groups []outletGroup
	for _, a := range arts {
		name := a.OutletLabel()
		i, ok := idx[name]
		if !ok {
			i = len(groups)
			idx[name] = i
			groups = append(groups, outletGroup{Outlet: name})
		}
		groups[i].Articles = append(groups[i].Articles, a)
	}
	first := func(g outletGroup) string {
		m := "9999"
		for _, a := range g.Articles {
			if a.Published != "" && a.Published < m {
				m = a.Published
			}
		}
		return m
	}
	sort.SliceStable(groups, func(i, j int) bool { return first(groups[i]) < first(groups[j]) })
	return groups
}

func storyJSON(s model.Story, groups []outletGroup, dups map[int64]int64, r model.Report, bal []model.Balance) any {
	type art struct {
		ID          int64  `json:"id"`
		Title       string `json:"title"`
		Published   string `json:"published"`
		URL         string `json:"url"`
		Source      string `json:"source"`
		DuplicateOf int64  `json:"duplicate_of"`
	}
	type group struct {
		Outlet   string `json:"outlet"`
		Articles []art  `json:"articles"`
	}
	out := struct {
		model.Story
		ByOutlet []group         `json:"by_outlet"`
		Balance  []model.Balance `json:"balance"`
		reportFields
	}{Story: reportTitled(s, r), reportFields: newReportFields(r), Balance: bal}
	for _, g := range groups {
		gg := group{Outlet: g.Outlet}
		for _, a := range g.Articles {
			gg.Articles = append(gg.Articles, art{a.ID, a.Title, a.Published, a.URL, a.Source, dups[a.ID]})
		}
		out.ByOutlet = append(out.ByOutlet, gg)
	}
	return out
}

func writeStoryText(w io.Writer, s model.Story, groups []outletGroup, dups map[int64]int64, comparison func(io.Writer)) error {
	var b strings.Builder
	var arts []model.Article
	for _, g := range groups {
		arts = append(arts, g.Articles...)
	}
	when := days(s)
	if s.FirstPublished != "" && model.DaysInferred(arts) {
		when += model.InferredNote
	}
	fmt.Fprintf(&b, "Story %d: %s\n", s.ID, s.Title)
	fmt.Fprintf(&b, "%s · %s (%d independent) from %s · storyline %d\n\n",
		when, plural(len(s.ArticleIDs), "article"), s.Independent, plural(s.IndependentOutlets, "outlet"), s.StorylineID)
	if comparison != nil {
		comparison(&b)
	}
	b.WriteString("Articles by outlet\n")
	for _, g := range groups {
		fmt.Fprintf(&b, "%s\n", g.Outlet)
		for _, a := range g.Articles {
			pub := a.Published
			if pub == "" {
				pub = "undated"
			}
			dup := ""
			if d := dups[a.ID]; d != 0 {
				dup = fmt.Sprintf(" [copy of %d]", d)
			}
			fmt.Fprintf(&b, "  %-6d %-25s %s%s\n", a.ID, pub, a.Title, dup)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// reportTitles gives each story its report's title, as the story page and
// `parallax story` show it, where a report was built (the clusterer's
// title is its first headline).
func reportTitles(ctx context.Context, st Store, stories []model.Story) error {
	leads, err := st.StoryLeads(ctx, store.StoryIDs(stories))
	if err != nil {
		return err
	}
	for i, s := range stories {
		stories[i].Title = leads[s.ID].TitleOr(s.Title)
	}
	return nil
}
