package web

import (
	"fmt"
	"testing"
)

func TestPageArticles(t *testing.T) {
	groups := func(sizes ...int) []articleGroup {
		var out []articleGroup
		id := int64(0)
		for i, n := range sizes {
			g := articleGroup{Outlet: outletInfo{Name: fmt.Sprint("outlet ", i)}}
			for range n {
				id++
				g.Articles = append(g.Articles, articleRow{ID: id})
			}
			out = append(out, g)
		}
		return out
	}
	tests := []struct {
		name  string
		sizes []int
		page  int
		want  string
		pager articlesPage
	}{
		{"a short list is whole", []int{2, 1}, 1, "[outlet 0[1 2] outlet 1[3]]", articlesPage{}},
		{"first page", []int{3, 2, 2}, 1, "[outlet 0[1 2 3]]", articlesPage{From: 1, To: 3, Total: 7, Next: "/stories/9?articles=2#articles"}},
		{"a page across two outlets", []int{3, 2, 2}, 2, "[outlet 1[4 5] outlet 2[6]]",
			articlesPage{From: 4, To: 6, Total: 7, Prev: "/stories/9#articles", Next: "/stories/9?articles=3#articles"}},
		{"past the end: the last", []int{3, 2, 2}, 9, "[outlet 2[7]]", articlesPage{From: 7, To: 7, Total: 7, Prev: "/stories/9?articles=2#articles"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := storyView{Groups: groups(tt.sizes...)}
			v.pageArticles(tt.page, 3, "/stories/9")
			if got := groupIDs(v.Groups); got != tt.want || v.ArticlesPage != tt.pager {
				t.Errorf("page %d = %s, %+v\nwant %s, %+v", tt.page, got, v.ArticlesPage, tt.want, tt.pager)
			}
		})
	}
}
