package compare

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"parallax/internal/model"
)

// quoteRef is one quotation in one article.
type quoteRef struct {
	doc  *doc
	q    model.Quote
	toks []token
	keys []string
}

// collectQuotes lists every quotation of every article.
func collectQuotes(docs []*doc) []quoteRef {
	var out []quoteRef
	for _, d := range docs {
		for _, q := range d.enr.Quotes {
			toks := tokenize(q.Text)
			if ks := keys(toks); len(ks) > 0 {
				out = append(out, quoteRef{doc: d, q: q, toks: toks, keys: ks})
			}
		}
	}
	return out
}

// sameQuote decides whether two quotations are one statement reported
// twice: the shorter must sit in order inside the longer, allowing a
// changed or dropped word. Short ones need more evidence: the same
// speaker, a run of shared words, shared content words, or a fit at the
// start or end of the longer wording (a truncation).
func sameQuote(a, b quoteRef) bool {
	short, long := a, b
	if len(short.keys) > len(long.keys) {
		short, long = long, short
	}
	n := len(short.keys)
	if n < 3 {
		return false
	}
	w := bestWindow(short.keys, long.keys, max(3, atLeast(0.6, n)))
	if w.shared < 3 || float64(w.shared) < 0.6*float64(n) {
		return false
	}
	if w.run >= 4 || contentShared(short.keys, long.keys) >= 2 {
		return true
	}
	if a.q.SpeakerKey != "" && a.q.SpeakerKey == b.q.SpeakerKey {
		return true
	}
	return w.edge && float64(w.shared) >= 0.75*float64(n)
}

// contentShared counts the distinct content words of a also in b.
func contentShared(a, b []string) int {
	in := make(map[string]bool, len(b))
	for _, w := range b {
		in[w] = true
	}
	seen := make(map[string]bool)
	for _, w := range a {
		if !stopwords[w] && len(w) > 2 && in[w] && !seen[w] {
			seen[w] = true
		}
	}
	return len(seen)
}

// groupQuotes links matching quotations of different articles: the
// groups are the connected parts of the sameQuote graph. Only pairs that
// can match are compared (quoteCandidates), so a story with thousands of
// quotations does not compare every pair.
func groupQuotes(qs []quoteRef) [][]int {
	parent := make([]int, len(qs))
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, p := range quoteCandidates(qs) {
		i, j := p[0], p[1]
		if ri, rj := find(i), find(j); ri != rj && sameQuote(qs[i], qs[j]) {
			parent[rj] = ri
		}
	}
	byRoot := make(map[int][]int)
	var roots []int
	for i := range qs {
		r := find(i)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], i)
	}
	out := make([][]int, 0, len(roots))
	for _, r := range roots {
		out = append(out, byRoot[r])
	}
	return out
}

// quoteCandidates lists the pairs i < j of quotations of different
// articles that sameQuote could accept. It must share at least need words
// of the shorter wording, so the longer must contain one of the shorter's
// n-need+1 rarest words (prefix filtering): a pair sharing none of them
// shares at most need-1 words. The index of words to quotations finds
// those pairs without looking at the others.
func quoteCandidates(qs []quoteRef) [][2]int {
	df := make(map[string]int)
	index := make(map[string][]int)
	for i, q := range qs {
		for _, k := range distinct(q.keys) {
			df[k]++
			index[k] = append(index[k], i)
		}
	}
	var out [][2]int
	seen := make([]int, len(qs)) // seen[j] == i+1: pair (i, j) listed
	for i, q := range qs {
		for _, k := range rarestKeys(q.keys, df) {
			for _, j := range index[k] {
				if seen[j] == i+1 || qs[j].doc == q.doc || !longerOf(qs, i, j) {
					continue
				}
				seen[j] = i + 1
				out = append(out, [2]int{min(i, j), max(i, j)})
			}
		}
	}
	return out
}

// longerOf: j is the longer wording of the pair sameQuote compares with i
// as the shorter (a tie makes the first of the pair the shorter).
func longerOf(qs []quoteRef, i, j int) bool {
	ni, nj := len(qs[i].keys), len(qs[j].keys)
	return nj > ni || nj == ni && j > i
}

// rarestKeys are the n-need+1 rarest words of a wording of n words, where
// need is the least number sameQuote accepts; none for a wording too
// short to match.
func rarestKeys(ks []string, df map[string]int) []string {
	n := len(ks)
	if n < 3 {
		return nil
	}
	sorted := append([]string(nil), ks...)
	sort.Slice(sorted, func(a, b int) bool {
		if df[sorted[a]] != df[sorted[b]] {
			return df[sorted[a]] < df[sorted[b]]
		}
		return sorted[a] < sorted[b]
	})
	return distinct(sorted[:n-max(3, atLeast(0.6, n))+1])
}

