package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"parallax/internal/model"
	"parallax/internal/outlets"
	"parallax/internal/store"
)

type storyRow struct {
	ID                 int64
	Href               string
	Title              string
	Days               string
	Outlets            []string
	More               int // outlets not listed
	Articles           int
	Independent        int
	IndependentOutlets int
	Lead               string        // the brief's first line, "" before a comparison is built
	Originals          []original    // each outlet, linked to its article's original page
	Balance            []balanceView // by each attribute some outlet of it has
}

type listView struct {
	Params     listParams
	Stories    []storyRow
	Prev       string
	Next       string
	Attributes []string // the registry's, for the blind-spot filter
	ExportCSV  string   // these stories' articles, one row each
	ExportJSON string
}

const outletsShown = 6

func toStoryRow(s model.Story) storyRow {
	row := storyRow{ID: s.ID, Href: fmt.Sprintf("/stories/%d", s.ID), Title: s.Title, Days: storyDays(s),
		Articles: max(s.Articles, len(s.ArticleIDs)), Independent: s.Independent, IndependentOutlets: s.IndependentOutlets}
	if row.Title == "" {
		row.Title = "(untitled story)"
	}
	row.Outlets = s.Outlets
	if len(row.Outlets) > outletsShown {
		row.Outlets, row.More = row.Outlets[:outletsShown], len(s.Outlets)-outletsShown
	}
	return row
}

// listStories reads one page of stories, and whether there is a next.
func (s *server) listStories(ctx context.Context, p listParams, reg *outlets.Index) ([]model.Story, bool, error) {
	q := p.query(s.cfg.PageSize, reg)
	q.Summaries = true // a card counts the members and links the originals: no member IDs
	stories, err := s.cfg.Store.Stories(ctx, q)
	if err != nil {
		return nil, false, err
	}
	more := len(stories) > s.cfg.PageSize
	if more {
		stories = stories[:s.cfg.PageSize]
	}
	return stories, more, nil
}

func (s *server) storiesPage(w http.ResponseWriter, r *http.Request) {
	p, err := parseList(r)
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, err.Error())
		return
	}
	rk, err := s.registryKey(r.Context())
	if err != nil {
		s.storeError(w, r, false, err)
		return
	}
	s.cached(w, r, false, "list:"+rk+":"+p.url("/", p.Page), s.cfg.Limits.ListTTL, func(ctx context.Context) (*response, error) {
		reg, err := s.registry(ctx)
		if err != nil {
			return nil, err
		}
		stories, more, err := s.listStories(ctx, p, reg)
		if err != nil {
			return nil, err
		}
		v := listView{Params: p, Attributes: reg.Attributes(), ExportCSV: p.url("/export.csv", 1), ExportJSON: p.url("/export.json", 1)}
		if v.Stories, err = s.cards(ctx, stories, reg); err != nil {
			return nil, err
		}
		if p.Page > 1 {
			v.Prev = p.url("/", p.Page-1)
		}
		if more {
			v.Next = p.url("/", p.Page+1)
		}
		return s.renderPage(http.StatusOK, "stories", page{Title: "Stories", Nav: "stories", Data: v})
	})
}

// storyArticles reads a story's members, without their bodies and
// enrichment (which no page shows: a story of 4,500 articles read them
// whole in about 0.4 s), and which are near-copies of which.
func (s *server) storyArticles(ctx context.Context, id int64) ([]model.Article, map[int64]int64, error) {
	refs, err := s.cfg.Store.StoryArticleRefs(ctx, []int64{id})
	if err != nil {
		return nil, nil, err
	}
	arts := make([]model.Article, len(refs))
	dups := map[int64]int64{}
	for i, r := range refs {
		arts[i] = r.Article
		if r.DuplicateOf != 0 {
			dups[r.Article.ID] = r.DuplicateOf
		}
	}
	return arts, dups, nil
}

// articlesPerPage is how many articles a story page lists.
func (s *server) articlesPerPage() int {
	if s.cfg.storyPage > 0 {
		return s.cfg.storyPage
	}
	return storyArticlesShown
}

