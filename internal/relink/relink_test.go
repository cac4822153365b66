package relink_test

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"

	"github.com/samizdat-press/samizdat/internal/relink"
)

// rewrite runs Rewrite on a site made of one file, name, plus the empty files in others, and
// returns name's new content.
func rewrite(t *testing.T, name, in string, opts relink.Options, others ...string) string {
	t.Helper()
	files := map[string][]byte{name: []byte(in)}
	for _, o := range others {
		files[o] = nil
	}
	relink.Rewrite(files, opts)
	return string(files[name])
}

type rewriteCase struct {
	name     string
	page     string // file the input is in; "a/b/index.html" when empty
	in, want string
	portable bool
	baseURL  string   // Options.BaseURL
	others   []string // other files of the site
}

func runCases(t *testing.T, cases []rewriteCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			page := tc.page
			if page == "" {
				page = "a/b/index.html"
			}
			got := rewrite(t, page, tc.in, relink.Options{Portable: tc.portable, BaseURL: tc.baseURL}, tc.others...)
			if got != tc.want {
				t.Errorf("Rewrite of %s:\n in: %s\ngot: %s\nwant: %s", page, tc.in, got, tc.want)
			}
		})
	}
}

func TestRewriteHTMLLinks(t *testing.T) {
	runCases(t, []rewriteCase{
		{name: "sibling folder", page: "zhanaozen/trials/index.html",
			in: `<a href="/complaint/">x</a>`, want: `<a href="../../complaint/">x</a>`},
		{name: "root from two levels", page: "zhanaozen/trials/index.html",
			in: `<a href="/">home</a>`, want: `<a href="../../">home</a>`},
		{name: "asset", page: "zhanaozen/trials/index.html",
			in: `<link rel="stylesheet" href="/css/site.css">`, want: `<link rel="stylesheet" href="../../css/site.css">`},
		{name: "root from the root page", page: "index.html",
			in: `<a href="/">home</a>`, want: `<a href="./">home</a>`},
		{name: "own folder", in: `<a href="/a/b/">here</a>`, want: `<a href="./">here</a>`},
		{name: "child", in: `<a href="/a/b/c/">c</a>`, want: `<a href="c/">c</a>`},
		{name: "parent", in: `<a href="/a/">a</a>`, want: `<a href="../">a</a>`},
		{name: "cousin", in: `<a href="/a/x/y.pdf">y</a>`, want: `<a href="../x/y.pdf">y</a>`},
		{name: "from the root", page: "index.html", in: `<a href="/zhanaozen/">z</a>`, want: `<a href="zhanaozen/">z</a>`},
		{name: "ugly page file", page: "a/page.html", in: `<a href="/a/other.html">o</a>`, want: `<a href="other.html">o</a>`},
		{name: "query and fragment", in: `<link href="/css/site.css?v=1#x">`, want: `<link href="../../css/site.css?v=1#x">`},
		{name: "query on root", page: "index.html", in: `<a href="/?q=1">`, want: `<a href="./?q=1">`},
		{name: "fragment on root", in: `<a href="/#top">`, want: `<a href="../../#top">`},
		{name: "fragment only", in: `<a href="#top">`, want: `<a href="#top">`},
		{name: "empty", in: `<a href="">`, want: `<a href="">`},
		{name: "https", in: `<a href="https://example.org/x/">`, want: `<a href="https://example.org/x/">`},
		{name: "http", in: `<a href="http://example.org/">`, want: `<a href="http://example.org/">`},
		{name: "mailto", in: `<a href="mailto:a@b.org">`, want: `<a href="mailto:a@b.org">`},
		{name: "tel", in: `<a href="tel:+77001234567">`, want: `<a href="tel:+77001234567">`},
		{name: "data", in: `<img src="data:image/png;base64,AAAA">`, want: `<img src="data:image/png;base64,AAAA">`},
		{name: "protocol-relative", in: `<script src="//cdn.example/x.js"></script>`, want: `<script src="//cdn.example/x.js"></script>`},
		{name: "backslash reads as protocol-relative", in: `<a href="/\evil.example/">`, want: `<a href="/\evil.example/">`},
		{name: "already relative", in: `<a href="../x/">`, want: `<a href="../x/">`},
		{name: "already dot relative", in: `<img src="./i.png">`, want: `<img src="./i.png">`},
		{name: "single quotes", in: `<a href='/x/'>`, want: `<a href='../../x/'>`},
		{name: "unquoted", in: `<a href=/x/>x</a>`, want: `<a href=../../x/>x</a>`},
		{name: "unquoted root", page: "index.html", in: `<a href=/>x</a>`, want: `<a href=./>x</a>`},
		{name: "unquoted before attribute", in: `<a href=/x/ class=y>`, want: `<a href=../../x/ class=y>`},
		{name: "spaces around equals", in: `<a href = "/x/" >`, want: `<a href = "../../x/" >`},
		{name: "upper case", in: `<A HREF="/x/">`, want: `<A HREF="../../x/">`},
		{name: "surrounding whitespace kept", in: `<a href=" /x/ ">`, want: `<a href=" ../../x/ ">`},
		{name: "self-closing", in: `<svg><use href="/icons.svg#i"/></svg>`, want: `<svg><use href="../../icons.svg#i"/></svg>`},
		{name: "xlink", in: `<svg><use xlink:href="/icons.svg#i"></use></svg>`, want: `<svg><use xlink:href="../../icons.svg#i"></use></svg>`},
		{name: "src poster", in: `<video src="/v.webm" poster="/p.jpg"></video>`, want: `<video src="../../v.webm" poster="../../p.jpg"></video>`},
		{name: "action formaction", in: `<form action="/sign/"><button formaction="/other/">`, want: `<form action="../../sign/"><button formaction="../../other/">`},
		{name: "object data", in: `<object data="/doc.pdf"></object>`, want: `<object data="../../doc.pdf"></object>`},
		{name: "other attributes stay", in: `<a title="/x/" data-x="/y/" href="/z/">`, want: `<a title="/x/" data-x="/y/" href="../../z/">`},
		{name: "all occurrences", in: `<a href="/x/">1</a><a href="/y/">2</a>`, want: `<a href="../../x/">1</a><a href="../../y/">2</a>`},
		{name: "entity in query", in: `<a href="/search/?q=a&amp;b=c">`, want: `<a href="../../search/?q=a&amp;b=c">`},
		{name: "entity-encoded slash", page: "index.html", in: `<a href="&#47;x/?a=1&amp;b">`, want: `<a href="x/?a=1&amp;b">`},
		{name: "entity, not a slash", in: `<a href="/x&amp;y/">`, want: `<a href="../../x&amp;y/">`},
		{name: "percent-encoded folder", page: "новости/index.html",
			in: `<a href="/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/x/">`, want: `<a href="x/">`},
		{name: "colon in first segment", page: "index.html", in: `<a href="/a:b/">`, want: `<a href="./a:b/">`},
		{name: "empty segment", page: "a/index.html", in: `<a href="/a//x">`, want: `<a href=".//x">`},
		{name: "space-led segment", page: "index.html", in: `<a href="/ /">`, want: `<a href="./ /">`},
		{name: "quote-led segment, unquoted", page: "index.html", in: `<a href=/'x'>`, want: `<a href=./'x'>`},
		{name: "newline makes it protocol-relative", in: "<a href=\"/\n/x.example/\">", want: "<a href=\"/\n/x.example/\">"},
		{name: "reference without semicolon before the path", page: "index.html", portable: true, in: `<a href=&#4/7A>`, want: "<a href=\x047A>"},
		{name: "canonical stays", in: `<link rel="canonical" href="/a/b/">`, want: `<link rel="canonical" href="/a/b/">`},
		{name: "hreflang alternate stays", in: `<link rel="alternate" hreflang="ru" href="/ru/">`, want: `<link rel="alternate" hreflang="ru" href="/ru/">`},
		{name: "feed alternate is rewritten", in: `<link rel="alternate" type="application/rss+xml" href="/index.xml">`,
			want: `<link rel="alternate" type="application/rss+xml" href="../../index.xml">`},
		{name: "og content stays", in: `<meta property="og:image" content="/og.png">`, want: `<meta property="og:image" content="/og.png">`},
		{name: "base", in: `<base href="/">`, want: `<base href="../../">`},
	})
}

