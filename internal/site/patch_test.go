package site

import (
	"bytes"
	"context"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samizdat-press/samizdat/internal/config"
)

// patchSite builds the fixture as the dev server does (a cache, no
// fingerprints) and returns it with its cache and that build.
func patchSite(t *testing.T, opts Options) (fstest.MapFS, *Cache, Result) {
	t.Helper()
	fsys := siteFS(t, "testdata/fixture.txtar")
	cache := NewCache()
	res := buildWith(t, fsys, opts, cache)
	if !res.OK() {
		t.Fatalf("the fixture has problems:\n%s", problems(res.Problems))
	}
	return fsys, cache, res
}

func buildWith(t *testing.T, fsys fstest.MapFS, opts Options, cache *Cache) Result {
	t.Helper()
	cfg, probs := config.Load(fsys)
	if len(probs) > 0 {
		t.Fatalf("config: %v", probs)
	}
	opts.Now = buildNow
	return Build(context.Background(), fsys, cfg, opts, cache)
}

func edit(t *testing.T, fsys fstest.MapFS, name, old, new string) {
	t.Helper()
	text := string(fsys[name].Data)
	if !strings.Contains(text, old) {
		t.Fatalf("%s lacks %q", name, old)
	}
	fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(text, old, new, 1)), Mode: 0o644}
}

func TestPatchShowsABodyEditAsTheBuildWould(t *testing.T) {
	devServer := Options{NoFingerprint: true}
	fsys, cache, last := patchSite(t, devServer)
	edit(t, fsys, "content/complaint.md", "Some 40 outlets.", "Some 40 outlets.\n\n## Filed in court\n\nA new paragraph, and [the strike](stories/strike.md#demands).")
	patched, ok := Patch(context.Background(), cache, []string{"content/complaint.md"})
	if !ok {
		t.Fatal("Patch refused a plain edit of a page's text")
	}
	clean := buildWith(t, fsys, devServer, nil)
	const page = "the-complaint/index.html"
	if !bytes.Contains(patched.Files[page], []byte("A new paragraph")) {
		t.Fatalf("the patched page lacks the edit:\n%s", patched.Files[page])
	}
	if !bytes.Equal(patched.Files[page], clean.Files[page]) {
		t.Errorf("Patch gave\n%s\nthe build gives\n%s", patched.Files[page], clean.Files[page])
	}
	if len(patched.Files) != len(last.Files) {
		t.Errorf("Patch has %d files, the last build %d", len(patched.Files), len(last.Files))
	}
	for name, data := range patched.Files {
		if name != page && !bytes.Equal(data, last.Files[name]) {
			t.Errorf("Patch changed %s, which the edit is not on", name)
		}
	}
	if bytes.Equal(last.Files[page], patched.Files[page]) {
		t.Error("the last build's output was changed in place")
	}
	// The build that must follow reuses the markdown Patch rendered and
	// gives exactly what a build without a cache gives.
	if d := diffResults(buildWith(t, fsys, devServer, cache), clean); d != "" {
		t.Errorf("the build after Patch differs from a clean one:\n%s", d)
	}
	// And a second save is patched on top of that build.
	edit(t, fsys, "content/complaint.md", "A new paragraph", "An edited paragraph")
	if p, ok := Patch(context.Background(), cache, []string{"content/complaint.md"}); !ok || !bytes.Contains(p.Files[page], []byte("An edited paragraph")) {
		t.Error("a second save after the build was not patched")
	}
}

// A stylesheet saved while serving is swapped in without a build: the
// dev server then only tells pages to load it again.
func TestPatchShowsAStaticFile(t *testing.T) {
	devServer := Options{NoFingerprint: true}
	fsys, cache, last := patchSite(t, devServer)
	fsys["static/css/site.css"] = &fstest.MapFile{Data: append(bytes.Clone(fsys["static/css/site.css"].Data), "h1 { color: #123; }\n"...), Mode: 0o644}
	patched, ok := Patch(context.Background(), cache, []string{"static/css/site.css"})
	if !ok {
		t.Fatal("Patch refused a stylesheet edit")
	}
	clean := buildWith(t, fsys, devServer, nil)
	for name, data := range patched.Files {
		if name == "css/site.css" {
			if !bytes.Contains(data, []byte("#123")) || !bytes.Equal(data, clean.Files[name]) {
				t.Errorf("Patch gave\n%s\nthe build gives\n%s", data, clean.Files[name])
			}
		} else if !bytes.Equal(data, last.Files[name]) {
			t.Errorf("Patch changed %s", name)
		}
	}
}

