package validate

import (
	"testing"

	"github.com/dyad-project/dyad/internal/event"
)

func TestApplyOption(t *testing.T) {
	tests := []struct {
		name string
		opt  string
		want event.Config
	}{
		{"code by sentence", "SET: CODE BY SENTENCE", event.Config{CodeBy: event.CodeBySentence, MinWords: 8}},
		{"code all", "set:  code   all", event.Config{CodeBy: event.CodeAll, MinWords: 8}},
		{"code by clause", "SET: CODE BY CLAUSE", event.Config{CodeBy: event.CodeByClause, MinWords: 8}},
		{"minimum words without a closing brace", "SET: MINIMUM WORDS = 4 */", event.Config{MinWords: 4}},
		{"unknown option", "COMMA: OFF", event.Config{MinWords: 8}},
		{"bad number", "SET: MINIMUM WORDS = many", event.Config{MinWords: 8}},
		{"defaults", "DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER",
			event.Config{MinWords: 8, Defaults: event.Defaults{Source: "DEFSRC", Prior: true, Target: "DEFTAR", After: true}}},
		{"default target only", "default: target [XYZ]", event.Config{MinWords: 8, Defaults: event.Defaults{Target: "XYZ"}}},
		{"defaults off", "DEFAULT: OFF", event.Config{MinWords: 8}},
		{"complexity", "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN",
			event.Config{MinWords: 8, Complex: event.Complexity{Verbs: 5, Conj: 4, NoActorPrior: true}}},
		{"commas", "COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8",
			event.Config{MinWords: 8, Commas: event.Commas{Min: 4, Max: 6, EMin: 3, EMax: 6, BMin: 3, BMax: 8}}},
		{"commas off", "COMMA: OFF", event.Config{MinWords: 8}},
		{"petrarch comma setting", "comma_emax=6", event.Config{MinWords: 8, Commas: event.Commas{EMax: 6}}},
		{"petrarch require_dyad", "require_dyad=False", event.Config{MinWords: 8, NoTarget: true}},
		{"petrarch new actors", "new_actor_length=4", event.Config{MinWords: 8, NewActorLength: 4}},
		{"petrarch setting dyad ignores", "stop_on_error=True", event.Config{MinWords: 8}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := event.Config{MinWords: 8}
			applyOption(&c, tt.opt)
			if c != tt.want {
				t.Errorf("got %+v, want %+v", c, tt.want)
			}
		})
	}
}
