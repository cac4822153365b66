package site

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samizdat-press/samizdat/internal/config"
)

// scratchSite is a section of three pages: a's shortcodes mark it as
// needing a map (Hugo themes' common use of .Scratch), c's collect tags
// into its pad, b has none. Every template writes its own page's pad
// and reads the pads of others.
func scratchSite() fstest.MapFS {
	return fstest.MapFS{
		"content/_index.md":      {Data: []byte("---\ntitle: Home\n---\n")},
		"content/news/_index.md": {Data: []byte("---\ntitle: News\n---\n")},
		"content/news/a.md":      {Data: []byte("---\ntitle: A\nweight: 1\n---\nMap below.\n\n{{< map >}}\n\n{{< map >}}\n")},
		"content/news/b.md":      {Data: []byte("---\ntitle: B\nweight: 2\n---\nNo map.\n")},
		"content/news/c.md":      {Data: []byte("---\ntitle: C\nweight: 3\n---\n{{< tag \"oil\" >}} {{< tag \"strike\" >}}\n")},
		"layouts/shortcodes/map.html": {Data: []byte(`{{ .Page.Scratch.Set "hasMap" true }}{{ .Page.Store.Add "maps" 1 }}` +
			`{{ .Scratch.Add "calls" 1 }}<div class="map" data-call="{{ .Scratch.Get "calls" }}"></div>`)},
		"layouts/shortcodes/tag.html": {Data: []byte(`{{ .Page.Scratch.Add "tags" (slice (.Get 0)) }}#{{ .Get 0 }}`)},
		"layouts/_default/single.html": {Data: []byte(`<h1>{{ .Title }}</h1>{{ .Content }}{{ .Scratch.Add "views" 1 }}{{ partial "mark.html" . }}` +
			`{{ if .Scratch.Get "hasMap" }}<script src="/map.js"></script>{{ end }}` +
			`{{ with .Store.Get "maps" }} maps={{ . }}{{ end }} views={{ .Scratch.Get "views" }}{{ with .Scratch.Get "tags" }} tags={{ . }}{{ end }}` +
			`{{ with .Next }} next={{ .Title }}:{{ .Scratch.Get "hasMap" }}:{{ .Scratch.Get "views" }}{{ end }}`)},
		"layouts/partials/mark.html": {Data: []byte(`{{ .Scratch.Add "views" 1 }}`)},
		"layouts/_default/list.html": {Data: []byte(`{{ .Scratch.Add "runs" 1 }}runs={{ .Scratch.Get "runs" }} ` +
			`{{ range (.Paginate .Pages 2).Pages }}[{{ .Title }} map={{ .Scratch.Get "hasMap" }} views={{ .Scratch.Get "views" }}{{ with .Scratch.Get "tags" }} tags={{ . }}{{ end }}]{{ end }}`)},
	}
}

// A page's shortcodes write its pad and its template reads it; the
// template (and a partial given its dot) writes the pad too; each
// shortcode call has a pad of its own. Another page's pad shows what its
// shortcodes set, never what its template wrote, and each page of a
// paged list starts from what the page's shortcodes set.
func TestScratchFromShortcodeToTemplate(t *testing.T) {
	out := builtText(t, scratchSite())
	wantIn(t, out,
		"news/a/index.html", `<div class="map" data-call="1"></div>`,
		"news/a/index.html", `map.js"></script> maps=2 views=2`,
		"news/c/index.html", "views=2 tags=[oil strike]",
		"news/index.html", "runs=1 [A map=true views=][B map= views=]",
		"news/page/2/index.html", "runs=1 [C map= views= tags=[oil strike]]",
	)
	if strings.Contains(out["news/a/index.html"], `data-call="2"`) {
		t.Errorf("a shortcode call saw the pad of the call before it:\n%s", out["news/a/index.html"])
	}
	if strings.Contains(out["news/b/index.html"], "map.js") || strings.Contains(out["news/b/index.html"], "maps=") {
		t.Errorf("b has no map shortcode, yet its pad says it has:\n%s", out["news/b/index.html"])
	}
	// .Next is the page listed before: a's template sees nothing of b's
	// template's writes, whichever ran first.
	wantIn(t, out, "news/b/index.html", " next=A:true:", "news/c/index.html", " next=B::")
}

