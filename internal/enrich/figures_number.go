package enrich

import (
	"strconv"
	"strings"
)

// Reading the quantity of a figure: digits ("1,200", "3.5"), number words
// ("nine", "twenty-five", "two hundred"), vague counts ("dozens",
// "hundreds of thousands"), multipliers ("1.2 billion", "$5bn") and a
// currency sign before them.

// figQuantity is a number read at some tokens.
type figQuantity struct {
	from, to int // token range [from, to)
	value    float64
	currency string // unit given by a sign before the number ("dollar")
	vague    bool   // "dozens", "hundreds": the value is a lower bound
	word     bool   // written in words
}

var multiplierWords = map[string]float64{
	"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}

// gluedMultipliers follow digits without a space ("$5bn", "£3m", "10k").
var gluedMultipliers = map[string]float64{
	"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
}

// vagueCounts are plural number words; the value is the smallest count the
// word can mean ("dozens" is at least two dozen).
var vagueCounts = map[string]float64{
	"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2e6, "billions": 2e9,
}

var currencySigns = map[string]string{
	"$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₽": "ruble", "₴": "hryvnia", "₹": "rupee",
}

// dollarPrefixes name the dollar of a country ("HK$", "C$").
var dollarPrefixes = map[string]string{
	"us": "dollar", "hk": "hong kong dollar", "a": "australian dollar", "au": "australian dollar",
	"c": "canadian dollar", "ca": "canadian dollar", "nz": "new zealand dollar", "s": "singapore dollar",
}

// figureScanner reads figures in one paragraph's tokens.
type figureScanner struct {
	p        string
	toks     []scanTok
	headline bool
}

func (fs figureScanner) word(i int) string {
	if i < 0 || i >= len(fs.toks) || fs.toks[i].kind != scanWord {
		return ""
	}
	return fs.toks[i].low
}

func (fs figureScanner) punct(i int, s string) bool {
	return i >= 0 && i < len(fs.toks) && fs.toks[i].kind == scanPunct && fs.toks[i].low == s
}

func (fs figureScanner) glued(i int) bool {
	return i >= 0 && i < len(fs.toks) && !fs.toks[i].space
}

// quantityAt reads a quantity starting at token i.
func (fs figureScanner) quantityAt(i int) (figQuantity, bool) {
	q := figQuantity{from: i}
	j := i
	if cur, k, ok := fs.currencyAt(i); ok {
		q.currency, j = cur, k
	}
	t := fs.toks[j]
	switch {
	case t.kind == scanNum:
		v, err := strconv.ParseFloat(strings.ReplaceAll(t.low, ",", ""), 64)
		if err != nil {
			return q, false
		}
		q.value, j = v, j+1
		if m, ok := gluedMultipliers[fs.word(j)]; ok && fs.glued(j) {
			q.value, j = q.value*m, j+1
		}
	case q.currency != "":
		return q, false
	default:
		v, k, vague, ok := fs.wordNumber(j)
		if !ok {
			return q, false
		}
		q.value, q.vague, q.word, j = v, vague, true, k
	}
	for m, ok := multiplierWords[fs.word(j)]; ok; m, ok = multiplierWords[fs.word(j)] {
		q.value, j = q.value*m, j+1
	}
	q.to = j
	return q, true
}

// currencyAt reads a currency sign at i ("$", "€", "HK$") glued to a number.
func (fs figureScanner) currencyAt(i int) (unit string, next int, ok bool) {
	t := fs.toks[i]
	if t.kind == scanWord && fs.punct(i+1, "$") && fs.glued(i+1) && len(t.low) <= 2 {
		if u, known := dollarPrefixes[t.low]; known && i+2 < len(fs.toks) && fs.toks[i+2].kind == scanNum && fs.glued(i+2) {
			return u, i + 2, true
		}
		return "", 0, false
	}
	if t.kind != scanPunct {
		return "", 0, false
	}
	u, known := currencySigns[t.low]
	if !known || i+1 >= len(fs.toks) || fs.toks[i+1].kind != scanNum || !fs.glued(i+1) {
		return "", 0, false
	}
	return u, i + 1, true
}

// wordNumber reads a number in words at i: "nine", "twenty-five", "a
// dozen", "half a dozen", "dozens", "tens of thousands", "hundreds of
// thousands", "a hundred".
func (fs figureScanner) wordNumber(i int) (v float64, next int, vague, ok bool) {
	w := fs.word(i)
	switch {
	case w == "a" || w == "an":
		if fs.word(i+1) == "dozen" {
			return 12, i + 2, false, true
		}
		if m, ok := multiplierWords[fs.word(i+1)]; ok {
			return m, i + 2, false, true
		}
		return 0, 0, false, false
	case w == "half" && fs.word(i+1) == "a" && fs.word(i+2) == "dozen":
		return 6, i + 3, false, true
	case w == "tens" && fs.word(i+1) == "of":
		if m, ok := multiplierWords[strings.TrimSuffix(fs.word(i+2), "s")]; ok && m >= 1e3 {
			return 10 * m * 2, i + 3, true, true
		}
		return 0, 0, false, false
	}
	if c, ok := vagueCounts[w]; ok {
		if fs.word(i+1) == "of" {
			if m, ok := vagueCounts[fs.word(i+2)]; ok && m >= 2000 { // "hundreds of thousands"
				return c * m / 2, i + 3, true, true
			}
		}
		return c, i + 1, true, true
	}
	c, ok := cardinalWords[w]
	if !ok {
		return 0, 0, false, false
	}
	next = i + 1
	if c >= 20 && fs.punct(next, "-") && fs.glued(next) && fs.glued(next+1) {
		if u, ok := cardinalWords[fs.word(next+1)]; ok && u < 10 {
			c, next = c+u, next+2
		}
	}
	if fs.word(next) == "dozen" {
		c, next = c*12, next+1
	}
	return c, next, false, true
}
