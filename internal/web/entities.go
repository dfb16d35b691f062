package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"parallax/internal/compare"
	"parallax/internal/enrich"
	"parallax/internal/model"
	"parallax/internal/store"
)

// People, places and organisations across the store: their pages, the
// search that folds spellings, and who said what.

const (
	entityStoriesShown = 100
	entitiesShown      = 50
	quotesShown        = 20
)

// nameLink is a name linked to its entity's page.
type nameLink struct {
	Name  string
	Href  string
	Class string // e-person, e-place, e-org
}

func toNameLink(m store.EntityMention) nameLink {
	return nameLink{Name: m.Name, Href: entityHref(m.EntityID), Class: entityClass(m.Type)}
}

func entityHref(id int64) string { return fmt.Sprintf("/entities/%d", id) }

var typeLabels = map[string]string{model.Person: "Person", model.Place: "Place", model.Organisation: "Organisation"}

// entityData reads an entity's record, stories and page n of its grouped
// quotations. A record joined into another answers a *movedError naming
// that one.
func (s *server) entityData(ctx context.Context, id int64, n int) (entityDetail, error) {
	e, err := s.cfg.Store.Entity(ctx, id)
	if err != nil {
		return entityDetail{}, err
	}
	if e.MergedInto != 0 {
		return entityDetail{}, &movedError{to: e.MergedInto}
	}
	if e.Articles == 0 {
		return entityDetail{}, fmt.Errorf("entity %d is no longer named: %w", id, store.ErrNotFound)
	}
	stories, err := s.cfg.Store.EntityStories(ctx, id, entityStoriesShown)
	if err != nil {
		return entityDetail{}, err
	}
	qp, err := s.entityQuotes(ctx, id, n)
	if err != nil {
		return entityDetail{}, err
	}
	return entityDetail{Entity: e, Stories: nonNilList(stories), Quotations: nonNilList(qp.Groups),
		Page: qp.Page, Total: qp.Total, Next: qp.next(id), quotes: qp}, nil
}

// entityDetail is an entity page's data, as the API gives it.
type entityDetail struct {
	Entity  store.Entity  `json:"entity"`
	Stories []model.Story `json:"stories"` // last published first
	// Quotations are the statements whose latest quotation is on page
	// Page of the entity's Total quotations (quotesPerPage a page, latest
	// first); Next is the next page's address, "" on the last.
	Quotations []apiQuotation `json:"quotations"`
	Page       int            `json:"page"`
	Total      int            `json:"total"`
	Next       string         `json:"next"`
	quotes     quotePage
}

// apiQuotation is one statement of the entity in all its wordings, with
// the outlet that carried it first.
type apiQuotation struct {
	model.QuoteGroup
	FirstOutlet    string `json:"first_outlet"`
	FirstPublished string `json:"first_published"`
}

// quoteArticles turns quotation hits back into articles carrying them, in
// the order read, for compare.Quotations.
func quoteArticles(hits []store.QuoteHit) ([]model.Article, map[int64]model.Article) {
	var arts []model.Article
	at := map[int64]int{}
	for _, h := range hits {
		i, ok := at[h.ArticleID]
		if !ok {
			i = len(arts)
			at[h.ArticleID] = i
			arts = append(arts, model.Article{ID: h.ArticleID, Outlet: h.Outlet, Published: h.Published, Title: h.Title,
				Enrichment: &model.Enrichment{}})
		}
		arts[i].Enrichment.Quotes = append(arts[i].Enrichment.Quotes, h.Quote)
	}
	byID := make(map[int64]model.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	return arts, byID
}

// movedError answers a record joined into another: its page redirects.
type movedError struct{ to int64 }

func (e *movedError) Error() string { return fmt.Sprintf("joined into entity %d", e.to) }

type entityView struct {
	Entity     store.Entity
	Kind       string
	Class      string
	Spellings  []string
	Stories    []storyRow
	Quotations []quotationView
	QuotesPage articlesPage // Total 0: one page holds them all
	Follow     string
}

type quotationView struct {
	Text     string
	First    string // the outlet that carried it first
	FirstRef ref
	When     string
	Variants []variantView
}

func buildEntity(d entityDetail) entityView {
	e := d.Entity
	v := entityView{Entity: e, Kind: typeLabels[e.Type], Class: entityClass(e.Type), Spellings: e.Spellings,
		Follow: fmt.Sprintf("parallax follow add --entity %d", e.ID), QuotesPage: d.quotes.pager(e.ID)}
	for _, st := range d.Stories {
		v.Stories = append(v.Stories, toStoryRow(st))
	}
	b := newStoryBuilder(membersOf(d.quotes.arts, nil, articleHref(false)), false)
	for _, q := range d.Quotations {
		qv := quotationView{Text: q.Text, First: q.FirstOutlet, When: shortTime(q.FirstPublished)}
		if refs := b.refs([]int64{q.EarliestArticleID}, nil); len(refs) == 1 {
			qv.FirstRef = refs[0]
		}
		for _, w := range q.Variants {
			vv := variantView{Diff: w.Diff, Truncated: w.Truncated, Identical: identical(w.Diff), Refs: b.refs(w.ArticleIDs, nil)}
			if len(w.Labels) > 0 {
				vv.Label = compare.VariantLabel(w)
			}
			if len(vv.Diff) == 0 {
				vv.Diff = []model.DiffPart{{Op: "=", Text: w.Text}}
			}
			qv.Variants = append(qv.Variants, vv)
		}
		v.Quotations = append(v.Quotations, qv)
	}
	return v
}

func (s *server) entityPage(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound, "Entity numbers are positive whole numbers.")
		return
	}
	n, err := intParam(r.URL.Query(), "page", 1, maxPage)
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, err.Error())
		return
	}
	s.cachedOrMoved(w, r, false, fmt.Sprintf("entity:%d:%d", id, n), "/entities/%d", func(ctx context.Context) (*response, error) {
		d, err := s.entityData(ctx, id, n)
		if err != nil {
			return nil, err
		}
		v := buildEntity(d)
		return s.renderPage(http.StatusOK, "entity", page{Title: v.Entity.Name, Nav: "entities", Data: v})
	})
}

