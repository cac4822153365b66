package publish

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"strings"
	"testing"

	"github.com/samizdat-press/samizdat/internal/output"
)

// animatedGIF is a two-frame looping GIF as image/gif writes it: a global
// colour table, a NETSCAPE2.0 loop extension, graphic control extensions
// with delays and transparency, and a local colour table on frame two.
func animatedGIF(t *testing.T) []byte {
	t.Helper()
	global := color.Palette{color.Black, color.White, color.RGBA{200, 0, 0, 255}, color.Transparent}
	local := color.Palette{color.RGBA{0, 0, 200, 255}, color.RGBA{0, 200, 0, 255}}
	a := &gif.GIF{LoopCount: 0, Config: image.Config{ColorModel: global, Width: 8, Height: 6}}
	for f, pal := range []color.Palette{global, local} {
		img := image.NewPaletted(image.Rect(0, 0, 8, 6), pal)
		for i := range img.Pix {
			img.Pix[i] = uint8((i + f) % len(pal))
		}
		a.Image = append(a.Image, img)
		a.Delay = append(a.Delay, 50)
		a.Disposal = append(a.Disposal, gif.DisposalBackground)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, a); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// gifExt is an extension block with the given label and sub-blocks.
func gifExt(label byte, blocks ...string) string {
	s := string([]byte{gifExtension, label})
	for _, b := range blocks {
		s += string([]byte{byte(len(b))}) + b
	}
	return s + "\x00"
}

func TestStripGIF(t *testing.T) {
	orig := animatedGIF(t)
	if got, err := stripGIF(orig); err != nil || !bytes.Equal(got, orig) {
		t.Fatalf("a GIF without metadata changed (err %v):\n got %x\nwant %x", err, got, orig)
	}
	if !bytes.Contains(orig, []byte("NETSCAPE2.0")) {
		t.Fatal("fixture has no loop extension")
	}

	// Metadata goes in before the first block (after the global colour
	// table), between the frames and after the trailer.
	const afterGCT = 13 + 3*4
	frame2 := bytes.LastIndex(orig, []byte{gifExtension, gifControl})
	comment := gifExt(gifComment, "taken at 43.2123 N, 76.8512 E", "by Ana")
	xmp := gifExt(gifAppSpecial, "XMP DataXMP", `<x:xmpmeta><exif:GPSLatitude>43,12.7N</exif:GPSLatitude></x:xmpmeta>`)
	icc := gifExt(gifAppSpecial, "ICCRGBG1012", "profile bytes")
	unknown := gifExt(0x99, "vendor data")
	dirty := string(orig[:afterGCT]) + comment + xmp + string(orig[afterGCT:frame2]) + icc + unknown +
		string(orig[frame2:]) + "motion photo after the trailer"
	// image/gif refuses unknown extensions, which browsers skip.
	if _, err := gif.DecodeAll(strings.NewReader(strings.Replace(dirty, unknown, "", 1))); err != nil {
		t.Fatalf("fixture with metadata is not a valid GIF: %v", err)
	}
	got, err := stripGIF([]byte(dirty))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, orig) {
		t.Errorf("stripped GIF is not the GIF without its metadata:\n got %x\nwant %x", got, orig)
	}
	for _, secret := range []string{"43.2123", "GPSLatitude", "ICCRGBG1012", "vendor", "motion"} {
		if bytes.Contains(got, []byte(secret)) {
			t.Errorf("stripped GIF still holds %q", secret)
		}
	}

	// Through Process, by name.
	out := &output.Output{Files: map[string][]byte{"img/a.gif": []byte(dirty)}}
	Process(out, Options{})
	if len(out.Problems) > 0 || !bytes.Equal(out.Files["img/a.gif"], orig) {
		t.Errorf("Process left img/a.gif with %d bytes of metadata, problems %v", len(out.Files["img/a.gif"])-len(orig), out.Problems)
	}
}

