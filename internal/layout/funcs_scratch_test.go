package layout

import (
	"errors"
	"fmt"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
)

// newScratch's pad works as Hugo's: Set, Get, Delete, SetInMap,
// DeleteInMap, GetSortedMapValues, Values, and Add by Hugo's rules.
func TestScratchMethods(t *testing.T) {
	runCases(t, Env{}, nil, []funcCase{
		{tmpl: `{{ $s := newScratch }}{{ $s.Set "a" "x" }}{{ $s.Get "a" }}|{{ $s.Get "none" }}|{{ $s.Delete "a" }}{{ $s.Get "a" }}`, want: "x||"},
		// Numbers add, whole ones to a whole number.
		{tmpl: `{{ $s := newScratch }}{{ $s.Set "n" 3 }}{{ $s.Add "n" 7 }}{{ $s.Get "n" }} {{ printf "%T" ($s.Get "n") }}`, want: "10 int"},
		{tmpl: `{{ $s := newScratch }}{{ $s.Set "n" 1 }}{{ $s.Add "n" 0.5 }}{{ $s.Get "n" }}`, want: "1.5"},
		// Add to a key that holds nothing sets it.
		{tmpl: `{{ $s := newScratch }}{{ $s.Add "n" 2 }}{{ $s.Add "n" 2 }}{{ $s.Get "n" }}`, want: "4"},
		// Texts join, an HTML text too.
		{tmpl: `{{ $s := newScratch }}{{ $s.Set "g" "Hello" }}{{ $s.Add "g" "Welcome" }}{{ $s.Get "g" }}`, want: "HelloWelcome"},
		{tmpl: `{{ $s := newScratch }}{{ $s.Set "g" ("<b>" | safeHTML) }}{{ $s.Add "g" "x" }}{{ $s.Get "g" }}`, want: "&lt;b&gt;x"},
		// A list gets an item, or a list's items, appended.
		{tmpl: `{{ $s := newScratch }}{{ $s.Set "l" (slice "Hello") }}{{ $s.Add "l" (slice "Welcome" "Cheers") }}{{ $s.Add "l" "Hi" }}{{ $s.Get "l" }}`,
			want: "[Hello Welcome Cheers Hi]"},
		{tmpl: `{{ $s := newScratch }}{{ $s.SetInMap "g" "fr" "Bonjour" }}{{ $s.SetInMap "g" "en" "Hello" }}{{ $s.GetSortedMapValues "g" }} {{ index ($s.Get "g") "fr" }}`,
			want: "[Hello Bonjour] Bonjour"},
		{tmpl: `{{ $s := newScratch }}{{ $s.SetInMap "g" "fr" "Bonjour" }}{{ $s.SetInMap "g" "en" "Hello" }}{{ $s.DeleteInMap "g" "fr" }}{{ $s.GetSortedMapValues "g" }}{{ $s.GetSortedMapValues "none" }}`,
			want: "[Hello]"},
		// A key that holds nothing gives nothing, as Hugo's: not "[]".
		{tmpl: `[{{ (newScratch).GetSortedMapValues "none" }}]{{ with (newScratch).GetSortedMapValues "none" }}x{{ end }}`, want: "[]"},
		{tmpl: `{{ $s := newScratch }}{{ $s.Set "b" 2 }}{{ $s.Set "a" 1 }}{{ range $k, $v := $s.Values }}{{ $k }}={{ $v }} {{ end }}`, want: "a=1 b=2 "},
		// Values is a copy, as docs/templates.md says, where Hugo's is the
		// pad's own map: a later Set, Delete or SetInMap leaves it as it was.
		{tmpl: `{{ $s := newScratch }}{{ $s.Set "a" 1 }}{{ $v := $s.Values }}{{ $s.Set "b" 2 }}{{ $s.Delete "a" }}{{ $s.SetInMap "c" "k" 3 }}{{ range $k, $x := $v }}{{ $k }}={{ $x }} {{ end }}`,
			want: "a=1 "},
		// Each newScratch is a pad of its own.
		{tmpl: `{{ $a := newScratch }}{{ $b := newScratch }}{{ $a.Set "x" 1 }}[{{ $b.Get "x" }}]`, want: "[]"},
	})
}

