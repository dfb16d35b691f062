package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// IndexStore is what the index and follows part of the contract
// exercises.
type IndexStore interface {
	Store
	PutStoryIndex(ctx context.Context, idx store.StoryIndex) error
	PendingFamilies(ctx context.Context) ([]store.PendingFamily, error)
	FamilyRows(ctx context.Context, families []string) (map[string][]store.EntityRow, error)
	PutFamily(ctx context.Context, p store.PendingFamily, ents []model.CorpusEntity) error
	Entity(ctx context.Context, id int64) (store.Entity, error)
	FindEntities(ctx context.Context, families []string, limit int) ([]store.Entity, error)
	EntityStories(ctx context.Context, id int64, limit int) ([]model.Story, error)
	EntityQuotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteHit, int, error)
	SearchQuotes(ctx context.Context, q string, limit int) ([]store.QuoteHit, error)
	StoryNames(ctx context.Context, q store.NameQuery) ([]store.EntityMention, int, error)
	StoriesNames(ctx context.Context, ids []int64) (map[int64][]store.EntityMention, error)
	IndexFingerprint(ctx context.Context, storyID int64) (string, error)
	ArticleEntities(ctx context.Context, articleID int64) ([]store.EntityMention, error)
	ArticlesMatching(ctx context.Context, q string, ids []int64) (map[int64]bool, error)
	Storylines(ctx context.Context, limit, offset int) ([]store.Storyline, error)
	StorylineStories(ctx context.Context, id int64, limit, offset int) ([]model.Story, error)
	StoryState(ctx context.Context, storyID int64) (store.StoryState, error)
	CommitStoryEvents(ctx context.Context, e store.StoryEvents) error

	AddFollow(ctx context.Context, f model.Follow) (model.Follow, error)
	Follows(ctx context.Context) ([]model.Follow, error)
	Follow(ctx context.Context, id int64) (model.Follow, error)
	RemoveFollow(ctx context.Context, id int64) error
	FollowEvents(ctx context.Context, followID int64, limit int) ([]model.FollowEvent, error)
	DueDeliveries(ctx context.Context, now time.Time, claimFor time.Duration, limit int) ([]store.DueDelivery, error)
	PutDeliveryResult(ctx context.Context, r store.DeliveryResult) error
	Deliveries(ctx context.Context, followID int64, limit int) ([]store.Delivery, error)
}

// RunIndex checks the index and follows part of the contract.
func RunIndex(t *testing.T, open func(t *testing.T) IndexStore) {
	t.Run("index rows, family records and their reads", func(t *testing.T) { indexRecords(t, open(t)) })
	t.Run("re-indexing writes only the articles that changed", func(t *testing.T) { indexChanges(t, open(t)) })
	t.Run("a key joined into another record redirects", func(t *testing.T) { indexMerge(t, open(t)) })
	t.Run("a speaker's quotations a page at a time", func(t *testing.T) { entityQuotePages(t, open(t)) })
	t.Run("storylines", func(t *testing.T) { storylines(t, open(t)) })
	t.Run("follows, events and deliveries", func(t *testing.T) { followEvents(t, open(t)) })
}

// indexNewsroom indexes the newsroom's ferry story: a person under two
// keys (the full name and the family name alone) and a quotation.
func indexNewsroom(t *testing.T, s IndexStore) []int64 {
	t.Helper()
	ids := newsroom(t, s)
	idx := newsroomIndex(ids)
	ctx := context.Background()
	if err := s.PutStoryIndex(ctx, idx); err != nil {
		t.Fatal(err)
	}
	fams, err := s.PendingFamilies(ctx)
	if err != nil || len(fams) != 2 || fams[0].Family != "person:vos" || fams[1].Family != "place:corvane" {
		t.Fatalf("pending families = %+v, %v", fams, err)
	}
	fr, err := s.FamilyRows(ctx, []string{"person:vos", "place:corvane", "person:nobody"})
	rows := fr["person:vos"]
	if err != nil || len(fr) != 2 || len(fr["place:corvane"]) != 1 || len(rows) != 2 || rows[0].Entity.Aliases[0] != "Voss" || rows[1].Entity.Key != "voss" {
		t.Fatalf("family rows = %+v, %v", rows, err)
	}
	putFamily(t, s, fams[0], model.CorpusEntity{Key: "mara voss", Name: "Mara Voss", Type: model.Person,
		Spellings: []string{"Mara Voss", "Voss"}, Keys: []string{"mara voss", "voss"}, Articles: 2, Mentions: 4})
	putFamily(t, s, fams[1], model.CorpusEntity{Key: "corvane", Name: "Corvane", Type: model.Place,
		Spellings: []string{"Corvane"}, Keys: []string{"corvane"}, Articles: 1, Mentions: 1})
	return ids
}

