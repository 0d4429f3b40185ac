// Package cameo holds dyad's tables of CAMEO event codes: for a code string
// such as "0211" it returns the code's label, its root, its parent, the PLOVER
// event type (with a mode and context where one is natural), the QuadClass and
// the Goldstein (1992) conflict-cooperation value.
//
// Codes are strings of 2 to 4 digits with the leading zero kept: the 20 roots
// "01" to "20", the 3-digit codes "010" to "204" and the 4-digit codes such as
// "0211" or "2042". Lookup does not repair other spellings: "211" is not
// "0211" (and "10" is the root Demand, never the code "010"), because a code
// that lost its leading zero cannot be told apart from another code.
//
// The table covers every code of CAMEO 1.1b3, including 176 (cyber attack)
// and 1951/1952 (precision-guided and remotely piloted aerial weapons), which
// older code lists lack. The Goldstein values are those GDELT publishes for
// CAMEO; the five codes that GDELT's list lacks (1213, 1214, 176, 1951, 1952)
// take the value of their parent (root 17 for 176). The PLOVER types follow the
// CAMEO-to-PLOVER conversion of the PLOVER 2021 manual draft; PLOVER has no
// type for the statements of root 01, so those codes have PLOVER "", and the
// appeals of root 02 map to REQUEST.
package cameo

import (
	"sort"
	"strings"
)

// Code describes one CAMEO event code.
type Code struct {
	// Code is the CAMEO code itself, e.g. "0211".
	Code string `json:"code"`
	// Label is a short English description in dyad's own words.
	Label string `json:"label"`
	// Root is the 2-digit root of the code, e.g. "02"; a root is its own root.
	Root string `json:"root"`
	// PLOVER is the PLOVER event type (AGREE, CONSULT, ...), "" for root 01.
	PLOVER string `json:"plover"`
	// Mode is a PLOVER mode the code implies (e.g. "visit", "riot"), or "".
	Mode string `json:"mode,omitempty"`
	// Context is a PLOVER context the code implies (e.g. "military"), or "".
	Context string `json:"context,omitempty"`
	// Quad is the QuadClass: 1 verbal cooperation, 2 material cooperation,
	// 3 verbal conflict, 4 material conflict.
	Quad int `json:"quad"`
	// Goldstein is the Goldstein scale value, from -10 (most conflictual) to
	// +10 (most cooperative).
	Goldstein float64 `json:"goldstein"`
	// Parent is the code one level up ("021" for "0211", "02" for "021"),
	// "" for a root.
	Parent string `json:"parent,omitempty"`
}

// index maps each code to its entry; all holds the entries sorted by code.
var (
	index = make(map[string]Code, len(table))
	all   = make([]Code, 0, len(table))
)

func init() {
	for _, r := range table {
		c := Code{
			Code:      r.code,
			Label:     r.label,
			Root:      Root(r.code),
			PLOVER:    r.plover,
			Mode:      r.mode,
			Context:   r.context,
			Quad:      Quad(r.code),
			Goldstein: r.goldstein,
			Parent:    parent(r.code),
		}
		if _, dup := index[c.Code]; dup || c.Root == "" {
			panic("cameo: bad or duplicate code in table: " + r.code)
		}
		index[c.Code] = c
		all = append(all, c)
	}
	// Sorting the strings puts every code right after its parent: "02",
	// "020", "021", "0211", ..., "03".
	sort.Slice(all, func(i, j int) bool { return all[i].Code < all[j].Code })
}

// Lookup returns the entry for code, which must be spelled exactly as in
// CAMEO ("042", "0211", "19"); it reports false for anything else.
func Lookup(code string) (Code, bool) {
	c, ok := index[code]
	return c, ok
}

// Valid reports whether code is a CAMEO event code in the table.
func Valid(code string) bool {
	_, ok := index[code]
	return ok
}

// All returns every code, sorted so that each code follows its parent. The
// slice is a copy the caller may change.
func All() []Code {
	return append([]Code(nil), all...)
}

// Root returns the 2-digit root of a well-formed code of 2 to 4 digits whose
// first two digits are a root from "01" to "20": "0211" gives "02", "1041"
// gives "10" and "195" gives "19". It works for codes missing from the table
// (such as a dictionary's private "1834") and returns "" for anything else.
func Root(code string) string {
	if len(code) < 2 || len(code) > 4 || strings.Trim(code, "0123456789") != "" {
		return ""
	}
	r := code[:2]
	if r < "01" || r > "20" {
		return ""
	}
	return r
}

// Quad returns the QuadClass of a root (or of any code, through its root),
// following GDELT: roots 01-05 are verbal cooperation (1), 06-08 material
// cooperation (2), 09-13 verbal conflict (3) and 14-20 material conflict (4).
// It returns 0 when the argument has no root.
func Quad(root string) int {
	switch r := Root(root); {
	case r == "":
		return 0
	case r <= "05":
		return 1
	case r <= "08":
		return 2
	case r <= "13":
		return 3
	default:
		return 4
	}
}

// parent returns the code one level above code: the first three digits of a
// 4-digit code, the root of a 3-digit code, "" for a root.
func parent(code string) string {
	switch len(code) {
	case 4:
		return code[:3]
	case 3:
		return code[:2]
	}
	return ""
}
