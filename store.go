package dyad

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// The stores keep analysed articles and answer the questions an analyst asks
// of them: which events, between whom, when and where; who said what about
// whom; which articles mention a word. The interfaces below are implemented
// by the adapters (internal/sqlite, later internal/postgres); their semantics
// are documented here and in docs/STORE.md, so that every adapter answers
// the same query with the same rows in the same order.

// Store errors. Adapters wrap them, so callers (the HTTP layer) can map them
// to status codes with errors.Is.
var (
	// ErrNotFound reports that the article asked for is not stored.
	ErrNotFound = errors.New("dyad: not found")
	// ErrInvalid reports a filter or analysis the store cannot accept: a
	// malformed date, an unknown sort order, a search query with nothing to
	// search for, an analysis without text.
	ErrInvalid = errors.New("dyad: invalid")
)

// ContentHash returns the identity of an article's text for duplicate
// detection: the hexadecimal SHA-256 of the text's bytes.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// ArticleStore keeps analysed articles.
type ArticleStore interface {
	// PutAnalyses stores a batch of analyses in one transaction: either the
	// whole batch is stored or, on error, none of it. An analysis whose URL
	// (when not empty) or text (by ContentHash) is already stored, or
	// appears earlier in the same batch, is skipped and counted as a
	// duplicate.
	PutAnalyses(ctx context.Context, as []*Analysis) (PutResult, error)
	// HasArticle reports whether an article with this URL (ignored when
	// empty) or this content hash is stored, and its ID.
	HasArticle(ctx context.Context, url, hash string) (id int64, ok bool, err error)
	// GetArticle returns a stored article with its whole analysis; the
	// error wraps ErrNotFound when there is none.
	GetArticle(ctx context.Context, id int64) (*StoredArticle, error)
}

// PutResult says what PutAnalyses did with each analysis of a batch.
type PutResult struct {
	// IDs holds, for each analysis in batch order, the ID it was stored
	// under or, for a duplicate, the ID of the article it duplicates.
	IDs []int64
	// Duplicate reports, for each analysis in batch order, whether it was
	// skipped as a duplicate.
	Duplicate []bool
	// Stored and Duplicates count the two outcomes.
	Stored     int
	Duplicates int
}

// StoredArticle is an article as a store returns it.
type StoredArticle struct {
	ID int64 `json:"id"`
	// Hash is the article's ContentHash.
	Hash string `json:"hash"`
	// IngestedAt is when the article was stored. It is the one value that
	// differs between two stores built from the same input, so no list,
	// aggregate or export carries it.
	IngestedAt time.Time `json:"ingested_at"`
	// Analysis is the analysis as stored, Text included. Sentence tokens
	// are not stored.
	Analysis
}

