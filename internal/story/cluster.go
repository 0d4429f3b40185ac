package story

import (
	"cmp"
	"slices"
	"strings"
)

// features are an article's sorted feature ids (see Index.feat) that it is
// compared with stories by.
type features struct {
	actors, places, words []uint32
}

// features returns the article's actor keys (of its actors and of its
// events' sources and targets, without sectors), its named places (of the
// article and its events; countries are too broad to tell happenings apart)
// and its lead words.
func (x *Index) features(a Article) features {
	var f features
	for _, k := range a.Actors {
		f.actors = append(f.actors, x.feat(featActor, k))
	}
	for i := range a.Events {
		e := &a.Events[i]
		if e.Source != "" {
			f.actors = append(f.actors, x.feat(featActor, e.Source))
		}
		if e.Target != "" {
			f.actors = append(f.actors, x.feat(featActor, e.Target))
		}
		if e.Place.Name != "" {
			f.places = append(f.places, x.feat(featPlace, strings.ToLower(e.Place.Name)))
		}
	}
	for _, p := range a.Places {
		if p.Name != "" {
			f.places = append(f.places, x.feat(featPlace, strings.ToLower(p.Name)))
		}
	}
	for _, w := range leadWords(a.Body, x.cfg.LeadWords) {
		f.words = append(f.words, x.feat(featWord, w))
	}
	f.actors, f.places, f.words = sortedSet(f.actors), sortedSet(f.places), sortedSet(f.words)
	return f
}

// feat returns the id of a feature, numbering it when new. Actors, places
// and words share one numbering, so that a story's postings and the counts
// of stories per feature are indexed by one id.
func (x *Index) feat(kind int, name string) uint32 {
	if f, ok := x.featIDs[kind][name]; ok {
		return f
	}
	if x.featIDs[kind] == nil {
		x.featIDs[kind] = map[string]uint32{}
	}
	// A word may be a slice of the article's body: keep a copy, not the body.
	name = strings.Clone(name)
	f := uint32(len(x.featNames))
	x.featIDs[kind][name] = f
	x.featNames = append(x.featNames, name)
	x.df = append(x.df, 0)
	return f
}

// sortedSet sorts s and removes repeats, in place.
func sortedSet(s []uint32) []uint32 {
	slices.Sort(s)
	return slices.Compact(s)
}

// cluster returns the story the article joins, or -1 to start one, and the
// article's features. Candidates are the stories of the merged events the
// article shares and the recent stories (Config.PostingCap) of its
// Config.LookupFeatures rarest actors, places and words, within the time
// window; the Config.StoryCandidates best by a quick score (the same
// weights summed over those postings) are scored exactly, and the best at
// or above Config.StoryThreshold wins, the older story on a tie.
func (x *Index) cluster(id int32, a Article, shared []int32, mergeable int) (int32, features) {
	c := &x.cfg
	fs := x.features(a)
	d := x.arts[id].day
	acc := x.acc
	clear(acc)
	for _, m := range shared {
		if s := x.events[m].story; s >= 0 {
			acc[s] += c.EventWeight / float64(c.EventSaturation)
		}
	}
	// Common features (a country in every article, a frequent word) find
	// every story and tell none apart: look up the rarest only.
	look := x.lookBuf[:0]
	for _, k := range []struct {
		ids []uint32
		w   float64
	}{{fs.actors, c.ActorWeight}, {fs.places, c.PlaceWeight}, {fs.words, c.WordWeight}} {
		for _, f := range k.ids {
			look = append(look, lookup{f: f, w: k.w / float64(len(k.ids))})
		}
	}
	slices.SortFunc(look, func(a, b lookup) int {
		if c := cmp.Compare(x.df[a.f], x.df[b.f]); c != 0 {
			return c
		}
		return cmp.Compare(a.f, b.f)
	})
	if len(look) > c.LookupFeatures {
		look = look[:c.LookupFeatures]
	}
	span := int32(x.cfg.StoryMaxSpan + x.cfg.StoryWindow)
	for _, l := range look {
		for _, p := range x.postings[l.f] {
			// A story posted on day p.day spans days within StoryMaxSpan
			// of it: skip the stale ones without touching them.
			if d != noDay && p.day != noDay && (d > p.day+span || d < p.day-span) {
				continue
			}
			acc[p.s] += l.w
		}
	}
	x.lookBuf = look

	// Keep the best candidates by quick score, then by id.
	cands := x.candBuf[:0]
	for s, q := range acc {
		if !x.inWindow(s, d) {
			continue
		}
		i := len(cands)
		for i > 0 && (q > cands[i-1].quick || q == cands[i-1].quick && s < cands[i-1].s) {
			i--
		}
		if i >= c.StoryCandidates {
			continue
		}
		if len(cands) < c.StoryCandidates {
			cands = append(cands, candidate{})
		}
		copy(cands[i+1:], cands[i:len(cands)-1])
		cands[i] = candidate{s, q}
	}
	x.candBuf = cands
	best, bestScore := int32(-1), 0.0
	for _, cd := range cands {
		sc := x.score(cd.s, &fs, shared, mergeable)
		if sc >= c.StoryThreshold && (best < 0 || sc > bestScore || sc == bestScore && cd.s < best) {
			best, bestScore = cd.s, sc
		}
	}
	return best, fs
}

