package cluster

import "strings"

// stopwords are English function words plus the vocabulary every news
// report uses whatever it is about ("said", "officials", "week"). They carry
// no evidence that two articles report the same event, and early in a stream,
// before document frequencies have accumulated, they would otherwise weigh as
// much as names; dropping them is what keeps the first decisions of a stream
// as sound as the later ones (the fixed part of the IDF; see vocab.go).
var stopwords = makeSet(`
a about above according across after afterwards again against ago ahead all almost alone along already also
although always am among an and another any anyone anything are around as at away back be became because
become been before behind being below beside besides between beyond both but by can cannot could did do
does doing done down during each either else enough even ever every everyone everything far few first for
former from further get gets getting given go goes going gone got had has have having he her here hers
herself him himself his how however i if in including inside instead into is it its itself just last
later latter least less like likely made make makes making many may me meanwhile might mine more moreover
most mostly much must my myself near nearly neither never nevertheless next no nobody none nor not nothing
now of off often on once one only onto or other others otherwise our ours ourselves out over own per
perhaps quite rather really same second several she should since so some someone something sometimes still
such than that the their theirs them themselves then there thereby therefore these they third this those
though three through throughout thus to together too toward towards two under unless until up upon us
very via was we well were what whatever when whenever where whether which while who whoever whole whom
whose why will with within without would yet you your yours yourself yourselves
s t d ll m re ve don didn doesn isn wasn weren won wouldn couldn shouldn hasn haven hadn aren ain
said says say saying told tell tells asked ask added noted stated according report reported reports
reporting statement interview spokesman spokeswoman spokesperson official officials people person
year years month months week weeks day days today yesterday tomorrow time times morning afternoon evening
night tonight recent recently new news told time percent part number lot lots way ways thing things
think thought know known want wanted see seen look looked come came take took taken put use used
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
mr mrs ms dr jr sr st
also just even still already yet
`)

// entityStopwords are capitalised words that do not name anyone or
// anything: sentence-initial function words, pronouns, titles, weekdays and
// months. Titles are dropped so "President Donald Trump" and "Donald Trump"
// are one entity.
var entityStopwords = makeSet(`
a an the this that these those it its he she they we i you his her their our my your him them us me
but and or if so yet for nor as at by in on of to from with without into over under after before
while when where what who whom which why how then there here now not no yes all any some each every
monday tuesday wednesday thursday friday saturday sunday
jan january feb february mar march apr april may jun june jul july aug august sep sept september
oct october nov november dec december
mr mrs ms miss dr sir madam lady lord dame jr sr
president vice prime minister secretary senator sen rep representative gov governor mayor
gen general col colonel lt capt captain sgt adm admiral chancellor chairman chairwoman
king queen prince princess pope rev reverend judge attorney speaker leader
former acting deputy chief ceo director ambassador spokesman spokeswoman spokesperson
said says say told according also just however meanwhile still even after although though
breaking update updated live watch read more related photo video listen share advertisement
`)

func makeSet(words string) map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(words) {
		m[w] = struct{}{}
	}
	return m
}

func isStopword(w string) bool {
	_, ok := stopwords[w]
	return ok
}

func isEntityStopword(w string) bool {
	_, ok := entityStopwords[w]
	return ok
}
