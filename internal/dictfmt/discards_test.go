package dictfmt

import (
	"strings"
	"testing"
)

func TestTabariDiscards(t *testing.T) {
	verbs := "<TIME>\nONCE_UPON_A_TIME [###]\nWHEN_PEACE_COMES [+++]\nLATER [+1]\n</TIME>\nSOCCER [###]\nBLAST [+++]\n- * MATCH [###]\n"
	actors := "NASGUL [###]\nISILDUR [+++]\nUSSR [USR <911226] [###]\nENT [### <890101] [ENT]\nGONDOR [GON]\n"
	vd, err := ReadTabariDiscards("x.verbs", strings.NewReader(verbs))
	if err != nil {
		t.Fatal(err)
	}
	ad, err := ReadTabariActorDiscards("x.actors", strings.NewReader(actors))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		d    *Discards
		text string
		day  string
		want string // the phrase matched, "" for none
	}{
		{"verb root", vd, "The soccer match ended.", "", "SOCCER"},
		{"time phrase", vd, "Once upon a time Gondor ruled.", "", "ONCE UPON A TIME"},
		{"complex time phrase", vd, "When peace comes, they will talk.", "", "WHEN PEACE COMES"},
		{"complex verb root is no discard", vd, "A blast hit the town.", "", ""},
		{"pattern is no discard", vd, "The match ended.", "", ""},
		{"actor", ad, "Nasgul riders came.", "", "NASGUL"},
		{"complex actor", ad, "Isildur spoke.", "", "ISILDUR"},
		{"dated discard after its date", ad, "The USSR embassy burned.", "1995-01-01", "USSR"},
		{"dated discard before its date", ad, "The USSR embassy burned.", "1990-01-01", ""},
		{"discard until a date", ad, "The Ent crowds came.", "1988-05-01", "ENT"},
		{"discard until a date, after it", ad, "The Ent crowds came.", "1995-01-01", ""},
		{"coded actor", ad, "Gondor spoke.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, _ := tt.d.MatchOn(tt.text, tt.day)
			if got != tt.want {
				t.Errorf("MatchOn(%q, %q) = %q, want %q", tt.text, tt.day, got, tt.want)
			}
		})
	}
}

func TestReadTabariNominals(t *testing.T) {
	src := "<NOUN>\nGOATS  ;x\nFORCES_\n</NOUN>\n<ADJECTIVE>\nEVIL\n</ADJECTIVE>\nARNOR [ARN]\n"
	got, err := ReadTabariNominals(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"goats", "forces_", "evil"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
}
