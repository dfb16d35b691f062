package compare

import (
	"regexp"
	"strconv"
	"strings"

	"parallax/internal/model"
	"parallax/internal/text"
)

// Before a report says an outlet leaves a claim out, it looks for the
// claim in that outlet's own words: a sentence that names the same people
// and places (a head of state standing for the country the article says
// he leads) and carries most of the claim's weight, numbers and the words
// of what happened included. Matching is by content, so the verdict has
// three answers: the outlet states it, it comes close without surely
// stating it ("not found"), or nothing in it comes close ("left out").

// verdict is whether an article states a claim.
type verdict int

const (
	absent   verdict = iota // nothing in the article comes close
	unsure                  // a partial paraphrase: neither stated nor left out
	supports                // a sentence states it
)

const (
	// A sentence states a claim when it carries this share of the
	// claim's weight (names and words), of the weight of its words of
	// what happened, and of its names.
	supportAll, supportPred, supportNames = 0.5, 0.4, 0.6
	// Two neighbouring sentences come close at these shares.
	closeAll, closePred = 0.3, 0.2
	// A sentence that names everyone the claim names comes close at
	// this share.
	namedAll = 0.25
	// An article whose whole text carries this share of the claim's
	// weight may say it in a way no sentence match sees.
	articleAll = 0.45
)

// coverer judges whether articles state claims.
type coverer struct {
	// affil maps a person's key to the places their descriptions tie them
	// to ("Ukrainian President" → ukraine).
	affil map[string][]string
	// df counts the story's sentences each lower-case word stands in.
	df map[string]int
	// sets caches the term sets of sentences, windows and articles; the
	// rest caches what judging many claims against many articles reuses.
	sets    map[[2]*sent]map[string]bool
	docs    map[*doc]map[string]bool
	memo    map[verdictKey]verdictResult
	views   map[*sent]*claimView
	indexes map[*doc]map[string][]int
	quoted  *quotedCache
	scratch *[2]presenceBuf // for a claim's terms and its predicate's
}

// claimView is a claim sentence's terms ready for matching: each with its
// weight, the class of its action and the words of its name.
type claimView struct {
	all, pred []viewTerm
	core      bool // some terms are not in the main clause
}

type viewTerm struct {
	term, class string
	nameWords   []string // "@@word" keys of a name's words
	w           float64
	name        bool
	core        bool // in the sentence's main clause
}

func (c coverer) view(a *sent) *claimView {
	if v, ok := c.views[a]; ok {
		return v
	}
	v := &claimView{all: viewTerms(a.vec, a.terms), pred: viewTerms(a.pvec, a.pterms)}
	if core := coreOf(a); core != nil {
		v.core = true
		markCore(v.all, core.terms)
		markCore(v.pred, core.pterms)
	}
	c.views[a] = v
	return v
}

func markCore(ts []viewTerm, core []string) {
	in := make(map[string]bool, len(core))
	for _, t := range core {
		in[t] = true
	}
	for i := range ts {
		ts[i].core = in[ts[i].term]
	}
}

func viewTerms(vec map[string]float64, terms []string) []viewTerm {
	out := make([]viewTerm, len(terms))
	for i, t := range terms {
		vt := viewTerm{term: t, class: classOf[t], w: vec[t]}
		if k, ok := strings.CutPrefix(t, "@"); ok {
			vt.name = true
			for _, w := range strings.Fields(k) {
				vt.nameWords = append(vt.nameWords, "@@"+w)
			}
		}
		out[i] = vt
	}
	return out
}

// shareOf is the share of the terms' weight in have, and of their names'.
func shareOf(ts []viewTerm, have map[string]bool) (share, names float64) {
	var all, in, nall, nin float64
	for i := range ts {
		t := &ts[i]
		found := have[t.term] || t.class != "" && have[t.class] || allIn(t.nameWords, have)
		all += t.w
		if found {
			in += t.w
		}
		if t.name {
			nall += t.w
			if found {
				nin += t.w
			}
		}
	}
	return ratio(in, all), ratio(nin, nall)
}

func allIn(ks []string, have map[string]bool) bool {
	for _, k := range ks {
		if !have[k] {
			return false
		}
	}
	return len(ks) > 0
}

type verdictKey struct {
	a *sent
	d *doc
}

type verdictResult struct {
	v verdict
	s *sent
}

// sentTerms is one sentence's term set, or two neighbours' together.
func (c coverer) sentTerms(a, b *sent) map[string]bool {
	k := [2]*sent{a, b}
	if t, ok := c.sets[k]; ok {
		return t
	}
	var t map[string]bool
	if b == nil {
		t = c.termSet(a)
	} else {
		t = c.termSet(a, b)
	}
	c.sets[k] = t
	return t
}