func putFamily(t *testing.T, s IndexStore, p store.PendingFamily, ents ...model.CorpusEntity) {
	t.Helper()
	if err := s.PutFamily(context.Background(), p, ents); err != nil {
		t.Fatal(err)
	}
}

func indexRecords(t *testing.T, s IndexStore) {
	ctx := context.Background()
	ids := indexNewsroom(t, s)
	if fams, err := s.PendingFamilies(ctx); err != nil || len(fams) != 0 {
		t.Fatalf("families still pending: %+v, %v", fams, err)
	}
	found, err := s.FindEntities(ctx, []string{"person:vos"}, 10)
	if err != nil || len(found) != 1 || found[0].Name != "Mara Voss" || len(found[0].Keys) != 2 {
		t.Fatalf("FindEntities = %+v, %v", found, err)
	}
	voss := found[0].ID
	if all, err := s.FindEntities(ctx, nil, 10); err != nil || len(all) != 2 || all[0].ID != voss {
		t.Errorf("FindEntities(all) = %+v, %v", all, err)
	}
	if e, err := s.Entity(ctx, voss); err != nil || e.Articles != 2 || e.Spellings[1] != "Voss" {
		t.Errorf("Entity = %+v, %v", e, err)
	}
	if _, err := s.Entity(ctx, 999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing entity: %v", err)
	}
	if st, err := s.EntityStories(ctx, voss, 10); err != nil || len(st) != 1 || st[0].ID != 1 || st[0].Articles != 2 || st[0].ArticleIDs != nil {
		t.Errorf("EntityStories = %+v, %v; want story 1's summary", st, err)
	}
	qs, total, err := s.EntityQuotes(ctx, store.QuoteQuery{EntityID: voss, Limit: 10})
	if err != nil || len(qs) != 1 || total != 1 || qs[0].ArticleID != ids[1] || qs[0].Outlet != "Fenmoor Post" || qs[0].SpeakerID != voss {
		t.Errorf("EntityQuotes = %+v, %d, %v", qs, total, err)
	}
	hits, err := s.SearchQuotes(ctx, "pay fair", 10)
	if err != nil || len(hits) != 1 || hits[0].SpeakerID != voss || hits[0].StoryID != 1 {
		t.Errorf("SearchQuotes = %+v, %v", hits, err)
	}
	if hits, err := s.SearchQuotes(ctx, "harbour budget", 10); err != nil || len(hits) != 0 {
		t.Errorf("SearchQuotes(no match) = %+v, %v", hits, err)
	}
	storyNames(t, s, voss)
	if ms, err := s.ArticleEntities(ctx, ids[1]); err != nil || len(ms) != 1 || ms[0].Key != "voss" || ms[0].EntityID != voss {
		t.Errorf("ArticleEntities = %+v, %v", ms, err)
	}
	m, err := s.ArticlesMatching(ctx, "ferry corvane", []int64{ids[0], ids[1], ids[2]})
	if err != nil || !m[ids[0]] || !m[ids[1]] || m[ids[2]] {
		t.Errorf("ArticlesMatching = %v, %v", m, err)
	}
	// Indexing the story again replaces its rows and marks the family.
	if err := s.PutStoryIndex(ctx, store.StoryIndex{StoryID: 1, ArticleIDs: []int64{ids[0], ids[1]}}); err != nil {
		t.Fatal(err)
	}
	if rows, err := s.FamilyRows(ctx, []string{"person:vos"}); err != nil || len(rows) != 0 {
		t.Errorf("rows after re-index = %+v, %v", rows, err)
	}
	if ms, total, err := s.StoryNames(ctx, store.NameQuery{StoryID: 1}); err != nil || len(ms) != 0 || total != 0 {
		t.Errorf("names after re-index = %+v, %d, %v", ms, total, err)
	}
	if hits, _ := s.SearchQuotes(ctx, "pay fair", 10); len(hits) != 0 {
		t.Errorf("quotation kept after re-index: %+v", hits)
	}
	if fams, _ := s.PendingFamilies(ctx); len(fams) != 2 {
		t.Errorf("families marked after re-index = %+v", fams)
	}
}

