package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// .Site.GetPage takes Hugo's older kind-and-path form, which themes such as
// Stack still write, and a page's .GetPage looks beside the page first,
// as Hugo's do (outputs checked against Hugo 0.165).
func TestGetPageForms(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                  {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n[taxonomies]\ncategory = \"categories\"\n")},
		"content/_index.md":          {Data: []byte("---\ntitle: Home\n---\n")},
		"content/news/_index.md":     {Data: []byte("---\ntitle: News\n---\n")},
		"content/news/a.md":          {Data: []byte("---\ntitle: News A\ncategories: [trials]\n---\n")},
		"content/a.md":               {Data: []byte("---\ntitle: Root A\n---\n")},
		"content/people/_index.md":   {Data: []byte("---\ntitle: People\n---\n")},
		"content/people/k/index.md":  {Data: []byte("---\ntitle: Kozlov\n---\n")},
		"layouts/_default/list.html": {Data: []byte(`{{ .Title }}`)},
		"layouts/_default/single.html": {Data: []byte(
			`old:{{ with .Site.GetPage "section" "news" }}{{ .Title }}{{ end }}|` +
				`{{ with .Site.GetPage "taxonomyTerm" "categories" }}{{ .Title }}{{ end }}|` +
				`{{ with .Site.GetPage "home" }}{{ .Title }}{{ end }}|` +
				`{{ with .Site.GetPage "section" "" }}{{ .Title }}{{ end }}|` +
				`page:{{ with .GetPage "a.md" }}{{ .Title }}{{ end }}|` +
				`{{ with .GetPage "/a.md" }}{{ .Title }}{{ end }}|` +
				`{{ with .GetPage "/people/k" }}{{ .Title }}{{ end }}|` +
				`{{ with .GetPage "missing" }}{{ .Title }}{{ else }}none{{ end }}`)},
	}
	out := builtText(t, fsys)
	wantIn(t, out,
		"news/a/index.html", "old:News|Categories|Home|Home|page:News A|Root A|Kozlov|none",
		"a/index.html", "old:News|Categories|Home|Home|page:Root A|Root A|Kozlov|none",
	)
	fsys["layouts/_default/single.html"] = &fstest.MapFile{Data: []byte(`{{ .Site.GetPage "section" "news" "a" }}`)}
	res := build(t, fsys, Options{})
	if got := problems(res.Problems); !strings.Contains(got, `GetPage takes a page's path, not 3 parts: write {{ .Site.GetPage "news/a" }}`) {
		t.Errorf("three parts: got\n%s", got)
	}
}
