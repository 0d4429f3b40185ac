package cameo_test

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/cameo"
	"github.com/dyad-project/dyad/internal/testutil"
)

// wantCount is the number of codes in CAMEO 1.1b3: 20 roots, the 293 codes
// of the older TABARI list, and 176, 1951 and 1952.
const wantCount = 316

var ploverTypes = map[string]bool{
	"AGREE": true, "CONSULT": true, "SUPPORT": true, "CONCEDE": true,
	"COOPERATE": true, "AID": true, "RETREAT": true, "REQUEST": true,
	"ACCUSE": true, "REJECT": true, "THREATEN": true, "PROTEST": true,
	"SANCTION": true, "MOBILIZE": true, "COERCE": true, "ASSAULT": true,
}

func TestCount(t *testing.T) {
	if got := len(cameo.All()); got != wantCount {
		t.Errorf("len(All()) = %d, want %d", got, wantCount)
	}
}

func TestRootsPresent(t *testing.T) {
	for i := 1; i <= 20; i++ {
		r := fmt.Sprintf("%02d", i)
		c, ok := cameo.Lookup(r)
		if !ok {
			t.Errorf("root %s missing", r)
			continue
		}
		if c.Root != r || c.Parent != "" || c.Label == "" {
			t.Errorf("root %s: got %+v", r, c)
		}
		// Every root has its "not otherwise specified" 3-digit code.
		if !cameo.Valid(r + "0") {
			t.Errorf("code %s0 missing", r)
		}
	}
}

func TestTableConsistent(t *testing.T) {
	all := cameo.All()
	if !sort.SliceIsSorted(all, func(i, j int) bool { return all[i].Code < all[j].Code }) {
		t.Error("All() is not sorted by code")
	}
	for _, c := range all {
		if got, ok := cameo.Lookup(c.Code); !ok || got != c {
			t.Errorf("Lookup(%q) = %+v, %v; want %+v", c.Code, got, ok, c)
		}
		if c.Root != c.Code[:2] || cameo.Root(c.Code) != c.Root {
			t.Errorf("%s: Root %q", c.Code, c.Root)
		}
		if q := cameo.Quad(c.Root); q < 1 || q > 4 || c.Quad != q {
			t.Errorf("%s: Quad %d, Quad(root) %d", c.Code, c.Quad, q)
		}
		if c.Goldstein < -10 || c.Goldstein > 10 {
			t.Errorf("%s: Goldstein %v out of [-10,10]", c.Code, c.Goldstein)
		}
		if c.Label == "" {
			t.Errorf("%s: empty label", c.Code)
		}
		switch {
		case c.Root == "01" && c.PLOVER != "":
			t.Errorf("%s: statements have no PLOVER type, got %q", c.Code, c.PLOVER)
		case c.Root != "01" && !ploverTypes[c.PLOVER]:
			t.Errorf("%s: PLOVER %q is not a PLOVER event type", c.Code, c.PLOVER)
		}
		// Walk the parent chain up to the root.
		for p, depth := c, 0; p.Parent != ""; depth++ {
			next, ok := cameo.Lookup(p.Parent)
			if !ok || depth > 2 || !strings.HasPrefix(p.Code, next.Code) || len(next.Code) != len(p.Code)-1 {
				t.Errorf("%s: broken parent chain at %s -> %q", c.Code, p.Code, p.Parent)
				break
			}
			p = next
		}
	}
}

