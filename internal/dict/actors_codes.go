package dict

import "strings"

// actorISO3 lists the ISO 3166-1 alpha-3 codes, plus the former codes of
// states that no longer exist (ISO 3166-3: SUN, DDR, YUG, CSK, SCG, ANT) and
// XKX for Kosovo, which CAMEO dictionaries still use for historical actors.
var actorISO3 = actorSet(`ABW AFG AGO AIA ALA ALB AND ANT ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL
BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV
CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST
ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG
HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR
KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE
MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN
PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SCG SDN SEN SGP SGS SHN SJM SLB SLE
SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN
TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM XKX YEM ZAF ZMB ZWE
SUN DDR YUG CSK`)

// actorCAMEOCountry maps the CAMEO country codes that are not ISO 3166
// alpha-3 to the ISO code of the same state.
var actorCAMEOCountry = map[string]string{
	"TMP": "TLS", // East Timor
	"KSV": "XKX", // Kosovo
	"ROM": "ROU", // Romania
	"ZAR": "COD", // Zaire
	"USR": "SUN", // Soviet Union
	"FRY": "YUG", // Federal Republic of Yugoslavia
	"ANG": "AGO", // Angola
	"FRN": "FRA", // French territories
	"SRP": "BIH", // Republika Srpska
	"KRJ": "HRV", // Serbian Krajina
}

// actorTypeSector maps the CAMEO codes for kinds of international actor to
// the sector of an actor coded with them.
var actorTypeSector = map[string]string{
	"IGO": "IGO", // intergovernmental organisation
	"NGO": "NGO", // non-governmental organisation
	"NGM": "NGO", // non-governmental movement
	"IMG": "REB", // international militarised group
	"MNC": "BUS", // multinational corporation
	"UIS": "UIS", // unidentified state actor
}

func actorSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(s) {
		m[f] = true
	}
	return m
}

// ActorCountry returns the ISO 3166 alpha-3 code of a CAMEO country code, or
// "" when the code is not a state (a region such as MEA, an organisation
// type such as IGO).
func ActorCountry(cameo string) string {
	if actorISO3[cameo] {
		return cameo
	}
	return actorCAMEOCountry[cameo]
}

// ActorCodeParts splits a CAMEO actor code into the country the actor acts
// for (ISO 3166 alpha-3, or "") and its sector: "USAGOVLEG" is USA, GOV;
// "IGOUNO" is "", IGO; "SYR" is SYR, "". A code that starts with a region
// (AFRREB) has no country; its sector is the part after the region.
func ActorCodeParts(code string) (country, sector string) {
	if len(code) < 3 {
		return "", ""
	}
	head := code[:3]
	rest := ""
	if len(code) >= 6 {
		rest = code[3:6]
	}
	if c := ActorCountry(head); c != "" {
		return c, rest
	}
	if s, ok := actorTypeSector[head]; ok {
		return "", s
	}
	if rest != "" {
		return "", rest
	}
	if actorRegions[head] {
		return "", ""
	}
	// A code that is only a sector, such as ELI or MED.
	return "", head
}

// actorRegions are the CAMEO codes for regions and for "international".
var actorRegions = actorSet(`AFR ASA BLK CAS CAU CFR CRB EAF EEU EIN EUR LAM MEA MDT NAF NMR PGS SAF SAM
SAS SCN SEA WAF WEU WST INT KKL`)

// validActorCode reports whether s looks like a CAMEO actor code: three to
// eighteen capital letters, in groups of three (the last may be shorter:
// the test dictionaries' "ITHTV"); a digit may stand after a group's first
// letter ("G77").
func validActorCode(s string) bool {
	if len(s) < 3 || len(s) > 18 {
		return false
	}
	for i := 0; i < len(s); i++ {
		letter := s[i] >= 'A' && s[i] <= 'Z'
		digit := s[i] >= '0' && s[i] <= '9'
		if !letter && !(digit && i%3 != 0) {
			// Each group of three starts with a letter; the test
			// dictionaries' "G77" and "AR1" have digits after it, and
			// their "ITHTV" a last group of two.
			return false
		}
	}
	return true
}
