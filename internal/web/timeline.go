package web

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"
	"time"

	"parallax/internal/compare"
	"parallax/internal/model"
)

// The timeline is an SVG drawn on the server: a lane of dated events from
// the report above one lane per outlet with its articles' publication
// times, on one date axis. Tooltips are SVG <title> elements, so it needs
// no script.

const (
	tlWidth   = 860
	tlLeft    = 180 // where the plot starts; lane labels sit left of it
	tlRight   = 840
	tlLaneGap = 30
	tlTop     = 34
	tlDotSpan = 12 // a dot's width (r=6): articles of one outlet closer than it share a dot
)

type timelineView struct {
	Width, Height int
	AxisY         int
	PlotLeft      int
	PlotRight     int
	Ticks         []tick
	Lanes         []lane
	EventMarks    []eventMark
	Events        []eventView
	Undated       int // articles without a date, not drawn
	Outside       int // events outside the drawn window, listed only
	Empty         bool
}

type tick struct {
	X     int
	Label string
}

type lane struct {
	Y     int
	Label string
	Class string
	Dots  []dot
}

type dot struct {
	X     int
	R     int // radius: a large story's dots grow with the articles they stand for
	Href  string
	Title string
}

// eventMark is one marker on the events lane: every event of one day.
type eventMark struct {
	X, Y  int
	Label string // the events' numbers: "1", "2, 3", "4–9"
	Title string
	nums  []int
}

// numbersLabel keeps a marker's label short: "1", "2, 3", "4–9".
func numbersLabel(nums []int) string {
	switch len(nums) {
	case 0:
		return ""
	case 1:
		return fmt.Sprint(nums[0])
	case 2:
		return fmt.Sprintf("%d, %d", nums[0], nums[1])
	}
	return fmt.Sprintf("%d–%d", slices.Min(nums), slices.Max(nums))
}

type eventView struct {
	N    int
	Date string
	Text string
	Refs []ref
	// About is the later day a statement speaks of ("Thursday 2025-05-15
	// (“on Thursday”)"); Reported says when an event was reported, when
	// that is another day.
	About, Reported string
}

func (b *storyBuilder) timeline(runs []run, r *model.Report) timelineView {
	var events []model.TimelineEvent
	if r != nil {
		events = r.Timeline
	}
	var times []time.Time
	for _, rn := range runs {
		if t, ok := parseWhen(rn.first.Published); ok {
			times = append(times, t)
		}
		if rn.last != rn.first.Published {
			if t, ok := parseWhen(rn.last); ok {
				times = append(times, t)
			}
		}
	}
	in := window(times)
	for _, e := range events {
		if t, ok := parseWhen(e.Date); ok && in(t) {
			times = append(times, t)
		}
	}
	v := timelineView{Width: tlWidth, PlotLeft: tlLeft, PlotRight: tlRight}
	if len(times) == 0 {
		v.Empty = len(events) == 0
		v.Events = b.eventViews(events)
		v.Outside = len(events)
		return v
	}
	lo, hi := timeSpan(times)
	x := func(t time.Time) int {
		f := float64(t.Sub(lo)) / float64(hi.Sub(lo))
		return tlLeft + int(math.Round(f*float64(tlRight-tlLeft)))
	}
	y := tlTop
	if len(events) > 0 {
		v.Events = b.eventViews(events)
		v.EventMarks, v.Outside = eventMarks(events, in, x, y)
		v.Lanes = append(v.Lanes, lane{Y: y, Label: "Events", Class: "events"})
		y += tlLaneGap + 6
	}
	lanes, undated := b.articleLanes(runs, x, y)
	v.Lanes = append(v.Lanes, lanes...)
	v.Undated = undated
	v.AxisY = y + len(lanes)*tlLaneGap
	v.Height = v.AxisY + 34
	v.Ticks = ticks(lo, hi, x)
	return v
}

func (b *storyBuilder) eventViews(events []model.TimelineEvent) []eventView {
	views := make([]eventView, 0, len(events))
	for i, e := range events {
		views = append(views, eventView{N: i + 1, Date: e.Date, Text: e.Text, Refs: b.refs(e.ArticleIDs, nil),
			About: compare.SpokenOf(e), Reported: compare.ReportedOn(e)})
	}
	return views
}

// eventMarks places the events inside the drawn window, one marker per
// position; it also counts the events left out.
func eventMarks(events []model.TimelineEvent, in func(time.Time) bool, x func(time.Time) int, y int) ([]eventMark, int) {
	byX := map[int]*eventMark{}
	var marks []*eventMark
	outside := 0
	for i, e := range events {
		t, ok := parseWhen(e.Date)
		if !ok || !in(t) {
			outside++
			continue
		}
		px := x(t)
		m, ok := byX[px]
		if !ok {
			m = &eventMark{X: px, Y: y}
			byX[px] = m
			marks = append(marks, m)
		}
		if m.Title != "" {
			m.Title += "; "
		}
		m.Title += e.Date + ": " + e.Text
		m.nums = append(m.nums, i+1)
	}
	out := make([]eventMark, len(marks))
	for i, m := range marks {
		m.Label = numbersLabel(m.nums)
		out[i] = *m
	}
	return out, outside
}

