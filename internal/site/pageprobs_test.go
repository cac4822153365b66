package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// One mistake in a template that many pages use is one problem, naming
// the first page by name and how many others, whichever page rendered
// first.
func TestTemplateMistakeIsOneProblemForAllItsPages(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	fsys["layouts/_default/single.html"] = &fstest.MapFile{Data: []byte("{{ define \"main\" }}\n{{ .Nope }}\n{{ end }}\n"), Mode: 0o644}
	for range 5 {
		res := build(t, fsys, Options{})
		var got []string
		for _, p := range res.Problems {
			if strings.Contains(p.Message, ".Nope") {
				got = append(got, p.String())
			}
		}
		if len(got) != 1 || !strings.HasPrefix(got[0], "layouts/_default/single.html:2:") ||
			!strings.Contains(got[0], "while rendering content/complaint.md and 3 other pages: ") {
			t.Fatalf("got %q; want one problem at layouts/_default/single.html:2 naming content/complaint.md and 3 other pages", got)
		}
	}
}
