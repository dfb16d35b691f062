package cli

import (
	"context"
	"fmt"
	"os"

	"parallax/internal/eval"
	"parallax/internal/model"
)

func runEvalEntities(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("eval entities", "--gold FILE [--db PATH] [--min-f1 F] [--format text|json] [-v]", stdio)
	db := dbFlag(fs)
	goldPath := fs.String("gold", "", `JSONL of {"source", "entities": [{"name", "type"}]} (see docs/eval.md)`)
	minF1 := fs.Float64("min-f1", 0, "fail when the typed F1 is below this")
	format := formatFlag(fs, "text", "text", "json")
	verbose := fs.Bool("v", false, "list each article's spurious and missed entities")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *goldPath == "" {
		return fmt.Errorf("%w: eval entities needs --gold FILE", ErrUsage)
	}
	f, err := os.Open(*goldPath)
	if err != nil {
		return fmt.Errorf("eval entities: %w", err)
	}
	gold, err := eval.LoadEntityGold(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("eval entities %s: %w", *goldPath, err)
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
	score := eval.ScoreEntities(gold, entitiesByGoldSource(gold, arts))
	if *format == "json" {
		err = writeJSON(stdio.Out, score)
	} else {
		err = writeEntityReport(stdio, score, *verbose)
	}
	if err != nil {
		return err
	}
	if score.Typed.F1 < *minF1 {
		return fmt.Errorf("%w: typed entity F1 %.4f is below %.4f", errGate, score.Typed.F1, *minF1)
	}
	return nil
}

// entitiesByGoldSource finds each gold article in the store (by record id,
// URL, source path or the path's ending, as eval clusters does) and keys
// its entities by the gold's source.
func entitiesByGoldSource(gold []eval.EntityGold, arts []model.Article) map[string][]model.Entity {
	keys := make([]eval.ArticleKeys, len(arts))
	byID := make(map[int64]model.Article, len(arts))
	for i, a := range arts {
		keys[i] = eval.ArticleKeys{ID: a.ID, SourceID: a.SourceID, URL: a.URL, Source: a.Source}
		byID[a.ID] = a
	}
	labels := make([]eval.Label, len(gold))
	for i, g := range gold {
		labels[i] = eval.Label{ID: g.Source}
	}
	match, _ := eval.MatchLabels(labels, keys)
	out := make(map[string][]model.Entity, len(match))
	for src, id := range match {
		if e := byID[id].Enrichment; e != nil {
			out[src] = e.Entities
		} else {
			out[src] = nil
		}
	}
	return out
}

func writeEntityReport(stdio Stdio, s eval.EntityScore, verbose bool) error {
	if verbose {
		for _, e := range s.Errors {
			fmt.Fprintf(stdio.Out, "%s\n", e.Source)
			for _, x := range e.Spurious {
				fmt.Fprintf(stdio.Out, "  + %s (%s)\n", x.Name, x.Type)
			}
			for _, x := range e.Missed {
				fmt.Fprintf(stdio.Out, "  - %s (%s)\n", x.Name, x.Type)
			}
		}
	}
	if len(s.Unmatched) > 0 {
		fmt.Fprintf(stdio.Err, "warning: %d gold articles are not in the store\n", len(s.Unmatched))
	}
	_, err := fmt.Fprintf(stdio.Out, "entities over %d articles\ntyped    precision %.4f  recall %.4f  F1 %.4f\nuntyped  precision %.4f  recall %.4f  F1 %.4f\n",
		s.Articles, s.Typed.Precision, s.Typed.Recall, s.Typed.F1, s.Untyped.Precision, s.Untyped.Recall, s.Untyped.F1)
	return err
}
