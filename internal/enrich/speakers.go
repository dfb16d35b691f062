package enrich

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// How an article describes the people it names: the words a reader needs
// to know which side or group a speaker stands for, since gold labels and
// readers often name the group ("Republican lawmakers") where the text
// names the person ("Rep. Dana Orly (R-Minn.)").

// maxDescWords caps one appositive or clause of a description.
const maxDescWords = 20

// describe reads how the text describes the person named by tokens
// [core, e) of a capitalised run starting at k: descriptive words before
// the name ("Wal-Mart worker", "Veloran Attorney General", "Sen."), a
// party-state tag ("(R-Minn.)" → "Republican, Minnesota"), an "of" place
// ("of Norvala"), an appositive (", a spokeswoman for the campaign,") and
// a who-clause. "" when the text gives none.
func (d *doc) describe(p *para, k, core, e int) string {
	var parts []string
	if pre := d.premodifiers(p, k, core); pre != "" {
		parts = append(parts, pre)
	}
	end := p.toks[e-1].end
	if p.toks[e-1].dot && end < len(p.text) && isAbbrev(p.toks[e-1]) {
		end++ // "Jr."
	}
	return joinDesc(append(parts, describeAfter(p.text[end:])...))
}

func joinDesc(parts []string) string {
	out := parts[:0]
	for _, s := range parts {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, ", ")
}

// premodifiers returns the descriptive words before a name: its title
// prefix (tokens [k, core)) and the words right before the run joined by
// single spaces ("Fellow Tea Party organizer", "Wal-Mart worker"), or a
// role phrase before a comma ("the Norvalian president, Anselm Karvik").
func (d *doc) premodifiers(p *para, k, core int) string {
	if i := d.premodStart(p, k); i < core {
		if !saysWhat(p.toks[i:core]) {
			return "" // "the new Karvik": no role, no affiliation
		}
		return tokText(p, i, core-1)
	}
	if k == 0 || strings.TrimSpace(p.toks[k].sep) != "," {
		return ""
	}
	if _, ok := roleHeads[p.toks[k-1].lower]; !ok {
		return ""
	}
	j := d.premodStart(p, k-1)
	if j > 0 && (p.toks[j-1].lower == "the" || p.toks[j-1].poss) && p.toks[j].sep == " " {
		j--
	}
	return tokText(p, j, k-1)
}

// saysWhat reports words that name a role or an affiliation: a capital or
// a descriptor word.
func saysWhat(ts []token) bool {
	for _, t := range ts {
		if t.cap || descriptorWord(t.lower) {
			return true
		}
	}
	return false
}

// tokText is the text of tokens [i, j] with an abbreviation's dot.
func tokText(p *para, i, j int) string {
	end := p.toks[j].end
	if p.toks[j].dot && isAbbrev(p.toks[j]) {
		end++
	}
	return p.text[p.toks[i].start:end]
}

func isAbbrev(t token) bool {
	_, title := personTitles[t.lower]
	return title || utf8.RuneCountInString(t.text) <= 2 || stateNames[t.lower] != ""
}

// premodStart walks back from token k over descriptive words joined by
// single spaces and returns the first one (k when there are none):
// capitalised words, role and agent nouns ("organizer", "spokeswoman"),
// role modifiers, and one plain word right before such a noun ("tea
// party activist"); a possessive ends the walk ("Karvik's aide").
func (d *doc) premodStart(p *para, k int) int {
	i := k
	for i > 0 && k-i < 7 {
		t, next := p.toks[i-1], p.toks[i]
		if next.sep != " " && !(next.sep == ". " && t.dot && isAbbrev(t)) {
			break
		}
		switch {
		case functionWords[t.lower] && !(t.cap && !t.sentStart), speechVerbs[t.lower], prepositions[t.lower] && !t.cap:
			return i
		case t.poss:
			return i - 1
		case t.cap && !(t.sentStart && d.lowerSeen[t.lower]) && !t.shout:
		case descriptorWord(t.lower) || roleModifiers[t.lower] || demonyms[t.lower] != "":
		case i < k && !next.cap && (descriptorWord(next.lower) || orgHeads[next.lower]) && plainWord(t.lower):
		default:
			return i
		}
		i--
	}
	return i
}