// StoredEvent is an event with the article it comes from.
type StoredEvent struct {
	Event
	// GlobalID identifies the event in the whole store (GDELT's
	// GlobalEventID); Event.ID ("e1") identifies it within its article.
	GlobalID  int64  `json:"global_id"`
	ArticleID int64  `json:"article_id"`
	Doc       string `json:"doc"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	// Day is the day the event is filed under: its date, a month or year
	// date taken as its first day, else the article's publication date; ""
	// when neither is known.
	Day string `json:"day,omitempty"`
	// Lead reports whether the event's sentence is the headline or in the
	// first paragraph of the body (GDELT's IsRootEvent).
	Lead bool `json:"lead"`
	// SentenceText is the text of the event's sentence.
	SentenceText string `json:"sentence_text"`
}

// Sort orders for events and quotes. Every order ends with the same
// tie-breakers (document, content hash, position in the article), so a
// query always returns the same rows in the same order.
const (
	SortDate          = "date"       // by day, oldest first; undated last (the default)
	SortDateDesc      = "-date"      // newest first; undated last
	SortGoldstein     = "goldstein"  // most conflictual first (events only)
	SortGoldsteinDesc = "-goldstein" // most cooperative first (events only)
)

// Page selects a window of a sorted result. Limit 0 means no limit.
type Page struct {
	Limit  int `json:"limit,omitempty"`
	Offset int `json:"offset,omitempty"`
}

// Validate reports a negative limit or offset.
func (p Page) Validate() error {
	if p.Limit < 0 || p.Offset < 0 {
		return fmt.Errorf("%w: negative limit or offset", ErrInvalid)
	}
	return nil
}

// EventFilter selects events. Every field that is set must match (AND); the
// zero value selects every event.
//
// An actor value (Actor, Source, Target, and QuoteFilter's Speaker and
// About) matches an actor whose name equals it ignoring ASCII case, or,
// when the value is written in capitals and digits, whose CAMEO code starts
// with it: "Angela Merkel" matches her by name, "DEU" every German actor,
// "DEUGOV" the German government and its members.
type EventFilter struct {
	Actor  string `json:"actor,omitempty"`  // source or target
	Source string `json:"source,omitempty"` // the source actor
	Target string `json:"target,omitempty"` // the target actor

	// Country matches the source's or the target's country (ISO 3166
	// alpha-3); SourceCountry and TargetCountry one side only.
	Country       string `json:"country,omitempty"`
	SourceCountry string `json:"source_country,omitempty"`
	TargetCountry string `json:"target_country,omitempty"`
	// Sector matches the source's or the target's sector (GOV, MIL, ...).
	Sector string `json:"sector,omitempty"`

	// CAMEO matches event codes starting with it ("19" every fight,
	// "042" a visit and "0421"...); Root matches the root exactly.
	CAMEO  string `json:"cameo,omitempty"`
	Root   string `json:"root,omitempty"`
	PLOVER string `json:"plover,omitempty"`
	Quad   int    `json:"quad,omitempty"` // 1 to 4; 0 for any
	Mode   string `json:"mode,omitempty"`

	// From and To bound the event's Day, inclusive, as YYYY-MM-DD. A
	// bounded query leaves out events without a day.
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`

	// Place matches the name of the event's place (gazetteer name or as
	// written, ignoring ASCII case); PlaceCountry its country.
	Place        string `json:"place,omitempty"`
	PlaceCountry string `json:"place_country,omitempty"`

	// Text keeps events of articles whose title or text matches this
	// search query (see SearchFilter.Query).
	Text string `json:"text,omitempty"`
	// Doc and ArticleID keep the events of one article.
	Doc       string `json:"doc,omitempty"`
	ArticleID int64  `json:"article_id,omitempty"`

	Sort string `json:"sort,omitempty"`
	Page
}

// Validate reports malformed dates, quad classes, modes and sort orders,
// wrapping ErrInvalid.
func (f *EventFilter) Validate() error {
	if err := validateDates(f.From, f.To); err != nil {
		return err
	}
	if f.Quad < 0 || f.Quad > 4 {
		return fmt.Errorf("%w: quad class %d is not 1 to 4", ErrInvalid, f.Quad)
	}
	switch f.Mode {
	case "", ModeAsserted, ModeHypothetical, ModeNegated, ModeFuture:
	default:
		return fmt.Errorf("%w: unknown mode %q", ErrInvalid, f.Mode)
	}
	switch f.Sort {
	case "", SortDate, SortDateDesc, SortGoldstein, SortGoldsteinDesc:
	default:
		return fmt.Errorf("%w: unknown sort order %q", ErrInvalid, f.Sort)
	}
	return f.Page.Validate()
}

// validateDates checks that from and to are empty or YYYY-MM-DD.
func validateDates(from, to string) error {
	for _, d := range []string{from, to} {
		if d == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			return fmt.Errorf("%w: date %q is not YYYY-MM-DD", ErrInvalid, d)
		}
	}
	return nil
}

