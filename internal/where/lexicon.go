package where

import "strings"

// This file holds the small hand-written English vocabulary the place finder
// needs beside the GeoNames data: other names of countries, demonyms (which
// say which countries an article is about), the prepositions and nouns that
// mark a place, and the capitalised words that look like place names but
// seldom are.

// countryAliases are English names of countries that GeoNames' countryInfo
// does not give, by ISO 3166 alpha-3 code. They are matched like names:
// case-insensitively, diacritics folded.
var countryAliases = map[string][]string{
	"USA": {"United States of America", "America"},
	"GBR": {"Britain", "Great Britain"},
	"RUS": {"Russian Federation"},
	"SYR": {"Syrian Arab Republic"},
	"IRN": {"Islamic Republic of Iran", "Persia"},
	"KOR": {"Republic of Korea"},
	"PRK": {"Democratic People's Republic of Korea"},
	"PSE": {"Palestine", "Palestinian Territories", "Occupied Palestinian Territories", "West Bank", "Gaza Strip"},
	"CZE": {"Czech Republic"},
	"MKD": {"Macedonia"},
	"CIV": {"Cote d'Ivoire", "Côte d'Ivoire"},
	"MMR": {"Burma"},
	"COD": {"DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo"},
	"COG": {"Congo-Brazzaville", "Congo"},
	"NLD": {"Netherlands", "Holland"},
	"VAT": {"Vatican City", "Holy See"},
	"SWZ": {"Swaziland"},
	"CPV": {"Cape Verde"},
	"TLS": {"East Timor", "Timor-Leste"},
	"TUR": {"Turkiye", "Türkiye"},
	"BIH": {"Bosnia"},
	"VNM": {"Viet Nam"},
	"CHN": {"People's Republic of China", "Mainland China"},
	"TWN": {"Republic of China"},
	"LAO": {"Lao People's Democratic Republic"},
	"MDA": {"Republic of Moldova"},
	"TZA": {"United Republic of Tanzania"},
	"VEN": {"Bolivarian Republic of Venezuela"},
	"BOL": {"Plurinational State of Bolivia"},
	"GMB": {"The Gambia"},
	"BHS": {"The Bahamas"},
	"ARE": {"Emirates"},
	"KNA": {"St Kitts and Nevis", "St. Kitts and Nevis"},
	"LCA": {"St Lucia", "St. Lucia"},
	"VCT": {"St Vincent and the Grenadines", "St. Vincent and the Grenadines"},
	"FSM": {"Federated States of Micronesia"},
}

// abbreviations are country and region abbreviations matched only as
// written (case-sensitive): "US" is the United States, "us" is a pronoun.
// The value is an ISO3 code, or ISO2 "." admin1 code for a region.
var abbreviations = map[string]string{
	"US": "USA", "U.S.": "USA", "USA": "USA", "U.S.A.": "USA",
	"UK": "GBR", "U.K.": "GBR",
	"UAE": "ARE", "U.A.E.": "ARE",
	"DRC":  "COD",
	"D.C.": "US.DC", "DC": "US.DC",
}

