package postgres

// OpenVersion opens a store whose schema stops at version upTo, and
// TSVector makes the full-text vector of columns, for tests of the
// migrations.
var (
	OpenVersion = openVersion
	TSVector    = tsvector
)
