package story

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Index deduplicates articles, merges their events and clusters them into
// stories, one article at a time. Its methods are safe for concurrent use;
// Add calls are serialised.
type Index struct {
	mu  sync.Mutex
	cfg Config

	mh     *minhasher
	lsh    *lsh
	sigs   []uint16 // signatures, Hashes values each
	owner  []int32  // signature number -> article
	sigBuf []uint16
	minBuf []uint32

	arts      []article
	docs      map[string]int32
	artEvents []int32           // events of the articles, in slices given by article.evOff/evLen
	copies    map[int32][]int32 // earliest copy -> the other copies
	latest    day               // newest publication date seen

	events  []mergedEvent
	evHead  map[uint64]int32 // merge key -> newest event with that key
	places  []Place          // place 0 is the unknown place
	placeID map[string]uint32

	stories  []story
	postings map[uint32][]posting // feature -> recent stories, oldest first
	df       []uint32             // feature -> stories it was posted to
	acc      map[int32]float64    // scratch space of cluster
	lookBuf  []lookup
	candBuf  []candidate

	featIDs   [3]map[string]uint32 // kind (featActor, ...) -> name -> feature id
	featNames []string             // feature id -> name

	outlets, keys, codes, modes interner
}

// article is what the index remembers of an article.
type article struct {
	doc    string
	outlet uint32
	day    day   // publication date, or the newest one seen before it when unknown
	dupOf  int32 // the earliest copy of the article, -1 when it is the earliest
	story  int32
	sig    int32 // signature number, -1 when the body is too short
	evOff  int32
	evLen  int32
	sim    float32
	pub    bool // day is the article's own publication date
	copy   bool // counted as a copy (not the first arrival of its copies)
}

// mergedEvent is one event with the counts of all its mentions.
type mergedEvent struct {
	src, tgt    uint32 // keys
	code        uint32 // codes: the code of the first mention
	mode        uint32 // modes
	place       uint32 // places
	day         day    // the date of the first mention
	first, last day    // publication dates of the first and last article
	mentions    int32
	articles    int32
	copies      int32
	story       int32
	next        int32    // the previous event with the same merge key
	outlets     []uint32 // sorted outlets of the counted articles
	copyOutlets []uint32 // sorted outlets seen only in copies
	root        bool
	merges      bool // indexed for merging (false: an event of its own)
}

// story is a cluster of articles with the profile they are compared with.
type story struct {
	first, last day
	title       string
	titleArt    int32
	newest      int32    // the most recent article to join
	docs        []int32  // articles, in arrival order
	events      []int32  // sorted merged events
	actors      []uint32 // sorted feature ids, capped
	places      []uint32
	words       []uint32
}

// interner numbers strings densely from 0.
type interner struct {
	ids   map[string]uint32
	names []string
}

func (t *interner) id(s string) uint32 {
	if id, ok := t.ids[s]; ok {
		return id
	}
	if t.ids == nil {
		t.ids = map[string]uint32{}
	}
	s = strings.Clone(s)
	id := uint32(len(t.names))
	t.ids[s] = id
	t.names = append(t.names, s)
	return id
}

// Kinds of story features.
const (
	featActor = iota // an actor key
	featPlace        // a place name, lower-cased
	featWord         // a lead word
)

// New returns an empty index, or an error wrapping ErrConfig.
func New(cfg Config) (*Index, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg.MergeModes = append([]string(nil), cfg.MergeModes...)
	cfg.StateSectors = append([]string(nil), cfg.StateSectors...)
	x := &Index{
		cfg:      cfg,
		mh:       newMinhasher(cfg.ShingleWords, cfg.Hashes),
		lsh:      newLSH(cfg.Bands, cfg.Hashes/cfg.Bands),
		sigBuf:   make([]uint16, cfg.Hashes),
		minBuf:   make([]uint32, cfg.Hashes),
		docs:     map[string]int32{},
		copies:   map[int32][]int32{},
		latest:   noDay,
		evHead:   map[uint64]int32{},
		places:   []Place{{}},
		placeID:  map[string]uint32{},
		postings: map[uint32][]posting{},
		acc:      map[int32]float64{},
	}
	x.codes.id("") // code 0 is no code
	return x, nil
}

// Config returns the index's configuration.
func (x *Index) Config() Config {
	c := x.cfg
	c.MergeModes = append([]string(nil), c.MergeModes...)
	c.StateSectors = append([]string(nil), c.StateSectors...)
	return c
}

