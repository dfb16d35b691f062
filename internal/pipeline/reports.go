package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sync"

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
// store, clearing each mark once its report is stored (or found current:
// a fingerprint over the members' content, enrichment and duplicate marks
// decides), and returns how many it rebuilt. Stories are read and compared
// by one worker per CPU (a comparison is a function of its story alone);
// what they give is written by this goroutine. The caller holds the writer
// lease. A story that no longer exists is cleared. A crash at any point
// leaves the unfinished marks for the next writer.
func BuildPending(ctx context.Context, st ReportStore, rep Reporter) (int, error) {
	n := 0
	for range maxPendingPasses {
		pending, err := st.PendingReports(ctx)
		if err != nil || len(pending) == 0 {
			return n, err
		}
		built, err := buildAll(ctx, st, pending, rep)
		n += built
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// buildAll prepares the reports of pending in parallel and saves each as
// it comes.
func buildAll(ctx context.Context, st ReportStore, pending []store.PendingReport, rep Reporter) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan store.PendingReport)
	results := make(chan preparedReport)
	workers := min(runtime.GOMAXPROCS(0), len(pending))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				results <- prepareReport(ctx, st, p, rep)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, p := range pending {
			select {
			case jobs <- p:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	n := 0
	var firstErr error
	for r := range results {
		if firstErr != nil {
			continue // drain: the workers finish what they hold
		}
		built, err := r.save(ctx, st)
		if err != nil {
			firstErr = fmt.Errorf("report for story %d: %w", r.p.StoryID, err)
			cancel()
			continue
		}
		if built {
			n++
		}
	}
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	return n, firstErr
}

// preparedReport is what one story's build gives, before anything is
// written: enrichment redated against the story's first day, and the
// report with its fingerprint (nil when the stored one is current or the
// story is gone).
type preparedReport struct {
	p       store.PendingReport
	redated []redatedArticle
	fp      string
	report  *model.Report
	err     error
}

type redatedArticle struct {
	id int64
	e  model.Enrichment
}

func prepareReport(ctx context.Context, st ReportStore, p store.PendingReport, rep Reporter) preparedReport {
	out := preparedReport{p: p}
	if out.err = ctx.Err(); out.err != nil {
		return out
	}
	s, err := st.Story(ctx, p.StoryID)
	if errors.Is(err, store.ErrNotFound) {
		return out
	}
	var arts []model.Article
	var dups map[int64]int64
	if err == nil {
		arts, err = st.StoryArticles(ctx, p.StoryID)
	}
	if err == nil {
		dups, err = st.StoryDuplicates(ctx, p.StoryID)
	}
	if err != nil {
		out.err = err
		return out
	}
	if rep.Redate != nil && s.FirstPublished != "" {
		for i, a := range arts {
			if e, ok := rep.Redate(a, s.FirstPublished); ok {
				out.redated = append(out.redated, redatedArticle{a.ID, e})
				arts[i].Enrichment = &e
			}
		}
	}
	var old string
	if out.fp, out.err = basisFingerprint(s, arts, dups, rep.Select); out.err == nil {
		old, out.err = st.ReportFingerprint(ctx, p.StoryID)
	}
	if out.err != nil || old == out.fp {
		return out
	}
	r := safeBuild(rep.Build, s, arts, dups)
	r.StoryID = p.StoryID
	out.report = &r
	return out
}

// save writes a prepared report and clears its pending mark; built says
// whether a new report was stored.
func (r preparedReport) save(ctx context.Context, st ReportStore) (bool, error) {
	if r.err != nil {
		return false, r.err
	}
	for _, x := range r.redated {
		if err := st.PutEnrichment(ctx, x.id, x.e); err != nil {
			return false, err
		}
	}
	if r.report != nil {
		if err := st.PutReport(ctx, r.p.StoryID, r.fp, *r.report); err != nil {
			return false, err
		}
	}
	return r.report != nil, st.ClearPending(ctx, r.p)
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