// newsroomIndex is the index indexNewsroom writes, with more.
func newsroomIndex(ids []int64, more ...store.EntityRow) store.StoryIndex {
	voss := func(key, name string) model.Entity {
		return model.Entity{Name: name, Key: key, Type: model.Person, Aliases: []string{"Voss"}, Mentions: 2}
	}
	idx := store.StoryIndex{StoryID: 1, ArticleIDs: []int64{ids[0], ids[1]},
		Entities: []store.EntityRow{
			{ArticleID: ids[0], N: 0, StoryID: 1, Family: "person:vos", Entity: voss("mara voss", "Mara Voss")},
			{ArticleID: ids[0], N: 1, StoryID: 1, Family: "place:corvane", Entity: model.Entity{Name: "Corvane", Key: "corvane", Type: model.Place, Mentions: 1}},
			{ArticleID: ids[1], N: 0, StoryID: 1, Family: "person:vos", Entity: voss("voss", "Voss")},
		},
		Quotes: []store.QuoteRow{{ArticleID: ids[1], StoryID: 1, Quote: model.Quote{Text: "The crews will sail when the pay is fair",
			Speaker: "Voss", SpeakerKey: "voss", Verb: "said"}}},
	}
	for _, r := range more {
		if !slices.Contains(idx.ArticleIDs, r.ArticleID) {
			idx.ArticleIDs = append(idx.ArticleIDs, r.ArticleID)
		}
		idx.Entities = append(idx.Entities, r)
	}
	return idx
}

