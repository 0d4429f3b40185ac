package score

import (
	"encoding/json"
	"math"
	"testing"
)

// The expected values in this file are what Python 3.11 prints.

func TestRound3(t *testing.T) {
	tests := []struct {
		x    float64
		want string // repr(round(x, 3))
	}{
		{0.1875, "0.188"}, // an exact tie rounds to even
		{0.0625, "0.062"},
		{0.0005, "0.001"}, // just above the tie in binary
		{0.0015, "0.002"},
		{0.0025, "0.003"},
		{2.6745, "2.675"},
		{1.0 / 3, "0.333"},
		{2.0 / 3, "0.667"},
		{0.9995, "1.0"},
		{0.99949999, "0.999"},
		{0.0001, "0.0"},
		{5e-324, "0.0"},
		{math.Copysign(0, -1), "-0.0"},
		{123456789.125, "123456789.125"},
		{1e16, "1e+16"},
		{1.5e300, "1.5e+300"},
	}
	for _, tc := range tests {
		if got := reprFloat(round3(tc.x)); got != tc.want {
			t.Errorf("round(%v, 3) = %s, want %s", tc.x, got, tc.want)
		}
	}
}

func TestReprFloat(t *testing.T) {
	tests := []struct {
		x    float64
		want string
	}{
		{0, "0.0"}, {1, "1.0"}, {0.5, "0.5"}, {0.333, "0.333"}, {1e15, "1000000000000000.0"}, {1e16, "1e+16"},
		{0.0001, "0.0001"}, {0.00001, "1e-05"}, {1.25e-7, "1.25e-07"}, {-2.5, "-2.5"}, {math.Inf(1), "inf"},
		{123456789012345678, "1.2345678901234568e+17"},
	}
	for _, tc := range tests {
		if got := reprFloat(tc.x); got != tc.want {
			t.Errorf("repr(%v) = %s, want %s", tc.x, got, tc.want)
		}
	}
}

func TestRepr(t *testing.T) {
	tests := []struct {
		v    any
		want string
	}{
		{"it's", `"it's"`},
		{`a"b`, `'a"b'`},
		{`both ' and "`, `'both \' and "'`},
		{"tab\tnl\ncr\r", `'tab\tnl\ncr\r'`},
		{"\x00\x7f\u0085\u00a0\u200b\u2028é😀\U000e0001\\", `'\x00\x7f\x85\xa0\u200b\u2028é😀\U000e0001\\'`},
		{nil, "None"},
		{true, "True"},
		{json.Number("-0"), "0"},
		{json.Number("12345678901234567890123"), "12345678901234567890123"},
		{json.Number("1.50"), "1.5"},
		{json.Number("1e400"), "inf"},
		{[]any{"04", json.Number("2"), nil}, "['04', 2, None]"},
		{map[string]any{"b": false, "a": "x"}, "{'a': 'x', 'b': False}"},
	}
	for _, tc := range tests {
		if got := pyRepr(tc.v); got != tc.want {
			t.Errorf("repr(%#v) = %s, want %s", tc.v, got, tc.want)
		}
	}
}

func TestPyEqual(t *testing.T) {
	tests := []struct {
		a, b any
		want bool
	}{
		{json.Number("1"), true, true},
		{json.Number("1.0"), json.Number("1"), true},
		{json.Number("0.5"), json.Number("0.50"), true},
		{json.Number("9007199254740993"), json.Number("9007199254740992.0"), false},
		{"1", json.Number("1"), false},
		{nil, nil, true},
		{nil, "", false},
		{[]any{"a", json.Number("1")}, []any{"a", true}, true},
		{map[string]any{"a": nil}, map[string]any{"b": nil}, false},
	}
	for _, tc := range tests {
		if got := pyEqual(tc.a, tc.b); got != tc.want {
			t.Errorf("%#v == %#v: %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestNorm(t *testing.T) {
	tests := []struct {
		in, norm, words3 string
	}{
		{"  The  U.N.\u00a0Security\tCouncil ", "u.n. security council", "u n security"},
		{"so-called\u2003Islamic State", "islamic state", "islamic state"},
		{"THE", "the", "the"},
		{"the\u2028x", "x", "x"},
		{"the the un", "the un", "the un"},
		{"ΟΔΥΣΣΕΑΣ ΣΑΣ.", "οδυσσεας σας.", ""},
		{"İSTANBUL", "i\u0307stanbul", "i stanbul"},
		{"\ufb01ne \u2019s \u201cq\u201d", `fine 's "q"`, "fine 's q"},
		{"x\x1cy", "x y", "x y"},
		{"ǅ", "dž", "d"},
		{"ʰΣ", "hς", "h"},
	}
	for _, tc := range tests {
		if got := normString(tc.in); got != tc.norm {
			t.Errorf("norm(%q) = %q, want %q", tc.in, got, tc.norm)
		}
		if got, _ := words(tc.in, 3); got != tc.words3 {
			t.Errorf("words(%q, 3) = %q, want %q", tc.in, got, tc.words3)
		}
	}
}

func TestActorKey(t *testing.T) {
	local := map[string]string{"observatory": "SOHR", "islamic state": "IS_GROUP"}
	tests := []struct {
		name  string
		actor any
		want  string // repr of the key
	}{
		{"ISO3 key", map[string]any{"key": "USA", "country": "RUS"}, "'USA'"},
		{"key upper-cased with expansions", map[string]any{"key": "straße"}, "'STRASSE'"},
		{"ISO3 country", map[string]any{"country": "RUS", "code": "IGOUNO"}, "'RUS'"},
		{"non-ISO3 country ignored", map[string]any{"country": "Rus", "name": "Moscow"}, "'MOSCOW'"},
		{"code prefix", map[string]any{"code": "IMGMUSISI", "name": "IS"}, "'ISIL'"},
		{"local alias before the aliases", map[string]any{"name": "Islamic State"}, "'IS_GROUP'"},
		{"local alias after the leading the", map[string]any{"actor": "The Observatory"}, "'SOHR'"},
		{"alias", map[string]any{"text": "the IS"}, "'ISIL'"},
		{"identifier", map[string]any{"name": " Al-Nusra  Front!! "}, "'AL_NUSRA_FRONT'"},
		{"identifier without edge underscores", map[string]any{"name": "__x__y"}, "'X_Y'"},
		{"empty name falls through", map[string]any{"name": "  ", "text": "NATO"}, "'NATO'"},
		{"no name", map[string]any{"sector": "GOV"}, "None"},
		{"not an object", "USA", "None"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := actorKey(tc.actor, local)
			if err != nil {
				t.Fatal(err)
			}
			if got.repr != tc.want {
				t.Errorf("key = %s, want %s", got.repr, tc.want)
			}
		})
	}
}
