package site

import (
	"testing"
	"testing/fstest"
	"time"
)

// A list page with no dates in front matter (home, a section, a nested
// section, a taxonomy, a term) has the newest Date, Lastmod and
// PublishDate of the pages under it, each on its own, as in Hugo; pages
// left out of the build do not count, and a list's own date wins. The
// sitemap and the feeds follow.
func TestListPagesTakeTheirNewestPagesDates(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml": {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n[taxonomies]\ntag = \"tags\"\n")},
		"layouts/_default/list.html": {Data: []byte(`<p>{{ .Kind }} {{ .Title }} date={{ dateFormat "2006-01-02" .Date }}` +
			` lastmod={{ dateFormat "2006-01-02" .Lastmod }} publish={{ dateFormat "2006-01-02" .PublishDate }}` +
			` params={{ .Params.date }}</p>`)},
		"layouts/_default/single.html":  {Data: []byte(`{{ .Title }}`)},
		"content/_index.md":             frontPage("title: Home"),
		"content/news/_index.md":        frontPage("title: News"),
		"content/news/a.md":             frontPage("title: A\ndate: 2012-03-01\nlastmod: 2012-10-20\ntags: [press]"),
		"content/news/trials/_index.md": frontPage("title: Trials"),
		"content/news/trials/b.md":      frontPage("title: B\ndate: 2012-05-01\npublishDate: 2012-05-02\ntags: [press, courts]"),
		// Left out of the build: a draft, a page dated after the build,
		// an expired one. Each is newer than every page above.
		"content/news/draft.md":  frontPage("title: Draft\ndate: 2012-11-01\ndraft: true"),
		"content/news/future.md": frontPage("title: Future\ndate: 2013-01-01"),
		"content/news/gone.md":   frontPage("title: Gone\ndate: 2012-10-01\nexpiryDate: 2012-10-15"),
		// A list with its own date keeps it; its pages still date home.
		"content/archive/_index.md": frontPage("title: Archive\ndate: 2010-01-01"),
		"content/archive/c.md":      frontPage("title: C\ndate: 2012-09-01\ntags: [courts]"),
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	wantIn(t, texts(res),
		"index.html", "home Home date=2012-09-01 lastmod=2012-10-20 publish=2012-09-01 params=</p>",
		"news/index.html", "section News date=2012-05-01 lastmod=2012-10-20 publish=2012-05-02 params=</p>",
		"news/trials/index.html", "section Trials date=2012-05-01 lastmod=2012-05-01 publish=2012-05-02 params=</p>",
		"archive/index.html", "section Archive date=2010-01-01 lastmod=2010-01-01 publish=2010-01-01 params=2010-01-01 00:00:00 +0000 UTC</p>",
		"tags/press/index.html", "term press date=2012-05-01 lastmod=2012-10-20 publish=2012-05-02",
		"tags/courts/index.html", "term courts date=2012-09-01 lastmod=2012-09-01 publish=2012-09-01",
		"tags/index.html", "taxonomy Tags date=2012-09-01 lastmod=2012-10-20 publish=2012-09-01",
		"sitemap.xml", "<loc>https://example.org/news/</loc><lastmod>2012-10-20</lastmod>",
		"news/index.xml", "<updated>2012-10-20T00:00:00Z</updated>",
		"news/trials/index.xml", "<updated>2012-05-01T00:00:00Z</updated>",
		"tags/courts/index.xml", "<updated>2012-09-01T00:00:00Z</updated>",
		"index.xml", `href="https://example.org/news/trials/"/><published>2012-05-01T00:00:00Z</published><updated>2012-05-01T00:00:00Z</updated>`,
	)

	// The last commit of an undated list's own file counts when it is
	// the newest change, for the lists above it too.
	committed := time.Date(2012, 11, 20, 0, 0, 0, 0, time.UTC)
	res = build(t, fsys, Options{Lastmods: map[string]time.Time{"content/news/trials/_index.md": committed}})
	wantIn(t, texts(res),
		"news/trials/index.html", "section Trials date=2012-05-01 lastmod=2012-11-20 publish=2012-05-02",
		"news/index.html", "section News date=2012-05-01 lastmod=2012-11-20 publish=2012-05-02",
		"index.html", "home Home date=2012-09-01 lastmod=2012-11-20 publish=2012-09-01",
	)
}

// texts are a build's output files as text, for wantIn.
func texts(res Result) map[string]string {
	out := make(map[string]string, len(res.Files))
	for name, data := range res.Files {
		out[name] = string(data)
	}
	return out
}

// frontPage is a content file with the front matter front and one line
// of text.
func frontPage(front string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\n" + front + "\n---\nText.\n")}
}
