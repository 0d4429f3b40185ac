package story_test

import (
	"fmt"

	"github.com/dyad-project/dyad/internal/story"
)

func ExampleIndex_Add() {
	x, err := story.New(story.DefaultConfig())
	if err != nil {
		panic(err)
	}
	body := "Ministers from the two countries met in the capital on Monday and agreed to reopen the border crossing " +
		"to trucks carrying food and fuel, officials said after talks that lasted late into the night."
	meeting := story.Event{ID: "e1", Source: "TUR", Target: "ARM", CAMEO: "040", Mode: "asserted", Date: "2016-03-07", Lead: true}
	for _, a := range []story.Article{
		{Doc: "wire", Outlet: "wire.example", Published: "2016-03-07", Title: "Border to reopen", Body: body, Events: []story.Event{meeting}},
		{Doc: "paper", Outlet: "paper.example", Published: "2016-03-08", Title: "Border to reopen", Body: body, Events: []story.Event{meeting}},
	} {
		res, err := x.Add(a)
		if err != nil {
			panic(err)
		}
		e := res.Events[0]
		articles, sources := e.Counts(true)
		fmt.Printf("%s: dup of %q, story %d, event %d: %d mentions, %d article (%d with copies), %d source (%d)\n",
			a.Doc, res.Article.DupOf, res.Article.Story, e.ID, e.Mentions, e.Articles, articles, len(e.Outlets), sources)
	}
	// Output:
	// wire: dup of "", story 1, event 1: 1 mentions, 1 article (1 with copies), 1 source (1)
	// paper: dup of "wire", story 1, event 1: 2 mentions, 1 article (2 with copies), 1 source (2)
}