// indexChanges indexes the story again as it grows and changes: only the
// families of rows that changed are marked, and rows that did not change
// stay as they were (the quotation is still found once).
func indexChanges(t *testing.T, s IndexStore) {
	ctx := context.Background()
	ids := indexNewsroom(t, s)
	pending := func(want ...string) {
		t.Helper()
		fams, err := s.PendingFamilies(ctx)
		var got []string
		for _, f := range fams {
			got = append(got, f.Family)
		}
		if err != nil || !slices.Equal(got, want) {
			t.Fatalf("pending families = %q, %v; want %q", got, err, want)
		}
		for _, f := range fams {
			putFamily(t, s, f)
		}
	}
	if err := s.PutStoryIndex(ctx, newsroomIndex(ids)); err != nil {
		t.Fatal(err)
	}
	pending() // the same rows again: nothing to rebuild
	fenmoor := store.EntityRow{ArticleID: ids[2], N: 0, StoryID: 1, Family: "place:fenmoor",
		Entity: model.Entity{Name: "Fenmoor", Key: "fenmoor", Type: model.Place, Mentions: 1}}
	if err := s.PutStoryIndex(ctx, newsroomIndex(ids, fenmoor)); err != nil {
		t.Fatal(err)
	}
	pending("place:fenmoor") // a member joined: its families only
	putFamily(t, s, store.PendingFamily{Family: "place:fenmoor", Mark: 1}, model.CorpusEntity{Key: "fenmoor", Name: "Fenmoor",
		Type: model.Place, Spellings: []string{"Fenmoor"}, Keys: []string{"fenmoor"}, Articles: 1, Mentions: 1})
	if ms, total, err := s.StoryNames(ctx, store.NameQuery{StoryID: 1, Keys: []string{"fenmoor"}}); err != nil || len(ms) != 1 || total != 1 || ms[0].Articles != 1 {
		t.Errorf("names after a member joined = %+v, %d, %v", ms, total, err)
	}
	idx := newsroomIndex(ids, fenmoor)
	idx.Entities[2].Entity.Mentions = 3 // the second article's enrichment changed
	if err := s.PutStoryIndex(ctx, idx); err != nil {
		t.Fatal(err)
	}
	pending("person:vos")
	putFamily(t, s, store.PendingFamily{Family: "person:vos", Mark: 1}, model.CorpusEntity{Key: "mara voss", Name: "Mara Voss",
		Type: model.Person, Spellings: []string{"Mara Voss", "Voss"}, Keys: []string{"mara voss", "voss"}, Articles: 2, Mentions: 5})
	// Voss's count of mentions under "voss" went up: it now comes first.
	if ms, total, err := s.StoryNames(ctx, store.NameQuery{StoryID: 1, Limit: 1}); err != nil || len(ms) != 1 || ms[0].Key != "voss" || total != 4 {
		t.Errorf("names after a member changed = %+v, %d, %v", ms, total, err)
	}
	if fr, err := s.FamilyRows(ctx, []string{"person:vos"}); err != nil || len(fr["person:vos"]) != 2 || fr["person:vos"][1].Entity.Mentions != 3 {
		t.Errorf("family rows = %+v, %v", fr, err)
	}
	if hits, err := s.SearchQuotes(ctx, "pay fair", 10); err != nil || len(hits) != 1 {
		t.Errorf("SearchQuotes after re-indexing = %+v, %v; want the quotation once", hits, err)
	}
}

func indexMerge(t *testing.T, s IndexStore) {
	ctx := context.Background()
	newsroom(t, s)
	p := store.PendingFamily{Family: "person:vos", Mark: 1}
	putFamily(t, s, p, model.CorpusEntity{Key: "voss", Name: "Voss", Type: model.Person, Keys: []string{"voss"}, Articles: 1, Mentions: 1})
	first, _ := s.FindEntities(ctx, []string{"person:vos"}, 10)
	putFamily(t, s, p, model.CorpusEntity{Key: "mara voss", Name: "Mara Voss", Type: model.Person, Keys: []string{"mara voss", "voss"}, Articles: 2, Mentions: 3})
	now, _ := s.FindEntities(ctx, []string{"person:vos"}, 10)
	if len(first) != 1 || len(now) != 1 || now[0].ID == first[0].ID {
		t.Fatalf("records before %+v, after %+v", first, now)
	}
	old, err := s.Entity(ctx, first[0].ID)
	if err != nil || old.MergedInto != now[0].ID || old.Articles != 0 {
		t.Errorf("joined record = %+v, %v; want merged into %d", old, err, now[0].ID)
	}
	putFamily(t, s, p, model.CorpusEntity{Key: "voss", Name: "Voss", Type: model.Person, Keys: []string{"voss"}, Articles: 1, Mentions: 1})
	if again, _ := s.FindEntities(ctx, []string{"person:vos"}, 10); len(again) != 1 || again[0].ID != first[0].ID {
		t.Errorf("a key canonical again keeps its ID: %+v, want %d", again, first[0].ID)
	}
}

