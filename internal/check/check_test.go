package check

import (
	"strings"
	"testing"

	"github.com/samizdat-press/samizdat/internal/output"
	"github.com/samizdat-press/samizdat/internal/problem"
)

// doc wraps body in a page that passes every check on its own, so that a
// case's problems come from its body only. body starts on line 3, column 1.
func doc(body string) string {
	return "<!doctype html><html lang=en><meta charset=utf-8><title>t</title>\n<h1>T</h1>\n" + body
}

// siteOf makes an Output from string contents.
func siteOf(files map[string]string) *output.Output {
	out := &output.Output{Files: map[string][]byte{}}
	for p, s := range files {
		out.Files[p] = []byte(s)
	}
	return out
}

type checkCase struct {
	name  string
	files map[string]string
	opts  Options
	// want lists every expected problem as "position: part of the message",
	// position as problem.Position prints it. Nothing else may be reported.
	want []string
}

func runCases(t *testing.T, cases []checkCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Site(siteOf(tc.files), tc.opts)
			expectProblems(t, got, tc.want)
		})
	}
}

// expectProblems matches problems and wants one to one.
func expectProblems(t *testing.T, got []problem.Problem, want []string) {
	t.Helper()
	used := make([]bool, len(got))
	var missing []string
	for _, w := range want {
		pos, msg, _ := strings.Cut(w, ": ")
		found := false
		for i, p := range got {
			if !used[i] && p.Position() == pos && strings.Contains(p.Message, msg) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			missing = append(missing, w)
		}
	}
	var extra []string
	for i, p := range got {
		if !used[i] {
			extra = append(extra, p.Position()+": "+p.Message)
		}
		if p.Message == "" || p.Hint == "" {
			t.Errorf("problem without message or hint: %+v", p)
		}
	}
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("missing:\n  %s\nunexpected:\n  %s\nall got:\n  %s",
			strings.Join(missing, "\n  "), strings.Join(extra, "\n  "), strings.Join(positions(got), "\n  "))
	}
}

func positions(ps []problem.Problem) []string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Position()+": "+p.Message)
	}
	return s
}

