package check

import (
	"html"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
)

// Loads must find exactly the requests to other sites that Site finds in
// the same files, with the same positions and words, and nothing else.
func TestLoadsAreSitesRequests(t *testing.T) {
	files := map[string]string{
		"index.html": doc(
			`<script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>` + "\n" +
				`<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter&amp;display=swap">` + "\n" +
				`<link rel=preconnect href="https://fonts.gstatic.com"><link rel=icon href="//cdn.example/f.ico">` + "\n" +
				`<iframe src="https://www.youtube.com/embed/x"></iframe><img alt="" src="//cdn.example/a.jpg">` + "\n" +
				`<img alt="" srcset="s.jpg 1x, https://img.example/b.jpg 2x"><video poster="https://img.example/p.jpg"></video>` + "\n" +
				`<style>body{background:url(https://img.example/bg.png)}</style><p style="background:url('//img.example/c.png')">` + "\n" +
				`<script src="http://localhost:1313/livereload.js"></script>` + "\n" +
				`<meta http-equiv=refresh content="0; url=https://x.example/">` + "\n" +
				// Not loads: links, metadata the browser does not fetch, the
				// site's own files, broken internal links (check's business).
				`<a href="https://news.example/">n</a><link rel=canonical href="https://other.example/"><link rel=alternate hreflang=ru href="https://other.example/ru/">` + "\n" +
				`<meta property="og:image" content="https://img.example/card.png"><form action="https://donate.example/"></form>` + "\n" +
				`<img alt="" src="gone.png"><link rel=stylesheet href="https://example.org/own.css"><a href="http://localhost:1313/">l</a>`),
		"css/site.css": "@import url(https://fonts.googleapis.com/css?family=X);\n" +
			"@font-face{src:url(https://fonts.gstatic.com/x.woff2)}\n/* url(https://in.comment/) */ a{background:url(../img/own.png)}",
		"own.css": "",
		"app.js":  `fetch("https://api.example/")`,
	}
	const base = "https://example.org/"
	want := siteLoads(files, base)
	var got []string
	hosts := map[string]bool{}
	for name, data := range files {
		for _, l := range Loads(name, []byte(data), base) {
			got = append(got, l.Problem.String())
			hosts[l.Host] = true
			if !strings.Contains(l.Problem.Message, l.URL) {
				t.Errorf("Load.URL %q is not the one in %q", l.URL, l.Problem.Message)
			}
		}
	}
	sort.Strings(got)
	if len(want) != 14 {
		t.Fatalf("the fixture should make Site report 14 loads, got %d:\n%s", len(want), strings.Join(want, "\n"))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Loads:\n%s\nwant (as Site):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, h := range []string{"www.googletagmanager.com", "fonts.googleapis.com", "fonts.gstatic.com", "www.youtube.com", "cdn.example", "img.example", "localhost", "x.example"} {
		if !hosts[h] {
			t.Errorf("no load from %s", h)
		}
	}
}

// siteLoads returns the problems of Site that Loads must find too, as
// strings, sorted: requests and redirects to other sites and to this
// computer, but not plain links there.
func siteLoads(files map[string]string, base string) []string {
	var want []string
	for _, p := range Site(siteOf(files), Options{BaseURL: base, BudgetKB: -1}) {
		if strings.Contains(p.Message, "another site") || strings.Contains(p.Message, "points at this computer") {
			want = append(want, p.String())
		}
	}
	sort.Strings(want)
	return want
}

// Each of these makes the browser fetch from, report to or go to another
// site without the reader choosing it; both the build and check refuse
// it, naming the host the browser would ask.
func TestLoadsUnaskedForms(t *testing.T) {
	for _, tc := range []struct {
		name, file, data string
		want             string // Load.Problem.String() holds it
		host             string
	}{
		{"base", "index.html", `<base href="https://evil.example/">`,
			`index.html:1:7: <base href> "https://evil.example/" makes the page's relative addresses load from another site, evil.example`, "evil.example"},
		{"protocol-relative base", "index.html", `<BASE HREF=//evil.example/x/>`,
			`<base href> "//evil.example/x/" makes the page's relative addresses load`, "evil.example"},
		{"refresh", "index.html", `<meta http-equiv="refresh" content="0; url=https://evil.example/">`,
			`index.html:1:28: <meta http-equiv=refresh> "https://evil.example/" redirects readers to another site, evil.example`, "evil.example"},
		{"refresh without url=", "index.html", `<meta http-equiv=REFRESH content="3;'//evil.example/'">`,
			`redirects readers to another site, evil.example`, "evil.example"},
		{"image-set in a stylesheet", "a.css", `e{background-image:image-set("https://evil.example/is.png" 1x)}`,
			`a.css:1:31: image-set() loads "https://evil.example/is.png" from another site, evil.example`, "evil.example"},
		{"-webkit-image-set after a url()", "a.css", `e{background:-WEBKIT-image-set(url(ok.png) 1x, 'https://evil.example/wis.png' 2x)}`,
			`image-set() loads "https://evil.example/wis.png" from another site`, "evil.example"},
		{"image-set with type()", "a.css", `e{background:image-set("a.avif" type("image/avif"), "//evil.example/b.png" type("image/png"))}`,
			`image-set() loads "//evil.example/b.png" from another site`, "evil.example"},
		{"image-set in a style attribute", "index.html", `<div style="background:image-set(&quot;https://evil.example/isattr.png&quot; 1x)"></div>`,
			`index.html:1:6: image-set() in style attribute loads "https://evil.example/isattr.png" from another site`, "evil.example"},
		{"image-set in <style>", "index.html", `<style>p{background:image-set("\2f\2f evil.example/s.png" 1x)}</style>`,
			`image-set() in <style> loads "//evil.example/s.png" from another site`, "evil.example"},
		{"srcdoc", "index.html", `<iframe title=t srcdoc="&lt;img src=https://evil.example/sd.png&gt;"></iframe>`,
			`index.html:1:17: <img src> in <iframe srcdoc> loads "https://evil.example/sd.png" from another site`, "evil.example"},
		{"srcdoc in srcdoc", "index.html", `<iframe srcdoc="<iframe srcdoc='&amp;lt;link rel=stylesheet href=//evil.example/s.css&amp;gt;'></iframe>"></iframe>`,
			`<link href> in <iframe srcdoc> in <iframe srcdoc> loads "//evil.example/s.css" from another site`, "evil.example"},
		{"srcdoc style", "index.html", `<iframe srcdoc="<style>@import 'https://evil.example/i.css';</style>"></iframe>`,
			`@import in <style> in <iframe srcdoc> loads "https://evil.example/i.css"`, "evil.example"},
		{"a ping", "index.html", `<a ping="/count https://evil.example/ping" href="x">x</a>`,
			`<a ping> "https://evil.example/ping" makes browsers report to another site, evil.example`, "evil.example"},
		{"img attributionsrc", "index.html", `<img alt="" src="a.png" attributionsrc="https://evil.example/as">`,
			`<img attributionsrc> "https://evil.example/as" makes browsers report to another site`, "evil.example"},
		{"body background", "index.html", `<body background="https://evil.example/bg.png">`,
			`<body background> loads "https://evil.example/bg.png" from another site`, "evil.example"},
		{"SVG script href", "index.html", `<svg><script href="https://evil.example/s.js"/></svg>`,
			`<script href> loads "https://evil.example/s.js" from another site`, "evil.example"},
		{"compression dictionary", "index.html", `<link rel=compression-dictionary href="https://evil.example/d">`,
			`<link href> loads "https://evil.example/d" from another site`, "evil.example"},
		{"https: and no slashes", "index.html", `<img alt="" src="https:evil.example/x.png">`,
			`<img src> loads "https:evil.example/x.png" from another site, evil.example`, "evil.example"},
		{"https: and backslashes", "index.html", `<img alt="" src="https:\\Evil.example\bs.png">`,
			`readers where evil.example is blocked get a broken page, and every request tells evil.example who is reading`, "evil.example"},
		{"backslashes alone", "index.html", `<img alt="" src="\\evil.example\x.png">`,
			`<img src> loads "\\\\evil.example\\x.png" from another site, evil.example`, "evil.example"},
		{"slash and backslash", "index.html", `<img alt="" src="/\evil.example/x.png">`,
			`from another site, evil.example`, "evil.example"},
		{"three slashes", "index.html", `<img alt="" src="http:///evil.example/x.png">`,
			`from another site, evil.example`, "evil.example"},
		{"a newline in the scheme", "index.html", "<img alt=\"\" src=\"ht\ntps://evil.example/x.png\">",
			`from another site, evil.example`, "evil.example"},
		{"user and port", "index.html", `<img alt="" src="http:me@evil.example:8080/x.png">`,
			`from another site, evil.example`, "evil.example"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			const base = "https://example.org/"
			files := map[string]string{tc.file: tc.data, "ok.png": "", "a.png": ""}
			loads := Loads(tc.file, []byte(tc.data), base)
			var got []string
			for _, l := range loads {
				got = append(got, l.Problem.String())
				if l.Host != tc.host {
					t.Errorf("Load.Host %q; want %q", l.Host, tc.host)
				}
			}
			sort.Strings(got)
			if len(got) != 1 || !strings.Contains(got[0], tc.want) {
				t.Errorf("got %q; want one load with %q", got, tc.want)
			}
			if want := siteLoads(files, base); !reflect.DeepEqual(got, want) {
				t.Errorf("Loads:\n%s\nSite:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// The site's own addresses stay fine: an alias page's refresh, a <base>
// and a ping into the site, and strings that are no image-set() image.
func TestLoadsLeaveOwnAddresses(t *testing.T) {
	for _, data := range []string{
		`<meta http-equiv="refresh" content="0; url=https://example.org/new/">`,
		`<meta http-equiv="refresh" content="0; url=/new/">`,
		`<base href="https://example.org/sub/">`,
		`<base href="/">`,
		`<a ping="https://example.org/count" href="https://news.example/">n</a>`,
		`<meta http-equiv="content-security-policy" content="default-src 'self'; img-src https:">`,
		`<div style="content:'https://evil.example/'; font-family:'https://x.example'"></div>`,
		`<iframe srcdoc="&lt;a href=https://news.example/&gt;n&lt;/a&gt;"></iframe>`,
		`<form action="https://donate.example/"></form>`,
	} {
		if loads := Loads("index.html", []byte(data), "https://example.org/"); len(loads) > 0 {
			t.Errorf("%s: got %v; want no loads", data, loads)
		}
	}
	css := `e{content:"https://evil.example/"} f{background:image-set(url(a.png) 1x) "//evil.example/"}`
	if loads := Loads("a.css", []byte(css), ""); len(loads) > 0 {
		t.Errorf("%s: got %v; want no loads", css, loads)
	}
}

// Frames in frames are read to a depth, so a crafted page cannot make
// the scan run long.
func TestLoadsSrcdocDepth(t *testing.T) {
	page := "<img src=https://evil.example/x.png>"
	for range srcdocDepth + 3 {
		page = `<iframe srcdoc="` + html.EscapeString(page) + `"></iframe>`
	}
	if loads := Loads("index.html", []byte(page), ""); len(loads) != 0 {
		t.Errorf("got %d loads from %d frames deep; want none past %d", len(loads), srcdocDepth+3, srcdocDepth)
	}
	page = "<img src=https://evil.example/x.png>"
	for range srcdocDepth {
		page = `<iframe srcdoc="` + html.EscapeString(page) + `"></iframe>`
	}
	if loads := Loads("index.html", []byte(page), ""); len(loads) != 1 {
		t.Errorf("got %d loads from %d frames deep; want 1", len(loads), srcdocDepth)
	}
}

func TestLoadsHints(t *testing.T) {
	page := doc(`<link rel=stylesheet href="https://fonts.example/css"><iframe src="https://video.example/embed/1"></iframe>`)
	loads := Loads("index.html", []byte(page), "")
	if len(loads) != 2 {
		t.Fatalf("got %d loads; want 2: %+v", len(loads), loads)
	}
	if h := loads[0].Hint; !strings.HasPrefix(h, "copy the file into static/ and link it from there") {
		t.Errorf("stylesheet hint %q; want it to say to copy the file into static/", h)
	}
	if h := loads[1].Hint; !strings.HasPrefix(h, "link to it (<a href>) instead of embedding it") {
		t.Errorf("iframe hint %q; want it to say to link instead of embedding", h)
	}
}

// FuzzLoadsMatchSite checks that Loads, which reads a page the fast way,
// finds the same requests to other sites as Site's full reading.
func FuzzLoadsMatchSite(f *testing.F) {
	for _, s := range []string{
		`<img src="//a.example/x.png"><!-- <img src="//b.example/"> --><script>document.write('<img src="//c.example/">')</script>`,
		`<noscript><img src="https://a.example/p.gif"></noscript><style>@import "//b.example/s.css";</style>`,
		`<textarea><img src="//a.example/"></textarea><title><script src="//b.example/"></title><p style="background:url(&#47;&#47;c.example/x)">`,
		`<IMG SRC=&sol;&sol;a.example/x><link rel="Stylesheet" href="\\b.example\x"><style/><img src=//c.example/>`,
		`<svg><image href="//a.example/i.png"/></svg><video poster=https://b.example/p.jpg><source src=//c.example/v.mp4></video>`,
		`<base href="https://a.example/"><meta http-equiv=refresh content="0; url=//b.example/"><meta http-equiv=refresh content="0; url=/own/">`,
		`<p style="background:image-set('https://a.example/x.png' 1x)"><style>p{background:-webkit-image-set("//b.example/y.png" 2x)}</style>`,
		`<iframe srcdoc="&lt;img src=https://a.example/sd.png&gt;&lt;iframe srcdoc='&amp;lt;base href=//b.example/&amp;gt;'&gt;"></iframe>`,
		`<a ping="https://a.example/p /own" href="x">x</a><img alt="" src="a.png" attributionsrc="//b.example/">`,
		`<img src="https:a.example/x.png"><img src="https:\\b.example\bs.png"><img src="\\c.example\x"><a href="http://localhost/">l</a>`,
		`<body background=//a.example/bg.png><svg><script xlink:href="https://b.example/s.js"/></svg>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		want := siteLoads(map[string]string{"a.html": page}, "https://example.org/")
		var got []string
		for _, l := range Loads("a.html", []byte(page), "https://example.org/") {
			got = append(got, l.Problem.String())
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Loads:\n%s\nSite:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

// TestLoadsFromSVG: a drawing opened on its own runs without the page's
// CSP and fetches what it names: an <image>, a stylesheet's @import or
// url(), a style attribute, an <?xml-stylesheet?>. Its own fragments and
// links are fine. They passed both the build and check.
func TestLoadsFromSVG(t *testing.T) {
	svg := `<?xml version="1.0"?>
<?xml-stylesheet type="text/css" href="https://evil.example/x.css"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
<style>@import url(https://evil.example/i.css); .a{fill:url(#grad)}</style>
<image href="https://evil.example/track.png"/>
<rect style="fill:url(https://evil.example/b)"/>
<use href="#shape"/><a xlink:href="https://example.org/">a link</a>
</svg>`
	var got []string
	for _, l := range Loads("img/logo.svg", []byte(svg), "") {
		got = append(got, l.URL)
	}
	want := []string{"https://evil.example/x.css", "https://evil.example/i.css", "https://evil.example/track.png", "https://evil.example/b"}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("Loads(svg) = %q; want %q", got, want)
	}
	ps := Site(siteOf(map[string]string{"img/logo.svg": svg}), Options{})
	if len(ps) != len(want) {
		t.Errorf("check reports %d problems for the drawing; want %d: %v", len(ps), len(want), ps)
	}
}

// LoadsAndInlines reads a page once and finds what Loads and Inlines
// find reading it twice.
func TestLoadsAndInlinesIsLoadsAndInlines(t *testing.T) {
	csp := []string{"default-src 'self'; style-src 'self'; script-src 'self'"}
	pages := map[string]string{
		"a.html": `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="img-src 'self'">` +
			`<style>body{background:url(https://img.example/bg.png)}</style><style>p{color:red}</style>` +
			`<script>alert(1)</script><script src="https://cdn.example/x.js"></script></head>` +
			`<body><p style="background:url(//img.example/p.png)" onclick="go()">x</p>` +
			`<noscript><style>a{color:blue}</style><img src="https://img.example/n.png" alt=""></noscript>` +
			`<iframe srcdoc="&lt;img src=&quot;https://img.example/s.png&quot;&gt;"></iframe>` +
			`<svg><style>circle{fill:red}</style><image href="https://img.example/i.png"/></svg>` +
			`<pre><code>&lt;style&gt;x{}&lt;/style&gt;</code></pre><a href="https://other.example/">ok</a></body></html>`,
		"b.html":    `<p>no code here</p><img src="x.png" alt="x">`,
		"site.css":  `@import url("https://fonts.example/css");`,
		"pic.svg":   `<?xml-stylesheet href="https://cdn.example/s.css"?><svg><image href="https://img.example/i.png"/></svg>`,
		"notes.txt": `<style>x{}</style>`,
	}
	for name, page := range pages {
		loads, inlines := LoadsAndInlines(name, []byte(page), "https://example.org/", csp)
		if want := Loads(name, []byte(page), "https://example.org/"); !reflect.DeepEqual(loads, want) {
			t.Errorf("%s: loads\n%v\nwant\n%v", name, loads, want)
		}
		if want := Inlines(name, []byte(page), csp); !reflect.DeepEqual(inlines, want) {
			t.Errorf("%s: inlines\n%v\nwant\n%v", name, inlines, want)
		}
		if name == "a.html" && (len(loads) < 5 || len(inlines) < 4) {
			t.Errorf("a.html: %d loads and %d inlines; the page has more of each, so the test tests nothing", len(loads), len(inlines))
		}
	}
}
