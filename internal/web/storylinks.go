package web

import (
	"context"
	"fmt"
	"net/http"

	"parallax/internal/enrich"
	"parallax/internal/store"
)

// namesShown is how many of a story's names (entity keys) its page lists,
// the most widely named first; its names page lists them all, a page at
// a time. A story of 4,500 articles names about 1,200 (90 KB of links).
const namesShown = 40

// namesPerPage is how many names a story's names page lists.
const namesPerPage = 200

// linkStory adds to a story page what the corpus index knows: the names
// its articles use most, each linked to its entity's page, and how many
// more there are; its quotations' speakers linked the same way; and its
// storyline.
func (s *server) linkStory(ctx context.Context, v *storyView) error {
	id := v.Story.ID
	ms, total, err := s.cfg.Store.StoryNames(ctx, store.NameQuery{StoryID: id, Limit: namesShown})
	if err != nil {
		return err
	}
	for _, m := range dedupeNames(ms) {
		v.Names = append(v.Names, toNameLink(m))
	}
	links := entityLinks(ms)
	if total > namesShown {
		v.MoreNames, v.NamesHref = total-namesShown, fmt.Sprintf("/stories/%d/names", id)
		// The speakers not among the names read.
		var keys []string
		for _, q := range v.Quotes {
			if k := enrich.Key(q.Speaker); k != "" {
				keys = append(keys, k)
			}
		}
		if len(keys) > 0 {
			sp, _, err := s.cfg.Store.StoryNames(ctx, store.NameQuery{StoryID: id, Keys: keys})
			if err != nil {
				return err
			}
			for k, h := range entityLinks(sp) {
				links[k] = h
			}
		}
	}
	for i, q := range v.Quotes {
		v.Quotes[i].SpeakerHref = speakerHref(enrich.Key(q.Speaker), links)
	}
	v.StorylineHref = fmt.Sprintf("/storylines/%d", v.Story.StorylineID)
	return nil
}

// dedupeNames keeps one mention per record, in order.
func dedupeNames(ms []store.EntityMention) []store.EntityMention {
	seen := map[int64]bool{}
	out := make([]store.EntityMention, 0, len(ms))
	for _, m := range ms {
		if !seen[m.EntityID] {
			seen[m.EntityID] = true
			out = append(out, m)
		}
	}
	return out
}

// storyNamesView is a story's names page: every name its articles use,
// the most widely named first, a page at a time.
type storyNamesView struct {
	StoryID    int64
	StoryHref  string
	Title      string
	Names      []storyName
	From, To   int // 1-based, inclusive
	Total      int
	Prev, Next string
}

type storyName struct {
	nameLink
	Articles int // the story's articles that name it
}

func (s *server) storyNamesPage(w http.ResponseWriter, r *http.Request) {
	st, version, n, ok := s.storyRequest(w, r, false, "page")
	if !ok {
		return
	}
	id := st.ID
	s.cached(w, r, false, fmt.Sprintf("names:%s:%d", version, n), 0, func(ctx context.Context) (*response, error) {
		ms, total, err := s.cfg.Store.StoryNames(ctx, store.NameQuery{StoryID: id, Offset: (n - 1) * namesPerPage, Limit: namesPerPage})
		if err != nil {
			return nil, err
		}
		if rep, err := optionalReport(ctx, s.cfg.Store, id); err != nil {
			return nil, err
		} else if rep != nil && rep.Title != "" {
			st.Title = rep.Title
		}
		base := fmt.Sprintf("/stories/%d", id)
		v := storyNamesView{StoryID: id, StoryHref: base, Title: st.Title, Total: total,
			From: (n-1)*namesPerPage + 1, To: min(n*namesPerPage, total)}
		for _, m := range dedupeNames(ms) {
			v.Names = append(v.Names, storyName{toNameLink(m), m.Articles})
		}
		if n > 1 {
			v.Prev = fmt.Sprintf("%s/names?page=%d", base, n-1)
		}
		if n*namesPerPage < total {
			v.Next = fmt.Sprintf("%s/names?page=%d", base, n+1)
		}
		return s.renderPage(http.StatusOK, "storynames", page{Title: "Names in " + v.Title, Nav: "stories", Data: v})
	})
}
