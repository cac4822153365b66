package site

import (
	"strconv"
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
		want := `<aside>Before & &lt;b>after&lt;/b> <figure><blockquote>Words &lt;i>x&lt;/i></blockquote><figcaption>Ana</figcaption></figure></aside>`
		if !strings.Contains(got, want) {
			t.Errorf("unsafe=%v: page is\n%s\nwant it to hold\n%s", unsafe, got, want)
		}
	}
}

// A shortcode runs while pages' markdown is made, on all cores: another
// page's summary, text, word count or contents may be half made then (a
// data race, and a card that differs from build to build), so reading
// them is a problem at the call that says why; the front matter,
// including a summary written there, is there to read.
func TestShortcodeCannotReadRenderedPages(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                    {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n")},
		"layouts/_default/single.html": {Data: []byte(`<main>{{ .Content }}</main>`)},
		"layouts/_default/list.html":   {Data: []byte(`<main>{{ .Content }}</main>`)},
		"layouts/shortcodes/card.html": {Data: []byte(`{{ $p := .Site.GetPage (.Get 0) }}<p>{{ $p.Title }}: {{ $p.Summary }}</p>`)},
		"layouts/shortcodes/text.html": {Data: []byte(`{{ $p := .Site.GetPage (.Get 0) }}<div>{{ $p.Content }}</div>`)},
		"layouts/shortcodes/toc.html":  {Data: []byte(`{{ .Page.TableOfContents }}`)},
		"content/_index.md":            {Data: []byte("---\ntitle: Home\n---\n")},
		"content/people/written.md":    {Data: []byte("---\ntitle: Ana\nsummary: A reporter in Aktau.\n---\nHer story.\n")},
		"content/people/made.md":       {Data: []byte("---\ntitle: Bek\n---\nHis story.\n")},
		"content/news/ok.md":           {Data: []byte("---\ntitle: OK\n---\n{{< card \"/people/written\" >}}\n")},
		"content/news/summary.md":      {Data: []byte("---\ntitle: S\n---\nText.\n\n{{< card \"/people/made\" >}}\n")},
		"content/news/content.md":      {Data: []byte("---\ntitle: C\n---\n{{< text \"/people/written\" >}}\n")},
		"content/news/toc.md":          {Data: []byte("---\ntitle: T\n---\n{{< toc >}}\n\n## One\n\n## Two\n")},
	}
	res := build(t, fsys, Options{})
	want := map[string]string{
		"content/news/summary.md:6": `shortcode "card": a shortcode cannot show the summary of content/people/made.md: shortcodes run`,
		"content/news/content.md:4": `shortcode "text": a shortcode cannot show the text of content/people/written.md: shortcodes run`,
	}
	sawTOC := false
	for _, p := range res.Problems {
		at := p.File + ":" + strconv.Itoa(p.Line)
		if at == "content/news/toc.md:4" && strings.Contains(p.Message, "cannot show the table of contents of content/news/toc.md") &&
			strings.Contains(p.Hint, "for content/news/toc.md on its own page, {{ .TableOfContents }} in layouts/_default/single.html") &&
			strings.Contains(p.Hint, `{{ with site.GetPage "/news/toc/" }}{{ .TableOfContents }}{{ end }}`) {
			sawTOC = true
			continue
		}
		if w, ok := want[at]; ok && strings.HasPrefix(p.Message, w) && strings.Contains(p.Hint, ".Params.summary") {
			delete(want, at)
			continue
		}
		t.Errorf("unexpected problem %s: %s", at, p.Message)
	}
	for at, w := range want {
		t.Errorf("no problem at %s saying %q; got:\n%s", at, w, problems(res.Problems))
	}
	if !sawTOC {
		t.Errorf("no problem for the toc shortcode's own table of contents; got:\n%s", problems(res.Problems))
	}
	delete(fsys, "content/news/summary.md")
	delete(fsys, "content/news/content.md")
	delete(fsys, "content/news/toc.md")
	res = build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("a summary written in front matter: problems:\n%s", problems(res.Problems))
	}
	if got := string(res.Files["news/ok/index.html"]); !strings.Contains(got, "<p>Ana: A reporter in Aktau.</p>") {
		t.Errorf("news/ok: %s", got)
	}
}
