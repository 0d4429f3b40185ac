package score

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the few pieces of Python semantics that score.py leans on,
// over JSON values decoded with json.Decoder.UseNumber: nil, bool, string,
// json.Number, []any and map[string]any. Where score.py would raise an
// exception (calling .get on a list, iterating null, hashing a list) the
// functions here return an error wrapping ErrBadSystem or ErrBadGold, so that
// `dyad eval` fails exactly where score.py crashes.

// truthy reports Python's bool(v).
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case string:
		return x != ""
	case json.Number:
		n := parseNumber(x)
		if n.isInt {
			return n.i.Sign() != 0
		}
		return n.f != 0
	case float64:
		return x != 0
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

// number is a JSON number as Python's json module reads it: an int of any
// size when the literal has no fraction or exponent, else a float.
type number struct {
	isInt bool
	i     *big.Int
	f     float64
}

func parseNumber(n json.Number) number {
	s := string(n)
	if !strings.ContainsAny(s, ".eE") {
		if i, ok := new(big.Int).SetString(s, 10); ok {
			return number{isInt: true, i: i}
		}
	}
	// Python reads an out-of-range literal as inf or 0.0; ParseFloat
	// returns the same values with an error that is of no interest here.
	f, _ := strconv.ParseFloat(s, 64)
	return number{f: f}
}

// typeName returns Python's type name of a JSON value, for error messages.
func typeName(v any) string {
	switch x := v.(type) {
	case nil:
		return "NoneType"
	case bool:
		return "bool"
	case string:
		return "str"
	case json.Number:
		if parseNumber(x).isInt {
			return "int"
		}
		return "float"
	case float64:
		return "float"
	case []any:
		return "list"
	case map[string]any:
		return "dict"
	}
	return fmt.Sprintf("%T", v)
}

// pyStr returns Python's str(v).
func pyStr(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return pyRepr(v)
}

// pyRepr returns Python's repr(v). A dict prints its keys in sorted order:
// Python would keep the order of the input, which a Go map has lost. score.py
// only prints a dict where output is malformed (a "doc" that is an object).
func pyRepr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case string:
		return reprString(x)
	case json.Number:
		n := parseNumber(x)
		if n.isInt {
			return n.i.String()
		}
		return reprFloat(n.f)
	case float64:
		return reprFloat(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = pyRepr(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = reprString(k) + ": " + pyRepr(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}

// reprString returns Python's repr of a str: single quotes unless the string
// holds a single quote and no double quote, backslash escapes for the quote,
// backslash, \t \n \r and other non-printable characters, printable non-ASCII
// characters as they are.
func reprString(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < ' ' || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case isPrintable(r):
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// isPrintable is Python's str.isprintable for one character: not in the
// categories Cc, Cf, Cs, Co, Cn, Zl, Zp or Zs, except the ASCII space. That
// is Go's unicode.IsPrint.
func isPrintable(r rune) bool { return unicode.IsPrint(r) }

// reprFloat returns Python's repr of a float: the shortest digits that read
// back as the same double, in positional notation when the decimal exponent
// lies in [-4, 16), else in scientific notation with a two-digit exponent.
func reprFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // "-1.2345e+06"
	sign := ""
	if e[0] == '-' {
		sign, e = "-", e[1:]
	}
	mant, exp, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(exp)
	decpt := x + 1 // the value is 0.DIGITS times 10**decpt
	if decpt <= -4 || decpt > 16 {
		m := digits[:1]
		if len(digits) > 1 {
			m += "." + digits[1:]
		}
		es := "+"
		if x < 0 {
			es, x = "-", -x
		}
		return fmt.Sprintf("%s%se%s%02d", sign, m, es, x)
	}
	switch {
	case decpt <= 0:
		return sign + "0." + strings.Repeat("0", -decpt) + digits
	case decpt >= len(digits):
		return sign + digits + strings.Repeat("0", decpt-len(digits)) + ".0"
	default:
		return sign + digits[:decpt] + "." + digits[decpt:]
	}
}

// round3 returns Python's round(x, 3): x rounded to three decimals, half to
// even on the exact binary value, read back as the nearest double.
// strconv's fixed-precision formatting rounds the exact value the same way.
func round3(x float64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return r
}

// hashKey returns the identity of a hashable value under Python's == (and
// hash): equal numbers of any type (True, 1, 1.0) share one identity. It
// returns false for the unhashable list and dict.
func hashKey(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "N", true
	case bool:
		if x {
			return "I1", true
		}
		return "I0", true
	case string:
		return "S" + x, true
	case json.Number:
		n := parseNumber(x)
		if n.isInt {
			return "I" + n.i.String(), true
		}
		return floatKey(n.f), true
	case float64:
		return floatKey(x), true
	}
	return "", false
}

func floatKey(f float64) string {
	if !math.IsInf(f, 0) && !math.IsNaN(f) && f == math.Trunc(f) {
		i, _ := big.NewFloat(f).Int(nil)
		return "I" + i.String()
	}
	return "F" + strconv.FormatFloat(f, 'g', -1, 64)
}

// pyEqual reports Python's a == b for JSON values.
func pyEqual(a, b any) bool {
	switch x := a.(type) {
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !pyEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !pyEqual(v, w) {
				return false
			}
		}
		return true
	}
	ka, ok := hashKey(a)
	if !ok {
		return false
	}
	kb, ok := hashKey(b)
	return ok && ka == kb
}

