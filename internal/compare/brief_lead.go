package compare

import (
	"strings"
	"time"

	"parallax/internal/model"
)

// briefContext is what the brief needs beyond the claims.
type briefContext struct {
	docs     []*doc
	cv       coverer
	disputes disputes
	// storyDay is the last day an article of the story was written, ""
	// when none is known.
	storyDay string
	// focus is leadFocus(docs).
	focus map[string]int
	// known is storyKnown(docs).
	known map[string]bool
}

func newBriefContext(docs []*doc, cv coverer, ds []model.Discrepancy) briefContext {
	bc := briefContext{docs: docs, cv: cv, disputes: newDisputes(ds), focus: leadFocus(docs), known: storyKnown(docs)}
	for _, d := range docs {
		if day, _ := saidDay(d); day > bc.storyDay {
			bc.storyDay = day
		}
	}
	return bc
}

// usable: the sentence carries no disputed value, or one it may carry,
// and names nobody the reader has not met.
func (bc briefContext) usable(s *sent) bool {
	ok, _ := bc.disputes.check(s)
	return ok && !bc.unintroduced(s)
}

// unintroduced: the sentence names a person by one word only ("Reese is a
// senior fellow…", "…, Hutchinson said") whom no headline of the story
// names: the article introduced them in a sentence the brief does not
// show. A full name in the sentence introduces them.
func (bc briefContext) unintroduced(s *sent) bool {
	bare := stripQuoted(stripDateline(s.text))
	full := make(map[string]bool)
	single := make(map[string]bool)
	for _, f := range s.doc.surface { // longest forms first
		i := indexWord(bare, f.form)
		if f.typ != model.Person || i < 0 {
			continue
		}
		if strings.Contains(strings.TrimSpace(f.form), " ") || titledAt(bare, f.form) {
			full[f.key] = true
		} else {
			single[f.key] = true
		}
		bare = bare[:i] + strings.Repeat(" ", len(f.form)) + bare[i+len(f.form):] // "Clinton" in "Bill Clinton" is no second name
	}
	for k := range single {
		if !full[k] && !bc.inHeadlines(k) {
			return true
		}
	}
	return false
}

// titledAt: the name stands after a title that says who the person is
// ("President Obama", "Sen. Kyl"); "Mr." does not.
func titledAt(text, form string) bool {
	i := indexWord(text, form)
	ws := strings.Fields(text[:max(i, 0)])
	if len(ws) == 0 {
		return false
	}
	w := strings.ToLower(strings.Trim(ws[len(ws)-1], ".,"))
	return roleHeads[w] != "" && w != "official"
}

// inHeadlines: some headline of the story names the entity.
func (bc briefContext) inHeadlines(key string) bool {
	for _, d := range bc.docs {
		if headlineTerms(d)["@"+key] {
			return true
		}
	}
	return false
}

// cite lists the articles and outlets that state a sentence: its own, and
// every other whose text states it (coverer.verdictOn), not merely those
// grouped with it.
func (bc briefContext) cite(s *sent) ([]int64, []string) {
	return citeSentences(bc.citations(s))
}

// citations are the sentences (or, for a quotation found across
// sentences, the articles) that state s.
func (bc briefContext) citations(s *sent) []model.Sentence {
	ss := []model.Sentence{sentenceOf(s)}
	against := bc.disputes.against(s)
	for _, d := range bc.docs {
		if d == s.doc || against[d.art.ID] {
			continue
		}
		if v, by := bc.cv.verdictOn(s, d); v == supports {
			if by == nil {
				ss = append(ss, model.Sentence{ArticleID: d.art.ID, Outlet: d.outlet})
			} else {
				ss = append(ss, sentenceOf(by))
			}
		}
	}
	return ss
}

// oldNews: every date the sentence gives its event is a year or more
// before the story (background: "In February 2022, Russia began…"); a
// date given in passing ("the first call since early 2022") does not date
// the sentence.
func (bc briefContext) oldNews(s *sent) bool {
	story, err := time.Parse(time.DateOnly, bc.storyDay)
	if err != nil {
		return false
	}
	dated := false
	for _, m := range s.doc.enr.Dates {
		at := mentionAt(s.text, m.Text)
		if m.Date == "" || at < 0 {
			continue
		}
		if w, ok := whenOf(m, s.text, at); !ok || background(s.text, at, m, w.prec) {
			continue
		}
		dated = true
		if endOf(m.Date).After(story.AddDate(-1, 0, 0)) {
			return false
		}
	}
	return dated
}

