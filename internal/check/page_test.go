package check

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestOtherOrigins(t *testing.T) {
	runCases(t, []checkCase{
		{name: "links to other sites are fine", files: map[string]string{
			"index.html": doc(`<a href="https://news.example/story">source</a><link rel=canonical href="https://example.org/"><link rel="alternate" href="https://example.org/index.xml"><form action="https://donate.example/"></form>`),
		}},
		{name: "every kind of load", files: map[string]string{
			"index.html": doc(
				`<script src="https://cdn.example/x.js"></script>` + "\n" +
					`<link rel="stylesheet" href="https://fonts.example/css">` + "\n" +
					`<link rel="shortcut icon" href="//cdn.example/favicon.ico">` + "\n" +
					`<link rel=preconnect href="https://fonts.example">` + "\n" +
					`<link rel=preload as=font href="https://fonts.example/a.woff2">` + "\n" +
					`<img alt="" srcset="https://img.example/a.jpg 1x">` + "\n" +
					`<video poster="https://img.example/p.jpg"></video>` + "\n" +
					`<iframe src="https://video.example/embed/1"></iframe>` + "\n" +
					`<object data="https://x.example/o"></object><embed src="https://x.example/e">` + "\n" +
					`<picture><source srcset="https://img.example/b.webp"></picture>` + "\n" +
					`<div style="background:url(https://img.example/bg.png)"></div>`),
		}, want: []string{
			`index.html:3:9: <script src> loads "https://cdn.example/x.js" from another site, cdn.example`,
			`index.html:4:24: <link href> loads "https://fonts.example/css" from another site, fonts.example`,
			`index.html:5:27: <link href> loads "//cdn.example/favicon.ico" from another site, cdn.example`,
			`index.html:6:22: <link href> loads "https://fonts.example" from another site`,
			`index.html:7:27: <link href> loads "https://fonts.example/a.woff2" from another site`,
			`index.html:8:13: <img srcset> loads "https://img.example/a.jpg" from another site`,
			`index.html:9:8: <video poster>`,
			`index.html:10:9: <iframe src>`,
			`index.html:11:9: <object data>`,
			`index.html:11:52: <embed src>`,
			`index.html:12:18: <source srcset>`,
			`index.html:13:6: url() in style attribute loads "https://img.example/bg.png" from another site`,
		}},
		{name: "css loads", files: map[string]string{
			"site.css": "@import url(\"https://fonts.example/css?family=X\");\n@import 'https://cdn.example/reset.css';\nbody{background:url(http://img.example/bg.png)}",
		}, want: []string{
			`site.css:1:14: @import loads "https://fonts.example/css?family=X" from another site`,
			`site.css:2:10: @import loads "https://cdn.example/reset.css" from another site`,
			`site.css:3:21: url() loads "http://img.example/bg.png" from another site`,
		}},
		{name: "refresh to another site", files: map[string]string{
			"go/index.html": `<meta http-equiv=Refresh content="0;URL=https://elsewhere.example/">`,
		}, want: []string{`go/index.html:1:26: <meta http-equiv=refresh> "https://elsewhere.example/" redirects readers to another site, elsewhere.example`}},
		{name: "base through the absolute address", opts: Options{BaseURL: "https://example.org/"}, files: map[string]string{
			"index.html": doc(`<base href="https://example.org/"><base href="/">`),
		}, want: []string{
			`index.html:3:7: <base href> "https://example.org/" sends the page's relative addresses to the site's absolute address`,
		}},
		{name: "own files through the absolute address", opts: Options{BaseURL: "https://example.org/"}, files: map[string]string{
			"index.html": doc(`<link rel=stylesheet href="https://example.org/style.css"><img alt="" src="https://example.org/gone.png">`),
			"style.css":  "",
		}, want: []string{
			`index.html:3:22: loads the site's own file through its absolute address`,
			`index.html:3:71: loads the site's own file through its absolute address`,
			`index.html:3:71: "https://example.org/gone.png" is broken: the site has no gone.png`,
		}},
		{name: "own pages through the absolute address", opts: Options{BaseURL: "https://example.org/"}, files: map[string]string{
			"index.html": doc(`<a href="https://example.org/a/">A</a><link rel="canonical" href="https://example.org/"><a href="a/">A</a>` +
				`<a href="https://example.org/" rel="alternate">example.org</a>`),
			"a/index.html": doc(`<a href="https://example.org/">Home</a><a href="https://example.org/gone/">Gone</a>`),
			"b/index.html": doc(`<a href="https://example.org/">Home</a><a href="HTTPS://EXAMPLE.ORG/a/">A</a>`),
		}, want: []string{
			`a/index.html:3:4: "https://example.org/" links to the site's own page through its absolute address (and in 1 other file)`,
			`a/index.html:3:43: "https://example.org/gone/" links to the site's own page through its absolute address`,
			`a/index.html:3:43: "https://example.org/gone/" is broken: the site has no gone/index.html`,
			`b/index.html:3:43: "HTTPS://EXAMPLE.ORG/a/" links to the site's own page through its absolute address (and in 1 other file)`,
		}},
		{name: "bad base URL", opts: Options{BaseURL: "example.org"}, files: map[string]string{},
			want: []string{`site: the base URL "example.org" is not an absolute http(s) address`}},
	})
}

