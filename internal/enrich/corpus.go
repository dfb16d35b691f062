package enrich

import (
	"sort"
	"strings"
	"unicode"

	"parallax/internal/model"
)

// Corpus-level entities: one record per person, place or organisation
// across many articles, computed from their stored enrichment.

// minDominance is how many times more articles the dominant full name of
// a family must have than any other for a family name alone to join it
// ("Trump" joins Donald Trump in a corpus that names Donald Trump Jr. a
// few times, but Clinton stays apart where Hillary and Bill are both
// common).
const minDominance = 3

// corpusGroup gathers the entities joined under one key.
type corpusGroup struct {
	typ, key  string
	keys      map[string]bool
	articles  map[int]bool
	mentions  int
	spellings map[string]int // name form → articles that use it
	names     map[string]int // Entity.Name → articles whose fullest form it is
	merged    bool           // joined into another group
}

// CorpusEntities joins the entities of enriched articles (those without
// enrichment are skipped) into one record per person, place and
// organisation: entities of one key and type together, keys that differ
// only by another language's romanisation together (see looseKey), and a
// family name alone with the one full name of that family the corpus
// uses, or the one it uses far more than any other (minDominance). The
// records come most widely named first.
func CorpusEntities(arts []model.Article) []model.CorpusEntity {
	groups := gatherEntities(arts)
	joinLooseKeys(groups)
	joinFamilyNames(groups)
	return corpusRecords(groups)
}

func gatherEntities(arts []model.Article) map[string]*corpusGroup {
	groups := make(map[string]*corpusGroup)
	for i, a := range arts {
		if a.Enrichment == nil {
			continue
		}
		for _, e := range a.Enrichment.Entities {
			if e.Name == "" || e.Key == "" {
				continue
			}
			id := e.Type + "\x00" + e.Key
			g := groups[id]
			if g == nil {
				g = &corpusGroup{typ: e.Type, key: e.Key, keys: map[string]bool{e.Key: true}, articles: map[int]bool{},
					spellings: map[string]int{}, names: map[string]int{}}
				groups[id] = g
			}
			g.articles[i] = true
			g.mentions += e.Mentions
			g.names[e.Name]++
			for _, f := range append([]string{e.Name}, e.Aliases...) {
				if isSpelling(f) {
					g.spellings[f]++
				}
			}
		}
	}
	return groups
}

// isSpelling keeps name forms and leaves out role references ("the
// Ukrainian president"), which describe rather than spell.
func isSpelling(f string) bool {
	r := []rune(strings.TrimSpace(f))
	return len(r) > 0 && unicode.IsUpper(r[0]) && !strings.HasPrefix(strings.ToLower(f), "the ")
}

// merge moves group b into a.
func (a *corpusGroup) merge(b *corpusGroup) {
	for k := range b.keys {
		a.keys[k] = true
	}
	for i := range b.articles {
		a.articles[i] = true
	}
	a.mentions += b.mentions
	for f, n := range b.spellings {
		a.spellings[f] += n
	}
	for f, n := range b.names {
		a.names[f] += n
	}
	b.merged = true
}

// sortedGroups lists the groups not yet merged, most articles first.
func sortedGroups(groups map[string]*corpusGroup) []*corpusGroup {
	out := make([]*corpusGroup, 0, len(groups))
	for _, g := range groups {
		if !g.merged {
			out = append(out, g)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].articles) != len(out[j].articles) {
			return len(out[i].articles) > len(out[j].articles)
		}
		return out[i].typ+out[i].key < out[j].typ+out[j].key
	})
	return out
}

// joinLooseKeys joins groups of one type whose keys are equal once the
// letters romanisations disagree on are folded (looseKey): the most
// widely named keeps its key.
func joinLooseKeys(groups map[string]*corpusGroup) {
	first := make(map[string]*corpusGroup)
	for _, g := range sortedGroups(groups) {
		id := g.typ + "\x00" + looseKey(g.key)
		if into, ok := first[id]; ok {
			into.merge(g)
			continue
		}
		first[id] = g
	}
}

// looseKey folds, in every word of a key, the letters that romanisations
// of one name disagree on: w and v (Wolodymyr, Volodymyr), j, y and i
// (Jurij, Yuriy; Volodímir, Volodymyr).
var looseLetters = strings.NewReplacer("w", "v", "j", "i", "y", "i")

func looseKey(key string) string {
	ws := strings.Fields(looseLetters.Replace(key))
	for i, w := range ws {
		ws[i] = foldWord(w)
	}
	return strings.Join(ws, " ")
}

// joinFamilyNames joins a person known only by a family name to the one
// full name of that family, or to the full name that dominates it.
func joinFamilyNames(groups map[string]*corpusGroup) {
	families := make(map[string][]*corpusGroup) // loose family key → full-name groups, most articles first
	for _, g := range sortedGroups(groups) {
		if f := familyOf(g.key); g.typ == model.Person && f != g.key {
			families[looseKey(f)] = append(families[looseKey(f)], g)
		}
	}
	for _, g := range sortedGroups(groups) {
		if g.typ != model.Person || strings.Contains(g.key, " ") {
			continue
		}
		full := families[looseKey(g.key)]
		if len(full) == 1 || len(full) > 1 && len(full[0].articles) >= minDominance*len(full[1].articles) {
			full[0].merge(g)
		}
	}
}

// familyOf is the family name of a person's key, past any suffix
// ("donald trump jr" → "trump"); a one-word key is its own family.
func familyOf(key string) string {
	ws := strings.Fields(key)
	for len(ws) > 1 && nameSuffixes[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return key
	}
	return ws[len(ws)-1]
}

func corpusRecords(groups map[string]*corpusGroup) []model.CorpusEntity {
	gs := sortedGroups(groups)
	out := make([]model.CorpusEntity, 0, len(gs))
	for _, g := range gs {
		out = append(out, model.CorpusEntity{Key: g.key, Name: canonicalName(g.names), Type: g.typ,
			Spellings: byCount(g.spellings), Keys: sortedKeys(g.keys), Articles: len(g.articles), Mentions: g.mentions})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Articles != out[j].Articles {
			return out[i].Articles > out[j].Articles
		}
		return out[i].Mentions > out[j].Mentions
	})
	return out
}

// canonicalName is the name most articles use as their fullest form,
// among names of two words or more when there are any ("Donald Trump",
// not "Trump", nor a "Donald J. Trump" few articles use).
func canonicalName(names map[string]int) string {
	ordered := byCount(names)
	for _, n := range ordered {
		if len(strings.Fields(n)) > 1 {
			return n
		}
	}
	if len(ordered) == 0 {
		return ""
	}
	return ordered[0]
}

// byCount lists the keys of counts, the largest count first, then in
// alphabetical order.
func byCount(counts map[string]int) []string {
	out := sortedKeys(toBoolSet(counts))
	sort.SliceStable(out, func(i, j int) bool { return counts[out[i]] > counts[out[j]] })
	return out
}

func toBoolSet(counts map[string]int) map[string]bool {
	m := make(map[string]bool, len(counts))
	for k := range counts {
		m[k] = true
	}
	return m
}

func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
