package site

import (
	"strings"
	"testing"
)

// TestHugoThemeBuildsUnchanged builds the layouts of the Hugo benchmark
// theme as they are (docs/templates.md, "Coming from Hugo", says they
// need no change): no problem, its RSS and sitemap templates named as
// unused, and nothing it reads lost (tags, summaries, term names).
func TestHugoThemeBuildsUnchanged(t *testing.T) {
	res := build(t, siteFS(t, "testdata/hugotheme.txtar"), Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	var warned []string
	for _, w := range res.Warnings {
		warned = append(warned, w.File)
	}
	if got := strings.Join(warned, " "); got != "layouts/index.rss.xml layouts/sitemap.xml" {
		t.Errorf("warnings name %q; want the RSS and sitemap templates", got)
	}
	for name, wants := range map[string][]string{
		"news/a/index.html":   {`<a href="../../tags/zhanaozen/">zhanaozen</a>`, `<a href="../../tags/oil/">oil</a>`, "16 December 2011", `<a class="brand" href="../../">Samizdat bench site</a>`},
		"index.html":          {"Outlets closed</a>", "<p>Oil workers on strike.</p>", `<a href="news/">news</a>`},
		"news/index.html":     {"<p>Some 40 outlets.</p>"},
		"tags/index.html":     {`zhanaozen</a> (2)`, `oil</a> (1)`},
		"tags/oil/index.html": {"<h1>Tag: oil</h1>", "Strike in Zhanaozen</a>"},
	} {
		got := string(res.Files[name])
		for _, want := range wants {
			if !strings.Contains(got, want) {
				t.Errorf("%s lacks %s:\n%s", name, want, got)
			}
		}
	}
	// Newest first, as .ByDate.Reverse sorts.
	if home := string(res.Files["index.html"]); strings.Index(home, "Outlets closed") > strings.Index(home, "Strike in Zhanaozen") {
		t.Errorf("home lists the older page first:\n%s", home)
	}
}
