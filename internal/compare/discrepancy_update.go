package compare

import (
	"sort"
	"strings"
	"time"

	"parallax/internal/model"
)

// Counts change while a story runs: a toll of 12 in the morning may be 14
// by the evening. When the sides of a number discrepancy follow one
// another in time (every article of one side published before every
// article of the next), the finding is kept, for the reader should see
// both figures, but it is labelled as a possible update: the sides are put
// in time order, each value says when it was published, and the subject
// says the later figure may update the earlier. Sides whose articles
// interleave in time are a plain disagreement.

// updateNote ends the subject of a discrepancy whose sides follow one
// another in time.
const updateNote = " (reported at different times: may be an update)"

// labelUpdate orders d's values by publication time and labels them when
// the sides follow one another in time; it reports whether it did.
func labelUpdate(d *model.Discrepancy, sides []*valueSide) bool {
	type span struct {
		from, to time.Time
		i        int
	}
	spans := make([]span, len(sides))
	for i, s := range sides {
		spans[i].i = i
		for k, x := range s.sents {
			if !x.doc.hasWhen {
				return false
			}
			w := x.doc.when
			if k == 0 || w.Before(spans[i].from) {
				spans[i].from = w
			}
			if k == 0 || w.After(spans[i].to) {
				spans[i].to = w
			}
		}
	}
	sort.SliceStable(spans, func(a, b int) bool { return spans[a].from.Before(spans[b].from) })
	for k := 1; k < len(spans); k++ {
		if !spans[k-1].to.Before(spans[k].from) {
			return false
		}
	}
	values := make([]model.DiscrepancyValue, len(spans))
	for k, sp := range spans {
		v := d.Values[sp.i]
		v.Value += " (published " + whenShown(sp.from, sp.to) + ")"
		values[k] = v
	}
	d.Values = values
	d.Subject = strings.TrimSpace(d.Subject) + updateNote
	return true
}

// whenShown writes a publication time, or a span of them, in UTC.
func whenShown(from, to time.Time) string {
	const layout = "2006-01-02 15:04 UTC"
	f := from.UTC().Format(layout)
	if to.Equal(from) {
		return f
	}
	return f + " to " + to.UTC().Format(layout)
}
