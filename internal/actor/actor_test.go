package actor_test

import (
	"io/fs"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/data"
	"github.com/dyad-project/dyad/internal/actor"
	"github.com/dyad-project/dyad/internal/dict"
	"github.com/dyad-project/dyad/internal/segment"
)

// find runs the default finder over a text of our own.
func find(t *testing.T, text, published string) *actor.Result {
	t.Helper()
	return defaultFinder(t).Find(text, segment.Text(text), published)
}

// mentionOf returns the actor of the n-th mention whose text is exactly m
// (n counts from 0), or nil.
func mentionOf(r *actor.Result, m string, n int) (*dyad.Actor, *actor.Mention) {
	for _, x := range r.Mentions() {
		if x.Text == m {
			if n == 0 {
				return x.Actor, &x
			}
			n--
		}
	}
	return nil, nil
}

func dump(r *actor.Result) string {
	var b strings.Builder
	for _, a := range r.Actors() {
		b.WriteString(a.ID + " " + a.Name + " [" + a.Country + " " + a.Sector + " " + a.Code + " " + a.Type + "]:")
		for _, m := range a.Mentions {
			b.WriteString(" " + m.Text + "/" + m.Via)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// want describes the actor expected for a mention.
type want struct {
	mention               string
	n                     int // which occurrence of the mention
	name                  string
	country, sector, code string
	via                   string
	noCountry             bool // the actor must have no country
	absent                bool // no actor may be mentioned by this text
}

func TestFind(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		published string
		want      []want
	}{
		{"title and nationality compose", "Russian Foreign Minister Sergey Lavrov met his Turkish counterpart in Ankara on Monday.", "2016-03-01",
			[]want{{mention: "Russian Foreign Minister Sergey Lavrov", name: "Sergey Lavrov", country: "RUS", sector: "GOV", code: "RUSGOV", via: "dictionary"}}},
		{"role at the publication date", "US Secretary of State John Kerry arrived in Cairo for talks.", "2015-06-01",
			[]want{{mention: "US Secretary of State John Kerry", name: "John Kerry", country: "USA", sector: "GOV", code: "USAGOV", via: "dictionary"}}},
		{"an earlier role", "Senator John Kerry criticised the war.", "2005-06-01",
			[]want{{mention: "Senator John Kerry", name: "John Kerry", country: "USA", sector: "GOV", code: "USAGOVLEG"}}},
		{"a former official", "John Kerry spoke at the university on Tuesday.", "2019-10-01",
			[]want{{mention: "John Kerry", country: "USA", sector: "ELI", code: "USAELI"}}},
		{"unknown date takes the latest role", "Sergey Lavrov spoke to reporters.", "",
			[]want{{mention: "Sergey Lavrov", country: "RUS", sector: "GOV"}}},
		{"nationality and collective agent", "Syrian opposition forces shelled a government position near the border.", "2015-10-01",
			[]want{{mention: "Syrian opposition forces", country: "SYR", sector: "REB", code: "SYRREB", via: "dictionary"}}},
		{"demonym plural", "American officials said the talks had stalled, and Syrians fled the fighting.", "2015-10-01",
			[]want{{mention: "American officials", country: "USA", sector: "GOV", code: "USAGOV"},
				{mention: "Syrians", country: "SYR"}}},
		{"unknown name with title", "British Foreign Secretary Margaret Brightwater visited Kabul on Friday.", "2015-10-01",
			[]want{{mention: "British Foreign Secretary Margaret Brightwater", name: "Margaret Brightwater", country: "GBR", sector: "GOV", code: "GBRGOV", via: "title"}}},
		{"agent title before name", "Regime leader Bashar al Assad refused to step down.", "2015-10-01",
			[]want{{mention: "Regime leader Bashar al Assad", name: "Bashar al-Assad", country: "SYR", sector: "GOV"}}},
		{"hyphens, spaces and case fold", "Al Assad met envoys while al-Assad's aides waited.", "2015-10-01",
			[]want{{mention: "Al Assad", name: "Bashar al-Assad"}, {mention: "al-Assad", name: "Bashar al-Assad"}}},
		{"possessive and agent", "Assad's forces pushed into the suburbs.", "2015-10-01",
			[]want{{mention: "Assad", name: "Bashar al-Assad"},
				{mention: "Assad's forces", country: "SYR", sector: "MIL", code: "SYRMIL"}}},
		{"diacritics", "The Élysée said President Recep Tayyip Erdoğan would visit.", "2016-01-10",
			[]want{{mention: "Élysée", country: "FRA", sector: "GOV"},
				{mention: "President Recep Tayyip Erdoğan", country: "TUR", sector: "GOV"}}},
		{"transliterations", "Sergei Lavrov criticised Hizbollah and al-Qaida, and recalled Muammar Qaddafi.", "2016-01-10",
			[]want{{mention: "Sergei Lavrov", name: "Sergey Lavrov"},
				{mention: "Hizbollah", name: "Hezbollah", noCountry: true},
				{mention: "al-Qaida", name: "al-Qaeda"},
				{mention: "Muammar Qaddafi", name: "Muammar Gaddafi", country: "LBY"}}},
		{"IS in capitals only", "IS militants attacked the town. Is the ceasefire holding?", "2016-01-10",
			[]want{{mention: "IS militants", name: "Islamic State", noCountry: true, code: "IMGMUSISI"},
				{mention: "Is", absent: true}}},
		{"IS in an all-caps headline", "WHAT IS NEXT FOR THE CEASEFIRE", "2016-01-10",
			[]want{{mention: "IS", absent: true}}},
		{"Daesh and so-called Islamic State", "Jets struck DAESH positions as the so-called Islamic State retreated.", "2016-01-10",
			[]want{{mention: "DAESH", name: "Islamic State"}, {mention: "Islamic State", name: "Islamic State"}}},
		{"metonyms", "The Kremlin and the Pentagon disagreed, while Downing Street stayed silent.", "2016-01-10",
			[]want{{mention: "Kremlin", country: "RUS", sector: "GOV"}, {mention: "Pentagon", country: "USA", sector: "GOV"},
				{mention: "Downing Street", country: "GBR", sector: "GOV"}}},
		{"capital as government", "Moscow said on Tuesday that the strikes would continue. Talks in Moscow ended.", "2016-01-10",
			[]want{{mention: "Moscow", country: "RUS", sector: "GOV", code: "RUSGOV"}, {mention: "Moscow", n: 1, absent: true}}},
		{"compound nationalities", "Assad is backed by Russian and Iranian governments.", "2016-01-10",
			[]want{{mention: "Russian and Iranian governments", n: 0, sector: "GOV"},
				{mention: "Russian and Iranian governments", n: 1, sector: "GOV"}}},
		{"named groups have no country", "Hezbollah fighters and al-Nusra Front militants clashed.", "2016-01-10",
			[]want{{mention: "Hezbollah fighters", name: "Hezbollah", noCountry: true, code: "LBNREB"},
				{mention: "al-Nusra Front militants", name: "al-Nusra Front", noCountry: true}}},
		{"media keep their country", "In an interview with al-Manar TV, the minister spoke.", "2016-01-10",
			[]want{{mention: "al-Manar TV", country: "LBN", sector: "MED", code: "LBNMED"}}},
		{"organisation title and unknown name", "UN envoy Jorinde Vasquez-Halle arrived in Geneva.", "2016-01-10",
			[]want{{mention: "UN envoy Jorinde Vasquez-Halle", name: "Jorinde Vasquez-Halle", noCountry: true, sector: "IGO", code: "IGOUNO", via: "title"}}},
		{"short name of an organisation", "The Syrian Observatory for Human Rights reported the strikes. Observatory director Hamid Qassar said 30 died.", "2016-01-10",
			[]want{{mention: "Observatory", name: "Syrian Observatory for Human Rights", via: "coreference"},
				{mention: "Observatory director Hamid Qassar", name: "Hamid Qassar", sector: "NGO", via: "title"}}},
		{"apposition", "Carter spoke to his Russian counterpart, Dmitry Ivanovsky, on Friday.", "2016-01-10",
			[]want{{mention: "Dmitry Ivanovsky", country: "RUS", sector: "GOV", via: "title"},
				{mention: "his Russian counterpart", name: "Dmitry Ivanovsky", via: "coreference"}}},
		{"possessive pronoun and agent", "Assad appeared on television. He said his government would fight on.", "2016-01-10",
			[]want{{mention: "He", name: "Bashar al-Assad", via: "coreference"},
				{mention: "his government", country: "SYR", sector: "GOV", via: "coreference"}}},
		{"regime coreference", "The Syrian regime rejected the plan. Diplomats said the regime would not yield.", "2016-01-10",
			[]want{{mention: "regime", n: 0, country: "SYR", sector: "GOV", via: "coreference"}}},
		{"agents alone have no country", "Rebels attacked the police station. The army responded.", "2016-01-10",
			[]want{{mention: "Rebels", noCountry: true, sector: "REB"}, {mention: "army", noCountry: true, sector: "MIL"}}},
		{"description back to a person", "John Kerry arrived in Vienna. The top US diplomat said progress was possible.", "2015-11-01",
			[]want{{mention: "top US diplomat", name: "John Kerry", via: "coreference"}}},
		{"description without antecedent", "The Syrian foreign minister said a deal needed a miracle.", "2015-08-01",
			[]want{{mention: "Syrian foreign minister", name: "Syrian foreign minister", country: "SYR", sector: "GOV", via: "title"}}},
		{"she from a first name", "Angela Merkel met Francois Hollande in Paris. She said Europe must act.", "2015-08-01",
			[]want{{mention: "She", name: "Angela Merkel", via: "coreference"}}},
		{"he skips a woman", "Theresa May called Donald Trump. He thanked her.", "2017-02-01",
			[]want{{mention: "He", name: "Donald Trump"}, {mention: "her", name: "Theresa May"}}},
		{"they to a group", "Syrian rebels withdrew from the town. They said the shelling was too heavy.", "2016-01-10",
			[]want{{mention: "They", country: "SYR", sector: "REB", via: "coreference"}}},
		{"the two sides", "Kerry met Lavrov in Moscow. The two sides agreed to keep talking.", "2015-12-16",
			[]want{{mention: "two sides", n: 0, via: "coreference"}, {mention: "two sides", n: 1, via: "coreference"}}},
		{"the country", "Saudi Arabia sent troops. The country said it would stay.", "2016-01-10",
			[]want{{mention: "country", country: "SAU", via: "coreference"}}},
		{"surname after full name", "Philip Hammond spoke first. Later, Hammond said the plan was flawed.", "2015-09-01",
			[]want{{mention: "Hammond", name: "Philip Hammond"}}},
		{"family name first", "Foreign Ministry spokesperson Wang Lin spoke on Tuesday. Wang said China was ready.", "2025-05-09",
			[]want{{mention: "Wang", name: "Wang Lin", via: "coreference"}}},
		{"surname of a person named in an apposition", "Aram Sargsyan and his Azerbaijani counterpart, Elnur Mammadli, met in Geneva. Mammadli said Baku was ready.", "2025-10-16",
			[]want{{mention: "Mammadli", name: "Elnur Mammadli", via: "coreference"}}},
		{"surname before full name (headline)", "Kerry urges talks\n\nUS Secretary of State John Kerry urged talks on Monday.", "2015-09-01",
			[]want{{mention: "Kerry", name: "John Kerry"}}},
		{"people of a state", "The people of Syria have suffered enough.", "2015-09-01",
			[]want{{mention: "people of Syria", country: "SYR", sector: "CVL"}}},
		{"them to the plural phrase, not the country", "Norway ordered three Chilean diplomats to leave the country on Monday, accusing them of spying.", "2024-05-01",
			[]want{{mention: "them", country: "CHL", via: "coreference"}}},
		{"agents of an organisation named before", "Iran bars IAEA inspectors\n\nIran has refused to allow international inspectors into a second site.", "2024-05-01",
			[]want{{mention: "inspectors", name: "International Atomic Energy Agency", via: "coreference"}}},
		{"international agents take no state from the context", "Iran said on Monday that international inspectors would be allowed to visit the site.", "2024-05-01",
			[]want{{mention: "inspectors", noCountry: true}}},
		{"an official without nationality in a story datelined in the capital",
			"WARSAW, Poland (AP) — Poland expelled two Russian diplomats on Wednesday. Russia denied the charges. Foreign Minister Piotr Kowalczyk said Poland had clear evidence.", "2025-05-07",
			[]want{{mention: "Foreign Minister Piotr Kowalczyk", country: "POL", sector: "GOV", code: "POLGOV"}}},
		{"no local country from a dateline the story is not about",
			"GENEVA (Reuters) — Armenia and Azerbaijan resumed talks on Monday. Foreign Minister Anna Petrosyan said progress was slow.", "2025-05-07",
			[]want{{mention: "Foreign Minister Anna Petrosyan", noCountry: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := find(t, tt.text, tt.published)
			for _, w := range tt.want {
				a, m := mentionOf(r, w.mention, w.n)
				if w.absent {
					if a != nil {
						t.Errorf("%q is a mention of %s (%s); want none\n%s", w.mention, a.Name, a.Code, dump(r))
					}
					continue
				}
				if a == nil {
					t.Errorf("no mention %q (#%d)\n%s", w.mention, w.n, dump(r))
					continue
				}
				if w.name != "" && a.Name != w.name {
					t.Errorf("%q: name %q, want %q", w.mention, a.Name, w.name)
				}
				if a.Country != w.country && (w.country != "" || w.noCountry) {
					t.Errorf("%q: country %q, want %q", w.mention, a.Country, w.country)
				}
				if w.sector != "" && a.Sector != w.sector {
					t.Errorf("%q: sector %q, want %q", w.mention, a.Sector, w.sector)
				}
				if w.code != "" && a.Code != w.code {
					t.Errorf("%q: code %q, want %q", w.mention, a.Code, w.code)
				}
				if w.via != "" && m.Via != w.via {
					t.Errorf("%q: via %q, want %q", w.mention, m.Via, w.via)
				}
			}
		})
	}
}

func TestResultAPI(t *testing.T) {
	text := "Kerry meets Lavrov\n\nUS Secretary of State John Kerry met Russian Foreign Minister Sergey Lavrov. “He is right,” Kerry said of him."
	sents := segment.Text(text)
	r := defaultFinder(t).Find(text, sents, "2015-12-15")
	acts := r.Actors()
	for i, a := range acts {
		if a.ID != "a"+string(rune('1'+i)) {
			t.Errorf("actor %d has ID %q", i, a.ID)
		}
		for _, m := range a.Mentions {
			if text[m.Start:m.End] != m.Text {
				t.Errorf("mention %q does not match its offsets", m.Text)
			}
		}
	}
	if len(acts) < 2 || acts[0].Name != "John Kerry" || acts[1].Name != "Sergey Lavrov" {
		t.Fatalf("actors:\n%s", dump(r))
	}
	// At: the token "Lavrov" of the second sentence.
	var tok int = -1
	for i, tk := range sents[1].Tokens {
		if tk.Text == "Lavrov" {
			tok = i
		}
	}
	got := r.At(1, tok)
	if len(got) != 1 || got[0].Name != "Sergey Lavrov" {
		t.Errorf("At(1, %d) = %v", tok, got)
	}
	m, ok := r.MentionAt(1, tok)
	ref := actor.Ref(m)
	if !ok || ref.Code != "RUSGOV" || ref.Country != "RUS" || ref.Text != "Russian Foreign Minister Sergey Lavrov" {
		t.Errorf("Ref = %+v", ref)
	}
	if entries := got[0].Entries; len(entries) == 0 || !strings.Contains(entries[0], ".txt:") {
		t.Errorf("entries = %v", entries)
	}
	// A quoted pronoun is not a mention, but the quote stage can resolve it.
	for i, tk := range sents[1].Tokens {
		if tk.Text == "He" {
			if a := r.At(1, i); len(a) != 0 {
				t.Errorf("quoted He is a mention of %v", a[0].Name)
			}
			if ants := r.Antecedent(1, i); len(ants) == 0 {
				t.Errorf("no antecedent for quoted He")
			}
		}
	}
	if ms := r.MentionsIn(0); len(ms) != 2 {
		t.Errorf("headline mentions %d, want 2", len(ms))
	}
}

func TestBoilerplateSkipped(t *testing.T) {
	text := "Kerry in Moscow\n\nPhoto by: AFP\n\nKerry met Putin."
	sents := segment.Text(text)
	for i := range sents {
		if strings.HasPrefix(sents[i].Text, "Photo") {
			sents[i].Kind = dyad.KindBoilerplate
		}
	}
	r := defaultFinder(t).Find(text, sents, "2015-12-15")
	for _, a := range r.Actors() {
		if a.Name == "Agence France-Presse" {
			t.Errorf("found an actor in boilerplate:\n%s", dump(r))
		}
	}
}

func TestUserDictionary(t *testing.T) {
	d, err := dict.LoadActors(dictFS(t), fstest.MapFS{"mine.txt": {Data: []byte(`person Jorinde Vasquez-Halle
	alias Vasquez-Halle
	gender female
	code IGOUNO 2015-01-01..
`)}})
	if err != nil {
		t.Fatal(err)
	}
	f := actor.New(d)
	text := "Jorinde Vasquez-Halle arrived. Vasquez-Halle said she was hopeful."
	r := f.Find(text, segment.Text(text), "2016-01-01")
	a, m := mentionOf(r, "Jorinde Vasquez-Halle", 0)
	if a == nil || a.Code != "IGOUNO" || m.Via != "dictionary" {
		t.Fatalf("not found through the user dictionary:\n%s", dump(r))
	}
	if a2, _ := mentionOf(r, "she", 0); a2 != a {
		t.Errorf("she is not Vasquez-Halle:\n%s", dump(r))
	}
}

func TestUnknowns(t *testing.T) {
	f := defaultFinder(t)
	var rs []*actor.Result
	for _, text := range []string{
		"Rebel commander Abu Qatada al-Zirri said his men would fight. Officials met Zirri Group envoys.",
		"Rebel commander Abu Qatada al-Zirri was wounded, the group said.",
	} {
		rs = append(rs, f.Find(text, segment.Text(text), "2016-01-01"))
	}
	us := actor.Unknowns(rs...)
	if len(us) == 0 || us[0].Text != "Abu Qatada al-Zirri" || us[0].Count != 2 || len(us[0].Contexts) != 2 {
		t.Fatalf("unknowns = %+v", us)
	}
	if want := "person Abu Qatada al-Zirri\n\tcode REB\n"; us[0].Suggest != want {
		t.Errorf("suggest = %q, want %q", us[0].Suggest, want)
	}
	if _, err := dict.ParseActors("suggest.txt", []byte(us[0].Suggest)); err != nil {
		t.Errorf("suggestion does not parse: %v", err)
	}
}

// dictFS returns the shipped dictionaries' file system.
func dictFS(t *testing.T) fs.FS {
	t.Helper()
	return data.Actors
}

// FuzzFind checks that Find never panics on any text and that every
// mention points at its own text.
func FuzzFind(f *testing.F) {
	f.Add("Russian Foreign Minister Sergey Lavrov met Kerry. He said the regime's forces would withdraw.")
	f.Add("IS IS is Is. U.S.-backed rebels' positions; al-Assad’s “forces” – and the Kremlin.")
	f.Add("his their them the two sides the country 's ' — Observatory head X Y said")
	fd, err := actor.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r := fd.Find(text, segment.Text(text), "2016-01-01")
		for _, a := range r.Actors() {
			for _, m := range a.Mentions {
				if m.Start < 0 || m.End > len(text) || m.Start > m.End || text[m.Start:m.End] != m.Text {
					t.Fatalf("mention %+v does not match the text", m)
				}
			}
		}
	})
}

func TestDatelineIsNotAnActor(t *testing.T) {
	f, err := actor.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, text, want, notWant string }{
		{"agency", "Headline\n\nMOSCOW, March 1 (Reuters) - Russian Foreign Minister Sergey Lavrov warned Turkey on Tuesday.", "Sergey Lavrov", "MOSCOW"},
		{"bare", "Headline\n\nDAMASCUS -- Syrian troops shelled the town on Monday.", "Syrian troops", "DAMASCUS"},
		{"country", "Headline\n\nBEIRUT, Lebanon - Lebanese police arrested two men.", "Lebanese police", "BEIRUT"},
		{"not a dateline", "Headline\n\nMoscow said on Tuesday it would respond.", "Moscow", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sents := segment.Text(tc.text)
			var texts []string
			for _, a := range f.Find(tc.text, sents, "2016-03-01").Actors() {
				for _, m := range a.Mentions {
					texts = append(texts, m.Text)
				}
			}
			joined := strings.Join(texts, "|")
			if !strings.Contains(joined, tc.want) {
				t.Errorf("mentions %q lack %q", joined, tc.want)
			}
			if tc.notWant != "" && strings.Contains(joined, tc.notWant) {
				t.Errorf("mentions %q include the dateline %q", joined, tc.notWant)
			}
		})
	}
}