// window says which event dates the timeline draws: those from two weeks
// before the first article to a week after the last, so background dates
// ("built in 1968") do not squash the days the story happened. With no
// dated article every date is drawn.
func window(articleTimes []time.Time) func(time.Time) bool {
	if len(articleTimes) == 0 {
		return func(time.Time) bool { return true }
	}
	lo, hi := articleTimes[0], articleTimes[0]
	for _, t := range articleTimes {
		if t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	lo, hi = lo.AddDate(0, 0, -14), hi.AddDate(0, 0, 7)
	return func(t time.Time) bool { return !t.Before(lo) && !t.After(hi) }
}

func (b *storyBuilder) articleLanes(runs []run, x func(time.Time) int, y int) ([]lane, int) {
	lanes := make([]lane, len(b.outlets))
	for i, o := range b.outlets {
		lanes[i] = lane{Y: y + i*tlLaneGap, Label: clipRunes(o.Name, 24), Class: o.Class}
	}
	undated := 0
	// One dot per lane and dot's width of the axis: the articles an
	// outlet published there share it (drawn apart they overlap anyway),
	// so the drawing is bounded by its width, not by the story's size (a
	// story of 4,500 drew 4,500 dots, 850 KB). The first run there links;
	// the title counts the others.
	type shared struct {
		first run
		count int
		last  string
	}
	at := make([]map[int]int, len(lanes))
	dots := make([][]shared, len(lanes))
	for _, rn := range runs {
		t, ok := parseWhen(rn.first.Published)
		if !ok {
			undated += rn.count
			continue
		}
		i, px := b.index[rn.outlet], x(t)
		if at[i] == nil {
			at[i] = map[int]int{}
		}
		slot := px / tlDotSpan
		j, ok := at[i][slot]
		if !ok {
			j = len(dots[i])
			at[i][slot] = j
			dots[i] = append(dots[i], shared{first: rn})
			lanes[i].Dots = append(lanes[i].Dots, dot{X: px})
		}
		d := &dots[i][j]
		d.count += rn.count
		d.last = max(d.last, rn.last)
	}
	for i := range lanes {
		for j, d := range dots[i] {
			lanes[i].Dots[j].Href, lanes[i].Dots[j].Title = b.dotLink(d.first, d.count, d.last)
			lanes[i].Dots[j].R = dotRadius(d.first, d.count)
		}
	}
	return lanes, undated
}

// dotRadius is 6 for a dot of articles; a large story's dot of spans
// grows with how many articles it stands for, from 4 for one to 10 for
// eight or more, so the lanes show when each outlet published most.
func dotRadius(first run, count int) int {
	if first.href == "" {
		return 6
	}
	return 4 + 2*min(bits.Len(uint(count))-1, 3)
}

// dotLink is where a timeline's dot links and what its title says: its
// first article and how many more share the dot, or for a large story's
// spans, how many articles from when to when.
func (b *storyBuilder) dotLink(first run, count int, last string) (string, string) {
	if first.href == "" {
		title := first.outlet + ", " + shortTime(first.first.Published) + ": " + first.first.Title
		if count > 1 {
			title += fmt.Sprintf(" (and %d more)", count-1)
		}
		return b.href(first.first.ID), title
	}
	when := shortTime(first.first.Published)
	if last != first.first.Published {
		when += " – " + shortTime(last)
	}
	return first.href, fmt.Sprintf("%s: %s, %s", first.outlet, plural(count, "article"), when)
}

// timeSpan returns the range to draw: the times' extent, widened to at least
// one day and padded so end markers are not cut.
func timeSpan(ts []time.Time) (time.Time, time.Time) {
	lo, hi := ts[0], ts[0]
	for _, t := range ts {
		if t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	if hi.Sub(lo) < 24*time.Hour {
		mid := lo.Add(hi.Sub(lo) / 2)
		lo, hi = mid.Add(-12*time.Hour), mid.Add(12*time.Hour)
	}
	pad := hi.Sub(lo) / 30
	return lo.Add(-pad), hi.Add(pad)
}

// ticks labels days (or months, over long spans) across the axis, at most
// about eight.
func ticks(lo, hi time.Time, x func(time.Time) int) []tick {
	days := hi.Sub(lo).Hours() / 24
	step := int(math.Ceil(days / 8))
	layout := "2 Jan"
	if days > 300 {
		layout = "Jan 2006"
	}
	var out []tick
	d := time.Date(lo.Year(), lo.Month(), lo.Day(), 0, 0, 0, 0, time.UTC)
	if d.Before(lo) {
		d = d.AddDate(0, 0, 1)
	}
	for ; !d.After(hi); d = d.AddDate(0, 0, step) {
		out = append(out, tick{X: x(d), Label: d.Format(layout)})
	}
	return out
}

// parseWhen reads an RFC 3339 date-time or a date (2006-01-02, 2006-01,
// 2006), in UTC.
func parseWhen(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	// A date alone is never a date-time: not tried as one, whose error
	// cost an allocation for each of a large story's dots.
	if len(s) > len(time.DateOnly) {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return t.UTC(), true
		}
	}
	// The timeline keeps each date's precision: "week of 2025-05-05",
	// "weekend of 2025-05-10", "1990s". Such an event is drawn at its
	// first day.
	for _, prefix := range []string{"week of ", "weekend of "} {
		if rest, ok := strings.CutPrefix(s, prefix); ok {
			s = rest
		}
	}
	if decade, ok := strings.CutSuffix(s, "s"); ok && len(decade) == 4 {
		s = decade
	}
	for _, layout := range []string{time.DateOnly, "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
