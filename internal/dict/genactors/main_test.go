package main

import (
	"testing"

	"github.com/dyad-project/dyad/internal/dict"
)

func TestPhoenixRange(t *testing.T) {
	tests := []struct {
		in, from, to string
		ok           bool
	}{
		{"<910825", "", "1991-08-25", true},
		{">130201", "2013-02-01", "", true},
		{"850103-130201", "1985-01-03", "2013-02-01", true},
		{"19940922-20040712", "1994-09-22", "2004-07-12", true},
		{"2004017-20061201", "", "", false}, // seven digits
		{"130230", "", "", false},           // no 30 February
		{"150101-140101", "", "", false},    // ends before it begins
	}
	for _, tt := range tests {
		from, to, ok := phoenixRange(tt.in)
		if from != tt.from || to != tt.to || ok != tt.ok {
			t.Errorf("phoenixRange(%q) = %q %q %v, want %q %q %v", tt.in, from, to, ok, tt.from, tt.to, tt.ok)
		}
	}
}

func TestNiceName(t *testing.T) {
	tests := []struct{ in, typ, want string }{
		{"JOHN_KERRY_", dict.ActorPerson, "John Kerry"},
		{"BASHAR_AL-ASSAD", dict.ActorPerson, "Bashar al-Assad"},
		{"AL-NUSRA_FRONT", dict.ActorGroup, "al-Nusra Front"},
		{"JOHN_MCCAIN", dict.ActorPerson, "John McCain"},
		{"CONOR_O'BRIEN", dict.ActorPerson, "Conor O'Brien"},
		{"ABDULLAH_II", dict.ActorPerson, "Abdullah II"},
		{"GEORGE_W._BUSH", dict.ActorPerson, "George W. Bush"},
		{"NATO_", dict.ActorOrganisation, "NATO"},
		{"ORGANIZATION_OF_AMERICAN_STATES", dict.ActorOrganisation, "Organization of American States"},
		{"USA", dict.ActorState, "USA"},
		{"DEIR_EZ-ZOR", dict.ActorState, "Deir Ez-Zor"},
	}
	for _, tt := range tests {
		if got := niceName(tt.in, tt.typ); got != tt.want {
			t.Errorf("niceName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestConvert(t *testing.T) {
	src := `# comment
SYRIA_  [SYR]
+SYRIAN_
+DAMASCUS_
+ALEPPO_

JOHN_KERRY_ # just KERRY is vague
+SECRETARY_KERRY_
+SECRETARY_OF_STATE_JOHN_KERRY_
	[USAGOVLEG 850103-130201]
	[USAGOV >130201]

BORIS_YELTSIN_  # CountryInfo.txt
YELTSIN
PRESIDENT_BORIS_YELTSIN
	[RUSGOV 910710-991231]

SYRIAN_ARMY
	[SYRMIL]

FREE_SYRIAN_ARMY_
+FSA
	[SYRREB]

SYRIAN_OBSERVATORY_FOR_HUMAN_RIGHTS_(SOHR)_
	[SYROPPHRI >20120101] [---]
`
	geo := &geoData{countryName: map[string]string{"SYR": "Syria"},
		capitals: map[string]map[string]bool{"SYR": {"damascus": true}},
		places:   map[string]map[string]bool{"SYR": {"aleppo": true}}}
	g := newGen(geo)
	g.readAgents("agents.txt", []byte("ARMY [~MIL]\nSECRETARY_OF_STATE [~GOV]\n"))
	entries := g.convert("src.txt", []byte(src), false)
	byName := map[string]*dict.ActorEntry{}
	for _, e := range entries {
		byName[e.Name] = e
	}
	syria := byName["Syria"]
	if syria == nil || syria.Type != dict.ActorState {
		t.Fatalf("no state Syria: %v", names(entries))
	}
	kinds := map[string]dict.ActorNameKind{}
	for _, n := range syria.Names {
		kinds[n.Text] = n.Kind
	}
	if kinds["Syrian"] != dict.ActorAdjective || kinds["Damascus"] != dict.ActorCapital || kinds["Aleppo"] != dict.ActorPlace {
		t.Errorf("syria's names: %v", syria.Names)
	}
	kerry := byName["John Kerry"]
	if kerry == nil || kerry.Type != dict.ActorPerson || len(kerry.Roles) != 2 || kerry.Roles[1].From != "2013-02-01" {
		t.Fatalf("kerry = %+v", kerry)
	}
	// "Secretary Kerry" keeps its title (one word would remain); the full
	// name with its title is the canonical name again.
	if len(kerry.Names) != 2 || kerry.Names[1].Text != "Secretary Kerry" {
		t.Errorf("kerry's names = %v", kerry.Names)
	}
	if y := byName["Boris Yeltsin"]; y == nil || len(y.Names) != 2 || len(y.Roles) != 1 {
		t.Errorf("yeltsin = %+v in %v", y, names(entries))
	}
	if byName["Syrian Army"] != nil {
		t.Errorf("a nationality and an agent was kept as an entry")
	}
	if fsa := byName["Free Syrian Army"]; fsa == nil || fsa.Type != dict.ActorGroup || fsa.Country != "-" {
		t.Errorf("fsa = %+v", fsa)
	}
	sohr := byName["Syrian Observatory for Human Rights"]
	if sohr == nil || len(sohr.Names) != 2 || sohr.Names[1].Text != "SOHR" || len(sohr.Roles) != 1 {
		t.Errorf("sohr = %+v in %v", sohr, names(entries))
	}
}

func names(es []*dict.ActorEntry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Type+" "+e.Name)
	}
	return out
}

func TestReadAgents(t *testing.T) {
	g := newGen(&geoData{})
	g.readAgents("a.txt", []byte(`!MINIST! = MINISTER, MINISTERS
FOREIGN_!MINIST! [~GOV]
PUBLIC_SERVICE_AND_AD!MINIST!RATIVE_REFORM_!MINIST! [~GOVDEV]
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
HUMAN_RIGHTS_BODY [NGO~]
NO_CODE
`))
	var got []string
	for _, a := range g.agents {
		got = append(got, dict.FormatAgent(a))
	}
	want := []string{
		"agent foreign minister ~GOV person noplural",
		"agent foreign ministers ~GOV noplural",
		"agent public service and administrative reform minister ~GOVDEV person noplural",
		"agent public service and administrative reform ministers ~GOVDEV noplural",
		"agent police ~COP noplural",
		"agent attorney general ~GOVATG person plural attorneys general",
		"agent human rights body NGO~",
	}
	if len(got) != len(want) {
		t.Fatalf("agents:\n%v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("agent %d = %q, want %q", i, got[i], want[i])
		}
	}
}
