package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestLangURLAndSiteFunctions: relLangURL and absLangURL put the page's
// language's prefix in front of a path, and site is the page's .Site, as
// in Hugo; a partial handed a string can still read the site.
func TestLangURLAndSiteFunctions(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml": {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"Campaign\"\n" +
			"[languages.ru]\nname = \"Русский\"\ntitle = \"Кампания\"\n")},
		"layouts/_default/list.html": {Data: []byte(`<a href="{{ relLangURL "about/" }}">a</a> {{ absLangURL "about/" }} {{ partial "t.html" "x" }}`)},
		"layouts/partials/t.html":    {Data: []byte(`{{ site.Title }}`)},
		"content/_index.md":          {Data: []byte("---\ntitle: Home\n---\n")},
		"content/_index.ru.md":       {Data: []byte("---\ntitle: Главная\n---\n")},
		"content/about/_index.md":    {Data: []byte("---\ntitle: About\n---\n")},
		"content/about/_index.ru.md": {Data: []byte("---\ntitle: О нас\n---\n")},
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	for name, want := range map[string]string{
		"index.html":    `<a href="about/">a</a> https://example.org/about/ Campaign`,
		"ru/index.html": `<a href="about/">a</a> https://example.org/ru/about/ Кампания`,
	} {
		if got := string(res.Files[name]); !strings.Contains(got, want) {
			t.Errorf("%s = %q; want it to hold %q", name, got, want)
		}
	}
}