func TestKnownValues(t *testing.T) {
	tests := []struct {
		code      string
		goldstein float64
		plover    string
		quad      int
	}{
		{"010", 0.0, "", 1},
		{"020", 3.0, "REQUEST", 1},
		{"036", 4.0, "AGREE", 1},
		{"042", 1.9, "CONSULT", 1},
		{"043", 2.8, "CONSULT", 1},
		{"051", 3.4, "SUPPORT", 1},
		{"057", 8.0, "SUPPORT", 1},
		{"0871", 9.0, "RETREAT", 2},
		{"0874", 10.0, "RETREAT", 2},
		{"091", -2.0, "ACCUSE", 3},
		{"112", -2.0, "ACCUSE", 3},
		{"130", -4.4, "THREATEN", 3},
		{"145", -7.5, "PROTEST", 4},
		{"163", -8.0, "COERCE", 4},
		{"173", -5.0, "COERCE", 4},
		{"1823", -10.0, "ASSAULT", 4},
		{"190", -10.0, "ASSAULT", 4},
		{"2042", -10.0, "ASSAULT", 4},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			c, ok := cameo.Lookup(tt.code)
			if !ok {
				t.Fatalf("Lookup(%q) failed", tt.code)
			}
			if c.Goldstein != tt.goldstein || c.PLOVER != tt.plover || c.Quad != tt.quad {
				t.Errorf("got goldstein %v plover %q quad %d, want %v %q %d",
					c.Goldstein, c.PLOVER, c.Quad, tt.goldstein, tt.plover, tt.quad)
			}
		})
	}
}

func TestRoot(t *testing.T) {
	tests := []struct{ name, code, want string }{
		{"four digits", "0211", "02"},
		{"four digits two-digit root", "1041", "10"},
		{"three digits", "195", "19"},
		{"root", "20", "20"},
		{"code not in table", "1834", "18"},
		{"lost leading zero", "211", ""},
		{"root 00", "00", ""},
		{"one digit", "2", ""},
		{"five digits", "10411", ""},
		{"letters", "01a", ""},
		{"space", " 042", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cameo.Root(tt.code); got != tt.want {
				t.Errorf("Root(%q) = %q, want %q", tt.code, got, tt.want)
			}
		})
	}
}

func TestQuad(t *testing.T) {
	tests := []struct {
		root string
		want int
	}{
		{"01", 1}, {"05", 1}, {"06", 2}, {"08", 2}, {"09", 3}, {"13", 3},
		{"14", 4}, {"20", 4}, {"0874", 2}, {"21", 0}, {"", 0},
	}
	for _, tt := range tests {
		t.Run(tt.root, func(t *testing.T) {
			if got := cameo.Quad(tt.root); got != tt.want {
				t.Errorf("Quad(%q) = %d, want %d", tt.root, got, tt.want)
			}
		})
	}
}

func TestLookupStrict(t *testing.T) {
	for _, code := range []string{"211", "42", "0211 ", "1834", "---", "", "042:043"} {
		if _, ok := cameo.Lookup(code); ok || cameo.Valid(code) {
			t.Errorf("Lookup(%q) succeeded; codes must be spelled exactly", code)
		}
	}
}

func TestAllIsCopy(t *testing.T) {
	a := cameo.All()
	a[0].Label = "changed"
	if cameo.All()[0].Label == "changed" {
		t.Error("All() exposes the package's slice")
	}
}

// ploverLine matches "0211: AGREE, mode, context # comment" in the PLOVER
// conversion table.
var ploverLine = regexp.MustCompile(`^(\d{2,4}):\s*([A-Z]+)`)

