// Package score scores an extractor's output against gold annotations. It
// takes gold articles (Gold, from a folder of gold/*.json files) and system
// output (System, JSON Lines as `dyad extract` prints them) and returns a
// Result: micro-averaged precision, recall and F1 of events under three
// views, event date accuracy, quote recall and attribution, and actor recall.
//
// It is a faithful port of shared/tools/score.py, the project's reference
// scorer, and gives the same figures to the last digit; the rules below are
// score.py's, including its quirks.
//
// Events are compared per article as sets of directed (source key, target
// key, class) triples, where the class is the CAMEO root ("root" view), its
// QuadClass ("quad") or nothing ("dyad"). A system actor's key is its ISO3
// country, else an organisation key (from a "key" field, a CAMEO code prefix
// such as IGOUNO, a name the gold article gives for a non-state actor, or a
// known organisation name), else its normalised name. Only asserted system
// events count (a missing mode is asserted); gold events marked optional count
// neither as found nor as missed.
package score

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Sentinel errors. Both mark input that score.py too would fail on.
var (
	// ErrBadGold marks gold annotations that cannot be read or scored.
	ErrBadGold = errors.New("score: bad gold annotations")
	// ErrBadSystem marks system output that cannot be read or scored: a
	// line that is not a JSON object, or a field of the wrong type where the
	// scorer needs it (events that are not a list, a name that is a number).
	ErrBadSystem = errors.New("score: bad system output")
)

// View names, in the order of Result.Views.
const (
	ViewRoot = "root"
	ViewQuad = "quad"
	ViewDyad = "dyad"
)

// Views lists the view names in output order.
var Views = []string{ViewRoot, ViewQuad, ViewDyad}

// Counts are the micro-averaged event figures of one view. Precision, Recall
// and F1 are rounded to three decimals as score.py rounds them.
type Counts struct {
	Precision float64
	Recall    float64
	F1        float64
	TP        int
	FP        int
	FN        int
}

// Ratio is a proportion over a count that may be zero.
type Ratio struct {
	// Value is Hits/Total rounded to three decimals; meaningless when Total
	// is 0 (score.py prints None then).
	Value float64
	Hits  int
	Total int
}

// Defined reports whether the ratio has a denominator.
func (r Ratio) Defined() bool { return r.Total > 0 }

func ratio(hits, total int) Ratio {
	r := Ratio{Hits: hits, Total: total}
	if total > 0 {
		r.Value = round3(float64(hits) / float64(total))
	}
	return r
}

// Result is the score of a system output against the gold.
type Result struct {
	// Views holds the event figures for ViewRoot, ViewQuad and ViewDyad, in
	// that order.
	Views [3]Counts
	// DateAccuracy is over the dated, required gold events that have at
	// least one asserted system event with the same triple; a hit is one
	// such event carrying the gold date.
	DateAccuracy Ratio
	// QuoteRecall is over the gold quotes; a gold quote is found when the
	// first four words of its "starts_with" occur in a system quote's text.
	QuoteRecall Ratio
	// QuoteAttribution is over the found quotes; a hit is a first matching
	// system quote whose speaker has the gold speaker key, or whose name
	// contains the last word of the gold speaker's name.
	QuoteAttribution Ratio
	// ActorRecall is over the gold actors; a hit is a gold actor whose key
	// is the key of some system actor or event source or target.
	ActorRecall Ratio
	// GoldDocs is the number of gold articles and WithOutput the number of
	// them that the system output has a line for.
	GoldDocs   int
	WithOutput int
	// Docs holds the figures of each gold article, in gold order.
	Docs []DocResult
}

// DocResult is one article's event figures.
type DocResult struct {
	// Doc is the gold article's id.
	Doc string
	// Views are the article's figures per view, as in Result.Views.
	Views [3]DocView
}

// DocView is one article's figures under one view. Missed and Extra are the
// required gold triples not found and the system triples neither required
// nor optional, printed as score.py prints them ("('USA', 'SYR', '04')"),
// sorted.
type DocView struct {
	TP, FP, FN    int
	Missed, Extra []string
}

// View returns the figures of the named view, and false for an unknown name.
func (r *Result) View(name string) (Counts, bool) {
	i := slices.Index(Views, name)
	if i < 0 {
		return Counts{}, false
	}
	return r.Views[i], true
}

