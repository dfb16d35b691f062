package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"runtime"

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
	// Index, when set, keeps the corpus index (entities, quotations) and
	// the follows' events in step with the stories built.
	Index *Index
}

// maxPendingPasses bounds how often BuildPending reads the pending list
// again: a pass marks nothing itself, so a second pass finds only marks a
// build raced with.
const maxPendingPasses = 3

// BuildPending builds the report of every story marked pending in the
// store, clearing each mark once its report is stored (or
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
// Stories are read and compared by one worker per CPU (a comparison is a
// function of its story alone); what they give is written by this
// goroutine, in story order.
func buildPass(ctx context.Context, st ReportStore, rep Reporter, pending []store.PendingReport) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	n := 0
	var staged []stagedStory
	for b := range prepareAll(ctx, st, rep, pending) {
		if b.err != nil {
			return n, fmt.Errorf("report for story %d: %w", b.mark.StoryID, b.err)
		}
		if err := b.save(ctx, st); err != nil {
			return n, fmt.Errorf("report for story %d: %w", b.mark.StoryID, err)
		}
		if b.rebuilt {
			n++
		}
		if rep.Index != nil && b.exists {
			s, ok, err := rep.Index.stage(ctx, b)
			if err != nil {
				return n, fmt.Errorf("index story %d: %w", b.mark.StoryID, err)
			}
			if ok {
				s.mark = b.mark
				staged = append(staged, s)
				continue
			}
		}
		if err := st.ClearPending(ctx, b.mark); err != nil {
			return n, err
		}
	}
	if err := ctx.Err(); err != nil {
		return n, err
	}
	if rep.Index == nil {
		return n, nil
	}
	if err := rep.Index.regroup(ctx); err != nil {
		return n, err
	}
	return n, rep.Index.commitEvents(ctx, st, staged)
}

// prepareAll prepares the stories of pending on one worker per CPU and
// yields them in pending's order; it stops early when ctx ends (the
// consumer cancels it on an error).
func prepareAll(ctx context.Context, st ReportStore, rep Reporter, pending []store.PendingReport) iter.Seq[builtStory] {
	return func(yield func(builtStory) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		slots := make([]chan builtStory, len(pending))
		for i := range slots {
			slots[i] = make(chan builtStory, 1)
		}
		next := make(chan int)
		go func() {
			defer close(next)
			for i := range pending {
				select {
				case next <- i:
				case <-ctx.Done():
					return
				}
			}
		}()
		for range min(runtime.GOMAXPROCS(0), len(pending)) {
			go func() {
				for i := range next {
					slots[i] <- prepareStory(ctx, st, pending[i], rep)
				}
			}()
		}
		for i := range slots {
			select {
			case b := <-slots[i]:
				if !yield(b) {
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}
}

// builtStory is a story as its report build saw it, before anything is
// written: enrichment redated against the story's first day, and the
// report with its fingerprint (nil when the stored one is current).
type builtStory struct {
	mark    store.PendingReport
	story   model.Story
	arts    []model.Article
	redated []redatedArticle
	fp      string
	// members is the fingerprint of every member, which the index keys
	// on: fp covers only what Select chose, when it is set.
	members string
	report  *model.Report
	exists  bool
	rebuilt bool
	err     error
}

type redatedArticle struct {
	id int64
	e  model.Enrichment
}

// prepareStory reads one story and builds its report; it writes nothing.
func prepareStory(ctx context.Context, st ReportStore, p store.PendingReport, rep Reporter) builtStory {
	b := builtStory{mark: p}
	s, err := st.Story(ctx, p.StoryID)
	if errors.Is(err, store.ErrNotFound) {
		return b
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
		b.err = err
		return b
	}
	b.story, b.arts, b.exists = s, arts, true
	b.redated = redateAll(rep, s, arts)
	var old string
	if b.fp, b.members, b.err = storyFingerprints(s, arts, dups, rep); b.err == nil {
		old, b.err = st.ReportFingerprint(ctx, p.StoryID)
	}
	if b.err != nil || old == b.fp {
		return b
	}
	r := safeBuild(rep.Build, s, arts, dups)
	r.StoryID = p.StoryID
	b.report, b.rebuilt = &r, true
	return b
}

// save writes what prepareStory found: the redated enrichment, then the
// report.
func (b builtStory) save(ctx context.Context, st ReportStore) error {
	for _, x := range b.redated {
		if err := st.PutEnrichment(ctx, x.id, x.e); err != nil {
			return err
		}
	}
	if b.report == nil {
		return nil
	}
	return st.PutReport(ctx, b.mark.StoryID, b.fp, *b.report)
}

// redateAll gives the story's undated articles their dates resolved
// against its first day (Reporter.Redate), in arts, and returns the new
// enrichments to store.
func redateAll(rep Reporter, s model.Story, arts []model.Article) []redatedArticle {
	if rep.Redate == nil || s.FirstPublished == "" {
		return nil
	}
	var out []redatedArticle
	for i, a := range arts {
		e, ok := rep.Redate(a, s.FirstPublished)
		if !ok {
			continue
		}
		out = append(out, redatedArticle{a.ID, e})
		arts[i].Enrichment = &e
	}
	return out
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

// storyFingerprints are the report's fingerprint (basisFingerprint) and
// that of every member, for the index (the same unless rep chooses, and
// computed only when rep keeps an index).
func storyFingerprints(s model.Story, arts []model.Article, dups map[int64]int64, rep Reporter) (report, members string, err error) {
	if report, err = basisFingerprint(s, arts, dups, rep.Select); err != nil || rep.Select == nil || rep.Index == nil {
		return report, report, err
	}
	members, err = reportFingerprint(s, arts, dups)
	return report, members, err
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
