package model

// Placement is where clustering put one article.
type Placement struct {
	ArticleID   int64 `json:"article_id"`
	StoryID     int64 `json:"story_id"`
	StorylineID int64 `json:"storyline_id"`
	// DuplicateOf is the earlier article this one nearly copies, 0 when it
	// is independent coverage.
	DuplicateOf int64 `json:"duplicate_of"`
	NewStory    bool  `json:"new_story"`
	// Seq is the order of assignment; replaying placements in this order
	// rebuilds the clusterer's state.
	Seq int64 `json:"-"`
}

// Story is every article, from every outlet, that reports one event.
type Story struct {
	ID          int64    `json:"id"`
	Title       string   `json:"title"` // the most representative member headline
	StorylineID int64    `json:"storyline_id"`
	ArticleIDs  []int64  `json:"article_ids,omitempty"` // nil in lists (Articles counts them)
	Outlets     []string `json:"outlets"`
	// FirstPublished and LastPublished span the members' published days
	// (2006-01-02); for a story with no dated member, the days its texts
	// mention; "" when neither is known.
	FirstPublished string `json:"first_published"`
	LastPublished  string `json:"last_published"`
	// Independent counts members that are not near-duplicates;
	// IndependentOutlets the outlets with at least one such member.
	Independent        int `json:"independent_articles"`
	IndependentOutlets int `json:"independent_outlets"`
	// Articles counts the members. Lists give it without ArticleIDs
	// (store.StoryQuery.Summaries), so a list does not grow with its
	// stories' sizes.
	Articles int `json:"article_count"`
	// Originals link each outlet to its article, in the order the outlets
	// first joined: what a story card shows. Kept on the story row by the
	// writers; read only by lists.
	Originals []Original `json:"-"`
}

// Original is an outlet of a story and the member a card links it to: its
// first independent member with a web address, else its first member.
type Original struct {
	Outlet    string `json:"o"`
	ArticleID int64  `json:"id"`
	URL       string `json:"url,omitempty"`
}

// DaysInferred reports a story whose days come from what its texts
// mention (a dateline, a photo caption) because no member has a published
// date: a view shows them as inferred.
func DaysInferred(arts []Article) bool {
	for _, a := range arts {
		if a.Published != "" {
			return false
		}
	}
	return len(arts) > 0
}

// InferredNote marks days taken from the texts.
const InferredNote = " (inferred from the texts: no article is dated)"