// endOf is the last day of a date written as a day, a month or a year.
func endOf(date string) time.Time {
	if t, err := time.Parse(time.DateOnly, date); err == nil {
		return t
	}
	if t, err := time.Parse("2006-01", date); err == nil {
		return t.AddDate(0, 1, -1)
	}
	if t, err := time.Parse("2006", date); err == nil {
		return t.AddDate(1, 0, -1)
	}
	return time.Time{}
}

// leadSearch is how deep into each article the first line is looked for.
const leadSearch = 3

// leadLine chooses the brief's first line: of the sentences at the top of
// the articles that read alone, the one whose subject most outlets' first
// sentences share, that most outlets state, and that agrees best with the
// other outlets' leads and headlines; a first sentence and one that says
// when are preferred. Background and disputed values are never first, nor
// a sentence that leaves a pronoun or "the hearing" unresolved
// (sharedFault).
func leadLine(bc briefContext) (cited, bool) {
	if c, ok := bc.leadAmong(true); ok {
		return c, true
	}
	return bc.leadAmong(false)
}

// leadAmong scores the lead candidates; onFocus keeps only those about
// the subject most outlets lead with, when two outlets or more share one.
func (bc briefContext) leadAmong(onFocus bool) (cited, bool) {
	focus := bc.focus
	top := 0
	for _, n := range focus {
		top = max(top, n)
	}
	var best cited
	bestScore, found := 0.0, false
	for _, d := range bc.docs {
		news := newsSents(d)
		for i, s := range news[:min(leadSearch, len(news))] {
			t, ok := leadable(s)
			if !ok || bc.oldNews(s) || onFocus && (top < 2 || focus[focusOf(s)] < top) {
				continue
			}
			fine, notes := bc.disputes.check(s)
			if !fine || bc.unintroduced(s) || bc.sharedFault(t, s) != "" {
				continue
			}
			ids, outlets := bc.cite(s)
			if len(outlets) < 2 && shortOpening(t, s) {
				continue
			}
			score := 3*float64(focus[focusOf(s)]) + 2*float64(len(outlets)) + 2*bc.leadAgreement(s) + bc.headlineAgreement(s)
			score += leadPosBonus[i]
			if saysWhen(s) {
				score += 0.5
			}
			if !found || score > bestScore {
				best = cited{c: briefCand{r: rankedClaim{pos: relPos(s)}, s: s, text: t}, ids: ids, outlets: outlets, notes: notes}
				bestScore, found = score, true
			}
		}
	}
	return best, found
}

// leadable: the sentence may open the brief. Leads run long in agency
// copy, so a lead may be longer than other brief sentences.
func leadable(s *sent) (string, bool) {
	t, fault := briefFault(s)
	if n := len(strings.Fields(t)); fault == "length" && n > 40 && n <= leadMaxWords {
		s2 := *s
		s2.text = strings.Join(strings.Fields(t)[:40], " ")
		s2.fault, s2.nums = nil, nil // judged afresh: not the whole sentence
		_, fault = briefFault(&s2)
		if fault == "length" {
			fault = ""
		}
	}
	return t, fault == ""
}

// shortOpening: a first line only one outlet states that is short
// (under leadMinWords) must say when something happened and report it:
// short openings are otherwise a dek ("Senator sharpens attacks as…",
// "Says Clinton would…") or a teaser ("Tuesday was a very good day for
// Clinton.", "Clinton had a great night on Saturday.") whose news is in
// the sentence after.
func shortOpening(t string, s *sent) bool {
	toks := strings.Fields(stripQuoted(t))
	if len(strings.Fields(t)) >= leadMinWords {
		return false
	}
	return !saysWhen(s) || assessment(toks) || hadA(toks)
}

// leadMinWords is the length from which a lead reads as news.
const leadMinWords = 15

