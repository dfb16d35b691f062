package enrich

import "strings"

// Speech verbs: the words that give a quotation to a speaker. The list is
// measured, not hand-picked from one corpus: candidates come from public
// references, the quote-verb list of the Gender Gap Tracker (SFU
// Discourse Processing Lab) and Levin's English verb classes of
// communication, judgement and characterisation (say, tell, manner of
// speaking, complain, advise, praise and blame, call and describe), with
// the attribution verbs of news style (tweet, post, vow, blast); each
// inflected form is then kept unless its use beside quotations in
// PolNeAR's training outlets speaks against it (keepVerb). The
// measurement, TestMeasureSpeechVerbs, writes speechverbs_list.go.

// candidateVerbLemmas are the candidates, in our own spelling.
var candidateVerbLemmas = `accept acknowledge add admit advise announce argue assert assure claim clarify
comment conclude confirm continue criticize declare decry denounce describe dispute exclaim explain
highlight indicate inform insist mention note notify point predict proclaim reassure remind reply report
respond restate retell say speak state suggest tell testify think tweet warn write
confess disclose observe propose recount reiterate relate remark repeat reveal
bark bellow chant cry groan growl grumble gush holler hiss howl moan mumble murmur mutter roar scream shout
shriek sigh snap snarl sneer stammer whisper whine yell laugh
complain boast brag gripe object protest caution counsel instruct alert
ask cite quote read relay answer recall remember
applaud assail blame castigate chastise condemn commend deride fault hail lambaste mock praise rebuke
ridicule scold thank welcome
characterize depict portray call dub label brand term refer
contend deny maintain wonder
urge plead implore beg demand vow pledge promise
counter rebut retort concede accuse allege charge blast slam joke quip interject
post email text message pen
echo stress emphasize elaborate summarize
criticise emphasise characterise summarise`

// irregularForms lists the forms of verbs that the regular rules of
// inflect would spell wrong.
var irregularForms = map[string][]string{
	"say": {"says", "said", "saying"}, "tell": {"tells", "told", "telling"},
	"write": {"writes", "wrote", "written", "writing"}, "speak": {"speaks", "spoke", "spoken", "speaking"},
	"think": {"thinks", "thought", "thinking"}, "read": {"reads", "read", "reading"},
	"retell": {"retells", "retold", "retelling"}, "quip": {"quips", "quipped", "quipping"},
	"snap": {"snaps", "snapped", "snapping"}, "jab": {"jabs", "jabbed", "jabbing"},
	"admit": {"admits", "admitted", "admitting"}, "rebut": {"rebuts", "rebutted", "rebutting"},
	"pen": {"pens", "penned", "penning"}, "refer": {"refers", "referred", "referring"}, "fire": {"fires", "fired", "firing"},
	"text": {"texts", "texted", "texting"}, "echo": {"echoes", "echoed", "echoing"},
	"cry": {"cries", "cried", "crying"}, "reply": {"replies", "replied", "replying"},
	"beg": {"begs", "begged", "begging"}, "brag": {"brags", "bragged", "bragging"},
	"dub": {"dubs", "dubbed", "dubbing"}, "slam": {"slams", "slammed", "slamming"},
	"decry": {"decries", "decried", "decrying"}, "notify": {"notifies", "notified", "notifying"},
	"clarify": {"clarifies", "clarified", "clarifying"}, "testify": {"testifies", "testified", "testifying"},
	"deny": {"denies", "denied", "denying"}, "summarize": {"summarizes", "summarized", "summarizing"},
}

// inflect spells the forms of a regular verb: base, third person, past
// and present participle.
func inflect(lemma string) []string {
	if forms, ok := irregularForms[lemma]; ok {
		return append([]string{lemma}, forms...)
	}
	third, past, ing := lemma+"s", lemma+"ed", lemma+"ing"
	switch {
	case strings.HasSuffix(lemma, "e"):
		past, ing = lemma+"d", lemma[:len(lemma)-1]+"ing"
	case strings.HasSuffix(lemma, "y") && !strings.ContainsRune("aeiou", rune(lemma[len(lemma)-2])):
		third, past = lemma[:len(lemma)-1]+"ies", lemma[:len(lemma)-1]+"ied"
	case strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "sh") || strings.HasSuffix(lemma, "ch") || strings.HasSuffix(lemma, "x"):
		third = lemma + "es"
	}
	return []string{lemma, third, past, ing}
}

// nounHomographs are forms of the candidates that news prose uses mostly
// as nouns ("press secretary", "in a statement", "in remarks"): taken
// for verbs they would stand in for the attribution they belong to.
var nounHomographs = toSet([]string{`press presses question questions message messages email emails text texts
post posts release releases issue issues fire fires charge charges remark remarks quote quotes comment comments
report reports point points state states tweet tweets call calls claim claims answer answers
appeal appeals challenge challenges protest protests joke jokes demand demands promise promises pledge pledges
brand brands term terms object objects label labels`})

// candidateForms are every inflected form of the candidates.
func candidateForms() map[string]bool {
	out := make(map[string]bool)
	for _, l := range strings.Fields(candidateVerbLemmas) {
		for _, f := range inflect(l) {
			if !nounHomographs[f] {
				out[f] = true
			}
		}
	}
	return out
}

// verbEvidence counts the uses of one form outside quotation marks
// (seen) and those within a few words of a quotation the gold attributes,
// in its sentence (near).
type verbEvidence struct{ seen, near int }

// Thresholds of keepVerb. In sentences that hold a quotation, common
// words stand within a few words of an attributed one in 18–35 % of their
// uses by chance (controlWords in the measurement); speech verbs in 40–80 %.
const (
	minVerbEvidence = 8    // uses needed to speak against a form
	chanceVerbShare = 0.20 // a share below what any word reaches
)

// keepVerb decides one form from its evidence: it is kept unless it is
// seen often beside quotations yet stands near attributed ones less often
// than any word does by chance.
func keepVerb(e verbEvidence) bool {
	if e.seen < minVerbEvidence {
		return true
	}
	return float64(e.near) >= chanceVerbShare*float64(e.seen)
}
