package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// renderFixture builds the fixture site with files added or replaced and
// returns its output files as text.
func renderFixture(t *testing.T, files map[string]string) map[string]string {
	t.Helper()
	fsys := siteFS(t, "testdata/fixture.txtar")
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	return builtText(t, fsys)
}

// wantIn checks output files for texts, given as file, text, file, text….
func wantIn(t *testing.T, out map[string]string, fileText ...string) {
	t.Helper()
	for i := 0; i+1 < len(fileText); i += 2 {
		if file, w := fileText[i], fileText[i+1]; !strings.Contains(out[file], w) {
			t.Errorf("%s lacks %q:\n%s", file, w, out[file])
		}
	}
}

// .Params holds all of a page's front matter under Hugo's names, as a
// Hugo theme expects ({{ range .Params.tags }}), with params: on top.
func TestParamsHoldAllFrontMatter(t *testing.T) {
	out := renderFixture(t, map[string]string{
		"layouts/_default/single.html": `{{ define "main" }}<p class="params">` +
			`tags={{ range .Params.tags }}{{ . }},{{ end }} categories={{ range .Params.categories }}{{ . }},{{ end }} ` +
			`title={{ .Params.title }} summary={{ .Params.summary }} toc={{ .Params.toc }} weight={{ .Params.weight }} ` +
			`date={{ with .Params.date }}{{ .Format "2006-01-02" }}{{ end }} publishdate={{ with .Params.publishdate }}{{ .Format "2006-01-02" }}{{ end }} ` +
			`slug={{ .Params.slug }} aliases={{ .Params.aliases }} draft={{ .Params.draft }} ` +
			`param={{ .Param "publisher" }}/{{ .Param "summary" }}/{{ .Param "publishDate" }}/{{ .Param "author.name" }}/{{ .Param "nothing" }}</p>{{ end }}`,
		"content/stories/clash.md": "---\ntitle: A clash\ndate: 2011-01-02\nsummary: Hugo's summary\nweight: 0\n" +
			"params:\n  summary: The page's own\n  author:\n    name: Kozlov\n---\nText.\n",
	})
	wantIn(t, out,
		"stories/strike/index.html", "tags=labour,zhanaozen, categories=events, title=The strike summary= toc=true weight= "+
			"date=2011-06-01 publishdate=2011-06-01 slug= aliases= draft= param=The fixture team/",
		"stories/clashes/index.html", "tags=zhanaozen, categories= title=The clashes",
		"stories/clashes/index.html", "aliases=[/old/clashes/]",
		"stories/clash/index.html", "summary=The page&#39;s own toc= weight=0 date=2011-01-02",
		"stories/clash/index.html", "param=The fixture team/The page&#39;s own/2011-01-02 00:00:00 &#43;0000 UTC/Kozlov/</p>",
		"the-complaint/index.html", "slug=the-complaint",
	)
}

// .Params.menu is the menu value as written, as Hugo keeps it: themes ask
// {{ if not .Params.menu }} to show a page's date only on posts.
func TestParamsHoldTheMenuAsWritten(t *testing.T) {
	out := renderFixture(t, map[string]string{
		"layouts/_default/single.html": `{{ define "main" }}<p class="menu">[{{ .Params.menu }}|{{ .Params.menus }}|` +
			`{{ if .Params.menu }}menu page{{ else }}post{{ end }}]</p>{{ end }}`,
		"content/stories/clash.md":  "---\ntitle: A clash\nmenu: main\n---\nText.\n",
		"content/stories/clash2.md": "---\ntitle: Another\nmenus: [main, footer]\n---\nText.\n",
		"content/stories/clash3.md": "---\ntitle: A third\nmenu:\n  main:\n    weight: 2\n---\nText.\n",
	})
	wantIn(t, out,
		"stories/clash/index.html", "[main||menu page]",
		"stories/clash2/index.html", "[|[main footer]|post]",
		"stories/clash3/index.html", "[map[main:map[weight:2]]||menu page]",
		"stories/strike/index.html", "[||post]",
	)
}
