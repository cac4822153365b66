package publish

import (
	"bytes"
	"crypto/sha256"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"strings"
	"testing"
)

// processWith parses spec for action and processes data with it, without a
// cache.
func processWith(t *testing.T, data []byte, action, spec string) (Processed, error) {
	t.Helper()
	s, err := ParseProcessSpec(action, spec)
	if err != nil {
		t.Fatalf("%s %q: %v", action, spec, err)
	}
	return ProcessImage(data, ProcessKey(sha256.Sum256(data), s), s, nil)
}

// Specs are read as Hugo reads them, in any case and order; the words of
// the name come in a fixed order, Hugo's defaults left out.
func TestParseProcessSpec(t *testing.T) {
	for _, c := range []struct{ action, spec, words string }{
		{"resize", "600x", "resize_600x0"},
		{"resize", "x400", "resize_0x400"},
		{"fill", "1200x630", "fill_1200x630_center"},
		{"fill", "1200x630 Smart", "fill_1200x630_center"},
		{"crop", "BottomRight 400x400", "crop_400x400_bottomright"},
		{"fit", "800x800 Lanczos q85", "fit_800x800_lanczos_q85"},
		{"resize", "600x CatmullRom r-90 #FFF jpg photo", "resize_600x0_catmullrom_r270_bgffffff_jpeg"},
		{"", "fill 600x400 png", "fill_600x400_center_png"},
		{"", "r180", "r180"},
		{"", "q50 JPEG", "q50_jpeg"},
	} {
		s, err := ParseProcessSpec(c.action, c.spec)
		if err != nil {
			t.Errorf("%s %q: %v", c.action, c.spec, err)
			continue
		}
		if got := s.Words(); got != c.words {
			t.Errorf("%s %q: %s, want %s", c.action, c.spec, got, c.words)
		}
	}
	for _, c := range []struct{ action, spec, want string }{
		{"resize", "", "resize needs a width or a height"},
		{"resize", "x", "resize needs a width or a height"},
		{"fill", "600x", "fill needs a width and a height"},
		{"resize", "600x400x2", "is not a size in pixels"},
		{"resize", "-600x", "is not a size"},
		{"resize", "600", `"600" is not a size, anchor, filter`},
		{"resize", "10001x", "more than 10000 pixels a side"},
		{"resize", "600x q0", "not from q1 to q100"},
		{"resize", "600x q101", "not from q1 to q100"},
		{"resize", "600x r45", "quarter turns only"},
		{"resize", "600x #ggg", "is not a colour"},
		{"resize", "600x webp", "cannot write WEBP"},
		{"resize", "600x avif", "cannot write AVIF"},
		{"", "600x400", "a size needs an action first"},
	} {
		_, err := ParseProcessSpec(c.action, c.spec)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %q: %v, want %q", c.action, c.spec, err, c.want)
			continue
		}
		if err.(*SpecError).Hint == "" {
			t.Errorf("%s %q: no hint", c.action, c.spec)
		}
	}
}

// Sizes are gift's, which Hugo uses: Resize keeps the proportions of a
// side left out, Fit scales down only, Fill gives the box, Crop cuts
// without scaling, and a quarter turn comes first.
func TestProcessSpecSize(t *testing.T) {
	for _, c := range []struct {
		action, spec string
		w, h         int
		want         [2]int
	}{
		{"resize", "600x", 1200, 801, [2]int{600, 401}},
		{"resize", "x100", 300, 200, [2]int{150, 100}},
		{"resize", "50x50", 300, 200, [2]int{50, 50}},
		{"fit", "100x100", 300, 200, [2]int{100, 67}},
		{"fit", "100x100", 200, 300, [2]int{67, 100}},
		{"fit", "1000x1000", 300, 200, [2]int{300, 200}},
		{"fill", "100x100", 300, 200, [2]int{100, 100}},
		{"crop", "100x500", 300, 200, [2]int{100, 200}},
		{"resize", "100x r90", 300, 200, [2]int{100, 150}},
		{"", "r270", 300, 200, [2]int{200, 300}},
	} {
		s, err := ParseProcessSpec(c.action, c.spec)
		if err != nil {
			t.Fatal(err)
		}
		if w, h := s.size(c.w, c.h); [2]int{w, h} != c.want {
			t.Errorf("%s %q of %dx%d: %dx%d, want %v", c.action, c.spec, c.w, c.h, w, h, c.want)
		}
	}
}