func TestRewriteSrcset(t *testing.T) {
	runCases(t, []rewriteCase{
		{name: "descriptors", in: `<img srcset="/i/a.png 1x, /i/b.png 2x">`, want: `<img srcset="../../i/a.png 1x, ../../i/b.png 2x">`},
		{name: "widths and newlines", in: "<img srcset=\"/a.png 480w,\n  /b.png 800w\" sizes=\"(max-width: 600px) 480px, 800px\">",
			want: "<img srcset=\"../../a.png 480w,\n  ../../b.png 800w\" sizes=\"(max-width: 600px) 480px, 800px\">"},
		{name: "no descriptors", in: `<img srcset="/a.png, /b.png 2x">`, want: `<img srcset="../../a.png, ../../b.png 2x">`},
		{name: "comma without space is part of the URL", in: `<img srcset="/a.png,/b.png 2x">`, want: `<img srcset="../../a.png,/b.png 2x">`},
		{name: "trailing commas end the URL", in: `<img srcset="/a.png,, /b.png">`, want: `<img srcset="../../a.png,, ../../b.png">`},
		{name: "mixed", in: `<img srcset="https://x.example/a.png 1x, b.png 2x, /c.png 3x">`,
			want: `<img srcset="https://x.example/a.png 1x, b.png 2x, ../../c.png 3x">`},
		{name: "data url with comma", in: `<img srcset="data:image/gif;base64,R0lG 1x, /b.png 2x">`,
			want: `<img srcset="data:image/gif;base64,R0lG 1x, ../../b.png 2x">`},
		{name: "source and preload", in: `<picture><source srcset="/a.avif" type="image/avif"></picture><link rel=preload as=image imagesrcset="/a.png 1x">`,
			want: `<picture><source srcset="../../a.avif" type="image/avif"></picture><link rel=preload as=image imagesrcset="../../a.png 1x">`},
	})
}

