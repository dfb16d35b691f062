package storetest

import (
	"context"
	"fmt"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

// What a large story's page reads of its members: pages of them, in
// placement order or by outlet and date, and their counts per outlet and
// span of dates.
func runMembers(t *testing.T, open func(t *testing.T) Store) {
	ctx := context.Background()
	t.Run("members a page at a time", func(t *testing.T) {
		s := open(t)
		ids := newsroom(t, s)
		for _, tc := range []struct {
			name string
			q    store.MemberQuery
			want []int64
		}{
			{"placement order", store.MemberQuery{StoryID: 1}, []int64{ids[0], ids[1]}},
			{"a page", store.MemberQuery{StoryID: 1, Offset: 1, Limit: 5}, []int64{ids[1]}},
			{"one outlet", store.MemberQuery{StoryID: 2, Outlets: []string{"Harbour Wire"}}, []int64{ids[2], ids[4]}},
			{"one outlet, a page", store.MemberQuery{StoryID: 2, Outlets: []string{"Harbour Wire"}, Offset: 1, Limit: 1}, []int64{ids[4]}},
			{"an outlet not in it", store.MemberQuery{StoryID: 2, Outlets: []string{"Fenmoor Post"}}, nil},
			{"only these, members only", store.MemberQuery{StoryID: 1, IDs: []int64{ids[1], ids[2]}}, []int64{ids[1]}},
			{"none of these", store.MemberQuery{StoryID: 1, IDs: []int64{}}, nil},
		} {
			got, err := s.StoryMembers(ctx, tc.q)
			if err != nil || fmt.Sprint(refIDs(got)) != fmt.Sprint(tc.want) {
				t.Errorf("%s: StoryMembers(%+v) = %v, %v; want %v", tc.name, tc.q, refIDs(got), err, tc.want)
			}
		}
		got, err := s.StoryMembers(ctx, store.MemberQuery{StoryID: 2, Offset: 1})
		if err != nil || len(got) != 1 || got[0].DuplicateOf != ids[2] || got[0].StoryID != 2 || got[0].Article.Title != "Budget vote, again" ||
			got[0].Article.Outlet != "Harbour Wire" || got[0].Article.Published != "2026-02-04T09:00:00Z" || got[0].Article.Body != "" {
			t.Errorf("member = %+v, %v", got, err)
		}
		if st, err := s.Stories(ctx, store.StoryQuery{ID: 2, Summaries: true}); err != nil || len(st) != 1 || st[0].Articles != 2 || st[0].ArticleIDs != nil {
			t.Errorf("Stories(ID 2) = %+v, %v", st, err)
		}
		if st, err := s.Stories(ctx, store.StoryQuery{ID: 99}); err != nil || len(st) != 0 {
			t.Errorf("Stories(ID 99) = %+v, %v", st, err)
		}
	})
	t.Run("members by outlet and date, counted by span", func(t *testing.T) {
		s := open(t)
		arts := []model.Article{
			{Source: "a", Outlet: "Tidewater", Published: "2026-03-02", Title: "a"},
			{Source: "b", Outlet: "Tidewater", Title: "b"},
			{Source: "c", Outlet: "Tidewater", Published: "2026-03-01T10:00:00+02:00", Title: "c"},
			{Source: "d", Outlet: "Tidewater", Published: "2026-03-01", Title: "d"},
			{Source: "e", Published: "2026-04-11T08:00:00Z", Title: "e"},
			{Source: "f", Outlet: "Tidewater", Published: "2026-03-01", Title: "f"},
		}
		var ids []int64
		var ps []model.Placement
		for i, a := range arts {
			a.Body = "Body " + a.Source
			id, _, err := s.PutArticle(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
			ps = append(ps, model.Placement{ArticleID: id, StoryID: 7, NewStory: i == 0, Seq: int64(i + 1)})
		}
		Commit(t, s, store.PlacementBatch{Placements: ps, Stories: []model.Story{{ID: 7, StorylineID: 7, Title: "Tides",
			ArticleIDs: ids, Outlets: []string{"Tidewater"}, FirstPublished: "2026-03-01", LastPublished: "2026-04-11", Independent: 6, IndependentOutlets: 2}}})
		got, err := s.StoryMembers(ctx, store.MemberQuery{StoryID: 7, Outlets: []string{"Tidewater"}})
		want := []int64{ids[3], ids[5], ids[2], ids[0], ids[1]} // by date, then ID, the undated last
		if err != nil || fmt.Sprint(refIDs(got)) != fmt.Sprint(want) {
			t.Errorf("by outlet = %v, %v; want %v", refIDs(got), err, want)
		}
		if got, err := s.StoryMembers(ctx, store.MemberQuery{StoryID: 7, Outlets: []string{""}}); err != nil || len(got) != 1 || got[0].Article.ID != ids[4] {
			t.Errorf("stored without an outlet = %v, %v", refIDs(got), err)
		}
		got, err = s.StoryMembers(ctx, store.MemberQuery{StoryID: 7, Outlets: []string{"", "Tidewater"}, Offset: 1, Limit: 3})
		if want := []int64{ids[3], ids[5], ids[2]}; err != nil || fmt.Sprint(refIDs(got)) != fmt.Sprint(want) {
			t.Errorf("two outlets in turn, a page = %v, %v; want %v", refIDs(got), err, want)
		}
		got, err = s.StoryMembers(ctx, store.MemberQuery{StoryID: 7, Outlets: []string{"Tidewater", ""}, Offset: 4, Limit: 3})
		if want := []int64{ids[1], ids[4]}; err != nil || fmt.Sprint(refIDs(got)) != fmt.Sprint(want) {
			t.Errorf("two outlets the other way, a page = %v, %v; want %v", refIDs(got), err, want)
		}
		spans, err := s.StorySpans(ctx, 7, 7)
		wantSpans := []store.OutletSpan{
			{Outlet: "", Span: "2026-04", Articles: 1, First: "2026-04-11T08:00:00Z", Last: "2026-04-11T08:00:00Z"},
			{Outlet: "Tidewater", Span: "", Articles: 1},
			{Outlet: "Tidewater", Span: "2026-03", Articles: 4, First: "2026-03-01", Last: "2026-03-02"},
		}
		if err != nil || fmt.Sprint(spans) != fmt.Sprint(wantSpans) {
			t.Errorf("StorySpans = %+v, %v\nwant %+v", spans, err, wantSpans)
		}
		if spans, err := s.StorySpans(ctx, 7, 10); err != nil || len(spans) != 4 || spans[2].Span != "2026-03-01" || spans[2].Articles != 3 {
			t.Errorf("StorySpans by day = %+v, %v", spans, err)
		}
	})
}

func refIDs(rs []store.ArticleRef) []int64 {
	var ids []int64
	for _, r := range rs {
		ids = append(ids, r.Article.ID)
	}
	return ids
}
