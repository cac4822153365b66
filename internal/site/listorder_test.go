package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// orderSite has four tagged posts, two weighted, two of one date, and an
// undated page at the content root.
func orderSite(home string) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.toml":                    {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n")},
		"layouts/index.html":           {Data: []byte(home)},
		"layouts/_default/list.html":   {Data: []byte(`{{ range .Pages }}{{ .Title }}|{{ end }}`)},
		"layouts/_default/single.html": {Data: []byte(`{{ .Title }}`)},
	}
	for file, front := range map[string]string{
		"posts/a.md": "title: Old heavy\ndate: 2010-01-01\nweight: 1\ntags: [x]",
		"posts/b.md": "title: New\ndate: 2012-01-01\ntags: [x]",
		"notes/c.md": "title: Mid w2\ndate: 2011-01-01\nweight: 2\ntags: [x]",
		"notes/d.md": "title: Mid\ndate: 2011-01-01\ntags: [x]",
		"solo.md":    "title: Solo",
	} {
		fsys["content/"+file] = &fstest.MapFile{Data: []byte("---\n" + front + "\n---\nText.\n")}
	}
	return fsys
}

// .Site.RegularPages, .Site.Pages and a term's pages are in the order of
// every list, Hugo's (page.SortByDefault): weight, then date, newest
// first, then title; they were newest first. A Hugo 0.165 build of the
// same site gives these lines. The home page's pager pages them in that
// order too, as Hugo's; the site's feed stays newest first.
func TestSiteAndTermListsInTheDefaultOrder(t *testing.T) {
	const want = "Old heavy|Mid w2|New|Mid|"
	out := builtText(t, orderSite(`RP: {{ range .Site.RegularPages }}{{ .Title }}|{{ end }}`+
		"\nSP: {{ range .Site.Pages }}{{ .Title }}|{{ end }}"+
		"\nTX: {{ range .Site.Taxonomies.tags.x.Pages }}{{ .Title }}|{{ end }}"+
		"\nGET: {{ range .Site.Taxonomies.tags.Get \"x\" }}{{ .Title }}|{{ end }}"+
		"\nPAGER: {{ range (.Paginate .Site.RegularPages 2).Pages }}{{ .Title }}|{{ end }}"))
	wantIn(t, out,
		"index.html", "RP: "+want+"Solo|\nSP: "+want+"Solo|\nTX: "+want+"\nGET: "+want+"\nPAGER: Old heavy|Mid w2|",
		"tags/x/index.html", want,
	)
	feed := out["index.xml"]
	if i, j := strings.Index(feed, "<title>New</title>"), strings.Index(feed, "<title>Old heavy</title>"); i < 0 || j < i {
		t.Errorf("the site feed is not newest first:\n%s", feed)
	}
}