// Len returns the number of articles added.
func (x *Index) Len() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return len(x.arts)
}

// AddResult is what adding an article changed: the rows a store upserts.
type AddResult struct {
	// Article is the article's own state.
	Article ArticleState
	// Mentions are the article's events, one a mention, in the article's
	// order, each with the merged event it went to.
	Mentions []Mention
	// Events is the new state of every merged event the article created or
	// joined, in order of first mention; Created lists the new ones.
	Events  []EventState
	Created []int64
	// Story is the new state of the article's story; NewStory reports
	// whether the article started it.
	Story    StoryState
	NewStory bool
	// Relinked are the articles whose DupOf changed because the article is
	// an earlier-published copy of them.
	Relinked []ArticleState
}

// Add adds an article. It returns an error wrapping ErrArticle, and changes
// nothing, when the article has no Doc, when its Doc was added before or
// when Published is neither empty nor a YYYY-MM-DD date.
func (x *Index) Add(a Article) (AddResult, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if a.Doc == "" {
		return AddResult{}, fmt.Errorf("%w: no doc", ErrArticle)
	}
	if _, ok := x.docs[a.Doc]; ok {
		return AddResult{}, fmt.Errorf("%w: %s added twice", ErrArticle, a.Doc)
	}
	pub := noDay
	if a.Published != "" {
		d, ok := parseDay(a.Published)
		if !ok {
			return AddResult{}, fmt.Errorf("%w: %s: publication date %q is not YYYY-MM-DD", ErrArticle, a.Doc, a.Published)
		}
		pub = d
	}
	id := int32(len(x.arts))
	d := pub
	if d == noDay {
		d = x.latest
	} else if x.latest == noDay || d > x.latest {
		x.latest = d
	}
	a.Doc = strings.Clone(a.Doc) // kept for good: not a slice of a larger input
	x.arts = append(x.arts, article{
		doc: a.Doc, outlet: x.outlets.id(a.Outlet), day: d, pub: pub != noDay,
		dupOf: -1, story: -1, sig: -1,
	})
	x.docs[a.Doc] = id

	var res AddResult
	root := x.dedup(id, a.Body, &res)
	art := &x.arts[id]
	fallback := d
	if art.dupOf >= 0 && x.arts[art.dupOf].day != noDay {
		fallback = x.arts[art.dupOf].day
	}

	touched, created, shared, mergeable := x.mergeEvents(id, a, fallback, &res)

	var s int32
	if root >= 0 {
		s = x.arts[root].story
		x.joinStory(s, id, a, touched, nil)
	} else {
		var fs features
		s, fs = x.cluster(id, a, shared, mergeable)
		if s < 0 {
			s = int32(len(x.stories))
			x.stories = append(x.stories, story{first: noDay, last: noDay, titleArt: -1})
			res.NewStory = true
		}
		x.joinStory(s, id, a, touched, &fs)
	}
	for _, e := range created {
		x.events[e].story = s
	}

	res.Article = x.articleState(id)
	for _, e := range touched {
		res.Events = append(res.Events, x.eventState(e))
	}
	for _, e := range created {
		res.Created = append(res.Created, int64(e)+1)
	}
	res.Story = x.storyState(s)
	return res, nil
}

// earlier reports whether article i was published before article j, by
// publication date and then arrival; unknown dates come last.
func (x *Index) earlier(i, j int32) bool {
	di, dj := x.arts[i].day, x.arts[j].day
	switch {
	case di == dj:
		return i < j
	case di == noDay:
		return false
	case dj == noDay:
		return true
	}
	return di < dj
}

func containsInt32(s []int32, v int32) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// insertSorted inserts v into the sorted set s and reports whether it was
// absent.
func insertSorted[T ~int32 | ~uint32](s []T, v T) ([]T, bool) {
	i := sort.Search(len(s), func(i int) bool { return s[i] >= v })
	if i < len(s) && s[i] == v {
		return s, false
	}
	s = append(s, 0)
	copy(s[i+1:], s[i:])
	s[i] = v
	return s, true
}

func containsSorted[T ~int32 | ~uint32](s []T, v T) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i] >= v })
	return i < len(s) && s[i] == v
}

func removeSorted[T ~int32 | ~uint32](s []T, v T) []T {
	i := sort.Search(len(s), func(i int) bool { return s[i] >= v })
	if i < len(s) && s[i] == v {
		return append(s[:i], s[i+1:]...)
	}
	return s
}
