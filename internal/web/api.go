package web

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"parallax/internal/model"
	"parallax/internal/outlets"
	"parallax/internal/store"
)

// The JSON API serves the same data as the pages; docs/api.md describes it.

// apiStoryItem is a story as the list gives it: with the brief's first
// line and its coverage by the outlets' attributes.
type apiStoryItem struct {
	model.Story
	Lead    string          `json:"lead"`
	Balance []model.Balance `json:"balance"`
}

type apiList struct {
	Stories []apiStoryItem `json:"stories"`
	Page    int            `json:"page"`
	Next    string         `json:"next"` // the next page's address, "" on the last
}

func (s *server) apiStories(w http.ResponseWriter, r *http.Request) {
	p, err := parseList(r)
	if err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	rk, err := s.registryKey(r.Context())
	if err != nil {
		s.storeError(w, r, true, err)
		return
	}
	s.cached(w, r, true, "api-list:"+rk+":"+p.url("/", p.Page), s.cfg.Limits.ListTTL, func(ctx context.Context) (*response, error) {
		reg, err := s.registry(ctx)
		if err != nil {
			return nil, err
		}
		stories, more, err := s.listStories(ctx, p, reg)
		if err != nil {
			return nil, err
		}
		leads, err := s.cfg.Store.StoryLeads(ctx, store.StoryIDs(stories))
		if err != nil {
			return nil, err
		}
		out := apiList{Stories: make([]apiStoryItem, 0, len(stories)), Page: p.Page}
		for _, st := range stories {
			st.Title = leads[st.ID].TitleOr(st.Title)
			out.Stories = append(out.Stories, apiStoryItem{st, leads[st.ID].Line, outlets.Balance(st.Outlets, reg)})
		}
		if more {
			out.Next = p.url("/api/stories", p.Page+1)
		}
		return jsonResponse(http.StatusOK, out)
	})
}

// apiArticleRef is an article as a story lists it: no body.
type apiArticleRef struct {
	ID          int64  `json:"id"`
	Title       string `json:"title"`
	Outlet      string `json:"outlet"`
	Published   string `json:"published"`
	URL         string `json:"url"`
	DuplicateOf int64  `json:"duplicate_of"`
}

type apiStoryOut struct {
	Story    model.Story     `json:"story"`
	Articles []apiArticleRef `json:"articles"`
	// The articles come a page at a time, in placement order: Page of
	// them, Total in all, Next the next page's address ("" on the last).
	Page  int    `json:"page"`
	Total int    `json:"total"`
	Next  string `json:"next"`
	// Report is the comparison of the outlets, null until it is built.
	Report *model.Report `json:"report"`
	// Balance is its coverage by each attribute the outlet registry records.
	Balance []model.Balance `json:"balance"`
}

func (s *server) apiStory(w http.ResponseWriter, r *http.Request) {
	st, version, n, ok := s.storyRequest(w, r, true, "page")
	if !ok {
		return
	}
	id := st.ID
	s.cached(w, r, true, fmt.Sprintf("api-story:%s:%d", version, n), 0, func(ctx context.Context) (*response, error) {
		per := s.articlesPerPage()
		refs, err := s.cfg.Store.StoryMembers(ctx, store.MemberQuery{StoryID: id, Offset: (n - 1) * per, Limit: per})
		if err != nil {
			return nil, err
		}
		rep, err := optionalReport(ctx, s.cfg.Store, id)
		if err != nil {
			return nil, err
		}
		reg, err := s.registry(ctx)
		if err != nil {
			return nil, err
		}
		out := apiStoryOut{Story: st, Articles: make([]apiArticleRef, 0, len(refs)), Page: n, Total: st.Articles,
			Report: rep, Balance: outlets.Balance(st.Outlets, reg)}
		for _, ref := range refs {
			a := ref.Article
			out.Articles = append(out.Articles, apiArticleRef{a.ID, a.Title, a.Outlet, a.Published, a.URL, ref.DuplicateOf})
		}
		if n*per < st.Articles {
			out.Next = fmt.Sprintf("/api/stories/%d?page=%d", id, n+1)
		}
		return jsonResponse(http.StatusOK, out)
	})
}

type apiArticleOut struct {
	Article     model.Article `json:"article"`
	StoryID     int64         `json:"story_id"`
	DuplicateOf int64         `json:"duplicate_of"`
}