func TestRewriteMetaRefresh(t *testing.T) {
	runCases(t, []rewriteCase{
		{name: "url=", in: `<meta http-equiv="refresh" content="0; url=/x/">`, want: `<meta http-equiv="refresh" content="0; url=../../x/">`},
		{name: "content first", in: `<meta content="0;URL='/x/'" http-equiv=Refresh>`, want: `<meta content="0;URL='../../x/'" http-equiv=Refresh>`},
		{name: "no url keyword", in: `<meta http-equiv="refresh" content="5, /x/">`, want: `<meta http-equiv="refresh" content="5, ../../x/">`},
		{name: "absolute", in: `<meta http-equiv="refresh" content="0; url=https://x.example/">`, want: `<meta http-equiv="refresh" content="0; url=https://x.example/">`},
		{name: "no separator", in: `<meta http-equiv="refresh" content="0/x/">`, want: `<meta http-equiv="refresh" content="0/x/">`},
		{name: "not refresh", in: `<meta name="x" content="0; url=/x/">`, want: `<meta name="x" content="0; url=/x/">`},
		{name: "portable", portable: true, in: `<meta http-equiv="refresh" content="0; url=/x/">`,
			want: `<meta http-equiv="refresh" content="0; url=../../x/index.html">`},
	})
}

func TestRewriteCSS(t *testing.T) {
	runCases(t, []rewriteCase{
		{name: "bare", page: "css/site.css", in: `a{background:url(/img/x.png)}`, want: `a{background:url(../img/x.png)}`},
		{name: "double quotes", page: "css/site.css", in: `a{background:url("/img/x.png")}`, want: `a{background:url("../img/x.png")}`},
		{name: "single quotes and spaces", page: "css/site.css", in: `a{background:URL( '/img/x.png' )}`, want: `a{background:URL( '../img/x.png' )}`},
		{name: "query and fragment", page: "css/site.css", in: `@font-face{src:url(/f/a.woff2?v=2#iefix) format("woff2")}`,
			want: `@font-face{src:url(../f/a.woff2?v=2#iefix) format("woff2")}`},
		{name: "import string", page: "css/site.css", in: `@import "/css/base.css";@import url('/css/x.css') print;`,
			want: `@import "base.css";@import url('x.css') print;`},
		{name: "deep css", page: "a/b/c.css", in: `a{b:url(/x.png)}`, want: `a{b:url(../../x.png)}`},
		{name: "relative stays", page: "css/site.css", in: `a{background:url(../img/x.png)}`, want: `a{background:url(../img/x.png)}`},
		{name: "data stays", page: "css/site.css", in: `a{b:url(data:image/svg+xml;utf8,<svg/>)}`, want: `a{b:url(data:image/svg+xml;utf8,<svg/>)}`},
		{name: "comments and strings stay", page: "css/site.css", in: `/* url(/x.png) */a::before{content:"url(/y.png)"}`,
			want: `/* url(/x.png) */a::before{content:"url(/y.png)"}`},
		{name: "not url", page: "css/site.css", in: `a{b:myurl(/x.png)}`, want: `a{b:myurl(/x.png)}`},
		{name: "style element", in: `<style>a{b:url(/x.png)}</style><p>url(/x.png)</p>`, want: `<style>a{b:url(../../x.png)}</style><p>url(/x.png)</p>`},
		{name: "style attribute", in: `<div style="background:url('/x.png')">`, want: `<div style="background:url('../../x.png')">`},
		{name: "style attribute with entities", in: `<div style="background:url(&quot;/x.png&quot;)">`, want: `<div style="background:url(&quot;../../x.png&quot;)">`},
		{name: "portable leaves css alone", page: "css/site.css", portable: true, in: `a{b:url(/img/x.png)}`, want: `a{b:url(../img/x.png)}`},
	})
}

