package compare

import (
	"math"
	"strconv"
	"strings"

	"parallax/internal/model"
)

// How a figure is read for comparison: what it counts (its unit, with
// people-like nouns folded to "person"), what happened to what it counts
// ("dead", "missing", "evacuated"), whether it is hedged, and how finely
// it is written, so that "about 4,000" meets 4,150 but "12" does not meet
// "14".

// personUnits are nouns that count people; each folds to "person", some
// with the outcome the noun itself says ("evacuees" are evacuated).
var personUnits = map[string]string{
	"person": "", "people": "", "resident": "", "civilian": "", "villager": "", "passenger": "",
	"worker": "", "adult": "", "individual": "", "soul": "", "victim": "",
	"dead": "dead", "death": "dead", "fatality": "dead", "body": "dead", "life": "dead",
	"casualty": "casualty", "injury": "injured", "evacuee": "evacuated", "refugee": "displaced",
	"arrest": "arrested", "detainee": "arrested", "hostage": "hostage",
}

// outcomeWords say what happened to the people a count counts, by the
// word (lower case) written near the number.
var outcomeWords = map[string]string{
	"dead": "dead", "killed": "dead", "kill": "dead", "killing": "dead", "kills": "dead", "died": "dead",
	"die": "dead", "dies": "dead", "death": "dead", "deaths": "dead", "fatalities": "dead",
	"perished": "dead", "drowned": "dead", "slain": "dead", "bodies": "dead", "toll": "dead",
	"injured": "injured", "wounded": "injured", "injuring": "injured", "wounding": "injured",
	"hurt": "injured", "injuries": "injured", "hospitalised": "injured", "hospitalized": "injured",
	"missing": "missing", "unaccounted": "missing",
	"evacuated": "evacuated", "evacuees": "evacuated", "displaced": "evacuated", "fled": "evacuated",
	"forced": "evacuated", "evacuation": "evacuated",
	"shelters": "sheltered", "sheltering": "sheltered", "sheltered": "sheltered",
	"arrested": "arrested", "arrests": "arrested", "detained": "arrested",
	"rescued": "rescued",
}

// estimateWords make a number a round guess; boundWords make it a limit.
// Either way it is hedged: "about 30" agrees with 27.
var estimateWords = []string{"about", "around", "roughly", "approximately", "nearly", "almost", "some",
	"estimated", "an estimated", "close to", "just over", "just under", "more or less", "circa"}
var boundWords = []string{"more than", "less than", "fewer than", "at least", "at most", "up to", "over",
	"under", "as many as", "as much as", "as few as", "no fewer than", "no more than", "upwards of", "topped"}

// vagueWords give no count: "dozens of people", "hundreds".
var vagueWords = setOf("dozens scores hundreds thousands millions billions tens several many few handful")

// incrementWords after a number make it a change, not a total: "two more
// bodies", "another 5".
var incrementWords = setOf("more additional extra further other another new")

// figureOf reads one figure of a sentence; ok is false for a number that
// says no total: vague, an increment, or inside a larger figure.
func figureOf(s *sent, f model.Figure) (valued, bool) {
	if f.Unit == "" || isVague(f.Text) {
		return valued{}, false
	}
	at := indexWord(s.text, f.Text)
	before, after := "", ""
	if at >= 0 {
		before, after = strings.ToLower(s.text[:at]), strings.ToLower(s.text[at+len(f.Text):])
	}
	words := lexWords(f.Text)
	for _, w := range words[1:] {
		if incrementWords[w] {
			return valued{}, false
		}
	}
	if prev := lastWords(before, 1); len(prev) == 1 && (prev[0] == "another" || prev[0] == "additional") {
		return valued{}, false
	}
	unit, outcome := f.Unit, ""
	if o, ok := personUnits[unit]; ok {
		unit, outcome = "person", o
	}
	if outcome == "" && unit == "person" {
		outcome = outcomeNear(before, after)
	}
	hw, hedge := hedgedBy(before, f.Text)
	var names map[string]bool
	if at >= 0 {
		names = namesNear(s, s.text[:at], s.text[at+len(f.Text):])
	}
	return valued{s: s, ctx: contextOf(s, before, after), names: names, kind: "number", unit: unit, outcome: outcome, value: strconv.FormatFloat(f.Value, 'g', -1, 64),
		shown: f.Text, num: f.Value, hedge: hedge, hedgeWords: hw, grain: grainOf(f.Value, f.Text)}, true
}

