package storetest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/testutil"
)

// articles are news-style test articles: meetings, threats, attacks and
// aid, quotes with and about actors, places, dated and undated articles, a
// near-duplicate rewrite and an exact copy, so that every query of the
// matrix has rows to order.
var articles = []dyad.Article{
	{Doc: "t-moscow", URL: "https://news.example.com/2016/03/putin-erdogan", Published: "2016-03-10",
		PublishedSource: dyad.PublishedFromInput,
		Text: "Putin and Erdogan meet in Moscow to ease tensions\n\n" +
			"MOSCOW, March 10 - Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Moscow on Thursday, " +
			"the Kremlin said. The two leaders discussed the war in Syria and trade sanctions.\n\n" +
			"\"We want to restore trust between our countries,\" Putin told reporters after the talks.\n\n" +
			"Erdogan said Turkey would cooperate with Russia against terrorism. Russia accused Turkey of supporting rebels in Aleppo last year."},
	{Doc: "t-moscow-copy", URL: "https://wire.example.net/world/putin-erdogan-talks", Published: "2016-03-10",
		PublishedSource: dyad.PublishedFromInput,
		Text: "Putin, Erdogan meet in Moscow to ease tensions\n\n" +
			"MOSCOW, March 10 - Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Moscow on Thursday, " +
			"the Kremlin said. The two leaders discussed the war in Syria and trade sanctions.\n\n" +
			"\"We want to restore trust between our countries,\" Putin told reporters after the talks.\n\n" +
			"Erdogan said Turkey would cooperate with Russia against terrorism. Russia accused Turkey of supporting rebels in Aleppo last year."},
	{Doc: "t-moscow-report", URL: "https://herald.example.co.uk/europe/kremlin-visit", Published: "2016-03-11",
		PublishedSource: dyad.PublishedFromInput,
		Text: "Kremlin visit: Erdogan seeks a thaw with Moscow\n\n" +
			"Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Moscow on Thursday, months after " +
			"the downing of a Russian jet strained relations.\n\n" +
			"Analysts in Ankara said the visit could revive gas projects, but warned that disagreements over Syria remain."},
	{Doc: "t-kabul", URL: "https://news.example.com/2015/10/kabul-attack", Published: "2015-10-02",
		PublishedSource: dyad.PublishedFromInput,
		Text: "Taliban fighters attack police checkpoint near Kabul\n\n" +
			"KABUL, Oct 2 - Taliban militants attacked a police checkpoint outside Kabul on Friday, killing four officers, " +
			"Afghan officials said.\n\n" +
			"The Afghan government condemned the attack and vowed to punish those responsible. " +
			"\"The enemies of Afghanistan will not break our resolve,\" President Ashraf Ghani said in a statement.\n\n" +
			"The United States promised more military aid to the Afghan army."},
	{Doc: "t-geneva", URL: "", Published: "2016-02-01", PublishedSource: dyad.PublishedFromInput,
		Text: "Syrian government and opposition resume talks in Genève\n\n" +
			"GENEVA - Representatives of the Syrian government and the opposition resumed negotiations in Geneva on Monday, " +
			"the United Nations envoy Staffan de Mistura said.\n\n" +
			"\"Nobody wants another year of war,\" de Mistura told reporters. The opposition demanded a ceasefire and " +
			"the release of prisoners before any agreement.\n\n" +
			"Iran urged both sides to negotiate, while Saudi Arabia criticised the Syrian government."},
	{Doc: "t-aid", URL: "https://daily.example.org/africa/aid", Published: "",
		Text: "European Union pledges aid to Somalia\n\n" +
			"The European Union pledged 50 million euros in humanitarian aid to Somalia, officials in Brussels said. " +
			"Somali Prime Minister Omar Abdirashid Ali Sharmarke thanked the European Union.\n\n" +
			"\"This help will save lives,\" Sharmarke said, adding that Kenya had also offered assistance."},
	{Doc: "t-seoul", URL: "https://news.example.com/2016/01/pyongyang-test", Published: "2016-01-07",
		PublishedSource: dyad.PublishedFromInput,
		Text: "South Korea condemns North Korean nuclear test\n\n" +
			"SEOUL, Jan 7 - South Korea condemned North Korea's nuclear test on Wednesday and threatened to resume propaganda broadcasts " +
			"across the border. Japan and the United States demanded new sanctions against Pyongyang.\n\n" +
			"\"North Korea will pay a price,\" South Korean President Park Geun-hye said. China called for calm."},
}

// Corpus returns the analyses the differential test stores: the articles
// above, the examples of the repository and the shared seed articles when
// ../shared is present, analysed by the pipeline, plus an exact copy of the
// first one (a duplicate to skip).
func Corpus(t testing.TB) []*dyad.Analysis {
	t.Helper()
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var in []*dyad.Article
	for i := range articles {
		a := articles[i]
		in = append(in, &a)
	}
	inputs := []string{filepath.Join(testutil.RepoRoot(t), "examples")}
	if d := testutil.SharedDir(t); d != "" {
		if s := filepath.Join(d, "seeds", "seeds.jsonl"); fileExists(s) {
			inputs = append(inputs, s)
		}
	}
	err = ingest.Walk(context.Background(), inputs, nil, func(a *dyad.Article, err error) error {
		if err != nil {
			return err
		}
		in = append(in, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]*dyad.Analysis, 0, len(in)+1)
	for _, a := range in {
		out = append(out, p.Analyse(a))
	}
	dup := *out[0]
	dup.Doc = "t-moscow-again"
	return append(out, &dup)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