// storyMembersFor reads what page n of a story's page shows of its
// members: all of them when they fit one page of the list, else from
// their counts and that page (largeMembers).
func (s *server) storyMembersFor(ctx context.Context, st model.Story, r *model.Report, n int) (storyMembers, error) {
	per, base := s.articlesPerPage(), fmt.Sprintf("/stories/%d", st.ID)
	if st.Articles > per {
		return s.largeMembers(ctx, st, r, n, per, base)
	}
	arts, dups, err := s.storyArticles(ctx, st.ID)
	if err != nil {
		return storyMembers{}, err
	}
	return membersOf(arts, dups, articleHref(false)), nil
}

// storyRequest reads the story a request names, its version, and the
// page of it asked for (the parameter named page, from 1); a bad request
// or a failed read is answered (api: as JSON) and ok is false.
func (s *server) storyRequest(w http.ResponseWriter, r *http.Request, api bool, page string) (st model.Story, version string, n int, ok bool) {
	fail := func(status int, msg string) {
		if api {
			apiError(w, status, msg)
		} else {
			s.errorPage(w, r, status, msg)
		}
	}
	id, ok := idParam(r)
	if !ok && api {
		fail(http.StatusNotFound, "story ids are positive integers")
	} else if !ok {
		fail(http.StatusNotFound, "Story numbers are positive whole numbers.")
	}
	if !ok {
		return st, "", 0, false
	}
	n, err := intParam(r.URL.Query(), page, 1, maxPage)
	if err != nil {
		fail(http.StatusBadRequest, err.Error())
		return st, "", 0, false
	}
	if st, version, err = s.storyVersion(r.Context(), id); err != nil {
		s.storeError(w, r, api, err)
		return st, "", 0, false
	}
	return st, version, n, true
}

func (s *server) storyPage(w http.ResponseWriter, r *http.Request) {
	st, version, artPage, ok := s.storyRequest(w, r, false, "articles")
	if !ok {
		return
	}
	id := st.ID
	s.cached(w, r, false, fmt.Sprintf("story:%s:%d", version, artPage), 0, func(ctx context.Context) (*response, error) {
		rep, err := optionalReport(ctx, s.cfg.Store, id)
		if err != nil {
			return nil, err
		}
		m, err := s.storyMembersFor(ctx, st, rep, artPage)
		if err != nil {
			return nil, err
		}
		reg, err := s.registry(ctx)
		if err != nil {
			return nil, err
		}
		v := buildStory(st, m, rep, false)
		v.pageArticles(artPage, s.articlesPerPage(), fmt.Sprintf("/stories/%d", id))
		v.Balance = balanceViews(outlets.Balance(st.Outlets, reg))
		v.ExportCSV, v.ExportJSON = fmt.Sprintf("/stories/%d/export.csv", id), fmt.Sprintf("/stories/%d/export.json", id)
		if err := s.linkStory(ctx, &v); err != nil {
			return nil, err
		}
		return s.renderPage(http.StatusOK, "story", page{Title: v.Story.Title, Nav: "stories", Data: v})
	})
}

type articleView struct {
	Article     model.Article
	Outlet      string // the label every view gives its outlet
	Published   string
	Source      string
	SourceURL   string
	StoryID     int64
	StoryHref   string
	DuplicateOf int64
	DupHref     string
	Paragraphs  [][]segment
	Quotes      []quoteLine
	Entities    []model.Entity
	Marked      bool
}

// quoteLine is a quotation of an article with its speaker's page.
type quoteLine struct {
	model.Quote
	SpeakerHref string
}

