package parse

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/conllu"
	"github.com/dyad-project/dyad/internal/testutil"
)

// smallTrain returns the first n sentences of the EWT training file.
func smallTrain(t *testing.T, n int) []*conllu.Sentence {
	t.Helper()
	path := testutil.Shared(t, "reference/ud-english-ewt/en_ewt-ud-train.conllu")
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sents[:n]
}

func quickOptions() TrainOptions {
	opt := DefaultTrainOptions()
	opt.TagEpochs, opt.ParseEpochs, opt.Folds = 2, 2, 3
	return opt
}

// TestTrainDeterministic trains twice on a slice of the treebank and checks
// that the model files are identical, and that a model survives a
// marshal/unmarshal round trip byte for byte.
func TestTrainDeterministic(t *testing.T) {
	sents := smallTrain(t, 400)
	var files [2][]byte
	for i := range files {
		m, err := Train(sents, quickOptions())
		if err != nil {
			t.Fatal(err)
		}
		b, err := m.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		files[i] = b
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Fatalf("two training runs differ: %d and %d bytes", len(files[0]), len(files[1]))
	}
	m, err := Unmarshal(files[0])
	if err != nil {
		t.Fatal(err)
	}
	again, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(files[0], again) {
		t.Fatal("marshal(unmarshal(model)) differs from the model")
	}
	// The gzip header carries no time stamp or name.
	if files[0][4] != 0 || files[0][5] != 0 || files[0][6] != 0 || files[0][7] != 0 || files[0][3]&0x08 != 0 {
		t.Errorf("gzip header has a time stamp or a name: % x", files[0][:10])
	}
	// A model trained on so little still tags and parses its own data.
	sc := m.Evaluate(sents[:100])
	if sc.UPOS < 0.8 || sc.UAS < 0.6 {
		t.Errorf("training-set scores too low: %+v", sc)
	}
}

func TestTrainRejectsBadTrees(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"two roots", "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tX\t_\t0\troot\t_\t_\n\n"},
		{"cycle", "1\ta\ta\tX\tX\t_\t2\tdep\t_\t_\n2\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n\n"},
		{"no head", "1\ta\ta\tX\tX\t_\t_\troot\t_\t_\n\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sents, err := conllu.ReadAll(strings.NewReader(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Train(sents, quickOptions()); err == nil {
				t.Error("Train accepted a sentence that is not a tree")
			}
		})
	}
}

func TestProjectivise(t *testing.T) {
	tests := []struct {
		name        string
		heads, want []int32
	}{
		{"projective", []int32{1, 3, 1}, []int32{1, 3, 1}},
		// 0 -> 2 crosses 1 -> 3 (root 4 is 1): lift 0 to 2's head.
		{"crossing", []int32{2, 4, 1, 1}, []int32{1, 4, 1, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := projectivise(tc.heads)
			if !equal32(got, tc.want) {
				t.Errorf("projectivise(%v) = %v, want %v", tc.heads, got, tc.want)
			}
		})
	}
}

func equal32(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestUnmarshalErrors(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello")},
		{"gzip of something else", gz([]byte("hello world"))},
		{"truncated", gz([]byte(magic + "\x05"))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Unmarshal(tc.in); !errors.Is(err, ErrModel) {
				t.Errorf("err = %v, want ErrModel", err)
			}
		})
	}
}

