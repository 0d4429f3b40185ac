package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/export"
)

func str(s string) *string { return &s }

// events returns hand-made stored events: a full one, a bare one and one
// located in a country and one in a US city.
func events() []*dyad.StoredEvent {
	full := &dyad.StoredEvent{
		Event: dyad.Event{ID: "e2", Sentence: 1,
			Source: dyad.ActorRef{Name: "Angela Merkel", Country: "DEU", Sector: "GOV", Code: "DEUGOV", Text: "Angela Merkel", Start: 70, End: 83},
			Target: &dyad.ActorRef{Name: "Ahmet Davutoglu", Country: "TUR", Sector: "GOV", Code: "TURGOV", Text: "Ahmet Davutoglu", Start: 112, End: 127},
			CAMEO:  "042", Root: "04", PLOVER: "CONSULT", Quad: 1, Goldstein: 1.9, Mode: dyad.ModeAsserted, Date: str("2016-02-08"),
			Place:    &dyad.Place{Text: "Ankara", Name: "Ankara", Country: "TUR", Admin1: "Ankara", Lat: 39.91987, Lon: 32.85427, Start: 131, End: 137, Sentence: 1, GeonameID: 323786},
			Trigger:  dyad.Trigger{Text: "met", Start: 84, End: 87},
			Evidence: []dyad.Evidence{{Role: "verb", Text: "met", Start: 84, End: 87, Entry: "verbs:12 MEET"}}},
		GlobalID: 17, ArticleID: 3, Doc: "ankara-talks", URL: "https://www.news.example/2016/02/ankara", Published: "2016-02-09",
		Day: "2016-02-08", Lead: true, SentenceText: "German Chancellor Angela Merkel met Turkish Prime Minister Ahmet Davutoglu in Ankara.",
	}
	bare := &dyad.StoredEvent{
		Event: dyad.Event{ID: "e1", Sentence: 0,
			Source: dyad.ActorRef{Name: "Russia", Country: "RUS", Code: "RUS", Text: "Russia", Start: 0, End: 6},
			CAMEO:  "130", Root: "13", PLOVER: "THREATEN", Quad: 3, Goldstein: -4.4, Mode: dyad.ModeHypothetical,
			Trigger: dyad.Trigger{Text: "warns", Start: 7, End: 12}},
		GlobalID: 5, ArticleID: 9, Doc: "gas-warning", SentenceText: "Russia warns\tUkraine\nover gas",
	}
	country := &dyad.StoredEvent{
		Event: dyad.Event{ID: "e1", Sentence: 2,
			Source: dyad.ActorRef{Name: "United Nations", Sector: "IGO", Code: "IGOUNO", Text: "UN", Start: 10, End: 12},
			Target: &dyad.ActorRef{Name: "Syria", Country: "SYR", Code: "SYR", Text: "Syria", Start: 30, End: 35},
			CAMEO:  "010", Root: "01", PLOVER: "", Quad: 1, Goldstein: 0, Mode: dyad.ModeAsserted, Date: str("2016-03"),
			Place: &dyad.Place{Text: "Syria", Name: "Syria", Country: "SYR", Lat: 35, Lon: 38, Start: 30, End: 35, Sentence: 2}},
		GlobalID: 21, ArticleID: 4, Doc: "geneva", Published: "2016-02-27", Day: "2016-03-01",
	}
	usCity := &dyad.StoredEvent{
		Event: dyad.Event{ID: "e3", Sentence: 4,
			Source: dyad.ActorRef{Name: "protesters", Country: "USA", Sector: "CVL", Code: "USACVL", Text: "protesters", Start: 0, End: 10},
			CAMEO:  "1411", Root: "14", PLOVER: "PROTEST", Quad: 4, Goldstein: -6.5, Mode: dyad.ModeAsserted,
			Place: &dyad.Place{Text: "Ferguson", Name: "Ferguson", Country: "USA", Admin1: "Missouri", Lat: 38.74422, Lon: -90.30539, GeonameID: 4386289}},
		GlobalID: 30, ArticleID: 12, Doc: "ferguson", URL: "https://news.example/ferguson", Published: "2014-08-12", Day: "2014-08-12",
	}
	return []*dyad.StoredEvent{full, bare, country, usCity}
}

