package enrich

import (
	"strings"

	"parallax/internal/model"
)

// minBlockWords is the shortest paragraph taken for a block quotation.
const minBlockWords = 6

// blockQuotes finds paragraphs quoted whole without marks, as pages
// print a post or a letter: a paragraph with no quotation marks introduced
// by one that ends with a colon and speaks of saying or of a text ("Read
// the full statement:", "Karvik wrote on Lumen:"). The speaker is the
// introduction's, else the last person said to speak in the paragraphs
// before it.
func (d *doc) blockQuotes() []model.Quote {
	var out []model.Quote
	for pi := 2; pi < len(d.paras); pi++ {
		intro, p := d.paras[pi-1], d.paras[pi]
		if intro.heading || p.heading || hasDoubleQuote(p) || len(p.toks) < minBlockWords ||
			!strings.HasSuffix(strings.TrimSpace(intro.text), ":") || !d.introducesText(intro) {
			continue
		}
		end := len(intro.text)
		a := d.attributeBefore(pi-1, qspan{open: end, tstart: end, tend: end, close: end, closed: true})
		how := model.AttributedPrevious
		if e := d.introducedDocumentIssuer(pi - 1); !a.found && e >= 0 {
			a = attribution{found: true, ent: e}
		}
		if !a.found {
			a, how = d.recentSpeaker(pi-1), model.AttributedContext
		}
		q := model.Quote{Text: cleanQuote(p.text), Verb: a.verb, Paragraph: p.idx, Attribution: model.AttributedNone}
		if a.found {
			d.setSpeaker(&q, a)
			q.Attribution = how
		}
		out = append(out, q)
	}
	return out
}

// introducesText reports whether a paragraph's last sentence holds a
// speech verb or names a text (statement, letter, post).
func (d *doc) introducesText(p *para) bool {
	if len(p.toks) == 0 {
		return false
	}
	last := p.toks[len(p.toks)-1].sent
	for k := len(p.toks) - 1; k >= 0 && p.toks[k].sent == last; k-- {
		if w := p.toks[k].lower; speechVerbs[w] || thingGroups[w] != "" {
			return true
		}
	}
	return false
}

// recentSpeaker is the last person a speech verb gives words to in
// paragraph pi or the two before it ("Ana Pell, an aide to the mayor,
// wrote that …"): the subject, so the earliest mention of the clause.
func (d *doc) recentSpeaker(pi int) attribution {
	for qi := pi; qi >= 1 && pi-qi <= 2; qi-- {
		p := d.paras[qi]
		for v := len(p.toks) - 1; v >= 0; v-- {
			if !speechVerbs[p.toks[v].lower] || p.toks[v].lower == "according" || inQuotation(p, p.toks[v].start) {
				continue
			}
			s := v
			for s > 0 && p.toks[s-1].sent == p.toks[v].sent {
				s--
			}
			if at := d.speakerPick(qi, s, v, v, true); at.found && at.ent >= 0 {
				at.verb = verbPhrase(p, v, len(p.toks))
				return at
			}
		}
	}
	return attribution{ent: -1}
}

// hasDoubleQuote reports a quotation in double marks in p.
func hasDoubleQuote(p *para) bool {
	for _, s := range p.quotes {
		if !s.single {
			return true
		}
	}
	return false
}
