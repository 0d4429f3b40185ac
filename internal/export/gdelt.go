package export

import (
	"strconv"
	"strings"
	"time"

	"github.com/dyad-project/dyad"
)

// GDELTColumns names the 61 columns of the GDELT 2.0 event table, in
// GDELT's order. GDELT files have no header row, so export writes none;
// the names are for documentation and tests.
var GDELTColumns = gdeltColumns()

func gdeltColumns() []string {
	cols := []string{"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"}
	for _, a := range []string{"Actor1", "Actor2"} {
		for _, f := range []string{"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
			"Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"} {
			cols = append(cols, a+f)
		}
	}
	cols = append(cols, "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
		"GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
	for _, g := range []string{"Actor1Geo", "Actor2Geo", "ActionGeo"} {
		for _, f := range []string{"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"} {
			cols = append(cols, g+"_"+f)
		}
	}
	return append(cols, "DATEADDED", "SOURCEURL")
}

// GDELT geographic resolutions (the *Geo_Type columns).
const (
	geoNone      = "0"
	geoCountry   = "1"
	geoUSCity    = "3"
	geoWorldCity = "4"
)

// GDELTRecord returns an event as a row of the GDELT 2.0 event table, in
// GDELTColumns order. Where dyad differs from GDELT:
//
//   - Day, MonthYear, Year and FractionDate come from the event's Day (its
//     date, else the publication date); they are empty when unknown.
//   - Country codes are the ISO 3166 alpha-3 codes dyad stores, in the
//     geography columns too (GDELT uses FIPS 10-4 there); ADM1Code is the
//     name of the first-level division; FeatureID is the GeoNames ID (the
//     country code for a country).
//   - Actor names are upper-cased, as GDELT writes them; Type1Code is the
//     actor's sector; the known-group, ethnic, religion
//     and further type codes are empty, as dyad does not code them.
//   - Actor geography is not coded: Actor1Geo and Actor2Geo have type 0.
//     ActionGeo is the event's place: type 1 for a country, 3 for a place in
//     the United States, 4 elsewhere.
//   - NumMentions, NumSources and NumArticles are 1 (one coded sentence);
//     AvgTone is empty, as dyad does not measure tone.
//   - DATEADDED is the publication date at 000000 (not the ingestion time,
//     so that an export is the same whenever the store was built); SOURCEURL
//     is the URL, else the document name.
func GDELTRecord(e *dyad.StoredEvent) []string {
	r := make([]string, 0, 61)
	day, month, year, frac := gdeltDates(e.Day)
	r = append(r, itoa64(e.GlobalID), day, month, year, frac)
	r = gdeltActor(r, &e.Source)
	r = gdeltActor(r, e.Target)
	base := e.CAMEO
	if len(base) > 3 {
		base = base[:3]
	}
	r = append(r, bool01(e.Lead), e.CAMEO, base, e.Root, strconv.Itoa(e.Quad),
		strconv.FormatFloat(e.Goldstein, 'f', 1, 64), "1", "1", "1", "")
	r = gdeltGeo(r, nil)
	r = gdeltGeo(r, nil)
	r = gdeltGeo(r, e.Place)
	added := ""
	if d, _, _, _ := gdeltDates(e.Published); d != "" {
		added = d + "000000"
	}
	src := e.URL
	if src == "" {
		src = e.Doc
	}
	return append(r, added, src)
}

// gdeltDates returns GDELT's Day (YYYYMMDD), MonthYear (YYYYMM), Year and
// FractionDate (the year plus the part of it gone by, to 4 decimals) of a
// YYYY-MM-DD date, or empty strings.
func gdeltDates(d string) (day, month, year, frac string) {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return "", "", "", ""
	}
	days := 365.0
	if y := t.Year(); y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 366
	}
	f := float64(t.Year()) + float64(t.YearDay()-1)/days
	return t.Format("20060102"), t.Format("200601"), t.Format("2006"), strconv.FormatFloat(f, 'f', 4, 64)
}

// gdeltActor appends the 10 actor columns of a (empty for nil).
func gdeltActor(r []string, a *dyad.ActorRef) []string {
	if a == nil {
		return append(r, "", "", "", "", "", "", "", "", "", "")
	}
	return append(r, a.Code, strings.ToUpper(a.Name), a.Country, "", "", "", "", a.Sector, "", "")
}

// gdeltGeo appends the 8 geography columns of p (type 0 for nil).
func gdeltGeo(r []string, p *dyad.Place) []string {
	if p == nil {
		return append(r, geoNone, "", "", "", "", "", "", "")
	}
	typ, feature := geoWorldCity, strconv.Itoa(p.GeonameID)
	switch {
	case p.GeonameID == 0:
		typ, feature = geoCountry, p.Country
	case p.Country == "USA":
		typ = geoUSCity
	}
	var parts []string
	for _, s := range []string{p.Name, p.Admin1, p.Country} {
		if s != "" && (len(parts) == 0 || parts[len(parts)-1] != s) {
			parts = append(parts, s)
		}
	}
	return append(r, typ, strings.Join(parts, ", "), p.Country, p.Admin1, "", ftoa(p.Lat), ftoa(p.Lon), feature)
}
