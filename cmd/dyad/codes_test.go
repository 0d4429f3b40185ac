package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dyad-project/dyad/internal/cameo"
)

func TestCodesCommand(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		status   int
		wantRows int // data rows, -1 to skip the count
		contains string
	}{
		{"all text", nil, 0, len(cameo.All()), "0871"},
		{"root filter csv", []string{"--format", "csv", "19"}, 0, 10, "1952,"},
		{"two filters json", []string{"--format=json", "0211", "042"}, 0, 2, `"plover": "CONSULT"`},
		{"unknown code", []string{"42"}, 1, -1, ""},
		{"bad format", []string{"--format", "xml"}, 1, -1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			m := &Main{Stdout: &out, Stderr: &errb}
			status := m.Run(context.Background(), append([]string{"codes"}, tt.args...))
			if status != tt.status {
				t.Fatalf("status %d, want %d; stderr: %s", status, tt.status, errb.String())
			}
			if tt.wantRows < 0 {
				return
			}
			if !strings.Contains(out.String(), tt.contains) {
				t.Errorf("output lacks %q", tt.contains)
			}
			var rows int
			switch {
			case strings.Contains(strings.Join(tt.args, " "), "json"):
				var codes []cameo.Code
				if err := json.Unmarshal(out.Bytes(), &codes); err != nil {
					t.Fatal(err)
				}
				rows = len(codes)
			case strings.Contains(strings.Join(tt.args, " "), "csv"):
				recs, err := csv.NewReader(&out).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				rows = len(recs) - 1
			default:
				rows = strings.Count(out.String(), "\n") - 1
			}
			if rows != tt.wantRows {
				t.Errorf("%d rows, want %d", rows, tt.wantRows)
			}
		})
	}
}
