package export

import (
	"strconv"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/cameo"
)

// PLOVEREvent is an event in the PLOVER event data format: the PLOVER
// fields (id, date, event, mode, context, source and target actors with
// their text, eventText, text, location, language, publication) followed by
// dyad's own references to where the event comes from and how it was
// coded.
type PLOVEREvent struct {
	ID   string `json:"id"`
	Date string `json:"date"`
	// Event is the PLOVER event type; Mode and Context are the PLOVER mode
	// and context the CAMEO code implies, "" when it implies none.
	Event       string          `json:"event"`
	Mode        string          `json:"mode"`
	Context     string          `json:"context"`
	Source      []PLOVERActor   `json:"source"`
	Target      []PLOVERActor   `json:"target"`
	EventText   string          `json:"eventText"`
	Text        string          `json:"text"`
	Location    *PLOVERLocation `json:"location"`
	Language    string          `json:"language"`
	Publication string          `json:"publication"`

	// Where the event comes from: the document, its URL, the sentence
	// (index into the article's sentences) and the trigger's byte range in
	// the article text.
	Doc          string `json:"doc"`
	URL          string `json:"url,omitempty"`
	Sentence     int    `json:"sentence"`
	TriggerStart int    `json:"triggerStart"`
	TriggerEnd   int    `json:"triggerEnd"`
	// How it was coded: the CAMEO code, dyad's mode (asserted,
	// hypothetical, negated, future; PLOVER's "mode" is another notion),
	// the quad class and the Goldstein value.
	CAMEO     string  `json:"cameo"`
	Modality  string  `json:"modality"`
	QuadClass int     `json:"quadClass"`
	Goldstein float64 `json:"goldstein"`
}

// PLOVERActor is a source or target of a PLOVEREvent: the words of the text
// that name it and its codes.
type PLOVERActor struct {
	ActorText string `json:"actorText"`
	Name      string `json:"name"`
	Code      string `json:"code"`
	Country   string `json:"country"`
	Sector    string `json:"sector,omitempty"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// PLOVERLocation is where a PLOVEREvent happened.
type PLOVERLocation struct {
	PlaceText string  `json:"placeText"`
	Name      string  `json:"name"`
	Country   string  `json:"country"`
	Admin1    string  `json:"admin1"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	GeonameID int     `json:"geonameid,omitempty"`
}

// PLOVERRecord returns an event in the PLOVER format, or false for an
// event PLOVER has no type for (CAMEO root 01, public statements), which
// the PLOVER export leaves out. The id is "dyad-" and the event's global
// ID; the date is the event's Day; Target is [] without a target.
func PLOVERRecord(e *dyad.StoredEvent) (PLOVEREvent, bool) {
	if e.PLOVER == "" {
		return PLOVEREvent{}, false
	}
	c, _ := cameo.Lookup(e.CAMEO)
	p := PLOVEREvent{
		ID: "dyad-" + strconv.FormatInt(e.GlobalID, 10), Date: e.Day,
		Event: e.PLOVER, Mode: c.Mode, Context: c.Context,
		Source: []PLOVERActor{ploverActor(&e.Source)}, Target: []PLOVERActor{},
		EventText: e.Trigger.Text, Text: e.SentenceText, Language: "en", Publication: publisher(e.URL),
		Doc: e.Doc, URL: e.URL, Sentence: e.Sentence, TriggerStart: e.Trigger.Start, TriggerEnd: e.Trigger.End,
		CAMEO: e.CAMEO, Modality: e.Mode, QuadClass: e.Quad, Goldstein: e.Goldstein,
	}
	if e.Target != nil {
		p.Target = append(p.Target, ploverActor(e.Target))
	}
	if pl := e.Place; pl != nil {
		p.Location = &PLOVERLocation{PlaceText: pl.Text, Name: pl.Name, Country: pl.Country, Admin1: pl.Admin1,
			Lat: pl.Lat, Lon: pl.Lon, GeonameID: pl.GeonameID}
	}
	return p, true
}

func ploverActor(r *dyad.ActorRef) PLOVERActor {
	return PLOVERActor{ActorText: r.Text, Name: r.Name, Code: r.Code, Country: r.Country, Sector: r.Sector,
		Start: r.Start, End: r.End}
}