func TestRewriteKeepsNonAttributeBytes(t *testing.T) {
	runCases(t, []rewriteCase{
		{name: "text", in: `<p>see /x/ and href="/y/"</p>`, want: `<p>see /x/ and href="/y/"</p>`},
		{name: "pre and code", in: `<pre><code>&lt;a href="/x/"&gt;</code></pre>`, want: `<pre><code>&lt;a href="/x/"&gt;</code></pre>`},
		{name: "textarea", in: `<textarea><a href="/x/"></textarea>`, want: `<textarea><a href="/x/"></textarea>`},
		{name: "script", in: `<script>var a = '<a href="/x/">'; fetch("/y/")</script>`, want: `<script>var a = '<a href="/x/">'; fetch("/y/")</script>`},
		{name: "comment", in: `<!-- <a href="/x/"> -->`, want: `<!-- <a href="/x/"> -->`},
		{name: "end tag", in: `</a href="/x/">`, want: `</a href="/x/">`},
		{name: "noscript markup", in: `<noscript><img src="/p.gif"></noscript>`, want: `<noscript><img src="../../p.gif"></noscript>`},
		{name: "odd spacing kept", in: "<!DOCTYPE html>\n<A\n\tHREF = '/x/'  class=\"k\"\n>x</a >",
			want: "<!DOCTYPE html>\n<A\n\tHREF = '../../x/'  class=\"k\"\n>x</a >"},
		{name: "greater-than in quoted value", in: `<a title="a>b" href="/x/">`, want: `<a title="a>b" href="../../x/">`},
		{name: "duplicate attribute", in: `<a href="/x/" href="/y/">`, want: `<a href="../../x/" href="../../y/">`},
		{name: "unterminated tag", in: `<p>x</p><a href="/x/"`, want: `<p>x</p><a href="/x/"`},
	})
}

func TestRewritePortable(t *testing.T) {
	runCases(t, []rewriteCase{
		{name: "folder", portable: true, page: "zhanaozen/index.html", in: `<a href="/complaint/">`, want: `<a href="../complaint/index.html">`},
		{name: "root", portable: true, page: "zhanaozen/trials/index.html", in: `<a href="/">`, want: `<a href="../../index.html">`},
		{name: "root from root", portable: true, page: "index.html", in: `<a href="/">`, want: `<a href="index.html">`},
		{name: "own folder", portable: true, in: `<a href="/a/b/">`, want: `<a href="index.html">`},
		{name: "query and fragment kept", portable: true, in: `<a href="/x/?q=1#f">`, want: `<a href="../../x/index.html?q=1#f">`},
		{name: "file untouched", portable: true, in: `<img src="/i/x.png">`, want: `<img src="../../i/x.png">`},
		{name: "folder without slash", portable: true, in: `<a href="/x">`, want: `<a href="../../x/index.html">`,
			others: []string{"x/index.html"}},
		{name: "file without extension", portable: true, in: `<a href="/x">`, want: `<a href="../../x">`,
			others: []string{"x", "x/index.html"}},
		{name: "unknown", portable: true, in: `<a href="/x">`, want: `<a href="../../x">`},
		{name: "relative folder", portable: true, in: `<a href="../x/">`, want: `<a href="../x/index.html">`},
		{name: "root-relative dot", portable: true, page: "index.html", in: `<a href="/.">`, want: `<a href="./index.html">`},
		{name: "dot", portable: true, in: `<a href=".">`, want: `<a href="./index.html">`},
		{name: "dotdot", portable: true, in: `<a href="..#f">`, want: `<a href="../index.html#f">`},
		{name: "relative file", portable: true, in: `<a href="x.html">`, want: `<a href="x.html">`},
		{name: "absolute folder", portable: true, in: `<a href="https://x.example/a/">`, want: `<a href="https://x.example/a/">`},
		{name: "fragment only", portable: true, in: `<a href="#a">`, want: `<a href="#a">`},
		{name: "not portable", in: `<a href="../x/">`, want: `<a href="../x/">`},
	})
}

