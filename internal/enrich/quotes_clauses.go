package enrich

import "strings"

// Clause shapes around an attribution: what follows a quotation ("Ana
// Pell, a spokeswoman, said"), verbs that attribute nothing ("described
// by"), and unnamed speakers ("the lawsuit from Norvala, where …, argues").

// clauseSubjects open a clause reported after a speech verb.
var clauseSubjects = toSet([]string{`that he she they we i it there`})

// goesOn reports whether the sentence with a speech verb after a finished
// quotation carries on as a sentence of its own ("He claimed that …",
// "She said claims that … “…”") rather than attributing the quotation.
func (d *doc) goesOn(pi, v, limit int) bool {
	p := d.paras[pi]
	if v+1 < len(p.toks) && p.toks[v+1].sent == p.toks[v].sent && p.toks[v+1].sep == " " && clauseSubjects[p.toks[v+1].lower] {
		return true // "Kasich said he would have …"
	}
	for _, o := range p.quotes {
		if o.open <= p.toks[v].end {
			continue
		}
		if k := p.tokIndex(o.open); k < len(p.toks) && p.toks[k].sent == p.toks[v].sent {
			return true
		}
	}
	return false
}

// maxAppositiveTokens bounds "Name, appositive, said" after a quotation.
const maxAppositiveTokens = 40

// appositiveSpeaker reads ""…," Ana Pell, a spokeswoman for the mayor,
// said": a person named right after the quotation, a comma, and a speech
// verb after a later comma of the same sentence. After a quotation that
// ends its sentence the name must open the next words, where "Of Brandt,
// Pell said, …" starts a sentence of its own.
func (d *doc) appositiveSpeaker(pi, a, limit int, terminal bool) attribution {
	p := d.paras[pi]
	slack := 3
	if terminal {
		slack = 0
	}
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.para != pi || m.tok0 < a || m.tok0 > a+slack || m.kind != nameMention || m.inQuote || !d.canSpeak(m, -1) {
			continue
		}
		j := skipOfPlace(p, m.tok1)
		if j >= len(p.toks) || !strings.HasPrefix(strings.TrimSpace(p.toks[j].sep), ",") {
			return attribution{ent: -1}
		}
		sent := p.toks[a].sent
		for k := j; k < len(p.toks) && k-a < maxAppositiveTokens && p.toks[k].sent == sent && p.toks[k].start < limit; k++ {
			if speechVerbs[p.toks[k].lower] && strings.HasSuffix(strings.TrimSpace(p.toks[k].sep), ",") {
				at := d.fromMention(i)
				at.post = at.found
				if at.found {
					at.verb = verbPhrase(p, k, len(p.toks))
				}
				return at
			}
		}
		return attribution{ent: -1}
	}
	return attribution{ent: -1}
}

// passive reports a speech verb used as a passive participle ("the
// talks described by the ministry"), which attributes nothing here.
func passive(p *para, k int) bool {
	return k+1 < len(p.toks) && p.toks[k+1].lower == "by" && p.toks[k+1].sep == " " && strings.HasSuffix(p.toks[k].lower, "ed")
}

// skipOfPlace steps over " of Port Aldane" or " of Our Lady of Hope"
// starting at token j, returning the token after it (j when none).
func skipOfPlace(p *para, j int) int {
	if j+1 >= len(p.toks) || p.toks[j].lower != "of" || p.toks[j].sep != " " || !p.toks[j+1].cap {
		return j
	}
	k := j + 1
	for k < len(p.toks) && p.toks[k].sep == " " && (p.toks[k].cap || p.toks[k].lower == "of" && k+1 < len(p.toks) && p.toks[k+1].cap) {
		k++
	}
	return k
}

// participle reports a speech verb opening a clause after a comma
// ("…, accusing the mayor of …"), whose subject is the sentence's.
func participle(t token) bool {
	return strings.HasSuffix(t.lower, "ing") && strings.Contains(t.sep, ",")
}

