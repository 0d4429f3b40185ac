package story

import (
	"encoding/binary"
	"fmt"
	"sort"

	"github.com/dyad-project/dyad/internal/cameo"
)

// ArticleState is what the index keeps of an article: one row of a store.
type ArticleState struct {
	Doc    string `json:"doc"`
	Outlet string `json:"outlet"`
	// Published is the article's publication date as given ("" when
	// unknown); Date is the date the index uses (for an undated article,
	// the newest publication date seen before it).
	Published string `json:"published,omitempty"`
	Date      string `json:"date,omitempty"`
	// DupOf is the Doc of the earliest published near-duplicate of the
	// article ("" when it is the earliest), and Similarity the estimated
	// Jaccard similarity of their bodies.
	DupOf      string  `json:"dup_of,omitempty"`
	Similarity float64 `json:"similarity,omitempty"`
	// Copy reports that the article arrived after another copy of the same
	// text: its mentions count as mentions but not as articles or sources.
	// An earlier-published copy that arrives late has Copy set and DupOf
	// empty.
	Copy bool `json:"copy,omitempty"`
	// Story is the id of the article's story.
	Story int64 `json:"story"`
	// Events are the ids of the merged events the article mentions, in
	// order of first mention.
	Events []int64 `json:"events"`
	// Signature is the MinHash signature (2 bytes a hash, little-endian),
	// empty when the body is too short to compare.
	Signature []byte `json:"signature,omitempty"`
}

// EventState is one merged event: GDELT's event row with its counts.
type EventState struct {
	ID int64 `json:"id"`
	// Source and Target are the dyad keys events merge on: an actor key,
	// with "/SECTOR" for a part of a country that is not the state itself
	// ("SYR/REB"); Target is "" for an event without a target.
	Source string `json:"source"`
	Target string `json:"target"`
	// CAMEO is the code of the first mention, Root its root.
	CAMEO string `json:"cameo"`
	Root  string `json:"root"`
	Mode  string `json:"mode"`
	// Date is the date of the first mention; Place the most precise place
	// of its mentions.
	Date  string `json:"date,omitempty"`
	Place Place  `json:"place"`
	// Mentions counts every mention, copies included (GDELT NumMentions).
	Mentions int `json:"mentions"`
	// Articles counts the distinct articles that mention the event and
	// Outlets their distinct outlets (GDELT NumArticles, NumSources), copies
	// excluded; Copies counts the copies and CopyOutlets the outlets seen
	// only through copies. Counts(true) adds them in.
	Articles    int      `json:"articles"`
	Copies      int      `json:"copies"`
	Outlets     []string `json:"outlets"`
	CopyOutlets []string `json:"copy_outlets,omitempty"`
	// FirstSeen and LastSeen are the publication dates of the earliest and
	// latest articles that mention the event.
	FirstSeen string `json:"first_seen,omitempty"`
	LastSeen  string `json:"last_seen,omitempty"`
	// IsRoot reports that a mention comes from a headline or a lead.
	IsRoot bool `json:"is_root"`
	// Story is the story of the article that first mentioned the event.
	Story int64 `json:"story"`
	// Merges reports whether later mentions may join the event; an event
	// whose mode does not merge (or without source or date) stays alone.
	Merges bool `json:"merges"`
}

// Counts returns the number of articles and of distinct outlets that
// mention the event, with or without the copies.
func (e EventState) Counts(withCopies bool) (articles, sources int) {
	if withCopies {
		return e.Articles + e.Copies, len(e.Outlets) + len(e.CopyOutlets)
	}
	return e.Articles, len(e.Outlets)
}

// StoryState is one story without its member lists, which the articles'
// Story and Events give.
type StoryState struct {
	ID int64 `json:"id"`
	// Title is the headline of the story's earliest article, TitleDoc its
	// Doc.
	Title    string `json:"title"`
	TitleDoc string `json:"title_doc"`
	// First and Last are the dates of its earliest and latest articles.
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
	// Articles counts its articles.
	Articles int `json:"articles"`
	// Actors, Places and Words are the profile articles are compared with.
	Actors []string `json:"actors"`
	Places []string `json:"places"`
	Words  []string `json:"words"`
}

// Story is a story with its articles and merged events.
type Story struct {
	StoryState
	// Docs are its articles in order of arrival.
	Docs []string `json:"docs"`
	// Events are the ids of the merged events its articles mention.
	Events []int64 `json:"events"`
}

