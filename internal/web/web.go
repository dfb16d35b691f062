// Package web serves Parallax's pages and its JSON API from a store. Pages
// are rendered on the server (html/template, no JavaScript), templates and
// assets are embedded, and the store is read on every request, so articles
// ingested by another process appear without a restart.
package web

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// Store is what the web interface reads.
type Store interface {
	Stories(ctx context.Context, q store.StoryQuery) ([]model.Story, error)
	Story(ctx context.Context, id int64) (model.Story, error)
	StoryArticles(ctx context.Context, id int64) ([]model.Article, error)
	StoryDuplicates(ctx context.Context, id int64) (map[int64]int64, error)
	Article(ctx context.Context, id int64) (model.Article, error)
	ArticlePlacement(ctx context.Context, id int64) (model.Placement, error)
	Search(ctx context.Context, q string, limit int) ([]model.Article, error)
	Report(ctx context.Context, storyID int64) (model.Report, string, error)
	Outlets(ctx context.Context) ([]store.Outlet, error)
}

// BusyError is an IngestFunc's answer when the store's writer is busy
// elsewhere: the request is answered 503 with Retry-After.
type BusyError struct {
	Reason     string
	RetryAfter time.Duration
}

func (e *BusyError) Error() string { return e.Reason }

// IngestFunc fetches and ingests URLs; its result is returned to the
// caller as JSON.
type IngestFunc func(ctx context.Context, urls []string) (any, error)

// Config is what the handler needs, passed in explicitly.
type Config struct {
	Store Store
	// Token enables POST /api/ingest and is the bearer token it requires;
	// "" keeps every writing endpoint off (404).
	Token string
	// Ingest does the work of POST /api/ingest; nil answers 501.
	Ingest IngestFunc
	// IngestTimeout bounds one ingest request (default 5 minutes).
	IngestTimeout time.Duration
	PageSize      int          // stories per list page (default 30)
	Logger        *slog.Logger // nil: no request log
}

// Limits on what a request may ask for.
const (
	maxIngestBody = 64 << 10 // bytes of a POST body
	maxIngestURLs = 100
	maxQueryRunes = 200 // of a search or filter text
	maxPage       = 10000
	searchLimit   = 50
)

// Validate names the first bad field.
func (c Config) Validate() error {
	if c.Store == nil {
		return errors.New("web config: Store is nil")
	}
	if c.PageSize < 0 || c.PageSize > 500 {
		return fmt.Errorf("web config: PageSize %d: want 0 (default) to 500", c.PageSize)
	}
	if c.IngestTimeout < 0 {
		return fmt.Errorf("web config: IngestTimeout %s is negative", c.IngestTimeout)
	}
	return nil
}

type server struct {
	cfg   Config
	pages map[string]*template.Template
	log   *slog.Logger
}

// New returns the handler serving pages, assets and the API.
func New(cfg Config) (http.Handler, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.PageSize == 0 {
		cfg.PageSize = 30
	}
	if cfg.IngestTimeout == 0 {
		cfg.IngestTimeout = 5 * time.Minute
	}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	s := &server{cfg: cfg, pages: pages, log: cfg.Logger}
	return s.routes(), nil
}

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.storiesPage)
	mux.HandleFunc("GET /stories/{id}", s.storyPage)
	mux.HandleFunc("GET /articles/{id}", s.articlePage)
	mux.HandleFunc("GET /outlets", s.outletsPage)
	mux.HandleFunc("GET /search", s.searchPage)
	mux.HandleFunc("GET /static/{name}", s.static)
	mux.HandleFunc("GET /api/stories", s.apiStories)
	mux.HandleFunc("GET /api/stories/{id}", s.apiStory)
	mux.HandleFunc("GET /api/articles/{id}", s.apiArticle)
	mux.HandleFunc("GET /api/search", s.apiSearch)
	mux.HandleFunc("POST /api/ingest", s.apiIngest)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		apiError(w, http.StatusNotFound, "no such endpoint")
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, r, http.StatusNotFound, "There is no page at this address.")
	})
	return s.secure(s.logged(mux))
}

// Server returns an http.Server for h with every timeout set and the
// header size capped.
func Server(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second, // the ingest endpoint extends its own
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    32 << 10,
	}
}

// ListenAndServe runs srv until ctx ends, then shuts it down gracefully.
func ListenAndServe(ctx context.Context, srv *http.Server) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve %s: %w", srv.Addr, err)
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("shut down %s: %w", srv.Addr, err)
	}
	return nil
}
