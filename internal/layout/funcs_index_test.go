package layout

import "testing"

// index reads as Hugo's: a position outside a list gives nothing, so
// {{ with index $list 0 }} tests for a first item; a missing key gives
// the zero value; what cannot be indexed is still an error.
func TestIndexAsHugo(t *testing.T) {
	data := map[string]any{
		"empty": []string{},
		"imgs":  []map[string]string{{"Permalink": "/a.jpg"}},
		"m":     map[string]any{"list": []any{"x", []int{7}}},
		"nums":  map[int]string{1: "one"},
		"nilp":  (*struct{ X []int })(nil),
	}
	runCases(t, Env{}, data, []funcCase{
		{tmpl: `{{ with index .empty 0 }}has{{ else }}none{{ end }}`, want: "none"},
		{tmpl: `{{ with index .imgs 0 }}{{ .Permalink }}{{ end }}`, want: "/a.jpg"},
		{tmpl: `{{ index .imgs 1 }}|{{ index .imgs -1 }}|{{ index "ab" 1 }}`, want: "||98"},
		{tmpl: `{{ index .m "list" 1 0 }}|{{ index .m "nope" }}|{{ index .nums 1 }}{{ index .nums 2 }}`, want: "7||one"},
		{tmpl: `{{ index .m }}`, want: "map[list:[x [7]]]"},
		{tmpl: `{{ index .imgs "a" }}`, err: "cannot index slice/array with type string"},
		{tmpl: `{{ index .nums "a" }}`, err: "value has type string; should be int"},
		{tmpl: `{{ index 3 0 }}`, err: "can't index item of type int"},
		{tmpl: `{{ index .nilp 0 }}`, err: "index of nil pointer"},
		{tmpl: `{{ index nil 0 }}`, err: "index of untyped nil"},
	})
}
