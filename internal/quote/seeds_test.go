package quote_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/quote"
	"github.com/dyad-project/dyad/internal/segment"
	"github.com/dyad-project/dyad/internal/testutil"
)

// seed is one article of the shared seed set with its gold quotations.
type seed struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Quotes []struct {
		Speaker    string `json:"speaker"`
		SpeakerKey string `json:"speaker_key"`
		StartsWith string `json:"starts_with"`
	} `json:"-"`
}

func readSeeds(t testing.TB) []seed {
	t.Helper()
	path := testutil.Shared(t, "seeds/seeds.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []seed
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var s seed
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(filepath.Dir(path), "gold", s.ID+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var g struct {
			Quotes json.RawMessage `json:"quotes"`
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(g.Quotes, &s.Quotes); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// The scorer's normalisation (shared/tools/score.py): lower case, typographic
// quotes folded, words of letters, digits and apostrophes.
var scoreWord = regexp.MustCompile(`[a-z0-9']+`)

func scoreNorm(s string) string {
	s = strings.NewReplacer("\u00a0", " ", "\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`).Replace(s)
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

func scoreWords(s string, n int) string {
	ws := scoreWord.FindAllString(scoreNorm(s), -1)
	return strings.Join(ws[:min(n, len(ws))], " ")
}

// TestSeeds measures quotation recall and attribution on the seed articles
// the way the scorer does, with the capitalised-name stand-in for the actor
// stage: a gold quotation is found when its first four words appear in a
// quotation's text, and attributed when the first such quotation's speaker
// has the gold country or the gold speaker's last name.
func TestSeeds(t *testing.T) {
	var gold, found, attributed int
	for _, s := range readSeeds(t) {
		actors := capitalisedActors(s.Text)
		got := quote.Find(s.Text, segment.Text(s.Text), quote.NewActorIndex(actors))
		for _, g := range s.Quotes {
			gold++
			head := scoreWords(g.StartsWith, 4)
			var hit *dyad.Quote
			for i := range got {
				if head != "" && strings.Contains(scoreWords(got[i].Text, 400), head) {
					hit = &got[i]
					break
				}
			}
			if hit == nil {
				t.Logf("%s: missed %q (%s)", s.ID, g.StartsWith, g.Speaker)
				continue
			}
			found++
			last := strings.Fields(scoreNorm(g.Speaker))
			ok := false
			if sp := hit.Speaker; sp != nil {
				ok = sp.Country == g.SpeakerKey || len(last) > 0 && strings.Contains(scoreNorm(sp.Name), last[len(last)-1])
			}
			if ok {
				attributed++
			} else {
				t.Logf("%s: %q attributed to %s, gold %s", s.ID, g.StartsWith, show([]dyad.Quote{*hit}), g.Speaker)
			}
		}
	}
	recall := float64(found) / float64(gold)
	attribution := float64(attributed) / float64(max(found, 1))
	t.Logf("quote recall %.3f (%d/%d), attribution %.3f (%d/%d)", recall, found, gold, attribution, attributed, found)
	if recall < 0.9 {
		t.Errorf("quote recall %.3f, want >= 0.9", recall)
	}
	if attribution < 0.85 {
		t.Errorf("quote attribution %.3f, want >= 0.85", attribution)
	}
}

func BenchmarkFind(b *testing.B) {
	seeds := readSeeds(b)
	type input struct {
		text  string
		sents []dyad.Sentence
		index *quote.ActorIndex
	}
	var in []input
	bytes := 0
	for _, s := range seeds {
		in = append(in, input{s.Text, segment.Text(s.Text), quote.NewActorIndex(capitalisedActors(s.Text))})
		bytes += len(s.Text)
	}
	b.SetBytes(int64(bytes))
	quotes := 0
	for b.Loop() {
		for _, x := range in {
			quotes += len(quote.Find(x.text, x.sents, x.index))
		}
	}
	b.ReportMetric(float64(b.N*len(in))/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(quotes)/b.Elapsed().Seconds(), "quotes/s")
}