// EventStore answers questions about events.
type EventStore interface {
	// FindEvents returns one page of the events f selects, in f.Sort
	// order, and how many events f selects in all.
	FindEvents(ctx context.Context, f EventFilter) ([]StoredEvent, int, error)
	// ScanEvents calls fn with every event f selects, in order, without
	// holding them all in memory (for exports); it stops at fn's first
	// error and returns it.
	ScanEvents(ctx context.Context, f EventFilter, fn func(*StoredEvent) error) error
	// Timeline counts the events f selects per period; events without a
	// day are left out. f's Sort and Page are ignored.
	Timeline(ctx context.Context, f EventFilter, o TimelineOptions) ([]TimelinePoint, error)
	// Network counts the directed dyads (source -> target) among the events
	// f selects; events without a target are left out. f's Sort and Page
	// are ignored.
	Network(ctx context.Context, f EventFilter, o NetworkOptions) ([]Edge, error)
	// MapPoints counts the events f selects per place; events without a
	// place are left out. f's Sort and Page are ignored.
	MapPoints(ctx context.Context, f EventFilter) ([]MapPoint, error)
}

// Timeline intervals and groupings.
const (
	IntervalDay   = "day"   // Period is YYYY-MM-DD
	IntervalWeek  = "week"  // Period is the Monday starting the ISO week, YYYY-MM-DD
	IntervalMonth = "month" // Period is YYYY-MM

	GroupNone = ""     // one series: Key is ""
	GroupQuad = "quad" // Key is the quad class, "1" to "4"
	GroupRoot = "root" // Key is the CAMEO root, "01" to "20"
)

// TimelineOptions shape a timeline.
type TimelineOptions struct {
	Interval string `json:"interval"` // day, week or month (default month)
	By       string `json:"by"`       // "", quad or root
}

// Validate reports an unknown interval or grouping.
func (o *TimelineOptions) Validate() error {
	switch o.Interval {
	case "", IntervalDay, IntervalWeek, IntervalMonth:
	default:
		return fmt.Errorf("%w: unknown interval %q", ErrInvalid, o.Interval)
	}
	switch o.By {
	case GroupNone, GroupQuad, GroupRoot:
	default:
		return fmt.Errorf("%w: unknown timeline grouping %q", ErrInvalid, o.By)
	}
	return nil
}

// TimelinePoint counts the events of one period (and group). Points come
// sorted by period, then key; periods without events are absent.
type TimelinePoint struct {
	Period string `json:"period"`
	Key    string `json:"key"`
	Count  int    `json:"count"`
	// Goldstein is the mean Goldstein value, rounded to two decimals.
	Goldstein float64 `json:"goldstein"`
}

// Network node identities.
const (
	NodeCode    = "code"    // the CAMEO actor code (USAGOV); the default
	NodeCountry = "country" // the actor's country; "" for non-state actors
	NodeName    = "name"    // the actor's name
)

// NetworkOptions shape a network.
type NetworkOptions struct {
	Node  string `json:"node"`  // code, country or name
	Limit int    `json:"limit"` // the most frequent edges only; 0 for all
}

// Validate reports an unknown node identity or a negative limit.
func (o *NetworkOptions) Validate() error {
	switch o.Node {
	case "", NodeCode, NodeCountry, NodeName:
	default:
		return fmt.Errorf("%w: unknown network node %q", ErrInvalid, o.Node)
	}
	if o.Limit < 0 {
		return fmt.Errorf("%w: negative limit", ErrInvalid)
	}
	return nil
}

// Edge is a directed dyad: the events from one source to one target. Edges
// come sorted by count (most first), then source, then target.
type Edge struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Count  int    `json:"count"`
	// Goldstein is the mean Goldstein value, rounded to two decimals.
	Goldstein float64 `json:"goldstein"`
	// Quad counts the events of each quad class: Quad[0] is class 1.
	Quad [4]int `json:"quad"`
}

