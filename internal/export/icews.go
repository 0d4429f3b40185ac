package export

import (
	"strconv"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/cameo"
)

// ICEWSColumns is the header row of the ICEWS coded-event files, which
// export writes as their first line.
var ICEWSColumns = []string{
	"Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
	"Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
	"City", "District", "Province", "Country", "Latitude", "Longitude",
}

// ICEWSRecord returns an event as a row of an ICEWS coded-event file, in
// ICEWSColumns order. Where dyad differs from ICEWS:
//
//   - Event Date is the event's Day (its date, else the publication date).
//   - Source and Target Country are ISO 3166 alpha-3 codes, not country
//     names; Sectors hold the one sector dyad codes (GOV, MIL, ...).
//   - Event Text is dyad's label of the CAMEO code; Intensity its Goldstein
//     value.
//   - Story ID is the article's ID in the store, Sentence Number the
//     sentence's position counted from 1, Publisher the URL's host.
//   - City is the event's place unless it is a country; Province its
//     first-level division; District is empty.
func ICEWSRecord(e *dyad.StoredEvent) []string {
	var t dyad.ActorRef
	if e.Target != nil {
		t = *e.Target
	}
	label := ""
	if c, ok := cameo.Lookup(e.CAMEO); ok {
		label = c.Label
	}
	var city, province, country, lat, lon string
	if p := e.Place; p != nil {
		if p.GeonameID != 0 {
			city = p.Name
		}
		province, country, lat, lon = p.Admin1, p.Country, ftoa(p.Lat), ftoa(p.Lon)
	}
	return []string{
		itoa64(e.GlobalID), e.Day, e.Source.Name, e.Source.Sector, e.Source.Country, label, e.CAMEO,
		ftoa(e.Goldstein), t.Name, t.Sector, t.Country, itoa64(e.ArticleID), strconv.Itoa(e.Sentence + 1),
		publisher(e.URL), city, "", province, country, lat, lon,
	}
}
