// Package gazgen builds dyad's gazetteer (data/gazetteer/gazetteer.tsv.gz,
// read by package where) from a GeoNames export (geonames.org, CC BY 4.0):
// countryInfo.txt, admin1CodesASCII.txt, cities15000.txt and, for smaller
// towns, cities5000.txt. The output is deterministic: the same input files
// give the same bytes. internal/where/gen is the command that runs it
// (`go generate ./internal/where`).
package gazgen

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// FileName is the name of the gazetteer inside the output folder.
const FileName = "gazetteer.tsv.gz"

// minExtraPopulation is the smallest population of a town taken from
// cities5000.txt (the file also lists a few hundred smaller places).
const minExtraPopulation = 5000

type country struct {
	iso2, iso3, name, capital string
	population                int64
	arabic                    bool
	lat, lon                  float64
}

type admin1 struct {
	key, name, ascii string
	id               int
	lat, lon         float64
	population       int64 // of all listed places in the region
	largest          int64 // population of its most populous place
	located          bool
}

type city struct {
	id            int
	name, ascii   string
	alts          []string
	lat, lon      float64
	feature       string
	cc, admin1    string
	population    int64
	fromSmallFile bool
}

// Summary counts what a gazetteer holds.
type Summary struct {
	Countries, Regions, Places int
	Bytes, Uncompressed        int
}

// Build reads the GeoNames files in folder src and returns the gzipped
// gazetteer.
func Build(src string) ([]byte, Summary, error) {
	var sum Summary
	countries, err := readCountries(filepath.Join(src, "countryInfo.txt"))
	if err != nil {
		return nil, sum, err
	}
	admins, err := readAdmin1(filepath.Join(src, "admin1CodesASCII.txt"))
	if err != nil {
		return nil, sum, err
	}
	cities, err := readCities(filepath.Join(src, "cities15000.txt"), false)
	if err != nil {
		return nil, sum, err
	}
	seen := make(map[int]bool, len(cities))
	for _, c := range cities {
		seen[c.id] = true
	}
	small, err := readCities(filepath.Join(src, "cities5000.txt"), true)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, sum, err
	}
	for _, c := range small {
		if !seen[c.id] && (c.population >= minExtraPopulation || strings.HasPrefix(c.feature, "PPLA") || c.feature == "PPLC") {
			cities = append(cities, c)
		}
	}

	byCC := make(map[string]*country, len(countries))
	for i := range countries {
		byCC[countries[i].iso2] = &countries[i]
	}
	// Keep only cities of countries we know (countryInfo lists them all today).
	kept := cities[:0]
	for _, c := range cities {
		if byCC[c.cc] != nil {
			kept = append(kept, c)
		}
	}
	cities = kept
	sort.Slice(cities, func(i, j int) bool {
		a, b := cities[i], cities[j]
		if a.cc != b.cc {
			return a.cc < b.cc
		}
		if a.admin1 != b.admin1 {
			return a.admin1 < b.admin1
		}
		if a.ascii != b.ascii {
			return a.ascii < b.ascii
		}
		return a.id < b.id
	})

	// Coordinates of countries: the capital's; of admin1 regions: their most
	// populous city's.
	byCountry := map[string][]city{}
	for _, c := range cities {
		byCountry[c.cc] = append(byCountry[c.cc], c)
	}
	for i := range countries {
		placeCountry(&countries[i], byCountry[countries[i].iso2])
	}
	adminByKey := make(map[string]*admin1, len(admins))
	for i := range admins {
		adminByKey[admins[i].key] = &admins[i]
	}
	for _, c := range cities {
		a := adminByKey[c.cc+"."+c.admin1]
		if a == nil {
			continue
		}
		a.population += c.population
		if !a.located || c.population > a.largest {
			a.located, a.largest, a.lat, a.lon = true, c.population, c.lat, c.lon
		}
	}

	var buf bytes.Buffer
	writeHeader(&buf)
	for _, c := range countries {
		fmt.Fprintf(&buf, "C\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", c.iso2, c.iso3, c.name, c.capital,
			coord(c.lat), coord(c.lon), c.population, boolField(c.arabic))
	}
	regions := 0
	for _, a := range admins {
		cc, _, _ := strings.Cut(a.key, ".")
		if byCC[cc] == nil || !a.located {
			continue // no city of the region is listed: no coordinates
		}
		regions++
		fmt.Fprintf(&buf, "A\t%s\t%s\t%s\t%d\t%s\t%s\t%d\n", a.key, a.name, a.ascii, a.id,
			coord(a.lat), coord(a.lon), a.population)
	}
	for _, c := range cities {
		alts := selectAlternates(c, byCC[c.cc].arabic)
		fmt.Fprintf(&buf, "P\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", c.id, c.name, c.ascii,
			strings.Join(alts, ";"), c.cc, c.admin1, coord(c.lat), coord(c.lon), c.population, c.feature)
	}

	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return nil, sum, err
	}
	// The gzip header keeps no name and no time, so the bytes depend only on
	// the input.
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return nil, sum, err
	}
	if err := zw.Close(); err != nil {
		return nil, sum, err
	}
	sum = Summary{Countries: len(countries), Regions: regions, Places: len(cities), Bytes: gz.Len(), Uncompressed: buf.Len()}
	return gz.Bytes(), sum, nil
}

