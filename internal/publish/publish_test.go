package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/xml"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/samizdat-press/samizdat/internal/output"
	"github.com/samizdat-press/samizdat/internal/problem"
	"github.com/samizdat-press/samizdat/internal/relink"
)

const csp = `default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`

const pageHTML = `<!DOCTYPE html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="` + csp + `">
  <title>Жанаозен — /css/site.css</title>
  <link rel="stylesheet" href="/css/site.css">
  <link rel=stylesheet href=/css/chroma.css?v=1 integrity="sha256-stale">
  <link rel="preload" href="/js/app.js" as="script">
  <!-- build note: /home/dev/samizdat -->
</head>
<body>
  <p>Read <a href="/css/site.css">the stylesheet</a> or type /css/site.css yourself.
     <a href="https://example.org/css/site.css">elsewhere</a> <a href="/css/site.css.bak">not it</a></p>
  <pre>line one
    indented   twice
	tab</pre>
  <textarea>  keep
   this </textarea>
  <noscript><link rel="stylesheet" href="/css/noscript.css"></noscript>
  <script src="/js/app.js" defer></script>
  <script>var s = "/js/app.js";</script>
</body>
</html>
`

func testSite(t *testing.T) map[string][]byte {
	t.Helper()
	_, photo := jpegWithMetadata(t, 1)
	return map[string][]byte{
		"index.html":           []byte(pageHTML),
		"zhanaozen/index.html": []byte(strings.ReplaceAll(pageHTML, `lang="ru"`, `lang="kk"`)),
		"css/site.css": []byte(`@import "fonts.css";
@import url('/css/chroma.css');
body { background: url( "../img/bg.png" ); color: #000000; }
`),
		"css/fonts.css":    []byte("@font-face { font-family: X; src: url(/fonts/x.woff2) format('woff2'); }\n"),
		"css/chroma.css":   []byte(".chroma .k { color: #aa0000; }\n"),
		"css/noscript.css": []byte(".js-only { display: none; }\n"),
		"js/app.js":        []byte("// comment\nfunction hello ( name ) {\n  return 'hi ' + name;\n}\nhello('x');\n"),
		"img/bg.png":       pngWithMetadata(t),
		"img/photo.jpg":    photo,
		"fonts/x.woff2":    []byte("wOF2 fake"),
		"index.xml": []byte(`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <!-- generator comment -->
  <channel>
    <title>A &amp; B</title>
    <item>
      <description>&lt;pre&gt;code
    indented&lt;/pre&gt;</description>
      <content><![CDATA[<em>a</em> <em>b</em>]]></content>
    </item>
  </channel>
</rss>
`),
		"search.json": []byte("{\n  \"pages\": [ { \"title\": \"Жанаозен\", \"n\": 1.50 } ]\n}\n"),
	}
}

func clone(files map[string][]byte) map[string][]byte {
	c := make(map[string][]byte, len(files))
	for k, v := range files {
		c[k] = bytes.Clone(v)
	}
	return c
}

func process(t *testing.T, files map[string][]byte, opts Options) *output.Output {
	t.Helper()
	out := &output.Output{Files: files}
	Process(out, opts)
	return out
}

func TestProcessIsDeterministic(t *testing.T) {
	site := testSite(t)
	opts := Options{Minify: true, Fingerprint: true}
	a := process(t, clone(site), opts)
	b := process(t, site, opts)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs on the same input differ")
	}
	if len(a.Problems) != 0 {
		t.Fatalf("problems: %v", a.Problems)
	}
}

func TestProcessDoesNotWriteIntoGivenSlices(t *testing.T) {
	site := testSite(t)
	orig := clone(site)
	given := maps.Clone(site) // same backing arrays
	process(t, site, Options{Minify: true, Fingerprint: true})
	for k, v := range given {
		if !bytes.Equal(v, orig[k]) {
			t.Errorf("%s: the slice passed in was modified", k)
		}
	}
}

