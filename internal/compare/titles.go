package compare

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/model"
)

// roleHeads are the nouns a title ends in, folded to one spelling.
var roleHeads = map[string]string{
	"president": "president", "minister": "minister", "secretary": "secretary", "premier": "premier",
	"chancellor": "chancellor", "spokesperson": "spokesperson", "spokesman": "spokesperson",
	"spokeswoman": "spokesperson", "aide": "aide", "adviser": "adviser", "advisor": "adviser",
	"envoy": "envoy", "ambassador": "ambassador", "chairman": "chair", "chairwoman": "chair",
	"chair": "chair", "senator": "senator", "sen": "senator", "representative": "representative",
	"rep": "representative", "congressman": "representative", "congresswoman": "representative",
	"governor": "governor", "gov": "governor", "mayor": "mayor", "general": "general", "gen": "general",
	"commander": "commander", "director": "director", "ceo": "chief executive", "judge": "judge",
	"justice": "justice", "speaker": "speaker", "king": "king", "queen": "queen", "prince": "prince",
	"pope": "pope", "candidate": "candidate", "nominee": "nominee", "attorney": "attorney",
	"lawmaker": "lawmaker", "chief": "chief", "leader": "leader", "official": "official",
	"head": "head", "founder": "founder", "coach": "coach", "captain": "captain",
}

// statusWords change what a title says about the person now.
var statusWords = setOf("former ex then late acting interim outgoing incoming deputy vice retired elect designate")

// conflictingStatus are the status words whose presence against absence is
// a contradiction: a former president is not the president. "late",
// "then" or "outgoing" only add what the other wording leaves unsaid.
var conflictingStatus = setOf("former acting interim deputy vice elect")

// pastWords say the person no longer holds the role.
var pastWords = setOf("resigned ousted retired departed outgone")

// titleJoiners may stand inside a title: "Secretary of State".
var titleJoiners = setOf("of for")

// title is one title an article gives a person.
type title struct {
	shown  string // as written: "former U.S. President"
	class  string // what it says: "former president"
	head   string
	status map[string]bool
	s      *sent
}

// titlesBefore reads the title written just before a name in a sentence:
// capitalised words, role nouns and status words, back to the first other
// word.
func titlesBefore(s *sent, form string) []title {
	var out []title
	for from := 0; from < len(s.text); {
		i := indexWord(s.text[from:], form)
		if i < 0 {
			break
		}
		i += from
		if t, ok := parseTitle(strings.Fields(s.text[:i])); ok {
			t.s = s
			out = append(out, t)
		}
		from = i + len(form)
	}
	return out
}

// parseTitle reads a title from the end of the words before a name.
func parseTitle(before []string) (title, bool) {
	start, caps, partial := len(before), 0, false
	for start > 0 {
		w := before[start-1]
		if strings.ContainsAny(w, ",;:()\"“”") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			break
		}
		k := strings.ToLower(strings.Trim(w, ".-"))
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case titleJoiners[k] && start < len(before):
		case modifiesAfterStatus(before, start):
			// "former trade minister": one lower-case word between a
			// status word and the role belongs to the title.
		case roleHeads[k] != "" || statusWords[k] || pastWords[k] || strings.HasPrefix(k, "ex-"):
		case stopwords[k] || !unicode.IsUpper(r) || caps == 3:
			// A lower-case word right before a bare role noun may belong
			// to the title ("political director"): the title is partial.
			partial = !stopwords[k] && !unicode.IsUpper(r) && len(before)-start == 1
			start = -start // stop
		default:
			caps++
		}
		if start < 0 {
			start = -start
			break
		}
		start--
	}
	words := before[start:]
	for len(words) > 0 && titleJoiners[strings.ToLower(words[0])] {
		words = words[1:]
	}
	t := title{status: map[string]bool{}}
	for _, w := range words {
		k := strings.ToLower(strings.Trim(w, ".-"))
		if h := roleHeads[k]; h != "" {
			t.head = h
		}
		if strings.HasPrefix(k, "ex-") {
			t.status["former"] = true
			k = strings.TrimPrefix(k, "ex-")
			if h := roleHeads[k]; h != "" {
				t.head = h
			}
		}
		if statusWords[k] {
			t.status[k] = true
		}
		if pastWords[k] {
			t.status["former"] = true
		}
	}
	if partial || t.head == "" || roleHeads[strings.ToLower(strings.Trim(words[len(words)-1], ".-"))] == "" {
		return t, false
	}
	t.shown = strings.Join(words, " ")
	if t.status["ex"] {
		delete(t.status, "ex")
		t.status["former"] = true
	}
	conflicting := make(map[string]bool)
	for w := range t.status {
		if conflictingStatus[w] {
			conflicting[w] = true
		}
	}
	t.class = strings.TrimSpace(strings.Join(sortedStrings(conflicting), " ") + " " + t.head)
	return t, true
}

