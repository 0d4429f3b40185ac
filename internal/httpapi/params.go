package httpapi

import (
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dyad-project/dyad"
)

// maxValueLen bounds one query parameter's value, in bytes.
const maxValueLen = 1000

// params reads the query parameters of one request into a filter. It keeps
// the first problem it meets, and knows which parameters were read, so that
// a misspelt one ("actr=") is reported instead of silently matching
// everything.
type params struct {
	v    url.Values
	used map[string]bool
	err  error
}

func newParams(v url.Values) *params {
	return &params{v: v, used: map[string]bool{}}
}

// fail records a problem unless one is recorded already.
func (p *params) fail(format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf("%w: "+format, append([]any{dyad.ErrInvalid}, args...)...)
	}
}

// str returns a parameter's value without surrounding white space; "" when
// absent.
func (p *params) str(key string) string {
	p.used[key] = true
	vs := p.v[key]
	switch {
	case len(vs) == 0:
		return ""
	case len(vs) > 1:
		p.fail("parameter %q is given %d times", key, len(vs))
		return ""
	case len(vs[0]) > maxValueLen:
		p.fail("parameter %q is longer than %d bytes", key, maxValueLen)
		return ""
	case !utf8.ValidString(vs[0]):
		p.fail("parameter %q is not valid UTF-8", key)
		return ""
	}
	return strings.TrimSpace(vs[0])
}

// integer returns a parameter as an integer from lo to hi, or def when
// absent.
func (p *params) integer(key string, def, lo, hi int) int {
	s := p.str(key)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		p.fail("parameter %q: %q is not a whole number from %d to %d", key, s, lo, hi)
		return def
	}
	return n
}

// id returns a parameter as a positive database ID, or 0 when absent.
func (p *params) id(key string) int64 {
	s := p.str(key)
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 1 {
		p.fail("parameter %q: %q is not a positive whole number", key, s)
		return 0
	}
	return n
}

// oneOf returns a parameter that must be one of the allowed values ("" is
// absent).
func (p *params) oneOf(key string, allowed ...string) string {
	s := p.str(key)
	if s == "" {
		return ""
	}
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	p.fail("parameter %q: %q is not one of %s", key, s, strings.Join(allowed, ", "))
	return ""
}

// country returns an ISO 3166 alpha-3 code, upper-cased.
func (p *params) country(key string) string {
	s := strings.ToUpper(p.str(key))
	if s != "" && !isAlpha3(s) {
		p.fail("parameter %q: %q is not an ISO 3166 alpha-3 country code (USA, SYR, ...)", key, s)
		return ""
	}
	return s
}

func isAlpha3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// digits returns a parameter made of lo to hi ASCII digits.
func (p *params) digits(key string, lo, hi int, what string) string {
	s := p.str(key)
	if s == "" {
		return ""
	}
	ok := len(s) >= lo && len(s) <= hi
	for i := 0; ok && i < len(s); i++ {
		ok = s[i] >= '0' && s[i] <= '9'
	}
	if !ok {
		p.fail("parameter %q: %q is not %s", key, s, what)
		return ""
	}
	return s
}

// page reads limit and offset.
func (p *params) page(def, max int) dyad.Page {
	return dyad.Page{
		Limit:  p.integer("limit", def, 1, max),
		Offset: p.integer("offset", 0, 0, 1<<30),
	}
}

// finish returns the first problem, or the first parameter that was not
// read (the endpoint does not know it).
func (p *params) finish() error {
	if p.err != nil {
		return p.err
	}
	var unknown []string
	for k := range p.v {
		if !p.used[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	known := make([]string, 0, len(p.used))
	for k := range p.used {
		known = append(known, k)
	}
	sort.Strings(known)
	return fmt.Errorf("%w: unknown parameter %q (this endpoint takes %s)", dyad.ErrInvalid, unknown[0],
		strings.Join(known, ", "))
}

// eventFilter reads the parameters of an event filter; with paged, also
// its sort order and page.
func (p *params) eventFilter(paged bool, defPage, maxPage int) dyad.EventFilter {
	f := dyad.EventFilter{
		Actor:         p.str("actor"),
		Source:        p.str("source"),
		Target:        p.str("target"),
		Country:       p.country("country"),
		SourceCountry: p.country("source_country"),
		TargetCountry: p.country("target_country"),
		Sector:        p.str("sector"),
		CAMEO:         p.digits("cameo", 1, 4, "a CAMEO event code or code prefix (19, 042, 0211)"),
		Root:          p.digits("root", 2, 2, "a CAMEO root (01 to 20)"),
		PLOVER:        p.str("plover"),
		Quad:          p.integer("quad", 0, 1, 4),
		Mode:          p.oneOf("mode", dyad.ModeAsserted, dyad.ModeHypothetical, dyad.ModeNegated, dyad.ModeFuture),
		From:          p.str("from"),
		To:            p.str("to"),
		Place:         p.str("place"),
		PlaceCountry:  p.country("place_country"),
		Text:          p.str("text"),
		Doc:           p.str("doc"),
		ArticleID:     p.id("article_id"),
	}
	if paged {
		f.Sort = p.oneOf("sort", dyad.SortDate, dyad.SortDateDesc, dyad.SortGoldstein, dyad.SortGoldsteinDesc)
		f.Page = p.page(defPage, maxPage)
	}
	if p.err == nil {
		if err := f.Validate(); err != nil {
			p.err = err
		}
	}
	if p.err == nil && f.Text != "" {
		if _, err := dyad.ParseQuery(f.Text); err != nil {
			p.err = err
		}
	}
	return f
}

// encodeEventFilter returns the query parameters that eventFilter reads
// back into f: the inverse of eventFilter, for the links to the next page.
func encodeEventFilter(f dyad.EventFilter) url.Values {
	v := url.Values{}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	set("actor", f.Actor)
	set("source", f.Source)
	set("target", f.Target)
	set("country", f.Country)
	set("source_country", f.SourceCountry)
	set("target_country", f.TargetCountry)
	set("sector", f.Sector)
	set("cameo", f.CAMEO)
	set("root", f.Root)
	set("plover", f.PLOVER)
	if f.Quad != 0 {
		v.Set("quad", strconv.Itoa(f.Quad))
	}
	set("mode", f.Mode)
	set("from", f.From)
	set("to", f.To)
	set("place", f.Place)
	set("place_country", f.PlaceCountry)
	set("text", f.Text)
	set("doc", f.Doc)
	if f.ArticleID != 0 {
		v.Set("article_id", strconv.FormatInt(f.ArticleID, 10))
	}
	set("sort", f.Sort)
	if f.Limit != 0 {
		v.Set("limit", strconv.Itoa(f.Limit))
	}
	if f.Offset != 0 {
		v.Set("offset", strconv.Itoa(f.Offset))
	}
	return v
}
