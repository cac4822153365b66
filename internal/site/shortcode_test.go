package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestShortcodeInner checks what .Inner gives a {{< >}} call's template:
// its text escaped, so that raw HTML in it is shown, not run, with the
// HTML of calls nested in it kept as HTML (it was escaped a second time,
// and readers saw a quote's tags in a factbox), also when markup.unsafe
// allows raw HTML.
func TestShortcodeInner(t *testing.T) {
	for _, unsafe := range []bool{false, true} {
		site := "baseURL = \"https://example.org/\"\ntitle = \"T\"\n"
		if unsafe {
			site += "[markup]\nunsafe = true\n"
		}
		fsys := fstest.MapFS{
			"site.toml":                       {Data: []byte(site)},
			"layouts/_default/single.html":    {Data: []byte(`<main>{{ .Content }}</main>`)},
			"layouts/_default/list.html":      {Data: []byte(`<main>{{ .Content }}</main>`)},
			"layouts/shortcodes/factbox.html": {Data: []byte(`<aside>{{ .Inner }}</aside>`)},
			"layouts/shortcodes/quote.html":   {Data: []byte(`<figure><blockquote>{{ .Inner }}</blockquote><figcaption>{{ .Get "by" }}</figcaption></figure>`)},
			"content/_index.md":               {Data: []byte("---\ntitle: Home\n---\n")},
			"content/news/_index.md":          {Data: []byte("---\ntitle: News\n---\n")},
			"content/news/a.md": {Data: []byte("---\ntitle: A\n---\n" +
				"{{< factbox >}}Before & <b>after</b> {{< quote by=\"Ana\" >}}Words <i>x</i>{{< /quote >}}{{< /factbox >}}\n")},
		}
		res := build(t, fsys, Options{})
		if len(res.Problems) > 0 {
			t.Fatalf("unsafe=%v: problems:\n%s", unsafe, problems(res.Problems))
		}
		got := string(res.Files["news/a/index.html"])
		// As minified: "&" and ">" need no escape in text.
		want := `<aside>Before & &lt;b>after&lt;/b><figure><blockquote>Words &lt;i>x&lt;/i></blockquote><figcaption>Ana</figcaption></figure></aside>`
		if !strings.Contains(got, want) {
			t.Errorf("unsafe=%v: page is\n%s\nwant it to hold\n%s", unsafe, got, want)
		}
	}
}
