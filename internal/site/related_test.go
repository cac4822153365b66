package site

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/samizdat-press/samizdat/internal/config"
	"github.com/samizdat-press/samizdat/internal/content"
	"github.com/samizdat-press/samizdat/internal/frontmatter"
)

// relatedLayout lists each page's related pages by title.
const relatedLayout = `{{ range .Site.RegularPages.Related . }}{{ .Title }};{{ end }}`

// relatedSite is a site of stories about one strike, built with layout
// as the single pages' template; a is the story whose list the tests
// read. Hugo's defaults: a shared tag counts 80, the same year 10, and a
// page needs 80 (or 40 a match, over two matches).
func relatedSite(siteToml, layout string) fstest.MapFS {
	page := func(title, date, front string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: %s\ndate: %s\n%s---\nText.\n", title, date, front))}
	}
	return fstest.MapFS{
		"site.toml":                    {Data: []byte("title = \"Strike\"\n" + siteToml)},
		"layouts/_default/single.html": {Data: []byte(layout)},
		"layouts/_default/list.html":   {Data: []byte(`{{ .Title }}`)},
		"content/a.md":                 page("A", "2012-06-01", "tags: [oil, strike]\nparams: {campaigns: [Wages]}\n"),
		"content/b.md":                 page("B", "2012-05-01", "tags: [oil, strike]\n"),                           // 80+80+10
		"content/d.md":                 page("D", "2012-04-01", "tags: [oil]\n"),                                   // 80+10
		"content/c.md":                 page("Charlie", "2011-03-01", "tags: [oil]\n"),                             // 80
		"content/apple.md":             page("Apple", "2011-03-01", "tags: [strike]\n"),                            // 80, same day: by title
		"content/e.md":                 page("E", "2012-01-15", "params: {campaigns: [wages]}\n"),                  // the year only
		"content/f.md":                 page("F", "2012-09-01", "tags: [oil, strike]\n"),                           // newer than A
		"content/draft.md":             page("Draft", "2012-02-01", "tags: [oil, strike]\ndraft: true\n"),          // not built
		"content/never.md":             page("Never", "2012-02-01", "tags: [oil, strike]\nbuild: {list: never}\n"), // in no list
	}
}

func TestRelatedFollowsHugosDefaults(t *testing.T) {
	out := builtText(t, relatedSite("", relatedLayout))
	// F is newer than A, so A's list has it not, and F's has A.
	wantIn(t, out, "a/index.html", "B;D;Apple;Charlie;", "f/index.html", "A;B;D;Apple;Charlie;")
	if got := out["a/index.html"]; got != "B;D;Apple;Charlie;" {
		t.Errorf("a's related pages %q; want B;D;Apple;Charlie; (E shares only the year, F is newer, the draft and the unlisted page are left out)", got)
	}
	if got := out["apple/index.html"]; got != "" { // Charlie shares only the year, the rest are newer
		t.Errorf("Apple's related pages %q; want nothing", got)
	}
}

func TestRelatedSettingsOfSiteToml(t *testing.T) {
	toml := "[related]\nincludeNewer = true\nthreshold = 50\ntoLower = true\n" +
		"[[related.indices]]\nname = \"campaigns\"\nweight = 100\n[[related.indices]]\nname = \"tags\"\nweight = 40\n"
	out := builtText(t, relatedSite(toml, relatedLayout))
	// Campaigns in any case: E (100) first; then the tagged pages, each
	// tag 40 of 100, so one tag is not enough and two are; F, newer,
	// is listed.
	if got := out["a/index.html"]; got != "E;F;B;" {
		t.Errorf("a's related pages %q; want E;F;B;", got)
	}
	out = builtText(t, relatedSite("", `{{ range .Site.RegularPages.Related (dict "document" . "indices" (slice "tags")) }}{{ .Title }};{{ end }}|`+
		`{{ range .Site.RegularPages.RelatedIndices . "date" }}{{ .Title }};{{ end }}`))
	// By tags only, D shares one tag (80) as Apple and Charlie do, and is
	// newer. By the date only, a page scores 10 on the scale of all the
	// indices, 0 to 100, as in Hugo: never enough.
	if got := out["a/index.html"]; got != "B;D;Apple;Charlie;|" {
		t.Errorf("a's related pages by tags, then by date: %q; want B;D;Apple;Charlie;|", got)
	}
}

