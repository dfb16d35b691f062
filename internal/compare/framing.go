package compare

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"parallax/internal/model"
)

// outletView gathers what one outlet's articles say, for framing.
type outletView struct {
	name  string
	ids   map[int64]bool
	forms map[string]map[string]int // entity key → form → articles using it
	words map[string]int            // own-voice words (outside quotes) → count
	scare map[string]bool
}

// outletViews groups the docs by outlet, in outlet order.
func outletViews(docs []*doc) []*outletView {
	quoted := storyQuotations(docs)
	by := make(map[string]*outletView)
	var order []string
	for _, d := range docs {
		v, ok := by[d.outlet]
		if !ok {
			v = &outletView{name: d.outlet, ids: map[int64]bool{}, forms: map[string]map[string]int{},
				words: map[string]int{}, scare: map[string]bool{}}
			by[d.outlet] = v
			order = append(order, d.outlet)
		}
		v.ids[d.art.ID] = true
		for _, f := range d.surface {
			if v.forms[f.key] == nil {
				v.forms[f.key] = map[string]int{}
			}
			v.forms[f.key][f.form]++
		}
		for _, s := range d.sents {
			for _, w := range ownWords(s.bare) {
				v.words[w]++
			}
		}
		for _, t := range scareQuotes(d, quoted) {
			v.scare[t] = true
		}
	}
	sort.Strings(order)
	out := make([]*outletView, len(order))
	for i, o := range order {
		out[i] = by[o]
	}
	return out
}

// framing reports, per outlet, its spellings that others do not share, the
// loaded words it uses in its own voice where others do not, and its scare
// quotes.
func framing(docs []*doc, _ []*sent) []model.Framing {
	views := outletViews(docs)
	out := make([]model.Framing, 0, len(views))
	for _, v := range views {
		f := model.Framing{
			Outlet:      v.name,
			ArticleIDs:  sortedIDs(v.ids),
			Names:       nameChoices(v, views),
			Loaded:      loadedWords(v, views),
			ScareQuotes: sortedStrings(v.scare),
		}
		out = append(out, f)
	}
	return out
}

// nameChoices finds the entities this outlet spells with a word that other
// outlets replace by a similar but different word ("Kiev" against "Kyiv"),
// when its spelling is not the one most outlets use.
func nameChoices(v *outletView, views []*outletView) []model.NameChoice {
	out := []model.NameChoice{}
	keys := make([]string, 0, len(v.forms))
	for k := range v.forms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		mine := formTokens(v.forms[k])
		others := make(map[string]bool)
		var used string
		outnumbered := false
		for _, o := range views {
			if o == v || o.forms[k] == nil {
				continue
			}
			theirs := formTokens(o.forms[k])
			for _, t := range sortedStrings(mine) {
				if theirs[t] {
					continue
				}
				for _, u := range sortedStrings(theirs) {
					if !mine[u] && spellingVariant(t, u) && !spellingOnly(t, u) {
						used = pickForm(v.forms[k], t, used)
						others[pickForm(o.forms[k], u, "")] = true
						outnumbered = outnumbered || usersOf(views, k, t) <= usersOf(views, k, u)
					}
				}
			}
		}
		if used != "" && outnumbered {
			out = append(out, model.NameChoice{Key: k, Used: used, Others: sortedStrings(others)})
		}
	}
	return out
}

// usersOf counts the outlets that write a word in their forms of an entity.
func usersOf(views []*outletView, key, tok string) int {
	n := 0
	for _, v := range views {
		if v.forms[key] != nil && formTokens(v.forms[key])[tok] {
			n++
		}
	}
	return n
}

// formTokens lists the lower-case words of an outlet's forms of one entity.
func formTokens(forms map[string]int) map[string]bool {
	out := make(map[string]bool)
	for f := range forms {
		for _, w := range strings.Fields(strings.ToLower(f)) {
			out[strings.Trim(w, ".,'’")] = true
		}
	}
	return out
}

// pickForm names the shortest form containing the word tok, keeping prev
// when it is shorter already.
func pickForm(forms map[string]int, tok, prev string) string {
	best := prev
	names := make([]string, 0, len(forms))
	for f := range forms {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		if formTokens(map[string]int{f: 1})[tok] && (best == "" || len(f) < len(best)) {
			best = f
		}
	}
	return best
}

// spellingVariant reports two words that spell one name differently:
// close in edit distance, or equal once accents are dropped.
func spellingVariant(a, b string) bool {
	if a == b || len(a) < 3 || len(b) < 3 {
		return false
	}
	fa, fb := foldAccents(a), foldAccents(b)
	if fa == fb {
		return true
	}
	ra, rb := []rune(fa), []rune(fb)
	if ra[0] != rb[0] {
		return false
	}
	d := editDistance(ra, rb)
	return d <= 2 && float64(d) <= 0.5*float64(max(len(ra), len(rb)))
}

func foldAccents(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// loadedWords lists the loaded words the outlet uses in its own voice that
// some other outlet does not use, each with the plain words others use for
// the same class when they do ("slammed (others: criticized)").
func loadedWords(v *outletView, views []*outletView) []string {
	out := []string{}
	var used []string
	for w := range v.words {
		if _, ok := loadedIndex[w]; ok {
			used = append(used, w)
		}
	}
	sort.Strings(used)
	for _, w := range used {
		cls := loadedIndex[w]
		plains := make(map[string]bool)
		lacking := len(views) == 1
		for _, o := range views {
			if o == v || o.words[w] > 0 {
				continue
			}
			lacking = true
			for ow := range o.words {
				if c, ok := plainIndex[ow]; ok && c == cls {
					plains[ow] = true
				}
			}
		}
		if !lacking {
			continue
		}
		if len(plains) > 0 {
			w += " (others: " + strings.Join(sortedStrings(plains), ", ") + ")"
		}
		out = append(out, w)
	}
	return out
}