// nounPhrase keeps the words of an unnamed speaker right before the verb
// ("the letter says", "Turkish officials said", "the lawsuit from Norvala
// and Veloria, where …, argues"): up to four words opening with a
// determiner or a capital, with a "from X" tail, past an adverb ("the
// resolution initially said") and a clause between commas.
func (d *doc) nounPhrase(pi, from, v int) attribution {
	p := d.paras[pi]
	end := v
	for end-1 > from && strings.HasSuffix(p.toks[end-1].lower, "ly") && p.toks[end-1].sep == " " && p.toks[end].sep == " " {
		end--
	}
	beforeComma := skipParenthetical(p, from, end)
	skipped := beforeComma != end
	end = beforeComma
	k, head := end, end-1
	for k > from && end-k < 8 && !p.toks[k-1].poss {
		if (k < end || !skipped) && strings.ContainsAny(p.toks[k].sep, ",;:()—\"“”") {
			break
		}
		w := p.toks[k-1].lower
		capAfter := p.toks[k].cap || k+1 < end && p.toks[k+1].cap // "for Norvala", "for committee Democrats"
		if prep := w == "from" || w == "by" || w == "for" || w == "of"; prep && capAfter {
			head = k - 2
		} else if w == "and" && p.toks[k].cap {
			// "Norvala and Veloria", inside the phrase
		} else if (functionWords[w] && w != "the" && w != "a" && w != "an") || strings.HasSuffix(w, "ly") || end-k >= 4 && head == end-1 {
			break
		}
		k--
		if w == "the" || w == "a" || w == "an" {
			break
		}
	}
	if k == end || head < k || !(p.toks[k].cap || p.toks[k].lower == "the" || p.toks[k].lower == "a") {
		return attribution{ent: -1}
	}
	return attribution{found: true, ent: -1, np: p.text[p.toks[k].start:p.toks[head].end], desc: d.thingDescription(pi, head),
		headPi: pi, head: head}
}

// skipParenthetical steps back over ", where …," right before token end,
// returning where the words before it end (end itself when there is none).
func skipParenthetical(p *para, from, end int) int {
	if end >= len(p.toks) || !strings.Contains(p.toks[end].sep, ",") {
		return end
	}
	for j := end - 1; j > from && end-j <= 12; j-- {
		if strings.ContainsAny(p.toks[j].sep, ";:\"“”") {
			return end
		}
		if strings.Contains(p.toks[j].sep, ",") {
			switch p.toks[j].lower {
			case "where", "which", "who", "whose", "as", "in", "at", "on", "like":
				return j
			}
			return end
		}
	}
	return end
}

// unlistedVerbSpeaker reads ""…," Trump barked" and ""…?" Hannity
// pressed": a speaker named right after the closing mark and, right after
// the name, a word shaped like a verb in the past or present tense, whether
// or not it is a speech verb, since the place alone attributes. After a
// quotation that ends its sentence the clause must end there too
// ("Maddow repeated.", "Trump went on, …"), so that a new sentence is not
// taken for an attribution.
func (d *doc) unlistedVerbSpeaker(pi, a int, terminal bool) attribution {
	p := d.paras[pi]
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.para != pi || m.tok0 != a || m.inQuote || !d.canSpeak(m, -1) {
			continue
		}
		v := m.tok1
		if v >= len(p.toks) || p.toks[v].sep != " " || p.toks[v].sent != p.toks[a].sent || !verbShaped(p.toks[v]) {
			return attribution{ent: -1}
		}
		if terminal && !clauseEndsAfter(p, v) {
			return attribution{ent: -1}
		}
		at := d.fromMention(i)
		if at.found {
			at.post = true
			at.verb = verbPhrase(p, v, len(p.toks))
		}
		return at
	}
	return attribution{ent: -1}
}

// irregularPasts are past tenses that do not end in -ed, as used to
// attribute words ("shot back", "went on", "broke in").
var irregularPasts = toSet([]string{`went shot hit spoke broke cut threw struck swore bit made took gave put got held kept
brought felt found saw sent`})