// demonyms maps nationality adjectives (and plural nouns) to ISO3 codes.
// They never become places themselves; they tell which countries an article
// is about, which settles ambiguous names ("Tripoli" in an article about
// Lebanese politics), and constrain a following "city of X".
var demonyms = map[string]string{
	"afghan": "AFG", "afghans": "AFG", "albanian": "ALB", "algerian": "DZA", "american": "USA", "americans": "USA",
	"angolan": "AGO", "argentine": "ARG", "argentinian": "ARG", "armenian": "ARM", "australian": "AUS",
	"austrian": "AUT", "azerbaijani": "AZE", "bahraini": "BHR", "bangladeshi": "BGD", "belarusian": "BLR",
	"belgian": "BEL", "bolivian": "BOL", "bosnian": "BIH", "brazilian": "BRA", "british": "GBR", "bulgarian": "BGR",
	"burmese": "MMR", "burundian": "BDI", "cambodian": "KHM", "cameroonian": "CMR", "canadian": "CAN", "chadian": "TCD",
	"chilean": "CHL", "chinese": "CHN", "colombian": "COL", "congolese": "COD", "croatian": "HRV", "cuban": "CUB",
	"cypriot": "CYP", "czech": "CZE", "danish": "DNK", "dutch": "NLD", "ecuadorian": "ECU", "egyptian": "EGY",
	"egyptians": "EGY", "emirati": "ARE", "english": "GBR", "eritrean": "ERI", "estonian": "EST", "ethiopian": "ETH",
	"filipino": "PHL", "finnish": "FIN", "french": "FRA", "georgian": "GEO", "german": "DEU", "germans": "DEU",
	"ghanaian": "GHA", "greek": "GRC", "guatemalan": "GTM", "haitian": "HTI", "honduran": "HND", "hungarian": "HUN",
	"icelandic": "ISL", "indian": "IND", "indonesian": "IDN", "iranian": "IRN", "iranians": "IRN", "iraqi": "IRQ",
	"iraqis": "IRQ", "irish": "IRL", "israeli": "ISR", "israelis": "ISR", "italian": "ITA", "ivorian": "CIV",
	"jamaican": "JAM", "japanese": "JPN", "jordanian": "JOR", "kazakh": "KAZ", "kenyan": "KEN", "korean": "KOR",
	"kosovar": "XKX", "kuwaiti": "KWT", "kyrgyz": "KGZ", "latvian": "LVA", "lebanese": "LBN", "liberian": "LBR",
	"libyan": "LBY", "libyans": "LBY", "lithuanian": "LTU", "macedonian": "MKD", "malaysian": "MYS", "malian": "MLI",
	"mauritanian": "MRT", "mexican": "MEX", "moldovan": "MDA", "mongolian": "MNG", "montenegrin": "MNE",
	"moroccan": "MAR", "mozambican": "MOZ", "namibian": "NAM", "nepalese": "NPL", "nicaraguan": "NIC",
	"nigerian": "NGA", "nigerien": "NER", "norwegian": "NOR", "omani": "OMN", "pakistani": "PAK", "pakistanis": "PAK",
	"palestinian": "PSE", "palestinians": "PSE", "panamanian": "PAN", "paraguayan": "PRY", "peruvian": "PER",
	"polish": "POL", "portuguese": "PRT", "qatari": "QAT", "romanian": "ROU", "russian": "RUS", "russians": "RUS",
	"rwandan": "RWA", "salvadoran": "SLV", "saudi": "SAU", "saudis": "SAU", "scottish": "GBR", "senegalese": "SEN",
	"serbian": "SRB", "slovak": "SVK", "slovenian": "SVN", "somali": "SOM", "somalis": "SOM", "spanish": "ESP",
	"lankan": "LKA", "sudanese": "SDN", "swedish": "SWE", "swiss": "CHE", "syrian": "SYR", "syrians": "SYR",
	"taiwanese": "TWN", "tajik": "TJK", "tanzanian": "TZA", "thai": "THA", "tunisian": "TUN", "turkish": "TUR",
	"turks": "TUR", "turkmen": "TKM", "ugandan": "UGA", "ukrainian": "UKR", "ukrainians": "UKR", "uruguayan": "URY",
	"uzbek": "UZB", "venezuelan": "VEN", "vietnamese": "VNM", "welsh": "GBR", "yemeni": "YEM", "yemenis": "YEM",
	"zambian": "ZMB", "zimbabwean": "ZWE",
}

// locatives are the prepositions after which a name is read as where
// something happens ("in Belgrade", "near Aleppo").
var locatives = set("in", "at", "near", "outside", "inside", "around", "across", "throughout", "within",
	"nearby", "beyond", "off", "along")

// directionals are prepositions of motion: "to Latakia", "from Moscow". A
// name after them is a place unless it is known as a person's name.
var directionals = set("to", "from", "into", "toward", "towards", "via", "through", "onto", "out", "reached", "visit",
	"visited", "visiting", "leave", "left", "leaving", "entered", "flee", "fled", "fleeing")

// skippable are the words that may stand between a preposition and the
// place: "in the eastern", "near war-torn".
var skippable = set("the", "a", "northern", "southern", "eastern", "western", "central", "north", "south", "east",
	"west", "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western",
	"south-eastern", "south-western", "downtown", "besieged", "nearby", "neighbouring", "neighboring", "greater",
	"rural", "coastal", "occupied", "embattled", "battered", "restive", "war-torn", "rebel-held", "government-held",
	"opposition-held", "regime-held", "militant-held", "rebel-controlled", "government-controlled", "northernmost",
	"southernmost", "tiny", "remote")