func storylines(t *testing.T, s IndexStore) {
	ctx := context.Background()
	newsroom(t, s)
	lines, err := s.Storylines(ctx, 10, 0)
	if err != nil || len(lines) != 1 {
		t.Fatalf("Storylines = %+v, %v; want the one of two stories", lines, err)
	}
	l := lines[0]
	if l.ID != 1 || l.Stories != 2 || l.First != "2026-02-01" || l.Last != "2026-02-04" || l.Title != "Budget vote" {
		t.Errorf("storyline = %+v", l)
	}
	stories, err := s.StorylineStories(ctx, 1, 10, 0)
	if err != nil || len(stories) != 2 || stories[0].ID != 1 || stories[1].ID != 2 || len(stories[1].ArticleIDs) != 2 {
		t.Errorf("StorylineStories = %+v, %v", stories, err)
	}
	if rest, err := s.StorylineStories(ctx, 1, 10, 1); err != nil || len(rest) != 1 || rest[0].ID != 2 {
		t.Errorf("StorylineStories past the first = %+v, %v", rest, err)
	}
	// The lantern festival joins storyline 1 and the budget vote leaves
	// it for the festival's old one: the lines follow their stories.
	Commit(t, s, store.PlacementBatch{Stories: []model.Story{
		{ID: 2, StorylineID: 3, Title: "Budget vote, again", ArticleIDs: stories[1].ArticleIDs, Outlets: []string{"Harbour Wire"},
			FirstPublished: "2026-02-03", LastPublished: "2026-02-04", Independent: 1, IndependentOutlets: 1},
		{ID: 3, StorylineID: 1, Title: "Lantern festival", ArticleIDs: []int64{4}, Outlets: []string{"Fenmoor Post"},
			Independent: 1, IndependentOutlets: 1},
	}})
	lines, err = s.Storylines(ctx, 10, 0)
	if err != nil || len(lines) != 1 || lines[0].ID != 1 || lines[0].Stories != 2 || lines[0].Last != "2026-02-02" || lines[0].Title != "Ferry strike" {
		t.Errorf("Storylines after stories moved = %+v, %v", lines, err)
	}
}