// plainWord reports a lower-case word that can modify a noun: not a
// function word and not shaped like a verb or adverb.
func plainWord(w string) bool {
	if functionWords[w] || utf8.RuneCountInString(w) < 3 {
		return false
	}
	for _, suf := range []string{"ed", "ing", "ly"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

// descriptorWord reports a word that says what a person is: a title, a
// role noun, a party word or an agent noun ("organizer", "spokeswoman").
func descriptorWord(w string) bool {
	if _, ok := roleHeads[w]; ok {
		return true
	}
	if _, ok := personTitles[w]; ok {
		return true
	}
	if partyWords[w] || agentNouns[w] {
		return true
	}
	if utf8.RuneCountInString(w) < 6 || functionWords[w] || notAgents[w] {
		return false
	}
	for _, suf := range []string{"er", "or", "ist", "ian", "man", "woman", "person", "ant", "ee"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// partyWords name a political side.
var partyWords = toSet([]string{`democrat democrats democratic republican republicans gop independent conservative
liberal libertarian progressive socialist centrist moderate tory labour`})

// agentNouns are short or irregular words for what a person is.
var agentNouns = toSet([]string{`member official staffer activist lawyer analyst expert aide head owner
worker fellow scholar priest bishop cleric student resident voter donor plaintiff defendant victim witness
veteran critic ally rival supporter opponent co-founder cofounder host anchor`})

// notAgents end like agent nouns but are not.
var notAgents = toSet([]string{`another whether either neither rather however number member's october november
december september character matter letter order border quarter paper water summer winter corner manner
monster murder center centre power tower error mirror`})

// describeAfter reads what follows a name: a party-state tag, an "of"
// place, an appositive and a who-clause, each optional, in that order.
func describeAfter(rest string) []string {
	var parts []string
	if tag, n := partyTag(rest); n > 0 {
		parts, rest = append(parts, tag), rest[n:]
	}
	if of, n := ofPlace(rest); n > 0 {
		parts, rest = append(parts, of), rest[n:]
	}
	if app, n := appositive(rest); n > 0 {
		parts, rest = append(parts, app), rest[n:]
	}
	if who, n := whoClause(rest); n > 0 {
		parts = append(parts, who)
	}
	return parts
}

// ofPlace reads " of Norvala" or " of Our Lady of Hope" right after a
// name: "of" and a run of capitalised words.
func ofPlace(rest string) (string, int) {
	if !strings.HasPrefix(rest, " of ") {
		return "", 0
	}
	ts := tokenize(rest[4:])
	n := 0
	for n < len(ts) && (n == 0 || ts[n].sep == " ") {
		if !ts[n].cap && !(ts[n].lower == "of" && n+1 < len(ts) && ts[n+1].cap && ts[n+1].sep == " ") {
			break
		}
		n++
	}
	if n == 0 || !ts[n-1].cap {
		return "", 0
	}
	end := 4 + ts[n-1].end
	return strings.TrimSpace(rest[:end]), end
}

// appositive reads ", a spokeswoman for the campaign," after a name: the
// phrase up to the next comma (a state between commas, as in "Kansas
// City, Mo., branch", stays in), accepted when it says what the person is
// rather than going on with the sentence.
func appositive(rest string) (string, int) {
	if !strings.HasPrefix(rest, ",") {
		return "", 0
	}
	seg, n := clauseUntilComma(rest[1:])
	if seg == "" || !describesPerson(seg) {
		return "", 0
	}
	return expandPartyTags(seg), n + 1
}

// whoClause reads ", who heads the committee" after a name or appositive.
func whoClause(rest string) (string, int) {
	if !strings.HasPrefix(rest, ", who ") {
		return "", 0
	}
	seg, n := clauseUntilComma(rest[1:])
	return expandPartyTags(seg), n + 1
}

// clauseUntilComma returns the text up to the next comma, semicolon, dash,
// quotation mark or sentence end (at most maxDescWords words) and how many
// bytes it spans. A state abbreviation between commas does not end it.
func clauseUntilComma(s string) (string, int) {
	words := 0
	inWord := false
	for i := 0; i < len(s); {
		r, n := runeAt(s, i)
		switch {
		case r == ',':
			j := stateBetweenCommas(s[i+1:])
			if j < 0 {
				return strings.TrimSpace(s[:i]), i
			}
			i += 1 + j + 1 // past the state and the comma closing it
			continue
		case r == ';' || r == '—' || r == '–' || isDoubleMark(r) || r == '“' || r == '”':
			return strings.TrimSpace(s[:i]), i
		case r == '.' && (i+1 == len(s) || s[i+1] == ' ') && !abbrevBefore(s, i):
			return strings.TrimSpace(s[:i]), i
		case unicode.IsSpace(r):
			inWord = false
		case !inWord:
			inWord = true
			if words++; words > maxDescWords {
				return strings.TrimSpace(s[:i]), i
			}
		}
		i += n
	}
	return strings.TrimSpace(s), len(s)
}

// stateBetweenCommas reports " Mo., " — a state abbreviation standing
// between two commas after a city — by the offset in s of the closing
// comma, or -1.
func stateBetweenCommas(s string) int {
	j := strings.IndexByte(s, ',')
	if j <= 0 || j > 16 || stateNames[stateKey(s[:j])] == "" {
		return -1
	}
	return j
}

// abbrevBefore reports whether the dot at i ends an abbreviation ("Rep.",
// "Mo.", "D.C."): a title, a state, or a word of one or two letters.
func abbrevBefore(s string, i int) bool {
	j := i
	for j > 0 {
		r := runeBefore(s, j)
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= utf8.RuneLen(r)
	}
	w := strings.ToLower(s[j:i])
	if _, ok := personTitles[w]; ok {
		return true
	}
	return stateNames[stateKey(w)] != "" || utf8.RuneCountInString(strings.ReplaceAll(w, ".", "")) <= 2
}

// describesPerson accepts an appositive that says what someone is: it
// opens with an article or a determiner ("a spokeswoman for …"), an age,
// a short place phrase ("in western Norvala"), a party-state tag, a
// capitalised phrase holding a role ("Democrat of Norvala"), or plain
// words leading straight to a role noun ("advisory board member for …").
// Clauses ("became the latest …", "whose spokesman, …") are refused.
func describesPerson(seg string) bool {
	ts := tokenize(seg)
	if len(ts) == 0 {
		return false
	}
	first := ts[0]
	switch first.lower {
	case "a", "an", "the", "one", "his", "her", "their", "its":
		return true
	case "in", "of", "from", "at":
		return len(ts) <= 5 && anyCap(ts[1:])
	case "then", "now", "once", "formerly", "currently", "also":
		_, rest, _ := strings.Cut(seg, " ")
		return rest != "" && describesPerson(rest) // "then the director of …"
	}
	if unicode.IsDigit(rune(first.lower[0])) {
		return len(ts) <= 3 // an age: ", 31,"
	}
	if _, n := partyTag(", " + seg); n > 0 {
		return true
	}
	for i := 0; i < len(ts) && i < 6; i++ {
		t := ts[i]
		if descriptorWord(t.lower) {
			return true
		}
		if functionWords[t.lower] && !first.cap || speechVerbs[t.lower] || !t.cap && !plainWord(t.lower) && !roleModifiers[t.lower] {
			return false
		}
	}
	return false
}

func anyCap(ts []token) bool {
	for _, t := range ts {
		if t.cap {
			return true
		}
	}
	return false
}
