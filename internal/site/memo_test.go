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
				"layouts/_default/single.html": {Data: []byte(`<h1>{{ .Title }}</h1>{{ with .Prev }}prev: {{ ` + field + ` }}{{ end }}`)},
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

// A build that stops early at a problem (a data file that does not parse
// stops it before any page) keeps what the cache holds: the build after
// the fix would otherwise render every page and resize every photo again,
// seconds on a site with large photos.
func TestCacheOutlivesABrokenBuild(t *testing.T) {
	fsys, cache, build := fixtureWithCache(t)
	if res := build(); !res.OK() {
		t.Fatal(res.Problems)
	}
	rendered := len(cache.markdown)
	if rendered == 0 {
		t.Fatal("the cache holds no rendered markdown")
	}
	good := fsys["data/events.yaml"].Data
	fsys["data/events.yaml"] = &fstest.MapFile{Data: []byte("- date: [2011\n"), Mode: 0o644}
	if res := build(); res.OK() {
		t.Fatal("a data file that does not parse built")
	}
	if n := len(cache.markdown); n != rendered {
		t.Errorf("after the broken build the cache holds %d rendered pages; want all %d", n, rendered)
	}
	fsys["data/events.yaml"] = &fstest.MapFile{Data: good, Mode: 0o644}
	if res := build(); !res.OK() {
		t.Fatal(res.Problems)
	}
}

// A build that ran to its end with a problem (a broken link waiting to be
// fixed) still drops what it did not use: in the dev server, every save
// of a photo meanwhile would otherwise keep its old copies (QA: 377 MB
// to 894 MB over 60 saves).
func TestCachePrunedByAFinishedBrokenBuild(t *testing.T) {
	fsys, cache, build := fixtureWithCache(t)
	if res := build(); !res.OK() {
		t.Fatal(res.Problems)
	}
	rendered := len(cache.markdown)
	delete(fsys, "content/stories/clashes.md")
	fsys["content/complaint.md"] = &fstest.MapFile{Data: append(bytes.Clone(fsys["content/complaint.md"].Data), []byte("\n[gone](stories/nowhere.md)\n")...), Mode: 0o644}
	if res := build(); res.OK() {
		t.Fatal("a broken link built")
	}
	if n := len(cache.markdown); n >= rendered {
		t.Errorf("after a finished build with a problem the cache holds %d rendered pages, as many as the %d before a page was deleted", n, rendered)
	}
}

// fixtureWithCache is the fixture site, a cache, and a build of the site
// as it is when called, with that cache.
func fixtureWithCache(t *testing.T) (fstest.MapFS, *Cache, func() Result) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	cache := NewCache()
	return fsys, cache, func() Result {
		cfg, _ := config.Load(fsys)
		return Build(context.Background(), fsys, cfg, Options{Now: buildNow}, cache)
	}
}