func TestInternalLinks(t *testing.T) {
	runCases(t, []checkCase{
		{name: "folder link resolves", files: map[string]string{
			"a/index.html": doc(`<a href="../b/">b</a> <a href="../b/index.html">b</a> <a href="../b">b</a> <a href="">self</a>`),
			"b/index.html": doc(""),
		}},
		{name: "folder link broken", files: map[string]string{
			"a/index.html": doc(`<a href="../c/">c</a>`),
		}, want: []string{`a/index.html:3:4: <a href> "../c/" is broken: the site has no c/index.html`}},
		{name: "file link broken", files: map[string]string{
			"index.html": doc(`<p><a class=x href="doc.pdf">c</a>`),
		}, want: []string{`index.html:3:15: the site has no doc.pdf`}},
		{name: "root-relative", files: map[string]string{
			"a/index.html": doc(`<a href="/b/">b</a><a href="/c/">c</a>`),
			"b/index.html": doc(""),
		}, want: []string{`a/index.html:3:23: "/c/" is broken: the site has no c/index.html`}},
		{name: "absolute to the base URL", opts: Options{BaseURL: "https://example.org"}, files: map[string]string{
			"a/index.html": doc(`<a href="https://example.org/b/">b</a><a href="HTTP://EXAMPLE.ORG/c/">c</a><a href="https://example.com/c/">other</a>`),
			"b/index.html": doc(""),
		}, want: []string{
			`a/index.html:3:42: the site has no c/index.html`,
			`a/index.html:3:4: links to the site's own page through its absolute address`,
			`a/index.html:3:42: links to the site's own page through its absolute address`,
		}},
		{name: "base URL in a folder", opts: Options{BaseURL: "https://example.org/sub/"}, files: map[string]string{
			"a/index.html": doc(`<a href="/sub/b/">b</a><a href="/b/">b</a><a href="https://example.org/sub/">home</a><a href="https://example.org/other/">other site</a>`),
			"b/index.html": doc(""),
			"index.html":   doc(""),
		}, want: []string{
			`a/index.html:3:27: "/b/" leaves the site's folder /sub/`,
			`a/index.html:3:46: "https://example.org/sub/" links to the site's own page through its absolute address`,
		}},
		{name: "climbs above the root", files: map[string]string{
			"a/index.html": doc(`<a href="../../a/">a</a>`),
		}, want: []string{`a/index.html:3:4: climbs above the site's root folder`}},
		{name: "query and encoded path", files: map[string]string{
			"index.html":             doc(`<link rel=stylesheet href="style.css?v=2"><a href="caf%C3%A9/">café</a><a href="жана/">ж</a>`),
			"style.css":              "p{}",
			"café/index.html":        doc(""),
			"жана/index.html":        doc(""),
			"unused/not-linked.html": doc(""),
		}},
		{name: "ignored schemes and outside links", files: map[string]string{
			"index.html": doc(`<a href="mailto:a@b.c">m</a><a href="tel:+7">t</a><a href="https://other.example/x">x</a><img alt="" src="data:image/png;base64,AAAA"><a href="//other.example/y">y</a>`),
		}},
		{name: "local and file URLs", files: map[string]string{
			"index.html": doc(`<a href="http://localhost:1313/x/">x</a>` + "\n" + `<a href="http://127.0.0.1/y">y</a>` + "\n" + `<a href="file:///home/me/site/z.html">z</a>` + "\n" + `<a href="javascript:void(0)">j</a>`),
		}, want: []string{
			`index.html:3:4: links to this computer (localhost)`,
			`index.html:4:4: links to this computer (127.0.0.1)`,
			`index.html:5:4: points at a file on the build machine`,
			`index.html:6:4: uses a javascript: URL`,
		}},
		{name: "not a URL", files: map[string]string{
			"index.html": doc(`<a href="100%zz">x</a>`),
		}, want: []string{`index.html:3:4: <a href> "100%zz" is not a valid URL`}},
		{name: "images, srcset, poster, object", files: map[string]string{
			"p/index.html": doc(`<img alt="" src="a.png" srcset="a.png 1x, b.png 2x">` + "\n" +
				`<picture><source srcset="c.webp"><img alt="x" src="a.png"></picture><video poster="v.jpg" src="v.mp4"></video><object data="o.svg"></object>`),
			"p/a.png":  "png",
			"p/c.webp": "webp",
			"p/v.mp4":  "mp4",
		}, want: []string{
			`p/index.html:3:25: <img srcset> "b.png" is broken: the site has no p/b.png`,
			`p/index.html:4:76: <video poster> "v.jpg" is broken`,
			`p/index.html:4:119: <object data> "o.svg" is broken`,
		}},
		{name: "meta refresh and og:image", files: map[string]string{
			"old/index.html": `<!doctype html><title>moved</title><meta http-equiv="refresh" content="0; url='../gone/'">`,
			"index.html":     doc(`<meta property="og:image" content="cover.jpg">`),
		}, want: []string{
			`old/index.html:1:63: <meta http-equiv=refresh> "../gone/" is broken`,
			`index.html:3:27: <meta og:image> "cover.jpg" is broken`,
		}},
		{name: "base href", files: map[string]string{
			"a/index.html": doc(`<base href="/b/"><a href="x.html">x</a><a href="y.html">y</a>`),
			"b/x.html":     doc(""),
		}, want: []string{`a/index.html:3:43: the site has no b/y.html`}},
		{name: "noscript content is checked", files: map[string]string{
			"index.html": doc(`<noscript><img alt="" src="missing.png"></noscript>`),
		}, want: []string{`index.html:3:23: "missing.png" is broken`}},
	})
}