func TestRelatedMistakesAtTheCall(t *testing.T) {
	for _, c := range []struct{ call, msg, hint string }{
		{`.Site.RegularPages.Related (dict "document" . "indices" (slice "keyword"))`, `.Related has no index "keyword"`, "the site's indices are keywords, date, tags"},
		{`.Site.RegularPages.Related (dict "document" . "namedSlices" (slice "x"))`, `"namedSlices" is Hugo's`, `pass the page as "document"`},
		{`.Site.RegularPages.Related (dict "page" .)`, `.Related has no option "page"`, `"document" (the page)`},
		{`.Site.RegularPages.Related (dict "indices" (slice "tags"))`, `options have no "document"`, "give the page"},
		{`.Site.RegularPages.Related "a"`, ".Related needs a page, got string", "pass the page"},
		{`.Site.RegularPages.RelatedTo (slice "oil")`, "RelatedTo", "samizdat has no .RelatedTo"},
	} {
		fsys := relatedSite("", "\n{{ range "+c.call+" }}{{ .Title }}{{ end }}")
		res := build(t, fsys, Options{})
		got := problems(res.Problems)
		if !strings.Contains(got, "layouts/_default/single.html:2:") || !strings.Contains(got, c.msg) || !strings.Contains(got, c.hint) {
			t.Errorf("%s: problems\n%s\nwant one at single.html:2 saying %q, hint %q", c.call, got, c.msg, c.hint)
		}
	}
	// Nothing to relate to (.Prev of the last page) is nothing, as in in
	// and where.
	out := builtText(t, relatedSite("", `{{ range .Site.RegularPages.Related .Site.Home.Prev }}{{ .Title }}{{ end }}`))
	if got := out["a/index.html"]; got != "" {
		t.Errorf("related to nothing: %q", got)
	}
}

// The example in docs/templates.md's "Related pages" builds as it says.
func TestRelatedDocumentedExample(t *testing.T) {
	example := templatesExample(t, "Related pages")
	out := builtText(t, relatedSite("", string(example)))
	want := `<aside><h2>Read also</h2><ul><li><a href="../b/">B</a></li><li><a href="../d/">D</a></li><li><a href="../apple/">Apple</a></li></ul></aside>`
	if got := strings.Join(strings.Fields(out["a/index.html"]), ""); got != strings.Join(strings.Fields(want), "") {
		t.Errorf("the example gives\n%s\nwant\n%s", out["a/index.html"], want)
	}
}

// templatesExample is the first gotemplate example under a heading of
// docs/templates.md.
func templatesExample(t *testing.T, heading string) []byte {
	t.Helper()
	doc, err := os.ReadFile("../../docs/templates.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)\n## " + regexp.QuoteMeta(heading) + "\n.*?```gotemplate\n(.*?)```\n").FindSubmatch(doc)
	if m == nil {
		t.Fatalf("docs/templates.md has no example under %q", heading)
	}
	return m[1]
}

// relatedWorld is a site in English and Russian with n pages in each,
// made by hand, dated one a day: page i is tagged t(i mod kinds) and
// u(i mod 2kinds-1).
func relatedWorld(cfg config.Config, n, kinds int) (en, ru *Site) {
	w := &world{langs: []string{"en", "ru"}}
	en, ru = newSite(cfg, "en", w), newSite(cfg, "ru", w)
	w.sites = []*Site{en, ru}
	for _, s := range w.sites {
		for i := range n {
			title := fmt.Sprintf("P%05d", i)
			tags := []string{fmt.Sprintf("t%d", i%kinds), fmt.Sprintf("u%d", i%(2*kinds-1))}
			src := &content.Page{File: "content/" + title + "." + s.lang + ".md", Kind: content.KindPage, Lang: s.lang,
				Meta: frontmatter.Meta{Title: title, Date: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i), Terms: map[string][]string{"tags": tags}}}
			src.URL = s.prefix() + "/" + strings.ToLower(title) + "/"
			s.pages = append(s.pages, &Page{src: src, site: s, kind: "page", title: title, url: src.URL})
		}
		slices.Reverse(s.pages) // newest first, as assemble sorts them
	}
	return en, ru
}

