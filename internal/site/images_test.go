package site

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// photoJPEG is a w×h JPEG with an Exif block naming the camera and a
// place, as phones write them.
func photoJPEG(t testing.TB, w, h int) []byte {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.Set(x, y, color.RGBA{uint8(x), uint8(y * 2), uint8(x ^ y), 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	exif := []byte("Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\x00\x00SecretCam GPS 43.2123N")
	seg := binary.BigEndian.AppendUint16([]byte{0xFF, 0xE1}, uint16(len(exif)+2))
	b := buf.Bytes()
	return slices.Concat(b[:2], seg, exif, b[2:])
}

func pngOf(t testing.TB, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func imagesSite(t testing.TB) fstest.MapFS {
	return fstest.MapFS{
		"site.toml":                    {Data: []byte("baseURL = \"https://example.org/\"\ntitle = \"T\"\n[images]\nwidths = [50, 100, 400]\nsizes = \"90vw\"\n")},
		"layouts/_default/single.html": {Data: []byte(`<header><img src="/img/logo.png" alt="logo"></header><main>{{ .Content }}</main>`)},
		"layouts/_default/list.html":   {Data: []byte(`<main>{{ .Content }}</main>`)},
		"content/_index.md":            {Data: []byte("---\ntitle: Home\n---\n")},
		"content/rally/index.md":       {Data: []byte("---\ntitle: Rally\n---\n![Crowd](crowd.jpg)\n\n{{< figure src=\"crowd.jpg\" alt=\"Again\" >}}\n")},
		"content/rally/crowd.jpg":      {Data: photoJPEG(t, 200, 120)},
		"content/rally/crowd-50w.jpg":  {Data: photoJPEG(t, 10, 10)}, // the site's own, not a copy
		"static/img/logo.png":          {Data: pngOf(t, 40, 20)},
	}
}

// The pictures pages show get their size, lazy loading after the first
// (the template's logo) and a srcset of copies the build writes beside
// them, without their metadata, and relinked like the rest.
func TestPagesImagesGetSizesAndCopies(t *testing.T) {
	res := build(t, imagesSite(t), Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	page := string(res.Files["rally/index.html"])
	for _, want := range []string{
		`<img src="../img/logo.png" alt="logo" width="40" height="20" decoding="async">`,
		`<img src="crowd.jpg" alt="Crowd" width="200" height="120" decoding="async" loading="lazy" srcset="crowd-100w.jpg 100w, crowd.jpg 200w" sizes="90vw">`,
		`alt="Again" width="200" height="120" decoding="async" loading="lazy" srcset="crowd-100w.jpg 100w, crowd.jpg 200w" sizes="90vw"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s:\n%s", want, page)
		}
	}
	if m, _ := jpeg.DecodeConfig(bytes.NewReader(res.Files["rally/crowd-50w.jpg"])); m.Width != 10 {
		t.Error("a copy was written over a file of the site")
	}
	if _, ok := res.Files["rally/crowd-400w.jpg"]; ok {
		t.Error("a copy wider than the photo was written")
	}
	c := res.Files["rally/crowd-100w.jpg"]
	if m, err := jpeg.DecodeConfig(bytes.NewReader(c)); err != nil || m.Width != 100 || m.Height != 60 {
		t.Errorf("the copy is %+v, %v; want 100x60", m, err)
	}
	if bytes.Contains(c, []byte("SecretCam")) || bytes.Contains(res.Files["rally/crowd.jpg"], []byte("SecretCam")) {
		t.Error("the camera's Exif block was published")
	}
	if !strings.Contains(string(res.Files["SHA256SUMS"]), "rally/crowd-100w.jpg") {
		t.Error("the copy is not in SHA256SUMS")
	}
	portable := build(t, imagesSite(t), Options{Portable: true})
	if !bytes.Contains(portable.Files["rally/index.html"], []byte(`srcset="crowd-100w.jpg 100w, crowd.jpg 200w"`)) {
		t.Errorf("the portable page has no srcset:\n%s", portable.Files["rally/index.html"])
	}
}

// A layout that shows a picture by the site's absolute address (absURL,
// as themes write a header image) gets its size and copies too: the
// finish makes the address page-relative, copies included.
func TestImagesByTheSitesAbsoluteAddress(t *testing.T) {
	fsys := imagesSite(t)
	fsys["site.toml"] = &fstest.MapFile{Data: []byte("baseURL = \"https://example.org/campaign/\"\ntitle = \"T\"\n[images]\nwidths = [50, 100, 400]\nsizes = \"90vw\"\n")}
	fsys["layouts/_default/single.html"] = &fstest.MapFile{Data: []byte(`<header><img src="{{ "rally/crowd.jpg" | absURL }}" alt="crowd"></header><main>{{ .Content }}</main>`)}
	res := build(t, fsys, Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems:\n%s", problems(res.Problems))
	}
	want := `<img src="crowd.jpg" alt="crowd" width="200" height="120" decoding="async" srcset="crowd-100w.jpg 100w, crowd.jpg 200w" sizes="90vw">`
	if page := string(res.Files["rally/index.html"]); !strings.Contains(page, want) {
		t.Errorf("the page lacks %s:\n%s", want, page)
	}
}

// With a cache (the dev server), a build after each edit gives the same
// bytes as a clean build, also when a picture changes under the same name,
// and Patch shows an edited page as the build will.
func TestImagesWithACache(t *testing.T) {
	fsys := imagesSite(t)
	devServer := Options{NoFingerprint: true}
	cache := NewCache()
	for _, step := range []struct {
		name string
		edit func()
	}{
		{"first build", func() {}},
		{"text edited", func() { edit(t, fsys, "content/rally/index.md", "![Crowd]", "More.\n\n![Crowd]") }},
		{"photo replaced by a wider one", func() { fsys["content/rally/crowd.jpg"] = &fstest.MapFile{Data: photoJPEG(t, 300, 100)} }},
		{"logo replaced", func() { fsys["static/img/logo.png"] = &fstest.MapFile{Data: pngOf(t, 60, 30)} }},
	} {
		step.edit()
		if step.name == "text edited" {
			patched, ok := Patch(context.Background(), cache, []string{"content/rally/index.md"})
			clean := buildWith(t, fsys, devServer, nil)
			if !ok {
				t.Fatal("Patch refused a text edit of a page with pictures")
			}
			if !bytes.Equal(patched.Files["rally/index.html"], clean.Files["rally/index.html"]) {
				t.Errorf("Patch gave\n%s\nthe build gives\n%s", patched.Files["rally/index.html"], clean.Files["rally/index.html"])
			}
		}
		cached := buildWith(t, fsys, devServer, cache)
		clean := buildWith(t, fsys, devServer, nil)
		if !maps.EqualFunc(cached.Files, clean.Files, bytes.Equal) {
			for name := range clean.Files {
				if !bytes.Equal(cached.Files[name], clean.Files[name]) {
					t.Errorf("%s: %s differs from a clean build:\n%s\nclean:\n%s", step.name, name, cached.Files[name], clean.Files[name])
				}
			}
			t.Fatalf("%s: cached build has %d files, clean %d", step.name, len(cached.Files), len(clean.Files))
		}
	}
}