func TestAltText(t *testing.T) {
	runCases(t, []checkCase{
		{name: "described and decorative images", files: map[string]string{
			"index.html": doc(`<img src="" alt="A march"><img alt="" src="">` +
				`<a href="#x" id="x"><img alt="" src=""> Home</a><a href="#x" aria-label="Home"><img alt="" src=""></a><a href="#x"><img alt="Home" src=""></a>` +
				`<a href="#x"><span><img alt="" src=""></span><span>text</span></a>`),
		}},
		{name: "image without alt", files: map[string]string{
			"index.html": doc(`<p>x <img src="march.jpg"></p>`),
			"march.jpg":  "",
		}, want: []string{`index.html:3:6: image without alt text: "march.jpg"`}},
		{name: "link with only a decorative image", files: map[string]string{
			"index.html": doc(`<a href="#" class="logo">` + "\n" + `  <img alt="" src="">` + "\n" + `</a>`),
		}, want: []string{`index.html:3:1: link has no text: its only content is an image with alt=""`}},
		{name: "empty links", files: map[string]string{
			"index.html": doc(`<p><a href="#x" id="x"></a>` + "\n" + `<a href="#x"> </a><a id="y"></a><a name="z"></a>` +
				`<a href="#x" title="Home"></a><a href="#x"><svg aria-label="Home"></svg></a>` +
				`<a href="#x" aria-hidden="true" tabindex="-1"></a><a href="#y">&nbsp;&#8203;</a><a href=""><i></i></a><a href="#x" aria-hidden="true"></a></p>`),
		}, want: []string{
			`index.html:3:4: link to "#x" has no text: readers cannot see or click it, and screen readers read out its address`,
			`index.html:4:1: link to "#x" has no text: readers cannot see or click it, and screen readers read out its address`,
			`index.html:4:175: link to "#y" has no text`,
			`index.html:4:205: link to "" has no text`,
			`index.html:4:227: link to "#x" has no text`,
		}},
		{name: "a layout's empty link is told once", files: map[string]string{
			"index.html":      doc(`<a href="feed/"></a><a href=""></a>`),
			"a/index.html":    doc(`<a href="../feed/"></a><a href=""></a><a href="../feed/#x"></a>`),
			"feed/index.html": doc(""),
		}, want: []string{
			`a/index.html:3:1: link to "../feed/" has no text: readers cannot see or click it, and screen readers read out its address (and in 1 other file)`,
			`a/index.html:3:24: link to "" has no text: readers cannot see or click it, and screen readers read out its address (and in 1 other file)`,
			`a/index.html:3:39: link to "../feed/#x" has no text: readers cannot see or click it, and screen readers read out its address`,
			`a/index.html:3:42: <a href> "../feed/#x" is broken: no id "x" in feed/index.html`,
		}},
	})
}

