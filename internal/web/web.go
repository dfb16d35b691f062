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
	"runtime"
	"sync"
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
	// ReportOutlines reads what a storyline page shows of many stories'
	// reports at once (store.DecodeOutline).
	ReportOutlines(ctx context.Context, ids []int64) (map[int64]model.Report, error)
	// ReportFingerprint names what a story's report was built from ("" when
	// none is): part of the story page's cache key.
	ReportFingerprint(ctx context.Context, storyID int64) (string, error)
	Outlets(ctx context.Context) ([]store.Outlet, error)
	// The outlet registry and its version (part of every cache key that
	// shows outlet attributes), and what the outlets page and the story
	// cards read.
	RegisteredOutlets(ctx context.Context) ([]model.Outlet, error)
	OutletsVersion(ctx context.Context) (int64, error)
	SoleStories(ctx context.Context, per int) ([]store.SoleStories, error)
	StoryLeads(ctx context.Context, ids []int64) (map[int64]store.StoryLead, error)
	StoryArticleRefs(ctx context.Context, ids []int64) ([]store.ArticleRef, error)
	// What the page of a story too large to read whole reads instead
	// (largestory.go), and its API a page at a time.
	StoryMembers(ctx context.Context, q store.MemberQuery) ([]store.ArticleRef, error)
	StorySpans(ctx context.Context, storyID int64, prefix int) ([]store.OutletSpan, error)
	IndexStore
}

// IndexStore is what the storyline, entity and follow pages read: the
// corpus index the writers keep, and the follows.
type IndexStore interface {
	// IndexFingerprint names what a story's index was built from: part
	// of the story page's cache key (its names come from the index).
	IndexFingerprint(ctx context.Context, storyID int64) (string, error)
	StoryNames(ctx context.Context, q store.NameQuery) ([]store.EntityMention, int, error)
	StoriesNames(ctx context.Context, ids []int64) (map[int64][]store.EntityMention, error)
	ArticleEntities(ctx context.Context, articleID int64) ([]store.EntityMention, error)
	Entity(ctx context.Context, id int64) (store.Entity, error)
	FindEntities(ctx context.Context, families []string, limit int) ([]store.Entity, error)
	EntityStories(ctx context.Context, id int64, limit int) ([]model.Story, error)
	EntityQuotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteHit, int, error)
	SearchQuotes(ctx context.Context, q string, limit int) ([]store.QuoteHit, error)
	Storylines(ctx context.Context, limit, offset int) ([]store.Storyline, error)
	StorylineStories(ctx context.Context, id int64, limit, offset int) ([]model.Story, error)
	Follows(ctx context.Context) ([]model.Follow, error)
	Follow(ctx context.Context, id int64) (model.Follow, error)
	FollowEvents(ctx context.Context, followID int64, limit int) ([]model.FollowEvent, error)
	Deliveries(ctx context.Context, followID int64, limit int) ([]store.Delivery, error)
}

// FollowWriter makes and removes follows (POST and DELETE /api/follows).
type FollowWriter interface {
	AddFollow(ctx context.Context, f model.Follow) (model.Follow, error)
	RemoveFollow(ctx context.Context, id int64) error
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
	// Follows makes and removes follows through the API (with Token);
	// nil answers 501.
	Follows FollowWriter
	// IngestTimeout bounds one ingest request (default 5 minutes).
	IngestTimeout time.Duration
	PageSize      int          // stories per list page (default 30)
	Logger        *slog.Logger // nil: no request log
	// Limits bound the work the server takes on; zero fields take
	// DefaultLimits'.
	Limits Limits
	// now is the cache's clock (tests move it); nil is time.Now.
	now func() time.Time
	// storyPage is how many articles a story page lists (tests make it
	// small); 0 is storyArticlesShown.
	storyPage int
}

