package dictfmt

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/dict"
	"github.com/dyad-project/dyad/internal/testutil"
)

// errorLines returns the sorted, distinct lines of the errors of err.
func errorLines(t *testing.T, err error) []int {
	t.Helper()
	if err == nil {
		return nil
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error is not an ErrorList: %v", err)
	}
	seen := map[int]bool{}
	var out []int
	for _, e := range list {
		if !errors.Is(e, ErrSyntax) {
			t.Errorf("%v does not wrap ErrSyntax", e)
		}
		if !seen[e.Line] {
			seen[e.Line] = true
			out = append(out, e.Line)
		}
	}
	sort.Ints(out)
	return out
}

// TestRealFiles reads the reference dictionaries and checks that exactly the
// genuinely malformed lines are reported.
func TestRealFiles(t *testing.T) {
	const p2 = "reference/petrarch2/petrarch2/data/dictionaries/"
	const tb = "reference/TABARI-Code/"
	tests := []struct {
		name string
		read reader
		want []int // lines with errors (see the comments)
		min  int   // minimum converted output lines
	}{
		// 101: [G77] is a test code with digits, read as a code.
		{p2 + "PETR.Validate.actors.txt", ReadPetrarchActors, nil, 200},
		// Bad dates (9008223, >201005011, 1920030320, a bare date), an
		// unbalanced bracket (+FAEROYENE]_).
		{p2 + "Phoenix.Countries.actors.txt", ReadPetrarchActors,
			[]int{2039, 14190, 15346, 18010, 22508, 22519, 31715, 43613, 51384}, 50000},
		{p2 + "Phoenix.International.actors.txt", ReadPetrarchActors, []int{40}, 10000},
		{p2 + "Phoenix.MilNonState.actors.txt", ReadPetrarchActors, nil, 2000},
		{p2 + "PETR.Validate.agents.txt", ReadPetrarchAgents, nil, 80},
		// [~ENV} and a line without a code.
		{p2 + "Phoenix.agents.txt", ReadPetrarchAgents, []int{544, 1927}, 3000},
		// Codes that are not event codes ([abc], [210a], [025?]; the
		// WEIS variants [075A] and [174K] are), a pattern without a code.
		// Headers of two words ("--- LASH OUT [122] ---") and a block
		// reopened with another code (1093) are read.
		{p2 + "PETR.Validate.verbs.txt", ReadPetrarchVerbs,
			[]int{155, 156, 671, 975, 992, 993, 1051, 1241}, 900},
		// Stray ")" in two patterns; &WEATHER and &DEMONSTRATION are
		// never defined.
		{p2 + "CAMEO.2.0.txt", ReadPetrarchVerbs, []int{2374, 7606, 8443, 8444}, 7000},
		// [AR1 <911226] [AR2] and [G77] are codes: digits may follow a
		// group's first letter.
		{tb + "TABARI.Demo.actors", ReadTabariActors, nil, 200},
		{tb + "Validate.agents", ReadTabariAgents, nil, 80},
		// Test codes that are not event codes ([sdf], [abc], [025?], ...).
		{tb + "TABARI.Demo.verbs", ReadTabariVerbs, []int{60, 95, 96, 496, 507, 522, 537}, 900},
		// Actor codes or letters as event codes, unbalanced { | },
		// a quote in a pattern, two * in a pattern.
		{tb + "CAMEO.091003.master.verbs", ReadTabariVerbs, []int{7712, 7729, 7990, 10096, 10190, 10361,
			13706, 14146, 14203, 14679, 14916, 14917, 14918, 14919, 14920, 14921, 14922, 14924, 15517, 16183, 16330}, 18000},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.name), func(t *testing.T) {
			f, err := os.Open(testutil.Shared(t, tt.name))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			out, err := tt.read(filepath.Base(tt.name), f)
			if got := errorLines(t, err); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("error lines = %v, want %v\n%v", got, tt.want, err)
			}
			if n := strings.Count(string(out), "\n"); n < tt.min {
				t.Errorf("converted %d lines, want at least %d", n, tt.min)
			}
		})
	}
}

