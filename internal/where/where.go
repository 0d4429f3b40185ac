// Package where finds the places an article names: it takes the article text
// and its sentences and returns []dyad.Place, each resolved in a gazetteer
// of countries, first-level administrative divisions and populated places
// derived from GeoNames (geonames.org, CC BY 4.0) and embedded in the binary.
//
// A capitalised name becomes a place only with evidence that it is one: a
// locative preposition ("in Belgrade", "at the Kremlin in Moscow"), a
// preposition of motion ("fled to Turkey"), a dateline ("BEIRUT, Lebanon —"),
// a qualifying country ("Moscow, Russia", "Syria's Aleppo province"), a place
// noun ("Latakia airbase") or a "-based" suffix; a bare name is a place only
// when it is a capital or a city of a million people, or a big regional city
// of a country the article is about. Names that are part of a longer proper
// name ("Washington Post", "Philip Hammond") or that the article uses as a
// person's surname are not places. Ambiguous names resolve to the candidate
// in a country the article mentions, then to capitals, then by population.
package where

//go:generate go run gen/main.go -src ../../../shared/reference/geonames -out ../../data/gazetteer

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/data"
)

// ErrGazetteer is wrapped by every error about a malformed gazetteer file.
var ErrGazetteer = errors.New("where: bad gazetteer")

// DefaultPath is the embedded gazetteer's path inside data.Gazetteer.
const DefaultPath = "gazetteer/gazetteer.tsv.gz"

// Country is a country of the gazetteer. GeoNames gives no coordinates for a
// country: Lat and Lon are those of its capital (or, where none is listed,
// of its most populous place).
type Country struct {
	ISO2       string
	ISO3       string
	Name       string
	Capital    string
	Lat, Lon   float64
	Population int64
}

// Place returns the country as a country-level place (GeonameID 0).
func (c Country) Place() dyad.Place {
	return dyad.Place{Text: c.Name, Name: c.Name, Country: c.ISO3, Lat: c.Lat, Lon: c.Lon}
}

type kind uint8

const (
	kindCity kind = iota
	kindAdmin1
	kindCountry
)

// entry is one resolvable name target: a city, an admin1 region or a country.
type entry struct {
	name     string
	id       int32 // GeoNames id; 0 for a country
	lat, lon int32 // 1e-4 degrees
	pop      int64
	country  uint16 // index into Gazetteer.countries
	admin1   int32  // index into Gazetteer.admins, -1 when unknown
	kind     kind
	feature  string // GeoNames feature code for cities: PPLC, PPLA, ...
}

type admin struct {
	key   string // "SY.09"
	name  string
	entry int32
}

// Gazetteer resolves place names. It is immutable after loading and safe for
// concurrent use.
type Gazetteer struct {
	countries []Country
	byCode    map[string]int // ISO2 and ISO3 -> index into countries
	countryE  []int32        // country index -> entry
	admins    []admin
	adminKey  map[string]int32 // "SY.09" -> index into admins
	entries   []entry
	// index maps a folded name to its postings in posts: offset<<8 | count.
	// A posting is an entry index, or -(index+1) when the name is an
	// alternate name of the entry.
	index    map[string]uint32
	posts    []int32
	maxWords int
}

// lookupKey returns the postings of a folded name.
func (g *Gazetteer) lookupKey(k string) ([]int32, bool) {
	v, ok := g.index[k]
	if !ok {
		return nil, false
	}
	off, n := v>>8, v&0xff
	return g.posts[off : off+n : off+n], true
}

// builder collects the index while a gazetteer is parsed.
type builder struct {
	g     *Gazetteer
	names map[string][]int32
}

var defaultGaz = sync.OnceValues(func() (*Gazetteer, error) {
	return Load(data.Gazetteer, DefaultPath)
})

// Default returns the embedded gazetteer, loading it on first use.
func Default() (*Gazetteer, error) { return defaultGaz() }

// Load reads a gazetteer file from fsys; a name ending in ".gz" is
// gunzipped. Users may point it at their own file (os.DirFS) in the format
// that internal/where/gen writes.
func Load(fsys fs.FS, name string) (*Gazetteer, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("where: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("where: %s: %w", name, err)
		}
		defer zr.Close()
		r = zr
	}
	g, err := Parse(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return g, nil
}