// byName maps column names to a record's values.
func byName(t *testing.T, cols, rec []string) map[string]string {
	t.Helper()
	if len(rec) != len(cols) {
		t.Fatalf("record has %d fields, want %d", len(rec), len(cols))
	}
	m := make(map[string]string, len(cols))
	for i, c := range cols {
		m[c] = rec[i]
	}
	return m
}

func checkFields(t *testing.T, got map[string]string, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}

func TestGDELTColumns(t *testing.T) {
	cols := export.GDELTColumns
	if len(cols) != 61 {
		t.Fatalf("%d GDELT columns, want 61", len(cols))
	}
	// Spot checks against the GDELT 2.0 codebook's numbering (0-based).
	for i, name := range map[int]string{0: "GlobalEventID", 5: "Actor1Code", 15: "Actor2Code", 25: "IsRootEvent",
		26: "EventCode", 29: "QuadClass", 34: "AvgTone", 35: "Actor1Geo_Type", 43: "Actor2Geo_Type",
		51: "ActionGeo_Type", 58: "ActionGeo_FeatureID", 59: "DATEADDED", 60: "SOURCEURL"} {
		if cols[i] != name {
			t.Errorf("column %d is %s, want %s", i, cols[i], name)
		}
	}
}

func TestGDELTRecord(t *testing.T) {
	ev := events()
	tests := []struct {
		name string
		e    *dyad.StoredEvent
		want map[string]string
	}{
		{"full", ev[0], map[string]string{
			"GlobalEventID": "17", "Day": "20160208", "MonthYear": "201602", "Year": "2016", "FractionDate": "2016.1038",
			"Actor1Code": "DEUGOV", "Actor1Name": "ANGELA MERKEL", "Actor1CountryCode": "DEU", "Actor1Type1Code": "GOV",
			"Actor2Code": "TURGOV", "Actor2CountryCode": "TUR", "IsRootEvent": "1",
			"EventCode": "042", "EventBaseCode": "042", "EventRootCode": "04", "QuadClass": "1", "GoldsteinScale": "1.9",
			"NumMentions": "1", "NumSources": "1", "NumArticles": "1", "AvgTone": "",
			"Actor1Geo_Type": "0", "Actor2Geo_Type": "0", "ActionGeo_Type": "4", "ActionGeo_FullName": "Ankara, TUR",
			"ActionGeo_CountryCode": "TUR", "ActionGeo_ADM1Code": "Ankara", "ActionGeo_Lat": "39.91987",
			"ActionGeo_Long": "32.85427", "ActionGeo_FeatureID": "323786",
			"DATEADDED": "20160209000000", "SOURCEURL": "https://www.news.example/2016/02/ankara"}},
		{"bare", ev[1], map[string]string{
			"GlobalEventID": "5", "Day": "", "Year": "", "FractionDate": "", "Actor2Code": "", "Actor2Name": "",
			"IsRootEvent": "0", "EventBaseCode": "130", "GoldsteinScale": "-4.4", "ActionGeo_Type": "0",
			"ActionGeo_Lat": "", "DATEADDED": "", "SOURCEURL": "gas-warning"}},
		{"country", ev[2], map[string]string{
			"Day": "20160301", "FractionDate": "2016.1639", "Actor1CountryCode": "", "Actor1Type1Code": "IGO",
			"EventBaseCode": "010", "ActionGeo_Type": "1", "ActionGeo_FullName": "Syria, SYR", "ActionGeo_FeatureID": "SYR"}},
		{"US city", ev[3], map[string]string{
			"EventCode": "1411", "EventBaseCode": "141", "ActionGeo_Type": "3", "ActionGeo_FullName": "Ferguson, Missouri, USA", "ActionGeo_Long": "-90.30539"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFields(t, byName(t, export.GDELTColumns, export.GDELTRecord(tt.e)), tt.want)
		})
	}
}