// A mix Add cannot add, and a map method on a key that holds no map, are
// errors that say what the key holds and what to do, where Hugo's Add
// says only "can't apply the operator" and its SetInMap panics.
func TestScratchMistakesSayWhatToDo(t *testing.T) {
	for _, c := range []struct{ tmpl, msg, hint string }{
		{`{{ $s := newScratch }}{{ $s.Set "n" 1 }}{{ $s.Add "n" "x" }}`, `error calling Add: cannot add the text "x" to the number 1, which "n" holds`, `Set "n" 0`},
		{`{{ $s := newScratch }}{{ $s.Set "t" "a" }}{{ $s.Add "t" 2 }}`, `cannot add the number 2 to the text "a", which "t" holds`, "a number to a number, a text to a text"},
		{`{{ $s := newScratch }}{{ $s.Set "m" (dict "a" 1) }}{{ $s.Add "m" 2 }}`, `cannot add the number 2 to map[a:1] (a map[string]interface {}), which "m" holds`, "items to a list"},
		{`{{ $s := newScratch }}{{ $s.Set "m" 1 }}{{ $s.SetInMap "m" "k" 2 }}`, `error calling SetInMap: "m" holds the number 1, not a map`, `Delete "m" before the first SetInMap`},
		{`{{ $s := newScratch }}{{ $s.Set "m" "x" }}{{ $s.GetSortedMapValues "m" }}`, `"m" holds the text "x", not a map`, "GetSortedMapValues reads a map that SetInMap filled"},
	} {
		probs := hugoProblems(t, c.tmpl)
		if len(probs) != 1 || !strings.HasPrefix(probs[0].Position(), "layouts/_default/single.html:1:") ||
			!strings.Contains(probs[0].Message, c.msg) || !strings.Contains(probs[0].Hint, c.hint) {
			t.Errorf("%s: got %v; want one problem at line 1 with %q, hint with %q", c.tmpl, probs, c.msg, c.hint)
		}
	}
}

// A pad's copy and its read-only view never see what is written to the
// copy: Add builds a new list, and SetInMap writes into the copy's own map.
func TestScratchCloneAndReadOnly(t *testing.T) {
	orig := NewScratch()
	orig.Add("l", []any{"a"})
	orig.SetInMap("m", "k", 1)
	view := orig.ReadOnly(errors.New("not yours"))
	clone := orig.Clone()
	clone.Add("l", "b")
	clone.SetInMap("m", "k2", 2)
	clone.Set("new", 1)
	for _, s := range []*Scratch{orig, view} {
		if l, _ := s.Get("l").([]any); len(l) != 1 {
			t.Errorf("list after the clone's Add: %v; want [a]", s.Get("l"))
		}
		m, _ := s.GetSortedMapValues("m")
		if l, _ := m.([]any); len(l) != 1 || s.Get("new") != nil {
			t.Errorf("map after the clone's SetInMap: %v, new %v; want [1], nothing", m, s.Get("new"))
		}
	}
	if l, _ := clone.Get("l").([]any); len(l) != 2 {
		t.Errorf("clone's list: %v; want [a b]", clone.Get("l"))
	}
	for name, write := range map[string]func() (string, error){
		"Set":         func() (string, error) { return view.Set("x", 1) },
		"Add":         func() (string, error) { return view.Add("x", 1) },
		"Delete":      func() (string, error) { return view.Delete("l") },
		"SetInMap":    func() (string, error) { return view.SetInMap("m", "k", 3) },
		"DeleteInMap": func() (string, error) { return view.DeleteInMap("m", "k") },
	} {
		if _, err := write(); err == nil || err.Error() != "not yours" {
			t.Errorf("%s on a read-only view: %v; want its refusal", name, err)
		}
	}
	if view.Get("x") != nil || len(orig.Values()) != 2 {
		t.Errorf("a refused write changed the pad: %v", orig.Values())
	}
	if empty := (*Scratch)(nil).Clone(); empty.Get("x") != nil || len(empty.Values()) != 0 {
		t.Errorf("clone of no pad: %v", empty.Values())
	}
}

