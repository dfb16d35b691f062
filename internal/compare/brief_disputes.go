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

// disputes finds the sides of the discrepancies each sentence carries.
type disputes struct {
	bySent map[string][]disputeSide
}

func sentKey(id int64, text string) string { return strconv.FormatInt(id, 10) + "\x00" + text }

func newDisputes(ds []model.Discrepancy) disputes {
	out := disputes{bySent: make(map[string][]disputeSide)}
	for i := range ds {
		d := &ds[i]
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
	for _, side := range ds.bySent[sentKey(s.doc.art.ID, s.text)] {
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
	for _, side := range ds.bySent[sentKey(s.doc.art.ID, s.text)] {
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