// A processed photo has none of the original's metadata but its colour
// profile, and is turned as its Exif orientation said.
func TestProcessImageStripsAndTurns(t *testing.T) {
	_, tagged := jpegWithMetadata(t, 6) // stored 32x24, shown 24x32
	p, err := processWith(t, tagged, "resize", "12x")
	if err != nil {
		t.Fatal(err)
	}
	if p.Width != 12 || p.Height != 16 || p.Format != "jpeg" || p.Ext() != ".jpg" {
		t.Errorf("got %dx%d %s, want a 12x16 JPEG", p.Width, p.Height, p.Format)
	}
	if b := decodePixels(t, p.Data).Bounds(); b.Dx() != 12 || b.Dy() != 16 {
		t.Errorf("decodes to %v", b)
	}
	for _, leak := range leaks {
		if bytes.Contains(p.Data, []byte(leak)) {
			t.Errorf("the processed photo holds %q", leak)
		}
	}
	if !bytes.Contains(p.Data, []byte("ICC_PROFILE\x00")) {
		t.Error("the processed photo lost its colour profile")
	}
}

// quadrants is an n×n PNG whose quarters are red, green, blue and white,
// clockwise from the top left; its right half is see-through when clear.
func quadrants(t *testing.T, n int, clear bool) []byte {
	t.Helper()
	m := image.NewNRGBA(image.Rect(0, 0, n, n))
	cols := [2][2]color.NRGBA{{{255, 0, 0, 255}, {0, 255, 0, 255}}, {{255, 255, 255, 255}, {0, 0, 255, 255}}}
	for y := range n {
		for x := range n {
			c := cols[2*y/n][2*x/n]
			if clear && 2*x >= n {
				c.A = 0
			}
			m.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func rgbAt(t *testing.T, data []byte, x, y int) [3]uint32 {
	t.Helper()
	r, g, b, _ := decodePixels(t, data).At(x, y).RGBA()
	return [3]uint32{r >> 8, g >> 8, b >> 8}
}

// Crop and Fill keep the part at the anchor; a turn is counter-clockwise,
// as Hugo's.
func TestProcessImageAnchorsAndTurns(t *testing.T) {
	src := quadrants(t, 4, false)
	red, green, blue, white := [3]uint32{255, 0, 0}, [3]uint32{0, 255, 0}, [3]uint32{0, 0, 255}, [3]uint32{255, 255, 255}
	for _, c := range []struct {
		action, spec string
		x, y         int
		want         [3]uint32
	}{
		{"crop", "2x2 TopLeft", 0, 0, red},
		{"crop", "2x2 TopRight", 1, 1, green},
		{"crop", "2x2 BottomRight", 0, 0, blue},
		{"crop", "2x2 BottomLeft", 1, 0, white},
		{"fill", "4x2 Bottom", 0, 1, white},
		{"", "r90", 0, 0, green},  // the top right comes to the top left
		{"", "r270", 0, 0, white}, // the bottom left comes to the top left
		{"", "r180", 0, 0, blue},
	} {
		p, err := processWith(t, src, c.action, c.spec)
		if err != nil {
			t.Fatalf("%s %q: %v", c.action, c.spec, err)
		}
		if got := rgbAt(t, p.Data, c.x, c.y); got != c.want {
			t.Errorf("%s %q: pixel %d,%d is %v, want %v", c.action, c.spec, c.x, c.y, got, c.want)
		}
	}
}

// A transparent picture made a JPEG is laid on white, as Hugo's default
// background; a background in the spec is used for a PNG too.
func TestProcessImageBackground(t *testing.T) {
	src := quadrants(t, 32, true)
	p, err := processWith(t, src, "", "jpg")
	if err != nil {
		t.Fatal(err)
	}
	if got := rgbAt(t, p.Data, 31, 0); got[0] < 245 || got[1] < 245 || got[2] < 245 {
		t.Errorf("the clear part made a JPEG is %v, want white", got)
	}
	p, err = processWith(t, src, "", "#f00")
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != "png" {
		t.Errorf("format %s, want the PNG's own", p.Format)
	}
	if got := rgbAt(t, p.Data, 31, 0); got != [3]uint32{255, 0, 0} {
		t.Errorf("the clear part on #f00 is %v, want red", got)
	}
}

// Every filter of Hugo's gives the size asked, and the same bytes each
// time; they are not all the same filter.
func TestProcessImageFilters(t *testing.T) {
	_, tagged := jpegWithMetadata(t, 1)
	seen := map[string]string{}
	for name := range filters {
		a, err := processWith(t, tagged, "resize", "13x "+name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, _ := processWith(t, tagged, "resize", "13x "+name)
		if !bytes.Equal(a.Data, b.Data) {
			t.Errorf("%s: two runs differ", name)
		}
		if a.Width != 13 || a.Height != 10 {
			t.Errorf("%s: %dx%d, want 13x10", name, a.Width, a.Height)
		}
		seen[string(a.Data)] = name
	}
	if len(seen) < 10 {
		t.Errorf("%d filters give %d different pictures", len(filters), len(seen))
	}
}

// With a cache, a processing is done once: the second asks get the first's
// result.
func TestProcessImageCached(t *testing.T) {
	_, tagged := jpegWithMetadata(t, 1)
	s, _ := ParseProcessSpec("resize", "10x")
	key := ProcessKey(sha256.Sum256(tagged), s)
	cache := NewProcessCache()
	first, err := ProcessImage(tagged, key, s, cache)
	if err != nil {
		t.Fatal(err)
	}
	cache.m[key] = Processed{Data: []byte("from the cache"), Width: first.Width, Height: first.Height, Format: "jpeg"}
	if again, _ := ProcessImage(tagged, key, s, cache); string(again.Data) != "from the cache" {
		t.Error("the second processing did not come from the cache")
	}
	cache.Prune()
	cache.Prune() // unused since the last Prune
	if _, ok := cache.m[key]; ok {
		t.Error("Prune kept what no build used")
	}
}

// What processing cannot do is a mistake with a hint: write WebP, process
// an animated GIF, or read what is no picture.
func TestProcessImageRefuses(t *testing.T) {
	var anim bytes.Buffer
	frame := image.NewPaletted(image.Rect(0, 0, 4, 4), []color.Color{color.Black, color.White})
	if err := gif.EncodeAll(&anim, &gif.GIF{Image: []*image.Paletted{frame, frame}, Delay: []int{10, 10}}); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"animated GIF":  {anim.Bytes(), "animated GIF"},
		"not a picture": {[]byte("%PDF-1.4"), "cannot be read"},
	} {
		_, err := processWith(t, c.data, "resize", "2x")
		if err == nil || !strings.Contains(err.Error(), c.want) || err.(*SpecError).Hint == "" {
			t.Errorf("%s: %v, want %q with a hint", name, err, c.want)
		}
	}
}

// A picture converted to GIF is a GIF of the size asked; a GIF of one
// frame is processed as it is.
func TestProcessImageToAndFromGIF(t *testing.T) {
	p, err := processWith(t, quadrants(t, 8, false), "resize", "4x gif")
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != "gif" || p.Ext() != ".gif" {
		t.Fatalf("format %s, want gif", p.Format)
	}
	if b := decodePixels(t, p.Data).Bounds(); b.Dx() != 4 || b.Dy() != 4 {
		t.Errorf("decodes to %v, want 4x4", b)
	}
	again, err := processWith(t, p.Data, "", "r90")
	if err != nil || again.Format != "gif" {
		t.Errorf("a GIF of one frame turned: %v, format %s", err, again.Format)
	}
}
