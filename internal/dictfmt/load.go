package dictfmt

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing/fstest"

	"github.com/dyad-project/dyad/internal/dict"
)

// The formats Load reads, as given to --dict-format.
const (
	FormatPetrarch = "petrarch"
	FormatTabari   = "tabari"
)

// ErrNoDictionary is returned by Load when dir holds no dictionary file of
// the format.
var ErrNoDictionary = errors.New("dictfmt: no dictionary files")

type reader func(name string, r io.Reader) ([]byte, error)

// kind is what a dictionary file holds.
type kind uint8

const (
	kindActors kind = iota
	kindVerbs
	kindDiscards
	kindOptions
	kindNominals
)

// source is one file to convert.
type source struct {
	path string
	read reader
	kind kind
}

// Set is a dictionary set read from PETRARCH or TABARI files. A field is
// nil when no file of its kind was read.
type Set struct {
	Actors   *dict.Actors
	Verbs    *dict.Verbs
	Discards *Discards
	// Options are the settings of a TABARI .options file.
	Options *Options
	// Nominals are the words of the <NOUN> and <ADJECTIVE> sections of
	// TABARI actor files (see ReadTabariNominals).
	Nominals []string
}

// Load reads the user's dictionaries of a format ("petrarch" or "tabari")
// from dir and loads them as dyad dictionaries. PETRARCH files are found by
// name: *actors*.txt, *agents*.txt, and *verbs*.txt or CAMEO*.txt. TABARI
// files are those a *.project file names, or else found by extension:
// *.actors, *.agents, *.verbs. actors or verbs is nil when dir has none.
// Every bad line of every file is reported at once, as an ErrorList, and
// then nothing is returned.
func Load(format, dir string) (actors *dict.Actors, verbs *dict.Verbs, err error) {
	srcs, err := findSources(format, dir)
	if err != nil {
		return nil, nil, err
	}
	set, err := loadSources(dir, srcs)
	if err != nil {
		return nil, nil, err
	}
	return set.Actors, set.Verbs, nil
}

// LoadFiles reads the named dictionary files of a format. A PETRARCH file is
// known by its name (*agents*, *actors*, *discards*, else verbs); a TABARI
// file by its extension (.actors, .agents, .verbs, .options, or .project,
// which brings in the files it names). Unlike Load, LoadFiles skips bad
// lines: it returns the set built from every good line together with an
// ErrorList of the bad ones, so that a caller may report them and go on. An
// error of another kind (a missing file) comes with a nil set.
func LoadFiles(format string, paths ...string) (*Set, error) {
	var srcs []source
	for _, p := range paths {
		ss, err := fileSources(format, p)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, ss...)
	}
	if len(srcs) == 0 {
		return nil, fmt.Errorf("%w of format %s", ErrNoDictionary, format)
	}
	return loadLenient(srcs)
}

// fileSources says how to read one named file.
func fileSources(format, p string) ([]source, error) {
	l := strings.ToLower(filepath.Base(p))
	switch format {
	case FormatPetrarch:
		switch {
		case strings.Contains(l, "agents"):
			return []source{{p, ReadPetrarchAgents, kindActors}}, nil
		case strings.Contains(l, "actors"):
			return []source{{p, ReadPetrarchActors, kindActors}}, nil
		case strings.Contains(l, "discards"):
			return []source{{p, nil, kindDiscards}}, nil
		}
		return []source{{p, ReadPetrarchVerbs, kindVerbs}}, nil
	case FormatTabari:
		switch filepath.Ext(l) {
		case ".project":
			return projectSources(filepath.Dir(p), p)
		case ".actors":
			return []source{{p, ReadTabariActors, kindActors}, {p, nil, kindDiscards}, {p, nil, kindNominals}}, nil
		case ".agents":
			return []source{{p, ReadTabariAgents, kindActors}}, nil
		case ".verbs":
			return []source{{p, ReadTabariVerbs, kindVerbs}, {p, nil, kindDiscards}}, nil
		case ".options":
			return []source{{p, nil, kindOptions}}, nil
		}
		return nil, fmt.Errorf("dictfmt: %s: not a TABARI dictionary (want .actors, .agents, .verbs, .options or .project)", p)
	}
	return nil, fmt.Errorf("dictfmt: unknown dictionary format %q (want petrarch or tabari)", format)
}

