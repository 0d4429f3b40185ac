package story

import (
	"net/url"
	"sort"
	"strings"
	"unicode"

	"github.com/dyad-project/dyad"
)

// Article is what the index needs of an analysed article.
type Article struct {
	// Doc identifies the article (dyad.Analysis.Doc); it must be unique.
	Doc string
	// URL is where the article was published, when known.
	URL string
	// Outlet names the publisher: distinct outlets are GDELT's "sources".
	// Articles with no outlet count as one unknown outlet.
	Outlet string
	// Published is the publication date YYYY-MM-DD, or "" when unknown; the
	// index then dates the article by the newest publication date it has
	// seen, as GDELT dates by crawl time.
	Published string
	// Title is the headline, used as a story's title.
	Title string
	// Body is the headline and body sentences, one a line, without captions
	// and boilerplate: the text compared for near-duplicates and the source
	// of the lead words.
	Body string
	// Events are the coded events of the article.
	Events []Event
	// Actors are the keys (see ActorKey) of the actors the article names.
	Actors []string
	// Places are the places the article names.
	Places []Place
}

// Event is one coded event of an article, reduced to what merging needs.
type Event struct {
	// ID is the event's id within its article ("e1").
	ID string
	// Sentence is the index of its sentence in the analysis.
	Sentence int
	// Source and Target are actor keys (see ActorKey); Target is "" for an
	// event without a target. SourceSector and TargetSector are the actors'
	// sectors (GOV, MIL, REB, ...), "" when unknown.
	Source, SourceSector string
	Target, TargetSector string
	// CAMEO is the full CAMEO event code ("0211").
	CAMEO string
	// Mode is asserted, hypothetical, negated or future.
	Mode string
	// Date is YYYY-MM-DD, YYYY-MM or YYYY, or "" when the text gives none.
	Date string
	// Place is where the event happened; the zero Place when unknown.
	Place Place
	// Lead reports whether the event comes from the headline or the lead
	// (GDELT's IsRootEvent).
	Lead bool
}

// Place is a place reduced to what comparing places needs.
type Place struct {
	// Name is the gazetteer's name (or the name as written when the place
	// is not geocoded); "" for a place that is a whole country.
	Name string `json:"name,omitempty"`
	// Country is the ISO 3166 alpha-3 code, "" when unknown.
	Country string `json:"country,omitempty"`
	// Lat and Lon are WGS84 coordinates, meaningful when GeonameID is set.
	Lat float64 `json:"lat,omitempty"`
	Lon float64 `json:"lon,omitempty"`
	// GeonameID identifies a geocoded place below the country level.
	GeonameID int `json:"geonameid,omitempty"`
}

// IsZero reports whether the place is unknown.
func (p Place) IsZero() bool { return p.Name == "" && p.Country == "" }

// leadParagraphs is how many body paragraphs (after the headline) make the
// lead of an article whose paragraphs are known: the standfirst or first
// paragraph, and the paragraph after it. leadSentences is the fallback when
// every sentence has the same paragraph number (an analysis read back from
// JSON, which does not carry paragraphs).
const (
	leadParagraphs = 2
	leadSentences  = 3
)