// Mention is one coded event of an article and the merged event it joined.
type Mention struct {
	Event    int64  `json:"event"`
	Doc      string `json:"doc"`
	EventID  string `json:"event_id"`
	Sentence int    `json:"sentence"`
	CAMEO    string `json:"cameo"`
	Mode     string `json:"mode"`
	// Date is the date the mention was merged on.
	Date string `json:"date,omitempty"`
	// Lead reports a mention from the headline or the lead; Copy one from an
	// article counted as a copy.
	Lead bool `json:"lead"`
	Copy bool `json:"copy"`
}

// Snapshot is the whole state of an index: every article in arrival
// order, every merged event and every story in id order.
type Snapshot struct {
	Articles []ArticleState `json:"articles"`
	Events   []EventState   `json:"events"`
	Stories  []StoryState   `json:"stories"`
}

func (x *Index) articleState(i int32) ArticleState {
	a := &x.arts[i]
	st := ArticleState{
		Doc:        a.doc,
		Outlet:     x.outlets.names[a.outlet],
		Date:       formatDay(a.day),
		Similarity: float64(a.sim),
		Copy:       a.copy,
		Story:      int64(a.story) + 1,
		Events:     make([]int64, a.evLen),
	}
	if a.pub {
		st.Published = st.Date
	}
	if a.dupOf >= 0 {
		st.DupOf = x.arts[a.dupOf].doc
	}
	for k, m := range x.artEvents[a.evOff : a.evOff+a.evLen] {
		st.Events[k] = int64(m) + 1
	}
	st.Signature = x.signatureBytes(a.sig)
	return st
}

// signatureBytes encodes signature number sn, nil for -1.
func (x *Index) signatureBytes(sn int32) []byte {
	if sn < 0 {
		return nil
	}
	h := x.cfg.Hashes
	out := make([]byte, 2*h)
	for k, v := range x.sigs[int(sn)*h : int(sn+1)*h] {
		binary.LittleEndian.PutUint16(out[2*k:], v)
	}
	return out
}

func (x *Index) eventState(m int32) EventState {
	ev := &x.events[m]
	code := x.codes.names[ev.code]
	st := EventState{
		ID:        int64(m) + 1,
		Source:    x.keys.names[ev.src],
		Target:    x.keys.names[ev.tgt],
		CAMEO:     code,
		Root:      cameo.Root(code),
		Mode:      x.modes.names[ev.mode],
		Date:      formatDay(ev.day),
		Place:     x.places[ev.place],
		Mentions:  int(ev.mentions),
		Articles:  int(ev.articles),
		Copies:    int(ev.copies),
		Outlets:   x.outletNames(ev.outlets),
		FirstSeen: formatDay(ev.first),
		LastSeen:  formatDay(ev.last),
		IsRoot:    ev.root,
		Story:     int64(ev.story) + 1,
		Merges:    ev.merges,
	}
	if len(ev.copyOutlets) > 0 {
		st.CopyOutlets = x.outletNames(ev.copyOutlets)
	}
	return st
}

func (x *Index) outletNames(ids []uint32) []string {
	out := make([]string, len(ids))
	for i, o := range ids {
		out[i] = x.outlets.names[o]
	}
	sort.Strings(out)
	return out
}

func (x *Index) storyState(s int32) StoryState {
	st := &x.stories[s]
	out := StoryState{
		ID:       int64(s) + 1,
		Title:    st.title,
		First:    formatDay(st.first),
		Last:     formatDay(st.last),
		Articles: len(st.docs),
		Actors:   x.featureNames(st.actors),
		Places:   x.featureNames(st.places),
		Words:    x.featureNames(st.words),
	}
	if st.titleArt >= 0 {
		out.TitleDoc = x.arts[st.titleArt].doc
	}
	return out
}

// featureNames returns the names of features, sorted.
func (x *Index) featureNames(ids []uint32) []string {
	out := make([]string, len(ids))
	for i, f := range ids {
		out[i] = x.featNames[f]
	}
	sort.Strings(out)
	return out
}

// Article returns the state of the article doc.
func (x *Index) Article(doc string) (ArticleState, bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	i, ok := x.docs[doc]
	if !ok {
		return ArticleState{}, false
	}
	return x.articleState(i), true
}

