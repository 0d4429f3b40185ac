package parse

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-project/dyad/internal/conllu"
)

// TrainOptions are the settings of a training run. The defaults produce the
// shipped model; changing any of them changes the model.
type TrainOptions struct {
	TagEpochs   int     // perceptron epochs of the tagger
	ParseEpochs int     // perceptron epochs of the parser
	Folds       int     // jackknife folds giving the parser predicted tags
	Seed        uint64  // seed of every shuffle and of exploration
	Explore     float64 // probability that parser training follows its own mistake
	LexMinCount int     // words seen fewer times get no ambiguity class
	LexMinShare float64 // tags below this share of a word are left out of its class
	// CaseCopies is the share of training sentences added again in capitals
	// and, separately, in title case, so that headlines tag well.
	CaseCopies float64
	// Prune drops the weights smaller than this share of the largest
	// weight of the tagger, parser and labeller tables.
	TagPrune, ParsePrune, LabelPrune float64
	// MinCount: features seen fewer times in the gold data get no weight.
	TagMinCount, ParseMinCount int32
	// Logf reports progress; nil for silence.
	Logf func(format string, args ...any)
}

// DefaultTrainOptions returns the settings of the shipped model.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{
		TagEpochs:     8,
		ParseEpochs:   15,
		Folds:         10,
		Seed:          1,
		Explore:       0.9,
		LexMinCount:   3,
		LexMinShare:   0.05,
		CaseCopies:    0.05,
		TagPrune:      0.005,
		ParsePrune:    0.005,
		LabelPrune:    0.015,
		TagMinCount:   2,
		ParseMinCount: 2,
	}
}

func (o *TrainOptions) logf(format string, args ...any) {
	if o.Logf != nil {
		o.Logf(format, args...)
	}
}

// trainSet is the treebank in the forms the learners use.
type trainSet struct {
	classes  []string // "UPOS|XPOS"
	classOf  map[string]int
	labels   []string
	labelOf  map[string]int
	tagData  []tagSample
	heads    [][]int32
	labs     [][]int
	lemmaSet []lemmaSample
}

func newTrainSet(sents []*conllu.Sentence) (*trainSet, error) {
	ts := &trainSet{classOf: map[string]int{}, labelOf: map[string]int{}}
	for _, s := range sents {
		for _, w := range s.Words {
			ts.classOf[w.UPOS+"|"+w.XPOS] = 0
			if w.Deprel != "root" {
				ts.labelOf[w.Deprel] = 0
			}
		}
	}
	ts.classes = sortedKeys(ts.classOf)
	ts.labels = sortedKeys(ts.labelOf)
	if len(ts.labels) > 63 {
		return nil, fmt.Errorf("parse: %d dependency labels, at most 63 supported", len(ts.labels))
	}
	if len(ts.classes) == 0 || len(ts.labels) == 0 {
		return nil, fmt.Errorf("parse: training data has no tags or no labels")
	}
	for i, c := range ts.classes {
		ts.classOf[c] = i
	}
	for i, l := range ts.labels {
		ts.labelOf[l] = i
	}
	for si, s := range sents {
		n := len(s.Words)
		td := tagSample{words: make([]string, n), tags: make([]int, n)}
		heads := make([]int32, n)
		labs := make([]int, n)
		for i, w := range s.Words {
			td.words[i] = fold(w.Form)
			td.tags[i] = ts.classOf[w.UPOS+"|"+w.XPOS]
			switch {
			case w.Head == 0:
				heads[i] = int32(n)
			case w.Head > 0 && w.Head <= n:
				heads[i] = int32(w.Head - 1)
			default:
				return nil, fmt.Errorf("parse: training sentence %d word %d has no head", si+1, i+1)
			}
			labs[i] = ts.labelOf[w.Deprel]
			ts.lemmaSet = append(ts.lemmaSet, lemmaSample{form: td.words[i], xpos: w.XPOS, lemma: fold(w.Lemma)})
		}
		if !isTree(heads) {
			return nil, fmt.Errorf("parse: training sentence %d is not a tree", si+1)
		}
		ts.tagData = append(ts.tagData, td)
		ts.heads = append(ts.heads, projectivise(heads))
		ts.labs = append(ts.labs, labs)
	}
	return ts, nil
}

// isTree reports whether heads (0-based, n for the root) form a tree with
// one root.
func isTree(heads []int32) bool {
	n := len(heads)
	roots := 0
	for d, h := range heads {
		if h < 0 || int(h) > n || int(h) == d {
			return false
		}
		if int(h) == n {
			roots++
		}
	}
	if roots != 1 {
		return false
	}
	for d := range heads {
		k := d
		for steps := 0; k != n; steps++ {
			if steps > n {
				return false
			}
			k = int(heads[k])
		}
	}
	return true
}

// caseCopies returns upper-case and title-case copies of a share of data,
// chosen by rng.
func caseCopies(data []tagSample, share float64, rng *rand.Rand) []tagSample {
	var out []tagSample
	for _, s := range data {
		if rng.Float64() < share {
			out = append(out, tagSample{words: mapWords(s.words, strings.ToUpper), tags: s.tags, right: s.right})
		}
		if rng.Float64() < share {
			out = append(out, tagSample{words: mapWords(s.words, titleWord), tags: s.tags, right: s.right})
		}
	}
	return out
}

func mapWords(ws []string, f func(string) string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = f(w)
	}
	return out
}

