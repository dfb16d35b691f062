package cluster

import "time"

// Config holds the clusterer's parameters. DefaultConfig documents why each
// default is what it is; the sweep behind the thresholds is in
// basil_test.go.
type Config struct {
	// Threshold is the similarity (0–1) an article needs with a story to
	// join it, both with the story's profile and on average with its kept
	// members (see Members); below it the article starts a story.
	Threshold float64
	// Window is the largest gap between an article's day and the days of a
	// story's articles for the two to be compared at all. It also bounds the
	// index scan, which is why assignment cost does not grow with the archive.
	Window time.Duration
	// TimeGrace is the gap within which time costs nothing; beyond it the
	// similarity loses TimePenalty·(gap−grace)/(window−grace).
	TimeGrace   time.Duration
	TimePenalty float64
	// DatedBonus is added to the similarity when both the article and the
	// story have published days within TimeGrace of each other.
	DatedBonus float64
	// URLBonus replaces DatedBonus when a day on either side comes from a
	// URL's path rather than a published date (text.URLDate): the same
	// evidence, trusted less.
	URLBonus float64

	// Members is how many of a story's first independent members it keeps
	// to check newcomers against (members.go): the mean similarity to them
	// must reach Threshold too, so a story cannot drift away from what it
	// was first about.
	Members int
	// NameThreshold is the similarity a join must keep without the one
	// shared name that gives it most (the name and its words): one rare
	// name in common is not an event in common.
	NameThreshold float64

	// BackgroundDocs is a prior for document frequencies: the stream is
	// taken to follow that many documents holding none of its terms (the
	// stopwords aside). See vocab.go.
	BackgroundDocs float64

	// EntityWeight is the share of the entity cosine in the similarity; the
	// rest is the cosine of headline and body terms.
	EntityWeight float64
	// TitleWeight is how many body mentions one headline mention counts for.
	TitleWeight float64
	// LeadWords caps the body words read for terms (0: all). Reports put the
	// event first and background last; background is what unrelated stories
	// share.
	LeadWords int

	// StorylineWindow and StorylineThreshold link stories into storylines:
	// stories at most StorylineWindow apart whose entity and key-term
	// similarity reaches StorylineThreshold share a storyline.
	StorylineWindow    time.Duration
	StorylineThreshold float64

	// DuplicateThreshold is the estimated share of the shorter body's
	// five-word shingles found in the longer one above which an article is a
	// near-duplicate of an earlier one (see minhash.go).
	DuplicateThreshold float64

	// Entities finds the named entities of an article; nil means
	// HeuristicEntities.
	Entities EntityFunc

	// QueryTerms is how many of an article's distinctive terms (and,
	// separately, entities) are looked up in the index; MaxCandidates is how
	// many of the stories they retrieve are scored in full; ProfileTerms caps
	// a story's term profile.
	QueryTerms    int
	MaxCandidates int
	ProfileTerms  int

	// Retain is how many arrivals an index week (or near-duplicate slot)
	// must go without a new article before it may be dropped, once it is
	// also older than the windows behind the newest week. It keeps
	// memory bounded on a live stream while an archive fed out of order, up
	// to that many articles, still finds its stories.
	Retain int
}

// DefaultConfig returns parameters chosen by reasoning, then checked by a
// sweep on BASIL (sweep_test.go; figures in the package documentation):
//
//   - Threshold 0.275 sits mid-plateau of both cases: B³ F1 ≥ 0.98 with
//     published dates from 0.15 to 0.35, and ≥ 0.93 in every order without
//     them from 0.2 to 0.325.
//   - Window 7 days, TimeGrace 2: coverage of one event spreads over a day
//     or three (BASIL's widest is four); by a week a report on the same
//     subject is a follow-up, a story of its own in the same storyline.
//     TimePenalty 0.5 makes a five-day gap all but decisive, as the seeds
//     need (the Istanbul follow-up shares nearly every word with the
//     talks it follows); BASIL is indifferent to it from 0.1 to 0.5.
//   - DatedBonus 0.1: see timeAdjust. URLBonus 0.05, half of it: a URL's
//     date is the day of writing as often as not, or the day after (print
//     editions), or a first version's.
//   - Members 12: nearly every story of one event keeps all its members;
//     a long-running one is held to its first dozen. NameThreshold 0.175:
//     at the threshold, one name may give at most 0.1 of the similarity;
//     from 0.2 up, BASIL reports of one event (which lean on their
//     protagonist's name) begin to split. Both were chosen on BASIL's
//     2010–2012 events and on PolNeAR (heldout_test.go, docs/QUALITY.md).
//   - BackgroundDocs 100: a prior that makes the first articles of a stream
//     weigh words as a large stream would (B³ is flat from 0 to 300).
//   - EntityWeight 0.2, TitleWeight 2, LeadWords 200: the lead carries the
//     event (without the cap, undated F1 drops from 0.98 to 0.96); names
//     and the headline help a little, and F1 is flat around these values.
//   - StorylineWindow 120 days (a February call and the May talks it led
//     to), StorylineThreshold 0.2 (half entity, half term cosine).
//   - DuplicateThreshold 0.7: copies keep nearly all their shingles;
//     independent reports, even of one event, share few.
func DefaultConfig() Config {
	return Config{
		Threshold:          0.275,
		Window:             7 * 24 * time.Hour,
		TimeGrace:          2 * 24 * time.Hour,
		TimePenalty:        0.50,
		DatedBonus:         0.10,
		URLBonus:           0.05,
		Members:            12,
		NameThreshold:      0.175,
		BackgroundDocs:     100,
		EntityWeight:       0.2,
		TitleWeight:        2,
		LeadWords:          200,
		StorylineWindow:    120 * 24 * time.Hour,
		StorylineThreshold: 0.2,
		DuplicateThreshold: 0.7,
		QueryTerms:         20,
		MaxCandidates:      30,
		ProfileTerms:       300,
		Retain:             50000,
	}
}

// days converts a duration to whole days, at least zero.
func days(d time.Duration) int32 {
	if d <= 0 {
		return 0
	}
	return int32(d / (24 * time.Hour))
}
