package enrich

import "strings"

// What a figure counts: the plural noun after the number ("nine people",
// "71 coordinated attacks"), the word after a hyphen ("30-day"), a percent
// sign or word, or the currency before it.

// figureStops end the search for a counted noun: a function word means the
// number is not directly counting anything.
var figureStops = map[string]bool{
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "from": true,
	"by": true, "with": true, "and": true, "or": true, "but": true, "the": true, "a": true,
	"an": true, "that": true, "which": true, "who": true, "was": true, "were": true,
	"is": true, "are": true, "be": true, "been": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "said": true, "than": true, "as": true,
	"per": true, "after": true, "before": true, "since": true, "into": true, "over": true,
	"this": true, "these": true, "those": true, "its": true, "his": true, "her": true,
	"their": true, "it": true, "they": true, "he": true, "she": true, "we": true,
	"not": true, "no": true, "if": true, "when": true, "while": true, "about": true,
	"each": true, "times": true, "other": true, "others": true, "out": true,
	"where": true, "what": true, "how": true, "why": true, "whom": true,
}

// notPlural end in "s" without being plural nouns.
var notPlural = map[string]bool{
	"this": true, "his": true, "its": true, "was": true, "has": true, "is": true, "as": true,
	"us": true, "thus": true, "plus": true, "less": true, "unless": true, "yes": true,
	"news": true, "series": true, "species": true, "whereas": true, "perhaps": true,
	"besides": true, "towards": true, "afterwards": true, "sometimes": true, "always": true,
	"across": true, "hers": true, "ours": true, "yours": true, "theirs": true, "does": true,
	"goes": true, "says": true, "gets": true, "makes": true, "takes": true, "gives": true,
	"comes": true, "seems": true, "becomes": true, "remains": true, "means": true,
	"politics": true, "economics": true, "physics": true, "whose": true, "ts": true,
}

// irregularPlurals map plural nouns that do not end in a plain "s".
var irregularPlurals = map[string]string{
	"people": "person", "persons": "person", "children": "child", "men": "man", "women": "woman",
	"police": "police", "personnel": "personnel", "staff": "staff", "feet": "foot",
	"teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife",
	"knives": "knife", "halves": "half", "leaves": "leaf", "thieves": "thief",
	"wolves": "wolf", "shelves": "shelf", "buses": "bus", "gases": "gas", "crises": "crisis",
	"analyses": "analysis", "theses": "thesis", "heroes": "hero", "vetoes": "veto",
	"tomatoes": "tomato", "potatoes": "potato", "echoes": "echo", "dead": "dead",
	"cattle": "cattle", "livestock": "livestock", "aircraft": "aircraft", "troops": "troop",
	"dollars": "dollar", "pence": "penny", "bps": "basis point", "oxen": "ox", "lbs": "pound",
}

// fractionWords make a share, not a count ("two-thirds").
var fractionWords = map[string]bool{
	"half": true, "halve": true, "third": true, "quarter": true, "fourth": true, "fifth": true,
	"sixth": true, "seventh": true, "eighth": true, "ninth": true, "tenth": true,
}

// invariantUnits are abbreviations that count whatever the number.
var invariantUnits = map[string]bool{
	"km": true, "kg": true, "mph": true, "kmh": true, "mm": true, "cm": true, "ha": true,
}

// singularUnits may follow a count of one ("one person", "1 percent").
var singularUnits = map[string]bool{
	"person": true, "man": true, "woman": true, "child": true, "civilian": true,
	"soldier": true, "day": true, "week": true, "month": true, "year": true, "hour": true,
	"minute": true, "dollar": true, "euro": true, "pound": true, "mile": true,
	"kilometre": true, "kilometer": true, "ton": true, "tonne": true, "victim": true,
}

// outcomeWords after a counted noun belong to the figure ("nine people killed").
var outcomeWords = map[string]bool{
	"killed": true, "wounded": true, "injured": true, "dead": true, "missing": true,
	"arrested": true, "detained": true, "displaced": true, "evacuated": true,
	"captured": true, "released": true, "freed": true, "hurt": true, "hospitalised": true,
	"hospitalized": true, "rescued": true, "stranded": true, "affected": true,
	"exchanged": true, "executed": true, "deported": true,
}

// isCountedPlural reports whether a lower-case word reads as a plural noun.
func isCountedPlural(w string) bool {
	if _, ok := irregularPlurals[w]; ok {
		return true
	}
	if compoundPlural(w) != "" {
		return true
	}
	n := len(w)
	if n < 3 || w[n-1] != 's' || notPlural[w] || strings.ContainsAny(w, "'’") {
		return false
	}
	switch w[n-2] {
	case 's', 'u', 'i':
		return false // "loss", "bonus", "crisis"
	}
	return true
}

