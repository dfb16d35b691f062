package enrich

// Programme and paper names made of date words ("This Week", NBC's
// "Today", "USA Today", "Last Week Tonight") are names, not dates. News
// prose writes a relative date in lower case except at the start of a
// sentence, so a capital elsewhere marks a name, as does a title in
// quotation marks on its own. A headline in title case capitalises every
// word, so there the capitals say nothing.

// namedRelative reports whether the relative date words in tokens
// [from, to) are a name.
func (dm dateMatcher) namedRelative(from, to int) bool {
	first := dm.toks[from]
	if !first.isUpperStart(dm.p) && !dm.anyUpper(from+1, to) {
		return false
	}
	if dm.quotedTitle(from, to) {
		return true
	}
	if dm.titleCased() {
		return false
	}
	return dm.anyUpper(from+1, to) || !dm.sentenceStart(from)
}

// quotedTitle reports date words that are all a quotation holds: the
// "Today" show, ABC's "This Week." A full stop or comma inside the closing
// mark counts only when a word precedes the opening one, since
// ‘“Today,” she said, “we vote.”’ opens a spoken sentence.
func (dm dateMatcher) quotedTitle(from, to int) bool {
	if from == 0 || !isQuoteMark(dm.toks[from-1]) || to >= len(dm.toks) {
		return false
	}
	if isQuoteMark(dm.toks[to]) {
		return true // ‘the “Today” show’
	}
	afterWord := from >= 2 && dm.toks[from-2].kind == scanWord
	return afterWord && (dm.punct(to, ".") || dm.punct(to, ",")) && to+1 < len(dm.toks) && isQuoteMark(dm.toks[to+1])
}

// anyUpper reports a capitalised word among tokens [from, to).
func (dm dateMatcher) anyUpper(from, to int) bool {
	for j := from; j < to; j++ {
		if dm.toks[j].kind == scanWord && dm.toks[j].isUpperStart(dm.p) {
			return true
		}
	}
	return false
}

// sentenceStart reports whether token i opens a sentence, a quotation, a
// bracket or what follows a dateline's dash.
func (dm dateMatcher) sentenceStart(i int) bool {
	if i == 0 {
		return true
	}
	prev := dm.toks[i-1]
	if prev.kind != scanPunct {
		return false
	}
	switch prev.low {
	case ".", "!", "?", ":", ";", "(", "[", "—", "–", "-", "…":
		return true
	}
	return isQuoteMark(prev)
}

// titleCased reports a line in title case, as headlines are: every word
// of five letters or more capitalised. Prose full of names still has
// lower-case verbs and nouns ("spoke", "paper").
func (dm dateMatcher) titleCased() bool {
	upper := 0
	for _, t := range dm.toks {
		if t.kind != scanWord || t.end-t.start < 5 {
			continue
		}
		if !t.isUpperStart(dm.p) {
			return false
		}
		upper++
	}
	return upper >= 2
}