func relatedTitles(ps Pages) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.site.lang+":"+p.title)
	}
	return strings.Join(out, " ")
}

// Whatever list is searched, only pages in the document's language are
// listed, never the page itself (nor its copy, which templates render);
// equal scores, dates and titles go by address.
func TestRelatedLanguageSelfAndTies(t *testing.T) {
	en, ru := relatedWorld(config.Default(), 30, 7)
	mixed := Pages(append(slices.Clone(en.pages), ru.pages...))
	doc := en.pages[0] // P00029, tags t1 u3
	self := *doc
	self.self = true
	got, err := mixed.Related(&self)
	if err != nil {
		t.Fatal(err)
	}
	// t1: P00022, P00015, P00008, P00001; u3: P00016, P00003; all of
	// 2000 (+10), each one match: 45 against 40; newest first.
	if want := "en:P00022 en:P00016 en:P00015 en:P00008 en:P00003 en:P00001"; relatedTitles(got) != want {
		t.Errorf("related to %s: %s; want %s", doc.title, relatedTitles(got), want)
	}
	// Two pages alike in all but their address: the address decides.
	twin := *en.pages[7] // P00022
	twin.url = "/a-twin/"
	list := Pages{en.pages[7], &twin, doc}
	for range 3 {
		got, _ := list.Related(doc)
		if len(got) != 2 || got[0] != &twin {
			t.Fatalf("ties: %s, first %s; want the twin at /a-twin/ first", relatedTitles(got), got[0].url)
		}
	}
}

// One index serves a list however many pages search it, and the same
// pages in a new slice (what where gives each page) find it too.
func TestRelatedIndexBuiltOncePerList(t *testing.T) {
	en, _ := relatedWorld(config.Default(), 50, 7)
	for _, p := range en.pages {
		if _, err := Pages(en.pages).Related(p); err != nil {
			t.Fatal(err)
		}
		if _, err := Pages(slices.Clone(en.pages)).Related(p); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(en.related.indexes); n != 1 {
		t.Errorf("%d indexes for one list; want 1", n)
	}
	if _, err := Pages(en.pages[:10]).Related(en.pages[0]); err != nil || len(en.related.indexes) != 2 {
		t.Errorf("another list: %d indexes, %v; want 2", len(en.related.indexes), err)
	}
}

func TestRelatedCardinalityThreshold(t *testing.T) {
	cfg := config.Default()
	// Of 30 pages, a u* tag is on 3 at most (10%), a t* tag on 5 (17%):
	// at 11%, the t* tags are dropped as too common.
	cfg.Related.Indices = []config.RelatedIndex{{Name: "tags", Weight: 100, CardinalityThreshold: 11}}
	en, _ := relatedWorld(cfg, 30, 7)
	got, err := Pages(en.pages).Related(en.pages[0])
	if err != nil {
		t.Fatal(err)
	}
	if want := "en:P00016 en:P00003"; relatedTitles(got) != want {
		t.Errorf("with common tags dropped: %s; want %s", relatedTitles(got), want)
	}
}

// BenchmarkRelated runs .Related once for every page of a site, as a
// theme's single layout does, where each tag is on some 20 pages and each
// year on 365: the index is built once, so the time grows with the pages
// (ten times the pages, ten times the time), not with their square.
func BenchmarkRelated(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			en, _ := relatedWorld(config.Default(), n, n/20)
			for b.Loop() {
				en.related = relatedCache{}
				for _, p := range en.pages {
					if _, err := Pages(en.pages).Related(p); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
