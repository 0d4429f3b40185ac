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
