package site

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samizdat-press/samizdat/internal/problem"
)

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>`

// wantProblems reports each of want that the problems got lack.
func wantProblems(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("problems lack %q; got:\n%s", w, got)
		}
	}
}

func addFile(fsys fstest.MapFS, name, data string) {
	fsys[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
}

// linkPage adds content/stories/l.md, a regular page published at
// /stories/l/, with body, and a file and a draft bundle beside it.
func linkPage(t *testing.T, body string) fstest.MapFS {
	t.Helper()
	fsys := siteFS(t, "testdata/fixture.txtar")
	addFile(fsys, "content/stories/l.md", "---\ntitle: Links\ndate: 2011-01-01\n---\n"+body)
	addFile(fsys, "content/stories/pic.svg", svg)
	addFile(fsys, "content/people/hidden/index.md", "---\ntitle: Hidden\ndraft: true\n---\nNot yet.\n")
	return fsys
}

// Every way a campaigner links a file or a page's folder, relative to the
// markdown file as GitHub previews it, ends at what the build publishes
// (then made page-relative, as every link of the site).
func TestLinksToFilesAndFoldersResolve(t *testing.T) {
	fsys := linkPage(t, "## Own {#own}\n\n"+
		"![p](pic.svg) [f](../people/kozlov/portrait.svg) [b](../people/kozlov/) [n](../people/kozlov) "+
		"[s](./) [t](trials/) [h](../) [e](#own) [i](../people/kozlov/index.md) "+
		"[r](Docs%202012/report.txt) [l](../shared/logo.svg) [x](★/x.txt)\n")
	// Folders that are no page: their files are published at the
	// folder's own address.
	addFile(fsys, "content/stories/Docs 2012/report.txt", "report")
	addFile(fsys, "content/shared/logo.svg", svg)
	addFile(fsys, "content/stories/★/x.txt", "x")
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	page := string(res.Files["stories/l/index.html"])
	for _, want := range []string{
		`<img src="../pic.svg" alt="p"`,
		`<a href="../../people/kozlov/portrait.svg">f</a>`,
		`<a href="../../people/kozlov/">b</a>`,
		`<a href="../../people/kozlov/">n</a>`,
		`<a href="../">s</a>`,
		`<a href="../trials/">t</a>`,
		`<a href="../../">h</a>`,
		`<a href="#own">e</a>`,
		`<a href="../../people/kozlov/">i</a>`,
		`<a href="../docs-2012/report.txt">r</a>`,
		`<a href="../../shared/logo.svg">l</a>`,
		`<a href="../-e29885/x.txt">x</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("stories/l/index.html lacks %s:\n%s", want, page)
		}
	}
}

// An address on the site is checked against everything the build makes:
// pages, their anchors, redirects, term pages, feeds, static and content
// files, further pages of lists and the page/1/ redirect to their first.
func TestSiteAddressesOfEverythingTheBuildMakes(t *testing.T) {
	fsys := linkPage(t, "[a](/stories/strike/#demands) [b](/old/clashes/) [c](/tags/labour/) [d](/index.xml) "+
		"[e](/stories/index.xml) [f](/css/site.css) [g](/stories/pic.svg) [h](/stories/page/2/) [i](/sitemap.xml) "+
		"[h1](/stories/page/1/) [j](/the-complaint) [k](/people/kozlov/index.html) [l](/robots.txt) [m](/) [n](/404.html)\n")
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
}

func TestBrokenLinksAreProblemsAtTheirLine(t *testing.T) {
	fsys := linkPage(t, "Intro.\n\n"+
		"[e](#nowhere)\n"+
		"[h](/stories/nonexistent/)\n"+
		"![m](missing.svg)\n"+
		"[d](../people/hidden/)\n"+
		"[a](/stories/strike/#nowhere)\n"+
		"[y](/stories/strik/)\n"+
		"[k](../storys/)\n")
	res := build(t, fsys, Options{})
	want := []struct {
		line          int
		message, hint string
	}{
		{7, `link to #nowhere: this page has no heading or anchor "nowhere"`, "the page has no headings to link to"},
		{8, `link to /stories/nonexistent/: the site has no such page or file`, "/stories/ has: "},
		{9, `link to missing file "missing.svg"`, "content/stories/missing.svg"},
		{10, `link to "../people/hidden/": that page is not published: it is a draft (draft: true)`, "samizdat serve --drafts"},
		{11, `link to /stories/strike/#nowhere: that page has no heading or anchor "nowhere"`, "demands"},
		{12, `link to /stories/strik/: the site has no such page or file`, "did you mean /stories/strike/?"},
		{13, `link to "../storys/": no page there`, "content/storys/_index.md"},
	}
	var got []problem.Problem
	for _, p := range res.Problems {
		if p.File == "content/stories/l.md" {
			got = append(got, p)
		}
	}
	if len(got) != len(want) || len(res.Problems) != len(want) {
		t.Fatalf("problems:\n%s\nwant %d, all in content/stories/l.md", problems(res.Problems), len(want))
	}
	for i, w := range want {
		if got[i].Line != w.line || got[i].Message != w.message || !strings.Contains(got[i].Hint, w.hint) {
			t.Errorf("problem %d:\n%s\nwant line %d, %q, a hint with %q", i, got[i], w.line, w.message, w.hint)
		}
	}
}