func TestFingerprint(t *testing.T) {
	out := process(t, testSite(t), Options{Fingerprint: true})
	if len(out.Problems) != 0 {
		t.Fatalf("problems: %v", out.Problems)
	}
	renamed := map[string]string{} // old -> new
	re := regexp.MustCompile(`^(.*)\.([0-9a-f]{10})(\.(css|js))$`)
	for p, b := range out.Files {
		m := re.FindStringSubmatch(p)
		if m == nil {
			continue
		}
		sum := sha256.Sum256(b)
		if !strings.HasPrefix(strings.ToLower(string(hexOf(sum[:]))), m[2]) {
			t.Errorf("%s: name does not carry the hash of its bytes", p)
		}
		renamed[m[1]+m[3]] = p
	}
	for _, old := range []string{"css/site.css", "css/fonts.css", "css/chroma.css", "css/noscript.css", "js/app.js"} {
		if renamed[old] == "" {
			t.Errorf("%s was not fingerprinted", old)
		}
		if _, still := out.Files[old]; still {
			t.Errorf("%s still exists under its old name", old)
		}
	}

	site := string(out.Files[renamed["css/site.css"]])
	for _, want := range []string{
		`@import "` + strings.TrimPrefix(renamed["css/fonts.css"], "css/") + `"`,
		`url('/` + renamed["css/chroma.css"] + `')`,
		`url( "../img/bg.png" )`,
	} {
		if !strings.Contains(site, want) {
			t.Errorf("site.css lacks %s:\n%s", want, site)
		}
	}

	page := string(out.Files["index.html"])
	sri := func(p string) string {
		sum := sha256.Sum256(out.Files[p])
		return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
	}
	for _, want := range []string{
		// No integrity is added (file:// copies refuse it); one a layout
		// wrote is made right for the new bytes.
		`<link rel="stylesheet" href="/` + renamed["css/site.css"] + `">`,
		`<link rel=stylesheet href="/` + renamed["css/chroma.css"] + `?v=1" integrity="` + sri(renamed["css/chroma.css"]) + `">`,
		`<link rel="preload" href="/` + renamed["js/app.js"] + `" as="script">`,
		`<a href="/` + renamed["css/site.css"] + `">the stylesheet</a> or type /css/site.css yourself.`,
		`<a href="https://example.org/css/site.css">`,
		`<a href="/css/site.css.bak">`,
		`<title>Жанаозен — /css/site.css</title>`,
		`<noscript><link rel="stylesheet" href="/` + renamed["css/noscript.css"] + `"></noscript>`,
		`<script src="/` + renamed["js/app.js"] + `" defer></script>`,
		`<script>var s = "/js/app.js";</script>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("index.html lacks\n%s\nin\n%s", want, page)
		}
	}

	headers := string(out.Files["_headers"])
	for _, p := range renamed {
		if !strings.Contains(headers, "\n/"+p+"\n  Cache-Control: public, max-age=31536000, immutable\n") {
			t.Errorf("_headers lacks the immutable rule for %s", p)
		}
	}
}

func hexOf(b []byte) []byte {
	const digits = "0123456789abcdef"
	h := make([]byte, 0, 2*len(b))
	for _, c := range b {
		h = append(h, digits[c>>4], digits[c&15])
	}
	return h
}

func TestFingerprintHashesImportsFirst(t *testing.T) {
	// Changing an imported stylesheet must change the importer's name too.
	names := func(fonts string) map[string]bool {
		out := process(t, map[string][]byte{
			"css/site.css":  []byte(`@import "fonts.css"; body{}`),
			"css/fonts.css": []byte(fonts),
		}, Options{Fingerprint: true})
		return setOf(slices.Collect(maps.Keys(out.Files)))
	}
	a, b := names("a{}"), names("b{}")
	for p := range a {
		if strings.HasPrefix(p, "css/site.") && b[p] {
			t.Errorf("%s kept its name although its import changed", p)
		}
	}
}

func setOf(ss []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range ss {
		m[s] = true
	}
	return m
}

func TestFingerprintImportLoopIsAProblem(t *testing.T) {
	out := process(t, map[string][]byte{
		"css/a.css":  []byte(`@import "b.css";`),
		"css/b.css":  []byte(`@import url(/css/a.css);`),
		"css/ok.css": []byte(`p{}`),
		"index.html": []byte(`<link rel="stylesheet" href="/css/a.css"><link rel="stylesheet" href="/css/ok.css">`),
	}, Options{Fingerprint: true})
	if len(out.Problems) != 1 || !strings.Contains(out.Problems[0].Message, "css/a.css -> css/b.css -> css/a.css") {
		t.Fatalf("want one problem naming the loop, got %v", out.Problems)
	}
	if _, ok := out.Files["css/a.css"]; !ok {
		t.Error("a file in the loop was renamed")
	}
	if page := string(out.Files["index.html"]); !strings.Contains(page, `href="/css/a.css">`) || strings.Contains(page, "/css/ok.css") {
		t.Errorf("references wrong: %s", page)
	}
}

func TestFingerprintNeverOverwrites(t *testing.T) {
	files := map[string][]byte{"js/app.js": []byte("x()")}
	sum := sha256.Sum256(files["js/app.js"])
	files["js/app."+string(hexOf(sum[:]))[:10]+".js"] = []byte("other")
	files["js/app."+string(hexOf(sum[:]))[:10]+".css"] = []byte("p{}")
	out := process(t, clone(files), Options{Fingerprint: true})
	var before, after []string
	for _, b := range files {
		before = append(before, string(b))
	}
	for p, b := range out.Files {
		if !strings.HasPrefix(p, "_") && !strings.HasPrefix(p, ".") {
			after = append(after, string(b))
		}
	}
	slices.Sort(before)
	slices.Sort(after)
	if !slices.Equal(before, after) {
		t.Errorf("contents before %q, after %q", before, after)
	}
}

func TestFingerprintNameTaken(t *testing.T) {
	// A file that is not fingerprinted itself holds the new name.
	files := map[string][]byte{"js/app.js": []byte("x()")}
	sum := sha256.Sum256(files["js/app.js"])
	taken := "js/app." + string(hexOf(sum[:]))[:10] + ".js"
	files[taken] = []byte("other")
	problems := processFingerprintOnly(files, []string{"js/app.js"})
	if len(problems) != 1 || problems[0].File != "js/app.js" {
		t.Fatalf("want a problem for js/app.js, got %v", problems)
	}
	if string(files[taken]) != "other" || string(files["js/app.js"]) != "x()" {
		t.Error("a file was overwritten or renamed")
	}
}

func processFingerprintOnly(files map[string][]byte, names []string) problem.List {
	var probs problem.List
	fingerprintFiles(files, names, relink.Address{}, &probs)
	return probs
}

func TestRewriteHTMLChangesNothingElse(t *testing.T) {
	assets := map[string]asset{"css/site.css": {path: "css/site.0123456789.css", hash: "0123456789", integrity: "sha256-x"}}
	for _, in := range []string{
		"",
		"<",
		"<a href='/css/site.css",
		"<p>unclosed <b",
		"<!-- <link href=/css/site.css> -->",
		"<script>document.write('<link href=/css/site.css>')</script>",
		"<svg><style>@import '/css/site.css';</style></svg>",
		"<DIV CLASS=x>\x00</div><br/><img src=a.png alt='/css/site.css '>",
		"<![CDATA[ x ]]><?php ?><!doctype html>",
	} {
		if got := string(rewriteHTML([]byte(in), assets)); got != in {
			t.Errorf("rewriteHTML(%q) = %q", in, got)
		}
	}
}

func FuzzRewriteHTML(f *testing.F) {
	f.Add([]byte(pageHTML))
	f.Add([]byte(`<link rel=stylesheet href=/a.css/>`))
	assets := map[string]asset{"a.css": {path: "a.0123456789.css", hash: "0123456789", integrity: "sha256-x"}}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got := rewriteHTML(b, map[string]asset{}); !bytes.Equal(got, b) {
			t.Fatalf("without assets the page changed: %q", got)
		}
		got := rewriteHTML(b, assets)
		if !bytes.Contains(b, []byte("a.css")) && !bytes.Equal(got, b) {
			t.Fatalf("a page without the asset's name changed: %q", got)
		}
	})
}

func TestMinify(t *testing.T) {
	out := process(t, testSite(t), Options{Minify: true, Fingerprint: true})
	if len(out.Problems) != 0 {
		t.Fatalf("problems: %v", out.Problems)
	}
	page := string(out.Files["index.html"])
	for _, want := range []string{
		`<meta http-equiv="Content-Security-Policy" content="` + csp + `">`,
		"<pre>line one\n    indented   twice\n\ttab</pre>",
		"<textarea>  keep\n   this </textarea>",
		`<html lang="ru">`, "<head>", "</head>", "<body>", "</body>", "</html>", "</p>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("minified index.html lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "build note") {
		t.Error("an HTML comment survived minifying")
	}
	if unminified := process(t, testSite(t), Options{Fingerprint: true}).Files["index.html"]; len(page) >= len(unminified) {
		t.Error("the page did not get smaller")
	}
	for p, b := range out.Files {
		if strings.HasPrefix(p, "js/app.") && strings.Contains(string(b), "comment") {
			t.Errorf("%s was not minified: %s", p, b)
		}
	}

	feed := out.Files["index.xml"]
	if err := xml.Unmarshal(feed, new(struct{})); err != nil {
		t.Errorf("the minified feed is not well-formed: %v\n%s", err, feed)
	}
	var rss struct {
		Title   string `xml:"channel>title"`
		Desc    string `xml:"channel>item>description"`
		Content string `xml:"channel>item>content"`
	}
	xml.Unmarshal(feed, &rss)
	if rss.Title != "A & B" || rss.Desc != "<pre>code\n    indented</pre>" || rss.Content != "<em>a</em> <em>b</em>" {
		t.Errorf("the feed's text changed: %+v\n%s", rss, feed)
	}
	if bytes.Contains(feed, []byte("generator comment")) || bytes.Contains(feed, []byte("\n  <channel>")) {
		t.Errorf("the feed was not minified:\n%s", feed)
	}
	if got := string(out.Files["search.json"]); got != `{"pages":[{"title":"Жанаозен","n":1.50}]}` {
		t.Errorf("search.json = %s", got)
	}
}

func TestMinifyFailureIsAProblem(t *testing.T) {
	bad := []byte("function ( {\n  return\n}")
	out := process(t, map[string][]byte{
		"js/broken.js": bad,
		"feed.xml":     []byte("<rss>\n<channel><!-- unterminated"),
	}, Options{Minify: true})
	got := map[string]int{}
	for _, p := range out.Problems {
		got[p.File] = p.Line
		if !strings.HasPrefix(p.Message, "cannot minify") {
			t.Errorf("message: %v", p)
		}
	}
	if got["js/broken.js"] != 1 || got["feed.xml"] != 2 || len(got) != 2 {
		t.Errorf("problems: %v", out.Problems)
	}
	if !bytes.Equal(out.Files["js/broken.js"], bad) {
		t.Error("a file that failed to minify was changed")
	}
}

func TestProcessWithoutOptionsKeepsTextFiles(t *testing.T) {
	site := testSite(t)
	out := process(t, clone(site), Options{})
	for _, p := range []string{"index.html", "css/site.css", "js/app.js", "index.xml", "search.json"} {
		if !bytes.Equal(out.Files[p], site[p]) {
			t.Errorf("%s changed although minify and fingerprint were off", p)
		}
	}
}

// BenchmarkProcess measures a site of 2 000 pages of about 10 KB each.
func BenchmarkProcess(b *testing.B) {
	site := map[string][]byte{
		"css/site.css":   []byte(`@import "chroma.css"; body { color: #000000; }`),
		"css/chroma.css": []byte(`.k { color: #aa0000; }`),
		"js/app.js":      []byte(`function f ( x ) { return x + 1; }`),
	}
	page := strings.Replace(pageHTML, "</body>", strings.Repeat("<p>Жанаозен, 16 декабря 2011 года. <a href=\"/zhanaozen/\">далее</a></p>\n", 100)+"</body>", 1)
	for i := range 2000 {
		site["news/"+strconv.Itoa(i)+"/index.html"] = []byte(page)
	}
	b.SetBytes(int64(2000 * len(page)))
	for b.Loop() {
		Process(&output.Output{Files: maps.Clone(site)}, Options{Minify: true, Fingerprint: true})
	}
}

// Minifying keeps the whitespace between tags, each run made one: a
// theme's menu of list items that its CSS shows side by side read
// "HomeAboutTags" once the spaces between the items were gone.
func TestMinifyKeepsSpacesBetweenTags(t *testing.T) {
	files := map[string][]byte{"index.html": []byte("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body>" +
		"<ul class=\"menu\">\n  <li><a href=\"/\">Home</a></li>\n  <li><a href=\"/about/\">About</a></li>\n</ul>" +
		"<p><em>a</em>   <em>b</em></p></body></html>")}
	out := process(t, files, Options{Minify: true})
	if len(out.Problems) != 0 {
		t.Fatalf("problems: %v", out.Problems)
	}
	page := string(out.Files["index.html"])
	for _, want := range []string{"</a></li>\n<li><a href=\"/about/\">", "<em>a</em> <em>b</em>"} {
		if !strings.Contains(page, want) {
			t.Errorf("minified page lacks %q:\n%s", want, page)
		}
	}
}
