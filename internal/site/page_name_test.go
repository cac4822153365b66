package site

import "testing"

// A page's .Name is Hugo's: a term page's is the term as its pages write
// it, and any other page's is its title. PaperMod lists terms and
// breadcrumbs by .Name.
func TestPageName(t *testing.T) {
	out := renderFixture(t, map[string]string{
		"layouts/_default/single.html": `<p>{{ .Name }}|{{ range .Terms "tags" }}{{ .Name }} at {{ .RelPermalink }};{{ end }}</p>`,
		"content/letter.md":            "---\ntitle: An open letter\ntags: [Press freedom]\n---\nText.\n",
	})
	wantIn(t, out, "letter/index.html", "<p>An open letter|Press freedom at /tags/press-freedom/;</p>")
}
