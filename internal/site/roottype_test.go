package site

import (
	"testing"
	"testing/fstest"
)

// A page at the content root, a file or a bundle, is of .Type "page", as
// in Hugo (type from front matter, else the section, else "page"); it was
// "". Its layout is looked up as before: Hugo 0.165 renders it with
// _default/single.html, not layouts/page/single.html, which it uses for
// a page whose front matter says type: page. A Hugo 0.165 build of this
// site gives these pages.
func TestRootPageTypeIsPage(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                    {Data: []byte("title = \"T\"\n")},
		"layouts/index.html":           {Data: []byte(`{{ range where .Site.RegularPages "Type" "page" }}{{ .Title }}|{{ end }}`)},
		"layouts/_default/single.html": {Data: []byte(`default {{ .Type }} {{ .Section }}.`)},
		"layouts/page/single.html":     {Data: []byte(`page/ {{ .Type }}.`)},
		"layouts/_default/list.html":   {Data: []byte(`list`)},
		"content/solo.md":              {Data: []byte("---\ntitle: Solo\n---\n")},
		"content/about/index.md":       {Data: []byte("---\ntitle: About\n---\n")},
		"content/explicit.md":          {Data: []byte("---\ntitle: Explicit\ntype: page\n---\n")},
		"content/typed.md":             {Data: []byte("---\ntitle: Typed\ntype: special\n---\n")},
		"content/posts/a.md":           {Data: []byte("---\ntitle: A\n---\n")},
	}
	out := builtText(t, fsys)
	for file, want := range map[string]string{
		"solo/index.html":     "default page .",
		"about/index.html":    "default page .",
		"explicit/index.html": "page/ page.",
		"typed/index.html":    "default special .",
		"posts/a/index.html":  "default posts posts.",
		"index.html":          "About|Explicit|Solo|",
	} {
		if out[file] != want {
			t.Errorf("%s = %q; want %q", file, out[file], want)
		}
	}
}
