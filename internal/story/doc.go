// Package story turns a stream of analysed articles into one account per
// happening. It reads one Article at a time (built from a dyad.Analysis by
// FromAnalysis) and returns an AddResult saying what the article changed:
//
//   - near-duplicates: whether the article is a syndicated or lightly edited
//     copy of an earlier one (MinHash over word shingles of its headline and
//     body, boilerplate excluded, with LSH banding to find candidates), and
//     which article it copies: always the earliest published copy;
//   - merged events: which events of other articles its coded events joined
//     or created, with GDELT-like counts (mentions, articles, distinct
//     outlets, first and last seen, a root flag for events from the lead);
//   - stories: which story (articles about the same happening, found by
//     shared events, actors, places and lead words within a time window) the
//     article joins or starts.
//
// Work is incremental: an Index keeps, per article, a 256-byte signature and
// a few ids, and per merged event and story a small record, so that adding
// an article costs about the same whether the index holds ten articles or a
// million. The index is the state a store persists: AddResult carries every
// row the article changed (ArticleState, EventState, StoryState, Mention),
// Snapshot dumps the whole state and Restore rebuilds an Index from it.
//
// Every rule is a field of Config, documented there; DefaultConfig returns
// the defaults and Config.OneADay reproduces the Phoenix one-a-day filter.
package story
