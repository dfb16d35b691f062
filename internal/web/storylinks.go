package web

import (
	"context"
	"fmt"

	"parallax/internal/enrich"
	"parallax/internal/store"
)

// linkStory adds to a story page what the corpus index knows: the names
// its articles use, each linked to its entity's page, its quotations'
// speakers linked the same way, and its storyline.
func (s *server) linkStory(ctx context.Context, v *storyView) error {
	ms, err := s.cfg.Store.StoryEntities(ctx, v.Story.ID)
	if err != nil {
		return err
	}
	for _, m := range dedupeNames(ms) {
		v.Names = append(v.Names, toNameLink(m))
	}
	links := entityLinks(ms)
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
