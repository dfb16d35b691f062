package enrich

// Numbers that are not counts: years, dates, times, list markers, phone
// numbers, numbers inside names and ages after names.

// timeWords after a number make it a clock time.
var timeWords = map[string]bool{
	"am": true, "pm": true, "gmt": true, "utc": true, "edt": true, "est": true, "bst": true,
	"cet": true, "cest": true, "msk": true, "pdt": true, "pst": true, "cdt": true, "cst": true,
	"o'clock": true, "o’clock": true, "hrs": true, "local": true,
}

// notAFigure reports whether quantity q is a number that counts nothing.
func (fs figureScanner) notAFigure(q figQuantity) bool {
	if q.word {
		// A capitalised number word inside a sentence starts a name ("the
		// Five Eyes"); headlines capitalise every word. One glued to a
		// hyphen before it is inside a compound ("vomiting-for-four-hours").
		t := fs.toks[q.from]
		if q.from > 0 && !t.space && fs.punct(q.from-1, "-") {
			return true
		}
		return !fs.headline && t.isUpperStart(fs.p) && q.from > 0 && fs.toks[q.from-1].kind == scanWord
	}
	d := q.from
	if q.currency != "" {
		d = q.to - 1
		for d > q.from && fs.toks[d].kind != scanNum {
			d--
		}
	}
	if q.currency == "" && isYearToken(fs.p, fs.toks, d) && len(fs.toks[d].low) == 4 {
		if y, ok := numValue(fs.toks[d].low); ok && y >= 1900 && y <= 2100 {
			return true
		}
	}
	return fs.gluedToOthers(d) || fs.besideMonth(d, q.to) || fs.clockAfter(q.to) ||
		fs.listMarker(d) || fs.nameNumber(d, q) || fs.afterNumber(d) || labelWords[fs.word(d-1)]
}

// labelWords before a number make it a label, not a count: "type 2
// diabetes", "phase 3 trials", "group 2 cells".
var labelWords = map[string]bool{
	"type": true, "group": true, "phase": true, "level": true, "stage": true, "category": true,
	"class": true, "article": true, "section": true, "chapter": true, "number": true, "no": true,
	"grade": true, "round": true, "season": true, "episode": true, "part": true, "volume": true,
	"version": true, "step": true, "figure": true, "table": true, "page": true, "line": true,
	"room": true, "flight": true, "route": true, "gate": true, "tier": true, "model": true,
	"resolution": true, "amendment": true, "game": true, "week": true, "day": true,
}

// afterNumber reports a number right after another, which names a model
// rather than counting: "five 787 Dreamliners", "roughly 400 737 jets".
func (fs figureScanner) afterNumber(d int) bool {
	if d == 0 || !fs.toks[d].space {
		return false
	}
	prev := fs.toks[d-1]
	if prev.kind == scanNum {
		return true
	}
	_, isWord := cardinalWords[prev.low]
	return prev.kind == scanWord && isWord
}

// gluedToOthers reports a number joined to letters or to other numbers:
// "G7", "F-16", "11th", "5G", "2025-05-11", "10:00", "555-0123", "10-15".
func (fs figureScanner) gluedToOthers(d int) bool {
	if fs.glued(d) && d > 0 {
		prev := fs.toks[d-1]
		if prev.kind == scanWord {
			return true
		}
		if prev.kind == scanPunct {
			if _, isCurrency := currencySigns[prev.low]; !isCurrency && prev.low != "(" && prev.low != "“" && prev.low != "\"" && prev.low != "'" && prev.low != "‘" {
				return true
			}
		}
	}
	n := d + 1
	if !fs.glued(n) {
		return false
	}
	next := fs.toks[n]
	if next.kind == scanWord {
		_, mult := gluedMultipliers[next.low]
		return !mult && !invariantUnits[next.low]
	}
	switch next.low {
	case "-", "/", ":", "–":
		return fs.glued(n+1) && fs.toks[n+1].kind == scanNum
	case ")":
		return d > 0 && fs.punct(d-1, "(") && fs.glued(d)
	}
	return false
}

// besideMonth reports a day of a date: "May 15", "Jan. 28", "15 May",
// "15th of May".
func (fs figureScanner) besideMonth(d, after int) bool {
	isMonth := func(i int) bool {
		_, ok := monthByName[fs.word(i)]
		return ok && fs.toks[i].isUpperStart(fs.p)
	}
	prev := d - 1
	if fs.punct(prev, ".") && fs.glued(prev) {
		prev--
	}
	if isMonth(prev) {
		return true
	}
	if fs.word(after) == "of" {
		after++
	}
	return isMonth(after)
}

// clockAfter reports a time: "10 a.m.", "9pm", "14:00 GMT".
func (fs figureScanner) clockAfter(j int) bool {
	w := fs.word(j)
	if timeWords[w] {
		return true
	}
	return (w == "a" || w == "p") && fs.punct(j+1, ".") && fs.word(j+2) == "m"
}

// listMarker reports "1." or "2)" opening a paragraph.
func (fs figureScanner) listMarker(d int) bool {
	return d == 0 && (fs.punct(1, ".") || fs.punct(1, ")")) && fs.glued(1)
}

// nameNumber reports a number that is part of a name or an age after one:
// "Article 5 obligations", "Flight 370", "Smith, 45, said". Counts follow
// verbs and tenseDeterminers ("lost 30 tanks"), rarely a bare capitalised word,
// so one before a number marks a name even when a plural follows.
func (fs figureScanner) nameNumber(d int, q figQuantity) bool {
	if d == 0 || fs.headline {
		return false
	}
	if fs.punct(d-1, ",") && fs.punct(q.to, ",") && d >= 2 && fs.toks[d-2].kind == scanWord && fs.toks[d-2].isUpperStart(fs.p) {
		return true // an age: "Olga Marsh, 45, said"
	}
	prev := fs.toks[d-1]
	if prev.kind != scanWord || !prev.isUpperStart(fs.p) || dropPossessive(prev.low) != prev.low {
		return false
	}
	if d >= 2 && fs.toks[d-2].kind == scanPunct && fs.toks[d-2].low != "," || d == 1 {
		return false // the capitalised word opens a sentence: "About 30 people"
	}
	return true
}
