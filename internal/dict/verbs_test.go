package dict_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyad-project/dyad/data"
	"github.com/dyad-project/dyad/internal/dict"
)

const sampleVerbs = `# a small verb dictionary
set WEAPON
+ rifle
+ heavy weapon   # a phrase

block WARN [130]
verb warn
verb caution {cautioned}
- * (of {severe consequences}) [130]   # WARN
- * (against strike) [1384]
- $ * (of +) [012]

block MEET [040]
verb meet with {met meets meeting}
noun talks [046]
adj ready [---]
- * &WEAPON [:020]
- + * [042:043]

block DEMAND_GO [1041] demanded
verb go
`

func TestParseVerbs(t *testing.T) {
	v, err := dict.ParseVerbs("sample.txt", []byte(sampleVerbs))
	if err != nil {
		t.Fatal(err)
	}
	sets, blocks, verbs, nouns, patterns := v.Counts()
	if sets != 1 || blocks != 3 || verbs != 5 || nouns != 1 || patterns != 5 {
		t.Fatalf("counts = %d sets, %d blocks, %d verbs, %d nouns, %d patterns", sets, blocks, verbs, nouns, patterns)
	}
	warn := v.Block("warn")
	if warn == nil || warn.Code.Event != "130" {
		t.Fatalf("block WARN = %+v", warn)
	}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"pattern text", warn.Patterns[0].Text, "* (of {severe consequences})"},
		{"pattern comment", warn.Patterns[0].Comment, "WARN"},
		{"pattern position", warn.Patterns[1].Pos.String(), "sample.txt:10"},
		{"source marker", warn.Patterns[2].PatternString(), "$ * (of +)"},
		{"paired code", v.Block("meet").Patterns[1].Code.String(), "[042:043]"},
		{"reverse-only code", v.Block("meet").Patterns[0].Code.String(), "[:020]"},
		{"multi-word verb", v.VerbEntries("meet")[0].String(), "verb meet with {met meets meeting}"},
		{"verb by form", v.VerbEntries("cautioned")[0].Head(), "caution"},
		{"noun", v.NounEntries("talks")[0].String(), "noun talks [046]"},
		{"adjective", v.AdjEntries("ready")[0].String(), "adj ready [---]"},
		{"block flag", strings.Join(v.Block("demand_go").Flags, ","), "demanded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
	if !v.InSet("weapon", "heavy", "weapon") || v.InSet("weapon", "weapon") {
		t.Error("InSet: phrase membership is wrong")
	}
	if p := warn.Patterns[0]; p.Size() != 3 {
		t.Errorf("Size(%s) = %d, want 3", p.Text, p.Size())
	}
}

func TestParseVerbsErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // one message fragment per error, in line order
	}{
		{"member outside a set", "+ rifle\n", []string{":1: set member outside a set"}},
		{"verb outside a block", "verb warn\n", []string{":1: verb outside a block"}},
		{"pattern without code", "block B\n- * (of)\n", []string{":2: pattern must end with a [CODE]"}},
		{"pattern without star", "block B\n- warn [010]\n", []string{":2: pattern has no *"}},
		{"two stars", "block B\n- * * [010]\n", []string{":2: pattern has more than one *"}},
		{"bad code", "block B [1x]\n", []string{":1: bad code [1x]"}},
		{"underscore", "block B\nverb call_off\n", []string{":2: \"call_off\": join the words"}},
		{"undefined set", "block B\n- * &NOPE [010]\n", []string{":2: undefined set &NOPE"}},
		{"unclosed paren", "block B\n- * (of war [010]\n", []string{":2: unclosed ("}},
		{"nested paren", "block B\n- * (of (war)) [010]\n", []string{":2: nested ( )"}},
		{"unknown flag", "block B [010] sometimes\n", []string{":1: unknown block flag"}},
		{"code changed on reopening", "block B [010]\nblock B [020]\n", []string{":2: block B was opened at"}},
		{"set defined twice", "set A\n+ x\nset A\n", []string{":3: set &A is already defined"}},
		{"every bad line at once", "verb a\nblock B\n- * [9]\nverb\n",
			[]string{":1: verb outside", ":3: bad code [9]", ":4: verb without words"}},
		{"unknown keyword", "block B\nadverb fast\n", []string{":2: line must start with"}},
		{"stem not the head", "block B\nverb call~ off~\n", []string{":2: verb: only the head word may be a stem"}},
		{"joined entry word", "block B\nverb call_ off\n", []string{":2: verb: _ joins pattern elements"}},
		{"tilde inside a word", "block B\n- * re~form [010]\n", []string{":2: \"re~form\": ~ may only end a word"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := dict.ParseVerbs("x.txt", []byte(tt.src))
			var list dict.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("err = %v, want a ErrorList", err)
			}
			if !errors.Is(err, dict.ErrSyntax) {
				t.Errorf("errors.Is(err, ErrSyntax) = false")
			}
			if len(list) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(list), len(tt.want), err)
			}
			for i, w := range tt.want {
				if !strings.Contains(list[i].Error(), w) {
					t.Errorf("error %d = %q, want it to contain %q", i, list[i].Error(), w)
				}
			}
		})
	}
}

