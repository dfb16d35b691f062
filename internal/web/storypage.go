package web

import (
	"fmt"
	"net/url"
)

// storyArticlesShown is how many articles a story page lists; a larger
// story's list is paged (?articles=N). A story of 4,500 articles listed
// whole made a page of 800 KB of article links alone.
const storyArticlesShown = 300

// articlesPage is the part of a story's article list one page shows.
type articlesPage struct {
	From, To, Total int // 1-based, inclusive; Total 0: the list is whole
	Prev, Next      string
}

// pageArticles keeps page n (1-based) of the article groups, in their
// order, and says where that page is; a page past the end shows the last.
func (v *storyView) pageArticles(n, per int, base string) {
	total := 0
	for _, g := range v.Groups {
		total += len(g.Articles)
	}
	if total <= per {
		return
	}
	pages := (total + per - 1) / per
	n = min(max(n, 1), pages)
	from, to := (n-1)*per, min(n*per, total)
	var kept []articleGroup
	i := 0
	for _, g := range v.Groups {
		lo, hi := max(from-i, 0), min(to-i, len(g.Articles))
		if lo < hi {
			kept = append(kept, articleGroup{Outlet: g.Outlet, Articles: g.Articles[lo:hi]})
		}
		i += len(g.Articles)
	}
	v.Groups = kept
	v.ArticlesPage = articlesPage{From: from + 1, To: to, Total: total}
	link := func(page int) string {
		if page == 1 {
			return base + "#articles"
		}
		return base + "?" + url.Values{"articles": {fmt.Sprint(page)}}.Encode() + "#articles"
	}
	if n > 1 {
		v.ArticlesPage.Prev = link(n - 1)
	}
	if n < pages {
		v.ArticlesPage.Next = link(n + 1)
	}
}
