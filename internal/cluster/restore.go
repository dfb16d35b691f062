package cluster

import (
	"fmt"

	"parallax/internal/model"
)

// Restore replays a stored decision so a new process continues where an
// earlier one stopped: the article joins the story as recorded (created
// under the recorded ID when new), as a copy when DuplicateOf is set, and
// every index, profile and document frequency is updated exactly as Assign
// updated them. Restoring the stored articles in their original assignment
// order with the same Config therefore rebuilds the state the earlier
// process had, and later Assign calls decide as it would have. Storylines
// are not stored: they are relinked as the stories are rebuilt. Restoring a
// known article does nothing.
//
// The store should keep, per article, the Assignment fields and the order
// of assignment (its ID order when IDs are assigned in ingest order).
func (c *Clusterer) Restore(a model.Article, as Assignment) error {
	if as.ArticleID != a.ID || as.StoryID <= 0 {
		return fmt.Errorf("cluster: restore article %d: assignment %+v does not fit", a.ID, as)
	}
	if _, ok := c.known[a.ID]; ok {
		return nil
	}
	f := c.extract(a)
	c.advance()
	place := placeDay(f.time)
	s, ok := c.byID[as.StoryID]
	if !ok {
		s = c.newStory(as.StoryID)
	}
	if as.DuplicateOf != 0 {
		c.addDuplicate(a, f, s, as.DuplicateOf)
		return nil
	}
	c.vocab.addDoc(f.text, f.ent)
	c.addIndependent(a, f, c.keys(f), place, s)
	c.known[a.ID] = article{story: s, new: as.NewStory}
	c.linkStoryline(s)
	return nil
}
