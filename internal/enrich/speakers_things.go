package enrich

import "strings"

// Unnamed speakers ("the ad says", "the letter states", "the spokesperson
// said") are described by the phrase that introduced them earlier: "a new
// Karvik campaign ad", "a spokesperson for Lumen", "the lawsuit from
// Norvala and Veloria", or by who issued them ("The Karvik campaign
// retorted with an ad of its own").

// thingGroups gathers nouns that can refer back to one another.
var thingGroups = map[string]string{
	"ad": "ad", "ads": "ad", "advertisement": "ad", "commercial": "ad", "spot": "ad",
	"suit": "suit", "lawsuit": "suit", "complaint": "suit", "filing": "suit",
	"letter": "letter", "email": "letter", "e-mail": "letter", "memo": "memo", "memorandum": "memo",
	"statement": "statement", "release": "statement", "resolution": "resolution",
	"report": "report", "study": "report", "survey": "report", "ruling": "ruling", "opinion": "ruling",
	"post": "post", "tweet": "post", "message": "post", "video": "video", "editorial": "editorial",
	"spokesperson": "spokesperson", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
}

// maxThingLookback is how many paragraphs back an unnamed speaker's
// introduction is looked for.
const maxThingLookback = 4

// thingGroup is the group of a head noun, or "" when it names no speaker
// that can be traced back.
func thingGroup(w string) string {
	if g := thingGroups[w]; g != "" {
		return g
	}
	return roleHeads[w]
}

// thingDescription describes the unnamed speaker whose head noun is token
// h of paragraph pi: its own modifiers when it has some, else those of the
// nearest earlier phrase with a head of the same group.
func (d *doc) thingDescription(pi, h int) string {
	p := d.paras[pi]
	if h < 0 || h >= len(p.toks) {
		return ""
	}
	group := thingGroup(p.toks[h].lower)
	if desc := d.thingPhrase(pi, h); desc != "" || group == "" {
		return desc
	}
	for qi := pi; qi >= 1 && pi-qi <= maxThingLookback; qi-- {
		q := d.paras[qi]
		j := len(q.toks) - 1
		if qi == pi {
			j = h - 1
		}
		for ; j >= 0; j-- {
			if thingGroup(q.toks[j].lower) != group || inQuotation(q, q.toks[j].start) || titleOfName(q, j) {
				continue
			}
			if desc := d.thingPhrase(qi, j); desc != "" {
				return desc
			}
		}
	}
	return ""
}

// titleOfName reports a role word used as a title ("President Karvik").
func titleOfName(p *para, j int) bool {
	return p.toks[j].cap && j+1 < len(p.toks) && p.toks[j+1].cap && (p.toks[j+1].sep == " " || p.toks[j].dot)
}

func inQuotation(p *para, off int) bool {
	for _, s := range p.quotes {
		if off >= s.tstart && off < s.tend {
			return true
		}
	}
	return false
}

// thingPhrase is the noun phrase around head h without its determiner,
// with whoever opens the sentence when the phrase names no one ("Karvik
// campaign ad"); "" when it says no more than the head.
func (d *doc) thingPhrase(pi, h int) string {
	p := d.paras[pi]
	i := h
	for i > 0 && h-i < 5 && p.toks[i].sep == " " {
		t := p.toks[i-1]
		if t.poss {
			i--
			break
		}
		// A plain word before a capital is more often a verb ("join
		// President") than a modifier.
		if functionWords[t.lower] || speechVerbs[t.lower] || !(t.cap || plainWord(t.lower) && !p.toks[i].cap) {
			break
		}
		i--
	}
	end := p.toks[h].end
	if post := postmodifier(p, h+1); post > h {
		end = p.toks[post].end
	}
	phrase := p.text[p.toks[i].start:end]
	named := false
	for _, t := range p.toks[i:h] {
		named = named || t.cap
	}
	if end > p.toks[h].end {
		named = true
	}
	if !named {
		if owner := sentenceOwner(p, i); owner != "" {
			return owner + " " + phrase
		}
	}
	if i == h && end == p.toks[h].end {
		return ""
	}
	return phrase
}

// postmodifier reads "from Norvala and Veloria" or "for Lumen" after a
// head noun: a preposition and capitalised words (joined by "and", "of",
// "the"); it returns the last token, or -1.
func postmodifier(p *para, k int) int {
	if k >= len(p.toks) || p.toks[k].sep != " " {
		return -1
	}
	switch p.toks[k].lower {
	case "from", "by", "for", "of":
	default:
		return -1
	}
	last := -1
	for j := k + 1; j < len(p.toks) && j-k <= 8 && p.toks[j].sep == " "; j++ {
		t := p.toks[j]
		if t.cap {
			last = j
			continue
		}
		if t.lower != "and" && t.lower != "of" && t.lower != "the" {
			break
		}
	}
	return last
}

// sentenceOwner is the name that opens the sentence holding token i
// (after "The" or "A"), with a following organisation word ("Karvik
// campaign"), when it stands before i; "" otherwise.
func sentenceOwner(p *para, i int) string {
	s := i
	for s > 0 && p.toks[s-1].sent == p.toks[i].sent {
		s--
	}
	if inQuotation(p, p.toks[s].start) {
		return ""
	}
	if s < len(p.toks) && (p.toks[s].lower == "the" || p.toks[s].lower == "a") {
		s++
	}
	e := s
	for e < i && p.toks[e].cap && !p.toks[e].shout && !functionWords[p.toks[e].lower] && (e == s || p.toks[e].sep == " ") {
		e++
	}
	if e == s {
		return ""
	}
	for e < i && p.toks[e].sep == " " && orgHeads[p.toks[e].lower] {
		e++
	}
	return strings.TrimSpace(p.text[p.toks[s].start:p.toks[e-1].end])
}
