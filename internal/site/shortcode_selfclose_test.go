package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestShortcodeSelfClosing checks Hugo's self-closing call, {{< note "x" />}}:
// a call without inner whose .Inner is empty, as in Hugo, even for a
// template that shows .Inner; a call with no closing tag at all stays the
// call's mistake. .IsNamedParams tells the two kinds of arguments apart.
func TestShortcodeSelfClosing(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                    {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n")},
		"layouts/_default/single.html": {Data: []byte(`<main>{{ .Content }}</main>`)},
		"layouts/_default/list.html":   {Data: []byte(`<main>{{ .Content }}</main>`)},
		"layouts/shortcodes/note.html": {Data: []byte(`<aside data-named="{{ .IsNamedParams }}">{{ if .IsNamedParams }}{{ .Get "by" }}{{ else }}{{ .Get 0 }}{{ end }}|{{ .Inner }}</aside>`)},
		"content/_index.md":            {Data: []byte("---\ntitle: Home\n---\n")},
		"content/a.md":                 {Data: []byte("---\ntitle: A\n---\n{{< note \"x\" />}}\n\n{{< note by=\"Ana\" />}}\n\n{{< note \"y\" >}}inside{{< /note >}}\n")},
	}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	got := string(res.Files["a/index.html"])
	for _, want := range []string{`<aside data-named="false">x|</aside>`, `<aside data-named="true">Ana|</aside>`, `<aside data-named="false">y|inside</aside>`} {
		if !strings.Contains(got, want) {
			t.Errorf("page is\n%s\nwant it to hold\n%s", got, want)
		}
	}

	fsys["content/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\n---\n{{< note \"x\" >}}\n")}
	res = build(t, fsys, Options{})
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Message, "the call has no closing tag") {
		t.Errorf("a call without closing tag: problems\n%s\nwant the one that says it has no closing tag", problems(res.Problems))
	}
}
