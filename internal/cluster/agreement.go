package cluster

import (
	"strconv"

	"parallax/internal/eval"
	"parallax/internal/model"
)

// Partition runs a fresh clusterer with cfg over arts in the given order
// (indexes into arts; nil means as given) and returns each article's story as
// labels keyed by article ID, the form eval.B3 takes.
func Partition(cfg Config, arts []model.Article, order []int) map[string]string {
	c := New(cfg)
	if order == nil {
		order = make([]int, len(arts))
		for i := range order {
			order[i] = i
		}
	}
	for _, i := range order {
		c.Assign(arts[i])
	}
	return c.Labels()
}

// Labels returns article ID → story ID for every assigned article, as
// strings for eval.B3.
func (c *Clusterer) Labels() map[string]string {
	out := make(map[string]string, len(c.known))
	for id, rec := range c.known {
		out[itoa(id)] = itoa(c.stories[rec.story].id)
	}
	return out
}

// OrderAgreement measures how far the stories depend on arrival order: the
// B³ F1 of the partition order b gives against the one order a gives (1 when
// they are identical; story IDs may differ, only the grouping counts).
func OrderAgreement(cfg Config, arts []model.Article, a, b []int) float64 {
	_, _, f := eval.B3(Partition(cfg, arts, b), Partition(cfg, arts, a))
	return f
}

func itoa(x int64) string { return strconv.FormatInt(x, 10) }
