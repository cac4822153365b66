package site

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// resourcesSite is a bundle with a picture, a document in a folder and a
// text file, a section with a file beside its _index.md, and a page that
// is no bundle; single is the pages' template.
func resourcesSite(t testing.TB, single string) fstest.MapFS {
	page := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\n---\nText.\n")}
	}
	return fstest.MapFS{
		"site.toml":                             {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n")},
		"layouts/_default/single.html":          {Data: []byte(single)},
		"layouts/_default/list.html":            {Data: []byte(`{{ range .Resources }}[{{ .Name }} {{ .RelPermalink }}]{{ end }}`)},
		"content/_index.md":                     page("Home"),
		"content/logo.svg":                      {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="30" height="10"></svg>`)},
		"content/people/_index.md":              page("People"),
		"content/people/banner.png":             {Data: pngOf(t, 60, 20)},
		"content/people/kozlov/index.md":        page("Kozlov"),
		"content/people/kozlov/Portrait.JPG":    {Data: photoJPEG(t, 48, 64)},
		"content/people/kozlov/notes.txt":       {Data: []byte("Arrested in 2012.")},
		"content/people/kozlov/docs/appeal.pdf": {Data: []byte("%PDF-1.4")},
		"content/people/ana.md":                 page("Ana"),
	}
}

// text is the page's built file without the links the build makes
// page-relative: what a template wrote.
func builtPage(t *testing.T, fsys fstest.MapFS, name string) string {
	t.Helper()
	return builtText(t, fsys)[name]
}

// A leaf bundle's files are its .Resources in Hugo's order (by type,
// then name), with Hugo's fields; a page that is no bundle has none.
func TestResourcesOfABundle(t *testing.T) {
	fsys := resourcesSite(t, `{{ range .Resources }}[{{ .Name }}|{{ .Title }}|{{ .ResourceType }}|{{ .MediaType }}|{{ .MediaType.SubType }}|{{ .Permalink }}|{{ len .Params }}]{{ end }}`)
	got := builtPage(t, fsys, "people/kozlov/index.html")
	want := "[docs/appeal.pdf|docs/appeal.pdf|application|application/pdf|pdf|https://example.org/people/kozlov/docs/appeal.pdf|0]" +
		"[Portrait.JPG|Portrait.JPG|image|image/jpeg|jpeg|https://example.org/people/kozlov/Portrait.JPG|0]" +
		"[notes.txt|notes.txt|text|text/plain|plain|https://example.org/people/kozlov/notes.txt|0]"
	if got != want {
		t.Errorf("kozlov's resources:\n%s\nwant\n%s", got, want)
	}
	if got := builtPage(t, fsys, "people/ana/index.html"); got != "" {
		t.Errorf("a page that is no bundle has resources: %s", got)
	}
}

// GetMatch, Match, Get and ByType find files as Hugo's do: globs without
// regard to case, * within a folder and ** across, Get by the whole name
// in any case; a picture has its size as shown, read from its header.
func TestResourcesFinders(t *testing.T) {
	tmpl := `{{ with .Resources.GetMatch "portrait.*" }}<img src="{{ .RelPermalink }}" width="{{ .Width }}" height="{{ .Height }}">{{ end }}` +
		`|{{ range .Resources.Match "*.pdf" }}{{ .Name }}{{ end }}` +
		`|{{ range .Resources.Match "docs/*.PDF" }}{{ .Name }}{{ end }}` +
		`|{{ range .Resources.Match "**.{pdf,txt}" }}{{ .Name }} {{ end }}` +
		`|{{ with .Resources.Get "NOTES.txt" }}{{ .Content }}{{ end }}` +
		`|{{ with .Resources.Get "notes" }}found{{ end }}` +
		`|{{ len (.Resources.ByType "image") }}` +
		`|{{ with .Resources.GetMatch "*.gif" }}found{{ end }}`
	got := builtPage(t, resourcesSite(t, tmpl), "people/kozlov/index.html")
	want := `<img src="Portrait.JPG" width="48" height="64" decoding="async">||docs/appeal.pdf|docs/appeal.pdf notes.txt |Arrested in 2012.||1|`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A section's and the home page's resources are the files in their
// folder and the folders below, as Hugo's branch bundles have them: not
// those of the bundles and sections below. A section no _index.md makes
// has its folder's too.
func TestResourcesOfBranchBundles(t *testing.T) {
	fsys := resourcesSite(t, `{{ .Title }}`)
	fsys["content/people/photos/crowd.png"] = &fstest.MapFile{Data: pngOf(t, 4, 4)}
	fsys["content/press/release.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Release\n---\nText.\n")}
	fsys["content/press/kit/logo.png"] = &fstest.MapFile{Data: pngOf(t, 4, 4)}
	out := builtText(t, fsys)
	if got, want := out["people/index.html"], "[banner.png /people/banner.png][photos/crowd.png /people/photos/crowd.png]"; got != want {
		t.Errorf("the section's resources: %s, want %s", got, want)
	}
	if got, want := out["press/index.html"], "[kit/logo.png /press/kit/logo.png]"; got != want {
		t.Errorf("the made-up section's resources: %s, want %s", got, want)
	}
	if got, want := out["index.html"], "[logo.svg /logo.svg]"; got != want {
		t.Errorf("the home page's resources: %s, want %s", got, want)
	}
}

// In a site of two languages each page's files are its own language's
// copies.
func TestResourcesInEachLanguage(t *testing.T) {
	fsys := resourcesSite(t, `{{ range .Resources }}{{ .Permalink }} {{ end }}`)
	fsys["site.toml"] = &fstest.MapFile{Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n[languages.en]\n[languages.ru]\n")}
	fsys["content/people/kozlov/index.ru.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Козлов\n---\nТекст.\n")}
	out := builtText(t, fsys)
	if got := out["ru/people/kozlov/index.html"]; !strings.Contains(got, "https://example.org/ru/people/kozlov/Portrait.JPG") {
		t.Errorf("the Russian page's resources: %s", got)
	}
	if got := out["people/kozlov/index.html"]; !strings.Contains(got, "https://example.org/people/kozlov/Portrait.JPG") {
		t.Errorf("the English page's resources: %s", got)
	}
}

// A size asked of what is no picture and a pattern that cannot be read
// are problems at the template's line that say what to write.
func TestResourcesMistakes(t *testing.T) {
	for call, want := range map[string][]string{
		`{{ with .Resources.Get "notes.txt" }}{{ .Width }}{{ end }}`: {".Width of content/people/kozlov/notes.txt: it is not a picture", `.Resources.ByType "image"`},
		`{{ with .Resources.GetMatch "[a" }}{{ end }}`:               {`the pattern "[a" cannot be read`, "*.jpg"},
		`{{ with .Resources.Match "{a,b" }}{{ end }}`:                {`the pattern "{a,b" cannot be read`},
	} {
		res := build(t, resourcesSite(t, call), Options{})
		text := problems(res.Problems)
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: problems\n%s\nlack %q", call, text, w)
			}
		}
	}
}

// A picture whose header cannot be read has no size: a problem, not a 0
// written in the page.
func TestResourcesUnreadablePicture(t *testing.T) {
	fsys := resourcesSite(t, `{{ with .Resources.GetMatch "broken.png" }}{{ .Height }}{{ end }}`)
	fsys["content/people/kozlov/broken.png"] = &fstest.MapFile{Data: []byte("not a picture")}
	res := build(t, fsys, Options{})
	if text := problems(res.Problems); !strings.Contains(text, "cannot read this picture's size") {
		t.Errorf("problems:\n%s", text)
	}
}

// Hugo's globs, as github.com/gobwas/glob reads them with / between
// folders.
func TestResourceGlob(t *testing.T) {
	for _, c := range []struct {
		pattern string
		yes, no []string
	}{
		{"*.jpg", []string{"a.jpg", "A.JPG", "/a.jpg"}, []string{"docs/a.jpg", "a.jpeg"}},
		{"/*.jpg", []string{"a.jpg"}, []string{"docs/a.jpg"}},
		{"**.jpg", []string{"a.jpg", "docs/x/a.jpg"}, []string{"a.png"}},
		{"docs/**", []string{"docs/a.pdf", "docs/x/b.pdf"}, []string{"a.pdf"}},
		{"cover.*", []string{"cover.jpg", "Cover.PNG"}, []string{"cover", "covers.jpg", "x/cover.jpg"}},
		{"a?.png", []string{"ab.png"}, []string{"a.png", "a/.png"}},
		{"[ab]*.png", []string{"a1.png", "B.png"}, []string{"c.png"}},
		{"[!ab]*.png", []string{"c.png"}, []string{"a.png"}},
		{"[a-c].png", []string{"b.png"}, []string{"d.png"}},
		{"*.{jpg,png}", []string{"a.jpg", "a.png"}, []string{"a.gif"}},
		{"{docs/*,*}.pdf", []string{"docs/a.pdf", "a.pdf"}, []string{"x/a.pdf"}},
		{"a}.png", []string{"a}.png"}, nil},
		{`a\*.png`, []string{"a*.png"}, []string{"ab.png"}},
		{"a+(b).png", []string{"a+(b).png"}, []string{"aab.png"}},
	} {
		re, err := resourceGlob(c.pattern)
		if err != nil {
			t.Errorf("%s: %v", c.pattern, err)
			continue
		}
		for _, n := range c.yes {
			if !re.MatchString(globName(n)) {
				t.Errorf("%s does not match %s", c.pattern, n)
			}
		}
		for _, n := range c.no {
			if re.MatchString(globName(n)) {
				t.Errorf("%s matches %s", c.pattern, n)
			}
		}
	}
	for _, bad := range []string{"[a", "{a,b", "[]", "[!]"} {
		if _, err := resourceGlob(bad); err == nil {
			t.Errorf("%s compiles", bad)
		}
	}
}

// The dev server's cache keys a page's template output by what it read:
// a bundle file changed or added shows in the next build, as it would in
// a build without a cache, and so does one read by a shortcode. Patch
// leaves such a save to that build.
func TestResourcesWithACache(t *testing.T) {
	fsys := resourcesSite(t, `{{ range .Resources }}{{ .Name }} {{ end }}{{ with .Resources.GetMatch "portrait.*" }}{{ .Width }}x{{ .Height }}{{ end }} {{ .Content }}`)
	fsys["layouts/shortcodes/size.html"] = &fstest.MapFile{Data: []byte(`{{ with .Page.Resources.Get "Portrait.JPG" }}w{{ .Width }}{{ end }}`)}
	fsys["content/people/kozlov/index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Kozlov\n---\n{{< size >}}\n")}
	cache := NewCache()
	first := buildWith(t, fsys, Options{}, cache)
	if !first.OK() {
		t.Fatalf("problems:\n%s", problems(first.Problems))
	}
	for _, step := range []struct {
		file string
		data []byte
		want []string
	}{
		{"content/people/kozlov/Portrait.JPG", photoJPEG(t, 30, 20), []string{"30x20", "w30"}},
		{"content/people/kozlov/leaflet.pdf", []byte("%PDF-1.4"), []string{"leaflet.pdf"}},
	} {
		fsys[step.file] = &fstest.MapFile{Data: step.data}
		// The dev server's fast path leaves a bundle's file to a build.
		if _, ok := Patch(context.Background(), cache, []string{step.file}); ok {
			t.Errorf("Patch took %s", step.file)
		}
		for _, cached := range []*Cache{cache, nil} {
			res := buildWith(t, fsys, Options{}, cached)
			got := string(res.Files["people/kozlov/index.html"])
			for _, want := range step.want {
				if !strings.Contains(got, want) {
					t.Errorf("cache %t: the page after the change lacks %q:\n%s", cached != nil, want, got)
				}
			}
		}
	}
}

// Pages read the same files on all cores: every page gets the same
// sizes, and the race detector finds nothing.
func TestResourcesReadInParallel(t *testing.T) {
	fsys := resourcesSite(t, `{{ with site.GetPage "/people/kozlov" }}{{ range .Resources.ByType "image" }}{{ .Width }}x{{ .Height }}{{ end }}{{ end }}`)
	for i := range 40 {
		fsys[fmt.Sprintf("content/p%02d.md", i)] = &fstest.MapFile{Data: []byte("---\ntitle: P\n---\nText.\n")}
	}
	out := builtText(t, fsys)
	for i := range 40 {
		if got := out[fmt.Sprintf("p%02d/index.html", i)]; got != "48x64" {
			t.Errorf("p%02d: %q", i, got)
		}
	}
}

// docs/templates.md's example shows a bundle's cover with its size and
// lists its documents.
func TestResourcesDocumentedExample(t *testing.T) {
	example := templatesExample(t, "A page's files: `.Resources`")
	fsys := resourcesSite(t, string(example))
	fsys["content/people/kozlov/cover.jpg"] = &fstest.MapFile{Data: photoJPEG(t, 40, 30)}
	got := builtPage(t, fsys, "people/kozlov/index.html")
	want := `<img src="cover.jpg" width="40" height="30" alt="Kozlov" decoding="async">` +
		`<ul><li><a href="docs/appeal.pdf">docs/appeal.pdf</a></li></ul>`
	if norm := regexp.MustCompile(`>\s+<`).ReplaceAllString(strings.TrimSpace(got), "><"); norm != want {
		t.Errorf("the example gives\n%s\nwant\n%s", got, want)
	}
}

// Front matter resources name, title and give params to the files, as
// Hugo's: the first entry that names a file names it, :counter numbers
// the files an entry matches, params add up with the later entry's key
// winning; the files are sorted by their new names, and found by them,
// else by their own.
func TestResourcesFrontMatter(t *testing.T) {
	tmpl := `{{ range .Resources }}[{{ .Name }}|{{ .Title }}|{{ .Params.credit }}{{ .Params.lang }}]{{ end }}` +
		`|{{ with .Resources.Get "cover" }}{{ .RelPermalink }}{{ end }}` +
		`|{{ with .Resources.Get "Portrait.JPG" }}{{ .Name }}{{ end }}` +
		`|{{ range .Resources.Match "leaflet-*" }}{{ .Name }} {{ end }}` +
		`|{{ range .Resources.Match "docs/*" }}{{ .Name }} {{ end }}` +
		`|{{ with .Resources.GetMatch "docs/leaflet.pdf" }}{{ .Title }}{{ end }}`
	fsys := resourcesSite(t, tmpl)
	fsys["content/people/kozlov/docs/leaflet.pdf"] = &fstest.MapFile{Data: []byte("%PDF-1.4")}
	fsys["content/people/kozlov/index.md"] = &fstest.MapFile{Data: []byte(`---
title: Kozlov
resources:
  - src: "docs/*.pdf"
    name: leaflet-:counter
    title: Leaflet :counter
    params: {credit: Ana}
  - src: "**.pdf"
    title: never used
    params: {credit: Bo, lang: kk}
  - src: portrait.jpg
    name: cover
    params: {credit: Ana}
---
Text.
`)}
	got := builtPage(t, fsys, "people/kozlov/index.html")
	want := "[leaflet-1|Leaflet 1|Bokk][leaflet-2|Leaflet 2|Bokk][cover|Portrait.JPG|Ana][notes.txt|notes.txt|]" +
		"|/people/kozlov/Portrait.JPG|cover|leaflet-1 leaflet-2 |leaflet-1 leaflet-2 |Leaflet 2"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A src that cannot be read is a problem at its line; one that matches
// none of the page's files is a warning there.
func TestResourcesFrontMatterSrc(t *testing.T) {
	fsys := resourcesSite(t, `{{ .Title }}`)
	fsys["content/people/kozlov/index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Kozlov\nresources:\n  - src: \"[a\"\n    title: A\n  - src: portait.jpg\n    title: B\n---\nText.\n")}
	res := build(t, fsys, Options{})
	if text := problems(res.Problems); !strings.Contains(text, `content/people/kozlov/index.md:4: resources: the pattern "[a" cannot be read`) {
		t.Errorf("problems:\n%s", text)
	}
	if text := problems(res.Warnings); !strings.Contains(text, `content/people/kozlov/index.md:6: resources: src "portait.jpg" matches none of the page's files`) ||
		!strings.Contains(text, "docs/appeal.pdf, Portrait.JPG, notes.txt") {
		t.Errorf("warnings:\n%s", text)
	}
}

// A file's .MediaType is Hugo's, from a fixed table: its type, main and
// sub type, and the extensions of its type (docs/templates.md), the
// same on every machine; application/octet-stream, with none, for an
// extension the table lacks.
func TestResourceMediaType(t *testing.T) {
	for _, c := range []struct {
		name, typ, main, sub string
		suffixes             []string
	}{
		{"people/kozlov/Portrait.JPG", "image/jpeg", "image", "jpeg", []string{"jfif", "jif", "jpe", "jpeg", "jpg"}},
		{"docs/report.pdf", "application/pdf", "application", "pdf", []string{"pdf"}},
		{"notes.yml", "application/yaml", "application", "yaml", []string{"yaml", "yml"}},
		{"data.unknown", "application/octet-stream", "application", "octet-stream", nil},
	} {
		m := mediaTypeOf(c.name)
		if m.Type != c.typ || m.MainType != c.main || m.SubType != c.sub || !slices.Equal(m.Suffixes, c.suffixes) || m.String() != c.typ {
			t.Errorf("%s: got %+v; want %s (%s/%s) with suffixes %v", c.name, m, c.typ, c.main, c.sub, c.suffixes)
		}
	}
}