// Write builds the gazetteer from the GeoNames files in src and writes it to
// folder out as FileName.
func Write(src, out string) (Summary, error) {
	b, sum, err := Build(src)
	if err != nil {
		return sum, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return sum, err
	}
	return sum, os.WriteFile(filepath.Join(out, FileName), b, 0o644)
}

func writeHeader(w io.Writer) {
	fmt.Fprint(w, `# dyad gazetteer: countries, first-level administrative divisions (admin1) and populated places.
# Data from GeoNames (geonames.org), licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).
# Derived from the GeoNames files countryInfo.txt, admin1CodesASCII.txt, cities15000.txt and cities5000.txt
# by internal/where/gen/main.go. DO NOT EDIT; run "go generate ./internal/where".
# Changes made: columns selected; coordinates rounded to 4 decimals; alternate names limited to a few
# Latin-script ones per place; countries located at their capital and admin1 regions at their most
# populous listed city (GeoNames gives no coordinates for either).
# Rows (tab-separated, lists separated by ";"):
# C iso2 iso3 name capital lat lon population arabic(1/0)
# A iso2.admin1 name asciiname geonameid lat lon population (sum of the region's listed places)
# P geonameid name asciiname alternates iso2 admin1 lat lon population feature-code
`)
}

func boolField(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// coord renders a coordinate rounded to 4 decimals without trailing zeros.
func coord(v float64) string {
	s := strconv.FormatFloat(v, 'f', 4, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// readLines calls fn with the fields of every non-comment line of path,
// stripping a CR before the LF.
func readLines(path string, nfields int, fn func(f []string) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSuffix(sc.Text(), "\r")
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < nfields {
			return fmt.Errorf("%s:%d: %d fields, want %d", path, line, len(f), nfields)
		}
		for i := range f {
			// ";" separates list items in the output.
			f[i] = strings.ReplaceAll(f[i], ";", ",")
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
	return sc.Err()
}

func readCountries(path string) ([]country, error) {
	var cs []country
	err := readLines(path, 17, func(f []string) error {
		if f[0] == "CS" || f[0] == "AN" { // dissolved: Serbia and Montenegro, Netherlands Antilles
			return nil
		}
		pop, err := strconv.ParseInt(f[7], 10, 64)
		if err != nil {
			return err
		}
		arabic := false
		for _, l := range strings.Split(f[15], ",") {
			if l == "ar" || strings.HasPrefix(l, "ar-") {
				arabic = true
			}
		}
		cs = append(cs, country{iso2: f[0], iso3: f[1], name: strings.TrimSpace(f[4]),
			capital: strings.TrimSpace(f[5]), population: pop, arabic: arabic})
		return nil
	})
	sort.Slice(cs, func(i, j int) bool { return cs[i].iso2 < cs[j].iso2 })
	return cs, err
}

func readAdmin1(path string) ([]admin1, error) {
	var as []admin1
	err := readLines(path, 4, func(f []string) error {
		id, err := strconv.Atoi(f[3])
		if err != nil {
			return err
		}
		as = append(as, admin1{key: f[0], name: strings.TrimSpace(f[1]), ascii: strings.TrimSpace(f[2]), id: id})
		return nil
	})
	sort.Slice(as, func(i, j int) bool { return as[i].key < as[j].key })
	return as, err
}

func readCities(path string, small bool) ([]city, error) {
	var cs []city
	err := readLines(path, 19, func(f []string) error {
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return err
		}
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		pop, err3 := strconv.ParseInt(f[14], 10, 64)
		if err := errors.Join(err1, err2, err3); err != nil {
			return err
		}
		var alts []string
		if f[3] != "" {
			alts = strings.Split(f[3], ",")
		}
		cs = append(cs, city{id: id, name: strings.TrimSpace(f[1]), ascii: strings.TrimSpace(f[2]), alts: alts,
			lat: lat, lon: lon, feature: f[7], cc: f[8], admin1: f[10], population: pop, fromSmallFile: small})
		return nil
	})
	return cs, err
}

// placeCountry sets a country's coordinates to its capital's: the capital
// named by countryInfo.txt, else the country's PPLC, else its most populous
// listed place. cities are the country's places.
func placeCountry(c *country, cities []city) {
	var best *city
	rank := func(x *city) int {
		r := 0
		if c.capital != "" && (x.name == c.capital || x.ascii == c.capital || contains(x.alts, c.capital)) {
			r += 2
		}
		if x.feature == "PPLC" {
			r++
		}
		return r
	}
	for i := range cities {
		x := &cities[i]
		if best == nil || rank(x) > rank(best) || rank(x) == rank(best) && x.population > best.population {
			best = x
		}
	}
	if best != nil {
		c.lat, c.lon = best.lat, best.lon
		if c.capital == "" {
			c.capital = best.name
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// altLimit bounds the alternate names kept for a place: big cities have many
// English exonyms and transliterations worth matching, small towns few.
func altLimit(c city) int {
	switch {
	case c.fromSmallFile:
		return 2
	case c.population >= 1_000_000:
		return 20
	case c.population >= 100_000:
		return 8
	default:
		return 3
	}
}

// selectAlternates keeps the Latin-script alternate names of a place that an
// English text may use: written with a capital, not an all-capitals code
// (IATA codes and abbreviations cause false matches), at least four letters
// (short variants collide with English words),
// different from the name once folded. The closest to the ASCII name come
// first (English exonyms tend to be near the local form: Kiev/Kyiv,
// Raqqa/Ar Raqqah), ASCII spellings before accented ones. For places in
// Arabic-speaking countries the name without its article ("Ar Raqqah" ->
// "Raqqah") is added as well.
func selectAlternates(c city, arabic bool) []string {
	have := map[string]bool{fold(c.name): true, fold(c.ascii): true}
	type cand struct {
		s     string
		ascii bool
		dist  int
	}
	var cands []cand
	base := fold(c.ascii)
	for _, a := range c.alts {
		a = strings.TrimSpace(a)
		if !usableAlternate(a) {
			continue
		}
		k := fold(a)
		if have[k] {
			continue
		}
		have[k] = true
		cands = append(cands, cand{s: a, ascii: isASCII(a), dist: levenshtein(k, base)})
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.ascii != b.ascii {
			return a.ascii
		}
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		return a.s < b.s
	})
	var out []string
	for i := 0; i < len(cands) && i < altLimit(c); i++ {
		out = append(out, cands[i].s)
	}
	if arabic {
		for _, n := range []string{c.ascii, c.name} {
			if s := stripArticle(n); s != "" && !have[fold(s)] {
				have[fold(s)] = true
				out = append(out, s)
			}
		}
	}
	sort.Strings(out)
	return out
}

// stripArticle removes the Arabic article from a romanised name ("Al Qusayr",
// "Ar-Raqqah", "As Safirah"), returning "" when there is none or what is left
// is short.
func stripArticle(s string) string {
	for _, art := range []string{"Al", "Ar", "As", "Ad", "An", "At", "Az", "Ash", "Ath", "Adh", "El"} {
		for _, sep := range []string{" ", "-"} {
			p := art + sep
			if strings.HasPrefix(s, p) {
				rest := s[len(p):]
				if len(rest) >= 4 && unicode.IsUpper([]rune(rest)[0]) && !strings.ContainsAny(rest, " ") {
					return rest
				}
			}
		}
	}
	return ""
}

func usableAlternate(a string) bool {
	rs := []rune(a)
	if len(rs) < 4 || !unicode.IsUpper(rs[0]) {
		return false
	}
	letters, lower := 0, 0
	for _, r := range rs {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
			if unicode.IsLower(r) {
				lower++
			}
		case unicode.Is(unicode.Mn, r):
		case r == ' ' || r == '-' || r == '\'' || r == '’' || r == '.':
		default:
			return false
		}
	}
	return letters >= 4 && lower > 0
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// fold lower-cases s, removes diacritics and turns hyphens into spaces, for
// comparing names.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '-':
			b.WriteByte(' ')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
