package enrich

import "strings"

// exonyms maps older or foreign spellings and common aliases of places to
// one form (keys and values as foldName leaves them). General knowledge, not
// tuned to any corpus.
var exonyms = map[string]string{
	"kiev": "kyiv", "kharkov": "kharkiv", "lvov": "lviv", "odessa": "odesa",
	"nikolaev": "mykolaiv", "nikolayev": "mykolaiv", "lugansk": "luhansk",
	"zaporozhye": "zaporizhzhia", "zaporizhia": "zaporizhzhia", "dnepropetrovsk": "dnipro",
	"chernigov": "chernihiv", "rovno": "rivne", "kirovograd": "kropyvnytskyi",
	"turkey": "turkiye", "burma": "myanmar", "rangoon": "yangon",
	"bombay": "mumbai", "madras": "chennai", "calcutta": "kolkata", "bangalore": "bengaluru",
	"peking": "beijing", "canton": "guangzhou", "saigon": "ho chi minh city",
	"ceylon": "sri lanka", "siam": "thailand", "persia": "iran", "zaire": "democratic republic of the congo",
	"swaziland": "eswatini", "ivory coast": "cote divoire", "czech republic": "czechia",
	"macedonia": "north macedonia", "cape verde": "cabo verde", "east timor": "timor leste",
	"byelorussia": "belarus", "belorussia": "belarus", "moldavia": "moldova", "kirghizia": "kyrgyzstan",
	"holland": "netherlands", "the netherlands": "netherlands",
	"us": "united states", "usa": "united states", "u s": "united states", "america": "united states",
	"united states of america": "united states",
	"uk":                       "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
	"uae": "united arab emirates", "drc": "democratic republic of the congo",
	"mecca": "makkah", "gaza strip": "gaza", "tbilisi": "tbilisi", "tiflis": "tbilisi",
	"ashkhabad": "ashgabat", "alma ata": "almaty", "astana": "astana", "nur sultan": "astana",
	"bejing": "beijing", "koenigsberg": "kaliningrad", "konigsberg": "kaliningrad",
	"danzig": "gdansk", "breslau": "wroclaw", "pressburg": "bratislava",
	"soviet union": "ussr", "the soviet union": "ussr",
}

// placeNames lists countries, regions, US states and large cities, in
// foldName form (an underscore joins the words of one name), so mentions can be typed without context.
var placeNames = toSet(strings.Split(`afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria
burkina_faso burundi cambodia cameroon canada chad chile china colombia comoros congo costa_rica croatia cuba cyprus
czechia denmark djibouti dominica dominican_republic ecuador egypt el_salvador eritrea estonia eswatini ethiopia fiji
finland france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland
india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati korea north_korea south_korea
kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi
malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique
myanmar namibia nauru nepal netherlands new_zealand nicaragua niger nigeria north_macedonia norway oman pakistan palau
palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa san_marino saudi_arabia
senegal serbia seychelles sierra_leone singapore slovakia slovenia somalia south_africa south_sudan spain sri_lanka sudan
suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkiye turkmenistan
tuvalu uganda ukraine united_arab_emirates united_kingdom united_states uruguay uzbekistan vanuatu venezuela vietnam
yemen zambia zimbabwe england scotland wales northern_ireland europe asia africa antarctica oceania americas
middle_east latin_america north_america south_america central_asia balkans caucasus scandinavia baltic gaza west_bank
crimea donbas donbass donetsk luhansk kherson zaporizhzhia kharkiv odesa mykolaiv sumy lviv dnipro kyiv chernihiv
kursk belgorod moscow st_petersburg saint_petersburg kaliningrad siberia chechnya minsk warsaw berlin paris london
madrid rome vienna prague budapest bucharest sofia athens ankara istanbul antalya tehran baghdad damascus beirut amman
jerusalem tel_aviv cairo riyadh jeddah doha dubai abu_dhabi muscat kabul islamabad karachi lahore delhi new_delhi mumbai
chennai kolkata bengaluru dhaka kathmandu colombo beijing shanghai hong_kong guangzhou shenzhen taipei tokyo osaka seoul
pyongyang manila jakarta bangkok hanoi ho_chi_minh_city kuala_lumpur yangon canberra sydney melbourne wellington
ottawa toronto montreal vancouver mexico_city havana caracas bogota lima santiago buenos_aires brasilia sao_paulo
rio_de_janeiro nairobi addis_ababa lagos abuja johannesburg cape_town pretoria kinshasa khartoum tripoli tunis algiers
rabat dakar accra brussels amsterdam the_hague geneva zurich bern stockholm oslo copenhagen helsinki tallinn riga vilnius
dublin edinburgh lisbon belgrade zagreb sarajevo skopje tirana chisinau tbilisi yerevan baku astana almaty tashkent
washington new_york los_angeles chicago houston philadelphia phoenix san_antonio san_diego dallas san_francisco
boston seattle miami atlanta detroit denver las_vegas baltimore cleveland new_orleans pittsburgh st_louis kansas_city
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana iowa
kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada
new_hampshire new_jersey new_mexico north_carolina north_dakota ohio oklahoma oregon pennsylvania rhode_island
south_carolina south_dakota tennessee texas utah vermont virginia west_virginia wisconsin wyoming`, "\n"))

