package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"parallax/internal/eval"
	"parallax/internal/model"
)

// quoteGates are the thresholds eval quotes fails below.
type quoteGates struct {
	recall, textRecall, speakerAccuracy float64
}

func runEvalQuotes(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("eval quotes", "--gold FILE [--db PATH] [--strict] [--outlets LIST] [--min-recall R] [--min-text-recall R] [--min-speaker-accuracy A] [--format text|json] [-v] [--extra]", stdio)
	db := dbFlag(fs)
	goldPath := fs.String("gold", "", `JSONL of {"id", "text", "speaker"[, "speaker_kind"]} (see docs/eval.md)`)
	strict := fs.Bool("strict", false, "compare speakers by name only (see docs/eval.md)")
	outlets := fs.String("outlets", "", "score only the gold of stored articles from these outlets (comma-separated)")
	var g quoteGates
	fs.Float64Var(&g.recall, "min-recall", 0, "fail when fewer than this share of the fragments are found with their speaker")
	fs.Float64Var(&g.textRecall, "min-text-recall", 0, "fail when fewer than this share of the fragments lie inside a quotation")
	fs.Float64Var(&g.speakerAccuracy, "min-speaker-accuracy", 0, "fail when fewer than this share of the named speakers whose words were found match")
	format := formatFlag(fs, "text", "text", "json")
	verbose := fs.Bool("v", false, "list every fragment not found, and why")
	extra := fs.Bool("extra", false, "list the quotations that hold no gold fragment")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *goldPath == "" {
		return fmt.Errorf("%w: eval quotes needs --gold FILE", ErrUsage)
	}
	gold, err := readGold("eval quotes", *goldPath, eval.LoadQuoteGold)
	if err != nil {
		return err
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	arts, err := st.ArticlesEnriched(ctx)
	if err != nil {
		return err
	}
	if *outlets != "" {
		gold = goldFromOutlets(gold, arts, strings.Split(*outlets, ","))
	}
	quotes, missing := quotesByGoldID(gold, arts)
	score := eval.ScoreQuotes(gold, quotes, eval.QuoteOptions{Strict: *strict})
	if *format == "json" {
		err = writeJSON(stdio.Out, struct {
			eval.QuoteScore
			MissingArticles []string `json:"missing_articles"`
		}{score, missing})
	} else {
		err = writeQuoteReport(stdio, score, missing, *verbose, *extra)
	}
	if err != nil {
		return err
	}
	return quoteGate(score, g)
}

func quoteGate(s eval.QuoteScore, g quoteGates) error {
	var why []string
	if s.Recall < g.recall {
		why = append(why, fmt.Sprintf("quote recall %.4f < %.4f", s.Recall, g.recall))
	}
	if s.TextRecall < g.textRecall {
		why = append(why, fmt.Sprintf("quotation text recall %.4f < %.4f", s.TextRecall, g.textRecall))
	}
	if s.SpeakerAccuracy < g.speakerAccuracy {
		why = append(why, fmt.Sprintf("named speaker accuracy %.4f < %.4f", s.SpeakerAccuracy, g.speakerAccuracy))
	}
	if len(why) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %s", errGate, strings.Join(why, "; "))
}

// goldFromOutlets keeps the fragments whose article is stored with one of
// the outlets (compared case-insensitively), and those whose article is
// not stored at all, which then count as missed.
func goldFromOutlets(gold []eval.QuoteGold, arts []model.Article, outlets []string) []eval.QuoteGold {
	want := make(map[string]bool, len(outlets))
	for _, o := range outlets {
		want[strings.ToLower(strings.TrimSpace(o))] = true
	}
	ids := make([]string, len(gold))
	for i, g := range gold {
		ids[i] = g.ID
	}
	found, _ := goldArticles(ids, arts)
	var out []eval.QuoteGold
	for _, g := range gold {
		if a, ok := found[g.ID]; !ok || want[strings.ToLower(strings.TrimSpace(a.Outlet))] {
			out = append(out, g)
		}
	}
	return out
}

// quotesByGoldID collects each gold article's quotations under its gold
// id; it also returns the ids with no article in the store.
func quotesByGoldID(gold []eval.QuoteGold, arts []model.Article) (map[string][]model.Quote, []string) {
	ids := make([]string, len(gold))
	for i, g := range gold {
		ids[i] = g.ID
	}
	found, missing := goldArticles(ids, arts)
	out := make(map[string][]model.Quote, len(found))
	for id, a := range found {
		if a.Enrichment != nil {
			out[id] = a.Enrichment.Quotes
		}
	}
	return out, missing
}

// readGold reads a gold file with load, naming the command and the file
// in any error.
func readGold[T any](cmd, path string, load func(io.Reader) ([]T, error)) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmd, err)
	}
	defer f.Close()
	gold, err := load(f)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", cmd, path, err)
	}
	return gold, nil
}

// goldArticles finds the store's article for each gold id, as eval
// clusters does (record id, URL, source path or the path's ending), and
// returns the ids it could not find.
func goldArticles(ids []string, arts []model.Article) (map[string]model.Article, []string) {
	keys := make([]eval.ArticleKeys, len(arts))
	byID := make(map[int64]model.Article, len(arts))
	for i, a := range arts {
		keys[i] = eval.ArticleKeys{ID: a.ID, SourceID: a.SourceID, URL: a.URL, Source: a.Source}
		byID[a.ID] = a
	}
	labels := make([]eval.Label, 0, len(ids))
	seen := map[string]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			labels = append(labels, eval.Label{ID: id})
		}
	}
	match, missing := eval.MatchLabels(labels, keys)
	out := make(map[string]model.Article, len(match))
	for gid, id := range match {
		out[gid] = byID[id]
	}
	return out, missing
}

func writeQuoteReport(stdio Stdio, s eval.QuoteScore, missing []string, verbose, extra bool) error {
	w := tabwriter.NewWriter(stdio.Out, 0, 4, 2, ' ', 0)
	if verbose {
		fmt.Fprintln(w, "ID\tSPEAKER\tGOT\tREASON\tTEXT")
		for _, m := range s.Misses {
			got := m.Got
			if m.GotDescription != "" {
				got += " [" + clip(m.GotDescription, 40) + "]"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", m.ID, m.Speaker, got, m.Reason, clip(m.Text, 60))
		}
	}
	if extra {
		fmt.Fprintln(w, "ID\tEXTRA QUOTATION\tSPEAKER\tVERB")
		for _, x := range s.Extra {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", x.ID, clip(x.Text, 70), x.Speaker, x.Verb)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if len(missing) > 0 {
		fmt.Fprintf(stdio.Err, "warning: %d gold articles are not in the store\n", len(missing))
	}
	_, err := fmt.Fprintf(stdio.Out, "quotes found %d of %d: recall %.4f\n"+
		"words inside a quotation %d of %d: text recall %.4f\n"+
		"named speakers right %d of %d found: speaker accuracy %.4f\n"+
		"quotations holding a gold fragment %d of %d: precision %.4f (a lower bound: gold rarely marks every quotation)\n",
		s.Found, s.Total, s.Recall, s.TextFound, s.Total, s.TextRecall,
		s.NamedRight, s.Named, s.SpeakerAccuracy, s.InGold, s.Extracted, s.Precision)
	return err
}