func (s *server) apiEntity(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		apiError(w, http.StatusNotFound, "entity ids are positive integers")
		return
	}
	n, err := intParam(r.URL.Query(), "page", 1, maxPage)
	if err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.cachedOrMoved(w, r, true, fmt.Sprintf("api-entity:%d:%d", id, n), "/api/entities/%d", func(ctx context.Context) (*response, error) {
		d, err := s.entityData(ctx, id, n)
		if err != nil {
			return nil, err
		}
		return jsonResponse(http.StatusOK, d)
	})
}

// cachedOrMoved is cached with the list TTL, answering a record joined
// into another with a permanent redirect to the address pattern names.
func (s *server) cachedOrMoved(w http.ResponseWriter, r *http.Request, api bool, key, pattern string,
	fill func(ctx context.Context) (*response, error)) {
	render := func() (*response, error) { return fill(r.Context()) }
	var resp *response
	var err error
	if ttl := s.cfg.Limits.ListTTL; ttl < 0 {
		resp, err = render()
	} else {
		resp, err = s.cache.do(r.Context(), key, ttl, render)
	}
	var moved *movedError
	if errors.As(err, &moved) {
		http.Redirect(w, r, fmt.Sprintf(pattern, moved.to), http.StatusMovedPermanently)
		return
	}
	if err != nil {
		s.storeError(w, r, api, err)
		return
	}
	writeResponse(w, r, resp)
}

// findEntities looks names up whatever their spelling; no words lists the
// most widely named.
func (s *server) findEntities(ctx context.Context, q string) ([]store.Entity, error) {
	var families []string
	if q != "" {
		if families = enrich.SearchFamilies(q); len(families) == 0 {
			return nil, nil
		}
	}
	return s.cfg.Store.FindEntities(ctx, families, entitiesShown)
}

type entityRow struct {
	store.Entity
	Href  string
	Kind  string
	Class string
	Other []string // its other spellings
}

func toEntityRows(es []store.Entity) []entityRow {
	out := make([]entityRow, 0, len(es))
	for _, e := range es {
		row := entityRow{Entity: e, Href: entityHref(e.ID), Kind: typeLabels[e.Type], Class: entityClass(e.Type)}
		for _, sp := range e.Spellings {
			if sp != e.Name && len(row.Other) < 6 {
				row.Other = append(row.Other, sp)
			}
		}
		out = append(out, row)
	}
	return out
}

func (s *server) entitiesPage(w http.ResponseWriter, r *http.Request) {
	q := searchText(r.URL.Query().Get("q"))
	s.cached(w, r, false, "entities:"+q, s.cfg.Limits.ListTTL, func(ctx context.Context) (*response, error) {
		es, err := s.findEntities(ctx, q)
		if err != nil {
			return nil, err
		}
		v := struct {
			Q    string
			Rows []entityRow
		}{q, toEntityRows(es)}
		return s.renderPage(http.StatusOK, "entities", page{Title: "People, places and organisations", Nav: "entities", Data: v})
	})
}

func (s *server) apiEntities(w http.ResponseWriter, r *http.Request) {
	q := searchText(r.URL.Query().Get("q"))
	s.cached(w, r, true, "api-entities:"+q, s.cfg.Limits.ListTTL, func(ctx context.Context) (*response, error) {
		es, err := s.findEntities(ctx, q)
		if err != nil {
			return nil, err
		}
		return jsonResponse(http.StatusOK, map[string]any{"query": q, "entities": nonNilList(es)})
	})
}

// quoteQuery is the words of a quotation to look for: a search that
// asks "who said …" looks for what follows.
func quoteQuery(q string) string {
	lower := strings.ToLower(q)
	for _, p := range []string{"who said ", "who said: "} {
		if strings.HasPrefix(lower, p) {
			return strings.Trim(strings.TrimSpace(q[len(p):]), `"“”?`)
		}
	}
	return q
}

func (s *server) apiQuotes(w http.ResponseWriter, r *http.Request) {
	q := searchText(r.URL.Query().Get("q"))
	if q == "" {
		apiError(w, http.StatusBadRequest, "q is required")
		return
	}
	s.cached(w, r, true, "api-quotes:"+q, s.cfg.Limits.ListTTL, func(ctx context.Context) (*response, error) {
		hits, err := s.cfg.Store.SearchQuotes(ctx, quoteQuery(q), quotesShown)
		if err != nil {
			return nil, err
		}
		return jsonResponse(http.StatusOK, map[string]any{"query": q, "quotes": nonNilList(hits)})
	})
}