// placeNouns follow a name to make it a place ("Latakia airbase", "Aleppo
// province") or precede "of" before one ("the outskirts of Aleppo").
var placeNouns = set("province", "provinces", "governorate", "region", "district", "districts", "city", "town",
	"village", "villages", "airbase", "airport", "base", "port", "countryside", "suburb", "suburbs", "outskirts",
	"area", "areas", "state", "district", "oblast", "county", "prefecture", "municipality", "neighbourhood",
	"neighborhood", "neighbourhoods", "neighborhoods", "streets", "centre", "center", "heart", "capital",
	"border", "borders", "coast", "enclave", "camp", "valley", "outpost", "front", "frontline", "parts",
	"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
	"north-west", "south-east", "south-west", "outside", "region's", "hospital", "prison", "stadium", "mosque",
	"square", "university")

// partitives before "of" make the name after a territory: "half of Syria",
// "a third of Iraq", "swathes of Anbar".
var partitives = set("half", "third", "quarter", "rest", "swathes", "swaths", "tracts", "much", "most",
	"territory", "control", "corner", "edge", "edges", "interior", "remainder")

// regionNouns after a name ask for the first-level division rather than
// the city: "Aleppo province" is the governorate.
var regionNouns = set("province", "governorate", "region", "oblast", "county", "prefecture", "provinces")

// modifierExempt are lower-case words that may follow a place without making
// it a modifier of a noun: "fled to Turkey last week", "in Moscow yesterday".
var modifierExempt = set("last", "next", "this", "yesterday", "today", "tonight", "tomorrow", "earlier", "later",
	"early", "late", "where", "which", "who", "whose", "that", "ago", "again", "soon", "instead", "too",
	"overnight", "recently", "now", "itself", "alone", "itself", "proper")

// eventNouns after a place name make an event held there, not a modifier:
// "the Vienna process", "the Geneva talks".
var eventNouns = set("process", "talks", "conference", "meeting", "meetings", "summit", "negotiations",
	"agreement", "accord", "accords", "declaration", "communique", "format", "round", "visit", "trip",
	"attack", "attacks", "bombing", "bombings", "blast", "offensive", "siege", "battle", "clashes", "fighting",
	"protest", "protests", "rally", "massacre", "airstrike", "airstrikes", "strike", "strikes")

// basedSuffixes after a hyphen make the name before a place: "Raqqa-based".
var basedSuffixes = set("based", "born", "bound", "area")

// qualifiedNouns may stand between a possessive country and a place:
// "Saudi Arabia's capital Riyadh", "Syria's northern city of Aleppo".
var qualifiedNouns = set("capital", "city", "town", "village", "port", "province", "governorate", "region",
	"northern", "southern", "eastern", "western", "central", "coastal", "second", "largest", "biggest", "of",
	"commercial", "ancient", "border", "main", "stronghold")

// stateQualifiers are abbreviations of US states (postal and AP style),
// read only after a comma that follows a place: "Lawrence, Kan.",
// "Baltimore, MD". Values are GeoNames admin1 keys. Keys have no final full
// stop.
var stateQualifiers = func() map[string]string {
	m := map[string]string{}
	for _, code := range strings.Fields("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO " +
		"MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC") {
		m[code] = "US." + code
	}
	ap := map[string]string{"Ala": "AL", "Ariz": "AZ", "Ark": "AR", "Calif": "CA", "Colo": "CO", "Conn": "CT",
		"Del": "DE", "Fla": "FL", "Ga": "GA", "Ill": "IL", "Ind": "IN", "Kan": "KS", "Kans": "KS", "Ky": "KY",
		"La": "LA", "Md": "MD", "Mass": "MA", "Mich": "MI", "Minn": "MN", "Miss": "MS", "Mo": "MO", "Mont": "MT",
		"Neb": "NE", "Nebr": "NE", "Nev": "NV", "N.H": "NH", "N.J": "NJ", "N.M": "NM", "N.Y": "NY", "N.C": "NC",
		"N.D": "ND", "Okla": "OK", "Ore": "OR", "Pa": "PA", "R.I": "RI", "S.C": "SC", "S.D": "SD", "Tenn": "TN",
		"Vt": "VT", "Va": "VA", "Wash": "WA", "W.Va": "WV", "Wis": "WI", "Wyo": "WY", "D.C": "DC"}
	for k, v := range ap {
		m[k] = "US." + v
	}
	return m
}()

// calendarWords are months and weekdays, never places ("in March").
var calendarWords = set("january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
	"tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")

