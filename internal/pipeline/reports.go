package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"parallax/internal/model"
	"parallax/internal/store"
)

// ReportStore is what building comparison reports needs of a store.
type ReportStore interface {
	Story(ctx context.Context, id int64) (model.Story, error)
	StoryArticles(ctx context.Context, id int64) ([]model.Article, error)
	StoryDuplicates(ctx context.Context, id int64) (map[int64]int64, error)
	ReportFingerprint(ctx context.Context, storyID int64) (string, error)
	PutReport(ctx context.Context, storyID int64, fingerprint string, r model.Report) error
	PutEnrichment(ctx context.Context, articleID int64, e model.Enrichment) error
	PendingReports(ctx context.Context) ([]store.PendingReport, error)
	ClearPending(ctx context.Context, p store.PendingReport) error
}

// BuildFunc compares the outlets of one story; dups maps a near-duplicate
// member to the article it copies.
type BuildFunc func(s model.Story, arts []model.Article, dups map[int64]int64) model.Report

// Reporter builds the stories' comparison reports.
type Reporter struct {
	Build BuildFunc
	// Redate, when set, gives an article with no date of its own (no
	// published date, none its page or text gives) its dates resolved
	// against its story's first day; ok is false when there is nothing to
	// do. The new enrichment is stored before the report is built.
	Redate func(a model.Article, storyDay string) (e model.Enrichment, ok bool)
	// Index, when set, keeps the corpus index (entities, quotations) and
	// the follows' events in step with the stories built.
	Index *Index
}

// maxPendingPasses bounds how often BuildPending reads the pending list
// again: a pass marks nothing itself, so a second pass finds only marks a
// build raced with.
const maxPendingPasses = 3

// BuildPending builds the report of every story marked pending in the
// store, in story order, clearing each mark once its report is stored (or
// found current: a fingerprint over the members' content, enrichment and
// duplicate marks decides), and returns how many it rebuilt. The caller
// holds the writer lease. A story that no longer exists is cleared. With
// rep.Index set, each story's index and the follows' events are brought
// up to date before its mark is cleared (see Index). A crash at any point
// leaves the unfinished marks for the next writer.
func BuildPending(ctx context.Context, st ReportStore, rep Reporter) (int, error) {
	n := 0
	for range maxPendingPasses {
		pending, err := st.PendingReports(ctx)
		if err != nil {
			return n, err
		}
		if len(pending) == 0 {
			break
		}
		built, err := buildPass(ctx, st, rep, pending)
		n += built
		if err != nil {
			return n, err
		}
	}
	if rep.Index != nil {
		// Families a dead writer left marked, with no story pending.
		return n, rep.Index.regroup(ctx)
	}
	return n, nil
}

// buildPass builds the reports of one pending list, then (with an index)
// stages the changed stories' index rows, rebuilds the entity families
// they touch, and commits each story's events, clearing its mark last.
func buildPass(ctx context.Context, st ReportStore, rep Reporter, pending []store.PendingReport) (int, error) {
	n := 0
	var staged []stagedStory
	for _, p := range pending {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		b, err := buildReport(ctx, st, p.StoryID, rep)
		if err != nil {
			return n, fmt.Errorf("report for story %d: %w", p.StoryID, err)
		}
		if b.rebuilt {
			n++
		}
		if rep.Index != nil && b.exists {
			s, ok, err := rep.Index.stage(ctx, b)
			if err != nil {
				return n, fmt.Errorf("index story %d: %w", p.StoryID, err)
			}
			if ok {
				s.mark = p
				staged = append(staged, s)
				continue
			}
		}
		if err := st.ClearPending(ctx, p); err != nil {
			return n, err
		}
	}
	if rep.Index == nil {
		return n, nil
	}
	if err := rep.Index.regroup(ctx); err != nil {
		return n, err
	}
	return n, rep.Index.commitEvents(ctx, st, staged)
}

// builtStory is a story as its report build saw it.
type builtStory struct {
	story   model.Story
	arts    []model.Article
	fp      string
	report  *model.Report // nil when the stored one was current
	exists  bool
	rebuilt bool
}

func buildReport(ctx context.Context, st ReportStore, id int64, rep Reporter) (builtStory, error) {
	var b builtStory
	s, err := st.Story(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return b, nil
	}
	if err != nil {
		return b, err
	}
	arts, err := st.StoryArticles(ctx, id)
	if err != nil {
		return b, err
	}
	dups, err := st.StoryDuplicates(ctx, id)
	if err != nil {
		return b, err
	}
	if err := redateAll(ctx, st, rep, s, arts); err != nil {
		return b, err
	}
	fp, err := reportFingerprint(s, arts, dups)
	if err != nil {
		return b, err
	}
	b = builtStory{story: s, arts: arts, fp: fp, exists: true}
	old, err := st.ReportFingerprint(ctx, id)
	if err != nil {
		return b, err
	}
	if old == fp {
		return b, nil
	}
	r := safeBuild(rep.Build, s, arts, dups)
	r.StoryID = id
	b.report, b.rebuilt = &r, true
	return b, st.PutReport(ctx, id, fp, r)
}

// redateAll gives the story's undated articles their dates resolved
// against its first day (Reporter.Redate), storing each new enrichment.
func redateAll(ctx context.Context, st ReportStore, rep Reporter, s model.Story, arts []model.Article) error {
	if rep.Redate == nil || s.FirstPublished == "" {
		return nil
	}
	for i, a := range arts {
		e, ok := rep.Redate(a, s.FirstPublished)
		if !ok {
			continue
		}
		if err := st.PutEnrichment(ctx, a.ID, e); err != nil {
			return err
		}
		arts[i].Enrichment = &e
	}
	return nil
}

// safeBuild keeps one story's failure from ending the run: the story gets
// an empty report and the rest go on.
func safeBuild(build BuildFunc, s model.Story, arts []model.Article, dups map[int64]int64) (r model.Report) {
	defer func() {
		if p := recover(); p != nil {
			r = model.Report{}
		}
	}()
	return build(s, arts, dups)
}

// reportFingerprint hashes what a report depends on.
func reportFingerprint(s model.Story, arts []model.Article, dups map[int64]int64) (string, error) {
	h := sha256.New()
	enc := json.NewEncoder(h)
	if err := enc.Encode([]any{s.ID, s.Title, dups}); err != nil {
		return "", err
	}
	for _, a := range arts {
		if err := enc.Encode(a); err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
