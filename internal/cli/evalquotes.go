package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"parallax/internal/eval"
	"parallax/internal/model"
)

func runEvalQuotes(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("eval quotes", "--gold FILE [--db PATH] [--min-recall R] [--format text|json] [-v]", stdio)
	db := dbFlag(fs)
	goldPath := fs.String("gold", "", `JSONL of {"id", "text", "speaker"} (see docs/eval.md)`)
	minRecall := fs.Float64("min-recall", 0, "fail when fewer than this share of the gold fragments are found")
	format := formatFlag(fs, "text", "text", "json")
	verbose := fs.Bool("v", false, "list every fragment not found, and why")
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
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	arts, err := st.ArticlesEnriched(ctx)
	if err != nil {
		return err
	}
	quotes, missing := quotesByGoldID(gold, arts)
	score := eval.ScoreQuotes(gold, quotes)
	if *format == "json" {
		err = writeJSON(stdio.Out, struct {
			eval.QuoteScore
			MissingArticles []string `json:"missing_articles"`
		}{score, missing})
	} else {
		err = writeQuoteReport(stdio, score, missing, *verbose)
	}
	if err != nil {
		return err
	}
	if score.Recall < *minRecall {
		return fmt.Errorf("%w: quote recall %.4f is below %.4f", errGate, score.Recall, *minRecall)
	}
	return nil
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

func writeQuoteReport(stdio Stdio, s eval.QuoteScore, missing []string, verbose bool) error {
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
	if err := w.Flush(); err != nil {
		return err
	}
	if len(missing) > 0 {
		fmt.Fprintf(stdio.Err, "warning: %d gold articles are not in the store\n", len(missing))
	}
	_, err := fmt.Fprintf(stdio.Out, "quotes found %d of %d: recall %.4f\n", s.Found, s.Total, s.Recall)
	return err
}