// A translation links the files and folders of its own language; a link
// to a page there is only in another language says so with hreflang.
func TestTranslationLinksItsLanguage(t *testing.T) {
	fsys := siteFS(t, "testdata/i18n.txtar")
	addFile(fsys, "content/people/kozlov/index.md", "---\ntitle: Kozlov\n---\n![p](photo.svg) [z](../../zhanaozen/)\n")
	addFile(fsys, "content/people/kozlov/index.ru.md", "---\ntitle: Козлов\n---\n![p](photo.svg) [z](../../zhanaozen/) [o](../../zhanaozen/only-english.md)\n")
	addFile(fsys, "content/people/kozlov/photo.svg", svg)
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	for file, wants := range map[string][]string{
		"people/kozlov/index.html":    {`<img src="photo.svg" alt="p"`, `<a href="../../zhanaozen/">z</a>`},
		"ru/people/kozlov/index.html": {`<img src="photo.svg" alt="p"`, `<a href="../../zhanaozen/">z</a>`, `<a href="../../../zhanaozen/only-english/" hreflang="en">o</a>`},
	} {
		for _, want := range wants {
			if !strings.Contains(string(res.Files[file]), want) {
				t.Errorf("%s lacks %s:\n%s", file, want, res.Files[file])
			}
		}
	}
}

// The dev server's cache renders a page again when a file it links to
// appears or goes, so a cached build stays a clean build.
func TestLinkedFileComingAndGoingWithACache(t *testing.T) {
	fsys := linkPage(t, "![m](late.svg) [b](../people/kozlov/portrait.svg)\n")
	cacheSteps(t, fsys, []cacheStep{
		{"before the file exists", func() {}, false},
		{"the file added", func() { addFile(fsys, "content/stories/late.svg", svg) }, true},
		{"the file removed", func() { delete(fsys, "content/stories/late.svg") }, false},
		{"the file back", func() { addFile(fsys, "content/stories/late.svg", svg) }, true},
		{"the bundle moved", func() {
			fsys["content/people/kozlov2/index.md"], fsys["content/people/kozlov2/portrait.svg"] = fsys["content/people/kozlov/index.md"], fsys["content/people/kozlov/portrait.svg"]
			delete(fsys, "content/people/kozlov/index.md")
			delete(fsys, "content/people/kozlov/portrait.svg")
		}, false},
	})
}

// cacheStep is one change to a site, and whether it then builds without
// problems.
type cacheStep struct {
	what   string
	change func()
	ok     bool
}

// cacheSteps makes each change in turn and checks that a build with one
// cache through all of them equals a clean build after each.
func cacheSteps(t *testing.T, fsys fstest.MapFS, steps []cacheStep) {
	t.Helper()
	cache := NewCache()
	for _, s := range steps {
		s.change()
		cached := buildWith(t, fsys, Options{}, cache)
		clean := buildWith(t, fsys, Options{}, nil)
		if d := diffResults(cached, clean); d != "" {
			t.Errorf("%s: the cached build differs from a clean one:\n%s", s.what, d)
		}
		if clean.OK() != s.ok {
			t.Errorf("%s: problems:\n%s", s.what, problems(clean.Problems))
		}
	}
}

// Links written relative to the page's own address, as Hugo sites (and
// the benchmark corpus) write them, still work when nothing is at the
// path relative to the file: "../../people/kozlov/" from /stories/l/.
func TestLinksRelativeToThePageAddress(t *testing.T) {
	fsys := linkPage(t, "[k](../../people/kozlov/) [c](../../css/site.css) [t](../trials/#x) [f](../../feed/)\n")
	res := build(t, fsys, Options{})
	got := problems(res.Problems)
	// The page address has no /feed/, nor is there a file feed/ beside
	// content/stories/l.md: the problem is the file-relative one.
	if len(res.Problems) != 2 || !strings.Contains(got, `content/stories/l.md:5: link to "../../feed/": no page there`) ||
		!strings.Contains(got, "link to /stories/trials/#x: that page has no heading or anchor") {
		t.Fatalf("problems:\n%s", got)
	}
	fsys = linkPage(t, "[k](../../people/kozlov/) [c](../../css/site.css)\n")
	res = build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	page := string(res.Files["stories/l/index.html"])
	for _, want := range []string{`<a href="../../people/kozlov/">k</a>`, `<a href="../../css/site.`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s:\n%s", want, page)
		}
	}
}