// converted is what convertSources read: the dyad-format text of the actor
// and verb files (by file system name), the discards and options, and every
// bad line.
type converted struct {
	actorFS, verbFS fstest.MapFS
	discards        *Discards
	options         *Options
	nominals        []string
	errs            ErrorList
	srcOf           map[string]string // file system name -> source path
}

// convertSources reads every source.
func convertSources(srcs []source) (*converted, error) {
	c := &converted{actorFS: fstest.MapFS{}, verbFS: fstest.MapFS{}, srcOf: map[string]string{}}
	for i, s := range srcs {
		f, err := os.Open(s.path)
		if err != nil {
			return nil, fmt.Errorf("dictfmt: %w", err)
		}
		var out []byte
		switch {
		case s.kind == kindDiscards:
			var d *Discards
			switch strings.ToLower(filepath.Ext(s.path)) {
			case ".verbs":
				d, err = ReadTabariDiscards(s.path, f)
			case ".actors":
				d, err = ReadTabariActorDiscards(s.path, f)
			default:
				d, err = ReadPetrarchDiscards(s.path, f)
			}
			if c.discards == nil {
				c.discards = &Discards{}
			}
			if d != nil {
				c.discards.list = append(c.discards.list, d.list...)
			}
		case s.kind == kindNominals:
			var ws []string
			ws, err = ReadTabariNominals(f)
			c.nominals = append(c.nominals, ws...)
		case s.kind == kindOptions:
			var o *Options
			o, err = ReadTabariOptions(s.path, f)
			if o != nil {
				c.options = o
			}
		default:
			out, err = s.read(s.path, f)
		}
		f.Close()
		var list ErrorList
		if errors.As(err, &list) {
			c.errs = append(c.errs, list...)
		} else if err != nil {
			return nil, err
		}
		if s.kind != kindActors && s.kind != kindVerbs {
			continue
		}
		name := fmt.Sprintf("%03d-%s.txt", i, strings.ReplaceAll(filepath.Base(s.path), ".", "-"))
		c.srcOf[name] = s.path
		if s.kind == kindVerbs {
			c.verbFS[name] = &fstest.MapFile{Data: out}
		} else {
			c.actorFS[name] = &fstest.MapFile{Data: out}
		}
	}
	return c, nil
}

// reported reports whether the readers already reported msg for file (at
// its source line).
func reported(errs ErrorList, file, msg string) bool {
	for _, e := range errs {
		if e.File == file && e.Msg == msg {
			return true
		}
	}
	return false
}

// loadSources converts and loads the sources, failing on any bad line.
func loadSources(dir string, srcs []source) (*Set, error) {
	c, err := convertSources(srcs)
	if err != nil {
		return nil, err
	}
	if err := c.errs.Err(); err != nil {
		return nil, err
	}
	set := &Set{Discards: c.discards, Options: c.options, Nominals: c.nominals}
	if len(c.actorFS) > 0 {
		if set.Actors, err = dict.LoadActors(c.actorFS); err != nil {
			return nil, fmt.Errorf("dictfmt: %s: %w", dir, err)
		}
	}
	if len(c.verbFS) > 0 {
		if set.Verbs, err = dict.LoadVerbs(c.verbFS, "."); err != nil {
			return nil, fmt.Errorf("dictfmt: %s: %w", dir, err)
		}
	}
	return set, nil
}