// classOf maps a root to the class a view compares: the root itself, its
// QuadClass (None outside the table) or "*".
var classOf = [3]func(root value, ok bool) value{
	func(root value, ok bool) value { return root },
	func(root value, ok bool) value {
		if ok {
			if q, found := quadClass[root.id[1:]]; found {
				return intValue(q)
			}
		}
		return none
	},
	func(value, bool) value { return strValue("*") },
}

// sysEvent is an asserted system event with its keys computed once.
type sysEvent struct {
	src, tgt value
	root     value // None when the event has no root
	hasRoot  bool
	date     any
}

// Score scores system output against the gold. It returns an error wrapping
// ErrBadGold or ErrBadSystem where score.py would raise an exception.
func Score(gold *Gold, sys *System) (*Result, error) {
	res := &Result{GoldDocs: len(gold.docs)}
	var tot [3][3]int
	var dates, qGold, qFound, qAttr, actHit, actTotal, dateTotal int
	for _, gd := range gold.docs {
		var s map[string]any
		if id, ok := gd.id.(string); ok {
			if o, found := sys.docs[id]; found {
				s = o
				res.WithOutput++
			}
		}
		d := DocResult{Doc: gd.name}
		loc, err := localAliases(gd.g)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrBadGold, gd.name, err)
		}
		key := func(a any) (value, error) { return actorKey(a, loc) }

		sysEvents, err := readEvents(s, key)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrBadSystem, gd.name, err)
		}
		goldEvents, err := readGoldEvents(gd.g)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrBadGold, gd.name, err)
		}

		for v := range Views {
			req, opt, got := tripleSet{}, tripleSet{}, tripleSet{}
			for _, e := range goldEvents {
				t := triple{e.src, e.tgt, classOf[v](strValue(e.root), true)}
				if e.optional {
					opt.add(t)
				} else {
					req.add(t)
				}
			}
			for _, e := range sysEvents {
				got.add(triple{e.src, e.tgt, classOf[v](e.root, e.hasRoot)})
			}
			dv := &d.Views[v]
			for id, str := range got {
				_, inReq := req[id]
				_, inOpt := opt[id]
				switch {
				case inReq:
					dv.TP++
				case !inOpt:
					dv.FP++
					dv.Extra = append(dv.Extra, str)
				}
			}
			for id, str := range req {
				if _, ok := got[id]; !ok {
					dv.FN++
					dv.Missed = append(dv.Missed, str)
				}
			}
			slices.Sort(dv.Missed)
			slices.Sort(dv.Extra)
			tot[v][0] += dv.TP
			tot[v][1] += dv.FP
			tot[v][2] += dv.FN
		}

		for _, e := range goldEvents {
			if e.optional || !truthy(e.date) {
				continue
			}
			want := triple{e.src, e.tgt, strValue(e.root)}.id()
			matched, hit := false, false
			for _, x := range sysEvents {
				if (triple{x.src, x.tgt, x.root}).id() != want {
					continue
				}
				matched = true
				hit = hit || pyEqual(x.date, e.date)
			}
			if matched {
				dateTotal++
				if hit {
					dates++
				}
			}
		}

		found, attributed, n, err := scoreQuotes(gd.name, gd.g, s, key)
		if err != nil {
			return nil, err
		}
		qGold += n
		qFound += found
		qAttr += attributed

		hit, total, err := scoreActors(gd.name, gd.g, s, key)
		if err != nil {
			return nil, err
		}
		actHit += hit
		actTotal += total
		res.Docs = append(res.Docs, d)
	}
	for v := range Views {
		res.Views[v] = counts(tot[v][0], tot[v][1], tot[v][2])
	}
	res.DateAccuracy = ratio(dates, dateTotal)
	res.QuoteRecall = ratio(qFound, qGold)
	res.QuoteAttribution = ratio(qAttr, qFound)
	res.ActorRecall = ratio(actHit, actTotal)
	return res, nil
}

// counts is score.py's prf, rounded.
func counts(tp, fp, fn int) Counts {
	var p, r, f float64
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r != 0 {
		f = 2 * p * r / (p + r)
	}
	return Counts{Precision: round3(p), Recall: round3(r), F1: round3(f), TP: tp, FP: fp, FN: fn}
}

