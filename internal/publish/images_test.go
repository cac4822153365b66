package publish

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"strings"
	"testing"

	"github.com/samizdat-press/samizdat/internal/relink"
)

var copyOpts = ImageOptions{Resize: true, Widths: []int{16, 8, 64, 16}, Sizes: "100vw", Quality: 80}

// leaks are bytes of jpegWithMetadata's metadata that no copy may hold.
var leaks = []string{"SecretCam", "xmpmeta", "IPTC", "safe house", "MotionPhoto", "thumbnail", "Exif", string(gpsLatitudeSeconds)}

func TestSizeImageJPEGCopiesHaveNoMetadata(t *testing.T) {
	_, tagged := jpegWithMetadata(t, 1)
	im, ok := SizeImage("a/photo.jpg", tagged, copyOpts, nil)
	if !ok || im.Width != 32 || im.Height != 24 {
		t.Fatalf("got %dx%d, %v; want 32x24", im.Width, im.Height, ok)
	}
	// 64 is wider than the photo and 16 is asked twice: two copies.
	want := [][2]int{{8, 6}, {16, 12}}
	if len(im.Copies) != len(want) {
		t.Fatalf("got %d copies, want %v", len(im.Copies), want)
	}
	for i, c := range im.Copies {
		if c.Width != want[i][0] {
			t.Errorf("copy %d is %d wide, want %d", i, c.Width, want[i][0])
		}
		b := decodePixels(t, c.Data).Bounds()
		if b.Dx() != want[i][0] || b.Dy() != want[i][1] {
			t.Errorf("copy %d decodes to %v, want %dx%d", i, b, want[i][0], want[i][1])
		}
		for _, leak := range leaks {
			if bytes.Contains(c.Data, []byte(leak)) {
				t.Errorf("copy %d holds %q", i, leak)
			}
		}
		if !bytes.Contains(c.Data, []byte("ICC_PROFILE\x00")) {
			t.Errorf("copy %d lost the colour profile", i)
		}
	}
}

// A photo taken sideways is shown turned: its size is as shown, and its
// copies hold turned pixels, as they carry no orientation tag.
func TestSizeImageTurnsSidewaysPhotos(t *testing.T) {
	_, tagged := jpegWithMetadata(t, 6)
	im, ok := SizeImage("photo.jpg", tagged, ImageOptions{Resize: true, Widths: []int{12}}, nil)
	if !ok || im.Width != 24 || im.Height != 32 || len(im.Copies) != 1 {
		t.Fatalf("got %dx%d with %d copies, want 24x32 with 1", im.Width, im.Height, len(im.Copies))
	}
	m := decodePixels(t, im.Copies[0].Data)
	if b := m.Bounds(); b.Dx() != 12 || b.Dy() != 16 {
		t.Fatalf("the copy is %v, want 12x16", b)
	}
	// testImage's red grows to the right (x*8) and its green downwards
	// (y*10). Turned a quarter clockwise, the stored top row is the
	// shown right column: green grows from right to left.
	g := func(x, y int) uint8 { return color.RGBAModel.Convert(m.At(x, y)).(color.RGBA).G }
	if g(1, 8) <= g(10, 8) {
		t.Errorf("green at the left %d, at the right %d: the copy is not turned", g(1, 8), g(10, 8))
	}
	if bytes.Contains(im.Copies[0].Data, []byte("Exif")) {
		t.Error("the copy carries an orientation tag as well as turned pixels")
	}
}

func TestSizeImagePNGCopies(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 64, 40))
	for y := range 40 {
		for x := range 64 {
			src.Set(x, y, color.NRGBA{uint8(x * 4), uint8(y * 6), uint8(x * y), uint8(255 - x)})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, src); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	tagged := append(append(append([]byte(nil), b[:33]...), pngChunk("tEXt", []byte("Author\x00Jane Doe, GPS 43.21N"))...), b[33:]...)
	im, ok := SizeImage("a.png", tagged, copyOpts, nil)
	if !ok || im.Width != 64 || im.Height != 40 || len(im.Copies) != 2 {
		t.Fatalf("got %dx%d with %d copies, want 64x40 with 2", im.Width, im.Height, len(im.Copies))
	}
	for _, c := range im.Copies {
		if bytes.Contains(c.Data, []byte("Jane")) || bytes.Contains(c.Data, []byte("tEXt")) {
			t.Errorf("the %dw copy holds the text chunk", c.Width)
		}
		m := decodePixels(t, c.Data)
		if _, _, _, a := m.At(c.Width-1, 0).RGBA(); a == 0xFFFF {
			t.Errorf("the %dw copy lost its transparency", c.Width)
		}
	}
}

