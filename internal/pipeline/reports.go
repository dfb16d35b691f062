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

// SelectFunc picks the members a story's report reads, saying whether it
// left some out (compare.Select).
type SelectFunc func(arts []model.Article, dups map[int64]int64) (chosen []model.Article, partial bool)

// Reporter builds the stories' comparison reports.
type Reporter struct {
	Build BuildFunc
	// Select, when set, is what Build reads of a story: the report's
	// fingerprint then covers only the chosen members, so an article that
	// joins a large story without changing the choice leaves its report
	// as it is, unbuilt.
	Select SelectFunc
	// Redate, when set, gives an article with no date of its own (no
	// published date, none its page or text gives) its dates resolved
	// against its story's first day; ok is false when there is nothing to
	// do. The new enrichment is stored before the report is built.
	Redate func(a model.Article, storyDay string) (e model.Enrichment, ok bool)
}

// maxPendingPasses bounds how often BuildPending reads the pending list
// again: a pass marks nothing itself, so a second pass finds only marks a
// build raced with.
const maxPendingPasses = 3

// BuildPending builds the report of every story marked pending in the
// store, in story order, clearing each mark once its report is stored (or
// found current: a fingerprint over the members' content, enrichment and
// duplicate marks decides), and returns how many it rebuilt. The caller
// holds the writer lease. A story that no longer exists is cleared. A
// crash at any point leaves the unfinished marks for the next writer.
func BuildPending(ctx context.Context, st ReportStore, rep Reporter) (int, error) {
	n := 0
	for range maxPendingPasses {
		pending, err := st.PendingReports(ctx)
		if err != nil || len(pending) == 0 {
			return n, err
		}
		for _, p := range pending {
			if err := ctx.Err(); err != nil {
				return n, err
			}
			built, err := buildReport(ctx, st, p.StoryID, rep)
			if err != nil {
				return n, fmt.Errorf("report for story %d: %w", p.StoryID, err)
			}
			if built {
				n++
			}
			if err := st.ClearPending(ctx, p); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

func buildReport(ctx context.Context, st ReportStore, id int64, rep Reporter) (bool, error) {
	s, err := st.Story(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	arts, err := st.StoryArticles(ctx, id)
	if err != nil {
		return false, err
	}
	dups, err := st.StoryDuplicates(ctx, id)
	if err != nil {
		return false, err
	}
	if rep.Redate != nil && s.FirstPublished != "" {
		for i, a := range arts {
			e, ok := rep.Redate(a, s.FirstPublished)
			if !ok {
				continue
			}
			if err := st.PutEnrichment(ctx, a.ID, e); err != nil {
				return false, err
			}
			arts[i].Enrichment = &e
		}
	}
	fp, err := basisFingerprint(s, arts, dups, rep.Select)
	if err != nil {
		return false, err
	}
	old, err := st.ReportFingerprint(ctx, id)
	if err != nil {
		return false, err
	}
	if old == fp {
		return false, nil
	}
	r := safeBuild(rep.Build, s, arts, dups)
	r.StoryID = id
	return true, st.PutReport(ctx, id, fp, r)
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

// basisFingerprint hashes what a report depends on: every member, or the
// members sel chooses and whether it left some out.
func basisFingerprint(s model.Story, arts []model.Article, dups map[int64]int64, sel SelectFunc) (string, error) {
	if sel == nil {
		return reportFingerprint(s, arts, dups)
	}
	chosen, partial := sel(arts, dups)
	among := make(map[int64]int64)
	for _, a := range chosen {
		if d, ok := dups[a.ID]; ok {
			among[a.ID] = d
		}
	}
	if partial {
		among[0] = -1 // not a member ID: marks a partial choice
	}
	return reportFingerprint(s, chosen, among)
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