func TestICEWSRecord(t *testing.T) {
	ev := events()
	tests := []struct {
		name string
		e    *dyad.StoredEvent
		want map[string]string
	}{
		{"full", ev[0], map[string]string{
			"Event ID": "17", "Event Date": "2016-02-08", "Source Name": "Angela Merkel", "Source Sectors": "GOV",
			"Source Country": "DEU", "CAMEO Code": "042",
			"Intensity": "1.9", "Target Name": "Ahmet Davutoglu", "Target Sectors": "GOV", "Target Country": "TUR",
			"Story ID": "3", "Sentence Number": "2", "Publisher": "news.example", "City": "Ankara", "District": "",
			"Province": "Ankara", "Country": "TUR", "Latitude": "39.91987", "Longitude": "32.85427"}},
		{"bare", ev[1], map[string]string{
			"Event Date": "", "Target Name": "", "Target Country": "", "Sentence Number": "1", "Publisher": "",
			"City": "", "Latitude": "", "Intensity": "-4.4"}},
		{"country", ev[2], map[string]string{"City": "", "Country": "SYR", "Latitude": "35"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := byName(t, export.ICEWSColumns, export.ICEWSRecord(tt.e))
			if tt.name == "full" && got["Event Text"] != "Visit" {
				t.Errorf("Event Text %q, want the CAMEO label", got["Event Text"])
			}
			checkFields(t, got, tt.want)
		})
	}
	if n := len(export.ICEWSColumns); n != 20 {
		t.Errorf("%d ICEWS columns, want 20", n)
	}
}

func TestCSVRecord(t *testing.T) {
	if n := len(export.CSVColumns); n != 37 {
		t.Errorf("%d CSV columns, docs/STORE.md says 37", n)
	}
	ev := events()
	tests := []struct {
		name string
		e    *dyad.StoredEvent
		want map[string]string
	}{
		{"full", ev[0], map[string]string{"global_id": "17", "doc": "ankara-talks", "lead": "1", "day": "2016-02-08",
			"date": "2016-02-08", "source_code": "DEUGOV", "target_name": "Ahmet Davutoglu", "cameo": "042",
			"goldstein": "1.9", "place_geonameid": "323786", "trigger": "met", "trigger_start": "84"}},
		{"bare", ev[1], map[string]string{"lead": "0", "date": "", "target_name": "", "place_name": "", "place_lat": "",
			"mode": "hypothetical", "sentence_text": "Russia warns\tUkraine\nover gas"}},
		{"country place", ev[2], map[string]string{"date": "2016-03", "day": "2016-03-01", "place_geonameid": "", "place_lat": "35"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFields(t, byName(t, export.CSVColumns, export.CSVRecord(tt.e)), tt.want)
		})
	}
}

func TestPLOVERRecord(t *testing.T) {
	ev := events()
	tests := []struct {
		name string
		e    *dyad.StoredEvent
		want string
		ok   bool
	}{
		{"full", ev[0], `{"id":"dyad-17","date":"2016-02-08","event":"CONSULT","mode":"visit","context":"",` +
			`"source":[{"actorText":"Angela Merkel","name":"Angela Merkel","code":"DEUGOV","country":"DEU","sector":"GOV","start":70,"end":83}],` +
			`"target":[{"actorText":"Ahmet Davutoglu","name":"Ahmet Davutoglu","code":"TURGOV","country":"TUR","sector":"GOV","start":112,"end":127}],` +
			`"eventText":"met","text":"German Chancellor Angela Merkel met Turkish Prime Minister Ahmet Davutoglu in Ankara.",` +
			`"location":{"placeText":"Ankara","name":"Ankara","country":"TUR","admin1":"Ankara","lat":39.91987,"lon":32.85427,"geonameid":323786},` +
			`"language":"en","publication":"news.example","doc":"ankara-talks","url":"https://www.news.example/2016/02/ankara",` +
			`"sentence":1,"triggerStart":84,"triggerEnd":87,"cameo":"042","modality":"asserted","quadClass":1,"goldstein":1.9}`, true},
		{"bare", ev[1], `{"id":"dyad-5","date":"","event":"THREATEN","mode":"","context":"",` +
			`"source":[{"actorText":"Russia","name":"Russia","code":"RUS","country":"RUS","start":0,"end":6}],"target":[],` +
			`"eventText":"warns","text":"Russia warns\tUkraine\nover gas","location":null,"language":"en","publication":"",` +
			`"doc":"gas-warning","sentence":0,"triggerStart":7,"triggerEnd":12,"cameo":"130","modality":"hypothetical","quadClass":3,"goldstein":-4.4}`, true},
		{"no PLOVER type", ev[2], "", false},
		{"mode from the CAMEO table", ev[3], "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := export.PLOVERRecord(tt.e)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if tt.want == "" {
				if p.Mode == "" || p.Event != "PROTEST" {
					t.Errorf("PLOVER event %q mode %q; want PROTEST with the mode of 1411", p.Event, p.Mode)
				}
				return
			}
			b, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.want {
				t.Errorf("got  %s\nwant %s", b, tt.want)
			}
		})
	}
}

