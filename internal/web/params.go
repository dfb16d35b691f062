package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"parallax/internal/model"
	"parallax/internal/outlets"
	"parallax/internal/store"
)

// listParams are the story list's filters, from the query string.
type listParams struct {
	Sort   string // "newest" or "coverage"
	Outlet string
	Since  string
	Until  string
	Q      string
	// Blindspot keeps stories covered by only one value of an outlet
	// attribute: "country", or "country=FR" (outlets.ParseBlindSpot).
	Blindspot string
	Page      int // from 1
}

var errBadParam = errors.New("bad parameter")

func parseList(r *http.Request) (listParams, error) {
	v := r.URL.Query()
	p := listParams{Sort: v.Get("sort"), Outlet: clean(v.Get("outlet")), Since: strings.TrimSpace(v.Get("since")),
		Until: strings.TrimSpace(v.Get("until")), Q: searchText(v.Get("q")), Page: 1}
	switch p.Sort {
	case "", "newest":
		p.Sort = "newest"
	case "coverage":
	default:
		return p, fmt.Errorf("%w: sort %q: want newest or coverage", errBadParam, p.Sort)
	}
	for name, d := range map[string]string{"since": p.Since, "until": p.Until} {
		if d == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			return p, fmt.Errorf("%w: %s %q: want a day like 2026-03-10", errBadParam, name, d)
		}
	}
	if b := clean(v.Get("blindspot")); b != "" {
		spot, err := outlets.ParseBlindSpot(b)
		if err != nil {
			return p, fmt.Errorf("%w: blindspot: %v", errBadParam, err)
		}
		p.Blindspot = spot.String()
	}
	page, err := intParam(v, "page", 1, maxPage)
	if err != nil {
		return p, err
	}
	p.Page = page
	return p, nil
}

// intParam reads an optional integer in [1, most].
func intParam(v url.Values, name string, def, most int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > most {
		return 0, fmt.Errorf("%w: %s %q: want a number from 1 to %d", errBadParam, name, s, most)
	}
	return n, nil
}

// clean trims user text and caps its length.
func clean(s string) string {
	s = strings.TrimSpace(strings.ToValidUTF8(s, ""))
	if utf8.RuneCountInString(s) > maxQueryRunes {
		s = strings.TrimSpace(string([]rune(s)[:maxQueryRunes]))
	}
	return s
}

// searchText is clean, and keeps at most maxQueryWords words: every word
// is one more full-text lookup that all must match.
func searchText(s string) string {
	s = clean(s)
	if f := strings.Fields(s); len(f) > maxQueryWords {
		s = strings.Join(f[:maxQueryWords], " ")
	}
	return s
}

// query asks for one page plus one story, to know whether a next page
// exists; reg is the outlet registry a blind-spot filter reads.
func (p listParams) query(size int, reg *outlets.Index) store.StoryQuery {
	q := store.StoryQuery{Limit: size + 1, Offset: (p.Page - 1) * size, Outlet: p.Outlet,
		Since: p.Since, Until: p.Until, Text: p.Q}
	if p.Sort == "coverage" {
		q.Order = store.MostCovered
	}
	if spot, err := outlets.ParseBlindSpot(p.Blindspot); err == nil && p.Blindspot != "" {
		q.Keep = func(s model.Story) bool { return spot.Keep(s.Outlets, reg) }
	}
	return q
}

// url is the address of another page of the same list.
func (p listParams) url(base string, page int) string {
	v := url.Values{}
	if p.Sort != "newest" {
		v.Set("sort", p.Sort)
	}
	for k, s := range map[string]string{"outlet": p.Outlet, "since": p.Since, "until": p.Until, "q": p.Q, "blindspot": p.Blindspot} {
		if s != "" {
			v.Set(k, s)
		}
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if len(v) == 0 {
		return base
	}
	return base + "?" + v.Encode()
}

// Filtered says whether any filter is set.
func (p listParams) Filtered() bool {
	return p.Outlet != "" || p.Since != "" || p.Until != "" || p.Q != "" || p.Blindspot != ""
}

// idParam reads the {id} path value.
func idParam(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id, err == nil && id > 0
}
