package site

import "testing"

// A menu entry's .KeyName is its identifier, else its name, as Hugo's;
// its .Title, .Pre and .Post are there as Hugo's.
func TestMenuEntryKeyName(t *testing.T) {
	site := string(siteFS(t, "testdata/fixture.txtar")["site.toml"].Data)
	out := renderFixture(t, map[string]string{
		"site.toml":                    site + "\n[[menus.side]]\nname = \"Letter\"\npageRef = \"letter.md\"\n[[menus.side]]\nname = \"Приговор\"\nidentifier = \"verdict\"\nurl = \"/people/\"\n",
		"layouts/_default/single.html": `{{ range .Site.Menus.side }}{{ .KeyName }};{{ end }}|{{ range .Site.Menus.side }}{{ .Pre }}{{ .Title }}{{ .Post }};{{ end }}`,
		"content/letter.md":            "---\ntitle: Letter\nlinkTitle: Short letter\n---\nText.\n",
	})
	// .Title is the linked page's link title, else empty; .Pre and .Post are
	// empty, as Hugo's are when site.toml sets none.
	wantIn(t, out, "letter/index.html", "Letter;verdict;|Short letter;;")
}