// buildArticle shows an article; links maps its entities (by
// store.TypeKey) to their pages.
func buildArticle(a model.Article, p model.Placement, links map[string]string) articleView {
	v := articleView{Article: a, Outlet: a.OutletLabel(), Published: shortTime(a.Published), Source: a.URL, SourceURL: safeURL(a.URL)}
	if v.Source == "" {
		v.Source = a.Source
	}
	if v.SourceURL == "" {
		v.SourceURL = safeURL(a.Source)
	}
	if p.StoryID != 0 {
		v.StoryID, v.StoryHref = p.StoryID, fmt.Sprintf("/stories/%d", p.StoryID)
	}
	if p.DuplicateOf != 0 {
		v.DuplicateOf, v.DupHref = p.DuplicateOf, fmt.Sprintf("/articles/%d", p.DuplicateOf)
	}
	for i, para := range a.Paragraphs() {
		v.Paragraphs = append(v.Paragraphs, markLinked(para, i, a.Enrichment, links))
	}
	if e := a.Enrichment; e != nil {
		v.Marked = true
		v.Entities = e.Entities
		for _, q := range e.Quotes {
			v.Quotes = append(v.Quotes, quoteLine{Quote: q, SpeakerHref: speakerHref(q.SpeakerKey, links)})
		}
	}
	return v
}

// speakerHref is the page of a speaker known by key (a person first).
func speakerHref(key string, links map[string]string) string {
	if key == "" {
		return ""
	}
	for _, t := range []string{model.Person, model.Organisation, model.Place} {
		if h := links[store.TypeKey(t, key)]; h != "" {
			return h
		}
	}
	return ""
}

// entityLinks maps entity mentions (by store.TypeKey) to their pages.
func entityLinks(ms []store.EntityMention) map[string]string {
	links := make(map[string]string, len(ms))
	for _, m := range ms {
		links[store.TypeKey(m.Type, m.Key)] = entityHref(m.EntityID)
	}
	return links
}

func (s *server) articlePage(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound, "Article numbers are positive whole numbers.")
		return
	}
	a, p, err := s.articleData(r.Context(), id)
	if err != nil {
		s.storeError(w, r, false, err)
		return
	}
	ms, err := s.cfg.Store.ArticleEntities(r.Context(), id)
	if err != nil {
		s.storeError(w, r, false, err)
		return
	}
	title := a.Title
	if title == "" {
		title = fmt.Sprintf("Article %d", a.ID)
	}
	s.render(w, r, http.StatusOK, "article", page{Title: title, Nav: "stories", Data: buildArticle(a, p, entityLinks(ms))})
}

func (s *server) articleData(ctx context.Context, id int64) (model.Article, model.Placement, error) {
	a, err := s.cfg.Store.Article(ctx, id)
	if err != nil {
		return a, model.Placement{}, err
	}
	p, err := s.cfg.Store.ArticlePlacement(ctx, id)
	return a, p, err
}

func (s *server) outletsPage(w http.ResponseWriter, r *http.Request) {
	rk, err := s.registryKey(r.Context())
	if err != nil {
		s.storeError(w, r, false, err)
		return
	}
	s.cached(w, r, false, "outlets:"+rk, s.cfg.Limits.OutletsTTL, func(ctx context.Context) (*response, error) {
		v, err := s.outletsView(ctx)
		if err != nil {
			return nil, err
		}
		return s.renderPage(http.StatusOK, "outlets", page{Title: "Outlets", Nav: "outlets", Data: v})
	})
}

type searchHit struct {
	ID        int64
	Href      string
	Title     string
	Outlet    string
	Published string
	Snippet   []segment
}

type searchView struct {
	Q          string
	Stories    []storyRow
	Articles   []searchHit
	ExportCSV  string // the articles of the stories with these words
	ExportJSON string
	Entities   []entityRow // names matching the words, whatever their spelling
	Quotes     []quoteHitView
}

// quoteHitView is a quotation found by its words: who said it, where.
type quoteHitView struct {
	store.QuoteHit
	SpeakerHref string
	Href        string // the article
	When        string
}

