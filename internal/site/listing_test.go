package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestBuildListAndSitemap: Hugo's build.list and sitemap front matter.
// A "never" page is published but in no list, feed, term page or
// sitemap (a profile of someone at risk, reachable only by its link); a
// "local" one is in its section's lists only; sitemap.disable leaves a
// listed page out of sitemap.xml alone. linkTitle is .LinkTitle.
func TestBuildListAndSitemap(t *testing.T) {
	page := func(fm string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\n" + fm + "\n---\nText.\n")}
	}
	list := `{{ .Title }}:{{ range .Pages }} {{ .LinkTitle }}{{ end }}|site:{{ range .Site.RegularPages }} {{ .Title }}{{ end }}|sections:{{ range .Site.Sections }} {{ .Title }}{{ end }}`
	fsys := fstest.MapFS{
		"site.toml":                    {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n")},
		"layouts/_default/list.html":   {Data: []byte(list)},
		"layouts/_default/single.html": {Data: []byte(`{{ .Title }}{{ if .Sitemap.Disable }} noindex{{ end }}`)},
		"content/_index.md":            page("title: Home"),
		"content/people/_index.md":     page("title: People"),
		"content/people/a.md":          page("title: A\nlinkTitle: Ana\ndate: 2012-01-01\ntags: [x]\nsitemap: {changefreq: monthly, priority: 0.8}"),
		"content/people/b.md":          page("title: B\ndate: 2012-01-02\ntags: [x, only-b]\nbuild:\n  list: never"),
		"content/people/c.md":          page("title: C\ndate: 2012-01-03\ntags: [x]\nbuild: {list: local}"),
		"content/people/d.md":          page("title: D\ndate: 2012-01-04\nsitemap:\n  disable: true"),
		"content/hidden/_index.md":     page("title: Hidden\nbuild: {list: never}"),
		"content/hidden/e.md":          page("title: E\ndate: 2012-01-05"),
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	file := func(name string) string { return string(res.Files[name]) }
	for name, want := range map[string]string{
		// E is listed, though its section is not: build options are the
		// page's own, as in Hugo (without cascade).
		"people/index.html":   "People: D C Ana|site: E D A|sections: People",
		"people/b/index.html": "B",
		"people/d/index.html": "D noindex",
		"tags/x/index.html":   "x: Ana|",
	} {
		if got := file(name); !strings.HasPrefix(got, want) {
			t.Errorf("%s = %q; want it to start %q", name, got, want)
		}
	}
	if _, ok := res.Files["tags/only-b/index.html"]; ok {
		t.Error("a term only a never-listed page has got a term page")
	}
	feed := file("index.xml")
	for _, leftOut := range []string{"/people/b/", "/people/c/", "/hidden/"} {
		if strings.Contains(feed, "https://example.org"+leftOut+"<") || strings.Contains(feed, "https://example.org"+leftOut+"\"") {
			t.Errorf("the site feed lists %s:\n%s", leftOut, feed)
		}
	}
	sitemap := file("sitemap.xml")
	for _, leftOut := range []string{"/people/b/", "/people/d/", "/hidden/<"} {
		if strings.Contains(sitemap, "https://example.org"+leftOut) {
			t.Errorf("the sitemap lists %s", leftOut)
		}
	}
	for _, in := range []string{"https://example.org/people/c/", "https://example.org/hidden/e/",
		"<loc>https://example.org/people/a/</loc><lastmod>2012-01-01</lastmod><changefreq>monthly</changefreq><priority>0.8</priority>"} {
		if !strings.Contains(sitemap, in) {
			t.Errorf("the sitemap lacks %s:\n%s", in, sitemap)
		}
	}
}