// goldEvent is a gold event's fields that scoring reads.
type goldEvent struct {
	src, tgt value
	root     string // str(cameo_root)[:2]
	optional bool
	date     any
}

func readGoldEvents(g map[string]any) ([]goldEvent, error) {
	raw, err := index(g, "events")
	if err != nil {
		return nil, err
	}
	list, err := iterate(raw)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	out := make([]goldEvent, 0, len(list))
	for _, e := range list {
		var ge goldEvent
		opt, err := get(e, "optional")
		if err != nil {
			return nil, fmt.Errorf("event: %w", err)
		}
		ge.optional = truthy(opt)
		for i, side := range []string{"source_key", "target_key"} {
			k, _ := get(e, side)
			v, ok := hashable(k)
			if !ok {
				return nil, fmt.Errorf("event %s: unhashable type: '%s'", side, typeName(k))
			}
			if i == 0 {
				ge.src = v
			} else {
				ge.tgt = v
			}
		}
		root, _ := get(e, "cameo_root")
		ge.root = headRunes(pyStr(root), 2)
		ge.date, _ = get(e, "date")
		out = append(out, ge)
	}
	return out, nil
}

// readEvents returns the asserted events of a system object (nil for none)
// with their keys, and checks that every event is an object whose source
// and target can be keyed, as score.py's actor pass requires.
func readEvents(s map[string]any, key func(any) (value, error)) ([]sysEvent, error) {
	raw, _ := getDefault(s, "events", []any{})
	list, err := iterate(raw)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	var out []sysEvent
	for _, e := range list {
		mode, err := get(e, "mode")
		if err != nil {
			return nil, fmt.Errorf("event: %w", err)
		}
		if truthy(mode) && !pyEqual(mode, "asserted") {
			continue
		}
		var x sysEvent
		src, _ := get(e, "source")
		if x.src, err = key(src); err != nil {
			return nil, fmt.Errorf("event source: %w", err)
		}
		tgt, _ := get(e, "target")
		if x.tgt, err = key(tgt); err != nil {
			return nil, fmt.Errorf("event target: %w", err)
		}
		r, ok, err := eventRoot(e.(map[string]any))
		if err != nil {
			return nil, err
		}
		x.root, x.hasRoot = none, ok
		if ok {
			x.root = strValue(r)
		}
		x.date, _ = get(e, "date")
		out = append(out, x)
	}
	return out, nil
}

// eventRoot is score.py's root(ev): the first true one of "root",
// "cameo_root" and the first two characters of "cameo", as str()[:2], and
// false when none is true.
func eventRoot(ev map[string]any) (string, bool, error) {
	r := ev["root"]
	if !truthy(r) {
		r = ev["cameo_root"]
	}
	if !truthy(r) {
		switch c := ev["cameo"].(type) {
		case string:
			r = headRunes(c, 2)
		case []any:
			r = c[:min(2, len(c))]
		default:
			if truthy(c) {
				return "", false, fmt.Errorf("event cameo: '%s' object is not subscriptable", typeName(c))
			}
			r = nil
		}
	}
	if !truthy(r) {
		return "", false, nil
	}
	return headRunes(pyStr(r), 2), true, nil
}