// docTerms is one article's term set.
func (c coverer) docTerms(d *doc) map[string]bool {
	if t, ok := c.docs[d]; ok {
		return t
	}
	t := c.termSet(d.sents...)
	c.docs[d] = t
	return t
}

func newCoverer(docs []*doc) coverer {
	places := make(map[string]bool)
	for _, d := range docs {
		for _, e := range d.enr.Entities {
			if e.Type == model.Place && e.Key != "" {
				places[e.Key] = true
			}
		}
	}
	c := coverer{affil: make(map[string][]string), df: make(map[string]int),
		sets: make(map[[2]*sent]map[string]bool), docs: make(map[*doc]map[string]bool),
		memo:  make(map[verdictKey]verdictResult),
		views: make(map[*sent]*claimView), indexes: make(map[*doc]map[string][]int),
		quoted: newQuotedCache(), scratch: new([2]presenceBuf)}
	for _, d := range docs {
		for _, s := range d.sents {
			seen := make(map[string]bool)
			for _, w := range text.Words(s.text) {
				if !seen[w] {
					seen[w] = true
					c.df[w]++
				}
			}
		}
	}
	for _, d := range docs {
		for _, e := range d.enr.Entities {
			if e.Type != model.Person || e.Key == "" {
				continue
			}
			for _, desc := range e.Descriptions {
				for _, w := range lexWords(desc) {
					for p := range places {
						if sharedPrefix(w, p) >= 5 && !containsStr(c.affil[e.Key], p) {
							c.affil[e.Key] = append(c.affil[e.Key], p)
						}
					}
				}
			}
		}
	}
	return c
}

func sharedPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// termSet lists the terms of sentences, with the places their people
// stand for.
func (c coverer) termSet(ss ...*sent) map[string]bool {
	out := make(map[string]bool)
	for _, s := range ss {
		for _, t := range s.terms {
			out[t] = true
			if c := classOf[t]; c != "" {
				out[c] = true
			}
			if k, ok := strings.CutPrefix(t, "@"); ok {
				for _, w := range strings.Fields(k) {
					out["@@"+w] = true // a word of a longer name
				}
			}
		}
		for k := range s.keys {
			for _, p := range c.affil[k] {
				out["@"+p] = true
			}
		}
	}
	return out
}

func ratio(in, all float64) float64 {
	if all == 0 {
		return 1
	}
	return in / all
}

// has: have holds the term, a word of the same action, or every word of
// the name.
func has(t string, have map[string]bool) bool {
	if have[t] {
		return true
	}
	if c := classOf[t]; c != "" && have[c] {
		return true
	}
	return nameWordsIn(t, have)
}

// shares are how much of a claim sentence another text carries.
type shares struct{ all, pred, names float64 }

func (c coverer) sharesIn(a *sent, have map[string]bool) shares {
	v := c.view(a)
	all, names := shareOf(v.all, have)
	pred, _ := shareOf(v.pred, have)
	return shares{all: all, pred: pred, names: names}
}

// states: the shares are enough for a sentence to state the claim.
func (sh shares) states() bool {
	return sh.all >= supportAll && sh.pred >= supportPred && sh.names >= supportNames
}

// claimCore is a claim sentence's weight restricted to its main clause,
// nil when the main clause is the whole sentence.
type claimCore struct {
	terms, pterms []string
}

func coreOf(a *sent) *claimCore {
	mc := mainClause(a.text)
	if len(mc) == len(a.text) {
		return nil
	}
	_, rest := findNames(mc, a.doc.surface)
	keys, _ := findNames(mc, a.doc.surface)
	in := make(map[string]bool)
	for _, w := range contentWords(rest) {
		in[w] = true
	}
	for k := range keys {
		in["@"+k] = true
	}
	c := &claimCore{}
	for _, t := range a.terms {
		if in[t] {
			c.terms = append(c.terms, t)
		}
	}
	for _, t := range a.pterms {
		if in[t] {
			c.pterms = append(c.pterms, t)
		}
	}
	return c
}

// verdictOn judges whether article d states sentence a, and gives the
// sentence that does.
func (c coverer) verdictOn(a *sent, d *doc) (verdict, *sent) {
	k := verdictKey{a, d}
	if r, ok := c.memo[k]; ok {
		return r.v, r.s
	}
	v, s := c.judge(a, d)
	c.memo[k] = verdictResult{v, s}
	return v, s
}

