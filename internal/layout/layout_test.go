package layout

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLookupOrder(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/list.html":     {Data: []byte("list")},
		"layouts/_default/single.html":   {Data: []byte("single")},
		"layouts/people/single.html":     {Data: []byte("person")},
		"layouts/_default/letter.html":   {Data: []byte("letter")},
		"layouts/index.html":             {Data: []byte("home")},
		"layouts/404.html":               {Data: []byte("404")},
		"layouts/tags/term.html":         {Data: []byte("tag term")},
		"layouts/zhanaozen/section.html": {Data: []byte("zh section")},
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	tests := []struct{ kind, typ, layout, want string }{
		{"home", "home", "", "index.html"},
		{"section", "zhanaozen", "", "zhanaozen/section.html"},
		{"section", "complaint", "", "_default/list.html"},
		{"page", "people", "", "people/single.html"},
		{"page", "complaint", "", "_default/single.html"},
		{"page", "action", "letter", "_default/letter.html"},
		{"term", "tags", "", "tags/term.html"},
		{"taxonomy", "tags", "", "_default/list.html"},
		{"404", "", "", "404.html"},
	}
	for _, tt := range tests {
		if got := set.Lookup(tt.kind, tt.typ, tt.layout); got != tt.want {
			t.Errorf("Lookup(%q, %q, %q) = %q; want %q", tt.kind, tt.typ, tt.layout, got, tt.want)
		}
	}
}

func TestBaseofBlocks(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/baseof.html": {Data: []byte(`<main>{{ block "main" . }}default{{ end }}</main>{{ partial "foot" . }}`)},
		"layouts/_default/single.html": {Data: []byte(`{{ define "main" }}page {{ . }}{{ end }}`)},
		"layouts/_default/list.html":   {Data: []byte(`standalone {{ . }}`)},
		"layouts/partials/foot.html":   {Data: []byte(`<footer>{{ . }}</footer>`)},
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	got, prob := set.Execute("_default/single.html", "x", "p")
	if prob != nil {
		t.Fatal(prob)
	}
	if want := "<main>page x</main><footer>x</footer>"; string(got) != want {
		t.Errorf("got %q; want %q", got, want)
	}
	got, _ = set.Execute("_default/list.html", "y", "p")
	if want := "standalone y"; string(got) != want {
		t.Errorf("a template with content of its own must not use baseof: got %q; want %q", got, want)
	}
}

func TestTemplateErrorsNameFileAndLine(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/_default/broken.html": {Data: []byte("ok\n{{ if }}\n")},
		"layouts/_default/single.html": {Data: []byte("line1\n{{ partial \"bad.html\" . }}")},
		"layouts/partials/bad.html":    {Data: []byte("a\nb\n{{ div 1 0 }}")},
	}
	set, probs := Parse(fsys, Env{})
	if len(probs) != 1 || probs[0].File != "layouts/_default/broken.html" || probs[0].Line != 2 {
		t.Fatalf("parse problems = %v; want one at layouts/_default/broken.html:2", probs)
	}
	_, prob := set.Execute("_default/single.html", map[string]any{}, "content/a.md")
	if prob == nil {
		t.Fatal("no problem from a failing partial")
	}
	if prob.File != "layouts/partials/bad.html" || prob.Line != 3 || !strings.Contains(prob.Message, "content/a.md") {
		t.Errorf("got %s; want a problem at layouts/partials/bad.html:3 naming content/a.md", prob)
	}
}

func TestUrlize(t *testing.T) {
	tests := map[string]string{
		"Zhanaozen 2011":     "zhanaozen-2011",
		"Жанаозен":           "жанаозен",
		"«Голос Республики»": "голос-республики",
		"Халық майданы":      "халық-майданы",
		"  --a  b--  ":       "a-b",
		"e\u0301":            "é",
		"K+":                 "k",
	}
	for in, want := range tests {
		if got := Urlize(in); got != want {
			t.Errorf("Urlize(%q) = %q; want %q", in, got, want)
		}
	}
}