// singularUnit turns a plural noun into its singular ("casualties" →
// "casualty", "people" → "person").
func singularUnit(w string) string {
	if u, ok := irregularPlurals[w]; ok {
		return u
	}
	if u := compoundPlural(w); u != "" {
		return u
	}
	n := len(w)
	switch {
	case n < 3 || w[n-1] != 's':
		return w
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "zzes"):
		return w[:n-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	}
	return w[:n-1]
}

// unitAfter finds what the quantity q counts, looking at the tokens after
// it. It returns the unit and the end of the figure's text (exclusive
// token index).
func (fs figureScanner) unitAfter(q figQuantity) (unit string, end int, ok bool) {
	j := q.to
	if u, k, ok := fs.percentAt(j); ok {
		return u, k, true
	}
	if q.currency != "" {
		if w := fs.word(j); w == "dollars" || w == "dollar" {
			j++
		}
		return q.currency, j, true
	}
	if fs.punct(j, "-") && fs.glued(j) && fs.glued(j+1) && fs.word(j+1) != "" {
		return fs.hyphenUnit(j + 1)
	}
	if q.vague && fs.word(j) == "of" {
		j++
	}
	for k := j; k < j+3 && k < len(fs.toks); k++ {
		w := fs.word(k)
		if w == "" || figureStops[w] {
			break
		}
		if fs.countsAs(k, q) {
			end = k + 1
			if outcomeWords[fs.word(end)] {
				end++
			}
			return singularUnit(w), end, true
		}
		if _, isNum := cardinalWords[w]; isNum {
			break
		}
	}
	return "", 0, false
}

// percentAt reads "%", "percent", "per cent" and "percentage points" at j.
func (fs figureScanner) percentAt(j int) (string, int, bool) {
	switch {
	case fs.punct(j, "%"):
		return "percent", j + 1, true
	case fs.word(j) == "percent" || fs.word(j) == "pct":
		return "percent", j + 1, true
	case fs.word(j) == "per" && fs.word(j+1) == "cent":
		return "percent", j + 2, true
	case fs.word(j) == "percentage" && (fs.word(j+1) == "points" || fs.word(j+1) == "point"):
		return "percentage point", j + 2, true
	}
	return "", 0, false
}

// hyphenUnit reads the word after "30-": "30-day ceasefire",
// "three-year war", "45-year-old man". The noun the compound describes is
// part of the text.
func (fs figureScanner) hyphenUnit(k int) (string, int, bool) {
	unit := fs.word(k)
	if figureStops[unit] || unit == "" || fractionWords[strings.TrimSuffix(unit, "s")] {
		return "", 0, false // "three-fifths" is a share, not a count
	}
	end := k + 1
	if fs.punct(end, "-") && fs.glued(end) && fs.word(end+1) == "old" && fs.glued(end+1) {
		end += 2
	}
	// The noun the compound describes, after at most one adjective
	// ("30-day unconditional ceasefire").
	for n := 0; n < 2 && fs.describedWord(end); n++ {
		end++
		if !looksAdjective(fs.toks[end-1].low) {
			break
		}
	}
	return singularUnit(unit), end, true
}

// describedWord reports whether token i can be the noun (or an adjective
// before it) that a "30-day" compound describes.
func (fs figureScanner) describedWord(i int) bool {
	w := fs.word(i)
	return w != "" && !figureStops[w] && !outcomeWords[w] && (fs.headline || !fs.toks[i].isUpperStart(fs.p))
}

// looksAdjective guesses an adjective by its ending ("unconditional",
// "humanitarian", "nationwide").
func looksAdjective(w string) bool {
	for _, suf := range []string{"al", "ous", "ive", "ic", "ful", "less", "able", "ible", "ary", "ian", "wide", "long", "ed"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// compoundPlural singularises compounds of irregular plurals
// ("fishermen", "grandchildren", "spokeswomen"); "" when w is not one.
func compoundPlural(w string) string {
	for _, suf := range [...]struct{ plural, one string }{
		{"women", "woman"}, {"men", "man"}, {"children", "child"}, {"people", "person"},
	} {
		if strings.HasSuffix(w, suf.plural) && len(w) > len(suf.plural)+2 {
			return w[:len(w)-len(suf.plural)] + suf.one
		}
	}
	return ""
}

// countsAs reports whether word token k names what quantity q counts. A
// count of one takes a singular unit ("one person"), any other count a
// plural ("nine people") or an abbreviation ("20 km"). Inside a sentence a
// capitalised plural must look like a people's name ("Republicans",
// "Democrats", "Iraqis"): "Texas" or "Athens" are places, not counts.
func (fs figureScanner) countsAs(k int, q figQuantity) bool {
	w := fs.toks[k].low
	if invariantUnits[w] {
		return true
	}
	if q.value == 1 && !q.vague {
		return singularUnits[w]
	}
	if !isCountedPlural(w) {
		return false
	}
	if fs.headline || !fs.toks[k].isUpperStart(fs.p) {
		return true
	}
	return strings.HasSuffix(w, "ans") || strings.HasSuffix(w, "ats") || strings.HasSuffix(w, "is") && len(w) > 6
}