// numbersDiffer: both sentences give numbers and share none of them.
func numbersDiffer(a, b *sent) bool {
	na, nb := numbersOf(a), numbersOf(b)
	if len(na) == 0 || len(nb) == 0 {
		return false
	}
	for n := range na {
		if nb[n] {
			return false
		}
	}
	return true
}

// numbersOf is numbersIn of the sentence, found once; callers only read it.
func numbersOf(s *sent) map[string]bool {
	if s.nums == nil {
		s.nums = numbersIn(s.text)
	}
	return s.nums
}

// numbersIn lists the numbers a text gives, in digits ("Fourteen" and
// "14" alike; "4,000" whole).
func numbersIn(t string) map[string]bool {
	out := make(map[string]bool)
	if strings.IndexByte(t, ',') >= 0 { // no comma, no "4,000" to join
		t = thousandsJoined.ReplaceAllString(t, "$1$2")
	}
	for _, w := range text.Words(t) {
		if isDigits(w) {
			out[w] = true
		} else if n, ok := numberWords[w]; ok {
			out[n] = true
		}
	}
	return out
}

// thousandsJoined finds the separator in "4,000".
var thousandsJoined = regexp.MustCompile(`(\d),(\d{3})`)

// numberWords are the counts news writes out in words.
var numberWords = func() map[string]string {
	out := make(map[string]string)
	for i, w := range strings.Fields(`zero one two three four five six seven eight nine ten eleven twelve
thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty`) {
		out[w] = strconv.Itoa(i)
	}
	return out
}()

// coverClaims completes each claim by content: an outlet whose article
// states it in other words is added with that sentence; one whose article
// comes close is listed as not found. Claims are then ranked again.
func coverClaims(rs []rankedClaim, ss []*sent, docs []*doc, cv coverer) {
	for i := range rs {
		r := &rs[i]
		have := make(map[int64]bool)
		for _, m := range r.members {
			have[ss[m].doc.art.ID] = true
		}
		close := make(map[string]bool)
		for _, d := range docs {
			if have[d.art.ID] || containsStr(r.c.Outlets, d.outlet) {
				continue
			}
			v, s := bestVerdict(r, ss, d, cv)
			switch v {
			case supports:
				r.c.Sentences = append(r.c.Sentences, sentenceOf(s))
			case unsure:
				close[d.outlet] = true
			}
		}
		r.c.ArticleIDs, r.c.Outlets = citeSentences(r.c.Sentences)
		r.c.NotFound = nil
		for _, o := range sortedStrings(close) {
			if !containsStr(r.c.Outlets, o) {
				r.c.NotFound = append(r.c.NotFound, o)
			}
		}
	}
	rankClaims(rs)
}

// maxWordings is how many of a claim's wordings coverage tries.
const maxWordings = 3

// bestVerdict is the best verdict any member of the claim gets in d.
// Only the representative and a few more members are tried: members
// state one claim, and a story of many articles would otherwise judge
// every wording against every article.
func bestVerdict(r *rankedClaim, ss []*sent, d *doc, cv coverer) (verdict, *sent) {
	best, by := absent, (*sent)(nil)
	tried := []*sent{r.rep}
	for _, m := range r.members {
		if len(tried) == maxWordings {
			break
		}
		if ss[m] != r.rep {
			tried = append(tried, ss[m])
		}
	}
	for _, a := range tried {
		if v, s := cv.verdictOn(a, d); v > best {
			best, by = v, s
			if v == supports {
				break
			}
		}
	}
	return best, by
}

// nameWordsIn: every word of a name stands in some name of have, so that
// "America Rising" is found in "super PAC America Rising", whose entity
// another article spans differently.
func nameWordsIn(t string, have map[string]bool) bool {
	k, ok := strings.CutPrefix(t, "@")
	if !ok || k == "" {
		return false
	}
	for k != "" {
		w := k
		if i := strings.IndexByte(k, ' '); i >= 0 {
			w, k = k[:i], k[i+1:]
		} else {
			k = ""
		}
		if w != "" && !have["@@"+w] {
			return false
		}
	}
	return true
}

func hasNames(a *sent) bool { return len(a.keys) > 0 }

// writtenBefore: the article was written before the day sentence a says
// its event happened (an eve-of-vote piece cannot report the result).
func writtenBefore(d *doc, a *sent) bool {
	written, _ := saidDay(d)
	aSaid, _ := saidDay(a.doc)
	if written == "" {
		return false
	}
	for _, m := range a.doc.enr.Dates {
		if len(m.Date) == 10 && m.Date <= aSaid && m.Date > written && strings.Contains(a.text, m.Text) {
			return true
		}
	}
	return false
}