// FromAnalysis builds the Article for an analysis. The outlet is the
// publisher's name when the caller knows it, else "" to take the host of the
// article's URL (see Outlet). Events and places are reduced to keys; events
// of the headline and of the lead (the first two body paragraphs, or the
// first three body sentences when paragraphs are unknown) are marked Lead.
func FromAnalysis(a *dyad.Analysis, outlet string) Article {
	if outlet == "" {
		outlet = Outlet(a.URL)
	}
	out := Article{
		Doc:       a.Doc,
		URL:       a.URL,
		Outlet:    outlet,
		Published: a.Published,
		Title:     a.Title,
	}
	lead := leadOf(a.Sentences)
	var body strings.Builder
	for i := range a.Sentences {
		s := &a.Sentences[i]
		if s.Kind != dyad.KindHeadline && s.Kind != dyad.KindBody {
			continue
		}
		text := sentenceText(a, s)
		if s.Kind == dyad.KindHeadline && out.Title == "" {
			out.Title = strings.TrimSpace(text)
		}
		body.WriteString(text)
		body.WriteByte('\n')
	}
	out.Body = body.String()

	out.Events = make([]Event, 0, len(a.Events))
	for i := range a.Events {
		e := &a.Events[i]
		ev := Event{
			ID:           e.ID,
			Sentence:     e.Sentence,
			Source:       ActorKey(e.Source.Country, e.Source.Code, e.Source.Name),
			SourceSector: e.Source.Sector,
			CAMEO:        e.CAMEO,
			Mode:         e.Mode,
			Lead:         e.Sentence >= 0 && e.Sentence < len(lead) && lead[e.Sentence],
		}
		if e.Target != nil {
			ev.Target = ActorKey(e.Target.Country, e.Target.Code, e.Target.Name)
			ev.TargetSector = e.Target.Sector
		}
		if e.Date != nil {
			ev.Date = *e.Date
		}
		if e.Place != nil {
			ev.Place = placeOf(e.Place)
		}
		out.Events = append(out.Events, ev)
	}

	seen := map[string]bool{}
	for i := range a.Actors {
		k := ActorKey(a.Actors[i].Country, a.Actors[i].Code, a.Actors[i].Name)
		if k != "" && !seen[k] {
			seen[k] = true
			out.Actors = append(out.Actors, k)
		}
	}
	sort.Strings(out.Actors)
	for i := range a.Places {
		out.Places = append(out.Places, placeOf(&a.Places[i]))
	}
	return out
}

// sentenceText returns the sentence's text, from the analysed text when the
// sentence does not carry it.
func sentenceText(a *dyad.Analysis, s *dyad.Sentence) string {
	if s.Text != "" {
		return s.Text
	}
	if 0 <= s.Start && s.Start <= s.End && s.End <= len(a.Text) {
		return a.Text[s.Start:s.End]
	}
	return ""
}

// leadOf marks the sentences of the headline and the lead.
func leadOf(sents []dyad.Sentence) []bool {
	lead := make([]bool, len(sents))
	paras := map[int]bool{}
	var body []int
	for i := range sents {
		switch sents[i].Kind {
		case dyad.KindHeadline:
			lead[i] = true
		case dyad.KindBody:
			body = append(body, i)
			paras[sents[i].Para] = true
		}
	}
	if len(paras) > 1 {
		seen := 0
		last := -1
		for _, i := range body {
			if p := sents[i].Para; p != last {
				seen++
				last = p
			}
			if seen > leadParagraphs {
				break
			}
			lead[i] = true
		}
		return lead
	}
	for k, i := range body {
		if k == leadSentences {
			break
		}
		lead[i] = true
	}
	return lead
}

// placeOf reduces a dyad.Place: a place with a country and no GeonameID is
// the country itself; a place with neither is a name without coordinates.
func placeOf(p *dyad.Place) Place {
	if p.GeonameID == 0 && p.Country != "" {
		return Place{Country: p.Country}
	}
	name := p.Name
	if name == "" {
		name = p.Text
	}
	return Place{Name: name, Country: p.Country, Lat: p.Lat, Lon: p.Lon, GeonameID: p.GeonameID}
}

// ActorKey returns the key that identifies an actor across articles: its
// ISO 3166 alpha-3 country when it acts for a state, else its CAMEO code
// (IGOUNO, IMGMUSISI), else its name written as an identifier ("al-Nusra
// Front" is AL_NUSRA_FRONT). It returns "" when all three are empty.
func ActorKey(country, code, name string) string {
	switch {
	case country != "":
		return strings.ToUpper(country)
	case code != "":
		return strings.ToUpper(code)
	}
	var b strings.Builder
	gap := false
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			b.WriteRune(unicode.ToUpper(r))
			continue
		}
		gap = true
	}
	return b.String()
}

// Outlet returns the publisher of an article from its URL: the host name,
// lower-cased, without a "www." prefix or a port ("https://www.BBC.co.uk/x"
// is "bbc.co.uk"). It returns "" when the URL has no host.
func Outlet(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	return strings.TrimPrefix(h, "www.")
}
