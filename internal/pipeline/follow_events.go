package pipeline

import (
	"context"
	"errors"

	"parallax/internal/model"
	"parallax/internal/store"
)

// matcher decides which follows a story concerns, before and after a
// change, from what one pass read once: the follows, the keys of each
// followed entity, the articles matching each saved search.
type matcher struct {
	follows    []model.Follow
	entityKeys map[int64]map[string]bool // follow → TypeKeys of its entity
	matching   map[int64]map[int64]bool  // search follow → matching articles among the staged stories'
}

// maxMergeHops bounds following MergedInto from a followed record to the
// one that holds its key now.
const maxMergeHops = 8

func (ix *Index) newMatcher(ctx context.Context, staged []stagedStory) (*matcher, error) {
	follows, err := ix.Store.Follows(ctx)
	if err != nil {
		return nil, err
	}
	m := &matcher{follows: follows, entityKeys: map[int64]map[string]bool{}, matching: map[int64]map[int64]bool{}}
	var members []int64
	for _, s := range staged {
		members = append(members, s.story.ArticleIDs...)
		if old := s.state.Snapshot; old != nil {
			members = append(members, old.Members...)
		}
	}
	for _, f := range follows {
		switch f.Kind {
		case model.FollowEntity:
			keys, err := ix.followedKeys(ctx, targetID(f))
			if err != nil {
				return nil, err
			}
			m.entityKeys[f.ID] = keys
		case model.FollowSearch:
			ids, err := ix.Store.ArticlesMatching(ctx, f.Target, members)
			if err != nil {
				return nil, err
			}
			m.matching[f.ID] = ids
		}
	}
	return m, nil
}

// followedKeys are the keys of a followed entity's record, following it
// to the record it was joined into; none when no article names it now.
func (ix *Index) followedKeys(ctx context.Context, id int64) (map[string]bool, error) {
	keys := map[string]bool{}
	for range maxMergeHops {
		e, err := ix.Store.Entity(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return keys, nil
		}
		if err != nil {
			return nil, err
		}
		if e.MergedInto == 0 {
			for _, k := range e.Keys {
				keys[store.TypeKey(e.Type, k)] = true
			}
			return keys, nil
		}
		id = e.MergedInto
	}
	return keys, nil
}

func (m *matcher) matches(f model.Follow, snap store.Snapshot) bool {
	switch f.Kind {
	case model.FollowStoryline:
		return snap.Storyline == targetID(f)
	case model.FollowEntity:
		for _, k := range snap.Entities {
			if m.entityKeys[f.ID][k] {
				return true
			}
		}
	case model.FollowSearch:
		for _, id := range snap.Members {
			if m.matching[f.ID][id] {
				return true
			}
		}
	}
	return false
}

// events are what changed for each follow: a story it now matches and did
// not before, or, in a story it matched already, each new outlet and each
// new discrepancy.
func (m *matcher) events(s stagedStory, now store.Snapshot) []model.FollowEvent {
	old := s.state.Snapshot
	var out []model.FollowEvent
	for _, f := range m.follows {
		if !m.matches(f, now) {
			continue
		}
		base := model.FollowEvent{FollowID: f.ID, Kind: model.EventStory, StoryID: s.story.ID, Title: s.story.Title,
			Outlets: now.Outlets}
		if s.report.Title != "" {
			base.Title = s.report.Title
		}
		if len(s.report.Summary) > 0 {
			base.Brief = s.report.Summary[0].Text
		}
		if old == nil || !m.matches(f, *old) {
			out = append(out, base)
			continue
		}
		out = append(out, newOutlets(base, old.Outlets, now.Outlets)...)
		out = append(out, newDiscrepancies(base, old.Discrepancies, s.report.Discrepancies)...)
	}
	return out
}

func newOutlets(base model.FollowEvent, before, now []string) []model.FollowEvent {
	known := setOf(before)
	var out []model.FollowEvent
	for _, o := range now {
		if !known[o] {
			ev := base
			ev.Kind, ev.Outlet = model.EventOutlet, o
			out = append(out, ev)
		}
	}
	return out
}

func newDiscrepancies(base model.FollowEvent, before []string, now []model.Discrepancy) []model.FollowEvent {
	known := setOf(before)
	var out []model.FollowEvent
	for _, d := range now {
		if k := store.DiscrepancyKey(d); !known[k] {
			known[k] = true
			ev := base
			ev.Kind, ev.Discrepancy = model.EventDiscrepancy, &d
			out = append(out, ev)
		}
	}
	return out
}

func setOf(ss []string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		m[s] = true
	}
	return m
}