// Limits bound what the server takes on at once, so that past its
// capacity it refuses requests quickly (503 with Retry-After) instead of
// slowing down for everyone, and bound the memory its caches hold.
type Limits struct {
	MaxInFlight    int           // page and API requests served at once
	MaxQueue       int           // requests waiting for one of those slots, past it 503; negative: none wait
	QueueWait      time.Duration // longest a request waits in that queue before a 503
	RequestTimeout time.Duration // deadline of one request's store reads
	MaxSearches    int           // searches (and lists filtered by words) served at once
	SearchQueue    int           // searches waiting for one of those; negative: none wait
	SearchTimeout  time.Duration // deadline of one search
	CacheBytes     int64         // rendered stories and API answers kept; negative: none
	ListTTL        time.Duration // how long a list or search answer is reused; negative: not at all
	OutletsTTL     time.Duration // how long the outlets page is reused (it counts every article); negative: not at all
	RetryAfter     int           // seconds, sent with a 503
}

// DefaultLimits are sized for the cores Go may use (GOMAXPROCS): the work
// is CPU-bound (SQLite runs in-process, pages are rendered here), so a few
// requests per core keep the cores busy while one waits for the disk, and
// a queue twice that absorbs a burst without adding more than a few
// requests' time to anyone's wait. Searches, the costliest requests (a
// common word matches most articles), get one per core: a burst of them
// waits or is refused, while pages keep the other slots.
func DefaultLimits() Limits {
	p := max(runtime.GOMAXPROCS(0), 1)
	return Limits{
		MaxInFlight:    max(4*p, 4),
		MaxQueue:       max(8*p, 8),
		QueueWait:      time.Second,
		RequestTimeout: 10 * time.Second,
		MaxSearches:    p,
		SearchQueue:    max(2*p, 4),
		SearchTimeout:  2 * time.Second,
		CacheBytes:     64 << 20,
		ListTTL:        2 * time.Second,
		OutletsTTL:     30 * time.Second,
		RetryAfter:     1,
	}
}

// withDefaults fills the zero fields from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	setInt := func(v *int, def int) {
		if *v == 0 {
			*v = def
		}
	}
	setDur := func(v *time.Duration, def time.Duration) {
		if *v == 0 {
			*v = def
		}
	}
	setInt(&l.MaxInFlight, d.MaxInFlight)
	setInt(&l.MaxQueue, d.MaxQueue)
	setInt(&l.MaxSearches, d.MaxSearches)
	setInt(&l.SearchQueue, d.SearchQueue)
	setInt(&l.RetryAfter, d.RetryAfter)
	setDur(&l.QueueWait, d.QueueWait)
	setDur(&l.RequestTimeout, d.RequestTimeout)
	setDur(&l.SearchTimeout, d.SearchTimeout)
	setDur(&l.ListTTL, d.ListTTL)
	setDur(&l.OutletsTTL, d.OutletsTTL)
	if l.CacheBytes == 0 {
		l.CacheBytes = d.CacheBytes
	}
	return l
}

// validate names the first bad field.
func (l Limits) validate() error {
	for name, v := range map[string]int{"MaxInFlight": l.MaxInFlight, "MaxSearches": l.MaxSearches,
		"RetryAfter": l.RetryAfter} {
		if v < 0 {
			return fmt.Errorf("web config: Limits.%s %d is negative", name, v)
		}
	}
	for name, v := range map[string]time.Duration{"QueueWait": l.QueueWait, "RequestTimeout": l.RequestTimeout,
		"SearchTimeout": l.SearchTimeout} {
		if v < 0 {
			return fmt.Errorf("web config: Limits.%s %s is negative", name, v)
		}
	}
	return nil
}

// Limits on what a request may ask for.
const (
	maxIngestBody = 64 << 10 // bytes of a POST body
	maxIngestURLs = 100
	maxQueryRunes = 200 // of a search or filter text
	maxQueryWords = 12  // of a search text
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
	return c.Limits.validate()
}

