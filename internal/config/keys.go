package config

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// knownKeys lists the keys allowed in the table holding key path, read
// from Config's toml tags so the list cannot fall out of step with the
// struct.
func knownKeys(path []string) []string {
	t := reflect.TypeFor[Config]()
	for _, part := range path[:len(path)-1] {
		for t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Map:
			t = t.Elem()
		case reflect.Struct:
			f, ok := fieldByKey(t, part)
			if !ok {
				return nil
			}
			t = f.Type
		default:
			return nil
		}
	}
	for t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	keys := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		keys = append(keys, tomlName(t.Field(i)))
	}
	sort.Strings(keys)
	return keys
}

func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		if f := t.Field(i); strings.EqualFold(tomlName(f), key) {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func tomlName(f reflect.StructField) string {
	if name, _, _ := strings.Cut(f.Tag.Get("toml"), ","); name != "" {
		return name
	}
	return f.Name
}

// unknownKeyHint names the known key nearest to the unknown one, or lists
// the keys its table allows.
func unknownKeyHint(path []string) string {
	known := knownKeys(path)
	key := path[len(path)-1]
	if s, ok := problem.Nearest(key, known); ok {
		return fmt.Sprintf("did you mean %q?", s)
	}
	if len(known) == 0 {
		return "remove it"
	}
	return "known keys here: " + strings.Join(known, ", ")
}

// keyLines maps each key path, lower-cased and dotted, to the line it is
// first written on; the entries of [[array tables]] are "name.#0",
// "name.#1"…. It runs on a document that has already decoded.
func keyLines(src []byte) map[string]int {
	out := map[string]int{}
	record := func(path string, offset uint32) {
		if _, ok := out[path]; !ok {
			out[path] = 1 + strings.Count(string(src[:offset]), "\n")
		}
	}
	keyPath := func(prefix string, n *unstable.Node) string {
		path := prefix
		for it := n.Key(); it.Next(); {
			k := it.Node()
			if path != "" {
				path += "."
			}
			path += strings.ToLower(string(k.Data))
			record(path, k.Raw.Offset)
		}
		return path
	}
	arrays := map[string]int{}
	var p unstable.Parser
	p.Reset(src)
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			table = keyPath("", e)
		case unstable.ArrayTable:
			base := keyPath("", e)
			table = fmt.Sprintf("%s.#%d", base, arrays[base])
			arrays[base]++
			first := e.Key()
			first.Next()
			record(table, first.Node().Raw.Offset)
		case unstable.KeyValue:
			keyPath(table, e)
		}
	}
	return out
}
