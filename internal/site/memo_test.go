package site

import (
	"bytes"
	"context"
	"testing"
	"testing/fstest"

	"github.com/samizdat-press/samizdat/internal/config"
)

// TestCacheFollowsReadsOfOtherPages: a page template that shows another
// page's summary, content, word count or table of contents must render
// again when that page's text changes, cache or not.
func TestCacheFollowsReadsOfOtherPages(t *testing.T) {
	for _, field := range []string{".Summary", ".Content", ".WordCount", ".TableOfContents"} {
		t.Run(field, func(t *testing.T) {
			fsys := fstest.MapFS{
				"layouts/_default/single.html": {Data: []byte(`<h1>{{ .Title }}</h1>{{ with .Next }}next: {{ ` + field + ` }}{{ end }}`)},
				"layouts/_default/list.html":   {Data: []byte(`{{ range .Pages }}{{ .Title }}{{ end }}`)},
				"content/a/one.md":             {Data: []byte("---\ntitle: One\nweight: 1\n---\nFirst.\n")},
				"content/a/two.md":             {Data: []byte("---\ntitle: Two\nweight: 2\n---\nSecond.\n\n## Part\n\n## Other\n")},
			}
			cache := NewCache()
			cfg, _ := config.Load(fsys)
			opts := Options{Now: buildNow}
			Build(context.Background(), fsys, cfg, opts, cache)
			fsys["content/a/two.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Two\nweight: 2\n---\nChanged words here.\n\n## Part\n\n## Changed\n\n## More\n")}
			cached := Build(context.Background(), fsys, cfg, opts, cache)
			clean := Build(context.Background(), fsys, cfg, opts, nil)
			for name, want := range clean.Files {
				if !bytes.Equal(cached.Files[name], want) {
					t.Errorf("%s: cached build\n%s\nclean build\n%s", name, cached.Files[name], want)
				}
			}
		})
	}
}
