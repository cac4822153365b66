package site

import (
	"strings"
	"testing"
)

// [markup] headingAnchors = false leaves samizdat's "#" link out of a
// page's headings, for a theme that adds its own (PaperMod's
// anchored_headings partial), which otherwise showed two.
func TestHeadingAnchorsOff(t *testing.T) {
	site := string(siteFS(t, "testdata/fixture.txtar")["site.toml"].Data)
	layouts := map[string]string{
		"layouts/_default/single.html": `{{ .Content }}`,
		"content/letter.md":            "---\ntitle: Letter\n---\n## To the court\n\nText.\n",
	}
	on := renderFixture(t, layouts)
	wantIn(t, on, "letter/index.html", `<h2 id="to-the-court">To the court <a class="anchor" href="#to-the-court"`)
	layouts["site.toml"] = site + "\n[markup]\nheadingAnchors = false\n"
	off := renderFixture(t, layouts)
	wantIn(t, off, "letter/index.html", `<h2 id="to-the-court">To the court</h2>`)
	if strings.Contains(string(off["letter/index.html"]), `class="anchor"`) {
		t.Errorf("an anchor is left:\n%s", off["letter/index.html"])
	}
}
