package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// failures tallies the documents a command could not handle, grouped by
// reason, with the first few places each reason happened at.
type failures struct {
	count  int
	groups map[string]*failureGroup
}

// failureGroup is the failures that share a reason.
type failureGroup struct {
	reason   string
	count    int
	examples []string
}

// add counts err under its reason (see failureReason).
func (f *failures) add(err error) {
	f.count++
	reason, where := failureReason(err)
	if f.groups == nil {
		f.groups = map[string]*failureGroup{}
	}
	g := f.groups[reason]
	if g == nil {
		g = &failureGroup{reason: reason}
		f.groups[reason] = g
	}
	g.count++
	if len(g.examples) < 3 {
		g.examples = append(g.examples, where)
	}
}

// print writes one line per reason, most frequent first, with examples.
func (f *failures) print(w io.Writer) {
	groups := make([]*failureGroup, 0, len(f.groups))
	for _, g := range f.groups {
		groups = append(groups, g)
	}
	sort.Slice(groups, func(i, j int) bool {
		if groups[i].count != groups[j].count {
			return groups[i].count > groups[j].count
		}
		return groups[i].reason < groups[j].reason
	})
	for _, g := range groups {
		ex := strings.Join(g.examples, ", ")
		if g.count > len(g.examples) {
			ex += ", …"
		}
		fmt.Fprintf(w, "  %d %s (%s)\n", g.count, g.reason, ex)
	}
}
