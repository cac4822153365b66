package check

import (
	"reflect"
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
				// Not loads: links, metadata the browser does not fetch, the
				// site's own files, broken internal links (check's business).
				`<a href="https://news.example/">n</a><link rel=canonical href="https://other.example/"><link rel=alternate hreflang=ru href="https://other.example/ru/">` + "\n" +
				`<meta property="og:image" content="https://img.example/card.png"><form action="https://donate.example/"></form>` + "\n" +
				`<img alt="" src="gone.png"><link rel=stylesheet href="https://example.org/own.css"><meta http-equiv=refresh content="0; url=https://x.example/">`),
		"css/site.css": "@import url(https://fonts.googleapis.com/css?family=X);\n" +
			"@font-face{src:url(https://fonts.gstatic.com/x.woff2)}\n/* url(https://in.comment/) */ a{background:url(../img/own.png)}",
		"own.css": "",
		"app.js":  `fetch("https://api.example/")`,
	}
	const base = "https://example.org/"
	var want []string
	for _, p := range Site(siteOf(files), Options{BaseURL: base, BudgetKB: -1}) {
		if strings.Contains(p.Message, "from another site") || strings.Contains(p.Message, "points at this computer") {
			want = append(want, p.String())
		}
	}
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
	sort.Strings(want)
	if len(want) != 13 {
		t.Fatalf("the fixture should make Site report 13 loads, got %d:\n%s", len(want), strings.Join(want, "\n"))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Loads:\n%s\nwant (as Site):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, h := range []string{"www.googletagmanager.com", "fonts.googleapis.com", "fonts.gstatic.com", "www.youtube.com", "cdn.example", "img.example", "localhost"} {
		if !hosts[h] {
			t.Errorf("no load from %s", h)
		}
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
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		var want []string
		for _, p := range Site(siteOf(map[string]string{"a.html": page}), Options{BaseURL: "https://example.org/", BudgetKB: -1}) {
			if strings.Contains(p.Message, "from another site") || strings.Contains(p.Message, "points at this computer") {
				want = append(want, p.String())
			}
		}
		var got []string
		for _, l := range Loads("a.html", []byte(page), "https://example.org/") {
			got = append(got, l.Problem.String())
		}
		sort.Strings(got)
		sort.Strings(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Loads:\n%s\nSite:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}
