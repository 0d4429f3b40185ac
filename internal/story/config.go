package story

import (
	"errors"
	"fmt"
)

// Errors returned by the package.
var (
	// ErrConfig reports a Config that cannot work (wrapped with the field).
	ErrConfig = errors.New("story: invalid config")
	// ErrArticle reports an Article the index cannot take: no Doc, a Doc
	// already added, or a publication date that is not YYYY-MM-DD.
	ErrArticle = errors.New("story: invalid article")
	// ErrState reports a Snapshot that is inconsistent or was made with a
	// different signature configuration.
	ErrState = errors.New("story: invalid state")
)

// Config holds every rule of deduplication, event merging and story
// clustering. The zero value is not useful: start from DefaultConfig.
type Config struct {
	// Near-duplicates.

	// ShingleWords is the number of consecutive words in a shingle. The
	// words are the runs of letters and digits of the article's headline and
	// body sentences (captions and boilerplate excluded), lower-cased, so
	// that copies differing only in photo credits, "Advertisement" lines,
	// bylines or quote and dash styles have the same shingles.
	ShingleWords int
	// Hashes is the number of MinHash functions; the signature keeps the
	// low 16 bits of each minimum (b-bit minwise hashing), 2 bytes a hash.
	Hashes int
	// Bands splits the signature into Bands groups of Hashes/Bands rows for
	// locality-sensitive hashing: two articles become candidates when every
	// row of one band agrees. With 128 hashes and 16 bands of 8 rows, pairs
	// at Jaccard 0.8 are found 95% of the time, pairs at 0.9 always, pairs
	// at 0.5 6% of the time (and then rejected by DupThreshold).
	Bands int
	// DupThreshold is the estimated Jaccard similarity of the shingle sets at
	// or above which an article is a copy of an earlier one.
	DupThreshold float64
	// MinShingles is the fewest shingles a body needs to be compared at all:
	// shorter bodies (a headline and a line) are never called copies.
	MinShingles int
	// MaxDupCandidates bounds the LSH candidates verified per article, so
	// that a text copied thousands of times costs no more than this.
	MaxDupCandidates int

	// Event merging.

	// MergeModes lists the event modes that merge. An event of another mode
	// (a hypothetical, negated or future event by default) is kept as an
	// event of its own with one mention. Events merge only with events of
	// the same mode.
	MergeModes []string
	// Family is the number of CAMEO digits two events must share: 2 (the
	// root, so "040" consult and "046" negotiate merge) or 3 (the 3-digit
	// family, so they do not, while a bare root "04" merges with any "04x").
	Family int
	// Window is how many days apart two events may be dated and still merge.
	// An event's date is its own date when the text gives a day; for a
	// month or year, the article's publication date when it falls in that
	// month or year, else the first day of it; with no date, the article's
	// publication date (for a copy, that of the article it copies).
	Window int
	// PlaceRadiusKm is how far apart two geocoded places may be and still be
	// the place of one event. Places are compatible when either is unknown,
	// when one names only a country and the other lies in it, when both are
	// geocoded and within this distance, or when neither is geocoded and
	// their names match; places in different countries never are.
	PlaceRadiusKm float64
	// StateSectors are the actor sectors that stand for the state itself:
	// an event's source or target is keyed by its country alone when its
	// sector is one of these ("USA" for the government, the army or "the
	// United States"), and by country and sector otherwise ("SYR/REB" for
	// Syrian rebels), because outlets name a state by its organs
	// interchangeably but never confuse rebels with the government.
	// Organisations and groups (ISIL, UN) are keyed by themselves.
	StateSectors []string
	// OneADay reproduces the Phoenix filter: one event per source, target
	// and full CAMEO code a day. It replaces Family, Window, PlaceRadiusKm
	// and StateSectors by an exact key (source key and sector, target key
	// and sector, full code, date) and ignores places.
	OneADay bool

	// Stories.

	// StoryThreshold is the similarity at or above which an article joins
	// the most similar story (else it starts one). Similarity is the
	// weighted mean of the components below, each from 0 to 1, over the
	// components the article has (an article with no place is judged on
	// events, actors and words alone).
	StoryThreshold float64
	// EventWeight weighs shared merged events: the number of the article's
	// events that merged into an event of the story, divided by
	// EventSaturation and capped at 1. This is the strongest evidence: the
	// same dyad, the same kind of event, the same days, the same place.
	EventWeight float64
	// EventSaturation is how many shared events count as full evidence.
	EventSaturation int
	// ActorWeight weighs the share of the article's actor keys (a country or
	// an organisation) that the story already has. It is weak on purpose:
	// the same actors meet, fight and talk about different things.
	ActorWeight float64
	// PlaceWeight weighs the share of the article's named places (cities,
	// regions; not countries) that the story already has.
	PlaceWeight float64
	// WordWeight weighs the share of the article's lead words (the content
	// words among the first LeadWords words of its headline and body) that
	// the story already has: no TF-IDF, stop words removed.
	WordWeight float64
	// LeadWords is how many words from the start of the headline and body
	// give the article's content words.
	LeadWords int
	// StoryWindow is how many days before a story's first article or after
	// its last an article may be dated and still join it.
	StoryWindow int
	// StoryMaxSpan is the most days a story may span; an article that would
	// stretch a story further starts a new one.
	StoryMaxSpan int
	// ProfileWords, ProfileActors and ProfilePlaces cap the content words,
	// actor keys and places a story remembers to compare articles with (the
	// first ones seen, which are those of its lead articles).
	ProfileWords, ProfileActors, ProfilePlaces int
	// PostingCap is how many recent stories each word, actor and place
	// remembers for candidate lookup; LookupFeatures is how many of an
	// article's features, the rarest (posted to the fewest stories), are
	// looked up; StoryCandidates is how many of the candidates, ranked by a
	// quick score, get the full comparison. The three bound the cost of an
	// article whatever the size of the corpus.
	PostingCap, LookupFeatures, StoryCandidates int
}