// A site address in static/ counts only if copyStatic publishes it: not
// a dot folder's file or an editor's backup, though the file is there.
func TestSiteAddressesOfStaticFilesFollowWhatIsPublished(t *testing.T) {
	fsys := linkPage(t, "[a](/css/site.css~) [b](/.git/config) [c](/.well-known/security.txt) [d](/css/site.css)\n")
	addFile(fsys, "static/css/site.css~", "a backup")
	addFile(fsys, "static/.git/config", "[remote]")
	addFile(fsys, "static/.well-known/security.txt", "Contact: mailto:x@example.org")
	res := build(t, fsys, Options{NoFingerprint: true})
	got := problems(res.Problems)
	if len(res.Problems) != 2 || !strings.Contains(got, "link to /css/site.css~: the site has no such page or file") ||
		!strings.Contains(got, "link to /.git/config: the site has no such page or file") {
		t.Errorf("problems:\n%s\nwant the backup and the .git file, and only them, to be missing", got)
	}
}

// With a cache, a link relative to the page's address follows a static
// file and an alias as they come and go.
func TestPageRelativeLinkWithACache(t *testing.T) {
	fsys := linkPage(t, "[d](../../docs/plan.pdf) [o](../../old/story/)\n")
	cacheSteps(t, fsys, []cacheStep{
		{"before", func() {}, false},
		{"the file and alias added", func() {
			addFile(fsys, "static/docs/plan.pdf", "%PDF-1.4")
			addFile(fsys, "content/stories/l.md", "---\ntitle: Links\ndate: 2011-01-01\naliases: [/old/story/]\n---\n[d](../../docs/plan.pdf) [o](../../old/story/)\n")
		}, true},
		{"the file removed", func() { delete(fsys, "static/docs/plan.pdf") }, false},
	})
}

// With a cache, a link relative to the page's address to a page left out
// says why as long as the page would be there, and no longer once its
// address or old address moves.
func TestRelativeAddressOfAnUnpublishedPageWithACache(t *testing.T) {
	fsys := linkPage(t, "[d](../../old/gone/) [s](../gone/)\n")
	gone := func(front string) func() {
		return func() {
			addFile(fsys, "content/stories/gone.md", "---\ntitle: Gone\ndraft: true\n"+front+"---\nText.\n")
		}
	}
	cacheSteps(t, fsys, []cacheStep{
		{"a draft at both", gone("aliases: [/old/gone/]\n"), false},
		{"its alias moved", gone("aliases: [/old/went/]\n"), false},
		{"its slug changed", gone("slug: went\n"), false},
	})
}