func (s *server) apiArticle(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(r)
	if !ok {
		apiError(w, http.StatusNotFound, "article ids are positive integers")
		return
	}
	a, p, err := s.articleData(r.Context(), id)
	if err != nil {
		s.storeError(w, r, true, err)
		return
	}
	writeJSON(w, r, http.StatusOK, apiArticleOut{Article: a, StoryID: p.StoryID, DuplicateOf: p.DuplicateOf})
}

type apiHit struct {
	apiArticleRef
	Snippet string `json:"snippet"`
}

type apiSearchOut struct {
	Query    string        `json:"query"`
	Stories  []model.Story `json:"stories"`
	Articles []apiHit      `json:"articles"`
}

func (s *server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q := searchText(r.URL.Query().Get("q"))
	if q == "" {
		apiError(w, http.StatusBadRequest, "q is required")
		return
	}
	s.cached(w, r, true, "api-search:"+q, s.cfg.Limits.ListTTL, func(ctx context.Context) (*response, error) {
		stories, arts, err := s.search(ctx, q)
		if err != nil {
			return nil, err
		}
		out := apiSearchOut{Query: q, Stories: stories, Articles: make([]apiHit, 0, len(arts))}
		if out.Stories == nil {
			out.Stories = []model.Story{}
		}
		words := queryWords(q)
		for _, a := range arts {
			out.Articles = append(out.Articles, apiHit{apiArticleRef{a.ID, a.Title, a.Outlet, a.Published, a.URL, 0}, snippet(a.Body, words)})
		}
		return jsonResponse(http.StatusOK, out)
	})
}

// apiIngest fetches and stores URLs. It does not exist (404) unless a
// token is configured, and then needs it as a bearer token.
func (s *server) apiIngest(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Token == "" {
		apiError(w, http.StatusNotFound, "no such endpoint")
		return
	}
	if !s.authorised(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="parallax"`)
		apiError(w, http.StatusUnauthorized, "a valid bearer token is required")
		return
	}
	urls, status, err := readIngestRequest(w, r)
	if err != nil {
		apiError(w, status, err.Error())
		return
	}
	if s.cfg.Ingest == nil {
		apiError(w, http.StatusNotImplemented, "this server cannot fetch URLs")
		return
	}
	// Fetching takes longer than a page: extend this response's deadline.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.cfg.IngestTimeout + 10*time.Second))
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.IngestTimeout)
	defer cancel()
	res, err := s.cfg.Ingest(ctx, urls)
	var busy *BusyError
	if errors.As(err, &busy) {
		w.Header().Set("Retry-After", strconv.Itoa(int(busy.RetryAfter.Seconds()+0.999)))
		apiError(w, http.StatusServiceUnavailable, busy.Reason)
		return
	}
	if err != nil {
		if s.log != nil {
			s.log.Error("ingest", slog.Int("urls", len(urls)), slog.String("error", err.Error()))
		}
		apiError(w, http.StatusBadGateway, "ingest failed: "+err.Error())
		return
	}
	b, err := json.Marshal(map[string]any{"result": res})
	if err != nil {
		apiError(w, http.StatusInternalServerError, "encode result")
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(append(b, '\n'))
}

// authorised compares the bearer token in constant time (over hashes, so
// the length does not leak either).
func (s *server) authorised(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return false
	}
	a := sha256.Sum256([]byte(strings.TrimSpace(got)))
	b := sha256.Sum256([]byte(s.cfg.Token))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// readIngestRequest reads {"urls": [...]}: JSON, at most maxIngestBody
// bytes, 1 to maxIngestURLs absolute http(s) URLs.
func readIngestRequest(w http.ResponseWriter, r *http.Request) ([]string, int, error) {
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		return nil, http.StatusUnsupportedMediaType, errors.New("send application/json")
	}
	var req struct {
		URLs []string `json:"urls"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxIngestBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, http.StatusRequestEntityTooLarge, fmt.Errorf("body over %d bytes", maxIngestBody)
		}
		return nil, http.StatusBadRequest, fmt.Errorf("body: want {\"urls\": [...]}: %v", err)
	}
	if len(req.URLs) == 0 || len(req.URLs) > maxIngestURLs {
		return nil, http.StatusBadRequest, fmt.Errorf("urls: want 1 to %d", maxIngestURLs)
	}
	for _, u := range req.URLs {
		p, err := url.Parse(u)
		if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return nil, http.StatusBadRequest, fmt.Errorf("url %q: want an absolute http or https URL", u)
		}
	}
	return req.URLs, 0, nil
}
