package dyad

// Actor is an entity found in an article, with every mention of it.
type Actor struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Country string `json:"country"` // ISO 3166 alpha-3, or "" for international bodies
	Sector  string `json:"sector"`  // GOV, MIL, REB, OPP, COP, ...
	Code    string `json:"code"`    // CAMEO actor code: USAGOV, SYRREB, IGOUNO, ...
	Type    string `json:"type"`    // person, state, organisation or group
	// Entries are the dictionary entries that identified the actor, as
	// "file:line" references, for explanation.
	Entries  []string  `json:"entries,omitempty"`
	Mentions []Mention `json:"mentions"`
}

// Actor types.
const (
	TypePerson       = "person"
	TypeState        = "state"
	TypeOrganisation = "organisation"
	TypeGroup        = "group"
)

// How a mention was found.
const (
	ViaDictionary  = "dictionary"
	ViaTitle       = "title"
	ViaCoreference = "coreference"
	ViaUnknown     = "unknown"
)

// Mention is one place in the text where an actor is named or referred to.
type Mention struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	Via      string `json:"via"`
}

// ActorRef is how events and quotes refer to an actor: the actor's codes and
// the mention that stands for it in that event or quote.
type ActorRef struct {
	Name    string `json:"name"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
	Code    string `json:"code"`
	Text    string `json:"text"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}