// isVague reports a figure given by a word of no definite size.
func isVague(text string) bool {
	ws := lexWords(text)
	for _, w := range ws {
		if isDigits(w) {
			return false
		}
	}
	return len(ws) > 0 && (vagueWords[ws[0]] || (len(ws) > 1 && vagueWords[ws[1]]))
}

// outcomeNear finds what happened to the people counted: the first outcome
// word in the words after the number, up to the next number, or in the
// three words before it ("killing at least 12").
func outcomeNear(before, after string) string {
	for i, w := range lexWords(after) {
		if i == 8 || isDigits(w) || cardinal[w] {
			break
		}
		if o := outcomeWords[w]; o != "" {
			return o
		}
	}
	prev := lastWords(before, 5)
	for i := len(prev) - 1; i >= 0 && i >= len(prev)-5; i-- {
		if o := outcomeWords[prev[i]]; o != "" {
			return o
		}
		if isDigits(prev[i]) {
			break
		}
	}
	return ""
}

// cardinal number words end the search for an outcome: they start the next
// figure.
var cardinal = setOf("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " +
	"sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million")

// lastWords are the last n words of s, lower case.
func lastWords(s string, n int) []string {
	ws := lexWords(s)
	return ws[max(0, len(ws)-n):]
}

// hedgedBy reports a hedge in the words just before a figure, returning
// them ("at least"), or in its own text ("nearly 1,000 people").
func hedgedBy(before, figure string) (string, bool) {
	tail := " " + strings.Join(lastWords(before, 3), " ") + " "
	head := " " + strings.Join(lexWords(figure), " ") + " "
	for _, list := range [][]string{estimateWords, boundWords} {
		for _, h := range list {
			if strings.HasPrefix(head, " "+h+" ") {
				return "", true
			}
			if strings.HasSuffix(tail, " "+h+" ") {
				return h, true
			}
		}
	}
	return "", false
}

// grainOf is how finely a number is written: 1 for "14", 100 for "4,300",
// 1e8 for "1.1 billion", 1e9 for "1bn". A rounded number stands for any
// value within half its grain.
func grainOf(v float64, text string) float64 {
	if v <= 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return 1
	}
	digits := ""
	for _, r := range text {
		if r >= '0' && r <= '9' || r == '.' {
			digits += string(r)
		} else if r != ',' && digits != "" {
			break
		}
	}
	sig := strings.Trim(strings.ReplaceAll(digits, ".", ""), "0")
	if digits == "" || sig == "" {
		// Written in words: "fourteen", "a dozen" are exact.
		return 1
	}
	// The grain is the place value of the last significant digit.
	g := math.Pow(10, math.Floor(math.Log10(v))-float64(len(sig)-1))
	return max(g, 1e-9)
}

// compatibleNumbers reports two figures that can state one value: equal,
// one a rounding of the other (within half its grain), or within the grain
// of a hedged one; never more than a quarter apart, for "just over 1bn"
// has a grain of a billion. Bounds count as values: "at least 12" against
// "14" is shown, for the reader sees two tolls.
func compatibleNumbers(x, y valued) bool {
	if x.num == y.num {
		return true
	}
	diff := math.Abs(x.num - y.num)
	tol := 0.0
	for _, v := range []valued{x, y} {
		switch {
		case v.hedge:
			tol = max(tol, v.grain)
		case v.grain >= 100:
			tol = max(tol, v.grain/2)
		}
	}
	return diff < min(tol, 0.25*max(math.Abs(x.num), math.Abs(y.num)))
}

