package layout

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// returnSet parses a page layout (single.html) with the partials given.
func returnSet(t *testing.T, page string, partials map[string]string) *Set {
	t.Helper()
	fsys := fstest.MapFS{"layouts/_default/single.html": {Data: []byte(page)}}
	for name, text := range partials {
		fsys["layouts/partials/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) > 0 {
		t.Fatalf("parse: %v", probs)
	}
	return set
}

func runPage(t *testing.T, set *Set, data any) string {
	t.Helper()
	got, prob := set.Execute("_default/single.html", data, "content/x.md")
	if prob != nil {
		t.Fatalf("execute: %v", prob)
	}
	return string(got)
}

// A partial that ends with return gives its value, of its own type and as
// it is, and its text is dropped. The outputs are Hugo 0.165's for the
// same templates.
func TestPartialReturnsValue(t *testing.T) {
	partials := map[string]string{
		"num.html":    "text before {{ $x := add . 1 }}\n{{ return $x }}\n",
		"html.html":   `{{ return "<b>x</b>" }}`,
		"safe.html":   `{{ return ("<b>x</b>" | safeHTML) }}`,
		"bare.html":   "text of bare {{ return }}",
		"map.html":    `{{ return dict "a" 1 "b" "two" }}`,
		"nil.html":    `{{ return .missing }}`,
		"dollar.html": `{{ with "inner" }}{{ end }}{{ return $.name }}`,
		// Hugo runs the whole partial, then works out its return.
		"late.html":  `{{ $x := 1 }}{{ return $x }}{{ $x = 2 }}`,
		"falsy.html": `{{ return printf "[%v]" . }}`,
		"outer.html": `{{ $n := partial "num.html" . }}{{ return mul $n 10 }}`,
	}
	for page, want := range map[string]string{
		`{{ partial "num.html" 2 }}`:                                                   "3",
		`{{ add (partial "num.html" 2) 1 }}`:                                           "4",
		`{{ partial "html.html" . }} {{ printf "%T" (partial "html.html" .) }}`:        "&lt;b&gt;x&lt;/b&gt; string",
		`{{ partial "safe.html" . }}`:                                                  "<b>x</b>",
		`[{{ partial "bare.html" . }}] {{ printf "%T" (partial "bare.html" .) }}`:      "[text of bare ] template.HTML",
		`{{ (partial "map.html" .).b }}`:                                               "two",
		`[{{ partial "nil.html" dict }}]`:                                              "[]",
		`{{ partial "dollar.html" (dict "name" "Ana") }}`:                              "Ana",
		`{{ partial "late.html" . }}`:                                                  "2",
		`{{ partial "falsy.html" 0 }}{{ partial "falsy.html" "" }}`:                    "[0][]",
		`{{ partial "outer.html" 1 }}`:                                                 "20",
		`{{ partialCached "num.html" 5 }} {{ partialCached "num.html" 6 "v" }}`:        "6 7",
		`{{ partials.Include "num.html" 7 }} {{ partials.IncludeCached "num" 8 "v" }}`: "8 9",
	} {
		if got := runPage(t, returnSet(t, page, partials), nil); got != want {
			t.Errorf("%s\ngot  %q\nwant %q", page, got, want)
		}
	}
}

// A page's own values reach the caller as they are: a partial may find and
// return a page, whose fields and methods the caller reads.
func TestPartialReturnsPage(t *testing.T) {
	type page struct {
		Title string
		Pages []*page
	}
	home := &page{Title: "Home", Pages: []*page{{Title: "Oil"}, {Title: "Gas"}}}
	set := returnSet(t, `{{ $p := partial "find.html" (dict "in" .Pages "title" "Gas") }}{{ $p.Title }} {{ printf "%T" $p }}`,
		map[string]string{"find.html": `{{ $found := "" }}{{ range .in }}{{ if eq .Title $.title }}{{ $found = . }}{{ end }}{{ end }}{{ return $found }}`})
	if got, want := runPage(t, set, home), "Gas *layout.page"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A partial in the shape of the value-returning partials of Hugo themes
// (LoveIt's function/checkbox.html: a value worked out in variables, then
// returned at the end, the text around trimmed): its string reaches the
// caller, which marks it safe.
func TestThemeStyleReturningPartial(t *testing.T) {
	set := returnSet(t, `{{- $c := partial "function/tick.html" .Text -}}{{ $c | safeHTML }}`, map[string]string{
		"function/tick.html": "{{- /* open boxes */ -}}\n" +
			"{{- $from := `<input type=\"checkbox\">` -}}\n" +
			"{{- $to := `<i class=\"box\"></i>` -}}\n" +
			"{{- $text := replaceRE $from $to . -}}\n\n" +
			"{{- /* ticked boxes */ -}}\n" +
			"{{- $from = `<input checked type=\"checkbox\">` -}}\n" +
			"{{- $to = `<i class=\"tick\"></i>` -}}\n" +
			"{{- return replaceRE $from $to $text -}}\n",
	})
	got := runPage(t, set, map[string]any{"Text": `<input type="checkbox"> call <input checked type="checkbox"> write`})
	if want := `<i class="box"></i> call <i class="tick"></i> write`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Pages render at once; each call's value is its own.
func TestPartialReturnParallel(t *testing.T) {
	set := returnSet(t, `{{ partial "twice.html" .N }}`, map[string]string{"twice.html": `{{ $d := mul . 2 }}{{ return $d }}`})
	var wg sync.WaitGroup
	errs := make([]string, 64)
	for i := range errs {
		wg.Go(func() {
			got, prob := set.Execute("_default/single.html", map[string]int{"N": i}, "content/x.md")
			if prob != nil || string(got) != fmt.Sprint(2*i) {
				errs[i] = fmt.Sprintf("page %d: got %q, %v", i, got, prob)
			}
		})
	}
	wg.Wait()
	for _, e := range errs {
		if e != "" {
			t.Error(e)
		}
	}
}

// A partial that returns and calls itself stops at the depth limit, at
// its call.
func TestReturningPartialDepth(t *testing.T) {
	set := returnSet(t, `{{ partial "loop.html" 1 }}`, map[string]string{"loop.html": `{{ $x := partial "loop.html" . }}{{ return $x }}`})
	_, prob := set.Execute("_default/single.html", nil, "content/x.md")
	if prob == nil || prob.File != "layouts/partials/loop.html" || !strings.Contains(prob.Message, "more than 100 levels deep") {
		t.Errorf("got %+v; want the depth problem at loop.html", prob)
	}
}

// An error in the returned value is at the partial's line of return.
func TestReturnErrorAtItsLine(t *testing.T) {
	set := returnSet(t, `{{ partial "bad.html" . }}`, map[string]string{"bad.html": "{{ $x := 1 }}\n\n{{ return index 1 5 }}"})
	_, prob := set.Execute("_default/single.html", nil, "content/x.md")
	if prob == nil || prob.File != "layouts/partials/bad.html" || prob.Line != 3 || !strings.Contains(prob.Message, "can't index item of type int") {
		t.Errorf("got %+v; want the index problem at bad.html:3", prob)
	}
}

// What Hugo refuses, or reads otherwise than it looks, is a problem at the
// template's line, found when the layouts are read.
func TestReturnMisuse(t *testing.T) {
	for _, c := range []struct {
		file, text string
		line       int
		msg, hint  string
	}{
		{"_default/list.html", "x\n{{ return 3 }}", 2, "this file is not a partial", `{{ $x := partial "name.html" . }}`},
		{"shortcodes/sc.html", "{{ return .Get 0 }}", 1, "this file is not a partial", "layouts/partials/"},
		{"partials/a.html", "{{ $x := 1 }}\n{{ if . }}{{ return $x }}{{ end }}", 2, "return inside {{ if }}: Hugo gives the value", "end the partial with one {{ return $x }}"},
		{"partials/a.html", "{{ if . }}{{ else }}{{ return 2 }}{{ end }}", 1, "return inside {{ if }}", "{{ $x = … }}"},
		{"partials/a.html", "{{ with .x }}{{ return . }}{{ end }}", 1, "with . the partial's argument, not the block's", "outside any"},
		{"partials/a.html", "{{ range . }}{{ return . }}{{ end }}", 1, "return inside {{ with }} or {{ range }}", "outside any"},
		{"partials/a.html", "{{ define \"partials/in\" }}{{ return 5 }}{{ end }}{{ template \"partials/in\" . }}", 1, `return inside {{ define "partials/in" }}`, "outside any"},
		{"partials/a.html", "{{ return 1 }}\n{{ return 2 }}", 2, "a second return: the partial gives the value of its return on line 1", "keep one {{ return }}"},
		{"partials/a.html", "{{ . | return }}", 1, "not from a pipe", "{{ return VALUE }}"},
		{"partials/a.html", "{{ print (return 1) }}", 1, "inside another expression", "alone"},
	} {
		fsys := fstest.MapFS{"layouts/" + c.file: {Data: []byte(c.text)}}
		_, probs := Parse(fsys, Env{})
		if len(probs) != 1 || probs[0].File != "layouts/"+c.file || probs[0].Line != c.line ||
			!strings.Contains(probs[0].Message, c.msg) || !strings.Contains(probs[0].Hint, c.hint) {
			t.Errorf("%s: %q\ngot  %+v\nwant one problem at line %d: %q, hint %q", c.file, c.text, probs, c.line, c.msg, c.hint)
		}
	}
}

// A bare {{ return }} writes nothing and ends nothing, as in Hugo: a page
// may hold it, and a partial with only it gives its text.
func TestBareReturn(t *testing.T) {
	set := returnSet(t, `a{{ return }}b{{ partial "p.html" . }}`, map[string]string{"p.html": "c{{ return }}d"})
	if got, want := runPage(t, set, nil), "abcd"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A partial run by {{ template }} from a partial that returns keeps its
// own text: only the partial called is rewritten.
func TestReturnWithTemplateCall(t *testing.T) {
	set := returnSet(t, `{{ partial "wrap.html" "Ana" }}`, map[string]string{
		"wrap.html":  `{{ $s := "x" }}{{ template "partials/hello.html" . }}{{ return $s }}`,
		"hello.html": `Hello, {{ . }}!`,
	})
	if got, want := runPage(t, set, nil), "x"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A partial that returns, run by {{ template }}, is a problem at the call:
// only partial takes its value (Hugo stops there, at the partial).
func TestReturningPartialByTemplate(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/single.html": {Data: []byte(`{{ partial "via.html" . }}`)},
		"layouts/partials/via.html":    {Data: []byte("x\n{{ template \"partials/num.html\" 3 }}")},
		"layouts/partials/num.html":    {Data: []byte(`{{ return add . 1 }}`)},
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) != 1 || probs[0].File != "layouts/partials/via.html" || probs[0].Line != 2 ||
		!strings.Contains(probs[0].Message, "gives a value with return") || !strings.Contains(probs[0].Hint, `{{ $x := partial "num.html" . }}`) {
		t.Fatalf("got %+v; want one problem at via.html:2 saying to call num.html with partial", probs)
	}
	// The page runs without a second problem: via.html is left out.
	if _, prob := set.Execute("_default/single.html", nil, "content/x.md"); prob != nil {
		t.Errorf("the page adds %+v", prob)
	}
}
