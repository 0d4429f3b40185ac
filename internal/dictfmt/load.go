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

// source is one file to convert.
type source struct {
	path string
	read reader
	verb bool
}

// Load reads the user's dictionaries of a format ("petrarch" or "tabari")
// from dir and loads them as dyad dictionaries. PETRARCH files are found by
// name: *actors*.txt, *agents*.txt, and *verbs*.txt or CAMEO*.txt. TABARI
// files are those a *.project file names, or else found by extension:
// *.actors, *.agents, *.verbs. actors or verbs is nil when dir has none.
// Every bad line of every file is reported at once, as an ErrorList.
func Load(format, dir string) (actors *dict.Actors, verbs *dict.Verbs, err error) {
	srcs, err := findSources(format, dir)
	if err != nil {
		return nil, nil, err
	}
	actorFS, verbFS := fstest.MapFS{}, fstest.MapFS{}
	var errs ErrorList
	for i, s := range srcs {
		f, err := os.Open(s.path)
		if err != nil {
			return nil, nil, fmt.Errorf("dictfmt: %w", err)
		}
		out, err := s.read(s.path, f)
		f.Close()
		var list ErrorList
		if errors.As(err, &list) {
			errs = append(errs, list...)
		} else if err != nil {
			return nil, nil, err
		}
		name := fmt.Sprintf("%03d-%s.txt", i, strings.ReplaceAll(filepath.Base(s.path), ".", "-"))
		if s.verb {
			verbFS[name] = &fstest.MapFile{Data: out}
		} else {
			actorFS[name] = &fstest.MapFile{Data: out}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, nil, err
	}
	if len(actorFS) > 0 {
		if actors, err = dict.LoadActors(actorFS); err != nil {
			return nil, nil, fmt.Errorf("dictfmt: %s: %w", dir, err)
		}
	}
	if len(verbFS) > 0 {
		if verbs, err = dict.LoadVerbs(verbFS, "."); err != nil {
			return nil, nil, fmt.Errorf("dictfmt: %s: %w", dir, err)
		}
	}
	return actors, verbs, nil
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
				agents = append(agents, source{p, ReadPetrarchAgents, false})
			case strings.Contains(l, "actors"):
				actors = append(actors, source{p, ReadPetrarchActors, false})
			case strings.Contains(l, "verbs") || strings.HasPrefix(l, "cameo"):
				verbs = append(verbs, source{p, ReadPetrarchVerbs, true})
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
				actors = append(actors, source{p, ReadTabariActors, false})
			case ".agents":
				agents = append(agents, source{p, ReadTabariAgents, false})
			case ".verbs":
				verbs = append(verbs, source{p, ReadTabariVerbs, true})
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
		out = append(out, source{filepath.Join(dir, a), ReadTabariActors, false})
	}
	if p.Agents != "" {
		out = append(out, source{filepath.Join(dir, p.Agents), ReadTabariAgents, false})
	}
	if p.Verbs != "" {
		out = append(out, source{filepath.Join(dir, p.Verbs), ReadTabariVerbs, true})
	}
	for _, s := range out {
		if _, err := os.Stat(s.path); err != nil {
			return nil, fmt.Errorf("dictfmt: %s names a missing file: %w", project, err)
		}
	}
	return out, nil
}