func TestVerbMarks(t *testing.T) {
	src := "set TIES\n+ trade\nblock ACT [100]\nverb act {acting actuality~}\n" +
		"- in_ * [075]\n- * program~ [103]\n- suggested_ +_ * demand_ &TIES_ conventions [111]\n- %_ * [067]\n" +
		"block RESTOR [064]\nverb restor~\n"
	v, err := dict.ParseVerbs("marks.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		word string
		want string // the block of the first entry, "" for none
	}{
		{"head", "act", "ACT"},
		{"listed form", "acting", "ACT"},
		{"stem form", "actualityss", "ACT"},
		{"stem head", "restored", "RESTOR"},
		{"no prefix of a plain head", "actx", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := v.VerbEntries(tt.word)
			got := ""
			if len(es) > 0 {
				got = es[0].Block.Name
			}
			if got != tt.want {
				t.Errorf("VerbEntries(%q) block = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
	b := v.Block("ACT")
	var texts []string
	for _, p := range b.Patterns {
		texts = append(texts, p.Text)
	}
	want := []string{"in_ *", "* program~", "suggested_ +_ * demand_ &TIES_ conventions", "%_ *"}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("patterns = %q, want %q", texts, want)
	}
	if st := b.Patterns[1].Stems(); st != 1 {
		t.Errorf("Stems() = %d, want 1", st)
	}
	if e := b.Patterns[1].Post[0]; !e.Matches("programs") || e.Matches("prog") {
		t.Errorf("program~ matches programs=%v prog=%v, want true false", e.Matches("programs"), e.Matches("prog"))
	}
	if got := b.Verbs[0].String(); got != "verb act {acting actuality~}" {
		t.Errorf("String() = %q", got)
	}
}

func TestLoadVerbsLayers(t *testing.T) {
	fsys := fstest.MapFS{
		"v/a.txt": {Data: []byte("set S\n+ rifle\nblock B [010]\nverb say\n- * rifle [011]\n")},
		"v/b.txt": {Data: []byte("block B\n- * &S [012]\nblock C [020]\nverb say\n")},
	}
	v, err := dict.LoadVerbs(fsys, "v")
	if err != nil {
		t.Fatal(err)
	}
	es := v.VerbEntries("say")
	if len(es) != 2 || es[1].Block.Name != "C" {
		t.Fatalf("entries of say = %v, want B's then C's", es)
	}
	if b := v.Block("B"); len(b.Patterns) != 2 || b.Patterns[1].Pos.File != "v/b.txt" {
		t.Errorf("block B was not continued by the later file: %+v", b.Patterns)
	}
	fsys["v/c.txt"] = &fstest.MapFile{Data: []byte("block D\n- * &T [010]\n")}
	_, err = dict.LoadVerbs(fsys, "v")
	if err == nil || !strings.Contains(err.Error(), "v/c.txt:2: undefined set &T") {
		t.Errorf("err = %v, want the undefined set reported with its file and line", err)
	}
	if _, err := dict.LoadVerbs(fsys, "none"); err == nil {
		t.Error("LoadVerbs of an empty directory: no error")
	}
}

// TestEmbeddedVerbs checks that the shipped dictionary loads and holds the
// entries the coder relies on.
func TestEmbeddedVerbs(t *testing.T) {
	v, err := dict.LoadVerbs(data.Verbs, "verbs")
	if err != nil {
		t.Fatal(err)
	}
	sets, blocks, verbs, nouns, patterns := v.Counts()
	t.Logf("%d sets, %d blocks, %d verbs, %d nouns, %d patterns", sets, blocks, verbs, nouns, patterns)
	if blocks < 390 || verbs < 1800 || patterns < 4400 {
		t.Errorf("the embedded dictionary looks truncated")
	}
	for _, set := range []string{"SPEAKERS", "DEMANDERS", "WEAPON"} {
		if len(v.SetMembers(set)) == 0 {
			t.Errorf("set &%s is missing or empty", set)
		}
	}
	for _, w := range []string{"warn", "threaten", "urge", "meet", "accuse", "back"} {
		if len(v.VerbEntries(w)) == 0 {
			t.Errorf("verb %q is missing", w)
		}
	}
}

// TestVerbRoundTrip checks that every entry and pattern of the embedded
// dictionary prints back to a line that parses to the same thing.
func TestVerbRoundTrip(t *testing.T) {
	v, err := dict.LoadVerbs(data.Verbs, "verbs")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for name, s := range v.Sets {
		b.WriteString("set " + name + "\n")
		for _, m := range s.Members {
			b.WriteString("+ " + strings.Join(m, " ") + "\n")
		}
	}
	for _, blk := range v.Blocks {
		b.WriteString("block " + blk.Name + " " + blk.Code.String() + " " + strings.Join(blk.Flags, " ") + "\n")
		for _, e := range append(append([]*dict.VerbEntry(nil), blk.Verbs...), blk.Nouns...) {
			b.WriteString(e.String() + "\n")
		}
		for _, p := range blk.Patterns {
			b.WriteString("- " + p.Text + " " + p.Code.String() + "\n")
		}
	}
	w, err := dict.ParseVerbs("roundtrip.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	for _, blk := range v.Blocks {
		got := w.Block(blk.Name)
		if got == nil || len(got.Patterns) != len(blk.Patterns) || len(got.Verbs) != len(blk.Verbs) {
			t.Fatalf("block %s did not survive the round trip", blk.Name)
		}
		for i, p := range blk.Patterns {
			if got.Patterns[i].Text != p.Text || got.Patterns[i].Code != p.Code {
				t.Errorf("%s: %q %s came back as %q %s", p.Pos, p.Text, p.Code, got.Patterns[i].Text, got.Patterns[i].Code)
			}
		}
	}
}

// FuzzParseVerbs checks that the parser never panics, that it either
// returns a dictionary or a ErrorList, and that what it accepts prints
// back to patterns that parse again.
func FuzzParseVerbs(f *testing.F) {
	f.Add(sampleVerbs)
	f.Add("block B [010]\n- $ * (by/with +) {a b} ^ [01:02]\n")
	f.Add("set A\n+ x y\nblock B\nverb a b {c d} [---]\n- &A * [010]\n")
	f.Add("block B\n- * (of\n")
	f.Fuzz(func(t *testing.T, src string) {
		v, err := dict.ParseVerbs("fuzz.txt", []byte(src))
		if err != nil {
			var list dict.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v is not a non-empty ErrorList", err)
			}
			return
		}
		var b strings.Builder
		for name, s := range v.Sets {
			b.WriteString("set " + name + "\n")
			for _, m := range s.Members {
				b.WriteString("+ " + strings.Join(m, " ") + "\n")
			}
		}
		for _, blk := range v.Blocks {
			b.WriteString("block " + blk.Name + " " + blk.Code.String() + "\n")
			for _, p := range blk.Patterns {
				b.WriteString("- " + p.Text + " " + p.Code.String() + "\n")
			}
		}
		w, err := dict.ParseVerbs("again.txt", []byte(b.String()))
		if err != nil {
			t.Fatalf("printed dictionary does not parse: %v\n%s", err, b.String())
		}
		for _, blk := range v.Blocks {
			got := w.Block(blk.Name)
			for i, p := range blk.Patterns {
				if got.Patterns[i].Text != p.Text {
					t.Fatalf("pattern %q printed back as %q", p.Text, got.Patterns[i].Text)
				}
			}
		}
	})
}