type server struct {
	cfg      Config
	pages    map[string]*template.Template
	log      *slog.Logger
	requests *limiter // every page and API read
	searches *limiter // searches, inside requests
	cache    *cache
	sizes    sync.Map // page name: the length of its last rendering
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
	cfg.Limits = cfg.Limits.withDefaults()
	if cfg.now == nil {
		cfg.now = time.Now
	}
	l := cfg.Limits
	s := &server{cfg: cfg, pages: pages, log: cfg.Logger,
		requests: newLimiter(l.MaxInFlight, max(l.MaxQueue, 0), l.QueueWait),
		searches: newLimiter(l.MaxSearches, max(l.SearchQueue, 0), l.QueueWait),
		cache:    newCache(l.CacheBytes, cfg.now)}
	return s.routes(), nil
}

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	// Reads are bounded (limited) and searches more so (searching); the
	// health check, the embedded assets and the write endpoint (one
	// ingest at a time already) are not.
	mux.HandleFunc("GET /{$}", s.limited(s.searchingIfWords(s.storiesPage)))
	mux.HandleFunc("GET /stories/{id}", s.limited(s.storyPage))
	mux.HandleFunc("GET /stories/{id}/names", s.limited(s.storyNamesPage))
	mux.HandleFunc("GET /articles/{id}", s.limited(s.articlePage))
	mux.HandleFunc("GET /outlets", s.limited(s.outletsPage))
	mux.HandleFunc("GET /stories/{id}/export.csv", s.limited(s.storyExport("csv")))
	mux.HandleFunc("GET /stories/{id}/export.json", s.limited(s.storyExport("json")))
	mux.HandleFunc("GET /export.csv", s.limited(s.searchingIfWords(s.listExport("csv"))))
	mux.HandleFunc("GET /export.json", s.limited(s.searchingIfWords(s.listExport("json"))))
	mux.HandleFunc("GET /search", s.limited(s.searching(s.searchPage)))
	mux.HandleFunc("GET /storylines", s.limited(s.storylinesPage))
	mux.HandleFunc("GET /storylines/{id}", s.limited(s.storylinePage))
	mux.HandleFunc("GET /entities", s.limited(s.searching(s.entitiesPage)))
	mux.HandleFunc("GET /entities/{id}", s.limited(s.entityPage))
	mux.HandleFunc("GET /follows", s.limited(s.followsPage))
	mux.HandleFunc("GET /feeds/{id}", s.limited(s.feed))
	mux.HandleFunc("GET /static/{name}", s.static)
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /api/stories", s.limited(s.searchingIfWords(s.apiStories)))
	mux.HandleFunc("GET /api/stories/{id}", s.limited(s.apiStory))
	mux.HandleFunc("GET /api/articles/{id}", s.limited(s.apiArticle))
	mux.HandleFunc("GET /api/search", s.limited(s.searching(s.apiSearch)))
	mux.HandleFunc("GET /api/storylines", s.limited(s.apiStorylines))
	mux.HandleFunc("GET /api/storylines/{id}", s.limited(s.apiStoryline))
	mux.HandleFunc("GET /api/entities", s.limited(s.searching(s.apiEntities)))
	mux.HandleFunc("GET /api/entities/{id}", s.limited(s.apiEntity))
	mux.HandleFunc("GET /api/quotes", s.limited(s.searching(s.apiQuotes)))
	mux.HandleFunc("GET /api/follows/{id}/events", s.limited(s.apiFollowEvents))
	mux.HandleFunc("GET /api/follows", s.limited(s.tokened(s.apiFollows)))
	mux.HandleFunc("POST /api/follows", s.tokened(s.apiAddFollow))
	mux.HandleFunc("DELETE /api/follows/{id}", s.tokened(s.apiRemoveFollow))
	mux.HandleFunc("GET /api/follows/{id}/deliveries", s.limited(s.tokened(s.apiDeliveries)))
	mux.HandleFunc("POST /api/ingest", s.apiIngest)
	mux.HandleFunc("/api/", s.limited(func(w http.ResponseWriter, r *http.Request) {
		apiError(w, http.StatusNotFound, "no such endpoint")
	}))
	mux.HandleFunc("/", s.limited(func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, r, http.StatusNotFound, "There is no page at this address.")
	}))
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
