package validate

import (
	"strconv"
	"strings"

	"github.com/dyad-project/dyad/internal/event"
)

// tabariMinWords is TABARI's default MINIMUM WORDS: shorter sentences
// (headlines, fragments) are not coded.
const tabariMinWords = 8

// applyOption applies one option change of a record (Record.Options) to
// the coder configuration. The options that dyad implements are TABARI's
// "SET: CODE BY CLAUSE", "SET: CODE BY SENTENCE", "SET: CODE ALL" and "SET:
// MINIMUM WORDS = N" and "DEFAULT: SOURCE [X] PRIOR TARGET [Y] AFTER" (or
// "DEFAULT: OFF"); the others (output formats, time shifts, PETRARCH's
// comma and new-actor settings) leave it unchanged, and the records that
// test them may fail.
func applyOption(c *event.Config, opt string) {
	if k, v, ok := strings.Cut(opt, "="); ok && !strings.Contains(k, ":") {
		petrarchOption(c, strings.TrimSpace(k), strings.TrimSpace(v))
		return
	}
	o := strings.ToUpper(strings.Join(strings.Fields(strings.TrimSuffix(strings.TrimSpace(opt), "*/")), " "))
	if def, ok := strings.CutPrefix(o, "DEFAULT:"); ok {
		c.Defaults = parseDefaults(def)
		return
	}
	if cm, ok := strings.CutPrefix(o, "COMMA:"); ok {
		c.Commas = parseCommas(c.Commas, cm)
		return
	}
	if cx, ok := strings.CutPrefix(o, "COMPLEX:"); ok {
		c.Complex = parseComplex(cx)
		return
	}
	set, ok := strings.CutPrefix(o, "SET: ")
	if !ok {
		return
	}
	switch {
	case set == "CODE BY CLAUSE":
		c.CodeBy = event.CodeByClause
	case set == "CODE BY SENTENCE":
		c.CodeBy = event.CodeBySentence
	case set == "CODE ALL":
		c.CodeBy = event.CodeAll
	case strings.HasPrefix(set, "MINIMUM WORDS"):
		_, v, _ := strings.Cut(set, "=")
		if n, err := strconv.Atoi(strings.Fields(v + " x")[0]); err == nil && n >= 0 {
			c.MinWords = n
		}
	}
}

// parseDefaults parses the value of TABARI's "DEFAULT:" option: "SOURCE
// [CODE] PRIOR TARGET [CODE] AFTER", any part left out, or "OFF".
func parseDefaults(v string) event.Defaults {
	var d event.Defaults
	f := strings.Fields(strings.NewReplacer("[", " [", "]", "] ").Replace(v))
	for i := 0; i < len(f); i++ {
		code := ""
		if i+1 < len(f) && strings.HasPrefix(f[i+1], "[") && strings.HasSuffix(f[i+1], "]") {
			code = strings.Trim(f[i+1], "[]")
		}
		switch f[i] {
		case "OFF":
			return event.Defaults{}
		case "SOURCE":
			d.Source = code
		case "TARGET":
			d.Target = code
		case "PRIOR":
			d.Prior = true
		case "AFTER":
			d.After = true
		}
	}
	return d
}

// parseComplex parses the value of TABARI's "COMPLEX:" option: "VERBS[n]
// CONJ[n] NOACTPRIOR", any part left out; other parts (EXPLAIN, ACTORS[n])
// are ignored.
func parseComplex(v string) event.Complexity {
	var cx event.Complexity
	for _, f := range strings.Fields(strings.ReplaceAll(v, " [", "[")) {
		name, num, _ := strings.Cut(strings.TrimSuffix(f, "]"), "[")
		n, _ := strconv.Atoi(num)
		switch name {
		case "VERBS":
			cx.Verbs = n
		case "CONJ":
			cx.Conj = n
		case "NOACTPRIOR":
			cx.NoActorPrior = true
		}
	}
	return cx
}

// tabariCommas and petrarchCommas are the peers' default comma-delimited
// clause lengths (TABARI's built-in ones, PETRARCH's PETR_config.ini).
var (
	tabariCommas   = event.Commas{Min: 2, Max: 10, EMin: 2, EMax: 10}
	petrarchCommas = event.Commas{Min: 2, Max: 8, EMin: 2, EMax: 8}
)

// parseCommas parses the value of TABARI's "COMMA:" option, "MIN = n MAX =
// n EMIN = n EMAX = n BMIN = n BMAX = n" (any part left out keeps its
// value) or "OFF", into c.
func parseCommas(c event.Commas, v string) event.Commas {
	f := strings.Fields(strings.ReplaceAll(v, "=", " = "))
	for i := 0; i < len(f); i++ {
		if f[i] == "OFF" {
			return event.Commas{}
		}
		if i+2 >= len(f) || f[i+1] != "=" {
			continue
		}
		n, err := strconv.Atoi(f[i+2])
		if err != nil {
			continue
		}
		setComma(&c, f[i], n)
		i += 2
	}
	return c
}

// setComma sets the comma length called name (MIN, MAX, BMIN, BMAX, EMIN,
// EMAX, any case).
func setComma(c *event.Commas, name string, n int) {
	switch strings.ToUpper(name) {
	case "MIN":
		c.Min = n
	case "MAX":
		c.Max = n
	case "BMIN":
		c.BMin = n
	case "BMAX":
		c.BMax = n
	case "EMIN":
		c.EMin = n
	case "EMAX":
		c.EMax = n
	}
}

// petrarchOption applies one PETRARCH <Config option="k" value="v">:
// require_dyad, new_actor_length and comma_min, comma_max, comma_bmin,
// comma_bmax, comma_emin, comma_emax; the others (stop_on_error) leave c
// unchanged.
func petrarchOption(c *event.Config, k, v string) {
	k = strings.ToLower(k)
	switch {
	case k == "require_dyad":
		c.NoTarget = strings.EqualFold(v, "false")
	case k == "new_actor_length":
		if n, err := strconv.Atoi(v); err == nil && n >= 0 {
			c.NewActorLength = n
		}
	case strings.HasPrefix(k, "comma_"):
		if n, err := strconv.Atoi(v); err == nil {
			setComma(&c.Commas, strings.TrimPrefix(k, "comma_"), n)
		}
	}
}
