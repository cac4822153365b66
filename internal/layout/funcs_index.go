package layout

import (
	"errors"
	"fmt"
	"reflect"
)

// index is Hugo's index, which replaces text/template's: a list indexed
// past its end (or before its start) gives nothing instead of stopping the
// page, so {{ with index $images 0 }} tests for a first item as a theme's
// Twitter card does (Hugo's tpl/collections/index.go departs from the
// standard library in this one way). A map without the key gives the zero
// value of its items, as both do.
func index(item any, keys ...any) (any, error) {
	v := reflect.ValueOf(item)
	if !v.IsValid() {
		return nil, errors.New("index of untyped nil")
	}
	for _, key := range keys {
		v = indirectAll(v)
		if !v.IsValid() {
			return nil, errors.New("index of nil pointer")
		}
		switch v.Kind() {
		case reflect.Array, reflect.Slice, reflect.String:
			i, err := listIndex(key)
			if err != nil {
				return nil, err
			}
			if i < 0 || i >= int64(v.Len()) {
				return nil, nil
			}
			v = v.Index(int(i))
		case reflect.Map:
			k, err := mapKey(key, v.Type().Key())
			if err != nil {
				return nil, err
			}
			if x := v.MapIndex(k); x.IsValid() {
				v = x
			} else {
				v = reflect.Zero(v.Type().Elem())
			}
		default:
			return nil, fmt.Errorf("can't index item of type %s", v.Type())
		}
	}
	if !v.IsValid() {
		return nil, nil
	}
	return v.Interface(), nil
}

// indirectAll goes through pointers and interfaces to the value they hold;
// the zero Value for a nil one.
func indirectAll(v reflect.Value) reflect.Value {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	return v
}

// listIndex is key as a position in a list.
func listIndex(key any) (int64, error) {
	k := reflect.ValueOf(key)
	switch k.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return k.Int(), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return int64(k.Uint()), nil
	case reflect.Invalid:
		return 0, errors.New("cannot index slice/array with nil")
	}
	return 0, fmt.Errorf("cannot index slice/array with type %s", k.Type())
}

// mapKey is key as a key of a map whose keys are of type t.
func mapKey(key any, t reflect.Type) (reflect.Value, error) {
	k := reflect.ValueOf(key)
	switch {
	case !k.IsValid():
		switch t.Kind() {
		case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
			return reflect.Zero(t), nil
		}
		return reflect.Value{}, fmt.Errorf("value is nil; should be of type %s", t)
	case k.Type().AssignableTo(t):
		return k, nil
	}
	return reflect.Value{}, fmt.Errorf("value has type %s; should be %s", k.Type(), t)
}