func TestHeadings(t *testing.T) {
	page := func(body string) string { return "<!doctype html><title>t</title>\n" + body }
	runCases(t, []checkCase{
		{name: "good outline", files: map[string]string{
			"index.html": page("<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2><h3>E</h3><h4>F</h4><h2>G</h2>"),
			"moved.html": `<meta http-equiv="refresh" content="0; url=index.html">`,
		}},
		{name: "skipped level", files: map[string]string{
			"index.html": page("<h1>A</h1>\n<h3>C &amp; <em>c</em></h3><h4>D</h4><h2>E</h2><h4>F  \n f</h4>"),
		}, want: []string{
			`index.html:3:1: heading level skips from h1 to h3 at "C & c"`,
			`index.html:3:48: heading level skips from h2 to h4 at "F f"`,
		}},
		{name: "two h1", files: map[string]string{
			"index.html": page("<h1>A</h1>\n<H1 class=x>B</H1>"),
		}, want: []string{`index.html:3:1: more than one h1 in the page: "B" (the first is on line 2)`}},
		{name: "no h1", files: map[string]string{
			"index.html": page("<h2>A</h2>"),
		}, want: []string{`index.html: page has no h1 heading`}},
	})
}

func TestDuplicateIDs(t *testing.T) {
	runCases(t, []checkCase{
		{name: "unique ids", files: map[string]string{
			"index.html": doc(`<h2 id="a">A</h2><h2 id="b">B</h2><a name="a"></a><p id="">`),
			"other.html": doc(`<h2 id="a">A</h2>`),
		}},
		{name: "twice", files: map[string]string{
			"index.html": doc(`<h2 id="a">A</h2>` + "\n" + `<h2 class=x id="a">A</h2><p id=a>`),
		}, want: []string{
			`index.html:4:13: id "a" is used twice in the page (first on line 3)`,
			`index.html:4:29: id "a" is used twice in the page (first on line 3)`,
		}},
	})
}

func TestTemplateMark(t *testing.T) {
	runCases(t, []checkCase{
		{name: "clean", files: map[string]string{"index.html": doc(`<a href="#x" id="x">x</a>`)}},
		{name: "marked", files: map[string]string{
			"index.html": doc(`<a href="#ZgotmplZ">x</a>` + "\n" + `<p style="ZgotmplZ">`),
			"index.xml":  "<rss>\n<link>#ZgotmplZ</link></rss>",
		}, want: []string{
			`index.html:3:11: the output contains ZgotmplZ`,
			`index.html:4:11: the output contains ZgotmplZ`,
			`index.xml:2:8: the output contains ZgotmplZ`,
		}},
	})
}

// TestPositions checks line and column where tags span lines, text before
// them is not ASCII (columns count bytes, as Go tools do), and attributes are
// repeated or oddly written.
func TestPositions(t *testing.T) {
	files := map[string]string{
		"index.html": doc("<p>Жанаозен, 2011 <img\n   alt=a ALT=b\tsrc=missing.png>\r\n" +
			"<!-- <img src=commented.png> --><script>var s = '<img src=x.png>'</script>" +
			"<a =x href=\"../up\" title='t'>x</a><img/src=\"y.png\"/alt=\"\"><textarea><img src=z.png></textarea>"),
	}
	want := []string{
		`index.html:4:16: "missing.png" is broken`,
		`index.html:5:81: "../up" climbs above the site's root folder`,
		`index.html:5:114: "y.png" is broken`,
	}
	expectProblems(t, Site(siteOf(files), Options{}), want)
}

