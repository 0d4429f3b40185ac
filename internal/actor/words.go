package actor

import "strings"

// variants maps spelling variants of transliterated names to one form, on
// both sides of a match: the dictionaries' phrases and the text's words.
var variants = map[string]string{
	"sergei": "sergey", "sergej": "sergey",
	"muhammad": "mohammed", "mohamed": "mohammed", "mohammad": "mohammed", "muhammed": "mohammed",
	"mohamad": "mohammed", "mohammod": "mohammed", "mohamad's": "mohammed",
	"qaida": "qaeda", "qa'ida": "qaeda", "qa'eda": "qaeda", "qaidah": "qaeda",
	"hizbollah": "hezbollah", "hizbullah": "hezbollah", "hizballah": "hezbollah", "hezballah": "hezbollah",
	"moammar": "muammar", "muammer": "muammar", "mu'ammar": "muammar",
	"gadhafi": "gaddafi", "qaddafi": "gaddafi", "qadhafi": "gaddafi", "kadhafi": "gaddafi", "gadafi": "gaddafi",
	"ahmad": "ahmed", "hussain": "hussein", "husain": "hussein", "husayn": "hussein",
	"usama": "osama", "yousef": "youssef", "yusuf": "youssef", "yousuf": "youssef", "yussef": "youssef",
	"da'esh": "daesh", "daiish": "daesh", "daash": "daesh",
	"shabab": "shabaab", "huthi": "houthi", "huthis": "houthis",
	"dmitri": "dmitry", "dmitriy": "dmitry", "alexei": "alexey", "aleksei": "alexey", "aleksey": "alexey",
	"yevgeniy": "yevgeny", "evgeny": "yevgeny", "evgeniy": "yevgeny",
	"zelenskyy": "zelensky", "zelenskiy": "zelensky", "zelenski": "zelensky",
	"rohani": "rouhani", "abdul": "abdel", "abd": "abdel", "el": "al",
	"jolani": "julani", "joulani": "julani", "golani": "julani", "jawlani": "julani",
	"muallem": "moualem", "moallem": "moualem",
	"taleban": "taliban", "mahmud": "mahmoud", "mahmood": "mahmoud", "hasan": "hassan",
}

// variant returns the normal form of a folded word.
func variant(w string) string {
	if v, ok := variants[w]; ok {
		return v
	}
	return w
}

// particles may be written in lower case inside a capitalised name.
var particles = set(`al el bin ibn bint ben de da das dos do di du del della der den van von la le y of the
and for in on at to 's ' ul ud et des`)

// lowerFirst are words that start a sentence in capitals but are never
// names, so a capitalised unknown word run never starts with them.
var lowerFirst = set(`the a an this that these those he she it they we i you his her its their our my your
but and or so yet if when while after before as at in on of for from with by to into over under about
there here what which who whom whose where why how then thus also still even just only not no yes
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december mr mrs ms dr sir earlier later meanwhile however although
though since until despite during both all some many most several few each every any one two three
speaking according following related watch photo advertisement read more follow update updated
is are was were be been has have had do does did will would can could should may might must shall
let let's please yes thanks jan feb mar apr jun jul aug sep sept oct nov dec`)

// modifiers are words that may stand between a determiner or nationality
// and an agent without breaking the phrase ("the top US diplomat").
var modifiers = set(`top senior former ex deputy acting then new chief veteran interim so-called so called
moderate armed main local hardline hard-line exiled leading prominent powerful foreign outgoing incoming
newly elected visiting regional national federal provincial rival allied pro-government anti-government
opposing sunni shiite shia kurdish arab islamist jihadist heavily reinforced several some many other
two three four five both young retired current longtime long-time`)

// armedHeads end the names of armed groups: an organisation unknown to the
// dictionaries named so ("the Rapid Support Forces", "the Free Idlib Army")
// is a militarised group of no state (code IMG), known by its name.
var armedHeads = set(`front army forces brigade brigades battalion battalions militia militias guard guards corps legion`)

// orgHeads end the names of organisations: a run of capitalised unknown
// words ending in one is an organisation, not a person.
var orgHeads = set(`group council front army forces force movement committee coalition union league brigade brigades
battalion battalions party organization organisation organisations organizations alliance agency office
ministry department commission court assembly parliament authority bureau institute foundation network
observatory association federation society fund company corporation tv television radio news
channel times post agency service services command corps militia militias guard guards regime government
administration cabinet senate congress university centre center initiative mission monitor watch
programme program project forum bloc caucus tribunal hospital`)

// Pronouns.
var (
	malePron   = set(`he him his himself`)
	femalePron = set(`she her hers herself`)
	pluralPron = set(`they them their theirs themselves`)
	possPron   = set(`his her their its whose`)
)

// Titles that say a person's gender.
var (
	maleTitles   = set(`mr mr. sir lord king prince sheikh sheik emir baron duke count ayatollah`)
	femaleTitles = set(`mrs mrs. ms ms. miss madam madame lady queen princess baroness dame duchess`)
)

// genderOfFirstName guesses a gender from a first name: a small hand-made
// list of common names in international news.
func genderOfFirstName(w string) string {
	switch {
	case maleNames[w]:
		return "male"
	case femaleNames[w]:
		return "female"
	}
	return ""
}

var maleNames = set(`john james robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory
alexander frank patrick raymond jack dennis jerry tyler aaron jose adam henry nathan douglas peter kyle walter
harold keith roger gerald carl terry sean arthur lawrence bruce albert gabriel alan juan wayne roy ralph
eugene vincent russell louis philip phil bobby johnny barack joe mike jim bill bob tom tony chuck ash ashton
rex hugh neil ian colin gordon nigel boris dominic keir rishi jeremy liam owen rupert
vladimir sergey sergei dmitry mikhail nikolai ivan alexey viktor yuri igor andrei oleg vitaly vasily yevgeny
petro volodymyr arseniy alexander aleksandr
bashar hafez walid faisal riyad riad khaled khalid ali mohammed muhammad ahmed ahmad mahmoud hassan hussein
omar umar abdullah abdel abdul ibrahim youssef mustafa salman hamad tamim zayed nawaz imran narendra recep
ahmet mevlut binali tayyip hakan ehud ariel shimon yair naftali benny avigdor yitzhak moshe ayman osama abu
hamid haider nouri masoud massoud qassem qasem javad ebrahim hassan mohsen abbas rami staffan lakhdar kofi
ban antonio jens geir ban francois emmanuel nicolas jacques laurent pierre jean-yves jean-marc manuel
olaf frank-walter helmut gerhard sigmar heiko matteo silvio mario giuseppe pedro mariano xi li wang shinzo
fumio yoshihide justin stephen malcolm scott kevin abiy uhuru cyril jacob muhammadu goodluck yoweri paul
idriss salva riek omar abdelaziz khalifa fayez aguila`)

var femaleNames = set(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie
rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce
victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline
frances gloria ann teresa kathryn sara janice alice julia judy grace denise amber marilyn beverly danielle
theresa sophia marie diana natalie isabella charlotte rose hillary federica ursula kamala nikki condoleezza
madeleine liz golda benazir indira marine segolene annalena mette jacinda sanna yulia valentina svetlana
irina natalia olga tatiana elena marina maria fatima aisha leila layla zainab mariam maryam nadia rania
hanan huda bouthaina bushra asma noor theresa priti suella penny kemi nicola jacinda giorgia kaja
ngozi ellen joyce samia hasina aung tsai`)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(s) {
		m[f] = true
	}
	return m
}
