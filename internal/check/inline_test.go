package check

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
)

const defaultCSP = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// inlineFound runs Inlines on page with policies and returns its problems
// as "line:col kind attr code".
func inlineFound(t *testing.T, page string, policies ...string) []string {
	t.Helper()
	var got []string
	for _, in := range Inlines("a/index.html", []byte(page), policies) {
		if in.File != "a/index.html" || in.Hint == "" {
			t.Errorf("problem %+v: want file a/index.html and a hint", in.Problem)
		}
		got = append(got, fmt.Sprintf("%d:%d %d %s %s", in.Line, in.Col, in.Kind, in.Attr, in.Code))
	}
	return got
}

func TestInlinesUnderTheDefaultPolicy(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		want       []string
	}{
		{"style element", "<head><style>\n  body { font-family: Verdana }\n</style></head>",
			[]string{"1:7 0  body { font-family: Verdana }"}},
		{"style attribute", `<p>x</p><p class=a style="color: red">`,
			[]string{"1:20 1 style color: red"}},
		{"inline script", "<p>a</p>\n<script>\n  document.body.className = 'js'\n</script>",
			[]string{"2:1 2  document.body.className = 'js'"}},
		{"event handler", `<button type=button onclick="toggle()">menu</button>`,
			[]string{"1:21 3 onclick toggle()"}},
		{"upper case", `<HTML><HEAD><STYLE>P{COLOR:RED}</STYLE></HEAD><BODY ONLOAD="go()"><DIV STYLE="x:y"></DIV><SCRIPT>go()</SCRIPT>`,
			[]string{"1:13 0  P{COLOR:RED}", "1:53 3 onload go()", "1:72 1 style x:y", "1:90 2  go()"}},
		{"quoted > in attributes", `<a title="a > b" onclick="go()">x</a><p title="x> style=color:red">y</p>`,
			[]string{"1:18 3 onclick go()"}},
		{"attribute right after a quote", `<a href="/x/"onclick="go()">x</a>`,
			[]string{"1:14 3 onclick go()"}},
		{"script src", `<script src="/js/site.js" defer></script><script src="/js/a.js">ignored()</script>`, nil},
		{"empty ones", `<style></style><style> </style><script></script><script>` + "\n" + `</script><p style="" onclick=" ">`, nil},
		// JSON-LD is a data block: browsers do not run it, so the policy does not block it.
		{"data blocks", `<script type="application/ld+json">{"@context":"https://schema.org"}</script>` +
			`<script type="application/json" id="d">{"a":1}</script><script type="text/x-template"><p>x</p></script>`, nil},
		{"scripts that run", `<script type="module">import "/js/a.js"</script><script type="importmap">{"imports":{}}</script>` +
			`<script type=" TEXT/JavaScript ">a()</script><script language="javascript">b()</script><script type="">c()</script>`,
			[]string{"1:1 2  import \"/js/a.js\"", "1:49 2  {\"imports\":{}}", "1:97 2  a()", "1:142 2  b()", "1:184 2  c()"}},
		{"a <style> of another type is not applied", `<style type="text/less">@a: red;</style><style type="TEXT/CSS">p{}</style>`,
			[]string{"1:41 0  p{}"}},
		// Browsers without scripts read <noscript> as markup and apply, or
		// block, its CSS; its scripts and handlers never run.
		{"noscript", `<noscript><style>.js-only{display:none}</style><p style="color:red" onclick="x()">on</p><script>y()</script></noscript><p onclick="z()">`,
			[]string{"1:11 0  .js-only{display:none}", "1:51 1 style color:red", "1:123 3 onclick z()"}},
		{"inline SVG", `<body><svg viewBox="0 0 1 1"><style>.a{fill:red}</style><path class="a" style="fill:blue" d="M0 0"/></svg>`,
			[]string{"1:30 0  .a{fill:red}", "1:73 1 style fill:blue"}},
		{"code shown as text", "<pre><code>&lt;style&gt;body{}&lt;/style&gt; &lt;p style=\"x\" onclick=\"y\"&gt;\n&lt;script&gt;a()&lt;/script&gt;</code></pre>", nil},
		{"chroma", `<pre tabindex="0" class="chroma"><code class="language-go"><span class="line"><span class="cl"><span class="kn">package</span> <span class="nx">main</span></span></span></code></pre>`, nil},
		{"comments and text", `<!-- <style>p{}</style> <p onclick="x()"> --><p>style="x" onclick=go()</p><textarea><style>p{}</style></textarea><title>on style</title>`, nil},
		{"not handlers", `<p one="1" on-tap="x" on:click="y" on="z" data-onclick="w" styles="v">`, nil},
		{"one problem a piece of code a page", `<p style="color:red">a</p><p style="color:red">b</p><p style="color:blue">c</p>`,
			[]string{"1:4 1 style color:red", "1:56 1 style color:blue"}},
		{"long code is cut", `<style>` + strings.Repeat("p { color: red }\n", 5) + `</style>`,
			[]string{"1:1 0  p { color: red } p { color: red } p { co…"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := inlineFound(t, tc.page, defaultCSP)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestInlinesMessage(t *testing.T) {
	page := `<head><style>body{font:16px Verdana}</style></head><body><button onclick="menu()">`
	ins := Inlines("index.html", []byte(page), []string{defaultCSP})
	if len(ins) != 2 {
		t.Fatalf("got %d problems; want 2", len(ins))
	}
	want := `inline <style> "body{font:16px Verdana}" is blocked by the Content-Security-Policy in _headers (style-src 'self')`
	if ins[0].Message != want {
		t.Errorf("message\n%s\nwant\n%s", ins[0].Message, want)
	}
	if !strings.Contains(ins[0].Hint, `static/css/site.css`) || !strings.Contains(ins[0].Hint, `<link rel="stylesheet" href="{{ "css/site.css" | relURL }}">`) {
		t.Errorf("hint %q does not say to link a stylesheet", ins[0].Hint)
	}
	want = `onclick="menu()" is blocked by the Content-Security-Policy in _headers (script-src 'self')`
	if ins[1].Message != want {
		t.Errorf("message\n%s\nwant\n%s", ins[1].Message, want)
	}
	if !strings.Contains(ins[1].Hint, "addEventListener") {
		t.Errorf("hint %q does not say to add an event listener", ins[1].Hint)
	}
	if got := Inlines("site.svg", []byte(`<svg><style>a{}</style></svg>`), []string{defaultCSP}); got != nil {
		t.Errorf("an SVG file gave %v; want nothing", got)
	}
}

// The rule follows the policy as written, CSP Level 3's way.
func TestInlinesFollowThePolicy(t *testing.T) {
	const page = `<style>p{}</style><p style="x:y" onclick="go()"><script>run()</script>`
	all := []string{"1:1 0  p{}", "1:22 1 style x:y", "1:34 3 onclick go()", "1:49 2  run()"}
	hash := func(s string) string {
		h := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"
	}
	for _, tc := range []struct {
		name   string
		policy []string
		want   []string
	}{
		{"no policy", nil, nil},
		{"no directive for it", []string{"img-src 'self'; frame-ancestors 'none'"}, nil},
		{"default-src alone", []string{"default-src 'self'"}, all},
		{"'none'", []string{"default-src 'none'"}, all},
		{"unsafe-inline styles", []string{"default-src 'self'; style-src 'self' 'unsafe-inline'"}, all[2:]},
		{"unsafe-inline in default-src", []string{"default-src 'self' 'UNSAFE-INLINE'"}, nil},
		{"style-src-attr rules attributes", []string{"default-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'"},
			[]string{all[0], all[2], all[3]}},
		{"style-src-elem rules elements", []string{"default-src 'self'; style-src-elem 'unsafe-inline'; script-src-attr 'unsafe-inline'"},
			[]string{all[1], all[3]}},
		{"a nonce turns unsafe-inline off", []string{"style-src 'unsafe-inline' 'nonce-abc'; script-src 'unsafe-inline' 'strict-dynamic'"}, all},
		{"an element's hash", []string{"style-src " + hash("p{}") + "; script-src 'self' " + hash("run()")},
			[]string{all[1], all[2]}},
		{"an attribute's hash needs unsafe-hashes", []string{"style-src " + hash("x:y") + "; script-src 'unsafe-hashes' " + hash("go()")},
			[]string{all[0], all[1], all[3]}},
		{"several policies, all enforced", []string{"style-src 'unsafe-inline', default-src 'self'"}, all},
		{"the first directive of a name counts", []string{"style-src 'unsafe-inline'; style-src 'self'"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := inlineFound(t, page, tc.policy...)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestInlinesMetaPolicy(t *testing.T) {
	const meta = `<meta http-equiv="Content-Security-Policy" content="style-src 'self'">`
	for _, tc := range []struct {
		name, page string
		want       []string
	}{
		{"in the head", `<head><meta charset="utf-8">` + meta + `<style>p{}</style></head>`, []string{"1:99 0  p{}"}},
		{"applies from where it is", `<head><style>a{}</style>` + meta + `<style>b{}</style></head>`, []string{"1:95 0  b{}"}},
		{"ignored in the body", `<p>x</p>` + meta + `<style>p{}</style>`, nil},
		{"ignored in noscript", `<head><noscript>` + meta + `</noscript><style>p{}</style>`, nil},
		{"upper case", `<head><META HTTP-EQUIV="content-security-policy" CONTENT="default-src 'none'"></head><body style="x:y">`,
			[]string{"1:92 1 style x:y"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := inlineFound(t, tc.page)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
	ins := Inlines("index.html", []byte(`<head>`+meta+`<style>p{}</style>`), nil)
	if len(ins) != 1 || !strings.Contains(ins[0].Message, "in the page's <meta> (style-src 'self')") {
		t.Errorf("got %v; want a problem naming the page's <meta>", ins)
	}
}

// A policy that lists hashes means to allow code by its hash, which the
// minifier makes wrong: the hint says so; other policies' hints do not.
func TestInlinesHashHint(t *testing.T) {
	const page = `<style>h1 { color: black }</style>`
	for policy, wantMinify := range map[string]bool{
		"style-src 'sha256-AAAA'": true,
		"style-src 'SHA256-AAAA'": true,
		"style-src 'self'":        false,
	} {
		got := Inlines("index.html", []byte(page), []string{policy})
		if len(got) != 1 {
			t.Fatalf("%s: %v; want one", policy, got)
		}
		if has := strings.Contains(got[0].Hint, "turn minify off"); has != wantMinify {
			t.Errorf("%s: hint %q speaks of minify: %v, want %v", policy, got[0].Hint, has, wantMinify)
		}
	}
}
