package parse

import (
	"slices"
	"strings"
	"time"

	"github.com/dyad-project/dyad/internal/conllu"
)

// Scores are accuracies against a gold treebank, CoNLL 2018 style: over
// every integer-ID word (punctuation included), with LAS comparing only the
// universal part of the relation ("nmod" for "nmod:poss").
type Scores struct {
	Sentences int     `json:"sentences"`
	Tokens    int     `json:"tokens"`
	UPOS      float64 `json:"upos"`
	XPOS      float64 `json:"xpos"`
	Lemma     float64 `json:"lemma"`
	UAS       float64 `json:"uas"`
	LAS       float64 `json:"las"`
	// LASFull compares whole relations, subtypes included.
	LASFull    float64 `json:"las_full"`
	TokensPerS float64 `json:"tokens_per_s"`
	// Relations gives, per gold universal relation, its count and labelled
	// attachment score.
	Relations []RelScore `json:"relations"`
}

// RelScore is the labelled attachment score of one gold relation.
type RelScore struct {
	Rel   string  `json:"rel"`
	Count int     `json:"count"`
	LAS   float64 `json:"las"`
}

func universal(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	return u
}

// Evaluate annotates the gold sentences' words with m and scores the result.
// TokensPerS is the throughput of tagging and parsing (lemmatising
// included) on the calling goroutine.
func (m *Model) Evaluate(gold []*conllu.Sentence) Scores {
	var sc Scores
	type relCount struct{ n, ok int }
	rels := map[string]*relCount{}
	var upos, xpos, lemma, uas, las, lasFull int
	var elapsed time.Duration
	words := make([]string, 0, 64)
	for _, s := range gold {
		if len(s.Words) == 0 {
			continue
		}
		words = words[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		t0 := time.Now()
		got := m.AnnotateWords(words)
		elapsed += time.Since(t0)
		sc.Sentences++
		for i, w := range s.Words {
			a := got[i]
			sc.Tokens++
			if a.UPOS == w.UPOS {
				upos++
			}
			if a.XPOS == w.XPOS {
				xpos++
			}
			if a.Lemma == fold(w.Lemma) {
				lemma++
			}
			u := universal(w.Deprel)
			rc := rels[u]
			if rc == nil {
				rc = &relCount{}
				rels[u] = rc
			}
			rc.n++
			if a.Head+1 == w.Head {
				uas++
				if universal(a.Rel) == u {
					las++
					rc.ok++
				}
				if a.Rel == w.Deprel {
					lasFull++
				}
			}
		}
	}
	if sc.Tokens == 0 {
		return sc
	}
	n := float64(sc.Tokens)
	sc.UPOS, sc.XPOS, sc.Lemma = float64(upos)/n, float64(xpos)/n, float64(lemma)/n
	sc.UAS, sc.LAS, sc.LASFull = float64(uas)/n, float64(las)/n, float64(lasFull)/n
	if elapsed > 0 {
		sc.TokensPerS = n / elapsed.Seconds()
	}
	for _, r := range sortedKeys(rels) {
		rc := rels[r]
		sc.Relations = append(sc.Relations, RelScore{Rel: r, Count: rc.n, LAS: float64(rc.ok) / float64(rc.n)})
	}
	slices.SortStableFunc(sc.Relations, func(a, b RelScore) int { return b.Count - a.Count })
	return sc
}
