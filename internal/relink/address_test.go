package relink_test

import (
	"testing"

	"github.com/samizdat-press/samizdat/internal/relink"
)

// TestRewriteSiteAddressFetched: what the browser fetches with the page through the site's own
// absolute address, as Hugo themes write it (absURL, .Site.BaseURL), becomes page-relative, so
// that each mirror and offline copy serves it itself.
func TestRewriteSiteAddressFetched(t *testing.T) {
	const site = "https://example.org/"
	cases := []rewriteCase{
		{name: "stylesheet", in: `<link rel="stylesheet" href="https://example.org/css/a.css">`,
			want: `<link rel="stylesheet" href="../../css/a.css">`},
		{name: "from the root", page: "index.html", in: `<link rel="stylesheet" href="https://example.org/css/a.css">`,
			want: `<link rel="stylesheet" href="css/a.css">`},
		{name: "http for an https site", in: `<script src="http://example.org/js/a.js"></script>`,
			want: `<script src="../../js/a.js"></script>`},
		{name: "host in capitals", in: `<img src="HTTPS://Example.ORG/img/a.png" alt="">`, want: `<img src="../../img/a.png" alt="">`},
		{name: "default port written", in: `<img src="https://example.org:443/img/a.png">`, want: `<img src="../../img/a.png">`},
		{name: "protocol-relative", in: `<script src="//example.org/js/a.js"></script>`, want: `<script src="../../js/a.js"></script>`},
		{name: "query and fragment kept", in: `<link rel="stylesheet" href="https://example.org/css/a.css?v=2#x">`,
			want: `<link rel="stylesheet" href="../../css/a.css?v=2#x">`},
		{name: "entities", in: `<img src="https:&#47;&#47;example.org/img/a.png">`, want: `<img src="../../img/a.png">`},
		{name: "icon, manifest, preloads", in: `<link rel="shortcut icon" href="https://example.org/favicon.svg">` +
			`<link rel=manifest href=https://example.org/site.webmanifest><link rel="preload" as="font" href="https://example.org/f/a.woff2">` +
			`<link rel="modulepreload" href="https://example.org/js/m.js"><link rel="alternate stylesheet" href="https://example.org/css/hc.css">`,
			want: `<link rel="shortcut icon" href="../../favicon.svg">` +
				`<link rel=manifest href=../../site.webmanifest><link rel="preload" as="font" href="../../f/a.woff2">` +
				`<link rel="modulepreload" href="../../js/m.js"><link rel="alternate stylesheet" href="../../css/hc.css">`},
		{name: "srcset list", in: `<img srcset="https://example.org/i/a.png 1x, https://x.example/b.png 2x, https://example.org/i/c.png 3x">`,
			want: `<img srcset="../../i/a.png 1x, https://x.example/b.png 2x, ../../i/c.png 3x">`},
		{name: "picture, poster, tracks", in: `<picture><source srcset="https://example.org/a.avif"></picture>` +
			`<video poster="https://example.org/p.jpg" src="https://example.org/v.mp4"><track src="https://example.org/v.vtt"></video>`,
			want: `<picture><source srcset="../../a.avif"></picture>` +
				`<video poster="../../p.jpg" src="../../v.mp4"><track src="../../v.vtt"></video>`},
		{name: "svg image and use", in: `<svg><image href="https://example.org/i.png"/><use xlink:href="https://example.org/icons.svg#x"/></svg>`,
			want: `<svg><image href="../../i.png"/><use xlink:href="../../icons.svg#x"/></svg>`},
		{name: "object and iframe", in: `<object data="https://example.org/m.svg"></object><iframe src="https://example.org/map/"></iframe>`,
			want: `<object data="../../m.svg"></object><iframe src="../../map/"></iframe>`},
		{name: "style attribute", in: `<div style="background:url('https://example.org/img/bg.png')">`,
			want: `<div style="background:url('../../img/bg.png')">`},
		{name: "style element", in: `<style>@import "https://example.org/css/b.css";a{b:url(https://example.org/x.png)}</style>`,
			want: `<style>@import "../../css/b.css";a{b:url(../../x.png)}</style>`},
		{name: "stylesheet file", page: "css/site.css",
			in:   `@import url("https://example.org/css/base.css");body{background:url(https://example.org/img/bg.png)}@font-face{src:url(//example.org/f/a.woff2)}`,
			want: `@import url("base.css");body{background:url(../img/bg.png)}@font-face{src:url(../f/a.woff2)}`},
		{name: "portable folder", portable: true, in: `<iframe src="https://example.org/map/"></iframe><img src="https://example.org/i.png">`,
			want: `<iframe src="../../map/index.html"></iframe><img src="../../i.png">`},
		{name: "site root", page: "index.html", in: `<iframe src="https://example.org"></iframe>`, want: `<iframe src="./"></iframe>`},
	}
	for i := range cases {
		cases[i].baseURL = site
	}
	runCases(t, cases)
}

