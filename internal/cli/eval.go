package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"parallax/internal/eval"
	"parallax/internal/extract"
	"parallax/internal/model"
	"parallax/internal/source"
)

const evalUsage = `Usage: parallax eval extract --gold FILE [--inputs DIR] [--format table|json] [--min-f1 F] [--exact]
       parallax eval clusters --labels FILE [--db PATH] [--min-f1 F] [--format table|json]
       parallax eval quotes --gold FILE [--db PATH] [--format table|json]
       parallax eval entities --gold FILE [--db PATH] [--format table|json]
Score Parallax against your own labelled data (docs/eval.md); 'parallax eval KIND -h' for a kind's flags.`

func runEval(ctx context.Context, args []string, stdio Stdio) error {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fmt.Fprintln(stdio.Out, evalUsage)
		return nil
	}
	if len(args) == 0 {
		fmt.Fprintln(stdio.Err, evalUsage)
		return fmt.Errorf("%w: eval needs a kind: extract, clusters, quotes or entities", ErrUsage)
	}
	switch args[0] {
	case "extract":
		return runEvalExtract(ctx, args[1:], stdio)
	case "clusters":
		return runEvalClusters(ctx, args[1:], stdio)
	case "quotes":
		return runEvalQuotes(ctx, args[1:], stdio)
	case "entities":
		return runEvalEntities(ctx, args[1:], stdio)
	}
	return fmt.Errorf("%w: unknown eval kind %q (want extract, clusters, quotes or entities)", ErrUsage, args[0])
}

// docResult is one page's score in `eval extract`.
type docResult struct {
	ID        string          `json:"id"`
	Input     string          `json:"input"`
	Error     string          `json:"error,omitempty"`
	Score     eval.BodyScore  `json:"score"`
	TitleOK   *bool           `json:"title_ok,omitempty"`
	DateOK    *bool           `json:"published_ok,omitempty"`
	Lines     *eval.LineCheck `json:"lines,omitempty"`
	Title     string          `json:"title"`
	Published string          `json:"published"`
}

type evalReport struct {
	Docs      []docResult    `json:"docs"`
	Mean      eval.BodyScore `json:"mean"`
	Failed    int            `json:"failed"`
	TitleOK   string         `json:"titles_ok,omitempty"`
	DateOK    string         `json:"dates_ok,omitempty"`
	LinesBad  int            `json:"docs_with_line_errors"`
	Threshold float64        `json:"min_f1,omitempty"`
}

func runEvalExtract(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("eval extract", "--gold FILE [--inputs DIR] [--format table|json] [--min-f1 F] [--exact]", stdio)
	goldPath := fs.String("gold", "", "gold file: {\"ID\": {\"articleBody\": ..., ...}} (see docs/eval.md)")
	inputs := fs.String("inputs", "", "directory holding the pages, named ID.* (default: the gold file's directory)")
	format := formatFlag(fs, "table", "table", "json")
	minF1 := fs.Float64("min-f1", 0, "fail when the mean F1 is below this")
	exact := fs.Bool("exact", false, "fail on any missed or extra body line, wrong title or wrong date where the gold gives them")
	verbose := fs.Bool("v", false, "list the missed and extra lines")
	raw := fs.Bool("raw", false, "score the whole input text as the body: the unfiltered baseline")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *goldPath == "" {
		return fmt.Errorf("%w: eval extract needs --gold FILE", ErrUsage)
	}
	gold, err := eval.LoadGold(*goldPath)
	if err != nil {
		return err
	}
	dir := *inputs
	if dir == "" {
		dir = filepath.Dir(*goldPath)
	}
	rep := evalReport{Threshold: *minF1}
	var scores []eval.BodyScore
	var titles, titlesOK, dates, datesOK int
	for _, id := range eval.SortedIDs(gold) {
		if err := ctx.Err(); err != nil {
			return err
		}
		r := evalDoc(ctx, dir, id, gold[id], *raw)
		if r.Error != "" {
			rep.Failed++
		}
		scores = append(scores, r.Score)
		count(r.TitleOK, &titles, &titlesOK)
		count(r.DateOK, &dates, &datesOK)
		if r.Lines != nil && len(r.Lines.Missing)+len(r.Lines.Extra) > 0 {
			rep.LinesBad++
		}
		rep.Docs = append(rep.Docs, r)
	}
	rep.Mean = eval.Mean(scores)
	if titles > 0 {
		rep.TitleOK = fmt.Sprintf("%d/%d", titlesOK, titles)
	}
	if dates > 0 {
		rep.DateOK = fmt.Sprintf("%d/%d", datesOK, dates)
	}
	if *format == "json" {
		err = writeJSON(stdio.Out, rep)
	} else {
		err = writeEvalTable(stdio, rep, *verbose)
	}
	if err != nil {
		return err
	}
	return gate(rep, *minF1, *exact, titles-titlesOK, dates-datesOK)
}

func count(ok *bool, n, good *int) {
	if ok == nil {
		return
	}
	*n++
	if *ok {
		*good++
	}
}

var errGate = errors.New("below the quality gate")