func TestAnchors(t *testing.T) {
	runCases(t, []checkCase{
		{name: "anchors that land", files: map[string]string{
			"a/index.html": doc(`<a href="#here" id="here">h</a><a href="../b/#sec">s</a><a href="#">top</a><a href="#top">top</a><a href="#%D0%B0">а</a><p id="а">` +
				`<a href="../b/#named">n</a><a href="../b/#:~:text=x">t</a><a href="../b/doc.pdf#page=2">p</a>`),
			"b/index.html": doc(`<h2 id="sec">S</h2><a name="named"></a>`),
			"b/doc.pdf":    "%PDF",
		}},
		{name: "missing anchors", files: map[string]string{
			"a/index.html": doc(`<a href="#nope">n</a>` + "\n" + `<a href="../b/#Sec">s</a>`),
			"b/index.html": doc(`<h2 id="sec">S</h2>`),
		}, want: []string{
			`a/index.html:3:4: <a href> "#nope" is broken: no id "nope" in this page`,
			`a/index.html:4:4: no id "Sec" in b/index.html`,
		}},
		{name: "svg sprite fragments", files: map[string]string{
			"index.html": doc(`<svg><use href="icons.svg#menu"></use><use xlink:href="icons.svg#gone"></use></svg>`),
			"icons.svg":  `<svg xmlns="http://www.w3.org/2000/svg"><symbol id="menu"></symbol></svg>`,
		}, want: []string{`index.html:3:44: no id "gone" in icons.svg`}},
	})
}

// TestRepeatedLinkOnce: a layout's broken link is on every page, written
// relative to each ("news/page/2/", "page/2/", "../page/2/"); it is one
// problem, at the first page, with the number of others. Different
// targets stay apart, even where the address is written the same.
func TestRepeatedLinkOnce(t *testing.T) {
	nav := func(up string) string {
		return doc(`<a href="#main">skip</a><a href="` + up + `news/page/2/">older</a>` + "\n" +
			`<img alt="" src="logo.png"><a href="` + up + `news/page/2/">older, in the footer</a>`)
	}
	files := map[string]string{
		"index.html":        nav(""),
		"news/index.html":   nav("../"),
		"news/a/index.html": nav("../../"),
		"news/b/index.html": nav("../../") + `<a href="../../about/">about</a>`,
	}
	runCases(t, []checkCase{
		{name: "layout link on every page", files: files, want: []string{
			`index.html:3:4: <a href> "#main" is broken: no id "main" in this page (and in 3 other files)`,
			`index.html:3:28: <a href> "news/page/2/" is broken: the site has no news/page/2/index.html (and in 3 other files)`,
			`index.html:4:31: <a href> "news/page/2/" is broken: the site has no news/page/2/index.html (and in 3 other files)`,
			`index.html:4:13: <img src> "logo.png" is broken: the site has no logo.png`,
			`news/index.html:4:13: <img src> "logo.png" is broken: the site has no news/logo.png`,
			`news/a/index.html:4:13: <img src> "logo.png" is broken: the site has no news/a/logo.png`,
			`news/b/index.html:4:13: <img src> "logo.png" is broken: the site has no news/b/logo.png`,
			`news/b/index.html:4:84: <a href> "../../about/" is broken: the site has no about/index.html`,
		}},
	})
	grouped := 0
	for _, p := range Site(siteOf(files), Options{}) {
		if strings.Contains(p.Message, "other file") {
			grouped++
		}
	}
	if grouped != 3 {
		t.Errorf("%d problems say they are in other files too; want 3 (#main, the nav's and the footer's news/page/2/)", grouped)
	}
}

func TestStylesheetReferences(t *testing.T) {
	runCases(t, []checkCase{
		{name: "css files resolve relative to themselves", files: map[string]string{
			"css/site.css": "/* url(commented.png) */\n@import \"base.css\";\nbody { background: url( '../img/bg.png' ) }\n.x{mask:url(#m)} .y{background:URL(../img/b\\67.png)}",
			"css/base.css": "p{}",
			"img/bg.png":   "png",
		}},
		{name: "broken css references", files: map[string]string{
			"css/site.css": "@import url(missing.css);\n@font-face{src:url(\"../fonts/a.woff2\") format(\"woff2\")}",
		}, want: []string{
			`css/site.css:1:13: @import "missing.css" is broken: the site has no css/missing.css`,
			`css/site.css:2:21: url() "../fonts/a.woff2" is broken`,
		}},
		{name: "style element and attribute", files: map[string]string{
			"index.html": doc("<style>\n.a{background:url(gone.png)}</style><div style=\"background:url(also-gone.png)\"></div>"),
		}, want: []string{
			`index.html:4:19: url() in <style> "gone.png" is broken`,
			`index.html:4:42: url() in style attribute "also-gone.png" is broken`,
		}},
	})
}