// titleWord capitalises a word the way headlines do, leaving short
// function words alone.
func titleWord(w string) string {
	switch lower(w) {
	case "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "as":
		return w
	}
	r, size := utf8.DecodeRuneInString(w)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return w
	}
	return string(unicode.ToUpper(r)) + w[size:]
}

// Train trains a model on treebank sentences. It is deterministic: the
// same sentences and options give the same model, bit for bit.
func Train(sents []*conllu.Sentence, opt TrainOptions) (*Model, error) {
	start := time.Now()
	ts, err := newTrainSet(sents)
	if err != nil {
		return nil, err
	}
	opt.logf("parse: %d sentences, %d tag classes, %d labels", len(sents), len(ts.classes), len(ts.labels))

	jk := jackknife(ts, opt, opt.Logf)
	return trainWith(ts, jk, opt, start), nil
}

// trainWith trains the model given the jackknifed tags of the training set.
func trainWith(ts *trainSet, jk [][]int, opt TrainOptions, start time.Time) *Model {
	ntag := len(ts.classes)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x636173650000))
	m := &Model{
		upos:   make([]string, ntag),
		xpos:   make([]string, ntag),
		labels: ts.labels,
	}
	for i, c := range ts.classes {
		m.upos[i], m.xpos[i], _ = strings.Cut(c, "|")
	}
	m.lex = buildLexicon(ts.tagData, opt.LexMinCount, opt.LexMinShare)
	all := append(slices.Clip(ts.tagData), caseCopies(ts.tagData, opt.CaseCopies, rng)...)
	m.tagW = trainTagger(all, m.lex, ntag, opt.TagEpochs, opt.Seed, opt.TagPrune, opt.TagMinCount)
	opt.logf("parse: tagger trained: %d features (%v)", m.tagW.nrows, time.Since(start).Round(time.Second))
	// The second pass learns from the jackknifed first-pass tags.
	second := make([]tagSample, len(ts.tagData))
	for i, s := range ts.tagData {
		second[i] = tagSample{words: s.words, tags: s.tags, right: jk[i]}
	}
	second = append(second, caseCopies(second, opt.CaseCopies, rng)...)
	m.tagW2 = trainTagger(second, m.lex, ntag, opt.TagEpochs, opt.Seed+100, opt.TagPrune, opt.TagMinCount)
	opt.logf("parse: second-pass tagger trained: %d features (%v)", m.tagW2.nrows, time.Since(start).Round(time.Second))

	pdata := make([]parseSample, len(ts.tagData))
	for i, s := range ts.tagData {
		pdata[i] = parseSample{words: s.words, tags: jk[i], heads: ts.heads[i], labs: ts.labs[i], amb: make([]uint64, len(s.words))}
		for j, w := range s.words {
			pdata[i].amb[j] = m.lex.ambOf(w)
		}
	}
	m.parseW, m.labelW = trainParser(pdata, parserConfig{
		upos: m.upos, xpos: m.xpos, ntag: ntag, nlab: len(ts.labels),
		epochs: opt.ParseEpochs, seed: opt.Seed, explore: opt.Explore,
		minFrac: opt.ParsePrune, labelMinFrac: opt.LabelPrune, minCount: opt.ParseMinCount,
		progress: func(ep int) {
			opt.logf("parse: parser epoch %d/%d (%v)", ep+1, opt.ParseEpochs, time.Since(start).Round(time.Second))
		},
	})
	opt.logf("parse: parser trained: %d transition and %d label features (%v)", m.parseW.nrows, m.labelW.nrows, time.Since(start).Round(time.Second))
	m.lem = trainLemmatizer(ts.lemmaSet)
	m.init()
	return m
}

// jackknife tags each fold of the training set with a tagger trained on the
// other folds, so that the parser learns from tags as good as it will get.
func jackknife(ts *trainSet, opt TrainOptions, logf func(string, ...any)) [][]int {
	start := time.Now()
	if logf == nil {
		logf = func(string, ...any) {}
	}
	ntag := len(ts.classes)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6A61636B6B6E))
	folds := min(opt.Folds, len(ts.tagData))
	jk := make([][]int, len(ts.tagData))
	if folds < 2 {
		for i, s := range ts.tagData {
			jk[i] = s.tags
		}
		return jk
	}
	var in tagInput
	feats := make([]uint64, 0, 64)
	scores := make([]int32, ntag)
	for f := 0; f < folds; f++ {
		// Fold f holds every folds-th sentence, so that each fold mixes
		// genres and documents the way new text will.
		var part []tagSample
		var held []int
		for i := range ts.tagData {
			if i%folds == f {
				held = append(held, i)
			} else {
				part = append(part, ts.tagData[i])
			}
		}
		lex := buildLexicon(part, opt.LexMinCount, opt.LexMinShare)
		part = append(part, caseCopies(part, opt.CaseCopies, rng)...)
		tab := trainTagger(part, lex, ntag, opt.TagEpochs, opt.Seed+uint64(f)+1, opt.TagPrune, opt.TagMinCount)
		correct, total := 0, 0
		for _, i := range held {
			s := &ts.tagData[i]
			prepareTag(s.words, lex, &in)
			jk[i] = make([]int, len(s.words))
			tagGreedy(tab, &in, ntag, jk[i], feats, scores, nil, nil)
			for j, c := range jk[i] {
				total++
				if c == s.tags[j] {
					correct++
				}
			}
		}
		logf("parse: jackknife fold %d/%d: tag accuracy %.4f (%v)", f+1, folds, float64(correct)/float64(max(total, 1)), time.Since(start).Round(time.Second))
	}
	return jk
}
