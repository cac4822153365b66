package site

import "testing"

// A page's .Page is the page itself, as in Hugo.
func TestPageOfAPageIsItself(t *testing.T) {
	out := renderFixture(t, map[string]string{
		"layouts/_default/single.html": `<p>{{ .Page.Title }}|{{ .Page.Page.RelPermalink }}|{{ eq .Page . }}</p>`,
		"content/letter.md":            "---\ntitle: An open letter\n---\nText.\n",
	})
	wantIn(t, out, "letter/index.html", "<p>An open letter|/letter/|true</p>")
}
