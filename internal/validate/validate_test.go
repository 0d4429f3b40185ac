package validate_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/testutil"
	"github.com/dyad-project/dyad/internal/validate"
)

const tabariText = `# a comment line between records

010203  TEST-01
Rivendell accused
the Shire of hoarding pipeweed on Monday.
/*\n------------------------------------------------------------------
\n[A plain record]
\n{ RIV / SHI / 112 } 010203
\n{ SHI / RIV / 113 } */

990102  TEST-02
Nothing happened in Bree.
/*\n{---} */

990103  TEST-03
The football match in Bree ended in a draw./*
\n{###} */

990104  TEST-04
A setting changes here.
/*\n{ OPTION: SET: CODE ALL } */

990105  TEST-05
Nothing is checked here.
/*\n-{ BRE / RIV / 010 } */

990106  TEST-06
Rivendell thanked the Shire
/* a comment in the middle */
for the pipeweed.
/*\n{ RIV / ~ENT / 041 }
\n-{ RIV / SHI / 040 } */

990101  FINAL-01
The end.
/*\n{+++} */

990107  AFTER-01
Not read.
/*\n{ A / B / 010 } */
`

func TestReadTabari(t *testing.T) {
	s, err := validate.ReadTabari("t.text", strings.NewReader(tabariText))
	if err != nil {
		t.Fatal(err)
	}
	type rec struct {
		id, date, text, expect string
		events                 []validate.Triple
		options                []string
	}
	var got []rec
	for _, r := range s.Records {
		got = append(got, rec{r.ID, r.Date, strings.Join(strings.Fields(r.Text), " "), r.Expect.String(), r.Events, r.Options})
	}
	want := []rec{
		{"TEST-01", "2001-02-03", "Rivendell accused the Shire of hoarding pipeweed on Monday.", "events",
			[]validate.Triple{{"RIV", "SHI", "112"}, {"SHI", "RIV", "113"}}, nil},
		{"TEST-02", "1999-01-02", "Nothing happened in Bree.", "none", nil, nil},
		{"TEST-03", "1999-01-03", "The football match in Bree ended in a draw.", "discard", nil, nil},
		{"TEST-04", "1999-01-04", "A setting changes here.", "Expect(101)", nil, []string{"SET: CODE ALL"}},
		{"TEST-06", "1999-01-06", "Rivendell thanked the Shire for the pipeweed.", "events",
			[]validate.Triple{{"RIV", "~ENT", "041"}}, nil},
		{"FINAL-01", "1999-01-01", "The end.", "complex", nil, nil},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("records\n got %+v\nwant %+v", got, want)
	}
	// TEST-04 (options only), TEST-05 (nothing checked), AFTER-01.
	if s.Skipped != 3 {
		t.Errorf("skipped = %d, want 3", s.Skipped)
	}
}

const petrarchXML = `<Validation>
<Environment>
    <Verbfile>T.verbs.txt</Verbfile>
    <Actorfile>T.actors.txt</Actorfile>
    <Agentfile>T.agents.txt</Agentfile>
    <Include>valid DEMO AGENT</Include>
    <Config option="stop_on_error" value="True"></Config>
</Environment>
<Sentences>
<Sentence date="20010203" id="DEMO-01" category="DEMO" sentence="true">
<!-- a comment -->
<EventCoding sourcecode="RIV" targetcode="SHI" eventcode="112"></EventCoding>
<EventCoding sourcecode='"THE OLD FOREST"' targetcode="---" eventcode="0874"></EventCoding>
<Text>
Rivendell accused the Shire
of hoarding pipeweed.
</Text>
<Parse> (ROOT (S (NP (NNP Rivendell)) (VP (VBD accused)))) </Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date="20010204" id="AGENT-01" category="AGENT" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="20010205" id="AGENT-02" category="AGENT" sentence="false">
<EventCoding error="storydiscard"></EventCoding>
<Text>Not valid.</Text>
</Sentence>
<Sentence date="20010206" id="ERROR-01" category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>Not included.</Text>
</Sentence>
</Sentences>
</Validation>
`

