package storetest

import (
	"context"
	"slices"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

// entityQuotePages indexes quotations of Voss under both her keys across
// the newsroom's articles, among others', and reads them a page at a
// time: last published first, undated last, then by article and place;
// an article's new date moves its quotations. Her stories come last
// published first.
func entityQuotePages(t *testing.T, s IndexStore) {
	ctx := context.Background()
	ids := newsroom(t, s)
	indexVoss(t, s, ids)
	putFamily(t, s, store.PendingFamily{Family: "person:vos", Mark: 1}, model.CorpusEntity{Key: "mara voss", Name: "Mara Voss",
		Type: model.Person, Spellings: []string{"Mara Voss", "Voss"}, Keys: []string{"mara voss", "voss"}, Articles: 5, Mentions: 5})
	found, err := s.FindEntities(ctx, []string{"person:vos"}, 1)
	if err != nil || len(found) != 1 {
		t.Fatalf("FindEntities = %+v, %v", found, err)
	}
	voss := found[0].ID
	for _, tc := range []struct {
		limit int
		want  []int64
	}{{10, []int64{2, 1, 3}}, {2, []int64{2, 1}}} {
		st, err := s.EntityStories(ctx, voss, tc.limit)
		if got := store.StoryIDs(st); err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("EntityStories(%d) = %v, %v; want %v, last published first", tc.limit, got, err, tc.want)
		}
	}
	for _, tc := range []struct {
		q     store.QuoteQuery
		want  []string
		total int
	}{
		{store.QuoteQuery{EntityID: voss, Limit: 10}, []string{"feb4 first", "feb4 second", "feb3", "feb2", "feb1", "undated"}, 6},
		{store.QuoteQuery{EntityID: voss, Limit: 2}, []string{"feb4 first", "feb4 second"}, 6},
		{store.QuoteQuery{EntityID: voss, Offset: 2, Limit: 2}, []string{"feb3", "feb2"}, 6},
		{store.QuoteQuery{EntityID: voss, Offset: 4, Limit: 2}, []string{"feb1", "undated"}, 6},
		{store.QuoteQuery{EntityID: voss, Offset: 5, Limit: 10}, []string{"undated"}, 6},
		{store.QuoteQuery{EntityID: voss, Offset: 6, Limit: 2}, nil, 6},
		{store.QuoteQuery{EntityID: voss}, nil, 6}, // the count alone
		{store.QuoteQuery{EntityID: 999, Limit: 2}, nil, 0},
	} {
		hits, total, err := s.EntityQuotes(ctx, tc.q)
		if got := quoteTexts(hits); err != nil || !slices.Equal(got, tc.want) || total != tc.total {
			t.Errorf("EntityQuotes(%+v) = %q, %d, %v; want %q, %d", tc.q, got, total, err, tc.want, tc.total)
		}
	}
	putFamily(t, s, store.PendingFamily{Family: "person:hale", Mark: 1}, model.CorpusEntity{Key: "hale", Name: "Hale",
		Type: model.Person, Spellings: []string{"Hale"}, Keys: []string{"hale"}, Articles: 1, Mentions: 1})
	if hale, err := s.FindEntities(ctx, []string{"person:hale"}, 1); err != nil || len(hale) != 1 {
		t.Errorf("FindEntities(hale) = %+v, %v", hale, err)
	} else if hits, total, err := s.EntityQuotes(ctx, store.QuoteQuery{EntityID: hale[0].ID, Limit: 2}); err != nil ||
		!slices.Equal(quoteTexts(hits), []string{"someone else's"}) || total != 1 {
		t.Errorf("EntityQuotes(one key) = %q, %d, %v", quoteTexts(hits), total, err)
	}
	// The undated article gets a date, the latest: its quotation leads.
	if _, out, err := s.PutArticle(ctx, model.Article{Source: "4", Outlet: "Fenmoor Post", Published: "2026-02-05T07:00:00Z",
		Title: "Lantern festival", Body: "Lanterns lit the old quay."}); err != nil || out != store.Updated {
		t.Fatalf("PutArticle = %v, %v; want updated", out, err)
	}
	hits, total, err := s.EntityQuotes(ctx, store.QuoteQuery{EntityID: voss, Limit: 2})
	if got := quoteTexts(hits); err != nil || !slices.Equal(got, []string{"undated", "feb4 first"}) || total != 6 {
		t.Errorf("EntityQuotes after a new date = %q, %d, %v", got, total, err)
	}
	// Story 2 indexed again: one of Voss's quotations gone, one now
	// Hale's. The counts follow.
	if err := s.PutStoryIndex(ctx, store.StoryIndex{StoryID: 2, ArticleIDs: []int64{ids[2], ids[4]}, Quotes: []store.QuoteRow{
		{ArticleID: ids[4], StoryID: 2, Quote: model.Quote{Text: "feb4 first", Speaker: "Voss", SpeakerKey: "voss"}},
		{ArticleID: ids[4], StoryID: 2, N: 1, Quote: model.Quote{Text: "feb4 second", Speaker: "Hale", SpeakerKey: "hale"}},
	}}); err != nil {
		t.Fatal(err)
	}
	hits, total, err = s.EntityQuotes(ctx, store.QuoteQuery{EntityID: voss, Limit: 10})
	if got := quoteTexts(hits); err != nil || !slices.Equal(got, []string{"undated", "feb4 first", "feb2", "feb1"}) || total != 4 {
		t.Errorf("EntityQuotes after re-indexing = %q, %d, %v", got, total, err)
	}
}

// indexVoss indexes the newsroom's stories: Voss named in each under
// one of her keys or the other, and quoted under both, among others.
func indexVoss(t *testing.T, s IndexStore, ids []int64) {
	t.Helper()
	story := map[int]int64{0: 1, 1: 1, 2: 2, 3: 3, 4: 2} // the story of each article
	quote := func(article, n int, key, text string) store.QuoteRow {
		return store.QuoteRow{ArticleID: ids[article], StoryID: story[article], N: n,
			Quote: model.Quote{Text: text, Speaker: "Voss", SpeakerKey: key, Verb: "said"}}
	}
	named := func(article int, key string) store.EntityRow {
		return store.EntityRow{ArticleID: ids[article], StoryID: story[article], Family: "person:vos",
			Entity: model.Entity{Name: "Voss", Key: key, Type: model.Person, Mentions: 1}}
	}
	for _, idx := range []store.StoryIndex{
		{StoryID: 1, ArticleIDs: []int64{ids[0], ids[1]}, Entities: []store.EntityRow{named(1, "mara voss")}, Quotes: []store.QuoteRow{
			quote(0, 0, "mara voss", "feb1"), quote(1, 0, "voss", "feb2"), quote(1, 1, "hale", "someone else's"), quote(1, 2, "", "nobody's")}},
		{StoryID: 2, ArticleIDs: []int64{ids[2], ids[4]}, Entities: []store.EntityRow{named(2, "voss"), named(4, "mara voss")},
			Quotes: []store.QuoteRow{quote(2, 0, "voss", "feb3"), quote(4, 0, "voss", "feb4 first"), quote(4, 1, "mara voss", "feb4 second")}},
		{StoryID: 3, ArticleIDs: []int64{ids[3]}, Entities: []store.EntityRow{named(3, "voss")}, Quotes: []store.QuoteRow{quote(3, 0, "voss", "undated")}},
	} {
		if err := s.PutStoryIndex(context.Background(), idx); err != nil {
			t.Fatal(err)
		}
	}
}

func quoteTexts(hits []store.QuoteHit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Text)
	}
	return out
}
