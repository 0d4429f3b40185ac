package story

import (
	"fmt"
	"math"
	"strings"

	"github.com/dyad-project/dyad/internal/cameo"
)

// partyKey returns the key of an event's source or target.
func (x *Index) partyKey(key, sector string) string {
	if key == "" {
		return ""
	}
	if x.cfg.OneADay {
		if sector == "" {
			return key
		}
		return key + "/" + sector
	}
	if isCountryKey(key) && !x.cfg.stateSector(sector) {
		return key + "/" + sector
	}
	return key
}

// isCountryKey reports whether an actor key looks like an ISO 3166 alpha-3
// code.
func isCountryKey(k string) bool {
	if len(k) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if k[i] < 'A' || k[i] > 'Z' {
			return false
		}
	}
	return true
}

// placeOfID interns a place.
func (x *Index) placeOfID(p Place) uint32 {
	if p.IsZero() {
		return 0
	}
	var k string
	if p.GeonameID != 0 {
		k = fmt.Sprintf("g:%d", p.GeonameID)
	} else {
		k = "n:" + p.Country + "|" + strings.ToLower(p.Name)
	}
	if id, ok := x.placeID[k]; ok {
		return id
	}
	id := uint32(len(x.places))
	x.places = append(x.places, p)
	x.placeID[k] = id
	return id
}

// mergeKey hashes what two mergeable events must share exactly.
func mergeKey(src, tgt, family, mode uint32, d day) uint64 {
	h := mix64(uint64(src)<<32 | uint64(tgt))
	h = mix64(h ^ (uint64(family)<<32 | uint64(mode)))
	return mix64(h ^ uint64(uint32(d)))
}

// family returns the code whose events an event may merge with in the merge
// key: the root, or the full code in one-a-day mode.
func (x *Index) family(code string) string {
	if x.cfg.OneADay {
		return code
	}
	return cameo.Root(code)
}

// sameFamily reports whether two codes of the same root (or, one a day, the
// same code) are of one family under Config.Family.
func (x *Index) sameFamily(a, b string) bool {
	if x.cfg.OneADay {
		return a == b
	}
	if x.cfg.Family == 2 {
		return cameo.Root(a) == cameo.Root(b)
	}
	if len(a) < 3 || len(b) < 3 {
		return a[:2] == b[:2]
	}
	return a[:3] == b[:3]
}

// mergeEvents merges the article's events. It returns the merged events the
// article touched (in order of first mention), those it created, those
// that existed before and merge, and the number of the article's mentions
// that went to mergeable events.
func (x *Index) mergeEvents(id int32, a Article, fallback day, res *AddResult) (touched, created, shared []int32, mergeable int) {
	art := &x.arts[id]
	art.evOff = int32(len(x.artEvents))
	isNew := map[int32]bool{}
	for i := range a.Events {
		e := &a.Events[i]
		d := eventDay(e.Date, fallback)
		src := x.keys.id(x.partyKey(e.Source, e.SourceSector))
		tgt := x.keys.id(x.partyKey(e.Target, e.TargetSector))
		code := x.codes.id(e.CAMEO)
		mode := x.modes.id(e.Mode)
		place := x.placeOfID(e.Place)
		fam := x.family(e.CAMEO)
		merges := x.cfg.merges(e.Mode) && e.Source != "" && d != noDay && fam != ""

		m := int32(-1)
		if merges {
			mergeable++
			m = x.findEvent(src, tgt, x.codes.id(fam), mode, e.CAMEO, place, d)
		}
		if m < 0 {
			m = int32(len(x.events))
			x.events = append(x.events, mergedEvent{
				src: src, tgt: tgt, code: code, mode: mode, place: place, day: d,
				first: noDay, last: noDay, story: -1, next: -1, merges: merges,
			})
			if merges {
				x.indexEvent(m, fam)
			}
			isNew[m] = true
			created = append(created, m)
		}
		ev := &x.events[m]
		if x.morePrecise(place, ev.place) {
			ev.place = place
		}
		ev.mentions++
		ev.root = ev.root || e.Lead
		if !containsInt32(touched, m) {
			touched = append(touched, m)
			x.countArticle(ev, id)
			if merges && !isNew[m] {
				shared = append(shared, m)
			}
		}
		res.Mentions = append(res.Mentions, Mention{
			Event: int64(m) + 1, Doc: a.Doc, EventID: e.ID, Sentence: e.Sentence,
			CAMEO: e.CAMEO, Mode: e.Mode, Date: formatDay(d), Lead: e.Lead, Copy: art.copy,
		})
	}
	x.artEvents = append(x.artEvents, touched...)
	art.evLen = int32(len(touched))
	return touched, created, shared, mergeable
}

