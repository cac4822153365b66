package markdown

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// siteContext is a page content/about/l.md on a site with a few files and
// page folders, answering ResolveLink as the site does and logging what
// it was asked.
func siteContext(asked *[]string) Context {
	known := map[string][2]string{
		"pic.png":                            {"/about/pic.png", ""},
		"../people/kozlov/photo.png":         {"/people/kozlov/photo.png", ""},
		"../zhanaozen/":                      {"/zhanaozen/", "content/zhanaozen/_index.md"},
		"./":                                 {"/about/", "content/about/_index.md"},
		"../zhanaozen/trial.md":              {"/zhanaozen/trial/", "content/zhanaozen/trial.md"},
		"../people/kozlov/Report (2012).pdf": {"/people/kozlov/Report (2012).pdf", ""},
	}
	return Context{
		File:       "content/about/l.md",
		LineOffset: 3,
		ResolveLink: func(dest string) (string, string, bool) {
			*asked = append(*asked, dest)
			k, ok := known[dest]
			return k[0], k[1], ok
		},
	}
}

func TestFileAndFolderLinksResolve(t *testing.T) {
	var asked []string
	src := "![p](pic.png) [f](../people/kozlov/photo.png?v=2#top) [k](../zhanaozen/#trial) [s](./) " +
		"[r](../people/kozlov/Report%20%282012%29.pdf#page=2) [t](../zhanaozen/trial.md)\n"
	res, probs := New(Options{}).Convert([]byte(src), siteContext(&asked))
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	for _, want := range []string{
		`<img src="/about/pic.png" alt="p">`,
		`<a href="/people/kozlov/photo.png?v=2#top">f</a>`,
		`<a href="/zhanaozen/#trial">k</a>`,
		`<a href="/about/">s</a>`,
		`<a href="/people/kozlov/Report%20(2012).pdf#page=2">r</a>`,
		`<a href="/zhanaozen/trial/">t</a>`,
	} {
		if !strings.Contains(res.HTML, want) {
			t.Errorf("HTML lacks %s:\n%s", want, res.HTML)
		}
	}
	wantAsked := []string{"pic.png", "../people/kozlov/photo.png", "../zhanaozen/", "./", "../people/kozlov/Report (2012).pdf", "../zhanaozen/trial.md"}
	if !reflect.DeepEqual(asked, wantAsked) {
		t.Errorf("ResolveLink was asked %q; want %q", asked, wantAsked)
	}
	// Only pages have anchors to check; a file's #fragment is its own
	// business (a PDF page, a media time).
	wantLinks := []Link{
		{Target: "content/zhanaozen/_index.md", Fragment: "trial", Line: 4},
		{Target: "content/about/_index.md", Line: 4},
		{Target: "content/zhanaozen/trial.md", Line: 4},
	}
	if !reflect.DeepEqual(res.Links, wantLinks) {
		t.Errorf("Links = %+v; want %+v", res.Links, wantLinks)
	}
}

func TestMissingFileSaysWhereItShouldBe(t *testing.T) {
	var asked []string
	src := "text\n\n![m](missing.png) and [d](../docs/)\n"
	res, probs := New(Options{}).Convert([]byte(src), siteContext(&asked))
	if strings.Contains(res.HTML, "missing.png") || strings.Contains(res.HTML, "docs") {
		t.Errorf("HTML keeps a link that leads nowhere:\n%s", res.HTML)
	}
	if len(probs) != 2 {
		t.Fatalf("problems: %v; want 2", probs)
	}
	for i, want := range []struct{ message, hint string }{
		{`link to "../docs/": no page there`, "content/docs/_index.md"},
		{`link to missing file "missing.png"`, "content/about/missing.png"},
	} {
		p := probs[i]
		if p.Position() != "content/about/l.md:6" || p.Message != want.message || !strings.Contains(p.Hint, want.hint) {
			t.Errorf("problem %d = %s; want at content/about/l.md:6, %q, a hint naming %s", i, p, want.message, want.hint)
		}
	}
}