// DefaultConfig returns the documented defaults.
func DefaultConfig() Config {
	return Config{
		ShingleWords:     5,
		Hashes:           128,
		Bands:            16,
		DupThreshold:     0.8,
		MinShingles:      10,
		MaxDupCandidates: 128,

		MergeModes:    []string{"asserted"},
		Family:        2,
		Window:        1,
		PlaceRadiusKm: 50,
		StateSectors:  []string{"", "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI"},

		StoryThreshold:  0.4,
		EventWeight:     0.4,
		EventSaturation: 2,
		ActorWeight:     0.2,
		PlaceWeight:     0.15,
		WordWeight:      0.25,
		LeadWords:       60,
		StoryWindow:     3,
		StoryMaxSpan:    30,
		ProfileWords:    96,
		ProfileActors:   32,
		ProfilePlaces:   16,
		PostingCap:      32,
		LookupFeatures:  16,
		StoryCandidates: 8,
	}
}

// Validate reports the first field that cannot work, wrapped in ErrConfig.
func (c *Config) Validate() error {
	bad := func(field string, v any) error { return fmt.Errorf("%w: %s = %v", ErrConfig, field, v) }
	switch {
	case c.ShingleWords < 1:
		return bad("ShingleWords", c.ShingleWords)
	case c.Hashes < 1:
		return bad("Hashes", c.Hashes)
	case c.Bands < 1 || c.Bands > c.Hashes || c.Hashes%c.Bands != 0:
		return bad("Bands", c.Bands)
	case !(c.DupThreshold > 0 && c.DupThreshold <= 1):
		return bad("DupThreshold", c.DupThreshold)
	case c.MinShingles < 1:
		return bad("MinShingles", c.MinShingles)
	case c.MaxDupCandidates < 1:
		return bad("MaxDupCandidates", c.MaxDupCandidates)
	case c.Family != 2 && c.Family != 3:
		return bad("Family", c.Family)
	case c.Window < 0:
		return bad("Window", c.Window)
	case c.PlaceRadiusKm < 0:
		return bad("PlaceRadiusKm", c.PlaceRadiusKm)
	case c.StoryThreshold <= 0:
		return bad("StoryThreshold", c.StoryThreshold)
	case c.EventWeight < 0 || c.ActorWeight < 0 || c.PlaceWeight < 0 || c.WordWeight < 0:
		return bad("weights", []float64{c.EventWeight, c.ActorWeight, c.PlaceWeight, c.WordWeight})
	case c.EventWeight+c.ActorWeight+c.PlaceWeight+c.WordWeight == 0:
		return bad("weights", 0)
	case c.EventSaturation < 1:
		return bad("EventSaturation", c.EventSaturation)
	case c.LeadWords < 1:
		return bad("LeadWords", c.LeadWords)
	case c.StoryWindow < 0:
		return bad("StoryWindow", c.StoryWindow)
	case c.StoryMaxSpan < 0:
		return bad("StoryMaxSpan", c.StoryMaxSpan)
	case c.ProfileWords < 1 || c.ProfileActors < 1 || c.ProfilePlaces < 1:
		return bad("Profile caps", []int{c.ProfileWords, c.ProfileActors, c.ProfilePlaces})
	case c.PostingCap < 1:
		return bad("PostingCap", c.PostingCap)
	case c.LookupFeatures < 1:
		return bad("LookupFeatures", c.LookupFeatures)
	case c.StoryCandidates < 1:
		return bad("StoryCandidates", c.StoryCandidates)
	}
	return nil
}

// merges reports whether events of mode merge with others.
func (c *Config) merges(mode string) bool {
	for _, m := range c.MergeModes {
		if m == mode {
			return true
		}
	}
	return false
}

// stateSector reports whether sector stands for the state itself.
func (c *Config) stateSector(sector string) bool {
	for _, s := range c.StateSectors {
		if s == sector {
			return true
		}
	}
	return false
}