func TestPeerCodes(t *testing.T) {
	d, err := dict.LoadActors(fstest.MapFS{"peer.txt": {Data: []byte(`organisation Calenardhon
	code CAL
organisation Romendacil
	code BRE
organisation Bree
	code BRE
organisation Ithilien Radio
	code ITHRAD
person Prince Dol Amroth
	code DOL
agent government ~GOV
agent prime minister ~GOV person
agent ambassador ~GOV person
agent soldiers ~MIL
agent lawmakers ~LEG
`)}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, mention, code string
		peer                      bool
	}{
		{"dyad keeps a named group's code", "The Calenardhon government condemned the attack.", "Calenardhon government", "CAL", false},
		{"qualifier and agent", "The Calenardhon government condemned the attack.", "Calenardhon government", "CALGOV", true},
		{"agent after an actor", "Bree Prime Minister Romendacil arrived on Monday.", "Bree Prime Minister", "BREGOV", true},
		{"agent from an actor", "Soldiers from Bree closed the road.", "Soldiers from Bree", "BREMIL", true},
		{"agent after a possessive", "Calenardhon's prime minister arrived on Monday.", "Calenardhon's prime minister", "CALGOV", true},
		{"peers match a name in lower case", "Gondor praised ithilien radio on Monday.", "ithilien radio", "ITHRAD", true},
		{"peers skip a word inside a name", "Gondor praised the Prince of Dol Amroth on Monday.", "Prince of Dol Amroth", "DOL", true},
		{"no comma inside a name", "Gondor praised the Prince, Dol Amroth and Rohan.", "Prince, Dol Amroth", "", true},
		{"agent before a list: the first", "Lawmakers in Calenardhon and Bree met.", "Lawmakers in Calenardhon", "CALLEG", true},
		{"agent before a list: the second", "Lawmakers in Calenardhon and Bree met.", "Bree", "BRELEG", true},
		{"without lists the agent is the first name's only", "Lawmakers in Calenardhon and Bree met.", "Bree", "BRE", true},
		{"at most two words inside a name", "The Prince of the old Dol Amroth came.", "Prince of the old Dol Amroth", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := actor.New(d)
			if tt.peer {
				f = f.PeerCodes()
			}
			if strings.HasPrefix(tt.name, "agent before a list") {
				f = f.AgentLists()
			}
			r := f.Find(tt.text, segment.Text(tt.text), "1995-01-01")
			a, _ := mentionOf(r, tt.mention, 0)
			switch {
			case tt.code == "" && a != nil:
				t.Errorf("%q is a mention (%s), want none:\n%s", tt.mention, a.Code, dump(r))
			case tt.code != "" && (a == nil || a.Code != tt.code):
				t.Errorf("%q: want code %s:\n%s", tt.mention, tt.code, dump(r))
			}
		})
	}
}

func TestPeerCodesEach(t *testing.T) {
	d, err := dict.LoadActors(fstest.MapFS{"peer.txt": {Data: []byte(`organisation The Shire
	code FRO
	code BIL
`)}})
	if err != nil {
		t.Fatal(err)
	}
	text := "The Shire restored ties with Lorien."
	tests := []struct {
		name string
		peer bool
		want []string
	}{
		{"dyad: one actor, the first code", false, []string{"FRO"}},
		{"peers: an actor for each code", true, []string{"BIL", "FRO"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := actor.New(d)
			if tt.peer {
				f = f.PeerCodes()
			}
			r := f.Find(text, segment.Text(text), "1995-01-01")
			var got []string
			for _, a := range r.Actors() {
				got = append(got, a.Code)
			}
			sort.Strings(got)
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("codes %v, want %v:\n%s", got, tt.want, dump(r))
			}
		})
	}
}
