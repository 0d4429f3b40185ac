package validate

import "testing"

func TestStorySeq(t *testing.T) {
	tests := []struct {
		id    string
		story string
		seq   int
		ok    bool
	}{
		{"FRWD-001-002", "FRWD-001", 2, true},
		{"DEMO-01", "DEMO", 1, true},
		{"CONV-Modify", "", 0, false},
		{"950101", "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			story, seq, ok := storySeq(tt.id)
			if story != tt.story || seq != tt.seq || ok != tt.ok {
				t.Errorf("storySeq(%q) = %q, %d, %v, want %q, %d, %v", tt.id, story, seq, ok, tt.story, tt.seq, tt.ok)
			}
		})
	}
}

func TestSubstitute(t *testing.T) {
	tests := []struct {
		name, text, want string
		ok               bool
	}{
		{"pronoun first", "He asked Gondor for help.", "FORNOST asked Gondor for help.", true},
		{"after an opening phrase", "In a later statement it promised aid.", "In a later statement FORNOST promised aid.", true},
		{"after an opening capital", "However, they agreed.", "However, FORNOST agreed.", true},
		{"a name comes first", "Gondor said it would help.", "Gondor said it would help.", false},
		{"possessive is no subject", "Its army moved.", "Its army moved.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, start, end, ok := substitute(tt.text, "FORNOST")
			if got != tt.want || ok != tt.ok {
				t.Errorf("substitute(%q) = %q, %v, want %q, %v", tt.text, got, ok, tt.want, tt.ok)
			}
			if ok && got[start:end] != "FORNOST" {
				t.Errorf("span [%d, %d) is %q", start, end, got[start:end])
			}
		})
	}
}

func TestForwardFollows(t *testing.T) {
	f := forward{on: true, prevID: "FRWD-001-002"}
	for id, want := range map[string]bool{"FRWD-001-003": true, "FRWD-001-004": false, "FRWD-002-003": false} {
		if got := f.follows(id); got != want {
			t.Errorf("follows(%q) after FRWD-001-002 = %v, want %v", id, got, want)
		}
	}
	f.option("^^*****NNN*SSS OFF")
	if f.on || f.prevID != "" {
		t.Errorf("FORWARD ... OFF left forwarding on: %+v", f)
	}
}
