package publish

import (
	"bytes"
	"testing"
)

// TestRewriteHTMLStopsEarlySafely checks that tokenizing only up to lastRef
// gives what tokenizing the whole page gives, for references written in
// every way rewriteTag decodes.
func TestRewriteHTMLStopsEarlySafely(t *testing.T) {
	assets := map[string]asset{
		"style.css":   {path: "style.0123456789.css", hash: "0123456789", integrity: "sha256-x"},
		"js/app.js":   {path: "js/app.abcdef0123.js", hash: "abcdef0123", integrity: "sha256-y"},
		"css/p/q.css": {path: "css/p/q.1111111111.css", hash: "1111111111", integrity: "sha256-z"},
	}
	tails := []string{
		`<link rel=stylesheet href="/style.css">`,
		`<link rel=stylesheet href="/style&#46;css">`,
		`<link rel=stylesheet href="/style&#x2E;css">`,
		`<link rel=stylesheet href="/style&#0000000000046;css">`,
		`<link rel=stylesheet href="/style&period;css">`,
		`<link rel=stylesheet href="/style%2Ecss">`,
		`<link rel=stylesheet href="/style&percnt;2ecss">`,
		`<link rel=stylesheet href="/style%&#50;Ecss">`,
		`<link rel=stylesheet href="/style%&#x32;&#x65;css">`,
		`<link rel=stylesheet href="/style%2&#x65;css">`,
		`<link rel=stylesheet href="/style.c%73s">`,
		`<link rel=stylesheet href="/style.cs%73?q=50%">`,
		`<p>50% off, 100%</p>`,
		`<p>100%`,
		`<link rel=stylesheet href="/st&#121;le.&#99;ss">`,
		`<script src="/js/app.js"></script>`,
		`<script src="/js/app&#x2e;js"></script>`,
		`<noscript><link rel=stylesheet href="/css/p/q.css"></noscript>`,
		`<img src="/style.css/">`,
		`<p>text &rsquo; &#34;quoted&#34; 50&#37; off</p>`,
		`<script>var s = "<link href='/style.css'>"</script>`,
		`<!-- <link href="/style.css"> -->`,
		``,
	}
	for _, head := range []string{"", `<!doctype html><head><link rel=stylesheet href="/style.css"></head>`, `<title>a.css</title>`} {
		for _, tail := range tails {
			for _, mid := range []string{"", "<p>Body &amp; text, &#34;quotes&#34;.</p>", "<textarea>", "<noscript>"} {
				src := []byte(head + mid + tail + "<footer><a href=/x/>x</a></footer>")
				want := rewriteHTMLUntil(src, assets, len(src))
				got := rewriteHTML(src, assets)
				if !bytes.Equal(got, want) {
					t.Errorf("%s\nstopping early: %s\nwhole page:     %s", src, got, want)
				}
			}
		}
	}
}

func TestLastIndexIsBytesLastIndex(t *testing.T) {
	for _, c := range []struct{ b, sep string }{
		{"", ".css"}, {".css", ".css"}, {"a.css b.css c", ".css"}, {"aaaa", "aa"},
		{"x.cs", ".css"}, {"..css..css", ".css"}, {"abc", ""}, {"a%b%", "%"}, {"ab", "%"},
	} {
		if got, want := lastIndex([]byte(c.b), c.sep), bytes.LastIndex([]byte(c.b), []byte(c.sep)); got != want {
			t.Errorf("lastIndex(%q, %q) = %d; want %d", c.b, c.sep, got, want)
		}
	}
}
