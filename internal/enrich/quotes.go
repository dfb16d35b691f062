package enrich

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/model"
)

// rawQuote is a quotation found in the text, possibly over several
// paragraphs, before it is attributed.
type rawQuote struct {
	pi, lastPi int   // first and last paragraph (doc.paras index)
	first      qspan // its span in the first paragraph
	last       qspan // its span in the last paragraph
	text       string
	words      int
	endPunct   bool // the words end with . , ! ? or …: a sentence, not a term
	ends       bool // the words end with . ! ? or …: the sentence ends with them
}

// findQuotes scans every paragraph (the headline first) and joins a
// quotation left open at a paragraph's end with the next paragraph when
// that opens with a quotation mark, the convention for long quotations,
// or when the next paragraph closes a quotation it never opened (the
// opening mark forgotten).
func (d *doc) findQuotes() []rawQuote {
	var out []rawQuote
	var open *rawQuote
	for pi, p := range d.paras {
		spans := p.quotes
		if open != nil && p.leadClose != nil {
			c := *p.leadClose
			open.text += " " + p.text[:c.tend]
			open.lastPi, open.last = pi, c
			out = append(out, *open)
			open = nil
		}
		for si, s := range spans {
			inner := p.text[s.tstart:s.tend]
			if open != nil && si == 0 && s.open == 0 {
				open.text += " " + inner
				open.lastPi, open.last = pi, s
				if s.closed || si < len(spans)-1 {
					out = append(out, *open)
					open = nil
				}
				continue
			}
			if open != nil {
				out = append(out, *open)
				open = nil
			}
			q := rawQuote{pi: pi, lastPi: pi, first: s, last: s, text: inner}
			if !s.closed && pi > 0 && pi+1 < len(d.paras) && (startsWithMark(d.paras[pi+1].text) || d.paras[pi+1].leadClose != nil) {
				open = &q
				continue
			}
			out = append(out, q)
		}
		if open != nil && open.lastPi != pi {
			out = append(out, *open)
			open = nil
		}
	}
	if open != nil {
		out = append(out, *open)
	}
	for i := range out {
		t := strings.TrimRight(strings.TrimSpace(out[i].text), "'’") // a quotation ending in one it quotes ("… win Loudoun?’")
		out[i].endPunct = strings.HasSuffix(t, ",") || strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") ||
			strings.HasSuffix(t, "?") || strings.HasSuffix(t, "…")
		out[i].ends = out[i].endPunct && !strings.HasSuffix(t, ",")
		out[i].text = cleanQuote(out[i].text)
		out[i].words = len(strings.Fields(out[i].text))
	}
	return out
}

func startsWithMark(s string) bool {
	r, _ := runeAt(s, 0)
	return isDoubleMark(r) && r != '”'
}

// cleanQuote collapses spaces and drops the trailing comma or colon that
// belongs to the sentence around the quotation.
func cleanQuote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRightFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ':' || unicode.IsSpace(r) })
}

// quotes attributes the quotations; short ones that are not statements
// come back as terms (scare quotes).
func (d *doc) quotes() ([]model.Quote, []model.Term) {
	quotes := []model.Quote{}
	terms := []model.Term{}
	var prev model.Quote // the last attributed quotation, named or not ("said one engineer")
	prevPi := -1
	d.markQuoted()
	for _, rq := range d.findQuotes() {
		if rq.text == "" || !hasLetter(rq.text) {
			continue
		}
		a := d.attribute(rq)
		cont := prevPi >= 0 && rq.pi > 0 && d.continues(rq, prevPi)
		if rq.words <= 3 && rq.pi == rq.lastPi && !a.statement(rq) && !(cont && !a.found && rq.sentence()) {
			terms = append(terms, model.Term{Text: trimTerm(rq.text), Paragraph: d.paras[rq.pi].idx})
			continue
		}
		q := model.Quote{Text: rq.text, Verb: a.verb, Paragraph: d.paras[rq.pi].idx, Attribution: model.AttributedDirect}
		switch {
		case a.found:
			d.setSpeaker(&q, a)
		case d.headlineSpeaker(rq, &q), d.signedBelow(rq, &q):
		case d.introducedBefore(rq, &q):
		case rq.words >= 4 && d.subjectSpeaks(rq, &q):
		case cont:
			q.Speaker, q.SpeakerKey, q.Verb = prev.Speaker, prev.SpeakerKey, prev.Verb
			q.SpeakerDescription, q.Attribution = prev.SpeakerDescription, model.AttributedContinue
		case rq.words >= 4:
			if e := d.previousSubject(rq); e >= 0 {
				d.setSpeaker(&q, attribution{found: true, ent: e})
				q.Attribution = model.AttributedContext
			}
		}
		if q.Speaker == "" {
			q.Attribution = model.AttributedNone
		}
		quotes = append(quotes, q)
		if q.Speaker != "" || a.found {
			prev, prevPi = q, rq.lastPi
		}
	}
	return append(quotes, d.blockQuotes()...), terms
}

// setSpeaker fills the quotation's speaker from an attribution; a
// document that speaks ("the statement said") is given to whoever issued
// it, and keeps its own words as the description.
func (d *doc) setSpeaker(q *model.Quote, a attribution) {
	if a.ent < 0 && a.np != "" && a.headPi > 0 {
		if e := d.issuer(a.headPi, a.head); e >= 0 {
			a.desc = joinDesc([]string{a.np, a.desc})
			a.ent = e
		}
	}
	q.Speaker, q.SpeakerKey = d.speakerName(a)
	q.SpeakerDescription = d.speakerDescription(a)
}

// sentence reports a quotation that is a sentence of its own: it opens
// with a capital and ends with . ! ? or … ("God help us.").
func (rq rawQuote) sentence() bool {
	r, _ := utf8.DecodeRuneInString(rq.text)
	return rq.ends && unicode.IsUpper(r)
}

// continues reports whether an unattributed quotation carries on the last
// attributed one: in the same paragraph, or opening the next paragraph.
func (d *doc) continues(rq rawQuote, prevPi int) bool {
	if rq.pi == prevPi {
		return true
	}
	return rq.pi == prevPi+1 && rq.first.open == 0
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func trimTerm(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsPunct(r) && r != ')' })
}

// speakerName turns an attribution into the speaker's entity name and key;
// an unnamed speaker ("Turkish officials") keeps its words and no key.
func (d *doc) speakerName(a attribution) (string, string) {
	if a.ent >= 0 {
		ent := d.ents[a.ent]
		return ent.name(), ent.key
	}
	return a.np, ""
}

// speakerDescription is how the text describes the speaker: at the
// attribution, then at the speaker's first described mention when that
// says something else.
func (d *doc) speakerDescription(a attribution) string {
	desc := a.desc
	if a.ent < 0 || len(d.ents[a.ent].descs) == 0 {
		return desc
	}
	first := d.ents[a.ent].descs[0]
	switch {
	case desc == "":
		return first
	case strings.Contains(desc, first):
		return desc
	}
	return desc + "; " + first
}

// markQuoted flags mentions inside quotation marks.
func (d *doc) markQuoted() {
	spans := make([][]qspan, len(d.paras))
	for pi, p := range d.paras {
		spans[pi] = p.quotes
		if p.leadClose != nil {
			spans[pi] = append([]qspan{*p.leadClose}, p.quotes...)
		}
	}
	for i := range d.mentions {
		m := &d.mentions[i]
		for _, s := range spans[m.para] {
			if m.start >= s.tstart && m.end <= s.tend {
				m.inQuote = true
				break
			}
		}
	}
}
