package layout

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// toInt converts a value to an int as Hugo's int (cast.ToInt) does:
// floats lose their fraction, and so does text ("4.7" is 4, as a
// reading time or a count written with a fraction in front matter), and
// text is read with Go's prefixes, so "0x11" is 17 and "011", with its
// leading zero, is octal 9.
func toInt(v any) (int, error) {
	if n, ok := boolOrNil(v); ok {
		return n, nil
	}
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return int(r.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return int(r.Uint()), nil
	case reflect.Float32, reflect.Float64:
		return int(r.Float()), nil
	case reflect.String:
		s := strings.TrimSpace(r.String())
		if s == "" {
			return 0, nil
		}
		i, err := strconv.ParseInt(wholePart(s), 0, 0)
		if err != nil {
			return 0, fmt.Errorf("%.40q is not a whole number", s)
		}
		return int(i), nil
	}
	return 0, fmt.Errorf("cannot use a %T as a number", v)
}

// wholePart is a decimal number's text without its fraction ("-4.7" is
// "-4"), as spf13/cast cuts it for Hugo; any other text is as it is.
func wholePart(s string) string {
	whole, frac, ok := strings.Cut(s, ".")
	digits := strings.TrimLeft(whole, "+-")
	if !ok || digits == "" || frac == "" || strings.Trim(digits, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return s
	}
	return whole
}

// toFloat converts a value to a float64 as Hugo's float does.
func toFloat(v any) (float64, error) {
	if f, ok := number(v); ok {
		return f, nil
	}
	if n, ok := boolOrNil(v); ok {
		return float64(n), nil
	}
	r := reflect.ValueOf(v)
	if r.Kind() != reflect.String {
		return 0, fmt.Errorf("cannot use a %T as a number", v)
	}
	s := strings.TrimSpace(r.String())
	if s == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("%.40q is not a number", s)
	}
	return f, nil
}

// boolOrNil is the number Hugo's casts make of true (1), false and nil (0).
func boolOrNil(v any) (int, bool) {
	switch v {
	case nil, false:
		return 0, true
	case true:
		return 1, true
	}
	return 0, false
}
