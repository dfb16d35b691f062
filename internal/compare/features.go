package compare

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/text"
)

// stopwords are function words and reporting verbs: they say how a thing was
// reported, not what was reported, so they carry no weight in matching.
var stopwords = setOf(`a about above after again against all also although am an and any are as at be
because been before being below between both but by can could did do does doing down during each
either few for from further had has have having he her here hers herself him himself his how i if in
into is it its itself just me more most my myself neither no nor not now of off on once only or other
our ours out over own same she should so some such than that the their theirs them then there these
they this those through to too under until up very was we were what when where which while who whom
why will with would you your yours yet us upon via per among amid whether since though however
said says say saying told tells tell stated states added adds according wrote writes asked noted
reported reportedly news agency media interview reporter reporters newspaper broadcaster also mr mrs ms dr one two new last week year years time like
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
s t ll re ve d m`)

func setOf(words string) map[string]bool {
	out := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		out[w] = true
	}
	return out
}

// stem folds the common English inflections so that "talks" meets "talk"
// and "proposed" meets "proposal" often enough; it need only be consistent.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 6 && strings.HasSuffix(w, "ing"):
		return w[:n-3]
	case n > 5 && strings.HasSuffix(w, "ed"):
		return w[:n-2]
	case n > 6 && strings.HasSuffix(w, "al"):
		return w[:n-2]
	case n > 4 && strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "ses"):
		return w[:n-1]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		return w[:n-1]
	}
	return w
}

