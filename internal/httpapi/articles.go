package httpapi

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-project/dyad"
)

// Span kinds: what a highlighted stretch of an article's text is.
const (
	SpanSource  = "source"  // an event's source actor
	SpanTarget  = "target"  // an event's target actor
	SpanTrigger = "trigger" // the verb or noun carrying an event
	SpanQuote   = "quote"   // quoted words
	SpanSpeaker = "speaker" // a quote's speaker
	SpanPlace   = "place"   // a place, of an event or not
	SpanDate    = "date"    // an event's date as written
	SpanMention = "mention" // any other actor mention

	// Sentences that dyad keeps but never codes.
	SpanCaption     = "caption"     // a photo caption
	SpanBoilerplate = "boilerplate" // a credit, an advertisement, a link, ...
)

// spanOrder ranks kinds for a stable order of spans sharing a range.
var spanOrder = map[string]int{SpanBoilerplate: 0, SpanCaption: 1, SpanQuote: 2, SpanSource: 3, SpanTarget: 4,
	SpanTrigger: 5, SpanSpeaker: 6, SpanPlace: 7, SpanDate: 8, SpanMention: 9}

// Span is a highlighted range of an article's text: byte offsets into the
// text, like every offset dyad writes.
type Span struct {
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Events are the IDs of the events the span is evidence of (e1, e2).
	Events []string `json:"events,omitempty"`
	// Quotes are the indexes of the quotes the span belongs to.
	Quotes []int `json:"quotes,omitempty"`
	// Actor is the actor's name, for source, target, speaker and mention.
	Actor string `json:"actor,omitempty"`
}

// ArticleSpans returns the spans to highlight in an analysis, one per kind
// and range, sorted by start, longest first, then kind. Spans outside the
// text are left out.
func ArticleSpans(a *dyad.Analysis) []Span {
	type key struct {
		kind       string
		start, end int
	}
	byKey := map[key]*Span{}
	add := func(kind string, start, end int, actor, event string, quote int) {
		if start < 0 || end > len(a.Text) || start >= end {
			return
		}
		k := key{kind, start, end}
		sp := byKey[k]
		if sp == nil {
			sp = &Span{Kind: kind, Start: start, End: end, Text: a.Text[start:end], Actor: actor}
			byKey[k] = sp
		}
		if event != "" && !contains(sp.Events, event) {
			sp.Events = append(sp.Events, event)
		}
		if quote >= 0 && !contains(sp.Quotes, quote) {
			sp.Quotes = append(sp.Quotes, quote)
		}
	}
	for _, e := range a.Events {
		add(SpanSource, e.Source.Start, e.Source.End, e.Source.Name, e.ID, -1)
		if e.Target != nil {
			add(SpanTarget, e.Target.Start, e.Target.End, e.Target.Name, e.ID, -1)
		}
		add(SpanTrigger, e.Trigger.Start, e.Trigger.End, "", e.ID, -1)
		if e.Place != nil {
			add(SpanPlace, e.Place.Start, e.Place.End, "", e.ID, -1)
		}
		for _, ev := range e.Evidence {
			if ev.Role == "date" {
				add(SpanDate, ev.Start, ev.End, "", e.ID, -1)
			}
		}
	}
	for i, q := range a.Quotes {
		add(SpanQuote, q.Start, q.End, "", "", i)
		if q.Speaker != nil {
			add(SpanSpeaker, q.Speaker.Start, q.Speaker.End, q.Speaker.Name, "", i)
		}
	}
	for _, p := range a.Places {
		add(SpanPlace, p.Start, p.End, "", "", -1)
	}
	for _, ac := range a.Actors {
		for _, m := range ac.Mentions {
			add(SpanMention, m.Start, m.End, ac.Name, "", -1)
		}
	}
	for _, s := range a.Sentences {
		switch s.Kind {
		case dyad.KindCaption:
			add(SpanCaption, s.Start, s.End, "", "", -1)
		case dyad.KindBoilerplate:
			add(SpanBoilerplate, s.Start, s.End, "", "", -1)
		}
	}
	spans := make([]Span, 0, len(byKey))
	for _, sp := range byKey {
		spans = append(spans, *sp)
	}
	sort.Slice(spans, func(i, j int) bool {
		a, b := spans[i], spans[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End > b.End
		}
		return spanOrder[a.Kind] < spanOrder[b.Kind]
	})
	return spans
}

func contains[T comparable](s []T, v T) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// articleJSON is a stored article with its text, which the analysis's JSON
// form leaves out.
type articleJSON struct {
	*dyad.StoredArticle
	Text string `json:"text"`
}

// handleArticle is GET /api/articles/{id}: a stored article with its whole
// analysis, its text, and the spans to highlight.
func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) error {
	if err := newParams(r.URL.Query()).finish(); err != nil {
		return err
	}
	raw := r.PathValue("id")
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id < 1 {
		return Errorf(ECodeInvalid, "article ID %q is not a positive whole number", raw)
	}
	a, err := s.store.GetArticle(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		Article articleJSON `json:"article"`
		Spans   []Span      `json:"spans"`
	}{articleJSON{a, a.Text}, ArticleSpans(&a.Analysis)})
	return nil
}

// handleQuotes is GET /api/quotes: one page of quotes by speaker, about
// whom, or by words.
func (s *Server) handleQuotes(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	f := dyad.QuoteFilter{
		Speaker:   p.str("speaker"),
		About:     p.str("about"),
		Text:      p.str("text"),
		From:      p.str("from"),
		To:        p.str("to"),
		Doc:       p.str("doc"),
		ArticleID: p.id("article_id"),
		Sort:      p.oneOf("sort", dyad.SortDate, dyad.SortDateDesc),
		Page:      p.page(s.cfg.DefaultPage, s.cfg.MaxPage),
	}
	if err := p.finish(); err != nil {
		return err
	}
	quotes, total, err := s.store.FindQuotes(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		list
		Quotes []dyad.StoredQuote `json:"quotes"`
	}{newList(total, len(quotes), f.Page, func(pg dyad.Page) string {
		return "/api/quotes?" + encodeNext(r, pg)
	}), quotes})
	return nil
}

// handleSearch is GET /api/search: full-text search over articles and
// quotes.
func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	f := dyad.SearchFilter{
		Query: p.str("q"),
		Kind:  p.oneOf("kind", dyad.HitArticle, dyad.HitQuote),
		Actor: p.str("actor"),
		From:  p.str("from"),
		To:    p.str("to"),
		Doc:   p.str("doc"),
		Page:  p.page(s.cfg.DefaultPage, s.cfg.MaxPage),
	}
	if err := p.finish(); err != nil {
		return err
	}
	hits, total, err := s.store.Search(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, struct {
		list
		Hits []dyad.SearchHit `json:"hits"`
	}{newList(total, len(hits), f.Page, func(pg dyad.Page) string {
		return "/api/search?" + encodeNext(r, pg)
	}), hits})
	return nil
}

// encodeNext returns the request's query (already checked) with another
// page.
func encodeNext(r *http.Request, pg dyad.Page) string {
	v := r.URL.Query()
	for k, vs := range v {
		if len(vs) == 1 && strings.TrimSpace(vs[0]) == "" {
			v.Del(k)
		}
	}
	v.Set("limit", strconv.Itoa(pg.Limit))
	v.Set("offset", strconv.Itoa(pg.Offset))
	return v.Encode()
}
