package dict_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyad-project/dyad/internal/dict"
)

const sampleActors = `# a hand-written sample
person John Kerry
	alias Secretary Kerry
	gender male
	code USAGOVLEG 1985-01-03..2013-02-01
	code USAGOV 2013-02-01..2017-01-20

state Syria
	adjective Syrian
	capital Damascus
	place Aleppo   # a place, never a mention
	code SYR

group Hezbollah
	alias Hizbollah
	country -
	code LBNREB

agent foreign minister ~GOV person
agent police ~COP noplural
agent attorney general ~GOVATG person plural attorneys general
agent human rights group NGO~
remove Washington
`

func TestParseActors(t *testing.T) {
	f, err := dict.ParseActors("sample.txt", []byte(sampleActors))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != 3 || len(f.Agents) != 4 || len(f.Removes) != 1 {
		t.Fatalf("got %d entries, %d agents, %d removes", len(f.Entries), len(f.Agents), len(f.Removes))
	}
	kerry := f.Entries[0]
	if kerry.Type != dict.ActorPerson || kerry.Name != "John Kerry" || kerry.Gender != "male" || kerry.Pos.String() != "sample.txt:2" {
		t.Errorf("kerry = %+v", kerry)
	}
	if got := kerry.Roles[1]; got.Code != "USAGOV" || got.From != "2013-02-01" || got.To != "2017-01-20" || got.Pos.Line != 6 {
		t.Errorf("kerry's second role = %+v", got)
	}
	syria := f.Entries[1]
	kinds := []dict.ActorNameKind{dict.ActorAlias, dict.ActorAdjective, dict.ActorCapital, dict.ActorPlace}
	for i, k := range kinds {
		if syria.Names[i].Kind != k {
			t.Errorf("syria name %d (%s) kind %s, want %s", i, syria.Names[i].Text, syria.Names[i].Kind, k)
		}
	}
	if syria.Names[3].Text != "Aleppo" {
		t.Errorf("comment not stripped: %q", syria.Names[3].Text)
	}
	tests := []struct {
		agent          *dict.Agent
		code, plural   string
		person, before bool
	}{
		{f.Agents[0], "GOV", "foreign ministers", true, false},
		{f.Agents[1], "COP", "", false, false},
		{f.Agents[2], "GOVATG", "attorneys general", true, false},
		{f.Agents[3], "NGO", "human rights groups", false, true},
	}
	for _, tt := range tests {
		a := tt.agent
		if a.Code != tt.code || a.Plural != tt.plural || a.Person != tt.person || a.Before != tt.before {
			t.Errorf("agent %q = %+v", a.Phrase, a)
		}
	}
}

func TestParseActorsErrors(t *testing.T) {
	src := `person John Kerry
	code USAGOV 2013-02-30..
alias Kerry
	gender tall
state Nowhere
widget Foo
	alias Bar
agent president GOV
person
	code usagov
person John Kerry
group Hamas
	country XYZ
	code PSEREB 2015-01-01..2014-01-01
`
	_, err := dict.ParseActors("bad.txt", []byte(src))
	if err == nil {
		t.Fatal("no error")
	}
	if !errors.Is(err, dict.ErrSyntax) {
		t.Errorf("error does not wrap ErrSyntax: %v", err)
	}
	list, ok := err.(dict.ErrorList)
	if !ok {
		t.Fatalf("error is %T, want ErrorList", err)
	}
	want := []string{
		`bad.txt:2: date "2013-02-30" is not a date YYYY-MM-DD`,
		`bad.txt:3: attribute "alias" must be indented under an entry`,
		`bad.txt:4: want: gender male or gender female`,
		`bad.txt:5: state "Nowhere" has no code`,
		`bad.txt:6: line must start with person, state, organisation, group, agent, extend or remove, not "widget"`,
		`bad.txt:8: agent without a code (~XXX or XXX~)`,
		`bad.txt:9: missing phrase`,
		`bad.txt:11: duplicate person "John Kerry" (first at line 1)`,
		`bad.txt:13: country "XYZ" is not an ISO 3166 alpha-3 code (or -)`,
		`bad.txt:14: date range 2015-01-01..2014-01-01 ends before it begins`,
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLoadActorsLayers(t *testing.T) {
	base := fstest.MapFS{
		"10-base.txt": {Data: []byte(`person John Kerry
	alias Kerry
	code USAGOV 2013-02-01..
state United States
	alias US
	capital Washington
	code USA
organisation Virgin Islands
	alias VI
	code USAVIR
agent regime ~GOV
agent rebel ~REB
`)},
		"20-manual.txt": {Data: []byte(`person John Kerry
	alias John F. Kerry
	code USAGOV 2013-02-01..2017-01-20
extend organisation Virgin Islands
	alias USVI
agent rebel ~UAF
`)},
	}
	user := fstest.MapFS{"mine.txt": {Data: []byte(`remove Washington
remove regime
`)}}
	d, err := dict.LoadActors(base, user)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string][]string{}
	for _, e := range d.Entries() {
		for _, n := range e.Names {
			names[e.Name] = append(names[e.Name], n.Text)
		}
		if e.Name == "John Kerry" && (len(e.Roles) != 1 || e.Roles[0].To != "2017-01-20") {
			t.Errorf("Kerry was not replaced: %+v", e.Roles)
		}
	}
	want := map[string][]string{
		"John Kerry":     {"John Kerry", "John F. Kerry"},
		"United States":  {"United States", "US"},
		"Virgin Islands": {"Virgin Islands", "VI", "USVI"},
	}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("names = %v, want %v", names, want)
	}
	var agents []string
	for _, a := range d.Agents() {
		agents = append(agents, a.Phrase+" "+a.Code)
	}
	if !reflect.DeepEqual(agents, []string{"rebel UAF"}) {
		t.Errorf("agents = %v", agents)
	}
}

