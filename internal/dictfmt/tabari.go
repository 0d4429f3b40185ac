package dictfmt

import (
	"io"
	"regexp"
	"strings"
)

// Options are the settings of a TABARI .options file. Each list keeps the
// file's order.
type Options struct {
	// Set holds "SET: NAME = VALUE" lines (NAME upper case, blanks
	// collapsed); a bare "SET: CODE ALL" has the value "TRUE".
	Set map[string]string
	// Labels holds "LABEL: CODE=TEXT" lines.
	Labels map[string]string
	// Other holds the remaining "KEY: VALUE" lines (COMPLEX, OUTPUT,
	// FORWARD, ...), by upper-case key.
	Other map[string][]string
}

// ReadTabariOptions reads a TABARI .options file: "KEY: VALUE" lines, with
// "//" and ";" comments.
func ReadTabariOptions(name string, r io.Reader) (*Options, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	w := &writer{file: name}
	o := &Options{Set: map[string]string{}, Labels: map[string]string{}, Other: map[string][]string{}}
	for i, raw := range lines {
		n := i + 1
		t := strings.TrimSpace(raw)
		if j := strings.Index(t, "//"); j >= 0 {
			t = strings.TrimSpace(t[:j])
		}
		t = strings.TrimSpace(cutComment(t, ";"))
		if t == "" || strings.HasPrefix(t, "~~") {
			continue // blank lines and TABARI's ~~~~ end marker
		}
		key, val, ok := strings.Cut(t, ":")
		key = strings.ToUpper(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		if !ok || key == "" || strings.ContainsAny(key, " \t=") {
			w.errorf(n, "want KEY: VALUE, not %q", t)
			continue
		}
		switch key {
		case "SET":
			k, v, has := strings.Cut(val, "=")
			k = strings.ToUpper(strings.Join(strings.Fields(k), " "))
			v = strings.TrimSpace(v)
			if !has {
				v = "TRUE"
			}
			if k == "" {
				w.errorf(n, "SET: without a setting")
				continue
			}
			o.Set[k] = v
		case "LABEL":
			k, v, has := strings.Cut(val, "=")
			if !has || strings.TrimSpace(k) == "" {
				w.errorf(n, "want LABEL: CODE=TEXT")
				continue
			}
			o.Labels[strings.TrimSpace(k)] = strings.TrimSpace(v)
		default:
			o.Other[key] = append(o.Other[key], val)
		}
	}
	return o, w.errs.Err()
}

// Project is a TABARI .project file: the files of a coding project.
type Project struct {
	// Title is the first line.
	Title string
	// Actors, Verbs, Agents and Options name the dictionary files;
	// TABARI allows several actor files.
	Actors  []string
	Verbs   string
	Agents  string
	Options string
	// Files holds every "<key> value" line, by key (actorsfile,
	// textfile, coder, ...).
	Files map[string][]string
	// Sessions are the "<session N>" log lines, as written.
	Sessions []string
}

var projectRE = regexp.MustCompile(`^<([A-Za-z]+)>\s*(.*)$`)

// ReadTabariProject reads a TABARI .project file: a title line, then
// "<key> value" lines that name the files, then the session log.
func ReadTabariProject(name string, r io.Reader) (*Project, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	w := &writer{file: name}
	p := &Project{Files: map[string][]string{}}
	for i, raw := range lines {
		n := i + 1
		t := strings.TrimSpace(raw)
		if i == 0 {
			p.Title = t
			continue
		}
		if t == "" {
			continue
		}
		if strings.HasPrefix(t, "<session") {
			p.Sessions = append(p.Sessions, t)
			continue
		}
		m := projectRE.FindStringSubmatch(t)
		if m == nil {
			w.errorf(n, "want <key> value, not %q", t)
			continue
		}
		key, val := strings.ToLower(m[1]), strings.TrimSpace(m[2])
		p.Files[key] = append(p.Files[key], val)
		switch key {
		case "actorsfile":
			p.Actors = append(p.Actors, val)
		case "verbsfile":
			p.Verbs = val
		case "agentsfile":
			p.Agents = val
		case "optionsfile":
			p.Options = val
		}
	}
	if p.Verbs == "" && len(p.Actors) == 0 {
		w.errorf(1, "the project names no <actorsfile> and no <verbsfile>")
	}
	return p, w.errs.Err()
}