// A relative link that starts with a site's name was meant for that
// site: the hint says to put https:// in front, not to put a file there.
func TestLinkToADomainWithoutSchemeSaysHTTPS(t *testing.T) {
	var asked []string
	src := "[a](www.amnesty.org) [b](amnesty.org/en/latest?x=1) [c](hrw.org/news.md) [d](report.pdf) [e](notes.txt/x) [f](www.)\n"
	_, probs := New(Options{}).Convert([]byte(src), siteContext(&asked))
	want := []struct{ message, hint string }{
		{`link to missing file "www.amnesty.org"`, "did you mean https://www.amnesty.org? A link to another site needs https:// in front"},
		{`link to missing file "amnesty.org/en/latest"`, "did you mean https://amnesty.org/en/latest?x=1? A link to another site needs https:// in front"},
		{`link to missing page "hrw.org/news.md"`, "did you mean https://hrw.org/news.md? A link to another site needs https:// in front"},
		{`link to missing file "report.pdf"`, "there is no content/about/report.pdf: put the file there"},
		{`link to missing file "notes.txt/x"`, "there is no content/about/notes.txt/x: put the file there"},
		{`link to missing file "www."`, "there is no content/about/www.: put the file there"},
	}
	if len(probs) != len(want) {
		t.Fatalf("problems: %v; want %d", probs, len(want))
	}
	hints := map[string]string{}
	for _, p := range probs {
		hints[p.Message] = p.Hint
	}
	for _, w := range want {
		if hint, ok := hints[w.message]; !ok || !strings.HasPrefix(hint, w.hint) {
			t.Errorf("problem %s: hint %q; want one starting %q", w.message, hint, w.hint)
		}
	}
}

// A link to this page's own anchor and a link by the site address are
// recorded for the site to check once it knows every anchor and address;
// they are written as they are.
func TestAnchorAndSiteAddressLinksAreRecorded(t *testing.T) {
	var asked []string
	src := "[e](#nowhere) [h](/zhanaozen/nonexistent/#x) [top](#) [q](?page=2)\n"
	res, probs := New(Options{}).Convert([]byte(src), siteContext(&asked))
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	if len(asked) > 0 {
		t.Errorf("ResolveLink was asked %q; want nothing", asked)
	}
	want := `<a href="#nowhere">e</a> <a href="/zhanaozen/nonexistent/#x">h</a> <a href="#">top</a> <a href="?page=2">q</a>`
	if !strings.Contains(res.HTML, want) {
		t.Errorf("HTML = %s; want %s", res.HTML, want)
	}
	wantLinks := []Link{
		{Target: "content/about/l.md", Fragment: "nowhere", Line: 4},
		{Target: "/zhanaozen/nonexistent/", Fragment: "x", Line: 4},
	}
	if !reflect.DeepEqual(res.Links, wantLinks) {
		t.Errorf("Links = %+v; want %+v", res.Links, wantLinks)
	}
}

// Without a site to ask (markdownify in a template), only a link to a
// .md file is known to name a source, and it cannot resolve.
func TestNoResolverKeepsFileLinks(t *testing.T) {
	res, probs := New(Options{}).Convert([]byte("![p](pic.png) [d](docs/) [x](x.md)\n"), Context{File: "markdownify"})
	if !strings.Contains(res.HTML, `<img src="pic.png" alt="p"> <a href="docs/">d</a> x`) {
		t.Errorf("HTML = %s", res.HTML)
	}
	if len(probs) != 1 || !strings.Contains(probs[0].Message, `link to missing page "x.md"`) {
		t.Errorf("problems = %v; want only the .md link", probs)
	}
}