// MapPoint is the events located at one place. Points come sorted by count
// (most first), then name, then gazetteer ID.
type MapPoint struct {
	Name      string  `json:"name"`
	Country   string  `json:"country"`
	Admin1    string  `json:"admin1"`
	GeonameID int     `json:"geonameid,omitempty"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Count     int     `json:"count"`
	Goldstein float64 `json:"goldstein"` // mean, rounded to two decimals
	Quad      [4]int  `json:"quad"`
}

// ActorStore answers questions about actors across articles.
type ActorStore interface {
	// FindActors returns one page of the actors f selects and how many
	// there are in all. Actors of different articles are one actor when
	// they have the same name and type.
	FindActors(ctx context.Context, f ActorFilter) ([]ActorSummary, int, error)
}

// Actor sort orders.
const (
	SortMentions = "mentions" // most mentioned first (the default)
	SortArticles = "articles" // in most articles first
	SortEvents   = "events"   // in most events (as source or target) first
	SortName     = "name"     // by name
)

// ActorFilter selects actors.
type ActorFilter struct {
	// Query matches names containing it, ignoring ASCII case, and, when
	// it is written in capitals and digits, codes starting with it.
	Query     string `json:"q,omitempty"`
	Country   string `json:"country,omitempty"`
	Sector    string `json:"sector,omitempty"`
	Type      string `json:"type,omitempty"`
	ArticleID int64  `json:"article_id,omitempty"`
	Sort      string `json:"sort,omitempty"`
	Page
}

// Validate reports an unknown sort order or a bad page.
func (f *ActorFilter) Validate() error {
	switch f.Sort {
	case "", SortMentions, SortArticles, SortEvents, SortName:
	default:
		return fmt.Errorf("%w: unknown sort order %q", ErrInvalid, f.Sort)
	}
	return f.Page.Validate()
}

// ActorSummary is one actor across the store: how often it appears and in
// which roles.
type ActorSummary struct {
	Name     string `json:"name"`
	Type     string `json:"type"`
	Articles int    `json:"articles"`
	Mentions int    `json:"mentions"`
	AsSource int    `json:"as_source"` // events with the actor as source
	AsTarget int    `json:"as_target"`
	Quotes   int    `json:"quotes"` // quotes the actor is the speaker of
	// Roles are the codes the actor had, ordered by the first publication
	// date they were seen on (Barack Obama: USAELI, then USAGOV).
	Roles []ActorRole `json:"roles"`
}

// ActorRole is one code an actor had, and the articles it had it in.
type ActorRole struct {
	Code     string `json:"code"`
	Country  string `json:"country"`
	Sector   string `json:"sector"`
	Articles int    `json:"articles"`
	// First and Last are the earliest and latest publication dates of
	// those articles; "" when none is dated.
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
}

// QuoteStore answers questions about reported speech.
type QuoteStore interface {
	// FindQuotes returns one page of the quotes f selects and how many
	// there are in all.
	FindQuotes(ctx context.Context, f QuoteFilter) ([]StoredQuote, int, error)
}

// QuoteFilter selects quotes; see EventFilter for actor values.
type QuoteFilter struct {
	// Speaker matches the quote's speaker.
	Speaker string `json:"speaker,omitempty"`
	// About keeps quotes whose words mention the actor (by name, title or
	// pronoun resolved to it): what was said about whom.
	About string `json:"about,omitempty"`
	// Text keeps quotes whose words match this search query.
	Text string `json:"text,omitempty"`
	// From and To bound the article's publication date, inclusive.
	From      string `json:"from,omitempty"`
	To        string `json:"to,omitempty"`
	Doc       string `json:"doc,omitempty"`
	ArticleID int64  `json:"article_id,omitempty"`
	Sort      string `json:"sort,omitempty"` // date or -date
	Page
}

// Validate reports malformed dates, an unknown sort order or a bad page.
func (f *QuoteFilter) Validate() error {
	if err := validateDates(f.From, f.To); err != nil {
		return err
	}
	switch f.Sort {
	case "", SortDate, SortDateDesc:
	default:
		return fmt.Errorf("%w: unknown sort order %q", ErrInvalid, f.Sort)
	}
	return f.Page.Validate()
}

// StoredQuote is a quote with the article it comes from.
type StoredQuote struct {
	Quote
	GlobalID  int64  `json:"global_id"`
	ArticleID int64  `json:"article_id"`
	Doc       string `json:"doc"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
}

// SearchStore is full-text search over articles and quotes.
type SearchStore interface {
	// Search returns one page of the articles and quotes f selects and how
	// many there are in all: best matches first when f.Query is set, else
	// newest first.
	Search(ctx context.Context, f SearchFilter) ([]SearchHit, int, error)
}

// Search hit kinds.
const (
	HitArticle = "article"
	HitQuote   = "quote"
)