// contentWords returns the stems of the words of s that are not stopwords.
func contentWords(s string) []string {
	words := text.Words(s)
	out := words[:0] // in place: each word is read before its slot is written
	for _, w := range words {
		if stopwords[w] || (utf8.RuneCountInString(w) < 2 && !isDigits(w)) {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

func isDigits(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// quoteMarks pairs opening and closing quotation marks.
var quoteMarks = map[rune]rune{'"': '"', '“': '”', '«': '»', '„': '“'}

// stripQuoted removes the passages inside double quotation marks: the words
// there are the speaker's, not the outlet's.
func stripQuoted(s string) string {
	// Most sentences quote nothing: they come back as they are (valid
	// UTF-8 only, since rewriting rune by rune turns a bad byte into
	// U+FFFD). A report strips every sentence several times.
	if !strings.ContainsAny(s, quoteOpeners) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var closing rune
	for _, r := range s {
		switch {
		case closing != 0 && r == closing:
			closing = 0
			b.WriteRune(' ')
		case closing != 0:
		case quoteMarks[r] != 0:
			closing = quoteMarks[r]
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// quoteOpeners are quoteMarks' keys.
const quoteOpeners = "\"“«„"

// findNames returns the entity keys named in s and s with those names
// blanked out, so that "Kiev" and "Kyiv" both become one key.
func findNames(s string, forms []nameForm) (map[string]bool, string) {
	keys := make(map[string]bool)
	for _, f := range forms {
		for from := 0; ; {
			i := indexWord(s[from:], f.form)
			if i < 0 {
				break
			}
			i += from
			keys[f.key] = true
			s = s[:i] + strings.Repeat(" ", len(f.form)) + s[i+len(f.form):]
			from = i + len(f.form)
		}
	}
	return keys, s
}

// indexWord finds needle in s at word boundaries.
func indexWord(s, needle string) int {
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], needle)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(needle)
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (i == 0 || !isWordChar(before)) && (end == len(s) || !isWordChar(after)) {
			return i
		}
		from = i + 1
	}
	return -1
}

func isWordChar(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// rawWords splits s into words keeping their case.
func rawWords(s string) []string {
	return rawWordRunes.fields(s)
}

// isCapital reports a word written with a capital: a name, or a word
// shouted in a quotation.
func isCapital(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// capitalised lists the words the story writes with a capital inside a
// sentence: names, which predicate words are not.
func capitalised(docs []*doc) map[string]bool {
	out := make(map[string]bool)
	for _, d := range docs {
		for _, s := range d.sents {
			for i, w := range rawWords(s.text) {
				if i > 0 && isCapital(w) {
					out[strings.ToLower(w)] = true
				}
			}
		}
	}
	return out
}

// predicateWords are the content stems of s that are neither names nor
// titles: what the sentence says happened, not who it is about.
func predicateWords(s string, names map[string]bool) []string {
	var out []string
	for i, w := range rawWords(s) {
		l := strings.ToLower(w)
		if stopwords[l] || roleHeads[l] != "" || (isCapital(w) && (i > 0 || names[l])) {
			continue
		}
		if utf8.RuneCountInString(l) < 2 && !isDigits(l) {
			continue
		}
		out = append(out, stem(l))
	}
	return out
}

// weighSentences builds each sentence's TF-IDF vectors over the story: words
// every sentence uses weigh little, rare shared words and names weigh most.
// The predicate vector leaves out names and titles.
func weighSentences(docs []*doc) {
	df := make(map[string]int)
	total := 0
	names := capitalised(docs)
	for _, d := range docs {
		for _, s := range d.sents {
			keys, rest := findNames(s.text, d.surface)
			s.keys = keys
			s.words = contentWords(rest)
			s.pred = predicateWords(rest, names)
			seen := make(map[string]bool)
			for _, w := range s.words {
				seen[w] = true
			}
			for k := range keys {
				seen["@"+k] = true
			}
			for t := range seen {
				df[t]++
			}
			total++
		}
	}
	for _, d := range docs {
		for _, s := range d.sents {
			s.vec = make(map[string]float64)
			for _, w := range s.words {
				s.vec[w] += idf(df[w], total)
			}
			for k := range s.keys {
				s.vec["@"+k] += idf(df["@"+k], total)
			}
			s.terms = sortedTerms(s.vec)
			s.norm = vecNorm(s.vec, s.terms)
			s.pvec = make(map[string]float64)
			for _, w := range s.pred {
				s.pvec[w] += idf(df[w], total)
			}
			s.pterms = sortedTerms(s.pvec)
			s.pnorm = vecNorm(s.pvec, s.pterms)
		}
	}
	numberTerms(docs)
}

// sortedTerms lists a vector's terms in order, so that sums over them do
// not depend on map order (floating-point addition is not associative).
func sortedTerms[V any](v map[string]V) []string {
	out := make([]string, 0, len(v))
	for t := range v {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

func vecNorm(v map[string]float64, terms []string) float64 {
	var sum float64
	for _, t := range terms {
		sum += v[t] * v[t]
	}
	return math.Sqrt(sum)
}

// predicateCosine compares what two sentences say happened.
func predicateCosine(a, b *sent) float64 {
	if a.pnorm == 0 || b.pnorm == 0 {
		return 0
	}
	return a.psparse.dot(b.psparse) / (a.pnorm * b.pnorm)
}

func idf(df, n int) float64 { return math.Log(float64(n+1)/float64(df)) + 0.5 }

// cosine is the cosine similarity of two sentences' vectors.
func cosine(a, b *sent) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	return a.sparse.dot(b.sparse) / (a.norm * b.norm)
}

// sparse is a vector as its terms' numbers, ascending, and weights. Terms
// are numbered in their sorted order, so a dot product sums the shared
// terms in the order dot over the maps does, to the same last bit.
type sparse struct {
	ids []int32
	ws  []float64
}

func (a sparse) dot(b sparse) float64 {
	var sum float64
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			sum += a.ws[i] * b.ws[j]
			i, j = i+1, j+1
		}
	}
	return sum
}

// numberTerms gives every sentence its vectors in sparse form, numbering
// the story's terms in sorted order.
func numberTerms(docs []*doc) {
	num := make(map[string]int32)
	for _, d := range docs {
		for _, s := range d.sents {
			for _, t := range s.terms {
				num[t] = 0
			}
			for _, t := range s.pterms {
				num[t] = 0
			}
		}
	}
	for i, t := range sortedTerms(num) {
		num[t] = int32(i)
	}
	toSparse := func(v map[string]float64, terms []string) sparse {
		sp := sparse{ids: make([]int32, len(terms)), ws: make([]float64, len(terms))}
		for i, t := range terms {
			sp.ids[i], sp.ws[i] = num[t], v[t]
		}
		return sp
	}
	for _, d := range docs {
		for _, s := range d.sents {
			s.sparse = toSparse(s.vec, s.terms)
			s.psparse = toSparse(s.pvec, s.pterms)
		}
	}
}