// TestRewriteBase: with Base (404 pages), root-relative URLs get the
// site's path instead of becoming page-relative; the rest stays.
func TestRewriteBase(t *testing.T) {
	files := map[string][]byte{
		"404.html":    []byte(`<a href="/complaint/">c</a><link href="/css/site.css"><a href="#top">t</a><a href="//x.example/">x</a><a href="https://x.example/a/">y</a>`),
		"ru/404.html": []byte(`<a href="/ru/">ru</a><img srcset="/i/a.png 1x, /i/b.png 2x">`),
	}
	relink.Rewrite(files, relink.Options{Base: "/mirror/sub/"})
	want := map[string]string{
		"404.html":    `<a href="/mirror/sub/complaint/">c</a><link href="/mirror/sub/css/site.css"><a href="#top">t</a><a href="//x.example/">x</a><a href="https://x.example/a/">y</a>`,
		"ru/404.html": `<a href="/mirror/sub/ru/">ru</a><img srcset="/mirror/sub/i/a.png 1x, /mirror/sub/i/b.png 2x">`,
	}
	for name, w := range want {
		if got := string(files[name]); got != w {
			t.Errorf("%s:\n got %s\nwant %s", name, got, w)
		}
	}
	same := map[string][]byte{"404.html": []byte(`<a href="/complaint/">c</a>`)}
	relink.Rewrite(same, relink.Options{Base: "/"})
	if got := string(same["404.html"]); got != `<a href="/complaint/">c</a>` {
		t.Errorf("Base / changed the page: %s", got)
	}
}

func TestRewriteLeavesOtherFiles(t *testing.T) {
	for _, name := range []string{"index.xml", "sitemap.xml", "search.json", "js/app.js", "img/x.svg", "robots.txt"} {
		in := `<a href="/x/"> url(/y.png) <link>/z/</link>`
		if got := rewrite(t, name, in, relink.Options{Portable: true}); got != in {
			t.Errorf("Rewrite changed %s: got %q", name, got)
		}
	}
}

func TestRewriteDoesNotCopyUntouchedFiles(t *testing.T) {
	in := []byte(`<!doctype html><title>x</title><p>a/b and <a href="https://x.example/">x</a></p>` + strings.Repeat("<p>text</p>", 100))
	files := map[string][]byte{"a/index.html": in, "css/x.css": []byte(`a{b:url(../x.png)}`)}
	allocs := testing.AllocsPerRun(100, func() { relink.Rewrite(files, relink.Options{}) })
	if allocs > 0 {
		t.Errorf("Rewrite of untouched files: %v allocations per run; want 0", allocs)
	}
	if &files["a/index.html"][0] != &in[0] {
		t.Error("Rewrite replaced an untouched file")
	}
}

// TestRewriteLargeSiteMatchesFileByFile drives the concurrent path: a large site must come out
// as if each file had been rewritten alone.
func TestRewriteLargeSiteMatchesFileByFile(t *testing.T) {
	files := map[string][]byte{}
	for i := range 1000 {
		files[fmt.Sprintf("p%d/q/index.html", i)] = []byte(fmt.Sprintf(`<a href="/p%d/">n</a><img srcset="/i.png 1x, /j.png 2x">`, (i+1)%50))
	}
	files["css/site.css"] = []byte(`a{b:url(/img/x.png)}`)
	want := map[string]string{}
	for name, b := range files {
		want[name] = rewrite(t, name, string(b), relink.Options{Portable: true})
	}
	relink.Rewrite(files, relink.Options{Portable: true})
	for name, b := range files {
		if string(b) != want[name] {
			t.Fatalf("%s: got %q; want %q", name, b, want[name])
		}
	}
}

