package data

import "embed"

// Verbs holds dyad's verb dictionaries, in internal/dict's verb format:
// verbs/cameo.txt, generated from the PETRARCH-2 CAMEO verb dictionary, and
// verbs/manual.txt, written by hand, which is read after it and so
// overrides it. Load them with dict.LoadVerbs(data.Verbs, "verbs").
//
//go:generate go run ../internal/dict/genverbs/main.go -src ../../shared/reference/petrarch2/petrarch2/data/dictionaries/CAMEO.2.0.txt -out verbs/cameo.txt
//go:embed verbs/*.txt
var Verbs embed.FS
