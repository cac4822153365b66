// Package problem is the one shape every build mistake takes: where it is
// (file, line, column), what is wrong and what a campaigner can do about it.
//
// Problems are data, not control flow: each stage of the build appends to a
// List and carries on, so one run reports every mistake instead of the first.
package problem

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Problem is one mistake found in a site's sources or output.
type Problem struct {
	File    string // slash path relative to the site root ("content/a.md"); "" for the site as a whole
	Line    int    // 1-based; 0 when unknown
	Col     int    // 1-based; 0 when unknown
	Message string // what is wrong, lower-case, no trailing period
	Hint    string // what to do about it, in plain words; may be ""
}

// Position returns "file:line:col", leaving out the parts that are unknown.
func (p Problem) Position() string {
	switch {
	case p.File == "":
		return "site"
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// String formats the problem as the terminal shows it: position and
// message on one line, the hint indented below.
func (p Problem) String() string { return p.format("") }

// Warning formats the problem as a warning: "file:line: warning: message",
// the hint indented below, for what is worth telling but does not stop a
// build.
func (p Problem) Warning() string { return p.format("warning: ") }

func (p Problem) format(label string) string {
	s := p.Position() + ": " + label + p.Message
	if p.Hint != "" {
		s += "\n    " + strings.ReplaceAll(p.Hint, "\n", "\n    ")
	}
	return s
}

// Error makes a Problem usable where an error is expected.
func (p Problem) Error() string { return p.String() }

// List collects problems in the order they were found.
type List []Problem

// Add appends a problem.
func (l *List) Add(file string, line, col int, msg, hint string) {
	*l = append(*l, Problem{File: file, Line: line, Col: col, Message: msg, Hint: hint})
}

// Addf appends a problem whose message is formatted.
func (l *List) Addf(file string, line int, hint, format string, args ...any) {
	l.Add(file, line, 0, fmt.Sprintf(format, args...), hint)
}

// Sort orders problems by file, line, column and message, so that output
// does not depend on the order parallel workers finished in.
func Sort(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool { return less(ps[i], ps[j]) })
}

// less is Sort's order: file, line, column, message.
func less(a, b Problem) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Col != b.Col {
		return a.Col < b.Col
	}
	return a.Message < b.Message
}

// Once reports a mistake repeated in many files once. Problems with the
// same key (key(i) of ps[i]) are one mistake: those in its first file, in
// Sort's order, are kept, each message followed by " (and in N other
// files)", and those in other files are left out. A link or a load that a
// layout writes is on every page, and thousands of lines for it would bury
// the one mistake and everything else. A problem whose key is "" is kept
// as it is; the kept problems keep their order.
func Once(ps []Problem, key func(i int) string) []Problem {
	keys := make([]string, len(ps))
	first := map[string]int{}             // key -> index of its first problem
	files := map[string]map[string]bool{} // key -> the files it is in
	for i := range ps {
		k := key(i)
		if k == "" {
			continue
		}
		keys[i] = k
		if j, ok := first[k]; !ok || less(ps[i], ps[j]) {
			first[k] = i
		}
		if files[k] == nil {
			files[k] = map[string]bool{}
		}
		files[k][ps[i].File] = true
	}
	out := make([]Problem, 0, len(ps))
	for i, p := range ps {
		if k := keys[i]; k != "" {
			if p.File != ps[first[k]].File {
				continue
			}
			if n := len(files[k]) - 1; n == 1 {
				p.Message += " (and in 1 other file)"
			} else if n > 1 {
				p.Message += fmt.Sprintf(" (and in %d other files)", n)
			}
		}
		out = append(out, p)
	}
	return out
}

// Compact removes repeats from sorted problems: one file can give the same
// problem twice, such as a picture published beside a page in every
// language, and the editor has one file to fix.
func Compact(ps []Problem) []Problem { return slices.Compact(ps) }