func TestReadTabariOptionsAndProject(t *testing.T) {
	f, err := os.Open(testutil.Shared(t, "reference/TABARI-Code/Validate.options"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	o, err := ReadTabariOptions("Validate.options", f)
	if err != nil {
		t.Fatal(err)
	}
	if o.Set["LABEL"] != "TRUE" || o.Set["SKIP RECORDS"] != "FALSE" || o.Labels["010"] != "YIELD" {
		t.Errorf("options: Set=%v, Labels[010]=%q", o.Set, o.Labels["010"])
	}
	if len(o.Other["COMPLEX"]) != 1 {
		t.Errorf("COMPLEX = %v", o.Other["COMPLEX"])
	}
	pf, err := os.Open(testutil.Shared(t, "reference/TABARI-Code/Validate.project"))
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	p, err := ReadTabariProject("Validate.project", pf)
	if err != nil {
		t.Fatal(err)
	}
	want := Project{Actors: []string{"TABARI.Demo.actors"}, Verbs: "TABARI.Demo.verbs", Agents: "Validate.agents",
		Options: "Validate.options"}
	if !reflect.DeepEqual(p.Actors, want.Actors) || p.Verbs != want.Verbs || p.Agents != want.Agents ||
		p.Options != want.Options || len(p.Sessions) == 0 {
		t.Errorf("project = %+v", p)
	}
}

func TestOptionsErrors(t *testing.T) {
	src := "// comment\nSET: CODE ALL\nno colon here\nLABEL: 010\nSET: =x\n"
	o, err := ReadTabariOptions("t.options", strings.NewReader(src))
	if got := errorLines(t, err); !reflect.DeepEqual(got, []int{3, 4, 5}) {
		t.Errorf("error lines = %v (%v)", got, err)
	}
	if o.Set["CODE ALL"] != "TRUE" {
		t.Errorf("Set = %v", o.Set)
	}
	_, err = ReadTabariProject("t.project", strings.NewReader("title\n<coder> x\nstray\n"))
	if got := errorLines(t, err); !reflect.DeepEqual(got, []int{1, 3}) {
		t.Errorf("project error lines = %v (%v)", got, err)
	}
}

// convert runs a reader and returns its output without blank lines.
func convert(t *testing.T, read reader, src string) (string, error) {
	t.Helper()
	out, err := read("t", strings.NewReader(src))
	return strings.TrimSpace(string(out)), err
}

func TestActors(t *testing.T) {
	tests := []struct {
		name string
		read reader
		src  string
		want string
		errs []int
	}{
		{"petrarch state and synonym", ReadPetrarchActors, "NARNIA_ [NAR]\n+NARNIAN_\n",
			"organisation NARNIA\n\talias NARNIAN\n\tcode NAR", nil},
		{"country state", ReadPetrarchActors, "FRANCE_ [FRA] # a comment\n", "state FRANCE\n\tcode FRA", nil},
		{"dated roles on own lines", ReadPetrarchActors,
			"JANE_ROE_\n+MINISTER_ROE\n\t[USAGOV 130201-170120]\n\t[USAELI >170120]\n",
			"person JANE ROE\n\talias MINISTER ROE\n\tcode USAGOV 2013-02-01..2017-01-20\n\tcode USAELI 2017-01-21..", nil},
		{"before date and fallback", ReadTabariActors, "OLDLAND_ [ABC <911226] [DEF] ;note\n",
			"person OLDLAND\n\talias OLDLANDS\n\tcode ABC ..1991-12-25\n\tcode DEF", nil},
		{"two-digit years across the century", ReadPetrarchActors, "OLD_LEADER [XYZGOV 470101-020724]\n",
			"person OLD LEADER\n\tcode XYZGOV 1947-01-01..2002-07-24", nil},
		{"codeless entries share a block", ReadPetrarchActors, "FIRST_NAME\nSECOND_NAME\n\t[QQQ]\n",
			"organisation FIRST NAME\n\tcode QQQ\norganisation SECOND NAME\n\tcode QQQ", nil},
		{"no-code markers", ReadTabariActors, "NOBODY_ [---]\nSKIPPED_ [###]\n",
			"organisation NOBODY\n\talias NOBODYS\norganisation SKIPPED\n\talias SKIPPEDS", nil},
		{"several codes and long code", ReadTabariActors, "TWINS_ [AAA/BBB]\nBODY_ [NGOCHRPRO214]\n",
			"organisation TWINS\n\tcode AAA\n\tcode BBB\norganisation BODY\n\talias BODYS\n\tcode NGOCHRPRO", nil},
		{"test codes with digits and a short group", ReadTabariActors, "GROUP_ [G77]\nTV_ [ITHTV]\n",
			"organisation GROUP\n\talias GROUPS\n\tcode G77\norganisation TV\n\talias TVS\n\tcode ITHTV", nil},
		{"duplicates merge, the first undated code kept", ReadPetrarchActors, "RED_TEAM [RED]\n+REDS\nRED TEAM [REDMIL]\n+RED FORCE\n",
			"organisation RED TEAM\n\talias REDS\n\talias RED FORCE\n\tcode RED", nil},
		{"tabari sections and comments skipped", ReadTabariActors,
			"<NOUN>\nTANKS ;x\n</NOUN>\n<ADJECTIVE>\nBAD\n</ADJECTIVE>\n#OFF [ZZZ]\nLAND_ [LND]\n",
			"organisation LAND\n\talias LANDS\n\tcode LND", nil},
		{"tabari stem", ReadTabariActors, "ROHAN [ROH]\n+ROHIRRIM_\n",
			"organisation ROHAN\n\talias ROHANS\n\talias ROHANES\n\talias ROHANN\n\talias ROHANNS\n\talias ROHANAN\n" +
				"\talias ROHANANS\n\talias ROHANIAN\n\talias ROHANIANS\n\talias ROHANI\n\talias ROHANIS\n\talias ROHANESE\n" +
				"\talias ROHANISH\n\talias ROHIRRIM\n\talias ROHIRRIMS\n\tcode ROH", nil},
		{"html comments", ReadPetrarchActors, "<!-- header -->\nLAND [LND]\n", "organisation LAND\n\tcode LND", nil},
		{"latin-1 crlf and 0x1a", ReadPetrarchActors, "S\xc3O_TOM\xc9 [STP]\r\n\x1a", "state SÃO TOMÉ\n\tcode STP", nil},
		{"bad code", ReadPetrarchActors, "X1 [1AB]\n", "organisation X1", []int{1}},
		{"bad date", ReadPetrarchActors, "ROE [USAGOV 9912-0101]\n", "organisation ROE", []int{1}},
		{"reversed range", ReadPetrarchActors, "ROE [USAGOV 20100101-20000101]\n", "organisation ROE", []int{1}},
		{"synonym first", ReadPetrarchActors, "+LOST\nLAND [LND]\n", "organisation LAND\n\tcode LND", []int{1}},
		{"code block first", ReadPetrarchActors, "\t[LND]\n", "", []int{1}},
		{"unbalanced bracket", ReadPetrarchActors, "LAND] [LND]\n", "", []int{1}},
		{"empty code", ReadTabariActors, "LAND_ []\n", "organisation LAND\n\talias LANDS", []int{1}},
		{"every bad line", ReadPetrarchActors, "A [1]\nB [LND]\nC [2]\n\t[3]\n", "", []int{1, 3, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := convert(t, tt.read, tt.src)
			if lines := errorLines(t, err); !reflect.DeepEqual(lines, tt.errs) {
				t.Errorf("error lines = %v, want %v (%v)", lines, tt.errs, err)
			}
			if tt.want != "" && got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestAgents(t *testing.T) {
	tests := []struct {
		name string
		read reader
		src  string
		want string
		errs []int
	}{
		{"plain", ReadPetrarchAgents, "HARBOUR_PILOT [~BUS] # x\n", "agent harbour pilot ~BUS", nil},
		{"plural", ReadPetrarchAgents, "CHIEF_OF_POLICE {CHIEFS_OF_POLICE} [~COP]\n",
			"agent chief of police ~COP plural chiefs of police", nil},
		{"empty plural", ReadPetrarchAgents, "PRESS {} [~MED]\n", "agent press ~MED noplural", nil},
		{"regular plural", ReadPetrarchAgents, "PRESS [~MED]\n", "agent press ~MED", nil},
		{"substitution", ReadPetrarchAgents, "!WHO! = MAN, WOMAN\nMILK!WHO! [~BUS]\n",
			"agent milkman ~BUS\nagent milkwoman ~BUS", nil},
		{"tabari before code", ReadTabariAgents, "RELIEF_GROUP_  [ NGO~] ;x\n", "agent relief group NGO~", nil},
		{"no code", ReadPetrarchAgents, "LONER\n", "", []int{1}},
		{"bad code", ReadPetrarchAgents, "LONER [~GO]\nTWIN [~GOV] [~MIL]\n", "", []int{1, 2}},
		{"undefined substitution", ReadPetrarchAgents, "!NOPE!_BOSS [~BUS]\n", "", []int{1}},
		{"empty substitution", ReadPetrarchAgents, "!E! = ,\n", "", []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := convert(t, tt.read, tt.src)
			if lines := errorLines(t, err); !reflect.DeepEqual(lines, tt.errs) {
				t.Errorf("error lines = %v, want %v (%v)", lines, tt.errs, err)
			}
			if tt.want != "" && got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestVerbs(t *testing.T) {
	tests := []struct {
		name string
		read reader
		src  string
		want string
		errs []int
	}{
		{"synset and block", ReadPetrarchVerbs,
			"&FRUIT\n+APPLE\n+GREEN_PEAR\n--- PRAISE [051] ---\nLAUD {LAUDED LAUDS}\n- * &FRUIT [052] # note\n",
			"set FRUIT\n+ apple\n+ green pear\nblock PRAISE [051]\nverb laud {lauded lauds}\n- * &FRUIT [052] # note", nil},
		{"phrases and groups", ReadPetrarchVerbs,
			"--- MEET [040] ---\n+SIT_DOWN {+SAT_DOWN} [043]\n- $ * {PEACE_TALKS} (WITH +) [043:043]\n- * ^ NEW_ROUND [044]\n",
			"block MEET [040]\nverb sit down {sat} [043]\n- $ * {peace talks} (with +) [043:043]\n- * ^ {new round} [044]", nil},
		{"set joined in a phrase", ReadPetrarchVerbs,
			"&TIES\n+ECONOMIC\n--- LEAVE [345] ---\nABANDON\n- * NEW_&TIES_RELATIONS [903]\n",
			"set TIES\n+ economic\nblock LEAVE [345]\nverb abandon {abandons abandoned abandoning}\n- * new_ &TIES_ relations [903]", nil},
		{"joined star and alternatives", ReadPetrarchVerbs,
			"--- HELP [070] ---\nAID\n- WILL_* { FOOD | WATER } [071]\n",
			"block HELP [070]\nverb aid {aids aided aiding}\n- will_ * food [071]\n- will_ * water [071]", nil},
		{"no-event and conjunction verb", ReadPetrarchVerbs,
			"--- HIT [190] ---\nSTRIKE [---]\n+STRUCK_AND\n~ a (a b HIT) SAY = a b 015\n",
			"block HIT [190]\nverb strike {strikes striked striking} [---]", nil},
		{"irregular forms only", ReadPetrarchVerbs, "--- HIT [190] ---\nSTRIKE {STRUCK STRIKING}\n",
			"block HIT [190]\nverb strike {struck striking}", nil},
		{"regular forms", ReadPetrarchVerbs, "--- GO [010] ---\nCARRY\nPUSH\nPOSE\n",
			"block GO [010]\nverb carry {carries carried carrying}\nverb push {pushes pushed pushing}\nverb pose {poses posed posing}", nil},
		{"block name of two words", ReadPetrarchVerbs, "--- LASH OUT [122] ---\nLASH OUT\n",
			"block LASH_OUT [122]\nverb lash out {lashes lashed lashing}", nil},
		{"block reopened with another code", ReadPetrarchVerbs, "--- SHOT [---] ---\nSHOT\n--- SHOT [223] ---\nSHOT\n- + WAS * DEAD [224]\n",
			"block SHOT [---]\nverb shot {shots shoted shoting}\nblock SHOT_3 [223]\nverb shot {shots shoted shoting}\n- + was * dead [224]", nil},
		{"tabari root and patterns", ReadTabariVerbs,
			"<SYNSETS>\n&TOOL\n+SPADE\n&KIT\n+&TOOL_BOX\n</SYNSETS>\n<TIME>\nLATER [+1]\n</TIME>\nDIG_ [060] ;x\n- * { HOLE | PIT } FOR_ + [061]\n- % * &KIT [062]\n{ DUG_ DIGS_ }\nPLANT_ [###]\n",
			"set TOOL\n+ spade~\nset KIT\n+ spade~ box~\nblock DIG [060]\nverb dig {digs diges diged digen diging}\n- * hole~ for + [061]\n- * pit~ for + [061]\n- % * &KIT [062]\nverb dug\nverb digs\nblock PLANT [---]\nverb plant {plants plantes planted planten planting}", nil},
		{"latin-1 crlf", ReadTabariVerbs, "CAFE_ [010] ;caf\xe9\r\n- * \x1aTEA [011]\r\n", "block CAFE [010]\nverb cafe {cafes cafed cafen cafing}\n- * tea~ [011]", nil},
		{"bad codes skip their block", ReadTabariVerbs, "RUN [1A2]\n- * FAST [010]\nWALK_ [010]\n- * SLOW [abc]\n",
			"block WALK [010]\nverb walk {walks walkes walked walken walking}", []int{1, 4}},
		{"tabari stems and whole words", ReadTabariVerbs, "RESTOR [064]\nBURN_DOWN [222]\nBAN= [191]\n",
			"block RESTOR [064]\nverb restor~\n" +
				"block BURN_DOWN [222]\nverb burn down {burns burnes burned burnen burning}\nblock BAN [191]\nverb ban", nil},
		{"tabari marks in patterns and forms", ReadTabariVerbs,
			"ACT_ [100]\n{ ACTING_ ACTUALITY BROKEN_DOWN_ }\n- IN_* [075]\n- SUGGESTED_+ * DEMAND_{ GENEVA_ | REAL~_ }_CONVENTIONS [111]\n",
			"block ACT [100]\nverb act {acts actes acted acten acting}\nverb acting\nverb actuality~\nverb broken down\n" +
				"- in_ * [075]\n- suggested_ + * demand_ geneva_ conventions~ [111]\n- suggested_ + * demand_ real~_ conventions~ [111]", nil},
		{"pattern without code", ReadPetrarchVerbs, "--- GO [010] ---\n- * HOME\n", "", []int{2}},
		{"outside a block", ReadPetrarchVerbs, "- * HOME [010]\nRUN\n", "", []int{1, 2}},
		{"bad header", ReadPetrarchVerbs, "--- GO ---\nRUN\n- * FAR [010]\n", "", []int{1}},
		{"undefined set", ReadPetrarchVerbs, "--- GO [010] ---\nRUN\n- * &NOPE [011]\n", "", []int{3}},
		{"bad set name", ReadPetrarchVerbs, "&NO-PE\n", "", []int{1}},
		{"member of undefined set", ReadTabariVerbs, "<SYNSETS>\n&A\n+&B_X\nstray\n</SYNSETS>\n", "", []int{3, 4}},
		{"unbalanced alternatives", ReadTabariVerbs, "GO [010]\n- * { A | B [011]\n", "", []int{2}},
		{"tabari verb without code", ReadTabariVerbs, "GO\n", "", []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := convert(t, tt.read, tt.src)
			if lines := errorLines(t, err); !reflect.DeepEqual(lines, tt.errs) {
				t.Errorf("error lines = %v, want %v (%v)", lines, tt.errs, err)
			}
			if tt.want != "" && got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoad(t *testing.T) {
	pdir := writeFiles(t, map[string]string{
		"my.actors.txt": "NARNIA [NAR]\nJANE_ROE [USAGOV 130201-170120]\n",
		"my.agents.txt": "HARBOUR_PILOT [~BUS]\n",
		"my.verbs.txt":  "--- PRAISE [051] ---\nLAUD\n- * WARMLY [052]\n",
		"notes.md":      "ignored",
	})
	actors, verbs, err := Load(FormatPetrarch, pdir)
	if err != nil {
		t.Fatal(err)
	}
	if e, _, a := actors.Counts(); e != 2 || a != 1 {
		t.Errorf("actors: %d entries, %d agents", e, a)
	}
	if len(verbs.VerbEntries("laud")) != 1 {
		t.Errorf("verb laud not loaded")
	}
	tdir := writeFiles(t, map[string]string{
		"a.project":   "test\n<actorsfile> land.actors\n<verbsfile> v.verbs\n<agentsfile> g.agents\n",
		"land.actors": "LAND [LND]\n",
		"g.agents":    "GUARD_ [~MIL]\n",
		"v.verbs":     "DIG [060]\n",
		"skip.verbs":  "not read: the project does not name it\n",
	})
	actors, verbs, err = Load(FormatTabari, tdir)
	if err != nil {
		t.Fatal(err)
	}
	if e, _, a := actors.Counts(); e != 1 || a != 1 || verbs.Block("DIG") == nil {
		t.Errorf("tabari: %d entries, %d agents, DIG %v", e, a, verbs.Block("DIG"))
	}
	bad := writeFiles(t, map[string]string{"x.actors": "A [1]\n", "y.verbs": "GO\n"})
	_, _, err = Load(FormatTabari, bad)
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 {
		t.Errorf("Load of bad files: %v, want two errors", err)
	}
	if _, _, err := Load(FormatTabari, t.TempDir()); !errors.Is(err, ErrNoDictionary) {
		t.Errorf("empty dir: %v", err)
	}
	if _, _, err := Load("keds", pdir); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestLoadReferenceDirs(t *testing.T) {
	dir := filepath.Dir(testutil.Shared(t, "reference/petrarch2/petrarch2/data/dictionaries/CAMEO.2.0.txt"))
	tmp := t.TempDir()
	for _, n := range []string{"PETR.Validate.agents.txt", "Phoenix.MilNonState.actors.txt"} {
		src, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(tmp, n), src, 0o644)
	}
	actors, verbs, err := Load(FormatPetrarch, tmp)
	if err != nil {
		t.Fatal(err)
	}
	if e, _, a := actors.Counts(); e < 500 || a < 80 || verbs != nil {
		t.Errorf("%d entries, %d agents, verbs %v", e, a, verbs)
	}
}

func FuzzReadPetrarchVerbs(f *testing.F) {
	f.Add("&S\n+A_B\n--- GO [010] ---\nRUN {RAN}\n- $ * {X Y} (TO +) [011:012] # c\n")
	f.Add("--- X [---] ---\n- * { A | B } [010]\n~ a b\n")
	f.Fuzz(func(t *testing.T, src string) {
		out, err := ReadPetrarchVerbs("f", strings.NewReader(src))
		if err == nil {
			if _, perr := dict.ParseVerbs("f", out); perr != nil {
				t.Fatalf("no error but the output does not parse: %v\n%s", perr, out)
			}
		}
	})
}

func FuzzReadTabariActors(f *testing.F) {
	f.Add("<NOUN>\nX\n</NOUN>\nLAND_ [LND] ;c\n+LANDER\nROE\n\t[ABC <911226]\n\t[DEF 900101-991231]\n")
	f.Add("A [AAA/BBB >700101] [---]\n")
	f.Fuzz(func(t *testing.T, src string) {
		out, err := ReadTabariActors("f", strings.NewReader(src))
		if err == nil {
			if _, perr := dict.ParseActors("f", out); perr != nil {
				t.Fatalf("no error but the output does not parse: %v\n%s", perr, out)
			}
		}
	})
}

func BenchmarkReadPetrarchVerbs(b *testing.B) {
	src, err := os.ReadFile(testutil.Shared(b, "reference/petrarch2/petrarch2/data/dictionaries/CAMEO.2.0.txt"))
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Count(string(src), "\n")
	b.ResetTimer()
	for b.Loop() {
		ReadPetrarchVerbs("CAMEO.2.0.txt", strings.NewReader(string(src)))
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}