// contextWidth is how many content words either side of a figure say what
// it is a figure of.
const contextWidth = 5

// contextOf weighs the content words next to a figure, as the sentence
// weighs them: "satellite cost … to build and launch".
func contextOf(s *sent, before, after string) map[string]float64 {
	ctx := make(map[string]float64)
	bw := contentWords(before)
	aw := contentWords(after)
	if len(aw) > 0 && !isDigits(aw[0]) {
		aw = aw[1:] // the unit itself, shared by construction
	}
	for i, ws := range [][]string{bw[max(0, len(bw)-contextWidth):], aw[:min(len(aw), contextWidth)]} {
		for _, w := range ws {
			if isDigits(w) || cardinal[w] {
				if i == 1 {
					break
				}
				continue
			}
			if wt := s.vec[w]; wt > 0 {
				ctx[w] = wt
			}
		}
	}
	return ctx
}

// contextCosine compares what two figures are figures of.
func contextCosine(a, b map[string]float64) float64 {
	var dotp, na, nb float64
	for _, w := range sortedKeys(a) {
		na += a[w] * a[w]
		dotp += a[w] * b[w]
	}
	for _, w := range sortedKeys(b) {
		nb += b[w] * b[w]
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dotp / math.Sqrt(na*nb)
}

// namesNear lists the entities named within six words of a figure.
func namesNear(s *sent, before, after string) map[string]bool {
	bw, aw := strings.Fields(before), strings.Fields(after)
	window := strings.Join(bw[max(0, len(bw)-6):], " ") + " # " + strings.Join(aw[:min(len(aw), 6)], " ")
	keys, _ := findNames(window, s.doc.surface)
	return keys
}

// namesDiffer reports figures written next to different names, none
// shared: "two senators, Flake and McCain" against "three state senators,
// Driggs, Pierce and Worsley".
func namesDiffer(x, y valued) bool {
	if len(x.names) == 0 || len(y.names) == 0 {
		return false
	}
	for k := range x.names {
		if y.names[k] {
			return false
		}
	}
	return true
}

// maxFactor is the most two figures of one quantity differ by: outlets
// that misreport or update a number rarely double it, while two figures
// of different things often lie further apart.
const maxFactor = 2.0

// withinFactor reports two positive numbers less than maxFactor apart.
func withinFactor(x, y float64) bool {
	hi, lo := max(x, y), min(x, y)
	return lo > 0 && hi < maxFactor*lo
}

// measureUnits are units of measure, money and time: every story gives
// many figures in them, so their unit alone never names a subject.
var measureUnits = setOf(`percent percentage point basis dollar euro pound yen yuan ruble rouble rupee
	crown krona krone franc peso real rand won lira shekel hryvnia zloty dinar dirham riyal cent penny
	year month week day hour minute second decade century time
	mile kilometre kilometer metre meter foot inch yard centimetre millimetre acre hectare
	kilogram kilo gram tonne ton ounce litre liter gallon barrel degree vote seat`)

// bareNumbers lists the numbers of a sentence written with digits outside
// its figures: "six arrests Wednesday, compared to 47 the previous night"
// gives 47 without its unit. Years are left out.
func bareNumbers(s string, figures []string) []float64 {
	for _, f := range figures {
		s = strings.ReplaceAll(s, f, " ")
	}
	var out []float64
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !(r >= '0' && r <= '9' || r == ',' || r == '.') }) {
		w = strings.Trim(strings.ReplaceAll(w, ",", ""), ".")
		if v, err := strconv.ParseFloat(w, 64); err == nil && !(v >= 1900 && v <= 2100 && !strings.Contains(w, ".")) {
			out = append(out, v)
		}
	}
	return out
}