// An image on another site is loaded by every reader's browser, which
// tells that site who reads the page: it is a problem, and the image
// shows as its alt text. A plain link to another site is fine.
func TestImagesFromOtherSitesAreProblems(t *testing.T) {
	var asked []string
	src := "![pixel](https://tracker.example/p.gif)\n\n" +
		"![old](http://tracker.example/o.png) ![rel](//tracker.example/r.png)\n\n" +
		"[![logo](https://tracker.example/l.png)](https://other.example/)\n\n" +
		"![ref][r] ![ent](&#104;ttps://tracker.example/e.png) ![esc](\\/\\/tracker.example/s.png)\n\n" +
		"[text](https://other.example/) ![here](pic.png)\n\n" +
		"[r]: https://tracker.example/ref.png\n"
	res, probs := New(Options{}).Convert([]byte(src), siteContext(&asked))
	if strings.Contains(res.HTML, "tracker.example") {
		t.Errorf("HTML loads from another site:\n%s", res.HTML)
	}
	for _, want := range []string{
		`<p>pixel</p>`,
		`<a href="https://other.example/">logo</a>`,
		`<a href="https://other.example/">text</a> <img src="/about/pic.png" alt="here">`,
	} {
		if !strings.Contains(res.HTML, want) {
			t.Errorf("HTML lacks %s:\n%s", want, res.HTML)
		}
	}
	want := []string{
		`content/about/l.md:4: image "https://tracker.example/p.gif" is on another site`,
		`content/about/l.md:6: image "//tracker.example/r.png" is on another site`,
		`content/about/l.md:6: image "http://tracker.example/o.png" is on another site`,
		`content/about/l.md:8: image "https://tracker.example/l.png" is on another site`,
		`content/about/l.md:10: image "&#104;ttps://tracker.example/e.png" is on another site`,
		`content/about/l.md:10: image "\\/\\/tracker.example/s.png" is on another site`,
		`content/about/l.md:10: image "https://tracker.example/ref.png" is on another site`,
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.Position()+": "+p.Message)
		for _, s := range []string{"download the image", "static/", "tracker.example, which can see who reads the page"} {
			if !strings.Contains(p.Hint, s) {
				t.Errorf("hint of %s does not say %q: %q", p.Position(), s, p.Hint)
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A link starting with "//" leads to another site with whatever scheme
// the page was opened with: file://host/… (a network path on Windows) in
// the offline copy. Other links with a double slash stay as they are.
func TestProtocolRelativeLinksAreProblems(t *testing.T) {
	src := "[a](//evil.example/x) [b](///evil.example/y)\n\n[c](&#47;/evil.example/z) [d](\\/\\/evil.example/w)\n\n" +
		"[ok](/path) [ok2](./a//b) [ok3](/a//b) [ok4](#//x) [ok5](?u=//x) [ok6](https://example.org//x)\n"
	res, probs := New(Options{}).Convert([]byte(src), Context{File: "content/a.md", LineOffset: 1})
	if strings.Contains(res.HTML, "evil.example") {
		t.Errorf("HTML links to another site without https:\n%s", res.HTML)
	}
	want := `<a href="/path">ok</a> <a href="./a//b">ok2</a> <a href="/a//b">ok3</a> <a href="#//x">ok4</a> <a href="?u=//x">ok5</a> <a href="https://example.org//x">ok6</a>`
	if !strings.Contains(res.HTML, want) {
		t.Errorf("HTML = %s; want %s", res.HTML, want)
	}
	wantProbs := []string{
		`content/a.md:2: link to "///evil.example/y" starts with // instead of https://`,
		`content/a.md:2: link to "//evil.example/x" starts with // instead of https://`,
		`content/a.md:4: link to "&#47;/evil.example/z" starts with // instead of https://`,
		`content/a.md:4: link to "\\/\\/evil.example/w" starts with // instead of https://`,
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.Position()+": "+p.Message)
	}
	if !reflect.DeepEqual(got, wantProbs) {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantProbs, "\n"))
	}
	for i, full := range []string{"https://evil.example/y", "https://evil.example/x", "https://evil.example/z", "https://evil.example/w"} {
		if !strings.Contains(probs[i].Hint, "write the full address, "+full+";") {
			t.Errorf("hint of %q does not suggest %s: %q", probs[i].Message, full, probs[i].Hint)
		}
	}
}

