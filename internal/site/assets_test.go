package site

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/samizdat-press/samizdat/internal/config"
)

// assetsSite is a site with assets/ and home as the home page's layout.
func assetsSite(home string) fstest.MapFS {
	return fstest.MapFS{
		"site.toml":                    {Data: []byte("baseURL = \"https://example.org/sub/\"\ntitle = \"T\"\n[output]\nfingerprint = false\nminify = false\n")},
		"layouts/index.html":           {Data: []byte(home)},
		"layouts/_default/single.html": {Data: []byte(`{{ .Title }}`)},
		"content/_index.md":            {Data: []byte("---\ntitle: Home\n---\n")},
		"assets/css/main.css":          {Data: []byte("body { color: red; }\n")},
		"assets/css/b.css":             {Data: []byte("a{}\n")},
		"assets/js/a.js":               {Data: []byte("var a = 1\n")},
		"assets/js/b.js":               {Data: []byte("var b = 2")},
		"assets/js/t.js":               {Data: []byte(`x = "{{ site.Title }}";`)},
		"assets/.hidden.css":           {Data: []byte("x")},
	}
}

// The resources namespace reads assets/ as Hugo 0.165 does: the same
// names, types and addresses (Hugo's printed for the same template, but
// for what samizdat documents: minify and fingerprint give the resource
// back, and .Data.Integrity is empty); Match, GetMatch and ByType in the
// order of the paths; Concat joins scripts with a ; line.
func TestAssetsReadAsHugo(t *testing.T) {
	home := `{{ $css := resources.Get "css/main.css" }}name={{ $css.Name }} title={{ $css.Title }} type={{ $css.ResourceType }} media={{ $css.MediaType }} perm={{ $css.Permalink }}
{{ $m := $css | minify }}min={{ $m.Name }} {{ $m.Content }}
{{ $f := $css | fingerprint "sha512" }}fp={{ $f.Name }} [{{ $f.Data.Integrity }}]
{{ $js := resources.Match "js/[ab].js" | resources.Concat "js/bundle.js" }}concat={{ $js.Name }} {{ printf "%q" $js.Content }} {{ $js.MediaType }} {{ $js.RelPermalink }}
{{ range resources.Match "css/*.css" }}match={{ .Name }} {{ end }}
{{ with resources.GetMatch "**.JS" }}getmatch={{ .Name }}{{ end }}
{{ range resources.ByType "text" }}bytype={{ .Name }} {{ end }}
{{ $s := resources.FromString "x/s.txt" "hello" }}fs={{ $s.Name }} {{ $s.MediaType }} {{ $s.ResourceType }} {{ $s.RelPermalink }}
{{ $t := resources.Get "js/t.js" | resources.ExecuteAsTemplate "js/t2.js" . }}eat={{ $t.Content }} {{ $t.RelPermalink }}
{{ with resources.Get "nope.css" }}x{{ else }}none{{ end }}
{{ with resources.Get "CSS/Main.css" }}x{{ else }}case{{ end }}
{{ with resources.Get ".hidden.css" }}x{{ else }}hidden{{ end }}`
	out := builtText(t, assetsSite(home))
	want := `name=/css/main.css title=/css/main.css type=text media=text/css perm=https://example.org/sub/css/main.css
min=/css/main.css body { color: red; }

fp=/css/main.css []
concat=/js/bundle.js &#34;var a = 1\n\n;\nvar b = 2&#34; text/javascript /js/bundle.js
match=/css/b.css match=/css/main.css 
getmatch=/js/a.js
bytype=/css/b.css bytype=/css/main.css bytype=/js/a.js bytype=/js/b.js bytype=/js/t.js 
fs=/x/s.txt text/plain text /x/s.txt
eat=x = &#34;T&#34;; /js/t2.js
none
case
hidden`
	if got := out["index.html"]; got != want {
		t.Errorf("home:\n%s\nwant\n%s", got, want)
	}
	// Published: what a template asked the address of, at its path.
	for name, data := range map[string]string{
		"css/main.css": "body { color: red; }\n", "js/bundle.js": "var a = 1\n\n;\nvar b = 2", "x/s.txt": "hello", "js/t2.js": `x = "T";`,
	} {
		if out[name] != data {
			t.Errorf("%s is %q, want %q", name, out[name], data)
		}
	}
	// Not published: read for .Content and Concat only, as in Hugo.
	for _, name := range []string{"css/b.css", "js/a.js", "js/t.js", ".hidden.css"} {
		if _, ok := out[name]; ok {
			t.Errorf("%s is published; no template asked for its address", name)
		}
	}
}