// Error is one bad line of a gazetteer file.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// ErrorList is every bad line of a gazetteer file, reported at once.
type ErrorList []*Error

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Unwrap lets errors.Is find ErrGazetteer.
func (l ErrorList) Unwrap() error { return ErrGazetteer }

// maxErrors stops a parse of something that is not a gazetteer at all.
const maxErrors = 50

// Parse reads an uncompressed gazetteer (the TSV format documented in the
// file's header). Lines starting with "#" are comments.
func Parse(r io.Reader) (*Gazetteer, error) {
	g := &Gazetteer{byCode: map[string]int{}, adminKey: map[string]int32{}}
	bld := &builder{g: g, names: make(map[string][]int32, 1<<17)}
	var errs ErrorList
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	type pendingCity struct {
		e    entry
		cc   string
		adm  string
		alts []string
		asc  string
	}
	var cities []pendingCity
	// features shares the few distinct feature-code strings.
	features := map[string]string{}
	internFeature := func(s string) string {
		if v, ok := features[s]; ok {
			return v
		}
		features[s] = s
		return s
	}
	line := 0
	for sc.Scan() && len(errs) < maxErrors {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Split(s, "\t")
		bad := func(msg string, args ...any) {
			errs = append(errs, &Error{Line: line, Msg: fmt.Sprintf(msg, args...)})
		}
		switch f[0] {
		case "C":
			if len(f) != 9 {
				bad("country row has %d fields, want 9", len(f))
				continue
			}
			lat, lon, ok := parseLatLon(f[5], f[6])
			pop, err := strconv.ParseInt(f[7], 10, 64)
			if !ok || err != nil || len(f[1]) != 2 || len(f[2]) != 3 || f[3] == "" {
				bad("bad country row")
				continue
			}
			if _, dup := g.byCode[f[1]]; dup {
				bad("duplicate country %s", f[1])
				continue
			}
			ci := len(g.countries)
			if ci >= math.MaxUint16 {
				bad("too many countries")
				continue
			}
			g.countries = append(g.countries, Country{ISO2: strings.Clone(f[1]), ISO3: strings.Clone(f[2]),
				Name: strings.Clone(f[3]), Capital: strings.Clone(f[4]),
				Lat: float64(lat) / 1e4, Lon: float64(lon) / 1e4, Population: pop})
			g.byCode[f[1]], g.byCode[f[2]] = ci, ci
			g.countryE = append(g.countryE, int32(len(g.entries)))
			g.entries = append(g.entries, entry{name: f[3], lat: lat, lon: lon, pop: pop, country: uint16(ci),
				admin1: -1, kind: kindCountry})
		case "A":
			if len(f) != 8 {
				bad("admin1 row has %d fields, want 8", len(f))
				continue
			}
			cc, _, ok1 := strings.Cut(f[1], ".")
			ci, ok2 := g.byCode[cc]
			id, err1 := strconv.ParseInt(f[4], 10, 32)
			lat, lon, ok3 := parseLatLon(f[5], f[6])
			pop, err2 := strconv.ParseInt(f[7], 10, 64)
			if !ok1 || !ok2 || err1 != nil || err2 != nil || !ok3 || f[2] == "" {
				bad("bad admin1 row (countries must come first)")
				continue
			}
			if _, dup := g.adminKey[f[1]]; dup {
				bad("duplicate admin1 %s", f[1])
				continue
			}
			ai := int32(len(g.admins))
			key, name := strings.Clone(f[1]), strings.Clone(f[2])
			g.adminKey[key] = ai
			ei := int32(len(g.entries))
			g.admins = append(g.admins, admin{key: key, name: name, entry: ei})
			g.entries = append(g.entries, entry{name: name, id: int32(id), lat: lat, lon: lon, pop: pop,
				country: uint16(ci), admin1: ai, kind: kindAdmin1})
			bld.add(f[2], ei, false)
			bld.add(f[3], ei, false)
			if short := shortRegion(f[3]); short != "" {
				bld.add(short, ei, true)
			}
		case "P":
			if len(f) != 11 {
				bad("place row has %d fields, want 11", len(f))
				continue
			}
			ci, ok1 := g.byCode[f[5]]
			id, err1 := strconv.ParseInt(f[1], 10, 32)
			lat, lon, ok2 := parseLatLon(f[7], f[8])
			pop, err2 := strconv.ParseInt(f[9], 10, 64)
			if !ok1 || err1 != nil || !ok2 || err2 != nil || f[2] == "" {
				bad("bad place row")
				continue
			}
			var alts []string
			if f[4] != "" {
				alts = strings.Split(f[4], ";")
			}
			cities = append(cities, pendingCity{e: entry{name: strings.Clone(f[2]), id: int32(id), lat: lat, lon: lon, pop: pop,
				country: uint16(ci), admin1: -1, kind: kindCity, feature: internFeature(f[10])},
				cc: f[5], adm: f[6], alts: alts, asc: f[3]})
		default:
			bad("unknown row type %q", f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("where: reading gazetteer: %w", err)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(g.countries) == 0 {
		return nil, fmt.Errorf("%w: no countries", ErrGazetteer)
	}
	for _, c := range cities {
		if ai, ok := g.adminKey[c.cc+"."+c.adm]; ok {
			c.e.admin1 = ai
		}
		ei := int32(len(g.entries))
		g.entries = append(g.entries, c.e)
		bld.add(c.e.name, ei, false)
		bld.add(c.asc, ei, false)
		for _, a := range c.alts {
			bld.add(a, ei, true)
		}
	}
	for ci, c := range g.countries {
		ei := g.countryE[ci]
		bld.add(c.Name, ei, false)
		for _, a := range countryAliases[c.ISO3] {
			bld.add(a, ei, false)
		}
	}
	bld.finish()
	return g, nil
}

func parseLatLon(a, b string) (lat, lon int32, ok bool) {
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	if err1 != nil || err2 != nil || math.Abs(x) > 90 || math.Abs(y) > 180 {
		return 0, 0, false
	}
	return int32(math.Round(x * 1e4)), int32(math.Round(y * 1e4)), true
}

// regionSuffixes are dropped from admin1 names to give the short name the
// news uses: "Damascus Governorate" -> "Damascus", "Kyiv Oblast" -> "Kyiv".
var regionSuffixes = []string{" Governorate", " Province", " Oblast", " Region", " District", " State",
	" County", " Prefecture", " Department", " Municipality", " Voivodeship", " Krai", " Republic"}

func shortRegion(name string) string {
	for _, suf := range regionSuffixes {
		if s, ok := strings.CutSuffix(name, suf); ok && len(s) >= 4 {
			return s
		}
	}
	return ""
}

// add indexes name for entry ei.
func (b *builder) add(name string, ei int32, alt bool) {
	k, n := keyOf(name)
	if k == "" {
		return
	}
	p := ei
	if alt {
		p = -(ei + 1)
	}
	posts := b.names[k]
	for i, q := range posts {
		if q == ei || q == -(ei+1) {
			if q < 0 && !alt { // a primary name wins over an alternate one
				posts[i] = ei
			}
			return
		}
	}
	if len(posts) >= 0xff {
		return
	}
	b.names[k] = append(posts, p)
	if n > b.g.maxWords {
		b.g.maxWords = n
	}
}

// finish packs the names into the gazetteer's compact index: one string
// holding every key, one slice holding every posting. (Their order inside
// the two is map order and does not matter.)
func (b *builder) finish() {
	keys := make([]string, 0, len(b.names))
	total, nposts := 0, 0
	for k, ps := range b.names {
		keys = append(keys, k)
		total += len(k)
		nposts += len(ps)
	}
	var arena strings.Builder
	arena.Grow(total)
	for _, k := range keys {
		arena.WriteString(k)
	}
	all := arena.String()
	g := b.g
	g.index = make(map[string]uint32, len(keys))
	g.posts = make([]int32, 0, nposts)
	off := 0
	for _, k := range keys {
		ps := b.names[k]
		g.index[all[off:off+len(k)]] = uint32(len(g.posts))<<8 | uint32(len(ps))
		g.posts = append(g.posts, ps...)
		off += len(k)
	}
	b.names = nil
}

// Country returns the country with the given ISO 3166 alpha-3 (or alpha-2)
// code.
func (g *Gazetteer) Country(code string) (Country, bool) {
	ci, ok := g.byCode[strings.ToUpper(code)]
	if !ok {
		return Country{}, false
	}
	return g.countries[ci], true
}

// Lookup resolves a place name, optionally within a country (ISO3 or ISO2
// code; "" for anywhere), to the best candidate: a capital or a country
// before other places, then the most populous. The place's offsets are 0 and
// its Text is name.
func (g *Gazetteer) Lookup(name, country string) (dyad.Place, bool) {
	posts := g.postings(name)
	want := -1
	if country != "" {
		ci, ok := g.byCode[strings.ToUpper(country)]
		if !ok {
			return dyad.Place{}, false
		}
		want = ci
	}
	best, bestScore := int32(-1), math.Inf(-1)
	for _, p := range posts {
		ei := decode(p)
		e := &g.entries[ei]
		if want >= 0 && int(e.country) != want {
			continue
		}
		if s := g.score(e, nil); s > bestScore {
			best, bestScore = ei, s
		}
	}
	if best < 0 {
		return dyad.Place{}, false
	}
	p := g.place(best)
	p.Text = name
	return p, true
}

// postings returns the entries a name may refer to, abbreviations included.
func (g *Gazetteer) postings(name string) []int32 {
	if code, ok := abbreviations[name]; ok {
		if ei, ok := g.codeEntry(code); ok {
			return []int32{ei}
		}
	}
	k, _ := keyOf(name)
	posts, _ := g.lookupKey(k)
	return posts
}

// codeEntry resolves an abbreviation's code: ISO3 or "CC.admin1".
func (g *Gazetteer) codeEntry(code string) (int32, bool) {
	if ai, ok := g.adminKey[code]; ok {
		return g.admins[ai].entry, true
	}
	if ci, ok := g.byCode[code]; ok {
		return g.countryE[ci], true
	}
	return 0, false
}

func decode(p int32) int32 {
	if p < 0 {
		return -p - 1
	}
	return p
}

// place renders entry ei as a dyad.Place without text offsets.
func (g *Gazetteer) place(ei int32) dyad.Place {
	e := &g.entries[ei]
	c := &g.countries[e.country]
	p := dyad.Place{Name: e.name, Country: c.ISO3, Lat: float64(e.lat) / 1e4, Lon: float64(e.lon) / 1e4}
	if e.kind != kindCountry {
		p.GeonameID = int(e.id)
	}
	if e.admin1 >= 0 {
		p.Admin1 = g.admins[e.admin1].name
	}
	return p
}

// score ranks the candidates of a name: log10 of the population, plus a
// bonus for capitals and countries, a smaller one for regional capitals, and
// the largest for a place in a country the article mentions (ctx).
func (g *Gazetteer) score(e *entry, ctx map[uint16]bool) float64 {
	s := math.Log10(float64(e.pop) + 1)
	switch e.kind {
	case kindCountry:
		s += 2
	case kindAdmin1:
		s -= 0.5
	case kindCity:
		switch e.feature {
		case "PPLC":
			s += 2
		case "PPLA":
			s += 0.5
		}
	}
	if ctx[e.country] {
		// A small town gets less of the bonus: the United States is named in
		// most articles, and "Geneva" is still the Swiss city.
		if e.kind == kindCity && e.pop < 50_000 && e.feature != "PPLC" && e.feature != "PPLA" {
			s++
		} else {
			s += 2.5
		}
	}
	return s
}

// Stats describes a loaded gazetteer.
type Stats struct {
	Countries, Regions, Places, Names int
}

// Stats counts the gazetteer's entries and indexed names.
func (g *Gazetteer) Stats() Stats {
	st := Stats{Countries: len(g.countries), Regions: len(g.admins), Names: len(g.index)}
	st.Places = len(g.entries) - st.Countries - st.Regions
	return st
}

// sortPlaces orders places by position.
func sortPlaces(ps []dyad.Place) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Start != ps[j].Start {
			return ps[i].Start < ps[j].Start
		}
		return ps[i].End < ps[j].End
	})
}