// hadA: the sentence's verb is "had a" ("had a rough day Monday"): a
// characterisation, not an event.
func hadA(toks []string) bool {
	for i := openingPhrase(toks); i+1 < len(toks); i++ {
		w := trimToken(toks[i])
		if w == "had" || w == "has" {
			next := trimToken(toks[i+1])
			return next == "a" || next == "an" || next == "reason"
		}
		if verbLike(w) && i > 0 && !isCapital(toks[i]) {
			return false
		}
	}
	return false
}

// leadPosBonus prefers an article's first sentences, where news opens.
var leadPosBonus = [leadSearch]float64{1, 0.5, 0}

// leadMaxWords is the longest lead the brief opens with.
const leadMaxWords = 60

// focusOf is whom or what a sentence is about: the first person it names,
// else the first name of any kind; "" when it names none.
func focusOf(s *sent) string {
	bare := stripQuoted(stripDateline(s.text))
	first, firstAny := -1, -1
	var key, keyAny string
	for _, f := range s.doc.surface {
		i := indexWord(bare, f.form)
		if i < 0 {
			continue
		}
		if f.typ == model.Person && (first < 0 || i < first) {
			first, key = i, f.key
		}
		if firstAny < 0 || i < firstAny {
			firstAny, keyAny = i, f.key
		}
	}
	if key != "" {
		return key
	}
	return keyAny
}

// leadFocus counts, for each subject, the outlets whose first sentence is
// about it.
func leadFocus(docs []*doc) map[string]int {
	byOutlet := make(map[string]map[string]bool)
	for _, d := range docs {
		news := newsSents(d)
		if len(news) == 0 {
			continue
		}
		if f := focusOf(news[0]); f != "" {
			if byOutlet[f] == nil {
				byOutlet[f] = make(map[string]bool)
			}
			byOutlet[f][d.outlet] = true
		}
	}
	out := make(map[string]int)
	for f, os := range byOutlet {
		out[f] = len(os)
	}
	return out
}

// headlineAgreement sums, over the other outlets' headlines, the share of
// each headline's terms the sentence carries (names, words, or words of
// the same action).
func (bc briefContext) headlineAgreement(s *sent) float64 {
	have := bc.cv.sentTerms(s, nil)
	var sum float64
	for _, d := range bc.docs {
		if d.outlet == s.doc.outlet {
			continue
		}
		ts := headlineTerms(d)
		if len(ts) == 0 {
			continue
		}
		n := 0
		for t := range ts {
			if has(t, have) {
				n++
			}
		}
		sum += float64(n) / float64(len(ts))
	}
	return sum
}

// leadAgreement sums, over the other outlets, how much of the sentence the
// top of their articles carries (the best of their first sentences, by
// weight): the news is what every outlet opens with.
func (bc briefContext) leadAgreement(s *sent) float64 {
	best := make(map[string]float64)
	for _, d := range bc.docs {
		if d.outlet == s.doc.outlet {
			continue
		}
		news := newsSents(d)
		for _, o := range news[:min(leadSearch+2, len(news))] {
			if sh := bc.cv.sharesIn(s, bc.cv.sentTerms(o, nil)); sh.all > best[d.outlet] {
				best[d.outlet] = sh.all
			}
		}
	}
	var sum float64
	for _, v := range best {
		sum += v
	}
	return sum
}

// newsSents are the article's sentences without its headline, which some
// pages repeat as the body's first paragraph: the news opens after it.
func newsSents(d *doc) []*sent {
	if len(d.sents) > 0 && titleEcho(d.sents[0]) {
		return d.sents[1:]
	}
	return d.sents
}

// titleEcho: the sentence is the article's headline repeated in its body.
func titleEcho(s *sent) bool {
	return s.pos == 0 && s.doc.art.Title != "" &&
		strings.Join(lexWords(s.text), " ") == strings.Join(lexWords(s.doc.art.Title), " ")
}

// saysWhen: the sentence gives a date of the story's days.
func saysWhen(s *sent) bool {
	for _, m := range s.doc.enr.Dates {
		if m.Date != "" && len(m.Date) == 10 && strings.Contains(s.text, m.Text) {
			return true
		}
	}
	return false
}
