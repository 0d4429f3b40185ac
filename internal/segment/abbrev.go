package segment

import "strings"

// abbrevKind says how an abbreviation that ends in a full stop behaves at a
// possible sentence end.
type abbrevKind uint8

const (
	notAbbrev abbrevKind = iota
	// abbrevTitle precedes a name or an example and never ends a sentence:
	// "Mr.", "Gen.", "Sen.", "vs.", "e.g.".
	abbrevTitle
	// abbrevNumber is an abbreviation only before a number: "No. 10",
	// "Art. 5"; "No." elsewhere is the word no and a full stop.
	abbrevNumber
	// abbrevMonth ends a sentence only before a word that starts one: "Dec.
	// 18" never, "in Dec. The" does.
	abbrevMonth
	// abbrevOther may end a sentence, when the next word is a common
	// sentence starter: "Inc.", "etc.", "U.S.", "a.m.", "Calif.".
	abbrevOther
)

// abbrevs lists abbreviations as written, without their full stop. Each is
// also looked up in capitals, and lower-case entries also with a capital
// first letter.
var abbrevs = map[string]abbrevKind{}

func init() {
	add := func(k abbrevKind, words string) {
		for _, w := range strings.Fields(words) {
			abbrevs[w] = k
			abbrevs[strings.ToUpper(w)] = k
			if w == strings.ToLower(w) {
				abbrevs[strings.ToUpper(w[:1])+w[1:]] = k
			}
		}
	}
	add(abbrevTitle, `Mr Mrs Ms Messrs Mmes Dr Drs Prof Profs Gen Lt Col Maj Capt Cpt Sgt Cpl Pvt Pte
		Adm Cmdr Cdr Brig Cmdt Gov Sen Rep Reps Sens Rev Hon Pres Supt Insp Det Const Sec Amb
		Atty Fr Sr Sra Srta Mme Mlle Msgr Rt Gens Lieut Ald Spc Sfc Ens Esq Pfc
		vs v cf viz al Fig Figs Mt Ft Pt`)
	add(abbrevNumber, `No Nos Art Arts Vol Vols Ch Sec Para Ref Nr pp p Tel Rm`)
	add(abbrevMonth, `Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat`)
	add(abbrevOther, `etc Inc Corp Co Cos Ltd Plc Bros Jr Sr Assn Dept Univ Govt Mfg Intl Natl
		approx est St Ave Blvd Rd Sq Hwy Pl
		Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo
		Mont Neb Nebr Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo
		mln bln bn min max ca yr yrs hrs mins sq`)
	// A few that must keep their own case.
	for _, w := range []string{"ca", "min", "max", "est", "approx"} {
		delete(abbrevs, strings.ToUpper(w))
	}
	// "Sec." is a title before a name ("Sec. Kerry") far more often than a
	// section number in news.
	abbrevs["Sec"] = abbrevTitle
	// "Sr." after a name ("George Bush Sr. said") is not a title.
	abbrevs["Sr"] = abbrevOther
	abbrevs["SR"] = abbrevOther
}

// acronymTitles are dotted acronyms that never end a sentence.
var acronymTitles = map[string]bool{"e.g.": true, "i.e.": true, "E.g.": true, "I.e.": true, "E.G.": true, "I.E.": true}

// starters are capitalised words that commonly open a sentence. After an
// abbreviation that can also end one ("U.S.", "Inc.", "a.m.") a sentence
// break is made only before one of them, because a capitalised name
// ("U.S. Secretary", "Apple Inc. Chief") is far more common there.
var starters = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`The A An He She It They We You His Her Its Their Our My Your
		This That These Those There Here But And Or So Yet However Meanwhile Also Instead Indeed
		In On At For From With After Before During When While As If Since Although Though Despite
		Earlier Later Now Then Still Some Many Most Several Both Each Every Other Another One Two Three
		No Not Nor What Who Whom Whose Why How Where Which Such Under By Last Next Today Yesterday
		Tomorrow Asked Among Until Because Moreover Furthermore Nevertheless Nonetheless Separately
		Further Elsewhere Following Amid Speaking According Without Within Over Only Even Just
		Thus Hence Once Unlike Like Already All None Neither Either Any Few Much More Less Those
		Authorities Officials Police Analysts Critics Experts Witnesses Residents`) {
		starters[w] = true
	}
}