// countArticle counts article id among the articles and outlets of ev.
func (x *Index) countArticle(ev *mergedEvent, id int32) {
	art := &x.arts[id]
	if art.day != noDay {
		if ev.first == noDay || art.day < ev.first {
			ev.first = art.day
		}
		if ev.last == noDay || art.day > ev.last {
			ev.last = art.day
		}
	}
	if art.copy {
		ev.copies++
		if !containsSorted(ev.outlets, art.outlet) {
			ev.copyOutlets, _ = insertSorted(ev.copyOutlets, art.outlet)
		}
		return
	}
	ev.articles++
	ev.outlets, _ = insertSorted(ev.outlets, art.outlet)
	ev.copyOutlets = removeSorted(ev.copyOutlets, art.outlet)
}

// indexEvent puts event m in the merge index.
func (x *Index) indexEvent(m int32, fam string) {
	ev := &x.events[m]
	k := mergeKey(ev.src, ev.tgt, x.codes.id(fam), ev.mode, ev.day)
	if prev, ok := x.evHead[k]; ok {
		ev.next = prev
	}
	x.evHead[k] = m
}

// findEvent returns the merged event a mention joins, or -1. Among the
// events with the same source, target, mode and code family dated within
// the window at a compatible place, it prefers a known place, then the
// nearest date, then the oldest event.
func (x *Index) findEvent(src, tgt, fam, mode uint32, code string, place uint32, d day) int32 {
	w := int32(x.cfg.Window)
	if x.cfg.OneADay {
		w = 0
	}
	best, bestKnown, bestGap := int32(-1), false, int32(0)
	for dd := -w; dd <= w; dd++ {
		m, ok := x.evHead[mergeKey(src, tgt, fam, mode, d+dd)]
		if !ok {
			continue
		}
		for ; m >= 0; m = x.events[m].next {
			ev := &x.events[m]
			if ev.src != src || ev.tgt != tgt || ev.mode != mode || ev.day != d+dd ||
				!x.sameFamily(x.codes.names[ev.code], code) {
				continue
			}
			known := false
			if !x.cfg.OneADay {
				if !x.placesCompatible(ev.place, place) {
					continue
				}
				known = ev.place != 0 && place != 0
			}
			gap := absDays(ev.day, d)
			better := best < 0 ||
				known && !bestKnown ||
				known == bestKnown && (gap < bestGap || gap == bestGap && m < best)
			if better {
				best, bestKnown, bestGap = m, known, gap
			}
		}
	}
	return best
}

// placesCompatible reports whether two interned places can be the place of
// one event (see Config.PlaceRadiusKm).
func (x *Index) placesCompatible(i, j uint32) bool {
	if i == 0 || j == 0 || i == j {
		return true
	}
	a, b := x.places[i], x.places[j]
	if a.Country != "" && b.Country != "" && a.Country != b.Country {
		return false
	}
	if a.Name == "" || b.Name == "" {
		return true
	}
	if a.GeonameID != 0 && b.GeonameID != 0 {
		return distanceKm(a.Lat, a.Lon, b.Lat, b.Lon) <= x.cfg.PlaceRadiusKm
	}
	return strings.EqualFold(a.Name, b.Name)
}

// distanceKm returns the great-circle distance between two WGS84 points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const earthKm = 6371.0
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthKm * math.Asin(math.Min(1, math.Sqrt(h)))
}

// morePrecise reports whether place p says more than place q: a place
// where q is unknown, or a named place where q is a country.
func (x *Index) morePrecise(p, q uint32) bool {
	if p == 0 || p == q {
		return false
	}
	return q == 0 || x.places[q].Name == "" && x.places[p].Name != ""
}
