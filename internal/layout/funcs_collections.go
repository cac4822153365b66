package layout

import (
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"slices"
	"sort"
	"strings"
)

// delimit joins the items of a list, or the values of a map in the order
// of their keys, with sep, and the last two with last when it is given:
// delimit COLL SEP [LAST], as in Hugo.
func delimit(coll, sep any, last ...any) (string, error) {
	if len(last) > 1 {
		return "", errors.New("use delimit LIST SEPARATOR or delimit LIST SEPARATOR LAST")
	}
	seps, err := texts(append([]any{sep}, last...)...)
	if err != nil {
		return "", err
	}
	list, err := values(coll)
	if err != nil {
		return "", err
	}
	parts, err := texts(list...)
	if err != nil {
		return "", err
	}
	if len(seps) == 2 && len(parts) > 1 {
		n := len(parts)
		return strings.Join(parts[:n-1], seps[0]) + seps[1] + parts[n-1], nil
	}
	return strings.Join(parts, seps[0]), nil
}

// values is items for a list, and a map's values in the order of their
// keys.
func values(coll any) ([]any, error) {
	r := reflect.ValueOf(coll)
	if r.Kind() != reflect.Map {
		return items(coll)
	}
	keys := r.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return compare(keys[i].Interface(), keys[j].Interface()) < 0 })
	out := make([]any, len(keys))
	for i, k := range keys {
		out[i] = r.MapIndex(k).Interface()
	}
	return out, nil
}

// appendItems is Hugo's append: append ITEM... LIST adds the items to the
// end of a copy of the list, and LIST2 | append LIST1 (one list before
// the list) adds the items of LIST2. As in Hugo (common/collections
// Append), the result is a list of LIST's type when the items fit it, a
// page added to pages gives pages; appended to an empty list, a list is
// itself, and pages are pages (listOf). Else it is a plain list.
func appendItems(args ...any) (any, error) {
	if len(args) < 2 {
		return nil, errors.New("use append ITEM... LIST, or append LIST1 LIST2")
	}
	to := args[len(args)-1]
	list, err := items(to)
	if err != nil {
		return nil, err
	}
	add := args[:len(args)-1]
	if len(add) == 1 {
		if k := reflect.ValueOf(add[0]).Kind(); k == reflect.Slice || k == reflect.Array {
			if len(list) == 0 {
				to = add[0]
			}
			if add, err = items(add[0]); err != nil {
				return nil, err
			}
		}
	}
	all := append(append([]any{}, list...), add...)
	if _, typed := listType(to); !typed && len(list) == 0 {
		return listOf(all), nil // Hugo's Slice of the items: pages appended to an empty slice are pages
	}
	return sameList(to, all), nil
}

// uniq returns a list without its repeated items, the first of each kept,
// a list of coll's type (sameList). Numbers are equal by value (1 and
// 1.0), other items as Go's == has it, or, for lists and maps, by their
// contents.
func uniq(coll any) (any, error) {
	list, err := items(coll)
	if err != nil {
		return nil, err
	}
	return sameList(coll, uniqItems(list)), nil
}

// uniqItems is uniq of a plain list.
func uniqItems(list []any) []any {
	seen := map[any]bool{}
	var out, deep []any
	for _, it := range list {
		key := it
		if f, ok := number(it); ok {
			key = f
		}
		if p, ok := it.(pageItem); ok && !reflect.ValueOf(p).IsNil() {
			key = pageKey{p.RelPermalink()} // the page, not the copy a template renders of it
		}
		if key != nil && !reflect.TypeOf(key).Comparable() {
			if containsDeep(deep, it) {
				continue
			}
			deep = append(deep, it)
			out = append(out, it)
			continue
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, it)
	}
	return out
}

// pageItem is a page in a list, which uniq, intersect and union tell by
// its address: the page a template renders is a copy of the site's.
type pageItem interface {
	eqer
	RelPermalink() string
}

// pageKey is uniq's key of a page.
type pageKey struct{ url string }

func containsDeep(list []any, v any) bool {
	for _, it := range list {
		if reflect.DeepEqual(it, v) {
			return true
		}
	}
	return false
}

// after returns the items after the first n: after N LIST, a list of
// LIST's type, as in Hugo.
func after(n, coll any) (any, error) {
	i, err := toInt(n)
	if err != nil {
		return nil, err
	}
	if i < 0 {
		return nil, fmt.Errorf("cannot skip %d items: the number must not be negative", i)
	}
	list, err := items(coll)
	if err != nil {
		return nil, err
	}
	return sameList(coll, list[min(i, len(list)):]), nil
}

// cond returns a when control is true (as {{ if }} would take it), else
// b: cond CONTROL A B, as in Hugo.
func cond(control, a, b any) any {
	if t, _ := template.IsTrue(control); t {
		return a
	}
	return b
}

// length is Go's len, which a missing value (a data file, param or key
// that is not there) makes fail with "reflect: call of reflect.Value.Type
// on zero Value": here it says so, and what to write.
func length(v any) (int, error) {
	r := reflect.ValueOf(v)
	for r.Kind() == reflect.Pointer || r.Kind() == reflect.Interface {
		r = r.Elem()
	}
	switch r.Kind() {
	case reflect.Invalid:
		return 0, &hintedError{msg: "len of nothing: the value given to len is missing",
			hint: "most often a data file, param or key that is not there, or is spelt differently; check its name, or count it only where it is: {{ with .Site.Data.timeline }}{{ len . }}{{ end }}"}
	case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
		return r.Len(), nil
	}
	return 0, &hintedError{msg: fmt.Sprintf("len of %v, a %T: len counts the items of a list or map, or the bytes of a text", v, v),
		hint: "give len a list, a map or a text"}
}

// hintedError is a function's error that says what to do; the problem it
// becomes carries the hint.
type hintedError struct{ msg, hint string }

func (e *hintedError) Error() string { return e.msg }

// Hint is what to do about the error.
func (e *hintedError) Hint() string { return e.hint }

// intersect is Hugo's: the items of the first list that the second has
// too, in the first's order, each once, a list of the first's type.
// Items are equal as uniq has them.
func intersect(a, b any) (any, error) {
	l1, err := items(a)
	if err != nil {
		return nil, fmt.Errorf("intersect: %w", err)
	}
	l2, err := items(b)
	if err != nil {
		return nil, fmt.Errorf("intersect: %w", err)
	}
	var both []any
	for _, it := range l1 {
		if slices.ContainsFunc(l2, func(o any) bool { return sameItem(it, o) }) {
			both = append(both, it)
		}
	}
	return sameList(a, uniqItems(both)), nil
}

// union is Hugo's: the items of both lists, the first's first, each once,
// a list of the first's type when the second's items fit it (sameList),
// of the second's when the first is nothing, as Hugo's.
func union(a, b any) (any, error) {
	l1, err := items(a)
	if err != nil {
		return nil, fmt.Errorf("union: %w", err)
	}
	l2, err := items(b)
	if err != nil {
		return nil, fmt.Errorf("union: %w", err)
	}
	typed := a
	if a == nil {
		typed = b
	}
	return sameList(typed, uniqItems(append(append([]any{}, l1...), l2...))), nil
}

// sameItem is uniq's equality: numbers by value, lists and maps by their
// contents, other items as Go's == has them.
func sameItem(a, b any) bool {
	return len(uniqItems([]any{a, b})) == 1
}
