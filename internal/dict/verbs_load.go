package dict

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
)

// LoadVerbs reads every *.txt file in the directory dir of fsys, in name
// order, as one verb dictionary: a set defined in one file can be used in
// another, and a later file can add verbs and patterns to a block opened in
// an earlier one. Every bad line of every file is reported at once, as a
// ErrorList.
func LoadVerbs(fsys fs.FS, dir string) (*Verbs, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("dict: list verb files in %s: %w", dir, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("dict: no verb dictionary (*.txt) in %s: %w", dir, fs.ErrNotExist)
	}
	sort.Strings(names)
	v := newVerbs()
	var errs ErrorList
	for _, name := range names {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("dict: read verb dictionary: %w", err)
		}
		errs = append(errs, v.parse(name, src)...)
	}
	errs = append(errs, v.index()...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return v, nil
}
