package event

import (
	"fmt"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/cameo"
	"github.com/dyad-project/dyad/internal/dict"
)

// emit turns a coded trigger into events: one per source and target pair,
// and the reciprocal events of a paired code.
func (r *run) emit(f found) {
	t := f.t
	if !f.remembered {
		r.remember(f)
	}
	ref := entryRef(f.entry, f.pat)
	if len(f.sources) == 0 {
		r.miss(t, f.trig, ref, "no source actor")
		return
	}
	if len(f.targets) == 0 {
		r.miss(t, f.trig, ref, "no target actor")
		return
	}
	for _, s := range f.sources {
		for _, g := range f.targets {
			sa, ga := t.ms[s.mi].Actor, t.ms[g.mi].Actor
			if sameActor(sa, ga) || s.mi == g.mi {
				r.miss(t, f.trig, ref, "source and target are the same actor")
				continue
			}
			if sa.Country != "" && sa.Country == ga.Country && (sa.Sector == "" || ga.Sector == "" || sa.Sector == ga.Sector) {
				// "Syrians blame Syria": a state's own people and the
				// state; or two names of one government.
				r.miss(t, f.trig, ref, "source and target are one country")
				continue
			}
			if !r.c.cfg.Nationless && (nationless(sa) || nationless(ga)) {
				r.miss(t, f.trig, ref, "an actor without a country or organisation code")
				continue
			}
			if f.code.Event != "" {
				r.add(f, s, g, f.code.Event, ref)
			}
			if f.code.Reverse != "" && (f.code.Event == "" || r.c.cfg.Reciprocal) {
				r.add(f, g, s, f.code.Reverse, ref)
			}
		}
	}
}

// orgPrefixes start the CAMEO codes of actors that belong to no country
// but are known: international organisations and militarised groups,
// NGOs, multinationals.
var orgPrefixes = map[string]bool{"IGO": true, "NGO": true, "IMG": true, "MNC": true, "NGM": true}

// nationless reports whether an actor has no country and no code that
// names an organisation.
func nationless(a dyad.ActorRef) bool {
	if a.Country != "" {
		return false
	}
	if len(a.Code) < 3 {
		return true
	}
	head := a.Code[:3]
	return dict.ActorCountry(head) == "" && !orgPrefixes[head]
}

// sameActor reports whether two actor references stand for one actor.
func sameActor(a, b dyad.ActorRef) bool {
	if a.Name != "" && a.Name == b.Name {
		return true
	}
	return a.Code == b.Code && a.Country == b.Country && a.Sector == b.Sector && (a.Code != "" || a.Country != "")
}

// add appends one event.
func (r *run) add(f found, src, tgt arg, code, ref string) {
	t := f.t
	cc, ok := cameo.Lookup(code)
	if !ok && r.c.cfg.ForeignCodes && len(code) >= 2 {
		cc, ok = cameo.Code{Code: code, Root: code[:2]}, true
	}
	if !ok {
		r.miss(t, f.trig, ref, "code "+code+" is not a CAMEO code")
		return
	}
	if cc.Root == "01" && !r.c.cfg.Statements {
		r.miss(t, f.trig, ref, "statements (root 01) are not coded")
		return
	}
	s := t.ms[src.mi].Actor
	g := t.ms[tgt.mi].Actor
	ev := dyad.Event{
		Sentence:  t.idx,
		Source:    s,
		Target:    &g,
		CAMEO:     cc.Code,
		Root:      cc.Root,
		PLOVER:    cc.PLOVER,
		Quad:      cc.Quad,
		Goldstein: cc.Goldstein,
		Mode:      f.mode.mode,
		Trigger:   trig(t, f.trig),
	}
	r.evidence(&ev, f, src, tgt, ref)
	ev.Date = r.date(t, f.clause, &ev)
	ev.Place = r.place(t, f.clause, &ev)
	key := fmt.Sprintf("%d|%d|%s|%s|%s|%s", t.idx, ev.Trigger.Start, actorKey(s), actorKey(g), cc.Code, ev.Mode)
	r.events = append(r.events, draft{ev: ev, key: key})
}

// actorKey identifies an actor reference for deduplication.
func actorKey(a dyad.ActorRef) string {
	return a.Code + "/" + a.Country + "/" + a.Sector + "/" + a.Name
}

// entryRef names the dictionary entry and pattern that coded a trigger, as
// "file:line text".
func entryRef(e *dict.VerbEntry, p *dict.VerbPattern) string {
	if p != nil {
		return p.Pos.String() + " - " + p.Text + " " + p.Code.String()
	}
	if e == nil {
		return ""
	}
	return e.Pos.String() + " " + e.String()
}

// evidence records the spans and entries that explain an event.
func (r *run) evidence(ev *dyad.Event, f found, src, tgt arg, ref string) {
	t := f.t
	sm, tm := t.ms[src.mi], t.ms[tgt.mi]
	verb := ""
	if f.entry != nil {
		verb = f.entry.Pos.String() + " " + f.entry.String()
	}
	ev.Evidence = append(ev.Evidence,
		dyad.Evidence{Role: "source", Text: r.in.Text[sm.Start:sm.End], Start: sm.Start, End: sm.End, Entry: f.srcVia},
		dyad.Evidence{Role: "target", Text: r.in.Text[tm.Start:tm.End], Start: tm.Start, End: tm.End, Entry: f.tgtVia},
		dyad.Evidence{Role: "verb", Text: t.toks[f.trig].Text, Start: t.toks[f.trig].Start, End: t.toks[f.trig].End,
			Entry: verb},
	)
	for _, x := range f.extra {
		ev.Evidence = append(ev.Evidence, dyad.Evidence{Role: "verb", Text: t.toks[x].Text, Start: t.toks[x].Start, End: t.toks[x].End})
	}
	if f.pat != nil {
		ev.Evidence = append(ev.Evidence, dyad.Evidence{Role: "pattern", Entry: ref})
	}
	if f.note != "" {
		ev.Evidence = append(ev.Evidence, dyad.Evidence{Role: "rule", Entry: f.note})
	}
	md := dyad.Evidence{Role: "mode", Entry: f.mode.why}
	if f.mode.tok >= 0 {
		tok := t.toks[f.mode.tok]
		md.Text, md.Start, md.End = tok.Text, tok.Start, tok.End
	}
	if md.Entry == "" {
		md.Entry = "no cue: asserted"
	}
	ev.Evidence = append(ev.Evidence, md)
}
