package compare

import (
	"strconv"
	"strings"

	"parallax/internal/model"
)

// A brief sentence that carries a value outlets disagree on (a toll, a
// title) would repeat one side as fact. It may stand only when its side is
// the one most articles give, or the latest of counts reported at
// different times, and then the brief states the other sides beside it.

// disputeSide is one side of one discrepancy.
type disputeSide struct {
	d    *model.Discrepancy
	side int
}

// disputes finds the sides of the discrepancies each sentence carries:
// as evidence of a side, or by giving a count only one side gives.
type disputes struct {
	bySent  map[string][]disputeSide
	numbers []numberSide
}

// numberSide is the count one side of a number discrepancy gives.
type numberSide struct {
	disputeSide
	value string
}

func sentKey(id int64, text string) string { return strconv.FormatInt(id, 10) + "\x00" + text }

func newDisputes(ds []model.Discrepancy) disputes {
	out := disputes{bySent: make(map[string][]disputeSide)}
	for i := range ds {
		d := &ds[i]
		out.numbers = append(out.numbers, numberSides(d)...)
		for v, val := range d.Values {
			for _, s := range val.Sentences {
				k := sentKey(s.ArticleID, s.Text)
				out.bySent[k] = append(out.bySent[k], disputeSide{d, v})
			}
		}
	}
	return out
}

// check says whether a sentence may stand in the brief and, when it
// carries a disputed value, the other sides it must show.
func (ds disputes) check(s *sent) (bool, []model.DisputedValue) {
	var notes []model.DisputedValue
	for _, side := range ds.sidesOf(s) {
		if !prevails(side) {
			return false, nil
		}
		for v, val := range side.d.Values {
			if v != side.side {
				notes = append(notes, model.DisputedValue{Subject: side.d.Subject, Value: val.Value, ArticleIDs: val.ArticleIDs})
			}
		}
	}
	return true, notes
}

// prevails: more articles give this side than any other, or the sides
// were reported at different times and this one is the latest.
func prevails(side disputeSide) bool {
	vs := side.d.Values
	if strings.HasSuffix(side.d.Subject, updateNote) {
		return side.side == len(vs)-1
	}
	mine := len(vs[side.side].ArticleIDs)
	for v, val := range vs {
		if v != side.side && len(val.ArticleIDs) >= mine {
			return false
		}
	}
	return true
}

// against lists the articles that give another value for one the
// sentence carries: they do not state it, whatever else they share.
func (ds disputes) against(s *sent) map[int64]bool {
	out := make(map[int64]bool)
	for _, side := range ds.sidesOf(s) {
		for v, val := range side.d.Values {
			if v == side.side {
				continue
			}
			for _, id := range val.ArticleIDs {
				out[id] = true
			}
		}
	}
	return out
}

// sidesOf lists the sides a sentence carries: those it is evidence of,
// and those whose count it gives when no other side gives it.
func (ds disputes) sidesOf(s *sent) []disputeSide {
	out := append([]disputeSide(nil), ds.bySent[sentKey(s.doc.art.ID, s.text)]...)
	nums := numbersOf(s)
	for _, ns := range ds.numbers {
		if !nums[ns.value] || listed(out, ns.d) || givenElsewhere(ds.numbers, ns) {
			continue
		}
		out = append(out, ns.disputeSide)
	}
	return out
}

// numberSides reads the count of each side of a number discrepancy (the
// value's first number: "at least 12 people (published …)" gives 12).
func numberSides(d *model.Discrepancy) []numberSide {
	if d.Kind != "number" {
		return nil
	}
	var out []numberSide
	for v, val := range d.Values {
		head, _, _ := strings.Cut(val.Value, "(")
		for n := range numbersIn(head) {
			out = append(out, numberSide{disputeSide{d, v}, n})
		}
	}
	return out
}

func listed(sides []disputeSide, d *model.Discrepancy) bool {
	for _, s := range sides {
		if s.d == d {
			return true
		}
	}
	return false
}

// givenElsewhere: another side of the same discrepancy gives the count too.
func givenElsewhere(all []numberSide, ns numberSide) bool {
	for _, o := range all {
		if o.d == ns.d && o.side != ns.side && o.value == ns.value {
			return true
		}
	}
	return false
}