func TestLoadActorsReportsEveryFile(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt": {Data: []byte("person X\n\tcode BAD1\n")},
		"b.txt": {Data: []byte("frob\nextend person Nobody\n")},
	}
	_, err := dict.LoadActors(fsys)
	list, ok := err.(dict.ErrorList)
	if !ok || len(list) != 2 || list[0].Pos.String() != "a.txt:2" || list[1].Pos.String() != "b.txt:1" {
		t.Fatalf("err = %v", err)
	}
	_, err = dict.LoadActors(fstest.MapFS{"c.txt": {Data: []byte("extend person Nobody\n")}})
	if err == nil || !strings.Contains(err.Error(), `c.txt:1: extend: no person "Nobody"`) {
		t.Errorf("err = %v", err)
	}
}

func TestActorRoleAt(t *testing.T) {
	f, err := dict.ParseActors("t.txt", []byte(sampleActors))
	if err != nil {
		t.Fatal(err)
	}
	kerry := f.Entries[0]
	tests := []struct {
		date                  string
		country, sector, code string
	}{
		{"2010-05-01", "USA", "GOV", "USAGOVLEG"},
		{"2013-02-01", "USA", "GOV", "USAGOV"}, // both hold: the later start wins
		{"2015-12-03", "USA", "GOV", "USAGOV"},
		{"2019-01-01", "USA", "ELI", "USAELI"}, // a former official
		{"", "USA", "GOV", "USAGOV"},           // unknown date: the latest role
	}
	for _, tt := range tests {
		c, s, code := kerry.Codes(tt.date)
		if c != tt.country || s != tt.sector || code != tt.code {
			t.Errorf("Codes(%q) = %s %s %s, want %s %s %s", tt.date, c, s, code, tt.country, tt.sector, tt.code)
		}
	}
	hez := f.Entries[2]
	if c, s, code := hez.Codes("2015-01-01"); c != "" || s != "REB" || code != "LBNREB" {
		t.Errorf("Hezbollah codes = %q %q %q", c, s, code)
	}
}

func TestActorCodeParts(t *testing.T) {
	tests := []struct{ code, country, sector string }{
		{"USAGOVLEG", "USA", "GOV"},
		{"SYR", "SYR", ""},
		{"IGOUNO", "", "IGO"},
		{"IMGMUSISI", "", "REB"},
		{"TMPGOV", "TLS", "GOV"},
		{"AFRREB", "", "REB"},
		{"MEA", "", ""},
		{"ELI", "", "ELI"},
		{"NGOHRIAMN", "", "NGO"},
	}
	for _, tt := range tests {
		c, s := dict.ActorCodeParts(tt.code)
		if c != tt.country || s != tt.sector {
			t.Errorf("ActorCodeParts(%q) = %q, %q; want %q, %q", tt.code, c, s, tt.country, tt.sector)
		}
	}
}

func TestAppendActorWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"al-Assad", "al assad"},
		{"Al Assad", "al assad"},
		{"Assad's", "assad 's"},
		{"Assad’s", "assad 's"},
		{"U.S.", "us"},
		{"Élysée", "elysee"},
		{"Erdoğan", "erdogan"},
		{"Dara'a", "dara'a"},
		{"rebels'", "rebels '"},
		{"'Has to Go'", "' has to go '"},
		{"Kerry — and", "kerry — and"},
		{"JABHAT_AL-NUSRA", "jabhat al nusra"},
		{"The United Nations", "united nations"},
	}
	for _, tt := range tests {
		if got := dict.ActorKey(tt.in); got != tt.want {
			t.Errorf("ActorKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	ws := dict.AppendActorWords(nil, "Assad's", 10)
	if len(ws) != 2 || ws[0].Start != 10 || ws[0].End != 15 || ws[1].Start != 15 || ws[1].End != 17 || !ws[0].Cap {
		t.Errorf("offsets: %+v", ws)
	}
	if ws := dict.AppendActorWords(nil, "IS", 0); !ws[0].Upper {
		t.Errorf("IS not upper: %+v", ws)
	}
}

func TestWriteActorsRoundTrip(t *testing.T) {
	f, err := dict.ParseActors("sample.txt", []byte(sampleActors))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := dict.WriteActors(&buf, []string{"header"}, f); err != nil {
		t.Fatal(err)
	}
	g, err := dict.ParseActors("sample.txt", buf.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if !sameActors(f, g) {
		t.Errorf("round trip differs:\n%s", buf.String())
	}
}

// sameActors compares two files' content, ignoring positions.
func sameActors(a, b *dict.ActorFile) bool {
	strip := func(f *dict.ActorFile) string {
		var buf bytes.Buffer
		dict.WriteActors(&buf, nil, f)
		return buf.String()
	}
	if len(a.Entries) != len(b.Entries) || len(a.Agents) != len(b.Agents) || len(a.Removes) != len(b.Removes) {
		return false
	}
	for i := range a.Entries {
		x, y := a.Entries[i], b.Entries[i]
		if x.Type != y.Type || x.Name != y.Name || len(x.Names) != len(y.Names) || len(x.Roles) != len(y.Roles) ||
			x.Country != y.Country || x.Sector != y.Sector || x.Gender != y.Gender || x.Extend != y.Extend {
			return false
		}
		for j := range x.Names {
			if x.Names[j].Text != y.Names[j].Text || x.Names[j].Kind != y.Names[j].Kind {
				return false
			}
		}
		for j := range x.Roles {
			if x.Roles[j].Code != y.Roles[j].Code || x.Roles[j].Range() != y.Roles[j].Range() {
				return false
			}
		}
	}
	return strip(a) == strip(b)
}

func TestDefaultActors(t *testing.T) {
	d, err := dict.DefaultActors()
	if err != nil {
		t.Fatal(err)
	}
	entries, names, agents := d.Counts()
	if entries < 20000 || names < 30000 || agents < 3000 {
		t.Errorf("counts %d entries, %d names, %d agents: too few", entries, names, agents)
	}
	found := map[string]*dict.ActorEntry{}
	for _, e := range d.Entries() {
		found[e.Type+" "+e.Name] = e
	}
	for _, want := range []string{"person Bashar al-Assad", "person Sergey Lavrov", "state Syria", "group Islamic State",
		"organisation United Nations", "organisation Kremlin", "group Hezbollah", "state Russia"} {
		if found[want] == nil {
			t.Errorf("no %s", want)
		}
	}
	if e := found["group Islamic State"]; e != nil {
		if c, s, code := e.Codes("2015-06-01"); c != "" || s != "REB" || code != "IMGMUSISI" {
			t.Errorf("Islamic State codes %q %q %q", c, s, code)
		}
	}
}

func FuzzParseActors(f *testing.F) {
	f.Add([]byte(sampleActors))
	f.Add([]byte("person A\n\tcode USAGOV ..2013-01-01\n"))
	f.Add([]byte("extend state Syria\n\talias Sham\n"))
	f.Add([]byte("agent a b ~GOV plural c d\n\t# x\n"))
	f.Add([]byte("\t\x00\xff\nstate S\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := dict.ParseActors("fuzz.txt", src)
		lines := bytes.Count(src, []byte("\n")) + 1
		if err != nil {
			list, ok := err.(dict.ErrorList)
			if !ok || len(list) == 0 {
				t.Fatalf("error %T %v", err, err)
			}
			for _, e := range list {
				if e.Pos.File != "fuzz.txt" || e.Pos.Line < 1 || e.Pos.Line > lines {
					t.Fatalf("bad position %v in %d lines", e.Pos, lines)
				}
			}
			return
		}
		var buf bytes.Buffer
		if err := dict.WriteActors(&buf, []string{"x"}, file); err != nil {
			t.Fatal(err)
		}
		again, err := dict.ParseActors("fuzz.txt", buf.Bytes())
		if err != nil {
			t.Fatalf("written file does not parse: %v\n%s", err, buf.String())
		}
		if !sameActors(file, again) {
			t.Fatalf("round trip differs:\n%q\n%s", src, buf.String())
		}
	})
}
