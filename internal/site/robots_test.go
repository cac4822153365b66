package site

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// TestOwnRobotsTxt: a site's static/robots.txt replaces the one the build
// writes (it was refused as a second claim on /robots.txt), and without
// one the build's stands.
func TestOwnRobotsTxt(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                  {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n")},
		"layouts/_default/list.html": {Data: []byte(`{{ .Title }}`)},
		"content/_index.md":          {Data: []byte("---\ntitle: Home\n---\n")},
	}
	res := build(t, fsys, Options{})
	if got := string(res.Files["robots.txt"]); !strings.Contains(got, "Sitemap: https://example.org/sitemap.xml") {
		t.Errorf("robots.txt without a site's own = %q; want the build's, naming the sitemap", got)
	}
	own := "User-agent: *\nDisallow: /people/\n"
	fsys["static/robots.txt"] = &fstest.MapFile{Data: []byte(own)}
	res = build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	if got := string(res.Files["robots.txt"]); got != own {
		t.Errorf("robots.txt = %q; want static/robots.txt's %q", got, own)
	}
}

// TestIrregularStaticFileIsNamed: a named pipe in static/ is named as a
// problem, as one in content/ is; it was skipped without a word.
func TestIrregularStaticFileIsNamed(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                  {Data: []byte("title = \"T\"\n")},
		"layouts/_default/list.html": {Data: []byte(`{{ .Title }}`)},
		"content/_index.md":          {Data: []byte("---\ntitle: Home\n---\n")},
		"static/fifo":                {Mode: fs.ModeNamedPipe},
	}
	res := build(t, fsys, Options{})
	if got := problems(res.Problems); !strings.Contains(got, "static/fifo: this is not an ordinary file (a named pipe, socket or device), so it is not read") {
		t.Errorf("problems:\n%s", got)
	}
}

// TestHeadingAvoidsLayoutIDs: a heading "Main" on a site whose layout
// gives <main> the id "main" (a skip link's target) gets "main-1"; the
// page had two elements with one id, and the skip link went to the
// heading.
func TestHeadingAvoidsLayoutIDs(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                    {Data: []byte("title = \"T\"\n")},
		"layouts/_default/baseof.html": {Data: []byte(`<a href="#main">Skip</a><main id="main">{{ block "main" . }}{{ end }}</main>`)},
		"layouts/_default/single.html": {Data: []byte(`{{ define "main" }}{{ .Content }}{{ end }}`)},
		"layouts/_default/list.html":   {Data: []byte(`{{ define "main" }}{{ .Title }}{{ end }}`)},
		"content/_index.md":            {Data: []byte("---\ntitle: Home\n---\n")},
		"content/a.md":                 {Data: []byte("---\ntitle: A\n---\n## Main\n\nText.\n")},
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	got := string(res.Files["a/index.html"])
	if strings.Count(got, `id="main"`)+strings.Count(got, `id=main `)+strings.Count(got, `id=main>`) != 1 || !strings.Contains(got, "main-1") {
		t.Errorf("a/index.html = %s; want one id main (the layout's) and the heading's main-1", got)
	}
}
