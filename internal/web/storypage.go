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

// pageBounds is page n (1-based) of a list of total items, per a page: a
// page past the end is the last; from and to are 0-based, to exclusive.
func pageBounds(n, per, total int) (page, pages, from, to int) {
	pages = max((total+per-1)/per, 1)
	page = min(max(n, 1), pages)
	return page, pages, (page - 1) * per, min(page*per, total)
}

// articlesLink is the address of page n of a story's article list.
func articlesLink(base string, n int) string {
	if n == 1 {
		return base + "#articles"
	}
	return base + "?" + url.Values{"articles": {fmt.Sprint(n)}}.Encode() + "#articles"
}

// pager says where page n of a list of total items is; link gives the
// address of a page.
func pager(n, pages, from, to, total int, link func(page int) string) articlesPage {
	p := articlesPage{From: from + 1, To: to, Total: total}
	if n > 1 {
		p.Prev = link(n - 1)
	}
	if n < pages {
		p.Next = link(n + 1)
	}
	return p
}

// articlesPager is pager for a story's article list at base.
func articlesPager(n, pages, from, to, total int, base string) articlesPage {
	return pager(n, pages, from, to, total, func(k int) string { return articlesLink(base, k) })
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
	n, pages, from, to := pageBounds(n, per, total)
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
	v.ArticlesPage = articlesPager(n, pages, from, to, total, base)
}