// Plain tells values a cache may keep for the next build from those
// that may be this build's (a page, a date).
func TestScratchPlain(t *testing.T) {
	type page struct{ Title string }
	for v, want := range map[any]bool{
		"x": true, 1: true, 1.5: true, true: true, template.HTML("<b>"): true,
		&page{}: false, page{}: false,
	} {
		s := NewScratch()
		s.Set("k", v)
		if s.Plain() != want {
			t.Errorf("%#v: Plain %v; want %v", v, !want, want)
		}
	}
	s := NewScratch()
	s.Set("l", []any{"a", map[string]any{"n": 1}})
	s.SetInMap("m", "k", []string{"x"})
	if !s.Plain() {
		t.Errorf("lists and maps of text and numbers: not plain")
	}
	s.SetInMap("m", "p", &page{})
	if s.Plain() || !(*Scratch)(nil).Plain() {
		t.Errorf("a page in a map: plain; or no pad: not plain")
	}
}

// partialCached runs the partial as partial does, on each call with the
// context it is given: Hugo's would give every call the first context it
// met, which pages rendering at once make a different one each build.
// The variants are taken and not read; the call nests as deep as partial.
func TestPartialCachedRunsEachCall(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/single.html": {Data: []byte(`{{ partialCached "hello.html" "a" }} {{ partialCached "hello" "b" "variant" 2 }} {{ partial "hello.html" "a" }}`)},
		"layouts/_default/list.html":   {Data: []byte(`{{ partialCached "loop.html" . }}`)},
		"layouts/partials/hello.html":  {Data: []byte(`Hello, {{ . }}!`)},
		"layouts/partials/loop.html":   {Data: []byte(`{{ partialCached "loop.html" . "v" }}`)},
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	out, prob := set.Execute("_default/single.html", nil, "content/a.md")
	if prob != nil || string(out) != "Hello, a! Hello, b! Hello, a!" {
		t.Errorf("got %q, %v; want each call's own context", out, prob)
	}
	_, prob = set.Execute("_default/list.html", nil, "content/_index.md")
	if prob == nil || prob.Position() != "layouts/partials/loop.html:1:3" || !strings.Contains(prob.Message, "more than 100 levels deep") {
		t.Errorf("a partialCached that calls itself: %+v; want the depth problem at its call", prob)
	}
}

// Replay gives a template run's copy of a page's pad the shortcodes'
// writes, in their order, to the keys the run wrote before it: Hugo runs
// the shortcodes then. The other keys keep what the shortcodes wrote,
// once; the page's pad is not changed.
func TestScratchReplay(t *testing.T) {
	page := NewPagePad()
	page.Set("m", map[string]any{})
	page.SetInMap("m", "x", true)
	page.SetInMap("this", "y", true)
	page.Add("n", 1)
	page.Add("n", 1)
	page.Add("kept", 1)

	run := page.Clone()
	run.Set("this", map[string]any{"own": 1}) // a theme's {{ .Scratch.Set "this" dict }} before .Content
	run.Set("n", 10)
	run.Set("m", map[string]any{"z": 0})
	if err := run.Replay(); err != nil {
		t.Fatal(err)
	}
	run.Set("n", 100) // after the content: no replay
	if err := run.Replay(); err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(run.Get("this"), run.Get("n"), run.Get("m"), run.Get("kept"))
	if want := "map[own:1 y:true] 100 map[x:true] 1"; got != want {
		t.Errorf("after Replay: %s; want %s", got, want)
	}
	run.SetInMap("m", "w", 2)
	if got := fmt.Sprint(page.Get("m"), page.Get("n")); got != "map[x:true] 2" {
		t.Errorf("the page's pad changed: %s", got)
	}

	bad := page.Clone()
	bad.Set("this", 1)
	if err := bad.Replay(); err == nil || !strings.Contains(err.Error(), `the page's shortcodes write "this" of its .Scratch`) {
		t.Errorf("a replayed SetInMap on a number: %v", err)
	}
	if NewScratch().Clone().Replay() != nil || (*Scratch)(nil).Replay() != nil {
		t.Error("a pad without writes to replay gave an error")
	}
}