// A theme's head partial works unchanged: the stylesheet it pipes through
// minify and fingerprint is minified and named by its hash, and the page
// links that name.
func TestAssetsFinishedAsStatic(t *testing.T) {
	fsys := assetsSite(`{{ $css := resources.Get "css/main.css" | minify | fingerprint }}<link rel="stylesheet" href="{{ $css.RelPermalink }}">`)
	fsys["site.toml"] = &fstest.MapFile{Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n")}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	css := fingerprinted(t, res, "css/main.", ".css")
	if got := string(res.Files[css]); got != "body{color:red}" {
		t.Errorf("%s is %q, want it minified", css, got)
	}
	if got, want := string(res.Files["index.html"]), `href="`+css+`"`; !strings.Contains(got, want) {
		t.Errorf("home links the stylesheet as\n%s\nwant %s", got, want)
	}
}

// Two different texts at one target are a problem, whichever page runs
// first: the build would otherwise publish one at random.
func TestAssetsTwoTextsAtOneTarget(t *testing.T) {
	fsys := assetsSite(`{{ (resources.FromString "a.txt" "home").RelPermalink }}`)
	fsys["layouts/_default/single.html"] = &fstest.MapFile{Data: []byte(`{{ (resources.FromString "a.txt" .Title).RelPermalink }}`)}
	fsys["content/p.md"] = &fstest.MapFile{Data: []byte("---\ntitle: P\n---\n")}
	res := build(t, fsys, Options{})
	if got := problems(res.Problems); !strings.Contains(got, "two different files at /a.txt") {
		t.Errorf("problems:\n%s\nwant one for a.txt", got)
	}
}

// The dev server's build after a save of a file of assets/ shows it, and
// one after a save of a page, whose other templates come from the cache,
// still publishes what they asked for.
func TestAssetsRebuiltWithCache(t *testing.T) {
	fsys := assetsSite(`<link rel="stylesheet" href="{{ (resources.Get "css/main.css").RelPermalink }}">`)
	fsys["content/p.md"] = &fstest.MapFile{Data: []byte("---\ntitle: P\n---\nText.\n")}
	cfg, _ := config.Load(fsys)
	cache := NewCache()
	run := func() Result {
		t.Helper()
		res := Build(context.Background(), fsys, cfg, Options{Now: buildNow}, cache)
		if len(res.Problems) > 0 {
			t.Fatalf("problems:\n%s", problems(res.Problems))
		}
		return res
	}
	run()
	fsys["assets/css/main.css"] = &fstest.MapFile{Data: []byte("body { color: blue; }\n"), ModTime: time.Unix(2, 0)}
	if got := string(run().Files["css/main.css"]); got != "body { color: blue; }\n" {
		t.Errorf("after the save css/main.css is %q", got)
	}
	fsys["content/p.md"] = &fstest.MapFile{Data: []byte("---\ntitle: P\n---\nOther text.\n"), ModTime: time.Unix(3, 0)}
	if got := string(run().Files["css/main.css"]); got != "body { color: blue; }\n" {
		t.Errorf("after a page's save css/main.css is %q", got)
	}
}

// docs/templates.md's example: the stylesheet and the scripts joined are
// published, minified and fingerprinted, and linked.
func TestAssetsDocumentedExample(t *testing.T) {
	fsys := assetsSite(string(templatesExample(t, "The theme's files: `assets/`")))
	fsys["site.toml"] = &fstest.MapFile{Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n")}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	css, js := fingerprinted(t, res, "css/main.", ".css"), fingerprinted(t, res, "js/bundle.", ".js")
	home := string(res.Files["index.html"])
	for _, want := range []string{`href="` + css + `"`, `src="` + js + `"`} {
		if !strings.Contains(home, want) {
			t.Errorf("home\n%s\nlacks %s", home, want)
		}
	}
}

// PaperMod's head partial (layouts/partials/head.html, v8), its
// stylesheet lines as they are but for the integrity and crossorigin
// attributes, which samizdat refuses: the theme's CSS, joined in four steps, is one
// minified, fingerprinted file, and nothing of the steps is published.
func TestAssetsPaperModHead(t *testing.T) {
	head := `{{- $theme_vars := (resources.Get "css/core/theme-vars.css") }}
{{- $reset := (resources.Get "css/core/reset.css") }}
{{- $common := (resources.Match "css/common/*.css") | resources.Concat "assets/css/common.css" }}
{{- $core := (slice $theme_vars $reset $common) | resources.Concat "assets/css/core.css" }}
{{- $extended := (resources.Match "css/extended/*.css") | resources.Concat "assets/css/extended.css" }}
{{- $stylesheet := (slice $core $extended) | resources.Concat "assets/css/stylesheet.css" | minify | fingerprint }}
<link href="{{ $stylesheet.RelPermalink }}" rel="preload stylesheet" as="style">`
	fsys := fstest.MapFS{
		"site.toml":                      {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n")},
		"layouts/index.html":             {Data: []byte(`<head>{{ partial "head.html" . }}</head>`)},
		"layouts/partials/head.html":     {Data: []byte(head)},
		"content/_index.md":              {Data: []byte("---\ntitle: Home\n---\n")},
		"assets/css/core/theme-vars.css": {Data: []byte(":root { --gap: 24px; }\n")},
		"assets/css/core/reset.css":      {Data: []byte("body { margin: 0; }\n")},
		"assets/css/common/header.css":   {Data: []byte(".header { display: flex; }\n")},
		"assets/css/common/footer.css":   {Data: []byte(".footer { color: gray; }\n")},
		"assets/css/extended/custom.css": {Data: []byte(".mine { color: red; }\n")},
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	css := fingerprinted(t, res, "assets/css/stylesheet.", ".css")
	want := ":root{--gap:24px}body{margin:0}.footer{color:gray}.header{display:flex}.mine{color:red}"
	if got := string(res.Files[css]); got != want {
		t.Errorf("%s is\n%s\nwant\n%s", css, got, want)
	}
	if home := string(res.Files["index.html"]); !strings.Contains(home, `href="`+css+`"`) {
		t.Errorf("home links\n%s\nwant %s", home, css)
	}
	for name := range res.Files {
		if strings.HasPrefix(name, "assets/css/co") || strings.HasPrefix(name, "assets/css/ex") || strings.HasPrefix(name, "css/") {
			t.Errorf("%s is published; no template asked for its address", name)
		}
	}
}

// A file of assets/ and one of static/ at one address are a problem
// naming both, as two files of static/ and content/ are.
func TestAssetsAndStaticAtOneAddress(t *testing.T) {
	fsys := assetsSite(`{{ (resources.Get "css/main.css").RelPermalink }}`)
	fsys["static/css/main.css"] = &fstest.MapFile{Data: []byte("p{}")}
	res := build(t, fsys, Options{})
	if got := problems(res.Problems); !strings.Contains(got, "claimed by more than one source: assets/css/main.css, static/css/main.css") {
		t.Errorf("problems:\n%s\nwant one naming both files", got)
	}
}

// The address of a file assets/ lacks is a problem at the template's
// line, not an empty href: {{ with }} is the way to test for it, as in
// Hugo.
func TestAssetsMissingFileIsAProblem(t *testing.T) {
	fsys := assetsSite(`{{ with resources.Get "css/old.css" }}x{{ end }}<link href="{{ (resources.Get "css/old.css").RelPermalink }}">`)
	res := build(t, fsys, Options{})
	if got := problems(res.Problems); !strings.Contains(got, "layouts/index.html:1:") || !strings.Contains(got, ".RelPermalink of nothing") {
		t.Errorf("problems:\n%s\nwant one at layouts/index.html:1", got)
	}
}

// A theme's stylesheet in assets/ that loads a web font from another
// site is refused as one in static/ is, and the hint names its file.
func TestAssetsLoadFromAnotherSite(t *testing.T) {
	fsys := assetsSite(`<link rel="stylesheet" href="{{ (resources.Get "css/main.css").RelPermalink }}">`)
	fsys["assets/css/main.css"] = &fstest.MapFile{Data: []byte("@import url(https://fonts.example.com/css?family=Lato);\nbody { color: red; }\n")}
	res := build(t, fsys, Options{})
	if got := problems(res.Problems); !strings.Contains(got, "fonts.example.com") || !strings.Contains(got, "assets/css/main.css") {
		t.Errorf("problems:\n%s\nwant the load, with a hint naming assets/css/main.css", got)
	}
}