// lookup is a feature to look up and the weight its postings add.
type lookup struct {
	f uint32
	w float64
}

// candidate is a story and its quick score.
type candidate struct {
	s     int32
	quick float64
}

// score is the similarity of an article to story s: the weighted mean of
// the shared-event, actor, place and word components over those the
// article has (see Config).
func (x *Index) score(s int32, fs *features, shared []int32, mergeable int) float64 {
	c := &x.cfg
	st := &x.stories[s]
	var num, den float64
	if mergeable > 0 {
		n := 0
		for _, m := range shared {
			if containsSorted(st.events, m) {
				n++
			}
		}
		den += c.EventWeight
		num += c.EventWeight * min(1, float64(n)/float64(c.EventSaturation))
	}
	part := func(a, b []uint32, w float64) {
		if len(a) == 0 {
			return
		}
		den += w
		num += w * float64(overlap(a, b)) / float64(len(a))
	}
	part(fs.actors, st.actors, c.ActorWeight)
	part(fs.places, st.places, c.PlaceWeight)
	part(fs.words, st.words, c.WordWeight)
	if den == 0 {
		return 0
	}
	return num / den
}

// overlap counts the values two sorted sets share.
func overlap(a, b []uint32) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// inWindow reports whether an article dated d may join story s: within
// Config.StoryWindow days of the story's span, without stretching it past
// Config.StoryMaxSpan. Unknown dates do not rule a story out.
func (x *Index) inWindow(s int32, d day) bool {
	st := &x.stories[s]
	if d == noDay || st.first == noDay {
		return true
	}
	w := int32(x.cfg.StoryWindow)
	if d < st.first-w || d > st.last+w {
		return false
	}
	return max(st.last, d)-min(st.first, d) <= int32(x.cfg.StoryMaxSpan)
}

// joinStory adds article id to story s with the merged events it touched,
// and, when fs is not nil (the article is not a copy, which would add
// nothing), its features to the story's profile and postings.
func (x *Index) joinStory(s, id int32, a Article, touched []int32, fs *features) {
	st := &x.stories[s]
	art := &x.arts[id]
	art.story = s
	st.docs = append(st.docs, id)
	st.newest = id
	for _, m := range touched {
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
	if st.titleArt < 0 || x.earlier(id, st.titleArt) {
		st.title, st.titleArt = titleOf(a), id
	}
	if fs == nil {
		return
	}
	st.actors = addCapped(st.actors, fs.actors, x.cfg.ProfileActors)
	st.places = addCapped(st.places, fs.places, x.cfg.ProfilePlaces)
	st.words = addCapped(st.words, fs.words, x.cfg.ProfileWords)
	for _, ids := range [][]uint32{fs.actors, fs.places, fs.words} {
		for _, f := range ids {
			x.post(f, s, art.day)
		}
	}
}

// titleOf returns an article's headline: its Title, else the first line of
// its body.
func titleOf(a Article) string {
	if t := strings.TrimSpace(a.Title); t != "" {
		return t
	}
	line, _, _ := strings.Cut(strings.TrimSpace(a.Body), "\n")
	return strings.TrimSpace(line)
}

// addCapped adds the values of add to the sorted set s while it has fewer
// than limit values.
func addCapped(s, add []uint32, limit int) []uint32 {
	for _, v := range add {
		if len(s) >= limit {
			break
		}
		s, _ = insertSorted(s, v)
	}
	return s
}

// posting is a story in a feature's postings and the date of the article
// that put it there.
type posting struct {
	s   int32
	day day
}

// post makes story s, joined by an article dated d, the most recent story
// of feature f, forgetting the oldest beyond Config.PostingCap.
func (x *Index) post(f uint32, s int32, d day) {
	p := x.postings[f]
	if n := len(p); n > 0 && p[n-1].s == s {
		p[n-1].day = d
		return
	}
	n := len(p)
	for i, v := range p {
		if v.s == s {
			copy(p[i:], p[i+1:])
			p = p[:len(p)-1]
			break
		}
	}
	if len(p) == n { // s is new to the posting
		x.df[f]++
	}
	if len(p) == x.cfg.PostingCap {
		copy(p, p[1:])
		p = p[:len(p)-1]
	}
	x.postings[f] = append(p, posting{s, d})
}
