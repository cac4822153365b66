package frontmatter

import (
	"fmt"
	"sort"
	"time"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// Limits on what a front matter block may expand to. Real pages have a
// few dozen values and nest two or three deep; the limits are far above
// that and far below what a YAML alias bomb ("billion laughs") needs.
const (
	maxValues = 10000
	maxDepth  = 64
)

type kind int

const (
	kindNull kind = iota
	kindScalar
	kindList
	kindMap
)

// value is front matter decoded from YAML or TOML into one shape that keeps
// where each value was written, so that decoding into Meta can say which
// line holds a mistake whichever format the page uses.
type value struct {
	kind      kind
	line, col int    // in the file, not in the front matter
	scalar    any    // string, int64, float64, bool or time.Time
	text      string // the scalar as written, for messages
	quoted    bool   // a quoted YAML scalar: "true" is text, not a bool
	items     []*value
	fields    []field
	// comment is a YAML comment on the line of an unquoted scalar or of
	// an empty value ("#1 story"): text a campaigner may have meant as
	// part of the value.
	comment string
}

type field struct {
	key       string
	line, col int
	val       *value
}

// budget counts values and depth while a tree is built, so that aliases
// and nesting cannot make the build hang or run out of memory.
type budget struct {
	file    string
	values  int
	aliased bool             // a YAML alias was expanded: the hint names aliases
	limit   *problem.Problem // set once a limit is hit; building stops
}

// spend charges one value at depth and reports whether building may go on.
func (b *budget) spend(depth, line int) bool {
	if b.limit != nil {
		return false
	}
	b.values++
	switch {
	case depth > maxDepth:
		b.limit = &problem.Problem{
			File: b.file, Line: line,
			Message: fmt.Sprintf("front matter is nested more than %d levels deep", maxDepth),
			Hint:    "flatten the values; front matter is meant for a page's title, dates and a few settings",
		}
	case b.values > maxValues:
		b.limit = &problem.Problem{
			File: b.file, Line: line,
			Message: fmt.Sprintf("front matter expands to more than %d values", maxValues),
			Hint:    "keep large data out of front matter: put it in a file under data/, which templates read as .Site.Data",
		}
		if b.aliased {
			b.limit.Hint = "YAML aliases (*name) repeat whole blocks; write the values out, or keep large data out of front matter"
		}
	}
	return b.limit == nil
}

// toAny turns a value into the plain Go values templates see: string,
// int64, float64, bool, time.Time, []any and map[string]any.
func (v *value) toAny() any {
	switch v.kind {
	case kindScalar:
		return v.scalar
	case kindList:
		out := make([]any, len(v.items))
		for i, it := range v.items {
			out[i] = it.toAny()
		}
		return out
	case kindMap:
		out := make(map[string]any, len(v.fields))
		for _, f := range v.fields {
			out[f.key] = f.val.toAny()
		}
		return out
	}
	return nil
}

// describe names what a value is, for "must be X, got Y" messages.
func (v *value) describe() string {
	switch v.kind {
	case kindNull:
		return "nothing"
	case kindList:
		return "a list"
	case kindMap:
		return "a group of keys"
	}
	switch v.scalar.(type) {
	case string:
		return fmt.Sprintf("%q", v.text)
	case time.Time:
		return fmt.Sprintf("the date %s", v.text)
	}
	return v.text
}

func sortFields(fs []field) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.line != b.line {
			return a.line < b.line
		}
		if a.col != b.col {
			return a.col < b.col
		}
		return a.key < b.key
	})
}
