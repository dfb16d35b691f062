package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"parallax/internal/enrich"
	"parallax/internal/model"
	"parallax/internal/store"
)

func runArticles(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("articles", "[--db PATH] [--format table|json] [--limit N]", stdio)
	db := dbFlag(fs)
	format := formatFlag(fs, "table", "table", "json")
	limit := fs.Int("limit", 0, "show at most N articles (0: all)")
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	as, err := st.Articles(ctx)
	if err != nil {
		return fmt.Errorf("list articles: %w", err)
	}
	if *limit > 0 && len(as) > *limit {
		as = as[:*limit]
	}
	return writeArticles(stdio.Out, as, *format)
}

func runSearch(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("search", "[--db PATH] [--format table|json] [--limit N] WORDS...", stdio)
	db := dbFlag(fs)
	format := formatFlag(fs, "table", "table", "json")
	limit := fs.Int("limit", 20, "show at most N articles")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: search needs words to look for", ErrUsage)
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	q := strings.Join(fs.Args(), " ")
	as, err := st.Search(ctx, q, *limit)
	if err != nil {
		return fmt.Errorf("search %q: %w", q, err)
	}
	return writeArticles(stdio.Out, as, *format)
}

func writeArticles(w io.Writer, as []model.Article, format string) error {
	if format == "json" {
		if as == nil {
			as = []model.Article{}
		}
		return writeJSON(w, map[string]any{"articles": as})
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPUBLISHED\tOUTLET\tTITLE")
	for _, a := range as {
		pub := a.Published
		if len(pub) > 10 {
			pub = pub[:10]
		}
		if pub == "" {
			pub = "-"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", a.ID, pub, clip(a.OutletLabel(), 28), clip(orDash(a.Title), 80))
	}
	return tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// clip shortens s to n runes, keeping tables on one line.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// exportDoc is the shape of `parallax export`, documented in docs/export.md.
type exportDoc struct {
	Articles []exportArticle      `json:"articles"`
	Stories  []exportStory        `json:"stories"`
	Entities []model.CorpusEntity `json:"entities"` // across all articles (enrich.CorpusEntities)
}

// exportArticle is an article with where clustering placed it and what
// enrichment found in it; the IDs are null when it has no story yet or
// copies nothing.
type exportArticle struct {
	model.Article
	StoryID     *int64              `json:"story_id"`
	StorylineID *int64              `json:"storyline_id"`
	DuplicateOf *int64              `json:"duplicate_of"`
	Entities    []model.Entity      `json:"entities"`
	Quotes      []model.Quote       `json:"quotes"`
	Terms       []model.Term        `json:"terms"`
	Dates       []model.DateMention `json:"dates"`
	Figures     []model.Figure      `json:"figures"`
}

// exportStory is a story with the comparison of its outlets.
type exportStory struct {
	model.Story
	reportFields
}

// reportFields are a story's comparison as export and `story --format
// json` write it: empty lists, not null, when no report was built.
type reportFields struct {
	Headlines     []model.Headline        `json:"headlines"` // the members' headlines other than the title
	Claims        []model.Claim           `json:"claims"`
	Quotes        []model.QuoteGroup      `json:"quotes"`
	Discrepancies []model.Discrepancy     `json:"discrepancies"`
	Framing       []model.Framing         `json:"framing"`
	Timeline      []model.TimelineEvent   `json:"timeline"`
	Summary       []model.SummarySentence `json:"summary"`
	// Compared lists the articles a large story's report compares (see
	// model.Report.Compared); absent when it compares them all.
	Compared []int64 `json:"compared,omitempty"`
}

func newExportArticle(a model.Article, p model.Placement) exportArticle {
	e := a.Enrichment
	if e == nil {
		e = &model.Enrichment{}
	}
	a.Enrichment = nil
	a.Outlet = a.OutletLabel() // rows stored before ingest stored the label
	return exportArticle{
		Article: a, StoryID: nonZero(p.StoryID), StorylineID: nonZero(p.StorylineID), DuplicateOf: nonZero(p.DuplicateOf),
		Entities: nonNilSlice(e.Entities), Quotes: nonNilSlice(e.Quotes), Terms: nonNilSlice(e.Terms),
		Dates: nonNilSlice(e.Dates), Figures: nonNilSlice(e.Figures),
	}
}

func newReportFields(r model.Report) reportFields {
	return reportFields{
		Headlines: nonNilSlice(r.Headlines),
		Claims:    nonNilSlice(r.Claims), Quotes: nonNilSlice(r.Quotes), Discrepancies: nonNilSlice(r.Discrepancies),
		Framing: nonNilSlice(r.Framing), Timeline: nonNilSlice(r.Timeline), Summary: nonNilSlice(r.Summary),
		Compared: r.Compared,
	}
}

// reportTitled gives the story the title its comparison chose: the
// headline that best agrees with what most outlets report, rather than
// whichever came first.
func reportTitled(s model.Story, r model.Report) model.Story {
	if r.Title != "" {
		s.Title = r.Title
	}
	return s
}

// nonNilSlice makes an absent list export as [] rather than null.
func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func nonZero(v int64) *int64 {
	if v == 0 {
		return nil
	}
	return &v
}

func runExport(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("export", "[--db PATH] [-o FILE] [--format json|csv] [--story ID | --text WORDS --outlet NAME --since DAY --until DAY --blindspot ATTR[=VALUE]]", stdio)
	db := dbFlag(fs)
	out := fs.String("o", "", "write to FILE instead of stdout")
	format := formatFlag(fs, "json", "json", "csv")
	sel := addSelectionFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if sel.chosen() || *format == "csv" {
		return exportCoverage(ctx, st, sel, *format, *out, stdio)
	}
	as, err := st.ArticlesEnriched(ctx)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	placed, err := st.Placements(ctx)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	stories, err := st.Stories(ctx, store.StoryQuery{})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	doc := exportDoc{Articles: make([]exportArticle, 0, len(as)), Stories: make([]exportStory, 0, len(stories)),
		Entities: enrich.CorpusEntities(as)}
	for _, a := range as {
		doc.Articles = append(doc.Articles, newExportArticle(a, placed[a.ID]))
	}
	for _, s := range stories {
		r, _, err := st.Report(ctx, s.ID)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("export: %w", err)
		}
		doc.Stories = append(doc.Stories, exportStory{reportTitled(s, r), newReportFields(r)})
	}
	if *out == "" {
		return writeJSON(stdio.Out, doc)
	}
	return writeFileAtomic(*out, func(w io.Writer) error { return writeJSON(w, doc) })
}

// writeFileAtomic writes through a temporary file renamed into place, so a
// failed export never leaves half a file.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".parallax-export-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