// searchIndex finds the names and quotations the words match: "Kiev"
// finds Kyiv, "who said we will sail" who said it.
func (s *server) searchIndex(ctx context.Context, q string, v *searchView) error {
	es, err := s.findEntities(ctx, q)
	if err != nil {
		return err
	}
	v.Entities = toEntityRows(es[:min(len(es), 10)])
	hits, err := s.cfg.Store.SearchQuotes(ctx, quoteQuery(q), quotesShown)
	if err != nil {
		return err
	}
	for _, h := range hits {
		qv := quoteHitView{QuoteHit: h, Href: fmt.Sprintf("/articles/%d", h.ArticleID), When: shortTime(h.Published)}
		if h.SpeakerID != 0 {
			qv.SpeakerHref = entityHref(h.SpeakerID)
		}
		v.Quotes = append(v.Quotes, qv)
	}
	return nil
}

func (s *server) search(ctx context.Context, q string) ([]model.Story, []model.Article, error) {
	if q == "" {
		return nil, nil, nil
	}
	// The stories and the ranked articles are two independent reads of
	// about 10 ms each at 200,000 articles: side by side on two
	// connections, a search waits for the longer, not for both.
	var stories []model.Story
	var serr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		stories, serr = s.cfg.Store.Stories(ctx, store.StoryQuery{Text: q, Limit: 10, Order: store.MostCovered, Summaries: true})
	}()
	arts, err := s.cfg.Store.Search(ctx, q, searchLimit)
	<-done
	return stories, arts, errors.Join(serr, err)
}

func (s *server) searchPage(w http.ResponseWriter, r *http.Request) {
	q := searchText(r.URL.Query().Get("q"))
	rk, err := s.registryKey(r.Context())
	if err != nil {
		s.storeError(w, r, false, err)
		return
	}
	s.cached(w, r, false, "search:"+rk+":"+q, s.cfg.Limits.ListTTL, func(ctx context.Context) (*response, error) {
		stories, arts, err := s.search(ctx, q)
		if err != nil {
			return nil, err
		}
		reg, err := s.registry(ctx)
		if err != nil {
			return nil, err
		}
		v := searchView{Q: q}
		if v.Stories, err = s.cards(ctx, stories, reg); err != nil {
			return nil, err
		}
		if q != "" {
			if err := s.searchIndex(ctx, q, &v); err != nil {
				return nil, err
			}
			p := listParams{Sort: "coverage", Q: q}
			v.ExportCSV, v.ExportJSON = p.url("/export.csv", 1), p.url("/export.json", 1)
		}
		words := queryWords(q)
		for _, a := range arts {
			v.Articles = append(v.Articles, searchHit{ID: a.ID, Href: fmt.Sprintf("/articles/%d", a.ID), Title: a.Title,
				Outlet: a.OutletLabel(), Published: shortTime(a.Published), Snippet: highlight(snippet(a.Body, words), words)})
		}
		title := "Search"
		if q != "" {
			title = "Search: " + q
		}
		return s.renderPage(http.StatusOK, "search", page{Title: title, Nav: "search", Q: q, Data: v})
	})
}

func queryWords(q string) []string {
	var out []string
	for _, f := range strings.Fields(strings.ToLower(q)) {
		if f = strings.Trim(f, `"'()*^:+-`); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// snippet is the part of body around the first query word, cut at spaces.
func snippet(body string, words []string) string {
	const before, after = 90, 200
	lower := strings.ToLower(body)
	at := -1
	if len(lower) == len(body) {
		for _, w := range words {
			if i := strings.Index(lower, w); i >= 0 && (at < 0 || i < at) {
				at = i
			}
		}
	}
	start, end := 0, min(len(body), after+before)
	if at > before {
		start, end = at-before, min(len(body), at+after)
	}
	for start > 0 && start < end && body[start-1] != ' ' {
		start++
	}
	for end < len(body) && end > start && body[end] != ' ' {
		end--
	}
	if start >= end { // no space to cut at: fall back to whole runes
		return clipRunes(strings.Join(strings.Fields(body), " "), after)
	}
	out := strings.Join(strings.Fields(body[start:end]), " ")
	if start > 0 {
		out = "… " + out
	}
	if end < len(body) {
		out += " …"
	}
	return out
}
