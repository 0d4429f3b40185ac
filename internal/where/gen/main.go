//go:build ignore

// Command gen builds dyad's embedded gazetteer, data/gazetteer/gazetteer.tsv.gz,
// from a GeoNames export (geonames.org, CC BY 4.0); see package gazgen.
//
// Run it with `go generate ./internal/where`, or from the repository root:
//
//	go run internal/where/gen/main.go -src ../shared/reference/geonames -out data/gazetteer
package main

import (
	"flag"
	"log"
	"path/filepath"

	"github.com/dyad-project/dyad/internal/where/gazgen"
)

func main() {
	src := flag.String("src", "../../../shared/reference/geonames", "folder holding the GeoNames files")
	out := flag.String("out", "../../data/gazetteer", "folder to write "+gazgen.FileName+" into")
	flag.Parse()
	sum, err := gazgen.Write(*src, *out)
	if err != nil {
		log.Fatalf("gen: %v", err)
	}
	log.Printf("gen: wrote %s: %d countries, %d regions, %d places, %d bytes (%d uncompressed)",
		filepath.Join(*out, gazgen.FileName), sum.Countries, sum.Regions, sum.Places, sum.Bytes, sum.Uncompressed)
}
