package frontmatter

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// fromTOML decodes TOML front matter into a value tree. go-toml's decoder
// checks the document (duplicate keys, impossible dates) and gives the
// values; its parser, run afterwards, gives the line of each key.
func fromTOML(file string, src []byte, offset int) (*value, []problem.Problem) {
	var m map[string]any
	if err := toml.Unmarshal(src, &m); err != nil {
		return nil, []problem.Problem{tomlSyntax(file, src, offset, err)}
	}
	r := tomlReader{budget: budget{file: file}, offset: offset, pos: tomlPositions(src)}
	v := r.convert(m, "", pos{1, 1}, 0)
	if r.limit != nil {
		return nil, []problem.Problem{*r.limit}
	}
	return v, nil
}

type pos struct{ line, col int }

type tomlReader struct {
	budget
	offset int
	pos    map[string]pos // key path (parts joined by "\x00", list items as "#i") -> position
}

func (r *tomlReader) convert(x any, path string, at pos, depth int) *value {
	if p, ok := r.pos[path]; ok {
		at = p
	}
	if !r.spend(depth, at.line+r.offset) {
		return nil
	}
	v := &value{kind: kindScalar, line: at.line + r.offset, col: at.col, scalar: x, text: fmt.Sprint(x)}
	switch x := x.(type) {
	case map[string]any:
		v.kind, v.scalar, v.text = kindMap, nil, ""
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			kp := join(path, k)
			c := r.convert(x[k], kp, at, depth+1)
			if c == nil {
				return nil
			}
			f := field{key: k, line: c.line, col: c.col, val: c}
			if p, ok := r.pos[kp]; ok {
				f.line, f.col = p.line+r.offset, p.col
			}
			v.fields = append(v.fields, f)
		}
		sortFields(v.fields)
	case []any:
		v.kind, v.scalar, v.text = kindList, nil, ""
		for i, it := range x {
			c := r.convert(it, join(path, fmt.Sprintf("#%d", i)), at, depth+1)
			if c == nil {
				return nil
			}
			v.items = append(v.items, c)
		}
	case []map[string]any:
		items := make([]any, len(x))
		for i, m := range x {
			items[i] = m
		}
		return r.convert(items, path, at, depth)
	case time.Time:
		v.text = x.Format(time.RFC3339)
	case toml.LocalDate:
		v.scalar = time.Date(x.Year, time.Month(x.Month), x.Day, 0, 0, 0, 0, time.UTC)
		v.text = x.String()
	case toml.LocalDateTime:
		v.scalar = x.AsTime(time.UTC)
		v.text = x.String()
	case toml.LocalTime:
		v.scalar = x.String()
		v.text = x.String()
	}
	return v
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "\x00" + key
}

// tomlPositions indexes where every key path is first written. The
// document has already decoded, so the parser cannot fail here.
func tomlPositions(src []byte) map[string]pos {
	lines := lineStarts(src)
	at := func(r unstable.Range) pos {
		off := int(r.Offset)
		i := sort.SearchInts(lines, off+1) - 1
		return pos{i + 1, off - lines[i] + 1}
	}
	out := map[string]pos{}
	record := func(path string, p pos) {
		if _, ok := out[path]; !ok {
			out[path] = p
		}
	}
	arrays := map[string]int{} // [[array table]] path -> entries so far
	var walk func(prefix string, n *unstable.Node)
	walk = func(prefix string, n *unstable.Node) {
		switch n.Kind {
		case unstable.InlineTable:
			for it := n.Children(); it.Next(); {
				if kv := it.Node(); kv.Kind == unstable.KeyValue {
					path, _ := keyPath(prefix, kv, at, record)
					walk(path, kv.Value())
				}
			}
		case unstable.Array:
			i := 0
			for it := n.Children(); it.Next(); {
				c := it.Node()
				if c.Kind == unstable.Comment {
					continue
				}
				path := join(prefix, fmt.Sprintf("#%d", i))
				i++
				if c.Raw.Length > 0 {
					record(path, at(c.Raw))
				}
				walk(path, c)
			}
		}
	}
	var p unstable.Parser
	p.Reset(src)
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			table, _ = keyPath("", e, at, record)
		case unstable.ArrayTable:
			base, first := keyPath("", e, at, record)
			table = join(base, fmt.Sprintf("#%d", arrays[base]))
			arrays[base]++
			record(table, first)
		case unstable.KeyValue:
			path, _ := keyPath(table, e, at, record)
			walk(path, e.Value())
		}
	}
	return out
}

// keyPath records the position of each part of n's dotted key under
// prefix and returns the full path and the position of its last part.
func keyPath(prefix string, n *unstable.Node, at func(unstable.Range) pos, record func(string, pos)) (string, pos) {
	path := prefix
	var last pos
	for it := n.Key(); it.Next(); {
		k := it.Node()
		path = join(path, string(k.Data))
		last = at(k.Raw)
		record(path, last)
	}
	return path, last
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// tomlSyntax turns a go-toml error into a problem at the file line.
func tomlSyntax(file string, src []byte, offset int, err error) problem.Problem {
	line, col := 1, 0
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, col = de.Position()
	}
	msg := TOMLChar(strings.TrimPrefix(err.Error(), "toml: "), src, line, col)
	line = max(1, min(line, countLines(src)))
	return problem.Problem{
		File: file, Line: offset + line, Col: col,
		Message: "front matter is not valid TOML: " + msg,
		Hint:    tomlHint(msg),
	}
}

func tomlHint(msg string) string {
	switch {
	case strings.Contains(msg, "already defined"), strings.Contains(msg, "already exists"):
		return "a key or [table] is written twice; remove one of them"
	case strings.Contains(msg, "impossible date"), strings.Contains(msg, "date"):
		return dateHint("date", formatTOML)
	case strings.Contains(msg, "at start of value"):
		return `text in TOML needs quotes, e.g. title = "My Page"`
	case strings.Contains(msg, "expected character =") || strings.Contains(msg, "'='"):
		return `TOML front matter (between "+++" lines) writes key = value; for key: value use "---" lines (YAML)`
	}
	return "check the TOML on this line"
}
