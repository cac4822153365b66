package layout

import (
	"fmt"
	"strings"
	"testing"
)

// story and stories stand for a page and a list of pages: a typed list
// with methods of its own, as site.Pages is.
type story struct {
	Title string
	N     int
}

type stories []*story

func (s stories) Len() int { return len(s) }

// Slice makes stories of stories, as a page makes pages (slicer).
func (*story) Slice(items any) (any, error) {
	var out stories
	for _, it := range items.([]any) {
		s, ok := it.(*story)
		if !ok {
			return nil, fmt.Errorf("%T is no story", it)
		}
		out = append(out, s)
	}
	return out, nil
}

func (s stories) Titles() string {
	var t []string
	for _, x := range s {
		t = append(t, x.Title)
	}
	return strings.Join(t, ",")
}

// The collection functions give a list of the type they were given, as
// Hugo's do, so a list of pages keeps its methods after them.
func TestCollectionFunctionsKeepTheListType(t *testing.T) {
	a, b, c := &story{"a", 1}, &story{"b", 2}, &story{"c", 3}
	data := map[string]any{"All": stories{a, b, c}, "Some": stories{c, a}, "None": stories{}, "B": b,
		"Words": []string{"x", "y", "x"}, "Array": [2]int{2, 1}}
	runCases(t, Env{}, data, []funcCase{
		{tmpl: `{{ (where .All "N" "gt" 1).Titles }}`, want: "b,c"},
		{tmpl: `{{ (where .All "N" 9).Len }}`, want: "0"},
		{tmpl: `{{ (first 2 .All).Titles }}`, want: "a,b"},
		{tmpl: `{{ (first 0 .All).Len }}`, want: "0"},
		{tmpl: `{{ (last 1 .All).Titles }}`, want: "c"},
		{tmpl: `{{ (after 1 .All).Titles }}`, want: "b,c"},
		{tmpl: `{{ (sortBy .All "N" "desc").Titles }}`, want: "c,b,a"},
		{tmpl: `{{ (.All | intersect .Some).Titles }}`, want: "c,a"},
		{tmpl: `{{ (intersect .All .Some).Titles }}`, want: "a,c"},
		{tmpl: `{{ (union .Some .All).Titles }}`, want: "c,a,b"},
		{tmpl: `{{ (union .Nil .Some).Titles }}`, want: "c,a"},
		{tmpl: `{{ (uniq (append .Some .All)).Titles }}`, want: "a,b,c"},
		{tmpl: `{{ (.Some | append .B).Titles }}`, want: "c,a,b"},
		{tmpl: `{{ (.None | append .B).Titles }}`, want: "b"},
		{tmpl: `{{ (append .Some .None).Titles }}`, want: "c,a"},
		{tmpl: `{{ (collections.Where .All "Title" "b").Titles }}`, want: "b"},
		{tmpl: `{{ printf "%T" (where .Words "." "x") }}`, want: "[]string"},
		{tmpl: `{{ printf "%T" (sortBy .Array ".") }}`, want: "[]int"},
		// A result that mixes kinds, or a plain list given, is a plain list.
		{tmpl: `{{ printf "%T" (.All | append "d") }}`, want: "[]interface {}"},
		{tmpl: `{{ printf "%T" (union .All .Words) }}`, want: "[]interface {}"},
		{tmpl: `{{ printf "%T" (first 1 (slice 1 .B)) }}`, want: "[]interface {}"},
		{tmpl: `{{ printf "%T" (slice .B "x") }}`, want: "[]interface {}"},
		{tmpl: `{{ printf "%T" (append "x" (slice)) }}`, want: "[]interface {}"},
		// slice of pages, and pages appended to an empty slice, are pages.
		{tmpl: `{{ (slice .B (index .All 0)).Titles }}`, want: "b,a"},
		{tmpl: `{{ (collections.Slice .B).Titles }}`, want: "b"},
		{tmpl: `{{ $l := slice }}{{ $l = $l | append .B }}{{ $l = $l | append (index .All 2) }}{{ $l.Titles }}`, want: "b,c"},
	})
	if got := fmt.Sprint(sameList(stories{}, []any{nil, a})); got != fmt.Sprint(stories{nil, a}) {
		t.Errorf("a missing page kept in a list of pages: %s", got)
	}
}
