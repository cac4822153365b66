package relink_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/samizdat-press/samizdat/internal/relink"
)

// FuzzRewrite checks, for any HTML or CSS, with and without a BaseURL: no panic; a second
// Rewrite changes nothing, since the first left no root-relative URL, nor one under BaseURL it
// would make relative, where Rewrite looks; and input without a slash or an ampersand, which can
// hold no such URL, is not touched.
func FuzzRewrite(f *testing.F) {
	for _, s := range []string{
		`<a href="/x/">`, `<img srcset="/a.png 1x, /b.png 2x">`, `<a href=/>`,
		`<meta http-equiv=refresh content="0;url=/x">`, `<style>a{b:url(/x)}</style>`,
		`<div style="b:url(&quot;/x&quot;)">`, `<a href="&#47;x/?a&amp;b">`, `@import "/a.css";`,
		`<noscript><img src=/p></noscript>`, `<a href='/a//x'>`, `<a href="/a:b/">`,
		`<link rel=stylesheet href="https://example.org/css/a.css">`, `<img srcset="//EXAMPLE.org/a.png 1x">`,
		`a{b:url(http://example.org:80/x/y.png)}`,
	} {
		f.Add(s, "a/b/index.html", false)
		f.Add(s, "index.html", true)
	}
	f.Fuzz(func(t *testing.T, in, page string, portable bool) {
		if strings.HasSuffix(page, "/") || page == "" {
			return
		}
		for _, name := range []string{page + ".html", page + ".css"} {
			opts := relink.Options{Portable: portable}
			if len(in)%2 == 0 {
				opts.BaseURL = "https://example.org/"
			}
			files := map[string][]byte{name: []byte(in)}
			relink.Rewrite(files, opts)
			once := bytes.Clone(files[name])
			relink.Rewrite(files, opts)
			if !bytes.Equal(files[name], once) {
				t.Fatalf("%s: second Rewrite changed\n%q\nto\n%q", name, once, files[name])
			}
			if !strings.ContainsAny(in, "/&.") && string(once) != in {
				t.Fatalf("%s: Rewrite changed %q to %q", name, in, once)
			}
		}
	})
}

func BenchmarkRewrite(b *testing.B) {
	page := []byte(`<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Жанаозен</title>
<link rel="canonical" href="https://example.org/zhanaozen/trials/">
<link rel="stylesheet" href="/css/site.css?v=3"><meta property="og:image" content="https://example.org/og.png">
</head><body><nav><a href="/">Главная</a> <a href="/zhanaozen/">Жанаозен</a> <a href="/complaint/">Жалоба</a></nav>
<main>` + strings.Repeat(`<p>Text with <a href="/people/x/">a link</a> and <img src="/img/a.jpg" srcset="/img/a-480.jpg 480w, /img/a-800.jpg 800w" alt=""> &amp; more text.</p>
`, 40) + `</main></body></html>`)
	site := func() map[string][]byte {
		files := make(map[string][]byte, 1000)
		for i := range 1000 {
			files[strings.Repeat("d/", i%4)+string(rune('a'+i%26))+strings.Repeat("x", i/26)+"/index.html"] = page
		}
		return files
	}
	b.SetBytes(int64(1000 * len(page)))
	b.ReportAllocs()
	for b.Loop() {
		relink.Rewrite(site(), relink.Options{})
	}
}