func TestStripGIFDamaged(t *testing.T) {
	orig := animatedGIF(t)
	for name, b := range map[string][]byte{
		"not a GIF":         []byte("GIF88a........."),
		"cut in a frame":    orig[:len(orig)-10],
		"no trailer":        orig[:len(orig)-1],
		"stray byte":        append(append([]byte(nil), orig[:len(orig)-1]...), 0x42, gifTrailer),
		"cut in the header": orig[:10],
	} {
		if _, err := stripGIF(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestUncleaned(t *testing.T) {
	ftyp := func(major string, compatible ...string) []byte {
		box := "\x00\x00\x00" + string(rune(16+4*len(compatible))) + "ftyp" + major + "\x00\x00\x00\x00" + strings.Join(compatible, "")
		return []byte(box + "\x00\x00\x00\x08mdat")
	}
	_, tagged := jpegWithMetadata(t, 1)
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"a.avif", ftyp("avif", "mif1", "miaf"), "AVIF"},
		{"b.avif", ftyp("mif1", "avif"), "AVIF"},
		{"IMG_0001.HEIC", ftyp("heic", "mif1", "heic"), "HEIC"},
		{"renamed.jpg", ftyp("mif1", "heic"), "HEIC"},
		{"clip.mp4", ftyp("isom", "iso2", "mp41"), ""},
		{"scan.tif", []byte("II*\x00\x08\x00\x00\x00"), "TIFF"},
		{"raw.dng", []byte("MM\x00*\x00\x00\x00\x08"), "TIFF"},
		{"a.jxl", []byte("\x00\x00\x00\x0cJXL \r\n\x87\n"), "JPEG XL"},
		{"photo.jpg", tagged, ""},
		{"photo.JFIF", tagged, ""},
		{"photo.jpg.bak", tagged, "JPEG"},
		{"photo.heic", tagged, "JPEG"},
		{"a.gif", animatedGIF(t), ""},
		{"a.gif.orig", animatedGIF(t), "GIF"},
		{"notes.txt", []byte("hello"), ""},
		{"empty", nil, ""},
	} {
		if got := Uncleaned(tc.name, tc.data); got != tc.want {
			t.Errorf("Uncleaned(%q) = %q; want %q", tc.name, got, tc.want)
		}
	}
}

// TestUncleanedVideo: a phone's or camera's video is named by content, as
// its metadata (udta, meta: GPS) is published as it is; pictures, sound
// and other files are not videos.
func TestUncleanedVideo(t *testing.T) {
	ftyp := func(major string, compatible ...string) []byte {
		box := "\x00\x00\x00" + string(rune(16+4*len(compatible))) + "ftyp" + major + "\x00\x00\x00\x00" + strings.Join(compatible, "")
		return []byte(box + "\x00\x00\x00\x08mdat")
	}
	for _, tc := range []struct {
		data []byte
		want string
	}{
		{ftyp("isom", "iso2", "mp41"), "MP4"},
		{ftyp("mp42", "isom"), "MP4"},
		{ftyp("qt  ", "qt  "), "QuickTime (.mov)"},
		{ftyp("3gp4", "isom"), "3GP"},
		{ftyp("M4A ", "isom"), ""},
		{ftyp("heic", "mif1"), ""},
		{ftyp("avif", "mif1"), ""},
		{[]byte("\xFF\xD8\xFF\xE0"), ""},
		{nil, ""},
	} {
		if got := UncleanedVideo(tc.data); got != tc.want {
			t.Errorf("UncleanedVideo(%q) = %q; want %q", tc.data[:min(len(tc.data), 12)], got, tc.want)
		}
	}
}

// TestProcessCleansEveryName checks that the other names of JPEG and PNG
// files (.jfif, .jpe, .apng) are cleaned too.
func TestProcessCleansEveryName(t *testing.T) {
	_, tagged := jpegWithMetadata(t, 1)
	out := &output.Output{Files: map[string][]byte{"a.jfif": tagged, "b.JPE": tagged, "c.apng": pngWithMetadata(t)}}
	Process(out, Options{})
	if len(out.Problems) > 0 {
		t.Fatalf("problems: %v", out.Problems)
	}
	for name, b := range out.Files {
		for _, secret := range []string{"Jane Doe", "safe house", "Zhanaozen"} {
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("%s still holds %q", name, secret)
			}
		}
	}
}
