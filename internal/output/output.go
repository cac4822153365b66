// Package output holds a built site as data, Output, and writes it to disk.
//
// Output is what site.Build returns and what both `samizdat build` (through
// WriteDir) and the dev server (from memory) publish, so the two can never
// drift apart: the dev server adds its reload script at the HTTP layer only.
package output

import (
	"sort"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// Output is one complete build of a site.
type Output struct {
	// Files maps a slash path relative to the output root ("a/b/index.html",
	// "style.css") to the file's bytes. Paths are clean, never start with "/"
	// and never contain "..".
	Files map[string][]byte
	// Problems found while building. A build with problems still carries
	// every file it could make, but callers must not publish it.
	Problems []problem.Problem
}

// OK reports whether the build found no problems.
func (o *Output) OK() bool { return len(o.Problems) == 0 }

// Paths returns the file paths in sorted order.
func (o *Output) Paths() []string {
	ps := make([]string, 0, len(o.Files))
	for p := range o.Files {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps
}
