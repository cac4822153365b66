package site

import (
	"testing"
	"testing/fstest"
)

// A theme's taxonomy templates under the names Hugo gave them before
// 0.146 render the pages they were written for: _default/terms.html (as
// in hugo-xmin) lists the terms with their counts, _default/taxonomy.html
// renders a term's page and _default/category.html one category's. Its
// content view for {{ .Render "summary" }}, which samizdat never runs, is
// named with where to move it.
func TestHugoTaxonomyTemplateNames(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml": {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n" +
			"[taxonomies]\ntag = \"tags\"\ncategory = \"categories\"\n")},
		"layouts/_default/list.html":   {Data: []byte(`<p>list {{ .Title }}</p>`)},
		"layouts/_default/single.html": {Data: []byte(`<p>{{ .Title }}</p>`)},
		"layouts/_default/terms.html": {Data: []byte(`<ul class="terms">{{ range .Data.Terms }}` +
			`<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>`)},
		"layouts/_default/taxonomy.html": {Data: []byte(`<p>term {{ .Title }}:{{ range .Pages }} {{ .Title }}{{ end }}</p>`)},
		"layouts/_default/category.html": {Data: []byte(`<p>category {{ .Title }}</p>`)},
		"layouts/_default/summary.html":  {Data: []byte(`<article>{{ .Summary }}</article>`)},
		"content/a.md":                   frontPage("title: A\ntags: [press, oil]\ncategories: [news]"),
		"content/b.md":                   frontPage("title: B\ntags: [press]"),
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	wantIn(t, texts(res),
		"tags/index.html", `<ul class="terms"><li><a href="oil/">oil</a> (1)</li><li><a href="press/">press</a> (2)</li></ul>`,
		"categories/index.html", `<ul class="terms"><li><a href="news/">news</a> (1)</li></ul>`,
		"tags/press/index.html", "<p>term press: A B</p>",
		"categories/news/index.html", "<p>category news</p>",
		"index.html", "<p>list T</p>",
	)
	want := "layouts/_default/summary.html: samizdat does not use this file: Hugo runs it for {{ .Render \"summary\" }} (a content view), and samizdat has no .Render\n" +
		"    move it to layouts/partials/summary.html and write {{ partial \"summary.html\" . }} where a layout had {{ .Render \"summary\" }}\n"
	if got := problems(res.Warnings); got != want {
		t.Errorf("warnings:\n%s\nwant\n%s", got, want)
	}
}