// An invisible character pasted into an address cannot be seen in the
// message; the hint says it is there, and after what.
func TestMissingLinkWithInvisibleCharacterSaysSo(t *testing.T) {
	var asked []string
	src := "[k](../people/vladimir\u200b-kozlov/index.md) [p](pic\u00ad.png) [z](\u200bpic.png) [n](../people/\u00a0x/) [w](www.amnesty\u200b.org)\n"
	_, probs := New(Options{}).Convert([]byte(src), siteContext(&asked))
	const tail = "; delete it and type the address again"
	want := map[string]string{
		`link to missing page "../people/vladimir\u200b-kozlov/index.md"`: `the address has an invisible character (often pasted from a word processor) after "vladimir"` + tail,
		`link to missing file "pic\u00ad.png"`:                            `the address has an invisible character (often pasted from a word processor) after "pic"` + tail,
		`link to missing file "\u200bpic.png"`:                            `the address has an invisible character (often pasted from a word processor) at the start` + tail,
		`link to "../people/\u00a0x/": no page there`:                     `the address has an invisible character (often pasted from a word processor) after "../people/"` + tail,
		`link to missing file "www.amnesty\u200b.org"`:                    `the address has an invisible character (often pasted from a word processor) after "www.amnesty"` + tail,
	}
	if len(probs) != len(want) {
		t.Fatalf("problems: %v; want %d", probs, len(want))
	}
	for _, p := range probs {
		if hint, ok := want[p.Message]; !ok || p.Hint != hint {
			t.Errorf("problem %s; want hint %q", p, hint)
		}
	}
}

