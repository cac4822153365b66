package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestFeedURL: .FeedURL is the feed a page's <link rel="alternate">
// names, and there is a feed only where it lists something: the home
// page, a section or term with pages. An empty section (a search page, a
// section that is one text) wrote an empty feed dated 1970.
func TestFeedURL(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                    {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n")},
		"layouts/_default/list.html":   {Data: []byte(`[{{ .FeedURL }}]`)},
		"layouts/_default/single.html": {Data: []byte(`[{{ .FeedURL }}]`)},
		"content/_index.md":            {Data: []byte("---\ntitle: Home\n---\n")},
		"content/news/_index.md":       {Data: []byte("---\ntitle: News\n---\n")},
		"content/news/a.md":            {Data: []byte("---\ntitle: A\ndate: 2012-11-21\ntags: [x]\n---\n")},
		"content/about/_index.md":      {Data: []byte("---\ntitle: About\n---\nText.\n")},
		"content/search/_index.md":     {Data: []byte("---\ntitle: Search\nbuild: {list: never}\n---\n")},
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	for name, want := range map[string]string{
		// Text, so not made page-relative as an href would be.
		"index.html": "[/index.xml]", "news/index.html": "[/news/index.xml]", "tags/x/index.html": "[/tags/x/index.xml]",
		"news/a/index.html": "[]", "about/index.html": "[]", "search/index.html": "[]",
	} {
		if got := string(res.Files[name]); got != want {
			t.Errorf("%s = %q; want %q", name, got, want)
		}
	}
	for _, f := range []string{"index.xml", "news/index.xml", "tags/x/index.xml"} {
		if _, ok := res.Files[f]; !ok {
			t.Errorf("no %s", f)
		}
	}
	for f := range res.Files {
		if strings.HasPrefix(f, "about/index.xml") || strings.HasPrefix(f, "search/index.xml") {
			t.Errorf("%s written: a feed of nothing", f)
		}
	}
}

// TestLanguageWithoutPagesHasNoFeed: a language whose home is its only
// page has no feed (it was empty, dated 1970, and linked from the head).
func TestLanguageWithoutPagesHasNoFeed(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                    {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n[languages.ru]\nname = \"Русский\"\n")},
		"layouts/_default/list.html":   {Data: []byte(`[{{ .FeedURL }}]`)},
		"layouts/_default/single.html": {Data: []byte(`[{{ .FeedURL }}]`)},
		"content/_index.md":            {Data: []byte("---\ntitle: Home\n---\n")},
		"content/_index.ru.md":         {Data: []byte("---\ntitle: Главная\n---\n")},
		"content/a.md":                 {Data: []byte("---\ntitle: A\ndate: 2012-11-21\n---\n")},
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	if got := string(res.Files["ru/index.html"]); got != "[]" {
		t.Errorf("ru home = %q; want no feed", got)
	}
	if _, ok := res.Files["ru/index.xml"]; ok {
		t.Error("ru/index.xml written: a feed of nothing")
	}
	if _, ok := res.Files["index.xml"]; !ok {
		t.Error("no index.xml for the language with a page")
	}
}