// Patch, the dev server's fast path, resolves and checks links as the
// build does, and gives up on a link that leads nowhere.
func TestPatchResolvesAndChecksLinks(t *testing.T) {
	devServer := Options{NoFingerprint: true}
	fsys := linkPage(t, "Text.\n")
	cache := NewCache()
	if res := buildWith(t, fsys, devServer, cache); !res.OK() {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	edit(t, fsys, "content/stories/l.md", "Text.", "Text. ![p](pic.svg) [b](/stories/strike/#demands)")
	patched, ok := Patch(context.Background(), cache, []string{"content/stories/l.md"})
	if !ok {
		t.Fatal("Patch refused links that resolve")
	}
	clean := buildWith(t, fsys, devServer, nil)
	const page = "stories/l/index.html"
	if string(patched.Files[page]) != string(clean.Files[page]) || !strings.Contains(string(clean.Files[page]), `src="../pic.svg"`) {
		t.Errorf("Patch gave\n%s\nthe build gives\n%s", patched.Files[page], clean.Files[page])
	}
	if res := buildWith(t, fsys, devServer, cache); !res.OK() {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	for _, broken := range []string{"![m](missing.svg)", "[h](/stories/nonexistent/)", "[e](#nowhere)"} {
		edit(t, fsys, "content/stories/l.md", "Text.", "Text. "+broken)
		if _, ok := Patch(context.Background(), cache, []string{"content/stories/l.md"}); ok {
			t.Errorf("Patch showed a page with the broken link %s", broken)
		}
		edit(t, fsys, "content/stories/l.md", "Text. "+broken, "Text.")
		if res := buildWith(t, fsys, devServer, cache); !res.OK() {
			t.Fatalf("problems:\n%s", problems(res.Problems))
		}
	}
}

// TestFrontMatterImage: image names a file beside the page by its name,
// else a file of the site; one that is neither is a problem at its line
// (share cards showed a broken picture without a word).
func TestFrontMatterImage(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	page := func(front string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: Pictured\n" + front + "---\nText.\n"), Mode: 0o644}
	}
	fsys["content/people/kozlov/index.md"] = page("image: portrait.svg\n")
	fsys["content/static-image.md"] = page("image: css/site.css\n")
	fsys["content/missing.md"] = page("image: court-photo.jpg\n")
	// Beside a section's _index.md and beside a page of a section, in a
	// folder of a bundle, and written with ./: as links in the text.
	fsys["content/stories/_index.md"] = page("image: cover.svg\n")
	fsys["content/stories/cover.svg"] = fsys["content/people/kozlov/portrait.svg"]
	fsys["content/stories/leaflet.md"] = page("date: 2011-06-01\nimage: leaflet.svg\n")
	fsys["content/stories/leaflet.svg"] = fsys["content/people/kozlov/portrait.svg"]
	fsys["content/people/ana/index.md"] = page("image: images/ana.svg\n")
	fsys["content/people/ana/images/ana.svg"] = fsys["content/people/kozlov/portrait.svg"]
	fsys["content/people/bo/index.md"] = page("image: ./bo.svg\n")
	fsys["content/people/bo/bo.svg"] = fsys["content/people/kozlov/portrait.svg"]
	for _, l := range []string{"layouts/_default/single.html", "layouts/_default/list.html", "layouts/people/single.html", "layouts/people/list.html", "layouts/stories/single.html", "layouts/stories/list.html"} {
		fsys[l] = &fstest.MapFile{Data: []byte(`{{ define "main" }}<meta property="og:image" content="{{ absURL .Image }}">{{ end }}`), Mode: 0o644}
	}
	res := build(t, fsys, Options{})
	got := problems(res.Problems)
	if want := "content/missing.md:3: image court-photo.jpg: the site has no such file beside the page or in static/"; !strings.Contains(got, want) || len(res.Problems) != 1 {
		t.Fatalf("want just %q; got:\n%s", want, got)
	}
	delete(fsys, "content/missing.md")
	res = build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	for file, want := range map[string]string{
		"people/kozlov/index.html":   `content="https://example.org/campaign/people/kozlov/portrait.svg"`,
		"stories/leaflet/index.html": `content="https://example.org/campaign/stories/leaflet.svg"`,
		"stories/index.html":         `content="https://example.org/campaign/stories/cover.svg"`,
		"people/ana/index.html":      `content="https://example.org/campaign/people/ana/images/ana.svg"`,
		"people/bo/index.html":       `content="https://example.org/campaign/people/bo/bo.svg"`,
		// css/site.css is published fingerprinted, and named so here.
		"static-image/index.html": `content="https://example.org/campaign/css/site.`,
	} {
		if got := string(res.Files[file]); !strings.Contains(got, want) {
			t.Errorf("%s lacks %s:\n%s", file, want, got)
		}
	}
}

// A template that uses .URL of a page GetPage did not find (a section
// renamed or deleted) gets a message and hint saying so, not Go's
// "invalid memory address or nil pointer dereference".
func TestMissingPageInTemplateIsNamed(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	fsys["layouts/index.html"] = &fstest.MapFile{Data: []byte(`{{ define "main" }}<a href="{{ (.Site.GetPage "/timeline").URL }}">t</a>{{ end }}`), Mode: 0o644}
	res := build(t, fsys, Options{})
	got := problems(res.Problems)
	if !strings.Contains(got, "layouts/index.html:1:") || !strings.Contains(got, ".URL of nothing: the value before it is missing") ||
		!strings.Contains(got, "no longer exists") || strings.Contains(got, "nil pointer") {
		t.Errorf("got:\n%s", got)
	}
}

// A link whose path differs from a file's only by the case of its letters
// (it worked on the editor's Mac) is a problem that names the file meant.
func TestMissingLinkSuggestsTheFileByCase(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	addFile(fsys, "content/case.md", "---\ntitle: Case\n---\nSee [Kozlov](people/Kozlov/index.md) and ![x](people/kozlov/Portrait.svg).\n")
	res := build(t, fsys, Options{})
	got := problems(res.Problems)
	wantProblems(t, got,
		`did you mean content/people/kozlov/index.md? Only the case of some letters differs`,
		`did you mean content/people/kozlov/portrait.svg? Only the case of some letters differs`,
	)
}

// A menu entry of site.toml whose pageRef names a page that is not
// published (a draft here, by its file or its folder) is a problem that
// says why, as a link to it does; one that names no page at all says
// why such a page may be missing.
func TestMenuEntryToAnUnpublishedPage(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	// A new slice: the archive's files share one array, which append
	// would write into the next file's.
	fsys["site.toml"].Data = []byte(string(fsys["site.toml"].Data) + "\n[[menus.main]]\nname = \"Gone\"\npageRef = \"gone.md\"\nweight = 9\n" +
		"\n[[menus.main]]\nname = \"Hidden\"\npageRef = \"/hidden\"\n" +
		"\n[[menus.main]]\nname = \"Nope\"\npageRef = \"nope.md\"\n")
	addFile(fsys, "content/gone.md", "---\ntitle: Gone\ndraft: true\n---\nText.\n")
	addFile(fsys, "content/hidden/index.md", "---\ntitle: Hidden\nexpiryDate: 2012-01-01\n---\nText.\n")
	res := build(t, fsys, Options{})
	got := problems(res.Problems)
	lines := strings.Count(string(fsys["site.toml"].Data), "\n") // each pageRef is the line after its name
	wantProblems(t, got,
		fmt.Sprintf(`site.toml:%d: menu "main" entry 3 (Gone) points to page "gone.md": that page is not published: it is a draft (draft: true)`, lines-9),
		fmt.Sprintf(`site.toml:%d: menu "main" entry 4 (Hidden) points to page "/hidden": that page is not published: it is past its expiryDate (1 January 2012)`, lines-4),
		"preview with samizdat serve --drafts",
		fmt.Sprintf(`site.toml:%d: menu "main" entry 5 (Nope) points to page "nope.md", which is not a published page`, lines),
		"a page that is a draft, dated in the future or expired is not published",
	)
}

// A url entry of site.toml's menus that is an address of this site must
// lead somewhere: the link is on every page. Pages, their folders written
// without the slash, static files, feeds and addresses of other sites
// pass; a mistyped address is a problem at its line with the address
// meant. A language showing the main menus under its prefix, where the
// page may not be translated yet, only gets a warning.
func TestMenuURLEntries(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	good := []string{"/stories/", "stories", "/stories/trials/?page=1#top", "/css/site.css", "/the-complaint/", "https://example.net/x", "mailto:a@example.net", "#main", "//cdn.example.net/"}
	toml := ""
	for i, u := range good {
		toml += fmt.Sprintf("\n[[menus.main]]\nname = \"Good %d\"\nurl = %q\n", i, u)
	}
	fsys["site.toml"].Data = []byte(string(fsys["site.toml"].Data) + toml + "\n[[menus.main]]\nname = \"Typo\"\nweight = 3\nurl = \"/storeis/\"\n")
	lines := strings.Count(string(fsys["site.toml"].Data), "\n")
	got := problems(build(t, fsys, Options{}).Problems)
	want := fmt.Sprintf(`site.toml:%d: menu "main" entry 12 (Typo) links to /storeis/, which the site does not have`, lines)
	if !strings.Contains(got, want) || !strings.Contains(got, "did you mean /stories/?") || !strings.Contains(got, `write pageRef with the page's path under content/`) ||
		strings.Count(got, "menu \"main\"") != 1 {
		t.Errorf("want one problem %q; got:\n%s", want, got)
	}

	// Russian, without menus of its own, shows /ru/the-complaint/, which is
	// not translated.
	fsys = siteFS(t, "testdata/fixture.txtar")
	fsys["site.toml"].Data = []byte(string(fsys["site.toml"].Data) + "\n[[menus.main]]\nname = \"Complaint\"\nurl = \"/the-complaint/\"\n\n[languages.en]\nname = \"English\"\nweight = 1\n\n[languages.ru]\nname = \"Русский\"\nweight = 2\n")
	addFile(fsys, "content/_index.ru.md", "---\ntitle: Главная\n---\nТекст.\n")
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %s", problems(res.Problems))
	}
	if w := problems(res.Warnings); !strings.Contains(w, `links to /ru/the-complaint/ in the Русский pages, which the site does not have`) || !strings.Contains(w, "give [languages.ru] menus of its own") {
		t.Errorf("warnings:\n%s", w)
	}

	// A language's own menu may write its prefix: /ru/ stays /ru/, not
	// /ru/ru/; another site's address written without a scheme
	// (//example.net/) gets no prefix either.
	fsys["site.toml"].Data = []byte(string(fsys["site.toml"].Data) + "\n[[languages.ru.menus.main]]\nname = \"Главная\"\nurl = \"/ru/\"\n\n[[languages.ru.menus.main]]\nname = \"Архив\"\nurl = \"//example.net/archive/\"\n")
	res = build(t, fsys, Options{})
	if got := problems(res.Problems) + problems(res.Warnings); strings.Contains(got, "Главная") {
		t.Errorf("the Russian menu's /ru/ was taken as /ru/ru/:\n%s", got)
	}
	if !strings.Contains(string(res.Files["ru/index.html"]), `href="//example.net/archive/">Архив</a>`) {
		t.Errorf("ru/index.html does not link //example.net/archive/ as written:\n%s", res.Files["ru/index.html"])
	}
	if !strings.Contains(string(res.Files["ru/index.html"]), `href="./">Главная</a>`) {
		t.Errorf("ru/index.html does not link its home:\n%s", res.Files["ru/index.html"])
	}
}

// A link to a page that is there but left out of this build (a draft, a
// page dated later, an expired one) says so, rather than that the page
// is missing: the campaigner can see the file.
func TestLinkToAnUnpublishedPageSaysWhy(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	addFile(fsys, "content/links.md", "---\ntitle: Links\n---\nSee [the draft](stories/draft.md), [later](stories/future.md) and [gone](stories/expired.md).\n")
	got := problems(build(t, fsys, Options{}).Problems)
	wantProblems(t, got,
		`content/links.md:4: link to "stories/draft.md": that page is not published: it is a draft (draft: true)`,
		`link to "stories/future.md": that page is not published: it is dated in the future (`,
		`link to "stories/expired.md": that page is not published: it is past its expiryDate (`,
		"preview with samizdat serve --drafts",
	)
}

// A link to a page left out of this build by its address, rather than its
// file, says why too, whatever address it has (its slug, its url, a
// language's folder, a section left out with all below it), with or
// without the anchor or the trailing slash; an address no page would
// have is still missing.
func TestLinkByAddressToAnUnpublishedPageSaysWhy(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	fsys["site.toml"].Data = []byte(string(fsys["site.toml"].Data) + "\n[languages.en]\nweight = 1\n\n[languages.ru]\nweight = 2\n")
	addFile(fsys, "content/stories/slugged.md", "---\ntitle: Slugged\nslug: named\ndraft: true\n---\n")
	addFile(fsys, "content/stories/moved.md", "---\ntitle: Moved\nurl: /elsewhere/\ndraft: true\n---\n")
	addFile(fsys, "content/stories/strike.ru.md", "---\ntitle: Забастовка\ndraft: true\n---\n")
	addFile(fsys, "content/dossier/_index.md", "---\ntitle: Dossier\ndate: 2030-01-01\n---\n")
	addFile(fsys, "content/dossier/one.md", "---\ntitle: One\n---\n")
	addFile(fsys, "content/links.md", "---\ntitle: Links\n---\n"+
		"[a](/stories/draft/) [b](/stories/future/#part)\n\n"+
		"[c](/stories/expired) [d](/stories/named/)\n\n"+
		"[e](/elsewhere/) [f](/ru/stories/strike/)\n\n"+
		"[g](/dossier/) [h](/dossier/one/)\n\n"+
		"[i](/stories/nowhere/)\n")
	got := problems(build(t, fsys, Options{}).Problems)
	wantProblems(t, got,
		`content/links.md:4: link to /stories/draft/: that page is not published: it is a draft (draft: true)`,
		`content/links.md:4: link to /stories/future/: that page is not published: it is dated in the future (1 January 2030)`,
		`content/links.md:6: link to /stories/expired: that page is not published: it is past its expiryDate (1 January 2012)`,
		`content/links.md:6: link to /stories/named/: that page is not published: it is a draft (draft: true)`,
		`content/links.md:8: link to /elsewhere/: that page is not published: it is a draft (draft: true)`,
		`content/links.md:8: link to /ru/stories/strike/: that page is not published: it is a draft (draft: true)`,
		`content/links.md:10: link to /dossier/: that page is not published: it is dated in the future (1 January 2030)`,
		`content/links.md:10: link to /dossier/one/: that page is not published: it is in a section that is not published`,
		"preview with samizdat serve --drafts (--future, --expired for dated pages)",
		`content/links.md:12: link to /stories/nowhere/: the site has no such page or file`,
	)
	if strings.Count(got, "content/links.md:") != 9 {
		t.Errorf("want 9 problems in content/links.md; got:\n%s", got)
	}
}

// Hugo's ref and relref to a page left out of this build say why, as a
// link to its file does, however they name it.
func TestRefToAnUnpublishedPageSaysWhy(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	addFile(fsys, "content/links.md", "---\ntitle: Links\n---\n"+
		"[a]({{< ref \"stories/draft.md\" >}})\n\n"+
		"[b]({{< relref \"future\" >}})\n\n"+
		"[c]({{< ref \"/stories/expired\" >}})\n\n"+
		"[d]({{< ref \"stories/nope.md\" >}})\n")
	got := problems(build(t, fsys, Options{}).Problems)
	wantProblems(t, got,
		`content/links.md:4: link to "stories/draft.md": that page is not published: it is a draft (draft: true)`,
		`content/links.md:6: link to "future": that page is not published: it is dated in the future (1 January 2030)`,
		`content/links.md:8: link to "/stories/expired": that page is not published: it is past its expiryDate (1 January 2012)`,
		"preview with samizdat serve --drafts (--future, --expired for dated pages)",
		`content/links.md:10: link to missing page "stories/nope.md"`,
	)
}

// A menu entry of site.toml whose url is the address of a page left out
// of this build says why, at its line, as its pageRef would. Where a
// language shows the main menus under its prefix, a translation left out
// is warned of as such, not as a page to translate.
func TestMenuURLOfAnUnpublishedPageSaysWhy(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	fsys["site.toml"].Data = []byte(string(fsys["site.toml"].Data) + "\n[[menus.main]]\nname = \"Soon\"\nurl = \"/stories/future/#top\"\n")
	lines := strings.Count(string(fsys["site.toml"].Data), "\n")
	got := problems(build(t, fsys, Options{}).Problems)
	want := fmt.Sprintf(`site.toml:%d: menu "main" entry 3 (Soon) links to /stories/future/: that page is not published: it is dated in the future (1 January 2030)`, lines)
	wantProblems(t, got, want, "preview with samizdat serve --drafts")

	fsys = siteFS(t, "testdata/fixture.txtar")
	fsys["site.toml"].Data = []byte(string(fsys["site.toml"].Data) + "\n[[menus.main]]\nname = \"Strike\"\nurl = \"/stories/strike/\"\n" +
		"\n[languages.en]\nweight = 1\n\n[languages.ru]\nname = \"Русский\"\nweight = 2\n")
	addFile(fsys, "content/stories/strike.ru.md", "---\ntitle: Забастовка\ndraft: true\n---\n")
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	wantProblems(t, problems(res.Warnings),
		`menu "main" entry 3 (Strike) links to /ru/stories/strike/ in the Русский pages: that page is not published: it is a draft (draft: true)`+
			"\n    link to it once it is published")
}

// markdownify, as a shortcode runs it on its .Inner, marks a link by
// address to a page in another language with hreflang, as a page's own
// markdown does.
func TestMarkdownifyLinkToAnotherLanguage(t *testing.T) {
	fsys := siteFS(t, "testdata/i18n.txtar")
	addFile(fsys, "layouts/shortcodes/box.html", `<aside>{{ .Inner | markdownify }}</aside>`)
	addFile(fsys, "content/about.md", "---\ntitle: About\n---\n{{< box >}}[r](/ru/zhanaozen/) [e](/zhanaozen/) [i](/ru/zhanaozen/index.html) [n](/ru/zhanaozen){{< /box >}}\n")
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	got := string(res.Files["about/index.html"])
	if !strings.Contains(got, `<a href="../ru/zhanaozen/" hreflang="ru">r</a>`) || !strings.Contains(got, `<a href="../zhanaozen/">e</a>`) ||
		!strings.Contains(got, `hreflang="ru">i</a>`) || !strings.Contains(got, `hreflang="ru">n</a>`) {
		t.Errorf("about/index.html:\n%s", got)
	}
}

// An address that names content/ itself is told the address to write:
// content/ is published at the site's root.
func TestAddressNamingContentFolder(t *testing.T) {
	fsys := linkPage(t, "[a](/content/stories/strike/) [b](/content/nowhere/)\n")
	res := build(t, fsys, Options{})
	got := problems(res.Problems)
	if !strings.Contains(got, "link to /content/stories/strike/: the site has no such page or file\n    the address names content/ itself, which is published at the site's root: link to /stories/strike/") ||
		strings.Count(got, "names content/ itself") != 1 {
		t.Errorf("problems:\n%s", got)
	}
}

// A link to an old address of a page left out (one of its aliases) says
// why, as a link to its own address does.
func TestLinkToAnAliasOfAnUnpublishedPageSaysWhy(t *testing.T) {
	fsys := linkPage(t, "[a](/old/gone/)\n")
	addFile(fsys, "content/stories/gone.md", "---\ntitle: Gone\ndraft: true\naliases: [/old/gone/]\n---\nText.\n")
	res := build(t, fsys, Options{})
	if got := problems(res.Problems); !strings.Contains(got, "content/stories/l.md:5: link to /old/gone/: that page is not published: it is a draft (draft: true)") {
		t.Errorf("problems:\n%s", got)
	}
}

// A link by an address relative to the page's own, as Hugo leaves links
// and sites moved from it write them ("../draft/" from /stories/l/), to a
// page left out of this build says why, as a link by its site address
// does: by its address, its old address, or its bundle's folder. A
// relative address or file that is there still resolves.
func TestRelativeAddressOfAnUnpublishedPageSaysWhy(t *testing.T) {
	fsys := linkPage(t, "[a](../draft/) [b](../future) [c](../../stories/expired/#end)\n\n"+
		"[d](../../draft-alias/) [e](../../people/hidden/) [f](../stories/draft.md) [g](/stories/draft.md)\n\n"+
		"[h](../strike/) [i](../stories/strike.md) [j](../../people/kozlov/)\n\n"+
		"[k](../nowhere/)\n")
	res := build(t, fsys, Options{})
	got := problems(res.Problems)
	wantProblems(t, got,
		`content/stories/l.md:5: link to "../draft/": that page is not published: it is a draft (draft: true)`,
		`content/stories/l.md:5: link to "../future": that page is not published: it is dated in the future (1 January 2030)`,
		`content/stories/l.md:5: link to "../../stories/expired/": that page is not published: it is past its expiryDate (1 January 2012)`,
		`content/stories/l.md:7: link to "../../draft-alias/": that page is not published: it is a draft (draft: true)`,
		`content/stories/l.md:7: link to "../../people/hidden/": that page is not published: it is a draft (draft: true)`,
		`content/stories/l.md:7: link to "../stories/draft.md": that page is not published: it is a draft (draft: true)`,
		`content/stories/l.md:7: link to "/stories/draft.md": that page is not published: it is a draft (draft: true)`,
		"preview with samizdat serve --drafts (--future, --expired for dated pages)",
		`content/stories/l.md:11: link to "../nowhere/": no page there`,
	)
	if n := strings.Count(got, "content/stories/l.md:"); n != 8 || len(res.Problems) != 8 {
		t.Errorf("want 8 problems, all in content/stories/l.md; got:\n%s", got)
	}
	page := string(res.Files["stories/l/index.html"])
	for _, want := range []string{`<a href="../strike/">h</a>`, `<a href="../strike/">i</a>`, `<a href="../../people/kozlov/">j</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("stories/l/index.html lacks %s:\n%s", want, page)
		}
	}
}

// A menu's link to a taxonomy the site has not turned on (xmin's
// /categories/, on a site with tags alone) says how to turn it on in
// site.toml, not to use pageRef for some page of the site.
func TestMenuLinkToATaxonomyNotOn(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	site := strings.Replace(string(fsys["site.toml"].Data), "category = \"categories\"\n", "", 1) // tags alone
	fsys["site.toml"].Data = []byte(site + "\n[[menus.main]]\nname = \"Categories\"\nurl = \"/categories/\"\n")
	got := problems(build(t, fsys, Options{}).Problems)
	want := `/categories/ is the list of a taxonomy, categories, which the site has not turned on: to have it, write in site.toml a [taxonomies] table with tag = "tags" and category = "categories", each on its own line (the table replaces the default, tags alone), and give pages categories: in their front matter; else remove this entry`
	if !strings.Contains(got, `links to /categories/, which the site does not have`) || !strings.Contains(got, want) || strings.Contains(got, "pageRef") {
		t.Errorf("want the problem with the hint %q; got:\n%s", want, got)
	}

	fsys = siteFS(t, "testdata/fixture.txtar")
	fsys["site.toml"].Data = []byte(string(fsys["site.toml"].Data) + "\n[[menus.main]]\nname = \"Series\"\nurl = \"/series/trials/\"\n")
	got = problems(build(t, fsys, Options{}).Problems)
	if want := `add series = "series" under [taxonomies] in site.toml, beside the taxonomies it names there`; !strings.Contains(got, want) {
		t.Errorf("want the hint %q; got:\n%s", want, got)
	}
}