// TestRewriteLargeSiteTellsFoldersFromFiles drives the concurrent path with links whose
// rewriting depends on the other files of the site: in a portable build, "/p7" gets index.html
// when the site has p7/index.html and no file p7, and stays as it is when p7 is a file.
func TestRewriteLargeSiteTellsFoldersFromFiles(t *testing.T) {
	const n = 1000
	files := map[string][]byte{"data": []byte("a file without extension")}
	for i := range n {
		files[fmt.Sprintf("p%d/index.html", i)] = []byte(fmt.Sprintf(`<a href="/p%d">next</a><a href="/data">d</a>`, (i+1)%n))
	}
	relink.Rewrite(files, relink.Options{Portable: true})
	for i := range n {
		name := fmt.Sprintf("p%d/index.html", i)
		want := fmt.Sprintf(`<a href="../p%d/index.html">next</a><a href="../data">d</a>`, (i+1)%n)
		if got := string(files[name]); got != want {
			t.Fatalf("%s: got %q; want %q", name, got, want)
		}
	}
	if got := string(files["data"]); got != "a file without extension" {
		t.Errorf("data: got %q; want it unchanged", got)
	}
}

// TestRewriteResolvesToTarget checks the contract for random pages and targets: resolving the
// rewritten URL against the page's URL, at a domain root or under a mirror's sub-path, gives the
// target back; with Portable, a folder target gets index.html. A third of the targets are
// written as a picture's absolute URL under the site's address, as absURL writes them, which
// must give the same.
func TestRewriteResolvesToTarget(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	segments := []string{"a", "b", "zhanaozen", "a:b", "%D0%B0", "x.html", "..", ".", ""}
	randomPath := func(n int, allowOdd bool) string {
		var parts []string
		for range n {
			s := segments[rng.IntN(len(segments))]
			if !allowOdd && (s == ".." || s == "." || s == "" || strings.Contains(s, "%")) {
				s = "d"
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, "/")
	}
	suffixes := []string{"", "?q=1", "#f", "?q=/x/#/y", "#"}
	for i := range 5000 {
		dir := randomPath(rng.IntN(4), false)
		page := "index.html"
		if dir != "" {
			page = dir + "/index.html"
		}
		target := "/" + randomPath(rng.IntN(4), true)
		if rng.IntN(2) == 0 && target != "/" {
			target += "/"
		}
		if strings.HasPrefix(target, "//") {
			continue // protocol-relative, not a root-relative target
		}
		target += suffixes[rng.IntN(len(suffixes))]
		portable := rng.IntN(2) == 0

		open, written := `<a href="`, target
		if rng.IntN(3) == 0 && !strings.Contains(target, "..") {
			open, written = `<img src="`, "https://example.org/site"+target
		}
		in := open + written + `">`
		out := rewrite(t, page, in, relink.Options{Portable: portable, BaseURL: "https://example.org/site/"})
		rel, ok := strings.CutPrefix(out, open)
		rel, ok2 := strings.CutSuffix(rel, `">`)
		if !ok || !ok2 || rel == "" || strings.HasPrefix(rel, "/") {
			t.Fatalf("case %d: page %s, target %s: got %s; want a page-relative href", i, page, target, out)
		}
		want := target
		if portable {
			p, rest, _ := strings.Cut(target, "?")
			if !strings.Contains(target, "?") {
				p, rest, _ = strings.Cut(target, "#")
				if strings.Contains(target, "#") {
					rest = "#" + rest
				}
			} else {
				rest = "?" + rest
			}
			switch {
			case strings.HasSuffix(p, "/"):
				want = p + "index.html" + rest
			case strings.HasSuffix(p, "/.") || strings.HasSuffix(p, "/.."):
				want = p + "/index.html" + rest
			case p[1:]+"/index.html" == page: // the site's only file tells a folder
				want = p + "/index.html" + rest
			}
		}
		for _, root := range []string{"https://example.org/", "https://mirror.example/m/deep/path/"} {
			pageURL := mustParse(t, root+strings.TrimSuffix(page, "index.html"))
			got := pageURL.ResolveReference(mustParse(t, rel))
			wantURL := mustParse(t, root).ResolveReference(mustParse(t, "."+want))
			if got.String() != wantURL.String() {
				t.Fatalf("case %d: page %s, target %s (portable %v): %q resolves to %s; want %s",
					i, pageURL, target, portable, rel, got, wantURL)
			}
		}
	}
}

func mustParse(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatalf("parse %q: %v", s, err)
	}
	return u
}
