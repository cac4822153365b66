package layout

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// The comparison functions replace Go's built-in eq, ne, lt, le, gt and
// ge with Hugo's (gohugoio/hugo tpl/compare), so a theme's comparisons
// give what they give in Hugo instead of stopping the build: Go's refuse
// to compare an int with a float, or anything with nil, and a theme's
// {{ if gt .Params.date 0 }} or {{ lt (len .Pages) 3.5 }} is written for
// Hugo's. Where Hugo's result hangs on a quirk of its uint64 handling,
// these compare the numbers.

// eq reports whether first equals any of the others, as Hugo's eq: nil
// (and a nil list, map or pointer) equals only nil; whole numbers of any
// size equal each other by value, and so do fractions (float32, float64),
// but a whole number never equals a fraction (eq 1 1.0 is false, as in
// Hugo); text equals text of any string type (a string and .Content);
// times are equal when they are the same instant; lists and maps by
// their items; pages and other pointers when they are the same one.
func eq(first any, others ...any) (bool, error) {
	if len(others) == 0 {
		return false, missingComparison("eq")
	}
	for _, o := range others {
		if same(first, o) {
			return true, nil
		}
	}
	return false, nil
}

// ne is not eq: true when first equals none of the others.
func ne(first any, others ...any) (bool, error) {
	if len(others) == 0 {
		return false, missingComparison("ne")
	}
	equal, err := eq(first, others...)
	return !equal, err
}

func lt(first any, others ...any) (bool, error) {
	return ordered("lt", first, others, func(a, b float64) bool { return a < b })
}

func le(first any, others ...any) (bool, error) {
	return ordered("le", first, others, func(a, b float64) bool { return a <= b })
}

func gt(first any, others ...any) (bool, error) {
	return ordered("gt", first, others, func(a, b float64) bool { return a > b })
}

func ge(first any, others ...any) (bool, error) {
	return ordered("ge", first, others, func(a, b float64) bool { return a >= b })
}

// missingComparison is the one case where Hugo's comparisons fail.
func missingComparison(fn string) error {
	return fmt.Errorf("%s needs two values to compare, got one", fn)
}

// ordered reports whether first stands in relation holds to each of the
// others, as Hugo's lt, le, gt and ge do (compareGet): see orderKey.
func ordered(fn string, first any, others []any, holds func(a, b float64) bool) (bool, error) {
	if len(others) == 0 {
		return false, missingComparison(fn)
	}
	for _, o := range others {
		if !holds(orderPair(first, o)) {
			return false, nil
		}
	}
	return true, nil
}

// orderPair turns two values into two numbers whose order is theirs, as
// Hugo's compareGet: two texts that are not numbers compare as text
// (byte by byte); otherwise each side is its orderKey.
func orderPair(a, b any) (float64, float64) {
	x, xText := orderKey(a)
	y, yText := orderKey(b)
	if xText != nil && yText != nil {
		switch c := strings.Compare(*xText, *yText); {
		case c < 0:
			return 0, 1
		case c > 0:
			return 1, 0
		}
		return 0, 0
	}
	return x, y
}

// orderKey is the number Hugo orders a value by: a number itself; a
// list's or map's length; a time's seconds since 1970; true as 1 and
// false as 0; text as the number it reads as. Anything else, nil
// included, is 0. Text that is no number (or is Inf or NaN) also comes
// back as text, so two such texts compare as text.
func orderKey(v any) (float64, *string) {
	if t, ok := v.(time.Time); ok {
		return float64(t.Unix()), nil
	}
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice:
		return float64(r.Len()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(r.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return float64(r.Uint()), nil
	case reflect.Float32, reflect.Float64:
		return r.Float(), nil
	case reflect.Bool:
		if r.Bool() {
			return 1, nil
		}
		return 0, nil
	case reflect.String:
		s := r.String()
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return f, &s
		}
		return f, nil
	}
	return 0, nil
}

// eqer is a value that says itself whether it is another, as Hugo's
// compare.Eqer: a page, of which the one a template renders is a copy.
type eqer interface{ Eq(other any) bool }

// same is Hugo's equality for eq (see eq). Lists and maps are compared
// item by item here rather than with reflect.DeepEqual, as Hugo does, so
// that pages inside them are compared by their own Eq: DeepEqual would
// walk into each page, whose fields other pages being rendered at the
// same time may be filling in.
func same(a, b any) bool {
	a, b = eqValue(a), eqValue(b)
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if e, ok := a.(eqer); ok {
		return e.Eq(b)
	}
	if ta, ok := a.(time.Time); ok {
		tb, ok := b.(time.Time)
		return ok && ta.Equal(tb)
	}
	ra, rb := reflect.ValueOf(a), reflect.ValueOf(b)
	if ra.Type() != rb.Type() {
		return false
	}
	switch ra.Kind() {
	case reflect.Slice, reflect.Array:
		if ra.Len() != rb.Len() {
			return false
		}
		for i := range ra.Len() {
			if !same(ra.Index(i).Interface(), rb.Index(i).Interface()) {
				return false
			}
		}
		return true
	case reflect.Map:
		if ra.Len() != rb.Len() {
			return false
		}
		iter := ra.MapRange()
		for iter.Next() {
			w := rb.MapIndex(iter.Key())
			if !w.IsValid() || !same(iter.Value().Interface(), w.Interface()) {
				return false
			}
		}
		return true
	}
	if ra.Comparable() && rb.Comparable() {
		return ra.Equal(rb)
	}
	return reflect.DeepEqual(a, b)
}

// eqValue is the form eq compares a value in, Hugo's normalize: nil for
// every kind of nil, int64 for whole numbers (uint64 past int64's range),
// float64 for fractions, string for text of any string type.
func eqValue(v any) any {
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.Invalid:
		return nil
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		if r.IsNil() {
			return nil
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return r.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if u := r.Uint(); u <= math.MaxInt64 {
			return int64(u)
		}
		return r.Uint()
	case reflect.Float32, reflect.Float64:
		return r.Float()
	case reflect.String:
		return r.String()
	}
	return v
}
