package httpapi_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/dyad-project/dyad/internal/httpapi"
)

// chromium returns the path of a Chromium to drive, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping the browser test in -short mode")
	}
	candidates := []string{os.Getenv("DYAD_CHROMIUM"), "/usr/bin/chromium"}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			candidates = append(candidates, p)
		}
	}
	for _, p := range candidates {
		if p == "" {
			continue
		}
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p
		}
	}
	t.Skip("skipping the browser test: no Chromium found (Debian: apt-get install -y chromium; or set DYAD_CHROMIUM to its path)")
	return ""
}

// console collects what the page reports while the test runs: uncaught
// exceptions, console errors and the browser's own errors (a Content
// Security Policy violation, a failed load).
type console struct {
	mu       sync.Mutex
	problems []string
	done     chan struct{}
}

// watch reads the tab's console until ctx ends.
func watch(ctx context.Context) *console {
	c := &console{done: make(chan struct{})}
	messages := chromedp.Console(ctx)
	go func() {
		defer close(c.done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				c.mu.Lock()
				c.problems = append(c.problems, fmt.Sprintf("%s %s:%d: %s", m.Type, m.URL, m.Line+1, m.Text))
				c.mu.Unlock()
			}
		}
	}()
	return c
}

// check reports every problem seen so far.
func (c *console) check(t *testing.T) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range c.problems {
		t.Error(p)
	}
	c.problems = nil
}

