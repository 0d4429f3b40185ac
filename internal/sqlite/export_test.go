package sqlite

// OpenVersion opens a store whose schema stops at version upTo, for tests
// of the migrations.
var OpenVersion = openVersion
