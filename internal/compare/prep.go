// Package compare compares what the outlets covering one story say: the
// claims they share and leave out, the quotations they carry and how the
// wordings differ, the values they disagree on, the names and words they
// choose, the dated events they report, and a short cited brief.
//
// Everything is computed from the story's articles and their enrichment;
// Build is deterministic, so a report only changes when its story does.
package compare

import (
	"sort"
	"strings"
	"time"

	"parallax/internal/model"
	"parallax/internal/text"
)

// Options tunes Build.
type Options struct {
	// Duplicates maps a near-duplicate article's ID to the article it
	// copies (a placement's DuplicateOf). A copy is no independent
	// support, so it is left out of the comparison when its original is
	// in the story.
	Duplicates map[int64]int64
}

// doc is one article prepared for comparison.
type doc struct {
	art     model.Article
	idx     int    // position in the docs slice
	outlet  string // never ""
	when    time.Time
	hasWhen bool
	enr     model.Enrichment
	sents   []*sent
	// surface maps each name form this article uses to its entity key.
	surface []nameForm
	// headline caches headlineTerms: read once per sentence by the brief.
	headline map[string]bool
	// inside caches the words the article's sentences have after their
	// first (capitalisedInside).
	inside map[string]bool
}

// nameForm is one way an article writes an entity's name.
type nameForm struct {
	form, key, typ string
}

// sent is one sentence of one article with its comparison features.
type sent struct {
	doc    *doc
	para   int // paragraph index
	pos    int // sentence index within the article
	text   string
	bare   string // text without the quoted passages
	vec    map[string]float64
	terms  []string // vec's terms, sorted
	norm   float64
	keys   map[string]bool // entity keys named in it
	words  []string        // content stems, in order
	pred   []string        // content stems that are not names or titles
	pvec   map[string]float64
	pterms []string
	pnorm  float64
	// sparse and psparse are vec and pvec with numbered terms, for the
	// dot products comparing many pairs takes.
	sparse, psparse sparse
	// fault caches briefFault: its text without a dateline and why it
	// cannot stand in the brief.
	fault *[2]string
	nums  map[string]bool // numbersOf, once asked
}

// outletOf names an article's outlet as every view does.
func outletOf(a model.Article) string { return a.OutletLabel() }

// parsePublished reads an RFC 3339 date or date-time.
func parsePublished(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// independent drops copies whose original is also in the story and orders
// the rest by ID, so the report does not depend on input order.
func independent(arts []model.Article, dups map[int64]int64) []model.Article {
	present := make(map[int64]bool, len(arts))
	for _, a := range arts {
		present[a.ID] = true
	}
	out := make([]model.Article, 0, len(arts))
	for _, a := range arts {
		if orig, ok := dups[a.ID]; ok && orig != 0 && orig != a.ID && present[orig] {
			continue
		}
		out = append(out, a)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// prepare splits every article into sentences and computes their features.
func prepare(arts []model.Article) []*doc {
	docs := make([]*doc, len(arts))
	for i, a := range arts {
		d := &doc{art: a, idx: i, outlet: outletOf(a)}
		d.when, d.hasWhen = parsePublished(a.Published)
		if a.Enrichment != nil {
			d.enr = *a.Enrichment
		}
		d.surface = nameForms(d.enr.Entities)
		for p, para := range a.Paragraphs() {
			for _, sp := range text.Sentences(para) {
				s := &sent{doc: d, para: p, pos: len(d.sents), text: sp.Text}
				s.bare = stripQuoted(sp.Text)
				d.sents = append(d.sents, s)
			}
		}
		docs[i] = d
	}
	weighSentences(docs)
	return docs
}

// nameForms lists the name forms of entities, longest first so that a full
// name is matched before its parts.
func nameForms(ents []model.Entity) []nameForm {
	var out []nameForm
	for _, e := range ents {
		if e.Key == "" {
			continue
		}
		for _, f := range append([]string{e.Name}, e.Aliases...) {
			if isNameForm(f) {
				out = append(out, nameForm{form: f, key: e.Key, typ: e.Type})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].form) > len(out[j].form) })
	return out
}

// isNameForm keeps proper names and drops role references such as "the
// Ukrainian president", which are descriptions, not spellings.
func isNameForm(f string) bool {
	f = strings.TrimSpace(f)
	if f == "" {
		return false
	}
	r := []rune(f)[0]
	return strings.ToUpper(string(r)) == string(r) && !strings.HasPrefix(strings.ToLower(f), "the ")
}

// earliestFirst orders docs by published time (undated last), then ID.
func earliestFirst(docs []*doc) []*doc {
	out := append([]*doc(nil), docs...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.hasWhen != b.hasWhen {
			return a.hasWhen
		}
		if a.hasWhen && !a.when.Equal(b.when) {
			return a.when.Before(b.when)
		}
		return a.art.ID < b.art.ID
	})
	return out
}
