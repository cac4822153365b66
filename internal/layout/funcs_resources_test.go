package layout

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// docAssets is an assets/ folder holding css/main.css, for the docs'
// examples; package site's tests run the real one.
type docAssets struct{}

type docAsset struct{ name, text string }

func (a docAsset) RelPermalink() string { return "/" + a.name }
func (a docAsset) Name() string         { return "/" + a.name }
func (a docAsset) Content() string      { return a.text }
func (a docAsset) Data() map[string]any { return map[string]any{"Integrity": ""} }

var errNotInDocs = errors.New("not in the docs' assets")

func (docAssets) Get(name string) (any, error) {
	if name == "css/main.css" {
		return docAsset{name, "body { color: red; }"}, nil
	}
	return nil, nil
}
func (docAssets) GetMatch(string) (any, error)    { return nil, errNotInDocs }
func (docAssets) Match(string) (any, error)       { return nil, errNotInDocs }
func (docAssets) ByType(string) (any, error)      { return nil, errNotInDocs }
func (docAssets) Concat(string, any) (any, error) { return nil, errNotInDocs }
func (docAssets) Copy(string, any) (any, error)   { return nil, errNotInDocs }
func (docAssets) FromString(target, text string) (any, error) {
	return docAsset{target, text}, nil
}

// ExecuteAsTemplate runs the file as a text template, with the set's
// functions: a stylesheet's quotes and > are not escaped.
func TestExecuteAsTemplate(t *testing.T) {
	env := Env{Assets: docAssets{}}
	got, err := execute(t, env, `{{ with resources.FromString "in.css" "a > b { content: \"{{ upper . }}\" }" }}{{ (resources.ExecuteAsTemplate "out.css" "x" .).Content }}{{ end }}`, nil)
	if want := `a &gt; b { content: &#34;X&#34; }`; err != nil || got != want {
		t.Errorf("got %q, %v; want %q (escaped once, by the page)", got, err, want)
	}
	if _, err := execute(t, env, `{{ resources.ExecuteAsTemplate "out.css" . "text" }}`, nil); err == nil || !strings.Contains(err.Error(), "takes a resource") {
		t.Errorf("a text for a resource: %v", err)
	}
	if _, err := execute(t, env, `{{ "x" | minify }}`, nil); err == nil || !strings.Contains(err.Error(), "minify takes a resource") {
		t.Errorf("minify of a text: %v", err)
	}
	if _, err := execute(t, env, `{{ resources.Get "css/main.css" | fingerprint "crc" }}`, nil); err == nil || !strings.Contains(err.Error(), "not an algorithm") {
		t.Errorf("fingerprint crc: %v", err)
	}
}

// What needs a tool from outside or the network is a problem at its
// line, saying what to do instead.
func TestResourcesLeftOut(t *testing.T) {
	lines := []string{
		`{{ $css := resources.Get "main.scss" | toCSS }}`,
		`{{ $css := resources.Get "main.scss" | css.Sass }}`,
		`{{ $css := resources.Get "main.css" | postCSS }}`,
		`{{ $js := resources.Get "main.js" | js.Build }}`,
		`{{ $js := resources.Get "main.js" | babel }}`,
		`{{ $r := resources.GetRemote "https://example.org/a.css" }}`,
	}
	_, probs := Parse(fstest.MapFS{"layouts/_default/single.html": {Data: []byte(strings.Join(lines, "\n"))}}, Env{})
	want := []string{"put the CSS in assets/", "put the CSS in assets/", "put the CSS in assets/", "put it in assets/", "put it in assets/", "loads nothing from other sites"}
	if len(probs) != len(want) {
		t.Fatalf("problems %v; want %d", probs, len(want))
	}
	for i, w := range want {
		if p := probs[i]; p.Line != i+1 || !strings.Contains(p.Hint, w) {
			t.Errorf("line %d: %s (%s); want a hint holding %q", i+1, p.Error(), p.Hint, w)
		}
	}
}
