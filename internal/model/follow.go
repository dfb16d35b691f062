package model

// What a follow watches (Follow.Kind).
const (
	FollowSearch    = "search"    // stories with an article matching some words
	FollowEntity    = "entity"    // stories naming a person, place or organisation
	FollowStoryline = "storyline" // the stories of one storyline
)

// Follow is a saved search, a followed entity or a followed storyline: it
// has an Atom feed of its events and, optionally, a webhook they are
// posted to.
type Follow struct {
	ID   int64  `json:"id"`
	Kind string `json:"kind"`
	// Target is what is followed: the words of a search, an entity's or a
	// storyline's ID (as decimal text).
	Target string `json:"target"`
	// Label is what the follow is called where it is listed: the words,
	// the entity's name, the storyline's latest title.
	Label   string `json:"label"`
	Created string `json:"created"` // RFC 3339
	// Webhook is the URL events are posted to, "" for none;
	// AllowPrivate lets it reach loopback and private addresses.
	Webhook      string `json:"webhook,omitempty"`
	AllowPrivate bool   `json:"allow_private,omitempty"`
	// Secret signs the webhook's bodies (HMAC-SHA256). It is shown once,
	// when the follow is made, and never listed.
	Secret string `json:"-"`
}

// What happened to a followed thing (FollowEvent.Kind).
const (
	EventStory       = "story"       // a story newly matches the follow
	EventOutlet      = "outlet"      // another outlet covers a story the follow matched
	EventDiscrepancy = "discrepancy" // outlets newly disagree on something in such a story
)

// FollowEvent is one thing that happened to a followed thing: an entry of
// its Atom feed and the body of a webhook delivery.
type FollowEvent struct {
	ID       int64  `json:"id"`
	FollowID int64  `json:"follow_id"`
	Kind     string `json:"kind"`
	StoryID  int64  `json:"story_id"`
	Title    string `json:"story_title"`
	// Brief is the first line of the story's brief, "" when it has none.
	Brief   string   `json:"brief,omitempty"`
	Outlets []string `json:"outlets"` // the story's outlets when it happened
	// Outlet is the new outlet (EventOutlet); Discrepancy the new
	// disagreement (EventDiscrepancy).
	Outlet      string       `json:"outlet,omitempty"`
	Discrepancy *Discrepancy `json:"discrepancy,omitempty"`
	Created     string       `json:"created"` // RFC 3339
}