// demonyms maps nationality adjectives to the place they name, so "the
// Ukrainian president" can match a role given as "president of Ukraine".
var demonyms = map[string]string{
	"afghan": "afghanistan", "albanian": "albania", "algerian": "algeria", "american": "united states",
	"argentine": "argentina", "argentinian": "argentina", "armenian": "armenia", "australian": "australia",
	"austrian": "austria", "azerbaijani": "azerbaijan", "belarusian": "belarus", "belgian": "belgium",
	"bosnian": "bosnia", "brazilian": "brazil", "british": "united kingdom", "bulgarian": "bulgaria",
	"canadian": "canada", "chilean": "chile", "chinese": "china", "colombian": "colombia", "croatian": "croatia",
	"cuban": "cuba", "czech": "czechia", "danish": "denmark", "dutch": "netherlands", "egyptian": "egypt",
	"english": "england", "estonian": "estonia", "ethiopian": "ethiopia", "european": "europe", "finnish": "finland",
	"french": "france", "georgian": "georgia", "german": "germany", "greek": "greece", "hungarian": "hungary",
	"indian": "india", "indonesian": "indonesia", "iranian": "iran", "iraqi": "iraq", "irish": "ireland",
	"israeli": "israel", "italian": "italy", "japanese": "japan", "jordanian": "jordan", "kazakh": "kazakhstan",
	"kenyan": "kenya", "korean": "korea", "kuwaiti": "kuwait", "latvian": "latvia", "lebanese": "lebanon",
	"libyan": "libya", "lithuanian": "lithuania", "malaysian": "malaysia", "mexican": "mexico", "moldovan": "moldova",
	"moroccan": "morocco", "nigerian": "nigeria", "norwegian": "norway", "pakistani": "pakistan",
	"palestinian": "palestine", "peruvian": "peru", "philippine": "philippines", "filipino": "philippines",
	"polish": "poland", "portuguese": "portugal", "qatari": "qatar", "romanian": "romania", "russian": "russia",
	"saudi": "saudi arabia", "scottish": "scotland", "serbian": "serbia", "slovak": "slovakia", "slovenian": "slovenia",
	"somali": "somalia", "spanish": "spain", "sudanese": "sudan", "swedish": "sweden", "swiss": "switzerland",
	"syrian": "syria", "taiwanese": "taiwan", "thai": "thailand", "turkish": "turkiye", "ukrainian": "ukraine",
	"venezuelan": "venezuela", "vietnamese": "vietnam", "welsh": "wales", "yemeni": "yemen", "emirati": "united arab emirates",
	"soviet": "ussr", "north korean": "north korea", "south korean": "south korea", "south african": "south africa",
	"new zealand": "new zealand", "us": "united states", "u s": "united states", "uk": "united kingdom",
}

func toSet(lines []string) map[string]bool {
	set := make(map[string]bool)
	for _, line := range lines {
		for _, w := range strings.Fields(line) {
			set[strings.ReplaceAll(w, "_", " ")] = true
		}
	}
	return set
}
