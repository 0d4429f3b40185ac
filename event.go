package dyad

// Event modes.
const (
	ModeAsserted     = "asserted"
	ModeHypothetical = "hypothetical"
	ModeNegated      = "negated"
	ModeFuture       = "future"
)

// Event is one coded event: who did what to whom, when and where.
type Event struct {
	ID        string     `json:"id"`
	Sentence  int        `json:"sentence"`
	Source    ActorRef   `json:"source"`
	Target    *ActorRef  `json:"target"`
	CAMEO     string     `json:"cameo"`
	Root      string     `json:"root"`
	PLOVER    string     `json:"plover"`
	Quad      int        `json:"quad"`
	Goldstein float64    `json:"goldstein"`
	Mode      string     `json:"mode"`
	Date      *string    `json:"date"`
	Place     *Place     `json:"place"`
	Trigger   Trigger    `json:"trigger"`
	Evidence  []Evidence `json:"evidence"`
}

// Trigger is the verb (or noun) that carries the event.
type Trigger struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Evidence is one piece of the explanation of an event: a span of the text
// and the rule or dictionary entry that used it.
type Evidence struct {
	Role  string `json:"role"` // source, target, verb, pattern, mode, date, place
	Text  string `json:"text,omitempty"`
	Start int    `json:"start,omitempty"`
	End   int    `json:"end,omitempty"`
	Entry string `json:"entry,omitempty"` // dictionary entry, as "file:line pattern"
}

// Quote is a stretch of reported speech and who said it.
type Quote struct {
	Text     string    `json:"text"`
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Speaker  *ActorRef `json:"speaker"`
	Verb     string    `json:"verb"`
	Sentence int       `json:"sentence"`
}

// Place is a place named in the text and resolved in the gazetteer.
type Place struct {
	Text    string  `json:"text"`
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Admin1  string  `json:"admin1"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	// Sentence is the index of the sentence the place is named in.
	Sentence int `json:"sentence"`
	// GeonameID identifies the gazetteer entry, 0 for a country.
	GeonameID int `json:"geonameid,omitempty"`
}