// TestRewriteSiteAddressKept: absolute URLs meant to name the primary domain stay absolute, and
// so does every URL that is not under the site's address.
func TestRewriteSiteAddressKept(t *testing.T) {
	const site = "https://example.org/"
	same := func(name, in string) rewriteCase { return rewriteCase{name: name, in: in, want: in, baseURL: site} }
	runCases(t, []rewriteCase{
		same("link", `<a href="https://example.org/css/a.css">`),
		same("canonical", `<link rel="canonical" href="https://example.org/a/b/">`),
		same("hreflang alternate", `<link rel="alternate" hreflang="ru" href="https://example.org/ru/">`),
		same("feed", `<link rel="alternate" type="application/rss+xml" href="https://example.org/index.xml">`),
		same("open graph and twitter", `<meta property="og:url" content="https://example.org/a/b/"><meta property="og:image" content="https://example.org/img/share.png"><meta name="twitter:image" content="https://example.org/img/share.png">`),
		same("form", `<form action="https://example.org/search/"><button formaction="https://example.org/x/">`),
		same("refresh", `<meta http-equiv="refresh" content="0; url=https://example.org/new/">`),
		same("preconnect", `<link rel="preconnect" href="https://example.org">`),
		same("other host", `<link rel="stylesheet" href="https://example.net/css/a.css"><img src="https://cdn.example.org/a.png"><img src="https://example.org.evil.example/a.png">`),
		same("other port", `<img src="https://example.org:8443/a.png">`),
		same("user name", `<img src="https://u@example.org/a.png">`),
		same("climbs", `<img src="https://example.org/img/../../a.png"><img src="https://example.org/%2e%2e/a.png">`),
		same("backslash", `<img src="https://example.org/img\a.png">`),
		same("empty segment", `<img src="https://example.org//x.example/a.png">`),
		same("text and scripts", `<p>https://example.org/css/a.css</p><script>fetch("https://example.org/x.json")</script>`),
		same("other scheme", `<img src="ftp://example.org/a.png">`),
		{name: "no BaseURL", in: `<link rel="stylesheet" href="https://example.org/css/a.css">`,
			want: `<link rel="stylesheet" href="https://example.org/css/a.css">`},
	})
}

// TestRewriteSiteAddressSubPath: under a baseURL with a path, only URLs inside its folder are
// the site's, and the folder is not part of the site path.
func TestRewriteSiteAddressSubPath(t *testing.T) {
	const site = "https://example.org/mirror/sub/"
	cases := []rewriteCase{
		{name: "inside", in: `<link rel="stylesheet" href="https://example.org/mirror/sub/css/a.css">`,
			want: `<link rel="stylesheet" href="../../css/a.css">`},
		{name: "the folder itself", page: "index.html", in: `<iframe src="https://example.org/mirror/sub"></iframe>`,
			want: `<iframe src="./"></iframe>`},
		{name: "encoded folder name", in: `<img src="https://example.org/mirror/%73ub/a.png">`, want: `<img src="../../a.png">`},
		{name: "domain root", in: `<link rel="stylesheet" href="https://example.org/css/a.css">`,
			want: `<link rel="stylesheet" href="https://example.org/css/a.css">`},
		{name: "other folder", in: `<img src="https://example.org/mirror/subway/a.png"><img src="https://example.org/mirror/">`,
			want: `<img src="https://example.org/mirror/subway/a.png"><img src="https://example.org/mirror/">`},
	}
	for i := range cases {
		cases[i].baseURL = site
	}
	runCases(t, cases)

	// 404 pages (Options.Base) get the folder's root-relative path, as their root-relative URLs do.
	files := map[string][]byte{"404.html": []byte(`<link rel="stylesheet" href="https://example.org/mirror/sub/css/a.css"><a href="https://example.org/mirror/sub/">home</a>`)}
	relink.Rewrite(files, relink.Options{Base: "/mirror/sub/", BaseURL: site})
	if got, want := string(files["404.html"]), `<link rel="stylesheet" href="/mirror/sub/css/a.css"><a href="https://example.org/mirror/sub/">home</a>`; got != want {
		t.Errorf("404.html:\n got %s\nwant %s", got, want)
	}
}

func TestParseAddress(t *testing.T) {
	for _, tc := range []struct {
		baseURL, url string
		want         string // "-" for not the site's
	}{
		{"https://example.org", "https://example.org/a/b.css", "a/b.css"},
		{"https://EXAMPLE.org/", "http://example.ORG/a", "a"},
		{"http://example.org:80/", "https://example.org/a", "a"},
		{"https://example.org:8443/", "https://example.org:8443/a", "a"},
		{"https://example.org:8443/", "https://example.org/a", "-"},
		{"https://example.org/", "https://example.org", ""},
		{"https://example.org/sub", "https://example.org/sub/a", "a"},
		{"https://example.org/sub", "https://example.org/a", "-"},
		{"https://example.org/a%20b/", "https://example.org/a b/x", "x"},
		{"https://[::1]:8080/", "http://[::1]:8080/x", "x"},
		{"", "https://example.org/a", "-"},
		{"example.org", "https://example.org/a", "-"},
		{"ftp://example.org/", "ftp://example.org/a", "-"},
		{"https://example.org/", "/a", "-"},
		{"https://example.org/", "a/b", "-"},
		{"https://example.org/", "https:example.org/a", "-"},
	} {
		got, ok := relink.ParseAddress(tc.baseURL).Path([]byte(tc.url))
		gotS := string(got)
		if !ok {
			gotS = "-"
		}
		if gotS != tc.want {
			t.Errorf("ParseAddress(%q).Path(%q) = %q; want %q", tc.baseURL, tc.url, gotS, tc.want)
		}
	}
}