// Hugo's [text]({{< ref "page.md" >}}) and relref link the page, as
// [text](page.md) does, unless the site has its own ref template: then,
// as for any shortcode in a link's address, it is a problem that says to
// link the file (the call's placeholder leaked as a missing file).
func TestRefInLinkAddress(t *testing.T) {
	resolve := func(dest string) (string, string, bool) {
		switch dest {
		case "b2/index.md":
			return "/b2/", "content/b2/index.md", true
		case "/news/x.md":
			return "/news/x/", "content/news/x.md", true
		}
		return "", "", false
	}
	src := "See [the bundle]({{< ref \"b2/index.md\" >}}), [x]({{< relref path=\"/news/x.md\" >}}) and [y]({{< ref \"gone.md\" >}}).\n"
	res, probs := New(Options{}).Convert([]byte(src), Context{File: "content/a.md", ResolveLink: resolve})
	if !strings.Contains(res.HTML, `<a href="/b2/">the bundle</a>`) || !strings.Contains(res.HTML, `<a href="/news/x/">x</a>`) {
		t.Errorf("ref and relref did not link the pages: %s", res.HTML)
	}
	if got := fmt.Sprint(probs); len(probs) != 1 || !strings.Contains(got, `link to missing page "gone.md"`) {
		t.Errorf("want one problem, the missing page; got %s", got)
	}

	own := Context{File: "content/a.md", ResolveLink: resolve, HasShortcode: func(name string) bool { return name == "ref" },
		Shortcode: func(Shortcode) (string, error) { return "/b2/", nil }}
	_, probs = New(Options{}).Convert([]byte("See [the bundle]({{< ref \"b2/index.md\" >}}) and [x]({{< other >}}).\n"), own)
	got := fmt.Sprint(probs)
	for _, want := range []string{
		`a link's address is the shortcode "ref", which cannot run inside an address`,
		`link to the page's file instead, [text](b2/index.md)`,
		`a link's address is the shortcode "other"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q; got %s", want, got)
		}
	}
	if strings.Contains(got, "szq") {
		t.Errorf("a placeholder leaked into a message: %s", got)
	}
}

// TestInvisibleCharactersInAddressesAndOverrides: another site's address
// holding an invisible character leads somewhere other than what readers
// see, and is a problem; a bidirectional override anywhere in the text
// (it shows what follows reversed: "‮gpj.exe") is warned of, once.
func TestInvisibleCharactersInAddressesAndOverrides(t *testing.T) {
	src := "Intro.\n\n[b](https://exa\u200bmple.org/) and [c](mailto:ana\u00ad@example.org) and <https://example.org/\u200d/x>\n\n" +
		"[spoof \u202egpj.exe](https://example.org/x), and \u202dagain.\n"
	res, probs := New(Options{}).Convert([]byte(src), Context{File: "content/a.md", LineOffset: 3})
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	want := []string{
		"content/a.md:6: link to \"https://exa\\u200bmple.org/\" has an invisible character (often pasted from a word processor) after \"exa\"\n" +
			"    it would lead somewhere other than the address you see; delete the address and type it again",
		"content/a.md:6: link to \"https://example.org/\\u200d/x\" has an invisible character (often pasted from a word processor) after \"https://example.org/\"\n" +
			"    it would lead somewhere other than the address you see; delete the address and type it again",
		"content/a.md:6: link to \"mailto:ana\\u00ad@example.org\" has an invisible character (often pasted from a word processor) after \"mailto:ana\"\n" +
			"    it would lead somewhere other than the address you see; delete the address and type it again",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(res.Warnings) != 1 || res.Warnings[0].Line != 8 ||
		!strings.Contains(res.Warnings[0].Message, "the text holds a right-to-left override (U+202E), an invisible character that shows the text after it reversed") {
		t.Errorf("warnings = %v; want one, at line 8, for the right-to-left override", res.Warnings)
	}
	// Isolates, which mixed right-to-left text needs, are no warning.
	res, _ = New(Options{}).Convert([]byte("Name: \u2067مرحبا\u2069.\n"), Context{File: "content/a.md"})
	if len(res.Warnings) != 0 {
		t.Errorf("isolates: warnings %v", res.Warnings)
	}
}

// TestReservedIDs: a heading whose id the layouts already give an element
// ("main", the skip link's target) gets another; an explicit {#main} is a
// problem. Two elements with one id sent the skip link to the heading.
func TestReservedIDs(t *testing.T) {
	c := New(Options{ReservedIDs: []string{"main", "top"}})
	res, probs := c.Convert([]byte("## Main\n\n## Main\n\n## Top {#top}\n"), Context{File: "content/a.md"})
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	if want := `content/a.md:5: the id "top" is one the site's layouts give every page` + "\n    choose another {#id}: two elements with one id break links to it (the layouts' skip link, say)"; strings.Join(got, "\n") != want {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	for _, want := range []string{`<h2 id="main-1">`, `<h2 id="main-2">`} {
		if !strings.Contains(res.HTML, want) {
			t.Errorf("HTML lacks %s:\n%s", want, res.HTML)
		}
	}
	if strings.Contains(res.HTML, `id="main"`) {
		t.Errorf("a heading took the layouts' id main:\n%s", res.HTML)
	}
}

// The path an editor's completion gives from a page to a file of static/
// names a file that exists, but not where the site publishes it: the
// hint gives the address to write.
func TestLinkIntoStaticGivesTheSiteAddress(t *testing.T) {
	var asked []string
	src := "![Share card](../../static/img/share.png)\n"
	_, probs := New(Options{}).Convert([]byte(src), siteContext(&asked))
	want := "the files of static/ are published at the site's root, without static/: link static/img/share.png by its address on the site, /img/share.png (and check that the file is there)"
	if len(probs) != 1 || probs[0].Hint != want {
		t.Errorf("problems %v; want one with the hint %q", probs, want)
	}
}

