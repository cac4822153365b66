package site

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samizdat-press/samizdat/internal/config"
)

// Files the build makes after content.Load has checked every page's
// address (feeds, the sitemap, robots.txt, taxonomy and term pages) must
// not be silently replaced by an alias, a page's url or a static file.
func TestTwoSourcesOfOneOutputFile(t *testing.T) {
	page := func(front string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: Clash\n" + front + "---\nText.\n"), Mode: 0o644}
	}
	for _, tc := range []struct {
		name  string
		files map[string]*fstest.MapFile
		want  []string // problems, each as file:line: and a part of the message
	}{{
		name:  "alias over the feed, the sitemap and robots.txt",
		files: map[string]*fstest.MapFile{"content/clash.md": page("aliases: [/index.xml, /sitemap.xml, /robots.txt]\n")},
		want: []string{
			"content/clash.md:3: /index.xml is claimed by more than one source: content/clash.md (aliases), the site's Atom feed",
			"content/clash.md:3: /robots.txt is claimed by more than one source: content/clash.md (aliases), robots.txt, which the build writes",
			"content/clash.md:3: /sitemap.xml is claimed by more than one source: content/clash.md (aliases), the sitemap",
		},
	}, {
		name:  "a page's url over the taxonomy page",
		files: map[string]*fstest.MapFile{"content/clash.md": page("url: /tags/\n")},
		want:  []string{"content/clash.md:3: /tags/ is claimed by more than one source: content/clash.md (page), the Tags index page"},
	}, {
		name:  "a page's url over a term page",
		files: map[string]*fstest.MapFile{"content/clash.md": page("url: /tags/zhanaozen/\n")},
		want:  []string{"content/clash.md:3: /tags/zhanaozen/ is claimed by more than one source: content/clash.md (page), the page of the term zhanaozen"},
	}, {
		name:  "an alias over a static file",
		files: map[string]*fstest.MapFile{"content/clash.md": page("aliases: [/css/site.css]\n")},
		want: []string{
			"content/clash.md:3: /css/site.css is claimed by more than one source: content/clash.md (aliases), static/css/site.css",
			"static/css/site.css: /css/site.css is claimed by more than one source",
		},
	}, {
		name:  "a static file over the feed",
		files: map[string]*fstest.MapFile{"static/index.xml": {Data: []byte("<feed/>"), Mode: 0o644}},
		want:  []string{"static/index.xml: /index.xml is claimed by more than one source: static/index.xml, the site's Atom feed"},
	}, {
		name:  "an alias over a list's second page",
		files: map[string]*fstest.MapFile{"content/clash.md": page("aliases: [/stories/page/2/]\n")},
		want:  []string{"content/clash.md:3: /stories/page/2/ is claimed by more than one source: content/clash.md (aliases), page 2 of the list of content/stories/_index.md (page)"},
	}, {
		name:  "a page at a list's second page",
		files: map[string]*fstest.MapFile{"content/stories/page/2.md": page("")},
		want:  []string{"content/stories/page/2.md: /stories/page/2/ is claimed by more than one source: content/stories/page/2.md (page), page 2 of the list of content/stories/_index.md (page)"},
	}, {
		// Unpacked on Windows or macOS, one file would overwrite the other.
		name: "static files that differ in case",
		files: map[string]*fstest.MapFile{
			"static/Report.pdf": {Data: []byte("first"), Mode: 0o644},
			"static/report.pdf": {Data: []byte("second"), Mode: 0o644},
		},
		want: []string{
			"static/Report.pdf: /Report.pdf and /report.pdf differ only in the case of letters or in how an accented letter is written, from static/Report.pdf, static/report.pdf: Windows, macOS and the offline copy unpacked there keep only one of them",
			"static/report.pdf: /Report.pdf and /report.pdf differ only",
		},
	}, {
		name: "static files whose accented letter is written two ways",
		files: map[string]*fstest.MapFile{
			"static/caf\u00e9.txt":  {Data: []byte("1"), Mode: 0o644},
			"static/cafe\u0301.txt": {Data: []byte("22"), Mode: 0o644},
		},
		want: []string{"static/caf\u00e9.txt: /cafe\u0301.txt and /caf\u00e9.txt differ only", "static/cafe\u0301.txt: /cafe\u0301.txt and /caf\u00e9.txt differ only"},
	}, {
		name:  "a static page over a page in another case",
		files: map[string]*fstest.MapFile{"static/The-Complaint/index.html": {Data: []byte("<p>old</p>"), Mode: 0o644}},
		want: []string{
			"content/complaint.md:4: /The-Complaint/ and /the-complaint/ differ only",
			"static/The-Complaint/index.html: /The-Complaint/ and /the-complaint/ differ only",
		},
	}, {
		// content.Load reports clashes between pages itself: once each.
		name: "two pages, one slug",
		files: map[string]*fstest.MapFile{
			"content/clash.md":  page("slug: the-complaint\n"),
			"content/clash2.md": page("url: /clash2/\naliases: [/the-complaint/]\n"),
		},
		want: []string{
			"content/clash.md:3: /the-complaint/ is claimed by more than one source",
			"content/complaint.md:4: /the-complaint/ is claimed by more than one source",
			"content/clash2.md:4: /the-complaint/ is claimed by more than one source",
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := siteFS(t, "testdata/fixture.txtar")
			for name, f := range tc.files {
				fsys[name] = f
			}
			res := build(t, fsys, Options{})
			got := problems(res.Problems)
			if n := len(res.Problems); n != len(tc.want) {
				t.Errorf("got %d problems; want %d:\n%s", n, len(tc.want), got)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("problems lack %q; got:\n%s", w, got)
				}
			}
		})
	}
}

