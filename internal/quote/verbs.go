package quote

// speechVerbs maps the forms of the reporting verbs dyad knows to their
// lemma. Forms that are more often nouns or adjectives in news text
// ("states", "notes", "claims") are left out.
var speechVerbs = map[string]string{}

// speechActs are the lemmas whose quote is itself an event (a warning, a
// threat, an appeal): the event coder codes them from Quote.Verb and
// Quote.Speaker.
var speechActs = map[string]bool{
	"warn": true, "urge": true, "threaten": true, "accuse": true, "demand": true,
	"promise": true, "vow": true, "pledge": true, "appeal": true, "deny": true,
	"reject": true, "condemn": true, "criticise": true, "criticize": true,
	"praise": true, "blame": true, "caution": true, "apologise": true,
	"apologize": true, "complain": true, "allege": true, "charge": true, "plead": true,
}

func init() {
	// add registers the forms of lemma that are reporting verbs; the bare
	// lemma only where it is listed, since "demand", "promise" or "claim"
	// are nouns as often as verbs.
	add := func(lemma string, forms ...string) {
		for _, f := range forms {
			speechVerbs[f] = lemma
		}
	}
	add("say", "say", "says", "said", "saying")
	add("add", "add", "adds", "added", "adding")
	add("tell", "tell", "tells", "told", "telling")
	add("warn", "warn", "warns", "warned", "warning")
	add("urge", "urge", "urges", "urged", "urging")
	add("threaten", "threaten", "threatens", "threatened", "threatening")
	add("accuse", "accuse", "accuses", "accused", "accusing")
	add("demand", "demanded", "demanding")
	add("promise", "promised", "promising")
	add("respond", "responded", "responding")
	add("reply", "replied", "replying")
	add("state", "stated", "stating")
	add("declare", "declare", "declares", "declared", "declaring")
	add("announce", "announce", "announces", "announced", "announcing")
	add("note", "noted", "noting")
	add("insist", "insist", "insists", "insisted", "insisting")
	add("argue", "argue", "argues", "argued", "arguing")
	add("explain", "explain", "explains", "explained", "explaining")
	add("ask", "ask", "asks", "asked", "asking")
	add("write", "write", "writes", "wrote", "writing")
	add("tweet", "tweeted", "tweeting")
	add("claim", "claimed", "claiming")
	add("stress", "stressed", "stressing")
	add("emphasise", "emphasise", "emphasises", "emphasised", "emphasising")
	add("emphasize", "emphasize", "emphasizes", "emphasized", "emphasizing")
	add("reiterate", "reiterate", "reiterates", "reiterated", "reiterating")
	add("continue", "continued")
	add("conclude", "concluded")
	add("acknowledge", "acknowledge", "acknowledges", "acknowledged", "acknowledging")
	add("admit", "admit", "admits", "admitted", "admitting")
	add("concede", "concede", "concedes", "conceded", "conceding")
	add("confirm", "confirm", "confirms", "confirmed", "confirming")
	add("deny", "deny", "denies", "denied", "denying")
	add("suggest", "suggest", "suggests", "suggested", "suggesting")
	add("recall", "recalled", "recalling")
	add("remark", "remarked")
	add("observe", "observed")
	add("predict", "predict", "predicts", "predicted", "predicting")
	add("vow", "vowed", "vowing")
	add("pledge", "pledged", "pledging")
	add("caution", "cautioned", "cautioning")
	add("complain", "complain", "complains", "complained", "complaining")
	add("charge", "charged")
	add("counter", "countered")
	add("quip", "quipped")
	add("allege", "allege", "alleges", "alleged", "alleging")
	add("appeal", "appealed")
	add("plead", "pleaded")
	add("reject", "rejected")
	add("condemn", "condemn", "condemns", "condemned", "condemning")
	add("criticise", "criticise", "criticises", "criticised", "criticising")
	add("criticize", "criticize", "criticizes", "criticized", "criticizing")
	add("blame", "blamed", "blaming")
	add("apologise", "apologised")
	add("apologize", "apologized")
	add("mention", "mentioned")
	add("comment", "commented")
	// Verbs that put a label on something: "called the expulsions
	// "another provocation"", "dismissed the warning as "blackmail"".
	add("call", "called", "calling")
	add("dismiss", "dismissed", "dismissing")
	add("describe", "described", "describing")
	add("brand", "branded", "branding")
	add("label", "labelled", "labeled", "labelling", "labeling")
	add("term", "termed", "terming")
}