// Event returns the merged event with the given id.
func (x *Index) Event(id int64) (EventState, bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if id < 1 || id > int64(len(x.events)) {
		return EventState{}, false
	}
	return x.eventState(int32(id - 1)), true
}

// Story returns the story with the given id.
func (x *Index) Story(id int64) (Story, bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if id < 1 || id > int64(len(x.stories)) {
		return Story{}, false
	}
	return x.story(int32(id - 1)), true
}

// Stories returns every story in id order: for tests and small indexes; a
// store answers such questions from its own tables.
func (x *Index) Stories() []Story {
	x.mu.Lock()
	defer x.mu.Unlock()
	out := make([]Story, len(x.stories))
	for s := range x.stories {
		out[s] = x.story(int32(s))
	}
	return out
}

func (x *Index) story(s int32) Story {
	st := &x.stories[s]
	out := Story{StoryState: x.storyState(s), Docs: make([]string, len(st.docs)), Events: make([]int64, len(st.events))}
	for i, a := range st.docs {
		out.Docs[i] = x.arts[a].doc
	}
	for i, m := range st.events {
		out.Events[i] = int64(m) + 1
	}
	return out
}

// Snapshot returns the whole state of the index.
func (x *Index) Snapshot() *Snapshot {
	x.mu.Lock()
	defer x.mu.Unlock()
	snap := &Snapshot{
		Articles: make([]ArticleState, len(x.arts)),
		Events:   make([]EventState, len(x.events)),
		Stories:  make([]StoryState, len(x.stories)),
	}
	for i := range x.arts {
		snap.Articles[i] = x.articleState(int32(i))
	}
	for m := range x.events {
		snap.Events[m] = x.eventState(int32(m))
	}
	for s := range x.stories {
		snap.Stories[s] = x.storyState(int32(s))
	}
	return snap
}