// A term that cannot have an address of its own, or would share one with
// a different term, is a problem at its page's line: never dropped,
// published under a path hosts refuse, or merged in silence.
func TestTermsThatCannotHaveTheirOwnAddress(t *testing.T) {
	page := func(tags string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: Tagged\ntags: " + tags + "\n---\nText.\n"), Mode: 0o644}
	}
	fsys := siteFS(t, "testdata/fixture.txtar")
	fsys["content/a.md"] = page(`["..", "+", "con", "trial.", ".NET", "C++"]`)
	fsys["content/b.md"] = page(`["C#", "Press freedom"]`)
	fsys["content/c.md"] = page(`["press-freedom", "PRESS_FREEDOM"]`)
	res := build(t, fsys, Options{})
	got := problems(res.Problems)
	for _, w := range []string{
		`content/a.md:3: the tag ".." has no letter or digit, so it has no web address`,
		`content/a.md:3: the tag "+" has no letter or digit, so it has no web address`,
		`content/a.md:3: the tag "con" gives the web address /tags/con/, which has a part, "con", that is a reserved device name on Windows`,
		`the tag "C#" and the tag "C++" of content/a.md would share the address /tags/c/`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("problems lack %q; got:\n%s", w, got)
		}
	}
	if n := len(res.Problems); n != 4 {
		t.Errorf("got %d problems; want 4 (the same term in another case or with hyphens is no problem, nor dots at a term's ends):\n%s", n, got)
	}
	for file, want := range map[string]string{"tags/trial/index.html": "trial.", "tags/net/index.html": ".NET"} {
		if _, ok := res.Files[file]; !ok {
			t.Errorf("%s (the tag %q) was not made", file, want)
		}
	}
}

// Static and bundle files follow the rule pages and terms do: a name that
// Windows or a zip cannot hold is a problem at the file.
func TestFilesThatCannotBeStoredEverywhere(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	file := &fstest.MapFile{Data: []byte("x"), Mode: 0o644}
	for _, name := range []string{"static/img/nul.png", "static/img/b|c.png", "static/dir./f.txt", "content/people/kozlov/CON.png", "content/people/kozlov/a:b.png", "static/img/fine-name.v2.txt"} {
		fsys[name] = file
	}
	res := build(t, fsys, Options{})
	got := problems(res.Problems)
	for _, w := range []string{
		`static/img/nul.png: the file's web address /img/nul.png has a part, "nul.png", that is a reserved device name on Windows`,
		`static/img/b|c.png: the file's web address /img/b|c.png has "|", which a file name cannot have on every system`,
		`static/dir./f.txt: the file's web address /dir./f.txt has a part, "dir.", that ends in a dot or space`,
		`content/people/kozlov/CON.png: the file's web address /people/kozlov/CON.png has a part, "CON.png", that is a reserved device name on Windows`,
		`content/people/kozlov/a:b.png: the file's web address /people/kozlov/a:b.png has ":"`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("problems lack %q; got:\n%s", w, got)
		}
	}
	if n := len(res.Problems); n != 5 {
		t.Errorf("got %d problems; want 5:\n%s", n, got)
	}
}