// verbShaped reports a lower-case word shaped like a verb in the past
// (-ed, or an irregular past) or the present (-s): "barked", "went",
// "adds"; function words ("was", "has") are not.
func verbShaped(t token) bool {
	w := t.lower
	if t.cap || functionWords[w] || len(w) < 3 {
		return false
	}
	if irregularPasts[w] || strings.HasSuffix(w, "ed") && len(w) > 3 {
		return true
	}
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// pastShaped reports a lower-case word shaped like a verb in the past
// tense ("compared", "went"), which a plural noun never is.
func pastShaped(t token) bool {
	return !t.cap && !functionWords[t.lower] && (irregularPasts[t.lower] || strings.HasSuffix(t.lower, "ed") && len(t.lower) > 3)
}

// clauseEndsAfter reports a clause that ends after the verb at token v, or
// after one particle ("went on"), at the sentence's end or a comma.
func clauseEndsAfter(p *para, v int) bool {
	k := v + 1
	if k < len(p.toks) && p.toks[k].sent == p.toks[v].sent && p.toks[k].sep == " " && particles[p.toks[k].lower] {
		k++
	}
	return k >= len(p.toks) || p.toks[k].sent != p.toks[v].sent || strings.Contains(p.toks[k].sep, ",")
}

var particles = toSet([]string{`on back in up out off again`})

// tightAttribution reports a speaker named right after the closing mark,
// the verb right after the name and a clause opening or ending after it
// (""…?" Karvik asks as …"): an attribution even when the sentence goes
// on, where "Karvik described the ad …" starts a sentence of its own.
func (d *doc) tightAttribution(pi, a, v int) bool {
	p := d.paras[pi]
	if !clauseEndsAfter(p, v) && !(v+1 < len(p.toks) && subordinators[p.toks[v+1].lower]) {
		return false
	}
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.para == pi && m.tok0 == a && m.tok1 == v {
			return true
		}
	}
	return false
}

// signature reads a name signed after the closing mark with a dash, as
// embedded posts and epigraphs carry it (""…" — Ana Pell (@anapell)
// March 3"): the name right after the dash speaks.
func (d *doc) signature(pi int, s qspan, a int) attribution {
	p := d.paras[pi]
	if a >= len(p.toks) || !strings.ContainsAny(p.text[s.close:p.toks[a].start], "—–") {
		return attribution{ent: -1}
	}
	for i := range d.mentions {
		if m := &d.mentions[i]; m.para == pi && m.tok0 == a && m.kind == nameMention && d.canSpeak(m, -1) {
			at := d.fromMention(i)
			at.post = at.found
			return at
		}
	}
	return attribution{ent: -1}
}

// attributesAtClose reports a speech verb or a speaker right after the
// closing mark of s (""…," said Pell", ""…," Pell said", "“…” as Pell
// put it").
func (d *doc) attributesAtClose(pi int, s qspan) bool {
	p := d.paras[pi]
	a := p.tokIndex(s.close)
	if a < len(p.toks) && p.toks[a].lower == "as" {
		a++
	}
	if a >= len(p.toks) {
		return false
	}
	if speechVerbs[p.toks[a].lower] {
		return true
	}
	for i := range d.mentions {
		if m := &d.mentions[i]; m.para == pi && m.tok0 == a && !m.inQuote && d.canSpeak(m, -1) {
			return true
		}
	}
	return false
}

// reportedSpeech reports an attribution by a speech verb and its subject
// before the quotation, not by "according to", "per" or a colon alone.
func reportedSpeech(a attribution) bool {
	return a.verb != "" && a.verb != "according to" && a.verb != "per" && !a.colon
}

// describedName reads a name right before the verb at token v whose
// description fills tokens [a, name) ("former harbour master Ivo Brandt
// asked"), as an attribution after a finished quotation is written.
func (d *doc) describedName(pi, a, v int) attribution {
	p := d.paras[pi]
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.para != pi || m.tok1 != v || m.tok0 <= a || m.kind != nameMention || m.inQuote || p.toks[m.tok1-1].poss {
			continue
		}
		if d.canSpeak(m, v) && describesBefore(p, a, m.tok0) {
			return d.fromMention(i)
		}
	}
	return attribution{ent: -1}
}
