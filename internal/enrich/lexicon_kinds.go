package enrich

import "strings"

// Common nouns that say what kind of thing a name is, for names no
// lexicon knows: "Hesk Valley", "the town of Carrow", "Valdhydro, the
// state operator". General English, not tuned to any corpus.

// placeHeads end the names of geographic features and streets ("Corvane
// Dam", "Mill Street"); a name ending in one is a place.
var placeHeads = toSet([]string{`dam river valley street strait straits lake mountain mountains bay island islands
road avenue square bridge point gulf sea ocean canal reservoir creek hills county province region district peninsula
coast harbour harbor airport beach forest desert plain plains heights highway boulevard motorway estuary delta glacier
falls fjord lagoon cove cape headland moor marsh basin ridge pass gorge canyon`})

// placeFirsts begin the names of geographic features ("River Asel",
// "Mount Elbrus", "Gulf of Sarn").
var placeFirsts = toSet([]string{`river lake mount mt gulf bay cape isle sea strait port`})

// placeOfHeads take an "of" inside a place name ("Gulf of Sarn", "Isle of
// Man").
var placeOfHeads = toSet([]string{`gulf bay sea strait straits isle island islands lake cape city kingdom state
province region port`})

// placeNouns are lower-case words for kinds of place: "the village of
// Carrow", "Kastrova, the Marovian city", "the Tessel reservoir".
var placeNouns = toSet([]string{`town towns village villages city cities capital island islands region regions
province provinces county district port harbour harbor valley river dam reservoir lake strait bay coast suburb
neighbourhood neighborhood borough municipality settlement hamlet country republic oblast canton prefecture`})

// featureNouns follow a place's own name in lower case: "the Tessel
// reservoir", "the Lindhaven port fire".
var featureNouns = toSet([]string{`reservoir river dam valley lake strait bay estuary port harbour harbor
coast peninsula`})

// orgNouns are lower-case words for kinds of organisation: "Valdhydro, the
// state operator", "the state-run operator Valdhydro".
var orgNouns = toSet([]string{`company operator firm utility corporation conglomerate group agency regulator
broadcaster newspaper outlet publisher bank lender insurer carrier airline manufacturer maker producer retailer
supplier developer contractor charity nonprofit organisation organization association union party ministry
department startup start-up subsidiary network platform website channel`})

// standaloneOrgs are organisation head words that name one institution on
// their own ("Congress passed …"); other heads alone ("Police",
// "Hospital", "Post") are generic nouns, not names.
var standaloneOrgs = toSet([]string{`congress senate parliament duma rada knesset bundestag kremlin pentagon
house legislature`})

// falseTitles are words for what a person is that journalese puts before a
// name like a title ("Schoolgirl Mia Roan", "Pensioner Ada Pell").
var falseTitles = toSet([]string{`schoolgirl schoolboy student pensioner grandmother grandfather grandma grandpa
mum dad mother widow widower teenager teen toddler farmer fisherman fishermen nurse teacher driver campaigner
activist lawyer economist analyst scientist engineer author writer novelist poet actor actress singer rapper
musician footballer striker goalkeeper coach manager businessman businesswoman entrepreneur tycoon boss
billionaire millionaire survivor resident volunteer firefighter paramedic surgeon midwife photographer
journalist reporter historian professor astronaut pilot soldier sergeant veteran bishop priest`})

// generics are capitalised at a sentence start but name nobody:
// indefinite pronouns and words for unnamed groups.
var generics = toSet([]string{`nobody somebody anybody everybody someone anyone everyone noone nothing something
anything everything people others many some most few both neither either none insiders sources critics residents
witnesses locals officials authorities experts analysts observers god`})

// genericWord reports a capitalised word that names nobody: a generic
// above, or at a sentence start the plural of a word for a kind of person
// ("Officials", "Engineers", "Campaigners").
func genericWord(t token) bool {
	if generics[t.lower] {
		return true
	}
	if !t.sentStart || !strings.HasSuffix(t.lower, "s") || len(t.lower) < 5 {
		return false
	}
	sing := strings.TrimSuffix(t.lower, "s")
	_, role := roleHeads[sing]
	return role || agentNouns[sing] || falseTitles[sing]
}

// leadingParticiple reports a sentence-initial "-ing" word ("Visiting Dunmere,
// the minister …"), which opens a clause rather than a name.
// Known places ("Beijing") and romanised names ("Nanjing", "Chongqing")
// are not participles.
func leadingParticiple(t token) bool {
	if !t.sentStart || !strings.HasSuffix(t.lower, "ing") || len(t.lower) < 6 || givenNames[t.lower] != 0 || isPlace(t.lower) {
		return false
	}
	before := t.lower[len(t.lower)-4]
	return before != 'j' && before != 'q' && before != 'x'
}

// roleWordPlural reports a plural title or role noun ("MPs", "Senators")
// that ends a run of capitals after an organisation ("Rural Party MPs").
func roleWordPlural(t token) bool {
	if !strings.HasSuffix(t.text, "s") || strings.HasSuffix(t.lower, "ss") || len(t.lower) < 3 || t.lower == "mrs" {
		return false // not "Mrs", "Press"
	}
	sing := strings.TrimSuffix(t.lower, "s")
	_, title := personTitles[sing]
	_, role := roleHeads[sing]
	return title || role
}