// personTitles collects, per person key, the titles each article gives.
func personTitles(docs []*doc) map[string]map[*doc][]title {
	out := make(map[string]map[*doc][]title)
	for _, d := range docs {
		for _, f := range d.surface {
			if f.typ != model.Person {
				continue
			}
			for _, s := range d.sents {
				for _, t := range titlesBefore(s, f.form) {
					if out[f.key] == nil {
						out[f.key] = make(map[*doc][]title)
					}
					out[f.key][d] = append(out[f.key][d], t)
				}
			}
		}
	}
	return out
}

// titleConflicts finds people whose titles disagree between articles: one
// article's status word ("former") that another article never uses with
// the same role, or precise roles that share nothing ("senator" against
// "governor").
func titleConflicts(docs []*doc) []model.Discrepancy {
	byKey := personTitles(docs)
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := []model.Discrepancy{}
	for _, k := range keys {
		if d, ok := titleDiscrepancy(k, byKey[k], docs); ok {
			out = append(out, d)
		}
	}
	return out
}

// titleDiscrepancy compares the classes of title the articles give one
// person; articles agreeing on a class form one side.
func titleDiscrepancy(key string, per map[*doc][]title, docs []*doc) (model.Discrepancy, bool) {
	classes := make(map[string][]title) // class → one title per article
	for _, d := range docs {
		seen := make(map[string]bool)
		for _, t := range per[d] {
			if !seen[t.class] {
				seen[t.class] = true
				classes[t.class] = append(classes[t.class], t)
			}
		}
	}
	names := make([]string, 0, len(classes))
	for c := range classes {
		names = append(names, c)
	}
	sort.Strings(names)
	in := make(map[string]bool)
	for i, a := range names {
		for _, b := range names[i+1:] {
			if anyConflict(classes[a], classes[b], per) {
				in[a], in[b] = true, true
			}
		}
	}
	if len(in) < 2 {
		return model.Discrepancy{}, false
	}
	d := model.Discrepancy{Kind: "title", Subject: personName(key, docs)}
	for _, c := range sortedStrings(in) {
		v := model.DiscrepancyValue{Value: commonShown(classes[c])}
		for _, t := range classes[c] {
			v.ArticleIDs = append(v.ArticleIDs, t.s.doc.art.ID)
			v.Sentences = append(v.Sentences, sentenceOf(t.s))
		}
		d.Values = append(d.Values, v)
	}
	return d, true
}

func anyConflict(as, bs []title, per map[*doc][]title) bool {
	for _, a := range as {
		for _, b := range bs {
			if classesConflict(a, b, per) {
				return true
			}
		}
	}
	return false
}

// classesConflict: two titles disagree when they differ in status with the
// same role, or name different precise roles, and neither article also
// uses the other's class.
func classesConflict(a, b title, per map[*doc][]title) bool {
	if usesClass(per[a.s.doc], b.class) || usesClass(per[b.s.doc], a.class) || a.s.doc.outlet == b.s.doc.outlet {
		return false
	}
	// Different roles are no contradiction (a governor may be a
	// candidate too); the same role with and without "former" is.
	return a.head == b.head && a.class != b.class
}

func usesClass(ts []title, class string) bool {
	for _, t := range ts {
		if t.class == class {
			return true
		}
	}
	return false
}

// commonShown is the most frequent written form of a class of titles.
func commonShown(ts []title) string {
	count := make(map[string]int)
	best := ""
	for _, t := range ts {
		count[t.shown]++
		if best == "" || count[t.shown] > count[best] || (count[t.shown] == count[best] && t.shown < best) {
			best = t.shown
		}
	}
	return best
}

// personName is the longest name the articles give a key.
func personName(key string, docs []*doc) string {
	best := key
	for _, d := range docs {
		for _, e := range d.enr.Entities {
			if e.Key == key && (best == key || len(e.Name) > len(best)) {
				best = e.Name
			}
		}
	}
	return best
}

// modifiesAfterStatus reports the word before[start-1] standing between a
// status word and the role noun right after it: "former trade minister".
func modifiesAfterStatus(before []string, start int) bool {
	if start < 2 || len(before)-start != 1 {
		return false
	}
	w, prev := before[start-1], strings.ToLower(strings.Trim(before[start-2], ".-"))
	r, _ := utf8.DecodeRuneInString(w)
	k := strings.ToLower(w)
	return unicode.IsLower(r) && !stopwords[k] && roleHeads[k] == "" && statusWords[prev] &&
		!strings.ContainsAny(w, ",;:()\"“”")
}
