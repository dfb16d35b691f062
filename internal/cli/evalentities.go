package cli

import (
	"context"
	"fmt"

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
	gold, err := readGold("eval entities", *goldPath, eval.LoadEntityGold)
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

// entitiesByGoldSource keys each gold article's entities by its source.
func entitiesByGoldSource(gold []eval.EntityGold, arts []model.Article) map[string][]model.Entity {
	ids := make([]string, len(gold))
	for i, g := range gold {
		ids[i] = g.Source
	}
	found, _ := goldArticles(ids, arts)
	out := make(map[string][]model.Entity, len(found))
	for src, a := range found {
		out[src] = nil
		if a.Enrichment != nil {
			out[src] = a.Enrichment.Entities
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
