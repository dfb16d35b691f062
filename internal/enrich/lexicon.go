package enrich

import "strings"

// Word lists of general English news usage. Keys are lower case.

// personTitles precede a person's name and are not part of it. The value is
// the gender the title implies: 'm', 'f' or 0.
var personTitles = map[string]byte{
	"mr": 'm', "mrs": 'f', "ms": 'f', "miss": 'f', "sir": 'm', "dame": 'f', "lord": 'm', "lady": 'f',
	"dr": 0, "prof": 0, "professor": 0, "president": 0, "vice": 0, "pres": 0, "premier": 0,
	"chancellor": 0, "minister": 0, "secretary": 0, "senator": 0, "sen": 0, "rep": 0, "representative": 0,
	"congressman": 'm', "congresswoman": 'f', "gov": 0, "governor": 0, "lt": 0, "mayor": 0, "judge": 0,
	"justice": 0, "gen": 0, "general": 0, "col": 0, "colonel": 0, "maj": 0, "major": 0, "capt": 0,
	"captain": 0, "adm": 0, "admiral": 0, "sgt": 0, "sergeant": 0, "commander": 0, "cmdr": 0,
	"king": 'm', "queen": 'f', "prince": 'm', "princess": 'f', "emperor": 'm', "pope": 'm',
	"father": 'm', "rev": 0, "reverend": 0, "rabbi": 0, "imam": 0, "sheikh": 'm', "ayatollah": 'm',
	"sheriff": 0, "speaker": 0, "ambassador": 0, "envoy": 0, "spokesman": 'm', "spokeswoman": 'f',
	"spokesperson": 0, "chairman": 'm', "chairwoman": 'f', "chair": 0, "director": 0, "chief": 0,
	"leader": 0, "deputy": 0, "attorney": 0, "prosecutor": 0, "aide": 0, "adviser": 0, "advisor": 0,
	"officer": 0, "detective": 0, "det": 0, "inspector": 0, "superintendent": 0, "jesuit": 0,
	"candidate": 0, "nominee": 0, "hon": 0, "lawmaker": 0, "patriarch": 'm', "metropolitan": 0,
	"mp": 0, "mep": 0, "msp": 0,
}

// roleHeads are the nouns of role references ("the Ukrainian president",
// "the Kremlin spokesperson"). Values group synonyms.
var roleHeads = map[string]string{
	"president": "president", "leader": "leader", "premier": "prime minister", "chancellor": "leader",
	"minister": "minister", "secretary": "secretary", "spokesperson": "spokesperson",
	"spokesman": "spokesperson", "spokeswoman": "spokesperson", "envoy": "envoy", "aide": "aide",
	"ambassador": "ambassador", "governor": "governor", "senator": "senator", "congressman": "lawmaker",
	"congresswoman": "lawmaker", "lawmaker": "lawmaker", "representative": "lawmaker", "mayor": "mayor",
	"chairman": "chair", "chairwoman": "chair", "chair": "chair", "director": "director", "chief": "chief",
	"head": "chief", "king": "monarch", "queen": "monarch", "monarch": "monarch", "pope": "pope",
	"general": "general", "commander": "commander", "judge": "judge", "sheriff": "sheriff",
	"candidate": "candidate", "nominee": "candidate", "speaker": "speaker", "adviser": "adviser",
	"advisor": "adviser", "negotiator": "negotiator", "prosecutor": "prosecutor", "ceo": "chief",
	"founder": "founder", "dictator": "leader", "strongman": "leader", "billionaire": "billionaire",
	"congressmember": "lawmaker", "prime": "prime minister", "attorney": "attorney", "businessman": "businessman",
	"official": "official", "diplomat": "diplomat", "commissioner": "commissioner", "pontiff": "pope",
	"mp": "lawmaker", "mep": "lawmaker", "msp": "lawmaker",
	// Abbreviated titles name the same roles ("Sen. Ana Pell" is a senator).
	"sen": "senator", "rep": "lawmaker", "gov": "governor", "pres": "president", "gen": "general",
	"front-runner": "candidate", "frontrunner": "candidate", "hopeful": "candidate",
}

// leaderRoles are roles "leader" may stand for.
var leaderRoles = map[string]bool{"president": true, "prime minister": true, "leader": true, "monarch": true, "chief": true}

// roleModifiers may sit between "the" and a role head without naming a
// place or organisation ("the former president", "the foreign minister").
var roleModifiers = map[string]bool{
	"former": true, "then": true, "foreign": true, "defense": true, "defence": true, "prime": true,
	"vice": true, "deputy": true, "interior": true, "finance": true, "state": true, "chief": true,
	"top": true, "senior": true, "new": true, "current": true, "outgoing": true, "incoming": true,
	"acting": true, "press": true, "presidential": true, "general": true, "attorney": true, "majority": true,
	"minority": true, "republican": true, "democratic": true, "longtime": true, "embattled": true,
	"veteran": true, "national": true, "security": true, "economy": true, "trade": true, "health": true,
	"justice": true, "communications": true, "campaign": true, "white": true, "house": true, "executive": true,
}

