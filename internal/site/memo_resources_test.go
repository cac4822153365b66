package site

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// bundleSite is a site of n bundles, content/pNN/index.md each with a
// photo.jpg, and a section news of pages without one; single and list are
// its layouts, shortcodes its shortcodes by name.
func bundleSite(t *testing.T, n int, single, list string, shortcodes map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.toml":                    {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n")},
		"layouts/_default/single.html": {Data: []byte(single)},
		"layouts/_default/list.html":   {Data: []byte(list)},
		"content/_index.md":            {Data: []byte("---\ntitle: Home\n---\n")},
		"content/news/_index.md":       {Data: []byte("---\ntitle: News\n---\n")},
		"content/news/strike.md":       {Data: []byte("---\ntitle: Strike\n---\nText.\n")},
	}
	for i := range n {
		fsys[fmt.Sprintf("content/p%02d/index.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: P%02d\n---\nText.\n", i)}
		fsys[fmt.Sprintf("content/p%02d/photo.jpg", i)] = &fstest.MapFile{Data: photoJPEG(t, 8+i, 8)}
	}
	for name, text := range shortcodes {
		fsys["layouts/shortcodes/"+name+".html"] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// rerun builds fsys twice with cache (the second learns nothing new, so
// it is what a dev server session has after a while), changes what edit
// changes, builds again, and returns what that build ran: the output of
// every template and markdown the cache did not have. It checks the
// build's output is a clean build's, byte for byte.
func rerun(t *testing.T, fsys fstest.MapFS, edit func()) (templates, markdown []string) {
	t.Helper()
	cache := NewCache()
	buildWith(t, fsys, Options{}, cache)
	if res := buildWith(t, fsys, Options{}, cache); !res.OK() {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	oldT, oldM := maps.Clone(cache.templates), maps.Clone(cache.markdown)
	edit()
	cached := buildWith(t, fsys, Options{}, cache)
	for k, e := range cache.templates {
		if _, ok := oldT[k]; !ok {
			templates = append(templates, string(e.html))
		}
	}
	for k, e := range cache.markdown {
		if _, ok := oldM[k]; !ok {
			markdown = append(markdown, e.result.HTML)
		}
	}
	slices.Sort(templates)
	slices.Sort(markdown)
	clean := buildWith(t, fsys, Options{}, nil)
	if len(clean.Files) != len(cached.Files) {
		t.Errorf("the cached build wrote %d files, a clean one %d", len(cached.Files), len(clean.Files))
	}
	for name, want := range clean.Files {
		if !bytes.Equal(cached.Files[name], want) {
			t.Errorf("%s: cached build\n%s\nclean build\n%s", name, cached.Files[name], want)
		}
	}
	return templates, markdown
}

// In samizdat serve, an edited photo renders again only the pages that
// read it: the page whose bundle holds it, and the pages of a phase
// (pages, lists) whose templates read other pages' .Resources, as for
// other pages' content (memo.go). A page's shortcodes are rendered again
// only for its own bundle, or for any bundle once a shortcode has read
// another page's. Each time the output is a clean build's.
func TestCacheEditedPhotoRendersOnlyItsReaders(t *testing.T) {
	const n = 12
	photo := `{{ .Title }}:{{ with .Resources.GetMatch "photo.*" }}{{ .Width }}{{ end }}`
	editP03 := func(fsys fstest.MapFS, width int) func() {
		return func() { fsys["content/p03/photo.jpg"] = &fstest.MapFile{Data: photoJPEG(t, width, 8)} }
	}
	t.Run("own bundle", func(t *testing.T) {
		fsys := bundleSite(t, n, photo, `{{ .Title }}{{ range .Pages }}{{ .Title }}{{ end }}`, nil)
		ran, _ := rerun(t, fsys, editP03(fsys, 40))
		if want := []string{"P03:40"}; !slices.Equal(ran, want) {
			t.Errorf("ran %q, want only %q", ran, want)
		}
	})
	t.Run("lists read the pages' photos", func(t *testing.T) {
		list := `{{ .Title }}{{ range .Pages }}[{{ .Title }}{{ with .Resources.GetMatch "photo.*" }} {{ .Width }}{{ end }}]{{ end }}`
		fsys := bundleSite(t, n, photo, list, nil)
		ran, _ := rerun(t, fsys, editP03(fsys, 40))
		// The regular pages but P03 are not run again: they read no
		// other page's files. The lists (home, news) are.
		if len(ran) != 3 || !strings.Contains(ran[0], "[P03 40]") || !strings.HasPrefix(ran[1], "News") || ran[2] != "P03:40" {
			t.Errorf("ran %q, want P03 and the two lists", ran)
		}
	})
	t.Run("a page reads another's photo", func(t *testing.T) {
		single := photo + `{{ with site.GetPage "/p03" }}{{ with .Resources.GetMatch "photo.*" }}/{{ .Width }}{{ end }}{{ end }}`
		fsys := bundleSite(t, n, single, `{{ .Title }}`, nil)
		ran, _ := rerun(t, fsys, editP03(fsys, 40))
		if len(ran) != n+1 { // every regular page: the pages' phase reads other bundles
			t.Errorf("ran %d templates, want %d: %q", len(ran), n+1, ran)
		}
	})
	t.Run("shortcodes", func(t *testing.T) {
		fsys := bundleSite(t, n, `{{ .Title }}:{{ .Content }}`, `{{ .Title }}`, map[string]string{
			"own":   `{{ with .Page.Resources.GetMatch "photo.*" }}w{{ .Width }}{{ end }}`,
			"other": `{{ with site.GetPage "/p03" }}{{ with .Resources.GetMatch "photo.*" }}o{{ .Width }}{{ end }}{{ end }}`,
		})
		fsys["content/p05/index.md"].Data = []byte("---\ntitle: P05\n---\n{{< own >}}\n")
		fsys["content/p07/index.md"].Data = []byte("---\ntitle: P07\n---\n{{< own >}}\n")
		_, md := rerun(t, fsys, editP03(fsys, 40))
		if len(md) != 0 { // p03 has no shortcode, and p05's and p07's read their own bundles
			t.Errorf("rendered the markdown of %q, want none", md)
		}
		_, md = rerun(t, fsys, func() { fsys["content/p05/photo.jpg"] = &fstest.MapFile{Data: photoJPEG(t, 50, 8)} })
		if len(md) != 1 || !strings.Contains(md[0], "w50") {
			t.Errorf("rendered the markdown of %q, want p05's alone", md)
		}
		fsys["content/p09/index.md"].Data = []byte("---\ntitle: P09\n---\n{{< other >}}\n")
		_, md = rerun(t, fsys, editP03(fsys, 60))
		// A shortcode read another page's files: every page with
		// shortcodes renders its markdown again when any photo changes.
		if len(md) != 3 || !strings.Contains(strings.Join(md, " "), "o60") {
			t.Errorf("rendered the markdown of %q, want p05's, p07's and p09's", md)
		}
	})
}