// FuzzAttrOffsets checks attrOffsets against the tokenizer it mirrors: the
// same number of attributes, each offset at that attribute's name.
func FuzzAttrOffsets(f *testing.F) {
	for _, s := range []string{
		`<a href=x>`, `<img/src="y"/alt="">`, `<a =x href='a' HREF=b>`, `<p a b=c d = "e" f=>`,
		`<x y="a>b" z='c"d'>`, `<a href=x/>`, "<a\thref\n=\fx\rid=y>", `<a "b" c>`, `<a / / b>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tokens(data, func(tk token) {
			if tk.typ != html.StartTagToken && tk.typ != html.SelfClosingTagToken {
				return
			}
			offs := attrOffsets(tk.raw)
			if len(tk.attrs) != len(offs) {
				t.Fatalf("%q: %d attribute offsets for %d attributes", tk.raw, len(offs), len(tk.attrs))
			}
			for _, a := range tk.attrs {
				name := asciiLower(data[a.off:min(len(data), a.off+len(a.key))])
				if name != a.key && !strings.Contains(name, "\x00") {
					t.Fatalf("%q: attribute %q found at %q", tk.raw, a.key, name)
				}
			}
		})
	})
}

func TestSrcset(t *testing.T) {
	for in, want := range map[string][]candidate{
		"a.jpg":                            {{"a.jpg", ""}},
		"a.jpg 1x, b.jpg 2x":               {{"a.jpg", "1x"}, {"b.jpg", "2x"}},
		" a.jpg 1x,b.jpg 2x,c, d 100w":     {{"a.jpg", "1x"}, {"b.jpg", "2x"}, {"c", ""}, {"d", "100w"}},
		"a.jpg,b.jpg 2x":                   {{"a.jpg,b.jpg", "2x"}}, // commas inside a URL belong to it
		"a.jpg (min-width: 1px, 2px) 1x,b": {{"a.jpg", "(min-width: 1px, 2px) 1x"}, {"b", ""}},
		"":                                 nil,
	} {
		if got := srcsetURLs(in); !reflect.DeepEqual(got, want) {
			t.Errorf("srcsetURLs(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestRefreshURL(t *testing.T) {
	for in, want := range map[string]string{
		"0; url=/x/":      "/x/",
		"0;URL='a b'":     "a b",
		`5 ; url = "y"`:   "y",
		"0, z.html":       "z.html",
		"3":               "",
		"0; url=':/x":     ":/x",
		" 0.5;url=a.html": "a.html",
	} {
		if got := refreshURL(in); got != want {
			t.Errorf("refreshURL(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	files := map[string]string{}
	for _, n := range []string{"a", "b", "c", "d", "e", "f"} {
		files[n+"/index.html"] = "<h2>x</h2><img src=gone.png><a href=../nowhere/>x</a><p id=i><p id=i>"
	}
	first := Site(siteOf(files), Options{})
	// Four a page; the link to nowhere/, the same on every page, is one.
	if len(first) != 6*4+1 {
		t.Fatalf("got %d problems; want 25:\n%s", len(first), strings.Join(positions(first), "\n"))
	}
	for range 5 {
		if again := Site(siteOf(files), Options{}); !reflect.DeepEqual(again, first) {
			t.Fatalf("second run differs:\n%s\nfirst:\n%s", strings.Join(positions(again), "\n"), strings.Join(positions(first), "\n"))
		}
	}
}

func TestOutgoing(t *testing.T) {
	out := siteOf(map[string]string{
		"b.html": doc(`<a href="https://news.example/a#p2">a</a>` + "\n" + `<img alt="" src="//cdn.example/i.png"><a href="https://example.org/own/">own</a>`),
		"a.html": doc(`<a href="mailto:x@y.z">m</a><a href="../x/">x</a><link rel=preconnect href="https://fonts.example"><a href=" http://old.example/ ">o</a>`),
	})
	got := Outgoing(out, "https://example.org/")
	want := []Link{
		{URL: "http://old.example/", File: "a.html", Line: 3, Col: 103, What: "<a href>"},
		{URL: "https://news.example/a", File: "b.html", Line: 3, Col: 4, What: "<a href>"},
		{URL: "https://cdn.example/i.png", File: "b.html", Line: 4, Col: 13, What: "<img src>"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Outgoing = %+v; want %+v", got, want)
	}
}
