package layout

import "reflect"

// sameList is out as a list of coll's own type when coll is a typed list
// (a list of pages, []string) and every item of out is one of its items'
// type; else out as it is, a plain list. Hugo's where, first, after,
// intersect and the like give the type of the list they were given
// (tpl/collections: reflect.MakeSlice of its type), so a list of pages
// keeps its methods: (where .Site.RegularPages "Section" "posts").ByTitle,
// ((first 5 .Pages) | intersect $other).GroupByDate "2006". An array
// gives a slice of its items' type. A result that mixes kinds stays a
// plain list, where Hugo's union of two lists of different types would be
// empty.
func sameList(coll any, out []any) any {
	typ, ok := listType(coll)
	if !ok {
		return out
	}
	list := reflect.MakeSlice(typ, len(out), len(out))
	for i, it := range out {
		v, ok := itemOf(typ.Elem(), it)
		if !ok {
			return out
		}
		list.Index(i).Set(v)
	}
	return list.Interface()
}

// listType is the type of list sameList gives for coll: its own for a
// slice, a slice of its items for an array; false for a plain list or
// what is not a list.
func listType(coll any) (reflect.Type, bool) {
	t := reflect.TypeOf(coll)
	if t == nil {
		return nil, false
	}
	switch t.Kind() {
	case reflect.Slice:
	case reflect.Array:
		t = reflect.SliceOf(t.Elem())
	default:
		return nil, false
	}
	return t, t != reflect.TypeFor[[]any]()
}

// itemOf is it as an item of a list of elem, and whether it can be one.
func itemOf(elem reflect.Type, it any) (reflect.Value, bool) {
	v := reflect.ValueOf(it)
	if !v.IsValid() {
		switch elem.Kind() {
		case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
			return reflect.Zero(elem), true
		}
		return reflect.Value{}, false
	}
	if !v.Type().AssignableTo(elem) {
		return reflect.Value{}, false
	}
	return v, true
}

// slicer is an item that makes the list of its kind of items, as a page
// makes pages of pages: Hugo's collections.Slicer, which Hugo's slice,
// and append to an empty list, ask the first item for.
type slicer interface {
	Slice(items any) (any, error)
}

// listOf is items as the list their first item makes of them (slicer),
// else the plain list: slice $a $b of two pages is a list of pages, as
// in Hugo. Where Hugo makes a list of strings of strings, this stays a
// plain list, which prints the same.
func listOf(items []any) any {
	if len(items) > 0 {
		if s, ok := items[0].(slicer); ok {
			if list, err := s.Slice(items); err == nil {
				return list
			}
		}
	}
	return items
}