// TestBrowser drives the explorer in headless Chromium over a store with
// events from the United States to Syria: it filters the events to USA ->
// SYR, opens an article and finds the evidence highlighted, and visits
// every view. With DYAD_SCREENSHOTS=DIR it saves a screenshot of each.
func TestBrowser(t *testing.T) {
	exe := chromium(t)
	db, ids := openStore(t)
	srv, err := httpapi.New(db, httpapi.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	serveCtx, stopServing := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(serveCtx, ln, time.Second) }()
	defer func() {
		stopServing()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	}()
	base := "http://" + ln.Addr().String()

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	defer cancelAlloc()
	browserCtx, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	// The first action starts the browser, which lives as long as its
	// context; the deadline bounds what follows.
	if err := chromedp.Do(browserCtx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	ctx, cancelTimeout := context.WithTimeout(browserCtx, 60*time.Second)
	defer cancelTimeout()
	cons := watch(ctx)

	shots := os.Getenv("DYAD_SCREENSHOTS")
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// screenshot saves the whole page, or with viewport only what a
	// screen of the emulated size shows.
	screenshot := func(name string, viewport bool) {
		t.Helper()
		if shots == "" {
			return
		}
		shoot := chromedp.FullScreenshot(100)
		if viewport {
			shoot = chromedp.CaptureScreenshot()
		}
		png, err := chromedp.Run(ctx, shoot)
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// openAt goes to a route of the server at origin and waits until its
	// view has rendered; open does so on the fixture's server.
	openAt := func(origin, route, view string) {
		t.Helper()
		err := chromedp.Do(ctx, chromedp.Navigate(origin+"/"+route), waitView(view, route))
		if err != nil {
			t.Fatalf("%s: %v", route, err)
		}
		assertNoError(t, ctx, route)
	}
	open := func(route, view string) {
		t.Helper()
		openAt(base, route, view)
	}
	strs := func(js string) []string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](js))
		if err != nil {
			t.Fatalf("evaluating %s: %v", js, err)
		}
		return v
	}

	// The event table, filtered in the form to USA -> SYR.
	open("#/events", "events")
	rows := strs(`[...document.querySelectorAll('table.events tbody tr')].map(tr => tr.dataset.event)`)
	if len(rows) != 9 {
		t.Errorf("the unfiltered table shows %d events, want all 9", len(rows))
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("f-source"), "USA"),
		chromedp.SetValue(chromedp.ID("f-target"), "SYR"),
		chromedp.Click(chromedp.CSS(`#filters button[type="submit"]`)),
		waitView("events", "source=USA"))
	if err != nil {
		t.Fatalf("filtering to USA -> SYR: %v", err)
	}
	rows = strs(`[...document.querySelectorAll('table.events tbody tr')].map(tr => tr.dataset.event)`)
	want := []string{
		fmt.Sprintf("%d/e1", ids["kerry-geneva"]),
		fmt.Sprintf("%d/e1", ids["us-sanctions"]),
		fmt.Sprintf("%d/e1", ids["aid-airdrop"]),
	}
	if !slices.Equal(rows, want) {
		t.Errorf("USA -> SYR rows = %v, want %v", rows, want)
	}
	hash, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(hash, "source=USA") || !strings.Contains(hash, "target=SYR") {
		t.Errorf("the filter is not in the route: %s", hash)
	}
	screenshot("events", false)

	// The first event's article, with its evidence highlighted.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`table.events tbody tr:first-child a.evidence`)),
		waitView("article", fmt.Sprintf("article/%d", ids["kerry-geneva"])))
	if err != nil {
		t.Fatalf("opening the article: %v", err)
	}
	assertNoError(t, ctx, "article")
	marks := highlighted(t, ctx)
	wantMarks := map[string][]string{
		"source":  {"John Kerry", "Russia"},
		"target":  {"Damascus", "Sergei Lavrov", "Syrian government"},
		"trigger": {"promised", "talks", "urged"},
		"quote":   {"The regime must open the roads now,"},
		"focus":   {"Geneva", "John Kerry", "Syrian government", "Thursday", "urged"},
	}
	for kind, w := range wantMarks {
		if got := marks[kind]; !slices.Equal(got, w) {
			t.Errorf("article marks %s = %q, want %q", kind, got, w)
		}
	}
	screenshot("article", false)

	// An article with an emoji and curly quotes before its evidence.
	open(fmt.Sprintf("#/article/%d?event=e1", ids["aid-airdrop"]), "article")
	marks = highlighted(t, ctx)
	for kind, w := range map[string][]string{
		"source": {"US military"}, "target": {"civilians"}, "trigger": {"dropped"}, "place": {"Deir ez-Zor"},
		"focus": {"US military", "dropped", "civilians", "Deir ez-Zor", "Tuesday"},
	} {
		got := marks[kind]
		sort.Strings(w)
		if !slices.Equal(got, w) {
			t.Errorf("airdrop article marks %s = %q, want %q", kind, got, w)
		}
	}

	// The timeline, stacked by quad class.
	open("#/timeline?interval=month", "timeline")
	bars := strs(`[...document.querySelectorAll('svg.timeline g.bar')].map(g => g.dataset.period)`)
	if want := []string{"2016-02", "2016-03", "2016-04"}; !slices.Equal(bars, want) {
		t.Errorf("timeline bars = %v, want %v", bars, want)
	}
	screenshot("timeline", false)
	open("#/timeline?interval=week&by=root", "timeline")
	segments := strs(`[...document.querySelectorAll('svg.timeline g.bar rect:not(.hit)')].map(r => r.dataset.key + '@' + r.parentNode.dataset.period)`)
	if want := []string{"02@2016-02-08", "03@2016-02-08", "04@2016-02-08", "19@2016-02-15", "12@2016-03-07", "11@2016-03-07",
		"13@2016-03-07", "19@2016-03-28", "07@2016-04-18"}; !slices.Equal(sortedCopy(segments), sortedCopy(want)) {
		t.Errorf("weekly segments by root = %q, want %q", segments, want)
	}
	screenshot("timeline-root", false)

	// The network of countries; its USA -> SYR edge leads to the events.
	open("#/network", "network")
	edges := strs(`[...document.querySelectorAll('svg.network g.edge-group')].map(g => g.dataset.source + '>' + g.dataset.target).sort()`)
	if want := []string{"RUS>SYR", "SYR>USA", "TUR>SYR", "USA>RUS", "USA>SYR"}; !slices.Equal(edges, want) {
		t.Errorf("network edges = %v, want %v", edges, want)
	}
	screenshot("network", false)
	// By keyboard: the edges are focusable links.
	err = chromedp.Do(ctx,
		chromedp.Focus(chromedp.CSS(`svg.network g.edge-group[data-source="USA"][data-target="SYR"]`)),
		chromedp.KeyEvent(kb.Enter),
		waitView("events", "target_country=SYR"))
	if err != nil {
		t.Fatalf("following the USA -> SYR edge: %v", err)
	}
	rows = strs(`[...document.querySelectorAll('table.events tbody tr')].map(tr => tr.dataset.event)`)
	if !slices.Equal(rows, want) {
		t.Errorf("events of the USA -> SYR edge = %v, want %v", rows, want)
	}

	// The map: one point per place with events.
	open("#/map", "map")
	places := strs(`[...document.querySelectorAll('svg circle.point')].map(c => c.dataset.place).sort()`)
	if want := []string{"Aleppo", "Azaz", "Deir ez-Zor", "Geneva"}; !slices.Equal(places, want) {
		t.Errorf("map points = %v, want %v", places, want)
	}
	screenshot("map", false)

	// The actor page: roles over time and events by root.
	open("#/actor/John%20Kerry", "actor")
	roots := strs(`[...document.querySelectorAll('#as-source + * tbody th')].map(th => th.textContent.trim())`)
	if want := []string{"02 Appeal", "04 Consult"}; !slices.Equal(roots, want) {
		t.Errorf("John Kerry's roots as source = %q, want %q", roots, want)
	}
	roles, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('svg.roles rect').length`))
	if err != nil {
		t.Fatal(err)
	}
	if roles != 1 {
		t.Errorf("John Kerry's roles chart has %d bars, want 1", roles)
	}
	screenshot("actor", false)

	// The actor list and the search.
	open("#/actors?sort=name", "actors")
	actors := strs(`[...document.querySelectorAll('main tbody th a')].map(a => a.textContent)`)
	if len(actors) != 13 || actors[0] != "John Kerry" {
		t.Errorf("actors = %q, want 13 from John Kerry", actors)
	}
	open("#/search?q=sanction*", "search")
	hits := strs(`[...new Set([...document.querySelectorAll('.hits mark')].map(m => m.textContent))]`)
	if !slices.Equal(hits, []string{"sanctions"}) {
		t.Errorf("search highlights = %q, want only sanctions", hits)
	}
	screenshot("search", false)

	// The stories of a second store, whose articles went through the story
	// index: a wire story, a portal's copy of it, another outlet's account
	// of the same threat, and an unrelated story.
	storyDB, sids := openStoryStore(t)
	sbase := newServer(t, storyDB, httpapi.Config{}).URL
	openAt(sbase, "#/stories", "stories")
	titles := strs(`[...document.querySelectorAll('table.stories tbody th a')].map(a => a.textContent)`)
	if want := []string{"US threatens Syria with sanctions over hospital bombing", "Turkey reopens border crossing for aid convoys"}; !slices.Equal(titles, want) {
		t.Errorf("stories = %q, want %q", titles, want)
	}
	cells := strs(`[...document.querySelectorAll('table.stories tbody tr:first-child td')].map(td => td.textContent)`)
	if want := []string{"2016-03-08 – 2016-03-09", "3", "1", "1"}; !slices.Equal(cells, want) {
		t.Errorf("first story's cells = %q, want %q", cells, want)
	}
	screenshot("stories", false)
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`table.stories tbody tr:first-child th a`)),
		waitView("story", "story/1"))
	if err != nil {
		t.Fatalf("opening the story: %v", err)
	}
	assertNoError(t, ctx, "story")
	docs := strs(`[...document.querySelectorAll('table.story-docs tbody tr')].map(tr => tr.dataset.article)`)
	if want := []string{fmt.Sprint(sids["wire-threat"]), fmt.Sprint(sids["portal-threat"]), fmt.Sprint(sids["daily-threat"])}; !slices.Equal(docs, want) {
		t.Errorf("story articles = %v, want %v", docs, want)
	}
	copies := strs(`[...document.querySelectorAll('table.story-docs tr.copy .copy-of')].map(e => e.textContent)`)
	if len(copies) != 1 || !strings.HasPrefix(copies[0], "copy of US threatens Syria with sanctions over hospital bombing") {
		t.Errorf("copy notes = %q, want one, of the wire story", copies)
	}
	dots := strs(`[...document.querySelectorAll('svg.story-timeline circle.doc')].map(c => c.getAttribute('class') + '@' + c.getAttribute('cx'))`)
	if len(dots) != 3 || strings.Count(strings.Join(dots, " "), "copy") != 1 {
		t.Errorf("timeline dots = %q, want 3 with one copy", dots)
	}
	counts := strs(`[...document.querySelectorAll('table.merged tbody tr td.num')].map(td => td.textContent)`)
	if want := []string{"3", "2", "2", "1"}; !slices.Equal(counts, want) {
		t.Errorf("merged event counts (mentions, sources, articles, copies) = %q, want %q", counts, want)
	}
	screenshot("story", false)

	// The merged event's reports, each sentence with its trigger.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`table.merged a.reports`)),
		waitView("merged-event", "merged-event/"))
	if err != nil {
		t.Fatalf("opening the merged event: %v", err)
	}
	assertNoError(t, ctx, "merged event")
	reports := strs(`[...document.querySelectorAll('.reports > li')].map(li =>
		li.querySelector('.outlet').textContent + ' ' + li.querySelector('mark.hl-trigger').textContent +
		(li.querySelector('.badge.copy') ? ' (copy)' : ''))`)
	if want := []string{"wire.example threatened", "daily.example warned", "portal.example threatened (copy)"}; !slices.Equal(reports, want) {
		t.Errorf("reports = %q, want %q", reports, want)
	}
	for kind, want := range map[string][]string{"source": {"United States", "United States", "United States"},
		"target": {"Syria", "Syria", "Syria"}} {
		if got := strs(`[...document.querySelectorAll('.reports mark.hl-` + kind + `')].map(m => m.textContent)`); !slices.Equal(got, want) {
			t.Errorf("report %s marks = %q, want %q", kind, got, want)
		}
	}
	screenshot("merged-event", false)
	if more := strs(`[...document.querySelectorAll('button.more-reports:not([hidden])')].map(b => b.textContent)`); len(more) != 0 {
		t.Errorf("every report is shown, yet the page offers %q", more)
	}
	// Two reports a page: the control appends the third and goes away.
	hash, err = chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash`))
	if err != nil {
		t.Fatal(err)
	}
	openAt(sbase, hash+"?limit=2", "merged-event")
	reportsShown := func() []string {
		t.Helper()
		return strs(`[...document.querySelectorAll('.reports > li')].map(li => li.querySelector('.outlet').textContent)`)
	}
	if got, want := reportsShown(), []string{"wire.example", "daily.example"}; !slices.Equal(got, want) {
		t.Errorf("the first page of reports = %q, want %q", got, want)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`button.more-reports`)),
		chromedp.WaitReady(chromedp.CSS(`.reports > li:nth-child(3)`)))
	if err != nil {
		t.Fatalf("asking for more reports: %v", err)
	}
	if got, want := reportsShown(), []string{"wire.example", "daily.example", "portal.example"}; !slices.Equal(got, want) {
		t.Errorf("reports after more = %q, want %q", got, want)
	}
	if more := strs(`[...document.querySelectorAll('button.more-reports:not([hidden])')].map(b => b.textContent)`); len(more) != 0 {
		t.Errorf("after the last page the page still offers %q", more)
	}
	assertNoError(t, ctx, "more reports")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`.reports > li:nth-child(2) a.evidence`)),
		waitView("article", fmt.Sprintf("article/%d", sids["daily-threat"])))
	if err != nil {
		t.Fatalf("opening a report's article: %v", err)
	}
	if got := highlighted(t, ctx)["focus"]; !slices.Equal(got, []string{"Aleppo", "Syria", "Tuesday", "United States", "warned"}) {
		t.Errorf("the report's article focuses %q", got)
	}

	// The events' toggle leads to the merged events of the same filter.
	openAt(sbase, "#/events?source=USA", "events")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`.toggle a`)),
		waitView("merged", "merged?source=USA"))
	if err != nil {
		t.Fatalf("switching to the merged events: %v", err)
	}
	merged := strs(`[...document.querySelectorAll('table.merged tbody tr')].map(tr => tr.querySelector('td.code').textContent)`)
	if !slices.Equal(merged, []string{"USA"}) {
		t.Errorf("merged events from USA = %q", merged)
	}

	// On a phone's width the page does not scroll sideways: tables scroll
	// in their own boxes and the article's panel goes below the text.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	for _, r := range []struct{ origin, route, view string }{
		{base, "#/events?source=USA", "events"},
		{base, fmt.Sprintf("#/article/%d?event=e1", ids["kerry-geneva"]), "article"},
		{base, "#/timeline", "timeline"},
		{sbase, "#/story/1", "story"},
	} {
		openAt(r.origin, r.route, r.view)
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if wide {
			t.Errorf("%s is wider than a phone's screen", r.route)
		}
		screenshot("narrow-"+r.view, true)
	}

	// The offset conversion on its own, against Go's byte offsets.
	text := "“Bread at last”\u00a0\U0001F4E6 — Deir ez-Zor"
	start := strings.Index(text, "Deir")
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		fmt.Sprintf(`import('/js/utf8.js').then(m => m.sliceBytes(%q, %d, %d))`, text, start, start+len("Deir ez-Zor")),
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if got != "Deir ez-Zor" {
		t.Errorf("sliceBytes = %q, want %q", got, "Deir ez-Zor")
	}

	cons.check(t)
}