func TestWriters(t *testing.T) {
	ev := events()
	tests := []struct {
		format string
		check  func(t *testing.T, out string)
	}{
		{"jsonl", func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) != len(ev) {
				t.Fatalf("%d lines, want %d", len(lines), len(ev))
			}
			for i, l := range lines {
				var m map[string]any
				if err := json.Unmarshal([]byte(l), &m); err != nil {
					t.Fatal(err)
				}
				for _, k := range []string{"id", "source", "target", "cameo", "evidence", "doc", "global_id", "date", "place"} {
					if _, ok := m[k]; !ok {
						t.Errorf("line %d lacks %q", i, k)
					}
				}
				if m["evidence"] == nil {
					t.Errorf("line %d: evidence is null", i)
				}
			}
		}},
		{"csv", func(t *testing.T, out string) {
			recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != len(ev)+1 || strings.Join(recs[0], ",") != strings.Join(export.CSVColumns, ",") {
				t.Fatalf("%d records, header %v", len(recs), recs[0])
			}
			if recs[2][len(recs[2])-1] != "Russia warns\tUkraine\nover gas" {
				t.Errorf("a quoted cell did not survive: %q", recs[2][len(recs[2])-1])
			}
		}},
		{"gdelt", func(t *testing.T, out string) { checkTSV(t, out, len(ev), 61, "") }},
		{"icews", func(t *testing.T, out string) { checkTSV(t, out, len(ev)+1, 20, "Event ID\tEvent Date\t") }},
		{"plover", func(t *testing.T, out string) {
			if n := strings.Count(out, "\n"); n != len(ev)-1 {
				t.Errorf("%d PLOVER lines, want %d (the root 01 event is left out)", n, len(ev)-1)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := export.New(tt.format, &buf)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range ev {
				if err := w.Write(e); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			tt.check(t, buf.String())
		})
	}
	if _, err := export.New("xml", &bytes.Buffer{}); !errors.Is(err, export.ErrFormat) {
		t.Errorf("unknown format: %v", err)
	}
}

func TestHeaderWithoutEvents(t *testing.T) {
	for _, tt := range []struct{ format, want string }{
		{"csv", strings.Join(export.CSVColumns, ",") + "\n"},
		{"icews", strings.Join(export.ICEWSColumns, "\t") + "\n"},
		{"gdelt", ""},
		{"jsonl", ""},
	} {
		t.Run(tt.format, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := export.New(tt.format, &buf)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if buf.String() != tt.want {
				t.Errorf("got %q, want %q", buf.String(), tt.want)
			}
		})
	}
}

// checkTSV checks that out has rows lines of cols tab-separated fields and
// starts with prefix.
func checkTSV(t *testing.T, out string, rows, cols int, prefix string) {
	t.Helper()
	if !strings.HasPrefix(out, prefix) {
		t.Errorf("output starts %q, want %q", out[:min(len(out), 40)], prefix)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != rows {
		t.Fatalf("%d lines, want %d", len(lines), rows)
	}
	for i, l := range lines {
		if n := len(strings.Split(l, "\t")); n != cols {
			t.Errorf("line %d has %d columns, want %d", i, n, cols)
		}
	}
}