// notPlaces are capitalised words that GeoNames lists as a place (or an
// alternate name of one) but that English news text uses as ordinary words,
// institutions, languages or given names. They are places only in a
// dateline or when a place noun or a country qualifies them.
var notPlaces = set(
	// common words
	"can", "name", "nice", "man", "pet", "pets", "luck", "male", "reading", "tour", "tours", "okay", "valley", "split",
	"hang", "spoken", "mobile", "tape", "soul", "salt", "roles", "grenade", "genes", "dual", "deli", "brack",
	"orange", "hope", "of", "are", "as", "one", "time", "more", "than", "see", "much", "best", "made", "most", "same",
	"say", "never", "off", "put", "long", "since", "price", "come", "week", "lot", "change", "ever", "deal", "far",
	"bad", "hard", "area", "send", "big", "set", "due", "real", "friendly", "date", "along", "store", "buy", "cat",
	"plan", "young", "tank", "market", "cage", "side", "human", "major", "worth", "media", "post", "goes", "turn",
	"born", "save", "city", "summer", "fully", "police", "bar", "union", "independence", "liberty", "unity",
	"progress", "victory", "enterprise", "commerce", "concord", "harmony", "friendship", "providence", "temple",
	"prairie", "mission", "paradise", "eden", "opportunity", "justice", "welcome", "industry", "energy", "university",
	"college", "center", "centre", "central", "north", "south", "east", "west", "mercy", "faith", "trust", "bath",
	"sale", "wells", "deal", "live", "most", "page", "gap", "march", "may", "polling", "holiday", "premier",
	"labour", "labor", "green", "greens", "reform", "mosque", "church", "cathedral", "kremlin", "pentagon",
	"parliament", "congress", "senate", "assembly", "council", "court", "supreme", "state", "states", "capitol",
	// languages and faiths
	"english", "arabic", "french", "russian", "persian", "farsi", "hebrew", "turkish", "kurdish", "islam",
	"christ", "god", "allah",
	// given names and surnames that are also towns
	"mary", "victoria", "florence", "charlotte", "jackson", "madison", "lincoln", "hamilton", "austin",
	"jordan", "georgia", "carter", "hammond", "cook", "douglas", "kingston", "chester", "clinton", "franklin",
	"washington", "columbus", "marion", "quincy", "warren", "lafayette", "salem", "troy", "homer", "eugene",
	"irving", "lawrence", "tyler", "sydney", "adelaide", "regina", "santiago", "sofia", "beria", "fatima",
	"elizabeth", "cary", "camden", "clifton", "kent", "bush", "time", "economy", "modern", "arab",
	// organisations and media
	"google", "reuters", "hezbollah", "hamas", "nusra", "daesh", "isis", "isil", "taliban", "nato", "opec",
)

// notPlacesEver are words that are never read as places, whatever precedes
// them.
var notPlacesEver = set("city", "gulf", "west", "east", "north", "south", "western", "eastern", "northern",
	"southern", "central", "middle", "upper", "lower", "capital", "coast", "best", "islands", "island", "federal",
	"interior", "highlands", "lakes", "mountains", "valley", "river", "sea", "ocean", "atlantic", "pacific",
	"kremlin", "pentagon", "parliament", "congress", "senate", "capitol", "english", "arabic",
	"persian", "farsi", "hebrew", "islam", "christ", "god", "allah", "google", "reuters", "hezbollah", "hamas",
	"nusra", "daesh", "isis", "isil", "taliban", "nato", "opec", "twitter", "facebook")

// lowerFunctionWords are words that, capitalised at the start of a sentence
// or a headline, do not make the next capitalised word part of a name.
var lowerFunctionWords = set("the", "a", "an", "in", "at", "on", "from", "to", "and", "but", "or", "for", "with",
	"by", "as", "after", "before", "during", "while", "when", "if", "of", "near", "outside", "inside", "across",
	"throughout", "within", "into", "towards", "toward", "via", "since", "until", "over", "under", "about",
	"meanwhile", "earlier", "later", "also", "then", "so", "yet", "speaking", "around", "across", "between",
	"beyond", "despite", "like", "unlike", "amid", "among", "against", "back", "even", "only", "just", "both",
	"related", "watch", "read", "update", "updated", "breaking", "photo", "video", "exclusive", "analysis", "opinion")

// titles are words that, capitalised before a name, make it a person's
// name: "Secretary Kerry", "President Assad".
var titles = set("president", "secretary", "minister", "mr", "mrs", "ms", "dr", "gen", "general", "king",
	"queen", "prince", "sheikh", "senator", "sen", "rep", "governor", "gov", "chancellor", "premier", "envoy",
	"ambassador", "spokesman", "spokeswoman", "colonel", "col", "lt", "captain", "capt", "commander", "judge",
	"justice", "pope", "imam", "rabbi", "father", "sir", "lord", "lady", "emir", "crown", "mayor", "chairman",
	"leader", "director", "chief", "officer", "professor", "prof", "saint")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
