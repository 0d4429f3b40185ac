package score

import (
	"fmt"
	"strings"
)

// aliases names the organisations that score.py recognises by name, in
// score.py's order (a name listed twice would map to the later key).
var aliases = []struct {
	key   string
	names []string
}{
	{"ISIL", []string{"islamic state", "isis", "isil", "daesh", "is", "islamic state of iraq and the levant",
		"islamic state of iraq and syria", "islamic state group", "so-called islamic state"}},
	{"UN", []string{"united nations", "un", "u.n.", "un security council", "united nations security council",
		"security council", "un general assembly"}},
	{"NATO", []string{"nato", "north atlantic treaty organization"}},
	{"EU", []string{"european union", "eu", "e.u."}},
	{"OSCE", []string{"osce", "organization for security and cooperation in europe",
		"organisation for security and cooperation in europe",
		"organization for security and co-operation in europe"}},
	{"HEZBOLLAH", []string{"hezbollah", "hizbollah", "hizballah", "hizbullah"}},
	{"NUSRA", []string{"nusra front", "al-nusra front", "al nusra", "al-nusra", "jabhat al-nusra", "nusra"}},
	{"HAMAS", []string{"hamas"}},
	{"TALIBAN", []string{"taliban", "the taliban"}},
	{"ALQAEDA", []string{"al-qaeda", "al qaeda", "al-qaida", "al qaida", "alqaeda"}},
	{"AMNESTY", []string{"amnesty international", "amnesty"}},
	{"RED_CROSS", []string{"red cross", "icrc", "international committee of the red cross"}},
	{"BOKO_HARAM", []string{"boko haram"}},
	{"ALSHABAAB", []string{"al-shabaab", "al shabaab", "shabaab"}},
	{"HOUTHI", []string{"houthis", "houthi", "ansar allah", "houthi rebels"}},
	{"AU", []string{"african union", "au"}},
	{"ASEAN", []string{"asean"}},
	{"ICC", []string{"international criminal court", "icc"}},
	{"IAEA", []string{"iaea", "international atomic energy agency"}},
	{"ARAB_LEAGUE", []string{"arab league"}},
	{"PKK", []string{"pkk", "kurdistan workers party", "kurdistan workers' party"}},
	{"PYD", []string{"pyd", "democratic union party"}},
	{"YPG", []string{"ypg", "people's protection units"}},
	{"FARC", []string{"farc", "revolutionary armed forces of colombia"}},
}

// alias maps a normalised organisation name to its key (score.py's ALIAS).
var alias = func() map[string]string {
	m := map[string]string{}
	for _, a := range aliases {
		for _, n := range a.names {
			m[n] = a.key
		}
	}
	return m
}()

// codePrefixes maps CAMEO actor code prefixes to organisation keys, in
// score.py's order.
var codePrefixes = []struct{ prefix, key string }{
	{"IGOUNO", "UN"}, {"IGOEUR", "EU"}, {"IGONAT", "NATO"}, {"IMGMUSISI", "ISIL"}, {"IMGMUSISL", "ISIL"},
}

// quadClass is score.py's QUAD table from CAMEO root to QuadClass. It maps
// root "09" (investigate) to 2, material cooperation, where the GDELT
// convention (and dyad's own cameo package) has 3: the scorer reproduces
// score.py, not the convention, so that the figures agree.
var quadClass = map[string]int{
	"01": 1, "02": 1, "03": 1, "04": 1, "05": 1,
	"06": 2, "07": 2, "08": 2, "09": 2,
	"10": 3, "11": 3, "12": 3, "13": 3, "14": 3,
	"15": 4, "16": 4, "17": 4, "18": 4, "19": 4, "20": 4,
}

// isISO3 is re.fullmatch(r"[A-Z]{3}", s).
func isISO3(s string) bool {
	return len(s) == 3 && isUpperASCII(s[0]) && isUpperASCII(s[1]) && isUpperASCII(s[2])
}

func isUpperASCII(c byte) bool { return 'A' <= c && c <= 'Z' }

// actorKey is score.py's key(actor, local): the ISO3 "key" or "country" of an
// actor object, else its "key" upper-cased, else the organisation of its CAMEO
// code's prefix, else its first non-empty normalised "name", "actor" or
// "text" looked up in local, then in the organisation aliases, else that name
// as an identifier (al-Nusra Front: AL_NUSRA_FRONT). A value that is not an
// object, or has none of these, keys to None.
func actorKey(actor any, local map[string]string) (value, error) {
	m, ok := actor.(map[string]any)
	if !ok {
		return none, nil
	}
	for _, f := range []string{"key", "country"} {
		v, ok := m[f].(string)
		if ok && isISO3(v) {
			return strValue(v), nil
		}
		if f == "key" && ok && v != "" {
			return strValue(pyUpper(v)), nil
		}
	}
	if code := m["code"]; truthy(code) {
		c, ok := code.(string)
		if !ok {
			return none, fmt.Errorf("actor code: '%s' object has no attribute 'startswith'", typeName(code))
		}
		for _, p := range codePrefixes {
			if strings.HasPrefix(c, p.prefix) {
				return strValue(p.key), nil
			}
		}
	}
	for _, f := range []string{"name", "actor", "text"} {
		n, err := normValue(m[f])
		if err != nil {
			return none, fmt.Errorf("actor %s: %w", f, err)
		}
		if n == "" {
			continue
		}
		if k, ok := local[n]; ok {
			return strValue(k), nil
		}
		if k, ok := alias[n]; ok {
			return strValue(k), nil
		}
		return strValue(identifier(n)), nil
	}
	return none, nil
}

// identifier is re.sub(r"[^a-z0-9]+", "_", n).strip("_").upper().
func identifier(n string) string {
	var b strings.Builder
	gap := false
	for i := 0; i < len(n); i++ {
		c := n[i]
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			b.WriteByte(c)
			continue
		}
		gap = true
	}
	return b.String()
}

// localAliases is score.py's local_aliases(g): the normalised names and
// mentions of the gold article's actors whose key is not an ISO3 country,
// mapped to that key, later actors overriding earlier ones.
func localAliases(g any) (map[string]string, error) {
	actors, err := getDefault(g, "actors", []any{})
	if err != nil {
		return nil, err
	}
	list, err := iterate(actors)
	if err != nil {
		return nil, fmt.Errorf("gold actors: %w", err)
	}
	out := map[string]string{}
	for _, a := range list {
		k, err := get(a, "key")
		if err != nil {
			return nil, fmt.Errorf("gold actor: %w", err)
		}
		if !truthy(k) {
			continue
		}
		ks, ok := k.(string)
		if !ok {
			return nil, fmt.Errorf("gold actor key: expected string, got %s", typeName(k))
		}
		if isISO3(ks) {
			continue
		}
		name, _ := get(a, "name")
		mentions, _ := getDefault(a, "mentions", []any{})
		ms, err := iterate(mentions)
		if err != nil {
			return nil, fmt.Errorf("gold actor mentions: %w", err)
		}
		for _, n := range append([]any{name}, ms...) {
			if !truthy(n) {
				continue
			}
			nn, err := normValue(n)
			if err != nil {
				return nil, fmt.Errorf("gold actor name: %w", err)
			}
			out[nn] = ks
		}
	}
	return out, nil
}