// TestLayoutRelativeAssetHint: a layout's "css/site.css" is read from each
// page's folder and breaks everywhere but at the root; the file is there,
// fingerprinted, so the hint says to write relURL, not to put the file in
// static/ (where it already is).
func TestLayoutRelativeAssetHint(t *testing.T) {
	files := map[string]string{
		"index.html":              doc(`<link rel="stylesheet" href="css/site.css">`),
		"news/a/index.html":       doc(`<link rel="stylesheet" href="css/site.css"><img alt="" src="gone.png">`),
		"css/site.3f2a9c01de.css": "body{}",
		"css/site.css":            "body{}",
	}
	var got []string
	for _, p := range Site(siteOf(files), Options{}) {
		got = append(got, p.String())
	}
	all := strings.Join(got, "\n")
	want := `news/a/index.html:3:24: <link href> "css/site.css" is broken: the site has no news/a/css/site.css` + "\n" +
		`    the site has css/site.css at its root, but this address is read from the page's own folder; in a layout, write {{ relURL "css/site.css" }}, which points at the root from every page`
	if !strings.Contains(all, want) {
		t.Errorf("problems:\n%s\nwant one:\n%s", all, want)
	}
	if !strings.Contains(all, `"gone.png" is broken: the site has no news/a/gone.png`+"\n    fix the address, or put the file in static/") {
		t.Errorf("a file the site lacks anywhere keeps the usual hint:\n%s", all)
	}
	delete(files, "css/site.css") // only the fingerprinted name
	got = got[:0]
	for _, p := range Site(siteOf(files), Options{}) {
		got = append(got, p.String())
	}
	if all := strings.Join(got, "\n"); !strings.Contains(all, `write {{ relURL "css/site.css" }}`) {
		t.Errorf("fingerprinted: problems:\n%s", all)
	}
}

// TestFingerprintedAssetHint: an address the build could not give a
// renamed file's new name (in a <style> element: by the site's absolute
// address, root-relative, or relative as the build leaves it) is broken,
// but the file is in static/: the hint names the new name and says where
// the build renames, not to put the file in static/.
func TestFingerprintedAssetHint(t *testing.T) {
	const hint = "\n    the site publishes css/site.css as css/site.3f2a9c01de.css, with a content hash in its name; " +
		"the build writes the new name into the addresses in tags (<link href>, <script src>) and in stylesheet files, not into this one: " +
		`link the file from such a tag or file (in a layout, {{ relURL "css/site.css" }}), or turn fingerprinting off with fingerprint = false under [output] in site.toml`
	for _, tc := range []struct{ page, style, want string }{
		{"index.html", `@import url("https://example.org/css/site.css");`,
			`index.html:3:21: @import in <style> "https://example.org/css/site.css" is broken: the site has no css/site.css` + hint},
		{"index.html", `@import "/css/site.css";`, `index.html:3:17: @import in <style> "/css/site.css" is broken: the site has no css/site.css` + hint},
		{"index.html", `@import "css/site.css";`, `index.html:3:17: @import in <style> "css/site.css" is broken: the site has no css/site.css` + hint},
		{"a/index.html", `@import "../css/site.css";`, `a/index.html:3:17: @import in <style> "../css/site.css" is broken: the site has no css/site.css` + hint},
		// Read from the page's own folder: relURL mends that too.
		{"b/index.html", `@import "css/site.css";`, `b/index.html:3:17: @import in <style> "css/site.css" is broken: the site has no b/css/site.css` +
			"\n    the site has css/site.css at its root, but this address is read from the page's own folder"},
		{"index.html", `@import "/gone.css";`, `index.html:3:17: @import in <style> "/gone.css" is broken: the site has no gone.css` +
			"\n    fix the address, or put the file in static/"},
	} {
		files := map[string]string{tc.page: doc("<style>" + tc.style + "</style>"), "css/site.3f2a9c01de.css": "body{}"}
		var got []string
		for _, p := range Site(siteOf(files), Options{BaseURL: "https://example.org/"}) {
			got = append(got, p.String())
		}
		if all := strings.Join(got, "\n"); !strings.Contains(all, tc.want) {
			t.Errorf("problems:\n%s\nwant one:\n%s", all, tc.want)
		}
	}
}
