package validate

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// petrarchSentence is a <Sentence> record of the PETRARCH unit-test file.
type petrarchSentence struct {
	ID       string `xml:"id,attr"`
	Date     string `xml:"date,attr"`
	Category string `xml:"category,attr"`
	Sentence string `xml:"sentence,attr"`
	Valid    string `xml:"valid,attr"`
	Codings  []struct {
		Source   string `xml:"sourcecode,attr"`
		Target   string `xml:"targetcode,attr"`
		Event    string `xml:"eventcode,attr"`
		NoEvents string `xml:"noevents,attr"`
		Error    string `xml:"error,attr"`
	} `xml:"EventCoding"`
	Text string `xml:"Text"`
}

// petrarchConfig is a <Config option= value=> element.
type petrarchConfig struct {
	Option string `xml:"option,attr"`
	Value  string `xml:"value,attr"`
}

// petrarchEnv is the <Environment> block.
type petrarchEnv struct {
	Verbfile    string           `xml:"Verbfile"`
	Actorfile   []string         `xml:"Actorfile"`
	Agentfile   string           `xml:"Agentfile"`
	Discardfile string           `xml:"Discardfile"`
	Include     string           `xml:"Include"`
	Configs     []petrarchConfig `xml:"Config"`
}

// ReadPetrarch reads a PETRARCH validation file (PETR.UnitTest.records.xml):
// an <Environment> naming the test dictionaries and the categories to run
// (<Include>, where "valid" keeps only records marked sentence="true"),
// then <Sentence> records, each with its <EventCoding> expectations and
// <Text>, and <Config option value> elements that change an option from
// there on. The <Parse> trees are not read. The dictionaries are looked up
// in the petrarch2 dictionaries folder: ../dictionaries from the file's
// folder, or the file's own folder.
func ReadPetrarch(path string, r io.Reader) (*Suite, error) {
	s := &Suite{Name: SuitePetrarch, Path: path}
	d := xml.NewDecoder(r)
	d.Strict = false
	var env petrarchEnv
	var include map[string]bool
	validOnly := false
	var pending []string
	var errs []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrSuite, path, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		line, _ := d.InputPos()
		switch se.Name.Local {
		case "Environment":
			if err := d.DecodeElement(&env, &se); err != nil {
				return nil, fmt.Errorf("%w: %s:%d: %w", ErrSuite, path, line, err)
			}
			include = map[string]bool{}
			for _, f := range strings.Fields(env.Include) {
				if strings.EqualFold(f, "valid") {
					validOnly = true
				} else {
					include[strings.ToUpper(f)] = true
				}
			}
			for _, c := range env.Configs {
				pending = append(pending, c.Option+"="+c.Value)
			}
		case "Config":
			var c petrarchConfig
			if err := d.DecodeElement(&c, &se); err != nil {
				return nil, fmt.Errorf("%w: %s:%d: %w", ErrSuite, path, line, err)
			}
			if c.Option != "" {
				pending = append(pending, c.Option+"="+c.Value)
			}
		case "Sentence":
			var x petrarchSentence
			if err := d.DecodeElement(&x, &se); err != nil {
				return nil, fmt.Errorf("%w: %s:%d: %w", ErrSuite, path, line, err)
			}
			rec, err := petrarchRecord(x, line)
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s:%d: %s: %v", path, line, x.ID, err))
				continue
			}
			valid := x.Sentence
			if valid == "" {
				valid = x.Valid
			}
			if (validOnly && !strings.EqualFold(valid, "true")) || (include != nil && !include[strings.ToUpper(x.Category)]) {
				s.Skipped++
				continue
			}
			rec.Options, pending = pending, nil
			s.Records = append(s.Records, rec)
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%w:\n%s", ErrSuite, strings.Join(errs, "\n"))
	}
	dir := petrarchDictDir(path)
	for _, f := range append([]string{env.Verbfile, env.Agentfile, env.Discardfile}, env.Actorfile...) {
		if f = strings.TrimSpace(f); f != "" {
			s.Dicts = append(s.Dicts, filepath.Join(dir, f))
		}
	}
	return s, nil
}

// petrarchRecord converts a <Sentence>.
func petrarchRecord(x petrarchSentence, line int) (Record, error) {
	rec := Record{ID: x.ID, Category: strings.ToUpper(x.Category), Line: line,
		Text: strings.Join(strings.Fields(x.Text), " "), Expect: ExpectNone}
	if len(x.Date) == 8 {
		rec.Date = x.Date[:4] + "-" + x.Date[4:6] + "-" + x.Date[6:]
	}
	for _, c := range x.Codings {
		switch {
		case strings.EqualFold(strings.TrimSpace(c.NoEvents), "true"):
			rec.Expect = ExpectNone
		case c.Error != "":
			switch strings.ToLower(c.Error) {
			case "storydiscard", "sentencediscard":
				rec.Expect = ExpectDiscard
			default:
				rec.Expect = ExpectError
			}
		case c.Event != "":
			rec.Expect = ExpectEvents
			rec.Events = append(rec.Events, Triple{Source: petrarchCode(c.Source), Target: petrarchCode(c.Target),
				Code: strings.TrimSpace(c.Event)})
		default:
			return rec, fmt.Errorf("<EventCoding> with neither eventcode, noevents nor error")
		}
	}
	if rec.Text == "" {
		return rec, fmt.Errorf("no <Text>")
	}
	return rec, nil
}

// petrarchCode normalises an expected actor code: blanks trimmed, "" is
// "---", and a quoted noun phrase (an actor not in the dictionary) keeps its
// quotes.
func petrarchCode(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "---"
	}
	return s
}

// petrarchDictDir returns the folder of the suite's dictionaries: the
// petrarch2 layout keeps them in data/dictionaries beside data/text.
func petrarchDictDir(path string) string {
	dir := filepath.Dir(path)
	if filepath.Base(dir) == "text" {
		return filepath.Join(filepath.Dir(dir), "dictionaries")
	}
	return dir
}
