package site

import "testing"

// A menu entry's .KeyName is its identifier, else its name, as Hugo's.
func TestMenuEntryKeyName(t *testing.T) {
	site := string(siteFS(t, "testdata/fixture.txtar")["site.toml"].Data)
	out := renderFixture(t, map[string]string{
		"site.toml":                    site + "\n[[menus.side]]\nname = \"Letter\"\nurl = \"/letter/\"\n[[menus.side]]\nname = \"Приговор\"\nidentifier = \"verdict\"\nurl = \"/people/\"\n",
		"layouts/_default/single.html": `{{ range .Site.Menus.side }}{{ .KeyName }};{{ end }}`,
		"content/letter.md":            "---\ntitle: Letter\n---\nText.\n",
	})
	wantIn(t, out, "letter/index.html", "Letter;verdict;")
}