// scoreQuotes returns the number of the gold article's quotes that the
// system found and attributed, and the number of gold quotes.
func scoreQuotes(doc string, g, s map[string]any, key func(any) (value, error)) (found, attributed, total int, err error) {
	gq, _ := getDefault(g, "quotes", []any{})
	golds, err := iterate(gq)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("%w: %s: quotes: %w", ErrBadGold, doc, err)
	}
	sq, _ := getDefault(s, "quotes", []any{})
	for _, q := range golds {
		total++
		sw, err := index(q, "starts_with")
		if err != nil {
			return 0, 0, 0, fmt.Errorf("%w: %s: quote: %w", ErrBadGold, doc, err)
		}
		head, err := words(sw, 4)
		if err != nil {
			return 0, 0, 0, fmt.Errorf("%w: %s: quote starts_with: %w", ErrBadGold, doc, err)
		}
		sys, err := iterate(sq)
		if err != nil {
			return 0, 0, 0, fmt.Errorf("%w: %s: quotes: %w", ErrBadSystem, doc, err)
		}
		var first any
		hits := 0
		for _, x := range sys {
			if head == "" {
				continue
			}
			text, err := getDefault(x, "text", "")
			if err != nil {
				return 0, 0, 0, fmt.Errorf("%w: %s: quote: %w", ErrBadSystem, doc, err)
			}
			w, err := words(text, 400)
			if err != nil {
				return 0, 0, 0, fmt.Errorf("%w: %s: quote text: %w", ErrBadSystem, doc, err)
			}
			if strings.Contains(w, head) {
				if hits == 0 {
					first = x
				}
				hits++
			}
		}
		if hits == 0 {
			continue
		}
		found++
		sp, _ := get(first, "speaker")
		if !truthy(sp) {
			sp = map[string]any{}
		}
		gs, err := getDefault(q, "speaker", "")
		if err != nil {
			return 0, 0, 0, fmt.Errorf("%w: %s: quote: %w", ErrBadGold, doc, err)
		}
		gsn, err := normValue(gs)
		if err != nil {
			return 0, 0, 0, fmt.Errorf("%w: %s: quote speaker: %w", ErrBadGold, doc, err)
		}
		last := gsn[strings.LastIndexByte(gsn, ' ')+1:]
		k, err := key(sp)
		if err != nil {
			return 0, 0, 0, fmt.Errorf("%w: %s: quote speaker: %w", ErrBadSystem, doc, err)
		}
		want, _ := get(q, "speaker_key")
		if wk, ok := hashKey(want); ok && wk == k.id {
			attributed++
			continue
		}
		if last == "" {
			continue
		}
		name, err := get(sp, "name")
		if err != nil {
			return 0, 0, 0, fmt.Errorf("%w: %s: quote speaker: %w", ErrBadSystem, doc, err)
		}
		if !truthy(name) {
			name, _ = get(sp, "actor")
		}
		n, err := normValue(name)
		if err != nil {
			return 0, 0, 0, fmt.Errorf("%w: %s: quote speaker name: %w", ErrBadSystem, doc, err)
		}
		if strings.Contains(n, last) {
			attributed++
		}
	}
	return found, attributed, total, nil
}

// scoreActors returns how many of the gold article's actors have their key
// among the keys of the system's actors and event sources and targets, and
// the number of gold actors.
func scoreActors(doc string, g, s map[string]any, key func(any) (value, error)) (hit, total int, err error) {
	keys := map[string]bool{}
	sa, _ := getDefault(s, "actors", []any{})
	actors, err := iterate(sa)
	if err != nil {
		return 0, 0, fmt.Errorf("%w: %s: actors: %w", ErrBadSystem, doc, err)
	}
	for _, a := range actors {
		k, err := key(a)
		if err != nil {
			return 0, 0, fmt.Errorf("%w: %s: actor: %w", ErrBadSystem, doc, err)
		}
		keys[k.id] = true
	}
	se, _ := getDefault(s, "events", []any{})
	events, err := iterate(se)
	if err != nil {
		return 0, 0, fmt.Errorf("%w: %s: events: %w", ErrBadSystem, doc, err)
	}
	for _, side := range []string{"source", "target"} {
		for _, e := range events {
			a, err := get(e, side)
			if err != nil {
				return 0, 0, fmt.Errorf("%w: %s: event: %w", ErrBadSystem, doc, err)
			}
			k, err := key(a)
			if err != nil {
				return 0, 0, fmt.Errorf("%w: %s: event %s: %w", ErrBadSystem, doc, side, err)
			}
			keys[k.id] = true
		}
	}
	ga, _ := getDefault(g, "actors", []any{})
	golds, err := iterate(ga)
	if err != nil {
		return 0, 0, fmt.Errorf("%w: %s: actors: %w", ErrBadGold, doc, err)
	}
	for _, a := range golds {
		total++
		k, err := get(a, "key")
		if err != nil {
			return 0, 0, fmt.Errorf("%w: %s: actor: %w", ErrBadGold, doc, err)
		}
		h, ok := hashKey(k)
		if !ok {
			return 0, 0, fmt.Errorf("%w: %s: actor key: unhashable type: '%s'", ErrBadGold, doc, typeName(k))
		}
		if keys[h] {
			hit++
		}
	}
	return hit, total, nil
}