func TestSizeImageNoCopies(t *testing.T) {
	plain, _ := jpegWithMetadata(t, 1)
	for name, opts := range map[string]ImageOptions{
		"resize off":          {Widths: []int{8}},
		"widths not narrower": {Resize: true, Widths: []int{32, 100}},
		"no widths":           {Resize: true},
	} {
		im, ok := SizeImage("a.jpg", plain, opts, nil)
		if !ok || im.Width != 32 || len(im.Copies) != 0 {
			t.Errorf("%s: got %+v, %v; want 32 wide, no copies", name, im, ok)
		}
	}
	if _, ok := SizeImage("a.jpg", []byte("not a picture"), copyOpts, nil); ok {
		t.Error("a damaged JPEG got a size")
	}
	if _, ok := SizeImage("a.txt", plain, copyOpts, nil); ok {
		t.Error("a .txt file got a size")
	}
}

// GIF, WebP and SVG pictures get their size, cheaply, and no copies.
func TestSizeImageOtherFormats(t *testing.T) {
	var g bytes.Buffer
	if err := gif.Encode(&g, image.NewPaletted(image.Rect(0, 0, 40, 30), []color.Color{color.Black, color.White}), nil); err != nil {
		t.Fatal(err)
	}
	// A lossless WebP header: 0x2F, then width-1 and height-1 in 14 bits each.
	vp8l := []byte{0x2F}
	vp8l = binary.LittleEndian.AppendUint32(vp8l, uint32(50-1)|uint32(20-1)<<14)
	webp := append([]byte("RIFF\x00\x00\x00\x00WEBPVP8L"), binary.LittleEndian.AppendUint32(nil, uint32(len(vp8l)))...)
	webp = append(webp, vp8l...)
	binary.LittleEndian.PutUint32(webp[4:], uint32(len(webp)-8))
	for _, c := range []struct {
		name string
		data []byte
		w, h int
		ok   bool
	}{
		{"a.gif", g.Bytes(), 40, 30, true},
		{"a.webp", webp, 50, 20, true},
		{"a.svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="120px" height="80.4"><rect/></svg>`), 120, 80, true},
		{"em.svg", []byte(`<svg width="10em" height="5em"/>`), 0, 0, false},
		{"viewbox.svg", []byte(`<svg viewBox="0 0 10 10"/>`), 0, 0, false},
	} {
		im, ok := SizeImage(c.name, c.data, copyOpts, nil)
		if ok != c.ok || im.Width != c.w || im.Height != c.h || len(im.Copies) > 0 {
			t.Errorf("%s: got %+v, %v; want %dx%d, %v", c.name, im, ok, c.w, c.h, c.ok)
		}
	}
}

// Copies are the same bytes every time, and a cache gives them back.
func TestSizeImageIsDeterministicAndCached(t *testing.T) {
	_, tagged := jpegWithMetadata(t, 3)
	a, _ := SizeImage("a.jpg", tagged, copyOpts, nil)
	cache := NewImageCache()
	b, _ := SizeImage("a.jpg", tagged, copyOpts, cache)
	c, _ := SizeImage("b/other-name.jpg", tagged, copyOpts, cache)
	for i := range a.Copies {
		if !bytes.Equal(a.Copies[i].Data, b.Copies[i].Data) || &b.Copies[i].Data[0] != &c.Copies[i].Data[0] {
			t.Fatalf("copy %d differs between runs, or the cache was not used", i)
		}
	}
	cache.Prune() // used since the last prune: kept
	if _, ok := cache.m[keyOf(tagged)]; !ok {
		t.Fatal("Prune dropped a picture the build used")
	}
	cache.Prune() // not used since: dropped
	if _, ok := cache.m[keyOf(tagged)]; ok {
		t.Fatal("Prune kept a picture no build used")
	}
}

func keyOf(data []byte) [32]byte { return imageKey("jpeg", data, copyOpts) }

var photo = ImageFacts{Width: 3000, Height: 2000, CopyWidths: []int{480, 960}}

func TestRewriteImgs(t *testing.T) {
	look := func(f string) (ImageFacts, bool) {
		switch f {
		case "news/a/photo.jpg", "img/photo.jpg":
			return photo, true
		case "img/logo.svg":
			return ImageFacts{Width: 100, Height: 40}, true
		}
		return ImageFacts{}, false
	}
	const sizes = "(max-width: 42rem) 100vw, 40rem"
	for _, c := range []struct{ name, in, want string }{
		{"first image: not lazy",
			`<p><img src="photo.jpg" alt="A">`,
			`<p><img src="photo.jpg" alt="A" width="3000" height="2000" decoding="async" srcset="photo-480w.jpg 480w, photo-960w.jpg 960w, photo.jpg 3000w" sizes="` + sizes + `">`},
		{"later images are lazy; any <img> counts as the first",
			`<img src="https://x.example/a.png"><img src=/img/photo.jpg alt=B />`,
			`<img src="https://x.example/a.png"><img src=/img/photo.jpg alt=B width="3000" height="2000" decoding="async" loading="lazy" srcset="/img/photo-480w.jpg 480w, /img/photo-960w.jpg 960w, /img/photo.jpg 3000w" sizes="` + sizes + `" />`},
		{"a template's own attributes are kept",
			`<img src="/img/logo.svg" width="50" loading="eager" decoding="sync"><img src="../../img/photo.jpg" sizes="50vw" height="10">`,
			`<img src="/img/logo.svg" width="50" loading="eager" decoding="sync"><img src="../../img/photo.jpg" sizes="50vw" height="10" decoding="async" loading="lazy" srcset="../../img/photo-480w.jpg 480w, ../../img/photo-960w.jpg 960w, ../../img/photo.jpg 3000w">`},
		{"an <img> with a srcset is left alone",
			`<img srcset="photo.jpg 2x" src="photo.jpg"><img src="photo.jpg">`,
			`<img srcset="photo.jpg 2x" src="photo.jpg"><img src="photo.jpg" width="3000" height="2000" decoding="async" loading="lazy" srcset="photo-480w.jpg 480w, photo-960w.jpg 960w, photo.jpg 3000w" sizes="` + sizes + `">`},
		{"a query keeps the size but gets no srcset",
			`<img src="photo.jpg?v=2">`,
			`<img src="photo.jpg?v=2" width="3000" height="2000" decoding="async">`},
		{"a picture by the site's own absolute address is the site's",
			`<img src="https://Example.org:443/campaign/img/photo.jpg"><img src="https://example.org/img/photo.jpg">`,
			`<img src="https://Example.org:443/campaign/img/photo.jpg" width="3000" height="2000" decoding="async" srcset="https://Example.org:443/campaign/img/photo-480w.jpg 480w, https://Example.org:443/campaign/img/photo-960w.jpg 960w, https://Example.org:443/campaign/img/photo.jpg 3000w" sizes="` + sizes + `"><img src="https://example.org/img/photo.jpg">`},
		{"unknown pictures and other tags are untouched",
			`<picture><source srcset="x.avif"><img src="missing.jpg"></picture><a href="photo.jpg">`,
			`<picture><source srcset="x.avif"><img src="missing.jpg"></picture><a href="photo.jpg">`},
	} {
		got, used := RewriteImgs("news/a/index.html", []byte(c.in), look, sizes, relink.ParseAddress("https://example.org/campaign/"))
		if string(got) != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
		if (c.in == c.want) != (used == "") && !strings.Contains(c.name, "unknown") {
			t.Errorf("%s: used %q", c.name, used)
		}
	}
}

func TestImgSrcs(t *testing.T) {
	got := ImgSrcs("news/a/index.html", []byte(`<img src="p.jpg"><img src="/img/%D1%84.png"><img src="p.jpg"><img src="data:x"><noscript><img src="../b.gif"></noscript>`+
		`<img src="https://example.org/campaign/img/c.png"><img src="https://example.org/img/d.png"><img src="https://other.example/campaign/img/e.png">`),
		relink.ParseAddress("https://example.org/campaign/"))
	want := []string{"news/a/p.jpg", "img/ф.png", "news/b.gif", "img/c.png"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestCopyName(t *testing.T) {
	if got := CopyName("a/photo.v2.JPG", 480); got != "a/photo.v2-480w.JPG" {
		t.Errorf("got %s", got)
	}
}

// ImageSize reads the size SizeImage reads, a sideways photo's turned,
// from the header alone; a file that is not a picture has none.
func TestImageSize(t *testing.T) {
	var pic bytes.Buffer
	if err := png.Encode(&pic, image.NewRGBA(image.Rect(0, 0, 40, 30))); err != nil {
		t.Fatal(err)
	}
	_, sideways := jpegWithMetadata(t, 6)
	for _, c := range []struct {
		name string
		data []byte
		w, h int
		ok   bool
	}{
		{"a.png", pic.Bytes(), 40, 30, true},
		{"A.PNG", pic.Bytes(), 40, 30, true},
		{"photo.jpg", sideways, 24, 32, true},
		{"a.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="12" height="7"></svg>`), 12, 7, true},
		{"a.png", []byte("not a picture"), 0, 0, false},
		{"a.pdf", pic.Bytes(), 0, 0, false},
	} {
		w, h, ok := ImageSize(c.name, c.data)
		if w != c.w || h != c.h || ok != c.ok {
			t.Errorf("ImageSize(%s) = %d, %d, %t; want %d, %d, %t", c.name, w, h, ok, c.w, c.h, c.ok)
		}
	}
}