// SearchFilter selects articles and quotes.
//
// Query is a list of terms that must all occur: a word ("ceasefire"), a
// prefix ("negotiat*"), a "quoted phrase", a term preceded by "-" that
// must not occur, and OR between two terms for either. Matching ignores
// case and diacritics and, for words, their English inflection ("attacks"
// finds "attacked"). Other punctuation separates words. An empty Query
// selects everything the other fields allow.
type SearchFilter struct {
	Query string `json:"q,omitempty"`
	// Kind is HitArticle or HitQuote for one kind only, "" for both.
	Kind string `json:"kind,omitempty"`
	// Actor keeps articles that mention the actor and quotes it speaks
	// (see EventFilter for actor values).
	Actor string `json:"actor,omitempty"`
	// From and To bound the article's publication date, inclusive.
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	Doc  string `json:"doc,omitempty"`
	Page
}

// Validate reports an unknown kind, malformed dates, a bad page, or a query
// with no positive term, wrapping ErrInvalid.
func (f *SearchFilter) Validate() error {
	switch f.Kind {
	case "", HitArticle, HitQuote:
	default:
		return fmt.Errorf("%w: unknown kind %q", ErrInvalid, f.Kind)
	}
	if err := validateDates(f.From, f.To); err != nil {
		return err
	}
	if strings.TrimSpace(f.Query) != "" {
		if _, err := ParseQuery(f.Query); err != nil {
			return err
		}
	}
	return f.Page.Validate()
}

// SearchHit is an article or a quote that matches a search.
type SearchHit struct {
	Kind      string `json:"kind"`
	ArticleID int64  `json:"article_id"`
	Doc       string `json:"doc"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title"`
	Published string `json:"published,omitempty"`
	// QuoteID is the quote's GlobalID (0 for an article); Quote the quote.
	QuoteID int64  `json:"quote_id,omitempty"`
	Quote   *Quote `json:"quote,omitempty"`
	// Snippet is a short extract around the matches (the start of the text
	// without a query), and Highlights the byte ranges of the matched
	// words within Snippet.
	Snippet    string `json:"snippet"`
	Highlights []Span `json:"highlights"`
}

// Query is a parsed search query: Clauses of alternatives that must all
// match, and terms that must not. Adapters translate it into their own
// full-text syntax.
type Query struct {
	// All holds the clauses that must all match; a clause matches when one
	// of its terms does.
	All [][]Term
	// None holds the terms that must not match.
	None []Term
}

// Term is one search term: the words of a word or a phrase, lower-cased,
// and whether the last word is a prefix.
type Term struct {
	Words  []string
	Prefix bool
}

// ParseQuery parses a search query (see SearchFilter). It returns an error
// wrapping ErrInvalid when the query has no positive term.
func ParseQuery(q string) (Query, error) {
	var out Query
	orNext := false
	for i := 0; i < len(q); {
		c := q[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		neg := false
		if c == '-' && i+1 < len(q) && q[i+1] != ' ' {
			neg = true
			i++
		}
		var raw string
		if i < len(q) && q[i] == '"' {
			end := strings.IndexByte(q[i+1:], '"')
			if end < 0 {
				raw, i = q[i+1:], len(q)
			} else {
				raw, i = q[i+1:i+1+end], i+end+2
			}
		} else {
			end := strings.IndexAny(q[i:], " \t\r\n")
			if end < 0 {
				end = len(q) - i
			}
			raw, i = q[i:i+end], i+end
			if raw == "OR" && !neg {
				orNext = len(out.All) > 0
				continue
			}
		}
		t := Term{Words: queryWords(raw)}
		if len(t.Words) == 0 {
			continue
		}
		t.Prefix = strings.HasSuffix(raw, "*")
		switch {
		case neg:
			out.None = append(out.None, t)
		case orNext:
			last := len(out.All) - 1
			out.All[last] = append(out.All[last], t)
		default:
			out.All = append(out.All, []Term{t})
		}
		orNext = false
	}
	if len(out.All) == 0 {
		return Query{}, fmt.Errorf("%w: search query %q has no word to look for", ErrInvalid, q)
	}
	return out, nil
}

// queryWords splits s into lower-cased words of letters and digits.
func queryWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !isWordRune(r)
	})
}

