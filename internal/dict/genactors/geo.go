package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dyad-project/dyad/internal/dict"
)

// geoData is what the conversion takes from GeoNames: each state's short
// name, and the folded names of its capital and of its cities and regions,
// to sort a state's synonyms.
type geoData struct {
	countryName map[string]string          // ISO3 -> "Syria"
	capitals    map[string]map[string]bool // ISO3 -> folded names of the capital
	places      map[string]map[string]bool // ISO3 -> folded city and region names
}

// geoShortNames shortens the GeoNames names of states to the names news
// uses.
var geoShortNames = map[string]string{
	"Russian Federation": "Russia", "Syrian Arab Republic": "Syria", "Iran, Islamic Republic of": "Iran",
	"Korea, Republic of": "South Korea", "Korea, Democratic People's Republic of": "North Korea",
	"Palestinian Territory": "Palestine", "Czechia": "Czech Republic",
	"Democratic Republic of the Congo": "Democratic Republic of the Congo",
	"Republic of the Congo":            "Republic of the Congo", "Vatican": "Vatican City", "U.S. Virgin Islands": "United States Virgin Islands",
}

// readGeo reads countryInfo.txt, cities15000.txt and admin1CodesASCII.txt
// from dir. With dir "" it returns empty tables: states keep their Phoenix
// names and every synonym is an alias or an adjective.
func readGeo(dir string) (*geoData, error) {
	g := &geoData{countryName: map[string]string{}, capitals: map[string]map[string]bool{},
		places: map[string]map[string]bool{}}
	if dir == "" {
		return g, nil
	}
	iso3 := map[string]string{} // ISO2 -> ISO3
	capital := map[string]string{}
	err := eachRow(filepath.Join(dir, "countryInfo.txt"), func(f []string) {
		if len(f) < 6 || strings.HasPrefix(f[0], "#") {
			return
		}
		iso3[f[0]] = f[1]
		name := f[4]
		if s, ok := geoShortNames[name]; ok {
			name = s
		}
		g.countryName[f[1]] = name
		if f[5] != "" {
			capital[f[1]] = f[5]
			g.add(g.capitals, f[1], f[5])
		}
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(filepath.Join(dir, "cities15000.txt"), func(f []string) {
		if len(f) < 9 {
			return
		}
		c := iso3[f[8]]
		if c == "" {
			return
		}
		names := []string{f[1], f[2]}
		for _, a := range strings.Split(f[3], ",") {
			if isASCII(a) {
				names = append(names, a)
			}
		}
		target := g.places
		if f[7] == "PPLC" || dict.ActorKey(f[1]) == dict.ActorKey(capital[c]) || dict.ActorKey(f[2]) == dict.ActorKey(capital[c]) {
			target = g.capitals
		}
		for _, n := range names {
			g.add(target, c, n)
		}
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(filepath.Join(dir, "admin1CodesASCII.txt"), func(f []string) {
		if len(f) < 3 {
			return
		}
		cc, _, _ := strings.Cut(f[0], ".")
		if c := iso3[cc]; c != "" {
			g.add(g.places, c, f[1])
			g.add(g.places, c, f[2])
		}
	})
	if err != nil {
		return nil, err
	}
	// A capital is not also a mere place.
	for c, names := range g.capitals {
		for n := range names {
			delete(g.places[c], n)
		}
	}
	return g, nil
}

func (g *geoData) add(m map[string]map[string]bool, c, name string) {
	k := dict.ActorKey(name)
	if k == "" {
		return
	}
	if m[c] == nil {
		m[c] = map[string]bool{}
	}
	m[c][k] = true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return s != ""
}

// eachRow calls fn with the tab-separated fields of every line of a file.
func eachRow(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("genactors: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		fn(strings.Split(strings.TrimRight(sc.Text(), "\r"), "\t"))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("genactors: read %s: %w", path, err)
	}
	return nil
}