// distinct drops repeated words, keeping the first of each.
func distinct(ks []string) []string {
	seen := make(map[string]bool, len(ks))
	out := make([]string, 0, len(ks))
	for _, k := range ks {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// buildQuotes merges the quotations that two or more articles carry.
func buildQuotes(docs []*doc) []model.QuoteGroup {
	return quoteGroups(docs, 2)
}

// quoteGroups merges matching quotations of different articles into
// groups, keeping those at least minArticles articles carry.
func quoteGroups(docs []*doc, minArticles int) []model.QuoteGroup {
	qs := collectQuotes(docs)
	out := []model.QuoteGroup{}
	for _, g := range groupQuotes(qs) {
		members := make([]quoteRef, len(g))
		arts := make(map[int64]bool)
		for i, m := range g {
			members[i] = qs[m]
			arts[qs[m].doc.art.ID] = true
		}
		if len(arts) < minArticles {
			continue
		}
		out = append(out, quoteGroup(members))
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if len(a.ArticleIDs) != len(b.ArticleIDs) {
			return len(a.ArticleIDs) > len(b.ArticleIDs)
		}
		if len(a.Variants) != len(b.Variants) {
			return len(a.Variants) > len(b.Variants)
		}
		return a.Text < b.Text
	})
	return out
}

// quoteGroup builds one group: an article's pieces of one quotation are
// joined first, the fullest wording is the reference, and every distinct
// wording is diffed against it and labelled by what differs.
func quoteGroup(members []quoteRef) model.QuoteGroup {
	sort.SliceStable(members, func(i, j int) bool { return members[i].doc.idx < members[j].doc.idx })
	wordings := joinPieces(members)
	type variant struct {
		first quoteRef
		arts  map[int64]bool
		outs  map[string]bool
	}
	var order []string
	vs := make(map[string]*variant)
	for _, m := range wordings {
		k := strings.Join(m.keys, " ")
		v, ok := vs[k]
		if !ok {
			v = &variant{first: m, arts: map[int64]bool{}, outs: map[string]bool{}}
			vs[k] = v
			order = append(order, k)
		}
		v.arts[m.doc.art.ID] = true
		v.outs[m.doc.outlet] = true
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := vs[order[i]], vs[order[j]]
		if len(a.first.keys) != len(b.first.keys) {
			return len(a.first.keys) > len(b.first.keys)
		}
		return len(a.arts) > len(b.arts)
	})
	ref := vs[order[0]].first
	g := model.QuoteGroup{Text: ref.q.Text, Variants: []model.QuoteVariant{}}
	all := make(map[int64]bool)
	for i, k := range order {
		v := vs[k]
		diff := localDiff(ref.toks, v.first.toks)
		qv := model.QuoteVariant{
			Text:       v.first.q.Text,
			ArticleIDs: sortedIDs(v.arts),
			Outlets:    sortedStrings(v.outs),
			Truncated:  isTruncation(diff),
			Diff:       diff,
			Labels:     []string{},
		}
		if i > 0 {
			qv.Labels, qv.Changes = variantLabels(diff)
		}
		g.Variants = append(g.Variants, qv)
		for id := range v.arts {
			all[id] = true
		}
	}
	g.ArticleIDs = sortedIDs(all)
	g.Speaker, g.Speakers = speakersOf(members)
	g.EarliestArticleID = earliestOf(members)
	return g
}

// joinPieces joins, per article, the pieces of one quotation that the
// article splits over sentences or paragraphs ("…,” she wrote. “…"), in
// the order they stand in the fullest single piece; a piece that repeats
// another (a headline quoting the body) is dropped.
func joinPieces(members []quoteRef) []quoteRef {
	ref := members[0]
	for _, m := range members[1:] {
		if len(m.keys) > len(ref.keys) {
			ref = m
		}
	}
	var out []quoteRef
	byDoc := make(map[*doc][]quoteRef)
	var docs []*doc
	for _, m := range members {
		if byDoc[m.doc] == nil {
			docs = append(docs, m.doc)
		}
		byDoc[m.doc] = append(byDoc[m.doc], m)
	}
	for _, d := range docs {
		out = append(out, joinedWording(byDoc[d], ref))
	}
	return out
}

