package web

import (
	"context"
	"fmt"
	"slices"

	"parallax/internal/compare"
	"parallax/internal/model"
	"parallax/internal/store"
)

// An entity's quotations, a page at a time, latest first: a speaker
// quoted thousands of times costs one page's read and grouping, not all
// of them (docs/PERFORMANCE.md).

const (
	// quotesPerPage is how many of an entity's quotations a page groups
	// and shows.
	quotesPerPage = 100
	// quoteContext is how many quotations either side of a page are read
	// and grouped with it, so that a statement whose carriers cross the
	// page's edge is shown once, whole, with the outlet that carried it
	// first (within that reach).
	quoteContext = 25
)

// quotePage is one page of an entity's quotations, grouped.
type quotePage struct {
	Page, Pages int
	From, To    int // the page's quotations, 0-based, To exclusive
	Total       int // the entity's quotations in all
	Groups      []apiQuotation
	arts        []model.Article // the articles carrying them
}

// entityQuotes reads page n of the entity's quotations (a page past the
// end is the last) with quoteContext more either side, groups them
// (compare.Quotations), and keeps the groups whose latest quotation is on
// the page, latest first.
func (s *server) entityQuotes(ctx context.Context, id int64, n int) (quotePage, error) {
	hits, p, err := s.readQuotes(ctx, id, n)
	if err != nil || p.Total == 0 {
		return p, err
	}
	lo := max(p.From-quoteContext, 0)
	at := map[int64]int{} // each article's latest quotation's place in the list
	for i, h := range hits {
		if _, ok := at[h.ArticleID]; !ok {
			at[h.ArticleID] = lo + i
		}
	}
	arts, byID := quoteArticles(hits)
	type placed struct {
		q  apiQuotation
		at int
	}
	var kept []placed
	for _, g := range compare.Quotations(arts) {
		latest := p.Total
		for _, aid := range g.ArticleIDs {
			latest = min(latest, at[aid])
		}
		if latest < p.From || latest >= p.To {
			continue // shown on the page of its latest quotation
		}
		a := byID[g.EarliestArticleID]
		kept = append(kept, placed{apiQuotation{QuoteGroup: g, FirstOutlet: a.OutletLabel(), FirstPublished: a.Published}, latest})
	}
	slices.SortStableFunc(kept, func(a, b placed) int { return a.at - b.at })
	p.Groups, p.arts = make([]apiQuotation, 0, len(kept)), arts
	for _, k := range kept {
		p.Groups = append(p.Groups, k.q)
	}
	return p, nil
}

// readQuotes reads page n's quotations and their context; a page past
// the end reads the last.
func (s *server) readQuotes(ctx context.Context, id int64, n int) ([]store.QuoteHit, quotePage, error) {
	for tries := 0; tries < 3; tries++ { // again only when the count changes between reads
		from := (n - 1) * quotesPerPage
		lo := max(from-quoteContext, 0)
		hits, total, err := s.cfg.Store.EntityQuotes(ctx, store.QuoteQuery{EntityID: id, Offset: lo,
			Limit: from - lo + quotesPerPage + quoteContext})
		if err != nil {
			return nil, quotePage{}, err
		}
		page, pages, from, to := pageBounds(n, quotesPerPage, total)
		if page == n || total == 0 {
			return hits, quotePage{Page: page, Pages: pages, From: from, To: to, Total: total}, nil
		}
		n = page
	}
	return nil, quotePage{}, fmt.Errorf("entity %d: quotations changing while read", id)
}

// quotesLink is the address of page n of an entity's quotations.
func quotesLink(id int64, n int) string {
	return pageURL(entityHref(id), n) + "#quotes"
}

// pager says where the page is, for the entity page; its Total is 0 when
// the quotations fit one page.
func (p quotePage) pager(id int64) articlesPage {
	if p.Pages <= 1 {
		return articlesPage{}
	}
	return pager(p.Page, p.Pages, p.From, p.To, p.Total, func(k int) string { return quotesLink(id, k) })
}

// next is the API's address of the next page, "" on the last.
func (p quotePage) next(id int64) string {
	if p.Page >= p.Pages {
		return ""
	}
	return fmt.Sprintf("/api/entities/%d?page=%d", id, p.Page+1)
}