func sortedCopy(s []string) []string {
	c := slices.Clone(s)
	sort.Strings(c)
	return c
}

// waitView waits until the view has rendered a route containing part. The
// view must have been rendered for the current route: the hash changes
// before the old view goes.
func waitView(view, part string) chromedp.Action[chromedp.Void] {
	poll := chromedp.Poll[bool](fmt.Sprintf(
		`location.hash.includes(%q) && (document.querySelector('.view-%s[data-ready="true"]') || {}).dataset?.route === location.hash`,
		part, view),
		chromedp.WithPollingTimeout(15*time.Second))
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := poll(ctx, t)
		return chromedp.Void{}, err
	}
}

// assertNoError fails the test when the view shows an error.
func assertNoError(t *testing.T, ctx context.Context, route string) {
	t.Helper()
	msg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('main .error') || {}).textContent || ''`))
	if err != nil {
		t.Fatal(err)
	}
	if msg != "" {
		t.Errorf("%s shows an error: %s", route, msg)
	}
}

// highlighted returns the sorted, distinct texts of the article's marks
// of each kind, and of the focused event's marks under "focus".
func highlighted(t *testing.T, ctx context.Context) map[string][]string {
	t.Helper()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[map[string][]string](`(() => {
		const texts = (sel) => [...new Set([...document.querySelectorAll(sel)].map(m => m.textContent))].sort();
		const out = {};
		for (const k of ['source', 'target', 'trigger', 'quote', 'place', 'date']) out[k] = texts('.article-text mark.hl-' + k);
		out.focus = texts('.article-text mark.focus');
		return out;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	return out
}
