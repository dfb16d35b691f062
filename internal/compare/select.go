package compare

import (
	"hash/fnv"
	"math/bits"
	"sort"
	"time"

	"parallax/internal/model"
)

// A story of many articles is compared through a bounded number of them,
// chosen per outlet and over the story's course, so that a report costs
// about the same whatever the story's size and is not rebuilt each time
// an article joins: what most outlets report is in each outlet's first
// articles, what the story became in its later ones, and a thousand
// articles of one story repeat one another. Up to MaxCompared independent
// articles are all compared, as before.

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

// chooseArticles keeps at most limit articles, ranked in published order.
// An eighth of them follow the story as it goes on: the articles at its
// largest power-of-two ranks (the 512th, 1024th, 2048th, … of 3,000),
// whatever their outlet, the last of them in its second half. The rest
// are shared among the outlets (limit over the number of outlets, the
// outlets with the most articles taking what is left over; past that
// many outlets, those with the most articles get one each): an outlet's
// first article and, for a larger share, its latest power-of-two ranks
// (2nd, 4th, 8th, …) — how it first reported the story and how its
// coverage went on. The choice changes only when a count of articles
// reaches a power of two, an article arrives dated before others, or the
// outlets change, so most articles that join a large story leave the
// report as it is.
func chooseArticles(arts []model.Article, limit int) []model.Article {
	ordered := publishedOrder(arts)
	out := powerRanks(ordered, limit/8)
	byOutlet := make(map[string][]model.Article)
	var outlets []string
	for _, a := range ordered {
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
	rest := limit - len(out)
	outlets = outlets[:min(len(outlets), rest)]
	for i, o := range outlets {
		share := rest / len(outlets)
		if i < rest%len(outlets) {
			share++
		}
		out = append(out, append(byOutlet[o][:1:1], powerRanks(byOutlet[o], share-1)...)...)
	}
	return distinctByID(out)
}

// powerRanks picks up to n of the articles (in published order) at their
// largest power-of-two ranks past the first: the 2^k-th, 2^(k-1)-th, …
func powerRanks(arts []model.Article, n int) []model.Article {
	var out []model.Article
	for rank := 1 << (bits.Len(uint(len(arts))) - 1); rank > 1 && len(out) < n; rank >>= 1 {
		out = append(out, arts[rank-1])
	}
	return out
}

// distinctByID drops repeated articles and orders the rest by ID.
func distinctByID(arts []model.Article) []model.Article {
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
	out := arts[:0]
	for _, a := range arts {
		if len(out) == 0 || out[len(out)-1].ID != a.ID {
			out = append(out, a)
		}
	}
	return out
}

// publishedOrder sorts articles by published time (undated last), then
// ID.
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