func gate(rep evalReport, minF1 float64, exact bool, badTitles, badDates int) error {
	var why []string
	if rep.Failed > 0 {
		why = append(why, fmt.Sprintf("%d pages failed to extract", rep.Failed))
	}
	if minF1 > 0 && rep.Mean.F1 < minF1 {
		why = append(why, fmt.Sprintf("mean F1 %.4f < %.4f", rep.Mean.F1, minF1))
	}
	if exact && rep.LinesBad+badTitles+badDates > 0 {
		why = append(why, fmt.Sprintf("%d pages with body line errors, %d wrong titles, %d wrong dates", rep.LinesBad, badTitles, badDates))
	}
	if len(why) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %s", errGate, strings.Join(why, "; "))
}

func evalDoc(ctx context.Context, dir, id string, g eval.GoldDoc, raw bool) docResult {
	r := docResult{ID: id}
	path, err := goldInput(dir, id, g)
	r.Input = path
	if err != nil {
		r.Error = err.Error()
		return r
	}
	a, rawText, err := extractOne(ctx, path)
	if err != nil {
		r.Error = err.Error()
		return r
	}
	if raw {
		a.Body = rawText
	}
	r.Title, r.Published = a.Title, a.Published
	want := g.ArticleBody
	if g.BodyLines != "" {
		lines, err := goldLines(rawText, g.BodyLines)
		if err != nil {
			r.Error = fmt.Sprintf("gold body_lines: %v", err)
			return r
		}
		want = strings.Join(lines, "\n\n")
		lc := eval.CheckLines(a.Body, lines)
		r.Lines = &lc
	}
	r.Score = eval.Body(a.Body, want)
	if t, ok := goldTitle(rawText, g); ok {
		okv := sameText(a.Title, t)
		r.TitleOK = &okv
	}
	if g.Published != "" {
		okv := samePublished(a.Published, g.Published)
		r.DateOK = &okv
	}
	return r
}

func goldInput(dir, id string, g eval.GoldDoc) (string, error) {
	if g.File != "" {
		return filepath.Join(dir, g.File), nil
	}
	m, _ := filepath.Glob(filepath.Join(dir, globEscape(id)+".*"))
	if len(m) == 0 {
		return "", fmt.Errorf("no input named %s.* in %s", id, dir)
	}
	return m[0], nil
}

func globEscape(s string) string {
	r := strings.NewReplacer(`*`, `\*`, `?`, `\?`, `[`, `\[`, `\`, `\\`)
	return r.Replace(s)
}

// extractOne extracts the single document at path and also returns the
// decoded input text (for gold given as line numbers).
func extractOne(ctx context.Context, path string) (model.Article, string, error) {
	for d, err := range source.Read(ctx, []string{path}, source.Options{}) {
		if err != nil {
			return model.Article{}, "", err
		}
		a, err := extract.Document(d)
		return a, d.Text, err
	}
	return model.Article{}, "", fmt.Errorf("%s: no document", path)
}

func goldLines(raw, spec string) ([]string, error) {
	nums, err := eval.ParseLines(spec)
	if err != nil {
		return nil, err
	}
	return eval.Lines(raw, nums)
}

func goldTitle(raw string, g eval.GoldDoc) (string, bool) {
	if g.Title != "" {
		return g.Title, true
	}
	if g.TitleLine == 0 {
		return "", false
	}
	ls, err := eval.Lines(raw, []int{g.TitleLine})
	if err != nil || len(ls) == 0 {
		return "", false
	}
	t := ls[0]
	if g.TitleStripSuffix {
		if i := strings.LastIndex(t, " - "); i > 0 {
			t = t[:i]
		}
	}
	return t, true
}

func sameText(a, b string) bool {
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}

// samePublished accepts the gold's precision: a gold date matches any time
// that day; a gold date-time must match to the minute.
func samePublished(got, want string) bool {
	if len(want) <= 10 {
		return len(got) >= 10 && got[:10] == want
	}
	return len(got) >= 16 && len(want) >= 16 && got[:16] == want[:16]
}

func writeEvalTable(stdio Stdio, rep evalReport, verbose bool) error {
	tw := tabwriter.NewWriter(stdio.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPRECISION\tRECALL\tF1\tTITLE\tDATE\tLINES\tNOTE")
	for _, d := range rep.Docs {
		lines := "-"
		if d.Lines != nil {
			lines = fmt.Sprintf("-%d +%d", len(d.Lines.Missing), len(d.Lines.Extra))
		}
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%s\t%s\t%s\t%s\n", clip(d.ID, 20), d.Score.Precision, d.Score.Recall, d.Score.F1,
			mark(d.TitleOK), mark(d.DateOK), lines, d.Error)
	}
	fmt.Fprintf(tw, "MEAN (%d)\t%.3f\t%.3f\t%.3f\t%s\t%s\t\t\n", len(rep.Docs), rep.Mean.Precision, rep.Mean.Recall, rep.Mean.F1, rep.TitleOK, rep.DateOK)
	if err := tw.Flush(); err != nil {
		return err
	}
	if verbose {
		for _, d := range rep.Docs {
			if d.Lines == nil {
				continue
			}
			for _, m := range d.Lines.Missing {
				fmt.Fprintf(stdio.Out, "%s missed: %s\n", d.ID, clip(m, 120))
			}
			for _, x := range d.Lines.Extra {
				fmt.Fprintf(stdio.Out, "%s extra:  %s\n", d.ID, clip(x, 120))
			}
		}
	}
	return nil
}

func mark(ok *bool) string {
	switch {
	case ok == nil:
		return "-"
	case *ok:
		return "ok"
	}
	return "WRONG"
}