// Restore rebuilds an index from a snapshot taken with the same signature
// settings (ShingleWords, Hashes, Bands); the other rules of cfg apply to
// the articles added from then on. It returns an error wrapping ErrState
// when the snapshot is inconsistent.
func Restore(cfg Config, snap *Snapshot) (*Index, error) {
	x, err := New(cfg)
	if err != nil {
		return nil, err
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrState, fmt.Sprintf(format, args...))
	}
	nEv, nSt := int64(len(snap.Events)), int64(len(snap.Stories))
	for s, st := range snap.Stories {
		if st.ID != int64(s)+1 {
			return nil, bad("story %d has id %d", s+1, st.ID)
		}
		x.stories = append(x.stories, story{first: noDay, last: noDay, titleArt: -1, newest: -1, title: st.Title})
	}
	for m, e := range snap.Events {
		if e.ID != int64(m)+1 {
			return nil, bad("event %d has id %d", m+1, e.ID)
		}
		if e.Story < 0 || e.Story > nSt {
			return nil, bad("event %d: story %d out of range", e.ID, e.Story)
		}
		ev := mergedEvent{
			src: x.keys.id(e.Source), tgt: x.keys.id(e.Target), code: x.codes.id(e.CAMEO),
			mode: x.modes.id(e.Mode), place: x.placeOfID(e.Place), day: noDay,
			first: noDay, last: noDay, mentions: int32(e.Mentions), articles: int32(e.Articles),
			copies: int32(e.Copies), story: int32(e.Story) - 1, next: -1, root: e.IsRoot, merges: e.Merges,
		}
		for _, f := range []struct {
			s string
			d *day
		}{{e.Date, &ev.day}, {e.FirstSeen, &ev.first}, {e.LastSeen, &ev.last}} {
			if f.s == "" {
				continue
			}
			d, ok := parseDay(f.s)
			if !ok {
				return nil, bad("event %d: bad date %q", e.ID, f.s)
			}
			*f.d = d
		}
		for _, o := range e.Outlets {
			ev.outlets, _ = insertSorted(ev.outlets, x.outlets.id(o))
		}
		for _, o := range e.CopyOutlets {
			ev.copyOutlets, _ = insertSorted(ev.copyOutlets, x.outlets.id(o))
		}
		x.events = append(x.events, ev)
		if fam := x.family(e.CAMEO); ev.merges && fam != "" && ev.day != noDay {
			x.indexEvent(int32(m), fam)
		}
	}
	h := cfg.Hashes
	for i, a := range snap.Articles {
		id := int32(i)
		if a.Doc == "" {
			return nil, bad("article %d has no doc", i)
		}
		if _, dup := x.docs[a.Doc]; dup {
			return nil, bad("article %s appears twice", a.Doc)
		}
		if a.Story < 1 || a.Story > nSt {
			return nil, bad("article %s: story %d out of range", a.Doc, a.Story)
		}
		art := article{doc: a.Doc, outlet: x.outlets.id(a.Outlet), day: noDay, dupOf: -1,
			story: int32(a.Story) - 1, sig: -1, sim: float32(a.Similarity), copy: a.Copy}
		if a.Date != "" {
			d, ok := parseDay(a.Date)
			if !ok {
				return nil, bad("article %s: bad date %q", a.Doc, a.Date)
			}
			art.day = d
			art.pub = a.Published != ""
			if art.pub && (x.latest == noDay || d > x.latest) {
				x.latest = d
			}
		}
		art.evOff = int32(len(x.artEvents))
		for _, m := range a.Events {
			if m < 1 || m > nEv {
				return nil, bad("article %s: event %d out of range", a.Doc, m)
			}
			x.artEvents = append(x.artEvents, int32(m-1))
		}
		art.evLen = int32(len(a.Events))
		if len(a.Signature) > 0 {
			if len(a.Signature) != 2*h {
				return nil, bad("article %s: signature of %d bytes, want %d", a.Doc, len(a.Signature), 2*h)
			}
			for k := 0; k < h; k++ {
				x.sigBuf[k] = binary.LittleEndian.Uint16(a.Signature[2*k:])
			}
			art.sig = int32(len(x.owner))
			x.sigs = append(x.sigs, x.sigBuf...)
			x.owner = append(x.owner, id)
			x.lsh.insert(art.sig, x.sigBuf)
		}
		x.arts = append(x.arts, art)
		x.docs[a.Doc] = id
	}
	for i, a := range snap.Articles {
		if a.DupOf == "" {
			continue
		}
		r, ok := x.docs[a.DupOf]
		if !ok || snap.Articles[r].DupOf != "" {
			return nil, bad("article %s: dup_of %q is not an earliest copy", a.Doc, a.DupOf)
		}
		x.arts[i].dupOf = r
		x.copies[r] = append(x.copies[r], int32(i))
	}
	// Stories: members in arrival order, events, titles, profiles; then the
	// postings, by the order in which stories were last joined.
	for i := range x.arts {
		art := &x.arts[i]
		st := &x.stories[art.story]
		st.docs = append(st.docs, int32(i))
		st.newest = int32(i)
		for _, m := range x.artEvents[art.evOff : art.evOff+art.evLen] {
			st.events, _ = insertSorted(st.events, m)
		}
		if d := art.day; d != noDay {
			if st.first == noDay || d < st.first {
				st.first = d
			}
			if st.last == noDay || d > st.last {
				st.last = d
			}
		}
	}
	order := make([]int32, 0, len(x.stories))
	for s, st := range snap.Stories {
		x.stories[s].actors = x.featureIDs(featActor, st.Actors)
		x.stories[s].places = x.featureIDs(featPlace, st.Places)
		x.stories[s].words = x.featureIDs(featWord, st.Words)
		if st.TitleDoc != "" {
			t, ok := x.docs[st.TitleDoc]
			if !ok {
				return nil, bad("story %d: title doc %q unknown", st.ID, st.TitleDoc)
			}
			x.stories[s].titleArt = t
		}
		order = append(order, int32(s))
	}
	sort.SliceStable(order, func(i, j int) bool { return x.stories[order[i]].newest < x.stories[order[j]].newest })
	for _, s := range order {
		st := &x.stories[s]
		for _, ids := range [][]uint32{st.actors, st.places, st.words} {
			for _, f := range ids {
				x.post(f, s, st.last)
			}
		}
	}
	return x, nil
}

// featureIDs returns the ids of profile names of a kind, as a sorted set.
func (x *Index) featureIDs(kind int, names []string) []uint32 {
	ids := make([]uint32, 0, len(names))
	for _, n := range names {
		ids = append(ids, x.feat(kind, n))
	}
	return sortedSet(ids)
}