// Writing another page's pad from a template, or using it from a
// shortcode, is a problem that says why and what to write instead.
func TestScratchOfAnotherPageIsAProblem(t *testing.T) {
	fsys := scratchSite()
	fsys["layouts/_default/list.html"] = &fstest.MapFile{Data: []byte("{{ range .Pages }}\n{{ .Scratch.Set \"seen\" true }}{{ end }}")}
	fsys["content/news/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B\nweight: 2\n---\nSee:\n\n{{< peek >}}\n")}
	fsys["layouts/shortcodes/peek.html"] = &fstest.MapFile{Data: []byte(`{{ with .Site.GetPage "/news/a/" }}{{ .Scratch.Get "hasMap" }}{{ end }}`)}
	res := build(t, fsys, Options{})
	var template, shortcode bool
	for _, p := range res.Problems {
		switch {
		case p.File == "layouts/_default/list.html" && p.Line == 2 &&
			strings.Contains(p.Message, "the .Scratch (or .Store) of content/news/a.md can be written only by its own template and shortcodes") &&
			strings.Contains(p.Hint, "{{ $s := newScratch }}"):
			template = true
		case p.File == "content/news/b.md" && p.Line == 7 &&
			strings.Contains(p.Message, "a shortcode cannot use the .Scratch (or .Store) of content/news/a.md") &&
			strings.Contains(p.Hint, "{{ .Page.Scratch }}"):
			shortcode = true
		}
	}
	if !template || !shortcode {
		t.Errorf("problems:\n%s\nwant one at the template's write (%v) and one at the shortcode's call (%v)", problems(res.Problems), template, shortcode)
	}
}

// Add of a number to a text in a page's pad is a problem at the line.
func TestScratchAddMixIsAProblem(t *testing.T) {
	fsys := scratchSite()
	fsys["layouts/_default/single.html"] = &fstest.MapFile{Data: []byte("{{ .Scratch.Set \"n\" \"one\" }}\n{{ .Scratch.Add \"n\" 1 }}")}
	res := build(t, fsys, Options{})
	if len(res.Problems) == 0 || res.Problems[0].Position() != "layouts/_default/single.html:2:11" ||
		!strings.Contains(res.Problems[0].Message, `cannot add the number 1 to the text "one", which "n" holds`) {
		t.Errorf("problems:\n%s\nwant Add's at layouts/_default/single.html:2", problems(res.Problems))
	}
}

// Pads are written and read on all cores while pages render, yet what
// each page shows is the same in every build, however many cores run
// (run with -race, this also checks no pad is read while written).
func TestScratchDeterministic(t *testing.T) {
	fsys := scratchSite()
	for i := range 40 {
		marks := strings.Repeat("{{< map >}}\n\n", i%4)
		fsys[fmt.Sprintf("content/news/p%02d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\ntitle: P%02d\nweight: %d\n---\n%s{{< tag \"t%d\" >}}\n", i, 10+i, marks, i%3))}
	}
	// Every page's template writes its own pad and then the pads it
	// reads through .Prev, .Next and the section's list.
	fsys["layouts/_default/single.html"] = &fstest.MapFile{Data: []byte(`{{ .Scratch.Add "views" 1 }}{{ .Scratch.Add "tags" (slice "own") }}` +
		`{{ range .Parent.Pages }}{{ .Title }}={{ .Scratch.Get "maps" }}/{{ .Scratch.Get "views" }}/{{ .Scratch.Get "tags" }};{{ end }}` +
		`{{ with .Prev }}{{ .Store.Get "maps" }}{{ .Store.Values }}{{ end }}{{ .Scratch.Values }}`)}
	first := build(t, fsys, Options{})
	if len(first.Problems) > 0 {
		t.Fatal(problems(first.Problems))
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 8, 1, 8} {
		runtime.GOMAXPROCS(procs)
		again := build(t, fsys, Options{})
		for name, data := range first.Files {
			if !bytes.Equal(data, again.Files[name]) {
				t.Errorf("GOMAXPROCS %d: %s differs from the first build:\n%s\nthen\n%s", procs, name, data, again.Files[name])
			}
		}
	}
}

