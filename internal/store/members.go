package store

import "time"

// A story's page reads its members whole only when they fit one page of
// its article list; a larger story's page reads them as the queries
// below give them: counted per outlet and span of days, one page of the
// list, and the few its report cites. So the page of a story of 5,000
// articles reads about what one of 300 does.

// MemberQuery selects some of a story's members (StoryMembers), without
// their bodies.
type MemberQuery struct {
	StoryID int64
	// Outlets, when set, lists the members of these outlets (as stored,
	// "" for those stored without one), outlet by outlet in this order,
	// each one's by published date, the undated last, then by ID: a story
	// page's article list. Otherwise the members come in placement order.
	Outlets []string
	IDs     []int64 // only these members; nil: all
	Offset  int
	Limit   int // 0: all
}

// OutletSpan counts a story's members from one outlet whose published
// dates begin alike: the same SpanPrefix characters (a year, a month,
// ten days, a day, ten hours or an hour), "" for the undated. The
// timeline of a large story draws these instead of every article.
type OutletSpan struct {
	Outlet   string // as stored
	Span     string
	Articles int
	First    string // the earliest published date among them
	Last     string // the latest
}

// SpanPrefix is how many characters of the published dates
// StorySpans groups by for a story whose dated members span the days
// first to last (2006-01-02): the finest of an hour, ten hours, a day, ten
// days, a month or a year that gives at most about 60 spans, about one
// per dot the timeline has room for. Dates are grouped as the outlets
// wrote them (their own time zone).
func SpanPrefix(first, last string) int {
	lo, err1 := time.Parse(time.DateOnly, first)
	hi, err2 := time.Parse(time.DateOnly, last)
	if err1 != nil || err2 != nil || hi.Before(lo) {
		return 4
	}
	days := int(hi.Sub(lo).Hours()/24) + 1
	switch {
	case days <= 2:
		return len("2006-01-02T15")
	case days <= 20:
		return len("2006-01-02T1")
	case days <= 60:
		return len(time.DateOnly)
	case days <= 600:
		return len("2006-01-0")
	case days <= 1800:
		return len("2006-01")
	}
	return len("2006")
}
