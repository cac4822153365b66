package layout

import (
	"fmt"
	"reflect"
	"slices"
	"text/template"

	"github.com/samizdat-press/samizdat/internal/problem"
)

// A misspelt field or function is the commonest template mistake a
// campaigner makes (.Titel, .Pages.GroupByPublishedDate, sortby), and
// text/template only says it is not there. The hints here name the one
// that was meant, when one is close enough: the fields and methods of the
// value the template asked (its type is named in text/template's message,
// and found among the types the page reaches), or the functions of the set.

// nearField returns, for a template run on dot, the hint for "can't
// evaluate field field in type typ": the field or method of typ the name
// is closest to, or "" when none is close.
func (s *Set) nearField(dot any) func(field, typ string) string {
	return func(field, typ string) string {
		t := s.reachableType(reflect.TypeOf(dot), typ)
		if t == nil {
			return ""
		}
		near, ok := problem.Nearest(field, memberNames(t))
		if !ok {
			return ""
		}
		return fmt.Sprintf("did you mean .%s? there is no field or function %s here (the names are in docs/templates.md)", near, field)
	}
}

// nearFunctionHint is the hint for a call of a function funcs lacks,
// when the name is close to one it has: "did you mean sortBy?".
func nearFunctionHint(name string, funcs template.FuncMap) string {
	names := make([]string, 0, len(funcs)+len(builtins))
	for n := range funcs {
		names = append(names, n)
	}
	for n := range builtins {
		names = append(names, n)
	}
	slices.Sort(names) // Nearest keeps the first of equally close names
	near, ok := problem.Nearest(name, names)
	if !ok {
		return ""
	}
	return fmt.Sprintf("did you mean %s? there is no function %s in samizdat (the functions are in docs/templates.md)", near, name)
}

type reachKey struct {
	root reflect.Type
	name string
}

// reachableType finds the type fmt names name ("*site.Page",
// "site.Pages") among root and the types reached from it through the
// results of methods, fields and elements: the types a template run on a
// root value can meet. The walk is breadth first, over at most a few
// hundred types, and kept (Set.reachable): a misspelt field in a layout
// is met on every page that runs it.
func (s *Set) reachableType(root reflect.Type, name string) reflect.Type {
	if root == nil {
		return nil
	}
	k := reachKey{root, name}
	if t, ok := s.reachable.Load(k); ok {
		t, _ := t.(reflect.Type)
		return t
	}
	t := findType(root, name)
	s.reachable.Store(k, t)
	return t
}

func findType(root reflect.Type, name string) reflect.Type {
	const most = 500
	seen := map[reflect.Type]bool{root: true}
	queue := []reflect.Type{root}
	add := func(t reflect.Type) {
		if !seen[t] && len(seen) < most {
			seen[t] = true
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		if t.String() == name {
			return t
		}
		for i := range t.NumMethod() {
			if m := t.Method(i); m.IsExported() {
				for o := range m.Type.NumOut() {
					add(m.Type.Out(o))
				}
			}
		}
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			add(t.Elem())
		case reflect.Struct:
			for i := range t.NumField() {
				if f := t.Field(i); f.IsExported() {
					add(f.Type)
				}
			}
		}
		if t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
			add(reflect.PointerTo(t)) // text/template calls pointer methods of addressable values
		}
	}
	return nil
}

// memberNames are the exported methods of t and, for a struct or a
// pointer to one, its exported fields: what .Name can reach on a value of t.
func memberNames(t reflect.Type) []string {
	var names []string
	for i := range t.NumMethod() {
		if m := t.Method(i); m.IsExported() {
			names = append(names, m.Name)
		}
	}
	s := t
	if s.Kind() == reflect.Pointer {
		s = s.Elem()
	}
	if s.Kind() == reflect.Struct {
		for i := range s.NumField() {
			if f := s.Field(i); f.IsExported() && !f.Anonymous {
				names = append(names, f.Name)
			}
		}
	}
	slices.Sort(names)
	return names
}