// isWordRune reports whether r belongs to a search word: a letter, a number
// or a combining mark, as full-text tokenisers count them.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// ActorValueIsCode reports whether an actor value (see EventFilter) also
// matches codes: it is written in capitals and digits only.
func ActorValueIsCode(v string) bool {
	if v == "" {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// Store is everything a store offers; the HTTP API takes one.
type Store interface {
	ArticleStore
	EventStore
	ActorStore
	QuoteStore
	SearchStore
	StoryStore
}

// StoryStore answers questions about the story index (internal/story) of
// the stored articles: merged events, one per happening with the reports
// of every article that mentions it, and stories, the articles about one
// happening. Only articles the index took are in it (adapters add articles
// to the index as they store them; articles stored before an adapter kept
// an index are not). Every list comes in a total order, so the same store
// always answers the same query with the same rows.
type StoryStore interface {
	// FindMergedEvents returns one page of the merged events f selects, in
	// f.Sort order, and how many merged events f selects in all. The
	// events' Reports are not filled.
	FindMergedEvents(ctx context.Context, f MergedEventFilter) ([]MergedEvent, int, error)
	// GetMergedEvent returns a merged event with one page of its Reports
	// (the zero Page: all of them) and their number in ReportsTotal; the
	// error wraps ErrNotFound when there is none, ErrInvalid for a bad
	// page.
	GetMergedEvent(ctx context.Context, id int64, reports Page) (*MergedEvent, error)
	// FindStories returns one page of the stories f selects, in f.Sort
	// order, and how many stories f selects in all.
	FindStories(ctx context.Context, f StoryFilter) ([]StoredStory, int, error)
	// GetStory returns a story with its articles, merged events and most
	// frequent actors and places; the error wraps ErrNotFound when there is
	// none.
	GetStory(ctx context.Context, id int64) (*StoryDetail, error)
}

// SortSources orders merged events by the number of distinct outlets that
// report them, most first, then by mentions, most first.
const SortSources = "sources"

// MergedEventFilter selects merged events. Every field that is set must
// match (AND); the zero value selects every merged event.
//
// Actor values (Actor, Source, Target) are matched against the merge keys
// of the story index, not against actor names: a key is the actor's
// country (ISO 3166 alpha-3) when it acts for the state ("USA" for the
// government, the army or the country), the country and the sector
// otherwise ("SYR/REB"), else the actor's CAMEO code or its name as an
// identifier ("AL_NUSRA_FRONT"). A value matches keys starting with it:
// "SYR" matches "SYR" and "SYR/REB".
type MergedEventFilter struct {
	Actor  string `json:"actor,omitempty"`  // source or target key
	Source string `json:"source,omitempty"` // the source key
	Target string `json:"target,omitempty"` // the target key
	// CAMEO matches the code of the event's first mention by prefix.
	CAMEO string `json:"cameo,omitempty"`
	// From and To (YYYY-MM-DD, inclusive) keep the events reported in the
	// period: last seen on or after From, first seen on or before To. A
	// bounded query leaves out events whose articles are all undated.
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Story keeps the events mentioned by an article of this story (see
	// StoryDetail.MergedEvents), whatever story first mentioned them.
	Story int64 `json:"story,omitempty"`
	// ArticleID keeps the events this article mentions.
	ArticleID int64 `json:"article_id,omitempty"`
	// MinSources keeps the events reported by at least this many distinct
	// outlets, copies excluded (MergedEvent.Sources).
	MinSources int `json:"min_sources,omitempty"`
	// Sort is "" (by ID, the order the index created them in), SortDate
	// (first seen, oldest first), SortDateDesc (last seen, newest first),
	// SortSources or SortMentions (most mentions first). Dates order
	// undated events last, and every order ends with ID.
	Sort string `json:"sort,omitempty"`
	Page
}

// Validate reports malformed dates, a negative minimum, an unknown sort
// order or a bad page, wrapping ErrInvalid.
func (f *MergedEventFilter) Validate() error {
	if err := validateDates(f.From, f.To); err != nil {
		return err
	}
	if f.MinSources < 0 || f.Story < 0 || f.ArticleID < 0 {
		return fmt.Errorf("%w: negative min_sources, story or article", ErrInvalid)
	}
	switch f.Sort {
	case "", SortDate, SortDateDesc, SortSources, SortMentions:
	default:
		return fmt.Errorf("%w: unknown sort order %q", ErrInvalid, f.Sort)
	}
	return f.Page.Validate()
}

// MergedEvent is one happening: the coded events of every article that
// reports it, merged, with GDELT-style counts.
type MergedEvent struct {
	ID int64 `json:"id"`
	// Source and Target are the merge keys (see MergedEventFilter); Target
	// is "" for an event without a target.
	Source string `json:"source"`
	Target string `json:"target"`
	// CAMEO is the code of the first mention, Root its root, Mode the mode
	// all its mentions share.
	CAMEO string `json:"cameo"`
	Root  string `json:"root"`
	Mode  string `json:"mode"`
	// Date is the date of the first mention, YYYY-MM-DD ("" when unknown).
	Date string `json:"date,omitempty"`
	// Place is the most precise place of its mentions; nil when none has one.
	Place *MergedPlace `json:"place,omitempty"`
	// Mentions counts every mention, copies included (GDELT NumMentions).
	Mentions int `json:"mentions"`
	// Articles counts the distinct articles that report it and Sources
	// their distinct outlets (GDELT NumArticles, NumSources), copies of
	// another article excluded; Copies counts those copies.
	Articles int `json:"articles"`
	Sources  int `json:"sources"`
	Copies   int `json:"copies"`
	// Outlets are the outlets Sources counts, sorted; CopyOutlets those
	// seen only through copies, sorted.
	Outlets     []string `json:"outlets"`
	CopyOutlets []string `json:"copy_outlets,omitempty"`
	// FirstSeen and LastSeen are the dates of the earliest and latest
	// articles that report it ("" when none is dated).
	FirstSeen string `json:"first_seen,omitempty"`
	LastSeen  string `json:"last_seen,omitempty"`
	// IsRoot reports that a mention is in a headline or a lead.
	IsRoot bool `json:"is_root"`
	// Story is the story of the article that first reported it.
	Story int64 `json:"story"`
	// Reports are its mentions, one per coded event, ordered by the
	// article's publication date (undated last), article ID and the
	// event's position in the article. Only GetMergedEvent fills them,
	// one page at a time.
	Reports []Report `json:"reports,omitempty"`
	// ReportsTotal counts all its reports, on every page; only
	// GetMergedEvent sets it.
	ReportsTotal int `json:"reports_total,omitempty"`
}

// MergedPlace is where a merged event happened.
type MergedPlace struct {
	// Name is the gazetteer's name (or as written when not geocoded); ""
	// for a whole country.
	Name    string `json:"name,omitempty"`
	Country string `json:"country,omitempty"`
	// Lat and Lon are meaningful when GeonameID is set.
	Lat       float64 `json:"lat,omitempty"`
	Lon       float64 `json:"lon,omitempty"`
	GeonameID int     `json:"geonameid,omitempty"`
}

// Report is one mention of a merged event: a coded event of one article,
// with the article's identity. Its offsets (Trigger, Source, Target,
// Evidence) are byte offsets into the article's text; SentenceText is
// exactly the bytes of that text from SentenceStart to the sentence's end,
// so that an offset less SentenceStart indexes into SentenceText.
type Report struct {
	StoredEvent
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
	// SentenceStart is the byte offset of the event's sentence in the
	// article's text.
	SentenceStart int `json:"sentence_start"`
	// Copy reports a mention from an article counted as a copy: it counts
	// in Mentions only. DupOf is the ID of the earliest copy of the
	// article, 0 when the article is not a near-duplicate of an earlier
	// one.
	Copy  bool  `json:"copy"`
	DupOf int64 `json:"dup_of,omitempty"`
}

// StoryFilter selects stories. Every field that is set must match (AND);
// the zero value selects every story.
type StoryFilter struct {
	// From and To (YYYY-MM-DD, inclusive) keep the stories that overlap
	// the period: last article on or after From, first on or before To. A
	// bounded query leaves out stories whose articles are all undated.
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Actor keeps the stories with a merged event whose source or target
	// key starts with it (see MergedEventFilter).
	Actor string `json:"actor,omitempty"`
	// Text keeps the stories with an article whose title or text matches
	// this search query (see SearchFilter.Query).
	Text string `json:"text,omitempty"`
	// MinArticles keeps the stories with at least this many articles.
	MinArticles int `json:"min_articles,omitempty"`
	// Sort is "" (by ID, the order the index started them in), SortDate
	// (first article, oldest first), SortDateDesc (last article, newest
	// first) or SortArticles (most articles first). Dates order undated
	// stories last, and every order ends with ID.
	Sort string `json:"sort,omitempty"`
	Page
}

// Validate reports malformed dates, a query with nothing to look for, a
// negative minimum, an unknown sort order or a bad page, wrapping
// ErrInvalid.
func (f *StoryFilter) Validate() error {
	if err := validateDates(f.From, f.To); err != nil {
		return err
	}
	if strings.TrimSpace(f.Text) != "" {
		if _, err := ParseQuery(f.Text); err != nil {
			return err
		}
	}
	if f.MinArticles < 0 {
		return fmt.Errorf("%w: negative min_articles", ErrInvalid)
	}
	switch f.Sort {
	case "", SortDate, SortDateDesc, SortArticles:
	default:
		return fmt.Errorf("%w: unknown sort order %q", ErrInvalid, f.Sort)
	}
	return f.Page.Validate()
}

// StoredStory is a story: the articles about one happening.
type StoredStory struct {
	ID int64 `json:"id"`
	// Title is the headline of its earliest article, TitleArticle that
	// article's ID (0 when unknown).
	Title        string `json:"title"`
	TitleArticle int64  `json:"title_article,omitempty"`
	// First and Last are the dates of its earliest and latest articles
	// ("" when none is dated).
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
	// Articles counts its articles, copies included; Copies those that
	// are near-duplicates of an earlier article (StoryArticle.DupOf set).
	Articles int `json:"articles"`
	Copies   int `json:"copies"`
	// Events counts the distinct merged events its articles mention.
	Events int `json:"events"`
}

// StoryDetail is a story with its members.
type StoryDetail struct {
	StoredStory
	// Docs are its articles in the order the index took them.
	Docs []StoryArticle `json:"docs"`
	// MergedEvents are the merged events its articles mention, by ID,
	// without Reports.
	MergedEvents []MergedEvent `json:"merged_events"`
	// TopActors are the actors its articles name, by name (exactly as
	// stored), counted in articles (copies included), most first, then by
	// name in byte order; at most 10. TopPlaces are the places its articles name, by
	// gazetteer name and country, likewise (places that are whole
	// countries, with an empty name, left out).
	TopActors []NameCount `json:"top_actors"`
	TopPlaces []NameCount `json:"top_places"`
}

// StoryArticle is one article of a story.
type StoryArticle struct {
	ID        int64  `json:"id"`
	Doc       string `json:"doc"`
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
	Outlet    string `json:"outlet"`
	Published string `json:"published,omitempty"`
	// Date is the date the index filed it under: its publication date or,
	// when unknown, the newest publication date seen before it.
	Date string `json:"date,omitempty"`
	// DupOf is the ID of the earliest copy of the article, 0 when it is
	// not a near-duplicate of an earlier one, and Similarity the estimated
	// Jaccard similarity of their texts. Copy reports that the article
	// counts as a copy (it arrived after another copy of the same text).
	DupOf      int64   `json:"dup_of,omitempty"`
	Similarity float64 `json:"similarity,omitempty"`
	Copy       bool    `json:"copy"`
	// Events counts the merged events the article mentions.
	Events int `json:"events"`
}

// NameCount is a name and how many articles name it.
type NameCount struct {
	Name string `json:"name"`
	// Country is a place's country; "" for an actor.
	Country string `json:"country,omitempty"`
	Count   int    `json:"count"`
}