// A problem publish finds in a copied file names the file to fix, not its
// place in the output.
func TestFinishProblemsNameTheSourceFile(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	fsys["static/img/broken.png"] = &fstest.MapFile{Data: []byte("not a png"), Mode: 0o644}
	fsys["content/people/kozlov/broken.jpg"] = &fstest.MapFile{Data: []byte("not a jpeg"), Mode: 0o644}
	for _, cache := range []*Cache{nil, NewCache()} {
		cfg, _ := config.Load(fsys)
		res := Build(context.Background(), fsys, cfg, Options{Now: buildNow, NoFingerprint: cache != nil}, cache)
		got := problems(res.Problems)
		for _, w := range []string{"static/img/broken.png: cannot remove the image's metadata", "content/people/kozlov/broken.jpg: cannot remove the image's metadata"} {
			if !strings.Contains(got, w) {
				t.Errorf("cache %v: problems lack %q; got:\n%s", cache != nil, w, got)
			}
		}
	}
}

// A heavy picture beside a page or in static/ is published with a
// warning naming it: readers on slow networks pay for every byte. Over a
// megabyte, but for a JPEG or PNG the build makes smaller copies of (one
// wider than a copy): docs/content.md asks for those large, and only
// wide screens load them whole, so they are warned of over 3 MB.
func TestLargePicturesAreWarnedAbout(t *testing.T) {
	fsys := siteFS(t, "testdata/fixture.txtar")
	// JPEGs of a given width (the build reads the header) and weight.
	jpegOf := func(width, size int) *fstest.MapFile {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, width, 8)), nil); err != nil {
			t.Fatal(err)
		}
		return &fstest.MapFile{Data: append(buf.Bytes(), make([]byte, size-buf.Len())...), Mode: 0o644}
	}
	fsys["content/people/kozlov/camera.jpg"] = jpegOf(4000, 4<<20)
	fsys["content/people/kozlov/large.jpg"] = jpegOf(3000, 2<<20)
	fsys["content/people/kozlov/narrow.jpg"] = jpegOf(470, 2<<20) // narrower than any copy: phones load it whole
	fsys["static/img/fine.png"] = &fstest.MapFile{Data: make([]byte, 200<<10), Mode: 0o644}
	fsys["static/img/anim.gif"] = &fstest.MapFile{Data: make([]byte, 2<<20), Mode: 0o644}
	fsys["static/video.mp4"] = &fstest.MapFile{Data: make([]byte, 2<<20), Mode: 0o644}
	res := build(t, fsys, Options{})
	var got []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "the picture is") {
			got = append(got, w.String())
		}
	}
	want := []string{
		"content/people/kozlov/camera.jpg: the picture is 4.2 MB: readers on slow or metered connections wait for, or pay for, every byte\n" +
			"    export it smaller before publishing: 3000 pixels wide at most, JPEG quality about 80; phones get the smaller copies the build makes, but wide screens load the photo itself",
		"content/people/kozlov/narrow.jpg: the picture is 2.1 MB: readers on slow or metered connections wait for, or pay for, every byte\n" +
			"    export it smaller before publishing: 1600 pixels wide at most, JPEG quality about 80, gives 200–400 KB",
		"static/img/anim.gif: the picture is 2.1 MB: readers on slow or metered connections wait for, or pay for, every byte\n" +
			"    export it smaller before publishing: 1600 pixels wide at most, JPEG quality about 80, gives 200–400 KB",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
