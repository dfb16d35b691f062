package enrich

import "strings"

// Outer sources. A sentence that reports someone's words can also say
// where the writer found them: ""…," Welch said, according to Lumen
// Radio", "According to the Gazette, Pell said the "…"", ""…," said Ana
// Pell, reports the Gazette", "Pell pledged to "…," the Gazette reported".
// The writer vouches for that source's account, not for the words, so
// the quotation is given to the outermost source, as attribution
// annotation does (PolNeAR's source of the outer attribution); the inner
// speaker stays in the words around it. A source that comes between the
// verb and the reported clause ("Pell said that, according to the audit,
// …") is the speaker's own and does not count.

// outerSource finds an outer source in the sentence of a quotation
// attributed as at: after the closing mark, "according to" or a report
// verb set off by a comma; before the opening mark, "According to …,"
// opening the sentence.
func (d *doc) outerSource(rq rawQuote, at attribution) attribution {
	if !at.found && rq.words < 4 || at.verb == "according to" {
		return attribution{ent: -1}
	}
	if o := d.outerAfter(rq, at); o.found {
		return o
	}
	return d.outerBefore(rq)
}

// outerAfter reads ", according to X", ", reported X" or ", X reported"
// in the rest of the sentence after the closing mark. A quotation that
// ends its sentence has no rest unless its attribution follows it.
func (d *doc) outerAfter(rq rawQuote, at attribution) attribution {
	p := d.paras[rq.lastPi]
	s := rq.last
	a := p.tokIndex(s.close)
	if !s.closed || a >= len(p.toks) || strings.ContainsAny(p.text[s.close:p.toks[a].start], ".!?;") || rq.ends && !at.post {
		return attribution{ent: -1}
	}
	limit := p.nextOpen(s)
	end := a
	for end < len(p.toks) && p.toks[end].sent == p.toks[a].sent && p.toks[end].start < limit {
		end++
	}
	for k := a; k < end; k++ {
		t := p.toks[k]
		if k > a && !strings.Contains(t.sep, ",") || inQuotation(p, t.start) || k == a && t.lower == "according" {
			continue
		}
		var o attribution
		switch j := clauseEnd(p, k, end); {
		case t.lower == "according" && k+1 < end && p.toks[k+1].lower == "to":
			o = d.accordingTo(rq.lastPi, k, end)
		case reportVerbs[t.lower]: // ", reports the Gazette"
			o = d.speakerAfterVerb(rq.lastPi, k, end, false)
			if !o.found {
				o = d.phraseAfter(rq.lastPi, k+1, end)
			}
			o.verb = t.text
		case j > k && reportVerbs[p.toks[j].lower] && (j+1 == len(p.toks) || p.toks[j+1].sent != p.toks[j].sent):
			o = d.reportingSource(rq.lastPi, k, j) // ", the Gazette reported."
			o.verb = p.toks[j].text
		}
		if o.found {
			return o
		}
	}
	return attribution{ent: -1}
}

// clauseEnd returns the last token of the words from token k up to the
// next comma or the end.
func clauseEnd(p *para, k, end int) int {
	j := k
	for j+1 < end && !strings.Contains(p.toks[j+1].sep, ",") {
		j++
	}
	return j
}

// reportVerbs are the verbs by which news media give an account of what
// was said; not speech verbs, since they rarely introduce words of their
// own.
var reportVerbs = toSet([]string{`reported reports`})

// outerBefore reads "According to X," opening the sentence of a quotation
// that comes later in it.
func (d *doc) outerBefore(rq rawQuote) attribution {
	p := d.paras[rq.pi]
	e := p.tokIndex(rq.first.open)
	if e >= len(p.toks) || e == 0 {
		return attribution{ent: -1}
	}
	s := e
	for s > 0 && p.toks[s-1].sent == p.toks[e].sent {
		s--
	}
	if s+2 >= e || p.toks[s].lower != "according" || p.toks[s+1].lower != "to" {
		return attribution{ent: -1}
	}
	for j := s + 2; j < e; j++ {
		if strings.Contains(p.toks[j].sep, ",") {
			return d.accordingTo(rq.pi, s, j)
		}
	}
	return attribution{ent: -1}
}

// issuedBy reads the issuer of a source described from token k ("audio
// provided by Lumen Radio", "a court filing by the state attorney Ana
// Pell", "excerpts of the speech released by the White House"): whoever
// stands after "by", right after an issuing participle or the source's
// words, within the clause. A document obtained or seen by someone was
// not issued by them.
func (d *doc) issuedBy(pi, k, end int) attribution {
	p := d.paras[pi]
	for j := k + 1; j < end && j-k <= 8; j++ {
		if strings.ContainsAny(p.toks[j].sep, ",;:") {
			break
		}
		if p.toks[j].lower != "by" {
			continue
		}
		if prev := p.toks[j-1].lower; !issuingParticiples[prev] && !documentNouns[prev] {
			break
		}
		return d.speakerAfterVerb(pi, j, end, false)
	}
	return attribution{ent: -1}
}

// issuingParticiples say that someone issued a source.
var issuingParticiples = toSet([]string{`provided released filed issued published posted written sent prepared
produced compiled conducted distributed submitted signed authored commissioned`})

// reportingSource is the subject of a report verb at token v whose words
// fill tokens [k, v) ("the Gazette reported"): a name, with or without
// "the", that may be read as modifying the verb; else those words.
func (d *doc) reportingSource(pi, k, v int) attribution {
	p := d.paras[pi]
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.para == pi && m.tok1 == v && (m.tok0 == k || m.tok0 == k+1 && p.toks[k].lower == "the") && !m.inQuote && m.kind == nameMention && m.ent >= 0 {
			return d.fromMention(i)
		}
	}
	return d.phraseAfter(pi, k, v)
}