// A list's own text is on each page of the list: a section that
// paginates (the fixture's stories, 2 to a page) is patched on all of
// them, and the home page too.
func TestPatchShowsAListsText(t *testing.T) {
	devServer := Options{NoFingerprint: true}
	fsys, cache, last := patchSite(t, devServer)
	if _, ok := last.Files["stories/page/2/index.html"]; !ok {
		t.Fatal("the fixture's stories do not paginate")
	}
	for _, f := range []string{"content/stories/_index.md", "content/_index.md"} {
		fsys[f] = &fstest.MapFile{Data: append(bytes.Clone(fsys[f].Data), "\nA list's new text.\n"...), Mode: 0o644}
	}
	patched, ok := Patch(context.Background(), cache, []string{"content/_index.md", "content/stories/_index.md"})
	if !ok {
		t.Fatal("Patch refused an edit of a list's text")
	}
	clean := buildWith(t, fsys, devServer, nil)
	var changed []string
	for name, data := range patched.Files {
		if bytes.Equal(data, last.Files[name]) {
			continue
		}
		changed = append(changed, name)
		if !bytes.Equal(data, clean.Files[name]) {
			t.Errorf("%s: Patch gave\n%s\nthe build gives\n%s", name, data, clean.Files[name])
		}
	}
	slices.Sort(changed)
	if want := []string{"index.html", "stories/index.html", "stories/page/2/index.html"}; !slices.Equal(changed, want) {
		t.Errorf("Patch changed %v; want %v", changed, want)
	}
}