func followEvents(t *testing.T, s IndexStore) {
	ctx := context.Background()
	if st, err := s.StoryState(ctx, 1); err != nil || st.Snapshot != nil || st.Baseline || st.Fingerprint != "" {
		t.Fatalf("state of a story never indexed = %+v, %v", st, err)
	}
	f, err := s.AddFollow(ctx, model.Follow{Kind: model.FollowSearch, Target: "ferry", Label: "ferry", Webhook: "http://127.0.0.1:1/hook", Secret: "s3"})
	if err != nil || f.ID == 0 || f.Created == "" {
		t.Fatalf("AddFollow = %+v, %v", f, err)
	}
	quiet, _ := s.AddFollow(ctx, model.Follow{Kind: model.FollowStoryline, Target: "1", Label: "line"})
	snap := store.Snapshot{Members: []int64{1}, Outlets: []string{"Harbour Wire"}, Storyline: 1}
	ev := model.FollowEvent{FollowID: f.ID, Kind: model.EventStory, StoryID: 1, Title: "Ferry strike", Outlets: snap.Outlets}
	ev2 := model.FollowEvent{FollowID: quiet.ID, Kind: model.EventOutlet, StoryID: 1, Outlet: "Fenmoor Post"}
	if err := s.CommitStoryEvents(ctx, store.StoryEvents{StoryID: 1, Fingerprint: "fp1", Snapshot: snap, Events: []model.FollowEvent{ev, ev2}}); err != nil {
		t.Fatal(err)
	}
	st, err := s.StoryState(ctx, 1)
	if err != nil || st.Fingerprint != "fp1" || st.Snapshot == nil || st.Snapshot.Outlets[0] != "Harbour Wire" {
		t.Fatalf("StoryState = %+v, %v", st, err)
	}
	evs, err := s.FollowEvents(ctx, f.ID, 10)
	if err != nil || len(evs) != 1 || evs[0].Title != "Ferry strike" || evs[0].ID == 0 || evs[0].Created == "" {
		t.Fatalf("FollowEvents = %+v, %v", evs, err)
	}
	now := time.Now()
	due, err := s.DueDeliveries(ctx, now, time.Minute, 10)
	if err != nil || len(due) != 1 || due[0].Follow.Secret != "s3" || due[0].Event.Title != "Ferry strike" || due[0].URL != f.Webhook {
		t.Fatalf("DueDeliveries = %+v, %v; want the webhook follow's one", due, err)
	}
	if again, _ := s.DueDeliveries(ctx, now, time.Minute, 10); len(again) != 0 {
		t.Errorf("a claimed delivery is due again at once: %+v", again)
	}
	retry := now.Add(30 * time.Second).Truncate(time.Second)
	if err := s.PutDeliveryResult(ctx, store.DeliveryResult{EventID: due[0].EventID, Status: 500, Error: "HTTP 500", NextTry: retry}); err != nil {
		t.Fatal(err)
	}
	ds, err := s.Deliveries(ctx, f.ID, 10)
	if err != nil || len(ds) != 1 || ds[0].Attempts != 1 || ds[0].LastStatus != 500 || !ds[0].NextTry.Equal(retry) || ds[0].GaveUp {
		t.Fatalf("after a failed attempt: %+v, %v", ds, err)
	}
	if due, _ := s.DueDeliveries(ctx, retry, time.Minute, 10); len(due) != 1 {
		t.Fatalf("retry not due at its time: %+v", due)
	}
	if err := s.PutDeliveryResult(ctx, store.DeliveryResult{EventID: due[0].EventID, OK: true, Status: 204}); err != nil {
		t.Fatal(err)
	}
	ds, _ = s.Deliveries(ctx, f.ID, 10)
	if len(ds) != 1 || ds[0].Delivered.IsZero() || !ds[0].NextTry.IsZero() || ds[0].Attempts != 2 {
		t.Errorf("after delivery: %+v", ds)
	}
	if err := s.RemoveFollow(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveFollow(ctx, f.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second remove: %v", err)
	}
	if evs, _ := s.FollowEvents(ctx, f.ID, 10); len(evs) != 0 {
		t.Errorf("events of a removed follow: %+v", evs)
	}
	if fs, _ := s.Follows(ctx); len(fs) != 1 || fs[0].ID != quiet.ID {
		t.Errorf("Follows = %+v", fs)
	}
	if _, err := s.Follow(ctx, f.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Follow(removed): %v", err)
	}
}

// storyNames reads the newsroom story's names: Voss under two keys (one
// article each, two mentions each), Corvane once.
func storyNames(t *testing.T, s IndexStore, voss int64) {
	t.Helper()
	ctx := context.Background()
	keys := func(ms []store.EntityMention) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Key)
		}
		return out
	}
	for _, tc := range []struct {
		q     store.NameQuery
		want  []string
		total int
	}{
		{store.NameQuery{StoryID: 1}, []string{"mara voss", "voss", "corvane"}, 3},
		{store.NameQuery{StoryID: 1, Limit: 1}, []string{"mara voss"}, 3},
		{store.NameQuery{StoryID: 1, Offset: 1, Limit: 5}, []string{"voss", "corvane"}, 3},
		{store.NameQuery{StoryID: 1, Keys: []string{"voss", "nobody"}}, []string{"voss"}, 1},
		{store.NameQuery{StoryID: 1, Keys: []string{}}, nil, 0},
		{store.NameQuery{StoryID: 2}, nil, 0},
	} {
		ms, total, err := s.StoryNames(ctx, tc.q)
		if err != nil || !slices.Equal(keys(ms), tc.want) || total != tc.total {
			t.Errorf("StoryNames(%+v) = %q, %d, %v; want %q, %d", tc.q, keys(ms), total, err, tc.want, tc.total)
		}
	}
	ms, _, err := s.StoryNames(ctx, store.NameQuery{StoryID: 1})
	if err != nil || len(ms) != 3 || ms[0].EntityID != voss || ms[0].Name != "Mara Voss" || ms[0].Type != model.Person || ms[0].Articles != 1 {
		t.Errorf("StoryNames = %+v, %v", ms, err)
	}
	all, err := s.StoriesNames(ctx, []int64{1, 2})
	if err != nil || len(all) != 1 || !slices.Equal(all[1], ms) {
		t.Errorf("StoriesNames(1, 2) = %+v, %v; want story 1's as StoryNames gives them", all, err)
	}
}