// orgHeads end (or begin, before "of") the names of organisations.
var orgHeads = toSet([]string{`party committee council ministry department agency office bank university college
court senate congress parliament commission association union company corporation inc corp ltd llc group institute
foundation fund service services news post times journal network army navy forces force police coalition campaign
organization organisation alliance federation center centre society administration board authority guard church
tribune herald telegraph gazette chronicle press review magazine radio tv television channel broadcasting
assembly cabinet duma rada kremlin pentagon bureau corps brigade battalion regiment league club team movement
front fleet airlines airways motors industries holdings partners capital media studios foundation trust
commission caucus legislature house school hospital register inquirer examiner observer monitor courier
dispatch bulletin wire appeal daily`})

// knownOrgs are organisations often written without a head word.
var knownOrgs = toSet([]string{`kremlin pentagon nato un eu fbi cia nsa kgb fsb gru opec imf who wto hamas hezbollah
taliban isis isil al_qaeda reuters tass ria interfax afp ap bbc cnn msnbc nbc abc cbs npr pbs politico axios
bloomberg google facebook meta twitter apple microsoft amazon tesla spacex gazprom rosneft naacp gop rnc dnc aclu
white_house state_department supreme_court european_union united_nations red_cross wagner telegram youtube tiktok
instagram whatsapp x truth_social walmart wal_mart`})

// speechVerbs introduce or attribute a quotation: the measured list
// (speechverbs.go) and "according" of "according to".
var speechVerbs = func() map[string]bool {
	m := map[string]bool{"according": true}
	for _, w := range measuredSpeechVerbs {
		m[w] = true
	}
	return m
}()

// pronounGender maps subject pronouns to gender; 'p' is plural.
var pronounGender = map[string]byte{"he": 'm', "she": 'f', "they": 'p'}

// prepositions make a following name an object, not a speaker.
var prepositions = toSet([]string{`in on at with by to for of from about against like as into onto over under
between among toward towards than after before during via per including despite without within upon through
aboard near behind beside around outside inside beyond alongside amid`})

// functionWords are capitalised only at a sentence start: never a name.
var functionWords = toSet([]string{`the a an and or but if when while as at in on of for to from by with after before
since until despite although though because so yet also still then thus however meanwhile moreover furthermore
this that these those there here it its he she they we i you his her their our my your him them us me who whom whose
what which where why how all some many most more much few several both each every any no not none one two three four
five six seven eight nine ten first last next other another such only even just now today yesterday tomorrow
earlier later instead rather already again once indeed perhaps maybe according asked speaking following amid
over under about between among during without within through across against toward towards upon via per
mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december is are was were be been has have had do does did will would can could
should shall might must let yes well oh dear please thanks thank`})

// givenNames are common first names with their usual gender; they tell a
// person's name from other capitalised runs and resolve "he" and "she".
var givenNames = func() map[string]byte {
	m := make(map[string]byte)
	for w := range toSet([]string{`james john robert michael william david richard joseph thomas charles christopher
daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander
frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan
jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan
billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby
philip johnny barack mitt rick ted newt mike marco bernie joe chuck mitch nancy hillary bill al dick jeb rand tim
oleksiy oleksii vladimir volodymyr dmitry dmitri sergei sergey andriy andrii yuri yuriy oleksandr alexei alexey mikhail boris ivan
igor viktor nikolai oleg pavel maxim denys denis olaf emmanuel friedrich recep tayyip benjamin bibi xi narendra
justin rishi keir boris emmanuel giorgia viktor andrzej kim moon shinzo fumio recep mohammed muhammad ahmed ali omar
hassan hussein abdullah khalid mahmoud bashar ismail ibrahim yusuf jens mark antonio olaf pedro luiz jair javier
deval raul jan todd rand elon jared marco lindsey kevin jim steve tom bob dan ben sam matt chris nick pat ray fred
ken greg jeff charlie harry jake luke max oscar leo hugo felix keith andy eric`}) {
		m[w] = 'm'
	}
	for w := range toSet([]string{`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine
debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice
jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana
brittany natalie isabella charlotte rose alexis kayla hillary michele sarah nikki kamala condoleezza madeleine
ursula angela theresa giorgia liz kaja kaja annalena marine yulia olena oksana iryna natalia tatiana svetlana
maria elena anita lis huma malia sasha michelle melania ivanka kellyanne betsy nikki tulsi elise susie karine
petra marta katarina kateryna yevgenia viktoria daria anastasia jen dana megyn meredith katie diane barbara oprah ruth sonia elena amy kirsten tammy dianne patty cory`}) {
		m[w] = 'f'
	}
	m["cory"] = 'm'
	return m
}()

// nameSuffixes follow a name without being its family name.
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// nameParticles may join the words of one name ("Charles de Gaulle").
var nameParticles = map[string]bool{"de": true, "da": true, "di": true, "du": true, "del": true, "della": true,
	"van": true, "von": true, "der": true, "den": true, "bin": true, "ibn": true, "al": true, "el": true, "la": true, "le": true}

func isOrgHead(w string) bool { return orgHeads[w] }

func joinWords(ws []string) string { return strings.Join(ws, " ") }

func isTitle(w string) bool {
	_, ok := personTitles[w]
	return ok
}