// The dev server's cache keeps a page's pad with its markdown: a page
// whose markdown comes from the cache still has what its shortcodes set.
// A pad that holds a page is not kept, as the next build's pages are new:
// kept, the template would show the old page's text.
func TestScratchWithCache(t *testing.T) {
	fsys := scratchSite()
	fsys["content/news/d.md"] = &fstest.MapFile{Data: []byte("---\ntitle: D\nweight: 4\n---\n{{< keep >}}\n")}
	fsys["layouts/shortcodes/keep.html"] = &fstest.MapFile{Data: []byte(`{{ .Page.Scratch.Set "page" (.Site.GetPage "/news/b/") }}`)}
	fsys["layouts/_default/single.html"] = &fstest.MapFile{Data: []byte(`{{ .Title }} {{ .Scratch.Get "hasMap" }} {{ with .Scratch.Get "page" }}{{ .Content }}{{ end }}`)}
	cfg, _ := config.Load(fsys)
	opts := Options{Now: buildNow}
	cache := NewCache()
	Build(context.Background(), fsys, cfg, opts, cache)
	fsys["content/news/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B\nweight: 2\n---\nChanged text.\n")}
	cached := Build(context.Background(), fsys, cfg, opts, cache)
	clean := Build(context.Background(), fsys, cfg, opts, nil)
	if len(clean.Problems) > 0 {
		t.Fatal(problems(clean.Problems))
	}
	for name, want := range clean.Files {
		if !bytes.Equal(cached.Files[name], want) {
			t.Errorf("%s: cached build\n%s\nclean build\n%s", name, cached.Files[name], want)
		}
	}
	if got := string(clean.Files["news/d/index.html"]); !strings.Contains(got, "Changed text.") {
		t.Errorf("d shows %q; want b's new text", got)
	}
}

// A template that writes its page's pad before it shows the content (a
// Hugo theme's {{ .Scratch.Set "this" dict }} in baseof) gets the
// shortcodes' writes after its own, as in Hugo, where they run at that
// first read of the content: .Content, or .WordCount before it.
func TestScratchShortcodesWriteAfterTheTemplatesStart(t *testing.T) {
	fs := fstest.MapFS{
		"content/a.md":                 {Data: []byte("---\ntitle: A\n---\n{{< cast \"x\" >}} {{< cast \"y\" >}}\n")},
		"content/b.md":                 {Data: []byte("---\ntitle: B\nlayout: count\n---\n{{< cast \"x\" >}}\n")},
		"layouts/shortcodes/cast.html": {Data: []byte(`{{ .Page.Scratch.SetInMap "this" (.Get 0) true }}{{ .Page.Scratch.Add "casts" 1 }}`)},
		"layouts/_default/single.html": {Data: []byte(`before={{ .Scratch.Get "casts" }} {{ .Scratch.Set "this" (dict "own" 1) }}{{ .Scratch.Set "casts" 10 }}` +
			`{{ .Content }}this={{ .Scratch.Get "this" }} casts={{ .Scratch.Get "casts" }}`)},
		"layouts/_default/count.html": {Data: []byte(`{{ .Scratch.Set "casts" 10 }}words={{ .WordCount }} casts={{ .Scratch.Get "casts" }}` +
			`{{ .Scratch.Set "casts" 0 }}{{ .Content }} then={{ .Scratch.Get "casts" }}`)},
		"layouts/_default/list.html": {Data: []byte(`{{ range .Pages }}{{ .Title }}={{ .Scratch.Get "casts" }} {{ end }}`)},
	}
	wantIn(t, builtText(t, fs),
		"a/index.html", "before=2",
		"a/index.html", "this=map[own:1 x:true y:true] casts=12",
		"b/index.html", "casts=11",
		"b/index.html", "then=0",
		"index.html", "A=2 B=1",
	)
}

// A page whose shortcodes are taken out while serving loses what they
// set in its pad: Patch renders its markdown again on the same page, and
// its template then reads an empty pad, as a clean build's does.
func TestScratchPatchedWithoutShortcodes(t *testing.T) {
	devServer := Options{NoFingerprint: true}
	fsys := scratchSite()
	cache := NewCache()
	if res := buildWith(t, fsys, devServer, cache); !strings.Contains(string(res.Files["news/a/index.html"]), "map.js") {
		t.Fatalf("a's shortcodes set no mark before the edit:\n%s", res.Files["news/a/index.html"])
	}
	edit(t, fsys, "content/news/a.md", "{{< map >}}\n\n{{< map >}}\n", "No map now.\n")
	patched, ok := Patch(context.Background(), cache, []string{"content/news/a.md"})
	if !ok {
		t.Fatal("Patch refused an edit of a page's text")
	}
	clean := buildWith(t, fsys, devServer, nil)
	const page = "news/a/index.html"
	if !bytes.Equal(patched.Files[page], clean.Files[page]) || strings.Contains(string(patched.Files[page]), "map.js") {
		t.Errorf("Patch gave\n%s\nthe build gives\n%s", patched.Files[page], clean.Files[page])
	}
}
