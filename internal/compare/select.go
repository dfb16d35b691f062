package compare

import (
	"hash/fnv"
	"math/bits"
	"sort"
	"time"

	"parallax/internal/model"
)

// A story of many articles is compared through a bounded number of them,
// chosen per outlet, so that a report costs about the same whatever the
// story's size and is not rebuilt each time an article joins: what most
// outlets report is in each outlet's first articles, what the story became
// in its later ones, and a thousand articles of one story repeat one
// another. Up to MaxCompared independent articles are all compared, as
// before.

// MaxCompared is the most articles one report compares.
const MaxCompared = 32

// Select returns the articles a report of the story compares, in ID
// order: its independent articles (copies whose original is in the story
// left out), all of them when there are at most MaxCompared, else a
// bounded number per outlet (see chooseArticles). Selecting from what it
// returned gives the same articles, so a caller may select first and
// decide whether the report must be rebuilt from the selection alone.
// It says whether it left out any independent article (then the report
// lists what it compared, Report.Compared).
func Select(arts []model.Article, dups map[int64]int64) (chosen []model.Article, partial bool) {
	indep := independent(arts, dups)
	if len(indep) <= MaxCompared {
		return indep, false
	}
	folded := foldRepeats(indep)
	if len(folded) <= MaxCompared {
		return folded, true
	}
	return chooseArticles(folded, MaxCompared), true
}

// foldRepeats drops an article whose text (title and body, spacing and
// case aside) an earlier article of the story already has: a page
// published twice, or a copy the clusterer did not mark.
func foldRepeats(arts []model.Article) []model.Article {
	seen := make(map[uint64]bool, len(arts))
	out := make([]model.Article, 0, len(arts))
	var buf []byte
	for _, a := range arts {
		buf = foldedText(buf[:0], a.Title)
		buf = foldedText(append(buf, ' '), a.Body)
		h := fnv.New64a()
		h.Write(buf)
		if k := h.Sum64(); !seen[k] {
			seen[k] = true
			out = append(out, a)
		}
	}
	return out
}

// foldedText appends s with ASCII letters lower-cased and each run of
// ASCII spaces made one space: enough to see a page published twice.
func foldedText(buf []byte, s string) []byte {
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			space = true
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		buf = append(buf, c)
	}
	return buf
}

// chooseArticles keeps at most limit articles. Each outlet gets a share
// (limit over the number of outlets, the outlets with the most articles
// taking what is left over; past limit outlets, the limit outlets with
// the most articles get one each). Within an outlet, in published order,
// it keeps its first article and, for a larger share, the latest of its
// 2nd, 4th, 8th, … articles: its first report and how its coverage went
// on, spread over the story. The choice changes only when an outlet's
// count of articles doubles, or the outlets change, so most articles that
// join a large story leave the report as it is.
func chooseArticles(arts []model.Article, limit int) []model.Article {
	byOutlet := make(map[string][]model.Article)
	var outlets []string
	for _, a := range arts {
		o := outletOf(a)
		if byOutlet[o] == nil {
			outlets = append(outlets, o)
		}
		byOutlet[o] = append(byOutlet[o], a)
	}
	sort.SliceStable(outlets, func(i, j int) bool {
		if ni, nj := len(byOutlet[outlets[i]]), len(byOutlet[outlets[j]]); ni != nj {
			return ni > nj
		}
		return outlets[i] < outlets[j]
	})
	outlets = outlets[:min(len(outlets), limit)]
	var out []model.Article
	for i, o := range outlets {
		share := limit / len(outlets)
		if i < limit%len(outlets) {
			share++
		}
		out = append(out, outletShare(publishedOrder(byOutlet[o]), share)...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// outletShare picks up to share of an outlet's articles (in published
// order): the first, then the latest power-of-two ranks (2nd, 4th, 8th, …).
func outletShare(arts []model.Article, share int) []model.Article {
	out := []model.Article{arts[0]}
	for rank := 1 << (bits.Len(uint(len(arts))) - 1); rank > 1 && len(out) < share; rank >>= 1 {
		out = append(out, arts[rank-1])
	}
	return out
}

// publishedOrder sorts one outlet's articles by published time (undated
// last), then ID.
func publishedOrder(arts []model.Article) []model.Article {
	type dated struct {
		a  model.Article
		t  time.Time
		ok bool
	}
	ds := make([]dated, len(arts))
	for i, a := range arts {
		t, ok := parsePublished(a.Published)
		ds[i] = dated{a, t, ok}
	}
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].ok != ds[j].ok {
			return ds[i].ok
		}
		if ds[i].ok && !ds[i].t.Equal(ds[j].t) {
			return ds[i].t.Before(ds[j].t)
		}
		return ds[i].a.ID < ds[j].a.ID
	})
	out := make([]model.Article, len(ds))
	for i, d := range ds {
		out[i] = d.a
	}
	return out
}
