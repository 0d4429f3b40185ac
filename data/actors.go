package data

import (
	"embed"
	"io/fs"
)

//go:generate go run ../internal/dict/genactors -phoenix ../../shared/reference/petrarch2/petrarch2/data/dictionaries -geonames ../../shared/reference/geonames -out actors

//go:embed actors/*.txt
var actorFiles embed.FS

// Actors holds the default actor and agent dictionaries (data/actors/*.txt):
// the Phoenix dictionaries of openeventdata/petrarch2 (MIT) converted by
// internal/dict/genactors, and the hand-written 50-manual*.txt files, read
// after them. internal/dict.LoadActors reads it.
var Actors fs.FS = actorsSub()

func actorsSub() fs.FS {
	sub, err := fs.Sub(actorFiles, "actors")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory
	}
	return sub
}
