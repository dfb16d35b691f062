package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"parallax/internal/eval"
)

type clusterScore struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

type clusterReport struct {
	Labels     int           `json:"labels"`
	Matched    int           `json:"matched"`
	Missing    []string      `json:"missing,omitempty"`
	Stories    clusterScore  `json:"stories"`
	Storylines *clusterScore `json:"storylines,omitempty"`
}

func runEvalClusters(ctx context.Context, args []string, stdio Stdio) error {
	fs := newFlags("eval clusters", "--labels FILE [--db PATH] [--min-f1 F] [--format text|json]", stdio)
	db := dbFlag(fs)
	labelsPath := fs.String("labels", "", `JSONL of {"id", "event"[, "storyline"]} (see docs/eval.md)`)
	minF1 := fs.Float64("min-f1", 0, "fail when the stories' B³ F1 (and the storylines', when labelled) is below this")
	format := formatFlag(fs, "text", "text", "json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *labelsPath == "" {
		return fmt.Errorf("%w: eval clusters needs --labels FILE", ErrUsage)
	}
	labels, err := eval.LoadLabels(*labelsPath)
	if err != nil {
		return err
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	arts, err := st.Articles(ctx)
	if err != nil {
		return err
	}
	placed, err := st.Placements(ctx)
	if err != nil {
		return err
	}
	keys := make([]eval.ArticleKeys, len(arts))
	for i, a := range arts {
		keys[i] = eval.ArticleKeys{ID: a.ID, SourceID: a.SourceID, URL: a.URL, Source: a.Source}
	}
	match, missing := eval.MatchLabels(labels, keys)
	rep := clusterReport{Labels: len(labels), Matched: len(match), Missing: missing}
	goldS, goldL, predS, predL := map[string]string{}, map[string]string{}, map[string]string{}, map[string]string{}
	for _, l := range labels {
		id, ok := match[l.ID]
		if !ok {
			continue
		}
		p := placed[id]
		goldS[l.ID], predS[l.ID] = l.Event, strconv.FormatInt(p.StoryID, 10)
		if l.Storyline != "" {
			goldL[l.ID], predL[l.ID] = l.Storyline, strconv.FormatInt(p.StorylineID, 10)
		}
	}
	rep.Stories = b3(predS, goldS)
	if len(goldL) > 0 {
		s := b3(predL, goldL)
		rep.Storylines = &s
	}
	if *format == "json" {
		err = writeJSON(stdio.Out, rep)
	} else {
		err = writeClusterReport(stdio, rep)
	}
	if err != nil {
		return err
	}
	return clusterGate(rep, *minF1)
}

func b3(pred, gold map[string]string) clusterScore {
	p, r, f := eval.B3(pred, gold)
	return clusterScore{p, r, f}
}

func writeClusterReport(stdio Stdio, rep clusterReport) error {
	fmt.Fprintf(stdio.Out, "labels %d, matched %d\n", rep.Labels, rep.Matched)
	fmt.Fprintf(stdio.Out, "stories     B³ precision %.4f  recall %.4f  F1 %.4f\n", rep.Stories.Precision, rep.Stories.Recall, rep.Stories.F1)
	if s := rep.Storylines; s != nil {
		fmt.Fprintf(stdio.Out, "storylines  B³ precision %.4f  recall %.4f  F1 %.4f\n", s.Precision, s.Recall, s.F1)
	}
	if len(rep.Missing) > 0 {
		fmt.Fprintf(stdio.Out, "unmatched labels: %s\n", strings.Join(rep.Missing, ", "))
	}
	return nil
}

func clusterGate(rep clusterReport, minF1 float64) error {
	var why []string
	if len(rep.Missing) > 0 {
		why = append(why, fmt.Sprintf("%d labels match no stored article", len(rep.Missing)))
	}
	if minF1 > 0 && rep.Stories.F1 < minF1 {
		why = append(why, fmt.Sprintf("stories F1 %.4f < %.4f", rep.Stories.F1, minF1))
	}
	if minF1 > 0 && rep.Storylines != nil && rep.Storylines.F1 < minF1 {
		why = append(why, fmt.Sprintf("storylines F1 %.4f < %.4f", rep.Storylines.F1, minF1))
	}
	if len(why) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %s", errGate, strings.Join(why, "; "))
}
