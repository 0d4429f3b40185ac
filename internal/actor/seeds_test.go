package actor_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/actor"
	"github.com/dyad-project/dyad/internal/segment"
	"github.com/dyad-project/dyad/internal/testutil"
	"golang.org/x/text/unicode/norm"
)

// The actor keys of the seed scorer (shared/tools/score.py): an ISO3
// country, else an organisation key from the code or the name.
var scoreAliases = map[string][]string{
	"ISIL": {"islamic state", "isis", "isil", "daesh", "is", "islamic state of iraq and the levant",
		"islamic state of iraq and syria", "islamic state group", "so-called islamic state"},
	"UN": {"united nations", "un", "u.n.", "un security council", "united nations security council",
		"security council", "un general assembly"},
	"NATO": {"nato", "north atlantic treaty organization"},
	"EU":   {"european union", "eu", "e.u."},
	"OSCE": {"osce", "organization for security and cooperation in europe",
		"organisation for security and cooperation in europe",
		"organization for security and co-operation in europe"},
	"HEZBOLLAH":   {"hezbollah", "hizbollah", "hizballah", "hizbullah"},
	"NUSRA":       {"nusra front", "al-nusra front", "al nusra", "al-nusra", "jabhat al-nusra", "nusra"},
	"HAMAS":       {"hamas"},
	"TALIBAN":     {"taliban", "the taliban"},
	"ALQAEDA":     {"al-qaeda", "al qaeda", "al-qaida", "al qaida", "alqaeda"},
	"AMNESTY":     {"amnesty international", "amnesty"},
	"RED_CROSS":   {"red cross", "icrc", "international committee of the red cross"},
	"BOKO_HARAM":  {"boko haram"},
	"ALSHABAAB":   {"al-shabaab", "al shabaab", "shabaab"},
	"HOUTHI":      {"houthis", "houthi", "ansar allah", "houthi rebels"},
	"AU":          {"african union", "au"},
	"ASEAN":       {"asean"},
	"ICC":         {"international criminal court", "icc"},
	"IAEA":        {"iaea", "international atomic energy agency"},
	"ARAB_LEAGUE": {"arab league"},
	"PKK":         {"pkk", "kurdistan workers party", "kurdistan workers' party"},
	"PYD":         {"pyd", "democratic union party"},
	"YPG":         {"ypg", "people's protection units"},
	"FARC":        {"farc", "revolutionary armed forces of colombia"},
}

var scoreCodePrefix = [][2]string{{"IGOUNO", "UN"}, {"IGOEUR", "EU"}, {"IGONAT", "NATO"}, {"IMGMUSISI", "ISIL"}, {"IMGMUSISL", "ISIL"}}

var (
	iso3RE   = regexp.MustCompile(`^[A-Z]{3}$`)
	leadRE   = regexp.MustCompile(`^(the|so-called)\s+`)
	spaceRE  = regexp.MustCompile(`\s+`)
	nonAlnum = regexp.MustCompile(`[^a-z0-9]+`)
)

func scoreNorm(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`).Replace(s)
	s = leadRE.ReplaceAllString(strings.TrimSpace(s), "")
	return spaceRE.ReplaceAllString(s, " ")
}

func scoreKey(country, code, name string, local map[string]string) string {
	if iso3RE.MatchString(country) {
		return country
	}
	for _, p := range scoreCodePrefix {
		if strings.HasPrefix(code, p[0]) {
			return p[1]
		}
	}
	n := scoreNorm(name)
	if n == "" {
		return ""
	}
	if k, ok := local[n]; ok {
		return k
	}
	for k, names := range scoreAliases {
		for _, x := range names {
			if x == n {
				return k
			}
		}
	}
	return strings.ToUpper(strings.Trim(nonAlnum.ReplaceAllString(n, "_"), "_"))
}

type goldActor struct {
	Name     string   `json:"name"`
	Key      string   `json:"key"`
	Sector   string   `json:"sector"`
	Mentions []string `json:"mentions"`
}

type seed struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

func readSeeds(t testing.TB) []seed {
	path := testutil.Shared(t, "seeds/seeds.jsonl")
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	var out []seed
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var s seed
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// TestSeedsRecall checks actor recall on the seed articles, computed as
// score.py does: the share of gold actors whose key is among the keys of
// the actors found.
func TestSeedsRecall(t *testing.T) {
	seeds := readSeeds(t)
	f := defaultFinder(t)
	found, total := 0, 0
	for _, s := range seeds {
		var gold struct {
			Actors []goldActor `json:"actors"`
		}
		b, err := os.ReadFile(filepath.Join(filepath.Dir(testutil.Shared(t, "seeds/seeds.jsonl")), "gold", s.ID+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &gold); err != nil {
			t.Fatal(err)
		}
		local := map[string]string{}
		for _, g := range gold.Actors {
			if g.Key == "" || iso3RE.MatchString(g.Key) {
				continue
			}
			for _, n := range append([]string{g.Name}, g.Mentions...) {
				local[scoreNorm(n)] = g.Key
			}
		}
		r := f.Find(s.Text, segment.Text(s.Text), s.Published)
		keys := map[string]bool{}
		for _, a := range r.Actors() {
			keys[scoreKey(a.Country, a.Code, a.Name, local)] = true
		}
		for _, g := range gold.Actors {
			total++
			if keys[g.Key] {
				found++
			} else {
				t.Logf("%s: missed %s (%s)", s.ID, g.Name, g.Key)
			}
		}
		if testing.Verbose() {
			for _, a := range r.Actors() {
				var ms []string
				for _, m := range a.Mentions {
					ms = append(ms, m.Text+"/"+m.Via[:1])
				}
				t.Logf("%s %-4s %-28q %-3s %-3s %-10s %-12s %s", s.ID[:3], a.ID, a.Name, a.Country, a.Sector, a.Code, a.Type, strings.Join(ms, " | "))
			}
		}
	}
	recall := float64(found) / float64(total)
	t.Logf("actor recall %.3f (%d of %d gold actors)", recall, found, total)
	if recall < 0.9 {
		t.Errorf("actor recall %.3f < 0.9", recall)
	}
}

func defaultFinder(t testing.TB) *actor.Finder {
	t.Helper()
	f, err := actor.Default()
	if err != nil {
		t.Fatal(err)
	}
	return f
}
