package postgres

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/testutil"

	_ "modernc.org/sqlite"
)

// ftsText is news-style text with the inflections, diacritics and
// punctuation the stemmer and the tokenizer must handle.
const ftsText = `Negotiators resumed talks in Genève on Tuesday, hoping to agree a ceasefire.
The ministers' agreement was reportedly conditional: generalization, rationalisation, hopefulness and
relational connectivity were debated. Troops were attacking, attacked and attacks continued; the
army's spokesman said sanctions, sanctioned and sanctioning would follow. Zürich-based mediators,
São Paulo's governor and the Ministry of Defence (MoD) issued statements. 3,000 refugees fled
Aleppo's eastern districts; U.N. officials called it "catastrophic". Electricity, electrical,
electrician; happiness, happy, happily; controlling, controlled, controller; feed, agreed, plastered,
bled, motoring, sing, conflated, troubled, sized, hopping, tanned, falling, hissing, fizzed, failing,
filing, happy, sky, relational, conditional, rational, valenci, hesitanci, digitizer, conformabli,
radicalli, differentli, vileli, analogousli, vietnamization, predication, operator, feudalism,
decisiveness, hopefulness, callousness, formaliti, sensitiviti, sensibiliti, triplicate, formative,
formalize, electriciti, electrical, hopeful, goodness, revival, allowance, inference, airliner,
gyroscopic, adjustable, defensible, irritant, replacement, adjustment, dependent, adoption, homologou,
communism, activate, angulariti, homologous, effective, bowdlerize, probate, rate, cease, controll,
roll, generously, yelled, skies, dying, lying, tying, news, bias, gas, this, is, as, us, ties, cries.
Kyiv, Kiev, Côte d'Ivoire, Ελλάδα, Москва, 北京, naïve, coöperate, ﬁnance, İstanbul, Алексей Ёлкин, Đorđević, Łódź, Ørsted, Ångström.`

// TestTokenizeMatchesFTS5 checks the tokenizer and the stemmer against
// SQLite's FTS5 "porter unicode61 remove_diacritics 2": every word of the
// text must get the stem FTS5 indexes it under, at the same position.
func TestTokenizeMatchesFTS5(t *testing.T) {
	texts := []string{ftsText}
	for _, p := range []string{"examples/geneva-talks.txt", "examples/articles.jsonl"} {
		b, err := os.ReadFile(filepath.Join(testutil.RepoRoot(t), p))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	if d := testutil.SharedDir(t); d != "" {
		if b, err := os.ReadFile(filepath.Join(d, "seeds", "seeds.jsonl")); err == nil {
			texts = append(texts, string(b))
		}
	}
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range []string{
		`CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = 'porter unicode61 remove_diacritics 2')`,
		`CREATE VIRTUAL TABLE v USING fts5vocab (t, 'instance')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	for i, text := range texts {
		if _, err := db.Exec(`INSERT INTO t (rowid, x) VALUES (?, ?)`, i+1, text); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := db.Query(`SELECT doc, offset, term FROM v ORDER BY doc, offset`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	want := make([][]string, len(texts))
	for rows.Next() {
		var doc, off int
		var term string
		if err := rows.Scan(&doc, &off, &term); err != nil {
			t.Fatal(err)
		}
		for len(want[doc-1]) < off {
			want[doc-1] = append(want[doc-1], "")
		}
		want[doc-1] = append(want[doc-1], term)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for i, text := range texts {
		toks := tokenize(text)
		if len(toks) != len(want[i]) {
			t.Errorf("text %d: %d words, FTS5 has %d", i, len(toks), len(want[i]))
		}
		for j := 0; j < len(toks) && j < len(want[i]); j++ {
			if toks[j].stem != want[i][j] {
				bad++
				if bad <= 20 {
					t.Errorf("text %d word %d %q: stem %q, FTS5 %q", i, j, text[toks[j].start:toks[j].end], toks[j].stem, want[i][j])
				}
				if !strings.EqualFold(toks[j].stem, want[i][j]) && len(toks) != len(want[i]) {
					break
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d words stemmed differently", bad)
	}
}