// TestPLOVERAgreement compares the PLOVER types with the CAMEO-to-PLOVER table
// of the PLOVER 2021 manual draft. dyad follows that table for every code it
// lists; the codes it does not list are the statements (01), the appeals (02,
// REQUEST by dyad's choice) and the CAMEO 1.1b3 additions 176, 1951 and 1952.
func TestPLOVERAgreement(t *testing.T) {
	path := testutil.Shared(t, "reference/PLOVER/CAMEO2PLOVER-2021.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// deviations lists codes where dyad deliberately differs from the
	// PLOVER table: none at present.
	deviations := map[string]string{}
	ref := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := ploverLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		// The table lists root 08 twice (CONCEDE, then RETREAT) and 175
		// twice; the first entry is the root's or code's main type.
		if _, seen := ref[m[1]]; !seen {
			ref[m[1]] = m[2]
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	agree := 0
	for code, want := range ref {
		c, ok := cameo.Lookup(code)
		switch {
		case !ok:
			t.Errorf("PLOVER table code %s is not in dyad's table", code)
		case c.PLOVER == want:
			agree++
		case deviations[code] == c.PLOVER:
		default:
			t.Errorf("%s: dyad PLOVER %q, PLOVER table %q", code, c.PLOVER, want)
		}
	}
	var missing []string
	for _, c := range cameo.All() {
		if _, ok := ref[c.Code]; !ok && c.Root != "01" && c.Root != "02" {
			missing = append(missing, c.Code)
		}
	}
	if strings.Join(missing, " ") != "176 1951 1952" {
		t.Errorf("codes outside roots 01/02 missing from the PLOVER table: %v, want [176 1951 1952]", missing)
	}
	t.Logf("PLOVER table: %d codes, %d agree, %d deliberate deviations", len(ref), agree, len(deviations))
}

// bracket matches a code field such as [042], [042:043] or [---] in a
// PETRARCH verb dictionary.
var bracket = regexp.MustCompile(`\[([^\]]*)\]`)

// nonStandard lists codes the MIT verb dictionary uses that are not CAMEO
// 1.1b3 event codes: none at present.
var nonStandard = map[string]bool{}

func TestPetrarchVerbCodesKnown(t *testing.T) {
	path := testutil.Shared(t, "reference/petrarch2/petrarch2/data/dictionaries/CAMEO.2.0.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]int{}
	unknown := map[string]int{}
	fields := 0
	for line := range strings.Lines(string(data)) {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		for _, m := range bracket.FindAllStringSubmatch(line, -1) {
			fields++
			// A pair "source:target" codes two events; "---" means no
			// event; a trailing "!" is a PETRARCH flag, not part of the code.
			for _, code := range strings.Split(m[1], ":") {
				code = strings.TrimSuffix(strings.TrimSpace(code), "!")
				if code == "" || code == "---" {
					continue
				}
				used[code]++
				if !cameo.Valid(code) {
					unknown[code]++
				}
			}
		}
	}
	if fields == 0 {
		t.Fatal("no [code] fields found; has the dictionary format changed?")
	}
	var bad []string
	for code, n := range unknown {
		if !nonStandard[code] {
			bad = append(bad, fmt.Sprintf("%s (%d uses)", code, n))
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Errorf("verb dictionary uses codes unknown to dyad: %s", strings.Join(bad, ", "))
	}
	t.Logf("verb dictionary: %d code fields, %d distinct codes, %d unknown", fields, len(used), len(unknown))
}

func ExampleLookup() {
	c, ok := cameo.Lookup("0871")
	fmt.Println(ok, c.Root, c.Parent, c.PLOVER, c.Quad, c.Goldstein)
	// Output: true 08 087 RETREAT 2 9
}

func FuzzRoot(f *testing.F) {
	for _, s := range []string{"0211", "195", "20", "211", "", "1834", "0x1", "99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := cameo.Root(s)
		q := cameo.Quad(s)
		if r != "" && !cameo.Valid(r) {
			t.Errorf("Root(%q) = %q, not a root", s, r)
		}
		if (r == "") != (q == 0) || q < 0 || q > 4 {
			t.Errorf("Root(%q) = %q but Quad = %d", s, r, q)
		}
		if c, ok := cameo.Lookup(s); ok && (c.Code != s || c.Root != r) {
			t.Errorf("Lookup(%q) = %+v", s, c)
		}
	})
}

func BenchmarkLookup(b *testing.B) {
	codes := make([]string, 0, wantCount)
	for _, c := range cameo.All() {
		codes = append(codes, c.Code)
	}
	b.ResetTimer()
	n := 0
	for i := 0; b.Loop(); i++ {
		if _, ok := cameo.Lookup(codes[i%len(codes)]); ok {
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "lookups/s")
}
