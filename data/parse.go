package data

import _ "embed"

// ParserModel is the part-of-speech tagger, lemmatiser and dependency parser
// model read by internal/parse: gzip-compressed binary, trained on UD English
// EWT by `dyad train` (see README.md, "Parser model", for provenance and the
// exact command, and model/LICENSE-MODEL.md for its CC BY-SA 4.0 terms).
//
//go:embed model/parser-en-ewt.bin.gz
var ParserModel []byte