// value is a hashable Python value as score.py's tuples and sets hold it:
// its identity under == and its repr.
type value struct{ id, repr string }

var none = value{id: "N", repr: "None"}

func strValue(s string) value { return value{id: "S" + s, repr: reprString(s)} }

func intValue(i int) value {
	s := strconv.Itoa(i)
	return value{id: "I" + s, repr: s}
}

// hashable returns v as a value, or false when Python could not hash it.
func hashable(v any) (value, bool) {
	id, ok := hashKey(v)
	if !ok {
		return value{}, false
	}
	return value{id: id, repr: pyRepr(v)}, true
}

// triple is one (source key, target key, class) tuple.
type triple [3]value

func (t triple) id() string {
	var b strings.Builder
	for _, v := range t {
		b.WriteString(strconv.Itoa(len(v.id)))
		b.WriteByte(':')
		b.WriteString(v.id)
	}
	return b.String()
}

// String returns Python's str of the tuple.
func (t triple) String() string {
	return "(" + t[0].repr + ", " + t[1].repr + ", " + t[2].repr + ")"
}

// tripleSet is a Python set of triples. Like Python it keeps the first of
// several equal elements, which matters for printing (1 and True are equal
// but print differently).
type tripleSet map[string]string // id -> str

func (s tripleSet) add(t triple) {
	id := t.id()
	if _, ok := s[id]; !ok {
		s[id] = t.String()
	}
}

// iterate returns the elements Python's `for x in v` visits: a list's
// elements, a dict's keys (in sorted order; see pyRepr), a string's
// characters. Anything else is not iterable.
func iterate(v any) ([]any, error) {
	switch x := v.(type) {
	case []any:
		return x, nil
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		out := make([]any, len(keys))
		for i, k := range keys {
			out[i] = k
		}
		return out, nil
	case string:
		out := make([]any, 0, len(x))
		for _, r := range x {
			out = append(out, string(r))
		}
		return out, nil
	}
	return nil, fmt.Errorf("'%s' object is not iterable", typeName(v))
}

// get is Python's v.get(k): the field, nil when absent, an error when v is
// not a dict.
func get(v any, k string) (any, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("'%s' object has no attribute 'get' (reading %q)", typeName(v), k)
	}
	return m[k], nil
}

// getDefault is Python's v.get(k, def): def only when the field is absent,
// so a field that is null stays None.
func getDefault(v any, k string, def any) (any, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("'%s' object has no attribute 'get' (reading %q)", typeName(v), k)
	}
	if x, ok := m[k]; ok {
		return x, nil
	}
	return def, nil
}

// index is Python's v[k] on a dict: an error when the field is absent.
func index(v any, k string) (any, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("'%s' object is not subscriptable by %q", typeName(v), k)
	}
	x, ok := m[k]
	if !ok {
		return nil, fmt.Errorf("KeyError: %q", k)
	}
	return x, nil
}

// headRunes returns Python's s[:n].
func headRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
