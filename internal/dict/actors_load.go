package dict

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/dyad-project/dyad/data"
)

// Actors is a loaded set of actor dictionaries: the entries and agents that
// survived layering, in load order. It is immutable once loaded.
type Actors struct {
	entries []*ActorEntry
	agents  []*Agent
	files   []string
}

// Entries returns the live entries in load order. An entry's Names are the
// phrases it still owns after later files took some away.
func (d *Actors) Entries() []*ActorEntry { return d.entries }

// Agents returns the live agents in load order; for a phrase defined twice
// the later agent wins.
func (d *Actors) Agents() []*Agent { return d.agents }

// Files returns the names of the files read, in load order.
func (d *Actors) Files() []string { return d.files }

// Counts returns the number of entries, of the names they own and of agents.
func (d *Actors) Counts() (entries, names, agents int) {
	for _, e := range d.entries {
		names += len(e.Names)
	}
	return len(d.entries), names, len(d.agents)
}

// LoadActors reads every *.txt file at the root of each file system, the
// file systems in order and the files of each in name order, and layers
// them: a later file overrides an earlier one (see the format description).
// Every bad line of every file is reported at once, as an ErrorList.
// Pass data.Actors (or call DefaultActors) for the shipped dictionaries and
// os.DirFS(dir) for a user's.
func LoadActors(fsyss ...fs.FS) (*Actors, error) {
	var files []*ActorFile
	var errs ErrorList
	for _, fsys := range fsyss {
		names, err := fs.Glob(fsys, "*.txt")
		if err != nil {
			return nil, fmt.Errorf("dict: list actor dictionaries: %w", err)
		}
		sort.Strings(names)
		for _, name := range names {
			src, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, fmt.Errorf("dict: read actor dictionary: %w", err)
			}
			f, err := ParseActors(name, src)
			if err != nil {
				if l, ok := err.(ErrorList); ok {
					errs = append(errs, l...)
					continue
				}
				return nil, err
			}
			files = append(files, f)
		}
	}
	if len(files) == 0 && len(errs) == 0 {
		return nil, fmt.Errorf("dict: no actor dictionary (*.txt): %w", fs.ErrNotExist)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	d, errs := layerActors(files)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return d, nil
}

// layerActors merges parsed files, later over earlier.
func layerActors(files []*ActorFile) (*Actors, ErrorList) {
	d := &Actors{}
	var errs ErrorList
	byID := map[string]*ActorEntry{} // type and folded name -> live entry
	nameFile := map[string]int{}     // folded phrase -> last file that names it
	agentFile := map[string]int{}    // folded agent phrase -> last file
	var all []*ActorEntry
	for fi, f := range files {
		d.files = append(d.files, f.Name)
		for _, e := range f.Entries {
			id := e.Type + "\x00" + ActorKey(e.Name)
			actorAddPlurals(e)
			for i := range e.Names {
				if i == 0 && e.Extend {
					continue // the name of the entry extended, not a new name
				}
				e.Names[i].layer = fi
				nameFile[ActorKey(e.Names[i].Text)] = fi
			}
			if e.Extend {
				base, ok := byID[id]
				if !ok {
					errs = append(errs, &Error{Pos: e.Pos, Msg: fmt.Sprintf("extend: no %s %q in an earlier file", e.Type, e.Name)})
					continue
				}
				base.Names = append(base.Names, e.Names[1:]...)
				base.Roles = append(base.Roles, e.Roles...)
				if e.Country != "" {
					base.Country = e.Country
				}
				if e.Sector != "" {
					base.Sector = e.Sector
				}
				if e.Gender != "" {
					base.Gender = e.Gender
				}
				continue
			}
			byID[id] = e
			all = append(all, e)
		}
		for _, a := range f.Agents {
			agentFile[ActorKey(a.Phrase)] = fi
			if a.Plural != "" {
				agentFile[ActorKey(a.Plural)] = fi
			}
		}
		for _, r := range f.Removes {
			k := ActorKey(r.Text)
			nameFile[k] = fi
			agentFile[k] = fi
		}
	}
	for _, e := range all {
		if byID[e.Type+"\x00"+ActorKey(e.Name)] != e {
			continue // replaced by a later entry
		}
		live := e.Names[:0:0]
		for _, n := range e.Names {
			if nameFile[ActorKey(n.Text)] == n.layer {
				live = append(live, n)
			}
		}
		e.Names = live
		d.entries = append(d.entries, e)
	}
	for fi, f := range files {
		for _, a := range f.Agents {
			if agentFile[ActorKey(a.Phrase)] != fi {
				continue
			}
			if a.Plural != "" && agentFile[ActorKey(a.Plural)] != fi {
				b := *a
				b.Plural = ""
				a = &b
			}
			d.agents = append(d.agents, a)
		}
	}
	return d, errs
}

// actorAddPlurals adds the plural nouns of a state's adjectives that end in
// "an" or "i" ("Syrians", "Iraqis") as demonyms, unless the entry has them.
func actorAddPlurals(e *ActorEntry) {
	if e.Type != ActorState {
		return
	}
	have := map[string]bool{}
	for _, n := range e.Names {
		have[ActorKey(n.Text)] = true
	}
	for _, n := range e.Names {
		if n.Kind != ActorAdjective || strings.ContainsRune(n.Text, ' ') {
			continue
		}
		k := ActorKey(n.Text)
		if !strings.HasSuffix(k, "an") && !strings.HasSuffix(k, "i") || strings.HasSuffix(k, "man") {
			continue
		}
		if pl := n.Text + "s"; !have[ActorKey(pl)] {
			have[ActorKey(pl)] = true
			e.Names = append(e.Names, ActorName{Text: pl, Kind: ActorDemonym, Pos: n.Pos})
		}
	}
}

var defaultActors struct {
	once sync.Once
	d    *Actors
	err  error
}

// DefaultActors returns the shipped dictionaries (data.Actors), loaded once.
func DefaultActors() (*Actors, error) {
	defaultActors.once.Do(func() {
		defaultActors.d, defaultActors.err = LoadActors(data.Actors)
	})
	return defaultActors.d, defaultActors.err
}
