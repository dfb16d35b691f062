// Package store holds what every store backend shares: the outcome of a
// write, the errors, and the content fingerprint that makes ingestion
// idempotent. The backends live in subpackages (sqlite, later postgres);
// the interfaces they satisfy are defined where they are used.
package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"

	"parallax/internal/model"
)

// ErrNotFound means no row matched.
var ErrNotFound = errors.New("not found")

// Outcome says what storing an article did.
type Outcome int

const (
	Unchanged Outcome = iota // the same content was already stored
	New                      // a new article was added
	Updated                  // an article already known by its key changed
)

func (o Outcome) String() string {
	switch o {
	case New:
		return "new"
	case Updated:
		return "updated"
	default:
		return "unchanged"
	}
}

// Key identifies an article across ingests: its canonical URL when known,
// else where it was read from. A changed page under the same key updates
// the stored record.
func Key(a model.Article) string {
	if u := strings.TrimSpace(a.URL); u != "" {
		return "url:" + u
	}
	return "source:" + a.Source
}

// Fingerprint hashes an article's content (not its ID or where it was read
// from), so the same page read from two places counts once.
func Fingerprint(a model.Article) string {
	b, _ := json.Marshal([]any{a.URL, a.Title, a.Authors, a.Outlet, a.Published, a.Language, a.Body})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// FTSQuery turns free text typed by a user into a full-text query that
// cannot be a syntax error: each word quoted, all words required.
func FTSQuery(q string) string {
	// SQLite ends a string at NUL ("unterminated string"); PostgreSQL
	// text refuses NUL and invalid UTF-8.
	q = strings.ReplaceAll(strings.ToValidUTF8(q, " "), "\x00", " ")
	var terms []string
	for _, f := range strings.Fields(q) {
		f = strings.Trim(f, `"'()*^:+-`)
		if f == "" {
			continue
		}
		terms = append(terms, `"`+strings.ReplaceAll(f, `"`, `""`)+`"`)
	}
	return strings.Join(terms, " ")
}

// StoryOrder says how Stories sorts.
type StoryOrder int

const (
	Newest      StoryOrder = iota // last published first
	MostCovered                   // most independent outlets, then articles
)

// StoryQuery selects stories.
type StoryQuery struct {
	ID     int64 // only this story (0: any)
	Order  StoryOrder
	Limit  int    // 0: all
	Offset int    // skip this many first (paging; with Limit)
	Outlet string // only stories this outlet covers
	Since  string // only stories last published on or after this day
	Until  string // only stories first published on or before this day
	Text   string // only stories with an article matching these words
	// Summaries reads the story rows only: ArticleIDs stay nil (Articles
	// counts them) so a list costs the same whatever its stories' sizes.
	Summaries bool
	// Keep, when set, is a last filter on each story the others let
	// through (its outlets' balance, say: what SQL cannot see); Limit and
	// Offset then count the stories it keeps.
	Keep func(model.Story) bool
}

// Page applies q.Keep, then q.Offset and q.Limit, to stories read without
// a limit: for the backends when Keep is set.
func (q StoryQuery) Page(stories []model.Story) []model.Story {
	kept := stories[:0]
	for _, s := range stories {
		if q.Keep(s) {
			kept = append(kept, s)
		}
	}
	kept = kept[min(max(q.Offset, 0), len(kept)):]
	if q.Limit > 0 && len(kept) > q.Limit {
		kept = kept[:q.Limit]
	}
	return kept
}

// Outlet is one outlet with how much of the store it wrote.
type Outlet struct {
	Name     string `json:"name"`
	Articles int    `json:"articles"`
	Stories  int    `json:"stories"`
	First    string `json:"first_published"` // earliest published date, "" when none is dated
	Last     string `json:"last_published"`
}

// SoleStories are the stories an outlet label is the only outlet of: how
// many, and the newest few (ID, title and days).
type SoleStories struct {
	Label   string
	Count   int
	Stories []model.Story
}

// ArticleRef is a story's member without its body: what a story card or
// an export row shows of it.
type ArticleRef struct {
	Article     model.Article
	StoryID     int64
	DuplicateOf int64
}

// Originals gives a story's originals (model.Story.Originals) from its
// members in placement order: each outlet label once, at its first member,
// replaced by a later independent member with a web address while the one
// kept has none.
func Originals(members []ArticleRef) []model.Original {
	out := []model.Original{}
	at := map[string]int{}
	for _, r := range members {
		label := r.Article.OutletLabel()
		o := model.Original{Outlet: label, ArticleID: r.Article.ID, URL: r.Article.URL}
		i, ok := at[label]
		switch {
		case !ok:
			at[label] = len(out)
			out = append(out, o)
		case r.DuplicateOf == 0 && out[i].URL == "" && o.URL != "":
			out[i] = o
		}
	}
	return out
}

// StoryLead is what a story card shows of a story's stored report: the
// brief's first line and the report's title (the member headline most
// outlets agree with), either "" when there is none.
type StoryLead struct {
	Line  string
	Title string
}

// TitleOr is the report's title, or title (the clusterer's) when no
// report gave one: what a story list names a story by, as its page does.
func (l StoryLead) TitleOr(title string) string {
	if l.Title != "" {
		return l.Title
	}
	return title
}

// StoryIDs returns the stories' IDs, in order.
func StoryIDs(stories []model.Story) []int64 {
	ids := make([]int64, len(stories))
	for i, s := range stories {
		ids[i] = s.ID
	}
	return ids
}
