package score_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/score"
)

// FuzzReadSystem feeds arbitrary bytes to the JSON Lines reader and scores
// whatever it accepts: neither may panic, and every error must wrap the
// package's sentinels.
func FuzzReadSystem(f *testing.F) {
	for _, s := range []string{
		`{"doc": "d1", "events": [{"source": {"country": "RUS"}, "target": {"key": "tur"}, "cameo": "138", "date": "2016-03-01"}]}`,
		`{"id": "d1", "quotes": [{"text": "we will not accept any", "speaker": {"actor": "Lavrov"}}], "actors": [{"code": "IGOUNO"}]}`,
		"{\"doc\": \"d1\", \"events\": [{\"cameo\": [\"1\"], \"mode\": null, \"source\": \"x\"}]}\r\n{}",
		`{"doc": "d1", "events": null}`,
		`{"doc": "d1", "quotes": [{"text": 5}], "actors": {"a": 1}}`,
		`{"doc": 1e400, "id": [1, {"a": null}]}`,
		"\n\n  \u2028",
		`[1]`,
	} {
		f.Add([]byte(s))
	}
	g, err := score.ReadGold(goldFS(map[string]string{"g.json": goldArticle}))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := score.ReadSystem(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, score.ErrBadSystem) {
				t.Fatalf("error %v does not wrap ErrBadSystem", err)
			}
			return
		}
		r, err := score.Score(g, s)
		if err != nil {
			if !errors.Is(err, score.ErrBadSystem) {
				t.Fatalf("error %v does not wrap ErrBadSystem", err)
			}
			return
		}
		var b strings.Builder
		if err := r.WriteJSON(&b); err != nil {
			t.Fatal(err)
		}
		if err := r.WritePerDoc(&b); err != nil {
			t.Fatal(err)
		}
	})
}