// Lemma returns the lemma of a reporting verb as Quote.Verb holds it
// ("warned" -> "warn"), or "" when the word is not one dyad knows.
func Lemma(verb string) string {
	return speechVerbs[lower(verb)]
}

// IsSpeechAct reports whether a quote introduced by verb is also an event to
// code (warned, urged, threatened, accused, demanded, promised, ...), as
// opposed to plain reporting (said, added, told).
func IsSpeechAct(verb string) bool {
	return speechActs[Lemma(verb)]
}

// Function words the attribution patterns step over or stop at.
var (
	// skipBeforeVerb stands between a speaker and the reporting verb: "Kerry
	// has also said", "he later told".
	skipBeforeVerb = map[string]bool{
		"has": true, "have": true, "had": true, "also": true, "then": true, "later": true,
		"again": true, "further": true, "previously": true, "reportedly": true,
		"recently": true, "earlier": true, "once": true, "would": true, "will": true,
		"could": true, "might": true, "may": true, "must": true, "should": true, "can": true,
		"did": true, "does": true, "do": true, "not": true, "never": true, "always": true,
		"repeatedly": true, "publicly": true, "privately": true, "separately": true,
		"subsequently": true, "first": true, "only": true, "just": true, "even": true,
		"still": true, "clearly": true, "explicitly": true, "flatly": true, "bluntly": true,
		"simply": true, "quickly": true, "openly": true, "angrily": true, "firmly": true,
		"immediately": true, "too": true, "already": true, "yet": true, "is": true,
		"was": true, "were": true, "are": true, "been": true, "quoted": true, "as": true,
		"reported": true, "widely": true,
	}
	pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true}
	// determiners before a reporting verb's form make it a noun: "the
	// warning", "his statement".
	determiners = map[string]bool{
		"the": true, "a": true, "an": true, "this": true, "his": true, "her": true,
		"its": true, "their": true, "our": true, "my": true, "your": true,
	}
	relatives = map[string]bool{"who": true, "which": true, "that": true}
	// conjunctions join a second reporting verb to the subject of the first.
	conjunctions = map[string]bool{"and": true, "but": true, "or": true, "then": true, "yet": true}
	// notSpeakerStart open a stretch after a quote that is not an
	// attribution: "“common ground” for a new resolution".
	notSpeakerStart = map[string]bool{
		"and": true, "but": true, "or": true, "which": true, "that": true, "because": true,
		"as": true, "if": true, "when": true, "while": true, "for": true, "from": true,
		"of": true, "in": true, "on": true, "at": true, "to": true, "with": true, "by": true,
		"after": true, "before": true, "despite": true, "so": true, "than": true, "is": true,
		"was": true, "were": true, "are": true, "be": true, "has": true, "have": true,
		"had": true, "will": true, "would": true, "could": true, "into": true, "over": true,
		"under": true, "about": true, "against": true, "between": true, "without": true,
	}
	// intros open a sentence with a phrase that holds no subject: "During
	// his speech, Kerry ..."
	intros = map[string]bool{
		"during": true, "after": true, "before": true, "speaking": true, "in": true,
		"on": true, "at": true, "following": true, "despite": true, "while": true,
		"when": true, "as": true, "with": true, "without": true, "amid": true,
		"since": true, "earlier": true, "later": true, "asked": true, "addressing": true,
		"writing": true, "meanwhile": true, "however": true, "separately": true,
		"also": true, "but": true, "and": true, "responding": true, "referring": true,
	}
	// afterVerbStop end the search for a speaker after an inverted verb:
	// "said in an interview with CNN" names the medium, not the speaker.
	afterVerbStop = map[string]bool{
		"in": true, "on": true, "at": true, "to": true, "during": true, "after": true,
		"before": true, "with": true, "from": true, "that": true, "when": true,
	}
)