func TestReadPetrarch(t *testing.T) {
	s, err := validate.ReadPetrarch("data/text/t.xml", strings.NewReader(petrarchXML))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Records) != 2 || s.Skipped != 2 {
		t.Fatalf("records = %d, skipped = %d, want 2 and 2", len(s.Records), s.Skipped)
	}
	r := s.Records[0]
	wantEv := []validate.Triple{{"RIV", "SHI", "112"}, {`"THE OLD FOREST"`, "---", "0874"}}
	if r.ID != "DEMO-01" || r.Date != "2001-02-03" || r.Text != "Rivendell accused the Shire of hoarding pipeweed." ||
		r.Expect != validate.ExpectEvents || !reflect.DeepEqual(r.Events, wantEv) ||
		!reflect.DeepEqual(r.Options, []string{"stop_on_error=True"}) {
		t.Errorf("record 0 = %+v", r)
	}
	r = s.Records[1]
	if r.Expect != validate.ExpectNone || !reflect.DeepEqual(r.Options, []string{"require_dyad=false"}) {
		t.Errorf("record 1 = %+v", r)
	}
	wantDicts := []string{"data/dictionaries/T.verbs.txt", "data/dictionaries/T.agents.txt", "data/dictionaries/T.actors.txt"}
	if !reflect.DeepEqual(s.Dicts, wantDicts) {
		t.Errorf("dicts = %v, want %v", s.Dicts, wantDicts)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, suite, src string
	}{
		{"tabari bad header", validate.SuiteTabari, "not a header\n"},
		{"tabari bad event", validate.SuiteTabari, "990101 X-1\nText.\n/*\\n{ A / B } */\n"},
		{"petrarch bad xml", validate.SuitePetrarch, "<Validation><Sentences><Sentence id=\"x\">"},
		{"petrarch no text", validate.SuitePetrarch, "<Validation><Sentences><Sentence id=\"x\"><EventCoding noevents=\"True\"/></Sentence></Sentences></Validation>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.suite == validate.SuiteTabari {
				_, err = validate.ReadTabari("x", strings.NewReader(tt.src))
			} else {
				_, err = validate.ReadPetrarch("x", strings.NewReader(tt.src))
			}
			if !errors.Is(err, validate.ErrSuite) {
				t.Errorf("err = %v, want ErrSuite", err)
			}
		})
	}
}

func TestSummarise(t *testing.T) {
	s := validate.Summarise("tabari", []validate.Result{{Pass: true}, {Pass: false}, {Pass: true}, {Pass: true}})
	if s.Records != 4 || s.Passed != 3 || s.Rate != 0.75 {
		t.Errorf("summary = %+v", s)
	}
}

// floor is testdata/floor.json: the pass rate each suite has reached. It
// only ever rises: raise it when the coder improves.
type floor map[string]float64

// TestSuitesFloor runs both suites from raw text with their own
// dictionaries and checks that neither falls below its floor.
func TestSuitesFloor(t *testing.T) {
	src, err := os.ReadFile("testdata/floor.json")
	if err != nil {
		t.Fatal(err)
	}
	var fl floor
	if err := json.Unmarshal(src, &fl); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		validate.SuiteTabari:   "reference/TABARI-Code/Validate.text",
		validate.SuitePetrarch: "reference/petrarch2/petrarch2/data/text/PETR.UnitTest.records.xml",
	}
	for _, name := range []string{validate.SuiteTabari, validate.SuitePetrarch} {
		t.Run(name, func(t *testing.T) {
			path := testutil.Shared(t, files[name])
			s, err := validate.Read(name, path)
			if err != nil {
				t.Fatal(err)
			}
			set, err := s.Dictionaries()
			if set == nil {
				t.Fatal(err)
			}
			r, err := validate.NewRunner(s, set)
			if err != nil {
				t.Fatal(err)
			}
			res, err := r.Run(context.Background(), nil)
			if err != nil {
				t.Fatal(err)
			}
			sum := validate.Summarise(name, res)
			t.Logf("%s: %d of %d records passed (%.3f)", name, sum.Passed, sum.Records, sum.Rate)
			want, ok := fl[name]
			if !ok {
				t.Fatalf("testdata/floor.json has no floor for %s", name)
			}
			if sum.Rate < want {
				t.Errorf("%s pass rate %.4f fell below the floor %.4f", name, sum.Rate, want)
			}
			if math.Floor(sum.Rate*100)/100 > want {
				t.Logf("the floor of %s can rise to %.2f", name, math.Floor(sum.Rate*100)/100)
			}
		})
	}
}

func FuzzReadTabari(f *testing.F) {
	f.Add(tabariText)
	f.Add("990101 A-1\nx /* {---} */\n")
	f.Fuzz(func(t *testing.T, src string) {
		s, err := validate.ReadTabari("fuzz", strings.NewReader(src))
		if err == nil && s == nil {
			t.Fatal("nil suite without an error")
		}
	})
}

func FuzzReadPetrarch(f *testing.F) {
	f.Add(petrarchXML)
	f.Fuzz(func(t *testing.T, src string) {
		s, err := validate.ReadPetrarch("fuzz", strings.NewReader(src))
		if err == nil && s == nil {
			t.Fatal("nil suite without an error")
		}
	})
}
