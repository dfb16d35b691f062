package compare

// Judging one claim against one article is the inner loop of coverage:
// every claim of a story against every article of the other outlets. It
// runs over an index of each article's terms (built once) and a table of
// which of the claim's terms each sentence carries, rather than over maps
// per sentence.

// index maps each term of an article's sentences (their words, the
// classes of their actions, the words of their names and the places their
// people stand for) to the sentences that carry it.
func (c coverer) index(d *doc) map[string][]int {
	if idx, ok := c.indexes[d]; ok {
		return idx
	}
	idx := make(map[string][]int)
	for j, s := range d.sents {
		for t := range c.sentTerms(s, nil) {
			idx[t] = append(idx[t], j)
		}
	}
	c.indexes[d] = idx
	return idx
}

// presence says, for each claim term, which of the n sentences carry it
// (the term, a word of its action, or every word of its name). The rows
// live in buf, reused from one judgement to the next.
func presence(ts []viewTerm, idx map[string][]int, n int, buf *presenceBuf) [][]bool {
	out := buf.rows[:0]
	flat := buf.flat[:0]
	if cap(flat) < len(ts)*n {
		flat = make([]bool, len(ts)*n)
	}
	flat = flat[:len(ts)*n]
	clear(flat)
	count := buf.count[:0]
	if cap(count) < n {
		count = make([]int, n)
	}
	count = count[:n]
	for i := range ts {
		t := &ts[i]
		row := flat[i*n : (i+1)*n]
		for _, j := range idx[t.term] {
			row[j] = true
		}
		if t.class != "" {
			for _, j := range idx[t.class] {
				row[j] = true
			}
		}
		if len(t.nameWords) > 0 {
			clear(count)
			for _, w := range t.nameWords {
				for _, j := range idx[w] {
					count[j]++
					row[j] = row[j] || count[j] == len(t.nameWords)
				}
			}
		}
		out = append(out, row)
	}
	buf.rows, buf.flat, buf.count = out, flat, count
	return out
}

// presenceBuf holds presence's rows between judgements.
type presenceBuf struct {
	rows  [][]bool
	flat  []bool
	count []int
}

// span is the sentences a share is taken over: one (to = from), two
// neighbours, or all of them (from < 0).
type span struct{ from, to int }

// sumShare is the share of the terms' weight the span carries, and of
// their names'; core counts only the terms of the claim's main clause.
func sumShare(ts []viewTerm, pres [][]bool, sp span, core bool) (share, names float64) {
	var all, in, nall, nin float64
	for i := range ts {
		t := &ts[i]
		if core && !t.core {
			continue
		}
		found := false
		if sp.from < 0 {
			for _, p := range pres[i] {
				found = found || p
			}
		} else {
			found = pres[i][sp.from] || pres[i][sp.to]
		}
		all += t.w
		if t.name {
			nall += t.w
		}
		if found {
			in += t.w
			if t.name {
				nin += t.w
			}
		}
	}
	return ratio(in, all), ratio(nin, nall)
}

// sharesOver are the shares of a claim a span of sentences carries.
func sharesOver(v *claimView, pa, pp [][]bool, sp span, core bool) shares {
	all, names := sumShare(v.all, pa, sp, core)
	pred, _ := sumShare(v.pred, pp, sp, core)
	return shares{all: all, pred: pred, names: names}
}

// judge is verdictOn without the memo: a sentence that states the claim
// (whole, or its main clause), else "not found" when one sentence names
// everyone it names, two neighbours come close, or the article carries
// most of it, else absent.
func (c coverer) judge(a *sent, d *doc) (verdict, *sent) {
	if writtenBefore(d, a) {
		return absent, nil // it cannot report what happened after it was written
	}
	if v, s := c.quotedIn(a, d); v != absent {
		return v, s
	}
	v := c.view(a)
	whole, _ := shareOf(v.all, c.docTerms(d))
	if whole < namedAll && whole < closeAll {
		return absent, nil // no sentence or pair can carry more than the article
	}
	n := len(d.sents)
	idx := c.index(d)
	pa, pp := presence(v.all, idx, n, &c.scratch[0]), presence(v.pred, idx, n, &c.scratch[1])
	near := false
	for j, s := range d.sents {
		sh := sharesOver(v, pa, pp, span{j, j}, false)
		states := sh.states()
		if !states && v.core && sh.all >= 0.2 {
			states = sharesOver(v, pa, pp, span{j, j}, true).states()
		}
		if states && !numbersDiffer(a, s) {
			return supports, s
		}
		if sh.names >= 1 && sh.all >= namedAll && hasNames(a) {
			near = true // every name of the claim in one sentence
		}
		if !near && j+1 < n {
			w := sharesOver(v, pa, pp, span{j, j + 1}, false)
			near = w.all >= closeAll && w.pred >= closePred
		}
	}
	if near || whole >= articleAll {
		return unsure, nil
	}
	return absent, nil
}