func FuzzUnmarshal(f *testing.F) {
	f.Add(gz([]byte(magic)))
	f.Add(gz([]byte(magic + "\x01\x01A\x01\x01B\x01\x01c\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00")))
	f.Fuzz(func(t *testing.T, raw []byte) {
		for _, in := range [][]byte{raw, gz(raw), gz(append([]byte(magic), raw...))} {
			m, err := Unmarshal(in)
			if err != nil {
				continue
			}
			m.AnnotateWords([]string{"A", "test", "."})
		}
	})
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func TestTruecase(t *testing.T) {
	lex := &tagLex{lower: map[string]bool{"rebels": true, "seize": true, "the": true, "airport": true, "warn": true, "united": true, "nations": true, "council": true, "us": true}}
	tests := []struct {
		name     string
		in       string
		headline bool
		want     string
	}{
		{"capitals", "REBELS SEIZE THE AIRPORT", false, "rebels seize the airport"},
		{"capitals, stem known", "KERRY WARNS ASSAD", false, "Kerry warns Assad"},
		{"capitals keep US", "US REBELS", false, "US rebels"},
		{"title case headline", "Rebels Seize the Airport", true, "rebels seize the airport"},
		{"title case body left alone", "United Nations Security Council", false, "United Nations Security Council"},
		{"running text left alone", "Rebels seized the Airport", true, "Rebels seized the Airport"},
		{"two names left alone", "Barack Obama", true, "Barack Obama"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			words := strings.Fields(tc.in)
			lex.truecase(words, tc.headline)
			if got := strings.Join(words, " "); got != tc.want {
				t.Errorf("truecase(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestTableLayouts(t *testing.T) {
	tests := []struct {
		name    string
		nclass  int
		compact bool
	}{
		{"three classes: compact slots", 3, true},
		{"many classes: inline and spilled rows", 40, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var keys []uint64
			var counts []uint32
			var cls []uint16
			var ws []int16
			want := map[uint64][]int32{}
			for r := 0; r < 5000; r++ {
				k := f2(7, uint64(r), 11)
				keys = append(keys, k)
				row := make([]int32, tc.nclass)
				n := 0
				for c := 0; c < tc.nclass; c++ {
					if (r+c)%3 == 0 || c == r%tc.nclass {
						w := int16((r*31+c*7)%2001 - 1000)
						if w == 0 {
							w = 1
						}
						cls = append(cls, uint16(c))
						ws = append(ws, w)
						row[c] = int32(w)
						n++
					}
				}
				counts = append(counts, uint32(n))
				want[k] = row
			}
			// Keys must ascend.
			order := make([]int, len(keys))
			for i := range order {
				order[i] = i
			}
			slices.SortFunc(order, func(a, b int) int { return cmp.Compare(keys[a], keys[b]) })
			starts := make([]int, len(keys)+1)
			for i, c := range counts {
				starts[i+1] = starts[i] + int(c)
			}
			var k2 []uint64
			var c2 []uint32
			var cl2 []uint16
			var w2 []int16
			for _, i := range order {
				k2 = append(k2, keys[i])
				c2 = append(c2, counts[i])
				cl2 = append(cl2, cls[starts[i]:starts[i+1]]...)
				w2 = append(w2, ws[starts[i]:starts[i+1]]...)
			}
			tab := newTable(k2, c2, cl2, w2)
			if (tab.small != nil) != tc.compact {
				t.Fatalf("compact layout = %v, want %v", tab.small != nil, tc.compact)
			}
			found := 0
			for _, k := range tab.keys {
				got := make([]int32, tc.nclass)
				tab.score([]uint64{k}, got)
				if !slices.Equal(got, want[k]) {
					t.Fatalf("score of %x = %v, want %v", k, got, want[k])
				}
				found++
			}
			if found < len(keys)-2 {
				t.Errorf("%d of %d rows kept", found, len(keys))
			}
			got := make([]int32, tc.nclass)
			tab.score([]uint64{f2(8, 1, 2), f2(8, 3, 4)}, got)
			if slices.ContainsFunc(got, func(v int32) bool { return v != 0 }) {
				t.Errorf("unknown features scored %v", got)
			}
			ek, ec, ecl, ew := tab.export()
			again := newTable(ek, ec, ecl, ew)
			if again.nrows != tab.nrows || !slices.Equal(again.keys, tab.keys) {
				t.Errorf("rebuilt table has %d rows, want %d", again.nrows, tab.nrows)
			}
		})
	}
}

func TestSentenceCounts(t *testing.T) {
	upos := []string{"NOUN", "VERB", "PUNCT", "CCONJ", "VERB", "PUNCT", "PUNCT", "PUNCT"}
	xpos := []string{"NNS", "VBD", ",", "CC", "VBD", ".", "-LRB-", "-RRB-"}
	var st pstate
	st.kinds, st.upos = wordKinds(upos, xpos), coarseTags(upos)
	// Rebels fled , and ( hid ) .
	setupToks(&st, []string{"Rebels", "fled", ",", "and", "(", "hid", ")", "."}, []int{0, 1, 2, 3, 6, 4, 7, 5}, nil, 99)
	tests := []struct {
		name      string
		got, want []int32
	}{
		{"punctuation before", st.punct, []int32{0, 0, 0, 1, 1, 2, 2, 3, 4, 4}},
		{"verbs before", st.verbs, []int32{0, 0, 1, 1, 1, 1, 2, 2, 2, 2}},
		{"conjunctions before", st.conjs, []int32{0, 0, 0, 0, 1, 1, 1, 1, 1, 1}},
		{"bracket depth before", st.depth, []int32{0, 0, 0, 0, 0, 1, 1, 0, 0, 0}},
		{"next verb", st.verb, []int32{1, 1, 5, 5, 5, 5, 8, 8, 8, 8}},
		{"next punctuation", st.npunct, []int32{2, 2, 2, 4, 4, 6, 6, 7, 8, 8}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !slices.Equal(tc.got, tc.want) {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
}
