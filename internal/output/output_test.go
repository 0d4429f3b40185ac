package output_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/output"
)

func TestMarshalEmptyArrays(t *testing.T) {
	b, err := output.Marshal(&dyad.Analysis{Doc: "d1", Title: "Headline", Text: "Headline",
		Actors: []dyad.Actor{{ID: "a1", Name: "Ghana"}}})
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{"sentences", "actors", "events", "quotes", "places", "warnings"} {
		if _, ok := got[field].([]any); !ok {
			t.Errorf("%s is %v, want an array", field, got[field])
		}
	}
	if ms := got["actors"].([]any)[0].(map[string]any)["mentions"]; ms == nil {
		t.Error("an actor's mentions are null, want []")
	}
	if _, ok := got["Text"]; ok {
		t.Error("the article text leaked into the output")
	}
}

func TestWriters(t *testing.T) {
	date := "2016-03-01"
	a := &dyad.Analysis{
		Doc: "d1", Title: "Ghana and Togo sign border pact", Published: date, PublishedSource: dyad.PublishedFromInput,
		Sentences: []dyad.Sentence{{Start: 0, End: 31, Text: "Ghana and Togo sign border pact", Kind: dyad.KindHeadline}},
		Events: []dyad.Event{{ID: "e1", Source: dyad.ActorRef{Name: "Ghana", Code: "GHA"},
			Target: &dyad.ActorRef{Name: "Togo", Code: "TGO"}, CAMEO: "057", Root: "05", PLOVER: "AGREE", Quad: 1,
			Goldstein: 8, Mode: dyad.ModeAsserted, Date: &date, Trigger: dyad.Trigger{Text: "sign", Start: 15, End: 19}}},
	}
	for _, tc := range []struct {
		format string
		want   []string
	}{
		{"jsonl", []string{`"doc":"d1"`, `"cameo":"057"`, `"date":"2016-03-01"`}},
		{"pretty", []string{"d1  Ghana and Togo sign border pact", "Ghana (GHA) -> Togo (TGO)  CAMEO 057 AGREE", "[asserted] 2016-03-01"}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := output.New(tc.format, &buf)
			if err != nil {
				t.Fatal(err)
			}
			for range 2 {
				if err := w.Write(a); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			for _, want := range tc.want {
				if !strings.Contains(buf.String(), want) {
					t.Errorf("output lacks %q:\n%s", want, buf.String())
				}
			}
			if tc.format == "jsonl" && strings.Count(buf.String(), "\n") != 2 {
				t.Errorf("want one line per article:\n%s", buf.String())
			}
		})
	}
	if _, err := output.New("xml", &bytes.Buffer{}); err == nil {
		t.Error("unknown format accepted")
	}
}