// loadLenient converts and loads the sources, dropping every line that the
// readers or package dict reject.
func loadLenient(srcs []source) (*Set, error) {
	c, err := convertSources(srcs)
	if err != nil {
		return nil, err
	}
	set := &Set{Discards: c.discards, Options: c.options, Nominals: c.nominals}
	errs := c.errs
	if len(c.actorFS) > 0 {
		err := retryDropping(c.actorFS, c.srcOf, &errs, func() error {
			a, err := dict.LoadActors(c.actorFS)
			set.Actors = a
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	if len(c.verbFS) > 0 {
		err := retryDropping(c.verbFS, c.srcOf, &errs, func() error {
			v, err := dict.LoadVerbs(c.verbFS, ".")
			set.Verbs = v
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	if err := errs.Err(); err != nil {
		return set, err
	}
	return set, nil
}

// retryDropping calls load until it succeeds, each time blanking the
// converted lines that package dict reported (a dropped entry header makes
// its attributes orphans, reported in the next round). Errors of the first
// round not already reported by the readers are added to errs.
func retryDropping(fsys fstest.MapFS, srcOf map[string]string, errs *ErrorList, load func() error) error {
	const rounds = 20
	for round := 0; ; round++ {
		err := load()
		if err == nil {
			return nil
		}
		var list dict.ErrorList
		if !errors.As(err, &list) || round == rounds {
			return fmt.Errorf("dictfmt: %w", err)
		}
		for _, e := range list {
			f := fsys[e.Pos.File]
			if f == nil {
				return fmt.Errorf("dictfmt: %w", err)
			}
			lines := strings.Split(string(f.Data), "\n")
			if e.Pos.Line >= 1 && e.Pos.Line <= len(lines) {
				lines[e.Pos.Line-1] = ""
			}
			f.Data = []byte(strings.Join(lines, "\n"))
			if round == 0 && !reported(*errs, srcOf[e.Pos.File], e.Msg) {
				*errs = append(*errs, &Error{File: srcOf[e.Pos.File], Msg: "converted line " +
					fmt.Sprint(e.Pos.Line) + ": " + e.Msg})
			}
		}
	}
}

// findSources lists the files of dir to read, actors before agents.
func findSources(format, dir string) ([]source, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("dictfmt: %w", err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var actors, agents, verbs []source
	switch format {
	case FormatPetrarch:
		for _, n := range names {
			l, p := strings.ToLower(n), filepath.Join(dir, n)
			if !strings.HasSuffix(l, ".txt") {
				continue
			}
			switch {
			case strings.Contains(l, "agents"):
				agents = append(agents, source{p, ReadPetrarchAgents, kindActors})
			case strings.Contains(l, "actors"):
				actors = append(actors, source{p, ReadPetrarchActors, kindActors})
			case strings.Contains(l, "verbs") || strings.HasPrefix(l, "cameo"):
				verbs = append(verbs, source{p, ReadPetrarchVerbs, kindVerbs})
			}
		}
	case FormatTabari:
		var project string
		for _, n := range names {
			if strings.HasSuffix(strings.ToLower(n), ".project") {
				project = filepath.Join(dir, n)
				break
			}
		}
		if project != "" {
			return projectSources(dir, project)
		}
		for _, n := range names {
			p := filepath.Join(dir, n)
			switch strings.ToLower(filepath.Ext(n)) {
			case ".actors":
				actors = append(actors, source{p, ReadTabariActors, kindActors})
			case ".agents":
				agents = append(agents, source{p, ReadTabariAgents, kindActors})
			case ".verbs":
				verbs = append(verbs, source{p, ReadTabariVerbs, kindVerbs})
			}
		}
	default:
		return nil, fmt.Errorf("dictfmt: unknown dictionary format %q (want petrarch or tabari)", format)
	}
	out := append(append(actors, agents...), verbs...)
	if len(out) == 0 {
		return nil, fmt.Errorf("%w of format %s in %s", ErrNoDictionary, format, dir)
	}
	return out, nil
}

// projectSources lists the dictionary files a TABARI project names.
func projectSources(dir, project string) ([]source, error) {
	f, err := os.Open(project)
	if err != nil {
		return nil, fmt.Errorf("dictfmt: %w", err)
	}
	defer f.Close()
	p, err := ReadTabariProject(project, f)
	if err != nil {
		return nil, err
	}
	var out []source
	for _, a := range p.Actors {
		out = append(out, source{filepath.Join(dir, a), ReadTabariActors, kindActors}, source{filepath.Join(dir, a), nil, kindDiscards},
			source{filepath.Join(dir, a), nil, kindNominals})
	}
	if p.Agents != "" {
		out = append(out, source{filepath.Join(dir, p.Agents), ReadTabariAgents, kindActors})
	}
	if p.Verbs != "" {
		out = append(out, source{filepath.Join(dir, p.Verbs), ReadTabariVerbs, kindVerbs}, source{filepath.Join(dir, p.Verbs), nil, kindDiscards})
	}
	if p.Options != "" {
		out = append(out, source{filepath.Join(dir, p.Options), nil, kindOptions})
	}
	for _, s := range out {
		if _, err := os.Stat(s.path); err != nil {
			return nil, fmt.Errorf("dictfmt: %s names a missing file: %w", project, err)
		}
	}
	return out, nil
}
