package site

import (
	"fmt"
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

// A section without a date of its own is as new as its newest page, so by
// date alone a site's sections would head its feed and push the stories
// out: feeds list their newest pages, and sections only where pages leave
// room (a small campaign's stories are sections).
func TestFeedsPreferPagesToSections(t *testing.T) {
	entries := func(feed string) []string {
		var out []string
		for _, part := range strings.Split(feed, "<entry>")[1:] {
			title := part[strings.Index(part, "<title>")+len("<title>"):]
			out = append(out, title[:strings.Index(title, "</title>")])
		}
		return out
	}
	fsys := fstest.MapFS{
		"site.toml":                    {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n")},
		"layouts/_default/list.html":   {Data: []byte(`x`)},
		"layouts/_default/single.html": {Data: []byte(`x`)},
		"content/_index.md":            {Data: []byte("---\ntitle: Home\n---\n")},
		"content/news/_index.md":       {Data: []byte("---\ntitle: News\n---\n")},
		"content/news/older/_index.md": {Data: []byte("---\ntitle: Older\n---\n")},
		"content/news/older/o.md":      {Data: []byte("---\ntitle: O\ndate: 2012-01-01\n---\n")},
	}
	for i := range 22 {
		fsys[fmt.Sprintf("content/news/p%02d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: P%02d\ndate: 2012-11-%02d\n---\n", i, i+1))}
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	for _, feed := range []string{"index.xml", "news/index.xml"} {
		got := entries(string(res.Files[feed]))
		if len(got) != 20 || got[0] != "P21" || got[19] != "P02" {
			t.Errorf("%s lists %v; want the 20 newest pages, P21 to P02, and no section", feed, got)
		}
	}
	// A section with a date of its own is a story: it competes by date.
	fsys["content/story/_index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Story\ndate: 2012-11-25\n---\nText.\n")}
	res = build(t, fsys, Options{})
	if got := entries(string(res.Files["index.xml"])); len(got) != 20 || got[0] != "Story" || got[1] != "P21" {
		t.Errorf("index.xml lists %v; want the dated section Story first, then P21", got)
	}
	delete(fsys, "content/story/_index.md")
	// With room to spare, the sections come in, by their dates.
	for i := range 20 {
		delete(fsys, fmt.Sprintf("content/news/p%02d.md", i+2))
	}
	res = build(t, fsys, Options{})
	if got, want := strings.Join(entries(string(res.Files["index.xml"])), ","), "News,P01,P00,O,Older"; got != want {
		t.Errorf("index.xml lists %s; want %s", got, want)
	}
}
