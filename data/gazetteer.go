package data

import "embed"

// Gazetteer holds gazetteer/gazetteer.tsv.gz, the place gazetteer derived
// from GeoNames (geonames.org, CC BY 4.0) by internal/where/gen; see the
// "Gazetteer" section of README.md.
//
//go:embed gazetteer/gazetteer.tsv.gz
var Gazetteer embed.FS