func TestPatchRefusesWhatOnlyABuildCanShow(t *testing.T) {
	cases := []struct {
		name  string
		opts  Options
		paths []string
		edit  func(t *testing.T, fsys fstest.MapFS)
	}{
		{"front matter", Options{NoFingerprint: true}, []string{"content/complaint.md"},
			func(t *testing.T, fsys fstest.MapFS) {
				edit(t, fsys, "content/complaint.md", "title: The complaint", "title: A complaint")
			}},
		{"a new static file", Options{NoFingerprint: true}, []string{"static/css/new.css"},
			func(t *testing.T, fsys fstest.MapFS) {
				fsys["static/css/new.css"] = &fstest.MapFile{Data: []byte("p{color:red}")}
			}},
		// Links are never followed (they could publish files from outside
		// the site), even to a file that would do.
		{"a static file become a link", Options{NoFingerprint: true}, []string{"static/css/site.css"},
			func(t *testing.T, fsys fstest.MapFS) {
				fsys["static/css/other.css"] = &fstest.MapFile{Data: []byte("p{color:red}")}
				fsys["static/css/site.css"] = &fstest.MapFile{Data: []byte("other.css"), Mode: fs.ModeSymlink}
			}},
		{"a page become a link", Options{NoFingerprint: true}, []string{"content/complaint.md"},
			func(t *testing.T, fsys fstest.MapFS) {
				fsys["content/other.md"] = &fstest.MapFile{Data: bytes.Replace(fsys["content/complaint.md"].Data, []byte("Some 40"), []byte("Other"), 1)}
				fsys["content/complaint.md"] = &fstest.MapFile{Data: []byte("other.md"), Mode: fs.ModeSymlink}
			}},
		{"a deleted static file", Options{NoFingerprint: true}, []string{"static/css/site.css"},
			func(t *testing.T, fsys fstest.MapFS) { delete(fsys, "static/css/site.css") }},
		{"a stylesheet with a fingerprint", Options{}, []string{"static/css/site.css"},
			func(t *testing.T, fsys fstest.MapFS) {
				fsys["static/css/site.css"].Data = append(fsys["static/css/site.css"].Data, "p{color:red}"...)
			}},
		{"a layout", Options{NoFingerprint: true}, []string{"layouts/_default/single.html"},
			func(t *testing.T, fsys fstest.MapFS) {
				edit(t, fsys, "layouts/_default/single.html", "<article>", "<article class=x>")
			}},
		{"a new page", Options{NoFingerprint: true}, []string{"content/new.md"},
			func(t *testing.T, fsys fstest.MapFS) {
				fsys["content/new.md"] = &fstest.MapFile{Data: []byte("---\ntitle: New\n---\nText.\n")}
			}},
		{"a deleted page", Options{NoFingerprint: true}, []string{"content/complaint.md"},
			func(t *testing.T, fsys fstest.MapFS) { delete(fsys, "content/complaint.md") }},
		{"a link to no page", Options{NoFingerprint: true}, []string{"content/complaint.md"},
			func(t *testing.T, fsys fstest.MapFS) {
				edit(t, fsys, "content/complaint.md", "Some 40", "[gone](nowhere.md) 40")
			}},
		{"a link to no anchor", Options{NoFingerprint: true}, []string{"content/complaint.md"},
			func(t *testing.T, fsys fstest.MapFS) {
				edit(t, fsys, "content/complaint.md", "Some 40", "[strike](stories/strike.md#nowhere) 40")
			}},
		{"an anchor others link to, removed", Options{NoFingerprint: true}, []string{"content/stories/strike.md"},
			func(t *testing.T, fsys fstest.MapFS) {
				edit(t, fsys, "content/stories/strike.md", "## Demands {#demands}", "## Claims")
			}},
		{"an unknown shortcode", Options{NoFingerprint: true}, []string{"content/complaint.md"},
			func(t *testing.T, fsys fstest.MapFS) {
				edit(t, fsys, "content/complaint.md", "Some 40", "{{< nosuch >}} 40")
			}},
		{"one good edit with a bad one", Options{NoFingerprint: true}, []string{"content/complaint.md", "content/stories/clashes.md"},
			func(t *testing.T, fsys fstest.MapFS) {
				edit(t, fsys, "content/complaint.md", "Some 40", "Some forty")
				edit(t, fsys, "content/stories/clashes.md", "title = \"The clashes\"", "title = \"Clashes\"")
			}},
		// Fingerprints and portable links make pages depend on each other.
		{"a fingerprinted build", Options{}, []string{"content/complaint.md"},
			func(t *testing.T, fsys fstest.MapFS) { edit(t, fsys, "content/complaint.md", "Some 40", "Some forty") }},
		{"a portable build", Options{NoFingerprint: true, Portable: true}, []string{"content/complaint.md"},
			func(t *testing.T, fsys fstest.MapFS) { edit(t, fsys, "content/complaint.md", "Some 40", "Some forty") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys, cache, _ := patchSite(t, c.opts)
			c.edit(t, fsys)
			if _, ok := Patch(context.Background(), cache, c.paths); ok {
				t.Fatal("Patch showed an edit only a full build can show")
			}
			// Having given up, Patch has nothing to patch until the next build.
			edit(t, fsys, "content/stories/strike.md", "Oil workers", "The oil workers")
			if _, ok := Patch(context.Background(), cache, []string{"content/stories/strike.md"}); ok {
				t.Error("Patch patched a page graph it had given up on")
			}
		})
	}
}

func TestPatchNeedsAGoodBuild(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	cache := NewCache()
	if _, ok := Patch(context.Background(), cache, []string{"content/complaint.md"}); ok {
		t.Error("Patch without a build")
	}
	if _, ok := Patch(context.Background(), nil, []string{"content/complaint.md"}); ok {
		t.Error("Patch without a cache")
	}
	edit(t, fsys, "content/stories/clashes.md", "strike.md#demands", "strike.md#nowhere")
	if res := buildWith(t, fsys, Options{NoFingerprint: true}, cache); res.OK() {
		t.Fatal("the broken link was not a problem")
	}
	edit(t, fsys, "content/complaint.md", "Some 40", "Some forty")
	if _, ok := Patch(context.Background(), cache, []string{"content/complaint.md"}); ok {
		t.Error("Patch on top of a build with problems: the campaigner would see a page while the overlay says the site is broken")
	}
}
