package sqlstore

import (
	"strings"
	"testing"

	"github.com/dyad-project/dyad"
)

func TestLeadSnippet(t *testing.T) {
	long := strings.Repeat("Ministers met in Brussels. ", 20)
	tests := []struct {
		name, in, want string
	}{
		{"short", "Talks resume\n\nin Geneva.", "Talks resume in Geneva."},
		{"cut at a space", long, long[:198] + "…"},
		{"no space", strings.Repeat("é", 150), strings.Repeat("é", 100) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LeadSnippet(tt.in); got != tt.want {
				t.Errorf("LeadSnippet = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLimit(t *testing.T) {
	lite, pg := &Dialect{NoLimit: "-1"}, &Dialect{NoLimit: "ALL"}
	tests := []struct {
		name     string
		p        dyad.Page
		lite, pg string
	}{
		{"all", dyad.Page{}, "", ""},
		{"limit", dyad.Page{Limit: 20}, " LIMIT 20", " LIMIT 20"},
		{"page", dyad.Page{Limit: 20, Offset: 40}, " LIMIT 20 OFFSET 40", " LIMIT 20 OFFSET 40"},
		{"offset only", dyad.Page{Offset: 5}, " LIMIT -1 OFFSET 5", " LIMIT ALL OFFSET 5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lite.Limit(tt.p); got != tt.lite {
				t.Errorf("SQLite Limit = %q, want %q", got, tt.lite)
			}
			if got := pg.Limit(tt.p); got != tt.pg {
				t.Errorf("PostgreSQL Limit = %q, want %q", got, tt.pg)
			}
		})
	}
}

func TestNumber(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"none", "SELECT 1", "SELECT 1"},
		{"two", "a = ? AND b IN (?)", "a = $1 AND b IN ($2)"},
		{"twelve", strings.Repeat("?,", 12), "$1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Number(tt.in); got != tt.want {
				t.Errorf("Number(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPrefixRange(t *testing.T) {
	tests := []struct{ name, in, lo, hi string }{
		{"code", "RUS", "RUS", "RUT"},
		{"last byte 0xff", "A\xff", "A\xff", "B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := PrefixRange(tt.in)
			if lo != tt.lo || hi != tt.hi {
				t.Errorf("PrefixRange(%q) = %q, %q, want %q, %q", tt.in, lo, hi, tt.lo, tt.hi)
			}
		})
	}
}

func TestASCIILower(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ascii", "Angela MERKEL", "angela merkel"},
		{"unchanged", "kabul", "kabul"},
		{"non-ASCII kept", "ÉMILE Zola", "Émile zola"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ASCIILower(tt.in); got != tt.want {
				t.Errorf("ASCIILower(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRound2SummationOrder(t *testing.T) {
	// Eight Goldstein values whose mean is -2.775 exactly in decimal; the
	// float sum depends on the order.
	vals := []float64{-4.4, -2, 1, -10, -0.3, 3.4, -5, -4.9}
	orders := [][]int{{0, 1, 2, 3, 4, 5, 6, 7}, {7, 6, 5, 4, 3, 2, 1, 0}, {0, 1, 2, 4, 3, 5, 6, 7}, {3, 5, 0, 7, 1, 6, 2, 4}}
	for _, o := range orders {
		sum := 0.0
		for _, i := range o {
			sum += vals[i]
		}
		if got := Round2(sum / float64(len(vals))); got != -2.78 {
			t.Errorf("order %v: Round2(%v) = %v, want -2.78", o, sum/float64(len(vals)), got)
		}
	}
	for _, tt := range []struct{ in, want float64 }{{2.345, 2.35}, {2.344, 2.34}, {-0.005, -0.01}, {0, 0}, {1.5, 1.5}} {
		if got := Round2(tt.in); got != tt.want {
			t.Errorf("Round2(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