// A missing page's hint names where it was looked for, as the site
// resolves the link: from this file's folder, or from content/ for a path
// starting with /; a path that leads out of content/ says so; and a page
// there that is left out of the build (a draft) is named as one, whether
// the link names its file or its folder.
func TestMissingPageNamesWhereItLooked(t *testing.T) {
	var asked []string
	ctx := siteContext(&asked)
	ctx.Unpublished = func(dest string) string {
		switch dest {
		case "/news/d.md", "../news/d.md", "../news/d/":
			return "a draft (draft: true)"
		}
		return ""
	}
	src := "[a](nope.md) [b](/news/nope.md) [c](../../zhanaozen/_index.md) [d](/news/d.md) [e](../news/d.md) [f](/content/zhanaozen/trial.md) [g](/../news/ok.md)" +
		" [h](content/zhanaozen/trial.md) [i](/content/news/zz.md) [j](../news/d/#top)\n"
	resolve := ctx.ResolveLink
	ctx.ResolveLink = func(dest string) (string, string, bool) {
		if dest == "/zhanaozen/trial.md" {
			return "/zhanaozen/trial/", "content/zhanaozen/trial.md", true
		}
		return resolve(dest)
	}
	_, probs := New(Options{}).Convert([]byte(src), ctx)
	want := map[string]string{
		`link to missing page "nope.md"`:                                                  "there is no content/about/nope.md: the path starts from this file's folder (content/about/)",
		`link to missing page "/news/nope.md"`:                                            "there is no content/news/nope.md: a path starting with / starts from content/",
		`link to missing page "../../zhanaozen/_index.md"`:                                "the path leads out of content/, to zhanaozen/_index.md: it starts from this file's folder (content/about/)",
		`link to "/news/d.md": that page is not published: it is a draft (draft: true)`:   "to see it now, preview with samizdat serve --drafts",
		`link to "../news/d.md": that page is not published: it is a draft (draft: true)`: "to see it now, preview with samizdat serve --drafts",
		`link to "../news/d/": that page is not published: it is a draft (draft: true)`:   "to see it now, preview with samizdat serve --drafts",
		`link to missing page "/content/zhanaozen/trial.md"`:                              "the path names content/ itself: write /zhanaozen/trial.md",
		`link to missing page "content/zhanaozen/trial.md"`:                               "the path names content/ itself: write /zhanaozen/trial.md",
		`link to missing page "/content/news/zz.md"`:                                      "there is no content/content/news/zz.md: a path starting with / starts from content/",
		`link to missing page "/../news/ok.md"`:                                           "a path starting with / starts from content/, and this one leads out of it",
	}
	if len(probs) != len(want) {
		t.Fatalf("problems: %v; want %d", probs, len(want))
	}
	for _, p := range probs {
		if w, ok := want[p.Message]; !ok || !strings.Contains(p.Hint, w) {
			t.Errorf("problem %q, hint %q; want the hint to hold %q", p.Message, p.Hint, w)
		}
	}
}

// A link to a page in another language says which, as hreflang: to the
// page's file and to its address alike; a link in the page's own
// language, to a file or to another site gets none.
func TestLinkToAnotherLanguageHasHreflang(t *testing.T) {
	var asked []string
	ctx := siteContext(&asked)
	ctx.OtherLanguage = func(target string) string {
		if target == "content/zhanaozen/trial.md" || target == "/ru/complaint/" {
			return "ru"
		}
		return ""
	}
	src := "[a](../zhanaozen/trial.md) [b](/ru/complaint/) [c](./) [d](pic.png) [e](https://example.org/) [f](#top)\n"
	res, probs := New(Options{}).Convert([]byte(src), ctx)
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	for _, want := range []string{`<a href="/zhanaozen/trial/" hreflang="ru">a</a>`, `<a href="/ru/complaint/" hreflang="ru">b</a>`,
		`<a href="/about/">c</a>`, `<a href="/about/pic.png">d</a>`, `<a href="https://example.org/">e</a>`, `<a href="#top">f</a>`} {
		if !strings.Contains(res.HTML, want) {
			t.Errorf("HTML lacks %s:\n%s", want, res.HTML)
		}
	}
}
