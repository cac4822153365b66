package site

import (
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

const loadsSite = `
-- site.toml --
baseURL = "https://example.org/"
title = "T"
-- layouts/_default/baseof.html --
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>
{{ partial "head.html" . }}
<link rel="canonical" href="{{ .Permalink }}"><link rel="alternate" type="application/rss+xml" href="https://example.org/index.xml">
</head><body>{{ block "main" . }}{{ end }}</body></html>
-- layouts/partials/head.html --
<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">
<link rel="stylesheet" href="/css/site.css">
-- layouts/_default/single.html --
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<a href="https://news.example/story">source</a>{{ end }}
-- layouts/_default/list.html --
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
-- layouts/shortcodes/video.html --
<iframe src="https://www.youtube.com/embed/{{ .Get "id" }}" title="video"></iframe>
-- static/css/site.css --
body { color: #222 }
@font-face { font-family: X; src: url(https://fonts.gstatic.com/x.woff2) }
-- static/img/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/track.png"/></svg>
-- content/_index.md --
---
title: Home
---
-- content/news/a.md --
---
title: A
---
{{< video id="abc" >}}

![a remote photo](https://img.example/photo.jpg)
`

// TestLoadsFailTheBuild checks that a layout, a shortcode and a static
// stylesheet that load from other sites are problems of the build, at the
// output file and line, with a hint naming the source file that writes
// the address, once for all the pages a layout shows it on; that links and metadata the browser does not fetch are
// not; and that a remote image in markdown is reported once, by markdown.
func TestLoadsFailTheBuild(t *testing.T) {
	res := build(t, mapFS(txtar.Parse([]byte(loadsSite)).Files), Options{})
	type want struct{ file, message, hint string }
	wants := []want{
		{"index.html", `<link href> loads "https://fonts.googleapis.com/css2?family=Inter" from another site, fonts.googleapis.com (and in 2 other files)`,
			"it is written in layouts/partials/head.html; copy the file into static/ and link it from there"},
		{"news/a/index.html", `<iframe src> loads "https://www.youtube.com/embed/abc" from another site, www.youtube.com`,
			"www.youtube.com is named in layouts/shortcodes/video.html; link to it (<a href>) instead of embedding it"},
		{"css/site.", `url() loads "https://fonts.gstatic.com/x.woff2" from another site`,
			"it is written in static/css/site.css; copy the file into static/"},
		{"content/news/a.md", `image "https://img.example/photo.jpg" is on another site`, ""},
		// A drawing opened on its own fetches what it names.
		{"img/logo.svg", `<image href> loads "https://evil.example/track.png" from another site`, "it is written in static/img/logo.svg"},
	}
	got := res.Problems
	for _, w := range wants {
		found := false
		for i, p := range got {
			if strings.HasPrefix(p.File, w.file) && strings.Contains(p.Message, w.message) && strings.Contains(p.Hint, w.hint) {
				if w.file != "content/news/a.md" && p.Line == 0 {
					t.Errorf("%s has no line", p)
				}
				got = append(got[:i:i], got[i+1:]...)
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no problem %s: %s (hint: %s)", w.file, w.message, w.hint)
		}
	}
	if len(got) > 0 {
		t.Errorf("unexpected problems:\n%s\nall:\n%s", problems(got), problems(res.Problems))
	}
}

// A picture of another site named in site.toml's [params] (a theme's
// avatar), or in a data file, is copied into static/ and written from the
// site's root: the layout puts the value into pages at every depth, and
// "avatar.jpg" would be found from the home page only.
func TestLoadFromASettingSaysFromTheRoot(t *testing.T) {
	files := mapFS(txtar.Parse([]byte(`
-- site.toml --
title = "T"
[params]
avatar = "https://img.example/people/face.jpg?w=64"
-- data/team.yaml --
logo: https://img.example/logo
-- layouts/_default/baseof.html --
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><img src="{{ .Site.Params.avatar }}" alt=""><img src="{{ .Site.Data.team.logo }}" alt="">{{ block "main" . }}{{ end }}</body></html>
-- layouts/_default/list.html --
{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}
-- content/_index.md --
---
title: Home
---
`)).Files)
	got := problems(build(t, files, Options{}).Problems)
	for _, want := range []string{
		`it is written in site.toml: download the file into static/ (static/face.jpg) and write its address there from the site's root, "/face.jpg": ` +
			"a layout puts the value into pages at every depth, and an address without the / before it is looked for in each page's own folder, so only the home page would find it; " +
			"readers where img.example is blocked get a broken page",
		`it is written in data/team.yaml: download the file into static/ (static/NAME) and write its address there from the site's root, "/NAME"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("want a hint %q; got:\n%s", want, got)
		}
	}
	if strings.Contains(got, "relative address") {
		t.Errorf("a hint says to link the copy with a relative address:\n%s", got)
	}
}