// joinedWording joins one article's pieces by where each fits in ref.
func joinedWording(pieces []quoteRef, ref quoteRef) quoteRef {
	if len(pieces) == 1 {
		return pieces[0]
	}
	type placed struct {
		p        quoteRef
		from, to int
	}
	var ps []placed
	for _, p := range pieces {
		from, to := bestStretch(ref.toks, p.toks)
		ps = append(ps, placed{p, from, to})
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].from < ps[j].from })
	joined := ps[0].p
	end := ps[0].to
	for _, x := range ps[1:] {
		if x.from < end { // overlaps what is kept: a repeat
			if x.to-x.from > end-ps[0].from && len(ps) == 2 {
				joined, end = x.p, x.to
			}
			continue
		}
		joined = quoteRef{doc: joined.doc, q: joined.q, toks: append(slices.Clip(joined.toks), x.p.toks...), keys: append(slices.Clip(joined.keys), x.p.keys...)}
		joined.q.Text = strings.TrimSpace(joined.q.Text) + " " + strings.TrimSpace(x.p.q.Text)
		end = x.to
	}
	return joined
}

// isTruncation reports a wording that leaves out the start or the end of
// the reference.
func isTruncation(diff []model.DiffPart) bool {
	if len(diff) < 2 {
		return false
	}
	return diff[0].Op == "-" || diff[len(diff)-1].Op == "-"
}

// variantLabels says what a wording changes against the reference: words
// cut at either end or inside ("shortened"), words in place of others
// ("words changed", with them), words only it has ("words added"); a
// wording that keeps under half of its words from the reference is
// "paraphrased" (or translated) instead. Differences in punctuation alone
// do not count.
func variantLabels(diff []model.DiffPart) ([]string, []model.WordChange) {
	var shared, own int
	for _, p := range diff {
		switch n := len(keys(tokenize(p.Text))); p.Op {
		case "=":
			shared += n
		case "+":
			own += n
		}
	}
	if shared*2 < shared+own {
		return []string{model.Paraphrased}, nil
	}
	var short, added bool
	var changes []model.WordChange
	for i := 0; i < len(diff); i++ {
		p := diff[i]
		if len(keys(tokenize(p.Text))) == 0 {
			continue
		}
		switch {
		case p.Op == "-" && i+1 < len(diff) && diff[i+1].Op == "+" && i > 0:
			changes = append(changes, model.WordChange{From: trimPunct(p.Text), To: trimPunct(diff[i+1].Text)})
			i++
		case p.Op == "+" && i+1 < len(diff) && diff[i+1].Op == "-" && i+2 < len(diff):
			changes = append(changes, model.WordChange{From: trimPunct(diff[i+1].Text), To: trimPunct(p.Text)})
			i++
		case p.Op == "-":
			short = true
		case p.Op == "+":
			added = true
		}
	}
	labels := []string{}
	if short {
		labels = append(labels, model.Shortened)
	}
	if len(changes) > 0 {
		labels = append(labels, model.WordsChanged)
	}
	if added {
		labels = append(labels, model.WordsAdded)
	}
	return labels, changes
}

// trimPunct drops the punctuation around a run of words ("DEAL," → "DEAL").
func trimPunct(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// speakersOf names the speaker most members give, and every speaker when
// members disagree.
func speakersOf(members []quoteRef) (string, []string) {
	count := make(map[string]int)
	name := make(map[string]string)
	var order []string
	for _, m := range members {
		k := m.q.SpeakerKey
		if k == "" {
			k = strings.ToLower(m.q.Speaker)
		}
		if k == "" {
			continue
		}
		if _, ok := name[k]; !ok {
			name[k] = m.q.Speaker
			order = append(order, k)
		}
		count[k]++
		if len(m.q.Speaker) > len(name[k]) {
			name[k] = m.q.Speaker
		}
	}
	if len(order) == 0 {
		return "", nil
	}
	sort.SliceStable(order, func(i, j int) bool { return count[order[i]] > count[order[j]] })
	if len(order) == 1 {
		return name[order[0]], nil
	}
	all := make(map[string]bool)
	for _, k := range order {
		all[name[k]] = true
	}
	return name[order[0]], sortedStrings(all)
}

// earliestOf is the first article by published time to carry the quote.
func earliestOf(members []quoteRef) int64 {
	docs := make([]*doc, len(members))
	for i, m := range members {
		docs[i] = m.doc
	}
	return earliestFirst(docs)[0].art.ID
}
