package cluster

import (
	"math"
	"strings"

	"parallax/internal/model"
)

// features is what the clusterer keeps of an article while deciding.
type features struct {
	text vec // headline and body terms, sublinear counts (IDF applied when compared)
	ent  vec // entity mentions, sublinear counts, in the same vocabulary with a prefix
	time artTime
	sig  []uint32 // MinHash of body shingles; nil when the body is too short
	nsh  int32    // number of body shingles
	// names are its distinct entities with their IDs, so that a join can
	// be judged without its strongest name (see strongestName).
	names []entityRef
}

// entityRef is an entity of an article: its vocabulary ID and its words.
type entityRef struct {
	id    uint32
	words string
}

// entityPrefix marks entity features in the shared vocabulary so the name
// "turkey" and the word "turkey" stay apart.
const entityPrefix = "\x01"

// Prepared is what the clusterer reads of an article before it consults
// its own state: the article's time, its body's MinHash and its terms and
// names as strings. It is a function of the article and the configuration
// alone, so the pipeline's workers compute it beside extraction and the
// one goroutine that places articles in order only interns and decides
// (AssignPrepared).
type Prepared struct {
	title, body string // the article's, to check it is the one assigned
	time        artTime
	sig         []uint32
	nsh         int32
	titleTerms  []string // normalised terms of the headline
	leadTerms   []string // normalised terms of the body's lead words
	names       []string // entity names, in the order found
}

// Prepare computes an article's Prepared; any goroutine may call it.
// The text is tokenised once; terms, shingles and (by default) names
// share the tokens.
func Prepare(cfg Config, a model.Article) *Prepared {
	title, body := capTokens(a.Title), capTokens(a.Body)
	words := make([]string, len(body))
	for i, t := range body {
		words[i] = t.lower
	}
	p := &Prepared{
		title: a.Title,
		body:  a.Body,
		time:  articleTime(a.Published, a.URL, a.PageDates, a.Title, a.Body),
		sig:   minhash(words),
		nsh:   int32(max(0, len(words)-shingleWords+1)),
	}
	for _, t := range title {
		if w, ok := normTerm(t.lower); ok {
			p.titleTerms = append(p.titleTerms, w)
		}
	}
	if cfg.LeadWords > 0 && len(words) > cfg.LeadWords {
		words = words[:cfg.LeadWords]
	}
	p.leadTerms = words[:0] // normalised in place: words is not read again
	for _, w := range words {
		if w, ok := normTerm(w); ok {
			p.leadTerms = append(p.leadTerms, w)
		}
	}
	if cfg.Entities != nil {
		p.names = cfg.Entities(a.Title, a.Body)
	} else {
		p.names = tokenEntities(title, body)
	}
	return p
}

// extract computes an article's features, interning new terms.
func (c *Clusterer) extract(a model.Article) features {
	return c.features(Prepare(c.cfg, a))
}

// features interns a prepared article's terms and names, in the order
// extract always has (headline, lead, names), so IDs do not depend on
// where the article was prepared.
func (c *Clusterer) features(p *Prepared) features {
	f := features{time: p.time, sig: p.sig, nsh: p.nsh}
	counts := make(map[uint32]float32, len(p.leadTerms))
	for _, w := range p.titleTerms {
		counts[c.vocab.id(w)] += float32(c.cfg.TitleWeight)
	}
	for _, w := range p.leadTerms {
		counts[c.vocab.id(w)]++
	}
	f.text = sublinear(counts)
	clear(counts)
	for _, e := range p.names {
		id := c.vocab.id(entityPrefix + e)
		if counts[id] == 0 {
			f.names = append(f.names, entityRef{id, e})
		}
		counts[id]++
	}
	f.ent = sublinear(counts)
	return f
}

// sublinear turns counts into 1+ln(count) weights: the tenth "ceasefire"
// says less than the second.
func sublinear(m map[uint32]float32) vec {
	x := vecFromMap(m)
	for i := range x {
		if x[i].w > 1 {
			x[i].w = 1 + float32(math.Log(float64(x[i].w)))
		}
	}
	return x
}

// normTerm filters and stems one lower-case word: stopwords, one-letter
// words and bare numbers carry no topic.
func normTerm(w string) (string, bool) {
	if len(w) < 2 || isAllDigits(w) || isStopword(w) {
		return "", false
	}
	w = stem(w)
	if isStopword(w) {
		return "", false
	}
	return w, true
}

// stem strips English plural endings (a light S-stemmer: "talks"/"talk",
// "negotiations"/"negotiation", "parties"/"party"). Heavier stemming merges
// words that differ in news ("officer"/"office").
func stem(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies") && !strings.HasSuffix(w, "eies") && !strings.HasSuffix(w, "aies"):
		return w[:n-3] + "y"
	case n > 3 && strings.HasSuffix(w, "es") && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// keys picks the terms an article is indexed and looked up under: its most
// distinctive words and entities under the current IDF.
func (c *Clusterer) keys(f features) []uint32 {
	k := c.cfg.QueryTerms
	var out []uint32
	for _, e := range f.text.topIDF(k, c.vocab) {
		out = append(out, e.t)
	}
	for _, e := range f.ent.topIDF(k/2, c.vocab) {
		out = append(out, e.t)
	}
	return out
}
